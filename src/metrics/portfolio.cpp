#include "gemba/metrics/portfolio.h"

#include "gemba/metrics/metrics.h"
#include "gemba/model/names.h"
#include "gemba/model/text.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace gemba::metrics {

namespace {

using model::Id;

constexpr double kWeeksPerYear = 52; // as docs/metrics.md converts demand per year

std::string key(std::string_view name) {
    return model::toLower(model::trim(name));
}

StateFigures figuresOf(const model::Map& map, const MapMetrics& m) {
    StateFigures f;
    f.map = map.props.name;
    f.valid = m.valid;
    f.leadTime = m.leadTime;
    f.leadTimeDays = m.leadTimeDays;
    f.processTime = m.processTime;
    f.activityRatio = m.activityRatio;
    f.rolledPca = m.rolledPca;
    f.frictionCostPerYear = m.frictionCostPerWeek * kWeeksPerYear;
    f.redPenCostPerYear = m.redPenCostPerYear;
    return f;
}

std::set<Id> measuredMaps(const model::Project& project) {
    std::set<Id> ids;
    for (const auto& [id, review] : project.workshop.reviews)
        if (review.measuredMap != model::kNoId)
            ids.insert(review.measuredMap);
    return ids;
}

const model::Map* futureStateOf(const model::Project& project, const model::Map& current) {
    const model::Map* anyFuture = nullptr;
    for (const model::Map& map : project.maps) {
        if (map.props.state != model::MapState::Future)
            continue;
        if (map.props.madeFrom == current.id)
            return &map;
        if (!anyFuture)
            anyFuture = &map;
    }
    return anyFuture;
}

/// The measured map of the latest review (by date, then id) that has one.
const model::Map* latestMeasuredOf(const model::Project& project) {
    const model::Map* latest = nullptr;
    std::pair<std::string, Id> latestKey;
    for (const auto& [id, review] : project.workshop.reviews) {
        const model::Map* map = project.findMap(review.measuredMap);
        if (!map)
            continue;
        std::pair<std::string, Id> k{model::reviewDate(project.workshop.props, review), id};
        if (!latest || k > latestKey) {
            latest = map;
            latestKey = std::move(k);
        }
    }
    return latest;
}

/// The steps an element of a map stands for: a step itself, a flow's ends, a red pen's targets.
std::vector<Id> stepsOf(const model::Map& map, Id element) {
    std::vector<Id> steps;
    auto addStep = [&](Id id) {
        if (map.steps.count(id) && std::find(steps.begin(), steps.end(), id) == steps.end())
            steps.push_back(id);
    };
    auto addFlow = [&](Id id) {
        if (const model::Flow* flow = map.findFlow(id)) {
            addStep(flow->from);
            addStep(flow->to);
        }
    };
    addStep(element);
    addFlow(element);
    if (auto pen = map.redPens.find(element); pen != map.redPens.end())
        for (Id target : pen->second.targets) {
            addStep(target);
            addFlow(target);
        }
    return steps;
}

/// The step's friction per week: hours, and their cost at the average hourly cost of its
/// people that have one, else the project's default rate (the rule of the map's friction).
std::pair<double, double> frictionOf(const model::Project& project, const model::Step& step) {
    double minutesPerWeek = 0;
    for (const model::Friction& friction : step.frictions)
        minutesPerWeek += friction.minutesPerOccurrence * friction.occurrencesPerWeek;
    const double hours = minutesPerWeek / 60 * step.headcount;
    double costSum = 0;
    int costed = 0;
    for (Id person : step.people)
        if (auto it = project.people.find(person);
            it != project.people.end() && it->second.hourlyCost) {
            costSum += *it->second.hourlyCost;
            ++costed;
        }
    const double rate = costed > 0 ? costSum / costed : project.props.defaultHourlyRate;
    return {hours, hours * rate};
}

/// What a step's system, role, person or waste is grouped by: a key (the catalogue entry's
/// id, else the name's key) and the name shown (the catalogue entry's, else as written).
struct GroupName {
    std::string key;
    std::string name;
    std::string catalogueId;
    std::string written; ///< as the stream wrote it
};

/// A name grouped by itself, without the catalogue.
GroupName byName(std::string_view name) {
    return {key(name), std::string(name), {}, std::string(name)};
}

/// A project's system or person: by its catalogue entry when one resolves, else by name.
GroupName inCatalogue(const model::Catalogue* catalogue, model::CatalogueKind kind,
                      const std::string& reference, const std::string& name) {
    if (catalogue)
        if (const model::CatalogueEntry* entry = catalogue->resolve(kind, reference, name))
            // The leading byte keeps an entry's key apart from every name's key.
            return {"\x01" + entry->id, entry->name, entry->id, name};
    return byName(name);
}

/// Collects the uses of one kind of shared item (systems, roles, ...) over the streams.
class Grouping {
public:
    /// The use of `group` in `stream`, created on first sight.
    Use& use(const GroupName& group, std::size_t stream) {
        auto [it, added] = m_index.try_emplace(group.key, m_items.size());
        if (added) {
            SharedItem item;
            item.name = group.name;
            item.catalogueId = group.catalogueId;
            m_items.push_back(std::move(item));
        }
        SharedItem& item = m_items[it->second];
        const std::string trimmed(model::trim(group.written));
        if (std::none_of(item.spellings.begin(), item.spellings.end(),
                         [&](const std::string& s) { return key(s) == key(trimmed); }))
            item.spellings.push_back(trimmed);
        if (item.uses.empty() || item.uses.back().stream != stream)
            item.uses.push_back(Use{stream, {}});
        return item.uses.back();
    }

