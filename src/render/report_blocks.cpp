#include "report_blocks.h"

#include "gemba/render/text.h"
#include "gemba/render/theme.h"

#include <QFontMetricsF>
#include <QPainter>
#include <algorithm>

namespace gemba::render::detail {

namespace {

constexpr qreal kCellPadX = 4;
constexpr qreal kCellPadY = 3;

} // namespace

// ---------------------------------------------------------------------------------------

HeadingBlock::HeadingBlock(QString text, qreal points)
    : m_text(std::move(text))
    , m_points(points) {}

qreal HeadingBlock::height(qreal, int, int) const {
    return QFontMetricsF(theme().font(m_points, true)).height() + 8;
}

void HeadingBlock::paint(QPainter& painter, const QRectF& area, int, int) const {
    const Theme& t = theme();
    const QFont font = t.font(m_points, true);
    const qreal textHeight = QFontMetricsF(font).height();
    paintElidedText(painter, QRectF(area.left(), area.top(), area.width(), textHeight), m_text,
                    font, t.ink, Qt::AlignLeft);
    painter.setPen(QPen(t.faint, 1));
    painter.drawLine(QPointF(area.left(), area.top() + textHeight + 3),
                     QPointF(area.right(), area.top() + textHeight + 3));
}

// ---------------------------------------------------------------------------------------

TextBlock::TextBlock(QString text, qreal points, bool muted)
    : m_text(std::move(text))
    , m_points(points)
    , m_muted(muted) {}

QFont TextBlock::font() const {
    return theme().font(m_points, false, m_muted);
}

qreal TextBlock::height(qreal width, int, int) const {
    const QStringList lines = wrapText(m_text, font(), width, 1000);
    return QFontMetricsF(font()).height() * std::max<qsizetype>(1, lines.size());
}

void TextBlock::paint(QPainter& painter, const QRectF& area, int, int) const {
    paintWrappedText(painter, area, m_text, font(), m_muted ? theme().muted : theme().ink, 1000,
                     Qt::AlignLeft | Qt::AlignTop);
}

// ---------------------------------------------------------------------------------------

TableBlock::TableBlock(std::vector<Column> columns, qreal points)
    : m_columns(std::move(columns))
    , m_points(points) {}

void TableBlock::addRow(QStringList cells, RowStyle style) {
    while (cells.size() < static_cast<qsizetype>(m_columns.size()))
        cells << QString();
    m_rows.push_back({std::move(cells), style, {}});
    m_cachedWidth = -1;
    m_measures.clear();
}

void TableBlock::setCellColour(int row, int column, const QColor& colour) {
    m_rows.at(static_cast<std::size_t>(row)).colours[column] = colour;
}

const std::vector<TableBlock::Measure>& TableBlock::measures() const {
    if (!m_measures.empty())
        return m_measures;
    constexpr qreal kMaxSingleLine = 180; // a longer one-line cell is elided
    const auto longestWord = [](const QFont& font, const QString& text) {
        qreal widest = 0;
        for (const QString& word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts))
            widest = std::max(widest, textWidth(font, word));
        return widest;
    };
    const QFont headerFont = theme().font(m_points, true);
    m_measures.resize(m_columns.size());
    for (std::size_t i = 0; i < m_columns.size(); ++i) {
        const Column& c = m_columns[i];
        Measure& m = m_measures[i];
        m.need = std::max(c.minWidth, longestWord(headerFont, c.title) + 2 * kCellPadX);
        for (const Row& row : m_rows) {
            const QString& text = row.cells[static_cast<qsizetype>(i)];
            if (!text.isEmpty() && text != QStringLiteral("–"))
                m.empty = false;
            const QFont font = cellFont(row.style);
            const qreal width = c.maxLines > 1 ? longestWord(font, text)
                                               : std::min(textWidth(font, text), kMaxSingleLine);
            m.need = std::max(m.need, width + 2 * kCellPadX + 1);
        }
    }
    return m_measures;
}

