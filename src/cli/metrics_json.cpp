#include "metrics_json.h"

#include "common.h"
#include "gemba/model/names.h"

namespace gemba::cli {

using nlohmann::json;

namespace {

json optionalNumber(const std::optional<double>& value) {
    return value ? json(*value) : json(nullptr);
}

std::string elementName(const model::Map& map, model::Id id) {
    std::string name = map.nameOf(id);
    return name.empty() ? "#" + std::to_string(id) : name;
}

json findingsJson(const std::vector<metrics::Finding>& findings) {
    json out = json::array();
    for (const metrics::Finding& f : findings) {
        out.push_back({{"severity", severityName(f.severity)},
                       {"code", f.code},
                       {"element", f.element == model::kNoId ? json(nullptr) : json(f.element)},
                       {"message", f.message}});
    }
    return out;
}

json timelineJson(const std::vector<metrics::Segment>& timeline) {
    json out = json::array();
    for (const metrics::Segment& s : timeline)
        out.push_back({{"element", s.element},
                       {"kind", model::nameOf(s.kind)},
                       {"name", s.name},
                       {"visits", s.visits},
                       {"wait_seconds", s.waitSeconds},
                       {"process_seconds", s.processSeconds}});
    return out;
}

json stepFiguresJson(const model::Map& map, const metrics::MapMetrics& m) {
    json out = json::array();
    for (model::Id id : m.stepOrder) {
        const metrics::StepFigures& f = m.steps.at(id);
        json step = {{"id", id},
                     {"name", elementName(map, id)},
                     {"process_time_seconds", f.processTime},
                     {"lead_time_seconds", f.leadTime},
                     {"cycle_time_seconds", f.cycleTime}};
        if (m.valid) {
            step["visits"] = f.visits;
            step["on_path"] = f.onPath;
            step["capacity_per_day"] = optionalNumber(f.capacityPerDay);
        }
        if (m.partsValid)
            step["above_takt"] = f.aboveTakt;
        out.push_back(std::move(step));
    }
    return out;
}

template <class Names> json namesOf(const std::vector<model::Id>& ids, const Names& names) {
    json out = json::array();
    for (model::Id id : ids) {
        auto it = names.find(id);
        out.push_back(it != names.end() ? it->second.name : "#" + std::to_string(id));
    }
    return out;
}

} // namespace

json mapMetricsJson(const model::Project& project, const model::Map& map,
                    const metrics::MapMetrics& m) {
    const model::Calendar& calendar = project.props.calendar;
    json out;
    out["map"] = map.props.name;
    out["map_id"] = map.id;
    out["state"] = model::nameOf(map.props.state);
    out["valid"] = m.valid;
    out["parts_valid"] = m.partsValid;
    out["calendar"] = {{"hours_per_day", calendar.hoursPerDay},
                       {"days_per_week", calendar.daysPerWeek},
                       {"days_per_month", calendar.daysPerMonth}};
    out["currency"] = project.props.currency;
    out["steps"] = m.steps.size();
    out["findings"] = findingsJson(m.findings);
    out["step_figures"] = stepFiguresJson(map, m);

    // Keys as compare.h's MetricChange::key; null when the map has errors (path figures).
    const auto figure = [&](const char* key, json value) {
        out[key] = m.valid ? std::move(value) : json(nullptr);
    };
    // The figures that need no path: given also when only how work flows is in error.
    const auto part = [&](const char* key, json value) {
        out[key] = m.partsValid ? std::move(value) : json(nullptr);
    };
    figure("lead_time_seconds", m.leadTime);
    figure("lead_time_days", m.leadTimeDays);
    figure("process_time_seconds", m.processTime);
    figure("value_adding_time_seconds", m.valueAddingTime);
    figure("cycle_time_seconds", m.cycleTime);
    figure("wait_time_seconds", m.waitTime);
    figure("activity_ratio", m.activityRatio);
    figure("process_cycle_efficiency", m.processCycleEfficiency);
    figure("rolled_pca", m.rolledPca);
    part("demand_per_day", optionalNumber(m.demandPerDay));
    part("available_time_per_day_seconds", m.availableTimePerDay);
    part("takt_seconds", optionalNumber(m.takt));
    figure("wip", optionalNumber(m.wip));
    const bool hasBottleneck = m.bottleneck != model::kNoId;
    figure("bottleneck", hasBottleneck ? json(elementName(map, m.bottleneck)) : json(nullptr));
    figure("bottleneck_id", hasBottleneck ? json(m.bottleneck) : json(nullptr));
    figure("bottleneck_cycle_time_seconds", m.bottleneckCycleTime);
    part("handoffs", m.handoffs);
    part("handoff_flows", m.handoffFlows);
    part("systems", m.systems.size());
    part("system_names", namesOf(m.systems, project.systems));
    part("people", m.people.size());
    part("people_names", namesOf(m.people, project.people));
    part("roles", m.roles);
    part("friction_hours_per_week", m.frictionHoursPerWeek);
    part("friction_cost_per_week", m.frictionCostPerWeek);
    figure("total_labour_seconds", m.totalLabour);
    out["red_pen_cost_per_year"] = m.redPenCostPerYear; // always given: it needs no path
    out["red_pens_costed"] = m.redPensCosted;
    out["timeline"] = m.valid ? timelineJson(m.timeline) : json::array();
    return out;
}

json comparisonJson(const model::Project& project, const model::Map& from, const model::Map& to,
                    const metrics::Comparison& c) {
    json out;
    out["from"] = from.props.name;
    out["to"] = to.props.name;
    out["valid"] = c.from.valid && c.to.valid;

    json figures = json::array();
    for (const metrics::MetricChange& change : c.metrics)
        figures.push_back({{"key", change.key},
                           {"label", change.label},
                           {"before", optionalNumber(change.before)},
                           {"after", optionalNumber(change.after)},
                           {"change", optionalNumber(change.change)},
                           {"percent", optionalNumber(change.percent)}});
    out["metrics"] = std::move(figures);

    const auto steps = [](const model::Map& map, const std::vector<model::Id>& ids) {
        json list = json::array();
        for (model::Id id : ids)
            list.push_back({{"id", id}, {"name", elementName(map, id)}});
        return list;
    };
    out["added"] = steps(to, c.added);
    out["removed"] = steps(from, c.removed);

    const auto changes = [](const std::vector<metrics::StepChange>& list) {
        json changed = json::array();
        for (const metrics::StepChange& change : list) {
            json fields = json::array();
            for (const metrics::FieldChange& field : change.fields)
                fields.push_back(
                    {{"field", field.field}, {"before", field.before}, {"after", field.after}});
            changed.push_back({{"before", change.before},
                               {"after", change.after},
                               {"name", change.name},
                               {"fields", std::move(fields)}});
        }
        return changed;
    };
    out["changed"] = changes(c.changed);
    out["changed_waits"] = changes(c.changedWaits);

    json bars = json::array();
    for (const metrics::LeadTimeContribution& bar : c.waterfall)
        bars.push_back({{"label", bar.label},
                        {"before", bar.before == model::kNoId ? json(nullptr) : json(bar.before)},
                        {"after", bar.after == model::kNoId ? json(nullptr) : json(bar.after)},
                        {"seconds", bar.seconds}});
    out["waterfall"] = std::move(bars);
    out["from_metrics"] = mapMetricsJson(project, from, c.from);
    out["to_metrics"] = mapMetricsJson(project, to, c.to);
    return out;
}

} // namespace gemba::cli
