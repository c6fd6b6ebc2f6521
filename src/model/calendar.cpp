#include "gemba/model/calendar.h"

#include "gemba/model/text.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace gemba::model {

namespace {

constexpr std::int64_t kSecondsPerDay = 86400;
constexpr std::array<std::string_view, 7> kDayNames = {"mon", "tue", "wed", "thu",
                                                       "fri", "sat", "sun"};

std::int64_t floorDiv(std::int64_t a, std::int64_t b) {
    std::int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0)))
        --q;
    return q;
}

std::optional<int> parseInt(std::string_view text) {
    int value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || text.empty())
        return std::nullopt;
    return value;
}

/// "09:00" -> 540; "24:00" is allowed as the end of a day.
std::optional<int> parseClock(std::string_view text) {
    text = trim(text);
    const auto colon = text.find(':');
    if (colon == std::string_view::npos || colon == 0 || text.size() - colon != 3)
        return std::nullopt;
    const auto h = parseInt(text.substr(0, colon));
    const auto m = parseInt(text.substr(colon + 1));
    if (!h || !m || *h < 0 || *m < 0 || *m > 59 || *h > 24 || (*h == 24 && *m != 0))
        return std::nullopt;
    return *h * 60 + *m;
}

std::string clockText(int minutes) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%02d:%02d", minutes / 60, minutes % 60);
    return buffer;
}

std::optional<int> dayIndex(std::string_view name) {
    const std::string key = toLower(trim(name));
    for (std::size_t i = 0; i < kDayNames.size(); ++i)
        if (key == kDayNames[i])
            return static_cast<int>(i);
    return std::nullopt;
}

std::vector<std::string_view> split(std::string_view text, char separator) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (true) {
        const auto at = text.find(separator, start);
        parts.push_back(trim(text.substr(start, at - start)));
        if (at == std::string_view::npos)
            break;
        start = at + 1;
    }
    return parts;
}

} // namespace

WorkingHours WorkingHours::office() {
    WorkingHours hours;
    for (int day = 0; day < 5; ++day)
        hours.week[static_cast<std::size_t>(day)] = {{9 * 60, 17 * 60}};
    return hours;
}

WorkingHours WorkingHours::allHours() {
    WorkingHours hours;
    for (auto& day : hours.week)
        day = {{0, 24 * 60}};
    return hours;
}

double WorkingHours::secondsPerWeek() const {
    double total = 0;
    for (const auto& day : week)
        for (const WorkPeriod& p : day)
            total += (p.end - p.start) * 60.0;
    return total;
}

DayNumber dayFromCivil(int year, int month, int day) {
    // Howard Hinnant's days_from_civil.
    year -= month <= 2;
    const int era = (year >= 0 ? year : year - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(year - era * 400);
    const unsigned mp = static_cast<unsigned>(month > 2 ? month - 3 : month + 9);
    const unsigned doy = (153 * mp + 2) / 5 + static_cast<unsigned>(day) - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return static_cast<DayNumber>(era * 146097 + static_cast<int>(doe) - 719468);
}

int weekdayOf(DayNumber day) {
    // 1970-01-01 was a Thursday (3 with Monday = 0).
    return static_cast<int>(((static_cast<std::int64_t>(day) + 3) % 7 + 7) % 7);
}

std::string isoDate(DayNumber days) {
    const std::int64_t z = static_cast<std::int64_t>(days) + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04lld-%02u-%02u", static_cast<long long>(y + (m <= 2)),
                  m, d);
    return buffer;
}

std::optional<DayNumber> parseIsoDate(std::string_view text) {
    text = trim(text);
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return std::nullopt;
    const auto y = parseInt(text.substr(0, 4));
    const auto m = parseInt(text.substr(5, 2));
    const auto d = parseInt(text.substr(8, 2));
    if (!y || !m || !d || *m < 1 || *m > 12 || *d < 1 || *d > 31)
        return std::nullopt;
    static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (*y % 4 == 0 && *y % 100 != 0) || *y % 400 == 0;
    if (*d > kDays[static_cast<std::size_t>(*m - 1)] + (*m == 2 && leap ? 1 : 0))
        return std::nullopt; // 2026-02-30 and the like
    return dayFromCivil(*y, *m, *d);
}

std::string isoTimestamp(std::int64_t instant) {
    const std::int64_t day = floorDiv(instant, kSecondsPerDay);
    const std::int64_t sod = instant - day * kSecondsPerDay;
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "T%02d:%02d:%02dZ", static_cast<int>(sod / 3600),
                  static_cast<int>(sod / 60 % 60), static_cast<int>(sod % 60));
    return isoDate(static_cast<DayNumber>(day)) + buffer;
}

