// Hand-worked event logs, one per rule of docs/metrics.md, "Measured maps".

#include "gemba/metrics/flow.h"
#include "gemba/metrics/metrics.h"

#include <catch2/catch.hpp>

using namespace gemba;
using metrics::kArrival;
using metrics::kFinish;

namespace {

constexpr double kHour = 3600;

std::int64_t at(int d, int h, int mi = 0) {
    // Days of March 2026: the 6th is a Friday.
    return static_cast<std::int64_t>(model::dayFromCivil(2026, 3, d)) * 86400 + h * 3600 + mi * 60;
}

struct LogWriter {
    model::EventLogBuilder builder{"hand.csv"};
    void add(const std::string& item, const std::string& activity, std::int64_t start,
             std::int64_t end, const std::string& role = {}, const std::string& type = {}) {
        model::LogEvent e;
        e.item = builder.item(item, type);
        e.activity = builder.activity(activity);
        e.role = builder.role(role);
        e.start = start;
        e.end = end;
        builder.add(e);
    }
    model::EventLog finish() { return builder.finish(); }
};

const metrics::StepFlow& stepNamed(const metrics::FlowReport& report, const std::string& name) {
    for (const auto& step : report.steps)
        if (step.name == name)
            return step;
    FAIL("no step " << name);
    return report.steps.front();
}

int indexOf(const metrics::FlowReport& report, const std::string& name) {
    for (std::size_t s = 0; s < report.steps.size(); ++s)
        if (report.steps[s].name == name)
            return static_cast<int>(s);
    return -100;
}

const metrics::RouteFlow* route(const metrics::FlowReport& report, int from, int to) {
    for (const auto& r : report.routes)
        if (r.from == from && r.to == to)
            return &r;
    return nullptr;
}

model::EventMapping allSteps(const model::EventLog& log) {
    model::EventMapping mapping;
    for (const auto& name : log.activities)
        mapping.states[name] = {model::StateKind::Step, {}, {}};
    return mapping;
}

} // namespace

TEST_CASE("measured: working time across a weekend and a holiday", "[flow]") {
    LogWriter w;
    w.add("A", "Ready for build", at(6, 15), at(6, 16)); // Friday
    w.add("A", "Build", at(6, 16), at(10, 10));          // to Tuesday; Monday 9th is off
    w.add("A", "Review", at(10, 13), at(10, 14));
    const model::EventLog log = w.finish();
    model::WorkingHours hours = model::WorkingHours::office();
    hours.holidays = {model::dayFromCivil(2026, 3, 9)};
    const auto report = metrics::deriveFlow(log, metrics::completeMapping(log), hours);
    REQUIRE(report.steps.size() == 2);
    const auto& build = stepNamed(report, "Build");
    CHECK(build.processTime.p50 == 2 * kHour); // Friday 16-17 and Tuesday 9-10
    CHECK(build.waitBefore.p50 == 1 * kHour);  // in "Ready for build", a wait
    const auto& review = stepNamed(report, "Review");
    CHECK(review.waitBefore.p50 == 3 * kHour); // Tuesday 10:00 to 13:00
    CHECK(review.processTime.p50 == 1 * kHour);
    CHECK(report.itemLeadTime.p50 == 7 * kHour); // Friday 15:00 to Tuesday 14:00
    CHECK(report.itemActiveTime.p50 == 3 * kHour);
    CHECK(report.flowEfficiency == Catch::Detail::Approx(3.0 / 7.0));
    CHECK(report.itemsFinished == 1);
    // Elapsed hours would have been 95; the all-hours calendar says so.
    const auto elapsed =
        metrics::deriveFlow(log, metrics::completeMapping(log), model::WorkingHours::allHours());
    CHECK(elapsed.itemLeadTime.p50 == 95 * kHour);
}

