#include "metrics_panel.h"

#include "editor_document.h"
#include "gemba/metrics/metrics.h"
#include "gemba/model/duration_units.h"
#include "gemba/model/units.h"

#include <QApplication>
#include <QClipboard>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>
#include <algorithm>
#include <set>

namespace gemba::app {

namespace {

QString number(double value, int decimals = 2) {
    return QString::fromStdString(model::formatCount(value, decimals));
}

QString percent(double ratio) {
    return QString::fromStdString(model::formatPercent(ratio));
}

/// The rows the engine withholds when the path is unknown (MapMetrics::valid).
bool isPathFigure(const QString& key) {
    static const QStringList kPathFigures{QStringLiteral("leadTime"),
                                          QStringLiteral("processTime"),
                                          QStringLiteral("waitTime"),
                                          QStringLiteral("activityRatio"),
                                          QStringLiteral("processCycleEfficiency"),
                                          QStringLiteral("rolledPca"),
                                          QStringLiteral("bottleneck"),
                                          QStringLiteral("labour"),
                                          QStringLiteral("wip")};
    return kPathFigures.contains(key);
}

/// The errors of a map: how many, and what the first one says.
std::pair<int, QString> errorsOf(const metrics::MapMetrics& m) {
    int errors = 0;
    QString first;
    for (const metrics::Finding& f : m.findings)
        if (f.severity == metrics::Severity::Error && errors++ == 0)
            first = QString::fromStdString(f.message);
    return {errors, first};
}

} // namespace

MetricsPanel::MetricsPanel(EditorDocument& document, QWidget* parent)
    : QWidget(parent)
    , m_document(document)
    , m_heading(new QLabel(this))
    , m_status(new QLabel(this))
    , m_scroll(new QScrollArea(this))
    , m_figures(new QWidget)
    , m_form(new QFormLayout(m_figures))
    , m_copy(new QPushButton(tr("Copy figures"), this)) {
    setObjectName(QStringLiteral("metricsPanel"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);

    m_heading->setObjectName(QStringLiteral("metricsHeading"));
    QFont bold = m_heading->font();
    bold.setBold(true);
    m_heading->setFont(bold);
    m_heading->setWordWrap(true);
    layout->addWidget(m_heading);

    m_status->setObjectName(QStringLiteral("metricsStatus"));
    m_status->setWordWrap(true);
    m_status->setStyleSheet(QStringLiteral("color: #b71c1c;"));
    layout->addWidget(m_status);

    m_form->setContentsMargins(0, 0, 0, 0);
    m_form->setHorizontalSpacing(10);
    m_form->setVerticalSpacing(3);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setLabelAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_scroll->setWidget(m_figures);
    layout->addWidget(m_scroll, 1);

    // The formulas say what docs/metrics.md says; every figure comes from the engine.
    addRow(QStringLiteral("leadTime"), tr("Lead time"),
           tr("Along the critical path: each step's lead time (its process time when none is "
              "given) + queue times + inventory time (quantity ÷ demand per day) + waits on "
              "flows, each weighted by its expected visits (shares, rework loops). Days are "
              "working days of the project's calendar."));
    addRow(QStringLiteral("processTime"), tr("Process time"),
           tr("Σ visits × process time of the steps on the critical path."));
    addRow(QStringLiteral("waitTime"), tr("Waiting"), tr("Lead time − process time."));
    addRow(QStringLiteral("activityRatio"), tr("Activity ratio"),
           tr("Process time ÷ lead time: the share of the lead time someone works on the item."));
    addRow(QStringLiteral("processCycleEfficiency"), tr("Process cycle efficiency"),
           tr("Process time of the value-adding steps ÷ lead time."));
    addRow(QStringLiteral("rolledPca"), tr("Rolled %C&A"),
           tr("Product of %C&A ÷ 100 of the steps along the path, each step once (a missing "
              "%C&A counts as 100%); alternative routes weighted by their shares, parallel work "
              "by its critical branch."));
    addRow(QStringLiteral("takt"), tr("Takt time"),
           tr("Available time per day ÷ demand per day (the map's available time, else a "
              "working day)."));
    addRow(QStringLiteral("bottleneck"), tr("Bottleneck"),
           tr("The step on the path with the highest cycle time C/T (given, else process time "
              "÷ headcount ÷ uptime)."));
    addRow(QStringLiteral("aboveTakt"), tr("Steps above takt"),
           tr("Steps whose cycle time C/T is longer than the takt time: they cannot meet "
              "demand."));
    addRow(QStringLiteral("handoffs"), tr("Handoffs"),
           tr("Work flows into a step whose role or team differs from that of a step before "
              "it (through waits). Roles compare trimmed, ignoring case; a step without a role "
              "never counts; information flows never do."));
    addRow(QStringLiteral("systems"), tr("Systems touched"),
           tr("Distinct systems assigned to the map's steps."));
    addRow(QStringLiteral("people"), tr("People involved"),
           tr("Distinct people assigned to the map's steps."));
    addRow(QStringLiteral("friction"), tr("Friction per week"),
           tr("Σ over the frictions of every step: minutes each × times a week ÷ 60 × "
              "headcount = hours; cost = hours × the step's hourly rate (the average hourly "
              "cost of its people, else the project's default rate)."));
    addRow(QStringLiteral("labour"), tr("Total labour"),
           tr("Σ process time × visits of every step, with every parallel branch done; steps "
              "off the path count once."));
    addRow(QStringLiteral("redPens"), tr("Red-pen costs"),
           tr("Σ of the estimated cost per year of each red-pen circle on the map."));
    addRow(QStringLiteral("wip"), tr("Work in process"),
           tr("Little's law: demand per day × lead time in working days."));

    m_copy->setObjectName(QStringLiteral("copyFigures"));
    m_copy->setToolTip(tr("Copies every figure as text, one per line."));
    layout->addStretch(0);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_copy);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    connect(m_copy, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(figuresAsText()); });

