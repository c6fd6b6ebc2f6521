// Every validation code fires on a map made to trigger it, and none fires on a clean map.
#include "map_builder.h"

#include <cmath>
#include <limits>

using namespace gemba::metrics;
using namespace gemba::metrics::test;
using gemba::model::Id;

namespace {

/// Supplier -> A (30 min) -> B (1 h) -> Customer, with demand, people and systems: clean.
/// Demand 5 a day: takt = 28800 s / 5 = 96 min, above every cycle time.
struct CleanMap {
    MapBuilder b;
    Id in, a, bStep, out, ab;
    CleanMap() {
        b.demand(5);
        const Id anna = b.person("Anna", 50, "Sales");
        const Id crm = b.system("CRM");
        in = b.supplier();
        a = b.step("A", 30 * kMinute, 1 * kHour);
        bStep = b.step("B", 1 * kHour);
        out = b.customer();
        b.flow(in, a);
        ab = b.flow(a, bStep);
        b.flow(bStep, out);
        b.stepAt(a).people = {anna};
        b.stepAt(a).systems = {crm};
        b.stepAt(a).pca = 90;
        b.stepAt(a).uptime = 95;
        b.stepAt(a).defectRate = 2;
        b.stepAt(a).processTimeMin = 20 * kMinute;
        b.stepAt(a).processTimeMax = 40 * kMinute;
    }
};

/// The single finding with this code, checked for its severity and element.
const Finding& only(const MapMetrics& m, const std::string& code, Severity severity, Id element) {
    const Finding* f = findingFor(m.findings, code);
    REQUIRE(f != nullptr);
    CHECK(f->severity == severity);
    CHECK(f->element == element);
    CHECK(f->map == m.map);
    CHECK_FALSE(f->message.empty());
    return *f;
}

/// An error leaves the map invalid with zero figures, but its steps are still listed.
void checkInvalid(const MapMetrics& m, const gemba::model::Map& map) {
    CHECK_FALSE(m.valid);
    CHECK(hasErrors(m.findings));
    CHECK(m.leadTime == 0);
    CHECK(m.processTime == 0);
    CHECK(m.timeline.empty());
    CHECK(m.steps.size() == map.steps.size());
    CHECK(m.stepOrder.size() == map.steps.size());
}

} // namespace

TEST_CASE("a clean map has no findings", "[metrics][validation]") {
    CleanMap c;
    const MapMetrics m = c.b.metrics();
    CHECK(m.valid);
    CHECK(m.findings.empty());
    CHECK(validate(c.b.project, c.b.map()).empty());
    CHECK_FALSE(hasErrors(m.findings));
}

TEST_CASE("message names the element as a facilitator reads it", "[metrics][validation]") {
    MapBuilder b;
    const Id review = b.step("Review", 30 * kMinute, 10 * kMinute);
    b.chain({b.supplier(), review, b.customer()});
    const MapMetrics m = b.metrics();
    const Finding& f = only(m, "lead_time_below_process_time", Severity::Error, review);
    CHECK(f.message == "Step \"Review\": lead time 10 min is shorter than process time 30 min");
    checkInvalid(m, b.map());
    // Steps are listed with their own figures even when the map is invalid.
    CHECK(m.steps.at(review).processTime == 1800);
    CHECK(m.steps.at(review).leadTime == 600);
}

TEST_CASE("not_connected: off the path, or leading nowhere", "[metrics][validation]") {
    CleanMap c;
    const Id island = c.b.step("Island", 10 * kMinute);
    const MapMetrics m = c.b.metrics();
    only(m, "not_connected", Severity::Warning, island);
    CHECK(m.valid); // a warning only
    CHECK(m.steps.at(island).visits == 0);
    CHECK_FALSE(m.steps.at(island).onPath);
    // Off-path steps come after the path, by position.
    CHECK(m.stepOrder == std::vector<Id>{c.a, c.bStep, island});
}

