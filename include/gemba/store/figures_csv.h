#pragma once

#include "gemba/metrics/compare.h"
#include "gemba/model/project.h"

#include <string>

/// Computed figures as CSV for spreadsheets and other tools (RFC 4180: CRLF line ends, numbers
/// with a decimal point, no grouping, every digit). Durations are in seconds, shares and ratios
/// 0-1. Columns: docs/file-format.md.
namespace gemba::store {

/// One row per step of the map in flow order: the engine's per-step figures (visits, on the
/// path, process, lead and cycle time, capacity per day, above takt, waiting before it). The
/// first columns name the map, its demand per day and available time, so that tables of
/// several maps can be stacked.
std::string stepFiguresCsv(const model::Project& project, const model::Map& map,
                           const metrics::MapMetrics& figures);

/// A comparison: one row per figure (before, after, change, percent), then one row per bar of
/// the lead-time waterfall, then the steps added, removed and changed. A `section` column says
/// which part a row belongs to.
std::string comparisonCsv(const model::Project& project, const model::Map& from,
                          const model::Map& to, const metrics::Comparison& comparison);

/// The UTF-8 byte-order mark some spreadsheet programs need to read a CSV file as UTF-8.
inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

} // namespace gemba::store
