// The shapes a live workshop produces by accident: a branch that ends in a step, a map that
// falls apart, a map of one step. None may give figures that nothing flags.
#include "gemba/model/operations.h"
#include "map_builder.h"

#include <algorithm>

using namespace gemba::metrics;
using namespace gemba::metrics::test;
using gemba::model::Id;

namespace {

/// Supplier -> A -> {B, C} (parallel) -> D -> Customer; A 1 h, B 2 h, C 1 h, D 1 h.
struct Split {
    MapBuilder b;
    Id in, a, bb, c, d, out;
    Split() {
        in = b.supplier();
        a = b.step("A", 1 * kHour);
        bb = b.step("B", 2 * kHour);
        c = b.step("C", 1 * kHour);
        d = b.step("D", 1 * kHour);
        out = b.customer();
        b.chain({in, a, bb, d, out});
        b.flow(a, c);
        b.flow(c, d);
    }
};

} // namespace

TEST_CASE("a step after a parallel split counts once on the path", "[metrics][shape]") {
    Split s;
    const MapMetrics before = s.b.metrics();
    REQUIRE(before.valid);
    CHECK(before.leadTime == Approx(4 * kHour)); // A + max(B, C) + D
    gemba::model::Step check;
    check.name = "Check";
    check.processTime = 30 * kMinute;
    auto edit = gemba::model::insertStepAfter(s.b.project, gemba::model::idsOf(s.b.project),
                                              s.b.mapId, s.a, check);
    gemba::model::Changes changes;
    edit->apply(s.b.project, changes);
    const MapMetrics m = s.b.metrics();
    REQUIRE(m.valid);
    CHECK(m.findings.empty());
    CHECK(m.leadTime == Approx(4.5 * kHour));
    CHECK(m.totalLabour == Approx(5.5 * kHour)); // A + Check + B + C + D, each once
    Id checkId = gemba::model::kNoId;
    for (const auto& [id, step] : s.b.map().steps)
        if (step.name == "Check")
            checkId = id;
    CHECK(m.steps.at(checkId).visits == Approx(1));
}

TEST_CASE("dead_end: a branch that stops in a step before the customer", "[metrics][shape]") {
    Split s;
    const Id stray = s.b.step("Stray", 30 * kMinute);
    s.b.flow(s.a, stray); // A splits three ways; Stray leads nowhere
    const MapMetrics m = s.b.metrics();
    const Finding* f = findingFor(m.findings, "dead_end");
    REQUIRE(f);
    CHECK(f->severity == Severity::Warning);
    CHECK(f->element == stray);
    CHECK(f->message.find("Step \"Stray\"") == 0);
    CHECK(m.valid); // a warning: the figures stay, and the finding says why they leave it out
}

TEST_CASE("dead_end: several ends and no customer", "[metrics][shape]") {
    MapBuilder b;
    const Id a = b.step("A", 10 * kMinute);
    const Id x = b.step("X", 10 * kMinute);
    const Id y = b.wait("Y", 20 * kMinute);
    b.flow(a, x);
    b.flow(a, y);
    const MapMetrics m = b.metrics();
    int deadEnds = 0;
    for (const Finding& f : m.findings)
        deadEnds += f.code == "dead_end" && (f.element == x || f.element == y);
    CHECK(deadEnds == 2);
}

TEST_CASE("no dead_end for a straight chain that ends in its last step", "[metrics][shape]") {
    MapBuilder b;
    b.chain({b.step("A", 10 * kMinute), b.step("B", 10 * kMinute)});
    CHECK(b.metrics().findings.empty());
}