    connect(&document, &EditorDocument::metricsUpdated, this, [this](model::Id map) {
        if (map == m_map)
            refresh();
    });
    connect(&document, &EditorDocument::changed, this, &MetricsPanel::onChanged);
    refresh();
}

MetricsPanel::~MetricsPanel() = default;

void MetricsPanel::setMap(model::Id map) {
    m_map = map;
    refresh();
}

void MetricsPanel::onChanged(const model::Changes& changes) {
    // New figures arrive with metricsUpdated; only a map that vanished needs telling here.
    for (const model::Change& change : changes)
        if (change.subject == model::Change::Subject::Everything ||
            (change.subject == model::Change::Subject::MapList && change.map == m_map)) {
            if (!m_document.map(m_map))
                refresh();
            return;
        }
}

void MetricsPanel::addRow(const QString& key, const QString& label, const QString& formula) {
    auto* name = new QLabel(QString(label).replace(QLatin1Char('&'), QStringLiteral("&&")));
    name->setToolTip(formula);
    auto* value = new QLabel;
    value->setObjectName(key);
    value->setToolTip(formula);
    value->setWordWrap(true);
    value->setTextFormat(Qt::PlainText);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    value->setAccessibleName(label);
    name->setBuddy(value);
    m_form->addRow(name, value);
    m_values[key] = value;
    m_labels[key] = name;
    m_order.push_back(key);
}

void MetricsPanel::setValue(const QString& key, const QString& value) {
    // The engine gives zeros for withheld figures: never show them as figures.
    m_values.at(key)->setText(m_pathWithheld && isPathFigure(key) ? tr("withheld") : value);
}

QString MetricsPanel::figuresAsText() const {
    QStringList lines{m_heading->text()};
    if (!m_hasFigures) {
        lines << m_status->text();
        return lines.join(QLatin1Char('\n'));
    }
    for (const QString& key : m_order)
        lines << m_labels.at(key)->text().replace(QStringLiteral("&&"), QStringLiteral("&")) +
                     QLatin1Char('\t') + m_values.at(key)->text();
    return lines.join(QLatin1Char('\n'));
}

