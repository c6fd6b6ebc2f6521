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

namespace {

QuickCapture read(std::string_view line) {
    const auto parsed = parseQuickCapture(line, Calendar{});
    INFO(line << ": " << (parsed.ok() ? std::string() : parsed.error()));
    REQUIRE(parsed.ok());
    return parsed.value();
}

std::string refusal(std::string_view line) {
    const auto parsed = parseQuickCapture(line, Calendar{});
    INFO(line);
    REQUIRE_FALSE(parsed.ok());
    return parsed.error();
}

constexpr double kDay = 8 * 3600;

} // namespace

TEST_CASE("capture: compound durations as people say them", "[quick]") {
    CHECK(read("Call 1 h 30 min").processTime == 5400);
    CHECK_FALSE(read("Call 1 h 30 min").leadTime);
    CHECK(read("Call 1:30").processTime == 5400);
    CHECK(read("Call 90 s").processTime == 90);
    CHECK(read("Call 1.5 d").processTime == 1.5 * kDay);
    const QuickCapture both = read("Call 1 h 30 min 2 d 4 h 90%");
    CHECK(both.name == "Call");
    CHECK(both.processTime == 5400);
    CHECK(both.leadTime == 2 * kDay + 4 * 3600);
    CHECK(both.pca == 90);
    // 90 min is not less than an hour: two durations, not one.
    const QuickCapture two = read("Call 1 h 90 min");
    CHECK(two.processTime == 3600);
    CHECK(two.leadTime == 5400);
    // Not the next smaller unit: two durations (and here lead time < process time).
    CHECK(refusal("Review 2 d 30 min").find("shorter") != std::string::npos);
}

TEST_CASE("capture: waits, with or without a label", "[quick]") {
    QuickCapture wait = read("wait 2 d");
    CHECK(wait.kind == QuickCapture::Kind::Wait);
    CHECK(wait.waitTime == 2 * kDay);
    CHECK(wait.name.empty());
    CHECK(read("queue 3 d").kind == QuickCapture::Kind::Wait);
    wait = read("Wait for callback 2 days");
    CHECK(wait.kind == QuickCapture::Kind::Wait);
    CHECK(wait.name == "Wait for callback");
    CHECK(wait.waitTime == 2 * kDay);
    CHECK_FALSE(wait.processTime);
    CHECK(refusal("wait").find("needs its time") != std::string::npos);
    CHECK(refusal("wait 2 d @Legal").find("belong to steps") != std::string::npos);
}

TEST_CASE("capture: inventories count items, with thousands separators", "[quick]") {
    QuickCapture stock = read("inventory 1,200");
    CHECK(stock.kind == QuickCapture::Kind::Inventory);
    CHECK(stock.quantity == 1200);
    CHECK(read("inventory 1200 pcs").quantity == 1200);
    stock = read("inventory Before test 40 forms");
    CHECK(stock.name == "inventory Before test");
    CHECK(stock.quantity == 40);
    CHECK(read("stock 12,345,678").quantity == 12345678);
    CHECK(refusal("inventory 1,5").find("not a count") != std::string::npos);
    CHECK(refusal("inventory").find("needs its count") != std::string::npos);
}

TEST_CASE("capture: value class, wastes, role, systems and headcount", "[quick]") {
    QuickCapture step = read("Copy order @Sales_ops #ERP #Excel !waste !overprocessing x2 20 min");
    CHECK(step.name == "Copy order");
    CHECK(step.role == "Sales ops");
    CHECK(step.systems == std::vector<std::string>{"ERP", "Excel"});
    CHECK(step.value == ValueClass::Waste);
    CHECK(step.wastes == static_cast<unsigned>(WasteKind::OverProcessing));
    CHECK(step.headcount == 2);
    CHECK(step.processTime == 1200);
    CHECK(read("Build !va").value == ValueClass::ValueAdding);
    CHECK(read("Approve !nva").value == ValueClass::NecessaryNonValueAdding);
    CHECK(refusal("Build !vaa").find("unknown tag") != std::string::npos);
    CHECK(refusal("Build !va !nva").find("one value class") != std::string::npos);
    CHECK(refusal("Build @A @B").find("two roles") != std::string::npos);
    CHECK(refusal("Build x0").find("headcount") != std::string::npos);
}

TEST_CASE("capture: parallel, alternative and loop back", "[quick]") {
    QuickCapture p = read("and Legal review 1 d @Legal");
    CHECK(p.placement == QuickCapture::Placement::Parallel);
    CHECK(p.name == "Legal review");
    CHECK(p.processTime == kDay);
    CHECK(read("parallel Check 1 h").placement == QuickCapture::Placement::Parallel);
    QuickCapture alt = read("or 30% Fast track 2 h");
    CHECK(alt.placement == QuickCapture::Placement::Alternative);
    CHECK(alt.share == Approx(0.3));
    CHECK(alt.name == "Fast track");
    CHECK(alt.processTime == 7200);
    CHECK(refusal("or Fast track 2 h").find("share first") != std::string::npos);
    CHECK(refusal("or 100% Fast").find("below 100%") != std::string::npos);
    QuickCapture loop = read("back to Draft contract 20%");
    CHECK(loop.kind == QuickCapture::Kind::Loop);
    CHECK(loop.name == "Draft contract");
    CHECK(loop.share == Approx(0.2));
    CHECK(refusal("back to Draft").find("back to Draft 20%") != std::string::npos);
}