TEST_CASE("measured: a rework loop and its return share", "[flow]") {
    LogWriter w;
    for (int i = 0; i < 4; ++i) {
        const std::string item = "I" + std::to_string(i);
        w.add(item, "Build", at(2, 9), at(2, 10));
        w.add(item, "Review", at(2, 11), at(2, 12));
        if (i == 0) { // sent back once
            w.add(item, "Build", at(2, 13), at(2, 15));
            w.add(item, "Review", at(2, 15), at(2, 16));
        }
        w.add(item, "Ship", at(3, 9), at(3, 10));
    }
    const model::EventLog log = w.finish();
    const auto report =
        metrics::deriveFlow(log, allSteps(log), model::WorkingHours::office(), {0.02, {}, {}, {}});
    const int build = indexOf(report, "Build"), review = indexOf(report, "Review"),
              ship = indexOf(report, "Ship");
    const auto& r = report.steps[static_cast<std::size_t>(review)];
    CHECK(r.visits == 5);
    CHECK(r.departures == 5);
    CHECK(r.returns == 1);
    CHECK(r.returnShare == Catch::Detail::Approx(0.2));
    CHECK(r.pcaEstimate == Catch::Detail::Approx(80));
    // Build's second pass goes on to Review again: forward, not a return.
    CHECK(report.steps[static_cast<std::size_t>(build)].returns == 0);
    CHECK(report.steps[static_cast<std::size_t>(build)].pcaEstimate == 100);
    CHECK(report.steps[static_cast<std::size_t>(build)].processTime.max == 2 * kHour);
    const auto* back = route(report, review, build);
    REQUIRE(back);
    CHECK(back->rework);
    CHECK(*back->share == Catch::Detail::Approx(0.2));
    CHECK(*route(report, review, ship)->share == Catch::Detail::Approx(0.8));
    CHECK(back->wait.p50 == 1 * kHour);

    // The derived map is valid and its lead time counts the loop 1/(1-0.2) times.
    model::Project project;
    const model::Map map = metrics::measuredMap(report, "Measured", project.nextId);
    project.maps.push_back(map);
    const auto m = metrics::computeMetrics(project, project.maps.back());
    CHECK(m.valid);
    CHECK(m.steps.size() == 3);
}

TEST_CASE("measured: activities that overlap in time are parallel", "[flow]") {
    LogWriter w;
    for (int i = 0; i < 3; ++i) {
        const std::string item = "P" + std::to_string(i);
        w.add(item, "Receive", at(4, 9), at(4, 10));
        w.add(item, "Legal review", at(4, 10), at(4, 13));
        w.add(item, "Tech review", at(4, 10, 30), at(4, 11, 30));
        w.add(item, "Approve", at(4, 14), at(4, 15));
    }
    const model::EventLog log = w.finish();
    const auto report = metrics::deriveFlow(log, allSteps(log), model::WorkingHours::office());
    const int receive = indexOf(report, "Receive"), legal = indexOf(report, "Legal review"),
              tech = indexOf(report, "Tech review"), approve = indexOf(report, "Approve");
    const auto* toLegal = route(report, receive, legal);
    const auto* toTech = route(report, receive, tech);
    REQUIRE(toLegal);
    REQUIRE(toTech);
    CHECK(toLegal->parallel);
    CHECK_FALSE(toLegal->share.has_value()); // a parallel split carries no shares
    CHECK_FALSE(toTech->share.has_value());
    CHECK(toTech->wait.p50 == 0.5 * kHour);
    CHECK(route(report, legal, approve)->wait.p50 == 1 * kHour); // both done at 13:00
    CHECK(route(report, tech, approve)->wait.p50 == 1 * kHour);
    CHECK(report.itemActiveTime.p50 == 5 * kHour); // 9-13 and 14-15: overlap counted once
    CHECK(report.itemLeadTime.p50 == 6 * kHour);

    model::Project project;
    project.maps.push_back(metrics::measuredMap(report, "Measured", project.nextId));
    const auto m = metrics::computeMetrics(project, project.maps.back());
    REQUIRE(m.valid);
    // Receive 1 h + Legal 3 h (the longest branch) + 1 h wait + Approve 1 h = 6 h.
    CHECK(m.leadTime == Catch::Detail::Approx(6 * kHour));
}

