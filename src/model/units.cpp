#include "gemba/model/units.h"

#include "gemba/model/text.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace gemba::model {

namespace {

struct UnitWord {
    std::string_view word;
    TimeUnit unit;
};

constexpr std::array kUnitWords = {
    UnitWord{"s", TimeUnit::Second},       UnitWord{"sec", TimeUnit::Second},
    UnitWord{"secs", TimeUnit::Second},    UnitWord{"second", TimeUnit::Second},
    UnitWord{"seconds", TimeUnit::Second}, UnitWord{"min", TimeUnit::Minute},
    UnitWord{"mins", TimeUnit::Minute},    UnitWord{"minute", TimeUnit::Minute},
    UnitWord{"minutes", TimeUnit::Minute}, UnitWord{"h", TimeUnit::Hour},
    UnitWord{"hr", TimeUnit::Hour},        UnitWord{"hrs", TimeUnit::Hour},
    UnitWord{"hour", TimeUnit::Hour},      UnitWord{"hours", TimeUnit::Hour},
    UnitWord{"d", TimeUnit::Day},          UnitWord{"day", TimeUnit::Day},
    UnitWord{"days", TimeUnit::Day},       UnitWord{"wk", TimeUnit::Week},
    UnitWord{"wks", TimeUnit::Week},       UnitWord{"w", TimeUnit::Week},
    UnitWord{"week", TimeUnit::Week},      UnitWord{"weeks", TimeUnit::Week},
    UnitWord{"mo", TimeUnit::Month},       UnitWord{"mos", TimeUnit::Month},
    UnitWord{"month", TimeUnit::Month},    UnitWord{"months", TimeUnit::Month},
};

} // namespace

std::optional<TimeUnit> timeUnitFromText(std::string_view word) {
    const std::string key = toLower(trim(word));
    for (const auto& entry : kUnitWords)
        if (entry.word == key)
            return entry.unit;
    return std::nullopt;
}

std::string_view symbolOf(TimeUnit unit) {
    switch (unit) {
    case TimeUnit::Second:
        return "s";
    case TimeUnit::Minute:
        return "min";
    case TimeUnit::Hour:
        return "h";
    case TimeUnit::Day:
        return "d";
    case TimeUnit::Week:
        return "wk";
    case TimeUnit::Month:
        return "mo";
    }
    return "s";
}

double secondsPer(TimeUnit unit, const Calendar& calendar) {
    switch (unit) {
    case TimeUnit::Second:
        return 1;
    case TimeUnit::Minute:
        return 60;
    case TimeUnit::Hour:
        return 3600;
    case TimeUnit::Day:
        return calendar.secondsPerDay();
    case TimeUnit::Week:
        return calendar.secondsPerWeek();
    case TimeUnit::Month:
        return calendar.secondsPerMonth();
    }
    return 1;
}

std::optional<double> parseNumber(std::string_view text, bool decimalComma) {
    text = trim(text);
    std::string buffer(text);
    if (decimalComma)
        std::replace(buffer.begin(), buffer.end(), ',', '.');
    if (!buffer.empty() && buffer.front() == '+')
        buffer.erase(0, 1);
    if (buffer.empty())
        return std::nullopt;
    double value = 0;
    const char* end = buffer.data() + buffer.size();
    auto [ptr, ec] = std::from_chars(buffer.data(), end, value, std::chars_format::fixed);
    if (ec != std::errc() || ptr != end || !std::isfinite(value))
        return std::nullopt;
    return value;
}

namespace {

bool isDigit(char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
}

/// "1:30" (hours and minutes) or "1:30:15" (and seconds), or nothing when the text is not
/// written so. Minutes and seconds take two digits below 60.
std::optional<double> parseClock(std::string_view text) {
    if (text.find(':') == std::string_view::npos)
        return std::nullopt;
    std::vector<std::string_view> parts;
    std::size_t begin = 0;
    for (std::size_t i = 0; i <= text.size(); ++i)
        if (i == text.size() || text[i] == ':') {
            parts.push_back(text.substr(begin, i - begin));
            begin = i + 1;
        }
    if (parts.size() < 2 || parts.size() > 3 || parts[0].empty() || parts[0].size() > 4)
        return std::nullopt;
    double seconds = 0;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const std::string_view part = parts[i];
        if (!std::ranges::all_of(part, isDigit) || (i > 0 && part.size() != 2))
            return std::nullopt;
        const int value = std::stoi(std::string(part));
        if (i > 0 && value >= 60)
            return std::nullopt;
        seconds = seconds * 60 + value;
    }
    return parts.size() == 2 ? seconds * 60 : seconds;
}

