#include "gemba/render/flow_chart.h"

#include "gemba/model/units.h"
#include "gemba/render/text.h"
#include "gemba/render/theme.h"

#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>
#include <functional>

namespace gemba::render {

namespace {

constexpr qreal kAxisWidth = 64; ///< the values' labels left of each panel
constexpr qreal kLegendHeight = 16;
constexpr qreal kPeriodAxis = 30; ///< the periods' labels under the last panel

QString qs(const std::string& text) {
    return QString::fromStdString(text);
}

/// A maximum for an axis: the next 1, 2 or 5 times a power of ten at or above `value`.
double niceMaximum(double value) {
    if (value <= 0)
        return 1;
    const double power = std::pow(10.0, std::floor(std::log10(value)));
    for (double step : {1.0, 2.0, 5.0, 10.0})
        if (step * power >= value)
            return step * power;
    return 10 * power;
}

struct Series {
    QString name;
    QColor colour;
    std::function<double(const metrics::PeriodFlow&)> value;
    bool bars = false;
};

/// One panel: its title and legend, a grid with the maximum and half of it labelled, and each
/// series as bars or a line with points.
void paintPanel(QPainter& p, const QRectF& area, const QString& title,
                const std::vector<metrics::PeriodFlow>& periods, const std::vector<Series>& series,
                double maximum, const std::function<QString(double)>& label) {
    const Theme& t = theme();
    const QFont small = t.font(7);
    paintElidedText(p, QRectF(area.left(), area.top(), kAxisWidth + 200, kLegendHeight), title,
                    t.font(8, true), t.ink, Qt::AlignLeft);
    qreal x = area.left() + kAxisWidth + 210;
    for (const Series& s : series) {
        p.setPen(Qt::NoPen);
        p.setBrush(s.colour);
        p.drawRect(QRectF(x, area.top() + 5, 10, 6));
        paintElidedText(p, QRectF(x + 14, area.top(), 120, kLegendHeight), s.name, small, t.muted,
                        Qt::AlignLeft);
        x += 140;
    }
    const QRectF plot(area.left() + kAxisWidth, area.top() + kLegendHeight + 4,
                      area.width() - kAxisWidth - 8, area.height() - kLegendHeight - 8);
    p.setPen(QPen(t.faint, 0.8));
    for (double share : {0.0, 0.5, 1.0}) {
        const qreal y = plot.bottom() - share * plot.height();
        p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        paintElidedText(p, QRectF(area.left(), y - 7, kAxisWidth - 6, 14), label(share * maximum),
                        small, t.muted, Qt::AlignRight);
    }
    if (periods.empty())
        return;
    const qreal slot = plot.width() / static_cast<qreal>(periods.size());
    const auto yOf = [&](double v) {
        return plot.bottom() - std::clamp(v / maximum, 0.0, 1.0) * plot.height();
    };
    for (const Series& s : series) {
        if (s.bars) {
            p.setPen(Qt::NoPen);
            p.setBrush(s.colour);
            for (std::size_t i = 0; i < periods.size(); ++i) {
                const qreal left = plot.left() + slot * static_cast<qreal>(i) + slot * 0.2;
                p.drawRect(QRectF(QPointF(left, yOf(s.value(periods[i]))),
                                  QPointF(left + slot * 0.6, plot.bottom())));
            }
            continue;
        }
        QPainterPath line;
        for (std::size_t i = 0; i < periods.size(); ++i) {
            const QPointF point(plot.left() + slot * (static_cast<qreal>(i) + 0.5),
                                yOf(s.value(periods[i])));
            if (i == 0)
                line.moveTo(point);
            else
                line.lineTo(point);
        }
        p.setPen(QPen(s.colour, 1.6));
        p.setBrush(Qt::NoBrush);
        p.drawPath(line);
        p.setPen(Qt::NoPen);
        p.setBrush(s.colour);
        for (std::size_t i = 0; i < periods.size(); ++i)
            p.drawEllipse(QPointF(plot.left() + slot * (static_cast<qreal>(i) + 0.5),
                                  yOf(s.value(periods[i]))),
                          2.2, 2.2);
    }
}

} // namespace

void paintFlowOverTime(QPainter& p, const QRectF& area,
                       const std::vector<metrics::PeriodFlow>& periods,
                       const model::Calendar& calendar) {
    const Theme& t = theme();
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    if (periods.empty()) {
        paintWrappedText(p, area, QStringLiteral("No finished or waiting items in this range."),
                         t.font(9), t.muted, 3, Qt::AlignCenter);
        p.restore();
        return;
    }
    const qreal panel = (area.height() - kPeriodAxis) / 3;
    const auto count = [](double v) { return qs(model::formatNumber(v, 1)); };

    double items = 0;
    double leadTime = 0;
    for (const metrics::PeriodFlow& f : periods) {
        items =
            std::max({items, static_cast<double>(f.throughput), static_cast<double>(f.wipAtEnd)});
        leadTime = std::max(leadTime, f.leadTime.p85);
    }
    paintPanel(p, QRectF(area.left(), area.top(), area.width(), panel),
               QStringLiteral("Throughput and WIP (items)"), periods,
               {{QStringLiteral("finished"), t.ladderProcess,
                 [](const metrics::PeriodFlow& f) { return double(f.throughput); }, true},
                {QStringLiteral("WIP at end"), t.aboveTakt,
                 [](const metrics::PeriodFlow& f) { return double(f.wipAtEnd); }}},
               niceMaximum(items), count);
    paintPanel(p, QRectF(area.left(), area.top() + panel, area.width(), panel),
               QStringLiteral("Lead time (working time)"), periods,
               {{QStringLiteral("P50"), t.selection,
                 [](const metrics::PeriodFlow& f) { return f.leadTime.p50; }},
                {QStringLiteral("P85"), t.bottleneck,
                 [](const metrics::PeriodFlow& f) { return f.leadTime.p85; }}},
               leadTime > 0 ? leadTime * 1.1 : 3600,
               [&calendar](double v) { return qs(model::formatDuration(v, calendar)); });
    paintPanel(p, QRectF(area.left(), area.top() + 2 * panel, area.width(), panel),
               QStringLiteral("Flow efficiency"), periods,
               {{QStringLiteral("active / lead time"), t.valueAdding,
                 [](const metrics::PeriodFlow& f) { return f.flowEfficiency; }}},
               1.0, [](double v) { return qs(model::formatPercent(v)); });

    // The periods under the last panel; as many labels as fit, evenly spaced.
    const QRectF axis(area.left() + kAxisWidth, area.bottom() - kPeriodAxis + 4,
                      area.width() - kAxisWidth - 8, kPeriodAxis - 4);
    const qreal slot = axis.width() / static_cast<qreal>(periods.size());
    const QFont small = t.font(7);
    const qreal labelWidth = 62;
    const auto every = static_cast<std::size_t>(std::max(1.0, std::ceil(labelWidth / slot)));
    for (std::size_t i = 0; i < periods.size(); i += every) {
        const qreal centre = axis.left() + slot * (static_cast<qreal>(i) + 0.5);
        paintElidedText(p, QRectF(centre - labelWidth / 2, axis.top(), labelWidth, 14),
                        qs(periods[i].label), small, t.muted, Qt::AlignCenter);
    }
    p.restore();
}

} // namespace gemba::render
