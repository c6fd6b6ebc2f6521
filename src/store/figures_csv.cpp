#include "gemba/store/figures_csv.h"

#include "csv.h"
#include "text_util.h"

#include <initializer_list>

namespace gemba::store {

using detail::csvCell;

namespace {

std::string line(std::initializer_list<std::string> cells) {
    std::string out;
    for (const std::string& cell : cells)
        out += (out.empty() ? "" : ",") + csvCell(cell);
    return out + "\r\n";
}

std::string number(const std::optional<double>& value) {
    return value ? detail::exactNumber(*value) : std::string();
}

std::string yesNo(bool value) {
    return value ? "yes" : "no";
}

} // namespace

std::string stepFiguresCsv(const model::Project& project, const model::Map& map,
                           const metrics::MapMetrics& m) {
    std::string out = line({"map", "demand per day", "available time per day s", "takt s", "step",
                            "visits", "on path", "process time s", "lead time s", "cycle time s",
                            "capacity per day", "above takt", "waiting before s"});
    // The waiting before a step: the waits, inventories and flow waits of the ladder between
    // it and the step before it.
    std::map<model::Id, double> waitingBefore;
    double waiting = 0;
    for (const metrics::Segment& segment : m.timeline) {
        if (segment.kind == model::ElementKind::Step) {
            waitingBefore[segment.element] += waiting;
            waiting = 0;
        } else {
            waiting += segment.waitSeconds;
        }
    }
    const std::vector<model::Id> order =
        m.stepOrder.empty() ? metrics::stepsInFlowOrder(project, map) : m.stepOrder;
    const std::string demand = number(m.demandPerDay);
    const std::string available = m.valid ? detail::exactNumber(m.availableTimePerDay) : "";
    const std::string takt = number(m.takt);
    for (model::Id id : order) {
        const model::Step* step = map.findStep(id);
        if (!step)
            continue;
        const auto it = m.steps.find(id);
        if (!m.valid || it == m.steps.end()) {
            out += line({map.props.name, demand, available, takt, step->name});
            continue;
        }
        const metrics::StepFigures& f = it->second;
        const auto before = waitingBefore.find(id);
        out += line(
            {map.props.name, demand, available, takt, step->name, detail::exactNumber(f.visits),
             yesNo(f.onPath), detail::exactNumber(f.processTime), detail::exactNumber(f.leadTime),
             detail::exactNumber(f.cycleTime), number(f.capacityPerDay), yesNo(f.aboveTakt),
             before == waitingBefore.end() ? std::string() : detail::exactNumber(before->second)});
    }
    return out;
}

std::string comparisonCsv(const model::Project&, const model::Map& from, const model::Map& to,
                          const metrics::Comparison& comparison) {
    std::string out = line({"section", "key", "label", "before", "after", "change", "percent"});
    out += line({"maps", "name", "Map", from.props.name, to.props.name});
    for (const metrics::MetricChange& figure : comparison.metrics)
        out += line({"figure", figure.key, figure.label, number(figure.before),
                     number(figure.after), number(figure.change), number(figure.percent)});
    // The waterfall runs from the as-is lead time, bar by bar, to the to-be one.
    if (comparison.from.valid && comparison.to.valid) {
        double running = comparison.from.leadTime;
        out += line({"waterfall", "start", "Lead time before", "", detail::exactNumber(running)});
        for (const metrics::LeadTimeContribution& bar : comparison.waterfall) {
            const double before = running;
            running += bar.seconds;
            out += line({"waterfall", "change", bar.label, detail::exactNumber(before),
                         detail::exactNumber(running), detail::exactNumber(bar.seconds)});
        }
        out += line({"waterfall", "end", "Lead time after", "",
                     detail::exactNumber(comparison.to.leadTime)});
    }
    for (model::Id id : comparison.added)
        out += line({"step", "added", to.nameOf(id)});
    for (model::Id id : comparison.removed)
        out += line({"step", "removed", from.nameOf(id)});
    for (const metrics::StepChange& change : comparison.changed)
        for (const metrics::FieldChange& field : change.fields)
            out += line(
                {"step", "changed", change.name + ": " + field.field, field.before, field.after});
    for (const metrics::StepChange& change : comparison.changedWaits)
        for (const metrics::FieldChange& field : change.fields)
            out += line(
                {"wait", "changed", change.name + ": " + field.field, field.before, field.after});
    return out;
}

} // namespace gemba::store
