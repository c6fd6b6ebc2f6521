#pragma once

#include "gemba/model/project.h"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

/// CSV step tables as analysts keep them: one row per step, in flow order. Columns and rules:
/// docs/file-format.md.
namespace gemba::store {

struct CsvImportOptions {
    std::string mapName = "Current state";
    std::optional<double> demandPerDay;
    std::optional<double> hoursPerDay; ///< sets the project's calendar when given
};

/// Adds a map made of the rows of `text` to `project` (steps joined by push flows in row order,
/// waits and inventories between them), with any systems it names that the project lacks.
/// Throws InputError naming the row and column of the first bad cell; the project is then
/// unchanged. Returns the new map's id. What was read but may not be what the table meant (a
/// %C&A column written as fractions, an inventory without demand) is added to `warnings`, each
/// naming the file, row and column.
model::Id importCsvSteps(model::Project& project, std::string_view text, const std::string& file,
                         const CsvImportOptions& options = {},
                         std::vector<std::string>* warnings = nullptr);

/// The step table of a map in the columns importCsvSteps reads, one row per step in `order`
/// (flow order, from the metrics engine), so that an exported table imports back to the same
/// steps.
std::string exportCsvSteps(const model::Project& project, const model::Map& map,
                           std::span<const model::Id> order);

} // namespace gemba::store
