#include "gemba/metrics/compare.h"

#include "gemba/model/names.h"
#include "gemba/model/units.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <unordered_map>
#include <unordered_set>

namespace gemba::metrics {

namespace {

using model::Id;
using model::kNoId;

using Origins = std::unordered_map<Id, Id>;

/// id -> origin of every element of one kind, over all maps of the project (a to-be map may
/// come from a map that was itself derived).
template <class Member> Origins originsOf(const model::Project& project, Member member) {
    Origins origins;
    for (const model::Map& map : project.maps)
        for (const auto& [id, element] : map.*member)
            if (element.origin != kNoId)
                origins.emplace(id, element.origin);
    return origins;
}

/// The element and its ancestors, nearest first. Stops on a cycle of origins.
std::vector<Id> lineage(Id id, const Origins& origins) {
    std::vector<Id> chain{id};
    for (auto it = origins.find(id); it != origins.end(); it = origins.find(it->second)) {
        if (std::find(chain.begin(), chain.end(), it->second) != chain.end())
            break;
        chain.push_back(it->second);
    }
    return chain;
}

struct Matching {
    std::unordered_map<Id, Id> toFrom; ///< matched: element of "to" -> element of "from"
    std::unordered_map<Id, Id> fromTo;
    std::vector<Id> added;   ///< elements of "to" without a match, ascending
    std::vector<Id> removed; ///< elements of "from" without a match, ascending
};

/// One-to-one matching: two elements match when their lineages meet (one came from the
/// other, both came from a common ancestor, or they are the same element). Elements of "to"
/// are taken in id order, each with the lowest-id free element of "from" that matches.
template <class Collection>
Matching match(const Collection& from, const Collection& to, const Origins& origins) {
    std::unordered_map<Id, std::vector<Id>> byAncestor; // lists ascending: from is in id order
    for (const auto& [id, element] : from)
        for (Id ancestor : lineage(id, origins))
            byAncestor[ancestor].push_back(id);
    Matching out;
    std::unordered_set<Id> taken;
    for (const auto& [id, element] : to) {
        Id best = kNoId;
        for (Id ancestor : lineage(id, origins)) {
            auto it = byAncestor.find(ancestor);
            if (it == byAncestor.end())
                continue;
            for (Id candidate : it->second)
                if (!taken.contains(candidate)) {
                    if (best == kNoId || candidate < best)
                        best = candidate;
                    break;
                }
        }
        if (best == kNoId) {
            out.added.push_back(id);
            continue;
        }
        taken.insert(best);
        out.toFrom.emplace(id, best);
        out.fromTo.emplace(best, id);
    }
    for (const auto& [id, element] : from)
        if (!taken.contains(id))
            out.removed.push_back(id);
    return out;
}

// ---------------------------------------------------------------------------------------
// Field by field

class FieldDiff {
public:
    FieldDiff(const model::Project& project, std::vector<FieldChange>& out)
        : m_project(project)
        , m_out(out) {}

    void text(const char* field, const std::string& before, const std::string& after) {
        if (before != after)
            m_out.push_back({field, before, after});
    }
    void number(const char* field, const std::optional<double>& before,
                const std::optional<double>& after, const char* suffix = "") {
        if (before != after)
            m_out.push_back({field, show(before, suffix), show(after, suffix)});
    }
    void duration(const char* field, const std::optional<double>& before,
                  const std::optional<double>& after) {
        if (before == after)
            return;
        const auto format = [&](const std::optional<double>& v) {
            return v ? model::formatDuration(*v, m_project.props.calendar) : std::string();
        };
        m_out.push_back({field, format(before), format(after)});
    }
    template <class T, class Format>
    void list(const char* field, const std::vector<T>& before, const std::vector<T>& after,
              Format format) {
        if (before != after)
            m_out.push_back({field, joined(before, format), joined(after, format)});
    }
    std::string personName(Id id) const {
        auto it = m_project.people.find(id);
        return it != m_project.people.end() ? it->second.name : "#" + std::to_string(id);
    }
    std::string systemName(Id id) const {
        auto it = m_project.systems.find(id);
        return it != m_project.systems.end() ? it->second.name : "#" + std::to_string(id);
    }

private:
    static std::string show(const std::optional<double>& value, const char* suffix) {
        return value ? model::formatCount(*value) + suffix : std::string();
    }
    template <class T, class Format>
    static std::string joined(const std::vector<T>& items, Format format) {
        std::string out;
        for (const T& item : items) {
            if (!out.empty())
                out += ", ";
            out += format(item);
        }
        return out;
    }

