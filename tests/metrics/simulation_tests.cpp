// The simulations against closed forms: Monte Carlo against sums, maxima, geometric passes
// and mixtures; the discrete-event engine against queueing theory (M/M/1, Erlang C), Little's
// law, a tandem line's slowest stage and a full FIFO lane. Tolerances are stated per test:
// for a mean, a few standard errors of the closed form's own spread at the trial count used.
#include "gemba/metrics/simulation.h"
#include "map_builder.h"

#include <cmath>

using namespace gemba::metrics;
using namespace gemba::metrics::test;
using gemba::model::Id;

namespace {

constexpr double kDay = 8 * kHour; // the default calendar's working day

/// A step with a three-point process time.
Id rangedStep(MapBuilder& b, std::string name, double min, double typical, double max) {
    const Id id = b.step(std::move(name), typical);
    b.stepAt(id).processTimeMin = min;
    b.stepAt(id).processTimeMax = max;
    return id;
}

double triangularMean(double a, double m, double c) {
    return (a + m + c) / 3;
}
double triangularVariance(double a, double m, double c) {
    return (a * a + m * m + c * c - a * m - a * c - m * c) / 18;
}

/// The triangular distribution function, for the numeric E[max] of two branches.
double triangularCdf(double x, double a, double m, double c) {
    if (x <= a)
        return 0;
    if (x >= c)
        return 1;
    if (x <= m)
        return (x - a) * (x - a) / ((c - a) * (m - a));
    return 1 - (c - x) * (c - x) / ((c - a) * (c - m));
}

MonteCarloResult simulate(MapBuilder& b, int trials, std::uint64_t seed = 7, int threads = 0,
                          Distribution distribution = Distribution::Triangular) {
    MonteCarloOptions options;
    options.trials = trials;
    options.seed = seed;
    options.threads = threads;
    options.distribution = distribution;
    return runMonteCarlo(b.project, b.map(), options);
}

const StepSimulation& stepIn(const MonteCarloResult& r, Id id) {
    for (const StepSimulation& s : r.steps)
        if (s.step == id)
            return s;
    FAIL("step not in the result");
    return r.steps.front();
}

const StepQueue& flowOf(const DesResult& r, Id id) {
    for (const StepQueue& s : r.steps)
        if (s.step == id)
            return s;
    FAIL("step not in the result");
    return r.steps.front();
}

} // namespace

// ---------------------------------------------------------------------------------------
// Monte Carlo

TEST_CASE("monte carlo: the mean of a line is the sum of the means", "[simulation][mc]") {
    MapBuilder b;
    const Id in = b.supplier();
    const Id a = rangedStep(b, "A", 1 * kHour, 2 * kHour, 6 * kHour);
    const Id w = b.wait("Queue", 3 * kHour);
    const Id c = rangedStep(b, "C", 30 * kMinute, 30 * kMinute, 90 * kMinute);
    const Id out = b.customer();
    b.chain({in, a, w, c, out});
    const MonteCarloResult r = simulate(b, 40000);
    REQUIRE(r.valid);
    const double mean =
        triangularMean(1, 2, 6) * kHour + 3 * kHour + triangularMean(0.5, 0.5, 1.5) * kHour;
    const double sd =
        std::sqrt(triangularVariance(1, 2, 6) + triangularVariance(0.5, 0.5, 1.5)) * kHour;
    // Four standard errors of the mean at 40,000 trials: about 0.4% of the mean.
    CHECK(std::abs(r.leadTime.mean - mean) < 4 * sd / std::sqrt(40000.0));
    CHECK(r.leadTime.stddev == Approx(sd).epsilon(0.02));
    // The typical times give the deterministic lead time; the right-skewed ranges pull the
    // mean above it.
    CHECK(r.deterministic == Approx(2 * kHour + 3 * kHour + 30 * kMinute));
    CHECK(r.leadTime.mean > r.deterministic);
    CHECK(r.leadTime.min >= 1 * kHour + 3 * kHour + 30 * kMinute);
    CHECK(r.leadTime.max <= 6 * kHour + 3 * kHour + 90 * kMinute);
    // On a line every step is on the longest path in every trial.
    CHECK(stepIn(r, a).criticality == 1);
    CHECK(stepIn(r, c).criticality == 1);
    // A has the wider range: it leads the tornado.
    REQUIRE(r.tornado.size() == 2);
    CHECK(r.tornado[0] == a);
    CHECK(stepIn(r, a).swing() > stepIn(r, c).swing());
}

