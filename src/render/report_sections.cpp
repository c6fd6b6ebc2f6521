// The report's sections after the map page: step table, red pens, findings, comparison.

#include "gemba/metrics/compare.h" // before names.h, which needs the model's WaitKind
#include "gemba/model/names.h"
#include "gemba/model/units.h"
#include "gemba/render/chart.h"
#include "gemba/render/text.h"
#include "gemba/render/theme.h"
#include "report_parts.h"

#include <QStringList>
#include <algorithm>
#include <cmath>
#include <set>

namespace gemba::render::detail {

using Column = TableBlock::Column;
using RowStyle = TableBlock::RowStyle;

QString qs(const std::string& text) {
    return QString::fromStdString(text);
}

namespace {

QString dash() {
    return QStringLiteral("–");
}

/// A duration in its readable unit, or a dash.
QString duration(std::optional<double> seconds, const model::Calendar& calendar) {
    return seconds ? qs(model::formatDuration(*seconds, calendar)) : dash();
}

/// A duration of one kind in the map's unit for it, or a dash.
QString duration(const model::DurationVoice& voice, model::DurationKind kind,
                 std::optional<double> seconds) {
    return seconds ? qs(voice(kind, *seconds)) : dash();
}

/// Percentages and money as the rest of Gemba shows them (model/units.h).
QString percentText(double ratio) {
    return qs(model::formatPercent(ratio));
}

QString optionalNumber(std::optional<double> value, const char* suffix = "") {
    return value ? qs(model::formatCount(*value)) + QLatin1String(suffix) : dash();
}

QString money(const model::Project& project, double value) {
    return qs(model::formatMoney(value, project.props.currency));
}

QString valueClassText(model::ValueClass value) {
    switch (value) {
    case model::ValueClass::ValueAdding:
        return mapText("Value-adding");
    case model::ValueClass::NecessaryNonValueAdding:
        return mapText("Necessary");
    case model::ValueClass::Waste:
        return mapText("Waste");
    }
    return {};
}

QString wastesText(unsigned wastes) {
    QStringList out;
    for (const auto& [kind, name] : model::EnumNames<model::WasteKind>::table())
        if (wastes & static_cast<unsigned>(kind))
            out << fieldTitle(std::string(name));
    return out.join(QStringLiteral(", "));
}

template <class Names> QString namesOf(const std::vector<model::Id>& ids, const Names& names) {
    QStringList out;
    for (model::Id id : ids)
        if (auto it = names.find(id); it != names.end())
            out << qs(it->second.name);
    return out.join(QStringLiteral(", "));
}

QString elementName(const model::Map& map, model::Id id) {
    const std::string name = map.nameOf(id);
    return name.empty() ? QStringLiteral("#%1").arg(id) : qs(name);
}

BlockPtr heading(const QString& text) {
    return std::make_shared<HeadingBlock>(text);
}

BlockPtr subheading(const QString& text) {
    return std::make_shared<HeadingBlock>(text, 9.5);
}

BlockPtr note(const QString& text) {
    return std::make_shared<TextBlock>(text, 7.5, true);
}

/// Figures where a smaller value is the better one.
bool lowerIsBetter(const std::string& key) {
    static const std::set<std::string> keys = {"lead_time_seconds",
                                               "lead_time_days",
                                               "process_time_seconds",
                                               "cycle_time_seconds",
                                               "wait_time_seconds",
                                               "handoffs",
                                               "friction_hours_per_week",
                                               "friction_cost_per_week",
                                               "total_labour_seconds",
                                               "bottleneck_cycle_time_seconds",
                                               "wip",
                                               "systems"};
    return keys.contains(key);
}

bool higherIsBetter(const std::string& key) {
    return key == "activity_ratio" || key == "process_cycle_efficiency" || key == "rolled_pca";
}

} // namespace

QString fieldTitle(const std::string& field) {
    if (field == "pca")
        return QStringLiteral("%C&A");
    if (field == "mtbf" || field == "mttr") // mean time between failures, to repair
        return qs(field).toUpper();
    QString text = qs(field);
    text.replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}

QString figureText(metrics::Quantity quantity, double value, const model::Project& project,
                   bool signedValue) {
    const QString sign = !signedValue ? QString()
                         : value > 0  ? QStringLiteral("+")
                         : value < 0  ? QStringLiteral("−")
                                      : QString();
    const double v = signedValue ? std::abs(value) : value;
    switch (quantity) {
    case metrics::Quantity::Duration:
        return sign + qs(model::formatDuration(v, project.props.calendar));
    case metrics::Quantity::Ratio: {
        if (!signedValue)
            return percentText(v);
        // Points to the precision a percentage shows (+0.06 pts, never a rounded +0.1), and
        // a change that is zero within rounding without a sign.
        std::string points = model::formatPercent(v);
        points.pop_back();
        return (points == "0" ? QString() : sign) + qs(points) + mapText(" pts");
    }
    case metrics::Quantity::Count:
    case metrics::Quantity::Items:
        return sign + qs(model::formatCount(v));
    case metrics::Quantity::Money:
        return sign + money(project, v);
    case metrics::Quantity::Hours:
        return sign + qs(model::formatCount(v)) + QStringLiteral(" h");
    case metrics::Quantity::Days:
        return sign + qs(model::formatCount(v)) + QStringLiteral(" d");
    }
    return {};
}

std::vector<std::pair<QString, QString>>
summaryFigures(const model::Project& project, const model::Map& map, const metrics::MapMetrics& m) {
    const model::Calendar& calendar = project.props.calendar;
    if (!m.valid)
        return {{mapText("Steps"), qs(model::formatCount(static_cast<double>(map.steps.size())))}};
    const model::DurationVoice voice{model::durationUnitsOf(map, calendar), &calendar};
    const auto time = [&](double s) { return qs(voice.stepTime(s)); };
    std::vector<std::pair<QString, QString>> rows = {
        {mapText("Lead time"),
         qs(model::formatDurationIn(m.leadTime, model::TimeUnit::Day, calendar))},
        {mapText("Process time"), time(m.processTime)},
        {mapText("Waiting"), qs(voice.waitTime(m.waitTime))},
        {mapText("Activity ratio"), percentText(m.activityRatio)},
        {mapText("Process cycle efficiency"), percentText(m.processCycleEfficiency)},
        {mapText("Rolled %C&A"), percentText(m.rolledPca)},
        {mapText("Takt"), m.takt ? time(*m.takt) : mapText("no demand set")},
    };
    QString bottleneck = mapText("none");
    if (m.bottleneck != model::kNoId)
        bottleneck = elementName(map, m.bottleneck) + QStringLiteral(" (") +
                     time(m.bottleneckCycleTime) + QStringLiteral(")");
    rows.push_back({mapText("Bottleneck"), bottleneck});
    rows.push_back({mapText("Handoffs"), qs(model::formatCount(m.handoffs))});
    rows.push_back({mapText("Friction cost"),
                    money(project, m.frictionCostPerWeek) + mapText("/wk") + QStringLiteral(" (") +
                        qs(model::formatCount(m.frictionHoursPerWeek, 1)) + mapText(" h/wk") +
                        QStringLiteral(")")});
    rows.push_back(
        {mapText("Steps"), qs(model::formatCount(static_cast<double>(map.steps.size())))});
    return rows;
}

// ---------------------------------------------------------------------------------------

std::vector<BlockPtr> stepTableBlocks(const model::Project& project, const model::Map& map,
                                      const metrics::MapMetrics& m) {
    // Priorities: what a reader needs first stays when the page is narrow.
    auto table = std::make_shared<TableBlock>(std::vector<Column>{
        {mapText("#"), 20, 0, Qt::AlignRight, 1, 100},
        {mapText("Step"), 130, 3, Qt::AlignLeft, 4, 100},
        {mapText("Role · people"), 80, 2, Qt::AlignLeft, 4, 90},
        {mapText("PT"), 44, 0.4, Qt::AlignRight, 2, 95},
        {mapText("LT"), 40, 0.3, Qt::AlignRight, 1, 95},
        {mapText("C/T"), 40, 0.3, Qt::AlignRight, 1, 80},
        {mapText("%C&A"), 34, 0, Qt::AlignRight, 1, 90},
        {mapText("Value"), 52, 0.3, Qt::AlignLeft, 1, 70},
        {mapText("Systems"), 64, 1.5, Qt::AlignLeft, 4, 85},
        {mapText("Batch"), 32, 0, Qt::AlignRight, 1, 40},
        {mapText("C/O"), 34, 0, Qt::AlignRight, 1, 40},
        {mapText("Uptime"), 38, 0, Qt::AlignRight, 1, 45},
        {mapText("Defects"), 38, 0, Qt::AlignRight, 1, 45},
        {mapText("Visits"), 32, 0, Qt::AlignRight, 1, 50},
        {mapText("Wastes"), 60, 1.2, Qt::AlignLeft, 4, 55},
        {mapText("Frictions"), 70, 1.6, Qt::AlignLeft, 5, 60},
        {mapText("Artifacts"), 60, 1.2, Qt::AlignLeft, 4, 30},
        {mapText("Description"), 70, 2, Qt::AlignLeft, 5, 20},
    });
    const model::DurationVoice voice{model::durationUnitsOf(map, project.props.calendar),
                                     &project.props.calendar};
    int onPath = 0;
    int offPath = 0;
    for (model::Id id : m.stepOrder) {
        const auto it = map.steps.find(id);
        if (it == map.steps.end())
            continue;
        const model::Step& s = it->second;
        const auto figures = m.steps.find(id);
        const bool path = m.valid && figures != m.steps.end() && figures->second.onPath;
        QString number = dash();
        if (path)
            number = QString::number(++onPath);
        else
            ++offPath;

        QString people = s.role.empty() ? QString() : qs(s.role);
        if (s.headcount != 1)
            people += QStringLiteral(" ×") + qs(model::formatCount(s.headcount, 1));
        if (const QString names = namesOf(s.people, project.people); !names.isEmpty())
            people += (people.isEmpty() ? QString() : QStringLiteral(" · ")) + names;

        QString pt = duration(voice, model::DurationKind::StepTime, s.processTime);
        if (s.processTimeMin || s.processTimeMax)
            pt += QStringLiteral(" (") +
                  duration(voice, model::DurationKind::StepTime, s.processTimeMin) + dash() +
                  duration(voice, model::DurationKind::StepTime, s.processTimeMax) +
                  QStringLiteral(")");
        QString ct = duration(voice, model::DurationKind::StepTime, s.cycleTime);
        if (!s.cycleTime && figures != m.steps.end() && figures->second.cycleTime > 0)
            ct = qs(voice.stepTime(figures->second.cycleTime));

        QStringList frictions;
        for (const model::Friction& f : s.frictions)
            frictions << qs(f.what) + QStringLiteral(" (") +
                             qs(model::formatCount(f.minutesPerOccurrence)) +
                             QStringLiteral(" min × ") +
                             qs(model::formatCount(f.occurrencesPerWeek)) + mapText("/wk") +
                             QStringLiteral(")");
        QStringList artifacts;
        for (const std::string& a : s.artifacts)
            artifacts << qs(a);

        table->addRow({number, s.name.empty() ? mapText("(unnamed step)") : qs(s.name),
                       people.isEmpty() ? dash() : people, pt,
                       duration(voice, model::DurationKind::StepLeadTime,
                                s.leadTime ? s.leadTime : s.processTime),
                       ct, optionalNumber(s.pca, "%"), valueClassText(s.value),
                       s.systems.empty() ? dash() : namesOf(s.systems, project.systems),
                       optionalNumber(s.batchSize), duration(s.changeover, project.props.calendar),
                       optionalNumber(s.uptime, "%"), optionalNumber(s.defectRate, "%"),
                       path ? qs(model::formatCount(figures->second.visits, 2)) : dash(),
                       wastesText(s.wastes), frictions.join(QStringLiteral("; ")),
                       artifacts.join(QStringLiteral(", ")), qs(s.description)});
        if (m.valid && figures != m.steps.end()) {
            const Theme& t = theme();
            const int row = table->rowCount() - 1;
            if (m.bottleneck == id)
                table->setCellColour(row, 5, t.bottleneck);
            else if (figures->second.aboveTakt)
                table->setCellColour(row, 5, t.aboveTakt);
        }
    }
    if (m.valid)
        // Each total in its column's unit (a far larger one, such as days of lead time, in
        // its own).
        table->addRow({QString(), mapText("Critical path"), QString(),
                       qs(voice.stepTime(m.processTime)), qs(voice.stepLeadTime(m.leadTime)),
                       qs(voice.stepTime(m.cycleTime)), percentText(m.rolledPca)},
                      RowStyle::Total);

    std::vector<BlockPtr> blocks{heading(mapText("Steps of %1").arg(qs(map.props.name)))};
    QString intro =
        mapText("Steps in flow order: %1. PT: process time, LT: lead time, C/T: cycle time "
                "(bottleneck in red, above takt in orange), %C&A: percent complete and accurate.")
            .arg(map.steps.size());
    if (m.valid)
        intro += mapText(" The critical path row gives lead time with the waits between steps, "
                         "and the rolled %C&A.");
    if (offPath > 0)
        intro += mapText(" Steps marked – are off the value stream's path.");
    blocks.push_back(note(intro));
    if (table->empty()) {
        blocks.push_back(note(mapText("The map has no steps.")));
    } else {
        blocks.push_back(std::make_shared<OmittedColumnsNote>(table));
        blocks.push_back(table);
    }
    return blocks;
}

// ---------------------------------------------------------------------------------------

std::vector<BlockPtr> redPenBlocks(const model::Project& project, const model::Map& map,
                                   std::size_t limit, const QString& title, bool sectionHeading) {
    std::vector<const model::RedPen*> pens;
    for (const auto& [id, pen] : map.redPens)
        pens.push_back(&pen);
    // The costliest first: the list is where the improvement work starts.
    std::stable_sort(pens.begin(), pens.end(), [](const model::RedPen* a, const model::RedPen* b) {
        return a->cost.value_or(-1) > b->cost.value_or(-1);
    });
    auto table = std::make_shared<TableBlock>(std::vector<Column>{
        {mapText("#"), 20, 0, Qt::AlignRight, 1, 100},
        {mapText("Reason"), 160, 3, Qt::AlignLeft, 4, 100},
        {mapText("Circles"), 140, 2, Qt::AlignLeft, 4, 90},
        {mapText("Cost per year"), 80, 0.5, Qt::AlignRight, 1, 95},
    });
    double total = 0;
    int counted = 0;
    int n = 0;
    for (const model::RedPen* pen : pens) {
        QStringList circles;
        for (model::Id target : pen->targets) {
            if (const model::Flow* flow = map.findFlow(target)) {
                QString text = elementName(map, flow->from) + QStringLiteral(" → ") +
                               elementName(map, flow->to);
                circles << mapText("flow %1").arg(text);
            } else if (map.contains(target)) {
                circles << elementName(map, target);
            }
        }
        if (pen->cost) {
            total += *pen->cost;
            ++counted;
        }
        if (static_cast<std::size_t>(n) >= limit)
            continue;
        table->addRow({QString::number(++n),
                       pen->reason.empty() ? mapText("(no reason given)") : qs(pen->reason),
                       circles.isEmpty() ? mapText("(a place on the map)")
                                         : circles.join(QStringLiteral("; ")),
                       pen->cost ? money(project, *pen->cost) : dash()});
    }
    if (counted > 0)
        table->addRow({QString(), mapText("Total of %1 costed").arg(counted), QString(),
                       money(project, total)},
                      RowStyle::Total);
    std::vector<BlockPtr> blocks{title.isEmpty()  ? heading(mapText("Red pen: places worth fixing"))
                                 : sectionHeading ? heading(title)
                                                  : subheading(title)};
    if (table->empty()) {
        blocks.push_back(note(mapText("No red-pen circles on this map.")));
    } else {
        blocks.push_back(table);
        blocks.push_back(
            std::make_shared<OmittedColumnsNote>(table, mapText("A wider page shows them.")));
    }
    if (pens.size() > limit)
        blocks.push_back(note(mapText("The %1 costliest of %2; the total counts all of them.")
                                  .arg(limit)
                                  .arg(pens.size())));
    return blocks;
}

// ---------------------------------------------------------------------------------------

std::vector<BlockPtr> findingBlocks(const model::Map& map, const metrics::MapMetrics& m) {
    std::vector<const metrics::Finding*> findings;
    for (const metrics::Finding& f : m.findings)
        findings.push_back(&f);
    std::stable_sort(findings.begin(), findings.end(),
                     [](const metrics::Finding* a, const metrics::Finding* b) {
                         return static_cast<int>(a->severity) < static_cast<int>(b->severity);
                     });
    auto table = std::make_shared<TableBlock>(std::vector<Column>{
        {mapText("Severity"), 54, 0, Qt::AlignLeft, 1, 100},
        {mapText("Where"), 110, 1, Qt::AlignLeft, 2, 90},
        {mapText("Finding"), 200, 4, Qt::AlignLeft, 4, 100},
    });
    const Theme& t = theme();
    for (const metrics::Finding* f : findings) {
        QString severity;
        QColor colour = t.ink;
        switch (f->severity) {
        case metrics::Severity::Error:
            severity = mapText("Error");
            colour = t.waste;
            break;
        case metrics::Severity::Warning:
            severity = mapText("Warning");
            colour = t.aboveTakt.darker(120);
            break;
        case metrics::Severity::Info:
            severity = mapText("Note");
            colour = t.muted;
            break;
        }
        table->addRow(
            {severity,
             f->element == model::kNoId ? mapText("the map") : elementName(map, f->element),
             qs(f->message)});
        table->setCellColour(table->rowCount() - 1, 0, colour);
    }
    std::vector<BlockPtr> blocks{heading(mapText("Findings"))};
    if (table->empty())
        blocks.push_back(note(mapText("No findings: the map is complete and consistent.")));
    else
        blocks.push_back(table);
    return blocks;
}

// ---------------------------------------------------------------------------------------

std::shared_ptr<TableBlock> comparisonFigureTable(const model::Project& project,
                                                  const metrics::Comparison& c,
                                                  const QString& fromName, const QString& toName,
                                                  const std::vector<std::string>& keys) {
    const Theme& t = theme();
    auto figures = std::make_shared<TableBlock>(std::vector<Column>{
        {mapText("Figure"), 150, 2, Qt::AlignLeft, 1, 100},
        {fromName, 80, 1, Qt::AlignRight, 1, 100},
        {toName, 80, 1, Qt::AlignRight, 1, 100},
        {mapText("Change"), 70, 1, Qt::AlignRight, 1, 90},
        {mapText("%"), 50, 0.5, Qt::AlignRight, 1, 80},
    });
    for (const metrics::MetricChange& change : c.metrics) {
        if (!keys.empty() && std::find(keys.begin(), keys.end(), change.key) == keys.end())
            continue;
        const auto show = [&](const std::optional<double>& v, bool signedValue) {
            return v ? figureText(change.quantity, *v, project, signedValue) : dash();
        };
        QString pct = dash();
        if (change.percent)
            pct = (*change.percent > 0   ? QStringLiteral("+")
                   : *change.percent < 0 ? QStringLiteral("−")
                                         : QString()) +
                  qs(model::formatCount(std::abs(*change.percent), 1)) + QStringLiteral("%");
        figures->addRow({mapText(change.label.c_str()), show(change.before, false),
                         show(change.after, false), show(change.change, true), pct});
        if (change.change && *change.change != 0 &&
            (lowerIsBetter(change.key) || higherIsBetter(change.key))) {
            const bool better = lowerIsBetter(change.key) ? *change.change < 0 : *change.change > 0;
            const QColor colour = better ? t.valueAdding.darker(115) : t.waste;
            figures->setCellColour(figures->rowCount() - 1, 3, colour);
            figures->setCellColour(figures->rowCount() - 1, 4, colour);
        }
    }
    return figures;
}

std::vector<BlockPtr> contextBlocks(const model::Project& project, const model::Map& from,
                                    const model::Map& to) {
    const model::Calendar& calendar = project.props.calendar;
    const auto demand = [&](const model::Map& map) {
        if (!map.props.demand)
            return mapText("not set");
        return qs(model::formatCount(map.props.demand->quantity)) + mapText(" per ") +
               qs(std::string(model::nameOf(map.props.demand->per)));
    };
    const auto available = [&](const model::Map& map) {
        return map.props.availableTimePerDay
                   ? qs(model::formatDuration(*map.props.availableTimePerDay, calendar)) +
                         mapText(" a day")
                   : mapText("the working day (%1)")
                         .arg(qs(model::formatDuration(calendar.secondsPerDay(), calendar)));
    };
    const auto text = [](const std::string& value) { return value.empty() ? dash() : qs(value); };
    auto table = std::make_shared<TableBlock>(std::vector<Column>{
        {mapText("About the maps"), 110, 1, Qt::AlignLeft, 2, 100},
        {qs(from.props.name), 150, 2, Qt::AlignLeft, 6, 100},
        {qs(to.props.name), 150, 2, Qt::AlignLeft, 6, 100},
    });
    table->addRow({mapText("Customer demand"), demand(from), demand(to)});
    table->addRow({mapText("Available time"), available(from), available(to)});
    table->addRow({mapText("Starts with"), text(from.props.trigger), text(to.props.trigger)});
    table->addRow({mapText("Done when"), text(from.props.done), text(to.props.done)});
    if (!from.props.notes.empty() || !to.props.notes.empty())
        table->addRow({mapText("Notes"), text(from.props.notes), text(to.props.notes)});
    std::vector<BlockPtr> blocks;
    if (!project.props.description.empty())
        blocks.push_back(std::make_shared<TextBlock>(qs(project.props.description), 8));
    blocks.push_back(table);
    // The people behind the maps, by their part in the workshop.
    const model::WorkshopTeam& team = project.props.team;
    const auto person = [&](model::Id id) {
        const auto it = project.people.find(id);
        return it == project.people.end() ? QString() : qs(it->second.name);
    };
    QStringList parts;
    const std::pair<QString, model::Id> roles[] = {{mapText("sponsor"), team.sponsor},
                                                   {mapText("process owner"), team.processOwner},
                                                   {mapText("facilitator"), team.facilitator}};
    for (const auto& [role, id] : roles)
        if (const QString name = person(id); !name.isEmpty())
            parts << role + QStringLiteral(" ") + name;
    QStringList experts;
    for (model::Id id : team.experts)
        if (const QString name = person(id); !name.isEmpty())
            experts << name;
    if (!experts.isEmpty())
        parts << mapText("experts %1").arg(experts.join(QStringLiteral(", ")));
    if (!parts.isEmpty())
        blocks.push_back(
            note(mapText("Workshop team: %1.").arg(parts.join(QStringLiteral(" · ")))));
    return blocks;
}

std::vector<BlockPtr> comparisonBlocks(const model::Project& project, const model::Map& from,
                                       const model::Map& to, const metrics::Comparison& c,
                                       bool withHeading) {
    const QString fromName = qs(from.props.name);
    const QString toName = qs(to.props.name);
    std::vector<BlockPtr> blocks;
    if (withHeading)
        blocks.push_back(heading(mapText("Comparison: %1 → %2").arg(fromName, toName)));
    blocks.push_back(note(mapText("Steps are matched through the steps they were made from. "
                                  "Improvements are in green, setbacks in red.")));

    auto figures = comparisonFigureTable(project, c, fromName, toName, {});
    blocks.push_back(figures);
    // What the figures rest on (demand, available time, scope) and who made the maps.
    for (BlockPtr& block : contextBlocks(project, from, to))
        blocks.push_back(std::move(block));

    // Copies of the metrics live as long as the blocks: the chart closures own them.
    auto comparison = std::make_shared<metrics::Comparison>(c);
    const model::Project* projectPtr = &project;
    blocks.push_back(subheading(mapText("Lead time by segment")));
    blocks.push_back(std::make_shared<PaintBlock>(
        [](qreal) { return leadTimeBarsHeight(2); },
        [comparison, projectPtr, fromName, toName](QPainter& p, const QRectF& area) {
            paintLeadTimeBars(p, area, *projectPtr,
                              {{fromName, &comparison->from}, {toName, &comparison->to}});
        }));
    blocks.push_back(subheading(mapText("Lead-time waterfall")));
    blocks.push_back(std::make_shared<PaintBlock>(
        [](qreal) { return waterfallHeight(); },
        [comparison, projectPtr, fromName, toName](QPainter& p, const QRectF& area) {
            paintWaterfall(p, area, *projectPtr, *comparison, fromName, toName);
        }));

    const auto stepList = [&](const model::Map& map, const std::vector<model::Id>& ids) {
        auto table = std::make_shared<TableBlock>(std::vector<Column>{
            {mapText("Step"), 160, 3, Qt::AlignLeft, 2, 100},
            {mapText("Role"), 90, 1.5, Qt::AlignLeft, 1, 80},
            {mapText("PT"), 60, 0.5, Qt::AlignRight, 1, 90},
            {mapText("LT"), 60, 0.5, Qt::AlignRight, 1, 90},
        });
        const model::DurationVoice voice{model::durationUnitsOf(map, project.props.calendar),
                                         &project.props.calendar};
        for (model::Id id : ids) {
            const model::Step* s = map.findStep(id);
            if (!s)
                continue;
            table->addRow({elementName(map, id), s->role.empty() ? dash() : qs(s->role),
                           duration(voice, model::DurationKind::StepTime, s->processTime),
                           duration(voice, model::DurationKind::StepLeadTime,
                                    s->leadTime ? s->leadTime : s->processTime)});
        }
        return table;
    };
    blocks.push_back(subheading(mapText("Steps added (%1)").arg(c.added.size())));
    blocks.push_back(c.added.empty() ? note(mapText("None.")) : BlockPtr(stepList(to, c.added)));
    blocks.push_back(subheading(mapText("Steps removed (%1)").arg(c.removed.size())));
    blocks.push_back(c.removed.empty() ? note(mapText("None."))
                                       : BlockPtr(stepList(from, c.removed)));

    const auto changeTable = [&](const QString& element,
                                 const std::vector<metrics::StepChange>& list) {
        auto table = std::make_shared<TableBlock>(std::vector<Column>{
            {element, 120, 2, Qt::AlignLeft, 2, 100},
            {mapText("Field"), 80, 1, Qt::AlignLeft, 1, 100},
            {fromName, 100, 2, Qt::AlignLeft, 3, 100},
            {toName, 100, 2, Qt::AlignLeft, 3, 100},
        });
        for (const metrics::StepChange& change : list) {
            bool first = true;
            for (const metrics::FieldChange& field : change.fields) {
                table->addRow(
                    {first ? (change.name.empty() ? elementName(to, change.after) : qs(change.name))
                           : QString(),
                     mapText(fieldTitle(field.field).toUtf8().constData()),
                     field.before.empty() ? mapText("(none)") : qs(field.before),
                     field.after.empty() ? mapText("(none)") : qs(field.after)});
                first = false;
            }
        }
        return table;
    };
    auto changed = changeTable(mapText("Step"), c.changed);
    blocks.push_back(subheading(mapText("Steps changed (%1)").arg(c.changed.size())));
    blocks.push_back(changed->empty() ? note(mapText("None.")) : BlockPtr(changed));
    if (!c.changedWaits.empty()) {
        blocks.push_back(subheading(mapText("Waits changed (%1)").arg(c.changedWaits.size())));
        blocks.push_back(changeTable(mapText("Wait"), c.changedWaits));
    }

    for (const auto* side : {&c.from, &c.to}) {
        if (side->valid)
            continue;
        const model::Map& map = side == &c.from ? from : to;
        blocks.push_back(note(mapText("%1 has errors, so its figures are not given; its "
                                      "findings say what to fix.")
                                  .arg(qs(map.props.name))));
    }
    return blocks;
}

} // namespace gemba::render::detail
