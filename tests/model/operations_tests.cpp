#include "gemba/model/document.h"
#include "gemba/model/operations.h"

#include <catch2/catch.hpp>
#include <set>

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
    // The pen marked only B and B -> C: it goes with them.
    CHECK(map.redPens.empty());
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

namespace {

Id stepNamed(const Map& map, const std::string& name) {
    for (const auto& [id, s] : map.steps)
        if (s.name == name)
            return id;
    return kNoId;
}

/// Work flows out of an element, as the ids they lead to.
std::set<Id> successors(const Map& map, Id from) {
    std::set<Id> out;
    for (const auto& [id, f] : map.flows)
        if (f.from == from && carriesWork(f.kind))
            out.insert(f.to);
    return out;
}

} // namespace

TEST_CASE("a step inserted after a parallel split takes over every branch", "[ops]") {
    // A -> B and A -> C (parallel); "after A" is between A and both.
    Chain chain;
    Map& m = chain.project.maps.front();
    m.flows.at(chain.bc).from = chain.a; // A -> B, A -> C
    Flow info;
    info.id = chain.project.allocateId();
    info.from = chain.a;
    info.to = chain.c;
    info.kind = FlowKind::ManualInformation;
    m.flows.emplace(info.id, info);
    const Project before = chain.project;
    Step inserted;
    inserted.name = "Check";
    EditPtr edit =
        insertStepAfter(chain.project, idsOf(chain.project), chain.map, chain.a, inserted);
    REQUIRE(edit);
    Changes changes;
    edit->apply(chain.project, changes);
    const Id check = stepNamed(chain.theMap(), "Check");
    CHECK(successors(chain.theMap(), chain.a) == std::set<Id>{check});
    CHECK(successors(chain.theMap(), check) == std::set<Id>{chain.b, chain.c});
    CHECK(chain.theMap().flows.at(info.id).from == chain.a); // information stays
    // One undo step brings the split back.
    edit->revert(chain.project, changes);
    CHECK(chain.theMap() == before.maps.front());
}

TEST_CASE("a wait inserted after a step goes between it and its successor", "[ops]") {
    Chain chain;
    Wait queue;
    queue.label = "Queue";
    queue.time = 7200;
    EditPtr edit = insertWaitAfter(chain.project, idsOf(chain.project), chain.map, chain.a, queue);
    Changes changes;
    edit->apply(chain.project, changes);
    const Map& map = chain.theMap();
    REQUIRE(map.waits.size() == 1);
    const Id wait = map.waits.begin()->first;
    CHECK(successors(map, chain.a) == std::set<Id>{wait});
    CHECK(successors(map, wait) == std::set<Id>{chain.b});
}

TEST_CASE("deleting with a bridge joins predecessors to successors", "[ops]") {
    Chain chain;
    chain.project.maps.front().flows.at(chain.bc).kind = FlowKind::Fifo;
    const Project before = chain.project;
    const Id doomed[] = {chain.b};
    RemoveOptions options;
    options.bridge = true;
    options.newId = idsOf(chain.project);
    EditPtr edit = removeElements(chain.project, chain.map, doomed, options);
    REQUIRE(edit);
    Changes changes;
    edit->apply(chain.project, changes);
    const Map& map = chain.theMap();
    CHECK_FALSE(map.steps.contains(chain.b));
    CHECK(successors(map, chain.a) == std::set<Id>{chain.c});
    // The flow out of B survives, rerouted from A, with its kind and its red pen.
    REQUIRE(map.flows.contains(chain.bc));
    CHECK(map.flows.at(chain.bc).from == chain.a);
    CHECK(map.flows.at(chain.bc).kind == FlowKind::Fifo);
    CHECK(map.redPens.at(chain.pen).targets == std::vector<Id>{chain.bc});
    edit->revert(chain.project, changes);
    CHECK(chain.theMap() == before.maps.front());

    // Without the bridge the chain falls apart.
    EditPtr plain = removeElements(chain.project, chain.map, doomed);
    plain->apply(chain.project, changes);
    CHECK(successors(chain.theMap(), chain.a).empty());
}

TEST_CASE("a bridge over a split keeps its shares, times the entry's", "[ops]") {
    // A -> B (0.5) ; B -> C (0.8), B -> D (0.2); deleting B gives A -> C 0.4, A -> D 0.1.
    Chain chain;
    Map& m = chain.project.maps.front();
    Step d;
    d.id = chain.project.allocateId();
    d.name = "D";
    m.steps.emplace(d.id, d);
    Flow bd;
    bd.id = chain.project.allocateId();
    bd.from = chain.b;
    bd.to = d.id;
    bd.share = 0.2;
    m.flows.emplace(bd.id, bd);
    m.flows.at(chain.bc).share = 0.8;
    m.flows.at(chain.ab).share = 0.5;
    const Id doomed[] = {chain.b};
    RemoveOptions options{true, idsOf(chain.project), false};
    EditPtr edit = removeElements(chain.project, chain.map, doomed, options);
    Changes changes;
    edit->apply(chain.project, changes);
    const Map& map = chain.theMap();
    CHECK(successors(map, chain.a) == std::set<Id>{chain.c, d.id});
    CHECK(map.flows.at(chain.bc).share == Approx(0.4));
    CHECK(map.flows.at(bd.id).share == Approx(0.1));
}

