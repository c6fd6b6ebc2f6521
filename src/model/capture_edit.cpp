#include "gemba/model/capture_edit.h"

#include "gemba/model/text.h"

#include <algorithm>

namespace gemba::model {

namespace {

using Kind = QuickCapture::Kind;
using Placement = QuickCapture::Placement;

template <class T> EditPtr setEdit(Id map, std::optional<T> before, std::optional<T> after) {
    return std::make_unique<SetEntity<T>>(map, std::move(before), std::move(after), "Capture");
}

CaptureOutcome refuse(std::string message) {
    CaptureOutcome out;
    out.error = std::move(message);
    return out;
}

/// The work flows into and out of an element; outgoing ones split into forward flows and
/// loops back (to the element itself or to one of its ancestors).
struct Neighbourhood {
    std::vector<const Flow*> in;
    std::vector<const Flow*> forward;
    std::vector<const Flow*> back;
};

Neighbourhood neighbourhood(const Map& map, Id element) {
    Neighbourhood n;
    const std::set<Id> ancestors = workAncestors(map, element);
    for (const auto& [id, flow] : map.flows) {
        if (!carriesWork(flow.kind))
            continue;
        if (flow.to == element)
            n.in.push_back(&flow);
        if (flow.from == element)
            (flow.to == element || ancestors.contains(flow.to) ? n.back : n.forward)
                .push_back(&flow);
    }
    return n;
}

Flow joining(const IdSource& newId, const Flow& like, Id from, Id to) {
    Flow f = like;
    f.id = newId();
    f.origin = kNoId;
    f.from = from;
    f.to = to;
    return f;
}

CaptureOutcome loopBack(const IdSource& newId, Id mapId, const Map& map, Id current,
                        const QuickCapture& capture) {
    if (!map.steps.contains(current) && !map.waits.contains(current))
        return refuse("select the step the loop starts from, then: back to " + capture.name + " " +
                      formatNumber(*capture.share * 100) + "%");
    std::vector<Id> targets;
    for (const auto& [id, step] : map.steps)
        if (toLower(trim(step.name)) == toLower(trim(capture.name)))
            targets.push_back(id);
    if (targets.empty())
        return refuse("no step named \"" + capture.name + "\" on this map");
    if (targets.size() > 1)
        return refuse("several steps are named \"" + capture.name +
                      "\"; rename one, or draw the loop with the mouse");
    const Id target = targets.front();
    const Neighbourhood n = neighbourhood(map, current);
    auto compound = std::make_unique<CompoundEdit>("Loop back to " + capture.name);
    CaptureOutcome out;
    const Flow* existing = nullptr;
    for (const Flow* f : n.back)
        if (f->to == target)
            existing = f;
    for (const Flow* f : n.forward)
        if (f->to == target)
            existing = f;
    if (existing) {
        Flow updated = *existing;
        updated.share = capture.share;
        compound->add(setEdit<Flow>(mapId, *existing, updated));
        out.element = existing->id;
    } else {
        Flow loop;
        loop.id = newId();
        loop.from = current;
        loop.to = target;
        loop.kind = FlowKind::Push;
        loop.share = capture.share;
        compound->add(setEdit<Flow>(mapId, std::nullopt, loop));
        out.element = loop.id;
    }
    // The one route onward takes the rest: 20% back means 80% on.
    std::vector<const Flow*> onward;
    for (const Flow* f : n.forward)
        if (f != existing)
            onward.push_back(f);
    if (onward.size() == 1) {
        double others = 0;
        for (const Flow* f : n.back)
            if (f != existing)
                others += f->share.value_or(0);
        Flow updated = *onward.front();
        updated.share = std::max(0.0, 1.0 - *capture.share - others);
        compound->add(setEdit<Flow>(mapId, *onward.front(), updated));
    }
    out.edit = std::move(compound);
    return out;
}

/// The step a line describes, systems resolved (new ones added through `edits`).
Step stepOf(const Project& project, const IdSource& newId, const QuickCapture& capture,
            std::vector<EditPtr>& edits) {
    Step step;
    step.id = newId();
    step.name = capture.name;
    step.processTime = capture.processTime;
    step.leadTime = capture.leadTime;
    step.pca = capture.pca;
    step.role = capture.role;
    if (capture.headcount)
        step.headcount = *capture.headcount;
    if (capture.value)
        step.value = *capture.value;
    step.wastes = capture.wastes;
    std::vector<System> added;
    for (const std::string& name : capture.systems) {
        const std::string key = toLower(name);
        Id found = kNoId;
        for (const auto& [id, system] : project.systems)
            if (toLower(system.name) == key)
                found = id;
        for (const System& system : added)
            if (toLower(system.name) == key)
                found = system.id;
        if (found == kNoId) {
            System system;
            system.id = found = newId();
            system.name = name;
            added.push_back(system);
            edits.push_back(setEdit<System>(kNoId, std::nullopt, system));
        }
        if (std::ranges::find(step.systems, found) == step.systems.end())
            step.systems.push_back(found);
    }
    return step;
}

} // namespace

CaptureOutcome captureEdit(const Project& project, const IdSource& newId, Id mapId, Id current,
                           const QuickCapture& capture, Point pos) {
    const Map* map = project.findMap(mapId);
    if (!map)
        return refuse("no map to capture into");
    if (capture.kind == Kind::Loop)
        return loopBack(newId, mapId, *map, current, capture);

    const bool anchored = map->steps.contains(current) || map->waits.contains(current);
    std::vector<EditPtr> edits;
    CaptureOutcome out;
    std::string description;
    EditPtr placed;
    if (capture.kind == Kind::Step) {
        Step step = stepOf(project, newId, capture, edits);
        step.pos = pos;
        out.element = step.id;
        description = "Capture step " + step.name;
        if (capture.placement == Placement::After && anchored)
            placed = insertStepAfter(project, newId, mapId, current, std::move(step));
        else
            placed = setEdit<Step>(mapId, std::nullopt, step);
    } else {
        Wait wait;
        wait.id = newId();
        wait.kind = capture.kind == Kind::Inventory ? WaitKind::Inventory : WaitKind::Time;
        wait.label = capture.name;
        wait.time = capture.waitTime;
        wait.quantity = capture.quantity;
        wait.pos = pos;
        out.element = wait.id;
        description = capture.kind == Kind::Inventory ? "Capture inventory" : "Capture wait";
        if (capture.placement == Placement::After && anchored)
            placed = insertWaitAfter(project, newId, mapId, current, std::move(wait));
        else
            placed = setEdit<Wait>(mapId, std::nullopt, wait);
    }
    edits.push_back(std::move(placed));

    if (capture.placement != Placement::After) {
        const char* what =
            capture.placement == Placement::Parallel ? "a parallel step" : "an alternative route";
        if (!anchored)
            return refuse(std::string("select the step that ") + what + " goes beside");
        const Neighbourhood n = neighbourhood(*map, current);
        if (n.in.empty() && (capture.placement == Placement::Alternative || n.forward.empty()))
            return refuse(std::string(what) + " needs a step before the selected one");
        for (const Flow* in : n.in) {
            Flow f = joining(newId, *in, in->from, out.element);
            if (capture.placement == Placement::Parallel) {
                f.share.reset();
            } else {
                // The alternative takes its share from the selected route.
                const double had = in->share.value_or(1.0);
                if (*capture.share >= had - 1e-12)
                    return refuse("the alternative's share " + formatPercent(*capture.share) +
                                  " is not less than the selected route's " + formatPercent(had));
                f.share = capture.share;
                Flow rest = *in;
                rest.share = had - *capture.share;
                edits.push_back(setEdit<Flow>(mapId, *in, rest));
            }
            edits.push_back(setEdit<Flow>(mapId, std::nullopt, f));
        }
        for (const Flow* on : n.forward)
            edits.push_back(
                setEdit<Flow>(mapId, std::nullopt, joining(newId, *on, out.element, on->to)));
    }
    auto compound = std::make_unique<CompoundEdit>(description);
    for (auto& edit : edits)
        if (edit)
            compound->add(std::move(edit));
    out.edit = std::move(compound);
    return out;
}

} // namespace gemba::model
