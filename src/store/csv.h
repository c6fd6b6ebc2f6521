#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

/// RFC 4180 CSV as spreadsheets write it: quoted cells with doubled quotes and line breaks,
/// CRLF or LF, an optional UTF-8 byte-order mark, and comma or semicolon delimiters.
namespace gemba::store::detail {

struct CsvRow {
    std::size_t number = 0; ///< as a spreadsheet shows it: the first record is row 1
    std::vector<std::string> cells;
    /// True when every cell is empty or blank.
    bool blank() const;
};

struct CsvTable {
    char delimiter = ',';
    std::vector<CsvRow> rows;
};

/// The delimiter of a file: ';' when the first record has more semicolons than commas outside
/// quotes (as spreadsheets in decimal-comma locales write), else ','.
char detectDelimiter(std::string_view text);

/// Splits text into records and cells. Throws InputError(file, "row N, column C", problem) for
/// an unclosed quote or text after a closing quote.
CsvTable parseCsv(std::string_view text, const std::string& file);

/// A cell as written: quoted when it holds the delimiter, a quote, a line break or leading or
/// trailing spaces.
std::string csvCell(std::string_view text, char delimiter = ',');

/// The spreadsheet name of a column: 0 -> "A", 25 -> "Z", 26 -> "AA".
std::string columnLetter(std::size_t index);

} // namespace gemba::store::detail