TEST_CASE("monte carlo: two parallel branches with the same typical time (docs/metrics.md)",
          "[simulation][mc][example]") {
    // docs/metrics.md, "Why the simulated mean is longer": two reviews in parallel, each 1 to
    // 3 days, typically 2. The critical path says 2 d; E[max] of two such branches is
    // 2 d + 7/30 d (symmetric triangular of half-width 1 d: E[max] = m + 7/30 x half-width).
    MapBuilder b;
    const Id in = b.supplier();
    const Id start = b.step("Receive", 0);
    const Id legal = rangedStep(b, "Legal review", 1 * kDay, 2 * kDay, 3 * kDay);
    const Id tech = rangedStep(b, "Tech review", 1 * kDay, 2 * kDay, 3 * kDay);
    const Id join = b.step("Approve", 0);
    const Id out = b.customer();
    b.chain({in, start});
    b.flow(start, legal);
    b.flow(start, tech);
    b.flow(legal, join);
    b.flow(tech, join);
    b.flow(join, out);
    const MonteCarloResult r = simulate(b, 40000);
    REQUIRE(r.valid);
    CHECK(r.deterministic == Approx(2 * kDay));
    const double expected = 2 * kDay + 7.0 / 30 * kDay;
    // sd of the max is below that of one branch (sqrt(1/6) d); 4 SE at 40,000 trials.
    CHECK(std::abs(r.leadTime.mean - expected) < 4 * std::sqrt(1.0 / 6) * kDay / 200);
    // Each branch is the longer one in half the trials.
    CHECK(stepIn(r, legal).criticality == Approx(0.5).margin(0.01));
    CHECK(stepIn(r, tech).criticality == Approx(0.5).margin(0.01));
    CHECK(stepIn(r, legal).criticality + stepIn(r, tech).criticality == Approx(1));
    CHECK(stepIn(r, start).criticality == 1);
    CHECK(stepIn(r, join).criticality == 1);
    // Meeting the deterministic lead time: P(max <= 2 d) = F(2 d)^2 = 1/4.
    MonteCarloOptions options;
    options.trials = 40000;
    options.target = 2 * kDay;
    const MonteCarloResult t = runMonteCarlo(b.project, b.map(), options);
    CHECK(t.meetTarget == Approx(0.25).margin(0.01));
}

TEST_CASE("monte carlo: the maximum of two different branches", "[simulation][mc]") {
    MapBuilder b;
    const Id in = b.supplier();
    const Id split = b.step("Split", 0);
    const Id x = rangedStep(b, "X", 2 * kHour, 3 * kHour, 7 * kHour);
    const Id y = rangedStep(b, "Y", 1 * kHour, 5 * kHour, 6 * kHour);
    const Id join = b.step("Join", 0);
    b.chain({in, split});
    b.flow(split, x);
    b.flow(split, y);
    b.flow(x, join);
    b.flow(y, join);
    b.flow(join, b.customer());
    const MonteCarloResult r = simulate(b, 40000);
    REQUIRE(r.valid);
    // E[max] = integral of (1 - F_X F_Y) from 0 to 7 h, by the midpoint rule.
    double expected = 0;
    const int n = 70000;
    for (int i = 0; i < n; ++i) {
        const double h = (i + 0.5) * 7.0 / n;
        expected += (1 - triangularCdf(h, 2, 3, 7) * triangularCdf(h, 1, 5, 6)) * 7.0 / n;
    }
    CHECK(std::abs(r.leadTime.mean / kHour - expected) < 4 * 1.2 / 200);
}

TEST_CASE("monte carlo: a rework loop repeats 1 / (1 - p) times", "[simulation][mc]") {
    MapBuilder b;
    const Id in = b.supplier();
    const Id work = b.step("Work", 1 * kHour);
    const Id check = b.step("Check", 30 * kMinute);
    const Id out = b.customer();
    b.chain({in, work, check});
    b.flow(check, work, 0.25); // a quarter goes back
    b.flow(check, out, 0.75);
    const MonteCarloResult r = simulate(b, 40000);
    REQUIRE(r.valid);
    // Passes N are geometric: E[N] = 1 / (1 - p) = 4/3, Var N = p / (1 - p)^2 = 4/9.
    const double meanPasses = 1 / 0.75;
    CHECK(stepIn(r, work).meanVisits == Approx(meanPasses).margin(4 * (2.0 / 3) / 200));
    const double mean = 1.5 * kHour * meanPasses; // 2 h, equal to the deterministic figure
    CHECK(r.deterministic == Approx(mean));
    CHECK(std::abs(r.leadTime.mean - mean) < 4 * 1.5 * kHour * (2.0 / 3) / 200);
    // Three quarters of the items pass once: the median is one pass.
    CHECK(r.leadTime.p50 == Approx(1.5 * kHour));
    CHECK(r.leadTime.min == Approx(1.5 * kHour));
}

