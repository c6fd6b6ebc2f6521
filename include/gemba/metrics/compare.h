#pragma once

#include "gemba/metrics/metrics.h"

#include <optional>
#include <string>
#include <vector>

/// As-is against to-be: two maps of one project, their metrics side by side and their steps
/// matched through the ids they came from (Step::origin).
namespace gemba::metrics {

/// What a figure measures, for display: Duration in seconds, Days in working days.
enum class Quantity { Duration, Ratio, Count, Money, Hours, Items, Days };

struct MetricChange {
    std::string key;   ///< as in `gemba-cli metrics --json`: "lead_time_seconds"
    std::string label; ///< "Lead time"
    Quantity quantity = Quantity::Duration;
    std::optional<double> before;
    std::optional<double> after;
    std::optional<double> change;  ///< after - before
    std::optional<double> percent; ///< change / before x 100; empty when before is 0
};

struct FieldChange {
    std::string field;  ///< "process_time", "role", ...
    std::string before; ///< shown in the project's units
    std::string after;
};

struct StepChange {
    Id before = model::kNoId; ///< step of the "from" map
    Id after = model::kNoId;  ///< step of the "to" map
    std::string name;
    std::vector<FieldChange> fields;
};

/// How much one difference between the maps moved the lead time: a bar of the waterfall.
struct LeadTimeContribution {
    std::string label; ///< "Removed: Copy into spreadsheet", "Changed: Review"
    Id before = model::kNoId;
    Id after = model::kNoId;
    double seconds = 0; ///< negative: the to-be map is faster here
};

struct Comparison {
    MapMetrics from;
    MapMetrics to;
    std::vector<MetricChange> metrics;
    std::vector<Id> added;   ///< steps of "to" that match no step of "from"
    std::vector<Id> removed; ///< steps of "from" that match no step of "to"
    std::vector<StepChange> changed;
    /// Waits matched through their origins whose inputs differ (time, its range, quantity,
    /// label), by the "to" map's ids; `name` is the wait's label.
    std::vector<StepChange> changedWaits;
    /// Sums, when both maps are valid, to to.leadTime - from.leadTime.
    std::vector<LeadTimeContribution> waterfall;
};

Comparison compare(const model::Project& project, const model::Map& from, const model::Map& to);

} // namespace gemba::metrics