std::vector<std::pair<int, qreal>> TableBlock::layout(qreal width) const {
    const std::vector<Measure>& measure = measures();
    std::vector<int> shown;
    for (std::size_t i = 0; i < m_columns.size(); ++i)
        if (i == 0 || !measure[i].empty || m_rows.empty())
            shown.push_back(static_cast<int>(i));
    const auto need = [&] {
        qreal sum = 0;
        for (int i : shown)
            sum += measure[static_cast<std::size_t>(i)].need;
        return sum;
    };
    // Leave out the least important columns (the last of equal priority first) until the
    // rest fit; the first column always stays.
    while (shown.size() > 1 && need() > width) {
        auto drop = shown.begin() + 1;
        for (auto it = shown.begin() + 1; it != shown.end(); ++it)
            if (m_columns[static_cast<std::size_t>(*it)].priority <=
                m_columns[static_cast<std::size_t>(*drop)].priority)
                drop = it;
        shown.erase(drop);
    }
    qreal weights = 0;
    for (int i : shown)
        weights += m_columns[static_cast<std::size_t>(i)].weight;
    const qreal spare = std::max<qreal>(0, width - need());
    std::vector<std::pair<int, qreal>> out;
    for (int i : shown) {
        const Column& c = m_columns[static_cast<std::size_t>(i)];
        qreal w = measure[static_cast<std::size_t>(i)].need;
        if (weights > 0)
            w += spare * c.weight / weights;
        else
            w += spare / static_cast<qreal>(shown.size());
        out.push_back({i, w});
    }
    if (out.size() == 1) // one column narrower than its need: it gets what there is
        out[0].second = width;
    return out;
}

QStringList TableBlock::omittedColumns(qreal width) const {
    const auto shown = layout(width);
    QStringList out;
    for (std::size_t i = 0; i < m_columns.size(); ++i)
        if (!measures()[i].empty && std::none_of(shown.begin(), shown.end(), [&](const auto& s) {
                return s.first == static_cast<int>(i);
            }))
            out << m_columns[i].title;
    return out;
}

bool TableBlock::mayBreakBefore(int row) const {
    if (row <= 0 || row >= rowCount())
        return true;
    const Row& r = m_rows[static_cast<std::size_t>(row)];
    // A total stays with the rows above; so does the last row (never alone on a page), and a
    // row with an empty first cell, which continues the one above (a step's further fields).
    return r.style != RowStyle::Total && !(row == rowCount() - 1 && rowCount() >= 3) &&
           !(r.style == RowStyle::Normal && r.cells.value(0).isEmpty());
}

QFont TableBlock::cellFont(RowStyle style) const {
    return theme().font(m_points, style != RowStyle::Normal);
}

qreal TableBlock::headerHeight(qreal width) const {
    const QFont font = theme().font(m_points, true);
    int lines = 1;
    for (const auto& [index, w] : layout(width))
        lines = std::max<int>(
            lines, static_cast<int>(wrapText(m_columns[static_cast<std::size_t>(index)].title, font,
                                             w - 2 * kCellPadX, 2)
                                        .size()));
    return QFontMetricsF(font).height() * lines + 2 * kCellPadY + 1;
}

qreal TableBlock::rowHeight(qreal width, int row) const {
    if (m_cachedWidth != width) {
        m_cachedWidth = width;
        m_cachedHeights.assign(m_rows.size(), -1);
    }
    qreal& cached = m_cachedHeights[static_cast<std::size_t>(row)];
    if (cached >= 0)
        return cached;
    const Row& r = m_rows[static_cast<std::size_t>(row)];
    const QFont font = cellFont(r.style);
    int lines = 1;
    for (const auto& [index, w] : layout(width)) {
        const Column& c = m_columns[static_cast<std::size_t>(index)];
        const QString& text = r.cells[index];
        // A wrapping column shows its whole text: a reader never meets a cut description.
        if (c.maxLines > 1 && !text.isEmpty())
            lines = std::max<int>(
                lines, static_cast<int>(wrapText(text, font, w - 2 * kCellPadX, kAllLines).size()));
    }
    cached = QFontMetricsF(font).height() * lines + 2 * kCellPadY;
    return cached;
}

