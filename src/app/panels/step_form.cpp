#include "forms.h"
#include "gemba/model/names.h"
#include "gemba/model/units.h"

#include <QCheckBox>
#include <QDate>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QPushButton>
#include <QToolButton>
#include <array>
#include <limits>

namespace gemba::app::detail {

using model::Id;
using model::Step;

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

/// A small "×" button that removes one row of a list.
QToolButton* removeButton(const QString& tip) {
    auto* button = new QToolButton;
    button->setText(QStringLiteral("\u00d7"));
    button->setToolTip(tip);
    button->setAccessibleName(tip);
    button->setAutoRaise(true);
    return button;
}

/// A button on the left of its own row, its natural width.
QWidget* buttonRow(QPushButton* button) {
    auto* row = new QWidget;
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(button);
    layout->addStretch(1);
    return row;
}

/// A measured figure's field: a value typed over the measured one marks the figure as set by
/// hand (model::markSetByHand), so that it is no longer shown as measured.
Access<Step, std::optional<double>> setByHand(std::optional<double> Step::*field,
                                              model::Figure figure) {
    return {[field](const Step& s) { return s.*field; },
            [field, figure](Step& s, const std::optional<double>& v) {
                if (s.*field == v)
                    return;
                s.*field = v;
                model::markSetByHand(s, figure);
            }};
}

void retire(QGridLayout* grid, const std::vector<QWidget*>& widgets) {
    // deleteLater: the widget may be the one whose signal led here.
    for (QWidget* widget : widgets) {
        grid->removeWidget(widget);
        widget->hide();
        widget->deleteLater();
    }
}

int narrowWidth(const QWidget* widget, const char* sample) {
    return widget->fontMetrics().horizontalAdvance(QString::fromLatin1(sample)) + 16;
}

} // namespace

