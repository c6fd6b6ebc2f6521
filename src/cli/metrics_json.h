#pragma once

#include "gemba/metrics/compare.h"
#include "gemba/metrics/metrics.h"
#include "gemba/model/project.h"

#include <nlohmann/json.hpp>

/// The JSON that `metrics --json` and `compare --json` print. Figures are keyed as
/// compare.h's MetricChange::key spells them ("lead_time_seconds"), so that a script reads the
/// same key from both commands.
namespace gemba::cli {

/// One map's figures. Figures of a map with errors (valid false) are null; its findings,
/// step count and step list are still given.
nlohmann::json mapMetricsJson(const model::Project& project, const model::Map& map,
                              const metrics::MapMetrics& m);

/// A comparison: both maps' figures, every metric before and after, the steps added, removed
/// and changed, and the waterfall.
nlohmann::json comparisonJson(const model::Project& project, const model::Map& from,
                              const model::Map& to, const metrics::Comparison& comparison);

} // namespace gemba::cli
