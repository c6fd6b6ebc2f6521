// Monte Carlo over the value stream graph: each trial draws every duration and walks the map
// from its start to its end. Formulas and the worked example: docs/metrics.md, "Monte Carlo".
#include "findings.h"
#include "simulation_common.h"

#include <algorithm>
#include <atomic>
#include <limits>
#include <thread>

namespace gemba::metrics {

namespace {

using detail::kNoNode;
using detail::PathEdge;
using detail::Rng;
using detail::SimGraph;

// A trial that passes this many elements is going round a loop that (nearly) never exits.
constexpr long long kTrialBudget = 1'000'000;
// The tornado's tails: draws in the lowest and the highest tenth of a step's distribution.
constexpr double kLowTail = 0.1;
constexpr double kHighTail = 0.9;

/// Sums of a block of trials. Blocks have a size fixed by the trial count alone and are
/// summed in block order, so the totals do not depend on which thread ran which block.
struct BlockSums {
    std::vector<long long> critical; ///< per node: trials with the node on the longest path
    std::vector<long long> visits;
    std::vector<double> lowSum;
    std::vector<long long> lowCount;
    std::vector<double> highSum;
    std::vector<long long> highCount;
    bool overflow = false;

    explicit BlockSums(int n)
        : critical(n, 0)
        , visits(n, 0)
        , lowSum(n, 0)
        , lowCount(n, 0)
        , highSum(n, 0)
        , highCount(n, 0) {}
};

/// Walks trials on one thread. Per trial it keeps the longest path so far (as a stack of
/// nodes: a parallel split keeps only its latest branch) and each node's first draw.
class Walker {
public:
    Walker(const SimGraph& g, std::uint64_t seed)
        : m_g(g)
        , m_seed(seed)
        , m_drawStamp(g.vs.nodeCount(), -1)
        , m_firstU(g.vs.nodeCount(), 0)
        , m_criticalStamp(g.vs.nodeCount(), -1) {}

    double trial(long long index, BlockSums& sums) {
        Rng rng(m_seed, static_cast<std::uint64_t>(index));
        m_rng = &rng;
        m_trial = index;
        m_budget = kTrialBudget;
        m_sums = &sums;
        m_path.clear();
        m_drawn.clear();
        double leadTime = 0;
        const std::vector<int>& starts = m_g.liveStarts;
        if (starts.size() == 1) {
            leadTime = walk(starts[0], 0, kNoNode);
        } else if (!starts.empty()) {
            // Several starts work in parallel, like the branches of a split.
            const int join = m_g.joins[m_g.vs.nodeCount()];
            leadTime = latest(
                starts.size(), [&](std::size_t i) { return starts[i]; },
                [](std::size_t) { return 0.0; }, 0, join);
            if (join != kNoNode)
                leadTime = walk(join, leadTime, kNoNode);
        }
        if (m_budget < 0)
            sums.overflow = true;
        for (int v : m_path) {
            if (m_criticalStamp[v] != m_trial) {
                m_criticalStamp[v] = m_trial;
                ++sums.critical[v];
            }
        }
        for (int v : m_drawn) {
            if (m_firstU[v] < kLowTail) {
                sums.lowSum[v] += leadTime;
                ++sums.lowCount[v];
            } else if (m_firstU[v] >= kHighTail) {
                sums.highSum[v] += leadTime;
                ++sums.highCount[v];
            }
        }
        return leadTime;
    }

private:
    /// The time a node takes on this visit.
    double duration(int v) {
        const detail::ThreePoint& work = m_g.work[v];
        double x = work.typical();
        if (work.varies()) {
            const double u = m_rng->uniform();
            if (m_drawStamp[v] != m_trial) {
                m_drawStamp[v] = m_trial;
                m_firstU[v] = u;
                m_drawn.push_back(v);
            }
            x = work.at(u);
        }
        return std::max(0.0, x + m_g.extra[v]);
    }