std::string checkWorkingHours(const WorkingHours& hours) {
    for (std::size_t d = 0; d < 7; ++d) {
        int previousEnd = -1;
        for (const WorkPeriod& p : hours.week[d]) {
            if (p.start < 0 || p.end > 24 * 60 || p.start >= p.end)
                return std::string(kDayNames[d]) + " " + clockText(p.start) + "-" +
                       clockText(p.end) + ": a period must start before it ends, within a day";
            if (p.start < previousEnd)
                return std::string(kDayNames[d]) + ": periods overlap or are out of order";
            previousEnd = p.end;
        }
    }
    for (std::size_t i = 1; i < hours.holidays.size(); ++i)
        if (hours.holidays[i] <= hours.holidays[i - 1])
            return "holidays must be sorted and listed once each (" + isoDate(hours.holidays[i]) +
                   ")";
    if (hours.utcOffsetMinutes < -14 * 60 || hours.utcOffsetMinutes > 14 * 60)
        return "the offset from UTC must be within -14:00 and +14:00";
    return {};
}

Parsed<WorkingHours> parseWorkingHours(std::string_view text) {
    const std::string lowered = toLower(trim(text));
    if (lowered == "office")
        return {WorkingHours::office()};
    if (lowered == "24x7" || lowered == "24/7")
        return {WorkingHours::allHours()};
    WorkingHours hours;
    bool anyDay = false;
    for (std::string_view part : split(lowered, ';')) {
        if (part.empty())
            continue;
        if (part == "none") { // no working time at all (only holidays or a zone may follow)
            anyDay = true;
            continue;
        }
        if (part.starts_with("holidays")) {
            for (std::string_view date : split(part.substr(8), ',')) {
                const auto day = parseIsoDate(date);
                if (!day)
                    return {"'" + std::string(date) + "' is not a date like 2026-12-25"};
                hours.holidays.push_back(*day);
            }
            continue;
        }
        if (part.starts_with("utc")) {
            const std::string_view offset = trim(part.substr(3));
            if (offset.empty())
                continue;
            const int sign = offset[0] == '-' ? -1 : 1;
            const auto clock = (offset[0] == '+' || offset[0] == '-') ? parseClock(offset.substr(1))
                                                                      : std::nullopt;
            if (!clock)
                return {"'" + std::string(part) + "' is not an offset like utc+01:00"};
            hours.utcOffsetMinutes = sign * *clock;
            continue;
        }
        const auto space = part.find(' ');
        if (space == std::string_view::npos)
            return {"'" + std::string(part) + "' needs days and hours, like Mon-Fri 09:00-17:00"};
        const std::string_view days = part.substr(0, space);
        std::vector<int> dayList;
        for (std::string_view group : split(days, ',')) {
            const auto dash = group.find('-');
            const auto first = dayIndex(group.substr(0, dash));
            const auto last =
                dash == std::string_view::npos ? first : dayIndex(group.substr(dash + 1));
            if (!first || !last || *last < *first)
                return {"'" + std::string(group) + "' is not a day or range like Mon-Fri"};
            for (int d = *first; d <= *last; ++d)
                dayList.push_back(d);
        }
        std::vector<WorkPeriod> periods;
        for (std::string_view range : split(part.substr(space + 1), ',')) {
            const auto dash = range.find('-');
            const auto start =
                dash == std::string_view::npos ? std::nullopt : parseClock(range.substr(0, dash));
            const auto end =
                dash == std::string_view::npos ? std::nullopt : parseClock(range.substr(dash + 1));
            if (!start || !end)
                return {"'" + std::string(range) + "' is not a period like 09:00-17:00"};
            periods.push_back({*start, *end});
        }
        std::sort(periods.begin(), periods.end(),
                  [](const WorkPeriod& a, const WorkPeriod& b) { return a.start < b.start; });
        for (int d : dayList)
            hours.week[static_cast<std::size_t>(d)] = periods;
        anyDay = true;
    }
    if (!anyDay)
        return {std::string("no working days given (like Mon-Fri 09:00-17:00)")};
    std::sort(hours.holidays.begin(), hours.holidays.end());
    hours.holidays.erase(std::unique(hours.holidays.begin(), hours.holidays.end()),
                         hours.holidays.end());
    if (std::string problem = checkWorkingHours(hours); !problem.empty())
        return {problem};
    return {hours};
}

