#include "gemba/model/document.h"
#include "gemba/model/operations.h"

#include <catch2/catch.hpp>

using namespace gemba::model;

namespace {

Project projectWithMap(Id& mapId) {
    Project project;
    Map map;
    map.id = mapId = project.allocateId();
    map.props.name = "Current";
    project.maps.push_back(map);
    return project;
}

Step makeStep(Project& project, std::string name, double x = 0) {
    Step step;
    step.id = project.allocateId();
    step.name = std::move(name);
    step.pos = {x, 0};
    return step;
}

} // namespace

TEST_CASE("an entity edit applies and reverts, adding, changing and removing", "[edit]") {
    Id mapId = kNoId;
    Project project = projectWithMap(mapId);
    const Step step = makeStep(project, "Review");
    Document doc(project);
    Changes seen;
    doc.addListener([&](const Changes& changes) { seen = changes; });

    SetStep add(mapId, std::nullopt, step, "Add");
    doc.apply(add);
    REQUIRE(doc.project().findMap(mapId)->steps.size() == 1);
    REQUIRE(seen.size() == 1);
    CHECK(seen[0].op == Change::Op::Added);
    CHECK(seen[0].id == step.id);
    CHECK(seen[0].kind == ElementKind::Step);

    Step renamed = step;
    renamed.name = "Review contract";
    SetStep rename(mapId, step, renamed, "Rename");
    doc.apply(rename);
    CHECK(doc.project().findMap(mapId)->steps.at(step.id).name == "Review contract");
    REQUIRE(seen.size() == 1);
    CHECK(seen[0].op == Change::Op::Modified);
    CHECK(seen[0].fields == kChangedContent);

    doc.revert(rename);
    CHECK(doc.project().findMap(mapId)->steps.at(step.id).name == "Review");
    doc.revert(add);
    CHECK(doc.project().findMap(mapId)->steps.empty());
    CHECK(seen[0].op == Change::Op::Removed);
    CHECK(sameContent(doc.project(), project));
}

TEST_CASE("moves merge into one edit and a move back to the start is a no-op", "[edit]") {
    Id mapId = kNoId;
    Project project = projectWithMap(mapId);
    const Step step = makeStep(project, "Build", 10);
    project.findMap(mapId)->steps.emplace(step.id, step);

    const std::pair<Id, Point> first[] = {{step.id, {20, 0}}};
    const std::pair<Id, Point> second[] = {{step.id, {30, 5}}};
    const std::pair<Id, Point> back[] = {{step.id, {10, 0}}};

    EditPtr gesture = moveElements(project, mapId, first);
    Changes changes;
    gesture->apply(project, changes);
    REQUIRE(changes.size() == 1);
    CHECK(changes[0].fields == kChangedPosition);

    EditPtr next = moveElements(project, mapId, second);
    REQUIRE(gesture->canMerge(*next));
    next->apply(project, changes);
    gesture->merge(*next);
    CHECK(project.findMap(mapId)->steps.at(step.id).pos == Point{30, 5});

    gesture->revert(project, changes);
    CHECK(project.findMap(mapId)->steps.at(step.id).pos == Point{10, 0});

    gesture->apply(project, changes);
    EditPtr home = moveElements(project, mapId, back);
    home->apply(project, changes);
    gesture->merge(*home);
    CHECK(gesture->isNoop());
}

TEST_CASE("moves of different selections do not merge", "[edit]") {
    Id mapId = kNoId;
    Project project = projectWithMap(mapId);
    const Step a = makeStep(project, "A");
    const Step b = makeStep(project, "B");
    project.findMap(mapId)->steps.emplace(a.id, a);
    project.findMap(mapId)->steps.emplace(b.id, b);
    const std::pair<Id, Point> moveA[] = {{a.id, {1, 1}}};
    const std::pair<Id, Point> moveB[] = {{b.id, {1, 1}}};
    CHECK_FALSE(
        moveElements(project, mapId, moveA)->canMerge(*moveElements(project, mapId, moveB)));
}

TEST_CASE("map and project properties swap on apply and revert", "[edit]") {
    Id mapId = kNoId;
    Project project = projectWithMap(mapId);
    MapProps after = project.findMap(mapId)->props;
    after.demand = Demand{40, DemandPeriod::Week};
    SetMapProps setMap(mapId, project.findMap(mapId)->props, after, "Set demand");
    Changes changes;
    setMap.apply(project, changes);
    CHECK(project.findMap(mapId)->props.demand->quantity == 40);
    setMap.revert(project, changes);
    CHECK_FALSE(project.findMap(mapId)->props.demand.has_value());

    ProjectProps props = project.props;
    props.calendar.hoursPerDay = 16;
    SetProjectProps setProject(project.props, props, "Calendar");
    setProject.apply(project, changes);
    CHECK(project.props.calendar.hoursPerDay == 16);
    setProject.revert(project, changes);
    CHECK(project.props.calendar.hoursPerDay == 8);
}

TEST_CASE("replacing the whole project undoes whole, and the id counter only grows", "[edit]") {
    Id mapId = kNoId;
    Project before = projectWithMap(mapId);
    Project merged = before;
    const Step added = makeStep(merged, "Added by the other save");
    merged.maps.front().steps[added.id] = added;
    merged.props.name = "Merged";
    Project project = before;
    // Meanwhile this side handed out ids of its own.
    project.allocateId();
    project.allocateId();
    const Id counter = project.nextId;
    ReplaceProject replace(project, merged, "Merge with version 2");
    Changes changes;
    replace.apply(project, changes);
    CHECK(project.props.name == "Merged");
    CHECK(project.maps.front().steps.contains(added.id));
    CHECK(project.nextId == std::max(counter, merged.nextId));
    REQUIRE(changes.size() == 1);
    CHECK(changes[0].subject == Change::Subject::Everything);
    replace.revert(project, changes);
    CHECK(sameContent(project, before));
    CHECK(project.nextId == counter); // not back to before.nextId: those ids were handed out
    CHECK_FALSE(replace.isNoop());
}

TEST_CASE("adding and removing maps keeps their tab order", "[edit]") {
    Id mapId = kNoId;
    Project project = projectWithMap(mapId);
    Map future;
    future.id = project.allocateId();
    future.props.name = "Future";
    AddMap add(future, 0, "Add map");
    Changes changes;
    add.apply(project, changes);
    REQUIRE(project.maps.size() == 2);
    CHECK(project.maps[0].props.name == "Future");
    RemoveMap remove(future, 0, "Remove map");
    remove.apply(project, changes);
    CHECK(project.maps.size() == 1);
    remove.revert(project, changes);
    CHECK(project.maps[0].id == future.id);
}

TEST_CASE("ids are never reused", "[edit]") {
    Id mapId = kNoId;
    Project project = projectWithMap(mapId);
    Document doc(project);
    const Id first = doc.allocateId();
    Step step;
    step.id = first;
    SetStep add(mapId, std::nullopt, step, "Add");
    doc.apply(add);
    doc.revert(add);
    CHECK(doc.allocateId() > first);
    CHECK(doc.project().largestIdInUse() < doc.project().nextId);
}
