#pragma once

#include "findings.h"

/// Figures worked out from finite inputs can still overflow (two steps of 1e308 s, a demand of
/// 5e-324 a day). Such a figure is never shown: it is an error finding and the map's figures
/// are withheld, as for any other error.
namespace gemba::metrics::detail {

/// The figures of `m` that are not finite, by name ("lead time", "takt", "capacity of Step
/// "A""), in the order the metrics table shows them.
std::vector<std::string> nonFiniteFigures(const MapMetrics& m, const model::Map& map);

/// When a figure of `m` is not finite: reports figure_not_finite naming them, withholds every
/// figure (as for an invalid map: valid false, totals 0, steps listed with their own times)
/// and returns false.
bool withholdNonFinite(Reporter& report, MapMetrics& m);

} // namespace gemba::metrics::detail
