#include "drawio_text.h"

#include "gemba/model/text.h"
#include "gemba/model/units.h"

#include <cctype>
#include <cmath>
#include <cstdint>

namespace gemba::store::detail {

namespace {

bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f';
}

/// A code point as UTF-8.
void appendUtf8(std::string& out, std::uint32_t code) {
    if (code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
        return;
    if (code < 0x80) {
        out.push_back(static_cast<char>(code));
    } else if (code < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (code >> 6)));
        out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    } else if (code < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (code >> 12)));
        out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (code >> 18)));
        out.push_back(static_cast<char>(0x80 | ((code >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    }
}

/// A character reference at text[i] ('&'), appended to out; returns its length, 0 if none.
std::size_t decodeReference(std::string_view text, std::size_t i, std::string& out) {
    const std::size_t end = text.find(';', i);
    if (end == std::string_view::npos || end - i > 10)
        return 0;
    const std::string_view name = text.substr(i + 1, end - i - 1);
    static const std::pair<std::string_view, std::uint32_t> named[] = {
        {"amp", '&'},  {"lt", '<'},   {"gt", '>'},     {"quot", '"'},  {"apos", '\''},
        {"nbsp", ' '}, {"deg", 0xB0}, {"micro", 0xB5}, {"times", 0xD7}};
    for (const auto& [key, code] : named)
        if (name == key) {
            appendUtf8(out, code);
            return end - i + 1;
        }
    if (name.size() > 1 && name[0] == '#') {
        std::uint32_t code = 0;
        const bool hex = name[1] == 'x' || name[1] == 'X';
        for (std::size_t k = hex ? 2 : 1; k < name.size(); ++k) {
            const char c = name[k];
            int digit = -1;
            if (c >= '0' && c <= '9')
                digit = c - '0';
            else if (hex && c >= 'a' && c <= 'f')
                digit = c - 'a' + 10;
            else if (hex && c >= 'A' && c <= 'F')
                digit = c - 'A' + 10;
            if (digit < 0 || code > 0x10FFFF)
                return 0;
            code = code * (hex ? 16 : 10) + static_cast<std::uint32_t>(digit);
        }
        appendUtf8(out, code);
        return end - i + 1;
    }
    return 0;
}

} // namespace

std::string labelText(std::string_view label, bool html) {
    std::string raw;
    if (!html)
        return std::string(model::trim(label)); // plain text, as typed
    {
        raw.reserve(label.size());
        for (std::size_t i = 0; i < label.size(); ++i) {
            const char c = label[i];
            if (c == '<') {
                const std::size_t end = label.find('>', i);
                if (end == std::string_view::npos)
                    break;
                std::string tag = model::toLower(label.substr(i + 1, end - i - 1));
                const bool closing = !tag.empty() && tag[0] == '/';
                if (closing)
                    tag.erase(0, 1);
                const std::string name = tag.substr(0, tag.find_first_of(" \t\r\n/"));
                if (name == "br" || name == "tr" || name == "li" ||
                    ((name == "div" || name == "p") && !closing) ||
                    (closing && (name == "div" || name == "p" || name == "table")))
                    raw.push_back('\n');
                else if (name == "td" || name == "th")
                    raw.push_back(' ');
                i = end;
            } else if (c == '&') {
                const std::size_t used = decodeReference(label, i, raw);
                if (used == 0)
                    raw.push_back('&');
                else
                    i += used - 1;
            } else if (c == '\n') {
                raw.push_back('\n'); // draw.io shows a line end in an HTML label as <br>
            } else {
                raw.push_back(c);
            }
        }
    }
    // Collapse spaces within lines (UTF-8 no-break spaces included) and drop empty lines.
    std::string out;
    std::string line;
    auto flush = [&] {
        const std::string_view trimmed = model::trim(line);
        if (!trimmed.empty()) {
            if (!out.empty())
                out.push_back('\n');
            out.append(trimmed);
        }
        line.clear();
    };
    for (std::size_t i = 0; i < raw.size(); ++i) {
        char c = raw[i];
        if (c == '\n') {
            flush();
            continue;
        }
        if (static_cast<unsigned char>(c) == 0xC2 && i + 1 < raw.size() &&
            static_cast<unsigned char>(raw[i + 1]) == 0xA0) {
            ++i;
            c = ' ';
        }
        if (isSpace(c)) {
            if (!line.empty() && line.back() != ' ')
                line.push_back(' ');
            continue;
        }
        line.push_back(c);
    }
    flush();
    return out;
}

std::vector<std::string> lines(std::string_view text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        const std::string_view line = model::trim(text.substr(start, end - start));
        if (!line.empty())
            out.emplace_back(line);
        start = end + 1;
    }
    return out;
}

