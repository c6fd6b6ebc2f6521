#include "gemba/render/workshop_charts.h"

#include "gemba/render/text.h"
#include "gemba/render/theme.h"

#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>

namespace gemba::render {

using model::ActionStatus;

namespace {

constexpr qreal kAxisHeight = 34; ///< tick labels, then the reviews' names
constexpr qreal kLaneHeight = 18;
constexpr qreal kLabelColumnShare = 0.34;
constexpr qreal kLabelColumnMax = 260;
constexpr qreal kDetailWidth = 86;
constexpr int kMarginDays = 3;

QString qs(const std::string& text) {
    return QString::fromStdString(text);
}

QDate dateOf(const std::string& iso) {
    return QDate::fromString(qs(iso), Qt::ISODate);
}

int statusOrder(ActionStatus status) {
    // The order a plan reads in: what is under way and stuck first, what is over last.
    switch (status) {
    case ActionStatus::InProgress:
        return 0;
    case ActionStatus::Blocked:
        return 1;
    case ActionStatus::Planned:
        return 2;
    case ActionStatus::Done:
        return 3;
    case ActionStatus::Dropped:
        return 4;
    }
    return 5;
}

QRectF labelColumn(const QRectF& area) {
    return QRectF(area.left(), area.top(),
                  std::min(area.width() * kLabelColumnShare, kLabelColumnMax), area.height());
}

QRectF chartColumn(const QRectF& area) {
    const qreal left = labelColumn(area).right() + 6;
    return QRectF(left, area.top(), std::max(area.right() - kDetailWidth - left, 10.0),
                  area.height());
}

} // namespace

QString actionStatusText(ActionStatus status) {
    switch (status) {
    case ActionStatus::Planned:
        return mapText("planned");
    case ActionStatus::InProgress:
        return mapText("in progress");
    case ActionStatus::Done:
        return mapText("done");
    case ActionStatus::Dropped:
        return mapText("dropped");
    case ActionStatus::Blocked:
        return mapText("blocked");
    }
    return {};
}

QColor actionStatusColour(ActionStatus status) {
    const Theme& t = theme();
    switch (status) {
    case ActionStatus::Planned:
        return t.muted;
    case ActionStatus::InProgress:
        return t.selection;
    case ActionStatus::Done:
        return t.valueAdding;
    case ActionStatus::Dropped:
        return t.faint;
    case ActionStatus::Blocked:
        return t.redPen;
    }
    return t.ink;
}

// ---------------------------------------------------------------------------------------

PlanTimeline::PlanTimeline(const model::Project& project, PlanGrouping grouping, QDate today)
    : m_today(today) {
    const model::Workshop& w = project.workshop;
    struct Entry {
        QString group;
        int groupOrder = 0;
        Lane lane;
    };
    std::vector<Entry> entries;
    for (const auto& [id, action] : w.actions) {
        Lane lane;
        lane.text = qs(action.title.empty() ? "action " + std::to_string(id) : action.title);
        lane.action = id;
        lane.status = action.status;
        lane.start = dateOf(action.start);
        lane.due = dateOf(action.due);
        lane.overdue = lane.due.isValid() && today.isValid() && lane.due < today &&
                       action.status != ActionStatus::Done &&
                       action.status != ActionStatus::Dropped;
        const auto owner = project.people.find(action.owner);
        const QString ownerName =
            owner != project.people.end() ? qs(owner->second.name) : QString();
        Entry entry;
        if (grouping == PlanGrouping::Owner) {
            entry.group = ownerName.isEmpty() ? mapText("No owner") : ownerName;
            entry.groupOrder = ownerName.isEmpty() ? 1 : 0;
            lane.detail = actionStatusText(action.status);
        } else {
            entry.group = actionStatusText(action.status);
            entry.groupOrder = statusOrder(action.status);
            lane.detail = ownerName;
        }
        if (lane.overdue)
            lane.detail = mapText("overdue · ") + lane.detail;
        entry.lane = std::move(lane);
        entries.push_back(std::move(entry));
    }
    std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
        if (a.groupOrder != b.groupOrder)
            return a.groupOrder < b.groupOrder;
        if (a.group != b.group)
            return a.group.localeAwareCompare(b.group) < 0;
        const QDate as = a.lane.start.isValid() ? a.lane.start : a.lane.due;
        const QDate bs = b.lane.start.isValid() ? b.lane.start : b.lane.due;
        if (as.isValid() != bs.isValid())
            return as.isValid(); // dated actions before undated ones
        return as < bs;
    });
    const QString* group = nullptr;
    for (const Entry& entry : entries) {
        if (!group || *group != entry.group) {
            Lane heading;
            heading.heading = true;
            heading.text = entry.group;
            m_lanes.push_back(heading);
            group = &entry.group;
        }
        m_lanes.push_back(entry.lane);
    }

    for (const auto& [id, review] : w.reviews) {
        const QDate date = dateOf(model::reviewDate(w.props, review));
        if (date.isValid())
            m_reviews.push_back({date, qs(review.title)});
    }
    std::sort(m_reviews.begin(), m_reviews.end(),
              [](const Marker& a, const Marker& b) { return a.date < b.date; });

    std::vector<QDate> dates;
    for (const Lane& lane : m_lanes) {
        if (lane.start.isValid())
            dates.push_back(lane.start);
        if (lane.due.isValid())
            dates.push_back(lane.due);
    }
    for (const Marker& review : m_reviews)
        dates.push_back(review.date);
    if (today.isValid())
        dates.push_back(today);
    if (dates.empty()) {
        m_first = QDate(2000, 1, 1);
        m_last = m_first.addDays(30);
        return;
    }
    const auto [lo, hi] = std::minmax_element(dates.begin(), dates.end());
    m_first = lo->addDays(-kMarginDays);
    m_last = hi->addDays(kMarginDays + 1);
}

