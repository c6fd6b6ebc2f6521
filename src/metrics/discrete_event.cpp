// Discrete-event simulation of the flow of items through a map: queues that arise from
// capacity. Conventions: docs/metrics.md, "Discrete-event simulation".
#include "findings.h"
#include "simulation_common.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <deque>
#include <queue>

namespace gemba::metrics {

namespace {

using detail::kNoNode;
using detail::PathEdge;
using detail::Rng;
using detail::SimGraph;

constexpr int kExit = -2; ///< a join frame whose branches meet only at the ends
constexpr long long kCheckEvery = 1 << 16;

enum class EventKind : int { Arrival, ServiceDone, Enter, Delayed, Sample };

struct Event {
    double t = 0;
    std::uint64_t seq = 0;
    EventKind kind = EventKind::Arrival;
    int node = 0;
    int value = 0; ///< server (ServiceDone) or piece (Enter, Delayed)
};

struct Later {
    bool operator()(const Event& a, const Event& b) const {
        return a.t != b.t ? a.t > b.t : a.seq > b.seq;
    }
};

/// A piece of an item: the item itself, or one branch of it after a parallel split.
struct Piece {
    double born = 0;
    double queued = 0;
    int frame = -1; ///< innermost open split, -1: none
};

/// An open parallel split: how many branches have yet to reach the join.
struct Frame {
    int join = kNoNode;
    int remaining = 0;
    int outer = -1;
};

struct Server {
    bool busy = false;
    bool blocked = false;
    bool releasing = false;  ///< moving its pieces on: not free to start, even on a loop back
    double untilFailure = 0; ///< working time left before its next breakdown
    std::vector<int> held;   ///< pieces being worked on, or finished and waiting to move
    std::vector<int> routes; ///< beside held: the out-edge each finished piece takes
};

/// A time-weighted average that counts only time after the warm-up.
struct Level {
    double value = 0;
    double area = 0;
    double last = 0;
    double max = 0;
    double sampledArea = 0;