std::optional<double> readNumber(std::string_view text, bool grouping, bool* ambiguous) {
    if (ambiguous)
        *ambiguous = false;
    text = model::trim(text);
    if (text.empty())
        return std::nullopt;
    std::string digits;
    std::vector<std::size_t> separators; // positions in text
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (std::isdigit(static_cast<unsigned char>(c)))
            continue;
        if ((c == ',' || c == '.') && i > 0 && i + 1 < text.size())
            separators.push_back(i);
        else if (!(i == 0 && (c == '+' || c == '-')))
            return std::nullopt;
    }
    auto groupAfter = [&](std::size_t k) {
        const std::size_t next = k + 1 < separators.size() ? separators[k + 1] : text.size();
        return next - separators[k] - 1;
    };
    const bool leadingZero =
        text[0] == '0' || ((text[0] == '+' || text[0] == '-') && text.size() > 1 && text[1] == '0');
    std::string plain;
    if (separators.empty()) {
        plain = std::string(text);
    } else {
        const char last = text[separators.back()];
        bool mixed = false;
        for (std::size_t s : separators)
            mixed = mixed || text[s] != last;
        std::size_t decimalAt = std::string_view::npos;
        if (mixed) {
            decimalAt = separators.back(); // "1,234.5" and "1.234,5"
        } else if (separators.size() > 1) {
            // "1,234,567": every group three digits, no decimals.
        } else if (groupAfter(0) != 3 || leadingZero) {
            decimalAt = separators.back(); // "1.5", "1,25", "0.125"
        } else if (!grouping) {
            if (ambiguous)
                *ambiguous = true;
            return std::nullopt;
        }
        for (std::size_t k = 0; k < separators.size(); ++k)
            if (separators[k] != decimalAt && groupAfter(k) != 3)
                return std::nullopt;
        if (decimalAt != std::string_view::npos && !grouping && separators.size() > 1)
            return std::nullopt;
        for (std::size_t i = 0; i < text.size(); ++i) {
            if (i == decimalAt)
                plain.push_back('.');
            else if (text[i] != ',' && text[i] != '.')
                plain.push_back(text[i]);
        }
    }
    return model::parseNumber(plain);
}