TEST_CASE("monte carlo: alternative routes mix by share", "[simulation][mc]") {
    MapBuilder b;
    const Id in = b.supplier();
    const Id a = b.step("Triage", 1 * kHour);
    const Id slow = b.step("Expert", 10 * kHour);
    const Id fast = b.step("Standard", 2 * kHour);
    const Id d = b.step("Close", 1 * kHour);
    b.chain({in, a});
    b.flow(a, slow, 0.3);
    b.flow(a, fast, 0.7);
    b.flow(slow, d);
    b.flow(fast, d);
    b.flow(d, b.customer());
    MonteCarloOptions options;
    options.trials = 40000;
    options.target = 4 * kHour;
    const MonteCarloResult r = runMonteCarlo(b.project, b.map(), options);
    REQUIRE(r.valid);
    // Mean 2 + 0.3 x 10 + 0.7 x 2 = 6.4 h; sd = 8 h x sqrt(0.21).
    CHECK(std::abs(r.leadTime.mean - 6.4 * kHour) < 4 * 8 * std::sqrt(0.21) * kHour / 200);
    // The mixture's distribution: 70% at 4 h, 30% at 12 h.
    CHECK(r.meetTarget == Approx(0.7).margin(0.01));
    CHECK(r.leadTime.p50 == 4 * kHour);
    CHECK(r.leadTime.p85 == 12 * kHour);
    CHECK(stepIn(r, slow).criticality == Approx(0.3).margin(0.01));
    CHECK(stepIn(r, slow).meanVisits == Approx(0.3).margin(0.01));
}

TEST_CASE("monte carlo: PERT puts the mean at (min + 4 typical + max) / 6", "[simulation][mc]") {
    MapBuilder b;
    const Id in = b.supplier();
    const Id a = rangedStep(b, "A", 1 * kHour, 2 * kHour, 9 * kHour);
    b.chain({in, a, b.customer()});
    const MonteCarloResult pert = simulate(b, 40000, 3, 0, Distribution::Pert);
    const MonteCarloResult tri = simulate(b, 40000, 3, 0, Distribution::Triangular);
    REQUIRE(pert.valid);
    // PERT sd = (max - min) / 6 at most (exactly when the mode is central): 4 SE bound.
    CHECK(std::abs(pert.leadTime.mean - 3 * kHour) < 4 * (8.0 / 6) * kHour / 200);
    CHECK(std::abs(tri.leadTime.mean - 4 * kHour) <
          4 * std::sqrt(triangularVariance(1, 2, 9)) * kHour / 200);
    CHECK(pert.leadTime.min >= 1 * kHour);
    CHECK(pert.leadTime.max <= 9 * kHour);
}

TEST_CASE("monte carlo: fixed times give the deterministic lead time in every trial",
          "[simulation][mc]") {
    MapBuilder b;
    const Id in = b.supplier();
    const Id s = b.step("Split", 10 * kMinute);
    const Id l = b.step("Long", 2 * kHour, 5 * kHour);
    const Id sh = b.step("Short", 1 * kHour);
    const Id j = b.step("Join", 5 * kMinute);
    b.chain({in, s});
    b.flow(s, l, std::nullopt, 1 * kHour);
    b.flow(s, sh);
    b.flow(l, j);
    b.flow(sh, j);
    b.flow(j, b.customer());
    const MonteCarloResult r = simulate(b, 1000);
    REQUIRE(r.valid);
    CHECK(r.leadTime.min == Approx(r.deterministic));
    CHECK(r.leadTime.max == Approx(r.deterministic));
    CHECK(r.deterministic == Approx(b.metrics().leadTime));
    CHECK(stepIn(r, l).criticality == 1);
    CHECK(stepIn(r, sh).criticality == 0);
    CHECK(r.tornado.empty());
}

TEST_CASE("monte carlo: a seed gives the same result on any thread count", "[simulation][mc]") {
    MapBuilder b;
    const Id in = b.supplier();
    const Id s = rangedStep(b, "S", 1 * kHour, 2 * kHour, 4 * kHour);
    const Id x = rangedStep(b, "X", 1 * kHour, 3 * kHour, 4 * kHour);
    const Id y = rangedStep(b, "Y", 2 * kHour, 2 * kHour, 5 * kHour);
    const Id j = rangedStep(b, "J", 1 * kHour, 1 * kHour, 2 * kHour);
    b.chain({in, s});
    b.flow(s, x);
    b.flow(s, y);
    b.flow(x, j);
    b.flow(y, j);
    b.flow(j, s, 0.2);
    b.flow(j, b.customer(), 0.8);
    const MonteCarloResult one = simulate(b, 5000, 42, 1);
    const MonteCarloResult two = simulate(b, 5000, 42, 2);
    const MonteCarloResult five = simulate(b, 5000, 42, 5);
    REQUIRE(one.valid);
    for (const MonteCarloResult* other : {&two, &five}) {
        CHECK(other->leadTime.mean == one.leadTime.mean);
        CHECK(other->leadTime.stddev == one.leadTime.stddev);
        CHECK(other->leadTime.p85 == one.leadTime.p85);
        REQUIRE(other->steps.size() == one.steps.size());
        for (std::size_t i = 0; i < one.steps.size(); ++i) {
            CHECK(other->steps[i].criticality == one.steps[i].criticality);
            CHECK(other->steps[i].lowMean == one.steps[i].lowMean);
            CHECK(other->steps[i].highMean == one.steps[i].highMean);
        }
        CHECK(other->tornado == one.tornado);
    }
    const MonteCarloResult otherSeed = simulate(b, 5000, 43, 2);
    CHECK(otherSeed.leadTime.mean != one.leadTime.mean);
}