    std::vector<SharedItem> finish(double totalHandsOn) {
        for (SharedItem& item : m_items) {
            for (const Use& u : item.uses) {
                item.steps += static_cast<int>(u.steps.size());
                item.handsOnSeconds += u.handsOnSeconds;
                item.redPens += u.redPens;
                item.redPenCostPerYear += u.redPenCostPerYear;
                item.frictionHoursPerWeek += u.frictionHoursPerWeek;
                item.frictionCostPerYear += u.frictionCostPerYear;
                item.ideas += u.ideas;
            }
            item.shareOfWork = totalHandsOn > 0 ? item.handsOnSeconds / totalHandsOn : 0;
        }
        std::stable_sort(
            m_items.begin(), m_items.end(), [](const SharedItem& a, const SharedItem& b) {
                const double costA = a.redPenCostPerYear + a.frictionCostPerYear;
                const double costB = b.redPenCostPerYear + b.frictionCostPerYear;
                return std::make_tuple(-static_cast<long>(a.streams()), -costA, key(a.name)) <
                       std::make_tuple(-static_cast<long>(b.streams()), -costB, key(b.name));
            });
        return std::move(m_items);
    }

private:
    std::map<std::string, std::size_t> m_index;
    std::vector<SharedItem> m_items;
};

/// What one current-state map contributes to the groupings.
class StreamScan {
public:
    StreamScan(const model::Project& project, const model::Map& map, const MapMetrics& m,
               std::size_t stream)
        : m_project(project)
        , m_map(map)
        , m_metrics(m)
        , m_stream(stream) {}

    double handsOn(const model::Step& step) const {
        if (auto it = m_metrics.steps.find(step.id); m_metrics.valid && it != m_metrics.steps.end())
            return it->second.processTime * it->second.visits;
        return step.processTime.value_or(0);
    }