DurationRead readDuration(std::string_view text, const model::Calendar& calendar) {
    DurationRead out;
    const std::string_view trimmed = model::trim(text);
    std::size_t split = 0;
    while (split < trimmed.size() &&
           (std::isdigit(static_cast<unsigned char>(trimmed[split])) || trimmed[split] == '.' ||
            trimmed[split] == ',' || trimmed[split] == '+' || trimmed[split] == '-'))
        ++split;
    const std::string_view numberText = model::trim(trimmed.substr(0, split));
    std::string unitText = model::toLower(model::trim(trimmed.substr(split)));
    if (unitText.ends_with("."))
        unitText.pop_back(); // "sec."
    bool ambiguous = false;
    const auto number = readNumber(numberText, false, &ambiguous);
    if (ambiguous) {
        out.problem = "'" + std::string(trimmed) +
                      "': the number could be read with a thousands separator or with decimals";
        return out;
    }
    if (!number) {
        out.problem = "'" + std::string(trimmed) + "' is not a duration";
        return out;
    }
    if (unitText == "m") {
        out.problem =
            "'" + std::string(trimmed) + "': 'm' could mean minutes or months; write min or mo";
        return out;
    }
    // draw.io's templates write days as "dy".
    if (unitText == "dy" || unitText == "dys")
        unitText = "d";
    if (unitText.empty()) {
        out.problem = "'" + std::string(trimmed) + "' has no unit (write e.g. 44 sec, 60 min)";
        return out;
    }
    const auto unit = model::timeUnitFromText(unitText);
    if (!unit) {
        out.problem = "'" + std::string(trimmed) + "': '" + unitText + "' is not a unit of time";
        return out;
    }
    if (*number < 0) {
        out.problem = "'" + std::string(trimmed) + "' is negative";
        return out;
    }
    const double per = model::secondsPer(*unit, calendar);
    out.seconds = *number * per;
    out.unit = unit;
    // Half a unit of the last digit written.
    const std::size_t dot = numberText.find_first_of(".,");
    const int decimals =
        dot == std::string_view::npos ? 0 : static_cast<int>(numberText.size() - dot - 1);
    out.tolerance = 0.5 * std::pow(10.0, -decimals) * per;
    return out;
}

std::optional<std::pair<std::string, std::string>> splitKeyValue(std::string_view line) {
    line = model::trim(line);
    std::size_t split = line.find_first_of("=:");
    std::size_t valueStart = split == std::string_view::npos ? 0 : split + 1;
    if (split == std::string_view::npos) {
        // "Uptime 87%", "Batch 10": the key ends where the first digit starts.
        split = 0;
        while (split < line.size() && !std::isdigit(static_cast<unsigned char>(line[split])))
            ++split;
        if (split == 0 || split == line.size())
            return std::nullopt;
        valueStart = split;
    }
    std::string key;
    for (char c : model::toLower(line.substr(0, split)))
        if (!isSpace(c))
            key.push_back(c);
    const std::string value(model::trim(line.substr(valueStart)));
    if (key.empty() || value.empty())
        return std::nullopt;
    return std::make_pair(key, value);
}

namespace {

enum class Field {
    ProcessTime,
    CycleTime,
    LeadTime,
    Changeover,
    Uptime,
    Avail,
    Pca,
    Batch,
    Defects,
    Operators
};

std::optional<Field> fieldOf(const std::string& key) {
    static const std::pair<std::string_view, Field> keys[] = {
        {"p/t", Field::ProcessTime},
        {"pt", Field::ProcessTime},
        {"processtime", Field::ProcessTime},
        {"c/t", Field::CycleTime},
        {"ct", Field::CycleTime},
        {"cycletime", Field::CycleTime},
        {"l/t", Field::LeadTime},
        {"lt", Field::LeadTime},
        {"leadtime", Field::LeadTime},
        {"c/o", Field::Changeover},
        {"co", Field::Changeover},
        {"changeover", Field::Changeover},
        {"uptime", Field::Uptime},
        {"avail", Field::Avail},
        {"available", Field::Avail},
        {"availability", Field::Avail},
        {"%c&a", Field::Pca},
        {"c&a", Field::Pca},
        {"pca", Field::Pca},
        {"%c/a", Field::Pca},
        {"lot", Field::Batch},
        {"lotsize", Field::Batch},
        {"batch", Field::Batch},
        {"batchsize", Field::Batch},
        {"defects", Field::Defects},
        {"defectrate", Field::Defects},
        {"scrap", Field::Defects},
        {"operators", Field::Operators},
        {"operator", Field::Operators},
        {"ops", Field::Operators},
        {"people", Field::Operators},
        {"headcount", Field::Operators},
    };
    for (const auto& [name, field] : keys)
        if (key == name)
            return field;
    return std::nullopt;
}

/// "87%", "87 %" or "87": a percentage 0-100.
std::optional<double> readPercent(std::string_view text, std::string& problem) {
    std::string_view number = model::trim(text);
    if (!number.empty() && number.back() == '%')
        number = model::trim(number.substr(0, number.size() - 1));
    const auto value = readNumber(number, false);
    if (!value || *value < 0 || *value > 100) {
        problem = "'" + std::string(text) + "' is not a percentage from 0 to 100";
        return std::nullopt;
    }
    return value;
}

/// "1000", "1,000 pc", "10 pcs": a count, thousands separators allowed.
std::optional<double> readCount(std::string_view text, std::string& problem) {
    std::string_view number = model::trim(text);
    const std::size_t unit = number.find_first_not_of("0123456789.,+-");
    std::string unitText;
    if (unit != std::string_view::npos) {
        unitText = model::toLower(model::trim(number.substr(unit)));
        number = model::trim(number.substr(0, unit));
    }
    static const std::string_view countWords[] = {"",      "pc",     "pcs",   "pieces", "piece",
                                                  "units", "unit",   "items", "item",   "parts",
                                                  "ea",    "people", "ops"};
    bool known = false;
    for (std::string_view word : countWords)
        known = known || unitText == word;
    const auto value = readNumber(number, true);
    if (!known || !value || *value < 0) {
        problem = "'" + std::string(text) + "' is not a count";
        return std::nullopt;
    }
    return value;
}

} // namespace