TEST_CASE("missing_process_time counts as zero", "[metrics][validation]") {
    CleanMap c;
    c.b.stepAt(c.bStep).processTime.reset();
    const MapMetrics m = c.b.metrics();
    only(m, "missing_process_time", Severity::Warning, c.bStep);
    CHECK(m.valid);
    CHECK(m.processTime == Approx(30 * kMinute));
    CHECK(m.leadTime == Approx(1 * kHour)); // A's LT; B adds nothing
}

TEST_CASE("wait_without_time counts as zero", "[metrics][validation]") {
    MapBuilder b;
    const Id a = b.step("A", 10 * kMinute);
    const Id queue = b.wait("Queue", std::nullopt);
    const Id c = b.step("C", 10 * kMinute);
    b.chain({b.supplier(), a, queue, c, b.customer()});
    const MapMetrics m = b.metrics();
    only(m, "wait_without_time", Severity::Warning, queue);
    CHECK(m.valid);
    CHECK(m.leadTime == Approx(20 * kMinute));
}

TEST_CASE("an inventory without demand stays a count, left out of the lead time with a warning",
          "[metrics][validation]") {
    MapBuilder b;
    const Id a = b.step("A", 10 * kMinute);
    const Id stock = b.inventory("Stock", 100);
    b.chain({b.supplier(), a, stock, b.customer()});
    MapMetrics m = b.metrics();
    only(m, "inventory_without_demand", Severity::Warning, stock);
    CHECK_THAT(m.findings.front().message, Catch::Contains("Inventory \"Stock\"") &&
                                               Catch::Contains("left out of the lead time"));
    // The figures are still worked out: the lead time is A's 10 minutes alone.
    CHECK(m.valid);
    CHECK(m.leadTime == Approx(10 * kMinute));
    CHECK(b.map().waits.at(stock).quantity == 100.0); // still a count on the map

    // Unnamed, it is named by where it stands, never by an internal id.
    b.map().waits.at(stock).label.clear();
    m = b.metrics();
    CHECK_THAT(m.findings.front().message, Catch::StartsWith("Inventory after \"A\""));

    b.demand(50);
    b.map().waits.at(stock).quantity.reset();
    m = b.metrics();
    only(m, "inventory_without_quantity", Severity::Warning, stock);
    CHECK_FALSE(hasCode(m.findings, "inventory_without_demand"));
    CHECK(m.valid);
    CHECK(m.leadTime == Approx(10 * kMinute));
}

TEST_CASE("no_start: work flows with no way in", "[metrics][validation]") {
    MapBuilder b;
    const Id a = b.step("A", 10 * kMinute);
    const Id c = b.step("C", 10 * kMinute);
    b.flow(a, c);
    b.flow(c, a); // a loop that nothing enters
    const MapMetrics m = b.metrics();
    only(m, "no_start", Severity::Error, gemba::model::kNoId);
    CHECK_FALSE(hasCode(m.findings, "not_connected")); // said once, by no_start
    checkInvalid(m, b.map());
    // Without a path, steps are in position order.
    CHECK(m.stepOrder == std::vector<Id>{a, c});
}

TEST_CASE("steps joined by an information flow only: the first step is the stream",
          "[metrics][validation]") {
    MapBuilder b;
    const Id a = b.step("A", 10 * kMinute);
    const Id c = b.step("C", 20 * kMinute);
    b.flow(a, c, std::nullopt, std::nullopt, gemba::model::FlowKind::ManualInformation);
    const MapMetrics m = b.metrics();
    CHECK_FALSE(hasCode(m.findings, "no_start"));
    only(m, "not_connected", Severity::Warning, c);
    CHECK(m.valid);
    CHECK(m.leadTime == Approx(10 * kMinute));
    CHECK(m.stepOrder == std::vector<Id>{a, c});
}

TEST_CASE("a start without a supplier: the nodes nothing flows into", "[metrics][validation]") {
    MapBuilder b;
    const Id a = b.step("A", 10 * kMinute);
    const Id c = b.step("C", 20 * kMinute);
    b.flow(a, c);
    const MapMetrics m = b.metrics();
    CHECK(m.valid);
    CHECK(m.findings.empty());
    CHECK(m.leadTime == Approx(30 * kMinute));
}

