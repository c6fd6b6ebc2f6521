#include "gemba/model/document.h"
#include "gemba/model/operations.h"

#include <catch2/catch.hpp>

using namespace gemba::model;

namespace {

/// A -> B -> C with a red pen on B and on the flow B -> C.
struct Chain {
    Project project;
    Id map = kNoId, a = kNoId, b = kNoId, c = kNoId, ab = kNoId, bc = kNoId, pen = kNoId;

    Chain() {
        Map m;
        m.id = map = project.allocateId();
        m.props.name = "Current";
        for (auto [id, name, x] : {std::tuple{&a, "A", 0.0}, {&b, "B", 200.0}, {&c, "C", 400.0}}) {
            Step s;
            s.id = *id = project.allocateId();
            s.name = name;
            s.pos = {x, 0};
            m.steps.emplace(s.id, s);
        }
        for (auto [id, from, to] : {std::tuple{&ab, a, b}, {&bc, b, c}}) {
            Flow f;
            f.id = *id = project.allocateId();
            f.from = from;
            f.to = to;
            m.flows.emplace(f.id, f);
        }
        RedPen p;
        p.id = pen = project.allocateId();
        p.targets = {b, bc};
        p.reason = "Copy into spreadsheet";
        m.redPens.emplace(p.id, p);
        project.maps.push_back(m);
    }
    const Map& theMap() const { return project.maps.front(); }
};

} // namespace

TEST_CASE("removing a step takes its flows and its place in red pens, and undoes", "[ops]") {
    Chain chain;
    const Project before = chain.project;
    const Id doomed[] = {chain.b};
    EditPtr edit = removeElements(chain.project, chain.map, doomed);
    REQUIRE(edit);
    Changes changes;
    edit->apply(chain.project, changes);
    const Map& map = chain.theMap();
    CHECK_FALSE(map.steps.contains(chain.b));
    CHECK(map.flows.empty());
    CHECK(map.redPens.at(chain.pen).targets.empty());
    edit->revert(chain.project, changes);
    CHECK(chain.project == before);
}

TEST_CASE("removing nothing the map holds gives no edit", "[ops]") {
    Chain chain;
    const Id unknown[] = {9999};
    CHECK(removeElements(chain.project, chain.map, unknown) == nullptr);
}

TEST_CASE("a derived map keeps each element's origin and its own new ids", "[ops]") {
    Chain chain;
    const Map future = deriveMap(idsOf(chain.project), chain.theMap(), "Future", MapState::Future);
    CHECK(future.props.madeFrom == chain.map);
    CHECK(future.props.state == MapState::Future);
    REQUIRE(future.steps.size() == 3);
    for (const auto& [id, step] : future.steps) {
        CHECK_FALSE(chain.theMap().contains(id));
        REQUIRE(chain.theMap().steps.contains(step.origin));
        CHECK(chain.theMap().steps.at(step.origin).name == step.name);
    }
    REQUIRE(future.flows.size() == 2);
    for (const auto& [id, flow] : future.flows) {
        CHECK(future.steps.contains(flow.from));
        CHECK(future.steps.contains(flow.to));
    }
    const RedPen& pen = future.redPens.begin()->second;
    REQUIRE(pen.targets.size() == 2);
    CHECK(future.steps.contains(pen.targets[0]));
    CHECK(future.flows.contains(pen.targets[1]));
}

TEST_CASE("copy and paste gives new ids, keeps inner flows, drops dangling ones", "[ops]") {
    Chain chain;
    const Id selection[] = {chain.a, chain.b};
    const Map clipboard = copyElements(chain.theMap(), selection);
    CHECK(clipboard.steps.size() == 2);
    REQUIRE(clipboard.flows.size() == 1); // A -> B, not B -> C
    std::vector<Id> pasted;
    EditPtr edit =
        pasteElements(chain.project, idsOf(chain.project), chain.map, clipboard, {0, 150}, &pasted);
    REQUIRE(edit);
    Changes changes;
    edit->apply(chain.project, changes);
    const Map& map = chain.theMap();
    CHECK(map.steps.size() == 5);
    CHECK(map.flows.size() == 3);
    CHECK(pasted.size() == 3);
    for (Id id : pasted) {
        CHECK(id != chain.a);
        CHECK(id != chain.b);
        CHECK(map.contains(id));
    }
    const Step& copyOfA = map.steps.at(pasted[0]);
    CHECK(copyOfA.name == "A");
    CHECK(copyOfA.pos == Point{0, 150});
}

TEST_CASE("a step inserted after one with a single outgoing flow goes between", "[ops]") {
    Chain chain;
    Step inserted;
    inserted.name = "Check";
    EditPtr edit =
        insertStepAfter(chain.project, idsOf(chain.project), chain.map, chain.a, inserted);
    Changes changes;
    edit->apply(chain.project, changes);
    const Map& map = chain.theMap();
    REQUIRE(map.steps.size() == 4);
    Id newId = kNoId;
    for (const auto& [id, s] : map.steps)
        if (s.name == "Check")
            newId = id;
    // A -> Check -> B -> C
    CHECK(map.flows.at(chain.ab).from == newId);
    CHECK(map.flows.at(chain.ab).to == chain.b);
    int intoNew = 0;
    for (const auto& [id, f] : map.flows)
        intoNew += (f.from == chain.a && f.to == newId);
    CHECK(intoNew == 1);
}

TEST_CASE("a step inserted after the last one is appended", "[ops]") {
    Chain chain;
    Step last;
    last.name = "Ship";
    EditPtr edit = insertStepAfter(chain.project, idsOf(chain.project), chain.map, chain.c, last);
    Changes changes;
    edit->apply(chain.project, changes);
    CHECK(chain.theMap().flows.size() == 3);
    CHECK(chain.theMap().flows.at(chain.bc).to == chain.c);
}

TEST_CASE("removing a person clears every reference to them", "[ops]") {
    Chain chain;
    Person anna{chain.project.allocateId(), "Anna", "Sales", 55.0};
    chain.project.people.emplace(anna.id, anna);
    chain.project.props.team.processOwner = anna.id;
    chain.project.maps.front().steps.at(chain.a).people = {anna.id};
    const Project before = chain.project;
    EditPtr edit = removePerson(chain.project, anna.id);
    Changes changes;
    edit->apply(chain.project, changes);
    CHECK(chain.project.people.empty());
    CHECK(chain.project.props.team.processOwner == kNoId);
    CHECK(chain.theMap().steps.at(chain.a).people.empty());
    edit->revert(chain.project, changes);
    CHECK(chain.project == before);
}
