#include "gemba/model/duration_units.h"
#include "gemba/model/units.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <string>

using namespace gemba::model;

TEST_CASE("durations parse with their unit in the text", "[units]") {
    const Calendar calendar; // 8-hour days, 5-day weeks, 20-day months
    CHECK(parseDuration("45 s", calendar).value() == 45);
    CHECK(parseDuration("30 min", calendar).value() == 1800);
    CHECK(parseDuration("6 h", calendar).value() == 21600);
    CHECK(parseDuration("1.5 d", calendar).value() == 1.5 * 8 * 3600);
    CHECK(parseDuration("2 wk", calendar).value() == 2 * 5 * 8 * 3600);
    CHECK(parseDuration("1 mo", calendar).value() == 20 * 8 * 3600);
    CHECK(parseDuration("1.5d", calendar).value() == 1.5 * 8 * 3600);
    CHECK(parseDuration("  2 Hours ", calendar).value() == 7200);
}

TEST_CASE("days follow the working calendar", "[units]") {
    Calendar twoShifts;
    twoShifts.hoursPerDay = 16;
    CHECK(parseDuration("1 d", twoShifts).value() == 16 * 3600);
    CHECK(formatDuration(16 * 3600 * 2, twoShifts) == "2 d");
    CHECK(formatDuration(16 * 3600 * 2, Calendar{}) == "4 d");
}

TEST_CASE("a bare number takes the default unit or is refused", "[units]") {
    const Calendar calendar;
    CHECK(parseDuration("30", calendar, TimeUnit::Minute).value() == 1800);
    const auto bare = parseDuration("30", calendar);
    REQUIRE_FALSE(bare.ok());
    CHECK_THAT(bare.error(), Catch::Contains("no unit"));
    // A unit in the text wins over the default.
    CHECK(parseDuration("2 h", calendar, TimeUnit::Minute).value() == 7200);
}

TEST_CASE("ambiguous, unknown and negative durations are errors", "[units]") {
    const Calendar calendar;
    const auto m = parseDuration("30 m", calendar);
    REQUIRE_FALSE(m.ok());
    CHECK_THAT(m.error(), Catch::Contains("ambiguous"));
    CHECK_FALSE(parseDuration("3 fortnights", calendar).ok());
    CHECK_FALSE(parseDuration("-5 min", calendar).ok());
    CHECK_FALSE(parseDuration("", calendar).ok());
    CHECK_FALSE(parseDuration("abc", calendar).ok());
    CHECK_FALSE(parseDuration("1.2.3 h", calendar).ok());
}

TEST_CASE("decimal commas only where asked for", "[units]") {
    CHECK(parseNumber("1,5", true) == 1.5);
    CHECK_FALSE(parseNumber("1,5", false).has_value());
    CHECK(parseDuration("1,5 h", Calendar{}, std::nullopt, true).value() == 5400);
}

TEST_CASE("durations format in the largest readable unit", "[units]") {
    const Calendar calendar;
    CHECK(formatDuration(45, calendar) == "45 s");
    CHECK(formatDuration(1800, calendar) == "30 min");
    CHECK(formatDuration(5400, calendar) == "1.5 h");
    CHECK(formatDuration(8 * 3600 * 2.5, calendar) == "2.5 d");
    CHECK(formatDuration(0, calendar) == "0 s");
    // Weighted sums land a hair below a whole unit; they still read in that unit.
    CHECK(formatDuration(3600 * (1 - 1e-12), calendar) == "1 h");
    CHECK(formatDuration(8 * 3600 * (1 - 1e-12), calendar) == "1 d");
    CHECK(formatDurationIn(5400, TimeUnit::Hour, calendar) == "1.5 h");
    CHECK(formatNumber(1.005, 1) == "1");
    CHECK(formatNumber(2.50) == "2.5");
}

TEST_CASE("percentages keep small ratios visible", "[units]") {
    CHECK(formatPercent(0.171) == "17.1%");
    CHECK(formatPercent(1) == "100%");
    CHECK(formatPercent(0.05) == "5%");
    CHECK(formatPercent(0.0042) == "0.42%");
    CHECK(formatPercent(0.000183) == "0.018%"); // 0.0183% to two significant digits
    CHECK(formatPercent(0) == "0%");
    // Float noise is zero within rounding, never "4.1259e-11%".
    CHECK(formatPercent(4.1259e-13) == "0%");
    CHECK(formatPercent(-3e-17) == "0%");
    CHECK(formatPercent(0.00000002) == "0.000002%"); // the smallest percentage shown
}

TEST_CASE("money is grouped by thousands from 100 up", "[units]") {
    CHECK(formatMoney(12400, "EUR") == "12,400 EUR");
    CHECK(formatMoney(1234567.4, "USD") == "1,234,567 USD");
    CHECK(formatMoney(231.67, "EUR") == "232 EUR");
    CHECK(formatMoney(37.5, "EUR") == "37.50 EUR");
    CHECK(formatMoney(-2500, "EUR") == "-2,500 EUR");
    CHECK(formatMoney(0, "") == "0.00");
}

