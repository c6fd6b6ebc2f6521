#include "gemba/render/chart.h"

#include "gemba/model/units.h"
#include "gemba/render/text.h"
#include "gemba/render/theme.h"

#include <QFontMetricsF>
#include <QPainter>
#include <algorithm>
#include <cmath>

namespace gemba::render {

namespace {

constexpr qreal kBarHeight = 28;
constexpr qreal kBarGap = 14;
constexpr qreal kLegendHeight = 18;
constexpr qreal kAxisHeight = 22;
constexpr qreal kLabelColumn = 130;

QString qs(const std::string& text) {
    return QString::fromStdString(text);
}

QColor tint(const QColor& colour, qreal amount) {
    // Mixed with white: amount 0 is white, 1 the colour itself.
    return QColor::fromRgbF(1 - (1 - colour.redF()) * amount, 1 - (1 - colour.greenF()) * amount,
                            1 - (1 - colour.blueF()) * amount);
}

/// Ticks for an axis from 0 to at least `maxSeconds`, in one unit of the calendar, on steps of
/// 1, 2 or 5 times a power of ten.
struct Axis {
    model::TimeUnit unit = model::TimeUnit::Day;
    double unitSeconds = 1;
    double step = 1; ///< in the unit
    double top = 1;  ///< in the unit: the axis ends here
};

Axis axisFor(double maxSeconds, const model::Calendar& calendar) {
    using model::TimeUnit;
    Axis axis;
    for (TimeUnit unit :
         {TimeUnit::Week, TimeUnit::Day, TimeUnit::Hour, TimeUnit::Minute, TimeUnit::Second}) {
        axis.unit = unit;
        axis.unitSeconds = model::secondsPer(unit, calendar);
        if (maxSeconds >= axis.unitSeconds * (unit == TimeUnit::Week ? 4 : 1))
            break;
    }
    const double span = std::max(maxSeconds / axis.unitSeconds, 1e-9);
    const double rough = span / 5;
    const double power = std::pow(10.0, std::floor(std::log10(rough)));
    for (double m : {1.0, 2.0, 5.0, 10.0}) {
        axis.step = m * power;
        if (axis.step >= rough)
            break;
    }
    axis.top = std::max(axis.step, std::ceil(span / axis.step - 1e-9) * axis.step);
    return axis;
}

QString axisLabel(double value, const Axis& axis, const model::Calendar& calendar) {
    return qs(model::formatDurationIn(value * axis.unitSeconds, axis.unit, calendar));
}

void paintLegendEntry(QPainter& p, QPointF at, const QColor& colour, const QString& text) {
    const Theme& t = theme();
    p.setPen(Qt::NoPen);
    p.setBrush(colour);
    p.drawRect(QRectF(at.x(), at.y() + 3, 10, 10));
    paintElidedText(p, QRectF(at.x() + 14, at.y(), textWidth(t.font(7), text) + 4, 16), text,
                    t.font(7), t.muted, Qt::AlignLeft);
}

QString signedDuration(double seconds, const model::Calendar& calendar) {
    const QString magnitude = qs(model::formatDuration(std::abs(seconds), calendar));
    return (seconds < 0 ? QStringLiteral("−") : QStringLiteral("+")) + magnitude;
}

} // namespace

qreal leadTimeBarsHeight(std::size_t bars) {
    return kLegendHeight + static_cast<qreal>(bars) * (kBarHeight + kBarGap) + kAxisHeight;
}

void paintLeadTimeBars(QPainter& p, const QRectF& area, const model::Project& project,
                       const std::vector<LeadTimeBar>& bars) {
    registerFonts();
    const Theme& t = theme();
    const model::Calendar& calendar = project.props.calendar;
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    const QColor waitColour = tint(t.ladderWait, 0.35);
    const QColor processColour = t.ladderProcess;
    paintLegendEntry(p, QPointF(area.left() + kLabelColumn, area.top()), waitColour,
                     mapText("Waiting"));
    paintLegendEntry(p, QPointF(area.left() + kLabelColumn + 80, area.top()), processColour,
                     mapText("Process time"));

    double longest = 0;
    for (const LeadTimeBar& bar : bars)
        if (bar.metrics && bar.metrics->valid)
            longest = std::max(longest, bar.metrics->leadTime);
    const Axis axis = axisFor(longest, calendar);
    const qreal left = area.left() + kLabelColumn;
    const qreal right = area.right() - 8;
    const qreal scale = (right - left) / (axis.top * axis.unitSeconds);
    const qreal top = area.top() + kLegendHeight;
    const qreal bottom = top + static_cast<qreal>(bars.size()) * (kBarHeight + kBarGap);

    // Grid lines and axis labels under the bars.
    const QFont axisFont = t.font(6.5);
    for (double v = 0; v <= axis.top + axis.step * 1e-6; v += axis.step) {
        const qreal x = left + v * axis.unitSeconds * scale;
        p.setPen(QPen(v == 0 ? t.muted : t.faint, 0.6));
        p.drawLine(QPointF(x, top - 2), QPointF(x, bottom));
        const QString label = axisLabel(v, axis, calendar);
        const qreal w = textWidth(axisFont, label) + 4;
        paintElidedText(p, QRectF(x - w / 2, bottom + 3, w, 14), label, axisFont, t.muted,
                        Qt::AlignCenter);
    }

    const QFont nameFont = t.font(8, true);
    const QFont totalFont = t.font(7);
    const QFont segmentFont = t.font(6.5);
    qreal y = top + kBarGap / 2;
    for (const LeadTimeBar& bar : bars) {
        const QRectF labelBox(area.left(), y, kLabelColumn - 8, kBarHeight);
        paintElidedText(p, labelBox.adjusted(0, 0, 0, -kBarHeight / 2), bar.label, nameFont, t.ink,
                        Qt::AlignRight);
        if (!bar.metrics || !bar.metrics->valid) {
            paintElidedText(p, labelBox.adjusted(0, kBarHeight / 2, 0, 0), mapText("no figures"),
                            totalFont, t.muted, Qt::AlignRight);
            paintElidedText(p, QRectF(left + 4, y, right - left - 4, kBarHeight),
                            mapText("The map has errors: see its findings."),
                            t.font(7.5, false, true), t.muted, Qt::AlignLeft);
            y += kBarHeight + kBarGap;
            continue;
        }
        const metrics::MapMetrics& m = *bar.metrics;
        paintElidedText(p, labelBox.adjusted(0, kBarHeight / 2, 0, 0),
                        qs(model::formatDurationIn(m.leadTime, model::TimeUnit::Day, calendar)),
                        totalFont, t.muted, Qt::AlignRight);
        qreal x = left;
        for (const metrics::Segment& segment : m.timeline) {
            const qreal waitWidth = segment.waitSeconds * scale;
            const qreal processWidth = segment.processSeconds * scale;
            p.setPen(Qt::NoPen);
            p.setBrush(waitColour);
            p.drawRect(QRectF(x, y, waitWidth, kBarHeight));
            p.setBrush(processColour);
            p.drawRect(QRectF(x + waitWidth, y, processWidth, kBarHeight));
            const qreal width = waitWidth + processWidth;
            if (width >= 26) {
                // The name over the light part, where dark text reads; under it when the
                // segment is all process time.
                const QRectF box(x + 2, y, width - 4, kBarHeight);
                const bool onDark = segment.waitSeconds < segment.processSeconds;
                paintWrappedText(p, box, qs(segment.name), segmentFont, onDark ? t.paper : t.ink, 2,
                                 Qt::AlignCenter);
            }
            x += width;
            p.setPen(QPen(t.paper, 1));
            p.drawLine(QPointF(x, y), QPointF(x, y + kBarHeight));
        }
        p.setPen(QPen(t.ink, 0.8));
        p.setBrush(Qt::NoBrush);
        p.drawRect(QRectF(left, y, x - left, kBarHeight));
        y += kBarHeight + kBarGap;
    }
    p.restore();
}

qreal waterfallHeight() {
    return 250;
}

std::vector<metrics::LeadTimeContribution>
waterfallBars(const std::vector<metrics::LeadTimeContribution>& contributions) {
    if (contributions.size() <= kWaterfallMaxBars)
        return contributions;
    // Keep the largest changes in their order; the rest becomes one bar at the end.
    std::vector<std::size_t> byMagnitude(contributions.size());
    for (std::size_t i = 0; i < byMagnitude.size(); ++i)
        byMagnitude[i] = i;
    std::stable_sort(byMagnitude.begin(), byMagnitude.end(), [&](std::size_t a, std::size_t b) {
        return std::abs(contributions[a].seconds) > std::abs(contributions[b].seconds);
    });
    std::vector<bool> keep(contributions.size(), false);
    for (std::size_t i = 0; i + 1 < kWaterfallMaxBars; ++i)
        keep[byMagnitude[i]] = true;
    std::vector<metrics::LeadTimeContribution> out;
    metrics::LeadTimeContribution rest;
    std::size_t restCount = 0;
    for (std::size_t i = 0; i < contributions.size(); ++i) {
        if (keep[i]) {
            out.push_back(contributions[i]);
        } else {
            rest.seconds += contributions[i].seconds;
            ++restCount;
        }
    }
    rest.label = mapText("Other changes (%1)").arg(restCount).toStdString();
    out.push_back(rest);
    return out;
}

void paintWaterfall(QPainter& p, const QRectF& area, const model::Project& project,
                    const metrics::Comparison& comparison, const QString& fromName,
                    const QString& toName) {
    registerFonts();
    const Theme& t = theme();
    const model::Calendar& calendar = project.props.calendar;
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    if (!comparison.from.valid || !comparison.to.valid) {
        p.setPen(QPen(t.faint, 1.2, Qt::DashLine));
        p.setBrush(Qt::NoBrush);
        p.drawRoundedRect(area.adjusted(0, 10, 0, -10), 6, 6);
        paintElidedText(p, area,
                        mapText("Waterfall unavailable: %1 has errors (see its findings).")
                            .arg(!comparison.from.valid ? fromName : toName),
                        t.font(8.5, false, true), t.muted, Qt::AlignCenter);
        p.restore();
        return;
    }

    struct Bar {
        QString label;
        double start = 0;
        double end = 0;
        bool total = false;
    };
    std::vector<Bar> bars;
    bars.push_back({fromName, 0, comparison.from.leadTime, true});
    double running = comparison.from.leadTime;
    for (const metrics::LeadTimeContribution& c : waterfallBars(comparison.waterfall)) {
        bars.push_back({qs(c.label), running, running + c.seconds, false});
        running += c.seconds;
    }
    bars.push_back({toName, 0, comparison.to.leadTime, true});

    double highest = 0;
    for (const Bar& bar : bars)
        highest = std::max({highest, bar.start, bar.end});
    const Axis axis = axisFor(highest, calendar);
    const QFont axisFont = t.font(6.5);
    const QFont labelFont = t.font(6.5);
    const QFont valueFont = t.font(6.5, true);
    const qreal labelLines = 3;
    const qreal labelHeight = QFontMetricsF(labelFont).height() * labelLines + 4;
    const qreal left = area.left() + 56;
    const qreal right = area.right() - 4;
    const qreal top = area.top() + 16;
    const qreal bottom = area.bottom() - labelHeight;
    const qreal scale = (bottom - top) / (axis.top * axis.unitSeconds);
    const auto yOf = [&](double seconds) { return bottom - seconds * scale; };

    for (double v = 0; v <= axis.top + axis.step * 1e-6; v += axis.step) {
        const qreal y = yOf(v * axis.unitSeconds);
        p.setPen(QPen(v == 0 ? t.muted : t.faint, 0.6));
        p.drawLine(QPointF(left, y), QPointF(right, y));
        paintElidedText(p, QRectF(area.left(), y - 7, 50, 14), axisLabel(v, axis, calendar),
                        axisFont, t.muted, Qt::AlignRight);
    }

    const qreal slot = (right - left) / static_cast<qreal>(bars.size());
    const qreal barWidth = std::min<qreal>(slot * 0.7, 60);
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const Bar& bar = bars[i];
        const qreal cx = left + slot * (static_cast<qreal>(i) + 0.5);
        const qreal y1 = yOf(std::max(bar.start, bar.end));
        const qreal y2 = yOf(std::min(bar.start, bar.end));
        const bool faster = bar.end < bar.start;
        const QColor colour = bar.total ? t.muted : (faster ? t.valueAdding : t.waste);
        p.setPen(Qt::NoPen);
        p.setBrush(colour);
        p.drawRect(QRectF(cx - barWidth / 2, y1, barWidth, std::max<qreal>(y2 - y1, 1)));
        if (i + 1 < bars.size()) {
            // The connector: where the next bar starts.
            QPen dashed(t.muted, 0.6, Qt::DashLine);
            p.setPen(dashed);
            const qreal y = yOf(bar.end);
            p.drawLine(QPointF(cx + barWidth / 2, y), QPointF(cx + slot - barWidth / 2, y));
        }
        const QString value =
            bar.total ? qs(model::formatDurationIn(bar.end, model::TimeUnit::Day, calendar))
                      : signedDuration(bar.end - bar.start, calendar);
        paintElidedText(p, QRectF(cx - slot / 2, y1 - 14, slot, 13), value, valueFont,
                        bar.total ? t.ink : colour.darker(115), Qt::AlignCenter);
        paintWrappedText(p, QRectF(cx - slot / 2 + 1, bottom + 4, slot - 2, labelHeight - 4),
                         bar.label, bar.total ? t.font(6.5, true) : labelFont, t.ink,
                         static_cast<int>(labelLines), Qt::AlignHCenter | Qt::AlignTop);
    }
    p.restore();
}

} // namespace gemba::render
