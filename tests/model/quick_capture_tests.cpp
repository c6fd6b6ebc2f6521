#include "gemba/model/quick_capture.h"

#include <catch2/catch.hpp>

using namespace gemba::model;

TEST_CASE("quick capture reads name, process time and lead time", "[quick]") {
    const Calendar calendar;
    const auto parsed = parseQuickCapture("Review contract 30 min 2 d", calendar);
    REQUIRE(parsed.ok());
    CHECK(parsed.value().name == "Review contract");
    CHECK(parsed.value().processTime == 1800);
    CHECK(parsed.value().leadTime == 2 * 8 * 3600);
    CHECK_FALSE(parsed.value().pca.has_value());
}

TEST_CASE("quick capture takes units glued to numbers and a %C&A", "[quick]") {
    const auto parsed = parseQuickCapture("Check invoice 45s 4h 80%", Calendar{});
    REQUIRE(parsed.ok());
    CHECK(parsed.value().name == "Check invoice");
    CHECK(parsed.value().processTime == 45);
    CHECK(parsed.value().leadTime == 4 * 3600);
    CHECK(parsed.value().pca == 80);
}

TEST_CASE("quick capture with a name only, or numbers that are part of the name", "[quick]") {
    auto parsed = parseQuickCapture("Deploy", Calendar{});
    REQUIRE(parsed.ok());
    CHECK(parsed.value().name == "Deploy");
    CHECK_FALSE(parsed.value().processTime.has_value());

    parsed = parseQuickCapture("Ship 2 boxes", Calendar{});
    REQUIRE(parsed.ok());
    CHECK(parsed.value().name == "Ship 2 boxes");

    parsed = parseQuickCapture("Build 2 h", Calendar{});
    REQUIRE(parsed.ok());
    CHECK(parsed.value().name == "Build");
    CHECK(parsed.value().processTime == 7200);
    CHECK_FALSE(parsed.value().leadTime.has_value());
}

TEST_CASE("quick capture refuses what it cannot read for sure", "[quick]") {
    CHECK_FALSE(parseQuickCapture("Review 30 m", Calendar{}).ok());
    CHECK_FALSE(parseQuickCapture("30 min 2 d", Calendar{}).ok());
    CHECK_FALSE(parseQuickCapture("Review 2 d 30 min", Calendar{}).ok()); // LT < PT
    CHECK_FALSE(parseQuickCapture("Review 1 h 150%", Calendar{}).ok());
    CHECK_FALSE(parseQuickCapture("", Calendar{}).ok());
}