TEST_CASE("shares_mixed, share_out_of_range, shares_sum", "[metrics][validation]") {
    SECTION("mixed") {
        CleanMap c;
        const Id other = c.b.step("Other", 10 * kMinute);
        c.b.flowAt(c.ab).share = 0.5;
        c.b.flow(c.a, other);
        c.b.flow(other, c.out);
        const MapMetrics m = c.b.metrics();
        only(m, "shares_mixed", Severity::Error, c.a);
        checkInvalid(m, c.b.map());
    }
    SECTION("out of range") {
        CleanMap c;
        c.b.flowAt(c.ab).share = 1.5;
        const MapMetrics m = c.b.metrics();
        only(m, "share_out_of_range", Severity::Error, c.ab);
        CHECK_FALSE(hasCode(m.findings, "shares_sum")); // one message for one mistake
        checkInvalid(m, c.b.map());
    }
    SECTION("sum") {
        CleanMap c;
        const Id other = c.b.step("Other", 10 * kMinute);
        c.b.flowAt(c.ab).share = 0.6;
        c.b.flow(c.a, other, 0.3);
        c.b.flow(other, c.out);
        const MapMetrics m = c.b.metrics();
        const Finding& f = only(m, "shares_sum", Severity::Error, c.a);
        CHECK(f.message.find("0.9") != std::string::npos);
        checkInvalid(m, c.b.map());
    }
    SECTION("a sum within 1e-6 of 1 is fine") {
        CleanMap c;
        const Id other = c.b.step("Other", 10 * kMinute);
        c.b.flowAt(c.ab).share = 0.6;
        c.b.flow(c.a, other, 0.4000005);
        c.b.flow(other, c.out);
        CHECK(c.b.metrics().findings.empty());
    }
    SECTION("one flow with share 1 is a plain alternative") {
        CleanMap c;
        c.b.flowAt(c.ab).share = 1;
        const MapMetrics m = c.b.metrics();
        CHECK(m.findings.empty());
        CHECK(m.leadTime == Approx(2 * kHour));
    }
}

TEST_CASE("loop_without_share names the steps of the loop", "[metrics][validation]") {
    CleanMap c;
    c.b.flow(c.bStep, c.a); // B -> A without a share; B -> Customer has none either
    const MapMetrics m = c.b.metrics();
    const Finding& f = only(m, "loop_without_share", Severity::Error, c.a);
    CHECK(f.message.find("Step \"A\"") != std::string::npos);
    CHECK(f.message.find("Step \"B\"") != std::string::npos);
    CHECK_FALSE(hasCode(m.findings, "loop_never_exits"));
    checkInvalid(m, c.b.map());
}

TEST_CASE("loop_without_share on a flow from a step to itself", "[metrics][validation]") {
    CleanMap c;
    c.b.flow(c.bStep, c.bStep);
    const MapMetrics m = c.b.metrics();
    only(m, "loop_without_share", Severity::Error, c.bStep);
}

TEST_CASE("loop_never_exits: no way out, or a way out with share 0", "[metrics][validation]") {
    SECTION("a loop that no flow leaves") {
        MapBuilder b;
        const Id a = b.step("A", 10 * kMinute);
        const Id c = b.step("C", 10 * kMinute);
        const Id d = b.step("D", 10 * kMinute);
        b.chain({b.supplier(), a, c});
        b.flow(c, d, 1.0);
        b.flow(d, c, 1.0);
        b.customer(); // drawn but not reached
        const MapMetrics m = b.metrics();
        only(m, "loop_never_exits", Severity::Error, c);
        checkInvalid(m, b.map());
    }
    SECTION("the only way out has share 0") {
        CleanMap c;
        c.b.flowAt(c.ab).share = 1;
        const Id back = c.b.flow(c.bStep, c.a, 1.0);
        (void)back;
        // B -> Customer needs a share now that B splits by shares.
        for (auto& [id, flow] : c.b.map().flows)
            if (flow.from == c.bStep && flow.to == c.out)
                flow.share = 0.0;
        const MapMetrics m = c.b.metrics();
        only(m, "loop_never_exits", Severity::Error, c.a);
        checkInvalid(m, c.b.map());
    }
    SECTION("a return share a hair below 1 does not settle") {
        CleanMap c;
        c.b.flow(c.bStep, c.a, 1 - 1e-12);
        for (auto& [id, flow] : c.b.map().flows)
            if (flow.from == c.bStep && flow.to == c.out)
                flow.share = 1e-12;
        const MapMetrics m = c.b.metrics();
        const Finding* f = findingFor(m.findings, "loop_never_exits");
        REQUIRE(f != nullptr);
        CHECK(f->message.find("does not settle") != std::string::npos);
        CHECK_FALSE(m.valid);
    }
}

