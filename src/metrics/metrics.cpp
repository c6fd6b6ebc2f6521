#include "gemba/metrics/metrics.h"

#include "findings.h"
#include "finite_figures.h"
#include "value_stream.h"

#include <algorithm>
#include <cmath>
#include <exception>
#include <iterator>
#include <string_view>

namespace gemba::metrics {

namespace {

using detail::kNoNode;
using detail::PathEdge;
using detail::ValueStream;
using model::Id;

double finiteOrZero(double value) {
    return std::isfinite(value) ? value : 0;
}

/// Work flows into a step whose upstream step (the flow's source, or through waits the steps
/// before them) belongs to another role.
std::vector<Id> findHandoffs(const ValueStream& vs) {
    std::vector<Id> handoffs;
    std::vector<int> stamp(vs.nodes.size(), -1);
    std::vector<int> stack;
    for (int e = 0; e < static_cast<int>(vs.edges.size()); ++e) {
        const PathEdge& edge = vs.edges[e];
        const int role = vs.roleOf[edge.to];
        if (role == kNoNode) // not a step, or a step without a role
            continue;
        bool handoff = false;
        stack.assign(1, edge.from);
        stamp[edge.from] = e;
        while (!stack.empty() && !handoff) {
            const int u = stack.back();
            stack.pop_back();
            if (vs.nodes[u].step) {
                handoff = vs.roleOf[u] != kNoNode && vs.roleOf[u] != role;
            } else if (vs.nodes[u].wait) {
                for (int i = vs.inBegin[u]; i < vs.inBegin[u + 1]; ++i) {
                    const int p = vs.inFrom[i];
                    if (stamp[p] != e) {
                        stamp[p] = e;
                        stack.push_back(p);
                    }
                }
            }
        }
        if (handoff)
            handoffs.push_back(edge.flow);
    }
    return handoffs;
}

std::string segmentName(const detail::PathNode& node) {
    if (node.step)
        return node.step->name;
    if (node.wait) {
        if (!node.wait->label.empty())
            return node.wait->label;
        return node.wait->kind == model::WaitKind::Inventory ? "Inventory" : "Wait";
    }
    return node.party ? node.party->name : std::string();
}

/// The figures that need no path, only the map's steps and flows.
void fillPartFigures(const ValueStream& vs, MapMetrics& m) {
    m.handoffFlows = findHandoffs(vs);
    m.handoffs = static_cast<int>(m.handoffFlows.size());
    m.people = vs.people;
    m.systems = vs.systems;
    m.roles = vs.roles;
    m.frictionHoursPerWeek = vs.frictionHours;
    m.frictionCostPerWeek = vs.frictionCost;
}

/// Errors in how work flows: they make the path unknown, but leave every number of the
/// steps and the map sound (see MapMetrics::partsValid).
bool isPathError(const Finding& finding) {
    static constexpr std::string_view kPathCodes[] = {
        "no_start",           "flow_dangling",
        "shares_mixed",       "shares_sum",
        "share_out_of_range", "loop_without_share",
        "loop_never_exits",   "lead_time_below_process_time"};
    return std::find(std::begin(kPathCodes), std::end(kPathCodes), finding.code) !=
           std::end(kPathCodes);
}

bool onlyPathErrors(const std::vector<Finding>& findings) {
    return std::all_of(findings.begin(), findings.end(), [](const Finding& f) {
        return f.severity != Severity::Error || isPathError(f);
    });
}

/// Every figure of a solved value stream.
void fillFigures(const model::Project& project, const ValueStream& vs, MapMetrics& m) {
    m.timeline.reserve(vs.pathOrder.size());
    const model::Calendar& calendar = project.props.calendar;

    const std::size_t count = vs.pathOrder.size();
    for (std::size_t i = 0; i < count; ++i) {
        // The names are copied into the rungs: ask ahead for the steps and their text.
        if (i + 8 < count)
            if (const model::Step* ahead = vs.nodes[vs.pathOrder[i + 8]].step)
                __builtin_prefetch(&ahead->name);
        if (i + 4 < count)
            if (const model::Step* ahead = vs.nodes[vs.pathOrder[i + 4]].step)
                __builtin_prefetch(ahead->name.data());
        const int v = vs.pathOrder[i];
        const detail::PathNode& node = vs.nodes[v];
        const double visits = vs.visits[v];
        double incoming = 0;
        for (int k = vs.inBegin[v]; k < vs.inBegin[v + 1]; ++k)
            incoming += vs.edgeVisits[vs.inEdges[k]] * vs.edges[vs.inEdges[k]].wait;
        // Parties add no time of their own: they get a rung only for flow waits into them.
        if (node.party && incoming <= 0)
            continue;
        Segment segment;
        segment.element = node.id;
        segment.kind = node.kind;
        segment.name = segmentName(node);
        segment.visits = visits;
        segment.processSeconds = visits * vs.pt[v];
        segment.waitSeconds = visits * (vs.lt[v] - vs.pt[v]) + incoming;
        m.leadTime += segment.leadSeconds();
        m.processTime += segment.processSeconds;
        if (node.step) {
            m.cycleTime += visits * vs.ct[v];
            if (vs.valueAdding[v])
                m.valueAddingTime += visits * vs.pt[v];
        }
        m.timeline.push_back(std::move(segment));
    }
    m.waitTime = m.leadTime - m.processTime;
    m.leadTimeDays = m.leadTime / calendar.secondsPerDay();
    if (m.leadTime > 0) {
        m.activityRatio = m.processTime / m.leadTime;
        m.processCycleEfficiency = m.valueAddingTime / m.leadTime;
    }
    m.rolledPca = vs.start == kNoNode ? 1 : vs.rolledPca;
    if (m.demandPerDay)
        m.wip = *m.demandPerDay * m.leadTimeDays;

    // The bottleneck: the path step with the highest C/T (first in path order on a tie);
    // without path steps, among all steps in flow order. A C/T of 0 is nobody's bottleneck.
    for (int v : vs.pathOrder)
        if (vs.nodes[v].step && vs.ct[v] > m.bottleneckCycleTime) {
            m.bottleneck = vs.nodes[v].id;
            m.bottleneckCycleTime = vs.ct[v];
        }
    if (m.bottleneck == model::kNoId)
        for (Id id : m.stepOrder) {
            const double ct = m.steps.at(id).cycleTime;
            if (ct > m.bottleneckCycleTime) {
                m.bottleneck = id;
                m.bottleneckCycleTime = ct;
            }
        }

    fillPartFigures(vs, m);

    // Total labour: steps off the value stream count once.
    for (int v : vs.stepNodes)
        m.totalLabour += vs.pt[v] * (vs.live[v] ? vs.labour[v] : 1.0);
}

/// Path steps in path order, then the rest by position (x, then y, then id).
std::vector<Id> orderSteps(const ValueStream& vs, bool solved) {
    std::vector<Id> order;
    order.reserve(vs.stepNodes.size());
    if (solved)
        for (int v : vs.pathOrder)
            if (vs.nodes[v].step)
                order.push_back(vs.nodes[v].id);
    std::vector<const model::Step*> rest;
    rest.reserve(vs.stepNodes.size() - order.size());
    for (int v : vs.stepNodes)
        if (!solved || !(vs.visits[v] > 0))
            rest.push_back(vs.nodes[v].step);
    std::sort(rest.begin(), rest.end(), [](const model::Step* a, const model::Step* b) {
        if (a->pos.x != b->pos.x)
            return a->pos.x < b->pos.x;
        if (a->pos.y != b->pos.y)
            return a->pos.y < b->pos.y;
        return a->id < b->id;
    });
    for (const model::Step* step : rest)
        order.push_back(step->id);
    return order;
}

void compute(const model::Project& project, const model::Map& map, MapMetrics& m) {
    detail::Reporter report(project, map, m.findings);
    const ValueStream vs = detail::analyse(report);
    // Only warnings follow: validity is known now.
    m.valid = vs.solved && !report.hasErrors();
    m.partsValid = m.valid || onlyPathErrors(m.findings);

    const model::Calendar& calendar = project.props.calendar;
    const double available = map.props.availableTimePerDay.value_or(calendar.secondsPerDay());
    const std::optional<double> demand = map.demandPerDay(calendar);
    std::optional<double> takt;
    if (demand && std::isfinite(*demand) && std::isfinite(available) && available > 0)
        takt = available / *demand;

    // Every step is listed, with its own figures even when the map is invalid.
    for (int v : vs.stepNodes) {
        const Id id = vs.nodes[v].id;
        StepFigures figures;
        figures.step = id;
        figures.processTime = finiteOrZero(vs.pt[v]);
        figures.leadTime = finiteOrZero(vs.lt[v]);
        figures.cycleTime = finiteOrZero(vs.ct[v]);
        if (takt && figures.cycleTime > *takt)
            report.warning("above_takt", id,
                           report.describe(id) + ": cycle time " +
                               report.stepTime(figures.cycleTime) + " is above takt " +
                               report.stepTime(*takt) + "; it cannot meet demand");
        if (m.valid) {
            figures.visits = vs.visits[v];
            figures.onPath = vs.visits[v] > 0;
            if (figures.cycleTime > 0)
                figures.capacityPerDay = available / figures.cycleTime;
        }
        if (m.partsValid)
            figures.aboveTakt = takt && figures.cycleTime > *takt;
        m.steps.emplace_hint(m.steps.end(), id, figures);
    }
    m.stepOrder = orderSteps(vs, m.valid);
    if (!m.partsValid)
        return;

    m.availableTimePerDay = available;
    m.demandPerDay = demand;
    m.takt = takt;
    if (m.valid)
        fillFigures(project, vs, m);
    else
        fillPartFigures(vs, m);
    detail::withholdNonFinite(report, m);
}

} // namespace

MapMetrics computeMetrics(const model::Project& project, const model::Map& map) {
    MapMetrics m;
    m.map = map.id;
    m.name = map.props.name;
    for (const auto& [id, pen] : map.redPens)
        if (pen.cost && std::isfinite(*pen.cost) && *pen.cost >= 0) {
            m.redPenCostPerYear += *pen.cost;
            ++m.redPensCosted;
        }
    try {
        compute(project, map, m);
    } catch (const std::exception& e) {
        // Only resource exhaustion gets here; the figures of a half-done run are not shown.
        MapMetrics failed;
        failed.map = map.id;
        failed.name = map.props.name;
        failed.findings.push_back(
            {Severity::Error, "internal_error", map.id, model::kNoId,
             std::string("The figures could not be worked out: ") + e.what()});
        return failed;
    }
    return m;
}

std::vector<Finding> validate(const model::Project& project, const model::Map& map) {
    return computeMetrics(project, map).findings;
}

std::vector<Id> stepsInFlowOrder(const model::Project& project, const model::Map& map) {
    return computeMetrics(project, map).stepOrder;
}

bool hasErrors(const std::vector<Finding>& findings) {
    return std::any_of(findings.begin(), findings.end(),
                       [](const Finding& f) { return f.severity == Severity::Error; });
}

} // namespace gemba::metrics
