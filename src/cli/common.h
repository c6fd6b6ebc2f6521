#pragma once

#include "gemba/metrics/metrics.h"
#include "gemba/model/project.h"

#include <filesystem>
#include <string>
#include <vector>

/// What the commands share: reading projects, finding maps, and numbers written the same way
/// in every locale.
namespace gemba::cli {

/// A project from a .gemba file, or from a Gemba JSON file when the name ends in ".json".
/// Throws store::InputError naming the file.
model::Project readProject(const std::filesystem::path& file);

/// The whole content of a text file. Throws store::InputError naming the file.
std::string readTextFile(const std::filesystem::path& file);

/// The map called `name`. Throws Failure naming the file and listing the maps there are.
const model::Map& mapNamed(const model::Project& project, const std::string& file,
                           const std::string& name);

/// The maps a command works on: the one named by --map, or all of them in tab order.
std::vector<const model::Map*> selectMaps(const model::Project& project, const std::string& file,
                                          const std::optional<std::string>& name);

/// The maps of a project as a list for messages: "Current state", "Future state".
std::string listMapNames(const model::Project& project);

/// A positive, finite number given as an option's value. Throws UsageError.
double positiveNumberOption(const std::string& option, const std::string& text);

/// A percentage with one decimal, or two significant digits below 1: 12.34 -> "12.3",
/// 0.01754 -> "0.018". Independent of the locale.
std::string percentNumber(double value);
/// A count or amount as readable text shows it, thousands grouped: 1200 -> "1,200" (JSON and
/// CSV output write plain numbers instead).
std::string count(double value, int decimals = 2);
/// A ratio as a percentage: 0.1234 -> "12.3%", 0.0001754 -> "0.018%".
std::string percent(double ratio);
/// A duration in the project's units with a sign when negative: "-1.5 d".
std::string duration(double seconds, const model::Calendar& calendar);

/// "error", "warning" or "info".
std::string_view severityName(metrics::Severity severity);

/// One line per finding: `FILE: map "NAME": error: MESSAGE`.
std::string findingLine(const std::string& file, const model::Map& map,
                        const metrics::Finding& finding);

/// Counts of findings by severity: "2 errors, 1 warning, 0 notes".
std::string findingCounts(const std::vector<metrics::Finding>& findings);

} // namespace gemba::cli