TEST_CASE("above_takt: a step slower than demand", "[metrics][validation]") {
    CleanMap c;
    // takt = 28800 s / 10 = 48 min; B's C/T is 1 h, A's 30 min / 95% uptime = 31.6 min
    c.b.demand(10);
    const MapMetrics m = c.b.metrics();
    const Finding& f = only(m, "above_takt", Severity::Warning, c.bStep);
    CHECK(f.message == "Step \"B\": cycle time 60 min is above takt 48 min; it cannot meet demand");
    CHECK(m.findings.size() == 1);
    CHECK(m.valid);
}

TEST_CASE("negative_time: every duration of a step, a wait and a flow", "[metrics][validation]") {
    using Setter = void (*)(CleanMap&);
    const std::pair<const char*, Setter> cases[] = {
        {"process time", [](CleanMap& c) { c.b.stepAt(c.a).processTime = -1; }},
        {"minimum", [](CleanMap& c) { c.b.stepAt(c.a).processTimeMin = -1; }},
        {"maximum", [](CleanMap& c) { c.b.stepAt(c.a).processTimeMax = -1; }},
        {"cycle time", [](CleanMap& c) { c.b.stepAt(c.a).cycleTime = -1; }},
        {"lead time", [](CleanMap& c) { c.b.stepAt(c.a).leadTime = -1; }},
        {"changeover", [](CleanMap& c) { c.b.stepAt(c.a).changeover = -1; }},
        {"flow wait", [](CleanMap& c) { c.b.flowAt(c.ab).wait = -60; }},
        {"wait",
         [](CleanMap& c) {
             const Id w = c.b.wait("Queue", -60);
             c.b.flow(c.bStep, w);
         }},
        {"friction",
         [](CleanMap& c) {
             c.b.stepAt(c.a).frictions = {{"x", -5, 1}};
         }},
    };
    for (const auto& [name, set] : cases) {
        INFO(name);
        CleanMap c;
        set(c);
        const MapMetrics m = c.b.metrics();
        CHECK(hasCode(m.findings, "negative_time"));
        CHECK_FALSE(m.valid);
    }
}

TEST_CASE("pca, percent, headcount and range checks", "[metrics][validation]") {
    SECTION("pca_out_of_range") {
        for (double pca : {0.0, -5.0, 100.5}) {
            CleanMap c;
            c.b.stepAt(c.a).pca = pca;
            only(c.b.metrics(), "pca_out_of_range", Severity::Error, c.a);
        }
        CleanMap c;
        c.b.stepAt(c.a).pca = 100;
        CHECK(c.b.metrics().findings.empty());
    }
    SECTION("percent_out_of_range") {
        CleanMap c;
        c.b.stepAt(c.a).uptime = 0;
        only(c.b.metrics(), "percent_out_of_range", Severity::Error, c.a);
        CleanMap d;
        d.b.stepAt(d.a).defectRate = 101;
        only(d.b.metrics(), "percent_out_of_range", Severity::Error, d.a);
        CleanMap e;
        e.b.stepAt(e.a).defectRate = 0; // no defects is fine
        CHECK(e.b.metrics().findings.empty());
    }
    SECTION("headcount_not_positive") {
        CleanMap c;
        c.b.stepAt(c.a).headcount = 0;
        only(c.b.metrics(), "headcount_not_positive", Severity::Error, c.a);
    }
    SECTION("process_time_range") {
        CleanMap c;
        c.b.stepAt(c.a).processTimeMin = 45 * kMinute; // above the typical 30 min
        const MapMetrics m = c.b.metrics();
        only(m, "process_time_range", Severity::Warning, c.a);
        CHECK(m.valid);
        CleanMap d;
        d.b.stepAt(d.a).processTimeMax = 10 * kMinute; // below the typical 30 min
        only(d.b.metrics(), "process_time_range", Severity::Warning, d.a);
    }
}

