#pragma once

#include "gemba/metrics/compare.h"
#include "gemba/metrics/metrics.h"
#include "gemba/model/project.h"

#include <string>

/// The readable reports of `metrics` and `compare`: figures in the project's units (days of its
/// working calendar), the timeline, the bottleneck and the findings.
namespace gemba::cli {

std::string metricsText(const model::Project& project, const model::Map& map,
                        const metrics::MapMetrics& m);

std::string comparisonText(const model::Project& project, const model::Map& from,
                           const model::Map& to, const metrics::Comparison& comparison);

} // namespace gemba::cli