void Forms::step(FormBuilder& b, Id map, Id id) {
    EditorDocument& document = b.document();
    const Record<Step> rec = elementRecord<Step>(document, map, id);

    b.section(QStringLiteral("step"), tr("Step"));
    b.text(QStringLiteral("name"), tr("Name"), rec, member(&Step::name),
           tr("A step needs a name."));
    b.text(QStringLiteral("role"), tr("Role or team"), rec, member(&Step::role))
        ->setPlaceholderText(tr("who does it"));
    b.spin(QStringLiteral("headcount"), tr("Headcount"), rec, member(&Step::headcount),
           [](SpinEdit* spin) {
               spin->setRange(0, 999);
               spin->setSingleStep(1);
               spin->setHint(tr("People working on one item at a time."));
               spin->setCheck([](double v) {
                   return v > 0 ? QString() : tr("The headcount must be more than 0.");
               });
           });
    b.combo(QStringLiteral("value"), tr("Value"), rec, member(&Step::value),
            std::vector<std::pair<model::ValueClass, QString>>{
                {model::ValueClass::ValueAdding, tr("Value-adding")},
                {model::ValueClass::NecessaryNonValueAdding, tr("Necessary, not value-adding")},
                {model::ValueClass::Waste, tr("Waste")}});
    b.textArea(QStringLiteral("description"), tr("Description"), rec, member(&Step::description));

    b.section(QStringLiteral("people"), tr("People and systems"));
    b.checkList(
        QStringLiteral("people"), tr("People"), rec, member(&Step::people),
        [&document] { return peopleEntries(document.project()); },
        tr("No people yet: add them under People & Systems."));
    b.checkList(
        QStringLiteral("systems"), tr("Systems"), rec, member(&Step::systems),
        [&document] { return systemEntries(document.project()); },
        tr("No systems yet: add them under People & Systems."));

    b.section(QStringLiteral("times"), tr("Times"));
    b.duration(QStringLiteral("processTime"), tr("Process time"), rec,
               setByHand(&Step::processTime, model::Figure::ProcessTime), tr("not given"))
        ->setHint(tr("Hands-on time for one item, with its unit: 30 min, 2 h, 1.5 d."));
    b.setDetached(true);
    auto* minimum = b.duration(QStringLiteral("processTimeMin"), tr("Shortest process time"), rec,
                               member(&Step::processTimeMin), tr("shortest"));
    auto* maximum = b.duration(QStringLiteral("processTimeMax"), tr("Longest process time"), rec,
                               member(&Step::processTimeMax), tr("longest"));
    b.setDetached(false);
    auto* range = new QWidget;
    auto* rangeLayout = new QHBoxLayout(range);
    rangeLayout->setContentsMargins(0, 0, 0, 0);
    rangeLayout->setSpacing(4);
    rangeLayout->addWidget(minimum, 1);
    rangeLayout->addWidget(new QLabel(tr("to")));
    rangeLayout->addWidget(maximum, 1);
    b.addRow(tr("Range"), range);
    b.duration(QStringLiteral("cycleTime"), tr("Cycle time (C/T)"), rec, member(&Step::cycleTime),
               tr("PT ÷ headcount ÷ uptime"))
        ->setHint(tr("Interval between two finished items. Empty: process time ÷ headcount ÷ "
                     "uptime."));
    b.duration(QStringLiteral("leadTime"), tr("Lead time"), rec,
               setByHand(&Step::leadTime, model::Figure::LeadTime), tr("same as process time"))
        ->setHint(tr("Elapsed time from work available to work passed on. Empty: the same as "
                     "the process time."));

    b.section(QStringLiteral("quality"), tr("Quality and batches"));
    const auto percent = [](double min, bool minInclusive) {
        return [min, minInclusive](NumberEdit* edit) {
            edit->setPercent(true);
            edit->setRange(min, minInclusive, 100, true);
        };
    };
    b.number(QStringLiteral("pca"), tr("%C&A"), rec, member(&Step::pca), percent(0, false),
             tr("not given (counts as 100%)"))
        ->setHint(tr("Percent complete and accurate: the share of this step's output the next "
                     "step can use as it is."));
    b.number(QStringLiteral("uptime"), tr("Uptime"), rec, member(&Step::uptime), percent(0, false),
             tr("not given (100%)"));
    breakdowns(b, rec);
    b.number(QStringLiteral("defectRate"), tr("Defect rate"), rec, member(&Step::defectRate),
             percent(0, true), tr("not given"));
    b.number(
        QStringLiteral("batchSize"), tr("Batch size"), rec, member(&Step::batchSize),
        [](NumberEdit* edit) { edit->setRange(0, false, kInfinity, true); }, tr("not given"));
    b.duration(QStringLiteral("changeover"), tr("Changeover (C/O)"), rec, member(&Step::changeover),
               tr("not given"));

    wastes(b, rec);
    frictions(b, rec);
    artifacts(b, rec);
    sources(b, rec);
    measurement(b, rec);
}

