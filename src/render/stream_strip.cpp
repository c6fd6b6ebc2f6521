#include "stream_strip.h"

#include "gemba/model/duration_units.h"
#include "gemba/model/units.h"
#include "gemba/render/text.h"
#include "gemba/render/theme.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>
#include <set>

namespace gemba::render::detail {

namespace {

constexpr qreal kMinCell = 78; // a name of two short words per line at 7 pt
constexpr qreal kLadder = 54;  // under the box: waiting figure, two rungs, process figure
constexpr qreal kRowGap = 8;
constexpr qreal kTotals = 24; // two lines of 7.5 pt

QString qs(const std::string& text) {
    return QString::fromStdString(text);
}

QFont nameFont() {
    return theme().font(7, true);
}

QString segmentName(const metrics::Segment& segment) {
    QString name = qs(segment.name);
    if (std::abs(segment.visits - 1) > 1e-4)
        name += QStringLiteral(" ×") + qs(model::formatNumber(segment.visits, 2));
    return name;
}

/// As many cells as fit a row, spread evenly over the rows needed (10 steps where 9 fit: two
/// rows of 5, not 9 and a lone one).
int cellsPerRow(std::size_t count, qreal width) {
    const auto n = static_cast<int>(std::max<std::size_t>(count, 1));
    const int fit = std::max(1, static_cast<int>(std::floor(width / kMinCell)));
    const int rows = (n + fit - 1) / fit;
    return (n + rows - 1) / rows;
}

/// "Also on the map, off the ladder: A, B", or empty when the ladder passes every step.
QString offLadderText(const model::Map& map, const metrics::MapMetrics& m) {
    std::set<model::Id> onLadder;
    for (const metrics::Segment& segment : m.timeline)
        onLadder.insert(segment.element);
    QStringList names;
    for (const auto& [id, step] : map.steps)
        if (!onLadder.contains(id))
            names << qs(step.name);
    if (names.isEmpty())
        return {};
    return mapText("Also on the map, off the ladder: %1.").arg(names.join(QStringLiteral(", ")));
}

qreal noteHeight(const QString& text, qreal width) {
    if (text.isEmpty())
        return 0;
    const QFont font = theme().font(7, false, true);
    return static_cast<qreal>(wrapText(text, font, width, 1000).size()) *
               QFontMetricsF(font).height() +
           2;
}

/// The cells of a strip at a width: how many a row, how wide, and how tall the name boxes
/// are (every name in full: the box grows to the longest).
struct StripLayout {
    int perRow = 1;
    qreal cell = 0;
    qreal nameHeight = 0;
    qreal cellHeight() const { return nameHeight + kLadder; }
};

StripLayout stripLayout(const metrics::MapMetrics& m, qreal width) {
    StripLayout out;
    out.perRow = cellsPerRow(m.timeline.size(), width);
    out.cell = width / out.perRow;
    qsizetype lines = 1;
    for (const metrics::Segment& segment : m.timeline)
        lines = std::max(
            lines, wrapText(segmentName(segment), nameFont(), out.cell - 12, kAllLines).size());
    out.nameHeight = static_cast<qreal>(lines) * QFontMetricsF(nameFont()).height() + 6;
    return out;
}

/// Cells [begin, end) of the strip, the first at `origin` (begin starts a row).
void paintCells(QPainter& p, QPointF origin, const model::DurationVoice& voice,
                const metrics::MapMetrics& m, const StripLayout& layout, std::size_t begin,
                std::size_t end) {
    const Theme& t = theme();
    const auto perRow = static_cast<std::size_t>(layout.perRow);
    const qreal cell = layout.cell;
    const qreal cellHeight = layout.cellHeight();
    const qreal nameHeight = layout.nameHeight;
    const QFont figureFont = t.font(7, true);
    for (std::size_t i = begin; i < end; ++i) {
        const metrics::Segment& segment = m.timeline[i];
        const int row = static_cast<int>((i - begin) / perRow);
        const int column = static_cast<int>(i % perRow);
        const qreal x = origin.x() + column * cell;
        const qreal y = origin.y() + row * (cellHeight + kRowGap);
        const bool step = segment.kind == model::ElementKind::Step;
        const bool bottleneck = step && segment.element == m.bottleneck;

        const QRectF box(x + 3, y, cell - 6, nameHeight);
        p.setPen(QPen(bottleneck ? t.bottleneck : t.ink, bottleneck ? 1.6 : 0.8));
        p.setBrush(step ? t.processFill : t.waitFill);
        p.drawRect(box);
        paintWrappedText(p, box.adjusted(3, 2, -3, -2), segmentName(segment), nameFont(), t.ink,
                         kAllLines, Qt::AlignCenter);

        // The ladder: waiting up, work down, one stepped line from cell to cell.
        const qreal upper = y + nameHeight + 22;
        const qreal lower = y + nameHeight + 36;
        const bool waits = segment.waitSeconds > 0;
        const bool works = segment.processSeconds > 0 || !waits;
        const qreal split = waits && works ? x + cell * 0.5 : (waits ? x + cell : x);
        QPainterPath ladder;
        ladder.moveTo(x, column == 0 || !waits ? lower : upper);
        if (waits) {
            ladder.lineTo(x, upper);
            ladder.lineTo(split, upper);
        }
        if (works) {
            ladder.lineTo(split, lower);
            ladder.lineTo(x + cell, lower);
        }
        p.setPen(QPen(t.ink, 1.4));
        p.setBrush(Qt::NoBrush);
        p.drawPath(ladder);
        if (waits)
            paintElidedText(p, QRectF(x, upper - 16, cell, 13),
                            qs(voice.waitTime(segment.waitSeconds)), figureFont, t.ladderWait,
                            Qt::AlignCenter);
        if (works)
            paintElidedText(p, QRectF(x, lower + 2, cell, 13),
                            qs(voice.stepTime(segment.processSeconds)), figureFont, t.ladderProcess,
                            Qt::AlignCenter);
    }
}

/// The totals line under the last row shown, and the steps off the ladder.
void paintEnd(QPainter& p, QPointF origin, qreal width, const model::DurationVoice& voice,
              const model::Map& map, const metrics::MapMetrics& m, std::size_t shown) {
    const Theme& t = theme();
    const model::Calendar& calendar = *voice.calendar;
    QString totals =
        mapText("Lead time %1 · waiting %2 · process time %3 · activity ratio %4")
            .arg(qs(model::formatDurationIn(m.leadTime, model::TimeUnit::Day, calendar)),
                 qs(voice.waitTime(m.waitTime)), qs(voice.stepTime(m.processTime)),
                 qs(model::formatPercent(m.activityRatio)));
    if (shown < m.timeline.size())
        totals = mapText("The first %1 of %2 rungs (the full report has all). ")
                     .arg(shown)
                     .arg(m.timeline.size()) +
                 totals;
    paintWrappedText(p, QRectF(origin.x(), origin.y(), width, kTotals), totals, t.font(7.5, true),
                     t.ink, 2, Qt::AlignLeft | Qt::AlignTop);
    const QString offLadder = offLadderText(map, m);
    if (!offLadder.isEmpty())
        paintWrappedText(
            p, QRectF(origin.x(), origin.y() + kTotals, width, noteHeight(offLadder, width)),
            offLadder, t.font(7, false, true), t.muted, 1000, Qt::AlignLeft | Qt::AlignTop);
}

/// The strip in a report's column: a page break may fall between two of its rows.
class StreamStripBlock : public Block {
public:
    StreamStripBlock(const model::Project& project, const model::Map& map,
                     const metrics::MapMetrics& m, qreal width)
        : m_voice{model::durationUnitsOf(map, project.props.calendar), &project.props.calendar}
        , m_map(map)
        , m_metrics(m)
        , m_layout(stripLayout(m, width))
        , m_end(kTotals + 4 + noteHeight(offLadderText(map, m), width)) {
        const auto n = static_cast<int>(m.timeline.size());
        m_rows = (n + m_layout.perRow - 1) / m_layout.perRow;
    }
    int rowCount() const override { return m_rows; }
    qreal height(qreal, int first, int last) const override {
        const int rows = last - first;
        if (rows <= 0)
            return 0;
        return rows * m_layout.cellHeight() + (rows - 1) * kRowGap + (last == m_rows ? m_end : 0);
    }
    void paint(QPainter& p, const QRectF& area, int first, int last) const override {
        const auto perRow = static_cast<std::size_t>(m_layout.perRow);
        const std::size_t end = std::min(m_metrics.timeline.size(), last * perRow);
        p.save();
        paintCells(p, area.topLeft(), m_voice, m_metrics, m_layout, first * perRow, end);
        if (last == m_rows) {
            const int rows = last - first;
            paintEnd(p,
                     QPointF(area.left(),
                             area.top() + rows * m_layout.cellHeight() + (rows - 1) * kRowGap + 2),
                     area.width(), m_voice, m_map, m_metrics, end);
        }
        p.restore();
    }

private:
    model::DurationVoice m_voice;
    const model::Map& m_map;
    const metrics::MapMetrics& m_metrics;
    StripLayout m_layout;
    qreal m_end;
    int m_rows = 0;
};

} // namespace

qreal streamStripHeight(const model::Map& map, const metrics::MapMetrics& m, qreal width) {
    if (!m.valid || m.timeline.empty())
        return 28;
    const StripLayout layout = stripLayout(m, width);
    const int perRow = layout.perRow;
    const auto rows = static_cast<int>((m.timeline.size() + perRow - 1) / perRow);
    return rows * layout.cellHeight() + (rows - 1) * kRowGap + kTotals + 4 +
           noteHeight(offLadderText(map, m), width);
}

void paintStreamStrip(QPainter& p, const QRectF& area, const model::Project& project,
                      const model::Map& map, const metrics::MapMetrics& m,
                      const model::DurationUnits& units) {
    const Theme& t = theme();
    if (!m.valid || m.timeline.empty()) {
        paintWrappedText(p, QRectF(area.left(), area.top(), area.width(), 28),
                         m.valid ? mapText("No steps connected by flows yet.")
                                 : mapText("No figures: the map has errors (see its report)."),
                         t.font(7.5, false, true), t.muted, 2, Qt::AlignLeft | Qt::AlignTop);
        return;
    }
    const StripLayout layout = stripLayout(m, area.width());
    const int perRow = layout.perRow;
    const qreal cellHeight = layout.cellHeight();
    // The rows that fit above the totals; the rest is said, never cut silently.
    const QString offLadder = offLadderText(map, m);
    const qreal offLadderHeight = noteHeight(offLadder, area.width());
    const int maxRows = std::max(
        1, static_cast<int>(std::floor((area.height() - kTotals - 4 - offLadderHeight + kRowGap) /
                                       (cellHeight + kRowGap))));
    const std::size_t shown =
        std::min(m.timeline.size(), static_cast<std::size_t>(maxRows) * perRow);
    const model::DurationVoice voice{units, &project.props.calendar};
    p.save();
    paintCells(p, area.topLeft(), voice, m, layout, 0, shown);
    const int rows = static_cast<int>((shown + perRow - 1) / perRow);
    paintEnd(p, QPointF(area.left(), area.top() + rows * cellHeight + (rows - 1) * kRowGap + 2),
             area.width(), voice, map, m, shown);
    p.restore();
}

BlockPtr streamStripBlock(const model::Project& project, const model::Map& map,
                          const metrics::MapMetrics& m, qreal width) {
    if (!m.valid || m.timeline.empty())
        return nullptr;
    return std::make_shared<StreamStripBlock>(project, map, m, width);
}

} // namespace gemba::render::detail