TEST_CASE("measured: a rare route is folded and reported", "[flow]") {
    LogWriter w;
    for (int i = 0; i < 50; ++i) {
        const std::string item = "N" + std::to_string(i);
        w.add(item, "Build", at(2, 9), at(2, 10));
        w.add(item, "Ship", at(2, 11), at(2, 12));
    }
    w.add("H", "Build", at(2, 9), at(2, 10));
    w.add("H", "Hotfix", at(2, 10), at(2, 11));
    w.add("H", "Ship", at(2, 11), at(2, 12));
    const model::EventLog log = w.finish();
    const auto report = metrics::deriveFlow(log, allSteps(log), model::WorkingHours::office());
    const int build = indexOf(report, "Build"), ship = indexOf(report, "Ship"),
              hotfix = indexOf(report, "Hotfix");
    CHECK(report.steps[static_cast<std::size_t>(hotfix)].folded); // 1 of 51 items < 2%
    CHECK(report.foldedItems == 1);
    CHECK(route(report, build, hotfix)->folded);
    CHECK(*route(report, build, ship)->share == Catch::Detail::Approx(1.0));
    CHECK(report.steps[static_cast<std::size_t>(build)].visits == 51); // its times still count
    bool noted = false;
    for (const auto& note : report.notes)
        noted = noted || note.find("1 items took a route") != std::string::npos;
    CHECK(noted);
    model::Project project;
    const model::Map map = metrics::measuredMap(report, "Measured", project.nextId);
    CHECK(map.steps.size() == 2);
    // With a threshold of 1%, the hotfix stays, with its share.
    const auto keep =
        metrics::deriveFlow(log, allSteps(log), model::WorkingHours::office(), {0.01, {}, {}, {}});
    CHECK_FALSE(keep.steps[static_cast<std::size_t>(hotfix)].folded);
    CHECK(*route(keep, build, hotfix)->share == Catch::Detail::Approx(1.0 / 51));
}

TEST_CASE("measured: mapping of names, waits, done, ignored and unmapped", "[flow]") {
    LogWriter w;
    w.add("A", "Open", at(2, 9), at(2, 10));
    w.add("A", "Coding", at(2, 10), at(2, 11), "Dev");
    w.add("A", "Pairing", at(2, 11), at(2, 12), "Dev"); // the same step as Coding
    w.add("A", "Lunch", at(2, 12), at(2, 13));          // ignored
    w.add("A", "Mystery", at(2, 13), at(2, 14));        // not in the mapping
    w.add("A", "Testing", at(2, 14), at(2, 15), "QA");
    w.add("A", "Done", at(2, 15), at(2, 15));
    w.add("A", "Testing", at(2, 16), at(2, 17), "QA"); // after done: not counted
    const model::EventLog log = w.finish();
    model::EventMapping mapping;
    mapping.states["Open"] = {model::StateKind::Wait, {}, {}};
    mapping.states["Coding"] = {model::StateKind::Step, "Develop", {}};
    mapping.states["Pairing"] = {model::StateKind::Step, "Develop", {}};
    mapping.states["Lunch"] = {model::StateKind::Ignore, {}, {}};
    mapping.states["Testing"] = {model::StateKind::Step, {}, "Test team"};
    mapping.states["Done"] = {model::StateKind::Done, {}, {}};
    const auto report = metrics::deriveFlow(log, mapping, model::WorkingHours::office());
    REQUIRE(report.steps.size() == 2);
    CHECK(report.steps[0].name == "Develop");
    CHECK(report.steps[0].processTime.p50 == 2 * kHour);
    CHECK(report.steps[0].role == "Dev");
    CHECK(report.steps[1].role == "Test team");
    CHECK(report.steps[1].waitBefore.p50 == 2 * kHour); // Lunch is ignored; Mystery waits
    CHECK(report.steps[1].visits == 1);
    REQUIRE(report.unmapped.size() == 1);
    CHECK(report.unmapped[0].first == "Mystery");
    CHECK(report.itemLeadTime.p50 == 6 * kHour); // 09:00 to done at 15:00
}

