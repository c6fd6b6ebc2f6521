#include "checks.h"

#include "gemba/model/units.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

namespace gemba::metrics::detail {

namespace {

using model::formatNumber;

// Element descriptions are built only when a finding fires: a clean map of thousands of
// steps must not pay for strings it never shows.

/// "Step "Review": process time", or "Map "Current": demand" for the map itself (kNoId).
std::string subject(const Reporter& report, model::Id element, std::string_view what) {
    return (element == model::kNoId ? report.describeMap() : report.describe(element)) + ": " +
           std::string(what);
}

/// A duration that must be finite and not negative. Returns false when it is neither.
// The checks below run for every number of every step: the common case (a good value) is
// decided inline, the reporting is out of line.

/// A finite value of at least 0.
inline bool finiteNonNegative(double value) {
    return value >= 0 && value <= std::numeric_limits<double>::max();
}

[[gnu::cold, gnu::noinline]] bool reportTime(Reporter& report, model::Id element,
                                             std::string_view what,
                                             const std::optional<double>& value) {
    if (!std::isfinite(*value)) {
        report.error("not_finite", element, subject(report, element, what) + " is not a number");
        return false;
    }
    if (*value < 0) {
        report.error("negative_time", element,
                     subject(report, element, what) + " " + report.duration(*value) +
                         " is negative");
        return false;
    }
    return true;
}

/// A count or amount of money that must be finite and not negative.
[[gnu::cold, gnu::noinline]] bool reportAmount(Reporter& report, model::Id element,
                                               std::string_view what,
                                               const std::optional<double>& value) {
    if (!std::isfinite(*value)) {
        report.error("not_finite", element, subject(report, element, what) + " is not a number");
        return false;
    }
    if (*value < 0) {
        report.error("negative_value", element,
                     subject(report, element, what) + " " + formatNumber(*value) + " is negative");
        return false;
    }
    return true;
}

/// A percentage in (0, 100], or in [0, 100] when zero is allowed.
[[gnu::cold, gnu::noinline]] void reportPercent(Reporter& report, model::Id element,
                                                std::string_view what,
                                                const std::optional<double>& value,
                                                const char* code, bool zeroAllowed) {
    if (!std::isfinite(*value)) {
        report.error("not_finite", element, subject(report, element, what) + " is not a number");
        return;
    }
    const bool inRange =
        zeroAllowed ? (*value >= 0 && *value <= 100) : (*value > 0 && *value <= 100);
    if (!inRange)
        report.error(code, element,
                     subject(report, element, what) + " " + formatNumber(*value) + "% is outside " +
                         (zeroAllowed ? "0-100%" : "0-100% (above 0)"));
}

/// A duration that must be finite and not negative. Returns false when it is neither.
inline bool checkTime(Reporter& report, model::Id element, std::string_view what,
                      const std::optional<double>& value) {
    return !value || finiteNonNegative(*value) || reportTime(report, element, what, value);
}

/// A count or amount of money that must be finite and not negative.
inline bool checkAmount(Reporter& report, model::Id element, std::string_view what,
                        const std::optional<double>& value) {
    return !value || finiteNonNegative(*value) || reportAmount(report, element, what, value);
}

/// A percentage in (0, 100], or in [0, 100] when zero is allowed.
/// Returns false when it is outside.
inline bool checkPercent(Reporter& report, model::Id element, std::string_view what,
                         const std::optional<double>& value, const char* code, bool zeroAllowed) {
    if (value && !((*value > 0 || (zeroAllowed && *value == 0)) && *value <= 100)) {
        reportPercent(report, element, what, value, code, zeroAllowed);
        return false;
    }
    return true;
}

} // namespace

void checkCalendarAndMap(Reporter& report) {
    const model::Calendar& calendar = report.project().props.calendar;
    if (!(calendar.hoursPerDay > 0 && calendar.hoursPerDay <= 24) ||
        !(calendar.daysPerWeek > 0 && calendar.daysPerWeek <= 7) ||
        !(calendar.daysPerMonth > 0 && calendar.daysPerMonth <= 31))
        report.error("calendar_out_of_range", model::kNoId,
                     "The project's calendar has " + formatNumber(calendar.hoursPerDay) +
                         " hours per day, " + formatNumber(calendar.daysPerWeek) +
                         " days per week and " + formatNumber(calendar.daysPerMonth) +
                         " days per month; it needs 0-24 hours, 0-7 days a week and 0-31 days "
                         "a month, above 0");
    const double rate = report.project().props.defaultHourlyRate;
    if (!std::isfinite(rate) || rate < 0)
        report.error(std::isfinite(rate) ? "negative_value" : "not_finite", model::kNoId,
                     "The project's default hourly rate " +
                         (std::isfinite(rate) ? formatNumber(rate) + " is negative"
                                              : std::string("is not a number")));

    const model::MapProps& props = report.map().props;
    if (props.demand)
        checkAmount(report, model::kNoId, "customer demand", props.demand->quantity);
    if (props.availableTimePerDay) {
        const double available = *props.availableTimePerDay;
        if (!std::isfinite(available))
            report.error("not_finite", model::kNoId,
                         subject(report, model::kNoId, "available time per day") +
                             " is not a number");
        else if (available <= 0)
            report.error("available_time_not_positive", model::kNoId,
                         subject(report, model::kNoId, "available time per day") + " " +
                             report.duration(available) + " must be above 0");
    }
    if (report.map().steps.empty())
        report.info("no_steps", model::kNoId, report.describeMap() + " has no process steps yet");
}

namespace {

int indexIn(const std::vector<model::Id>& ids, model::Id id) {
    auto it = std::lower_bound(ids.begin(), ids.end(), id);
    return it != ids.end() && *it == id ? static_cast<int>(it - ids.begin()) : -1;
}

} // namespace

ProjectIndex::ProjectIndex(const model::Project& project) {
    people.reserve(project.people.size());
    persons.reserve(project.people.size());
    for (const auto& [id, person] : project.people) {
        people.push_back(id);
        persons.push_back(&person);
    }
    systems.reserve(project.systems.size());
    for (const auto& [id, system] : project.systems)
        systems.push_back(id);
    build(m_people, people);
    build(m_systems, systems);
}

void ProjectIndex::build(Lookup& lookup, const std::vector<model::Id>& ids) {
    lookup.ids = &ids;
    if (ids.empty() || ids.back() - ids.front() > 64 * ids.size() + 4096)
        return;
    lookup.base = ids.front();
    lookup.table.assign(static_cast<std::size_t>(ids.back() - ids.front()) + 1, -1);
    for (std::size_t i = 0; i < ids.size(); ++i)
        lookup.table[ids[i] - lookup.base] = static_cast<int>(i);
}

int ProjectIndex::find(const Lookup& lookup, model::Id id) {
    if (!lookup.table.empty())
        return id >= lookup.base && id - lookup.base < lookup.table.size()
                   ? lookup.table[id - lookup.base]
                   : -1;
    return indexIn(*lookup.ids, id);
}

void checkStep(Reporter& report, const model::Step& step) {
    const model::Id id = step.id;
    if (!std::isfinite(step.headcount))
        report.error("not_finite", id, subject(report, id, "headcount") + " is not a number");
    else if (step.headcount <= 0)
        report.error("headcount_not_positive", id,
                     subject(report, id, "headcount") + " " + formatNumber(step.headcount) +
                         " must be above 0");

    const bool ptOk = checkTime(report, id, "process time", step.processTime);
    const bool minOk = checkTime(report, id, "minimum process time", step.processTimeMin);
    const bool maxOk = checkTime(report, id, "maximum process time", step.processTimeMax);
    checkTime(report, id, "cycle time", step.cycleTime);
    const bool ltOk = checkTime(report, id, "lead time", step.leadTime);
    checkTime(report, id, "changeover", step.changeover);

    const auto& pt = step.processTime;
    if (ptOk && ltOk && pt && step.leadTime && *step.leadTime < *pt)
        report.error("lead_time_below_process_time", id,
                     subject(report, id, "lead time") + " " + report.stepTime(*step.leadTime) +
                         " is shorter than process time " + report.stepTime(*pt));
    if (ptOk && minOk && pt && step.processTimeMin && *step.processTimeMin > *pt)
        report.warning("process_time_range", id,
                       subject(report, id, "minimum process time") + " " +
                           report.stepTime(*step.processTimeMin) + " is above the typical " +
                           report.stepTime(*pt));
    if (ptOk && maxOk && pt && step.processTimeMax && *step.processTimeMax < *pt)
        report.warning("process_time_range", id,
                       subject(report, id, "maximum process time") + " " +
                           report.stepTime(*step.processTimeMax) + " is below the typical " +
                           report.stepTime(*pt));
    if (minOk && maxOk && !pt && step.processTimeMin && step.processTimeMax &&
        *step.processTimeMin > *step.processTimeMax)
        report.warning("process_time_range", id,
                       subject(report, id, "minimum process time") + " " +
                           report.stepTime(*step.processTimeMin) + " is above the maximum " +
                           report.stepTime(*step.processTimeMax));

    checkPercent(report, id, "%C&A", step.pca, "pca_out_of_range", false);
    const bool uptimeOk =
        checkPercent(report, id, "uptime", step.uptime, "percent_out_of_range", false);
    if (step.breakdown) {
        const bool mtbfOk = checkTime(report, id, "mean time between failures",
                                      std::optional<double>(step.breakdown->mtbf));
        const bool mttrOk = checkTime(report, id, "mean time to repair",
                                      std::optional<double>(step.breakdown->mttr));
        if (mtbfOk && step.breakdown->mtbf <= 0)
            report.error("breakdown_not_positive", id,
                         subject(report, id, "mean time between failures") + " must be above 0");
        // The figures use the uptime, the discrete-event run the breakdowns: they must agree.
        if (mtbfOk && mttrOk && uptimeOk && step.uptime && step.breakdown->mtbf > 0 &&
            std::abs(*step.uptime - 100 * step.breakdown->availability()) > 0.5)
            report.warning("uptime_breakdown_mismatch", id,
                           subject(report, id, "uptime") + " " + formatNumber(*step.uptime) +
                               "% differs from its breakdowns' availability " +
                               formatNumber(100 * step.breakdown->availability(), 1) +
                               "% (MTBF / (MTBF + MTTR))");
    }
    checkPercent(report, id, "defect rate", step.defectRate, "percent_out_of_range", true);
    checkAmount(report, id, "batch size", step.batchSize);

    for (const model::Friction& friction : step.frictions) {
        const double minutes = friction.minutesPerOccurrence;
        if (!std::isfinite(minutes) || minutes < 0)
            checkTime(report, id, "friction \"" + friction.what + "\"", minutes * 60.0);
        const double occurrences = friction.occurrencesPerWeek;
        if (!std::isfinite(occurrences) || occurrences < 0)
            checkAmount(report, id, "friction \"" + friction.what + "\": occurrences per week",
                        occurrences);
    }
}

void checkWait(Reporter& report, const model::Wait& wait) {
    const bool timeOk = checkTime(report, wait.id, "waiting time", wait.time);
    const bool minOk = checkTime(report, wait.id, "minimum waiting time", wait.timeMin);
    const bool maxOk = checkTime(report, wait.id, "maximum waiting time", wait.timeMax);
    checkAmount(report, wait.id, "quantity", wait.quantity);
    const double typical = wait.time.value_or(0);
    if (timeOk && minOk && wait.timeMin && *wait.timeMin > typical)
        report.warning("wait_time_range", wait.id,
                       subject(report, wait.id, "minimum waiting time") + " " +
                           report.duration(*wait.timeMin) + " is above the typical " +
                           report.duration(typical));
    if (timeOk && maxOk && wait.timeMax && *wait.timeMax < typical)
        report.warning("wait_time_range", wait.id,
                       subject(report, wait.id, "maximum waiting time") + " " +
                           report.duration(*wait.timeMax) + " is below the typical " +
                           report.duration(typical));
}

void checkFlow(Reporter& report, const model::Flow& flow) {
    // Dangling ends are found by the value stream, which has a dense index of the nodes.
    if (flow.fifoMax && *flow.fifoMax <= 0)
        report.error("fifo_max_not_positive", flow.id,
                     subject(report, flow.id, "FIFO maximum ") + std::to_string(*flow.fifoMax) +
                         " must be above 0");
    checkTime(report, flow.id, "waiting time", flow.wait);
    if (flow.share && !(*flow.share >= 0 && *flow.share <= 1))
        report.error("share_out_of_range", flow.id,
                     subject(report, flow.id, "share ") +
                         (std::isfinite(*flow.share) ? formatNumber(*flow.share, 6)
                                                     : std::string("(not a number)")) +
                         " is outside 0-1");
}

void checkRedPens(Reporter& report) {
    const model::Map& map = report.map();
    for (const auto& [id, pen] : map.redPens)
        for (model::Id target : pen.targets)
            if (!map.steps.contains(target) && !map.flows.contains(target))
                report.warning("red_pen_target_missing", pen.id,
                               report.describe(pen.id) + ": marks #" + std::to_string(target) +
                                   ", which is not a step or flow of this map");
}

std::optional<double> checkPeopleAndSystems(Reporter& report, const model::Step& step,
                                            const ProjectIndex& index,
                                            std::vector<char>& personUsed,
                                            std::vector<char>& systemUsed) {
    double costSum = 0;
    int costed = 0;
    for (model::Id person : step.people) {
        const int i = index.person(person);
        if (i < 0) {
            report.warning("unknown_reference", step.id,
                           subject(report, step.id, "person #") + std::to_string(person) +
                               " is not in the project");
            continue;
        }
        personUsed[i] = 1;
        const std::optional<double>& cost = index.persons[i]->hourlyCost;
        if (!cost)
            continue;
        if (!(std::isfinite(*cost) && *cost >= 0))
            checkAmount(report, step.id, "hourly cost of \"" + index.persons[i]->name + "\"", cost);
        costSum += *cost;
        ++costed;
    }
    for (model::Id system : step.systems) {
        const int i = index.system(system);
        if (i < 0)
            report.warning("unknown_reference", step.id,
                           subject(report, step.id, "system #") + std::to_string(system) +
                               " is not in the project");
        else
            systemUsed[i] = 1;
    }
    if (costed == 0)
        return std::nullopt;
    return costSum / costed;
}

} // namespace gemba::metrics::detail
