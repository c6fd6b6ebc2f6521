#pragma once

#include "gemba/metrics/portfolio.h"

#include <string>

/// The portfolio as CSV for a spreadsheet: one row per stream and state, columns in
/// docs/file-format.md ("Portfolio CSV"). Durations in hours, ratios 0-1, money per year.
namespace gemba::store {

std::string portfolioCsv(const metrics::Portfolio& portfolio);

} // namespace gemba::store