    /// From v at time t until the walk reaches stop (not entered) or an end: the time then.
    double walk(int v, double t, int stop) {
        const detail::ValueStream& vs = m_g.vs;
        while (v != stop) {
            if (--m_budget < 0)
                return t;
            t += duration(v);
            m_path.push_back(v);
            ++m_sums->visits[v];
            const int b = vs.outBegin[v];
            const int e = vs.outBegin[v + 1];
            if (b == e)
                return t;
            if (vs.alternative[v]) {
                // Choose a route by its share; rounding leaves the last one.
                const double u = m_rng->uniform();
                double cumulative = 0;
                int pick = e - 1;
                for (int i = b; i < e; ++i) {
                    cumulative += vs.edges[vs.outEdges[i]].share;
                    if (u < cumulative) {
                        pick = i;
                        break;
                    }
                }
                const PathEdge& edge = vs.edges[vs.outEdges[pick]];
                t += edge.wait;
                v = edge.to;
                continue;
            }
            if (e - b == 1) {
                const PathEdge& edge = vs.edges[vs.outEdges[b]];
                t += edge.wait;
                v = edge.to;
                continue;
            }
            const int join = m_g.joins[v];
            t = latest(
                static_cast<std::size_t>(e - b), [&](std::size_t i) { return vs.outTo[b + i]; },
                [&](std::size_t i) { return vs.edges[vs.outEdges[b + i]].wait; }, t, join);
            if (join == kNoNode || m_budget < 0)
                return t;
            v = join;
        }
        return t;
    }

    /// Runs parallel branches to their join; keeps the path of the latest one only.
    template <class To, class Wait>
    double latest(std::size_t count, To to, Wait wait, double t, int join) {
        const std::size_t base = m_path.size();
        std::size_t bestEnd = base;
        double best = -std::numeric_limits<double>::infinity();
        for (std::size_t i = 0; i < count; ++i) {
            const std::size_t here = m_path.size(); // == bestEnd
            const double end = walk(to(i), t + wait(i), join);
            if (end > best) {
                best = end;
                if (here != base)
                    std::copy(m_path.begin() + static_cast<std::ptrdiff_t>(here), m_path.end(),
                              m_path.begin() + static_cast<std::ptrdiff_t>(base));
                bestEnd = base + (m_path.size() - here);
            }
            m_path.resize(bestEnd);
        }
        return best;
    }

