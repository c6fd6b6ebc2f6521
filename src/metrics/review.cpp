#include "gemba/metrics/review.h"

#include "gemba/model/names.h"
#include "gemba/model/units.h"

#include <algorithm>

namespace gemba::metrics {

using namespace gemba::model;

namespace {

void say(std::string* why, std::string text) {
    if (why)
        *why = std::move(text);
}

} // namespace

namespace {
/// Metrics per map, computed once for a whole review table.
using MetricsCache = std::map<Id, MapMetrics>;

std::optional<double> figureWith(const Project& project, const Target& where, std::string* why,
                                 MetricsCache* cache);
} // namespace

std::optional<double> figureOf(const Project& project, const Target& where, std::string* why) {
    return figureWith(project, where, why, nullptr);
}

namespace {

std::optional<double> figureWith(const Project& project, const Target& where, std::string* why,
                                 MetricsCache* cache) {
    const Map* map = project.findMap(where.map);
    if (!map) {
        say(why, "no map given for the figure");
        return std::nullopt;
    }
    switch (where.figure) {
    case TargetFigure::StepLeadTime: {
        const Step* step = map->findStep(where.element);
        if (!step) {
            say(why, "the step is not on \"" + map->props.name + "\"");
            return std::nullopt;
        }
        const auto value = step->leadTime ? step->leadTime : step->processTime;
        if (!value)
            say(why, "\"" + step->name + "\" has no lead time on \"" + map->props.name + "\"");
        return value;
    }
    case TargetFigure::WaitTime: {
        const auto it = map->waits.find(where.element);
        if (it == map->waits.end()) {
            say(why, "the wait is not on \"" + map->props.name + "\"");
            return std::nullopt;
        }
        const Wait& wait = it->second;
        if (wait.kind == WaitKind::Time) {
            if (!wait.time)
                say(why, "the wait has no time");
            return wait.time;
        }
        const auto perDay = map->demandPerDay(project.props.calendar);
        if (!wait.quantity || !perDay || *perDay <= 0) {
            say(why, "the inventory has no quantity, or the map no demand");
            return std::nullopt;
        }
        return *wait.quantity / *perDay * project.props.calendar.secondsPerDay();
    }
    default:
        break;
    }
    MapMetrics computed;
    const MapMetrics* found = nullptr;
    if (cache) {
        auto it = cache->find(map->id);
        if (it == cache->end())
            it = cache->emplace(map->id, computeMetrics(project, *map)).first;
        found = &it->second;
    } else {
        computed = computeMetrics(project, *map);
        found = &computed;
    }
    const MapMetrics& m = *found;
    if (!m.valid) {
        say(why, "\"" + map->props.name + "\" has errors: its figures are not given");
        return std::nullopt;
    }
    switch (where.figure) {
    case TargetFigure::LeadTime:
        return m.leadTime;
    case TargetFigure::ProcessTime:
        return m.processTime;
    case TargetFigure::ActivityRatio:
        return m.activityRatio;
    case TargetFigure::RolledPca:
        return m.rolledPca;
    case TargetFigure::Handoffs:
        return static_cast<double>(m.handoffs);
    default:
        return std::nullopt;
    }
}

/// The element of `measured` that stands for `element`: itself, or the one whose origin chain
/// leads to it (a measured map derived from the current state keeps its origins).
Id counterpart(const Project& project, const Map& measured, Id element) {
    if (element == kNoId || measured.contains(element))
        return element;
    for (const auto& [id, step] : measured.steps) {
        Id origin = step.origin;
        for (int depth = 0; origin != kNoId && depth < 16; ++depth) {
            if (origin == element)
                return id;
            // Follow the chain through intermediate maps (current -> future -> measured).
            Id next = kNoId;
            for (const Map& m : project.maps)
                if (const Step* s = m.findStep(origin))
                    next = s->origin;
            origin = next;
        }
    }
    for (const auto& [id, wait] : measured.waits)
        if (wait.origin == element)
            return id;
    return kNoId;
}

std::optional<double> actualAt(const Project& project, const Review& review, const Target& t,
                               std::string& why, MetricsCache& cache) {
    for (const Measure& m : review.measures)
        if (m.figure == t.figure && m.element == t.element)
            return m.value;
    const Map* measured = project.findMap(review.measuredMap);
    if (!measured) {
        why = review.title + ": not measured";
        return std::nullopt;
    }
    Target there = t;
    there.map = measured->id;
    there.element = counterpart(project, *measured, t.element);
    std::string reason;
    const auto value = figureWith(project, there, &reason, &cache);
    if (!value)
        why = review.title + ": " + reason;
    return value;
}

ReviewRow makeRow(const Project& project, const std::vector<const Review*>& reviews,
                  std::string label, const Target& t, MetricsCache& cache) {
    ReviewRow row;
    row.label = std::move(label);
    row.target = t;
    std::string why;
    row.baseline = t.from ? t.from : figureWith(project, t, &why, &cache);
    if (!row.baseline)
        row.notes.push_back("baseline: " + why);
    if (t.to)
        row.goal = t.to;
    else if (t.changePercent && row.baseline)
        row.goal = *row.baseline * (1.0 + *t.changePercent / 100.0);
    for (const Review* review : reviews) {
        std::string missing;
        row.actual.push_back(actualAt(project, *review, t, missing, cache));
        if (!row.actual.back())
            row.notes.push_back(missing);
    }
    return row;
}

} // namespace

ReviewTable reviewTable(const Project& project) {
    const Workshop& w = project.workshop;
    std::vector<const Review*> reviews;
    for (const auto& [id, review] : w.reviews)
        reviews.push_back(&review);
    std::stable_sort(reviews.begin(), reviews.end(), [&](const Review* a, const Review* b) {
        return reviewDate(w.props, *a) < reviewDate(w.props, *b);
    });
    ReviewTable table;
    MetricsCache cache;
    for (const Review* review : reviews) {
        table.reviews.push_back(review->id);
        table.dates.push_back(reviewDate(w.props, *review));
    }
    for (std::size_t i = 0; i < w.props.goals.size(); ++i) {
        const Goal& goal = w.props.goals[i];
        const std::string label = goal.text.empty() ? "goal " + std::to_string(i + 1) : goal.text;
        table.rows.push_back(makeRow(project, reviews, label, goal.target, cache));
    }
    for (const auto& [id, action] : w.actions)
        if (action.effect)
            table.rows.push_back(
                makeRow(project, reviews, "action: " + action.title, *action.effect, cache));
    return table;
}

std::optional<double> progressToGoal(const ReviewRow& row, std::size_t review) {
    if (!row.baseline || !row.goal || review >= row.actual.size() || !row.actual[review] ||
        *row.baseline == *row.goal)
        return std::nullopt;
    return (*row.actual[review] - *row.baseline) / (*row.goal - *row.baseline);
}

std::string figureValueText(TargetFigure figure, const std::optional<double>& value,
                            const Calendar& calendar) {
    if (!value)
        return "-";
    switch (figure) {
    case TargetFigure::LeadTime:
    case TargetFigure::ProcessTime:
    case TargetFigure::StepLeadTime:
    case TargetFigure::WaitTime:
        return formatDuration(*value, calendar);
    case TargetFigure::ActivityRatio:
    case TargetFigure::RolledPca:
        return formatPercent(*value);
    case TargetFigure::Handoffs:
        break;
    }
    return formatNumber(*value, 0);
}

std::string figureLabel(const Project& project, const Target& target) {
    const Map* map = project.findMap(target.map);
    std::string label;
    switch (target.figure) {
    case TargetFigure::LeadTime:
        label = "Lead time";
        break;
    case TargetFigure::ProcessTime:
        label = "Process time";
        break;
    case TargetFigure::ActivityRatio:
        label = "Activity ratio";
        break;
    case TargetFigure::RolledPca:
        label = "Rolled %C&A";
        break;
    case TargetFigure::Handoffs:
        label = "Handoffs";
        break;
    case TargetFigure::StepLeadTime:
    case TargetFigure::WaitTime: {
        const std::string name = map ? map->nameOf(target.element) : std::string();
        label = (target.figure == TargetFigure::WaitTime ? "Time of " : "Lead time of ") +
                (name.empty() ? "element " + std::to_string(target.element) : "\"" + name + "\"");
        break;
    }
    }
    if (map)
        label += " (" + map->props.name + ")";
    return label;
}

} // namespace gemba::metrics