qreal PlanTimeline::height(int first, int last) const {
    return kAxisHeight + std::max(0, last - first) * kLaneHeight + 4;
}

qreal PlanTimeline::xOf(const QRectF& area, QDate date) const {
    const QRectF chart = chartColumn(area);
    const double span = std::max<qint64>(m_first.daysTo(m_last), 1);
    return chart.left() + chart.width() * static_cast<double>(m_first.daysTo(date)) / span;
}

void PlanTimeline::paint(QPainter& p, const QRectF& area, int first, int last) const {
    const Theme& t = theme();
    p.save();
    const QRectF chart = chartColumn(area);
    const QRectF labels = labelColumn(area);
    const qreal lanesTop = area.top() + kAxisHeight;
    const qreal lanesBottom = lanesTop + std::max(0, last - first) * kLaneHeight;
    const QFont tickFont = t.font(6.5);

    // Ticks: months on a long plan, weeks (Mondays) on a short one.
    const qint64 span = m_first.daysTo(m_last);
    const bool monthly = span > 70;
    QDate tick = monthly ? QDate(m_first.year(), m_first.month(), 1).addMonths(1)
                         : m_first.addDays((8 - m_first.dayOfWeek()) % 7);
    const qreal tickSpacing =
        chart.width() * (monthly ? 30.0 : 7.0) / static_cast<double>(std::max<qint64>(span, 1));
    const int every = std::max(1, static_cast<int>(std::ceil(56 / std::max(tickSpacing, 1.0))));
    int index = 0;
    for (; tick.isValid() && tick < m_last;
         tick = monthly ? tick.addMonths(1) : tick.addDays(7), ++index) {
        const qreal x = xOf(area, tick);
        p.setPen(QPen(t.faint, 0.5));
        p.drawLine(QPointF(x, area.top() + 12), QPointF(x, lanesBottom));
        if (index % every != 0)
            continue;
        const QString text = monthly ? QLocale::c().toString(tick, QStringLiteral("MMM yyyy"))
                                     : QLocale::c().toString(tick, QStringLiteral("d MMM"));
        paintElidedText(p, QRectF(x + 2, area.top(), 54, 12), text, tickFont, t.muted,
                        Qt::AlignLeft);
    }

    // Reviews: dashed lines, each named as far as the next one leaves room.
    for (std::size_t i = 0; i < m_reviews.size(); ++i) {
        const qreal x = xOf(area, m_reviews[i].date);
        const qreal next =
            i + 1 < m_reviews.size() ? xOf(area, m_reviews[i + 1].date) : area.right();
        p.setPen(QPen(t.handoff, 0.9, Qt::DashLine));
        p.drawLine(QPointF(x, area.top() + 14), QPointF(x, lanesBottom));
        paintElidedText(p, QRectF(x + 2, area.top() + 14, std::max(next - x - 4, 8.0), 12),
                        m_reviews[i].label, t.font(6.5, true), t.handoff, Qt::AlignLeft);
    }
    if (m_today.isValid()) {
        const qreal x = xOf(area, m_today);
        p.setPen(QPen(t.redPen, 1.2));
        p.drawLine(QPointF(x, area.top() + 26), QPointF(x, lanesBottom));
        paintElidedText(p, QRectF(x + 2, area.top() + 24, 40, 10), mapText("today"),
                        t.font(6, true), t.redPen, Qt::AlignLeft);
    }
    p.setPen(QPen(t.faint, 0.8));
    p.drawLine(QPointF(area.left(), lanesTop), QPointF(area.right(), lanesTop));

    const qreal dayWidth = chart.width() / static_cast<double>(std::max<qint64>(span, 1));
    for (int i = first; i < last && i < laneCount(); ++i) {
        const Lane& lane = m_lanes[static_cast<std::size_t>(i)];
        const QRectF row(area.left(), lanesTop + (i - first) * kLaneHeight, area.width(),
                         kLaneHeight);
        if (lane.heading) {
            p.fillRect(row.adjusted(0, 1, 0, -1), t.processFill);
            paintElidedText(p, QRectF(labels.left() + 2, row.top(), area.width() / 2, row.height()),
                            lane.text, t.font(7.5, true), t.ink, Qt::AlignLeft);
            continue;
        }
        paintElidedText(p, QRectF(labels.left() + 10, row.top(), labels.width() - 10, row.height()),
                        lane.text, t.font(7), t.ink, Qt::AlignLeft);
        const QColor colour = actionStatusColour(lane.status);
        const qreal mid = row.center().y();
        qreal barRight = chart.left();
        if (lane.start.isValid() || lane.due.isValid()) {
            const QDate from = lane.start.isValid() ? lane.start : lane.due;
            const QDate to = lane.due.isValid() ? lane.due : lane.start;
            const qreal x0 = xOf(area, std::min(from, to));
            const qreal x1 = std::max(xOf(area, std::max(from, to)) + dayWidth, x0 + 3);
            const QRectF bar(x0, row.top() + 4, x1 - x0, row.height() - 8);
            p.setPen(lane.overdue ? QPen(t.redPen, 1.2) : QPen(colour.darker(115), 0.6));
            p.setBrush(lane.status == ActionStatus::Dropped ? QBrush(t.faint, Qt::BDiagPattern)
                                                            : QBrush(colour));
            if (!lane.start.isValid()) {
                // A due date alone: a diamond on it.
                const qreal cx = xOf(area, lane.due) + dayWidth / 2;
                QPainterPath diamond;
                diamond.moveTo(cx, row.top() + 3);
                diamond.lineTo(cx + 5, mid);
                diamond.lineTo(cx, row.bottom() - 3);
                diamond.lineTo(cx - 5, mid);
                diamond.closeSubpath();
                p.drawPath(diamond);
                barRight = cx + 5;
            } else {
                p.drawRect(bar);
                if (!lane.due.isValid()) {
                    // A start alone: the bar ends open.
                    p.setPen(QPen(colour, 0.8, Qt::DotLine));
                    p.drawLine(QPointF(bar.right(), mid), QPointF(bar.right() + 14, mid));
                }
                barRight = bar.right() + (lane.due.isValid() ? 0 : 14);
            }
        } else {
            paintElidedText(p, QRectF(chart.left(), row.top(), 80, row.height()),
                            mapText("no dates"), t.font(6.5, false, true), t.muted, Qt::AlignLeft);
            barRight = chart.left() + 50;
        }
        const qreal detailLeft = std::min(barRight + 4, area.right() - kDetailWidth);
        // On white, so the review and today lines do not cross the text.
        const qreal detailWidth =
            std::min(textWidth(t.font(6.5), lane.detail) + 4, area.right() - detailLeft);
        p.fillRect(QRectF(detailLeft - 1, row.top() + 3, detailWidth, row.height() - 6), t.paper);
        paintElidedText(p, QRectF(detailLeft, row.top(), area.right() - detailLeft, row.height()),
                        lane.detail, t.font(6.5), lane.overdue ? t.redPen : t.muted, Qt::AlignLeft);
    }
    p.restore();
}

