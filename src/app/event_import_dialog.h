#pragma once

#include "event_source.h"
#include "gemba/metrics/flow.h"
#include "gemba/model/event_log.h"
#include "gemba/model/project.h"

#include <QDialog>
#include <optional>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace gemba::app {

/// File > Import > Event log: reads an event log with a column mapping, lets the user say
/// what each activity or status is (step, wait, done, ignore; several names may be one step),
/// and previews the measured map (per-step P50 and P85, unmapped names, folded routes) and the
/// flow over time before anything changes. The project changes only when the dialog is
/// accepted, through the edits MainWindow pushes with its result.
class EventImportDialog : public QDialog {
    Q_OBJECT
public:
    /// Opens with the format, columns and date order of `source` filled in.
    EventImportDialog(const EventSource& source, const gemba::model::Project& project,
                      QWidget* parent = nullptr);

    /// Reads the log with the columns and calendar shown; false (with the message shown in
    /// the dialog) when it cannot be read.
    bool readLog();
    /// Derives the preview from the log and the mapping in the table.
    void updatePreview();

    /// After acceptance: the measured map (ids from `nextId`), the mapping and working hours.
    gemba::model::Map measuredMap(gemba::model::Id& nextId) const;
    const gemba::model::EventMapping& mapping() const { return m_mapping; }
    const gemba::model::WorkingHours& workingHours() const { return m_hours; }
    const std::optional<gemba::metrics::FlowReport>& report() const { return m_report; }
    /// The log and how it was last read.
    const EventSource& source() const { return m_source; }
    QString errorText() const;

private:
    void fillMappingTable();
    gemba::model::EventMapping mappingFromTable() const;

    EventSource m_source;
    QComboBox* m_format = nullptr;
    QLineEdit* m_columns = nullptr;
    QComboBox* m_dateOrder = nullptr;
    QLineEdit* m_hoursText = nullptr;
    QDoubleSpinBox* m_minShare = nullptr;
    QLineEdit* m_mapName = nullptr;
    QLabel* m_status = nullptr;
    QTableWidget* m_states = nullptr;
    QTableWidget* m_steps = nullptr;
    QPlainTextEdit* m_notes = nullptr;
    QTableWidget* m_periods = nullptr;
    QPushButton* m_accept = nullptr;

    gemba::model::EventLog m_log;
    bool m_read = false;
    gemba::model::EventMapping m_mapping;
    gemba::model::WorkingHours m_hours;
    std::optional<gemba::metrics::FlowReport> m_report;
};

} // namespace gemba::app
