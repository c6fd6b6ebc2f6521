#include "gemba/model/event_log.h"

#include <catch2/catch.hpp>

using namespace gemba::model;

TEST_CASE("event log: names kept once, duplicates dropped and counted", "[events]") {
    EventLogBuilder builder("log.csv");
    const auto a = builder.item("A-1", "bug");
    const auto review = builder.activity("Review");
    CHECK(builder.item("A-1") == a);
    CHECK(builder.activity("Review") == review);
    builder.add({a, review, 0, 0, 10, 20, 2, false});
    builder.add({a, review, 0, 0, 10, 20, 3, false}); // the same event again, another row
    builder.add({a, review, 0, 0, 0, 5, 4, false});   // out of order
    const EventLog log = builder.finish();
    REQUIRE(log.events.size() == 2);
    CHECK(log.duplicatesDropped == 1);
    CHECK(log.events[0].start == 0);
    CHECK(log.types[log.itemTypes[a]] == "bug");
}

TEST_CASE("event mapping: guessed kinds", "[events]") {
    CHECK(guessStateMapping("Ready for review").kind == StateKind::Wait);
    CHECK(guessStateMapping("Awaiting approval").kind == StateKind::Wait);
    CHECK(guessStateMapping("Test queue").kind == StateKind::Wait);
    CHECK(guessStateMapping("Done").kind == StateKind::Done);
    CHECK(guessStateMapping("In review").kind == StateKind::Step);
    CHECK(guessStateMapping("Newsletter").kind == StateKind::Step);
    StateKind kind{};
    CHECK(stateKindFromName("Ignore", kind));
    CHECK(kind == StateKind::Ignore);
    CHECK_FALSE(stateKindFromName("maybe", kind));
}
