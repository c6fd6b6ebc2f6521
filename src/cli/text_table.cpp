#include "text_table.h"

#include <algorithm>

namespace gemba::cli {

std::size_t displayWidth(std::string_view text) {
    // Every byte that does not continue a UTF-8 sequence starts a character.
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

TextTable::TextTable(std::vector<Align> columns, std::string indent)
    : m_columns(std::move(columns))
    , m_indent(std::move(indent)) {}

void TextTable::addRow(std::vector<std::string> cells) {
    cells.resize(m_columns.size());
    m_rows.push_back(std::move(cells));
}

std::string TextTable::render() const {
    std::vector<std::size_t> widths(m_columns.size(), 0);
    for (const auto& row : m_rows)
        for (std::size_t c = 0; c < row.size(); ++c)
            widths[c] = std::max(widths[c], displayWidth(row[c]));
    std::string out;
    for (const auto& row : m_rows) {
        std::string line = m_indent;
        for (std::size_t c = 0; c < row.size(); ++c) {
            const std::string padding(widths[c] - displayWidth(row[c]), ' ');
            if (c > 0)
                line += "  ";
            if (m_columns[c] == Align::Right)
                line += padding + row[c];
            else
                line += row[c] + padding;
        }
        while (!line.empty() && line.back() == ' ')
            line.pop_back();
        out += line + "\n";
    }
    return out;
}

} // namespace gemba::cli