TEST_CASE("monte carlo: a map with errors is not simulated", "[simulation][mc]") {
    MapBuilder b;
    const Id in = b.supplier();
    const Id a = b.step("A", 1 * kHour, 30 * kMinute); // LT below PT: an error
    b.chain({in, a, b.customer()});
    const MonteCarloResult r = simulate(b, 100);
    CHECK_FALSE(r.valid);
    CHECK(hasCode(r.findings, "lead_time_below_process_time"));
    MapBuilder ok;
    ok.chain({ok.supplier(), ok.step("A", 1 * kHour), ok.customer()});
    MonteCarloOptions options;
    options.trials = 0;
    const MonteCarloResult none = runMonteCarlo(ok.project, ok.map(), options);
    CHECK_FALSE(none.valid);
    CHECK(hasCode(none.findings, "simulation_trials"));
}

TEST_CASE("monte carlo: cancelling stops the run", "[simulation][mc]") {
    MapBuilder b;
    b.chain({b.supplier(), rangedStep(b, "A", 1, 2, 3), b.customer()});
    std::atomic<bool> cancel{true};
    RunControl control;
    control.cancel = &cancel;
    MonteCarloOptions options;
    options.trials = 100000;
    const MonteCarloResult r = runMonteCarlo(b.project, b.map(), options, control);
    CHECK(r.cancelled);
    CHECK_FALSE(r.valid);
}

// ---------------------------------------------------------------------------------------
// Discrete-event

namespace {

/// supplier -> steps... -> customer, each step with its process time (exponential service in
/// the queueing tests) and people.
struct Line {
    MapBuilder b;
    std::vector<Id> steps;

    Line(std::initializer_list<std::pair<double, double>> stages, double perDay) {
        Id previous = b.supplier();
        int i = 0;
        for (const auto& [pt, people] : stages) {
            const Id s = b.step("S" + std::to_string(++i), pt);
            b.stepAt(s).headcount = people;
            b.flow(previous, s);
            steps.push_back(s);
            previous = s;
        }
        b.flow(previous, b.customer());
        b.demand(perDay);
    }
};

DesResult runDes(MapBuilder& b, double horizonDays, double warmupDays, bool exponential,
                 std::uint64_t seed = 11, Arrivals arrivals = Arrivals::Poisson) {
    DesOptions options;
    options.horizon = horizonDays * kDay;
    options.warmup = warmupDays * kDay;
    options.seed = seed;
    options.exponentialService = exponential;
    options.arrivals = arrivals;
    return runDiscreteEvent(b.project, b.map(), options);
}

/// Little's law on a run: time-average WIP = throughput x mean lead time (3%: the items in
/// the system at the window's edges are counted by one side only).
void checkLittle(const DesResult& r) {
    const double throughputPerSecond = r.throughputPerDay / kDay;
    CHECK(r.wipMean == Approx(throughputPerSecond * r.leadTime.mean).epsilon(0.03));
}

double erlangC(int c, double a) {
    // Probability of waiting in M/M/c with offered load a = lambda / mu.
    double term = 1;
    double sum = 1;
    for (int k = 1; k < c; ++k) {
        term *= a / k;
        sum += term;
    }
    const double last = term * a / c / (1 - a / c);
    return last / (sum + last);
}

} // namespace

TEST_CASE("discrete-event: M/M/1 matches queueing theory", "[simulation][des]") {
    // lambda = 0.8 per hour (6.4 per 8-hour day), mu = 1 per hour: rho = 0.8.
    Line line({{1 * kHour, 1}}, 6.4);
    const DesResult r = runDes(line.b, 30000, 100, true);
    REQUIRE(r.valid);
    const double rho = 0.8;
    const double w = 1 / (1 - rho) * kHour;    // W = 1 / (mu - lambda) = 5 h
    const double wq = rho / (1 - rho) * kHour; // Wq = 4 h
    const double lq = rho * rho / (1 - rho);   // Lq = 3.2
    // The confidence interval comes from batch means; it is under 5% of W here.
    CHECK(r.leadTime.meanHalfWidth < 0.06 * w);
    CHECK(std::abs(r.leadTime.mean - w) < r.leadTime.meanHalfWidth);
    const StepQueue& s = flowOf(r, line.steps[0]);
    CHECK(s.waitMean == Approx(wq).epsilon(0.06));
    CHECK(s.queueMean == Approx(lq).epsilon(0.07));
    CHECK(s.utilisation == Approx(rho).epsilon(0.02));
    CHECK(s.offeredLoad == Approx(rho));
    CHECK_FALSE(s.unbounded);
    CHECK(r.throughputPerDay == Approx(6.4).epsilon(0.02));
    checkLittle(r);
}

