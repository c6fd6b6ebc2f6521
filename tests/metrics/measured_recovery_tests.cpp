// The generator's known parameters come back from the derived map, within stated tolerances:
// medians of process time within 10% (2,000 items, log-normal sigma 0.5: the standard error
// of a median is about 2%), shares within 0.03, the rework return share within 0.03.

#include "event_generator.h"
#include "gemba/metrics/flow.h"
#include "gemba/metrics/metrics.h"
#include "gemba/store/events.h"

#include <catch2/catch.hpp>
#include <sstream>

using namespace gemba;

namespace {

const metrics::StepFlow& step(const metrics::FlowReport& report, const std::string& name) {
    for (const auto& s : report.steps)
        if (s.name == name)
            return s;
    FAIL("no step " << name);
    return report.steps.front();
}

int indexOf(const metrics::FlowReport& report, const std::string& name) {
    for (std::size_t s = 0; s < report.steps.size(); ++s)
        if (report.steps[s].name == name)
            return static_cast<int>(s);
    return -100;
}

const metrics::RouteFlow& route(const metrics::FlowReport& report, const std::string& from,
                                const std::string& to) {
    const int f = from.empty() ? metrics::kArrival : indexOf(report, from);
    const int t = to.empty() ? metrics::kFinish : indexOf(report, to);
    for (const auto& r : report.routes)
        if (r.from == f && r.to == t)
            return r;
    FAIL("no route " << from << " -> " << to);
    return report.routes.front();
}

void checkMedian(const metrics::StepFlow& s, double hours) {
    INFO(s.name << ": P50 " << s.processTime.p50 / 3600 << " h, expected " << hours << " h");
    CHECK(s.processTime.p50 == Catch::Detail::Approx(hours * 3600).epsilon(0.10));
}

} // namespace

TEST_CASE("generated log: the derived map recovers the generator's parameters", "[measured]") {
    const bench::EventLogParameters p;
    std::stringstream csv;
    const auto written = bench::writeEventCsv(csv, p);
    const model::EventLog log = store::readEventCsv(csv, "generated.csv", {});
    REQUIRE(log.items.size() == p.items);
    REQUIRE(log.events.size() == written.events);
    const model::EventMapping mapping = metrics::completeMapping(log);
    CHECK(mapping.states.at("Ready for dev").kind == model::StateKind::Wait);
    CHECK(mapping.states.at("Changes requested").kind == model::StateKind::Step); // guessed
    model::EventMapping fixed = mapping;
    fixed.states["Changes requested"] = {model::StateKind::Wait, {}, {}};
    const auto report = metrics::deriveFlow(log, fixed, p.hours);

    CHECK(report.itemsFinished == p.items);
    CHECK(report.unmapped.empty());
    checkMedian(step(report, "Analyse"), p.analyse);
    checkMedian(step(report, "Design"), p.design);
    checkMedian(step(report, "Develop"), p.develop);
    checkMedian(step(report, "Code review"), p.review);
    checkMedian(step(report, "Test"), p.test);
    checkMedian(step(report, "Docs"), p.docs);
    checkMedian(step(report, "Deploy"), p.deploy);
    // Waiting on the way from Analyse to Develop is the Ready-for-dev queue.
    CHECK(route(report, "Analyse", "Develop").wait.p50 ==
          Catch::Detail::Approx(p.readyForDev * 3600).epsilon(0.15));
    CHECK(step(report, "Develop").role == "Dev");

    // Rework: the share of reviews sent back.
    const auto& review = step(report, "Code review");
    CHECK(review.returnShare == Catch::Detail::Approx(p.reworkShare).margin(0.03));
    CHECK(review.pcaEstimate == Catch::Detail::Approx(100 * (1 - p.reworkShare)).margin(3));
    CHECK(route(report, "Code review", "Develop").rework);
    // Alternatives after Analyse: Design for a quarter of the items.
    const auto& toDesign = route(report, "Analyse", "Design");
    REQUIRE(toDesign.share);
    CHECK(*toDesign.share == Catch::Detail::Approx(p.designShare).margin(0.03));
    // Test and Docs overlap: after a review, items go back (rework) or on to both at once,
    // a parallel group with the rest of the share.
    CHECK(route(report, "Code review", "Test").parallel);
    CHECK_FALSE(route(report, "Code review", "Test").share.has_value());
    REQUIRE(report.groups.size() == 1);
    CHECK(report.groups[0].members.size() == 2);
    CHECK(report.groups[0].share == Catch::Detail::Approx(1 - p.reworkShare).margin(0.03));
    // The rare hotfix route (1%) is folded and its items reported.
    CHECK(step(report, "Hotfix").folded);
    CHECK(report.foldedItems == step(report, "Hotfix").items);
    CHECK(report.foldedItems > 0);
    CHECK(report.foldedItems < p.items * 0.02);
    // Throughput: 40 items arrive per working day, and in steady weeks as many finish.
    const auto weeks = metrics::flowOverTime(log, fixed, p.hours, metrics::FlowPeriod::Week);
    REQUIRE(weeks.size() > 8);
    double finished = 0;
    double days = 0;
    const model::WorkingClock clock(p.hours);
    for (std::size_t w = 2; w < 8; ++w) {
        finished += static_cast<double>(weeks[w].throughput);
        days += clock.between(weeks[w].start, weeks[w].end) / (8 * 3600.0);
    }
    CHECK(finished / days == Catch::Detail::Approx(p.arrivalsPerDay).epsilon(0.15));
    CHECK(report.throughputPerDay * report.workingDays ==
          Catch::Detail::Approx(static_cast<double>(report.itemsFinished)));

    // The derived map is valid; its lead time is close to the items' mean lead time
    // (the map sums medians, so it is below the mean of skewed times, not above).
    model::Project project;
    project.maps.push_back(metrics::measuredMap(report, "Measured", project.nextId));
    const auto m = metrics::computeMetrics(project, project.maps.back());
    REQUIRE(m.valid);
    CHECK(m.waitTime > 0);
    CHECK(m.leadTime < report.itemLeadTime.mean);
    CHECK(m.leadTime > 0.6 * report.itemLeadTime.p50);
}

TEST_CASE("generated log: XES gives the same figures as CSV", "[measured]") {
    bench::EventLogParameters p;
    p.items = 300;
    std::stringstream csv, xes;
    bench::writeEventCsv(csv, p);
    bench::writeEventXes(xes, p);
    const model::EventLog fromCsv = store::readEventCsv(csv, "g.csv", {});
    const model::EventLog fromXes = store::readXes(xes, "g.xes", {});
    REQUIRE(fromCsv.events.size() == fromXes.events.size());
    const auto mapping = metrics::completeMapping(fromCsv);
    const auto a = metrics::deriveFlow(fromCsv, mapping, p.hours);
    const auto b = metrics::deriveFlow(fromXes, mapping, p.hours);
    REQUIRE(a.steps.size() == b.steps.size());
    for (std::size_t s = 0; s < a.steps.size(); ++s) {
        CHECK(a.steps[s].name == b.steps[s].name);
        CHECK(a.steps[s].processTime.p50 == b.steps[s].processTime.p50);
        CHECK(a.steps[s].processTime.p85 == b.steps[s].processTime.p85);
    }
    CHECK(a.itemLeadTime.p85 == b.itemLeadTime.p85);
}
