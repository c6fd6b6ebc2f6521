#include "gemba/model/operations.h"

#include "gemba/model/workshop_ops.h"

#include <algorithm>
#include <set>
#include <unordered_map>

namespace gemba::model {

namespace {

template <class T> EditPtr addEdit(Id map, const T& value, std::string description) {
    return std::make_unique<SetEntity<T>>(map, std::nullopt, value, std::move(description));
}

template <class T>
EditPtr updateEdit(Id map, const T& before, const T& after, std::string description) {
    return std::make_unique<SetEntity<T>>(map, before, after, std::move(description));
}

template <class T> EditPtr removeEdit(Id map, const T& value, std::string description) {
    return std::make_unique<SetEntity<T>>(map, value, std::nullopt, std::move(description));
}

std::string plural(std::size_t count, const char* one, const char* many) {
    return std::to_string(count) + " " + (count == 1 ? one : many);
}

/// Wraps a list of edits: null when empty, the edit itself when alone, else a compound.
EditPtr bundle(std::vector<EditPtr> edits, std::string description) {
    if (edits.empty())
        return nullptr;
    auto compound = std::make_unique<CompoundEdit>(std::move(description));
    for (auto& edit : edits)
        compound->add(std::move(edit));
    return compound;
}

} // namespace

EditPtr makeAdd(Id map, const Step& step) {
    return addEdit(map, step, "Add step");
}
EditPtr makeAdd(Id map, const Wait& wait) {
    return addEdit(map, wait, wait.kind == WaitKind::Inventory ? "Add inventory" : "Add wait");
}
EditPtr makeAdd(Id map, const Party& party) {
    return addEdit(map, party, party.kind == PartyKind::Supplier ? "Add supplier" : "Add customer");
}
EditPtr makeAdd(Id map, const InfoBox& box) {
    return addEdit(map, box, "Add information box");
}
EditPtr makeAdd(Id map, const Note& note) {
    return addEdit(map, note, "Add note");
}
EditPtr makeAdd(Id map, const RedPen& pen) {
    return addEdit(map, pen, "Add red-pen circle");
}
EditPtr makeAdd(Id map, const Flow& flow) {
    return addEdit(map, flow, "Connect");
}

namespace {

/// The work flows that join the predecessors of the removed elements to their successors:
/// each outgoing flow of the removed part is kept and rerouted from the one predecessor that
/// reaches it, or replaced by one flow per predecessor when several do. A new flow copies the
/// outgoing flow (kind, FIFO maximum, label, wait); shares along the way multiply.
void bridge(const Map& map, Id mapId, const IdSource& newId, std::set<Id>& removed,
            std::vector<EditPtr>& edits) {
    std::map<Id, std::vector<const Flow*>> workOut; // of removed steps and waits
    std::vector<const Flow*> entering;              // from outside into the removed part
    std::set<std::pair<Id, Id>> existing;
    for (const auto& [id, flow] : map.flows) {
        if (!carriesWork(flow.kind))
            continue;
        existing.insert({flow.from, flow.to});
        if (removed.contains(flow.from))
            workOut[flow.from].push_back(&flow);
        else if (removed.contains(flow.to))
            entering.push_back(&flow);
    }
    struct Reach {
        Id from;
        double factor;
        bool shared;
    };
    std::map<Id, std::vector<Reach>> reachers; // leaving flow -> predecessors reaching it
    for (const Flow* in : entering) {
        // Walk the removed part from this entry; a loop inside it is walked once.
        std::set<Id> seen;
        std::vector<Reach> stack{{in->to, in->share.value_or(1.0), in->share.has_value()}};
        while (!stack.empty()) {
            const Reach at = stack.back();
            stack.pop_back();
            if (!seen.insert(at.from).second)
                continue;
            for (const Flow* out : workOut[at.from]) {
                const Reach next{out->to, at.factor * out->share.value_or(1.0),
                                 at.shared || out->share.has_value()};
                if (removed.contains(out->to))
                    stack.push_back(next);
                else
                    reachers[out->id].push_back({in->from, next.factor, next.shared});
            }
        }
    }
    for (auto& [flowId, from] : reachers) {
        const Flow& leaving = map.flows.at(flowId);
        // One bridge per predecessor, shares of several paths added.
        std::map<Id, Reach> merged;
        for (const Reach& r : from) {
            auto [it, fresh] = merged.try_emplace(r.from, r);
            if (!fresh) {
                it->second.factor += r.factor;
                it->second.shared = it->second.shared || r.shared;
            }
        }
        std::erase_if(merged, [&](const auto& entry) {
            return entry.first == leaving.to || existing.contains({entry.first, leaving.to});
        });
        auto joined = [&](const Reach& r) {
            Flow f = leaving;
            f.from = r.from;
            f.share = r.shared ? std::optional<double>(std::min(1.0, r.factor)) : std::nullopt;
            return f;
        };
        if (merged.size() == 1) {
            // The flow itself survives (with its red pens), only its start moves.
            removed.erase(flowId);
            edits.push_back(
                updateEdit(mapId, leaving, joined(merged.begin()->second), "Bridge the gap"));
            continue;
        }
        for (const auto& [pred, r] : merged) {
            Flow f = joined(r);
            f.id = newId();
            f.origin = kNoId;
            edits.push_back(addEdit(mapId, f, "Bridge the gap"));
        }
    }
}

/// A red pen kept with no target: drawn where the first of its old targets stood, so it
/// stays beside what it marked.
RedPen emptiedPen(const Map& map, const RedPen& pen) {
    RedPen kept = pen;
    kept.targets.clear();
    for (Id target : pen.targets)
        if (const std::optional<Point> pos = map.positionOf(target)) {
            kept.pos = *pos;
            break;
        }
    return kept;
}

} // namespace

EditPtr removeElements(const Project& project, Id mapId, std::span<const Id> elements,
                       const RemoveOptions& options) {
    const Map* map = project.findMap(mapId);
    if (!map)
        return nullptr;
    std::set<Id> removed;
    for (Id id : elements)
        if (map->contains(id))
            removed.insert(id);
    if (removed.empty())
        return nullptr;
    const std::size_t chosen = removed.size();
    // Flows cannot dangle: those touching a removed element go with it.
    for (const auto& [id, flow] : map->flows)
        if (removed.contains(flow.from) || removed.contains(flow.to))
            removed.insert(id);

    std::vector<EditPtr> edits;
    if (options.bridge && options.newId)
        bridge(*map, mapId, options.newId, removed, edits);
    for (const auto& [id, pen] : map->redPens) {
        if (removed.contains(id))
            continue;
        RedPen kept = pen;
        std::erase_if(kept.targets, [&](Id target) { return removed.contains(target); });
        if (kept.targets == pen.targets)
            continue;
        // A circle around nothing would float its cost free on the map.
        if (kept.targets.empty() && !options.keepEmptiedRedPens)
            removed.insert(id);
        else
            edits.push_back(updateEdit(mapId, pen,
                                       kept.targets.empty() ? emptiedPen(*map, pen) : kept,
                                       "Update red-pen targets"));
    }
    // Ideas, actions and reviews that name a removed element forget it.
    for (auto& edit : detachWorkshopReferences(project, removed))
        edits.push_back(std::move(edit));
    for (Id id : removed)
        visitElement(*map, id, [&](const auto& element) {
            edits.push_back(removeEdit(mapId, element, "Delete"));
        });
    return bundle(std::move(edits), "Delete " + plural(chosen, "element", "elements"));
}

std::vector<Id> redPensEmptiedBy(const Project& project, Id mapId, std::span<const Id> elements) {
    std::vector<Id> out;
    const Map* map = project.findMap(mapId);
    if (!map)
        return out;
    std::set<Id> removed(elements.begin(), elements.end());
    for (const auto& [id, flow] : map->flows)
        if (removed.contains(flow.from) || removed.contains(flow.to))
            removed.insert(id);
    for (const auto& [id, pen] : map->redPens)
        if (!removed.contains(id) && !pen.targets.empty() &&
            std::ranges::all_of(pen.targets, [&](Id t) { return removed.contains(t); }))
            out.push_back(id);
    return out;
}

std::vector<RedPen> redPensKeptAfter(const Project& project, Id mapId,
                                     std::span<const Id> elements) {
    std::vector<RedPen> out;
    const Map* map = project.findMap(mapId);
    if (!map)
        return out;
    for (Id id : redPensEmptiedBy(project, mapId, elements))
        out.push_back(emptiedPen(*map, map->redPens.at(id)));
    return out;
}

EditPtr moveElements(const Project& project, Id mapId,
                     std::span<const std::pair<Id, Point>> moves) {
    const Map* map = project.findMap(mapId);
    if (!map)
        return nullptr;
    std::vector<EditPtr> edits;
    // Not a structured binding: clang before 16 cannot capture one in the lambda.
    for (const std::pair<Id, Point>& move : moves)
        visitElement(*map, move.first, [&](const auto& element) {
            if constexpr (requires { element.pos; }) {
                auto moved = element;
                moved.pos = move.second;
                edits.push_back(updateEdit(mapId, element, moved, "Move"));
            }
        });
    if (edits.empty())
        return nullptr;
    // Always a compound, also for one element, so that successive moves merge.
    auto compound =
        std::make_unique<CompoundEdit>("Move " + plural(edits.size(), "element", "elements"));
    for (auto& edit : edits)
        compound->add(std::move(edit));
    return compound;
}

EditPtr removePerson(const Project& project, Id person) {
    auto it = project.people.find(person);
    if (it == project.people.end())
        return nullptr;
    std::vector<EditPtr> edits;
    for (const Map& map : project.maps)
        for (const auto& [id, step] : map.steps) {
            Step kept = step;
            std::erase(kept.people, person);
            if (kept != step)
                edits.push_back(updateEdit(map.id, step, kept, "Unassign person"));
        }
    ProjectProps props = project.props;
    auto clear = [&](Id& slot) {
        if (slot == person)
            slot = kNoId;
    };
    clear(props.team.sponsor);
    clear(props.team.processOwner);
    clear(props.team.facilitator);
    std::erase(props.team.experts, person);
    if (props != project.props)
        edits.push_back(
            std::make_unique<SetProjectProps>(project.props, props, "Update workshop team"));
    for (auto& edit : detachWorkshopReferences(project, {person}))
        edits.push_back(std::move(edit));
    edits.push_back(removeEdit(kNoId, it->second, "Remove person"));
    return bundle(std::move(edits), "Remove person " + it->second.name);
}

EditPtr removeSystem(const Project& project, Id system) {
    auto it = project.systems.find(system);
    if (it == project.systems.end())
        return nullptr;
    std::vector<EditPtr> edits;
    for (const Map& map : project.maps)
        for (const auto& [id, step] : map.steps) {
            Step kept = step;
            std::erase(kept.systems, system);
            if (kept != step)
                edits.push_back(updateEdit(map.id, step, kept, "Unassign system"));
        }
    edits.push_back(removeEdit(kNoId, it->second, "Remove system"));
    return bundle(std::move(edits), "Remove system " + it->second.name);
}

namespace {

/// What a copy's `origin` becomes.
enum class Origin {
    Source, ///< the element it was copied from (a derived map)
    Keep,   ///< the original's own origin (a clipboard)
    Clear,  ///< none (pasted elements are new)
};

/// Copies the elements of `source` whose ids are keys of `newIds` into `target` under their
/// new ids, remapping flow ends and red-pen targets; `offset` shifts positions.
void copyRenamed(const Map& source, const std::unordered_map<Id, Id>& newIds, Map& target,
                 Origin origin, Point offset) {
    auto place = [&](auto& element, Id oldId) {
        element.id = newIds.at(oldId);
        if (origin == Origin::Source)
            element.origin = oldId;
        else if (origin == Origin::Clear)
            element.origin = kNoId;
        if constexpr (requires { element.pos; })
            element.pos = Point{element.pos.x + offset.x, element.pos.y + offset.y};
    };
    auto copyAll = [&](const auto& from, auto& to) {
        for (const auto& [id, element] : from) {
            if (!newIds.contains(id))
                continue;
            auto copy = element;
            place(copy, id);
            to.emplace(copy.id, std::move(copy));
        }
    };
    copyAll(source.steps, target.steps);
    copyAll(source.waits, target.waits);
    copyAll(source.parties, target.parties);
    copyAll(source.infoBoxes, target.infoBoxes);
    copyAll(source.notes, target.notes);
    for (const auto& [id, pen] : source.redPens) {
        if (!newIds.contains(id))
            continue;
        RedPen copy = pen;
        place(copy, id);
        copy.targets.clear();
        for (Id t : pen.targets)
            if (auto it = newIds.find(t); it != newIds.end())
                copy.targets.push_back(it->second);
        target.redPens.emplace(copy.id, std::move(copy));
    }
    for (const auto& [id, flow] : source.flows) {
        if (!newIds.contains(id) || !newIds.contains(flow.from) || !newIds.contains(flow.to))
            continue;
        Flow copy = flow;
        place(copy, id);
        copy.from = newIds.at(flow.from);
        copy.to = newIds.at(flow.to);
        target.flows.emplace(copy.id, std::move(copy));
    }
}

std::vector<Id> allElementIds(const Map& map) {
    std::vector<Id> ids = map.placedElements();
    for (const auto& [id, _] : map.flows)
        ids.push_back(id);
    return ids;
}

} // namespace

Map deriveMap(const IdSource& newId, const Map& source, std::string name, MapState state) {
    Map derived;
    derived.id = newId();
    derived.props = source.props;
    derived.props.name = std::move(name);
    derived.props.state = state;
    derived.props.madeFrom = source.id;
    std::unordered_map<Id, Id> newIds;
    for (Id id : allElementIds(source))
        newIds.emplace(id, newId());
    copyRenamed(source, newIds, derived, Origin::Source, Point{});
    return derived;
}

Map copyElements(const Map& source, std::span<const Id> elements) {
    std::set<Id> chosen(elements.begin(), elements.end());
    for (const auto& [id, flow] : source.flows)
        if (chosen.contains(flow.from) && chosen.contains(flow.to))
            chosen.insert(id);
    // Identity renaming: the clipboard keeps the source's ids; paste gives new ones.
    std::unordered_map<Id, Id> same;
    for (Id id : chosen)
        if (source.contains(id))
            same.emplace(id, id);
    Map clipboard;
    copyRenamed(source, same, clipboard, Origin::Keep, Point{});
    return clipboard;
}

EditPtr pasteElements(const Project& project, const IdSource& newId, Id mapId, const Map& clipboard,
                      Point offset, std::vector<Id>* newIdsOut) {
    if (!project.findMap(mapId))
        return nullptr;
    std::unordered_map<Id, Id> newIds;
    for (Id id : allElementIds(clipboard))
        newIds.emplace(id, newId());
    Map pasted;
    copyRenamed(clipboard, newIds, pasted, Origin::Clear, offset);
    std::vector<EditPtr> edits;
    auto addAll = [&](const auto& collection) {
        for (const auto& [id, element] : collection) {
            edits.push_back(addEdit(mapId, element, "Paste"));
            if (newIdsOut)
                newIdsOut->push_back(id);
        }
    };
    addAll(pasted.steps);
    addAll(pasted.waits);
    addAll(pasted.parties);
    addAll(pasted.infoBoxes);
    addAll(pasted.notes);
    addAll(pasted.flows);
    addAll(pasted.redPens);
    const std::size_t count = edits.size();
    return bundle(std::move(edits), "Paste " + plural(count, "element", "elements"));
}

namespace {

/// Adds `element` after `after`: it takes over every outgoing work flow of `after` (so that
/// "after A" means between A and all of A's successors, a parallel split included) and is
/// joined to it by a push flow. Information flows stay where they are.
template <class T>
EditPtr insertAfter(const Project& project, const IdSource& newId, Id mapId, Id after, T element,
                    std::string description) {
    const Map* map = project.findMap(mapId);
    if (!map)
        return nullptr;
    if (element.id == kNoId)
        element.id = newId();
    std::vector<EditPtr> edits;
    edits.push_back(addEdit(mapId, element, description));
    const bool anchored = map->steps.contains(after) || map->waits.contains(after);
    if (anchored) {
        // A loop back from `after` (to a step before it) stays: it is `after`'s rework.
        const std::set<Id> before = workAncestors(*map, after);
        std::vector<const Flow*> forward;
        double backShare = 0;
        bool backShared = false;
        for (const auto& [id, flow] : map->flows) {
            if (flow.from != after || !carriesWork(flow.kind))
                continue;
            if (flow.to == after || before.contains(flow.to)) {
                backShare += flow.share.value_or(0);
                backShared = backShared || flow.share.has_value();
            } else {
                forward.push_back(&flow);
            }
        }
        double forwardShares = 0;
        for (const Flow* flow : forward)
            forwardShares += flow->share.value_or(0);
        for (const Flow* flow : forward) {
            Flow rerouted = *flow;
            rerouted.from = element.id;
            // Beside a loop back, the forward routes' shares now split the new element's
            // output: alone it needs none, several are scaled to add up to 1.
            if (backShared && rerouted.share)
                rerouted.share = forward.size() == 1 || forwardShares <= 0
                                     ? std::nullopt
                                     : std::optional<double>(*rerouted.share / forwardShares);
            edits.push_back(updateEdit(mapId, *flow, rerouted, "Reroute flow"));
        }
        Flow link;
        link.id = newId();
        link.from = after;
        link.to = element.id;
        link.kind = FlowKind::Push;
        if (backShared)
            link.share = std::clamp(1.0 - backShare, 0.0, 1.0);
        edits.push_back(addEdit(mapId, link, "Connect"));
    }
    return bundle(std::move(edits), std::move(description));
}

} // namespace

EditPtr setFlowShare(const Project& project, Id mapId, const Flow& after, std::string description) {
    const Map* map = project.findMap(mapId);
    const Flow* before = map ? map->findFlow(after.id) : nullptr;
    if (!before)
        return nullptr;
    std::vector<EditPtr> edits;
    edits.push_back(updateEdit(mapId, *before, after, description));
    std::vector<const Flow*> siblings;
    if (carriesWork(after.kind))
        for (const auto& [id, flow] : map->flows)
            if (id != after.id && flow.from == after.from && carriesWork(flow.kind))
                siblings.push_back(&flow);
    if (siblings.size() == 1 && after.share != before->share) {
        Flow other = *siblings.front();
        if (after.share)
            other.share = std::clamp(1.0 - *after.share, 0.0, 1.0);
        else
            other.share.reset();
        if (other != *siblings.front())
            edits.push_back(updateEdit(mapId, *siblings.front(), other, "Complete the share"));
    }
    return bundle(std::move(edits), std::move(description));
}

std::set<Id> workAncestors(const Map& map, Id element) {
    std::map<Id, std::vector<Id>> into;
    for (const auto& [id, flow] : map.flows)
        if (carriesWork(flow.kind))
            into[flow.to].push_back(flow.from);
    std::set<Id> seen;
    std::vector<Id> stack{element};
    while (!stack.empty()) {
        const Id at = stack.back();
        stack.pop_back();
        for (Id from : into[at])
            if (seen.insert(from).second)
                stack.push_back(from);
    }
    return seen;
}

EditPtr insertStepAfter(const Project& project, const IdSource& newId, Id mapId, Id after,
                        Step step) {
    std::string description = "Add step " + step.name;
    return insertAfter(project, newId, mapId, after, std::move(step), std::move(description));
}

EditPtr insertWaitAfter(const Project& project, const IdSource& newId, Id mapId, Id after,
                        Wait wait) {
    std::string description =
        (wait.kind == WaitKind::Inventory ? "Add inventory " : "Add wait ") + wait.label;
    return insertAfter(project, newId, mapId, after, std::move(wait), std::move(description));
}

} // namespace gemba::model
