#pragma once

#include "event_source.h"
#include "gemba/metrics/flow.h"
#include "gemba/model/event_log.h"
#include "gemba/model/project.h"

#include <QDate>
#include <QDialog>
#include <QWidget>
#include <optional>
#include <vector>

class QAction;
class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QTableWidget;

namespace gemba::app {

class EditorDocument;

/// Paints the flow-over-time chart (render::paintFlowOverTime) at the widget's size.
class FlowChartWidget : public QWidget {
    Q_OBJECT
public:
    explicit FlowChartWidget(QWidget* parent = nullptr);
    void setPeriods(std::vector<metrics::PeriodFlow> periods, model::Calendar calendar);
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    std::vector<metrics::PeriodFlow> m_periods;
    model::Calendar m_calendar;
};

/// Map > Flow over Time…: an event log's flow per week or month (throughput, lead time P50 and
/// P85, work in process at the period's end, flow efficiency) as a table and a chart, with
/// filters by item type and arrival date. It reads the log with the project's working hours
/// and event mapping, and computes through metrics::flowOverTime with the same options as
/// `gemba-cli flow PROJECT LOG --type --from --to`, so the figures are the command's.
class FlowOverTimeView : public QDialog {
    Q_OBJECT
public:
    /// `projectPath`: the project's file, under which a log opened here is remembered.
    explicit FlowOverTimeView(const model::Project& project, const QString& projectPath = {},
                              QWidget* parent = nullptr);

    /// Reads a log as `source` says (a log chosen with Open Log… is read with the columns
    /// remembered for it, else with the usual names) and remembers it for the project; false,
    /// with the message in the status line, when it cannot be read.
    bool openLog(const EventSource& source);
    /// Sets the filters as a user would and computes again. Empty type: every type.
    void setFilters(metrics::FlowPeriod period, const QString& type, std::optional<QDate> from,
                    std::optional<QDate> to);
    /// Computes the periods for the filters shown and fills the table and the chart.
    void recompute();

    const std::vector<metrics::PeriodFlow>& periods() const { return m_periods; }
    QString status() const;

private:
    metrics::FlowOptions options() const;

    QString m_projectPath;
    model::WorkingHours m_hours;
    model::EventMapping m_savedMapping;
    model::Calendar m_calendar;
    model::EventLog m_log;
    model::EventMapping m_mapping;
    bool m_read = false;
    std::vector<metrics::PeriodFlow> m_periods;

    QLabel* m_file = nullptr;
    QComboBox* m_period = nullptr;
    QComboBox* m_type = nullptr;
    QCheckBox* m_fromOn = nullptr;
    QDateEdit* m_from = nullptr;
    QCheckBox* m_toOn = nullptr;
    QDateEdit* m_to = nullptr;
    QTableWidget* m_table = nullptr;
    FlowChartWidget* m_chart = nullptr;
    QLabel* m_status = nullptr;
};

/// The action that asks for an event log and opens a FlowOverTimeView on it.
QAction* flowOverTimeAction(EditorDocument& document, QWidget* parent);

} // namespace gemba::app