TEST_CASE("fifo_max_not_positive and flow_dangling", "[metrics][validation]") {
    SECTION("fifo") {
        CleanMap c;
        c.b.flowAt(c.ab).kind = gemba::model::FlowKind::Fifo;
        c.b.flowAt(c.ab).fifoMax = 0;
        only(c.b.metrics(), "fifo_max_not_positive", Severity::Error, c.ab);
        c.b.flowAt(c.ab).fifoMax = 5;
        CHECK(c.b.metrics().findings.empty());
    }
    SECTION("dangling") {
        CleanMap c;
        const Id ghost = c.b.flow(c.a, 9999);
        const MapMetrics m = c.b.metrics();
        const Finding& f = only(m, "flow_dangling", Severity::Error, ghost);
        CHECK(f.message.find("#9999") != std::string::npos);
        checkInvalid(m, c.b.map());
    }
    SECTION("an information flow from an info box is not dangling") {
        CleanMap c;
        gemba::model::InfoBox box;
        box.id = c.b.project.allocateId();
        box.name = "Planning";
        c.b.map().infoBoxes.emplace(box.id, box);
        c.b.flow(box.id, c.a, std::nullopt, std::nullopt,
                 gemba::model::FlowKind::ElectronicInformation);
        CHECK(c.b.metrics().findings.empty());
    }
}

TEST_CASE("unknown_reference and red_pen_target_missing", "[metrics][validation]") {
    CleanMap c;
    c.b.stepAt(c.a).people.push_back(4242);
    c.b.stepAt(c.bStep).systems.push_back(4343);
    gemba::model::RedPen pen;
    pen.id = c.b.project.allocateId();
    pen.reason = "Copying";
    pen.targets = {c.a, 4444};
    c.b.map().redPens.emplace(pen.id, pen);
    const MapMetrics m = c.b.metrics();
    CHECK(codes(m.findings) == std::vector<std::string>{"unknown_reference", "unknown_reference",
                                                        "red_pen_target_missing"});
    CHECK(m.findings[0].element == c.a);
    CHECK(m.findings[1].element == c.bStep);
    CHECK(m.findings[2].element == pen.id);
    CHECK(m.valid);
    // Unknown people do not count among the map's people.
    CHECK(m.people.size() == 1);
}

TEST_CASE("no_steps is information only", "[metrics][validation]") {
    MapBuilder b;
    const MapMetrics m = b.metrics();
    CHECK(codes(m.findings) == std::vector<std::string>{"no_steps"});
    CHECK(m.findings[0].severity == Severity::Info);
    CHECK(m.valid);
    CHECK(m.leadTime == 0);
    CHECK(m.rolledPca == 1);
}

TEST_CASE("not_finite: NaN and infinity never reach a figure", "[metrics][validation]") {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    for (double bad : {nan, inf}) {
        CleanMap c;
        c.b.stepAt(c.a).processTime = bad;
        c.b.stepAt(c.bStep).headcount = bad;
        c.b.flowAt(c.ab).wait = bad;
        const MapMetrics m = c.b.metrics();
        CHECK(hasCode(m.findings, "not_finite"));
        checkInvalid(m, c.b.map());
        for (const auto& [id, figures] : m.steps) {
            CHECK(std::isfinite(figures.processTime));
            CHECK(std::isfinite(figures.leadTime));
            CHECK(std::isfinite(figures.cycleTime));
        }
    }
    CleanMap c;
    c.b.flowAt(c.ab).share = nan;
    CHECK(hasCode(c.b.metrics().findings, "share_out_of_range"));
}

