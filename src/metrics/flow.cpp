#include "gemba/metrics/flow.h"

#include "gemba/model/text.h"
#include "gemba/model/units.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <unordered_map>

namespace gemba::metrics {

namespace {

using model::StateKind;

/// What each activity of the log stands for, resolved once.
struct Resolved {
    std::vector<StateKind> kind;    // per activity
    std::vector<int> step;          // per activity: step index, or -1
    std::vector<bool> unmapped;     // per activity
    std::vector<std::string> steps; // step names in order of first use
    std::vector<std::string> roles; // per step: the mapping's role, or empty
};

Resolved resolve(const model::EventLog& log, const model::EventMapping& mapping) {
    Resolved r;
    const std::size_t n = log.activities.size();
    r.kind.assign(n, StateKind::Wait);
    r.step.assign(n, -1);
    r.unmapped.assign(n, false);
    std::map<std::string, int> stepIndex;
    for (std::size_t a = 0; a < n; ++a) {
        const std::string& name = log.activities[a];
        auto it = mapping.states.find(name);
        if (it == mapping.states.end()) {
            r.unmapped[a] = true;
            continue;
        }
        r.kind[a] = it->second.kind;
        if (it->second.kind != StateKind::Step)
            continue;
        const std::string stepName = it->second.step.empty() ? name : it->second.step;
        auto [pos, added] = stepIndex.emplace(stepName, static_cast<int>(r.steps.size()));
        if (added) {
            r.steps.push_back(stepName);
            r.roles.push_back(it->second.role);
        } else if (r.roles[static_cast<std::size_t>(pos->second)].empty()) {
            r.roles[static_cast<std::size_t>(pos->second)] = it->second.role;
        }
        r.step[a] = pos->second;
    }
    return r;
}

/// One item's pass through the steps.
struct Visit {
    int step = 0;
    std::int64_t start = 0;
    std::int64_t end = 0;
    std::int64_t segmentEnd = 0; // end of the union of its events so far
    double active = 0;
    bool open = false;
};

struct ItemFlow {
    std::uint32_t item = 0;
    std::int64_t arrival = 0;
    std::int64_t finish = 0; // when finished; else the last instant seen
    bool finished = false;
    double lead = 0;   // working seconds, finished items
    double active = 0; // working seconds in which a step was worked
};

bool keepItem(const model::EventLog& log, std::uint32_t item, std::int64_t arrival,
              const FlowOptions& options) {
    if (!options.itemType.empty() && log.types[log.itemTypes[item]] != options.itemType)
        return false;
    if (options.from && arrival < *options.from)
        return false;
    if (options.to && arrival >= *options.to)
        return false;
    return true;
}

struct EdgeAcc {
    int from = 0;
    int to = 0;
    std::size_t transitions = 0;
    std::size_t items = 0;
    std::uint32_t lastItem = UINT32_MAX;
    std::size_t parallel = 0;
    std::size_t rework = 0;
    std::vector<double> waits;
};

/// Everything the item pass gathers.
struct Gathered {
    std::vector<ItemFlow> items;
    std::vector<std::vector<double>> process, lead, wait;
    std::vector<std::size_t> visits, stepItems, departures, returns;
    std::vector<double> stageSum;
    std::vector<std::map<std::uint32_t, std::size_t>> roleCounts;
    std::unordered_map<std::int64_t, EdgeAcc> edges;
    // Per source node (arrival = index 0, step s = s + 1): counts of next-stage member sets.
    std::vector<std::map<std::vector<int>, std::size_t>> nextSets;
    std::vector<std::uint32_t> itemEdgeOffsets; // per used item, into itemEdges
    std::vector<std::int64_t> itemEdges;
    std::vector<std::size_t> unmappedEvents;
    std::size_t events = 0;
};

std::int64_t edgeKey(int from, int to) {
    return (static_cast<std::int64_t>(from) + 2) * 1'000'003 + (to + 2);
}

Gathered gather(const model::EventLog& log, const Resolved& r, const model::WorkingClock& clock,
                const FlowOptions& options, bool withRoutes) {
    Gathered g;
    const std::size_t nSteps = r.steps.size();
    g.process.resize(nSteps);
    g.lead.resize(nSteps);
    g.wait.resize(nSteps);
    g.visits.assign(nSteps, 0);
    g.stepItems.assign(nSteps, 0);
    g.departures.assign(nSteps, 0);
    g.returns.assign(nSteps, 0);
    g.stageSum.assign(nSteps, 0);
    g.roleCounts.resize(nSteps);
    g.nextSets.resize(nSteps + 1);
    g.unmappedEvents.assign(log.activities.size(), 0);
    std::vector<std::uint32_t> lastItemAtStep(nSteps, UINT32_MAX);

    std::vector<Visit> visits;
    std::vector<std::size_t> stageOf;       // per visit
    std::vector<std::int64_t> stageEnd;     // per stage
    std::vector<int> seenStage(nSteps, -1); // first stage of each step, this item
    const auto& events = log.events;
    std::size_t i = 0;
    while (i < events.size()) {
        const std::uint32_t item = events[i].item;
        std::size_t j = i;
        while (j < events.size() && events[j].item == item)
            ++j;
        // Arrival: the first event that is not ignored.
        std::optional<std::int64_t> arrival;
        for (std::size_t k = i; k < j && !arrival; ++k)
            if (r.kind[events[k].activity] != StateKind::Ignore)
                arrival = events[k].start;
        if (!arrival || !keepItem(log, item, *arrival, options)) {
            i = j;
            continue;
        }
        ItemFlow flow;
        flow.item = item;
        flow.arrival = *arrival;
        visits.clear();
        std::optional<std::int64_t> doneAt;
        std::int64_t lastEnd = *arrival;
        bool lastOpen = false;
        std::int64_t unionEnd = INT64_MIN;
        for (std::size_t k = i; k < j; ++k) {
            const model::LogEvent& e = events[k];
            const StateKind kind = r.kind[e.activity];
            if (kind == StateKind::Ignore)
                continue;
            ++g.events;
            if (r.unmapped[e.activity])
                ++g.unmappedEvents[e.activity];
            if (kind == StateKind::Done) {
                doneAt = e.start;
                break;
            }
            lastOpen = e.open;
            lastEnd = std::max(lastEnd, e.end);
            if (kind != StateKind::Step)
                continue;
            const int s = r.step[e.activity];
            g.roleCounts[static_cast<std::size_t>(s)][e.role]++;
            // Active time: the union of every step event of the item.
            if (e.start >= unionEnd) {
                flow.active += clock.between(e.start, e.end);
                unionEnd = e.end;
            } else if (e.end > unionEnd) {
                flow.active += clock.between(unionEnd, e.end);
                unionEnd = e.end;
            }
            // The same step again, with only waiting between, or worked at the same time:
            // one visit.
            Visit* into = nullptr;
            if (!visits.empty() && visits.back().step == s)
                into = &visits.back();
            else
                for (auto it = visits.rbegin(); it != visits.rend(); ++it)
                    if (it->step == s && it->end > e.start) {
                        into = &*it;
                        break;
                    }
            if (into) {
                if (e.start >= into->segmentEnd) {
                    into->active += clock.between(e.start, e.end);
                    into->segmentEnd = e.end;
                } else if (e.end > into->segmentEnd) {
                    into->active += clock.between(into->segmentEnd, e.end);
                    into->segmentEnd = e.end;
                }
                into->end = std::max(into->end, e.end);
                into->open = into->open || e.open;
            } else {
                visits.push_back({s, e.start, e.end, e.end, clock.between(e.start, e.end), e.open});
            }
        }
        flow.finished = doneAt.has_value() || !lastOpen;
        flow.finish = doneAt ? *doneAt : lastEnd;
        if (flow.finished)
            flow.lead = clock.between(flow.arrival, flow.finish);
        g.items.push_back(flow);

        // Stages: visits that overlap in time are worked in parallel.
        stageOf.assign(visits.size(), 0);
        stageEnd.clear();
        for (std::size_t v = 0; v < visits.size(); ++v) {
            if (!stageEnd.empty() && visits[v].start < stageEnd.back()) {
                stageEnd.back() = std::max(stageEnd.back(), visits[v].end);
            } else {
                stageEnd.push_back(visits[v].end);
            }
            stageOf[v] = stageEnd.size() - 1;
        }
        for (std::size_t v = 0; v < visits.size(); ++v) {
            const Visit& visit = visits[v];
            const auto s = static_cast<std::size_t>(visit.step);
            const std::int64_t available =
                stageOf[v] == 0 ? flow.arrival : stageEnd[stageOf[v] - 1];
            const double wait = clock.between(available, visit.start);
            g.wait[s].push_back(wait);
            if (!visit.open) {
                g.process[s].push_back(visit.active);
                g.lead[s].push_back(clock.between(visit.start, visit.end));
                ++g.visits[s];
            }
            g.stageSum[s] += static_cast<double>(stageOf[v]);
            if (lastItemAtStep[s] != item) {
                lastItemAtStep[s] = item;
                ++g.stepItems[s];
            }
        }
        if (!withRoutes) {
            i = j;
            continue;
        }
        g.itemEdgeOffsets.push_back(static_cast<std::uint32_t>(g.itemEdges.size()));
        auto addEdge = [&](int from, int to, double wait, bool parallel, bool rework) {
            const std::int64_t key = edgeKey(from, to);
            EdgeAcc& edge = g.edges[key];
            edge.from = from;
            edge.to = to;
            ++edge.transitions;
            if (edge.lastItem != item) {
                edge.lastItem = item;
                ++edge.items;
            }
            edge.parallel += parallel;
            edge.rework += rework;
            edge.waits.push_back(wait);
            g.itemEdges.push_back(key);
        };
        std::fill(seenStage.begin(), seenStage.end(), -1);
        std::vector<int> previous{kArrival};
        std::size_t v = 0;
        for (std::size_t stage = 0; stage < stageEnd.size(); ++stage) {
            std::vector<int> members;
            std::vector<double> memberWaits;
            const std::int64_t available = stage == 0 ? flow.arrival : stageEnd[stage - 1];
            for (; v < visits.size() && stageOf[v] == stage; ++v) {
                members.push_back(visits[v].step);
                memberWaits.push_back(clock.between(available, visits[v].start));
            }
            const bool parallel = members.size() > 1;
            std::vector<int> set = members;
            std::sort(set.begin(), set.end());
            set.erase(std::unique(set.begin(), set.end()), set.end());
            // Going back: to a step the item first reached no later than the step it leaves.
            auto goesBack = [&](int from, int to) {
                const int toFirst = seenStage[static_cast<std::size_t>(to)];
                return from >= 0 && toFirst >= 0 &&
                       toFirst <= seenStage[static_cast<std::size_t>(from)];
            };
            for (int p : previous) {
                g.nextSets[static_cast<std::size_t>(p + 1)][set]++;
                bool anyReturn = false;
                for (int m : members)
                    anyReturn = anyReturn || goesBack(p, m);
                if (p >= 0) {
                    ++g.departures[static_cast<std::size_t>(p)];
                    if (anyReturn)
                        ++g.returns[static_cast<std::size_t>(p)];
                }
                for (std::size_t m = 0; m < members.size(); ++m)
                    addEdge(p, members[m], memberWaits[m], parallel, goesBack(p, members[m]));
            }
            for (int m : members)
                if (seenStage[static_cast<std::size_t>(m)] < 0)
                    seenStage[static_cast<std::size_t>(m)] = static_cast<int>(stage);
            previous = std::move(set);
        }
        if (flow.finished && !stageEnd.empty()) {
            const double wait = clock.between(stageEnd.back(), flow.finish);
            for (int p : previous) {
                g.nextSets[static_cast<std::size_t>(p + 1)][{kFinish}]++;
                ++g.departures[static_cast<std::size_t>(p)];
                addEdge(p, kFinish, wait, false, false);
            }
        } else if (flow.finished) {
            // Finished without any step: straight from arrival to finish.
            g.nextSets[0][{kFinish}]++;
            addEdge(kArrival, kFinish, flow.lead, false, false);
        }
        i = j;
    }
    return g;
}

std::string thousands(std::size_t n) {
    return model::formatCount(static_cast<double>(n));
}

} // namespace

double quantileOfSorted(const std::vector<double>& sorted, double q) {
    if (sorted.empty())
        return 0;
    const double position = q * static_cast<double>(sorted.size() - 1);
    const auto below = static_cast<std::size_t>(std::floor(position));
    const std::size_t above = std::min(below + 1, sorted.size() - 1);
    const double fraction = position - static_cast<double>(below);
    return sorted[below] + (sorted[above] - sorted[below]) * fraction;
}

Distribution distributionOf(std::vector<double>& values) {
    Distribution d;
    d.count = values.size();
    if (values.empty())
        return d;
    std::sort(values.begin(), values.end());
    d.min = values.front();
    d.max = values.back();
    d.p50 = quantileOfSorted(values, 0.50);
    d.p85 = quantileOfSorted(values, 0.85);
    d.p95 = quantileOfSorted(values, 0.95);
    d.mean = std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(d.count);
    return d;
}

std::string FlowReport::provenance() const {
    std::string text = file + ": " + thousands(itemsUsed) + (itemsUsed == 1 ? " item" : " items");
    if (itemsUsed > 0) {
        const model::WorkingClock utc(model::WorkingHours::allHours());
        text += ", " + model::isoDate(utc.dayOf(firstInstant)) + " to " +
                model::isoDate(utc.dayOf(lastInstant));
    }
    return text;
}

model::EventMapping completeMapping(const model::EventLog& log, const model::EventMapping& given) {
    model::EventMapping mapping = given;
    for (const std::string& name : log.activities)
        if (!mapping.states.count(name))
            mapping.states.emplace(name, model::guessStateMapping(name));
    return mapping;
}

FlowReport deriveFlow(const model::EventLog& log, const model::EventMapping& mapping,
                      const model::WorkingHours& hours, const FlowOptions& options) {
    const Resolved r = resolve(log, mapping);
    const model::WorkingClock clock(hours);
    Gathered g = gather(log, r, clock, options, true);
    FlowReport report;
    report.file = log.file;
    report.events = g.events;
    report.itemsInLog = log.items.size();
    report.itemsUsed = g.items.size();
    report.duplicatesDropped = log.duplicatesDropped;
    for (std::size_t a = 0; a < log.activities.size(); ++a)
        if (r.unmapped[a] && g.unmappedEvents[a] > 0)
            report.unmapped.emplace_back(log.activities[a], g.unmappedEvents[a]);

    // Items: lead time, active time, flow efficiency, throughput, WIP.
    std::vector<double> leads, actives;
    double leadSum = 0, activeSum = 0, elapsedInProcess = 0;
    report.firstInstant = INT64_MAX;
    report.lastInstant = INT64_MIN;
    for (const ItemFlow& item : g.items) {
        report.firstInstant = std::min(report.firstInstant, item.arrival);
        report.lastInstant = std::max(report.lastInstant, item.finish);
        if (item.finished) {
            ++report.itemsFinished;
            leads.push_back(item.lead);
            actives.push_back(item.active);
            leadSum += item.lead;
            activeSum += item.active;
        } else {
            ++report.itemsInProgress;
        }
    }
    if (g.items.empty()) {
        report.firstInstant = report.lastInstant = 0;
        report.notes.push_back("no item of the log passes the filters: nothing to measure");
    }
    for (const ItemFlow& item : g.items)
        elapsedInProcess +=
            static_cast<double>((item.finished ? item.finish : report.lastInstant) - item.arrival);
    report.itemLeadTime = distributionOf(leads);
    report.itemActiveTime = distributionOf(actives);
    report.flowEfficiency = leadSum > 0 ? activeSum / leadSum : 0;
    if (!g.items.empty()) {
        const model::DayNumber first = clock.dayOf(report.firstInstant);
        const model::DayNumber last = clock.dayOf(report.lastInstant);
        for (model::DayNumber d = first; d <= last; ++d)
            report.workingDays += clock.secondsOn(d) > 0 ? 1 : 0;
        if (report.workingDays > 0)
            report.throughputPerDay =
                static_cast<double>(report.itemsFinished) / report.workingDays;
        const auto span = static_cast<double>(report.lastInstant - report.firstInstant);
        report.averageWip = span > 0 ? elapsedInProcess / span : 0;
    }

    // Steps.
    const std::size_t minItems = static_cast<std::size_t>(
        std::ceil(options.minRouteShare * static_cast<double>(report.itemsUsed) - 1e-9));
    for (std::size_t s = 0; s < r.steps.size(); ++s) {
        StepFlow step;
        step.name = r.steps[s];
        step.role = r.roles[s];
        if (step.role.empty() && !g.roleCounts[s].empty()) {
            const auto best =
                std::max_element(g.roleCounts[s].begin(), g.roleCounts[s].end(),
                                 [](const auto& a, const auto& b) { return a.second < b.second; });
            step.role = log.roles[best->first];
        }
        const std::size_t entries = g.wait[s].size();
        step.processTime = distributionOf(g.process[s]);
        step.leadTime = distributionOf(g.lead[s]);
        step.waitBefore = distributionOf(g.wait[s]);
        step.visits = g.visits[s];
        step.items = g.stepItems[s];
        step.departures = g.departures[s];
        step.returns = g.returns[s];
        step.returnShare = step.departures ? static_cast<double>(step.returns) /
                                                 static_cast<double>(step.departures)
                                           : 0;
        step.pcaEstimate = 100.0 * (1.0 - step.returnShare);
        step.meanStage = entries ? g.stageSum[s] / static_cast<double>(entries) : 0;
        step.folded = step.items == 0 || step.items < minItems;
        report.steps.push_back(std::move(step));
    }

    // Routes, folded when rare or when they touch a folded step.
    std::vector<EdgeAcc*> edges;
    for (auto& [key, edge] : g.edges)
        edges.push_back(&edge);
    std::sort(edges.begin(), edges.end(), [](const EdgeAcc* a, const EdgeAcc* b) {
        return std::pair(a->from, a->to) < std::pair(b->from, b->to);
    });
    auto stepFolded = [&](int node) {
        return node >= 0 && report.steps[static_cast<std::size_t>(node)].folded;
    };
    std::unordered_map<std::int64_t, bool> folded;
    for (const EdgeAcc* e : edges)
        folded[edgeKey(e->from, e->to)] =
            e->items < minItems || stepFolded(e->from) || stepFolded(e->to);
    // A step that arrival no longer reaches, or that reaches no finish, is folded too.
    for (bool changed = true; changed;) {
        changed = false;
        const std::size_t n = report.steps.size();
        std::vector<bool> forward(n, false), backward(n, false);
        for (bool grew = true; grew;) {
            grew = false;
            for (const EdgeAcc* e : edges) {
                if (folded[edgeKey(e->from, e->to)] || e->to < 0)
                    continue;
                const bool fromReached =
                    e->from == kArrival || forward[static_cast<std::size_t>(e->from)];
                if (fromReached && !forward[static_cast<std::size_t>(e->to)])
                    grew = forward[static_cast<std::size_t>(e->to)] = true;
            }
            for (const EdgeAcc* e : edges) {
                if (folded[edgeKey(e->from, e->to)] || e->from < 0)
                    continue;
                const bool toReaches =
                    e->to == kFinish || backward[static_cast<std::size_t>(e->to)];
                if (toReaches && !backward[static_cast<std::size_t>(e->from)])
                    grew = backward[static_cast<std::size_t>(e->from)] = true;
            }
        }
        for (std::size_t s = 0; s < n; ++s)
            if (!report.steps[s].folded && (!forward[s] || !backward[s])) {
                report.steps[s].folded = true;
                changed = true;
            }
        for (const EdgeAcc* e : edges) {
            bool& f = folded[edgeKey(e->from, e->to)];
            if (!f && (stepFolded(e->from) || stepFolded(e->to))) {
                f = true;
                changed = true;
            }
        }
    }
    for (std::size_t it = 0; it < g.items.size(); ++it) {
        const std::size_t begin = g.itemEdgeOffsets[it];
        const std::size_t end =
            it + 1 < g.itemEdgeOffsets.size() ? g.itemEdgeOffsets[it + 1] : g.itemEdges.size();
        for (std::size_t k = begin; k < end; ++k)
            if (folded[g.itemEdges[k]]) {
                ++report.foldedItems;
                break;
            }
    }

    // Shares: a node whose kept departures always go on to the same several steps is a
    // parallel split (no shares). Otherwise the departures are alternatives: a departure to one
    // step weighs on that route, a departure into several steps at once on a parallel group.
    std::map<int, std::map<int, double>> weight; // from -> to -> departures to `to` alone
    std::map<int, double> total;
    std::map<int, bool> andSplit;
    for (std::size_t node = 0; node < g.nextSets.size(); ++node) {
        const int from = static_cast<int>(node) - 1;
        if (stepFolded(from))
            continue;
        std::vector<std::pair<std::vector<int>, std::size_t>> kept;
        for (const auto& [set, count] : g.nextSets[node]) {
            std::vector<int> members;
            for (int to : set)
                if (!folded[edgeKey(from, to)])
                    members.push_back(to);
            if (!members.empty()) {
                kept.emplace_back(members, count);
                total[from] += static_cast<double>(count);
            }
        }
        andSplit[from] = kept.size() == 1 && kept[0].first.size() > 1;
        if (andSplit[from])
            continue;
        std::map<std::vector<int>, std::size_t> groups;
        for (const auto& [members, count] : kept) {
            if (members.size() == 1)
                weight[from][members[0]] += static_cast<double>(count);
            else
                groups[members] += count;
        }
        for (const auto& [members, count] : groups)
            report.groups.push_back(
                {from, members, static_cast<double>(count) / total[from], count});
    }
    for (const EdgeAcc* e : edges) {
        RouteFlow route;
        route.from = e->from;
        route.to = e->to;
        route.transitions = e->transitions;
        route.items = e->items;
        route.rework = e->rework * 2 > e->transitions;
        route.parallel = e->parallel * 2 > e->transitions;
        route.folded = folded[edgeKey(e->from, e->to)];
        std::vector<double> waits = e->waits;
        route.wait = distributionOf(waits);
        if (!route.folded && !andSplit[e->from] && total[e->from] > 0 && weight[e->from][e->to] > 0)
            route.share = weight[e->from][e->to] / total[e->from];
        report.routes.push_back(std::move(route));
    }
    if (report.foldedItems > 0)
        report.notes.push_back(
            thousands(report.foldedItems) + " items took a route or step used by fewer than " +
            model::formatPercent(options.minRouteShare) +
            " of the items: folded (left off the map), their times still count at their steps");
    if (report.itemsUsed == 1)
        report.notes.push_back("one item only: the distributions are single values");
    if (log.duplicatesDropped > 0)
        report.notes.push_back(thousands(log.duplicatesDropped) +
                               " duplicate events (repeating another exactly) were dropped");
    if (!report.unmapped.empty())
        report.notes.push_back(std::to_string(report.unmapped.size()) +
                               " names are not in the mapping; their time counts as waiting");
    return report;
}

namespace {

/// A step's figures from its measured flow: process and lead time (P50), the %C&A estimate,
/// their sources, and the distributions behind them.
void applyMeasurement(model::Step& step, const StepFlow& flow, const FlowReport& report,
                      const model::Source& measured) {
    model::StepMeasurement measurement;
    measurement.processTime = flow.processTime;
    measurement.leadTime = flow.leadTime;
    measurement.waitBefore = flow.waitBefore;
    measurement.items = flow.items;
    measurement.provenance = measured.source;
    step.processTime = model::measuredValue(measurement, model::Figure::ProcessTime);
    step.leadTime = model::measuredValue(measurement, model::Figure::LeadTime);
    step.pca = flow.pcaEstimate;
    step.measurement = std::move(measurement);
    step.sources[model::Figure::ProcessTime] = measured;
    step.sources[model::Figure::LeadTime] = measured;
    step.sources[model::Figure::Pca] = {model::Basis::Estimated,
                                        "estimate: " + std::to_string(flow.returns) + " of " +
                                            std::to_string(flow.departures) +
                                            " departures went back (" + report.file + ")",
                                        measured.date};
}

} // namespace

std::int64_t dayStart(model::DayNumber day, const model::WorkingHours& hours) {
    return static_cast<std::int64_t>(day) * 86400 -
           static_cast<std::int64_t>(hours.utcOffsetMinutes) * 60;
}

model::Map measuredMap(const FlowReport& report, const std::string& name, model::Id& nextId) {
    model::Map map;
    map.id = nextId++;
    map.props.name = name;
    map.props.state = model::MapState::Current;
    map.props.notes = "Measured from " + report.provenance() + ".";
    if (report.throughputPerDay > 0)
        map.props.demand = model::Demand{report.throughputPerDay, model::DemandPeriod::Day};
    const std::string date =
        report.itemsUsed
            ? model::isoDate(
                  model::WorkingClock(model::WorkingHours::allHours()).dayOf(report.lastInstant))
            : std::string();
    const model::Source measured{model::Basis::Measured, report.provenance(), date};

    // Columns by the steps' average position; steps in one column are stacked.
    std::vector<std::size_t> order;
    for (std::size_t s = 0; s < report.steps.size(); ++s)
        if (!report.steps[s].folded)
            order.push_back(s);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return report.steps[a].meanStage < report.steps[b].meanStage;
    });
    model::Party supplier;
    supplier.id = nextId++;
    supplier.kind = model::PartyKind::Supplier;
    supplier.name = "Arrivals";
    supplier.notes = "Items entering the log";
    supplier.pos = {0, 0};
    map.parties[supplier.id] = supplier;
    std::map<int, model::Id> idOf{{kArrival, supplier.id}};
    double x = 220;
    double previousStage = -1;
    double y = 0;
    for (std::size_t s : order) {
        const StepFlow& flow = report.steps[s];
        if (previousStage >= 0 && std::lround(flow.meanStage) == std::lround(previousStage)) {
            y += 220;
        } else if (previousStage >= 0) {
            x += 220;
            y = 0;
        }
        previousStage = flow.meanStage;
        model::Step step;
        step.id = nextId++;
        step.name = flow.name;
        step.role = flow.role;
        applyMeasurement(step, flow, report, measured);
        step.pos = {x, y};
        idOf[static_cast<int>(s)] = step.id;
        map.steps[step.id] = step;
    }
    model::Party customer;
    customer.id = nextId++;
    customer.kind = model::PartyKind::Customer;
    customer.name = "Finished";
    customer.notes = "Items leaving the log";
    customer.pos = {x + 220, 0};
    map.parties[customer.id] = customer;
    idOf[kFinish] = customer.id;
    auto addFlow = [&](model::Id from, model::Id to, std::optional<double> share,
                       std::optional<double> wait, std::string label) {
        model::Flow flow;
        flow.id = nextId++;
        flow.from = from;
        flow.to = to;
        flow.kind = model::FlowKind::Push;
        flow.share = share;
        flow.wait = wait;
        flow.label = std::move(label);
        map.flows[flow.id] = flow;
    };
    auto waitOf = [](const RouteFlow& route) {
        return route.wait.p50 > 0 ? std::optional<double>(route.wait.p50) : std::nullopt;
    };
    // A parallel group within alternatives: a junction (a wait of no time) takes the share.
    for (const ParallelGroup& group : report.groups) {
        if (!idOf.count(group.from))
            continue;
        model::Wait junction;
        junction.id = nextId++;
        junction.kind = model::WaitKind::Time;
        junction.time = 0;
        std::string names;
        for (int m : group.members)
            names += (names.empty() ? "" : " + ") + report.steps[static_cast<std::size_t>(m)].name;
        junction.label = "to " + names + " in parallel";
        const auto fromPos = map.positionOf(idOf[group.from]);
        junction.pos = {fromPos ? fromPos->x + 110 : 0, fromPos ? fromPos->y + 140 : 0};
        map.waits[junction.id] = junction;
        addFlow(idOf[group.from], junction.id, group.share, std::nullopt, {});
        for (int m : group.members) {
            if (!idOf.count(m))
                continue;
            const RouteFlow* route = nullptr;
            for (const RouteFlow& r : report.routes)
                if (r.from == group.from && r.to == m)
                    route = &r;
            addFlow(junction.id, idOf[m], std::nullopt, route ? waitOf(*route) : std::nullopt, {});
        }
    }
    for (const RouteFlow& route : report.routes) {
        if (route.folded || !idOf.count(route.from) || !idOf.count(route.to))
            continue;
        const bool inAndSplit =
            !route.share &&
            std::none_of(report.groups.begin(), report.groups.end(),
                         [&](const ParallelGroup& g) { return g.from == route.from; });
        if (!route.share && !inAndSplit)
            continue; // drawn through its group's junction
        model::Flow flow;
        flow.id = nextId++;
        flow.from = idOf[route.from];
        flow.to = idOf[route.to];
        flow.kind = model::FlowKind::Push;
        flow.share = route.share;
        if (route.wait.p50 > 0)
            flow.wait = route.wait.p50;
        if (route.rework)
            flow.label = "rework";
        map.flows[flow.id] = flow;
    }
    return map;
}