void Forms::measurement(FormBuilder& b, const Record<Step>& rec) {
    Section* section = b.section(QStringLiteral("measurement"), tr("Measured distribution"));
    auto* table = new QLabel;
    table->setObjectName(QStringLiteral("measurement"));
    table->setTextFormat(Qt::RichText);
    table->setWordWrap(true);
    table->setTextInteractionFlags(Qt::TextSelectableByMouse);
    b.addRow(table);
    const EditorDocument& document = b.document();
    b.onRefresh([rec, table, section, &document] {
        const Step* s = rec.read();
        const bool measured = s && s->measurement;
        section->setVisible(measured);
        if (!measured)
            return;
        const model::StepMeasurement& m = *s->measurement;
        const model::Calendar& calendar = document.project().props.calendar;
        const auto time = [&calendar](double seconds) {
            return QString::fromStdString(model::formatDuration(seconds, calendar)).toHtmlEscaped();
        };
        QString html = QStringLiteral("<table cellspacing='0' cellpadding='2'><tr><th></th>"
                                      "<th align='right'>n</th><th align='right'>P50</th>"
                                      "<th align='right'>P85</th><th align='right'>P95</th>"
                                      "<th align='right'>min–max</th><th align='right'>mean</th>"
                                      "</tr>");
        const std::pair<QString, const model::Distribution*> rows[] = {
            {tr("Process time"), &m.processTime},
            {tr("Lead time"), &m.leadTime},
            {tr("Wait before"), &m.waitBefore}};
        for (const auto& [name, d] : rows)
            html +=
                QStringLiteral("<tr><td>%1</td><td align='right'>%2</td><td "
                               "align='right'><b>%3</b></td><td align='right'>%4</td><td "
                               "align='right'>%5</td><td align='right'>%6–%7</td><td "
                               "align='right'>%8</td></tr>")
                    .arg(name.toHtmlEscaped(),
                         QString::fromStdString(model::formatCount(static_cast<double>(d->count))),
                         time(d->p50), time(d->p85), time(d->p95), time(d->min), time(d->max),
                         time(d->mean));
        html += QStringLiteral("</table><p>") +
                tr("Measured from %1; %2 items.")
                    .arg(QString::fromStdString(m.provenance).toHtmlEscaped())
                    .arg(QString::fromStdString(model::formatCount(static_cast<double>(m.items))));
        // Which figures of the step are the measured ones, and which were set by hand since.
        for (const auto& [figure, name] :
             {std::pair{model::Figure::ProcessTime, tr("process time")},
              std::pair{model::Figure::LeadTime, tr("lead time")}}) {
            html += QStringLiteral("<br>");
            html += model::measuredDistribution(*s, figure)
                        ? tr("The %1 is the measured P50.").arg(name)
                        : tr("The %1 is not the measured one (set by hand).").arg(name);
        }
        table->setText(html + QStringLiteral("</p>"));
    });
}

void Forms::breakdowns(FormBuilder& b, const Record<Step>& rec) {
    using model::Breakdown;
    // Either time sets the breakdowns; clearing the time between failures removes them.
    const Access<Step, std::optional<double>> mtbf{
        [](const Step& s) {
            return s.breakdown ? std::optional<double>(s.breakdown->mtbf) : std::nullopt;
        },
        [](Step& s, const std::optional<double>& v) {
            if (!v)
                s.breakdown.reset();
            else
                s.breakdown.emplace(s.breakdown.value_or(Breakdown{})).mtbf = *v;
        }};
    const Access<Step, std::optional<double>> mttr{
        [](const Step& s) {
            return s.breakdown ? std::optional<double>(s.breakdown->mttr) : std::nullopt;
        },
        [](Step& s, const std::optional<double>& v) {
            if (v)
                s.breakdown.emplace(s.breakdown.value_or(Breakdown{})).mttr = *v;
            else if (s.breakdown)
                s.breakdown->mttr = 0;
        }};
    b.setDetached(true);
    auto* between =
        b.duration(QStringLiteral("mtbf"), tr("Mean time between failures"), rec, mtbf, tr("MTBF"));
    auto* repair =
        b.duration(QStringLiteral("mttr"), tr("Mean time to repair"), rec, mttr, tr("MTTR"));
    b.setDetached(false);
    const QString hint = tr("Breakdowns for the simulation: working time between failures and "
                            "time to repair. Without an uptime, the uptime is MTBF ÷ (MTBF + "
                            "MTTR).");
    between->setHint(hint);
    repair->setHint(hint);
    auto* row = new QWidget;
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(between, 1);
    layout->addWidget(new QLabel(tr("repair")));
    layout->addWidget(repair, 1);
    b.addRow(tr("Breakdowns"), row);
}

