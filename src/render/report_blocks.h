#pragma once

#include <QFont>
#include <QRectF>
#include <QString>
#include <QStringList>
#include <functional>
#include <map>
#include <memory>
#include <vector>

class QPainter;

/// The pieces the report's pages and the editor's Compare view are made of: headings, short
/// paragraphs, tables that break across pages with their header repeated, and charts. All sizes
/// are layout units of 1/96 inch, the units the render library measures text in.
namespace gemba::render::detail {

/// A piece of content in a column. A block is made of rows (a table's rows; one row for
/// anything else); a page break may fall between two rows and nowhere else.
class Block {
public:
    virtual ~Block() = default;
    virtual int rowCount() const { return 1; }
    /// Height of rows [first, last) at this width, with whatever repeats on each page.
    virtual qreal height(qreal width, int first, int last) const = 0;
    virtual void paint(QPainter& painter, const QRectF& area, int first, int last) const = 0;
    /// Headings keep with the start of what follows them.
    virtual bool keepWithNext() const { return false; }
    /// Whether a page may start with this row (a table's total row stays with the rows above).
    virtual bool mayBreakBefore(int row) const { return row >= 0; }
    qreal totalHeight(qreal width) const { return height(width, 0, rowCount()); }
};

using BlockPtr = std::shared_ptr<const Block>;

/// A heading of a section.
class HeadingBlock : public Block {
public:
    explicit HeadingBlock(QString text, qreal points = 12);
    qreal height(qreal width, int first, int last) const override;
    void paint(QPainter& painter, const QRectF& area, int first, int last) const override;
    bool keepWithNext() const override { return true; }

private:
    QString m_text;
    qreal m_points;
};

/// A paragraph of wrapped text.
class TextBlock : public Block {
public:
    explicit TextBlock(QString text, qreal points = 8, bool muted = false);
    qreal height(qreal width, int first, int last) const override;
    void paint(QPainter& painter, const QRectF& area, int first, int last) const override;

private:
    QFont font() const;
    QString m_text;
    qreal m_points;
    bool m_muted;
};

/// A table: columns that fit (those of lowest priority are left out when the width is too
/// small for all of them, and those with nothing to show), each at least as wide as its
/// numbers and longest words; cells of a wrapping column (maxLines > 1) wrapped in full, never
/// cut.
class TableBlock : public Block {
public:
    struct Column {
        QString title;
        qreal minWidth = 40; ///< at least this wide, whatever it holds
        qreal weight = 0;    ///< share of the width left over once every column has its minimum
        Qt::Alignment alignment = Qt::AlignLeft;
        int maxLines = 1; ///< 1: one line; more: the cell wraps (onto as many lines as it needs)
        int priority = 0; ///< higher: kept longer when the page is narrow
    };
    enum class RowStyle { Normal, Total, Section };

    explicit TableBlock(std::vector<Column> columns, qreal points = 7.5);
    void addRow(QStringList cells, RowStyle style = RowStyle::Normal);
    /// A colour for one cell's text (a negative change in green, an error in red).
    void setCellColour(int row, int column, const QColor& colour);
    bool empty() const { return m_rows.empty(); }

    int rowCount() const override { return static_cast<int>(m_rows.size()); }
    bool mayBreakBefore(int row) const override;
    qreal height(qreal width, int first, int last) const override;
    void paint(QPainter& painter, const QRectF& area, int first, int last) const override;

    /// The columns shown at this width, in order, with their widths.
    std::vector<std::pair<int, qreal>> layout(qreal width) const;
    /// Titles of the columns left out at this width.
    QStringList omittedColumns(qreal width) const;

private:
    struct Row {
        QStringList cells;
        RowStyle style = RowStyle::Normal;
        std::map<int, QColor> colours;
    };
    qreal headerHeight(qreal width) const;
    qreal rowHeight(qreal width, int row) const;
    QFont cellFont(RowStyle style) const;
    /// Per column: the width under which its text would be cut (single-line cells, the longest
    /// word of wrapped ones and of the title), and whether it has anything to show.
    struct Measure {
        qreal need = 0;
        bool empty = true;
    };
    const std::vector<Measure>& measures() const;

    std::vector<Column> m_columns;
    std::vector<Row> m_rows;
    qreal m_points;
    mutable std::vector<Measure> m_measures;
    mutable qreal m_cachedWidth = -1;
    mutable std::vector<qreal> m_cachedHeights;
};

/// Names the columns a table leaves out at the width it is drawn at, if any.
class OmittedColumnsNote : public Block {
public:
    /// `where`: where a reader finds the columns left out (empty: the CSV export).
    explicit OmittedColumnsNote(std::shared_ptr<const TableBlock> table, QString where = {});
    qreal height(qreal width, int first, int last) const override;
    void paint(QPainter& painter, const QRectF& area, int first, int last) const override;

private:
    QString text(qreal width) const;
    std::shared_ptr<const TableBlock> m_table;
    QString m_where;
};

/// Anything painted by a function at a height that follows from the width: charts.
class PaintBlock : public Block {
public:
    using HeightFn = std::function<qreal(qreal width)>;
    using PaintFn = std::function<void(QPainter&, const QRectF&)>;
    PaintBlock(HeightFn height, PaintFn paint);
    qreal height(qreal width, int first, int last) const override;
    void paint(QPainter& painter, const QRectF& area, int first, int last) const override;

private:
    HeightFn m_height;
    PaintFn m_paint;
};

/// Space between blocks.
inline constexpr qreal kBlockSpacing = 10;

/// A block, or the rows of one, placed on a page.
struct Placement {
    BlockPtr block;
    int first = 0;
    int last = 0;
    QRectF area;
};

/// Blocks poured into pages whose content area is `pageArea`. A row too tall for a whole page
/// still gets one (clipped), so pagination always ends.
std::vector<std::vector<Placement>> paginate(const std::vector<BlockPtr>& blocks,
                                             const QRectF& pageArea);

/// Every block, one under the other, in a column of this width: its height.
qreal columnHeight(const std::vector<BlockPtr>& blocks, qreal width);
void paintColumn(QPainter& painter, const std::vector<BlockPtr>& blocks, const QRectF& area);

} // namespace gemba::render::detail