std::vector<std::string> refreshMap(model::Map& map, const FlowReport& report) {
    std::vector<std::string> lines;
    const std::string date =
        report.itemsUsed
            ? model::isoDate(
                  model::WorkingClock(model::WorkingHours::allHours()).dayOf(report.lastInstant))
            : std::string();
    const model::Source measured{model::Basis::Measured, report.provenance(), date};
    std::map<std::string, int> measuredIndex;
    for (std::size_t s = 0; s < report.steps.size(); ++s)
        measuredIndex[model::toLower(model::trim(report.steps[s].name))] = static_cast<int>(s);
    std::map<int, model::Id> idOf;
    for (auto& [id, step] : map.steps) {
        auto it = measuredIndex.find(model::toLower(model::trim(step.name)));
        if (it == measuredIndex.end()) {
            lines.push_back("not measured (kept as it was): " + step.name);
            continue;
        }
        const StepFlow& flow = report.steps[static_cast<std::size_t>(it->second)];
        idOf[it->second] = id;
        if (flow.visits == 0) {
            lines.push_back("no finished visit in the log (kept as it was): " + step.name);
            continue;
        }
        applyMeasurement(step, flow, report, measured);
    }
    for (std::size_t s = 0; s < report.steps.size(); ++s)
        if (!idOf.count(static_cast<int>(s)) && !report.steps[s].folded)
            lines.push_back("measured, not on the map: " + report.steps[s].name);
    // Flows between two refreshed steps take the measured waits; shares only where every
    // work flow out of the step is measured, so that they still add up to 1.
    std::map<model::Id, std::vector<model::Flow*>> outOf;
    for (auto& [id, flow] : map.flows)
        if (model::carriesWork(flow.kind))
            outOf[flow.from].push_back(&flow);
    for (auto& [from, flows] : outOf) {
        std::vector<const RouteFlow*> matched;
        for (model::Flow* flow : flows) {
            const RouteFlow* found = nullptr;
            for (const RouteFlow& route : report.routes)
                if (!route.folded && idOf.count(route.from) && idOf.count(route.to) &&
                    idOf[route.from] == flow->from && idOf[route.to] == flow->to)
                    found = &route;
            matched.push_back(found);
            if (found && found->wait.count > 0)
                flow->wait = found->wait.p50;
        }
        const bool all = std::all_of(matched.begin(), matched.end(),
                                     [](const RouteFlow* r) { return r && r->share; });
        if (all && flows.size() > 1) {
            double sum = 0;
            for (const RouteFlow* r : matched)
                sum += *r->share;
            for (std::size_t k = 0; k < flows.size() && sum > 0; ++k)
                flows[k]->share = *matched[k]->share / sum;
        }
    }
    if (report.throughputPerDay > 0)
        map.props.demand = model::Demand{report.throughputPerDay, model::DemandPeriod::Day};
    return lines;
}