    const SimGraph& m_g;
    const std::uint64_t m_seed;
    Rng* m_rng = nullptr;
    long long m_trial = 0;
    long long m_budget = 0;
    BlockSums* m_sums = nullptr;
    std::vector<int> m_path;
    std::vector<int> m_drawn;
    std::vector<long long> m_drawStamp;
    std::vector<double> m_firstU;
    std::vector<long long> m_criticalStamp;
};

} // namespace

MonteCarloResult runMonteCarlo(const model::Project& project, const model::Map& map,
                               const MonteCarloOptions& options, const RunControl& control) {
    MonteCarloResult result;
    result.seed = options.seed;
    result.distribution = options.distribution;
    result.target = options.target;
    SimGraph g = detail::buildSimGraph(project, map, options.distribution);
    result.findings = g.findings;
    if (!g.vs.solved)
        return result;
    detail::Reporter report(project, map, result.findings);
    if (options.trials < 1) {
        report.error("simulation_trials", model::kNoId,
                     "The number of trials must be at least 1, not " +
                         std::to_string(options.trials));
        return result;
    }
    if (g.liveStarts.empty()) {
        report.error("simulation_nothing_to_walk", model::kNoId,
                     report.describeMap() + " has no path from a start to an end to simulate");
        return result;
    }
    result.deterministic = g.deterministic;
    const int n = g.vs.nodeCount();
    const long long trials = options.trials;
    // At most 64 blocks whatever the trial count, at least 256 trials each.
    const long long blockSize = std::max<long long>(256, (trials + 63) / 64);
    const long long blocks = (trials + blockSize - 1) / blockSize;
    std::vector<double> leadTimes(static_cast<std::size_t>(trials));
    std::vector<BlockSums> sums(static_cast<std::size_t>(blocks), BlockSums(n));
    std::atomic<long long> nextBlock{0};
    std::atomic<long long> doneBlocks{0};
    std::atomic<bool> stopped{false};

    const auto work = [&] {
        Walker walker(g, options.seed);
        for (;;) {
            const long long block = nextBlock.fetch_add(1);
            if (block >= blocks || stopped.load(std::memory_order_relaxed))
                return;
            const long long first = block * blockSize;
            const long long last = std::min(trials, first + blockSize);
            BlockSums& blockSums = sums[static_cast<std::size_t>(block)];
            for (long long t = first; t < last; ++t)
                leadTimes[static_cast<std::size_t>(t)] = walker.trial(t, blockSums);
            if (control.cancelled())
                stopped = true;
            const long long done = doneBlocks.fetch_add(1) + 1;
            if (control.progress)
                control.progress(static_cast<double>(done) / static_cast<double>(blocks));
        }
    };
    int threads = options.threads > 0 ? options.threads
                                      : static_cast<int>(std::thread::hardware_concurrency());
    threads = static_cast<int>(std::clamp<long long>(threads, 1, blocks));
    std::vector<std::thread> pool;
    for (int i = 1; i < threads; ++i)
        pool.emplace_back(work);
    work();
    for (std::thread& thread : pool)
        thread.join();
    if (stopped) {
        result.cancelled = true;
        return result;
    }

    BlockSums total(n);
    for (const BlockSums& block : sums) {
        total.overflow = total.overflow || block.overflow;
        for (int v = 0; v < n; ++v) {
            total.critical[v] += block.critical[v];
            total.visits[v] += block.visits[v];
            total.lowSum[v] += block.lowSum[v];
            total.lowCount[v] += block.lowCount[v];
            total.highSum[v] += block.highSum[v];
            total.highCount[v] += block.highCount[v];
        }
    }
    if (total.overflow) {
        report.error("simulation_loop_never_exits", model::kNoId,
                     "A trial went round a loop more than " + std::to_string(kTrialBudget) +
                         " times: nearly every item goes round again (check the shares of the "
                         "flows that go back)");
        return result;
    }

    result.trials = options.trials;
    result.leadTime = detail::summarise(leadTimes, options.histogramBins);
    if (options.target) {
        const auto within = std::upper_bound(leadTimes.begin(), leadTimes.end(), *options.target);
        result.meetTarget =
            static_cast<double>(within - leadTimes.begin()) / static_cast<double>(trials);
    }
    for (model::Id id : stepsInFlowOrder(project, map)) {
        const int v = g.vs.indexOf(id);
        if (v == kNoNode)
            continue;
        StepSimulation s;
        s.step = id;
        s.name = g.vs.nodes[v].step->name;
        s.criticality = static_cast<double>(total.critical[v]) / static_cast<double>(trials);
        s.meanVisits = static_cast<double>(total.visits[v]) / static_cast<double>(trials);
        s.varies = g.work[v].varies();
        // A step visited in no trial's tail has no swing: both ends at the mean.
        s.lowMean = total.lowCount[v] ? total.lowSum[v] / static_cast<double>(total.lowCount[v])
                                      : result.leadTime.mean;
        s.highMean = total.highCount[v] ? total.highSum[v] / static_cast<double>(total.highCount[v])
                                        : result.leadTime.mean;
        result.steps.push_back(std::move(s));
    }
    std::vector<const StepSimulation*> varying;
    for (const StepSimulation& s : result.steps)
        if (s.varies)
            varying.push_back(&s);
    std::stable_sort(varying.begin(), varying.end(),
                     [](const StepSimulation* a, const StepSimulation* b) {
                         return std::abs(a->swing()) > std::abs(b->swing());
                     });
    for (const StepSimulation* s : varying)
        result.tornado.push_back(s->step);
    result.valid = true;
    return result;
}

} // namespace gemba::metrics