void MetricsPanel::refresh() {
    const model::Map* map = m_document.map(m_map);
    const metrics::MapMetrics* m = map ? m_document.metrics(m_map) : nullptr;
    if (!map || !m) {
        m_heading->setText(tr("No map"));
        m_status->setText(tr("Open or create a map to see its figures."));
        m_status->setStyleSheet(QString());
        m_status->show();
        m_scroll->hide();
        m_copy->setEnabled(false);
        m_hasFigures = false;
        return;
    }
    m_heading->setText(tr("Figures of %1").arg(QString::fromStdString(map->props.name)));
    if (!m->partsValid) {
        m_status->setStyleSheet(QStringLiteral("color: #b71c1c;"));
        const auto [errors, first] = errorsOf(*m);
        m_status->setText(
            errors <= 1 ? tr("Fix 1 error: %1 — see Findings").arg(first)
                        : tr("Fix %1 errors — see Findings. First: %2").arg(errors).arg(first));
        m_status->show();
        m_scroll->hide();
        m_copy->setEnabled(false);
        m_hasFigures = false;
        return;
    }
    // Warnings about elements off the value stream keep the figures, and say what they leave
    // out (an element just dropped, a dead end, a second chain).
    std::set<model::Id> excluded;
    for (const metrics::Finding& f : m->findings)
        if (f.code == "not_connected" || f.code == "dead_end" || f.code == "separate_chains")
            excluded.insert(f.element);
    if (!m->valid) {
        // Errors in how work flows withhold the path figures only; say which and why.
        m_status->setStyleSheet(QStringLiteral("color: #b71c1c;"));
        const auto [errors, first] = errorsOf(*m);
        m_status->setText(errors <= 1
                              ? tr("Path figures withheld until this is fixed: %1").arg(first)
                              : tr("Path figures withheld until %1 errors are fixed — see "
                                   "Findings. First: %2")
                                    .arg(errors)
                                    .arg(first));
        m_status->show();
    } else if (excluded.empty()) {
        m_status->clear();
        m_status->hide();
    } else {
        m_status->setStyleSheet(QStringLiteral("color: #8a5a00;"));
        m_status->setText(excluded.size() == 1
                              ? tr("Excluding 1 element off the value stream — see Findings")
                              : tr("Excluding %1 elements off the value stream — see Findings")
                                    .arg(excluded.size()));
        m_status->show();
    }
    m_scroll->show();
    m_copy->setEnabled(true);
    m_hasFigures = true;

    const model::Project& project = m_document.project();
    const model::Calendar& calendar = project.props.calendar;
    const auto duration = [&calendar](double seconds) {
        return QString::fromStdString(model::formatDuration(seconds, calendar));
    };
    // Process and cycle times, takt and labour in the map's unit for step times, waiting in its
    // unit for waits: the panel reads as the map does.
    const model::DurationVoice voice{model::durationUnitsOf(*map, calendar), &calendar};
    const auto stepTime = [&voice](double seconds) {
        return QString::fromStdString(voice.stepTime(seconds));
    };

    m_pathWithheld = !m->valid;
    for (const QString& key : m_order)
        m_labels.at(key)->setEnabled(m->valid || !isPathFigure(key));

    const QString days = number(m->leadTimeDays);
    setValue(QStringLiteral("leadTime"),
             (days == QLatin1String("1") ? tr("%1 working day (%2)") : tr("%1 working days (%2)"))
                 .arg(days, duration(m->leadTime)));
    setValue(QStringLiteral("processTime"), stepTime(m->processTime));
    setValue(QStringLiteral("waitTime"), QString::fromStdString(voice.waitTime(m->waitTime)));
    setValue(QStringLiteral("activityRatio"), percent(m->activityRatio));
    setValue(QStringLiteral("processCycleEfficiency"), percent(m->processCycleEfficiency));
    setValue(QStringLiteral("rolledPca"), percent(m->rolledPca));
    setValue(QStringLiteral("takt"),
             m->takt ? tr("%1 per item").arg(stepTime(*m->takt)) : tr("no demand"));

    const model::Step* bottleneck = map->findStep(m->bottleneck);
    setValue(QStringLiteral("bottleneck"), bottleneck
                                               ? tr("%1 (C/T %2)")
                                                     .arg(QString::fromStdString(bottleneck->name),
                                                          stepTime(m->bottleneckCycleTime))
                                               : tr("none"));

    QStringList above;
    for (const auto& [id, figures] : m->steps)
        if (figures.aboveTakt)
            if (const model::Step* step = map->findStep(id))
                above << QString::fromStdString(step->name);
    if (!m->takt)
        setValue(QStringLiteral("aboveTakt"), tr("no demand"));
    else if (above.isEmpty())
        setValue(QStringLiteral("aboveTakt"), tr("none"));
    else
        setValue(QStringLiteral("aboveTakt"),
                 QStringLiteral("%1: %2").arg(above.size()).arg(above.join(QStringLiteral(", "))));

    setValue(QStringLiteral("handoffs"), number(m->handoffs, 0));

    const auto listed = [](const QStringList& names) {
        return names.isEmpty() ? QStringLiteral("0")
                               : QStringLiteral("%1: %2")
                                     .arg(names.size())
                                     .arg(names.join(QStringLiteral(", ")));
    };
    QStringList systems;
    for (model::Id id : m->systems)
        if (const auto it = project.systems.find(id); it != project.systems.end())
            systems << QString::fromStdString(it->second.name);
    setValue(QStringLiteral("systems"), listed(systems));
    QStringList people;
    for (model::Id id : m->people)
        if (const auto it = project.people.find(id); it != project.people.end())
            people << QString::fromStdString(it->second.name);
    setValue(QStringLiteral("people"), listed(people));

    setValue(QStringLiteral("friction"),
             tr("%1 h · %2")
                 .arg(number(m->frictionHoursPerWeek),
                      QString::fromStdString(
                          model::formatMoney(m->frictionCostPerWeek, project.props.currency))));
    setValue(QStringLiteral("labour"), stepTime(m->totalLabour));
    setValue(QStringLiteral("redPens"),
             m->redPensCosted == 0 ? tr("none estimated")
                                   : tr("%1 a year (%2 of %3 red pens)")
                                         .arg(QString::fromStdString(model::formatMoney(
                                             m->redPenCostPerYear, project.props.currency)))
                                         .arg(m->redPensCosted)
                                         .arg(map->redPens.size()));
    setValue(QStringLiteral("wip"),
             m->wip ? tr("%1 items").arg(number(*m->wip, 1)) : tr("no demand"));
}

} // namespace gemba::app