// ---------------------------------------------------------------------------------------

QString reviewAxisLabel(const model::Project& project, model::Id id) {
    const auto it = project.workshop.reviews.find(id);
    if (it == project.workshop.reviews.end())
        return {};
    const model::Review& review = it->second;
    if (review.date.empty() && review.dayOffset > 0)
        return mapText("%1 d").arg(review.dayOffset);
    return qs(model::reviewDate(project.workshop.props, review));
}

void paintReviewChart(QPainter& p, const QRectF& area, const model::Project& project,
                      const metrics::ReviewTable& table, std::size_t rowIndex) {
    if (rowIndex >= table.rows.size())
        return;
    const Theme& t = theme();
    const metrics::ReviewRow& row = table.rows[rowIndex];
    const model::Calendar& calendar = project.props.calendar;
    p.save();
    p.setPen(QPen(t.faint, 0.6));
    p.setBrush(Qt::NoBrush);
    p.drawRect(area.adjusted(0.5, 0.5, -0.5, -0.5));
    const QRectF inner = area.adjusted(6, 4, -6, -4);
    paintElidedText(p, QRectF(inner.left(), inner.top(), inner.width(), 12), qs(row.label),
                    t.font(7, true), t.ink, Qt::AlignLeft);
    paintElidedText(p, QRectF(inner.left(), inner.top() + 12, inner.width(), 11),
                    qs(metrics::figureLabel(project, row.target)), t.font(6), t.muted,
                    Qt::AlignLeft);

    const auto text = [&](const std::optional<double>& v) {
        return qs(metrics::figureValueText(row.target.figure, v, calendar));
    };
    std::vector<double> values;
    if (row.baseline)
        values.push_back(*row.baseline);
    if (row.goal)
        values.push_back(*row.goal);
    for (const auto& v : row.actual)
        if (v)
            values.push_back(*v);
    const QRectF plot(inner.left() + 4, inner.top() + 36, inner.width() - 58,
                      inner.height() - 36 - 14);
    if (values.empty()) {
        const QString why = row.notes.empty() ? mapText("no figures yet") : qs(row.notes.front());
        paintWrappedText(p, plot, why, t.font(6.5, false, true), t.muted, 4, Qt::AlignLeft);
        p.restore();
        return;
    }
    auto [lo, hi] = std::minmax_element(values.begin(), values.end());
    double low = *lo;
    double high = *hi;
    if (high - low < 1e-9 * std::max(1.0, std::abs(high))) {
        low -= std::max(1.0, std::abs(low) * 0.1);
        high += std::max(1.0, std::abs(high) * 0.1);
    }
    const double pad = (high - low) * 0.15;
    low -= pad;
    high += pad;
    if (*lo >= 0 && low < 0)
        low = 0;
    const auto yOf = [&](double v) {
        return plot.bottom() - plot.height() * (v - low) / (high - low);
    };
    const std::size_t points = row.actual.size() + 1; // the baseline, then each review
    const auto xOf = [&](std::size_t i) {
        return points <= 1 ? plot.center().x()
                           : plot.left() + plot.width() * static_cast<double>(i) /
                                               static_cast<double>(points - 1);
    };

    // Baseline and target: lines across, named with their values at the right. The two
    // labels (20 units tall each) are kept inside the plot's height and apart.
    constexpr qreal kLevelLabel = 20;
    const qreal labelX = plot.right() + 4;
    const qreal labelWidth = inner.right() - labelX;
    const auto clampLabel = [&](qreal y) {
        return std::clamp(y - kLevelLabel / 2, plot.top() - 6, plot.bottom() - kLevelLabel + 6);
    };
    qreal baseTop = row.baseline ? clampLabel(yOf(*row.baseline)) : 0;
    qreal goalTop = row.goal ? clampLabel(yOf(*row.goal)) : 0;
    if (row.baseline && row.goal && std::abs(baseTop - goalTop) < kLevelLabel) {
        const bool baseAbove =
            baseTop < goalTop || (baseTop == goalTop && *row.baseline > *row.goal);
        const qreal mid = (baseTop + goalTop) / 2;
        baseTop = baseAbove ? mid - kLevelLabel / 2 : mid + kLevelLabel / 2;
        goalTop = baseAbove ? mid + kLevelLabel / 2 : mid - kLevelLabel / 2;
    }
    const auto level = [&](const std::optional<double>& v, qreal top, const QColor& colour,
                           Qt::PenStyle style, const QString& name) {
        if (!v)
            return;
        const qreal y = yOf(*v);
        p.setPen(QPen(colour, 0.9, style));
        p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        paintElidedText(p, QRectF(labelX, top, labelWidth, 9), name, t.font(5.5), colour,
                        Qt::AlignLeft);
        paintElidedText(p, QRectF(labelX, top + 9, labelWidth, 11), text(v), t.font(6, true),
                        colour, Qt::AlignLeft);
    };
    level(row.baseline, baseTop, t.muted, Qt::DotLine, mapText("baseline"));
    level(row.goal, goalTop, t.valueAdding, Qt::DashLine, mapText("target"));

    // Axis labels: the baseline, then each review (faint where it measured nothing).
    for (std::size_t i = 0; i < points; ++i) {
        const QString label =
            i == 0 ? mapText("base") : reviewAxisLabel(project, table.reviews[i - 1]);
        const qreal x = xOf(i);
        const bool measured = i == 0 || row.actual[i - 1].has_value();
        const Qt::Alignment align = i == 0            ? Qt::AlignLeft
                                    : i + 1 == points ? Qt::AlignRight
                                                      : Qt::AlignHCenter;
        const QRectF box = i == 0            ? QRectF(x, plot.bottom() + 3, 40, 10)
                           : i + 1 == points ? QRectF(x - 40, plot.bottom() + 3, 40, 10)
                                             : QRectF(x - 20, plot.bottom() + 3, 40, 10);
        paintElidedText(p, box, measured ? label : label + mapText(" (–)"),
                        t.font(5.5, false, !measured), measured ? t.muted : t.faint.darker(130),
                        align);
    }

    // The actual path from the baseline through each measured review.
    QPolygonF path;
    if (row.baseline)
        path << QPointF(xOf(0), yOf(*row.baseline));
    for (std::size_t i = 0; i < row.actual.size(); ++i)
        if (row.actual[i])
            path << QPointF(xOf(i + 1), yOf(*row.actual[i]));
    p.setPen(QPen(t.ink, 1.3));
    p.drawPolyline(path);
    p.setBrush(t.ink);
    for (std::size_t i = 0; i < row.actual.size(); ++i) {
        const qreal x = xOf(i + 1);
        if (!row.actual[i])
            continue;
        const qreal y = yOf(*row.actual[i]);
        p.setPen(Qt::NoPen);
        p.drawEllipse(QPointF(x, y), 2.6, 2.6);
        // Labels above the point, or below it near the top.
        const qreal labelTop = y - 13 < plot.top() - 8 ? y + 3 : y - 13;
        const qreal half = std::min<qreal>(30, plot.width() / static_cast<double>(points));
        paintElidedText(p, QRectF(x - half, labelTop, 2 * half, 10), text(row.actual[i]),
                        t.font(6, true), t.ink, Qt::AlignHCenter);
    }
    p.restore();
}

} // namespace gemba::render
