#include "gemba/metrics/review.h"
#include "gemba/model/operations.h"
#include "map_builder.h"

#include <catch2/catch.hpp>

using namespace gemba;
using namespace gemba::model;
using gemba::metrics::test::MapBuilder;

namespace {
constexpr double kHour = 3600.0;
constexpr double kDay = 8 * kHour; // the default calendar's working day
} // namespace

// Worked by hand (docs/workshop.md, "Reviews"): supplier -> A (PT 1 h, LT 1 d) -> wait 4 d ->
// B (PT 2 h, LT 1 d) -> customer. Lead time 6 d = 48 h, process time 3 h, ratio 6.25%.
// Goal: lead time -50%, so 24 h. The 30-day review measures a map derived from the current
// state whose wait is down to 1 d: lead time 3 d = 24 h, the goal reached (progress 1). The
// 60-day review types 20 h: progress (20 - 48) / (24 - 48) = 1.1667.
TEST_CASE("a review table shows baseline, goal and actual per figure", "[review]") {
    MapBuilder b;
    const Id supplier = b.supplier();
    const Id a = b.step("A", 1 * kHour, 1 * kDay);
    const Id wait = b.wait("queue", 4 * kDay);
    const Id s2 = b.step("B", 2 * kHour, 1 * kDay);
    const Id customer = b.customer();
    b.chain({supplier, a, wait, s2, customer});
    Project& project = b.project;

    Map measured =
        deriveMap(idsOf(project), *project.findMap(b.mapId), "At 30 days", MapState::Current);
    for (auto& [id, w] : measured.waits)
        w.time = 1 * kDay;
    const Id measuredId = measured.id;
    project.maps.push_back(measured);

    Workshop& w = project.workshop;
    w.props.endDate = "2026-03-04";
    w.props.goals.push_back(
        Goal{"halve the lead time",
             Target{TargetFigure::LeadTime, b.mapId, kNoId, std::nullopt, std::nullopt, -50.0}});
    Action action;
    action.id = project.allocateId();
    action.title = "Daily approval slot";
    action.effect =
        Target{TargetFigure::WaitTime, b.mapId, wait, std::nullopt, 1 * kDay, std::nullopt};
    w.actions.emplace(action.id, action);
    Review r60;
    r60.id = project.allocateId();
    r60.title = "60 days";
    r60.dayOffset = 60;
    r60.measures = {{TargetFigure::LeadTime, kNoId, 20 * kHour}};
    w.reviews.emplace(r60.id, r60);
    Review r30;
    r30.id = project.allocateId();
    r30.title = "30 days";
    r30.dayOffset = 30;
    r30.measuredMap = measuredId;
    w.reviews.emplace(r30.id, r30);

    const metrics::ReviewTable table = metrics::reviewTable(project);
    // Ordered by date, not by id.
    CHECK(table.reviews == std::vector<Id>{r30.id, r60.id});
    CHECK(table.dates == std::vector<std::string>{"2026-04-03", "2026-05-03"});
    REQUIRE(table.rows.size() == 2);

    const metrics::ReviewRow& lead = table.rows[0];
    CHECK(lead.label == "halve the lead time");
    CHECK(lead.baseline.value() == Approx(48 * kHour));
    CHECK(lead.goal.value() == Approx(24 * kHour));
    CHECK(lead.actual[0].value() == Approx(24 * kHour));
    CHECK(lead.actual[1].value() == Approx(20 * kHour));
    CHECK(metrics::progressToGoal(lead, 0).value() == Approx(1.0));
    CHECK(metrics::progressToGoal(lead, 1).value() == Approx(28.0 / 24.0));

    const metrics::ReviewRow& queue = table.rows[1];
    CHECK(queue.label == "action: Daily approval slot");
    CHECK(queue.baseline.value() == Approx(4 * kDay));
    CHECK(queue.goal.value() == Approx(1 * kDay));
    CHECK(queue.actual[0].value() == Approx(1 * kDay)); // the derived wait, found by origin
    CHECK_FALSE(queue.actual[1]);                       // 60 days typed only the lead time
    CHECK(queue.notes == std::vector<std::string>{"60 days: not measured"});
}

TEST_CASE("a figure of a map with errors is missing, and says why", "[review]") {
    MapBuilder b;
    // A lead time shorter than the process time is an error.
    b.chain({b.supplier(), b.step("A", 30 * 60.0, 10 * 60.0), b.customer()});
    std::string why;
    const auto value = metrics::figureOf(
        b.project, Target{TargetFigure::LeadTime, b.mapId, kNoId, {}, {}, {}}, &why);
    CHECK_FALSE(value);
    CHECK(why == "\"Current state\" has errors: its figures are not given");
    CHECK_FALSE(
        metrics::figureOf(b.project, Target{TargetFigure::LeadTime, 999, kNoId, {}, {}, {}}, &why));
    CHECK(why == "no map given for the figure");
}