void Forms::wastes(FormBuilder& b, const Record<Step>& rec) {
    Section* section = b.section(QStringLiteral("waste"), tr("Waste"), false);
    using model::WasteKind;
    const std::array<std::pair<WasteKind, QString>, 8> kinds{{
        {WasteKind::Defects, tr("Defects")},
        {WasteKind::Waiting, tr("Waiting")},
        {WasteKind::Overproduction, tr("Overproduction")},
        {WasteKind::OverProcessing, tr("Over-processing")},
        {WasteKind::HandoffsTransport, tr("Handoffs, transport")},
        {WasteKind::MotionTaskSwitching, tr("Motion, switching")},
        {WasteKind::Inventory, tr("Inventory")},
        {WasteKind::UnusedTalent, tr("Unused talent")},
    }};
    auto* box = new QWidget;
    auto* grid = new QGridLayout(box);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setVerticalSpacing(2);
    std::vector<std::pair<unsigned, QCheckBox*>> boxes;
    SweepGesture& sweep = b.sweep();
    for (std::size_t i = 0; i < kinds.size(); ++i) {
        auto* check = new QCheckBox(kinds[i].second);
        check->setObjectName(QStringLiteral("waste_") +
                             QString::fromUtf8(model::nameOf(kinds[i].first)));
        const unsigned bit = static_cast<unsigned>(kinds[i].first);
        const QString label = kinds[i].second;
        QObject::connect(check, &QCheckBox::clicked, check, [rec, &sweep, bit, label](bool on) {
            change(sweep, rec, tr("Waste: %1").arg(label),
                   [bit, on](Step& s) { s.wastes = on ? (s.wastes | bit) : (s.wastes & ~bit); });
        });
        grid->addWidget(check, static_cast<int>(i / 2), static_cast<int>(i % 2));
        boxes.emplace_back(bit, check);
    }
    b.addRow(box);
    b.onRefresh([rec, boxes, section] {
        const Step* s = rec.read();
        if (!s)
            return;
        int marked = 0;
        for (const auto& [bit, check] : boxes) {
            check->setChecked((s->wastes & bit) != 0);
            marked += (s->wastes & bit) != 0;
        }
        section->setTitle(marked ? tr("Waste (%1)").arg(marked) : tr("Waste"));
    });
}