    void advance(double t, double warmup) {
        const double from = std::max(last, warmup);
        if (t > from)
            area += value * (t - from);
        last = t;
    }
};

struct StepState {
    bool isStep = false;
    int servers = 1;
    int batch = 1;
    double changeover = 0;
    double stretch = 1; ///< 1 / uptime (without breakdowns) x the available-time stretch
    /// Breakdowns: failures come after exponential working time (mean MTBF) and each takes
    /// an exponential repair (mean MTTR); mtbf 0: none.
    double mtbf = 0;
    double mttr = 0;
    double availability = 1;
    double downSum = 0;  ///< repair time of work started in the measured window
    int limit = INT_MAX; ///< most items the queue holds before upstream steps block
    std::deque<int> queue;
    std::vector<Server> serverState;
    std::deque<std::pair<int, int>> blockedUpstream; ///< (node, server) waiting for room
    Level queueLevel;
    Level busyLevel;
    Level blockedLevel;
    double waitSum = 0;
    long long waitCount = 0;
    std::vector<double> queueSeries;
    std::vector<double> busySeries;
    double busySampledArea = 0;
};

class Engine {
public:
    Engine(const SimGraph& g, const DesOptions& options, const model::Map& map,
           const RunControl& control)
        : m_g(g)
        , m_vs(g.vs)
        , m_options(options)
        , m_control(control)
        , m_arrivalRng(options.seed, 1) {
        const int n = m_vs.nodeCount();
        m_state.resize(n);
        m_delay.assign(n, 0);
        m_serviceRng.reserve(n);
        m_routeRng.reserve(n);
        for (int v = 0; v < n; ++v) {
            const detail::PathNode& node = m_vs.nodes[v];
            m_serviceRng.emplace_back(options.seed, 1000 + 2 * node.id);
            m_routeRng.emplace_back(options.seed, 1001 + 2 * node.id);
            if (node.wait && node.wait->kind == model::WaitKind::Time)
                m_delay[v] = g.work[v].typical();
            if (!node.step)
                continue;
            StepState& s = m_state[v];
            s.isStep = true;
            s.servers = std::max(1, static_cast<int>(std::lround(node.step->headcount)));
            s.batch = std::max(1, static_cast<int>(std::lround(node.step->batchSize.value_or(1))));
            // A changeover is paid once per batch: without a batch size it stands for
            // switching between products, which the run does not model.
            if (node.step->batchSize)
                s.changeover = node.step->changeover.value_or(0);
            s.serverState.resize(s.servers);
            if (const auto& breakdown = node.step->breakdown; breakdown && breakdown->mtbf > 0) {
                // Breakdowns replace the uptime's even stretch: they come at random and queues
                // feel them (docs/metrics.md, "Breakdowns").
                s.mtbf = breakdown->mtbf;
                s.mttr = breakdown->mttr;
                s.availability = breakdown->availability();
                s.stretch = g.availableStretch;
                m_failureRng.emplace_back(options.seed, 0x4000'0000ull + 2 * node.id);
                m_failureOf.resize(n, -1);
                m_failureOf[v] = static_cast<int>(m_failureRng.size()) - 1;
                for (Server& server : s.serverState)
                    server.untilFailure = m_failureRng.back().exponential(s.mtbf);
                continue;
            }
            const double uptime = node.step->availability();
            s.stretch = (uptime > 0 ? 1 / uptime : 1) * g.availableStretch;
        }
        // A FIFO lane's or a pull flow's maximum limits the queue of the step it leads to.
        for (const auto& [id, flow] : map.flows)
            if (flow.fifoMax && model::carriesWork(flow.kind)) {
                const int to = m_vs.indexOf(flow.to);
                if (to != kNoNode && m_state[to].isStep)
                    m_state[to].limit = std::min(m_state[to].limit, *flow.fifoMax);
            }
    }

    DesResult run(double horizon, double warmup, double arrivalsPerDay) {
        DesResult r;
        m_horizon = horizon;
        m_warmup = warmup;
        m_meanGap = m_g.secondsPerDay / arrivalsPerDay;
        const int samples = std::max(1, m_options.samples);
        m_sampleEvery = (horizon - warmup) / samples;
        schedule(firstGap(), EventKind::Arrival, 0, 0);
        schedule(warmup, EventKind::Sample, -1, 0);
        for (int i = 1; i <= samples; ++i)
            schedule(warmup + m_sampleEvery * i, EventKind::Sample, i, 0);
        long long count = 0;
        while (!m_events.empty()) {
            const Event e = m_events.top();
            if (e.t > horizon)
                break;
            m_events.pop();
            m_now = e.t;
            ++count;
            if ((count & (kCheckEvery - 1)) == 0) {
                if (m_control.cancelled()) {
                    r.cancelled = true;
                    return r;
                }
                if (m_control.progress)
                    m_control.progress(m_now / horizon);
            }
            switch (e.kind) {
            case EventKind::Arrival:
                arrive();
                break;
            case EventKind::ServiceDone:
                serviceDone(e.node, e.value);
                break;
            case EventKind::Enter:
                enter(e.value, e.node);
                break;
            case EventKind::Delayed:
                leave(e.value, e.node);
                break;
            case EventKind::Sample:
                sample(e.node);
                break;
            }
        }
        r.events = count;
        finish(r, arrivalsPerDay);
        return r;
    }

private:
    double firstGap() {
        return m_options.arrivals == Arrivals::Poisson ? m_arrivalRng.exponential(m_meanGap)
                                                       : m_meanGap;
    }

    void schedule(double t, EventKind kind, int node, int value) {
        m_events.push(Event{t, m_seq++, kind, node, value});
    }

    int newPiece(double born, int frame) {
        int id;
        if (!m_freePieces.empty()) {
            id = m_freePieces.back();
            m_freePieces.pop_back();
        } else {
            id = static_cast<int>(m_pieces.size());
            m_pieces.emplace_back();
        }
        m_pieces[id] = Piece{born, 0, frame};
        return id;
    }
    void freePiece(int id) { m_freePieces.push_back(id); }

    int newFrame(int join, int remaining, int outer) {
        int id;
        if (!m_freeFrames.empty()) {
            id = m_freeFrames.back();
            m_freeFrames.pop_back();
        } else {
            id = static_cast<int>(m_frames.size());
            m_frames.emplace_back();
        }
        m_frames[id] = Frame{join, remaining, outer};
        return id;
    }

    void setWip(double value) {
        m_wip.advance(m_now, m_warmup);
        m_wip.value = value;
        if (m_now >= m_warmup)
            m_wip.max = std::max(m_wip.max, value);
    }

    void arrive() {
        if (m_now >= m_warmup)
            ++m_arrived;
        setWip(m_wip.value + 1);
        const std::vector<int>& starts = m_g.liveStarts;
        const int piece = newPiece(m_now, -1);
        if (starts.size() == 1) {
            enter(piece, starts[0]);
        } else {
            const int join = m_g.joins[m_vs.nodeCount()];
            split(piece, static_cast<int>(starts.size()), join,
                  [&](int i, int p) { enter(p, starts[i]); });
        }
        const double gap = m_options.arrivals == Arrivals::Poisson
                               ? m_arrivalRng.exponential(m_meanGap)
                               : m_meanGap;
        schedule(m_now + gap, EventKind::Arrival, 0, 0);
    }

    /// Opens a frame and sends the piece and k - 1 copies on.
    template <class Send> void split(int piece, int k, int join, Send send) {
        const int frame = newFrame(join == kNoNode ? kExit : join, k, m_pieces[piece].frame);
        m_pieces[piece].frame = frame;
        std::vector<int> parts{piece};
        for (int i = 1; i < k; ++i)
            parts.push_back(newPiece(m_pieces[piece].born, frame));
        for (int i = 0; i < k; ++i)
            send(i, parts[i]);
    }

    void enter(int piece, int v) {
        // A branch that reaches its join waits there for the others; the last one goes on.
        while (m_pieces[piece].frame >= 0 && m_frames[m_pieces[piece].frame].join == v) {
            Frame& frame = m_frames[m_pieces[piece].frame];
            if (--frame.remaining > 0) {
                freePiece(piece);
                return;
            }
            const int done = m_pieces[piece].frame;
            m_pieces[piece].frame = frame.outer;
            m_freeFrames.push_back(done);
        }
        StepState& s = m_state[v];
        if (s.isStep) {
            touch(v);
            s.queue.push_back(piece);
            m_pieces[piece].queued = m_now;
            s.queueLevel.value = static_cast<double>(s.queue.size());
            if (m_now >= m_warmup)
                s.queueLevel.max = std::max(s.queueLevel.max, s.queueLevel.value);
            tryStart(v);
            return;
        }
        if (m_delay[v] > 0) {
            // A wait with a range draws its time like a step's process time.
            const detail::ThreePoint& time = m_g.work[v];
            const double delay = time.varies() ? time.at(m_serviceRng[v].uniform()) : m_delay[v];
            schedule(m_now + delay, EventKind::Delayed, v, piece);
            return;
        }
        leave(piece, v);
    }

    /// The out-edge a piece leaving v takes (kNoNode at an end; -2 - k for a parallel split).
    int route(int v) {
        const int b = m_vs.outBegin[v];
        const int e = m_vs.outBegin[v + 1];
        if (b == e)
            return kNoNode;
        if (e - b == 1)
            return m_vs.outEdges[b];
        if (!m_vs.alternative[v])
            return kSplit;
        const double u = m_routeRng[v].uniform();
        double cumulative = 0;
        for (int i = b; i < e; ++i) {
            cumulative += m_vs.edges[m_vs.outEdges[i]].share;
            if (u < cumulative)
                return m_vs.outEdges[i];
        }
        return m_vs.outEdges[e - 1];
    }

    void leave(int piece, int v) { move(piece, v, route(v)); }

    void move(int piece, int v, int edge) {
        if (edge == kNoNode) {
            reachEnd(piece);
            return;
        }
        if (edge == kSplit) {
            const int b = m_vs.outBegin[v];
            split(piece, m_vs.outBegin[v + 1] - b, m_g.joins[v],
                  [&](int i, int p) { travel(p, m_vs.outEdges[b + i]); });
            return;
        }
        travel(piece, edge);
    }

    void travel(int piece, int edge) {
        const PathEdge& e = m_vs.edges[edge];
        if (e.wait > 0)
            schedule(m_now + e.wait, EventKind::Enter, e.to, piece);
        else
            enter(piece, e.to);
    }

    void reachEnd(int piece) {
        // A branch whose split never joins: the item is done when its last branch is.
        while (m_pieces[piece].frame >= 0) {
            Frame& frame = m_frames[m_pieces[piece].frame];
            if (--frame.remaining > 0) {
                freePiece(piece);
                return;
            }
            const int done = m_pieces[piece].frame;
            m_pieces[piece].frame = frame.outer;
            m_freeFrames.push_back(done);
        }
        const double born = m_pieces[piece].born;
        freePiece(piece);
        setWip(m_wip.value - 1);
        if (m_now >= m_warmup)
            ++m_completed;
        if (born >= m_warmup)
            m_leadTimes.push_back(m_now - born);
    }

    void touch(int v) {
        StepState& s = m_state[v];
        s.queueLevel.advance(m_now, m_warmup);
        s.busyLevel.advance(m_now, m_warmup);
        s.blockedLevel.advance(m_now, m_warmup);
    }

    double serviceTime(int v) {
        const detail::ThreePoint& work = m_g.work[v];
        Rng& rng = m_serviceRng[v];
        if (m_options.exponentialService)
            return rng.exponential(work.typical());
        return work.varies() ? work.at(rng.uniform()) : work.typical();
    }

    /// The repair time of the breakdowns that fall into `work` seconds of working: the server
    /// stops, is repaired, and resumes where it stopped (failures count working time only).
    double repairs(int v, Server& server, double work) {
        StepState& s = m_state[v];
        Rng& rng = m_failureRng[m_failureOf[v]];
        double down = 0;
        while (server.untilFailure <= work) {
            work -= server.untilFailure;
            down += rng.exponential(s.mttr);
            server.untilFailure = rng.exponential(s.mtbf);
        }
        server.untilFailure -= work;
        if (m_now >= m_warmup)
            s.downSum += down;
        return down;
    }

    void tryStart(int v) {
        StepState& s = m_state[v];
        bool took = false;
        for (int i = 0; i < s.servers && static_cast<int>(s.queue.size()) >= s.batch; ++i) {
            Server& server = s.serverState[i];
            if (server.busy || server.blocked || server.releasing)
                continue;
            touch(v);
            double duration = s.batch > 1 || s.changeover > 0 ? s.changeover : 0;
            server.held.clear();
            for (int k = 0; k < s.batch; ++k) {
                const int piece = s.queue.front();
                s.queue.pop_front();
                if (m_now >= m_warmup) {
                    s.waitSum += m_now - m_pieces[piece].queued;
                    ++s.waitCount;
                }
                server.held.push_back(piece);
                duration += serviceTime(v) * s.stretch;
            }
            if (s.mtbf > 0)
                duration += repairs(v, server, duration);
            server.busy = true;
            s.queueLevel.value = static_cast<double>(s.queue.size());
            s.busyLevel.value += 1;
            schedule(m_now + duration, EventKind::ServiceDone, v, i);
            took = true;
        }
        if (took)
            unblockUpstream(v);
    }

    /// Room in v's queue: the steps held back by it move their finished work in.
    void unblockUpstream(int v) {
        StepState& s = m_state[v];
        while (!s.blockedUpstream.empty() && static_cast<int>(s.queue.size()) < s.limit) {
            const auto [u, i] = s.blockedUpstream.front();
            s.blockedUpstream.pop_front();
            release(u, i);
        }
    }

    void serviceDone(int v, int i) {
        StepState& s = m_state[v];
        Server& server = s.serverState[i];
        touch(v);
        server.busy = false;
        s.busyLevel.value -= 1;
        server.routes.clear();
        for (std::size_t k = 0; k < server.held.size(); ++k)
            server.routes.push_back(route(v));
        release(v, i);
    }

    /// Moves a server's finished pieces on as far as there is room; blocks it otherwise.
    void release(int v, int i) {
        StepState& s = m_state[v];
        Server& server = s.serverState[i];
        server.releasing = true;
        while (!server.held.empty()) {
            const int edge = server.routes.back();
            if (edge >= 0 && m_vs.edges[edge].wait <= 0) {
                StepState& next = m_state[m_vs.edges[edge].to];
                if (next.isStep && static_cast<int>(next.queue.size()) >= next.limit) {
                    if (!server.blocked) {
                        touch(v);
                        server.blocked = true;
                        s.blockedLevel.value += 1;
                    }
                    next.blockedUpstream.emplace_back(v, i);
                    server.releasing = false;
                    return;
                }
            }
            const int piece = server.held.back();
            server.held.pop_back();
            server.routes.pop_back();
            move(piece, v, edge);
        }
        if (server.blocked) {
            touch(v);
            server.blocked = false;
            s.blockedLevel.value -= 1;
        }
        server.releasing = false;
        tryStart(v);
    }

    void sample(int index) {
        const int n = m_vs.nodeCount();
        m_wip.advance(m_now, m_warmup);
        if (index < 0) {
            // The warm-up ends: the maxima start from what stands now.
            m_wip.max = m_wip.value;
            for (int v = 0; v < n; ++v)
                if (m_state[v].isStep)
                    m_state[v].queueLevel.max = m_state[v].queueLevel.value;
            return;
        }
        m_sampleTimes.push_back(m_now);
        m_wipSeries.push_back((m_wip.area - m_wip.sampledArea) / m_sampleEvery);
        m_wip.sampledArea = m_wip.area;
        for (int v = 0; v < n; ++v) {
            StepState& s = m_state[v];
            if (!s.isStep)
                continue;
            touch(v);
            s.queueSeries.push_back((s.queueLevel.area - s.queueLevel.sampledArea) / m_sampleEvery);
            s.queueLevel.sampledArea = s.queueLevel.area;
            s.busySeries.push_back((s.busyLevel.area - s.busySampledArea) /
                                   (m_sampleEvery * s.servers));
            s.busySampledArea = s.busyLevel.area;
        }
    }

    void finish(DesResult& r, double arrivalsPerDay) {
        m_now = m_horizon;
        m_wip.advance(m_now, m_warmup);
        const double window = m_horizon - m_warmup;
        const double days = window / m_g.secondsPerDay;
        r.horizon = m_horizon;
        r.warmup = m_warmup;
        r.arrivalsPerDay = arrivalsPerDay;
        r.arrived = m_arrived;
        r.completed = m_completed;
        r.throughputPerDay = static_cast<double>(m_completed) / days;
        r.wipMean = m_wip.area / window;
        r.wipMax = m_wip.max;
        r.sampleTimes = m_sampleTimes;
        r.wipOverTime = m_wipSeries;
        // Lead times of a queue are correlated: the confidence interval of their mean comes
        // from 20 batches of consecutive items (batch means), not from their spread.
        const double halfWidth = batchMeansHalfWidth();
        r.leadTime = detail::summarise(m_leadTimes, 30);
        r.leadTime.meanHalfWidth = halfWidth;
        const double arrivalRate = arrivalsPerDay / m_g.secondsPerDay;
        double highestLoad = -1;
        double longest = -1;
        for (model::Id id : m_order) {
            const int v = m_vs.indexOf(id);
            if (v == kNoNode)
                continue;
            StepState& s = m_state[v];
            touch(v);
            StepQueue f;
            f.step = id;
            f.name = m_vs.nodes[v].step->name;
            f.servers = s.servers;
            const double work =
                (m_g.work[v].mean() + s.changeover / s.batch) * s.stretch / s.availability;
            const double passes = m_vs.labour.empty() ? 0 : m_vs.labour[v];
            f.offeredLoad = arrivalRate * passes * work / s.servers;
            f.utilisation = s.busyLevel.area / (window * s.servers);
            f.blocked = s.blockedLevel.area / (window * s.servers);
            f.down = s.downSum / (window * s.servers);
            f.availability = s.availability;
            f.breaksDown = s.mtbf > 0;
            f.queueMean = s.queueLevel.area / window;
            f.queueMax = s.queueLevel.max;
            f.waitMean = s.waitCount ? s.waitSum / static_cast<double>(s.waitCount) : 0;
            f.queueOverTime = s.queueSeries;
            f.utilisationOverTime = s.busySeries;
            // A queue grows without bound when the step is offered more work than it can do,
            // or (held back by a full lane downstream) when it clearly keeps growing.
            const std::size_t third = f.queueOverTime.size() / 3;
            double first = 0;
            double last = 0;
            for (std::size_t k = 0; k < third; ++k) {
                first += f.queueOverTime[k];
                last += f.queueOverTime[f.queueOverTime.size() - 1 - k];
            }
            if (third > 0) {
                first /= static_cast<double>(third);
                last /= static_cast<double>(third);
            }
            const bool growing = third > 0 && last > 2 * first + 10;
            f.unbounded = f.offeredLoad >= 1 || growing;
            if (f.unbounded && third > 0)
                f.growthPerDay =
                    (last - first) / (days * static_cast<double>(f.queueOverTime.size() - third) /
                                      static_cast<double>(f.queueOverTime.size()));
            if (f.offeredLoad > highestLoad) {
                highestLoad = f.offeredLoad;
                r.constraint = id;
            }
            const double size = f.unbounded ? 1e300 + f.growthPerDay : f.queueMean;
            if (size > longest) {
                longest = size;
                r.longestQueue = id;
            }
            r.steps.push_back(std::move(f));
        }
        r.valid = true;
    }

    /// From the lead times in completion order (before they are sorted).
    double batchMeansHalfWidth() const {
        constexpr int kBatches = 20;
        const std::size_t n = m_leadTimes.size();
        if (n < kBatches * 2)
            return 0;
        const std::size_t size = n / kBatches;
        double sum = 0;
        double squares = 0;
        for (int b = 0; b < kBatches; ++b) {
            double mean = 0;
            for (std::size_t k = 0; k < size; ++k)
                mean += m_leadTimes[b * size + k];
            mean /= static_cast<double>(size);
            sum += mean;
            squares += mean * mean;
        }
        const double mean = sum / kBatches;
        const double variance = (squares - kBatches * mean * mean) / (kBatches - 1);
        // Student's t with 19 degrees of freedom, 95%.
        return 2.093 * std::sqrt(std::max(0.0, variance) / kBatches);
    }

public:
    /// Steps in the map's order, for the result.
    std::vector<model::Id> m_order;

private:
    static constexpr int kSplit = -3;

    const SimGraph& m_g;
    const detail::ValueStream& m_vs;
    const DesOptions& m_options;
    const RunControl& m_control;
    Rng m_arrivalRng;
    std::vector<Rng> m_serviceRng;
    std::vector<Rng> m_routeRng;
    std::vector<Rng> m_failureRng; ///< per step with breakdowns
    std::vector<int> m_failureOf;  ///< per node: its failure stream, -1: none
    std::vector<StepState> m_state;
    std::vector<double> m_delay;
    std::priority_queue<Event, std::vector<Event>, Later> m_events;
    std::uint64_t m_seq = 0;
    std::vector<Piece> m_pieces;
    std::vector<int> m_freePieces;
    std::vector<Frame> m_frames;
    std::vector<int> m_freeFrames;
    double m_now = 0;
    double m_horizon = 0;
    double m_warmup = 0;
    double m_meanGap = 0;
    double m_sampleEvery = 0;
    Level m_wip;
    long long m_arrived = 0;
    long long m_completed = 0;
    std::vector<double> m_leadTimes;
    std::vector<double> m_sampleTimes;
    std::vector<double> m_wipSeries;
};

} // namespace

DesResult runDiscreteEvent(const model::Project& project, const model::Map& map,
                           const DesOptions& options, const RunControl& control) {
    DesResult result;
    SimGraph g =
        detail::buildSimGraph(project, map, options.distribution.value_or(map.props.distribution));
    result.findings = g.findings;
    if (!g.vs.solved)
        return result;
    detail::Reporter report(project, map, result.findings);
    const double day = g.secondsPerDay;
    const double horizon = options.horizon > 0 ? options.horizon : 90 * day;
    const double arrivals = options.arrivalsPerDay.value_or(g.demandPerDay);
    bool ok = true;
    if (!(arrivals > 0) || !std::isfinite(arrivals)) {
        report.error("simulation_no_demand", model::kNoId,
                     report.describeMap() +
                         " has no customer demand, so no items arrive (set the map's demand)");
        ok = false;
    }
    if (!(options.warmup >= 0) || options.warmup >= horizon) {
        report.error("simulation_warmup", model::kNoId,
                     "The warm-up (" + report.duration(options.warmup) +
                         ") must be shorter than the horizon (" + report.duration(horizon) + ")");
        ok = false;
    }
    if (g.liveStarts.empty()) {
        report.error("simulation_nothing_to_walk", model::kNoId,
                     report.describeMap() + " has no path from a start to an end to simulate");
        ok = false;
    }
    if (!ok)
        return result;
    // An expected arrival count this large would not fit in memory as lead times.
    if (horizon / day * arrivals > 5e7) {
        report.error("simulation_too_large", model::kNoId,
                     "The run would bring " + model::formatNumber(horizon / day * arrivals, 0) +
                         " items; shorten the horizon (at most 50 million items)");
        return result;
    }
    Engine engine(g, options, map, control);
    engine.m_order = stepsInFlowOrder(project, map);
    DesResult run = engine.run(horizon, options.warmup, arrivals);
    run.findings = std::move(result.findings);
    if (run.cancelled) {
        run.valid = false;
        return run;
    }
    for (const StepQueue& step : run.steps)
        if (step.unbounded)
            detail::Reporter(project, map, run.findings)
                .warning("simulation_unbounded_queue", step.step,
                         detail::describe(map, step.step) + " cannot keep up: offered load " +
                             model::formatPercent(step.offeredLoad) +
                             " of its capacity, its queue grows without bound");
    return run;
}

} // namespace gemba::metrics