    const model::Project& m_project;
    std::vector<FieldChange>& m_out;
};

std::string valueClassText(model::ValueClass value) {
    switch (value) {
    case model::ValueClass::ValueAdding:
        return "value-adding";
    case model::ValueClass::NecessaryNonValueAdding:
        return "necessary non-value-adding";
    case model::ValueClass::Waste:
        return "waste";
    }
    return {};
}

std::string wastesText(unsigned wastes) {
    std::string out;
    for (const auto& [kind, name] : model::EnumNames<model::WasteKind>::table()) {
        if ((wastes & static_cast<unsigned>(kind)) == 0)
            continue;
        if (!out.empty())
            out += ", ";
        std::string words(name);
        std::replace(words.begin(), words.end(), '_', ' ');
        out += words;
    }
    return out;
}

std::vector<FieldChange> stepFields(const model::Project& project, const model::Step& a,
                                    const model::Step& b) {
    std::vector<FieldChange> out;
    FieldDiff diff(project, out);
    diff.text("name", a.name, b.name);
    diff.text("description", a.description, b.description);
    diff.text("role", a.role, b.role);
    diff.number("headcount", a.headcount, b.headcount);
    diff.list("people", a.people, b.people, [&](Id id) { return diff.personName(id); });
    diff.list("systems", a.systems, b.systems, [&](Id id) { return diff.systemName(id); });
    diff.duration("process_time", a.processTime, b.processTime);
    diff.duration("process_time_min", a.processTimeMin, b.processTimeMin);
    diff.duration("process_time_max", a.processTimeMax, b.processTimeMax);
    diff.duration("cycle_time", a.cycleTime, b.cycleTime);
    diff.duration("lead_time", a.leadTime, b.leadTime);
    diff.number("pca", a.pca, b.pca, "%");
    diff.number("batch_size", a.batchSize, b.batchSize);
    diff.duration("changeover", a.changeover, b.changeover);
    diff.number("uptime", a.uptime, b.uptime, "%");
    diff.number("defect_rate", a.defectRate, b.defectRate, "%");
    const auto mtbf = [](const model::Step& s) {
        return s.breakdown ? std::optional<double>(s.breakdown->mtbf) : std::nullopt;
    };
    const auto mttr = [](const model::Step& s) {
        return s.breakdown ? std::optional<double>(s.breakdown->mttr) : std::nullopt;
    };
    diff.duration("mtbf", mtbf(a), mtbf(b));
    diff.duration("mttr", mttr(a), mttr(b));
    if (a.value != b.value)
        diff.text("value", valueClassText(a.value), valueClassText(b.value));
    if (a.wastes != b.wastes)
        diff.text("wastes", wastesText(a.wastes), wastesText(b.wastes));
    diff.list("frictions", a.frictions, b.frictions, [](const model::Friction& f) {
        return f.what + " (" + model::formatCount(f.minutesPerOccurrence) + " min x " +
               model::formatCount(f.occurrencesPerWeek) + "/wk)";
    });
    diff.list("artifacts", a.artifacts, b.artifacts, [](const std::string& s) { return s; });
    return out;
}

std::vector<FieldChange> waitFields(const model::Project& project, const model::Wait& a,
                                    const model::Wait& b) {
    std::vector<FieldChange> out;
    FieldDiff diff(project, out);
    if (a.kind != b.kind)
        diff.text("kind", std::string(model::nameOf(a.kind)), std::string(model::nameOf(b.kind)));
    diff.text("label", a.label, b.label);
    diff.duration("wait_time", a.time, b.time);
    diff.duration("wait_time_min", a.timeMin, b.timeMin);
    diff.duration("wait_time_max", a.timeMax, b.timeMax);
    diff.number("quantity", a.quantity, b.quantity);
    return out;
}

// ---------------------------------------------------------------------------------------
// Figures side by side

struct FigureSpec {
    const char* key;
    const char* label;
    Quantity quantity;
    std::function<std::optional<double>(const MapMetrics&)> value; ///< of a valid map
};

const std::vector<FigureSpec>& figureSpecs() {
    static const std::vector<FigureSpec> specs = {
        {"lead_time_seconds", "Lead time", Quantity::Duration,
         [](const MapMetrics& m) { return m.leadTime; }},
        {"lead_time_days", "Lead time in working days", Quantity::Days,
         [](const MapMetrics& m) { return m.leadTimeDays; }},
        {"process_time_seconds", "Process time", Quantity::Duration,
         [](const MapMetrics& m) { return m.processTime; }},
        {"value_adding_time_seconds", "Value-adding process time", Quantity::Duration,
         [](const MapMetrics& m) { return m.valueAddingTime; }},
        {"cycle_time_seconds", "Cycle time", Quantity::Duration,
         [](const MapMetrics& m) { return m.cycleTime; }},
        {"wait_time_seconds", "Waiting time", Quantity::Duration,
         [](const MapMetrics& m) { return m.waitTime; }},
        {"activity_ratio", "Activity ratio", Quantity::Ratio,
         [](const MapMetrics& m) { return m.activityRatio; }},
        {"process_cycle_efficiency", "Process cycle efficiency", Quantity::Ratio,
         [](const MapMetrics& m) { return m.processCycleEfficiency; }},
        {"rolled_pca", "Rolled %C&A", Quantity::Ratio,
         [](const MapMetrics& m) { return m.rolledPca; }},
        {"takt_seconds", "Takt time", Quantity::Duration,
         [](const MapMetrics& m) { return m.takt; }},
        {"handoffs", "Handoffs", Quantity::Count,
         [](const MapMetrics& m) { return static_cast<double>(m.handoffs); }},
        {"steps", "Steps", Quantity::Count,
         [](const MapMetrics& m) { return static_cast<double>(m.steps.size()); }},
        {"systems", "Systems", Quantity::Count,
         [](const MapMetrics& m) { return static_cast<double>(m.systems.size()); }},
        {"people", "People", Quantity::Count,
         [](const MapMetrics& m) { return static_cast<double>(m.people.size()); }},
        {"friction_hours_per_week", "Friction hours per week", Quantity::Hours,
         [](const MapMetrics& m) { return m.frictionHoursPerWeek; }},
        {"friction_cost_per_week", "Friction cost per week", Quantity::Money,
         [](const MapMetrics& m) { return m.frictionCostPerWeek; }},
        {"total_labour_seconds", "Total labour", Quantity::Duration,
         [](const MapMetrics& m) { return m.totalLabour; }},
        {"bottleneck_cycle_time_seconds", "Bottleneck cycle time", Quantity::Duration,
         [](const MapMetrics& m) { return m.bottleneckCycleTime; }},
        {"wip", "Work in process (Little's law)", Quantity::Items,
         [](const MapMetrics& m) { return m.wip; }},
    };
    return specs;
}

std::vector<MetricChange> metricChanges(const MapMetrics& from, const MapMetrics& to) {
    std::vector<MetricChange> out;
    for (const FigureSpec& spec : figureSpecs()) {
        MetricChange change;
        change.key = spec.key;
        change.label = spec.label;
        change.quantity = spec.quantity;
        // An invalid map has no figures; its step count is still a plain fact.
        const bool always = change.key == "steps";
        if (from.valid || always)
            change.before = spec.value(from);
        if (to.valid || always)
            change.after = spec.value(to);
        if (change.before && change.after) {
            change.change = *change.after - *change.before;
            if (*change.before != 0)
                change.percent = *change.change / *change.before * 100;
        }
        out.push_back(std::move(change));
    }
    return out;
}

// ---------------------------------------------------------------------------------------
// Waterfall

std::vector<LeadTimeContribution> waterfall(const MapMetrics& from, const MapMetrics& to,
                                            const std::unordered_map<Id, Id>& toFrom,
                                            const std::unordered_map<Id, Id>& fromTo) {
    std::vector<LeadTimeContribution> bars;
    if (!from.valid || !to.valid)
        return bars;
    std::unordered_map<Id, double> before;
    for (const Segment& segment : from.timeline)
        before.emplace(segment.element, segment.leadSeconds());
    // Bars that are only rounding noise of the loop solver are left out.
    const double noise = 1e-9 * std::max({1.0, std::abs(from.leadTime), std::abs(to.leadTime)});
    const auto add = [&](std::string label, Id a, Id b, double seconds) {
        if (std::abs(seconds) > noise)
            bars.push_back({std::move(label), a, b, seconds});
    };
    const auto nameOf = [](const Segment& s) {
        return s.name.empty() ? "#" + std::to_string(s.element) : s.name;
    };
    std::unordered_set<Id> done; // elements of "from" already in a bar
    for (const Segment& segment : to.timeline) {
        auto match = toFrom.find(segment.element);
        if (match == toFrom.end()) {
            add("Added: " + nameOf(segment), kNoId, segment.element, segment.leadSeconds());
            continue;
        }
        auto old = before.find(match->second);
        const double previous = old == before.end() ? 0 : old->second;
        done.insert(match->second);
        add("Changed: " + nameOf(segment), match->second, segment.element,
            segment.leadSeconds() - previous);
    }
    for (const Segment& segment : from.timeline) {
        if (done.contains(segment.element))
            continue;
        auto match = fromTo.find(segment.element);
        if (match == fromTo.end())
            add("Removed: " + nameOf(segment), segment.element, kNoId, -segment.leadSeconds());
        else // still drawn, but off the path now
            add("Changed: " + nameOf(segment), segment.element, match->second,
                -segment.leadSeconds());
    }
    return bars;
}

/// Ids in the order the map's steps are shown (stepOrder), keeping only those in `ids`.
std::vector<Id> inStepOrder(const MapMetrics& m, const std::vector<Id>& ids) {
    const std::unordered_set<Id> wanted(ids.begin(), ids.end());
    std::vector<Id> out;
    for (Id id : m.stepOrder)
        if (wanted.contains(id))
            out.push_back(id);
    return out;
}

} // namespace

Comparison compare(const model::Project& project, const model::Map& from, const model::Map& to) {
    Comparison c;
    c.from = computeMetrics(project, from);
    c.to = computeMetrics(project, to);
    c.metrics = metricChanges(c.from, c.to);

    const Matching steps = match(from.steps, to.steps, originsOf(project, &model::Map::steps));
    const Matching waits = match(from.waits, to.waits, originsOf(project, &model::Map::waits));
    const Matching parties =
        match(from.parties, to.parties, originsOf(project, &model::Map::parties));

    c.added = inStepOrder(c.to, steps.added);
    c.removed = inStepOrder(c.from, steps.removed);
    for (Id after : c.to.stepOrder) {
        auto it = steps.toFrom.find(after);
        if (it == steps.toFrom.end())
            continue;
        StepChange change;
        change.before = it->second;
        change.after = after;
        change.name = to.steps.at(after).name;
        change.fields = stepFields(project, from.steps.at(it->second), to.steps.at(after));
        if (!change.fields.empty())
            c.changed.push_back(std::move(change));
    }

    for (const auto& [after, wait] : to.waits) {
        auto it = waits.toFrom.find(after);
        if (it == waits.toFrom.end())
            continue;
        StepChange change;
        change.before = it->second;
        change.after = after;
        change.name = wait.label;
        change.fields = waitFields(project, from.waits.at(it->second), wait);
        if (!change.fields.empty())
            c.changedWaits.push_back(std::move(change));
    }

    std::unordered_map<Id, Id> toFrom;
    std::unordered_map<Id, Id> fromTo;
    for (const Matching* m : {&steps, &waits, &parties}) {
        toFrom.insert(m->toFrom.begin(), m->toFrom.end());
        fromTo.insert(m->fromTo.begin(), m->fromTo.end());
    }
    c.waterfall = waterfall(c.from, c.to, toFrom, fromTo);
    return c;
}

} // namespace gemba::metrics
