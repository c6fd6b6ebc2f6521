#pragma once

#include "gemba/model/calendar.h"
#include "gemba/model/event_log.h"
#include "gemba/model/project.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

/// Figures measured from an event log: per-step distributions of process time, lead time and
/// waiting, the routes items take (alternatives with shares, parallel work, rework loops), the
/// items' lead times and flow efficiency, and flow over time. Every duration counts working
/// time on the project's calendar. Rules and worked examples: docs/metrics.md, "Measured
/// maps".
namespace gemba::metrics {

/// A distribution of durations (seconds) or counts; the model keeps a step's measured ones.
using Distribution = model::Distribution;
/// The distribution of `values` (sorted in place).
Distribution distributionOf(std::vector<double>& values);
/// The q-quantile (0-1) of sorted values, interpolated; 0 for none.
double quantileOfSorted(const std::vector<double>& sorted, double q);

/// The first instant of a calendar day in the working hours' zone: a filter "from day A to day
/// B" keeps arrivals in [dayStart(A), dayStart(B + 1)).
std::int64_t dayStart(model::DayNumber day, const model::WorkingHours& hours);

struct FlowOptions {
    /// Routes (flows between two steps) and steps taken by fewer than this share of the items
    /// are folded: left off the map and reported.
    double minRouteShare = 0.02;
    /// Only items that arrive (their first event starts) within [from, to).
    std::optional<std::int64_t> from;
    std::optional<std::int64_t> to;
    /// Only items of this type (empty: every type).
    std::string itemType;
};

/// Node numbers of routes: steps are 0..n-1; the arrival of items and their end are these.
inline constexpr int kArrival = -1;
inline constexpr int kFinish = -2;

struct StepFlow {
    std::string name;
    std::string role;         ///< from the mapping, else the events' most common role
    Distribution processTime; ///< working time inside the step's events, per visit
    Distribution leadTime;    ///< working time from the visit's first start to its last end
    Distribution waitBefore;  ///< working time from work available to the visit's start
    std::size_t visits = 0;   ///< finished visits
    std::size_t items = 0;    ///< distinct items that visited it
    std::size_t departures = 0;
    std::size_t returns = 0;  ///< departures to a step the item had already visited
    double returnShare = 0;   ///< returns / departures
    double pcaEstimate = 100; ///< 100 x (1 - returnShare): an estimate, see its basis
    double meanStage = 0;     ///< average position in the items' stage order, for layout
    bool folded = false;
};

struct RouteFlow {
    int from = kArrival; ///< a step, or kArrival
    int to = kFinish;    ///< a step, or kFinish
    std::size_t transitions = 0;
    std::size_t items = 0;
    bool rework = false;   ///< goes back to a step the item reached no later than `from`
    bool parallel = false; ///< part of a split into steps that overlap in time
    /// Of the departures from `from` that went to `to` alone; empty when the route is only
    /// taken within a parallel split (see ParallelGroup).
    std::optional<double> share;
    Distribution wait; ///< waiting before `to` when coming this way
    bool folded = false;
};

/// Departures from one node into several steps at once, where the node's other departures go
/// elsewhere (a rework loop back, say): on the map a junction (a wait of no time) takes the
/// group's share and splits in parallel into its members.
struct ParallelGroup {
    int from = kArrival;
    std::vector<int> members;
    double share = 0;
    std::size_t departures = 0;
};

struct FlowReport {
    std::string file;
    std::size_t events = 0; ///< events of the items used
    std::size_t itemsInLog = 0;
    std::size_t itemsUsed = 0; ///< after the filters
    std::size_t itemsFinished = 0;
    std::size_t itemsInProgress = 0;
    std::size_t duplicatesDropped = 0;
    std::size_t foldedItems = 0; ///< items that took at least one folded route or step
    std::int64_t firstInstant = 0;
    std::int64_t lastInstant = 0;
    std::vector<StepFlow> steps; ///< in the order of the mapping's first use
    std::vector<RouteFlow> routes;
    std::vector<ParallelGroup> groups;
    /// Names the mapping does not hold, with their event counts; their time counts as waiting.
    std::vector<std::pair<std::string, std::size_t>> unmapped;
    Distribution itemLeadTime;      ///< finished items, arrival to finish, working time
    Distribution itemActiveTime;    ///< working time in which any of the item's steps was worked
    double flowEfficiency = 0;      ///< sum of active time / sum of lead time, finished items
    double workingDays = 0;         ///< working days from the first arrival to the last finish
    double throughputPerDay = 0;    ///< finished items per working day: the demand
    double averageWip = 0;          ///< items in process, averaged over elapsed time
    std::vector<std::string> notes; ///< what the map cannot show exactly, said plainly
    /// "events.csv: 1,234 items, 2026-01-05 to 2026-03-31": the provenance of every figure.
    std::string provenance() const;
};

/// Derives the flow of the items of `log`. Names the mapping does not hold are listed in
/// `unmapped` and counted as waiting. Never throws for odd data: a log of one item, one
/// activity, or none gives a report that says so.
FlowReport deriveFlow(const model::EventLog& log, const model::EventMapping& mapping,
                      const model::WorkingHours& hours, const FlowOptions& options = {});

/// A mapping for every name of the log: the given entries, and a guess for the others
/// (model::guessStateMapping).
model::EventMapping completeMapping(const model::EventLog& log,
                                    const model::EventMapping& given = {});

/// A current-state map drawn from a report: a supplier where items arrive, a step per
/// unfolded step (process time P50, lead time P50, %C&A estimate, measured sources), work
/// flows with shares and waits (P50), a customer where items finish, and the demand.
/// New ids come from `nextId`.
model::Map measuredMap(const FlowReport& report, const std::string& name, model::Id& nextId);

/// Refreshes the figures of the steps of `map` whose names match measured steps (trimmed,
/// case-insensitive), and the shares and waits of flows between two such steps; keeps the
/// layout and everything else. Returns the names of the measured steps the map lacks and of
/// the map's steps that were not measured, as lines for a report.
std::vector<std::string> refreshMap(model::Map& map, const FlowReport& report);

enum class FlowPeriod { Week, Month };

struct PeriodFlow {
    std::string label;          ///< "2026-03-02" (the Monday of a week) or "2026-03"
    std::int64_t start = 0;     ///< first instant of the period (calendar zone)
    std::int64_t end = 0;       ///< first instant after it
    std::size_t throughput = 0; ///< items finished in the period
    Distribution leadTime;      ///< of those items, working time
    double flowEfficiency = 0;  ///< their active time / their lead time
    std::size_t wipAtEnd = 0;   ///< items arrived and not finished at the period's end
};

/// Per week or month, from the first arrival to the last finish of the items the options
/// keep: throughput, lead time, flow efficiency and work in process.
std::vector<PeriodFlow> flowOverTime(const model::EventLog& log, const model::EventMapping& mapping,
                                     const model::WorkingHours& hours, FlowPeriod period,
                                     const FlowOptions& options = {});

} // namespace gemba::metrics
