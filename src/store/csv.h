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

/// How a file writes numbers: a comma-separated file writes 1,234.5 (the comma groups
/// thousands, only inside quotes), a semicolon-separated one 1.234,5, as spreadsheets in
/// decimal-comma locales do.
struct NumberStyle {
    char decimal = '.';
    char group = ',';
    /// The file also writes the group character as a decimal point somewhere ("2.5" in a
    /// semicolon file): then "2.500" could be either and is refused.
    bool groupAlsoDecimal = false;
};

NumberStyle numberStyle(char delimiter);

/// Records in `style` whether a cell writes the group character as a decimal point.
void noteNumbers(std::string_view cell, NumberStyle& style);

/// The cell with every number in it written plainly, decimal point and no grouping:
/// "1.234,5 h" -> "1234.5 h" in a semicolon file. `error` says why a number cannot be read
/// for sure (an ambiguous "2.500", a misplaced separator).
struct PlainNumbers {
    std::string text;
    std::string error;
};
PlainNumbers plainNumbers(std::string_view cell, const NumberStyle& style);

/// The spreadsheet name of a column: 0 -> "A", 25 -> "Z", 26 -> "AA".
std::string columnLetter(std::size_t index);

} // namespace gemba::store::detail