std::string formatWorkingHours(const WorkingHours& hours) {
    std::string text;
    auto periodsText = [](const std::vector<WorkPeriod>& periods) {
        std::string s;
        for (const WorkPeriod& p : periods)
            s += (s.empty() ? "" : ",") + clockText(p.start) + "-" + clockText(p.end);
        return s;
    };
    for (std::size_t d = 0; d < 7;) {
        std::size_t e = d;
        while (e + 1 < 7 && hours.week[e + 1] == hours.week[d])
            ++e;
        if (!hours.week[d].empty()) {
            std::string days(1, static_cast<char>(kDayNames[d][0] - 32));
            days += kDayNames[d].substr(1);
            if (e > d) {
                days += "-";
                days += static_cast<char>(kDayNames[e][0] - 32);
                days += kDayNames[e].substr(1);
            }
            text += (text.empty() ? "" : "; ") + days + " " + periodsText(hours.week[d]);
        }
        d = e + 1;
    }
    if (text.empty())
        text = "none";
    if (!hours.holidays.empty()) {
        text += "; holidays ";
        for (std::size_t i = 0; i < hours.holidays.size(); ++i)
            text += (i ? "," : "") + isoDate(hours.holidays[i]);
    }
    if (hours.utcOffsetMinutes != 0) {
        const int m = hours.utcOffsetMinutes < 0 ? -hours.utcOffsetMinutes : hours.utcOffsetMinutes;
        text += std::string("; utc") + (hours.utcOffsetMinutes < 0 ? "-" : "+") + clockText(m);
    }
    return text;
}

WorkingClock::WorkingClock(const WorkingHours& hours)
    : m_hours(hours) {
    for (std::size_t d = 0; d < 7; ++d)
        for (const WorkPeriod& p : hours.week[d])
            m_daySeconds[d] += static_cast<std::int64_t>(p.end - p.start) * 60;
    // Day 0 is a Thursday: the r-th day of a week counted from day 0 is weekday (3 + r) % 7.
    for (std::size_t r = 0; r < 7; ++r)
        m_fromThursday[r + 1] = m_fromThursday[r] + m_daySeconds[(3 + r) % 7];
    m_weekSeconds = m_fromThursday[7];
    m_holidaySecondsBefore.resize(hours.holidays.size() + 1, 0);
    for (std::size_t i = 0; i < hours.holidays.size(); ++i)
        m_holidaySecondsBefore[i + 1] =
            m_holidaySecondsBefore[i] +
            m_daySeconds[static_cast<std::size_t>(weekdayOf(hours.holidays[i]))];
}

DayNumber WorkingClock::dayOf(std::int64_t instant) const {
    return static_cast<DayNumber>(
        floorDiv(instant + std::int64_t{m_hours.utcOffsetMinutes} * 60, kSecondsPerDay));
}

std::int64_t WorkingClock::advance(std::int64_t from, double workingSeconds) const {
    if (m_weekSeconds <= 0 || workingSeconds <= 0)
        return from;
    const std::int64_t target =
        cumulative(from) + static_cast<std::int64_t>(std::ceil(workingSeconds));
    // Enough weeks to hold the work and every holiday; then a binary search on the
    // non-decreasing working-time clock.
    const std::int64_t weeks = static_cast<std::int64_t>(workingSeconds) / m_weekSeconds + 2 +
                               static_cast<std::int64_t>(m_hours.holidays.size()) / 5 + 1;
    std::int64_t lo = from;
    std::int64_t hi = from + weeks * 7 * kSecondsPerDay;
    while (cumulative(hi) < target)
        hi += 7 * kSecondsPerDay * weeks;
    while (lo < hi) {
        const std::int64_t mid = lo + (hi - lo) / 2;
        if (cumulative(mid) >= target)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

bool WorkingClock::isHoliday(DayNumber day) const {
    return std::binary_search(m_hours.holidays.begin(), m_hours.holidays.end(), day);
}

std::int64_t WorkingClock::secondsOn(DayNumber day) const {
    return isHoliday(day) ? 0 : m_daySeconds[static_cast<std::size_t>(weekdayOf(day))];
}

std::int64_t WorkingClock::cumulative(std::int64_t instant) const {
    const std::int64_t local = instant + std::int64_t{m_hours.utcOffsetMinutes} * 60;
    const std::int64_t day = floorDiv(local, kSecondsPerDay);
    const std::int64_t secondOfDay = local - day * kSecondsPerDay;
    // Whole days before `day`: whole weeks, the rest of a week, less the holidays among them.
    const std::int64_t weeks = floorDiv(day, 7);
    const std::int64_t rest = day - weeks * 7;
    std::int64_t total = weeks * m_weekSeconds + m_fromThursday[static_cast<std::size_t>(rest)];
    const auto& holidays = m_hours.holidays;
    const auto firstNotBefore = std::lower_bound(holidays.begin(), holidays.end(), day);
    total -= m_holidaySecondsBefore[static_cast<std::size_t>(firstNotBefore - holidays.begin())];
    // Part of `day` itself, unless it is a holiday.
    if (firstNotBefore == holidays.end() || *firstNotBefore != day) {
        const auto& periods =
            m_hours.week[static_cast<std::size_t>(weekdayOf(static_cast<DayNumber>(day)))];
        for (const WorkPeriod& p : periods) {
            const std::int64_t start = std::int64_t{p.start} * 60;
            const std::int64_t end = std::int64_t{p.end} * 60;
            if (secondOfDay <= start)
                break;
            total += std::min(secondOfDay, end) - start;
        }
    }
    return total;
}

} // namespace gemba::model
