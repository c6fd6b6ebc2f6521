#pragma once

#include "gemba/metrics/metrics.h"
#include "gemba/model/project.h"
#include "gemba/model/units.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

/// Simulation of a map: Monte Carlo over the value stream graph (how variation spreads the
/// lead time) and a discrete-event run of the flow (how capacity makes queues). Both are pure
/// functions of a project's map and a seed: the same inputs give the same numbers on every
/// machine and thread count. Conventions and formulas: docs/metrics.md, "Simulation".
namespace gemba::metrics {

/// How a step's minimum, typical and maximum process time become a distribution: triangular,
/// mean (min + typical + max) / 3, or beta-PERT, mean (min + 4 typical + max) / 6 (less weight
/// on the tails). A map chooses (MapProps::distribution); a run may choose otherwise.
using Distribution = model::TimeDistribution;

/// "triangular" or "pert", and back; nothing for other words.
std::optional<Distribution> distributionFromText(std::string_view text);
std::string_view distributionName(Distribution distribution);

/// Reports progress (0-1) and can stop a run; both may be empty. Called from worker threads.
struct RunControl {
    std::function<void(double)> progress;
    const std::atomic<bool>* cancel = nullptr;
    bool cancelled() const { return cancel && cancel->load(std::memory_order_relaxed); }
};

/// One bar of a histogram: [from, to) seconds and how many values fell in it.
struct HistogramBin {
    double from = 0;
    double to = 0;
    long long count = 0;
};

/// Percentiles and moments of a sample of lead times (seconds).
struct SampleSummary {
    long long count = 0;
    double mean = 0;
    double stddev = 0;
    double min = 0;
    double max = 0;
    double p50 = 0;
    double p85 = 0;
    double p95 = 0;
    /// Half width of the 95% confidence interval of the mean (independent values; for a
    /// queue's correlated lead times it is from batch means).
    double meanHalfWidth = 0;
    std::vector<HistogramBin> histogram;
};

// ---------------------------------------------------------------------------------------
// Monte Carlo

struct MonteCarloOptions {
    int trials = 10000;
    std::uint64_t seed = 1;
    std::optional<Distribution> distribution; ///< empty: the map's choice
    int threads = 0;                          ///< 0: every core
    std::optional<double> target;             ///< seconds: report the probability of meeting it
    int histogramBins = 30;
};

/// What one step does to the simulated lead time.
struct StepSimulation {
    Id step = model::kNoId;
    std::string name;
    double criticality = 0; ///< share of trials in which the step lies on the longest path
    double meanVisits = 0;  ///< passes per trial (rework loops, alternatives)
    /// Tornado: the mean lead time of the trials whose draw of this step's process time fell
    /// in its lowest tenth, and in its highest tenth. Equal for a step without a range.
    double lowMean = 0;
    double highMean = 0;
    bool varies = false; ///< the step has a process time range (min < max)
    double swing() const { return highMean - lowMean; }
};

struct MonteCarloResult {
    bool valid = false;            ///< false: the map cannot be simulated (see findings)
    std::vector<Finding> findings; ///< the map's errors, or what the run noticed
    bool cancelled = false;
    int trials = 0;
    std::uint64_t seed = 0;
    Distribution distribution = Distribution::Triangular;
    double deterministic = 0; ///< the critical-path lead time of computeMetrics (typical times)
    SampleSummary leadTime;
    std::optional<double> target;
    double meetTarget = 0;             ///< share of trials with lead time <= target
    std::vector<StepSimulation> steps; ///< in the map's step order
    std::vector<Id> tornado;           ///< steps that vary, largest swing first
};

/// Samples every duration per trial and walks the value stream: parallel branches meet at
/// their join at the latest branch's time, alternatives are chosen by share, loops repeat as
/// the draws say. Trials are split over threads in fixed blocks, each trial seeded from
/// (seed, trial index), so the result does not depend on the thread count.
MonteCarloResult runMonteCarlo(const model::Project& project, const model::Map& map,
                               const MonteCarloOptions& options, const RunControl& control = {});

// ---------------------------------------------------------------------------------------
// Discrete-event simulation

enum class Arrivals {
    Regular, ///< one item every (working day / demand)
    Poisson, ///< exponential gaps with the same mean
};

struct DesOptions {
    double horizon = 0; ///< seconds of working time simulated; 0: 90 working days
    double warmup = 0;  ///< seconds at the start left out of the statistics
    std::uint64_t seed = 1;
    std::optional<Distribution> distribution; ///< empty: the map's choice
    Arrivals arrivals = Arrivals::Poisson;
    std::optional<double> arrivalsPerDay; ///< overrides the map's demand
    /// Service times drawn from an exponential distribution with the typical process time as
    /// mean instead of the three-point one: the queueing-theory reference (M/M/c).
    bool exponentialService = false;
    int samples = 100; ///< points of the over-time series
};

/// A step's queue and work over the measured window.
struct StepQueue {
    Id step = model::kNoId;
    std::string name;
    int servers = 1;
    double offeredLoad = 0; ///< arrival rate x work per item / servers: >= 1 cannot keep up
    double utilisation = 0; ///< busy share of its servers' time (blocked time not counted)
    double blocked = 0;     ///< share of server time spent holding finished work (full lane)
    /// Share of server time under repair after a breakdown (counted in utilisation: the server
    /// holds its item), for work started in the measured window.
    double down = 0;
    /// The breakdowns' MTBF / (MTBF + MTTR); 1 for a step that does not break down.
    double availability = 1;
    bool breaksDown = false; ///< the step has breakdowns with a mean time between them
    double queueMean = 0;    ///< time-average items waiting; meaningless when unbounded
    double queueMax = 0;
    double waitMean = 0; ///< seconds an item waited in the queue, on average
    bool unbounded = false;
    double growthPerDay = 0;           ///< items per working day the queue grows by (unbounded)
    std::vector<double> queueOverTime; ///< time-average per sample interval
    std::vector<double> utilisationOverTime;
};

struct DesResult {
    bool valid = false;
    std::vector<Finding> findings;
    bool cancelled = false;
    double horizon = 0;
    double warmup = 0;
    double arrivalsPerDay = 0;
    long long arrived = 0;   ///< items that arrived in the measured window
    long long completed = 0; ///< items that left at the customer in the measured window
    double throughputPerDay = 0;
    SampleSummary leadTime; ///< items that arrived after the warm-up and left before the end
    double wipMean = 0;     ///< time-average items in the system
    double wipMax = 0;
    std::vector<double> sampleTimes; ///< end of each sample interval, seconds
    std::vector<double> wipOverTime;
    std::vector<StepQueue> steps;   ///< in the map's step order
    Id constraint = model::kNoId;   ///< the step with the highest offered load
    Id longestQueue = model::kNoId; ///< where the queue builds up most
    long long events = 0;
};

/// Runs items through the map: arrivals from the demand, each step's headcount as parallel
/// servers, uptime stretching the work, batches with a changeover, FIFO lanes and pull
/// limits (a flow's maximum) blocking upstream when full, waits as delays, rework by shares,
/// parallel branches split and joined. Time is working time of the project's calendar.
DesResult runDiscreteEvent(const model::Project& project, const model::Map& map,
                           const DesOptions& options, const RunControl& control = {});

// ---------------------------------------------------------------------------------------
// What-if

/// One change of a what-if run: a step (by name, or #id) and a field set to a value.
/// Fields: pt (process time; its range moves with it), min, max, lt, people (headcount),
/// batch, changeover, uptime; wip (the maximum of the flows into the step).
struct WhatIfChange {
    std::string step;
    std::string field;
    std::string value; ///< as typed: "30 min", "2"
};

/// "STEP:field=value", or a message saying what is wrong with the text.
model::Parsed<WhatIfChange> parseWhatIf(std::string_view text);

/// The fields a what-if can change, for messages and help.
std::string_view whatIfFields();

/// A copy of the map with the changes applied, or a message naming the change that failed.
model::Parsed<model::Map> applyWhatIf(const model::Project& project, const model::Map& map,
                                      const std::vector<WhatIfChange>& changes);

} // namespace gemba::metrics