std::vector<PeriodFlow> flowOverTime(const model::EventLog& log, const model::EventMapping& mapping,
                                     const model::WorkingHours& hours, FlowPeriod period,
                                     const FlowOptions& options) {
    const Resolved r = resolve(log, mapping);
    const model::WorkingClock clock(hours);
    const Gathered g = gather(log, r, clock, options, false);
    std::vector<PeriodFlow> periods;
    if (g.items.empty())
        return periods;
    std::int64_t first = INT64_MAX, last = INT64_MIN;
    for (const ItemFlow& item : g.items) {
        first = std::min(first, item.arrival);
        last = std::max(last, item.finish);
    }
    const std::int64_t offset = std::int64_t{hours.utcOffsetMinutes} * 60;
    auto dayStart = [&](model::DayNumber d) { return std::int64_t{d} * 86400 - offset; };
    // Period boundaries in the calendar's zone.
    model::DayNumber day = clock.dayOf(first);
    const model::DayNumber lastDay = clock.dayOf(last);
    if (period == FlowPeriod::Week)
        day -= model::weekdayOf(day);
    else
        day = *model::parseIsoDate(model::isoDate(day).substr(0, 8) + "01");
    while (day <= lastDay) {
        model::DayNumber next;
        std::string label;
        if (period == FlowPeriod::Week) {
            next = day + 7;
            label = model::isoDate(day);
        } else {
            const std::string iso = model::isoDate(day);
            int y = std::stoi(iso.substr(0, 4)), m = std::stoi(iso.substr(5, 2));
            next = model::dayFromCivil(m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1);
            label = iso.substr(0, 7);
        }
        periods.push_back({label, dayStart(day), dayStart(next), 0, {}, 0, 0});
        day = next;
    }
    std::vector<std::vector<double>> leads(periods.size());
    std::vector<double> leadSums(periods.size(), 0), activeSums(periods.size(), 0);
    auto periodOf = [&](std::int64_t instant) {
        const auto it =
            std::upper_bound(periods.begin(), periods.end(), instant,
                             [](std::int64_t t, const PeriodFlow& p) { return t < p.start; });
        return static_cast<std::size_t>(it - periods.begin()) - 1;
    };
    for (const ItemFlow& item : g.items) {
        if (!item.finished)
            continue;
        const std::size_t p = periodOf(item.finish);
        ++periods[p].throughput;
        leads[p].push_back(item.lead);
        leadSums[p] += item.lead;
        activeSums[p] += item.active;
    }
    std::vector<std::int64_t> arrivals, finishes;
    for (const ItemFlow& item : g.items) {
        arrivals.push_back(item.arrival);
        if (item.finished)
            finishes.push_back(item.finish);
    }
    std::sort(arrivals.begin(), arrivals.end());
    std::sort(finishes.begin(), finishes.end());
    for (std::size_t p = 0; p < periods.size(); ++p) {
        periods[p].leadTime = distributionOf(leads[p]);
        periods[p].flowEfficiency = leadSums[p] > 0 ? activeSums[p] / leadSums[p] : 0;
        const auto arrived =
            std::lower_bound(arrivals.begin(), arrivals.end(), periods[p].end) - arrivals.begin();
        const auto gone =
            std::lower_bound(finishes.begin(), finishes.end(), periods[p].end) - finishes.begin();
        periods[p].wipAtEnd = static_cast<std::size_t>(arrived - gone);
    }
    return periods;
}

} // namespace gemba::metrics