TEST_CASE("discrete-event: M/M/c matches Erlang C", "[simulation][des]") {
    // c = 3, lambda = 2.4 per hour, mu = 1 per hour: a = 2.4, rho = 0.8.
    Line line({{1 * kHour, 3}}, 2.4 * 8);
    const DesResult r = runDes(line.b, 4000, 100, true);
    REQUIRE(r.valid);
    const double a = 2.4;
    const double pWait = erlangC(3, a);
    const double wq = pWait / (3 - a) * kHour; // Wq = C / (c mu - lambda)
    const double lq = 2.4 * wq / kHour;        // Lq = lambda Wq
    const StepQueue& s = flowOf(r, line.steps[0]);
    CHECK(s.servers == 3);
    CHECK(r.leadTime.meanHalfWidth < 0.05 * (wq + kHour));
    CHECK(std::abs(r.leadTime.mean - (wq + kHour)) < r.leadTime.meanHalfWidth);
    CHECK(s.waitMean == Approx(wq).epsilon(0.08));
    CHECK(s.queueMean == Approx(lq).epsilon(0.08));
    CHECK(s.utilisation == Approx(0.8).epsilon(0.02));
    checkLittle(r);
}

TEST_CASE("discrete-event: a tandem line flows at its slowest stage", "[simulation][des]") {
    // 10 arrive per day; stage 2 does 8 per day (1 h each, 8-hour day): it is the constraint.
    Line line({{30 * kMinute, 1}, {1 * kHour, 1}, {20 * kMinute, 1}}, 10);
    const DesResult r = runDes(line.b, 300, 20, false, 5, Arrivals::Regular);
    REQUIRE(r.valid);
    CHECK(r.throughputPerDay == Approx(8).epsilon(0.01));
    CHECK(r.constraint == line.steps[1]);
    CHECK(r.longestQueue == line.steps[1]);
    const StepQueue& constraint = flowOf(r, line.steps[1]);
    CHECK(constraint.unbounded);
    CHECK(constraint.offeredLoad == Approx(10.0 / 8));
    // Two items a day more than it can do: the queue grows by about 2 a day.
    CHECK(constraint.growthPerDay == Approx(2).epsilon(0.1));
    CHECK(constraint.utilisation == Approx(1).epsilon(0.01));
    CHECK(hasCode(r.findings, "simulation_unbounded_queue"));
    // Downstream sees only what the constraint lets through: 8 x 20 min of 8 h.
    CHECK(flowOf(r, line.steps[2]).utilisation == Approx(8 * 20.0 / 480).epsilon(0.02));
    CHECK_FALSE(flowOf(r, line.steps[0]).unbounded);
    CHECK_FALSE(flowOf(r, line.steps[2]).unbounded);
}

TEST_CASE("discrete-event: breakdowns against availability and the M/G/1 queue (docs/metrics.md)",
          "[simulation][des][breakdown]") {
    // One step of 1 h (fixed) that breaks down after 8 h of work on average and takes 2 h on
    // average to repair; 4 items a day arrive at random (lambda = 0.5 per hour).
    Line line({{1 * kHour, 1}}, 4);
    gemba::model::Step& step = line.b.stepAt(line.steps[0]);
    step.breakdown = gemba::model::Breakdown{8 * kHour, 2 * kHour};
    const double availability = 8.0 / (8 + 2); // MTBF / (MTBF + MTTR) = 0.8
    CHECK(step.availability() == Approx(availability));
    // Without an uptime, the map's figures take the uptime from the breakdowns.
    CHECK(line.b.metrics().steps.at(line.steps[0]).cycleTime == Approx(1.25 * kHour));

    const double te = 1 * kHour / availability; // effective time per item: 1.25 h
    const double u = 0.5 * te / kHour;          // utilisation 0.625
    // Each failure during an item adds an exponential repair: the effective time's squared
    // coefficient of variation is 2 A (1 - A) MTTR / t0 = 0.64 (Hopp and Spearman).
    const double ce2 = 2 * availability * (1 - availability) * 2;
    const double wq = (1 + ce2) / 2 * u / (1 - u) * te; // Pollaczek-Khinchine: 1.708 h
    CHECK(wq == Approx(1.7083 * kHour).epsilon(0.001));

    const DesResult r = runDes(line.b, 20000, 100, false);
    REQUIRE(r.valid);
    const StepQueue& s = flowOf(r, line.steps[0]);
    CHECK(s.offeredLoad == Approx(u));
    CHECK(s.utilisation == Approx(u).epsilon(0.02));
    CHECK(s.down == Approx(0.5 * (1 - availability) / availability).epsilon(0.03)); // 0.125
    CHECK(r.leadTime.meanHalfWidth < 0.06 * (wq + te));
    CHECK(std::abs(r.leadTime.mean - (wq + te)) < r.leadTime.meanHalfWidth);
    CHECK(s.waitMean == Approx(wq).epsilon(0.06));
    CHECK(s.queueMean == Approx(0.5 * wq / kHour).epsilon(0.07)); // Little: Lq = lambda Wq
    checkLittle(r);

    // The same availability as an even uptime stretches every item to 1.25 h: an M/D/1 queue,
    // Wq = u / (1 - u) x te / 2 = 1.04 h. Breakdowns at random make the queue longer.
    step.breakdown.reset();
    step.uptime = 80;
    const DesResult even = runDes(line.b, 20000, 100, false);
    REQUIRE(even.valid);
    const double wqEven = u / (1 - u) * te / 2;
    CHECK(flowOf(even, line.steps[0]).waitMean == Approx(wqEven).epsilon(0.06));
    CHECK(flowOf(even, line.steps[0]).down == 0);
    CHECK(flowOf(even, line.steps[0]).offeredLoad == Approx(u));
    CHECK(s.waitMean > 1.5 * flowOf(even, line.steps[0]).waitMean);
}