TEST_CASE("counts are grouped by thousands as money is", "[units]") {
    CHECK(formatCount(1200) == "1,200");
    CHECK(formatCount(950) == "950");
    CHECK(formatCount(1000) == "1,000");
    CHECK(formatCount(12400.5, 1) == "12,400.5");
    CHECK(formatCount(1234567.25) == "1,234,567.25");
    CHECK(formatCount(-2500) == "-2,500");
    CHECK(formatCount(-999.5, 1) == "-999.5");
    CHECK(formatCount(0) == "0");
    // What formatNumber writes in scientific notation or as a word stays as it is.
    CHECK(formatCount(1.5e308) == "1.5e308");
    CHECK(formatCount(std::numeric_limits<double>::infinity()) == "infinity");
}

TEST_CASE("counts read back with or without their thousands separators", "[units]") {
    CHECK(parseCount("1,200") == 1200);
    CHECK(parseCount("1200") == 1200);
    CHECK(parseCount(" 12,400.5 ") == 12400.5);
    CHECK(parseCount("1,234,567.25") == 1234567.25);
    CHECK(parseCount("-2,500") == -2500);
    CHECK(parseCount("+1,000") == 1000);
    CHECK(parseCount("950") == 950);
    CHECK(parseCount("2.5") == 2.5);
    // What formatCount writes reads back as the same number.
    for (double v : {0.0, 7.0, 999.0, 1000.0, 12345.67, -987654.5, 1e12})
        CHECK(parseCount(formatCount(v)) == v);
    // Commas that do not separate whole groups of three are refused, never guessed at.
    CHECK_FALSE(parseCount("1,5").has_value());
    CHECK_FALSE(parseCount("1,20").has_value());
    CHECK_FALSE(parseCount("1,2000").has_value());
    CHECK_FALSE(parseCount("12,00,000").has_value());
    CHECK_FALSE(parseCount("1234,567").has_value());
    CHECK_FALSE(parseCount(",200").has_value());
    CHECK_FALSE(parseCount("1,,200").has_value());
    CHECK_FALSE(parseCount("1,200,").has_value());
    CHECK_FALSE(parseCount("1.200,5").has_value());
    CHECK_FALSE(parseCount("1,2a0").has_value());
    CHECK_FALSE(parseCount("").has_value());
    CHECK_FALSE(parseCount("abc").has_value());
}

TEST_CASE("very large and very small numbers are shown as they are", "[units]") {
    // A 64-byte buffer once cut the fixed form of numbers from about 1e63 up.
    CHECK(formatNumber(1e63) == "1e63");
    CHECK(formatNumber(1.5e308) == "1.5e308");
    CHECK(formatNumber(-2.5e100, 3) == "-2.5e100");
    CHECK(formatNumber(std::numeric_limits<double>::max()) == "1.79769e308");
    CHECK(formatNumber(123456789012345.0) == "123456789012345");
    CHECK(formatNumber(1234567890123456.0) == "1.23457e15");
    // Not 0: a tiny demand or share stays visible.
    CHECK(formatNumber(5e-324) == "4.94066e-324");
    CHECK(formatNumber(0.004, 2) == "4e-3");
    CHECK(formatNumber(-1e-9, 6) == "-1e-9");
    CHECK(formatNumber(0.005, 2) == "0.01");
    CHECK(formatNumber(0) == "0");
    CHECK(formatNumber(-0.0) == "0");
    CHECK(formatNumber(std::numeric_limits<double>::infinity()) == "infinity");
    CHECK(formatNumber(std::nan("")) == "NaN");
    CHECK(formatDuration(1e300, Calendar{}) == "3.47222e295 d");
}

TEST_CASE("a duration beyond the largest double is refused where it is read", "[units]") {
    const Calendar calendar;
    // 309 digits of weeks: the number is finite, the seconds are not.
    const std::string weeks = "1" + std::string(308, '0') + " wk";
    const auto parsed = parseDuration(weeks, calendar);
    REQUIRE_FALSE(parsed.ok());
    CHECK_THAT(parsed.error(), Catch::Contains("too long"));
    CHECK_FALSE(parseDuration("1" + std::string(400, '0') + " s", calendar).ok());
    // Compound and clock forms too.
    const auto compound = parseDuration("1" + std::string(308, '0') + " wk 1 d", calendar);
    REQUIRE_FALSE(compound.ok());
    CHECK_THAT(compound.error(), Catch::Contains("too long"));
    const auto clock = parseDuration("1" + std::string(308, '0') + ":30", calendar);
    CHECK_FALSE(clock.ok());
}

