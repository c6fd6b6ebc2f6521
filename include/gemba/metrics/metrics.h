#pragma once

#include "gemba/model/project.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

/// The metrics engine: pure functions of a project's map. Nothing here is stored; the editor
/// and the exports recompute from the model. Conventions and formulas: docs/metrics.md.
namespace gemba::metrics {

using model::Id;

enum class Severity { Error, Warning, Info };

/// A validation finding about a map, and the element it concerns (kNoId: the map itself).
struct Finding {
    Severity severity = Severity::Warning;
    std::string code; ///< stable, e.g. "lead_time_below_process_time"
    Id map = model::kNoId;
    Id element = model::kNoId;
    std::string message; ///< says what is wrong and where, in words a facilitator reads
    bool operator==(const Finding&) const = default;
};

/// One rung of the timeline ladder, in path order. waitSeconds + processSeconds is what this
/// element adds to the lead time; both are expected values (weighted by visits).
struct Segment {
    Id element = model::kNoId;
    model::ElementKind kind = model::ElementKind::Step;
    std::string name;
    double visits = 1;         ///< expected passes per item (shares, rework loops)
    double waitSeconds = 0;    ///< upper rung: queues, inventory, flow waits, step LT - PT
    double processSeconds = 0; ///< lower rung: process time
    double leadSeconds() const { return waitSeconds + processSeconds; }
};

/// Figures of one step.
struct StepFigures {
    Id step = model::kNoId;
    double processTime = 0;               ///< typical PT, seconds (0 when missing)
    double leadTime = 0;                  ///< LT, or PT when LT is empty
    double cycleTime = 0;                 ///< C/T, or PT / headcount / uptime when C/T is empty
    double visits = 0;                    ///< expected passes per item along the critical path
    bool onPath = false;                  ///< reached by the value stream's path (visits > 0)
    std::optional<double> capacityPerDay; ///< items per day: available time / C/T
    bool aboveTakt = false;               ///< C/T > takt: the step cannot meet demand
};

struct MapMetrics {
    Id map = model::kNoId;
    std::string name;
    /// False when validation found errors: then the path figures below (lead, process, wait,
    /// value-adding and cycle time, ratios, rolled %C&A, WIP, bottleneck, total labour, the
    /// timeline, each step's visits and capacity) are not given (zero).
    bool valid = false;
    /// The figures that need no path: demand, available time, takt, each step's aboveTakt,
    /// handoffs, systems, people, roles and friction. Given whenever `valid` is, and also when
    /// every error is about how work flows (no start, a dangling flow, shares, loops, a lead
    /// time below process time): those withhold the path figures only. An error in the data
    /// these figures read (a number that is not one, a headcount, the calendar) withholds
    /// them too.
    bool partsValid = false;

    double processTime = 0;     ///< seconds: sum of PT along the critical path
    double valueAddingTime = 0; ///< seconds: PT of value-adding steps along the critical path
    double cycleTime = 0;       ///< seconds: sum of C/T along the critical path
    double leadTime = 0;        ///< seconds: step LTs plus waits plus inventory time
    double waitTime = 0;        ///< seconds: leadTime - processTime
    double leadTimeDays = 0;    ///< leadTime in working days of the project's calendar
    double activityRatio = 0;   ///< processTime / leadTime, 0-1
    double processCycleEfficiency = 0; ///< PT of value-adding steps / leadTime, 0-1
    double rolledPca = 1;              ///< product of %C&A along the path, 0-1
    std::optional<double> demandPerDay;
    double availableTimePerDay = 0; ///< seconds: the map's, else the calendar's day
    std::optional<double> takt;     ///< seconds per item; empty without demand
    std::optional<double> wip;      ///< Little's law: demand per day x lead time days
    Id bottleneck = model::kNoId;   ///< the path step with the highest C/T
    double bottleneckCycleTime = 0;
    int handoffs = 0;               ///< work flows into a step of another role or team
    std::vector<Id> handoffFlows;   ///< those flows, for the canvas's handoff markers
    std::vector<Id> systems;        ///< systems touched by the map's steps
    std::vector<Id> people;         ///< people assigned to the map's steps
    std::vector<std::string> roles; ///< distinct roles or teams of the map's steps
    double frictionHoursPerWeek = 0;
    double frictionCostPerWeek = 0; ///< project currency
    double totalLabour = 0; ///< seconds: all hands-on work per item, every parallel branch too
    /// Σ of the estimated yearly costs of the map's red pens (project currency), and how many
    /// red pens have one. Always given: it needs no path and no other figure.
    double redPenCostPerYear = 0;
    int redPensCosted = 0;
    std::vector<Segment> timeline; ///< the ladder, in path order
    std::map<Id, StepFigures> steps;
    /// Every step: those on the path in timeline order, then the rest by position (x, y, id).
    std::vector<Id> stepOrder;
    std::vector<Finding> findings;
};

/// Every figure of a map. Never throws on bad data: errors become findings.
MapMetrics computeMetrics(const model::Project& project, const model::Map& map);

/// Validation findings of one map (the same ones computeMetrics reports).
std::vector<Finding> validate(const model::Project& project, const model::Map& map);

/// Steps in flow order: those on the path first, in path order, then the rest by position.
std::vector<Id> stepsInFlowOrder(const model::Project& project, const model::Map& map);

bool hasErrors(const std::vector<Finding>& findings);

} // namespace gemba::metrics
