#pragma once

#include "gemba/model/project.h"

#include <cstdint>
#include <filesystem>

/// .gemba project files: SQLite databases with Gemba's application_id and a schema version in
/// user_version. Schema and migrations: docs/file-format.md.
namespace gemba::store {

/// "GMBA" in ASCII, in the SQLite header's application_id.
inline constexpr std::int32_t kApplicationId = 0x474D4241;
/// The schema this build writes; files of every earlier version are migrated on open.
int currentSchemaVersion();

/// Reads a project. Throws InputError with a clear message for a file that is missing, not a
/// Gemba project, from a newer Gemba, truncated or damaged. Never leaves the file changed.
model::Project openProject(const std::filesystem::path& file);

/// Writes a project atomically: into a temporary file beside the target, synced, then renamed
/// over it. A failure at any point leaves the previous file as it was. Throws InputError.
void saveProject(const model::Project& project, const std::filesystem::path& file);

} // namespace gemba::store
