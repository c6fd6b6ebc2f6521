#pragma once

#include "gemba/metrics/metrics.h"
#include "gemba/model/workshop.h"

#include <optional>
#include <string>
#include <vector>

/// The figures a review looks at: per goal and per action's expected effect, the baseline
/// (current state), the target, and the actual value at each review. Formulas: docs/workshop.md.
namespace gemba::metrics {

/// A figure of a map, computed: the stream's totals from computeMetrics, a step's lead time,
/// a wait's time. Nothing when the map is missing, has errors, or lacks the element; `why`
/// then says which.
std::optional<double> figureOf(const model::Project& project, const model::Target& where,
                               std::string* why = nullptr);

/// One figure across the reviews.
struct ReviewRow {
    std::string label;              ///< the goal's text, or "action: TITLE"
    model::Target target;           ///< figure, map and element
    std::optional<double> baseline; ///< typed `from`, else computed on the target's map
    std::optional<double> goal;     ///< `to`, else baseline x (1 + change_percent / 100)
    /// Per review (in the order of ReviewTable::reviews): a typed measure, else the figure of
    /// the review's measured map (the element matched through its origin), else nothing.
    std::vector<std::optional<double>> actual;
    std::vector<std::string> notes; ///< why a value is missing
};

struct ReviewTable {
    std::vector<model::Id> reviews; ///< by date, then id
    std::vector<std::string> dates; ///< each review's date (may be empty)
    std::vector<ReviewRow> rows;    ///< goals first, then actions' effects in id order
};

ReviewTable reviewTable(const model::Project& project);

/// A value of a figure as people read it: durations in the project's calendar ("2.5 d"),
/// ratios as percentages, counts whole; "-" when there is none.
std::string figureValueText(model::TargetFigure figure, const std::optional<double>& value,
                            const model::Calendar& calendar);

/// What a target measures: "Lead time of \"Approve\" (Current state)", "Rolled %C&A".
std::string figureLabel(const model::Project& project, const model::Target& target);

/// The share of the way from baseline to goal reached by `actual`: 0 at the baseline, 1 at
/// the goal (more when beyond it). Nothing when baseline equals goal or a value is missing.
std::optional<double> progressToGoal(const ReviewRow& row, std::size_t review);

} // namespace gemba::metrics
