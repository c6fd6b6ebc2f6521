#include "metrics_text.h"

#include "common.h"
#include "gemba/model/duration_units.h"
#include "gemba/model/names.h"
#include "gemba/model/units.h"
#include "text_table.h"

#include <cmath>

namespace gemba::cli {

namespace {

using Align = TextTable::Align;

std::string quoted(const std::string& name) {
    return "\"" + name + "\"";
}

std::string stateName(model::MapState state) {
    switch (state) {
    case model::MapState::Current:
        return "current state";
    case model::MapState::Future:
        return "future state";
    case model::MapState::Ideal:
        return "ideal state";
    }
    return {};
}

std::string plural(double n, const char* one, const char* many) {
    return count(n) + " " + (n == 1 ? one : many);
}

std::string elementName(const model::Map& map, model::Id id) {
    const std::string name = map.nameOf(id);
    return name.empty() ? "#" + std::to_string(id) : name;
}

std::string kindWord(model::ElementKind kind) {
    std::string word(model::nameOf(kind));
    for (char& c : word)
        if (c == '_')
            c = ' ';
    return word;
}

std::string findingsSection(const std::vector<metrics::Finding>& findings) {
    std::string out = "Findings: " + findingCounts(findings) + "\n";
    for (const metrics::Finding& f : findings)
        out += "  " + std::string(severityName(f.severity)) + ": " + f.message + "\n";
    return out;
}

std::string calendarLine(const model::Project& project) {
    const model::Calendar& c = project.props.calendar;
    return "Working calendar: " + count(c.hoursPerDay) + " h a day, " +
           plural(c.daysPerWeek, "day", "days") + " a week, " +
           plural(c.daysPerMonth, "day", "days") + " a month; days below are working days\n";
}

/// Demand and takt: they need no path (MapMetrics::partsValid).
void addTaktRows(TextTable& figures, const model::DurationVoice& voice,
                 const metrics::MapMetrics& m) {
    const auto time = [&](double seconds) { return duration(seconds, *voice.calendar); };
    if (m.demandPerDay) {
        figures.addRow({"Demand", count(*m.demandPerDay) + " per day",
                        "available time " + time(m.availableTimePerDay) + " a day"});
        figures.addRow({"Takt time", m.takt ? voice.stepTime(*m.takt) : std::string("-"),
                        "available time / demand"});
    } else {
        figures.addRow({"Takt time", "-", "the map gives no demand"});
    }
}

/// The other figures that need no path.
void addPartRows(TextTable& figures, const model::Project& project, const metrics::MapMetrics& m) {
    figures.addRow({"Handoffs", count(m.handoffs), "work passed to another role"});
    figures.addRow({"Friction", count(m.frictionHoursPerWeek) + " h a week",
                    model::formatMoney(m.frictionCostPerWeek, project.props.currency) + " a week"});
    figures.addRow({"People, systems, roles",
                    count(static_cast<double>(m.people.size())) + ", " +
                        count(static_cast<double>(m.systems.size())) + ", " +
                        count(static_cast<double>(m.roles.size())),
                    ""});
    figures.addRow({"Red-pen costs",
                    m.redPensCosted == 0
                        ? std::string("-")
                        : model::formatMoney(m.redPenCostPerYear, project.props.currency),
                    m.redPensCosted == 0 ? "no red pen has an estimate"
                                         : "a year, " + count(m.redPensCosted) + " estimated"});
}

} // namespace

std::string metricsText(const model::Project& project, const model::Map& map,
                        const metrics::MapMetrics& m) {
    const model::Calendar& calendar = project.props.calendar;
    const auto time = [&](double seconds) { return duration(seconds, calendar); };
    // Step times, takt and their sums in one unit, waits in another (docs/metrics.md, Units).
    const model::DurationVoice voice{model::durationUnitsOf(map, calendar), &calendar};
    const auto stepTime = [&](double seconds) { return voice.stepTime(seconds); };
    const auto waitTime = [&](double seconds) { return voice.waitTime(seconds); };
    std::string out = "Map " + quoted(map.props.name) + " (" + stateName(map.props.state) + ", " +
                      plural(static_cast<double>(m.steps.size()), "step", "steps") + ")\n";
    out += calendarLine(project);
    if (!m.partsValid) {
        out += "\nThe figures cannot be worked out: the map has errors (below).\n\n";
        return out + findingsSection(m.findings);
    }
    if (!m.valid) {
        out += "\nThe figures of the path (lead time, process time, ratios, bottleneck, labour) "
               "cannot be worked out: the map has errors in how work flows (below). These need "
               "no path:\n";
        TextTable figures({Align::Left, Align::Right, Align::Left});
        addTaktRows(figures, voice, m);
        std::string above;
        for (model::Id id : m.stepOrder)
            if (m.steps.at(id).aboveTakt)
                above += (above.empty() ? "" : ", ") + quoted(elementName(map, id));
        if (m.takt)
            figures.addRow({"Steps above takt", above.empty() ? "none" : above, ""});
        addPartRows(figures, project, m);
        return out + "\n" + figures.render() + "\n" + findingsSection(m.findings);
    }

    TextTable figures({Align::Left, Align::Right, Align::Left});
    figures.addRow({"Lead time", time(m.leadTime),
                    count(m.leadTimeDays) + " working days = " +
                        model::formatDurationIn(m.leadTime, model::TimeUnit::Hour, calendar)});
    figures.addRow({"Process time", stepTime(m.processTime), "on the critical path"});
    figures.addRow({"Waiting time", waitTime(m.waitTime), "lead time - process time"});
    figures.addRow({"Value-adding process time", stepTime(m.valueAddingTime),
                    "process time of value-adding steps"});
    figures.addRow({"Cycle time", stepTime(m.cycleTime), "sum of C/T on the path"});
    figures.addRow({"Activity ratio", percent(m.activityRatio), "process time / lead time"});
    figures.addRow({"Process cycle efficiency", percent(m.processCycleEfficiency),
                    "value-adding process time / lead time"});
    figures.addRow({"Rolled %C&A", percent(m.rolledPca), "product of %C&A along the path"});
    addTaktRows(figures, voice, m);
    if (m.bottleneck != model::kNoId) {
        const auto it = m.steps.find(m.bottleneck);
        const bool above = it != m.steps.end() && it->second.aboveTakt;
        figures.addRow({"Bottleneck", quoted(elementName(map, m.bottleneck)),
                        "C/T " + stepTime(m.bottleneckCycleTime) +
                            (above ? ", above takt: it cannot meet demand" : "")});
    } else {
        figures.addRow({"Bottleneck", "-", "no step has a cycle time"});
    }
    if (m.wip)
        figures.addRow(
            {"Work in process", count(*m.wip, 1) + " items", "Little's law: demand x lead time"});
    figures.addRow({"Total labour", stepTime(m.totalLabour), "process time of all work done"});
    addPartRows(figures, project, m);
    out += "\n" + figures.render();

    out += "\nTimeline (critical path, in order)\n";
    TextTable timeline({Align::Left, Align::Left, Align::Right, Align::Right, Align::Right});
    timeline.addRow({"element", "kind", "visits", "wait", "process"});
    double wait = 0;
    double process = 0;
    for (const metrics::Segment& s : m.timeline) {
        timeline.addRow({s.name.empty() ? "#" + std::to_string(s.element) : s.name,
                         kindWord(s.kind), count(s.visits), waitTime(s.waitSeconds),
                         stepTime(s.processSeconds)});
        wait += s.waitSeconds;
        process += s.processSeconds;
    }
    timeline.addRow({"total", "", "", waitTime(wait), stepTime(process)});
    out += timeline.render();
    out += "\n" + findingsSection(m.findings);
    return out;
}

namespace {

std::string figureText(metrics::Quantity quantity, double value, const model::Project& project,
                       bool signedValue) {
    const std::string sign = signedValue && value > 0 ? "+" : "";
    switch (quantity) {
    case metrics::Quantity::Duration:
        return sign + duration(value, project.props.calendar);
    case metrics::Quantity::Ratio:
        return signedValue ? sign + percentNumber(value * 100) + " pts" : percent(value);
    case metrics::Quantity::Count:
    case metrics::Quantity::Items:
        return sign + count(value);
    case metrics::Quantity::Money:
        return sign + model::formatMoney(value, project.props.currency);
    case metrics::Quantity::Hours:
        return sign + count(value) + " h";
    case metrics::Quantity::Days:
        return sign + count(value) + " d";
    }
    return {};
}

} // namespace

std::string comparisonText(const model::Project& project, const model::Map& from,
                           const model::Map& to, const metrics::Comparison& c) {
    std::string out = "Comparing " + quoted(from.props.name) + " with " + quoted(to.props.name) +
                      "\n" + calendarLine(project) + "\n";
    TextTable figures({Align::Left, Align::Right, Align::Right, Align::Right, Align::Right});
    figures.addRow({"figure", from.props.name, to.props.name, "change", "%"});
    const auto show = [&](const metrics::MetricChange& change, const std::optional<double>& v,
                          bool signedValue) {
        return v ? figureText(change.quantity, *v, project, signedValue) : std::string("-");
    };
    for (const metrics::MetricChange& change : c.metrics) {
        std::string pct = "-";
        if (change.percent)
            pct = (*change.percent > 0 ? "+" : "") + percentNumber(*change.percent) + "%";
        figures.addRow({change.label, show(change, change.before, false),
                        show(change, change.after, false), show(change, change.change, true), pct});
    }
    out += figures.render();

    out += "\nSteps added: " + count(static_cast<double>(c.added.size())) + "\n";
    for (model::Id id : c.added)
        out += "  + " + quoted(elementName(to, id)) + "\n";
    out += "Steps removed: " + count(static_cast<double>(c.removed.size())) + "\n";
    for (model::Id id : c.removed)
        out += "  - " + quoted(elementName(from, id)) + "\n";
    const auto changes = [&out](const std::vector<metrics::StepChange>& list) {
        for (const metrics::StepChange& change : list) {
            out += "  " +
                   quoted(change.name.empty() ? "#" + std::to_string(change.after) : change.name) +
                   "\n";
            for (const metrics::FieldChange& field : change.fields)
                out += "      " + field.field + ": " +
                       (field.before.empty() ? std::string("(none)") : field.before) + " -> " +
                       (field.after.empty() ? std::string("(none)") : field.after) + "\n";
        }
    };
    out += "Steps changed: " + count(static_cast<double>(c.changed.size())) + "\n";
    changes(c.changed);
    if (!c.changedWaits.empty()) {
        out += "Waits changed: " + count(static_cast<double>(c.changedWaits.size())) + "\n";
        changes(c.changedWaits);
    }

    if (c.from.valid && c.to.valid) {
        const auto time = [&](double s) { return duration(s, project.props.calendar); };
        out += "\nLead-time waterfall\n";
        TextTable bars({Align::Left, Align::Right});
        bars.addRow({"Lead time of " + quoted(from.props.name), time(c.from.leadTime)});
        for (const metrics::LeadTimeContribution& bar : c.waterfall)
            bars.addRow({bar.label, (bar.seconds > 0 ? "+" : "") + time(bar.seconds)});
        bars.addRow({"Lead time of " + quoted(to.props.name), time(c.to.leadTime)});
        out += bars.render();
    }
    for (const auto* side : {&c.from, &c.to}) {
        if (side->valid)
            continue;
        const model::Map& map = side == &c.from ? from : to;
        out += "\nMap " + quoted(map.props.name) + " has errors; its figures are not given.\n" +
               findingsSection(side->findings);
    }
    return out;
}

} // namespace gemba::cli