    /// Adds each step, red pen and idea of the map to the groups `namesOf` puts it in.
    template <class NamesOf> void scan(Grouping& grouping, NamesOf namesOf) {
        for (const auto& [id, step] : m_map.steps)
            for (const GroupName& name : namesOf(step)) {
                Use& u = grouping.use(name, m_stream);
                u.steps.push_back(step.name);
                u.handsOnSeconds += handsOn(step);
                const auto [hours, cost] = frictionOf(m_project, step);
                u.frictionHoursPerWeek += hours;
                u.frictionCostPerYear += cost * kWeeksPerYear;
            }
        for (const auto& [id, pen] : m_map.redPens)
            for (const GroupName& name : namesOfElement(id, namesOf)) {
                Use& u = grouping.use(name, m_stream);
                ++u.redPens;
                u.redPenCostPerYear += pen.cost.value_or(0);
            }
        for (const auto& [id, idea] : m_project.workshop.ideas) {
            std::map<std::string, GroupName> names;
            for (Id concern : idea.concerns)
                for (const GroupName& name : namesOfElement(concern, namesOf))
                    names.try_emplace(name.key, name);
            for (const auto& [k, name] : names)
                ++grouping.use(name, m_stream).ideas;
        }
    }

private:
    /// The names of the steps an element stands for, each once (first spelling kept).
    template <class NamesOf> std::vector<GroupName> namesOfElement(Id element, NamesOf namesOf) {
        std::vector<GroupName> names;
        std::set<std::string> seen;
        for (Id stepId : stepsOf(m_map, element))
            for (const GroupName& name : namesOf(m_map.steps.at(stepId)))
                if (seen.insert(name.key).second)
                    names.push_back(name);
        return names;
    }

    const model::Project& m_project;
    const model::Map& m_map;
    const MapMetrics& m_metrics;
    std::size_t m_stream;
};

/// Touch points: parties of each current state named like another stream.
std::vector<Dependency> dependenciesOf(const std::vector<PortfolioSource>& sources,
                                       const std::vector<StreamSummary>& streams) {
    std::map<std::string, std::size_t> byName;
    for (std::size_t i = 0; i < streams.size(); ++i) {
        byName.try_emplace(key(streams[i].name), i);
        byName.try_emplace(key(streams[i].source), i);
    }
    std::map<std::pair<std::size_t, std::size_t>, Dependency> found;
    for (std::size_t i = 0; i < sources.size(); ++i) {
        const model::Map* map = currentStateOf(sources[i].project);
        if (!map)
            continue;
        for (const auto& [id, party] : map->parties) {
            auto other = byName.find(key(party.name));
            if (other == byName.end() || other->second == i)
                continue;
            const bool supplier = party.kind == model::PartyKind::Supplier;
            const std::pair<std::size_t, std::size_t> edge =
                supplier ? std::pair{other->second, i} : std::pair{i, other->second};
            Dependency& d = found[edge];
            d.supplier = edge.first;
            d.customer = edge.second;
            if (d.via.empty())
                d.via = party.name;
            if (!supplier)
                continue;
            // How long work from the other stream waits before this one takes it up.
            for (const auto& [flowId, flow] : map->flows) {
                if (flow.from != id)
                    continue;
                d.waitSeconds += flow.wait.value_or(0);
                if (auto wait = map->waits.find(flow.to);
                    wait != map->waits.end() && wait->second.kind == model::WaitKind::Time)
                    d.waitSeconds += wait->second.time.value_or(0);
            }
        }
    }
    std::vector<Dependency> out;
    for (auto& [edge, d] : found)
        out.push_back(std::move(d));
    return out;
}

} // namespace

const model::Map* currentStateOf(const model::Project& project) {
    const std::set<Id> measured = measuredMaps(project);
    for (const model::Map& map : project.maps)
        if (map.props.state == model::MapState::Current && !measured.count(map.id))
            return &map;
    return nullptr;
}

std::vector<std::string> SharedItem::otherSpellings() const {
    std::vector<std::string> other;
    const std::string key = model::catalogueKey(name);
    for (const std::string& spelling : spellings)
        if (model::catalogueKey(spelling) != key)
            other.push_back(spelling);
    return other;
}

