// As-is against to-be: matching through origins, field changes, figures side by side and
// the lead-time waterfall (docs/metrics.md, "Comparing two maps").
#include "gemba/metrics/compare.h"
#include "gemba/model/operations.h"
#include "map_builder.h"

#include <algorithm>
#include <array>
#include <numeric>
#include <random>

using namespace gemba::metrics;
using namespace gemba::metrics::test;
using gemba::model::Id;
using gemba::model::Map;

namespace {

/// The element of `map` that was made from `origin`.
template <class Collection> Id madeFrom(const Collection& collection, Id origin) {
    for (const auto& [id, element] : collection)
        if (element.origin == origin)
            return id;
    FAIL("nothing made from #" << origin);
    return gemba::model::kNoId;
}

/// The order-entry example: current state, and a future state derived from it.
struct OrderEntry {
    MapBuilder b;
    Id in, enter, copy, queue, approve, out;
    Id futureId = gemba::model::kNoId;
    Id enter2, queue2, approve2, check;

    OrderEntry() {
        in = b.supplier("Client");
        enter = b.step("Enter order", 10 * kMinute, 30 * kMinute);
        copy = b.step("Copy to spreadsheet", 15 * kMinute, 2 * kHour);
        queue = b.wait("Approval queue", 8 * kHour); // 1 working day
        approve = b.step("Approve", 5 * kMinute, 5 * kMinute);
        out = b.customer("Client");
        b.chain({in, enter, copy, queue, approve, out});

        Map future = gemba::model::deriveMap(gemba::model::idsOf(b.project), b.map(),
                                             "Future state", gemba::model::MapState::Future);
        futureId = future.id;
        enter2 = madeFrom(future.steps, enter);
        queue2 = madeFrom(future.waits, queue);
        approve2 = madeFrom(future.steps, approve);
        // Copy to spreadsheet goes: Enter order now feeds an automatic check.
        const Id copy2 = madeFrom(future.steps, copy);
        std::erase_if(future.flows, [&](const auto& entry) {
            return entry.second.from == copy2 || entry.second.to == copy2;
        });
        future.steps.erase(copy2);
        future.steps.at(enter2).processTime = 8 * kMinute;
        future.steps.at(enter2).leadTime = 20 * kMinute;
        future.waits.at(queue2).time = 2 * kHour;
        gemba::model::Step auto_;
        auto_.id = check = b.project.allocateId();
        auto_.name = "Auto-check";
        auto_.processTime = 1 * kMinute;
        auto_.leadTime = 1 * kMinute;
        future.steps.emplace(check, auto_);
        for (auto [from, to] : {std::pair{enter2, check}, {check, queue2}}) {
            gemba::model::Flow f;
            f.id = b.project.allocateId();
            f.from = from;
            f.to = to;
            future.flows.emplace(f.id, f);
        }
        b.project.maps.push_back(std::move(future));
    }
    Map& current() { return b.map(); }
    Map& future() { return *b.project.findMap(futureId); }
};

const MetricChange& figure(const Comparison& c, const std::string& key) {
    for (const MetricChange& m : c.metrics)
        if (m.key == key)
            return m;
    FAIL("no figure " << key);
    return c.metrics.front();
}

double sum(const std::vector<LeadTimeContribution>& bars) {
    double total = 0;
    for (const auto& bar : bars)
        total += bar.seconds;
    return total;
}

} // namespace

TEST_CASE("comparison: matched, added, removed and changed steps", "[metrics][compare]") {
    OrderEntry o;
    const Comparison c = compare(o.b.project, o.current(), o.future());
    REQUIRE(c.from.valid);
    REQUIRE(c.to.valid);
    CHECK(c.added == std::vector<Id>{o.check});
    CHECK(c.removed == std::vector<Id>{o.copy});
    REQUIRE(c.changed.size() == 1);
    CHECK(c.changed[0].before == o.enter);
    CHECK(c.changed[0].after == o.enter2);
    CHECK(c.changed[0].name == "Enter order");
    REQUIRE(c.changed[0].fields.size() == 2);
    CHECK(c.changed[0].fields[0].field == "process_time");
    CHECK(c.changed[0].fields[0].before == "10 min");
    CHECK(c.changed[0].fields[0].after == "8 min");
    CHECK(c.changed[0].fields[1].field == "lead_time");
    CHECK(c.changed[0].fields[1].before == "30 min");
    CHECK(c.changed[0].fields[1].after == "20 min");
}