qreal TableBlock::height(qreal width, int first, int last) const {
    qreal h = headerHeight(width);
    for (int i = first; i < last; ++i)
        h += rowHeight(width, i);
    return h;
}

void TableBlock::paint(QPainter& painter, const QRectF& area, int first, int last) const {
    const Theme& t = theme();
    const auto columns = layout(area.width());
    painter.save();
    painter.setClipRect(area.adjusted(-1, -1, 1, 1), Qt::IntersectClip);

    // The header, repeated on every page the table runs over.
    const qreal header = headerHeight(area.width());
    painter.setPen(Qt::NoPen);
    painter.setBrush(t.processFill);
    painter.drawRect(QRectF(area.left(), area.top(), area.width(), header));
    const QFont headerFont = t.font(m_points, true);
    qreal x = area.left();
    for (const auto& [index, w] : columns) {
        const Column& c = m_columns[static_cast<std::size_t>(index)];
        paintWrappedText(painter,
                         QRectF(x + kCellPadX, area.top() + kCellPadY, w - 2 * kCellPadX,
                                header - 2 * kCellPadY),
                         c.title, headerFont, t.muted, 2, c.alignment | Qt::AlignBottom);
        x += w;
    }
    painter.setPen(QPen(t.ink, 0.8));
    painter.drawLine(QPointF(area.left(), area.top() + header),
                     QPointF(area.right(), area.top() + header));

    qreal y = area.top() + header;
    for (int i = first; i < last; ++i) {
        const Row& r = m_rows[static_cast<std::size_t>(i)];
        const qreal h = rowHeight(area.width(), i);
        if (r.style == RowStyle::Section) {
            painter.setPen(Qt::NoPen);
            painter.setBrush(t.infoFill);
            painter.drawRect(QRectF(area.left(), y, area.width(), h));
        }
        const QFont font = cellFont(r.style);
        x = area.left();
        for (const auto& [index, w] : columns) {
            const Column& c = m_columns[static_cast<std::size_t>(index)];
            const auto colour = r.colours.find(index);
            const QColor ink = colour != r.colours.end() ? colour->second : t.ink;
            const QRectF cell(x + kCellPadX, y + kCellPadY, w - 2 * kCellPadX, h - 2 * kCellPadY);
            if (c.maxLines > 1)
                paintWrappedText(painter, cell, r.cells[index], font, ink, kAllLines,
                                 c.alignment | Qt::AlignTop);
            else
                paintElidedText(
                    painter,
                    QRectF(cell.left(), cell.top(), cell.width(), QFontMetricsF(font).height()),
                    r.cells[index], font, ink, c.alignment);
            x += w;
        }
        y += h;
        painter.setPen(QPen(r.style == RowStyle::Total ? t.ink : t.faint,
                            r.style == RowStyle::Total ? 0.8 : 0.5));
        painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y));
    }
    painter.restore();
}

// ---------------------------------------------------------------------------------------

OmittedColumnsNote::OmittedColumnsNote(std::shared_ptr<const TableBlock> table, QString where)
    : m_table(std::move(table))
    , m_where(std::move(where)) {}

QString OmittedColumnsNote::text(qreal width) const {
    const QStringList omitted = m_table->omittedColumns(width);
    if (omitted.isEmpty())
        return {};
    return mapText("Left out for want of width: %1. %2")
        .arg(omitted.join(QStringLiteral(", ")),
             m_where.isEmpty() ? mapText("The CSV export has every column.") : m_where);
}

qreal OmittedColumnsNote::height(qreal width, int, int) const {
    const QString note = text(width);
    return note.isEmpty() ? 0 : TextBlock(note, 7, true).totalHeight(width);
}

