#pragma once

#include "gemba/model/project.h"

#include <string>
#include <string_view>
#include <vector>

/// A whole map as one CSV table, a row per element and a `type` column saying which: the map's
/// own properties, suppliers, customers, steps, waits and inventories, flows (with kinds,
/// shares and waits), info boxes, notes, red pens and frictions. Durations are written in exact
/// seconds beside a readable form, so that importing the table gives back the same map and the
/// same figures. Columns and rules: docs/file-format.md.
namespace gemba::store {

/// The table of `map`. Rows reference each other by the `ref` column ("step-12"), which is the
/// element's id in the project: the same id the SVG export gives the element's group.
std::string exportCsvMap(const model::Project& project, const model::Map& map);

/// True when the first non-blank row of a CSV text has a `type` column: a map table rather than
/// a step table.
bool isCsvMapTable(std::string_view text);

/// Adds the map a table describes to `project`, with the systems and people it names that the
/// project lacks; `mapName`, when not empty, replaces the name of the table's map row. The
/// calendar of the table's map row becomes the project's when the project has no map yet;
/// otherwise a differing calendar is a warning. Throws InputError naming the row and column of
/// the first bad cell; the project is then unchanged.
model::Id importCsvMap(model::Project& project, std::string_view text, const std::string& file,
                       const std::string& mapName, std::vector<std::string>* warnings = nullptr);

} // namespace gemba::store