TEST_CASE("comparison: the waterfall adds up to the change of lead time",
          "[metrics][compare][example]") {
    // docs/metrics.md, "Comparing two maps".
    OrderEntry o;
    const Comparison c = compare(o.b.project, o.current(), o.future());
    // Before: 30 + 120 + 480 + 5 = 635 min = 38100 s. After: 20 + 1 + 120 + 5 = 146 min.
    const MetricChange& lead = figure(c, "lead_time_seconds");
    CHECK(*lead.before == Approx(38100));
    CHECK(*lead.after == Approx(8760));
    CHECK(*lead.change == Approx(-29340));
    CHECK(*lead.percent == Approx(-489.0 / 635.0 * 100)); // -77.0%
    CHECK(lead.label == "Lead time");
    CHECK(lead.quantity == Quantity::Duration);
    const MetricChange& pt = figure(c, "process_time_seconds");
    CHECK(*pt.before == Approx(1800));      // 10 + 15 + 5 min
    CHECK(*pt.after == Approx(840));        // 8 + 1 + 5 min
    CHECK(*figure(c, "steps").change == 0); // one out, one in

    // In the future map's order, then what was removed; Approve did not move: no bar.
    REQUIRE(c.waterfall.size() == 4);
    CHECK(c.waterfall[0].label == "Changed: Enter order");
    CHECK(c.waterfall[0].seconds == Approx(-600)); // 20 - 30 min
    CHECK(c.waterfall[1].label == "Added: Auto-check");
    CHECK(c.waterfall[1].seconds == Approx(60));
    CHECK(c.waterfall[1].after == o.check);
    CHECK(c.waterfall[2].label == "Changed: Approval queue");
    CHECK(c.waterfall[2].seconds == Approx(-21600)); // 2 h - 8 h
    CHECK(c.waterfall[2].before == o.queue);
    CHECK(c.waterfall[2].after == o.queue2);
    CHECK(c.waterfall[3].label == "Removed: Copy to spreadsheet");
    CHECK(c.waterfall[3].seconds == Approx(-7200));
    // -10 + 1 - 360 - 120 = -489 min
    CHECK(sum(c.waterfall) == Approx(c.to.leadTime - c.from.leadTime));
    checkConsistent(o.b.project, o.current(), c.from);
    checkConsistent(o.b.project, o.future(), c.to);
}

TEST_CASE("comparison: every figure, keyed and labelled", "[metrics][compare]") {
    OrderEntry o;
    const Comparison c = compare(o.b.project, o.current(), o.future());
    std::vector<std::string> keys;
    for (const MetricChange& m : c.metrics)
        keys.push_back(m.key);
    const std::vector<std::string> expected = {"lead_time_seconds",
                                               "lead_time_days",
                                               "process_time_seconds",
                                               "value_adding_time_seconds",
                                               "cycle_time_seconds",
                                               "wait_time_seconds",
                                               "activity_ratio",
                                               "process_cycle_efficiency",
                                               "rolled_pca",
                                               "takt_seconds",
                                               "handoffs",
                                               "steps",
                                               "systems",
                                               "people",
                                               "friction_hours_per_week",
                                               "friction_cost_per_week",
                                               "total_labour_seconds",
                                               "bottleneck_cycle_time_seconds",
                                               "wip"};
    CHECK(keys == expected);
    for (const MetricChange& m : c.metrics)
        CHECK_FALSE(m.label.empty());
    // Without demand there is no takt and no WIP on either side.
    CHECK_FALSE(figure(c, "takt_seconds").before);
    CHECK_FALSE(figure(c, "wip").change);
    // Before is 0: no percent.
    CHECK(figure(c, "handoffs").change == 0.0);
    CHECK_FALSE(figure(c, "handoffs").percent);
    CHECK(figure(c, "lead_time_days").quantity == Quantity::Days);
    CHECK(*figure(c, "lead_time_days").before == Approx(635.0 / 480.0));
}