TEST_CASE("negative_value, available_time_not_positive, calendar_out_of_range",
          "[metrics][validation]") {
    SECTION("inventory quantity") {
        CleanMap c;
        const Id stock = c.b.inventory("Stock", -3);
        c.b.flow(c.bStep, stock);
        only(c.b.metrics(), "negative_value", Severity::Error, stock);
    }
    SECTION("batch size") {
        CleanMap c;
        c.b.stepAt(c.a).batchSize = -1;
        only(c.b.metrics(), "negative_value", Severity::Error, c.a);
    }
    SECTION("demand") {
        CleanMap c;
        c.b.demand(-5);
        only(c.b.metrics(), "negative_value", Severity::Error, gemba::model::kNoId);
    }
    SECTION("hourly cost") {
        CleanMap c;
        c.b.project.people.begin()->second.hourlyCost = -10;
        only(c.b.metrics(), "negative_value", Severity::Error, c.a);
    }
    SECTION("available time") {
        CleanMap c;
        c.b.map().props.availableTimePerDay = 0;
        only(c.b.metrics(), "available_time_not_positive", Severity::Error, gemba::model::kNoId);
    }
    SECTION("calendar") {
        CleanMap c;
        c.b.project.props.calendar.hoursPerDay = 0;
        only(c.b.metrics(), "calendar_out_of_range", Severity::Error, gemba::model::kNoId);
    }
}

TEST_CASE("duplicate_id: one id on two elements", "[metrics][validation]") {
    CleanMap c;
    gemba::model::Wait w;
    w.id = c.a; // the same id as step A
    w.time = 60;
    c.b.map().waits.emplace(w.id, w);
    const MapMetrics m = c.b.metrics();
    only(m, "duplicate_id", Severity::Error, c.a);
    checkInvalid(m, c.b.map());
}

TEST_CASE("total_labour_approximate: parallel branches that both loop back",
          "[metrics][validation]") {
    // A -> {B, C} in parallel; each sends 60% back to A. Counting every branch would give
    // A = 1 + 0.6 B + 0.6 C = 1 + 1.2 A: no finite answer. The critical path is fine.
    MapBuilder b;
    const Id in = b.supplier();
    const Id a = b.step("A", 1 * kHour);
    const Id left = b.step("B", 1 * kHour);
    const Id right = b.step("C", 30 * kMinute);
    const Id out = b.customer();
    b.chain({in, a, left});
    b.flow(a, right);
    b.flow(left, a, 0.6);
    b.flow(left, out, 0.4);
    b.flow(right, a, 0.6);
    b.flow(right, out, 0.4);
    const MapMetrics m = b.metrics();
    only(m, "total_labour_approximate", Severity::Info, a);
    REQUIRE(m.valid);
    // Critical path: A -> B, 1 / 0.4 = 2.5 passes of 2 h.
    CHECK(m.leadTime == Approx(5 * kHour).epsilon(1e-10));
    // The fallback counts the critical visits: 2.5 x (1 + 1) h.
    CHECK(m.totalLabour == Approx(5 * kHour).epsilon(1e-10));
    checkConsistent(b, m);
}

TEST_CASE("computeMetrics and validate agree", "[metrics][validation]") {
    CleanMap c;
    c.b.stepAt(c.a).processTime = -1;
    c.b.stepAt(c.bStep).frictions = {{"x", 5, 1}};
    c.b.demand(1000);
    CHECK(validate(c.b.project, c.b.map()) == c.b.metrics().findings);
}