/// The unit one smaller than this one in a compound duration ("1 h 30 min", "2 d 4 h").
std::optional<TimeUnit> nextSmaller(TimeUnit unit) {
    switch (unit) {
    case TimeUnit::Minute:
        return TimeUnit::Second;
    case TimeUnit::Hour:
        return TimeUnit::Minute;
    case TimeUnit::Day:
        return TimeUnit::Hour;
    case TimeUnit::Week:
        return TimeUnit::Day;
    default:
        return std::nullopt;
    }
}

} // namespace

std::optional<double> compoundDuration(const std::vector<std::pair<double, TimeUnit>>& parts,
                                       const Calendar& calendar) {
    if (parts.empty())
        return std::nullopt;
    double seconds = 0;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const auto [value, unit] = parts[i];
        if (i > 0) {
            // Each part is in the next smaller unit, and less than one of the one before.
            const TimeUnit larger = parts[i - 1].second;
            if (nextSmaller(larger) != unit ||
                value * secondsPer(unit, calendar) >= secondsPer(larger, calendar))
                return std::nullopt;
        }
        seconds += value * secondsPer(unit, calendar);
    }
    return seconds;
}

Parsed<double> parseDuration(std::string_view text, const Calendar& calendar,
                             std::optional<TimeUnit> defaultUnit, bool decimalComma) {
    const std::string_view trimmed = trim(text);
    if (trimmed.empty())
        return {std::string("empty duration")};
    // Every form below ends here when its seconds overflow (309 digits of weeks): a duration
    // is finite where it is read.
    auto tooLong = [&trimmed] {
        std::string message = "'";
        return Parsed<double>{message.append(trimmed).append(
            "' is too long: beyond the largest number Gemba can hold")};
    };
    if (auto clock = parseClock(trimmed))
        return {*clock}; // at most 9999 hours
    // A compound duration, "1 h 30 min": every part a number with its unit.
    if (std::count_if(trimmed.begin(), trimmed.end(), isDigit) > 0) {
        std::vector<std::pair<double, TimeUnit>> parts;
        std::size_t i = 0;
        bool readable = true;
        while (i < trimmed.size() && readable) {
            std::size_t numberEnd = i;
            while (numberEnd < trimmed.size() &&
                   (isDigit(trimmed[numberEnd]) || trimmed[numberEnd] == '.' ||
                    (decimalComma && trimmed[numberEnd] == ',')))
                ++numberEnd;
            std::size_t unitBegin = numberEnd;
            while (unitBegin < trimmed.size() && trimmed[unitBegin] == ' ')
                ++unitBegin;
            std::size_t unitEnd = unitBegin;
            while (unitEnd < trimmed.size() &&
                   std::isalpha(static_cast<unsigned char>(trimmed[unitEnd])))
                ++unitEnd;
            const auto number = parseNumber(trimmed.substr(i, numberEnd - i), decimalComma);
            const auto unit = timeUnitFromText(trimmed.substr(unitBegin, unitEnd - unitBegin));
            readable = number && unit;
            if (readable)
                parts.push_back({*number, *unit});
            i = unitEnd;
            while (i < trimmed.size() && trimmed[i] == ' ')
                ++i;
        }
        if (readable && parts.size() > 1) {
            if (auto seconds = compoundDuration(parts, calendar))
                return std::isfinite(*seconds) ? Parsed<double>{*seconds} : tooLong();
            std::string message = "'";
            return {message.append(trimmed).append(
                "' mixes units that do not add up as one duration (write e.g. 1 h 30 min, "
                "2 d 4 h, or 1:30 for hours and minutes)")};
        }
    }
    // Split the number from the unit: "1.5d", "1.5 d" and "30 min" all work.
    std::size_t split = 0;
    while (split < trimmed.size() &&
           (std::isdigit(static_cast<unsigned char>(trimmed[split])) || trimmed[split] == '.' ||
            trimmed[split] == ',' || trimmed[split] == '-' || trimmed[split] == '+'))
        ++split;
    const std::string_view numberText = trimmed.substr(0, split);
    const std::string_view unitText = trim(trimmed.substr(split));
    const auto number = parseNumber(numberText, decimalComma);
    // Messages quote what was typed. (Built by appending: GCC 12 warns falsely about
    // "literal" + std::string at -O3.)
    std::string quoted = "'";
    quoted.append(trimmed).append("'");
    auto problem = [&](std::string_view what) { return Parsed<double>{quoted.append(what)}; };
    if (!number)
        return problem(" is not a duration (write e.g. 30 min, 2 h, 1.5 d)");
    if (*number < 0)
        return problem(" is negative; durations cannot be");
    std::optional<TimeUnit> unit = defaultUnit;
    if (!unitText.empty()) {
        if (toLower(unitText) == "m")
            return problem(": unit 'm' is ambiguous; write min for minutes or mo for months");
        unit = timeUnitFromText(unitText);
        if (!unit)
            return problem(std::string(": unknown time unit '")
                               .append(unitText)
                               .append("' (use s, min, h, d, wk or mo)"));
    }
    if (!unit)
        return problem(std::string(" has no unit (write e.g. ")
                           .append(trimmed)
                           .append(" min, or put the unit in the column header)"));
    const double seconds = *number * secondsPer(*unit, calendar);
    if (!std::isfinite(seconds))
        return tooLong();
    return {seconds};
}

