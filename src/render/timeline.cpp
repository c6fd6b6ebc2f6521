#include "gemba/render/timeline.h"

#include "gemba/model/units.h"
#include "gemba/render/text.h"
#include "gemba/render/theme.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>
#include <limits>

namespace gemba::render {

namespace {

constexpr qreal kLabelColumn = 70;
constexpr qreal kTotalsWidth = 200;
constexpr qreal kMinimumRungs = 360;
constexpr qreal kFigureRung = 34; // the narrowest rung that writes its figures
// Below this zoom the rungs' figures and names are a few pixels high: left out, as the map
// leaves out its data boxes.
constexpr qreal kLadderDetail = 0.45;

QString qs(const std::string& text) {
    return QString::fromStdString(text);
}

QString percent(double ratio) {
    return qs(model::formatPercent(ratio));
}

void paintTotals(QPainter& p, const PaintContext& c, const QRectF& box) {
    const Theme& t = theme();
    const metrics::MapMetrics& m = *c.metrics;
    const model::Calendar& calendar = c.project.props.calendar;
    p.setPen(QPen(t.ink, 1));
    p.setBrush(t.processFill);
    p.drawRoundedRect(box, 4, 4);
    std::vector<std::pair<QString, QString>> rows = {
        {mapText("Lead time"),
         qs(model::formatDurationIn(m.leadTime, model::TimeUnit::Day, calendar))},
        {mapText("Waiting"), qs(durationVoice(c).waitTime(m.waitTime))},
        {mapText("Process time"), qs(durationVoice(c).stepTime(m.processTime))},
        {mapText("Activity ratio"), percent(m.activityRatio)},
        {mapText("Rolled %C&A"), percent(m.rolledPca)},
    };
    if (m.takt)
        rows.push_back({mapText("Takt"), qs(durationVoice(c).stepTime(*m.takt))});
    const qreal lineHeight = (box.height() - 8) / static_cast<qreal>(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const QRectF line(box.left() + 8, box.top() + 4 + lineHeight * static_cast<qreal>(i),
                          box.width() - 16, lineHeight);
        paintElidedText(p, line, rows[i].first, t.font(7.5), t.muted, Qt::AlignLeft);
        paintElidedText(p, line, rows[i].second, t.font(8, i == 0), t.ink, Qt::AlignRight);
    }
}

/// Short texts centred in boxes, gathered while the rungs are walked and drawn in one batch
/// per font and colour, elided only when they do not fit.
class CentredTexts {
public:
    CentredTexts(const QFont& font, const QColor& colour)
        : m_font(font)
        , m_metrics(font)
        , m_colour(colour) {}

    void add(const QRectF& box, const QString& text) {
        m_texts.emplace_back(box, m_metrics.horizontalAdvance(text) > box.width()
                                      ? m_metrics.elidedText(text, Qt::ElideRight, box.width())
                                      : text);
    }