Portfolio buildPortfolio(const std::vector<PortfolioSource>& sources,
                         const model::Catalogue* catalogue) {
    Portfolio p;
    Grouping systems, roles, people, wastes;
    std::map<std::string, SharedIdea> selectedIdeas;
    for (std::size_t i = 0; i < sources.size(); ++i) {
        const model::Project& project = sources[i].project;
        StreamSummary s;
        s.source = sources[i].source;
        s.name = model::trim(project.props.name).empty() ? s.source : project.props.name;
        s.currency = project.props.currency;
        s.calendar = project.props.calendar;
        if (std::find(p.currencies.begin(), p.currencies.end(), s.currency) == p.currencies.end())
            p.currencies.push_back(s.currency);
        for (const auto& [id, idea] : project.workshop.ideas) {
            ++s.funnel[static_cast<std::size_t>(idea.status)];
            ++p.funnel[static_cast<std::size_t>(idea.status)];
            if (idea.status != model::IdeaStatus::Selected)
                continue;
            SharedIdea& shared = selectedIdeas[key(idea.text)];
            if (shared.text.empty())
                shared.text = std::string(model::trim(idea.text));
            if (std::find(shared.streams.begin(), shared.streams.end(), i) == shared.streams.end())
                shared.streams.push_back(i);
        }
        for (const auto& [id, action] : project.workshop.actions) {
            using model::ActionStatus;
            if (action.status == ActionStatus::Planned ||
                action.status == ActionStatus::InProgress || action.status == ActionStatus::Blocked)
                ++s.openActions;
            auto owner = project.people.find(action.owner);
            p.actions.push_back({i, action.title, action.status, action.due,
                                 owner == project.people.end() ? "" : owner->second.name});
        }
        if (const model::Map* current = currentStateOf(project)) {
            const MapMetrics m = computeMetrics(project, *current);
            s.current = figuresOf(*current, m);
            if (const model::Map* future = futureStateOf(project, *current))
                s.future = figuresOf(*future, computeMetrics(project, *future));
            StreamScan scan(project, *current, m, i);
            for (const auto& [id, step] : current->steps)
                p.handsOnSeconds += scan.handsOn(step);
            scan.scan(systems, [&](const model::Step& step) {
                std::vector<GroupName> names;
                for (Id system : step.systems)
                    if (auto it = project.systems.find(system); it != project.systems.end())
                        names.push_back(inCatalogue(catalogue, model::CatalogueKind::System,
                                                    it->second.catalogue, it->second.name));
                return names;
            });
            scan.scan(roles, [](const model::Step& step) {
                const std::string_view role = model::trim(step.role);
                return role.empty() ? std::vector<GroupName>{}
                                    : std::vector<GroupName>{byName(role)};
            });
            scan.scan(people, [&](const model::Step& step) {
                std::vector<GroupName> names;
                for (Id person : step.people)
                    if (auto it = project.people.find(person); it != project.people.end())
                        names.push_back(inCatalogue(catalogue, model::CatalogueKind::Person,
                                                    it->second.catalogue, it->second.name));
                return names;
            });
            scan.scan(wastes, [](const model::Step& step) {
                std::vector<GroupName> names;
                for (const auto& [kind, name] : model::EnumNames<model::WasteKind>::table())
                    if (step.hasWaste(kind))
                        names.push_back(byName(name));
                return names;
            });
        }
        if (const model::Map* measured = latestMeasuredOf(project))
            s.measured = figuresOf(*measured, computeMetrics(project, *measured));
        p.streams.push_back(std::move(s));
    }
    if (p.currencies.size() == 1)
        p.currency = p.currencies.front();
    p.systems = systems.finish(p.handsOnSeconds);
    p.roles = roles.finish(p.handsOnSeconds);
    p.people = people.finish(p.handsOnSeconds);
    p.wastes = wastes.finish(p.handsOnSeconds);
    p.dependencies = dependenciesOf(sources, p.streams);
    for (auto& [k, idea] : selectedIdeas)
        if (idea.streams.size() > 1)
            p.sharedIdeas.push_back(std::move(idea));
    return p;
}

} // namespace gemba::metrics