TEST_CASE("discrete-event: a breakdown without repair time, and the checks of breakdowns",
          "[simulation][des][breakdown]") {
    Line line({{1 * kHour, 1}}, 4);
    gemba::model::Step& step = line.b.stepAt(line.steps[0]);
    // MTTR 0: failures cost nothing, the run equals the one without breakdowns.
    step.breakdown = gemba::model::Breakdown{8 * kHour, 0};
    const DesResult with = runDes(line.b, 200, 10, false);
    step.breakdown.reset();
    const DesResult without = runDes(line.b, 200, 10, false);
    REQUIRE(with.valid);
    REQUIRE(without.valid);
    CHECK(with.leadTime.mean == Approx(without.leadTime.mean));
    CHECK(with.completed == without.completed);

    step.breakdown = gemba::model::Breakdown{0, 2 * kHour};
    const DesResult refused = runDes(line.b, 200, 10, false);
    CHECK_FALSE(refused.valid);
    CHECK(hasCode(refused.findings, "breakdown_not_positive"));

    step.breakdown = gemba::model::Breakdown{8 * kHour, 2 * kHour};
    step.uptime = 95;
    CHECK(hasCode(line.b.metrics().findings, "uptime_breakdown_mismatch"));
    step.uptime = 80;
    CHECK_FALSE(hasCode(line.b.metrics().findings, "uptime_breakdown_mismatch"));
}

TEST_CASE("waits with a range are drawn like process times", "[simulation][wait]") {
    MapBuilder b;
    const Id in = b.supplier();
    const Id w = b.wait("Approval", 2 * kHour);
    b.map().waits.at(w).timeMin = 1 * kHour;
    b.map().waits.at(w).timeMax = 6 * kHour;
    const Id a = b.step("Pay", 0);
    b.stepAt(a).headcount = 50;
    b.chain({in, w, a, b.customer()});
    b.demand(4);
    // The deterministic figures keep the typical 2 h; the simulations draw 1-6 h (mean 3 h).
    CHECK(b.metrics().leadTime == Approx(2 * kHour));
    const MonteCarloResult mc = simulate(b, 40000);
    REQUIRE(mc.valid);
    const double sd = std::sqrt(triangularVariance(1, 2, 6)) * kHour;
    CHECK(std::abs(mc.leadTime.mean - 3 * kHour) < 4 * sd / std::sqrt(40000.0));
    CHECK(mc.leadTime.min >= 1 * kHour);
    CHECK(mc.leadTime.max <= 6 * kHour);

    const DesResult des = runDes(b, 5000, 10, false);
    REQUIRE(des.valid);
    CHECK(std::abs(des.leadTime.mean - 3 * kHour) < 4 * sd / std::sqrt(double(des.leadTime.count)));
    CHECK(des.leadTime.min >= 1 * kHour);

    // A minimum above the typical time is a warning that names the wait.
    b.map().waits.at(w).timeMin = 3 * kHour;
    CHECK(hasCode(b.metrics().findings, "wait_time_range"));
}

TEST_CASE("discrete-event: a full FIFO lane blocks the step before it", "[simulation][des]") {
    Line line({{10 * kMinute, 1}, {1 * kHour, 1}}, 12);
    line.b.flowAt(line.b.map().flows.begin()->first); // keep the builder's flows
    for (auto& [id, flow] : line.b.map().flows)
        if (flow.from == line.steps[0] && flow.to == line.steps[1]) {
            flow.kind = gemba::model::FlowKind::Fifo;
            flow.fifoMax = 2;
        }
    const DesResult r = runDes(line.b, 200, 10, false, 3, Arrivals::Regular);
    REQUIRE(r.valid);
    const StepQueue& first = flowOf(r, line.steps[0]);
    const StepQueue& second = flowOf(r, line.steps[1]);
    // The lane never holds more than its maximum; the work piles up before the first step.
    CHECK(second.queueMax <= 2);
    CHECK(first.blocked > 0.5);
    CHECK(first.unbounded);
    CHECK(r.longestQueue == line.steps[0]);
    CHECK(r.throughputPerDay == Approx(8).epsilon(0.01));
    // Without the lane's maximum the queue stands before the second step instead.
    for (auto& [id, flow] : line.b.map().flows)
        flow.fifoMax.reset();
    const DesResult open = runDes(line.b, 200, 10, false, 3, Arrivals::Regular);
    CHECK(flowOf(open, line.steps[0]).blocked == 0);
    CHECK(open.longestQueue == line.steps[1]);
}