TEST_CASE("comparison: field changes in the project's units, never position",
          "[metrics][compare]") {
    MapBuilder b;
    const Id anna = b.person("Anna", 50);
    const Id ben = b.person("Ben", 40);
    const Id crm = b.system("CRM");
    const Id sheet = b.system("Spreadsheet");
    const Id a = b.step("Copy", 15 * kMinute);
    b.stepAt(a).people = {anna};
    b.stepAt(a).systems = {crm, sheet};
    b.stepAt(a).pca = 80;
    b.stepAt(a).wastes = static_cast<unsigned>(gemba::model::WasteKind::Defects);
    b.chain({b.supplier(), a, b.customer()});
    Map future = gemba::model::deriveMap(gemba::model::idsOf(b.project), b.map(), "Future",
                                         gemba::model::MapState::Future);
    gemba::model::Step& a2 = future.steps.at(madeFrom(future.steps, a));
    a2.pos = {999, 999};
    a2.people = {anna, ben};
    a2.systems = {crm};
    a2.pca = 95.5;
    a2.value = gemba::model::ValueClass::Waste;
    a2.wastes |= static_cast<unsigned>(gemba::model::WasteKind::HandoffsTransport);
    a2.frictions = {{"re-typing", 10, 15}};
    a2.artifacts = {"Order form"};
    a2.cycleTime = 1.5 * kHour;
    b.project.maps.push_back(future);
    const Comparison c = compare(b.project, b.project.maps[0], b.project.maps[1]);
    REQUIRE(c.changed.size() == 1);
    std::vector<std::array<std::string, 3>> fields;
    for (const FieldChange& f : c.changed[0].fields)
        fields.push_back({f.field, f.before, f.after});
    const std::vector<std::array<std::string, 3>> expected = {
        {"people", "Anna", "Anna, Ben"},
        {"systems", "CRM, Spreadsheet", "CRM"},
        {"cycle_time", "", "1.5 h"},
        {"pca", "80%", "95.5%"},
        {"value", "value-adding", "waste"},
        {"wastes", "defects", "defects, handoffs transport"},
        {"frictions", "", "re-typing (10 min x 15/wk)"},
        {"artifacts", "", "Order form"},
    };
    CHECK(fields == expected);
}

TEST_CASE("comparison: matching through origins", "[metrics][compare]") {
    MapBuilder b;
    const Id a = b.step("A", 10 * kMinute);
    const Id c = b.step("C", 10 * kMinute);
    b.chain({b.supplier(), a, c, b.customer()});
    const Map base = b.map();

    SECTION("the same map matches itself by id, with no bars") {
        const Comparison cmp = compare(b.project, base, base);
        CHECK(cmp.added.empty());
        CHECK(cmp.removed.empty());
        CHECK(cmp.changed.empty());
        CHECK(cmp.waterfall.empty());
    }
    SECTION("through two generations, and in either direction") {
        Map first = gemba::model::deriveMap(gemba::model::idsOf(b.project), base, "1",
                                            gemba::model::MapState::Future);
        b.project.maps.push_back(first);
        Map second = gemba::model::deriveMap(gemba::model::idsOf(b.project), first, "2",
                                             gemba::model::MapState::Future);
        second.steps.at(madeFrom(second.steps, madeFrom(first.steps, a))).name = "A2";
        b.project.maps.push_back(second);
        const Comparison forward = compare(b.project, base, b.project.maps[2]);
        CHECK(forward.added.empty());
        CHECK(forward.removed.empty());
        REQUIRE(forward.changed.size() == 1);
        CHECK(forward.changed[0].before == a);
        const Comparison backward = compare(b.project, b.project.maps[2], base);
        REQUIRE(backward.changed.size() == 1);
        CHECK(backward.changed[0].after == a);
    }
    SECTION("siblings match through their common ancestor") {
        Map left = gemba::model::deriveMap(gemba::model::idsOf(b.project), base, "L",
                                           gemba::model::MapState::Future);
        Map right = gemba::model::deriveMap(gemba::model::idsOf(b.project), base, "R",
                                            gemba::model::MapState::Ideal);
        b.project.maps.push_back(left);
        b.project.maps.push_back(right);
        const Comparison cmp = compare(b.project, b.project.maps[1], b.project.maps[2]);
        CHECK(cmp.added.empty());
        CHECK(cmp.removed.empty());
    }
    SECTION("one to one: a second copy of a step is added") {
        Map future = gemba::model::deriveMap(gemba::model::idsOf(b.project), base, "F",
                                             gemba::model::MapState::Future);
        gemba::model::Step copy = future.steps.at(madeFrom(future.steps, a));
        copy.id = b.project.allocateId();
        future.steps.emplace(copy.id, copy);
        b.project.maps.push_back(future);
        const Comparison cmp = compare(b.project, base, b.project.maps[1]);
        CHECK(cmp.added == std::vector<Id>{copy.id});
        CHECK(cmp.removed.empty());
    }
}

TEST_CASE("comparison: an invalid map has no figures and no waterfall", "[metrics][compare]") {
    OrderEntry o;
    o.future().steps.at(o.enter2).processTime = -1;
    const Comparison c = compare(o.b.project, o.current(), o.future());
    CHECK_FALSE(c.to.valid);
    CHECK(figure(c, "lead_time_seconds").before);
    CHECK_FALSE(figure(c, "lead_time_seconds").after);
    CHECK_FALSE(figure(c, "lead_time_seconds").change);
    CHECK(figure(c, "steps").after == 3.0); // Enter order, Auto-check, Approve: still known
    CHECK(c.waterfall.empty());
    CHECK(c.added == std::vector<Id>{o.check}); // matching does not need figures
}

