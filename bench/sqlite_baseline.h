#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <variant>
#include <vector>

/// A bare SQLite baseline for the store's save and open timings: the same rows, in tables with
/// the same columns and column types, written and read back with nothing of Gemba around them
/// (no model, no checks, no constraints or keys, SQLite's default journal and syncs).
namespace gemba::bench {

/// One cell, as SQLite stores it.
using SqlValue = std::variant<std::monostate, std::int64_t, double, std::string>;

/// A table's shape and rows, held in memory.
struct TableCopy {
    std::string name;
    std::vector<std::string> columns;
    std::vector<std::string> types; ///< declared types: INTEGER, REAL, TEXT, ANY
    std::string createSql;          ///< the file's own CREATE TABLE (keys, STRICT, references)
    std::vector<SqlValue> cells;    ///< row after row
    std::size_t rows = 0;
};

/// Every table of a database file, in schema order.
struct DatabaseCopy {
    std::vector<TableCopy> tables;
    std::size_t rows() const;
};

/// Reads every table of `file` (a .gemba file) into memory. Throws std::runtime_error.
DatabaseCopy copyDatabase(const std::filesystem::path& file);

/// Which tables writeBaseline creates.
enum class BaselineSchema {
    Bare,     ///< same columns and declared types, nothing else: no keys, no constraints
    Original, ///< the file's own CREATE TABLE statements, foreign keys enforced
};

/// Creates `file` anew (it must not exist) with one table per table of `copy` and inserts every
/// row in one transaction through one prepared statement per table, with SQLite's default
/// journal and syncs. Throws std::runtime_error.
void writeBaseline(const DatabaseCopy& copy, const std::filesystem::path& file,
                   BaselineSchema schema = BaselineSchema::Bare);

/// Selects every row of every table of `copy` back from `file`, reading each cell into a value
/// as a reader building its objects would. Returns the number of rows read.
std::size_t readBaseline(const DatabaseCopy& copy, const std::filesystem::path& file);

} // namespace gemba::bench
