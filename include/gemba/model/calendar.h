#pragma once

#include "gemba/model/units.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

/// The project calendar's working hours and holidays, and working time between two instants.
/// Instants are seconds since 1970-01-01 00:00 UTC. Working hours are read in the calendar's
/// own zone, a fixed offset from UTC, so that events written in several zones count alike.
namespace gemba::model {

/// A stretch of working time within one day: [start, end) in minutes after midnight.
struct WorkPeriod {
    int start = 0;
    int end = 0;
    bool operator==(const WorkPeriod&) const = default;
};

/// Days since 1970-01-01 (negative before).
using DayNumber = std::int32_t;

struct WorkingHours {
    /// Working periods per weekday, Monday first; each day's periods sorted and disjoint.
    std::array<std::vector<WorkPeriod>, 7> week;
    /// Days off (days since 1970-01-01), sorted, each once.
    std::vector<DayNumber> holidays;
    /// The calendar's zone: minutes east of UTC (+60 for 09:00 at 08:00 UTC).
    int utcOffsetMinutes = 0;

    /// An office: Monday to Friday, 09:00-17:00, no holidays, UTC.
    static WorkingHours office();
    /// Every hour of every day: elapsed time.
    static WorkingHours allHours();
    /// Working seconds in a normal week.
    double secondsPerWeek() const;
    bool operator==(const WorkingHours&) const = default;
};

/// The day number of a civil date (proleptic Gregorian).
DayNumber dayFromCivil(int year, int month, int day);
/// Monday = 0 ... Sunday = 6.
int weekdayOf(DayNumber day);
/// "2026-03-04".
std::string isoDate(DayNumber day);
/// A date written "2026-03-04", or nothing.
std::optional<DayNumber> parseIsoDate(std::string_view text);
/// An instant as "2026-03-04T14:05:00Z".
std::string isoTimestamp(std::int64_t instant);

/// Working hours as people write them:
///   "Mon-Fri 09:00-17:00; Sat 08:00-12:00; holidays 2026-12-25, 2026-12-26; utc+01:00"
/// Day names Mon..Sun (ranges allowed, several periods per group separated by commas),
/// "office" and "24x7" as whole calendars. An error message says which part is wrong.
Parsed<WorkingHours> parseWorkingHours(std::string_view text);
/// The same calendar written back in that form.
std::string formatWorkingHours(const WorkingHours& hours);
/// Checks periods (within 00:00-24:00, start before end, no overlap) and holidays (sorted,
/// unique): an empty string when fine, else what is wrong.
std::string checkWorkingHours(const WorkingHours& hours);

/// Answers working-time questions quickly: each is a few additions and one binary search over
/// the holidays, so a million events take milliseconds.
class WorkingClock {
public:
    explicit WorkingClock(const WorkingHours& hours);
    /// Working seconds from `from` to `to`; 0 when `to` is not after `from`.
    double between(std::int64_t from, std::int64_t to) const {
        return to <= from ? 0.0 : static_cast<double>(cumulative(to) - cumulative(from));
    }
    /// Working seconds from 1970-01-01 00:00 (calendar zone) to `instant`; negative before.
    std::int64_t cumulative(std::int64_t instant) const;
    /// The earliest instant at which `workingSeconds` of working time have passed since
    /// `from` (a start outside working hours waits for the next working period). Returns
    /// `from` when the calendar has no working time at all.
    std::int64_t advance(std::int64_t from, double workingSeconds) const;
    bool isHoliday(DayNumber day) const;
    /// The calendar-zone day of an instant.
    DayNumber dayOf(std::int64_t instant) const;
    /// Working seconds on a day (0 on holidays).
    std::int64_t secondsOn(DayNumber day) const;
    const WorkingHours& hours() const { return m_hours; }

private:
    WorkingHours m_hours;
    std::array<std::int64_t, 7> m_daySeconds{};       // per weekday, Monday first
    std::array<std::int64_t, 8> m_fromThursday{};     // seconds in the first r days of a week
    std::int64_t m_weekSeconds = 0;                   // starting on a Thursday (day 0)
    std::vector<std::int64_t> m_holidaySecondsBefore; // prefix sums over m_hours.holidays
};

} // namespace gemba::model