void Forms::frictions(FormBuilder& b, const Record<Step>& rec) {
    Section* section = b.section(QStringLiteral("frictions"), tr("Frictions"), false);
    auto* box = new QWidget;
    box->setObjectName(QStringLiteral("frictions"));
    auto* grid = new QGridLayout(box);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(4);
    grid->setVerticalSpacing(2);
    grid->setColumnStretch(0, 1);
    auto* headWhat = new QLabel(tr("What"));
    auto* headMinutes = new QLabel(tr("Min each"));
    headMinutes->setToolTip(tr("Minutes lost each time it happens."));
    auto* headTimes = new QLabel(tr("Per week"));
    headTimes->setToolTip(tr("How many times a week it happens."));
    grid->addWidget(headWhat, 0, 0);
    grid->addWidget(headMinutes, 0, 1);
    grid->addWidget(headTimes, 0, 2);
    b.addRow(box);
    auto* add = new QPushButton(tr("Add friction"));
    add->setObjectName(QStringLiteral("addFriction"));
    b.addRow(buttonRow(add));

    struct Row {
        FieldLineEdit* what;
        NumberEdit* minutes;
        NumberEdit* perWeek;
        QToolButton* remove;
    };
    auto rows = std::make_shared<std::vector<Row>>();
    SweepGesture& sweep = b.sweep();
    const QString what = tr("Friction");

    const auto makeRow = [rec, &sweep, grid, what](std::size_t i) {
        Row row{new FieldLineEdit, new NumberEdit, new NumberEdit,
                removeButton(tr("Remove this friction"))};
        row.what->setObjectName(QStringLiteral("frictionWhat%1").arg(i));
        row.what->setPlaceholderText(tr("what gets in the way"));
        row.what->setAccessibleName(tr("Friction %1").arg(i + 1));
        row.what->setTextCheck([](const QString& t) {
            return t.trimmed().isEmpty() ? tr("Say what the friction is, or remove it.")
                                         : QString();
        });
        for (NumberEdit* number : {row.minutes, row.perWeek}) {
            number->setOptional(false);
            number->setRange(0, true, kInfinity, true);
            number->setMaximumWidth(narrowWidth(number, "00000.0"));
        }
        row.minutes->setObjectName(QStringLiteral("frictionMinutes%1").arg(i));
        row.minutes->setAccessibleName(tr("Minutes each time"));
        row.perWeek->setObjectName(QStringLiteral("frictionPerWeek%1").arg(i));
        row.perWeek->setAccessibleName(tr("Times per week"));

        QObject::connect(row.what, &FieldLineEdit::committed, row.what,
                         [rec, &sweep, i, what, edit = row.what] {
                             const std::string text = edit->text().trimmed().toStdString();
                             change(sweep, rec, what, [i, &text](Step& s) {
                                 if (i < s.frictions.size())
                                     s.frictions[i].what = text;
                             });
                         });
        const auto bindNumber = [&](NumberEdit* edit, double model::Friction::*field) {
            QObject::connect(edit, &FieldLineEdit::committed, edit,
                             [rec, &sweep, i, what, edit, field] {
                                 const double value = edit->value().value_or(0);
                                 change(sweep, rec, what, [i, value, field](Step& s) {
                                     if (i < s.frictions.size())
                                         s.frictions[i].*field = value;
                                 });
                             });
        };
        bindNumber(row.minutes, &model::Friction::minutesPerOccurrence);
        bindNumber(row.perWeek, &model::Friction::occurrencesPerWeek);
        QObject::connect(row.remove, &QToolButton::clicked, row.remove, [rec, &sweep, i] {
            change(sweep, rec, tr("Remove friction"), [i](Step& s) {
                if (i < s.frictions.size())
                    s.frictions.erase(s.frictions.begin() + static_cast<std::ptrdiff_t>(i));
            });
        });
        const int gridRow = static_cast<int>(i) + 1;
        grid->addWidget(row.what, gridRow, 0);
        grid->addWidget(row.minutes, gridRow, 1);
        grid->addWidget(row.perWeek, gridRow, 2);
        grid->addWidget(row.remove, gridRow, 3);
        return row;
    };

    b.onRefresh([rec, rows, grid, makeRow, section, headWhat, headMinutes, headTimes] {
        const Step* s = rec.read();
        if (!s)
            return;
        const std::size_t n = s->frictions.size();
        while (rows->size() > n) {
            const Row r = rows->back();
            rows->pop_back();
            retire(grid, {r.what, r.minutes, r.perWeek, r.remove});
        }
        while (rows->size() < n)
            rows->push_back(makeRow(rows->size()));
        for (std::size_t i = 0; i < n; ++i) {
            const model::Friction& f = s->frictions[i];
            (*rows)[i].what->showModelText(QString::fromStdString(f.what));
            (*rows)[i].what->setHint(QString::fromStdString(f.what)); // the narrow field cuts it
            (*rows)[i].minutes->setValue(f.minutesPerOccurrence);
            (*rows)[i].perWeek->setValue(f.occurrencesPerWeek);
        }
        for (QLabel* head : {headWhat, headMinutes, headTimes})
            head->setVisible(n > 0);
        section->setTitle(n ? tr("Frictions (%1)").arg(n) : tr("Frictions"));
    });

    QObject::connect(add, &QPushButton::clicked, add, [rec, &sweep, rows] {
        change(sweep, rec, tr("Add friction"),
               [](Step& s) { s.frictions.push_back(model::Friction{}); });
        // The refresh that the edit caused made the row: type into it at once.
        if (!rows->empty())
            rows->back().what->setFocus();
    });
}

