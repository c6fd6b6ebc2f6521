#pragma once

#include <string>
#include <string_view>
#include <vector>

/// Plain-text tables for the terminal: columns padded to their widest cell, counted in
/// characters (UTF-8 code points), not bytes, so that names with accents still line up.
namespace gemba::cli {

class TextTable {
public:
    enum class Align { Left, Right };

    explicit TextTable(std::vector<Align> columns, std::string indent = "  ");
    void addRow(std::vector<std::string> cells);
    /// Every row, each ending in a newline, trailing spaces removed.
    std::string render() const;

private:
    std::vector<Align> m_columns;
    std::string m_indent;
    std::vector<std::vector<std::string>> m_rows;
};

/// The width of UTF-8 text in characters.
std::size_t displayWidth(std::string_view text);

} // namespace gemba::cli