TEST_CASE("comparison: random changes, the waterfall always adds up",
          "[metrics][compare][property]") {
    std::mt19937_64 rng(99);
    std::uniform_real_distribution<double> unit(0, 1);
    for (int round = 0; round < 60; ++round) {
        INFO("round " << round);
        MapBuilder b;
        // A line with a rework loop, an alternative and a parallel pair.
        const Id in = b.supplier();
        std::vector<Id> steps;
        for (int i = 0; i < 8; ++i)
            steps.push_back(
                b.step("S" + std::to_string(i), (1 + 100 * unit(rng)) * kMinute, std::nullopt));
        const Id queue = b.wait("Q", 2 * kHour);
        const Id out = b.customer();
        b.chain({in, steps[0], steps[1]});
        b.flow(steps[1], steps[2], 0.7);
        b.flow(steps[1], steps[3], 0.3);
        b.chain({steps[2], queue, steps[4]});
        b.flow(steps[3], steps[4], std::nullopt, 30 * kMinute);
        b.flow(steps[4], steps[5]);
        b.flow(steps[4], steps[6]);
        b.chain({steps[5], steps[7]});
        b.chain({steps[6], steps[7]});
        b.flow(steps[7], steps[0], 0.2);
        b.flow(steps[7], out, 0.8, 1 * kHour);

        Map future = gemba::model::deriveMap(gemba::model::idsOf(b.project), b.map(), "F",
                                             gemba::model::MapState::Future);
        for (auto& [id, step] : future.steps)
            if (unit(rng) < 0.5)
                step.processTime = (1 + 100 * unit(rng)) * kMinute;
        for (auto& [id, wait] : future.waits)
            wait.time = unit(rng) * 4 * kHour;
        for (auto& [id, flow] : future.flows)
            if (flow.share && *flow.share == 0.2) { // a better first pass: less rework
                flow.share = 0.1;
                for (auto& [other, sibling] : future.flows)
                    if (sibling.from == flow.from && other != id)
                        sibling.share = 0.9;
            }
        b.project.maps.push_back(future);
        const Comparison c = compare(b.project, b.project.maps[0], b.project.maps[1]);
        REQUIRE(c.from.valid);
        REQUIRE(c.to.valid);
        CHECK(sum(c.waterfall) ==
              Approx(c.to.leadTime - c.from.leadTime).margin(1e-6 * c.from.leadTime));
    }
}

TEST_CASE("comparison: changed breakdowns and waits, their times and ranges",
          "[metrics][compare][breakdown]") {
    OrderEntry e;
    e.current().steps.at(e.approve).breakdown = gemba::model::Breakdown{8 * kHour, 30 * kMinute};
    e.future().steps.at(e.approve2).breakdown = gemba::model::Breakdown{16 * kHour, 30 * kMinute};
    e.future().steps.at(e.enter2).breakdown = gemba::model::Breakdown{4 * kHour, 1 * kHour};
    gemba::model::Wait& queue = e.future().waits.at(e.queue2);
    queue.timeMin = 1 * kHour;
    queue.timeMax = 6 * kHour;
    const Comparison c = compare(e.b.project, e.current(), e.future());

    const auto fieldsOf = [](const std::vector<StepChange>& list, Id after) {
        std::vector<std::array<std::string, 3>> out;
        for (const StepChange& change : list)
            if (change.after == after)
                for (const FieldChange& f : change.fields)
                    out.push_back({f.field, f.before, f.after});
        return out;
    };
    using Fields = std::vector<std::array<std::string, 3>>;
    CHECK(fieldsOf(c.changed, e.approve2) == Fields{{"mtbf", "1 d", "2 d"}});
    const Fields enter = fieldsOf(c.changed, e.enter2);
    CHECK(std::count(enter.begin(), enter.end(), std::array<std::string, 3>{"mtbf", "", "4 h"}));
    CHECK(std::count(enter.begin(), enter.end(), std::array<std::string, 3>{"mttr", "", "1 h"}));

    REQUIRE(c.changedWaits.size() == 1);
    CHECK(c.changedWaits[0].before == e.queue);
    CHECK(c.changedWaits[0].name == "Approval queue");
    CHECK(fieldsOf(c.changedWaits, e.queue2) == Fields{{"wait_time", "1 d", "2 h"},
                                                       {"wait_time_min", "", "1 h"},
                                                       {"wait_time_max", "", "6 h"}});

    // Nothing changed: no wait listed.
    const Comparison same = compare(e.b.project, e.current(), e.current());
    CHECK(same.changedWaits.empty());
}