TEST_CASE("discrete-event: a pull flow's limit caps the work between two steps",
          "[simulation][des]") {
    // A kanban of 3 between a fast step and the constraint: the constraint's queue never
    // holds more than 3; without a limit (push) it grows by 2 a day.
    Line line({{10 * kMinute, 1}, {1 * kHour, 1}}, 10);
    const auto limited = applyWhatIf(line.b.project, line.b.map(), {{"S2", "wip", "3"}});
    REQUIRE(limited.ok());
    gemba::model::Map pull = limited.value();
    for (auto& [id, flow] : pull.flows)
        if (flow.to == line.steps[1])
            flow.kind = gemba::model::FlowKind::Pull;
    DesOptions options;
    options.horizon = 100 * kDay;
    options.warmup = 5 * kDay;
    options.arrivals = Arrivals::Regular;
    const DesResult withLimit = runDiscreteEvent(line.b.project, pull, options);
    const DesResult push = runDiscreteEvent(line.b.project, line.b.map(), options);
    REQUIRE(withLimit.valid);
    CHECK(flowOf(withLimit, line.steps[1]).queueMax <= 3);
    CHECK(flowOf(withLimit, line.steps[0]).blocked > 0.1);
    CHECK(flowOf(push, line.steps[1]).growthPerDay == Approx(2).epsilon(0.1));
    // The same throughput: the limit moves the queue, it does not change the constraint.
    CHECK(withLimit.throughputPerDay == Approx(push.throughputPerDay).epsilon(0.01));
}

TEST_CASE("discrete-event: speeding up a step that is not the constraint (sub-optimisation)",
          "[simulation][des][example]") {
    // docs/user-guide.md, "Sub-optimisation": 10 items a day; A takes 50 min (9.6 a day),
    // B 55 min (8.7 a day: the constraint). Making A take 20 min leaves the throughput where
    // it was, and the queue in front of A moves to B.
    Line line({{50 * kMinute, 1}, {55 * kMinute, 1}}, 10);
    const DesResult before = runDes(line.b, 200, 10, false, 9, Arrivals::Regular);
    const auto changed =
        applyWhatIf(line.b.project, line.b.map(), {WhatIfChange{"S1", "pt", "20 min"}});
    REQUIRE(changed.ok());
    const DesResult after = runDiscreteEvent(line.b.project, changed.value(), [] {
        DesOptions o;
        o.horizon = 200 * kDay;
        o.warmup = 10 * kDay;
        o.seed = 9;
        o.arrivals = Arrivals::Regular;
        return o;
    }());
    REQUIRE(before.valid);
    REQUIRE(after.valid);
    CHECK(before.throughputPerDay == Approx(480.0 / 55).epsilon(0.01));
    CHECK(after.throughputPerDay == Approx(before.throughputPerDay).epsilon(0.01));
    CHECK(flowOf(before, line.steps[0]).unbounded);
    CHECK_FALSE(flowOf(after, line.steps[0]).unbounded);
    CHECK(flowOf(after, line.steps[1]).growthPerDay >
          flowOf(before, line.steps[1]).growthPerDay + 0.3);
    CHECK(after.longestQueue == line.steps[1]);
}

TEST_CASE("discrete-event: batches wait to fill", "[simulation][des]") {
    // One item an hour; batches of 4 take 4 x 1 min: items wait 3, 2, 1 and 0 hours.
    Line line({{1 * kMinute, 1}}, 8);
    line.b.stepAt(line.steps[0]).batchSize = 4;
    const DesResult r = runDes(line.b, 100, 4, false, 1, Arrivals::Regular);
    REQUIRE(r.valid);
    CHECK(r.leadTime.mean == Approx(1.5 * kHour + 4 * kMinute).epsilon(0.01));
    CHECK(r.throughputPerDay == Approx(8).epsilon(0.02));
    checkLittle(r);
}

TEST_CASE("discrete-event: parallel branches split and join", "[simulation][des]") {
    MapBuilder b;
    const Id in = b.supplier();
    const Id s = b.step("Split", 5 * kMinute);
    const Id x = b.step("X", 1 * kHour);
    const Id y = b.step("Y", 2 * kHour);
    const Id j = b.step("Join", 5 * kMinute);
    b.chain({in, s});
    b.flow(s, x);
    b.flow(s, y);
    b.flow(x, j);
    b.flow(y, j);
    b.flow(j, b.customer());
    b.demand(2); // one item every 4 hours: no queues
    const DesResult r = runDes(b, 100, 5, false, 1, Arrivals::Regular);
    REQUIRE(r.valid);
    // The item leaves when its longer branch is done: 5 min + 2 h + 5 min.
    CHECK(r.leadTime.mean == Approx(2 * kHour + 10 * kMinute));
    CHECK(r.throughputPerDay == Approx(2).epsilon(0.02));
    CHECK(flowOf(r, j).utilisation == Approx(2 * 5.0 / 480).epsilon(0.02));
    checkLittle(r);
}

