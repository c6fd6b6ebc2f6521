#include "gemba/metrics/metrics.h"

#include "checks.h"
#include "findings.h"
#include "value_stream.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <exception>
#include <string_view>
#include <unordered_set>

namespace gemba::metrics {

namespace {

using detail::kNoNode;
using detail::PathEdge;
using detail::ValueStream;
using model::Id;

std::string_view trimmed(std::string_view text) {
    const auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!text.empty() && isSpace(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && isSpace(text.back()))
        text.remove_suffix(1);
    return text;
}

char lowered(char c) {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

/// Roles are compared trimmed and case-insensitively: "Sales " and "sales" are one team.
bool sameRole(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return lowered(x) == lowered(y);
           });
}

struct RoleHash {
    std::size_t operator()(std::string_view text) const {
        std::size_t hash = 1469598103934665603ull;
        for (char c : text)
            hash = (hash ^ static_cast<unsigned char>(lowered(c))) * 1099511628211ull;
        return hash;
    }
};
struct RoleEqual {
    bool operator()(std::string_view a, std::string_view b) const { return sameRole(a, b); }
};

double finiteOrZero(double value) {
    return std::isfinite(value) ? value : 0;
}

/// The index of every step's node (kNoNode for a step hidden by a duplicate id), by walking
/// the id-ordered steps and the id-ordered nodes side by side.
std::vector<int> stepNodes(const model::Map& map, const ValueStream& vs) {
    std::vector<int> out;
    out.reserve(map.steps.size());
    int k = 0;
    for (const auto& [id, step] : map.steps) {
        while (k < vs.nodeCount() && vs.nodes[k].id < id)
            ++k;
        out.push_back(k < vs.nodeCount() && vs.nodes[k].step == &step ? k : kNoNode);
    }
    return out;
}

/// Work flows into a step whose upstream step (the flow's source, or through waits the steps
/// before them) belongs to another role.
std::vector<Id> findHandoffs(const ValueStream& vs) {
    std::vector<Id> handoffs;
    std::vector<int> stamp(vs.nodes.size(), -1);
    std::vector<int> stack;
    for (int e = 0; e < static_cast<int>(vs.edges.size()); ++e) {
        const PathEdge& edge = vs.edges[e];
        const model::Step* target = vs.nodes[edge.to].step;
        if (!target)
            continue;
        const std::string_view role = trimmed(target->role);
        if (role.empty())
            continue;
        bool handoff = false;
        stack.assign(1, edge.from);
        stamp[edge.from] = e;
        while (!stack.empty() && !handoff) {
            const int u = stack.back();
            stack.pop_back();
            if (const model::Step* step = vs.nodes[u].step) {
                const std::string_view other = trimmed(step->role);
                handoff = !other.empty() && !sameRole(other, role);
            } else if (vs.nodes[u].wait) {
                for (int i = vs.inBegin[u]; i < vs.inBegin[u + 1]; ++i) {
                    const int p = vs.edges[vs.inEdges[i]].from;
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

void fillPeopleSystemsRoles(const model::Project& project, const model::Map& map, MapMetrics& m) {
    std::unordered_set<std::string_view, RoleHash, RoleEqual> seenRoles;
    for (const auto& [id, step] : map.steps) {
        for (Id person : step.people)
            if (project.people.contains(person))
                m.people.push_back(person);
        for (Id system : step.systems)
            if (project.systems.contains(system))
                m.systems.push_back(system);
        const std::string_view role = trimmed(step.role);
        if (!role.empty() && seenRoles.insert(role).second)
            m.roles.emplace_back(role);
    }
    for (auto* ids : {&m.people, &m.systems}) {
        std::sort(ids->begin(), ids->end());
        ids->erase(std::unique(ids->begin(), ids->end()), ids->end());
    }
}

void fillFriction(const model::Project& project, const model::Map& map, MapMetrics& m) {
    for (const auto& [id, step] : map.steps) {
        if (step.frictions.empty())
            continue;
        double minutesPerWeek = 0;
        for (const model::Friction& friction : step.frictions)
            minutesPerWeek += friction.minutesPerOccurrence * friction.occurrencesPerWeek;
        const double hours = minutesPerWeek / 60 * step.headcount;
        // The step's rate: the average cost of its people who have one, else the default.
        double costSum = 0;
        int costed = 0;
        for (Id person : step.people)
            if (auto it = project.people.find(person);
                it != project.people.end() && it->second.hourlyCost) {
                costSum += *it->second.hourlyCost;
                ++costed;
            }
        const double rate = costed > 0 ? costSum / costed : project.props.defaultHourlyRate;
        m.frictionHoursPerWeek += hours;
        m.frictionCostPerWeek += hours * rate;
    }
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

/// Every figure of a solved value stream.
void fillFigures(const model::Project& project, const model::Map& map, const ValueStream& vs,
                 const std::vector<int>& stepNode, MapMetrics& m) {
    const model::Calendar& calendar = project.props.calendar;

    for (int v : vs.pathOrder) {
        const detail::PathNode& node = vs.nodes[v];
        const double visits = vs.visits[v];
        double incoming = 0;
        for (int i = vs.inBegin[v]; i < vs.inBegin[v + 1]; ++i)
            incoming += vs.edgeVisits[vs.inEdges[i]] * vs.edges[vs.inEdges[i]].wait;
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
            if (node.step->value == model::ValueClass::ValueAdding)
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

    m.handoffFlows = findHandoffs(vs);
    m.handoffs = static_cast<int>(m.handoffFlows.size());
    fillPeopleSystemsRoles(project, map, m);
    fillFriction(project, map, m);

    // Total labour: steps off the value stream count once.
    std::size_t k = 0;
    for (const auto& [id, step] : map.steps) {
        const int v = stepNode[k++];
        const double passes = v != kNoNode && vs.live[v] ? vs.labour[v] : 1.0;
        m.totalLabour += step.processTime.value_or(0) * passes;
    }
}

/// Path steps in path order, then the rest by position (x, then y, then id).
std::vector<Id> orderSteps(const model::Map& map, const ValueStream& vs,
                           const std::vector<int>& stepNode, bool solved) {
    std::vector<Id> order;
    order.reserve(map.steps.size());
    if (solved)
        for (int v : vs.pathOrder)
            if (vs.nodes[v].step)
                order.push_back(vs.nodes[v].id);
    std::vector<const model::Step*> rest;
    rest.reserve(map.steps.size() - order.size());
    std::size_t k = 0;
    for (const auto& [id, step] : map.steps) {
        const int v = stepNode[k++];
        if (!solved || v == kNoNode || !(vs.visits[v] > 0))
            rest.push_back(&step);
    }
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
    detail::checkElements(report);
    const ValueStream vs = detail::analyse(report);

    const model::Calendar& calendar = project.props.calendar;
    const double available = map.props.availableTimePerDay.value_or(calendar.secondsPerDay());
    const std::optional<double> demand = map.demandPerDay(calendar);
    std::optional<double> takt;
    if (demand && std::isfinite(*demand) && std::isfinite(available) && available > 0)
        takt = available / *demand;

    const std::vector<int> stepNode = stepNodes(map, vs);
    std::size_t k = 0;
    for (const auto& [id, step] : map.steps) {
        const int v = stepNode[k++];
        StepFigures figures;
        figures.step = id;
        if (v != kNoNode) {
            figures.processTime = finiteOrZero(vs.pt[v]);
            figures.leadTime = finiteOrZero(vs.lt[v]);
            figures.cycleTime = finiteOrZero(vs.ct[v]);
        }
        if (takt && figures.cycleTime > *takt)
            report.warning("above_takt", id,
                           report.describe(id) + ": cycle time " +
                               report.duration(figures.cycleTime) + " is above takt " +
                               report.duration(*takt) + "; it cannot meet demand");
        m.steps.emplace_hint(m.steps.end(), id, figures);
    }

    m.valid = vs.solved && !report.hasErrors();
    m.stepOrder = orderSteps(map, vs, stepNode, m.valid);
    if (!m.valid)
        return;

    m.availableTimePerDay = available;
    m.demandPerDay = demand;
    m.takt = takt;
    k = 0;
    for (auto& [id, figures] : m.steps) {
        const int v = stepNode[k++];
        if (v != kNoNode) {
            figures.visits = vs.visits[v];
            figures.onPath = vs.visits[v] > 0;
        }
        if (figures.cycleTime > 0)
            figures.capacityPerDay = available / figures.cycleTime;
        figures.aboveTakt = takt && figures.cycleTime > *takt;
    }
    fillFigures(project, map, vs, stepNode, m);
}

} // namespace

MapMetrics computeMetrics(const model::Project& project, const model::Map& map) {
    MapMetrics m;
    m.map = map.id;
    m.name = map.props.name;
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