void Forms::artifacts(FormBuilder& b, const Record<Step>& rec) {
    Section* section = b.section(QStringLiteral("artifacts"), tr("Artifacts"), false);
    auto* box = new QWidget;
    box->setObjectName(QStringLiteral("artifacts"));
    auto* grid = new QGridLayout(box);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(4);
    grid->setVerticalSpacing(2);
    grid->setColumnStretch(0, 1);
    b.addRow(box);
    auto* add = new QPushButton(tr("Add artifact"));
    add->setObjectName(QStringLiteral("addArtifact"));
    b.addRow(buttonRow(add));

    struct Row {
        FieldLineEdit* name;
        QToolButton* remove;
    };
    auto rows = std::make_shared<std::vector<Row>>();
    SweepGesture& sweep = b.sweep();

    const auto makeRow = [rec, &sweep, grid](std::size_t i) {
        Row row{new FieldLineEdit, removeButton(tr("Remove this artifact"))};
        row.name->setObjectName(QStringLiteral("artifact%1").arg(i));
        row.name->setAccessibleName(tr("Artifact %1").arg(i + 1));
        row.name->setPlaceholderText(tr("what the step produces"));
        row.name->setTextCheck([](const QString& t) {
            return t.trimmed().isEmpty() ? tr("Name the artifact, or remove it.") : QString();
        });
        QObject::connect(row.name, &FieldLineEdit::committed, row.name,
                         [rec, &sweep, i, edit = row.name] {
                             const std::string text = edit->text().trimmed().toStdString();
                             change(sweep, rec, tr("Artifact"), [i, &text](Step& s) {
                                 if (i < s.artifacts.size())
                                     s.artifacts[i] = text;
                             });
                         });
        QObject::connect(row.remove, &QToolButton::clicked, row.remove, [rec, &sweep, i] {
            change(sweep, rec, tr("Remove artifact"), [i](Step& s) {
                if (i < s.artifacts.size())
                    s.artifacts.erase(s.artifacts.begin() + static_cast<std::ptrdiff_t>(i));
            });
        });
        grid->addWidget(row.name, static_cast<int>(i), 0);
        grid->addWidget(row.remove, static_cast<int>(i), 1);
        return row;
    };

    b.onRefresh([rec, rows, grid, makeRow, section] {
        const Step* s = rec.read();
        if (!s)
            return;
        const std::size_t n = s->artifacts.size();
        while (rows->size() > n) {
            const Row r = rows->back();
            rows->pop_back();
            retire(grid, {r.name, r.remove});
        }
        while (rows->size() < n)
            rows->push_back(makeRow(rows->size()));
        for (std::size_t i = 0; i < n; ++i)
            (*rows)[i].name->showModelText(QString::fromStdString(s->artifacts[i]));
        section->setTitle(n ? tr("Artifacts (%1)").arg(n) : tr("Artifacts"));
    });

    QObject::connect(add, &QPushButton::clicked, add, [rec, &sweep, rows] {
        change(sweep, rec, tr("Add artifact"), [](Step& s) { s.artifacts.emplace_back(); });
        if (!rows->empty())
            rows->back().name->setFocus();
    });
}

