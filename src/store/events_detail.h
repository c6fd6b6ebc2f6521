#pragma once

#include <cstddef>
#include <istream>
#include <string>
#include <vector>

namespace gemba::store::detail {

/// RFC 4180 records read from a stream a megabyte at a time: quoted cells with doubled quotes
/// and line breaks, CRLF or LF, an optional byte-order mark, comma or semicolon (detected from
/// the first record). Throws InputError for an unclosed quote or text after a closing quote.
class CsvStream {
public:
    CsvStream(std::istream& in, std::string file);
    /// The next record's cells; false at the end of the input.
    bool next(std::vector<std::string>& cells);
    /// The number of the record last read, as a spreadsheet shows it (the header is row 1).
    std::size_t row() const { return m_row; }

private:
    bool fill();
    std::istream& m_in;
    std::string m_file;
    std::vector<char> m_buffer;
    std::size_t m_size = 0;
    std::size_t m_pos = 0;
    std::size_t m_row = 0;
    char m_delimiter = ',';
    bool m_first = true;
    bool m_eof = false;
};

} // namespace gemba::store::detail
