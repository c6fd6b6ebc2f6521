#pragma once

#include "gemba/model/types.h"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

/// Durations as people type them ("45 s", "30 min", "6 h", "1.5 d", "2 wk", "3 mo") and as
/// Gemba shows them. Days, weeks and months are working ones, from the project's calendar.
/// "m" is refused as ambiguous (minutes or months).
namespace gemba::model {

enum class TimeUnit { Second, Minute, Hour, Day, Week, Month };

/// The unit a word names ("min", "hours", "wk"...), or nothing. Case-insensitive.
std::optional<TimeUnit> timeUnitFromText(std::string_view word);
/// The short symbol of a unit: s, min, h, d, wk, mo.
std::string_view symbolOf(TimeUnit unit);
double secondsPer(TimeUnit unit, const Calendar& calendar);

/// A parsed value, or a message that says what is wrong with the text.
template <class T> struct Parsed {
    std::variant<T, std::string> result;
    bool ok() const { return result.index() == 0; }
    const T& value() const { return std::get<0>(result); }
    const std::string& error() const { return std::get<1>(result); }
};

/// A decimal number; with decimalComma, "1,5" reads as 1.5 (as semicolon CSV files write it).
std::optional<double> parseNumber(std::string_view text, bool decimalComma = false);

/// A duration in seconds. A bare number takes defaultUnit, and is an error without one.
/// Negative durations are errors. Also as people say them: "1 h 30 min" (each part in the next
/// smaller unit, and less than one of the larger), "1:30" (hours and minutes), "1:30:15".
Parsed<double> parseDuration(std::string_view text, const Calendar& calendar,
                             std::optional<TimeUnit> defaultUnit = std::nullopt,
                             bool decimalComma = false);

/// The seconds of a compound duration, parts from the largest unit down ("1 h" then
/// "30 min"), or nothing when the parts are not each in the next smaller unit and less than
/// one of the unit before.
std::optional<double> compoundDuration(const std::vector<std::pair<double, TimeUnit>>& parts,
                                       const Calendar& calendar);

/// The largest unit that keeps `seconds` readable (at least one of it): s, min, h or d.
TimeUnit readableUnit(double seconds, const Calendar& calendar);
/// Seconds shown in the largest unit that keeps the number readable: "45 s", "30 min",
/// "6 h", "1.5 d". Up to two decimals, trailing zeros dropped.
std::string formatDuration(double seconds, const Calendar& calendar);
/// Seconds shown in a given unit: formatDurationIn(5400, Hour) == "1.5 h".
std::string formatDurationIn(double seconds, TimeUnit unit, const Calendar& calendar);
/// The one unit a set of durations of one kind is shown in: the readable unit of most of
/// them, the smaller one on a tie ({1 s, 38 s, 62 s} -> s: "62 s", never "1.03 min" beside
/// "38 s"). Zeros do not vote; seconds when nothing does.
TimeUnit commonUnit(const std::vector<double>& seconds, const Calendar& calendar);
/// Seconds shown in `unit`, unless that would not read: 1,000 of it or more, or a value that
/// is not 0 but rounds to 0.00 there; such an outlier is shown as formatDuration shows it.
std::string formatDurationAs(double seconds, TimeUnit unit, const Calendar& calendar);
/// A plain number with at most `decimals` decimals, trailing zeros dropped: 1.50 -> "1.5".
/// From 1e15 up, and for a value other than 0 that would round to 0, six significant digits
/// in scientific notation: 1.5e308 -> "1.5e308", 5e-324 -> "4.94066e-324".
std::string formatNumber(double value, int decimals = 2);
/// A ratio (0-1) as a percentage: one decimal, or two significant digits below 1% so that a
/// small ratio never shows as 0: 0.171 -> "17.1%", 0.000175 -> "0.018%", 0 -> "0%".
std::string formatPercent(double ratio);
/// A count or an amount as the map and the panels show it: formatNumber's decimals, with
/// thousands separated by commas: 1200 -> "1,200", 12400.5 -> "12,400.5", 950 -> "950".
/// Money (formatMoney) groups its thousands the same way.
std::string formatCount(double value, int decimals = 2);
/// A number as formatCount writes it or as people type it: "1,200", "12,400.5" and "1200" all
/// read. Commas must separate whole groups of three digits ("1,20" and "1,5" are refused, so
/// a decimal comma is never misread as a thousands separator); otherwise as parseNumber.
std::optional<double> parseCount(std::string_view text);
/// An amount of money: whole units with thousands separated from 100 up, else two decimals:
/// "12,400 EUR", "37.50 EUR".
std::string formatMoney(double amount, const std::string& currency);

} // namespace gemba::model