TEST_CASE("separate_chains: a map that falls apart in the middle", "[metrics][shape]") {
    MapBuilder b;
    const Id a = b.step("A", 10 * kMinute);
    const Id bb = b.step("B", 10 * kMinute);
    const Id c = b.step("C", 10 * kMinute);
    const Id d = b.step("D", 10 * kMinute);
    b.chain({a, bb});
    b.chain({c, d}); // the flow B -> C was deleted
    const MapMetrics m = b.metrics();
    const Finding* f = findingFor(m.findings, "separate_chains");
    REQUIRE(f);
    CHECK(f->severity == Severity::Warning);
    CHECK(f->element == c);
    CHECK(f->message.find("2 separate chains") != std::string::npos);
    b.flow(bb, c);
    CHECK_FALSE(hasCode(b.metrics().findings, "separate_chains"));
}

TEST_CASE("separate_chains also with a supplier and a customer", "[metrics][shape]") {
    MapBuilder b;
    const Id a = b.step("A", 10 * kMinute);
    const Id c = b.step("C", 10 * kMinute);
    b.chain({b.supplier(), a});
    b.chain({c, b.customer()});
    const MapMetrics m = b.metrics();
    CHECK(hasCode(m.findings, "separate_chains"));
    CHECK(hasCode(m.findings, "dead_end")); // A stops before the customer
    CHECK(hasCode(m.findings, "not_connected"));
}

TEST_CASE("a map of one step is a value stream", "[metrics][shape]") {
    MapBuilder b;
    const Id only = b.step("Only", 20 * kMinute, 1 * kHour);
    const MapMetrics m = b.metrics();
    CHECK(m.valid);
    CHECK(m.findings.empty());
    CHECK(m.leadTime == Approx(1 * kHour));
    CHECK(m.processTime == Approx(20 * kMinute));
    CHECK(m.steps.at(only).onPath);
}

TEST_CASE("a map of one step plus a step just dropped keeps its figures", "[metrics][shape]") {
    MapBuilder b;
    const Id first = b.step("First", 20 * kMinute, 1 * kHour);
    const Id dropped = b.step("Dropped", 5 * kMinute);
    const MapMetrics m = b.metrics();
    CHECK_FALSE(hasCode(m.findings, "no_start"));
    CHECK_FALSE(hasErrors(m.findings));
    CHECK(m.valid);
    CHECK(m.leadTime == Approx(1 * kHour)); // the first step's; the dropped one is left out
    CHECK(m.processTime == Approx(20 * kMinute));
    CHECK(m.steps.at(first).onPath);
    CHECK_FALSE(m.steps.at(dropped).onPath);
    const Finding* f = findingFor(m.findings, "not_connected");
    REQUIRE(f);
    CHECK(f->severity == Severity::Warning);
    CHECK(f->element == dropped);
}

TEST_CASE("a chain plus unconnected elements keeps the chain's figures", "[metrics][shape]") {
    MapBuilder b;
    const Id a = b.step("A", 10 * kMinute);
    const Id c = b.step("C", 20 * kMinute);
    b.flow(a, c);
    const Id dropped = b.step("Dropped", 1 * kHour);
    const Id queue = b.wait("Queue", 2 * kHour);
    const MapMetrics m = b.metrics();
    CHECK(m.valid);
    CHECK(m.leadTime == Approx(30 * kMinute));
    std::vector<Id> left;
    for (const Finding& f : m.findings)
        if (f.code == "not_connected")
            left.push_back(f.element);
    std::sort(left.begin(), left.end());
    CHECK(left == std::vector<Id>{dropped, queue});
}

TEST_CASE("several steps and no work flow at all: the first one is the stream",
          "[metrics][shape]") {
    MapBuilder b;
    const Id first = b.step("First", 10 * kMinute);
    b.step("Second", 20 * kMinute);
    b.step("Third", 30 * kMinute);
    const MapMetrics m = b.metrics();
    CHECK(m.valid);
    CHECK(m.leadTime == Approx(10 * kMinute));
    CHECK(m.stepOrder.front() == first);
    CHECK(std::count_if(m.findings.begin(), m.findings.end(),
                        [](const Finding& f) { return f.code == "not_connected"; }) == 2);
}
