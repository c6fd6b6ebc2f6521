#pragma once

#include "gemba/model/project.h"
#include "schema.h"

#include <filesystem>
#include <functional>
#include <span>
#include <string_view>

/// Internals of .gemba files that the tests reach into: fault injection for saves and opening
/// with another list of migrations.
namespace gemba::store::detail {

/// Makes every following save fail, as a full disk would, once it has written `afterRows` rows;
/// a negative value turns the fault off.
void setSaveFaultForTesting(int afterRows);

/// Calls `observer` at each stage of every following save: "rows" after each thousand rows
/// written, then "written" (database complete and closed), "synced" (temporary file synced),
/// "renamed" (new file in place). An empty function turns it off.
void setSaveObserverForTesting(std::function<void(std::string_view stage)> observer);

/// openProject with another list of migrations and another current schema version.
model::Project openProjectWith(const std::filesystem::path& file, std::span<const Migration> steps,
                               int currentVersion);

} // namespace gemba::store::detail
