#include "gemba/render/simulation_sheet.h"

#include "gemba/model/units.h"
#include "gemba/render/geometry.h"
#include "gemba/render/map_painter.h"
#include "gemba/render/text.h"
#include "gemba/render/theme.h"
#include "report_parts.h"

#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>

namespace gemba::render {

namespace {

enum PartKind {
    kFigures,
    kHistogram,
    kTornado,
    kCriticalityMap,
    kFlowTable,
    kQueues,
    kWip,
};

constexpr qreal kRow = 18;
constexpr qreal kTitle = 26;
constexpr qreal kGap = 16;
constexpr std::size_t kTornadoBars = 10;
constexpr std::size_t kQueueLines = 6;

QString qs(const std::string& text) {
    return QString::fromStdString(text);
}

/// Line colours for series, in order.
QColor seriesColour(std::size_t i) {
    static const QColor colours[] = {{0x1e, 0x6f, 0xd9}, {0xc0, 0x39, 0x2b}, {0x2e, 0x9e, 0x5b},
                                     {0xe0, 0xa8, 0x22}, {0x7b, 0x3f, 0xb5}, {0x5b, 0x67, 0x73}};
    return colours[i % 6];
}

void heading(QPainter& p, const QRectF& area, const QString& text) {
    const Theme& t = theme();
    paintElidedText(p, QRectF(area.left(), area.top(), area.width(), kTitle - 6), text,
                    t.font(10, true), t.ink, Qt::AlignLeft | Qt::AlignVCenter);
}

void label(QPainter& p, const QRectF& box, const QString& text, Qt::Alignment align,
           bool bold = false, const QColor& colour = theme().ink) {
    paintElidedText(p, box, text, theme().font(7.5, bold), colour, align | Qt::AlignVCenter);
}

/// A value axis from 0 (or `low`) to a round number at or above `high`.
struct Scale {
    double low = 0;
    double high = 1;
    double step = 1;
};

Scale niceScale(double low, double high, int ticks) {
    if (!(high > low))
        high = low + 1;
    const double raw = (high - low) / ticks;
    const double magnitude = std::pow(10, std::floor(std::log10(raw)));
    double step = magnitude;
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (m * magnitude >= raw) {
            step = m * magnitude;
            break;
        }
    return {std::floor(low / step) * step, std::ceil(high / step) * step, step};
}

std::vector<const metrics::StepQueue*> busiestQueues(const metrics::DesResult& des) {
    std::vector<const metrics::StepQueue*> steps;
    for (const metrics::StepQueue& s : des.steps)
        steps.push_back(&s);
    std::stable_sort(steps.begin(), steps.end(),
                     [](const auto* a, const auto* b) { return a->queueMax > b->queueMax; });
    if (steps.size() > kQueueLines)
        steps.resize(kQueueLines);
    return steps;
}

/// A line chart over the run's sample times: one line per series, a legend under it.
void paintLines(QPainter& p, const QRectF& area, const std::vector<double>& times,
                const std::vector<std::pair<QString, const std::vector<double>*>>& series,
                const model::Calendar& calendar) {
    const Theme& t = theme();
    double top = 0;
    for (const auto& [name, values] : series)
        for (double v : *values)
            top = std::max(top, v);
    const Scale y = niceScale(0, std::max(top, 1.0), 4);
    const qreal legendHeight = kRow * std::ceil(static_cast<qreal>(series.size()) / 3);
    const QRectF plot(area.left() + 48, area.top() + 4, area.width() - 56,
                      area.height() - 28 - legendHeight);
    p.setPen(QPen(t.faint, 0.6));
    for (double v = y.low; v <= y.high + y.step / 2; v += y.step) {
        const qreal py = plot.bottom() - (v - y.low) / (y.high - y.low) * plot.height();
        p.drawLine(QPointF(plot.left(), py), QPointF(plot.right(), py));
        label(p, QRectF(area.left(), py - 8, 44, 16), qs(model::formatCount(v, 1)), Qt::AlignRight,
              false, t.muted);
    }
    if (times.empty())
        return;
    const double t0 = times.front() - (times.size() > 1 ? times[1] - times[0] : 0);
    const double t1 = times.back();
    const auto px = [&](double time) {
        return plot.left() + (time - t0) / std::max(t1 - t0, 1.0) * plot.width();
    };
    // The axis's ends and middle, kept inside the plot: left, centred, right.
    const Qt::Alignment alignments[] = {Qt::AlignLeft, Qt::AlignHCenter, Qt::AlignRight};
    for (int i = 0; i < 3; ++i) {
        const double time = t0 + 0.5 * i * (t1 - t0);
        const qreal x = px(time);
        const QRectF box = i == 0   ? QRectF(x, plot.bottom() + 2, 80, 14)
                           : i == 1 ? QRectF(x - 40, plot.bottom() + 2, 80, 14)
                                    : QRectF(x - 80, plot.bottom() + 2, 80, 14);
        label(p, box, qs(model::formatDuration(time, calendar)), alignments[i], false, t.muted);
    }
    p.setRenderHint(QPainter::Antialiasing, true);
    for (std::size_t s = 0; s < series.size(); ++s) {
        const std::vector<double>& values = *series[s].second;
        QPainterPath path;
        for (std::size_t i = 0; i < values.size() && i < times.size(); ++i) {
            const QPointF point(px(times[i]), plot.bottom() - (values[i] - y.low) /
                                                                  (y.high - y.low) * plot.height());
            if (i == 0)
                path.moveTo(point);
            else
                path.lineTo(point);
        }
        p.setPen(QPen(seriesColour(s), 1.4));
        p.setBrush(Qt::NoBrush);
        p.drawPath(path);
        const qreal lx = area.left() + 48 + static_cast<qreal>(s % 3) * (area.width() - 48) / 3;
        const qreal ly = plot.bottom() + 18 + static_cast<qreal>(s / 3) * kRow;
        p.fillRect(QRectF(lx, ly + 6, 14, 3), seriesColour(s));
        label(p, QRectF(lx + 18, ly, (area.width() - 48) / 3 - 22, kRow), series[s].first,
              Qt::AlignLeft);
    }
}

/// What the criticality picture shows: steps with their data boxes, waits and parties, and
/// room above the steps for the badges (notes and information boxes are left out).
QRectF pathBounds(const model::Map& map) {
    QRectF bounds;
    for (const auto& [id, step] : map.steps)
        bounds = bounds.united(bodyRect(map, id).adjusted(0, -16, 0, 0)).united(dataBoxRect(step));
    for (const auto& [id, wait] : map.waits)
        bounds = bounds.united(bodyRect(map, id));
    for (const auto& [id, party] : map.parties)
        bounds = bounds.united(bodyRect(map, id));
    return bounds.adjusted(-4, -4, 4, 4);
}

/// A line for each step that breaks down in each discrete-event run: its share of time under
/// repair beside the availability its breakdowns give, so the queue before it is explained.
std::vector<QString> breakdownNotes(const std::vector<SimulationRun>& runs,
                                    const model::Calendar& calendar) {
    std::vector<QString> out;
    for (const SimulationRun& run : runs) {
        if (!run.des || !run.des->valid)
            continue;
        for (const metrics::StepQueue& s : run.des->steps) {
            const auto step = run.map.steps.find(s.step);
            if (!s.breaksDown || step == run.map.steps.end() || !step->second.breakdown)
                continue;
            const model::Breakdown& b = *step->second.breakdown;
            QString line = QStringLiteral("%1: under repair %2 of its time, available %3 "
                                          "(breaks down every %4 of work, repaired in %5)")
                               .arg(qs(s.name), qs(model::formatPercent(s.down)),
                                    qs(model::formatPercent(s.availability)),
                                    qs(model::formatDuration(b.mtbf, calendar)),
                                    qs(model::formatDuration(b.mttr, calendar)));
            if (runs.size() > 1)
                line += QStringLiteral(" (%1)").arg(run.label);
            out.push_back(line);
        }
    }
    return out;
}

} // namespace

SimulationSheet::SimulationSheet(model::Project project, std::vector<SimulationRun> runs)
    : m_project(std::move(project))
    , m_runs(std::move(runs)) {}

std::vector<SimulationSheet::Part> SimulationSheet::parts(qreal width) const {
    std::vector<Part> out;
    if (m_runs.empty())
        return out;
    const SimulationRun& first = m_runs.front();
    const bool des = first.des && first.des->valid;
    int figureRows = 7 + (first.monteCarlo.target ? 1 : 0) + (des ? 6 : 0);
    out.push_back({kFigures, kTitle + kRow * (figureRows + (m_runs.size() > 1 ? 1 : 0)) + kGap});
    if (!first.monteCarlo.valid)
        return out;
    out.push_back({kHistogram, kTitle + 200 + kRow + kGap});
    const std::size_t bars = std::min(kTornadoBars, first.monteCarlo.tornado.size());
    out.push_back(
        {kTornado, kTitle + (bars ? kRow * (static_cast<qreal>(bars) + 1.5) : kRow) + kGap});
    // The map at the sheet's width, at most 100% and at most 320 units high.
    const QRectF bounds = pathBounds(first.map);
    if (!bounds.isEmpty()) {
        const qreal scale = std::min({1.0, width / bounds.width(), 320 / bounds.height()});
        out.push_back({kCriticalityMap, kTitle + bounds.height() * scale + kGap});
    }
    if (des) {
        const std::size_t notes = breakdownNotes(m_runs, m_project.props.calendar).size();
        out.push_back(
            {kFlowTable,
             kTitle + kRow * static_cast<qreal>(first.des->steps.size() + 1 + notes) + kGap});
        for (std::size_t i = 0; i < m_runs.size(); ++i)
            if (m_runs[i].des && m_runs[i].des->valid)
                out.push_back(
                    {kQueues + 100 * static_cast<int>(i), kTitle + 180 + 2 * kRow + kGap});
        out.push_back({kWip, kTitle + 160 + kRow * 2 + kGap});
    }
    return out;
}

qreal SimulationSheet::height(qreal width) const {
    qreal total = 0;
    for (const Part& part : parts(width))
        total += part.height;
    return total;
}

void SimulationSheet::paint(QPainter& painter, const QRectF& area) const {
    qreal y = area.top();
    for (const Part& part : parts(area.width())) {
        paintPart(painter, QRectF(area.left(), y, area.width(), part.height - kGap), part.kind);
        y += part.height;
    }
}

void SimulationSheet::paintPart(QPainter& p, const QRectF& area, int kind) const {
    registerFonts();
    const Theme& t = theme();
    const model::Calendar& calendar = m_project.props.calendar;
    const auto duration = [&](double seconds) {
        return qs(model::formatDuration(seconds, calendar));
    };
    const SimulationRun& first = m_runs.front();
    const metrics::MonteCarloResult& mc = first.monteCarlo;
    p.save();
    p.setClipRect(area.adjusted(-1, -1, 1, 1));

    if (kind == kFigures) {
        heading(p, area,
                QStringLiteral("Simulation of \"%1\": %2 trials, seed %3, %4 times")
                    .arg(qs(first.map.props.name))
                    .arg(mc.trials)
                    .arg(mc.seed)
                    .arg(qs(std::string(metrics::distributionName(mc.distribution)))));
        const qreal nameWidth = std::min<qreal>(240, area.width() * 0.4);
        const qreal column = (area.width() - nameWidth) / static_cast<qreal>(m_runs.size());
        qreal y = area.top() + kTitle;
        const auto row = [&](const QString& name, auto cell, bool bold = false) {
            label(p, QRectF(area.left(), y, nameWidth, kRow), name, Qt::AlignLeft, bold);
            for (std::size_t i = 0; i < m_runs.size(); ++i)
                label(p,
                      QRectF(area.left() + nameWidth + column * static_cast<qreal>(i), y,
                             column - 8, kRow),
                      cell(m_runs[i]), Qt::AlignRight, bold);
            y += kRow;
        };
        if (m_runs.size() > 1)
            row(
                {}, [](const SimulationRun& r) { return r.label; }, true);
        const auto mcCell = [&](auto f) {
            return [&, f](const SimulationRun& r) {
                return r.monteCarlo.valid ? f(r.monteCarlo) : QStringLiteral("-");
            };
        };
        row(QStringLiteral("Critical path (typical times)"),
            mcCell([&](const auto& m) { return duration(m.deterministic); }));
        row(QStringLiteral("Simulated mean lead time"),
            mcCell([&](const auto& m) { return duration(m.leadTime.mean); }), true);
        row(QStringLiteral("Gap: mean - critical path"),
            mcCell([&](const auto& m) { return duration(m.leadTime.mean - m.deterministic); }));
        row(QStringLiteral("P50"), mcCell([&](const auto& m) { return duration(m.leadTime.p50); }));
        row(QStringLiteral("P85"), mcCell([&](const auto& m) { return duration(m.leadTime.p85); }));
        row(QStringLiteral("P95"), mcCell([&](const auto& m) { return duration(m.leadTime.p95); }));
        row(QStringLiteral("Range"), mcCell([&](const auto& m) {
                return duration(m.leadTime.min) + QStringLiteral(" - ") + duration(m.leadTime.max);
            }));
        if (mc.target)
            row(QStringLiteral("Within %1").arg(duration(*mc.target)),
                mcCell([&](const auto& m) { return qs(model::formatPercent(m.meetTarget)); }));
        if (first.des && first.des->valid) {
            const auto desCell = [&](auto f) {
                return [&, f](const SimulationRun& r) {
                    return r.des && r.des->valid ? f(*r.des) : QStringLiteral("-");
                };
            };
            const auto stepName = [](const metrics::DesResult& d, model::Id id) {
                for (const metrics::StepQueue& s : d.steps)
                    if (s.step == id)
                        return qs(s.name);
                return QStringLiteral("-");
            };
            row(QStringLiteral("Throughput per day (discrete-event)"),
                desCell([](const auto& d) { return qs(model::formatCount(d.throughputPerDay)); }),
                true);
            row(QStringLiteral("Lead time mean (discrete-event)"),
                desCell([&](const auto& d) { return duration(d.leadTime.mean); }));
            row(QStringLiteral("Work in process, mean"),
                desCell([](const auto& d) { return qs(model::formatCount(d.wipMean, 1)); }));
            row(QStringLiteral("Constraint (highest load)"),
                desCell([&](const auto& d) { return stepName(d, d.constraint); }));
            row(QStringLiteral("Queue builds up at"),
                desCell([&](const auto& d) { return stepName(d, d.longestQueue); }));
            row(QStringLiteral("Unbounded queues"), desCell([](const auto& d) {
                    const auto n = std::count_if(d.steps.begin(), d.steps.end(),
                                                 [](const auto& s) { return s.unbounded; });
                    return n ? QStringLiteral("%1: lead time grows with the run").arg(n)
                             : QStringLiteral("none");
                }));
        }
    } else if (kind == kHistogram) {
        heading(p, area, QStringLiteral("Lead time: %1 trials").arg(mc.trials));
        const QRectF plot(area.left() + 48, area.top() + kTitle, area.width() - 56, 200 - 18);
        const metrics::SampleSummary& s = mc.leadTime;
        long long tallest = 1;
        for (const auto& bin : s.histogram)
            tallest = std::max(tallest, bin.count);
        const double low = std::min(s.min, mc.deterministic);
        const double high = std::max(s.max, mc.deterministic);
        const double span = std::max(high - low, 1.0);
        const auto px = [&](double x) { return plot.left() + (x - low) / span * plot.width(); };
        for (const auto& bin : s.histogram) {
            const qreal h = plot.height() * static_cast<qreal>(bin.count) / tallest;
            const qreal x0 = px(bin.from);
            const qreal x1 = std::max(px(bin.to), x0 + 2);
            p.fillRect(QRectF(x0, plot.bottom() - h, x1 - x0 - 1, h),
                       QColor(0x1e, 0x6f, 0xd9, 150));
        }
        p.setPen(QPen(t.ink, 0.8));
        p.drawLine(plot.bottomLeft(), plot.bottomRight());
        const auto marker = [&](double x, const QString& text, const QColor& colour, int row) {
            p.setPen(QPen(colour, 1.2, Qt::DashLine));
            p.drawLine(QPointF(px(x), plot.top()), QPointF(px(x), plot.bottom()));
            label(p, QRectF(px(x) + 3, plot.top() + row * 14, 160, 14), text, Qt::AlignLeft, false,
                  colour);
        };
        marker(mc.deterministic, QStringLiteral("critical path ") + duration(mc.deterministic),
               t.muted, 0);
        marker(s.p50, QStringLiteral("P50 ") + duration(s.p50), t.ink, 1);
        marker(s.p85, QStringLiteral("P85 ") + duration(s.p85), t.aboveTakt, 2);
        marker(s.p95, QStringLiteral("P95 ") + duration(s.p95), t.bottleneck, 3);
        label(p, QRectF(plot.left(), plot.bottom() + 2, 100, 14), duration(low), Qt::AlignLeft,
              false, t.muted);
        label(p, QRectF(px(low + span / 2) - 50, plot.bottom() + 2, 100, 14),
              duration(low + span / 2), Qt::AlignHCenter, false, t.muted);
        label(p, QRectF(plot.right() - 100, plot.bottom() + 2, 100, 14), duration(high),
              Qt::AlignRight, false, t.muted);
        label(p, QRectF(area.left(), plot.top(), 44, 14),
              qs(model::formatCount(static_cast<double>(tallest))), Qt::AlignRight, false, t.muted);
        label(p, QRectF(area.left(), plot.bottom() - 14, 44, 14), QStringLiteral("0"),
              Qt::AlignRight, false, t.muted);
    } else if (kind == kTornado) {
        heading(p, area, QStringLiteral("Which step's variation moves the lead time (tornado)"));
        const std::size_t bars = std::min(kTornadoBars, mc.tornado.size());
        if (bars == 0) {
            label(p, QRectF(area.left(), area.top() + kTitle, area.width(), kRow),
                  QStringLiteral("No step has a range of process times: every trial is the same."),
                  Qt::AlignLeft, false, t.muted);
        } else {
            const qreal nameWidth = std::min<qreal>(200, area.width() * 0.3);
            const QRectF plot(area.left() + nameWidth, area.top() + kTitle,
                              area.width() - nameWidth - 8, kRow * static_cast<qreal>(bars));
            double low = mc.leadTime.mean;
            double high = mc.leadTime.mean;
            std::vector<const metrics::StepSimulation*> shown;
            for (std::size_t i = 0; i < bars; ++i)
                for (const auto& s : mc.steps)
                    if (s.step == mc.tornado[i]) {
                        shown.push_back(&s);
                        low = std::min({low, s.lowMean, s.highMean});
                        high = std::max({high, s.lowMean, s.highMean});
                    }
            const double span = std::max(high - low, 1.0);
            const auto px = [&](double x) { return plot.left() + (x - low) / span * plot.width(); };
            for (std::size_t i = 0; i < shown.size(); ++i) {
                const qreal y = plot.top() + kRow * static_cast<qreal>(i);
                label(p, QRectF(area.left(), y, nameWidth - 6, kRow), qs(shown[i]->name),
                      Qt::AlignRight);
                const qreal mid = px(mc.leadTime.mean);
                p.fillRect(QRectF(QPointF(px(shown[i]->lowMean), y + 3), QPointF(mid, y + kRow - 3))
                               .normalized(),
                           t.ladderProcess);
                p.fillRect(
                    QRectF(QPointF(mid, y + 3), QPointF(px(shown[i]->highMean), y + kRow - 3))
                        .normalized(),
                    t.bottleneck);
            }
            p.setPen(QPen(t.ink, 1));
            p.drawLine(QPointF(px(mc.leadTime.mean), plot.top()),
                       QPointF(px(mc.leadTime.mean), plot.bottom()));
            label(p, QRectF(plot.left(), plot.bottom() + 2, plot.width(), kRow),
                  QStringLiteral("green: its draw in the lowest tenth; red: in the highest; line: "
                                 "mean %1")
                      .arg(duration(mc.leadTime.mean)),
                  Qt::AlignLeft, false, t.muted);
        }
    } else if (kind == kCriticalityMap) {
        heading(p, area,
                QStringLiteral("Criticality: the share of trials in which a step is on "
                               "the longest path"));
        const QRectF bounds = pathBounds(first.map);
        const QRectF target(area.left(), area.top() + kTitle, area.width(), area.height() - kTitle);
        const qreal scale =
            std::min({1.0, target.width() / bounds.width(), target.height() / bounds.height()});
        p.translate(target.left() - bounds.left() * scale, target.top() - bounds.top() * scale);
        p.scale(scale, scale);
        const metrics::MapMetrics metrics = metrics::computeMetrics(m_project, first.map);
        // The canvas's shading: each step by its share, labelled on its top edge.
        std::map<Id, double> shares;
        for (const metrics::StepSimulation& s : mc.steps)
            shares[s.step] = s.criticality;
        paintMap(p, PaintContext{m_project, first.map, &metrics, scale, nullptr, nullptr, &shares});
    } else if (kind == kFlowTable) {
        heading(p, area,
                QStringLiteral("Each step in the discrete-event run: load, utilisation, "
                               "queue"));
        const qreal nameWidth = std::min<qreal>(180, area.width() * 0.25);
        const qreal column = (area.width() - nameWidth) / static_cast<qreal>(m_runs.size());
        qreal y = area.top() + kTitle;
        label(p, QRectF(area.left(), y, nameWidth, kRow), QStringLiteral("Step"), Qt::AlignLeft,
              true);
        for (std::size_t i = 0; i < m_runs.size(); ++i)
            label(p,
                  QRectF(area.left() + nameWidth + column * static_cast<qreal>(i), y, column - 8,
                         kRow),
                  m_runs[i].label + QStringLiteral(": busy, queue"), Qt::AlignLeft, true);
        y += kRow;
        for (const metrics::StepQueue& base : first.des->steps) {
            label(p, QRectF(area.left(), y, nameWidth - 6, kRow), qs(base.name), Qt::AlignLeft);
            for (std::size_t i = 0; i < m_runs.size(); ++i) {
                if (!m_runs[i].des || !m_runs[i].des->valid)
                    continue;
                const metrics::StepQueue* s = nullptr;
                for (const metrics::StepQueue& c : m_runs[i].des->steps)
                    if (c.step == base.step || (!s && c.name == base.name))
                        s = &c;
                if (!s)
                    continue;
                const qreal x = area.left() + nameWidth + column * static_cast<qreal>(i);
                const qreal barWidth = column * 0.45;
                p.fillRect(QRectF(x, y + 4, barWidth, kRow - 8), t.processFill);
                p.fillRect(
                    QRectF(x, y + 4, barWidth * std::clamp(s->utilisation, 0.0, 1.0), kRow - 8),
                    s->unbounded ? t.bottleneck : t.ladderProcess);
                label(p, QRectF(x + 2, y, barWidth, kRow), qs(model::formatPercent(s->utilisation)),
                      Qt::AlignLeft, false, t.ink);
                const QString queue = s->unbounded
                                          ? QStringLiteral("grows +%1 a day")
                                                .arg(qs(model::formatNumber(s->growthPerDay, 1)))
                                          : QStringLiteral("%1 (max %2)")
                                                .arg(qs(model::formatCount(s->queueMean, 1)),
                                                     qs(model::formatCount(s->queueMax, 0)));
                label(p, QRectF(x + barWidth + 6, y, column - barWidth - 14, kRow), queue,
                      Qt::AlignLeft, s->unbounded, s->unbounded ? t.bottleneck : t.ink);
            }
            y += kRow;
        }
        for (const QString& line : breakdownNotes(m_runs, calendar)) {
            label(p, QRectF(area.left(), y, area.width(), kRow), line, Qt::AlignLeft, false,
                  t.muted);
            y += kRow;
        }
    } else if (kind >= kQueues && kind % 100 == kQueues) {
        const SimulationRun& run = m_runs[static_cast<std::size_t>(kind / 100)];
        heading(
            p, area,
            QStringLiteral("Items waiting before each step over time (the six longest queues): %1")
                .arg(run.label));
        std::vector<std::pair<QString, const std::vector<double>*>> series;
        for (const metrics::StepQueue* s : busiestQueues(*run.des))
            series.emplace_back(qs(s->name), &s->queueOverTime);
        paintLines(p,
                   QRectF(area.left(), area.top() + kTitle, area.width(), area.height() - kTitle),
                   run.des->sampleTimes, series, calendar);
    } else if (kind == kWip) {
        heading(p, area, QStringLiteral("Work in process over time (items in the value stream)"));
        std::vector<std::pair<QString, const std::vector<double>*>> series;
        std::vector<double> none;
        for (const SimulationRun& run : m_runs)
            if (run.des && run.des->valid)
                series.emplace_back(run.label, &run.des->wipOverTime);
        paintLines(p,
                   QRectF(area.left(), area.top() + kTitle, area.width(), area.height() - kTitle),
                   first.des->sampleTimes, series, calendar);
    }
    p.restore();
}

namespace detail {

namespace {

/// One part of a simulation sheet in the report's column.
class SheetPartBlock : public Block {
public:
    SheetPartBlock(const SimulationSheet& sheet, int kind)
        : m_sheet(sheet)
        , m_kind(kind) {}
    qreal height(qreal width, int, int) const override {
        for (const SimulationSheet::Part& part : m_sheet.parts(width))
            if (part.kind == m_kind)
                return part.height;
        return 0;
    }
    void paint(QPainter& painter, const QRectF& area, int, int) const override {
        m_sheet.paintPart(
            painter,
            QRectF(area.left(), area.top(), area.width(), height(area.width(), 0, 1) - kGap),
            m_kind);
    }

private:
    const SimulationSheet& m_sheet;
    int m_kind;
};

} // namespace

std::vector<BlockPtr> simulationBlocks(const SimulationSheet& sheet) {
    std::vector<BlockPtr> blocks;
    for (const SimulationSheet::Part& part : sheet.parts(1000))
        blocks.push_back(std::make_shared<SheetPartBlock>(sheet, part.kind));
    return blocks;
}

} // namespace detail

} // namespace gemba::render