TEST_CASE("measured: hostile logs give reports, not crashes", "[flow]") {
    const model::WorkingHours office = model::WorkingHours::office();
    SECTION("empty") {
        const model::EventLog log;
        const auto report = metrics::deriveFlow(log, {}, office);
        CHECK(report.itemsUsed == 0);
        CHECK_FALSE(report.notes.empty());
        model::Id next = 1;
        const model::Map map = metrics::measuredMap(report, "M", next);
        CHECK(map.steps.empty());
    }
    SECTION("one item, one activity") {
        LogWriter w;
        w.add("A", "Build", at(2, 9), at(2, 10));
        const model::EventLog log = w.finish();
        const auto report = metrics::deriveFlow(log, allSteps(log), office);
        CHECK(report.itemsUsed == 1);
        CHECK(report.steps[0].processTime.p50 == kHour);
        model::Project project;
        project.maps.push_back(metrics::measuredMap(report, "M", project.nextId));
        CHECK(metrics::computeMetrics(project, project.maps.back()).valid);
    }
    SECTION("an item still in progress counts in WIP, not in lead times") {
        LogWriter w;
        w.add("A", "Build", at(2, 9), at(2, 10));
        model::LogEvent open;
        open.item = w.builder.item("B");
        open.activity = w.builder.activity("Build");
        open.start = open.end = at(2, 9);
        open.open = true;
        w.builder.add(open);
        const model::EventLog log = w.finish();
        const auto report = metrics::deriveFlow(log, allSteps(log), office);
        CHECK(report.itemsFinished == 1);
        CHECK(report.itemsInProgress == 1);
        CHECK(report.steps[0].visits == 1);
    }
}

TEST_CASE("measured: filters by item type and arrival date; flow over time", "[flow]") {
    LogWriter w;
    // Week of 2 March: two bugs; week of 9 March: one story.
    w.add("B1", "Fix", at(2, 9), at(2, 11), {}, "bug");
    w.add("B2", "Fix", at(3, 9), at(3, 13), {}, "bug");
    w.add("S1", "Fix", at(10, 9), at(10, 10), {}, "story");
    const model::EventLog log = w.finish();
    const auto mapping = allSteps(log);
    const auto office = model::WorkingHours::office();
    metrics::FlowOptions bugs;
    bugs.itemType = "bug";
    CHECK(metrics::deriveFlow(log, mapping, office, bugs).itemsUsed == 2);
    metrics::FlowOptions later;
    later.from = at(9, 0);
    CHECK(metrics::deriveFlow(log, mapping, office, later).itemsUsed == 1);

    const auto weeks = metrics::flowOverTime(log, mapping, office, metrics::FlowPeriod::Week);
    REQUIRE(weeks.size() == 2);
    CHECK(weeks[0].label == "2026-03-02");
    CHECK(weeks[0].throughput == 2);
    CHECK(weeks[0].leadTime.p50 == 3 * kHour); // 2 h and 4 h
    CHECK(weeks[0].flowEfficiency == 1.0);
    CHECK(weeks[1].throughput == 1);
    CHECK(weeks[0].wipAtEnd == 0);
    const auto months = metrics::flowOverTime(log, mapping, office, metrics::FlowPeriod::Month);
    REQUIRE(months.size() == 1);
    CHECK(months[0].label == "2026-03");
    CHECK(months[0].throughput == 3);
}

