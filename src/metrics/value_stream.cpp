#include "value_stream.h"

#include "checks.h"
#include "gemba/model/names.h"
#include "gemba/model/text.h"
#include "gemba/model/units.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <functional> // std::greater
#include <queue>
#include <span>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace gemba::metrics::detail {

namespace {

using model::ElementKind;
using model::Id;

// Relaxation budgets (one relaxation: one edge looked at). A rework loop whose return share
// is a hair below 1 needs more sweeps than this; it does not exit in any useful sense.
constexpr long long kSolveBudget = 50'000'000;
constexpr long long kLabourBudget = 5'000'000;
// Labour values beyond this mean the parallel work inside a loop does not add up.
constexpr double kLabourDiverged = 1e15;

/// The Gauss-Seidel stopping rule: the change is below 1e-12 of the value (or of 1).
bool settled(double before, double after) {
    return std::abs(after - before) <= 1e-12 * std::max(1.0, std::abs(after));
}

/// Whether a branch beats the best so far clearly enough to displace it. Branches are looked
/// at in flow id order, so among (numerically) equal branches the lowest flow id wins.
bool clearlyAbove(double candidate, double best) {
    return candidate > best + 1e-10 * std::max(1.0, std::abs(best));
}

std::vector<Id> idsOf(const ValueStream& vs, std::span<const int> nodes) {
    std::vector<Id> ids;
    ids.reserve(nodes.size());
    for (int v : nodes)
        ids.push_back(vs.nodes[v].id);
    std::sort(ids.begin(), ids.end());
    return ids;
}

/// The first step among the nodes (by id), else the first node: the element a loop finding
/// points at.
Id firstStepOr(const ValueStream& vs, std::span<const int> nodes) {
    Id first = model::kNoId;
    Id firstStep = model::kNoId;
    for (int v : nodes) {
        const Id id = vs.nodes[v].id;
        if (first == model::kNoId || id < first)
            first = id;
        if (vs.nodes[v].step && (firstStep == model::kNoId || id < firstStep))
            firstStep = id;
    }
    return firstStep != model::kNoId ? firstStep : first;
}

// ---------------------------------------------------------------------------------------
// Building the graph

char lowered(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

/// Roles are one team when they match trimmed and case-insensitively: "Sales " and "sales".
struct RoleHash {
    std::size_t operator()(std::string_view text) const {
        std::size_t hash = 1469598103934665603ull;
        for (char c : text)
            hash = (hash ^ static_cast<unsigned char>(lowered(c))) * 1099511628211ull;
        return hash;
    }
};
struct RoleEqual {
    bool operator()(std::string_view a, std::string_view b) const {
        return a.size() == b.size() &&
               std::equal(a.begin(), a.end(), b.begin(),
                          [](char x, char y) { return lowered(x) == lowered(y); });
    }
};

/// Asks for every cache line of an object: the next element of a walk is read while the
/// current one is worked on, instead of one wait for memory after the other.
template <class T> void prefetchObject(const T& object) {
    const char* base = reinterpret_cast<const char*>(&object);
    for (std::size_t line = 0; line < sizeof(T); line += 64)
        __builtin_prefetch(base + line);
}

/// Reads each element's contents once, while the nodes are built: checks, node times, and
/// what the figures need from each step.
class ElementReader {
public:
    ElementReader(Reporter& report, ValueStream& vs)
        : m_report(report)
        , m_vs(vs)
        , m_project(report.project())
        , m_calendar(m_project.props.calendar)
        , m_demandPerDay(report.map().demandPerDay(m_calendar))
        , m_index(m_project)
        , m_personUsed(m_index.people.size(), 0)
        , m_systemUsed(m_index.systems.size(), 0) {}

    void step(int v, const model::Step& step) {
        checkStep(m_report, step);
        if (!step.processTime)
            m_report.warning("missing_process_time", step.id,
                             m_report.describe(step.id) + " has no process time; it counts as 0");
        const double pt = step.processTime.value_or(0);
        m_vs.pt[v] = pt;
        m_vs.lt[v] = step.leadTime.value_or(pt);
        if (step.cycleTime) {
            m_vs.ct[v] = *step.cycleTime;
        } else {
            // Several people share the work; downtime stretches it.
            const double divisor = step.headcount * step.availability();
            m_vs.ct[v] = divisor > 0 ? pt / divisor : 0;
        }
        if (step.pca)
            m_vs.pca[v] = *step.pca / 100;
        m_vs.valueAdding[v] = step.value == model::ValueClass::ValueAdding;
        if (const std::string_view role = model::trim(step.role); !role.empty()) {
            auto [it, added] = m_roleIds.try_emplace(role, static_cast<int>(m_vs.roles.size()));
            if (added)
                m_vs.roles.emplace_back(role);
            m_vs.roleOf[v] = it->second;
        }
        const std::optional<double> rate =
            checkPeopleAndSystems(m_report, step, m_index, m_personUsed, m_systemUsed);
        if (!step.frictions.empty()) {
            double minutesPerWeek = 0;
            for (const model::Friction& friction : step.frictions)
                minutesPerWeek += friction.minutesPerOccurrence * friction.occurrencesPerWeek;
            const double hours = minutesPerWeek / 60 * step.headcount;
            // The step's rate: its people's average cost, else the project's default.
            m_vs.frictionHours += hours;
            m_vs.frictionCost += hours * rate.value_or(m_project.props.defaultHourlyRate);
        }
    }

    void wait(int v, const model::Wait& wait) {
        checkWait(m_report, wait);
        if (wait.kind == model::WaitKind::Time) {
            if (!wait.time)
                m_report.warning("wait_without_time", wait.id,
                                 m_report.describe(wait.id) +
                                     " has no waiting time; it counts as 0");
            m_vs.lt[v] = wait.time.value_or(0);
            return;
        }
        if (!wait.quantity)
            m_report.warning("inventory_without_quantity", wait.id,
                             m_report.describe(wait.id) + " has no quantity; it counts as 0");
        if (!m_demandPerDay) {
            // Office maps often count the items in a queue and have no demand: the count stays
            // on the map and the figures are still worked out, without this inventory's time.
            m_report.warning("inventory_without_demand", wait.id,
                             m_report.describe(wait.id) +
                                 ": the map has no customer demand, so the inventory stays a "
                                 "count of items and is left out of the lead time (set the "
                                 "map's demand to count its time)");
            m_vs.lt[v] = 0;
            return;
        }
        // Items waiting / items used per working day = working days of waiting.
        m_vs.lt[v] = wait.quantity.value_or(0) / *m_demandPerDay * m_calendar.secondsPerDay();
    }

    /// The people and systems the steps use, ascending.
    void finish() {
        for (std::size_t i = 0; i < m_index.people.size(); ++i)
            if (m_personUsed[i])
                m_vs.people.push_back(m_index.people[i]);
        for (std::size_t i = 0; i < m_index.systems.size(); ++i)
            if (m_systemUsed[i])
                m_vs.systems.push_back(m_index.systems[i]);
    }

private:
    Reporter& m_report;
    ValueStream& m_vs;
    const model::Project& m_project;
    const model::Calendar& m_calendar;
    const std::optional<double> m_demandPerDay;
    const ProjectIndex m_index;
    std::vector<char> m_personUsed;
    std::vector<char> m_systemUsed;
    std::unordered_map<std::string_view, int, RoleHash, RoleEqual> m_roleIds;
};

/// The id lookup: a direct table when the ids are dense enough (they come from one counter
/// per project), else sorted pairs. Two elements with one id are an error.
void indexNodes(Reporter& report, ValueStream& vs, std::size_t flowCount) {
    if (vs.nodes.empty())
        return;
    Id low = vs.nodes.front().id;
    Id high = low;
    for (const PathNode& node : vs.nodes) {
        low = std::min(low, node.id);
        high = std::max(high, node.id);
    }
    const auto duplicate = [&](int first, int second) {
        const PathNode& a = vs.nodes[first];
        const PathNode& b = vs.nodes[second];
        report.error("duplicate_id", a.id,
                     "Id #" + std::to_string(a.id) + " is used by a " +
                         std::string(model::nameOf(a.kind)) + " and a " +
                         std::string(model::nameOf(b.kind)) + "; every element needs its own id");
    };
    if (high - low < 8 * (vs.nodes.size() + flowCount) + 1024) {
        vs.lookupBase = low;
        vs.lookup.assign(static_cast<std::size_t>(high - low) + 1, kNoNode);
        for (int v = 0; v < vs.nodeCount(); ++v) {
            int& slot = vs.lookup[vs.nodes[v].id - low];
            if (slot == kNoNode)
                slot = v;
            else
                duplicate(slot, v);
        }
        return;
    }
    vs.sortedIds.reserve(vs.nodes.size());
    for (int v = 0; v < vs.nodeCount(); ++v)
        vs.sortedIds.emplace_back(vs.nodes[v].id, v);
    std::sort(vs.sortedIds.begin(), vs.sortedIds.end());
    std::size_t kept = 0;
    for (std::size_t i = 0; i < vs.sortedIds.size(); ++i) {
        if (kept > 0 && vs.sortedIds[kept - 1].first == vs.sortedIds[i].first) {
            duplicate(vs.sortedIds[kept - 1].second, vs.sortedIds[i].second);
            continue;
        }
        vs.sortedIds[kept++] = vs.sortedIds[i];
    }
    vs.sortedIds.resize(kept);
}

/// What the graph needs from a flow, copied while the walk has it in cache.
struct FlowRecord {
    const model::Flow* flow;
    Id id;
    Id from;
    Id to;
    double share;
    double wait;
    bool hasShare;
    bool carriesWork;
    bool needsCheck;
};

FlowRecord recordOf(const model::Flow& flow) {
    return {&flow,
            flow.id,
            flow.from,
            flow.to,
            flow.share.value_or(0),
            flow.wait.value_or(0),
            flow.share.has_value(),
            model::carriesWork(flow.kind),
            flowNeedsCheck(flow)};
}

/// Nodes in collection order, steps first: each collection is in id order, so the steps
/// are nodes 0 .. steps - 1 in id order. The walk reads every element as it goes.
void buildNodes(Reporter& report, ValueStream& vs, std::vector<FlowRecord>& flows) {
    const model::Map& map = report.map();
    const std::size_t n = map.steps.size() + map.waits.size() + map.parties.size();
    vs.nodes.reserve(n);
    vs.stepNodes.reserve(map.steps.size());
    vs.pt.assign(n, 0);
    vs.lt.assign(n, 0);
    vs.ct.assign(n, 0);
    vs.roleOf.assign(n, kNoNode);
    vs.pca.assign(n, 1);
    vs.valueAdding.assign(n, 0);
    flows.reserve(map.flows.size());
    ElementReader reader(report, vs);
    // The steps and the flows are walked side by side: each walk is a chain of waits for
    // memory (the next tree node is known only once the current one has arrived), and two
    // independent chains wait at the same time. The flows are only collected here.
    auto step = map.steps.begin();
    auto flow = map.flows.begin();
    while (step != map.steps.end() || flow != map.flows.end()) {
        if (flow != map.flows.end()) {
            flows.push_back(recordOf(flow->second));
            ++flow;
            if (flow != map.flows.end())
                prefetchObject(*flow);
        }
        if (step == map.steps.end())
            continue;
        const auto next = std::next(step);
        if (next != map.steps.end())
            prefetchObject(*next);
        const int v = vs.nodeCount();
        vs.nodes.push_back({step->first, ElementKind::Step, &step->second, nullptr, nullptr});
        vs.stepNodes.push_back(v);
        reader.step(v, step->second);
        if (next != map.steps.end()) {
            // By now the next step's object has arrived: ask for its lists too.
            __builtin_prefetch(next->second.people.data());
            __builtin_prefetch(next->second.systems.data());
        }
        step = next;
    }
    for (const auto& [id, wait] : map.waits) {
        const int v = vs.nodeCount();
        vs.nodes.push_back({id, ElementKind::Wait, nullptr, &wait, nullptr});
        reader.wait(v, wait);
    }
    for (const auto& [id, party] : map.parties)
        vs.nodes.push_back({id,
                            party.kind == model::PartyKind::Supplier ? ElementKind::Supplier
                                                                     : ElementKind::Customer,
                            nullptr, nullptr, &party});
    reader.finish();
    indexNodes(report, vs, map.flows.size());
}

/// Counting sort of edge indices by one end: CSR arrays, flow id order kept within a node,
/// with the node at the other end beside each edge (most passes need only that).
void buildAdjacency(int nodeCount, const std::vector<PathEdge>& edges, bool byFrom,
                    std::vector<int>& begin, std::vector<int>& list, std::vector<int>& other) {
    begin.assign(static_cast<std::size_t>(nodeCount) + 1, 0);
    for (const PathEdge& e : edges)
        ++begin[static_cast<std::size_t>(byFrom ? e.from : e.to) + 1];
    for (int v = 0; v < nodeCount; ++v)
        begin[v + 1] += begin[v];
    list.assign(edges.size(), 0);
    other.assign(edges.size(), 0);
    std::vector<int> next(begin.begin(), begin.end() - 1);
    for (int e = 0; e < static_cast<int>(edges.size()); ++e) {
        const int slot = next[byFrom ? edges[e].from : edges[e].to]++;
        list[slot] = e;
        other[slot] = byFrom ? edges[e].to : edges[e].from;
    }
}

/// The flows, in id order, checked and resolved to path edges.
void buildEdges(Reporter& report, ValueStream& vs, const std::vector<FlowRecord>& flows) {
    const model::Map& map = report.map();
    // Ends that are not path nodes may still be drawn elements (info boxes, notes...).
    const auto placedElsewhere = [&](Id id) {
        return map.infoBoxes.contains(id) || map.notes.contains(id) || map.redPens.contains(id);
    };
    vs.edges.reserve(flows.size());
    for (const FlowRecord& flow : flows) {
        const Id id = flow.id;
        if (flow.needsCheck)
            checkFlow(report, *flow.flow);
        const int from = vs.indexOf(flow.from);
        const int to = vs.indexOf(flow.to);
        const Id missing = from == kNoNode && !placedElsewhere(flow.from) ? flow.from
                           : to == kNoNode && !placedElsewhere(flow.to)   ? flow.to
                                                                          : model::kNoId;
        if (missing != model::kNoId || flow.from == model::kNoId || flow.to == model::kNoId) {
            report.error("flow_dangling", id,
                         report.describe(id) + ": its end #" + std::to_string(missing) +
                             " is not an element drawn on this map");
            continue;
        }
        if (!flow.carriesWork || from == kNoNode || to == kNoNode)
            continue;
        vs.edges.push_back({from, to, id, flow.hasShare, flow.share, flow.wait});
    }
    buildAdjacency(vs.nodeCount(), vs.edges, true, vs.outBegin, vs.outEdges, vs.outTo);
    buildAdjacency(vs.nodeCount(), vs.edges, false, vs.inBegin, vs.inEdges, vs.inFrom);
}

void checkSplits(Reporter& report, ValueStream& vs) {
    const int n = vs.nodeCount();
    vs.alternative.assign(n, 0);
    for (int v = 0; v < n; ++v) {
        int shared = 0;
        int plain = 0;
        bool inRange = true;
        double sum = 0;
        for (int i = vs.outBegin[v]; i < vs.outBegin[v + 1]; ++i) {
            const PathEdge& edge = vs.edges[vs.outEdges[i]];
            if (!edge.hasShare) {
                ++plain;
                continue;
            }
            ++shared;
            inRange = inRange && edge.share >= 0 && edge.share <= 1; // reported per flow
            sum += edge.share;
        }
        const Id id = vs.nodes[v].id;
        if (shared > 0 && plain > 0) {
            report.error("shares_mixed", id,
                         report.describe(id) +
                             ": some of its outgoing work flows have a share and some do not; "
                             "give every one a share (alternative routes) or none (parallel "
                             "work)");
            continue;
        }
        if (shared > 0 && inRange && std::abs(sum - 1) > 1e-6)
            report.error("shares_sum", id,
                         report.describe(id) +
                             ": the shares of its outgoing work flows add up "
                             "to " +
                             model::formatNumber(sum, 6) + ", not 1");
        vs.alternative[v] = shared > 0 ? 1 : 0;
    }
}

void findStarts(Reporter& report, ValueStream& vs) {
    const int n = vs.nodeCount();
    for (int v = 0; v < n; ++v)
        if (vs.nodes[v].kind == ElementKind::Supplier && vs.outDegree(v) > 0)
            vs.starts.push_back(v);
    if (vs.starts.empty())
        for (int v = 0; v < n; ++v)
            if (vs.inBegin[v + 1] == vs.inBegin[v] && vs.outDegree(v) > 0)
                vs.starts.push_back(v);
    // Ties between starts go to the lowest id.
    std::sort(vs.starts.begin(), vs.starts.end(),
              [&](int a, int b) { return vs.nodes[a].id < vs.nodes[b].id; });
    // A map without a single work flow is a value stream of one step, its first (lowest id):
    // it starts and ends there. A step dropped beside it and not yet joined is left out with
    // a not_connected warning, and the first step keeps its figures. (With flows, a map
    // whose flows have no entry at all is a loop with no way in: no_start says so.)
    if (vs.starts.empty() && vs.edges.empty() && !vs.stepNodes.empty())
        vs.starts.push_back(vs.stepNodes[0]);
    if (vs.starts.empty() && !report.map().steps.empty())
        report.error("no_start", model::kNoId,
                     report.describeMap() +
                         " has no start: draw a work flow (push, pull, FIFO or shipment) from a "
                         "supplier or from the first step to the next");
}

/// Steps and waits where work stops although the stream goes on elsewhere: every such end
/// when the map has a customer, else every one of several ends. Each is a finding: a
/// branch that ends in a step has no visits, so its times would silently count for nothing.
void findDeadEnds(Reporter& report, const ValueStream& vs, const std::vector<char>& reached) {
    std::vector<int> ends;
    bool customerEnds = false;
    for (int v = 0; v < vs.nodeCount(); ++v) {
        // A customer on the map is where the stream should end, joined yet or not.
        if (vs.nodes[v].kind == ElementKind::Customer)
            customerEnds = true;
        if (!reached[v] || vs.outDegree(v) != 0)
            continue;
        if (vs.nodes[v].kind == ElementKind::Step || vs.nodes[v].kind == ElementKind::Wait)
            ends.push_back(v);
    }
    if (ends.empty() || (!customerEnds && ends.size() == 1))
        return;
    std::vector<Id> others;
    for (int v : ends)
        others.push_back(vs.nodes[v].id);
    for (int v : ends) {
        const Id id = vs.nodes[v].id;
        if (customerEnds) {
            report.warning("dead_end", id,
                           report.describe(id) +
                               " is a dead end: work stops there although the value stream "
                               "ends at its customer; join it to the next step");
        } else {
            std::vector<Id> rest;
            for (Id other : others)
                if (other != id)
                    rest.push_back(other);
            report.warning("dead_end", id,
                           report.describe(id) +
                               " is one of several ends of the value stream "
                               "(also " +
                               describeList(report.map(), rest) +
                               "); join the branches again or lead them to the customer");
        }
    }
}

/// A map whose work flows fall apart into separate chains (after a flow in the middle is
/// deleted, say) measures one chain only: said once, naming where each other chain begins.
void findSeparateChains(Reporter& report, const ValueStream& vs) {
    const int n = vs.nodeCount();
    std::vector<int> parent(n);
    for (int v = 0; v < n; ++v)
        parent[v] = v;
    const auto root = [&parent](int v) {
        while (parent[v] != v)
            v = parent[v] = parent[parent[v]];
        return v;
    };
    for (const PathEdge& e : vs.edges)
        parent[root(e.from)] = root(e.to);
    // The first node (by position in the node list: steps by id first) of each chain.
    std::vector<int> firstOf(n, kNoNode);
    std::vector<int> chains;
    for (int v = 0; v < n; ++v) {
        if (vs.outDegree(v) == 0 && vs.inBegin[v + 1] == vs.inBegin[v])
            continue; // not joined to anything: not_connected or no_start says so
        const int r = root(v);
        if (firstOf[r] == kNoNode) {
            firstOf[r] = v;
            chains.push_back(v);
        }
    }
    if (chains.size() < 2)
        return;
    std::vector<Id> firsts;
    for (int v : chains)
        firsts.push_back(vs.nodes[v].id);
    report.warning("separate_chains", vs.nodes[chains[1]].id,
                   report.describeMap() + " falls apart into " + std::to_string(chains.size()) +
                       " separate chains (through " + describeList(report.map(), firsts) +
                       "); only one is measured: join them with a work flow");
}

/// Live nodes: reached from a start and reaching an end. The rest get a warning.
void findLive(Reporter& report, ValueStream& vs) {
    const int n = vs.nodeCount();
    std::vector<char> reached(n, 0);
    std::vector<char> ending(n, 0);
    std::vector<int> queue;
    queue.reserve(n);
    for (int s : vs.starts) {
        reached[s] = 1;
        queue.push_back(s);
    }
    for (std::size_t head = 0; head < queue.size(); ++head) {
        const int v = queue[head];
        for (int i = vs.outBegin[v]; i < vs.outBegin[v + 1]; ++i) {
            const int w = vs.outTo[i];
            if (!reached[w]) {
                reached[w] = 1;
                queue.push_back(w);
            }
        }
    }
    queue.clear();
    for (int v = 0; v < n; ++v)
        if (vs.outDegree(v) == 0) {
            ending[v] = 1;
            queue.push_back(v);
        }
    for (std::size_t head = 0; head < queue.size(); ++head) {
        const int v = queue[head];
        for (int i = vs.inBegin[v]; i < vs.inBegin[v + 1]; ++i) {
            const int u = vs.inFrom[i];
            if (!ending[u]) {
                ending[u] = 1;
                queue.push_back(u);
            }
        }
    }
    if (!vs.starts.empty()) {
        findDeadEnds(report, vs, reached);
        findSeparateChains(report, vs);
    }
    vs.live.assign(n, 0);
    for (int v = 0; v < n; ++v) {
        vs.live[v] = reached[v] && ending[v];
        // Without any start nothing is connected; the no_start error says it once.
        if (vs.live[v] || vs.starts.empty())
            continue;
        const Id id = vs.nodes[v].id;
        report.warning("not_connected", id,
                       report.describe(id) +
                           (reached[v] ? " leads to no end of the value stream; it is left out "
                                         "of the figures"
                                       : " is not connected to the value stream: no work flow "
                                         "from the start reaches it; it is left out of the "
                                         "figures"));
    }
}

/// Tarjan's strongly connected components over the edges `keep` accepts, from `roots` in
/// order. Iterative: a path of ten thousand steps must not exhaust the call stack.
template <class Keep>
Components tarjan(const ValueStream& vs, const std::vector<int>& roots, Keep keep) {
    const int n = vs.nodeCount();
    Components out;
    out.of.assign(n, kNoNode);
    out.nodes.reserve(roots.size());
    out.begin.reserve(roots.size() + 1);
    out.cyclic.reserve(roots.size());
    out.begin.push_back(0);
    std::vector<int> index(n, -1);
    std::vector<int> low(n, 0);
    std::vector<char> onStack(n, 0);
    std::vector<int> stack;
    std::vector<std::pair<int, int>> calls; // node, next out-edge position
    int counter = 0;
    const auto enter = [&](int v) {
        index[v] = low[v] = counter++;
        stack.push_back(v);
        onStack[v] = 1;
        calls.emplace_back(v, vs.outBegin[v]);
    };
    for (int root : roots) {
        if (index[root] >= 0)
            continue;
        enter(root);
        while (!calls.empty()) {
            const int v = calls.back().first;
            if (calls.back().second < vs.outBegin[v + 1]) {
                const int slot = calls.back().second++;
                if (!keep(vs.outEdges[slot]))
                    continue;
                const int w = vs.outTo[slot];
                if (index[w] < 0)
                    enter(w);
                else if (onStack[w])
                    low[v] = std::min(low[v], index[w]);
                continue;
            }
            calls.pop_back();
            if (low[v] == index[v]) {
                const int component = out.count();
                int size = 0;
                int w = kNoNode;
                do {
                    w = stack.back();
                    stack.pop_back();
                    onStack[w] = 0;
                    out.of[w] = component;
                    out.nodes.push_back(w);
                    ++size;
                } while (w != v);
                bool cyclic = size > 1;
                for (int i = vs.outBegin[v]; !cyclic && i < vs.outBegin[v + 1]; ++i)
                    cyclic = vs.outTo[i] == v && keep(vs.outEdges[i]);
                out.cyclic.push_back(cyclic ? 1 : 0);
                out.begin.push_back(static_cast<int>(out.nodes.size()));
            }
            if (!calls.empty()) {
                const int u = calls.back().first;
                low[u] = std::min(low[u], low[v]);
            }
        }
    }
    return out;
}

std::span<const int> membersOf(const Components& components, int c) {
    return {components.nodes.data() + components.begin[c],
            components.nodes.data() + components.begin[c + 1]};
}

/// Loops whose flows carry no share, and loops that items can never leave.
void checkLoops(Reporter& report, ValueStream& vs) {
    const Components& comps = vs.components;
    std::vector<int> roots;
    for (int c = 0; c < comps.count(); ++c)
        if (comps.cyclic[c])
            for (int i = comps.begin[c]; i < comps.begin[c + 1]; ++i)
                roots.push_back(comps.nodes[i]);
    if (roots.empty())
        return;

    // A cycle of flows without shares has no way to weigh how often it repeats.
    const Components plain = tarjan(vs, roots, [&](int e) {
        const PathEdge& edge = vs.edges[e];
        return !edge.hasShare && comps.of[edge.from] == comps.of[edge.to];
    });
    std::vector<char> reported(comps.count(), 0);
    for (int k = 0; k < plain.count(); ++k) {
        if (!plain.cyclic[k])
            continue;
        const std::span<const int> members = membersOf(plain, k);
        reported[comps.of[members.front()]] = 1;
        report.error("loop_without_share", firstStepOr(vs, members),
                     "Loop without shares through " +
                         describeList(report.map(), idsOf(vs, members)) +
                         ": give the flow that goes back a share (the part of the items that "
                         "return) and the flow out of the loop the rest");
    }

    // The part of a loop that items cannot leave: the largest set in which every OR split
    // keeps all its (non-zero) shares inside and every AND split has a branch inside. When it
    // is not empty the expected lead time is infinite; when it is, every item leaves.
    const int n = vs.nodeCount();
    std::vector<char> inside(n, 0);
    std::vector<int> branchesInside(n, 0);
    std::vector<int> removed;
    for (int c = 0; c < comps.count(); ++c) {
        if (!comps.cyclic[c] || reported[c])
            continue;
        const std::span<const int> members = membersOf(comps, c);
        for (int v : members)
            inside[v] = 1;
        removed.clear();
        for (int v : members) {
            bool leaves = false;
            int count = 0;
            for (int i = vs.outBegin[v]; i < vs.outBegin[v + 1]; ++i) {
                const PathEdge& edge = vs.edges[vs.outEdges[i]];
                const bool in = comps.of[edge.to] == c;
                count += in ? 1 : 0;
                leaves = leaves || (!in && edge.share > 0);
            }
            branchesInside[v] = count;
            if (vs.alternative[v] ? leaves : count == 0) {
                inside[v] = 0;
                removed.push_back(v);
            }
        }
        for (std::size_t head = 0; head < removed.size(); ++head) {
            const int x = removed[head];
            for (int i = vs.inBegin[x]; i < vs.inBegin[x + 1]; ++i) {
                const PathEdge& edge = vs.edges[vs.inEdges[i]];
                const int u = edge.from;
                if (!inside[u])
                    continue;
                if (vs.alternative[u] ? edge.share > 0 : --branchesInside[u] == 0) {
                    inside[u] = 0;
                    removed.push_back(u);
                }
            }
        }
        std::vector<int> trapped;
        for (int v : members) {
            if (inside[v])
                trapped.push_back(v);
            inside[v] = 0;
        }
        if (!trapped.empty())
            report.error("loop_never_exits", firstStepOr(vs, trapped),
                         "Items never leave the loop through " +
                             describeList(report.map(), idsOf(vs, trapped)) +
                             ": give a flow out of the loop a share above 0");
    }
}

// ---------------------------------------------------------------------------------------
// Solving

/// lt(v) + combine over out-edges of (wait + L(w)): share-weighted sum for an OR split, the
/// largest branch for an AND split (recording which one).
double expectedFrom(ValueStream& vs, int v) {
    const int b = vs.outBegin[v];
    const int e = vs.outBegin[v + 1];
    if (b == e)
        return vs.lt[v];
    if (vs.alternative[v]) {
        double sum = 0;
        for (int i = b; i < e; ++i) {
            const PathEdge& edge = vs.edges[vs.outEdges[i]];
            sum += edge.share * (edge.wait + vs.expected[edge.to]);
        }
        return vs.lt[v] + sum;
    }
    int best = kNoNode;
    double bestValue = 0;
    for (int i = b; i < e; ++i) {
        const PathEdge& edge = vs.edges[vs.outEdges[i]];
        const double value = edge.wait + vs.expected[edge.to];
        if (best == kNoNode || clearlyAbove(value, bestValue)) {
            best = vs.outEdges[i];
            bestValue = value;
        }
    }
    vs.chosen[v] = best;
    return vs.lt[v] + bestValue;
}

void reportUnsettled(Reporter& report, const ValueStream& vs, std::span<const int> members) {
    report.error("loop_never_exits", firstStepOr(vs, members),
                 "The loop through " + describeList(report.map(), idsOf(vs, members)) +
                     " does not settle: nearly every item goes round again (check the shares "
                     "of the flows that go back)");
}

/// L(v) for every live node, components in reverse topological order; Gauss-Seidel inside
/// a loop. False (with an error) when a loop does not settle.
bool solveExpected(Reporter& report, ValueStream& vs) {
    const Components& comps = vs.components;
    vs.expected.assign(vs.nodeCount(), 0);
    vs.chosen.assign(vs.nodeCount(), kNoNode);
    long long budget = kSolveBudget;
    for (int c = 0; c < comps.count(); ++c) {
        const int* first = comps.nodes.data() + comps.begin[c];
        const int* last = comps.nodes.data() + comps.begin[c + 1];
        if (!vs.live[*first])
            continue;
        if (!comps.cyclic[c]) {
            vs.expected[*first] = expectedFrom(vs, *first);
            continue;
        }
        // Members are stored latest discovered first: downstream nodes tend to come first,
        // which is the good order for a backward sweep.
        for (bool done = false; !done;) {
            done = true;
            for (const int* p = first; p != last; ++p) {
                const double value = expectedFrom(vs, *p);
                done = done && settled(vs.expected[*p], value);
                vs.expected[*p] = value;
                budget -= vs.outDegree(*p) + 1;
            }
            if (!done && (budget < 0 || !std::isfinite(vs.expected[*first]))) {
                reportUnsettled(report, vs, membersOf(comps, c));
                return false;
            }
        }
    }
    return true;
}

void chooseStart(ValueStream& vs) {
    for (int s : vs.starts) {
        if (!vs.live[s])
            continue;
        if (vs.start == kNoNode || clearlyAbove(vs.expected[s], vs.expected[vs.start]))
            vs.start = s;
    }
}

/// Visits along the critical path, components in topological order.
bool solveVisits(Reporter& report, ValueStream& vs) {
    const Components& comps = vs.components;
    vs.visits.assign(vs.nodeCount(), 0);
    vs.edgeVisits.assign(vs.edges.size(), 0);
    const auto update = [&vs](int v) {
        double sum = v == vs.start ? 1 : 0;
        for (int i = vs.inBegin[v]; i < vs.inBegin[v + 1]; ++i)
            sum += vs.edgeVisits[vs.inEdges[i]];
        for (int i = vs.outBegin[v]; i < vs.outBegin[v + 1]; ++i)
            vs.edgeVisits[vs.outEdges[i]] = sum * vs.criticalFactor(vs.outEdges[i]);
        return sum;
    };
    long long budget = kSolveBudget;
    for (int c = comps.count() - 1; c >= 0; --c) {
        const int* first = comps.nodes.data() + comps.begin[c];
        const int* last = comps.nodes.data() + comps.begin[c + 1];
        if (!vs.live[*first])
            continue;
        if (!comps.cyclic[c]) {
            vs.visits[*first] = update(*first);
            continue;
        }
        for (bool done = false; !done;) {
            done = true;
            for (const int* p = last; p != first;) {
                const int v = *--p; // earliest discovered first: the forward order
                const double value = update(v);
                done = done && settled(vs.visits[v], value);
                vs.visits[v] = value;
                budget -= (vs.inBegin[v + 1] - vs.inBegin[v]) + vs.outDegree(v) + 1;
            }
            if (!done && (budget < 0 || !std::isfinite(vs.visits[*first]))) {
                reportUnsettled(report, vs, membersOf(comps, c));
                return false;
            }
        }
    }
    return true;
}

/// Immediate post-dominators over the live graph plus a virtual exit X (after every end) and
/// a virtual root R (before every start), by Cooper, Harvey and Kennedy's iterative
/// dominator algorithm on the reversed graph. Index n is X, n + 1 is R; -1: none.
std::vector<int> postDominators(const ValueStream& vs, const std::vector<char>& isStart) {
    const int n = vs.nodeCount();
    const int exit = n;
    const int root = n + 1;
    std::vector<int> ends;
    for (int v = 0; v < n; ++v)
        if (vs.live[v] && vs.outDegree(v) == 0)
            ends.push_back(v);

    // Successors in the reversed graph: X -> ends; v -> live predecessors of v, and R when v
    // is a start; R -> nothing.
    const auto successorCount = [&](int u) {
        if (u == exit)
            return static_cast<int>(ends.size());
        if (u == root)
            return 0;
        return vs.inBegin[u + 1] - vs.inBegin[u] + (isStart[u] ? 1 : 0);
    };
    const auto successor = [&](int u, int i) {
        if (u == exit)
            return ends[i];
        const int inDegree = vs.inBegin[u + 1] - vs.inBegin[u];
        return i < inDegree ? vs.inFrom[vs.inBegin[u] + i] : root;
    };

    std::vector<int> postorder(n + 2, -1);
    std::vector<int> reversePostorder;
    std::vector<char> seen(n + 2, 0);
    std::vector<std::pair<int, int>> calls{{exit, 0}};
    seen[exit] = 1;
    int counter = 0;
    while (!calls.empty()) {
        const int u = calls.back().first;
        if (calls.back().second < successorCount(u)) {
            const int w = successor(u, calls.back().second++);
            if (!seen[w] && (w == root || vs.live[w])) {
                seen[w] = 1;
                calls.emplace_back(w, 0);
            }
            continue;
        }
        postorder[u] = counter++;
        reversePostorder.push_back(u);
        calls.pop_back();
    }
    std::reverse(reversePostorder.begin(), reversePostorder.end());

    std::vector<int> idom(n + 2, -1);
    idom[exit] = exit;
    const auto intersect = [&](int a, int b) {
        while (a != b) {
            while (postorder[a] < postorder[b])
                a = idom[a];
            while (postorder[b] < postorder[a])
                b = idom[b];
        }
        return a;
    };
    // Without loops every node's successors come before it in this order: one sweep is
    // final. With loops, sweep until nothing changes.
    bool acyclic = true;
    for (int c = 0; c < vs.components.count() && acyclic; ++c)
        acyclic = !vs.components.cyclic[c];
    for (bool changed = true; changed;) {
        changed = false;
        for (int b : reversePostorder) {
            if (b == exit)
                continue;
            int candidate = -1;
            const auto consider = [&](int p) {
                if (idom[p] >= 0)
                    candidate = candidate < 0 ? p : intersect(p, candidate);
            };
            if (b == root) {
                for (int s : vs.starts)
                    if (vs.live[s])
                        consider(s);
            } else if (vs.outDegree(b) == 0) {
                consider(exit);
            } else {
                for (int i = vs.outBegin[b]; i < vs.outBegin[b + 1]; ++i)
                    consider(vs.outTo[i]);
            }
            if (candidate != idom[b]) {
                idom[b] = candidate;
                changed = true;
            }
        }
        if (acyclic)
            break;
    }
    return idom;
}

constexpr int kGiveUp = -2;

/// Where the branches leaving `sources` meet again, by a sweep forward in topological order:
/// the frontier always holds every way forward, and its most upstream member (the highest
/// component number) is replaced by its successors until one node is left: the immediate
/// post-dominator. kNoNode when a branch reaches an end first (the branches never meet);
/// kGiveUp on a loop (a cyclic component) or when `budget` runs out.
int sweepToJoin(const ValueStream& vs, std::span<const int> sources, std::vector<int>& frontier,
                std::vector<int>& seen, int stamp, long long& budget) {
    const Components& comps = vs.components;
    frontier.clear();
    const auto add = [&](int w) {
        if (comps.cyclic[comps.of[w]])
            return false;
        if (seen[w] != stamp) {
            seen[w] = stamp;
            frontier.push_back(w);
        }
        return true;
    };
    for (int w : sources)
        if (!add(w))
            return kGiveUp;
    while (frontier.size() > 1) {
        std::size_t upstream = 0;
        for (std::size_t i = 1; i < frontier.size(); ++i)
            if (comps.of[frontier[i]] > comps.of[frontier[upstream]])
                upstream = i;
        const int u = frontier[upstream];
        frontier[upstream] = frontier.back();
        frontier.pop_back();
        // Nothing left in the frontier reaches u (it would be further upstream), so a way
        // that ends at u never meets the others.
        if (vs.outDegree(u) == 0)
            return kNoNode;
        budget -= vs.outDegree(u) + static_cast<long long>(frontier.size());
        if (budget < 0)
            return kGiveUp;
        for (int i = vs.outBegin[u]; i < vs.outBegin[u + 1]; ++i)
            if (!add(vs.outTo[i]))
                return kGiveUp;
    }
    return frontier.empty() ? kNoNode : frontier.front();
}

} // namespace

std::vector<int> joinPoints(const ValueStream& vs, bool dominatorTreeOnly) {
    const int n = vs.nodeCount();
    std::vector<int> joins(static_cast<std::size_t>(n) + 1, kNoNode);
    std::vector<char> isStart(n, 0);
    std::vector<int> liveStarts;
    for (int s : vs.starts)
        if (vs.live[s]) {
            isStart[s] = 1;
            liveStarts.push_back(s);
        }
    const auto isSplit = [&](int v) {
        return vs.live[v] && !vs.alternative[v] && vs.outDegree(v) >= 2;
    };

    bool fallback = dominatorTreeOnly;
    if (!fallback) {
        // The sweeps together may look at each node and flow a few times; a map where they
        // would do more (branches that never meet, sweeping to the end) gets the tree.
        long long budget = 4LL * (n + static_cast<long long>(vs.edges.size())) + 1024;
        std::vector<int> frontier;
        std::vector<int> seen(n, -1);
        for (int v = 0; v <= n && !fallback; ++v) {
            int join = kNoNode;
            if (v == n && liveStarts.size() >= 2)
                join = sweepToJoin(vs, liveStarts, frontier, seen, v, budget);
            else if (v < n && isSplit(v))
                join = vs.components.cyclic[vs.components.of[v]]
                           ? kGiveUp
                           : sweepToJoin(vs,
                                         std::span<const int>(vs.outTo.data() + vs.outBegin[v],
                                                              vs.outTo.data() + vs.outBegin[v + 1]),
                                         frontier, seen, v, budget);
            fallback = join == kGiveUp;
            joins[v] = join;
        }
    }
    if (fallback) {
        const std::vector<int> idom = postDominators(vs, isStart);
        for (int v = 0; v <= n; ++v) {
            const int d = v < n ? idom[v] : idom[n + 1];
            const bool wanted = v < n ? isSplit(v) : liveStarts.size() >= 2;
            joins[v] = wanted && d >= 0 && d < n ? d : kNoNode;
        }
    }
    return joins;
}

namespace {

/// Passes per item when every parallel branch is worked. An AND split sends its full visits
/// down every branch; where those branches meet again (the split's immediate
/// post-dominator) the extra copies are taken back, so a join is worked once per item.
void solveLabour(Reporter& report, ValueStream& vs) {
    const int n = vs.nodeCount();
    const Components& comps = vs.components;
    vs.labour.assign(n, 0);
    std::vector<char> isStart(n, 0);
    int liveStarts = 0;
    for (int s : vs.starts)
        if (vs.live[s]) {
            isStart[s] = 1;
            ++liveStarts;
        }
    bool needJoins = liveStarts >= 2;
    for (int v = 0; v < n && !needJoins; ++v)
        needJoins = vs.live[v] && !vs.alternative[v] && vs.outDegree(v) >= 2;

    struct Join {
        int at;       ///< the node where the branches meet
        int split;    ///< the AND split, or kNoNode for the parallel starts
        double extra; ///< branches beyond the first
    };
    std::vector<Join> joins;
    std::vector<int> joinBegin(static_cast<std::size_t>(n) + 1, 0);
    if (needJoins) {
        const std::vector<int> at = joinPoints(vs, false);
        for (int v = 0; v < n; ++v)
            if (at[v] != kNoNode)
                joins.push_back({at[v], v, static_cast<double>(vs.outDegree(v) - 1)});
        if (at[n] != kNoNode)
            joins.push_back({at[n], kNoNode, static_cast<double>(liveStarts - 1)});
        std::sort(joins.begin(), joins.end(),
                  [](const Join& a, const Join& b) { return a.at < b.at; });
        for (const Join& join : joins)
            ++joinBegin[static_cast<std::size_t>(join.at) + 1];
        for (int v = 0; v < n; ++v)
            joinBegin[v + 1] += joinBegin[v];
    }

    const auto value = [&](int v) {
        double sum = isStart[v] ? 1 : 0;
        for (int i = vs.inBegin[v]; i < vs.inBegin[v + 1]; ++i) {
            const PathEdge& edge = vs.edges[vs.inEdges[i]];
            if (vs.live[edge.from])
                sum += (vs.alternative[edge.from] ? edge.share : 1.0) * vs.labour[edge.from];
        }
        for (int j = joinBegin[v]; j < joinBegin[v + 1]; ++j)
            sum -= joins[j].extra * (joins[j].split == kNoNode ? 1.0 : vs.labour[joins[j].split]);
        return sum;
    };

    long long budget = kLabourBudget;
    for (int c = comps.count() - 1; c >= 0; --c) {
        const int* first = comps.nodes.data() + comps.begin[c];
        const int* last = comps.nodes.data() + comps.begin[c + 1];
        if (!vs.live[*first])
            continue;
        if (!comps.cyclic[c]) {
            vs.labour[*first] = value(*first);
            continue;
        }
        bool failed = false;
        for (bool done = false; !done && !failed;) {
            done = true;
            for (const int* p = last; p != first;) {
                const int v = *--p;
                const double next = value(v);
                done = done && settled(vs.labour[v], next);
                vs.labour[v] = next;
                budget -= (vs.inBegin[v + 1] - vs.inBegin[v]) + 1;
                failed = failed || !std::isfinite(next) || std::abs(next) > kLabourDiverged;
            }
            failed = failed || (!done && budget < 0);
        }
        if (failed) {
            // Parallel work inside a rework loop has no well-defined count here: fall back to
            // the critical path's visits for the loop, and say so.
            const std::span<const int> members = membersOf(comps, c);
            for (int v : members)
                vs.labour[v] = vs.visits[v];
            vs.labourApproximate = true;
            report.info("total_labour_approximate", firstStepOr(vs, members),
                        "Total labour counts only the critical branch of the parallel work "
                        "inside the loop through " +
                            describeList(report.map(), idsOf(vs, members)));
        }
    }
    for (int v = 0; v < n; ++v)
        if (vs.labour[v] < 0) {
            vs.labourApproximate = vs.labourApproximate || vs.labour[v] < -1e-9;
            vs.labour[v] = 0;
        }
}

/// One depth-first search from the critical start, following flows in id order: its
/// discovery order orders the nodes inside a loop, its back edges are left out of the rolled
/// %C&A. Then the path order: components in topological order, the one first discovered
/// first among those ready.
void orderPathAndPca(ValueStream& vs) {
    const int n = vs.nodeCount();
    const Components& comps = vs.components;
    std::vector<int> discovered(n, -1);
    std::vector<char> state(n, 0); // 0 new, 1 on the search path, 2 finished
    std::vector<char> back(vs.edges.size(), 0);
    std::vector<double> rolled(n, 1);
    std::vector<std::pair<int, int>> calls;
    int counter = 0;

    const auto rolledFrom = [&](int v) {
        const double pca = vs.pca[v];
        if (vs.alternative[v]) {
            // Shares renormalised over the flows that do not go back.
            double weighted = 0;
            double shares = 0;
            for (int i = vs.outBegin[v]; i < vs.outBegin[v + 1]; ++i) {
                const int e = vs.outEdges[i];
                if (back[e])
                    continue;
                weighted += vs.edges[e].share * rolled[vs.edges[e].to];
                shares += vs.edges[e].share;
            }
            return shares > 0 ? pca * weighted / shares : pca;
        }
        int best = kNoNode;
        double bestValue = 0;
        for (int i = vs.outBegin[v]; i < vs.outBegin[v + 1]; ++i) {
            const int e = vs.outEdges[i];
            if (back[e])
                continue;
            const double value = vs.edges[e].wait + vs.expected[vs.edges[e].to];
            if (best == kNoNode || clearlyAbove(value, bestValue)) {
                best = e;
                bestValue = value;
            }
        }
        return best == kNoNode ? pca : pca * rolled[vs.edges[best].to];
    };

    discovered[vs.start] = counter++;
    state[vs.start] = 1;
    calls.emplace_back(vs.start, vs.outBegin[vs.start]);
    while (!calls.empty()) {
        const int v = calls.back().first;
        if (calls.back().second < vs.outBegin[v + 1]) {
            const int slot = calls.back().second++;
            const int e = vs.outEdges[slot];
            const int w = vs.outTo[slot];
            if (state[w] == 0) {
                discovered[w] = counter++;
                state[w] = 1;
                calls.emplace_back(w, vs.outBegin[w]);
            } else if (state[w] == 1) {
                back[e] = 1;
            }
            continue;
        }
        calls.pop_back();
        state[v] = 2;
        rolled[v] = rolledFrom(v);
    }
    vs.rolledPca = rolled[vs.start];

    // Kahn's algorithm over the components the search reached; among the ready ones, the one
    // discovered first goes next, so branches appear in flow id order.
    const int count = comps.count();
    std::vector<int> priority(count, INT_MAX);
    std::vector<int> waiting(count, 0);
    for (int v = 0; v < n; ++v) {
        if (discovered[v] < 0)
            continue;
        priority[comps.of[v]] = std::min(priority[comps.of[v]], discovered[v]);
        for (int i = vs.outBegin[v]; i < vs.outBegin[v + 1]; ++i)
            if (comps.of[vs.outTo[i]] != comps.of[v])
                ++waiting[comps.of[vs.outTo[i]]];
    }
    using Entry = std::pair<int, int>; // priority, component
    std::vector<Entry> heapStorage;
    heapStorage.reserve(count);
    std::priority_queue<Entry, std::vector<Entry>, std::greater<>> ready(std::greater<>{},
                                                                         std::move(heapStorage));
    ready.emplace(priority[comps.of[vs.start]], comps.of[vs.start]);
    std::vector<int> members;
    vs.pathOrder.clear();
    while (!ready.empty()) {
        const int c = ready.top().second;
        ready.pop();
        members.assign(comps.nodes.begin() + comps.begin[c],
                       comps.nodes.begin() + comps.begin[c + 1]);
        if (members.size() > 1)
            std::sort(members.begin(), members.end(),
                      [&](int a, int b) { return discovered[a] < discovered[b]; });
        for (int v : members) {
            if (vs.visits[v] > 0)
                vs.pathOrder.push_back(v);
            for (int i = vs.outBegin[v]; i < vs.outBegin[v + 1]; ++i) {
                const int d = comps.of[vs.outTo[i]];
                if (d != c && --waiting[d] == 0)
                    ready.emplace(priority[d], d);
            }
        }
    }
}

} // namespace

int ValueStream::indexOf(Id id) const {
    if (!lookup.empty())
        return id >= lookupBase && id - lookupBase < lookup.size() ? lookup[id - lookupBase]
                                                                   : kNoNode;
    auto it = std::lower_bound(sortedIds.begin(), sortedIds.end(), std::pair<Id, int>{id, INT_MIN});
    return it != sortedIds.end() && it->first == id ? it->second : kNoNode;
}

double ValueStream::criticalFactor(int edge) const {
    const PathEdge& e = edges[edge];
    if (alternative[e.from])
        return e.share;
    return chosen[e.from] == edge ? 1.0 : 0.0;
}

ValueStream analyse(Reporter& report) {
    ValueStream vs;
    checkCalendarAndMap(report);
    std::vector<FlowRecord> flows;
    buildNodes(report, vs, flows);
    buildEdges(report, vs, flows);
    checkRedPens(report);
    checkSplits(report, vs);
    findStarts(report, vs);
    findLive(report, vs);
    std::vector<int> all(vs.nodes.size());
    for (int v = 0; v < vs.nodeCount(); ++v)
        all[v] = v;
    vs.components = tarjan(vs, all, [](int) { return true; });
    checkLoops(report, vs);
    if (report.hasErrors() || !solveExpected(report, vs))
        return vs;
    chooseStart(vs);
    if (vs.start == kNoNode) {
        // Nothing to walk (a map of parties and waits without steps): every figure is 0.
        vs.visits.assign(vs.nodeCount(), 0);
        vs.edgeVisits.assign(vs.edges.size(), 0);
        vs.labour.assign(vs.nodeCount(), 0);
        vs.solved = true;
        return vs;
    }
    if (!solveVisits(report, vs))
        return vs;
    solveLabour(report, vs);
    orderPathAndPca(vs);
    vs.solved = true;
    return vs;
}

} // namespace gemba::metrics::detail
