#include "gemba/model/calendar.h"

#include <catch2/catch.hpp>

using namespace gemba::model;

namespace {

std::int64_t at(int y, int mo, int d, int h, int mi = 0) {
    return static_cast<std::int64_t>(dayFromCivil(y, mo, d)) * 86400 + h * 3600 + mi * 60;
}

} // namespace

TEST_CASE("calendar: dates and weekdays", "[calendar]") {
    CHECK(dayFromCivil(1970, 1, 1) == 0);
    CHECK(isoDate(dayFromCivil(2026, 3, 6)) == "2026-03-06");
    CHECK(weekdayOf(dayFromCivil(2026, 3, 6)) == 4); // a Friday
    CHECK(weekdayOf(dayFromCivil(1969, 12, 29)) == 0);
    CHECK(isoDate(dayFromCivil(1969, 12, 31)) == "1969-12-31");
    CHECK(parseIsoDate("2024-02-29").has_value());
    CHECK_FALSE(parseIsoDate("2026-02-29").has_value());
    CHECK_FALSE(parseIsoDate("2026-3-4").has_value());
    CHECK(isoTimestamp(at(2026, 3, 4, 14, 5)) == "2026-03-04T14:05:00Z");
}

// docs/metrics.md, "Working time": the worked example.
TEST_CASE("working time: Friday 16:00 to Monday 10:00 is 2 working hours", "[calendar]") {
    const WorkingClock office(WorkingHours::office());
    CHECK(office.between(at(2026, 3, 6, 16), at(2026, 3, 9, 10)) == 2 * 3600.0);
    // The same with Monday a holiday: Friday's last hour and Tuesday's first.
    WorkingHours withHoliday = WorkingHours::office();
    withHoliday.holidays = {dayFromCivil(2026, 3, 9)};
    const WorkingClock holiday(withHoliday);
    CHECK(holiday.between(at(2026, 3, 6, 16), at(2026, 3, 9, 10)) == 1 * 3600.0);
    CHECK(holiday.between(at(2026, 3, 6, 16), at(2026, 3, 10, 10)) == 2 * 3600.0);
    // Elapsed time is 66 hours: the calendar of every hour says so.
    const WorkingClock always(WorkingHours::allHours());
    CHECK(always.between(at(2026, 3, 6, 16), at(2026, 3, 9, 10)) == 66 * 3600.0);
}

TEST_CASE("working time: periods, nights, zones and order", "[calendar]") {
    const WorkingClock office(WorkingHours::office());
    // Before opening and after closing count nothing.
    CHECK(office.between(at(2026, 3, 4, 6), at(2026, 3, 4, 8, 59)) == 0);
    CHECK(office.between(at(2026, 3, 4, 17), at(2026, 3, 5, 9)) == 0);
    // A whole working week.
    CHECK(office.between(at(2026, 3, 2, 0), at(2026, 3, 9, 0)) == 40 * 3600.0);
    // Reversed or equal instants count 0.
    CHECK(office.between(at(2026, 3, 9, 10), at(2026, 3, 6, 16)) == 0);
    // Across a year boundary and before 1970 the sums still hold.
    CHECK(office.between(at(1969, 12, 31, 16), at(1970, 1, 1, 10)) == 2 * 3600.0);
    // Two shifts with a break.
    const auto shifts = parseWorkingHours("Mon-Fri 06:00-14:00,14:30-22:30");
    REQUIRE(shifts.ok());
    const WorkingClock plant(shifts.value());
    CHECK(plant.between(at(2026, 3, 4, 13), at(2026, 3, 4, 15)) == 1.5 * 3600.0);
    // A calendar one hour east of UTC: 09:00 there is 08:00 UTC.
    auto cet = WorkingHours::office();
    cet.utcOffsetMinutes = 60;
    const WorkingClock cetClock(cet);
    CHECK(cetClock.between(at(2026, 3, 4, 8), at(2026, 3, 4, 9)) == 3600.0);
    CHECK(cetClock.between(at(2026, 3, 4, 16), at(2026, 3, 4, 17)) == 0);
}

TEST_CASE("working hours: written and read back, bad text named", "[calendar]") {
    const auto parsed =
        parseWorkingHours("Mon-Fri 09:00-17:00; Sat 08:00-12:00; holidays 2026-12-25, "
                          "2026-12-26; utc+01:00");
    REQUIRE(parsed.ok());
    const WorkingHours& hours = parsed.value();
    CHECK(hours.week[5] == std::vector<WorkPeriod>{{8 * 60, 12 * 60}});
    CHECK(hours.week[6].empty());
    CHECK(hours.holidays.size() == 2);
    CHECK(hours.utcOffsetMinutes == 60);
    CHECK(hours.secondsPerWeek() == 44 * 3600.0);
    const std::string text = formatWorkingHours(hours);
    CHECK(text == "Mon-Fri 09:00-17:00; Sat 08:00-12:00; holidays 2026-12-25,2026-12-26; "
                  "utc+01:00");
    REQUIRE(parseWorkingHours(text).ok());
    CHECK(parseWorkingHours(text).value() == hours);
    CHECK(parseWorkingHours("office").value() == WorkingHours::office());

    CHECK(parseWorkingHours("Mon-Fri 17:00-09:00").error().find("start before") !=
          std::string::npos);
    CHECK(parseWorkingHours("Mon-Fri 9-17").error().find("'9-17'") != std::string::npos);
    CHECK(parseWorkingHours("Fri-Mon 09:00-17:00").error().find("'fri-mon'") != std::string::npos);
    CHECK(parseWorkingHours("Mon 09:00-12:00,11:00-13:00").error().find("overlap") !=
          std::string::npos);
    CHECK(
        parseWorkingHours("Mon-Fri 09:00-17:00; holidays 2026-02-30").error().find("2026-02-30") !=
        std::string::npos);
    CHECK_FALSE(parseWorkingHours("").ok());
}

TEST_CASE("working time: advancing by working hours", "[calendar]") {
    WorkingHours hours = WorkingHours::office();
    hours.holidays = {dayFromCivil(2026, 3, 9)};
    const WorkingClock clock(hours);
    // Two working hours from Friday 16:00 end on Tuesday 10:00 (Monday is off).
    CHECK(clock.advance(at(2026, 3, 6, 16), 2 * 3600) == at(2026, 3, 10, 10));
    // A start at night waits for the morning.
    CHECK(clock.advance(at(2026, 3, 4, 20), 1800) == at(2026, 3, 5, 9, 30));
    CHECK(clock.advance(at(2026, 3, 4, 20), 0) == at(2026, 3, 4, 20));
    // 100 working days later, and back: the clock agrees with itself.
    const std::int64_t later = clock.advance(at(2026, 3, 4, 10), 100 * 8 * 3600.0);
    CHECK(clock.between(at(2026, 3, 4, 10), later) == 100 * 8 * 3600.0);
    CHECK(WorkingClock(WorkingHours{}).advance(at(2026, 3, 4, 10), 3600) == at(2026, 3, 4, 10));
}