    void paint(QPainter& p) const {
        p.setFont(m_font);
        p.setPen(m_colour);
        for (const auto& [box, text] : m_texts)
            p.drawText(box, Qt::AlignCenter, text);
    }

private:
    QFont m_font;
    QFontMetricsF m_metrics;
    QColor m_colour;
    std::vector<std::pair<QRectF, QString>> m_texts;
};

} // namespace

QRectF timelineRect(const QRectF& mapBounds, std::size_t rungs) {
    const qreal width = std::max(mapBounds.width(), kLabelColumn + kMinimumRungs + kTotalsWidth);
    const qreal rungArea = width - kLabelColumn - kTotalsWidth - 14;
    const qreal rows =
        std::max<qreal>(1, std::ceil(static_cast<qreal>(rungs) * kMinimumRungWidth / rungArea));
    return QRectF(mapBounds.left(), mapBounds.bottom() + 36, width, rows * kTimelineHeight);
}

QRectF timelineRect(const QRectF& mapBounds, const metrics::MapMetrics* metrics) {
    return timelineRect(mapBounds, metrics && metrics->valid ? metrics->timeline.size() : 0);
}

bool timelineShowsFigures(const metrics::MapMetrics& m, qreal width) {
    if (m.timeline.empty())
        return true;
    const qreal rungs = width - kLabelColumn - kTotalsWidth - 14;
    return rungs / static_cast<qreal>(m.timeline.size()) >= kFigureRung;
}

void paintTimeline(QPainter& p, const PaintContext& c, const QRectF& area) {
    registerFonts();
    const Theme& t = theme();
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    if (!c.metrics || !c.metrics->valid || c.metrics->timeline.empty()) {
        const QRectF firstRow(area.left(), area.top(), area.width(),
                              std::min(area.height(), kTimelineHeight));
        QPen dashed(t.faint, 1.2, Qt::DashLine);
        p.setPen(dashed);
        p.setBrush(Qt::NoBrush);
        p.drawRoundedRect(firstRow.adjusted(0, 10, 0, -10), 6, 6);
        const QString why = !c.metrics || c.map.steps.empty()
                                ? mapText("Timeline: add steps and connect them with flows.")
                                : mapText("Timeline unavailable: fix the errors listed in "
                                          "the findings.");
        paintElidedText(p, firstRow, why, t.font(8.5, false, true), t.muted, Qt::AlignCenter);
        p.restore();
        return;
    }
    const metrics::MapMetrics& m = *c.metrics;
    const model::DurationVoice voice = durationVoice(c);

    const auto rows =
        static_cast<std::size_t>(std::max<qreal>(1, std::round(area.height() / kTimelineHeight)));
    const std::size_t perRow = (m.timeline.size() + rows - 1) / rows;
    const qreal left = area.left() + kLabelColumn;
    const qreal right = area.right() - kTotalsWidth - 14;
    const qreal width = (right - left) / static_cast<qreal>(perRow);
    const bool readable = c.levelOfDetail >= kLadderDetail;
    const bool writeFigures = readable && width >= kFigureRung;
    const bool writeNames = readable && width >= 40;
    const QFont figureFont = t.font(width >= 60 ? 7.5 : 6.5, true);
    CentredTexts waitFigures(figureFont, t.ladderWait);
    CentredTexts processFigures(figureFont, t.ladderProcess);
    CentredTexts names(t.font(6.5), t.muted);

    // Only the rows and rungs that can show inside the painter's clip are drawn: the canvas
    // clips the ladder to its exposed part, and on a long map most rungs are far off screen.
    // Without a clip (exports) every rung is drawn.
    QRectF shown(
        QPointF(-std::numeric_limits<qreal>::infinity(), -std::numeric_limits<qreal>::infinity()),
        QPointF(std::numeric_limits<qreal>::infinity(), std::numeric_limits<qreal>::infinity()));
    if (p.hasClipping())
        shown = p.clipBoundingRect().adjusted(-width, -width, width, width);

    QPainterPath ladder;
    // The level the line is at after the last rung: a row starts where the last one ended.
    bool waitingLevel = false;
    for (std::size_t row = 0; row < rows; ++row) {
        const std::size_t first = row * perRow;
        const std::size_t last = std::min(m.timeline.size(), first + perRow);
        const qreal top = area.top() + static_cast<qreal>(row) * kTimelineHeight;
        const qreal upper = top + 34;
        const qreal lower = top + 72;
        if (top > shown.bottom() || top + kTimelineHeight < shown.top()) {
            if (last > first) {
                const metrics::Segment& end = m.timeline[last - 1];
                waitingLevel = !(end.processSeconds > 0 || end.waitSeconds <= 0);
            }
            continue;
        }
        paintElidedText(p, QRectF(area.left(), upper - 8, kLabelColumn - 6, 16), mapText("Waiting"),
                        t.font(7, true), t.ladderWait, Qt::AlignLeft);
        paintElidedText(p, QRectF(area.left(), lower - 8, kLabelColumn - 6, 16), mapText("Process"),
                        t.font(7, true), t.ladderProcess, Qt::AlignLeft);
        // The rungs as one stepped line: up for waiting, down for work.
        qreal y = waitingLevel ? upper : lower;
        bool started = false;
        auto runTo = [&](qreal x, qreal level) {
            if (level != y)
                ladder.lineTo(ladder.currentPosition().x(), level);
            ladder.lineTo(x, level);
            y = level;
        };
        qreal x = left;
        for (std::size_t i = first; i < last; ++i, x += width) {
            const metrics::Segment& segment = m.timeline[i];
            const bool waits = segment.waitSeconds > 0;
            const bool works = segment.processSeconds > 0 || !waits;
            const qreal split = waits && works ? x + width * 0.5 : (waits ? x + width : x);
            if (x + width < shown.left() || x > shown.right()) {
                y = works ? lower : upper; // where the line would be after this rung
                started = false;
                continue;
            }
            if (!started) {
                ladder.moveTo(x, y);
                started = true;
            }
            if (waits) {
                runTo(split, upper);
                if (writeFigures)
                    // A figure may use the segment's whole width, centred on its rung: waiting
                    // figures sit above the ladder and process figures below, so the two never
                    // meet, and neighbours' figures stay apart.
                    waitFigures.add(QRectF((x + split) / 2 - width / 2, upper - 18, width, 14),
                                    qs(voice.waitTime(segment.waitSeconds)));
            }
            if (works) {
                runTo(x + width, lower);
                if (writeFigures)
                    processFigures.add(
                        QRectF((split + x + width) / 2 - width / 2, lower + 3, width, 14),
                        qs(voice.stepTime(segment.processSeconds)));
            }
            if (segment.kind == model::ElementKind::Step && segment.element == m.bottleneck) {
                p.setPen(QPen(t.bottleneck, 5, Qt::SolidLine, Qt::FlatCap));
                p.drawLine(QPointF(split, lower), QPointF(x + width, lower));
            }
            const auto figures = m.steps.find(segment.element);
            if (figures != m.steps.end() && figures->second.aboveTakt) {
                p.setPen(Qt::NoPen);
                p.setBrush(t.aboveTakt);
                const QPointF tip((split + x + width) / 2, lower - 4);
                p.drawPolygon(QPolygonF{tip, tip + QPointF(-5, -8), tip + QPointF(5, -8)});
            }
            if (writeNames) {
                QString name = qs(segment.name);
                if (segment.visits > 1.0001 || segment.visits < 0.9999)
                    name += QStringLiteral(" ×") + qs(model::formatNumber(segment.visits, 2));
                names.add(QRectF(x + 2, lower + 18, width - 4, 12), name);
            }
        }
        waitingLevel = y == upper;
    }
    p.setPen(QPen(t.ink, 1.6));
    p.setBrush(Qt::NoBrush);
    p.drawPath(ladder);
    waitFigures.paint(p);
    processFigures.paint(p);
    names.paint(p);

    // The sums at the end of the first row's rungs.
    const QRectF sums(right + 14, area.top() + 6, kTotalsWidth, kTimelineHeight - 12);
    if (sums.intersects(shown))
        paintTotals(p, c, sums);
    p.restore();
}

} // namespace gemba::render