TEST_CASE("compound durations and clock times", "[units]") {
    const Calendar calendar;
    CHECK(parseDuration("1 h 30 min", calendar).value() == 5400);
    CHECK(parseDuration("1h30min", calendar).value() == 5400);
    CHECK(parseDuration("2 d 4 h", calendar).value() == 2 * 8 * 3600 + 4 * 3600);
    CHECK(parseDuration("1 min 30 s", calendar).value() == 90);
    CHECK(parseDuration("1:30", calendar).value() == 5400);
    CHECK(parseDuration("0:45", calendar).value() == 2700);
    CHECK(parseDuration("1:30:15", calendar).value() == 5415);
    CHECK(parseDuration("90 s", calendar).value() == 90);
    CHECK(parseDuration("1.5 d", calendar).value() == 1.5 * 8 * 3600);
    // Parts that do not add up as one duration are refused, not guessed.
    CHECK_FALSE(parseDuration("30 min 1 h", calendar).ok());
    CHECK_FALSE(parseDuration("1 h 90 min", calendar).ok());
    CHECK_FALSE(parseDuration("2 d 30 min", calendar).ok());
    CHECK_FALSE(parseDuration("1:75", calendar).ok());
    CHECK_FALSE(parseDuration("1:5", calendar).ok());
    CHECK(parseDuration("1 h 30 m", calendar).ok() == false);
}

TEST_CASE("one unit for a kind of duration: the readable unit of most, outliers in their own",
          "[units]") {
    const Calendar calendar; // 8 h a day
    // The production line's cycle times: most read in seconds, so 62 s stays 62 s.
    const std::vector<double> cycleTimes = {1.18, 38, 50, 62, 40, 8};
    CHECK(commonUnit(cycleTimes, calendar) == TimeUnit::Second);
    CHECK(formatDurationAs(62, TimeUnit::Second, calendar) == "62 s");
    CHECK(formatDurationAs(60, TimeUnit::Second, calendar) == "60 s");
    // A tie goes to the smaller unit; zeros and non-finite values do not vote.
    CHECK(commonUnit({30, 120}, calendar) == TimeUnit::Second);
    CHECK(commonUnit({0, 0, 120, std::nan("")}, calendar) == TimeUnit::Minute);
    CHECK(commonUnit({}, calendar) == TimeUnit::Second);
    CHECK(commonUnit({3 * 3600.0, 2 * 3600.0, 60}, calendar) == TimeUnit::Hour);
    // 1,000 of the unit or more, or a value that would round to 0.00 there, reads in its own.
    CHECK(formatDurationAs(999, TimeUnit::Second, calendar) == "999 s");
    CHECK(formatDurationAs(1000, TimeUnit::Second, calendar) == "16.67 min");
    CHECK(formatDurationAs(1, TimeUnit::Hour, calendar) == "1 s");
    CHECK(formatDurationAs(0, TimeUnit::Hour, calendar) == "0 h");
    CHECK(formatDurationAs(5400, TimeUnit::Minute, calendar) == "90 min");
}

TEST_CASE("a map's units: step times, step lead times and waits each voted apart", "[units]") {
    Project project;
    Map map;
    const auto step = [&](double pt, std::optional<double> lt) {
        Step s;
        s.id = project.allocateId();
        s.processTime = pt;
        s.leadTime = lt;
        map.steps.emplace(s.id, s);
    };
    step(45, std::nullopt);
    step(62, 2 * 3600.0);
    step(30, 3 * 3600.0);
    Wait queue;
    queue.id = project.allocateId();
    queue.time = 4 * 3600.0;
    map.waits.emplace(queue.id, queue);
    Wait stock;
    stock.id = project.allocateId();
    stock.kind = WaitKind::Inventory;
    stock.quantity = 900; // 3 days at 300 a day
    map.waits.emplace(stock.id, stock);
    map.props.demand = Demand{300, DemandPeriod::Day};
    const Calendar& calendar = project.props.calendar;
    DurationUnits units = durationUnitsOf(map, calendar);
    CHECK(units.stepTime == TimeUnit::Second);
    CHECK(units.stepLeadTime == TimeUnit::Hour); // 45 s (its PT), 2 h, 3 h
    CHECK(units.waitTime == TimeUnit::Hour);     // 4 h against 3 d: the smaller
    Wait later = queue;
    later.id = project.allocateId();
    later.time = 2 * calendar.secondsPerDay();
    map.waits.emplace(later.id, later);
    units = durationUnitsOf(map, calendar);
    CHECK(units.waitTime == TimeUnit::Day);
    const DurationVoice voice{units, &calendar};
    CHECK(voice.waitTime(4 * 3600.0) == "0.5 d");
    CHECK(voice.stepTime(62) == "62 s");

    // Two maps side by side share their units, voted over both: a map whose waits alone tie
    // (an hour, a day: the smaller unit) speaks in days beside this one (4 h, 3 d, 2 d).
    Map quick;
    for (double seconds : {3600.0, calendar.secondsPerDay()}) {
        Wait wait;
        wait.id = project.allocateId();
        wait.time = seconds;
        quick.waits.emplace(wait.id, wait);
    }
    CHECK(durationUnitsOf(quick, calendar).waitTime == TimeUnit::Hour);
    CHECK(durationUnitsOf({&map, &quick}, calendar).waitTime == TimeUnit::Day);
    CHECK(durationUnitsOf({&map, &quick}, calendar).stepTime == TimeUnit::Second);
}