void OmittedColumnsNote::paint(QPainter& painter, const QRectF& area, int, int) const {
    const QString note = text(area.width());
    if (!note.isEmpty())
        TextBlock(note, 7, true).paint(painter, area, 0, 1);
}

// ---------------------------------------------------------------------------------------

PaintBlock::PaintBlock(HeightFn height, PaintFn paint)
    : m_height(std::move(height))
    , m_paint(std::move(paint)) {}

qreal PaintBlock::height(qreal width, int, int) const {
    return m_height(width);
}

void PaintBlock::paint(QPainter& painter, const QRectF& area, int, int) const {
    painter.save();
    m_paint(painter, area);
    painter.restore();
}

// ---------------------------------------------------------------------------------------

std::vector<std::vector<Placement>> paginate(const std::vector<BlockPtr>& blocks,
                                             const QRectF& pageArea) {
    std::vector<std::vector<Placement>> pages(1);
    const qreal width = pageArea.width();
    qreal y = pageArea.top();
    const auto newPage = [&] {
        pages.emplace_back();
        y = pageArea.top();
    };
    for (std::size_t b = 0; b < blocks.size(); ++b) {
        const BlockPtr& block = blocks[b];
        const int rows = block->rowCount();
        if (rows == 0)
            continue;
        if (block->keepWithNext() && b + 1 < blocks.size() && !pages.back().empty()) {
            // A heading moves to the next page unless the start of what follows fits: its
            // first two rows, since a table's first row does not stay behind alone.
            const Block& next = *blocks[b + 1];
            const qreal together =
                block->totalHeight(width) + kBlockSpacing / 2 +
                (next.rowCount() > 0 ? next.height(width, 0, std::min(2, next.rowCount())) : 0);
            if (y + together > pageArea.bottom())
                newPage();
        }
        int first = 0;
        while (first < rows) {
            int last = first;
            while (last < rows && y + block->height(width, first, last + 1) <= pageArea.bottom())
                ++last;
            if (last == first) {
                if (!pages.back().empty()) {
                    newPage();
                    continue;
                }
                last = first + 1; // taller than a page: it gets one to itself
            }
            // A total row does not start a page alone: the row above it goes along.
            while (last < rows && last > first + 1 && !block->mayBreakBefore(last))
                --last;
            // Nor does a table's first row stay alone at the foot of a page with something
            // above it: the table starts on the next page.
            if (first == 0 && last == 1 && rows > 1 && !pages.back().empty() &&
                !pages.back().back().block->keepWithNext()) {
                newPage();
                continue;
            }
            const qreal h = std::min(block->height(width, first, last), pageArea.bottom() - y);
            pages.back().push_back({block, first, last, QRectF(pageArea.left(), y, width, h)});
            y += h + (block->keepWithNext() ? kBlockSpacing / 2 : kBlockSpacing);
            first = last;
            if (first < rows)
                newPage();
        }
    }
    if (pages.size() > 1 && pages.back().empty())
        pages.pop_back();
    return pages;
}

qreal columnHeight(const std::vector<BlockPtr>& blocks, qreal width) {
    qreal h = 0;
    for (const BlockPtr& block : blocks) {
        if (block->rowCount() == 0)
            continue;
        h +=
            block->totalHeight(width) + (block->keepWithNext() ? kBlockSpacing / 2 : kBlockSpacing);
    }
    return h;
}

void paintColumn(QPainter& painter, const std::vector<BlockPtr>& blocks, const QRectF& area) {
    qreal y = area.top();
    for (const BlockPtr& block : blocks) {
        if (block->rowCount() == 0)
            continue;
        const qreal h = block->totalHeight(area.width());
        block->paint(painter, QRectF(area.left(), y, area.width(), h), 0, block->rowCount());
        y += h + (block->keepWithNext() ? kBlockSpacing / 2 : kBlockSpacing);
    }
}

} // namespace gemba::render::detail