TEST_CASE("figure_not_finite: finite inputs whose figures overflow are withheld",
          "[metrics][validation]") {
    SECTION("two steps of 1e308 s: the lead time is beyond a double") {
        MapBuilder b;
        const Id in = b.supplier();
        const Id a = b.step("A", 1e308);
        const Id bStep = b.step("B", 1e308);
        const Id out = b.customer();
        b.flow(in, a);
        b.flow(a, bStep);
        b.flow(bStep, out);
        const MapMetrics m = computeMetrics(b.project, b.map());
        const Finding& f = only(m, "figure_not_finite", Severity::Error, gemba::model::kNoId);
        CHECK_THAT(f.message, Catch::StartsWith("Map \"Current state\": lead time, process time"));
        CHECK_THAT(f.message, Catch::Contains("withheld"));
        checkInvalid(m, b.map());
        // Each step's own time is still listed: it is finite.
        CHECK(m.steps.at(a).processTime == 1e308);
        CHECK(std::isfinite(m.leadTimeDays));
        CHECK_FALSE(m.takt.has_value());
    }
    SECTION("a demand of 5e-324 a day: takt is beyond a double") {
        MapBuilder b;
        b.demand(5e-324);
        const Id in = b.supplier();
        const Id a = b.step("A", 30 * kMinute);
        const Id out = b.customer();
        b.flow(in, a);
        b.flow(a, out);
        const MapMetrics m = computeMetrics(b.project, b.map());
        const Finding& f = only(m, "figure_not_finite", Severity::Error, gemba::model::kNoId);
        CHECK_THAT(f.message, Catch::Contains("takt"));
        checkInvalid(m, b.map());
        CHECK_FALSE(m.demandPerDay.has_value());
    }
    SECTION("a cycle time of 5e-324 s: the step's capacity is beyond a double") {
        MapBuilder b;
        const Id in = b.supplier();
        const Id a = b.step("A", 30 * kMinute);
        b.stepAt(a).cycleTime = 5e-324;
        const Id out = b.customer();
        b.flow(in, a);
        b.flow(a, out);
        const MapMetrics m = computeMetrics(b.project, b.map());
        const Finding& f = only(m, "figure_not_finite", Severity::Error, gemba::model::kNoId);
        CHECK_THAT(f.message, Catch::Contains("capacity of Step \"A\""));
        checkInvalid(m, b.map());
        CHECK_FALSE(m.steps.at(a).capacityPerDay.has_value());
    }
}

TEST_CASE("an error in how work flows withholds the path figures only", "[metrics][validation]") {
    CleanMap c;
    // Roles differ from A to B: a handoff each way, once the loop is drawn. A friction of 10 min 15
    // times a week at Anna's 50 an hour: 2.5 h, 125 a week.
    c.b.stepAt(c.a).role = "Sales";
    c.b.stepAt(c.bStep).role = "Legal";
    c.b.stepAt(c.a).frictions = {{"re-typing", 10, 15}};
    // B loops back to A with no share: the path cannot be weighed.
    c.b.flow(c.bStep, c.a);
    MapMetrics m = c.b.metrics();
    REQUIRE(hasCode(m.findings, "loop_without_share"));
    checkInvalid(m, c.b.map());
    CHECK(m.partsValid);
    CHECK(m.bottleneck == gemba::model::kNoId);
    CHECK(m.totalLabour == 0);
    REQUIRE(m.takt);
    CHECK(*m.takt == Approx(96 * kMinute));
    CHECK(m.handoffs == 2); // A -> B, and the loop back B -> A
    CHECK(m.roles.size() == 2);
    CHECK(m.people.size() == 1);
    CHECK(m.systems.size() == 1);
    CHECK(m.frictionHoursPerWeek == Approx(2.5));
    CHECK(m.frictionCostPerWeek == Approx(125));

    SECTION("an error in the data withholds them too") {
        c.b.stepAt(c.a).headcount = 0; // friction and cycle time read the headcount
        m = c.b.metrics();
        CHECK(hasCode(m.findings, "headcount_not_positive"));
        CHECK_FALSE(m.partsValid);
        CHECK_FALSE(m.takt);
        CHECK(m.handoffs == 0);
        CHECK(m.frictionHoursPerWeek == 0);
    }
    SECTION("steps above takt are still named") {
        c.b.demand(50); // takt 9.6 min, below A's 30 min and B's 1 h
        m = c.b.metrics();
        CHECK(m.partsValid);
        CHECK(m.steps.at(c.a).aboveTakt);
        CHECK(m.steps.at(c.bStep).aboveTakt);
    }
}

TEST_CASE("a valid map gives the figures that need no path too", "[metrics][validation]") {
    CleanMap c;
    const MapMetrics m = c.b.metrics();
    CHECK(m.valid);
    CHECK(m.partsValid);
}