void Forms::sources(FormBuilder& b, const Record<Step>& rec) {
    Section* section =
        b.section(QStringLiteral("sources"), tr("Where the figures came from"), false);
    using model::Figure;
    struct FigureRow {
        Figure figure;
        QString shortName;
        QString name;
    };
    const std::array<FigureRow, 8> figures{{
        {Figure::ProcessTime, tr("PT"), tr("Process time")},
        {Figure::CycleTime, tr("C/T"), tr("Cycle time")},
        {Figure::LeadTime, tr("LT"), tr("Lead time")},
        {Figure::Pca, tr("%C&A"), tr("Percent complete and accurate")},
        {Figure::BatchSize, tr("Batch"), tr("Batch size")},
        {Figure::Changeover, tr("C/O"), tr("Changeover")},
        {Figure::Uptime, tr("Uptime"), tr("Uptime")},
        {Figure::DefectRate, tr("Defects"), tr("Defect rate")},
    }};
    auto* box = new QWidget;
    box->setObjectName(QStringLiteral("sources"));
    auto* grid = new QGridLayout(box);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(4);
    grid->setVerticalSpacing(2);
    grid->setColumnStretch(2, 1);
    grid->addWidget(new QLabel(tr("Basis")), 0, 1);
    grid->addWidget(new QLabel(tr("Source")), 0, 2);
    grid->addWidget(new QLabel(tr("Date")), 0, 3);
    b.addRow(box);

    const std::vector<std::pair<model::Basis, QString>> bases{
        {model::Basis::Unknown, tr("Unknown")},
        {model::Basis::Measured, tr("Measured")},
        {model::Basis::Estimated, tr("Estimated")}};
    struct Row {
        Figure figure;
        QComboBox* basis;
        FieldLineEdit* source;
        FieldLineEdit* date;
    };
    std::vector<Row> rows;
    SweepGesture& sweep = b.sweep();
    // Changes one figure's source; a source back to "unknown, nobody, no date" is dropped.
    const auto edit = [rec, &sweep](Figure figure, const QString& what, auto&& apply) {
        change(sweep, rec, what, [&](Step& s) {
            model::Source source;
            if (const auto it = s.sources.find(figure); it != s.sources.end())
                source = it->second;
            apply(source);
            if (source == model::Source{})
                s.sources.erase(figure);
            else
                s.sources[figure] = source;
        });
    };
    for (std::size_t i = 0; i < figures.size(); ++i) {
        const FigureRow& f = figures[i];
        const QString key = QString::fromUtf8(model::nameOf(f.figure));
        Row row{f.figure, new QComboBox, new FieldLineEdit, new FieldLineEdit};
        auto* label =
            new QLabel(QString(f.shortName).replace(QLatin1Char('&'), QStringLiteral("&&")));
        label->setToolTip(f.name);
        label->setBuddy(row.basis);
        for (const auto& [basis, text] : bases)
            row.basis->addItem(text);
        makeCompact(row.basis);
        row.basis->setObjectName(QStringLiteral("basis_") + key);
        row.basis->setAccessibleName(tr("How the %1 was obtained").arg(f.name.toLower()));
        row.source->setObjectName(QStringLiteral("source_") + key);
        row.source->setAccessibleName(tr("Source of the %1").arg(f.name.toLower()));
        row.source->setPlaceholderText(tr("who or what"));
        row.date->setObjectName(QStringLiteral("date_") + key);
        row.date->setAccessibleName(tr("Date of the %1").arg(f.name.toLower()));
        row.date->setPlaceholderText(tr("YYYY-MM-DD"));
        row.date->setMaximumWidth(narrowWidth(row.date, "0000-00-00"));
        row.date->setTextCheck([](const QString& t) {
            const QString date = t.trimmed();
            return date.isEmpty() || QDate::fromString(date, Qt::ISODate).isValid()
                       ? QString()
                       : tr("'%1' is not a date: write it as YYYY-MM-DD.").arg(date);
        });
        const QString what = tr("Source of %1").arg(f.name.toLower());
        QObject::connect(row.basis, &QComboBox::activated, row.basis,
                         [edit, bases, figure = f.figure, what](int index) {
                             if (index < 0 || index >= static_cast<int>(bases.size()))
                                 return;
                             const model::Basis basis = bases[index].first;
                             edit(figure, what, [basis](model::Source& s) { s.basis = basis; });
                         });
        QObject::connect(row.source, &FieldLineEdit::committed, row.source,
                         [edit, figure = f.figure, what, field = row.source] {
                             const std::string text = field->text().trimmed().toStdString();
                             edit(figure, what, [&text](model::Source& s) { s.source = text; });
                         });
        QObject::connect(row.date, &FieldLineEdit::committed, row.date,
                         [edit, figure = f.figure, what, field = row.date] {
                             const std::string text = field->text().trimmed().toStdString();
                             edit(figure, what, [&text](model::Source& s) { s.date = text; });
                         });
        const int gridRow = static_cast<int>(i) + 1;
        grid->addWidget(label, gridRow, 0);
        grid->addWidget(row.basis, gridRow, 1);
        grid->addWidget(row.source, gridRow, 2);
        grid->addWidget(row.date, gridRow, 3);
        rows.push_back(row);
    }
    b.onRefresh([rec, rows, bases, section] {
        const Step* s = rec.read();
        if (!s)
            return;
        for (const Row& row : rows) {
            model::Source source;
            if (const auto it = s->sources.find(row.figure); it != s->sources.end())
                source = it->second;
            for (std::size_t i = 0; i < bases.size(); ++i)
                if (bases[i].first == source.basis)
                    row.basis->setCurrentIndex(static_cast<int>(i));
            row.source->showModelText(QString::fromStdString(source.source));
            row.date->showModelText(QString::fromStdString(source.date));
        }
        const auto n = static_cast<int>(s->sources.size());
        section->setTitle(n ? tr("Where the figures came from (%1)").arg(n)
                            : tr("Where the figures came from"));
    });
}

} // namespace gemba::app::detail
