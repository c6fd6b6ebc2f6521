#include "csv.h"

#include "gemba/store/errors.h"

#include <algorithm>

namespace gemba::store::detail {

bool CsvRow::blank() const {
    for (const std::string& cell : cells)
        if (cell.find_first_not_of(" \t") != std::string::npos)
            return false;
    return true;
}

std::string columnLetter(std::size_t index) {
    std::string letters;
    ++index;
    while (index > 0) {
        const std::size_t digit = (index - 1) % 26;
        letters.insert(letters.begin(), static_cast<char>('A' + digit));
        index = (index - 1) / 26;
    }
    return letters;
}

namespace {
constexpr std::string_view kBom = "\xEF\xBB\xBF";

std::string_view withoutBom(std::string_view text) {
    if (text.substr(0, kBom.size()) == kBom)
        text.remove_prefix(kBom.size());
    return text;
}
} // namespace

char detectDelimiter(std::string_view text) {
    text = withoutBom(text);
    std::size_t commas = 0;
    std::size_t semicolons = 0;
    bool quoted = false;
    for (char c : text) {
        if (c == '"')
            quoted = !quoted; // a doubled quote toggles twice: still right
        else if (!quoted && (c == '\n' || c == '\r'))
            break;
        else if (!quoted && c == ',')
            ++commas;
        else if (!quoted && c == ';')
            ++semicolons;
    }
    return semicolons > commas ? ';' : ',';
}

CsvTable parseCsv(std::string_view text, const std::string& file) {
    text = withoutBom(text);
    CsvTable table;
    table.delimiter = detectDelimiter(text);
    const char delimiter = table.delimiter;

    CsvRow row;
    row.number = 1;
    std::string cell;
    std::size_t i = 0;
    const std::size_t size = text.size();
    auto place = [&] {
        return "row " + std::to_string(row.number) + ", column " + columnLetter(row.cells.size());
    };
    bool started = false; // whether the current record has begun
    auto endRecord = [&] {
        started = false;
        row.cells.push_back(std::move(cell));
        cell.clear();
        table.rows.push_back(std::move(row));
        row = CsvRow{};
        row.number = table.rows.size() + 1;
    };
    // Skips one line break (CRLF, LF or a lone CR) at i.
    auto skipBreak = [&] {
        if (text[i] == '\r' && i + 1 < size && text[i + 1] == '\n')
            ++i;
        ++i;
    };
    while (i < size) {
        // At the start of a cell.
        started = true;
        if (text[i] == '"') {
            const std::size_t startRow = row.number;
            const std::string startPlace = place();
            ++i;
            for (;;) {
                if (i >= size)
                    throw InputError(file, startPlace,
                                     "a quoted cell is not closed (the quote opened in row " +
                                         std::to_string(startRow) + " has no closing quote)");
                if (text[i] == '"') {
                    if (i + 1 < size && text[i + 1] == '"') {
                        cell += '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                cell += text[i++];
            }
            if (i < size && text[i] != delimiter && text[i] != '\n' && text[i] != '\r')
                throw InputError(file, place(),
                                 "text after the closing quote of a quoted cell (write a quote "
                                 "inside a quoted cell as two quotes: \"\")");
        } else {
            while (i < size && text[i] != delimiter && text[i] != '\n' && text[i] != '\r') {
                if (text[i] == '"')
                    throw InputError(file, place(),
                                     "a quote inside an unquoted cell (quote the whole cell, and "
                                     "write the quote as two quotes: \"\")");
                cell += text[i++];
            }
        }
        if (i >= size)
            break;
        if (text[i] == delimiter) {
            row.cells.push_back(std::move(cell));
            cell.clear();
            ++i;
            if (i >= size) // a delimiter at the very end: one more, empty, cell
                break;
            continue;
        }
        skipBreak();
        endRecord();
    }
    // The last record, unless the text ended with a line break.
    if (started)
        endRecord();
    return table;
}

std::string csvCell(std::string_view text, char delimiter) {
    const bool needsQuotes =
        text.find_first_of(std::string{'"', '\n', '\r', delimiter}) != std::string_view::npos ||
        (!text.empty() && (text.front() == ' ' || text.back() == ' ' || text.front() == '\t' ||
                           text.back() == '\t'));
    if (!needsQuotes)
        return std::string(text);
    std::string out = "\"";
    for (char c : text) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
    return out;
}

NumberStyle numberStyle(char delimiter) {
    if (delimiter == ';')
        return NumberStyle{',', '.', false};
    return NumberStyle{'.', ',', false};
}

namespace {

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

/// Each maximal run of digits and separators that holds a digit, with its position.
template <class F> void forEachNumber(std::string_view cell, F&& f) {
    std::size_t i = 0;
    while (i < cell.size()) {
        if (!isDigit(cell[i]) && cell[i] != '.' && cell[i] != ',') {
            ++i;
            continue;
        }
        std::size_t end = i;
        bool digit = false;
        while (end < cell.size() && (isDigit(cell[end]) || cell[end] == '.' || cell[end] == ',')) {
            digit = digit || isDigit(cell[end]);
            ++end;
        }
        if (digit)
            f(i, cell.substr(i, end - i));
        i = end;
    }
}

/// Whether the group characters of a number stand where thousands separators stand: after
/// one to three digits, then every three digits up to the decimal character or the end.
bool groupedRightly(std::string_view number, const NumberStyle& style) {
    const std::size_t decimal = number.find(style.decimal);
    const std::string_view whole = number.substr(0, decimal);
    if (decimal != std::string_view::npos &&
        number.find(style.group, decimal) != std::string_view::npos)
        return false;
    std::size_t start = 0;
    bool first = true;
    for (;;) {
        const std::size_t end = whole.find(style.group, start);
        const std::size_t length = (end == std::string_view::npos ? whole.size() : end) - start;
        if (first ? (length < 1 || length > 3) : length != 3)
            return false;
        first = false;
        if (end == std::string_view::npos)
            return true;
        start = end + 1;
    }
}

} // namespace

void noteNumbers(std::string_view cell, NumberStyle& style) {
    forEachNumber(cell, [&](std::size_t, std::string_view number) {
        const auto groups = std::count(number.begin(), number.end(), style.group);
        const auto decimals = std::count(number.begin(), number.end(), style.decimal);
        if (groups == 1 && decimals == 0 && !groupedRightly(number, style))
            style.groupAlsoDecimal = true;
    });
}

PlainNumbers plainNumbers(std::string_view cell, const NumberStyle& style) {
    PlainNumbers out{std::string(cell), {}};
    std::string plain;
    std::size_t copied = 0;
    forEachNumber(cell, [&](std::size_t at, std::string_view number) {
        if (!out.error.empty())
            return;
        plain.append(cell.substr(copied, at - copied));
        copied = at + number.size();
        const auto groups = std::count(number.begin(), number.end(), style.group);
        const auto decimals = std::count(number.begin(), number.end(), style.decimal);
        std::string written(number);
        if (groups > 0) {
            if (groupedRightly(number, style)) {
                if (groups == 1 && decimals == 0 && style.groupAlsoDecimal) {
                    out.error = "'" + std::string(number) + "' is ambiguous: this file writes '" +
                                style.group + "' both between thousands and as a decimal " +
                                "point; write it without separators, or with '" + style.decimal +
                                "' for decimals";
                    return;
                }
                std::erase(written, style.group);
            } else if (groups == 1 && decimals == 0) {
                // The other convention's decimal point, as in "2.5" in a semicolon file.
                std::replace(written.begin(), written.end(), style.group, '.');
                plain += written;
                return;
            } else {
                out.error = "'" + std::string(number) + "' is not a number as this file writes " +
                            "them ('" + style.decimal + "' before decimals, '" + style.group +
                            "' between thousands)";
                return;
            }
        }
        std::replace(written.begin(), written.end(), style.decimal, '.');
        plain += written;
    });
    if (!out.error.empty())
        return out;
    plain.append(cell.substr(copied));
    out.text = std::move(plain);
    return out;
}

} // namespace gemba::store::detail