TEST_CASE("discrete-event: rework adds load", "[simulation][des]") {
    MapBuilder b;
    const Id in = b.supplier();
    const Id work = b.step("Work", 1 * kHour);
    const Id check = b.step("Check", 0);
    b.chain({in, work, check});
    b.flow(check, work, 0.5);
    b.flow(check, b.customer(), 0.5);
    b.demand(2);
    const DesResult r = runDes(b, 1000, 20, false);
    REQUIRE(r.valid);
    // Two passes on average: 4 hours of work a day out of 8.
    CHECK(flowOf(r, work).offeredLoad == Approx(0.5));
    CHECK(flowOf(r, work).utilisation == Approx(0.5).epsilon(0.03));
    checkLittle(r);
}

TEST_CASE("discrete-event: a seed gives the same run", "[simulation][des]") {
    Line line({{30 * kMinute, 1}, {40 * kMinute, 1}}, 9);
    const DesResult a = runDes(line.b, 50, 5, true, 21);
    const DesResult b = runDes(line.b, 50, 5, true, 21);
    const DesResult c = runDes(line.b, 50, 5, true, 22);
    CHECK(a.leadTime.mean == b.leadTime.mean);
    CHECK(a.wipOverTime == b.wipOverTime);
    CHECK(a.leadTime.mean != c.leadTime.mean);
    CHECK(a.sampleTimes.size() == 100);
}

TEST_CASE("discrete-event: refuses a map without demand or a warm-up past the horizon",
          "[simulation][des]") {
    Line line({{30 * kMinute, 1}}, 9);
    line.b.map().props.demand.reset();
    DesResult r = runDes(line.b, 10, 1, false);
    CHECK_FALSE(r.valid);
    CHECK(hasCode(r.findings, "simulation_no_demand"));
    line.b.demand(5);
    r = runDes(line.b, 10, 10, false);
    CHECK_FALSE(r.valid);
    CHECK(hasCode(r.findings, "simulation_warmup"));
}

// ---------------------------------------------------------------------------------------
// What-if

TEST_CASE("what-if: parsing and applying changes", "[simulation][whatif]") {
    auto parsed = parseWhatIf("Check: credit:pt=30 min");
    REQUIRE(parsed.ok());
    CHECK(parsed.value().step == "Check: credit");
    CHECK(parsed.value().field == "pt");
    CHECK(parsed.value().value == "30 min");
    CHECK_FALSE(parseWhatIf("no colon").ok());
    CHECK_FALSE(parseWhatIf("A:pt").ok());

    MapBuilder b;
    const Id a = rangedStep(b, "Assemble", 1 * kHour, 2 * kHour, 4 * kHour);
    b.stepAt(a).leadTime = 5 * kHour;
    const Id t = b.step("Test", 1 * kHour);
    b.chain({b.supplier(), a, t, b.customer()});
    auto changed =
        applyWhatIf(b.project, b.map(),
                    {{"assemble", "pt", "1 h"}, {"Test", "people", "2"}, {"Test", "wip", "3"}});
    REQUIRE(changed.ok());
    const gemba::model::Step& s = changed.value().steps.at(a);
    CHECK(*s.processTime == 1 * kHour);
    CHECK(*s.processTimeMin == 0.5 * kHour); // the range moves in proportion
    CHECK(*s.processTimeMax == 2 * kHour);
    CHECK(*s.leadTime == 4 * kHour);
    CHECK(changed.value().steps.at(t).headcount == 2);
    for (const auto& [id, flow] : changed.value().flows)
        if (flow.to == t)
            CHECK(flow.fifoMax == 3);
    CHECK(b.map().steps.at(a).processTime == 2 * kHour); // the original is untouched

    const auto unknown = applyWhatIf(b.project, b.map(), {{"Nope", "pt", "1 h"}});
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().find("no step called \"Nope\"") != std::string::npos);
    const auto field = applyWhatIf(b.project, b.map(), {{"Test", "colour", "red"}});
    REQUIRE_FALSE(field.ok());
    CHECK(field.error().find("unknown field") != std::string::npos);
    const auto bad = applyWhatIf(b.project, b.map(), {{"Test", "people", "-1"}});
    CHECK_FALSE(bad.ok());
    const auto byId = applyWhatIf(b.project, b.map(), {{"#" + std::to_string(t), "uptime", "90"}});
    REQUIRE(byId.ok());
    CHECK(byId.value().steps.at(t).uptime == 90);

    // Breakdowns replace the uptime, and an uptime replaces the breakdowns.
    const auto broken =
        applyWhatIf(b.project, byId.value(), {{"Test", "mtbf", "8 h"}, {"Test", "mttr", "2 h"}});
    REQUIRE(broken.ok());
    const gemba::model::Step& tested = broken.value().steps.at(t);
    REQUIRE(tested.breakdown);
    CHECK(tested.breakdown->mtbf == 8 * kHour);
    CHECK(tested.breakdown->mttr == 2 * kHour);
    CHECK_FALSE(tested.uptime);
    CHECK(tested.availability() == Approx(0.8));
    const auto even = applyWhatIf(b.project, broken.value(), {{"Test", "uptime", "95"}});
    REQUIRE(even.ok());
    CHECK_FALSE(even.value().steps.at(t).breakdown);
    CHECK_FALSE(applyWhatIf(b.project, b.map(), {{"Test", "mtbf", "0 s"}}).ok());
}