TEST_CASE("two predecessors bridged over a deleted chain get a flow each", "[ops]") {
    // A -> B -> C, X -> B: deleting B and C's predecessor... delete B: A -> C and X -> C.
    Chain chain;
    Map& m = chain.project.maps.front();
    Step x;
    x.id = chain.project.allocateId();
    x.name = "X";
    m.steps.emplace(x.id, x);
    Flow xb;
    xb.id = chain.project.allocateId();
    xb.from = x.id;
    xb.to = chain.b;
    m.flows.emplace(xb.id, xb);
    const Id doomed[] = {chain.b};
    RemoveOptions options{true, idsOf(chain.project), false};
    EditPtr edit = removeElements(chain.project, chain.map, doomed, options);
    Changes changes;
    edit->apply(chain.project, changes);
    const Map& map = chain.theMap();
    CHECK(successors(map, chain.a) == std::set<Id>{chain.c});
    CHECK(successors(map, x.id) == std::set<Id>{chain.c});
    CHECK_FALSE(map.flows.contains(chain.bc));
}

TEST_CASE("a red pen whose last target is deleted goes with it, unless kept", "[ops]") {
    Chain chain;
    chain.project.maps.front().redPens.at(chain.pen).targets = {chain.b};
    const Id doomed[] = {chain.b};
    CHECK(redPensEmptiedBy(chain.project, chain.map, doomed) == std::vector<Id>{chain.pen});
    Changes changes;
    EditPtr edit = removeElements(chain.project, chain.map, doomed);
    edit->apply(chain.project, changes);
    CHECK(chain.theMap().redPens.empty());
    edit->revert(chain.project, changes);
    RemoveOptions keep;
    keep.keepEmptiedRedPens = true;
    edit = removeElements(chain.project, chain.map, doomed, keep);
    edit->apply(chain.project, changes);
    REQUIRE(chain.theMap().redPens.contains(chain.pen));
    CHECK(chain.theMap().redPens.at(chain.pen).targets.empty());
}

TEST_CASE("a red pen emptied by a delete can be kept afterwards, where its step stood", "[ops]") {
    Chain chain;
    chain.project.maps.front().redPens.at(chain.pen).targets = {chain.b};
    const Point whereB = chain.theMap().steps.at(chain.b).pos;
    const Id doomed[] = {chain.b};
    const std::vector<RedPen> kept = redPensKeptAfter(chain.project, chain.map, doomed);
    REQUIRE(kept.size() == 1);
    CHECK(kept[0].id == chain.pen);
    CHECK(kept[0].targets.empty());
    CHECK(kept[0].pos == whereB);
    CHECK(kept[0].reason == chain.theMap().redPens.at(chain.pen).reason);

    Changes changes;
    removeElements(chain.project, chain.map, doomed)->apply(chain.project, changes);
    REQUIRE_FALSE(chain.theMap().redPens.contains(chain.pen));
    makeAdd(chain.map, kept[0])->apply(chain.project, changes);
    CHECK(chain.theMap().redPens.at(chain.pen) == kept[0]);

    // Kept by the option at once: the same pen.
    Chain again;
    again.project.maps.front().redPens.at(again.pen).targets = {again.b};
    RemoveOptions keep;
    keep.keepEmptiedRedPens = true;
    removeElements(again.project, again.map, doomed, keep)->apply(again.project, changes);
    CHECK(again.theMap().redPens.at(again.pen) == kept[0]);
}

TEST_CASE("a share set on a two-way split completes the other route's", "[ops]") {
    Chain chain;
    Map& m = chain.project.maps.front();
    m.flows.at(chain.bc).from = chain.a; // A -> B, A -> C
    Flow ab = m.flows.at(chain.ab);
    ab.share = 0.3;
    EditPtr edit = setFlowShare(chain.project, chain.map, ab, "Share");
    Changes changes;
    edit->apply(chain.project, changes);
    CHECK(*chain.theMap().flows.at(chain.ab).share == Approx(0.3));
    CHECK(*chain.theMap().flows.at(chain.bc).share == Approx(0.7));
    // Cleared: both routes are parallel work again.
    ab.share.reset();
    setFlowShare(chain.project, chain.map, ab, "Share")->apply(chain.project, changes);
    CHECK_FALSE(chain.theMap().flows.at(chain.bc).share);
    Chain plain;
    Flow single = plain.theMap().flows.at(plain.ab);
    single.share = 0.5; // a single route: nothing to complete
    setFlowShare(plain.project, plain.map, single, "Share")->apply(plain.project, changes);
    CHECK_FALSE(plain.theMap().flows.at(plain.bc).share);
}