TEST_CASE("distributions interpolate like pandas", "[flow]") {
    std::vector<double> values{4, 1, 3, 2};
    const auto d = metrics::distributionOf(values);
    CHECK(d.count == 4);
    CHECK(d.min == 1);
    CHECK(d.max == 4);
    CHECK(d.p50 == 2.5);
    CHECK(d.p85 == Catch::Detail::Approx(3.55)); // 1 + 0.85 x 3 = position 2.55
    CHECK(d.mean == 2.5);
}

TEST_CASE("measured: a step keeps its distributions; a figure set by hand is no longer measured",
          "[flow][measurement]") {
    LogWriter w;
    // Build takes 1, 2, 3 and 4 h; Review waits 1 h after Build and takes 1 h.
    for (int i = 0; i < 4; ++i) {
        const std::string item = "M" + std::to_string(i);
        w.add(item, "Build", at(2 + i, 9), at(2 + i, 10 + i));
        w.add(item, "Review", at(2 + i, 11 + i), at(2 + i, 12 + i));
    }
    const model::EventLog log = w.finish();
    const auto report = metrics::deriveFlow(log, allSteps(log), model::WorkingHours::office());
    model::Project project;
    project.maps.push_back(metrics::measuredMap(report, "Measured", project.nextId));
    model::Step* build = nullptr;
    model::Step* review = nullptr;
    for (auto& [id, step] : project.maps[0].steps)
        (step.name == "Build" ? build : review) = &step;
    REQUIRE(build);
    REQUIRE(review);
    REQUIRE(build->measurement);
    const model::StepMeasurement& m = *build->measurement;
    CHECK(m.processTime.count == 4);
    CHECK(m.processTime.p50 == 2.5 * kHour); // between 2 h and 3 h
    CHECK(m.processTime.p85 ==
          Catch::Detail::Approx(3.55 * kHour)); // 3 h + 0.55 of the step to 4 h
    CHECK(m.processTime.p95 == Catch::Detail::Approx(3.85 * kHour));
    CHECK(m.processTime.max == 4 * kHour);
    CHECK(m.items == 4);
    CHECK(m.provenance == report.provenance());
    CHECK(review->measurement->waitBefore.p50 == 1 * kHour);
    CHECK(build->processTime == 2.5 * kHour);
    CHECK(build->description.empty()); // the distribution is data, not text

    // Shown as measured while the figure is the measured P50 with a measured source.
    REQUIRE(model::measuredDistribution(*build, model::Figure::ProcessTime));
    CHECK(model::measuredDistribution(*build, model::Figure::ProcessTime)->p85 ==
          m.processTime.p85);
    CHECK(model::measuredDistribution(*build, model::Figure::LeadTime));
    CHECK_FALSE(model::measuredDistribution(*build, model::Figure::Pca));

    // Set by hand: the distribution stays, the figure is no longer the measured one.
    build->processTime = 2 * kHour;
    model::markSetByHand(*build, model::Figure::ProcessTime);
    CHECK(build->measurement == m);
    CHECK(build->sources.at(model::Figure::ProcessTime).basis == model::Basis::Estimated);
    CHECK_FALSE(model::measuredDistribution(*build, model::Figure::ProcessTime));
    CHECK(model::measuredDistribution(*build, model::Figure::LeadTime)); // untouched
    // A value changed elsewhere (a table import, say) is not shown as measured either.
    review->processTime = 5 * kHour;
    CHECK_FALSE(model::measuredDistribution(*review, model::Figure::ProcessTime));

    // A refresh measures both again.
    metrics::refreshMap(project.maps[0], report);
    CHECK(model::measuredDistribution(*build, model::Figure::ProcessTime));
    CHECK(model::measuredDistribution(*review, model::Figure::ProcessTime));
    CHECK(build->sources.at(model::Figure::ProcessTime).basis == model::Basis::Measured);
}
