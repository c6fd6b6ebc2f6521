#include "gemba/render/timeline.h"

#include "gemba/model/units.h"
#include "gemba/render/text.h"
#include "gemba/render/theme.h"

#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <limits>

namespace gemba::render {

namespace {

constexpr qreal kLabelColumn = 70;
constexpr qreal kTotalsWidth = 200;
constexpr qreal kMinimumRungs = 360;
constexpr qreal kFigureRung = 34; // the narrowest rung that writes its figures

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
        {mapText("Waiting"), qs(model::formatDuration(m.waitTime, calendar))},
        {mapText("Process time"), qs(model::formatDuration(m.processTime, calendar))},
        {mapText("Activity ratio"), percent(m.activityRatio)},
        {mapText("Rolled %C&A"), percent(m.rolledPca)},
    };
    if (m.takt)
        rows.push_back({mapText("Takt"), qs(model::formatDuration(*m.takt, calendar))});
    const qreal lineHeight = (box.height() - 8) / static_cast<qreal>(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const QRectF line(box.left() + 8, box.top() + 4 + lineHeight * static_cast<qreal>(i),
                          box.width() - 16, lineHeight);
        paintElidedText(p, line, rows[i].first, t.font(7.5), t.muted, Qt::AlignLeft);
        paintElidedText(p, line, rows[i].second, t.font(8, i == 0), t.ink, Qt::AlignRight);
    }
}

} // namespace

QRectF timelineRect(const QRectF& mapBounds) {
    const qreal width = std::max(mapBounds.width(), kLabelColumn + kMinimumRungs + kTotalsWidth);
    return QRectF(mapBounds.left(), mapBounds.bottom() + 36, width, kTimelineHeight);
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
        QPen dashed(t.faint, 1.2, Qt::DashLine);
        p.setPen(dashed);
        p.setBrush(Qt::NoBrush);
        p.drawRoundedRect(area.adjusted(0, 10, 0, -10), 6, 6);
        const QString why = !c.metrics || c.map.steps.empty()
                                ? mapText("Timeline: add steps and connect them with flows.")
                                : mapText("Timeline unavailable: fix the errors listed in "
                                          "the findings.");
        paintElidedText(p, area, why, t.font(8.5, false, true), t.muted, Qt::AlignCenter);
        p.restore();
        return;
    }
    const metrics::MapMetrics& m = *c.metrics;
    const model::Calendar& calendar = c.project.props.calendar;

    const qreal upper = area.top() + 34;
    const qreal lower = area.top() + 72;
    paintElidedText(p, QRectF(area.left(), upper - 8, kLabelColumn - 6, 16), mapText("Waiting"),
                    t.font(7, true), t.ladderWait, Qt::AlignLeft);
    paintElidedText(p, QRectF(area.left(), lower - 8, kLabelColumn - 6, 16), mapText("Process"),
                    t.font(7, true), t.ladderProcess, Qt::AlignLeft);

    const qreal left = area.left() + kLabelColumn;
    const qreal right = area.right() - kTotalsWidth - 14;
    const auto count = static_cast<qreal>(m.timeline.size());
    const qreal width = (right - left) / count;
    const bool writeFigures = width >= kFigureRung;
    const QFont figureFont = t.font(width >= 60 ? 7.5 : 6.5, true);
    const QFont nameFont = t.font(6.5);

    // Only the rungs that can show inside the painter's clip are drawn: the canvas clips the
    // ladder to its exposed part, and on a long map most rungs are far off screen. Without a
    // clip (exports) every rung is drawn.
    qreal shownLeft = -std::numeric_limits<qreal>::infinity();
    qreal shownRight = std::numeric_limits<qreal>::infinity();
    if (p.hasClipping()) {
        const QRectF clip = p.clipBoundingRect();
        shownLeft = clip.left() - width;
        shownRight = clip.right() + width;
    }

    // The rungs as one stepped line: up for waiting, down for work.
    QPainterPath ladder;
    qreal y = lower;
    bool started = false;
    auto runTo = [&](qreal x, qreal level) {
        if (level != y)
            ladder.lineTo(ladder.currentPosition().x(), level);
        ladder.lineTo(x, level);
        y = level;
    };
    qreal x = left;
    for (const metrics::Segment& segment : m.timeline) {
        const bool waits = segment.waitSeconds > 0;
        const bool works = segment.processSeconds > 0 || !waits;
        const qreal split = waits && works ? x + width * 0.5 : (waits ? x + width : x);
        if (x + width < shownLeft || x > shownRight) {
            y = works ? lower : upper; // where the line would be after this rung
            x += width;
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
                paintElidedText(p, QRectF((x + split) / 2 - width / 2, upper - 18, width, 14),
                                qs(model::formatDuration(segment.waitSeconds, calendar)),
                                figureFont, t.ladderWait, Qt::AlignCenter);
        }
        if (works) {
            runTo(x + width, lower);
            if (writeFigures)
                paintElidedText(p,
                                QRectF((split + x + width) / 2 - width / 2, lower + 3, width, 14),
                                qs(model::formatDuration(segment.processSeconds, calendar)),
                                figureFont, t.ladderProcess, Qt::AlignCenter);
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
        if (width >= 40) {
            QString name = qs(segment.name);
            if (segment.visits > 1.0001 || segment.visits < 0.9999)
                name += QStringLiteral(" ×") + qs(model::formatNumber(segment.visits, 2));
            paintElidedText(p, QRectF(x + 2, lower + 18, width - 4, 12), name, nameFont, t.muted,
                            Qt::AlignCenter);
        }
        x += width;
    }
    p.setPen(QPen(t.ink, 1.6));
    p.setBrush(Qt::NoBrush);
    p.drawPath(ladder);

    // The sums at the end of the rungs.
    const QRectF sums(right + 14, area.top() + 6, kTotalsWidth, area.height() - 12);
    paintTotals(p, c, sums);
    p.restore();
}

} // namespace gemba::render