namespace {

/// Six significant digits in scientific notation, trailing zeros dropped: "1.5e308", "5e-324".
std::string scientific(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.5e", value);
    std::string text(buffer);
    const std::size_t e = text.find('e');
    std::string mantissa = text.substr(0, e);
    if (mantissa.find('.') != std::string::npos) {
        while (mantissa.back() == '0')
            mantissa.pop_back();
        if (mantissa.back() == '.')
            mantissa.pop_back();
    }
    // "e+308" -> "e308", "e-05" -> "e-5".
    const int exponent = std::atoi(text.c_str() + e + 1);
    return mantissa + "e" + std::to_string(exponent);
}

} // namespace

std::string formatNumber(double value, int decimals) {
    if (std::isnan(value))
        return "NaN";
    if (std::isinf(value))
        return value > 0 ? "infinity" : "-infinity";
    decimals = std::clamp(decimals, 0, 17);
    // Past 1e15 the fixed form has more digits than a double holds (and, near 1e308, more
    // than any sensible buffer): scientific notation shows what the value is.
    if (std::abs(value) >= 1e15)
        return scientific(value);
    char buffer[64]; // at most 16 digits, a point, 17 decimals and a sign
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    std::string out(buffer);
    if (out.find('.') != std::string::npos) {
        while (out.back() == '0')
            out.pop_back();
        if (out.back() == '.')
            out.pop_back();
    }
    if (out == "-0" || out == "0")
        // A value too small for the decimals asked for is not zero: say what it is.
        return value == 0 ? "0" : scientific(value);
    return out;
}

std::string formatPercent(double ratio) {
    const double percent = ratio * 100.0;
    const double magnitude = std::abs(percent);
    // Below half the last of the six decimals a percentage ever shows, the value is zero
    // within the rounding of the sums it came from (a product of shares, a loop's series).
    if (magnitude < 5e-7)
        return "0%";
    int decimals = 1;
    if (magnitude > 0 && magnitude < 1)
        decimals = std::min(6, 1 - static_cast<int>(std::floor(std::log10(magnitude))));
    return formatNumber(percent, decimals) + "%";
}

namespace {

/// Commas between the thousands of a number's whole part ("-12400.5" -> "-12,400.5"); a
/// number in scientific notation or a word (infinity) is left as it is.
std::string groupThousands(std::string number) {
    if (number.find_first_of("eEnN") != std::string::npos)
        return number;
    const std::size_t start = number.find_first_of("0123456789");
    if (start == std::string::npos)
        return number;
    std::size_t end = number.find('.', start);
    if (end == std::string::npos)
        end = number.size();
    for (auto i = static_cast<std::ptrdiff_t>(end) - 3; i > static_cast<std::ptrdiff_t>(start);
         i -= 3)
        number.insert(static_cast<std::size_t>(i), ",");
    return number;
}

} // namespace

