#include "csv.h"

#include "gemba/store/errors.h"

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

} // namespace gemba::store::detail
