#include "event_import_dialog.h"

#include "gemba/model/units.h"
#include "gemba/store/events.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace gemba::app {

namespace {

QString hours(double seconds) {
    return QString::fromStdString(model::formatNumber(seconds / 3600.0) + " h");
}

QTableWidgetItem* cell(const QString& text) {
    auto* item = new QTableWidgetItem(text);
    item->setFlags(item->flags() & ~Qt::ItemIsEditable);
    return item;
}

} // namespace

EventImportDialog::EventImportDialog(const EventSource& source, const model::Project& project,
                                     QWidget* parent)
    : QDialog(parent)
    , m_source(source)
    , m_mapping(project.props.eventMapping)
    , m_hours(project.props.workingHours) {
    setWindowTitle(tr("Import Event Log – %1").arg(QFileInfo(source.path).fileName()));
    setObjectName(QStringLiteral("eventImportDialog"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    m_format = new QComboBox;
    m_format->addItem(tr("Event CSV (one row per event)"),
                      static_cast<int>(store::EventFormat::Csv));
    m_format->addItem(tr("Status history CSV (one row per change)"),
                      static_cast<int>(store::EventFormat::StatusHistory));
    m_format->addItem(tr("XES (IEEE 1849)"), static_cast<int>(store::EventFormat::Xes));
    m_format->setCurrentIndex(m_format->findData(static_cast<int>(source.format)));
    form->addRow(tr("Format"), m_format);
    m_columns = new QLineEdit(QString::fromStdString(store::eventColumnsText(source.columns)));
    m_columns->setObjectName(QStringLiteral("eventColumns"));
    m_columns->setPlaceholderText(
        tr("default names; or item=Key, activity=Status, timestamp=When"));
    form->addRow(tr("Columns"), m_columns);
    m_dateOrder = new QComboBox;
    m_dateOrder->addItem(tr("ISO dates only (2026-03-04)"));
    m_dateOrder->addItem(tr("Day first (04/03/2026 is 4 March)"));
    m_dateOrder->addItem(tr("Month first (04/03/2026 is 3 April)"));
    m_dateOrder->setCurrentIndex(static_cast<int>(source.dateOrder));
    form->addRow(tr("Dates"), m_dateOrder);
    m_hoursText = new QLineEdit(QString::fromStdString(model::formatWorkingHours(m_hours)));
    m_hoursText->setObjectName(QStringLiteral("eventWorkingHours"));
    form->addRow(tr("Working hours"), m_hoursText);
    m_minShare = new QDoubleSpinBox;
    m_minShare->setObjectName(QStringLiteral("eventMinShare"));
    m_minShare->setRange(0, 50);
    m_minShare->setDecimals(1);
    m_minShare->setSuffix(QStringLiteral(" %"));
    m_minShare->setValue(2);
    form->addRow(tr("Fold routes below"), m_minShare);
    m_mapName = new QLineEdit(tr("Measured state"));
    m_mapName->setObjectName(QStringLiteral("eventMapName"));
    form->addRow(tr("New map"), m_mapName);
    layout->addLayout(form);

    auto* read = new QPushButton(tr("&Read Log"));
    read->setObjectName(QStringLiteral("eventReadButton"));
    auto* preview = new QPushButton(tr("&Update Preview"));
    preview->setObjectName(QStringLiteral("eventPreviewButton"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(read);
    buttons->addWidget(preview);
    buttons->addStretch();
    layout->addLayout(buttons);
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("eventStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);

    auto* tabs = new QTabWidget;
    m_states = new QTableWidget(0, 4);
    m_states->setObjectName(QStringLiteral("eventStates"));
    m_states->setHorizontalHeaderLabels(
        {tr("Activity or status"), tr("Is"), tr("Step"), tr("Role")});
    m_states->horizontalHeader()->setStretchLastSection(true);
    tabs->addTab(m_states, tr("Status mapping"));
    auto* previewPage = new QWidget;
    auto* previewLayout = new QVBoxLayout(previewPage);
    m_steps = new QTableWidget(0, 9);
    m_steps->setObjectName(QStringLiteral("eventPreviewSteps"));
    m_steps->setHorizontalHeaderLabels({tr("Step"), tr("Visits"), tr("PT P50"), tr("PT P85"),
                                        tr("LT P50"), tr("LT P85"), tr("Wait P50"), tr("%C&A est."),
                                        tr("")});
    previewLayout->addWidget(m_steps, 3);
    m_notes = new QPlainTextEdit;
    m_notes->setObjectName(QStringLiteral("eventNotes"));
    m_notes->setReadOnly(true);
    previewLayout->addWidget(m_notes, 1);
    tabs->addTab(previewPage, tr("Preview"));
    m_periods = new QTableWidget(0, 6);
    m_periods->setObjectName(QStringLiteral("eventPeriods"));
    m_periods->setHorizontalHeaderLabels({tr("Week of"), tr("Finished"), tr("LT P50"), tr("LT P85"),
                                          tr("WIP at end"), tr("Flow efficiency")});
    tabs->addTab(m_periods, tr("Flow over time"));
    layout->addWidget(tabs, 1);

    auto* box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_accept = box->button(QDialogButtonBox::Ok);
    m_accept->setText(tr("Add Map"));
    m_accept->setObjectName(QStringLiteral("eventAddMapButton"));
    m_accept->setEnabled(false);
    layout->addWidget(box);
    connect(box, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(read, &QPushButton::clicked, this, [this] { readLog(); });
    connect(preview, &QPushButton::clicked, this, [this] {
        if (m_read)
            updatePreview();
    });
    resize(900, 640);
}

QString EventImportDialog::errorText() const {
    return m_status->text();
}

bool EventImportDialog::readLog() {
    m_read = false;
    m_report.reset();
    m_accept->setEnabled(false);
    const auto parsedHours = model::parseWorkingHours(m_hoursText->text().toStdString());
    if (!parsedHours.ok()) {
        m_status->setText(tr("Working hours: %1").arg(QString::fromStdString(parsedHours.error())));
        return false;
    }
    m_hours = parsedHours.value();
    const auto columns = store::parseEventColumns(m_columns->text().toStdString());
    if (!columns.ok()) {
        m_status->setText(tr("Columns: %1").arg(QString::fromStdString(columns.error())));
        return false;
    }
    m_source.columns = columns.value();
    m_source.dateOrder = static_cast<store::DateOrder>(m_dateOrder->currentIndex());
    m_source.format = static_cast<store::EventFormat>(m_format->currentData().toInt());
    try {
        m_log = store::readEventLogFile(m_source.path.toStdString(), m_source.format,
                                        m_source.readOptions(m_hours));
    } catch (const std::exception& e) {
        m_status->setText(QString::fromUtf8(e.what()));
        return false;
    }
    m_read = true;
    m_mapping = metrics::completeMapping(m_log, m_mapping);
    fillMappingTable();
    updatePreview();
    return m_report && m_report->itemsUsed > 0;
}

void EventImportDialog::fillMappingTable() {
    m_states->setRowCount(0);
    for (const std::string& name : m_log.activities) {
        const model::StateMapping& state = m_mapping.states.at(name);
        const int row = m_states->rowCount();
        m_states->insertRow(row);
        m_states->setItem(row, 0, cell(QString::fromStdString(name)));
        auto* kind = new QComboBox;
        for (const char* k : {"step", "wait", "done", "ignore"})
            kind->addItem(QString::fromLatin1(k));
        kind->setCurrentText(QString::fromLatin1(model::stateKindName(state.kind).data()));
        m_states->setCellWidget(row, 1, kind);
        m_states->setItem(row, 2, new QTableWidgetItem(QString::fromStdString(state.step)));
        m_states->setItem(row, 3, new QTableWidgetItem(QString::fromStdString(state.role)));
    }
    m_states->resizeColumnsToContents();
}

model::EventMapping EventImportDialog::mappingFromTable() const {
    model::EventMapping mapping;
    for (int row = 0; row < m_states->rowCount(); ++row) {
        model::StateMapping state;
        const auto* kind = qobject_cast<QComboBox*>(m_states->cellWidget(row, 1));
        model::stateKindFromName(kind->currentText().toStdString(), state.kind);
        state.step = m_states->item(row, 2)->text().trimmed().toStdString();
        state.role = m_states->item(row, 3)->text().trimmed().toStdString();
        mapping.states[m_states->item(row, 0)->text().toStdString()] = state;
    }
    return mapping;
}

void EventImportDialog::updatePreview() {
    m_mapping = mappingFromTable();
    // A map that measures nothing is not offered; the status line says why.
    metrics::FlowOptions options;
    options.minRouteShare = m_minShare->value() / 100.0;
    m_report = metrics::deriveFlow(m_log, m_mapping, m_hours, options);
    const metrics::FlowReport& r = *m_report;
    m_accept->setEnabled(r.itemsUsed > 0);
    m_status->setText(
        tr("%1. %2 finished, %3 in progress; lead time P50 %4, P85 %5 (working time); flow "
           "efficiency %6.")
            .arg(QString::fromStdString(r.provenance()))
            .arg(r.itemsFinished)
            .arg(r.itemsInProgress)
            .arg(hours(r.itemLeadTime.p50), hours(r.itemLeadTime.p85),
                 QString::fromStdString(model::formatPercent(r.flowEfficiency))));
    m_steps->setRowCount(0);
    for (const auto& s : r.steps) {
        const int row = m_steps->rowCount();
        m_steps->insertRow(row);
        const QStringList cells = {
            QString::fromStdString(s.name),
            QString::fromStdString(model::formatCount(static_cast<double>(s.visits))),
            hours(s.processTime.p50),
            hours(s.processTime.p85),
            hours(s.leadTime.p50),
            hours(s.leadTime.p85),
            hours(s.waitBefore.p50),
            QString::fromStdString(model::formatNumber(s.pcaEstimate, 1)) + QStringLiteral("%"),
            s.folded ? tr("folded") : QString()};
        for (int c = 0; c < cells.size(); ++c)
            m_steps->setItem(row, c, cell(cells[c]));
    }
    m_steps->resizeColumnsToContents();
    QStringList notes;
    for (const auto& [name, count] : r.unmapped)
        notes << tr("Unmapped: \"%1\" (%2 events), counted as waiting")
                     .arg(QString::fromStdString(name))
                     .arg(QString::fromStdString(model::formatCount(static_cast<double>(count))));
    for (const auto& note : r.notes)
        notes << QString::fromStdString(note);
    m_notes->setPlainText(notes.join(QLatin1Char('\n')));
    m_periods->setRowCount(0);
    for (const auto& p :
         metrics::flowOverTime(m_log, m_mapping, m_hours, metrics::FlowPeriod::Week, options)) {
        const int row = m_periods->rowCount();
        m_periods->insertRow(row);
        const QStringList cells = {
            QString::fromStdString(p.label),
            QString::fromStdString(model::formatCount(static_cast<double>(p.throughput))),
            hours(p.leadTime.p50),
            hours(p.leadTime.p85),
            QString::fromStdString(model::formatCount(static_cast<double>(p.wipAtEnd))),
            QString::fromStdString(model::formatPercent(p.flowEfficiency))};
        for (int c = 0; c < cells.size(); ++c)
            m_periods->setItem(row, c, cell(cells[c]));
    }
}

model::Map EventImportDialog::measuredMap(model::Id& nextId) const {
    const std::string name = m_mapName->text().trimmed().isEmpty()
                                 ? std::string("Measured state")
                                 : m_mapName->text().trimmed().toStdString();
    return metrics::measuredMap(*m_report, name, nextId);
}

} // namespace gemba::app