DataBoxFigures readDataBox(const std::vector<std::string>& boxLines,
                           const model::Calendar& calendar) {
    DataBoxFigures out;
    for (const std::string& line : boxLines) {
        const auto pair = splitKeyValue(line);
        const auto field = pair ? fieldOf(pair->first) : std::nullopt;
        if (!field) {
            out.unread.push_back(line);
            continue;
        }
        const std::string& value = pair->second;
        std::string problem;
        auto duration = [&](std::optional<double>& target) {
            const DurationRead read = readDuration(value, calendar);
            if (read.seconds)
                target = read.seconds;
            else
                problem = read.problem;
        };
        switch (*field) {
        case Field::ProcessTime:
            duration(out.processTime);
            break;
        case Field::CycleTime:
            duration(out.cycleTime);
            break;
        case Field::LeadTime:
            duration(out.leadTime);
            break;
        case Field::Changeover:
            duration(out.changeover);
            break;
        case Field::Uptime:
            out.uptime = readPercent(value, problem);
            break;
        case Field::Avail:
            // "Avail= 80%" is a share of time; "Avail=27,600" seconds a day; "460 min" too.
            if (value.find('%') != std::string::npos) {
                out.availability = readPercent(value, problem);
            } else if (value.find_first_not_of("0123456789.,+- ") == std::string::npos) {
                if (auto seconds = readNumber(model::trim(value), true); seconds && *seconds > 0)
                    out.availableSeconds = seconds;
                else
                    problem = "'" + value + "' is not a number of seconds";
            } else {
                duration(out.availableSeconds);
            }
            break;
        case Field::Pca:
            out.pca = readPercent(value, problem);
            break;
        case Field::Batch:
            out.batchSize = readCount(value, problem);
            break;
        case Field::Defects:
            out.defectRate = readPercent(value, problem);
            break;
        case Field::Operators:
            out.operators = readCount(value, problem);
            if (out.operators && *out.operators <= 0) {
                out.operators.reset();
                problem = "'" + value + "' operators: needs at least one";
            }
            break;
        }
        if (!problem.empty())
            out.refused.push_back("'" + line + "': " + problem);
    }
    return out;
}

std::string escapeXml(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\n':
            out += "&#10;";
            break;
        default:
            out.push_back(c);
        }
    }
    return out;
}

} // namespace gemba::store::detail
