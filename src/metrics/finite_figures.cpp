#include "finite_figures.h"

#include <algorithm>
#include <cmath>

namespace gemba::metrics::detail {

std::vector<std::string> nonFiniteFigures(const MapMetrics& m, const model::Map& map) {
    std::vector<std::string> bad;
    // Names are built only for a figure that is not finite: this runs after every edit.
    auto check = [&bad](double value, const char* name) {
        if (!std::isfinite(value))
            bad.emplace_back(name);
    };
    auto checkOptional = [&check](const std::optional<double>& value, const char* name) {
        if (value)
            check(*value, name);
    };
    check(m.leadTime, "lead time");
    check(m.processTime, "process time");
    check(m.valueAddingTime, "value-adding time");
    check(m.waitTime, "wait time");
    check(m.cycleTime, "cycle time");
    check(m.leadTimeDays, "lead time in days");
    check(m.activityRatio, "activity ratio");
    check(m.processCycleEfficiency, "process cycle efficiency");
    check(m.rolledPca, "rolled %C&A");
    checkOptional(m.demandPerDay, "demand");
    check(m.availableTimePerDay, "available time");
    checkOptional(m.takt, "takt");
    checkOptional(m.wip, "WIP");
    check(m.bottleneckCycleTime, "bottleneck cycle time");
    check(m.frictionHoursPerWeek, "friction hours");
    check(m.frictionCostPerWeek, "friction cost");
    check(m.totalLabour, "total labour");
    for (const Segment& segment : m.timeline)
        if (!std::isfinite(segment.visits) || !std::isfinite(segment.waitSeconds) ||
            !std::isfinite(segment.processSeconds) || !std::isfinite(segment.leadSeconds())) {
            bad.push_back("timeline");
            break;
        }
    const auto finite = [](const StepFigures& step) {
        return std::isfinite(step.visits) &&
               (!step.capacityPerDay || std::isfinite(*step.capacityPerDay));
    };
    if (std::all_of(m.steps.begin(), m.steps.end(),
                    [&](const auto& entry) { return finite(entry.second); }))
        return bad;
    for (Id id : m.stepOrder) { // the steps that are not, in flow order
        const StepFigures& step = m.steps.at(id);
        if (!std::isfinite(step.visits))
            bad.push_back("visits of " + describe(map, id));
        if (step.capacityPerDay && !std::isfinite(*step.capacityPerDay))
            bad.push_back("capacity of " + describe(map, id));
    }
    return bad;
}

bool withholdNonFinite(Reporter& report, MapMetrics& m) {
    const std::vector<std::string> bad = nonFiniteFigures(m, report.map());
    if (bad.empty())
        return true;
    std::string list;
    for (std::size_t i = 0; i < bad.size() && i < 5; ++i)
        list += (i == 0 ? "" : ", ") + bad[i];
    if (bad.size() > 5)
        list += " and " + std::to_string(bad.size() - 5) + " more";
    report.error("figure_not_finite", model::kNoId,
                 report.describeMap() + ": " + list + (bad.size() == 1 ? " is" : " are") +
                     " beyond the largest number Gemba can hold (very long times or a very "
                     "small demand); the figures are withheld");

    MapMetrics withheld;
    withheld.map = m.map;
    withheld.name = std::move(m.name);
    withheld.findings = std::move(m.findings);
    withheld.stepOrder = std::move(m.stepOrder);
    withheld.redPenCostPerYear = m.redPenCostPerYear; // needs no other figure
    withheld.redPensCosted = m.redPensCosted;
    for (auto& [id, step] : m.steps) {
        StepFigures own;
        own.step = id;
        own.processTime = step.processTime;
        own.leadTime = step.leadTime;
        own.cycleTime = step.cycleTime;
        withheld.steps.emplace_hint(withheld.steps.end(), id, own);
    }
    m = std::move(withheld);
    return false;
}

} // namespace gemba::metrics::detail