std::string formatCount(double value, int decimals) {
    return groupThousands(formatNumber(value, decimals));
}

std::optional<double> parseCount(std::string_view text) {
    text = trim(text);
    if (text.find(',') == std::string_view::npos)
        return parseNumber(text);
    // The whole part runs from the first digit to the point; each comma in it must be
    // followed by exactly three digits, and the first group holds one to three.
    const std::size_t start = text.find_first_of("0123456789");
    if (start == std::string_view::npos)
        return std::nullopt;
    std::size_t end = text.find('.', start);
    if (end == std::string_view::npos)
        end = text.size();
    if (text.find(',', end) != std::string_view::npos ||
        text.substr(0, start).find(',') != std::string_view::npos)
        return std::nullopt;
    std::string plain(text.substr(0, start));
    std::size_t digitsInGroup = 0;
    bool firstGroup = true;
    for (std::size_t i = start; i < end; ++i) {
        const char c = text[i];
        if (c == ',') {
            if (digitsInGroup == 0 || digitsInGroup > 3 || (!firstGroup && digitsInGroup != 3))
                return std::nullopt;
            firstGroup = false;
            digitsInGroup = 0;
            continue;
        }
        if (!isDigit(c))
            return std::nullopt;
        ++digitsInGroup;
        plain += c;
    }
    if (digitsInGroup != 3)
        return std::nullopt;
    plain.append(text.substr(end));
    return parseNumber(plain);
}

std::string formatMoney(double amount, const std::string& currency) {
    const bool whole = std::abs(amount) >= 100;
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", whole ? 0 : 2, std::abs(amount));
    const std::string digits = groupThousands(buffer);
    std::string out = amount < 0 && digits.find_first_not_of("0.,") != std::string::npos ? "-" : "";
    out += digits;
    if (!currency.empty())
        out += " " + currency;
    return out;
}

std::string formatDurationIn(double seconds, TimeUnit unit, const Calendar& calendar) {
    return formatNumber(seconds / secondsPer(unit, calendar)) + " " + std::string(symbolOf(unit));
}

TimeUnit readableUnit(double seconds, const Calendar& calendar) {
    // A hair more, so that 3599.9999999 s (an hour after sums of weighted times) reads 1 h.
    const double magnitude = std::abs(seconds) * (1 + 1e-9);
    if (magnitude >= calendar.secondsPerDay())
        return TimeUnit::Day;
    if (magnitude >= 3600)
        return TimeUnit::Hour;
    if (magnitude >= 60)
        return TimeUnit::Minute;
    return TimeUnit::Second;
}

std::string formatDuration(double seconds, const Calendar& calendar) {
    return formatDurationIn(seconds, readableUnit(seconds, calendar), calendar);
}

TimeUnit commonUnit(const std::vector<double>& seconds, const Calendar& calendar) {
    constexpr TimeUnit kVoters[] = {TimeUnit::Second, TimeUnit::Minute, TimeUnit::Hour,
                                    TimeUnit::Day};
    std::size_t votes[std::size(kVoters)] = {};
    for (double s : seconds)
        if (s != 0 && std::isfinite(s))
            ++votes[static_cast<std::size_t>(
                std::find(std::begin(kVoters), std::end(kVoters), readableUnit(s, calendar)) -
                std::begin(kVoters))];
    const std::size_t most =
        static_cast<std::size_t>(std::max_element(std::begin(votes), std::end(votes)) - votes);
    return kVoters[most]; // max_element keeps the first, the smaller unit, on a tie
}

std::string formatDurationAs(double seconds, TimeUnit unit, const Calendar& calendar) {
    const double inUnit = std::abs(seconds) / secondsPer(unit, calendar);
    if (!std::isfinite(inUnit) || inUnit >= 1'000 || (inUnit != 0 && inUnit < 0.005))
        return formatDuration(seconds, calendar);
    return formatDurationIn(seconds, unit, calendar);
}

} // namespace gemba::model
