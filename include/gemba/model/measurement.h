#pragma once

#include "gemba/model/types.h"

#include <cstddef>
#include <optional>
#include <string>

/// What an event log measured at a step: the distributions behind the step's single figures.
/// Derivation and refresh fill it (metrics/flow.h); a figure of the step is shown as measured
/// (P50 with its P85) while its source says "measured" and its value is still the measured
/// one. Rules: docs/metrics.md, "Measured maps".
namespace gemba::model {

/// A distribution of durations in seconds: how many values, their extremes, percentiles and
/// mean. Percentiles interpolate linearly between the two nearest values of the sorted sample.
struct Distribution {
    std::size_t count = 0;
    double min = 0;
    double p50 = 0;
    double p85 = 0;
    double p95 = 0;
    double max = 0;
    double mean = 0;
    bool operator==(const Distribution&) const = default;
};

/// The measured distributions of one step, per finished visit, in working time.
struct StepMeasurement {
    Distribution processTime; ///< active time inside the step's events
    Distribution leadTime;    ///< from the visit's first start to its last end
    Distribution waitBefore;  ///< from work available to the visit's start
    std::size_t items = 0;    ///< distinct items that visited the step
    /// "events.csv: 1,234 items, 2026-01-05 to 2026-03-31".
    std::string provenance;
    bool operator==(const StepMeasurement&) const = default;
};

/// The value a derivation gives `figure` from a measurement: the P50 of the process time, and
/// for the lead time the P50 of the lead time, at least the process time's. Empty for the
/// figures a measurement does not give.
std::optional<double> measuredValue(const StepMeasurement& measurement, Figure figure);

} // namespace gemba::model
