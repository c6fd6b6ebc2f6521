#pragma once

#include "sqlite_db.h"

#include <functional>
#include <span>
#include <string_view>

/// The SQLite schema of .gemba files and the forward migrations from older schemas.
namespace gemba::store::detail {

/// The schema this build writes. Raise it with every change to the tables, and add the
/// migration from the previous version to kMigrations (schema.cpp).
inline constexpr int kSchemaVersion = 7;

/// SQL that creates every table of the current schema in an empty database.
std::string_view schemaSql();

/// The tables the reader queries; each must be a real table (not a view) in a file it opens.
std::span<const std::string_view> schemaTables();

/// One step forward: brings a database of schema `version - 1` to schema `version`, by SQL or
/// by a function (for changes SQL cannot express).
struct Migration {
    int version = 0;
    std::string_view sql;
    std::function<void(Database&)> function;
};

/// The migrations of this build, in ascending version order, ending at kSchemaVersion.
std::span<const Migration> migrations();

/// Applies, in order, every step above the database's user_version up to `target`. The steps
/// run in one transaction that also sets user_version, so a failing step leaves the database as
/// it was. Throws SqliteError, or std::runtime_error when a step is missing from the list.
void migrate(Database& db, std::span<const Migration> steps, int target);

} // namespace gemba::store::detail
