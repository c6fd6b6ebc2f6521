#pragma once

#include "gemba/model/types.h"
#include "sheet_canvas.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QPointer>
#include <QWidget>
#include <atomic>
#include <functional>
#include <memory>

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QScrollArea;
class QSpinBox;
class QTimer;

namespace gemba::render {
class SimulationSheet;
}

namespace gemba::app {

class EditorDocument;

/// Map > Simulate…: a Monte Carlo of a map and, when asked, a discrete-event run of its flow,
/// alone or beside a what-if or another map (the future state). Runs in the background with a
/// progress bar and a Cancel button; the window stays usable. The result is a copy: editing
/// the map afterwards does not change it until the next run.
class SimulationView : public QDialog {
    Q_OBJECT

public:
    SimulationView(EditorDocument& document, model::Id map, QWidget* parent = nullptr);
    ~SimulationView() override;

    /// Starts a run with the settings shown; false (with the reason in the status line) when
    /// the settings cannot be used or a run is under way.
    bool run();
    void cancel();
    bool running() const;
    /// The sheet of the last finished run; null before one.
    std::shared_ptr<const render::SimulationSheet> sheet() const { return m_sheet; }
    QString status() const;

signals:
    /// A run ended: finished, cancelled or refused by the map.
    void runEnded();

private:
    struct Job;
    void fillMapLists(model::Id map);
    void finished();
    void exportPdf();
    /// Puts the last run's criticality on the map's canvas, or takes it off.
    void shadeMap(bool on);

    EditorDocument& m_document;
    QComboBox* m_map;
    QComboBox* m_against;
    QSpinBox* m_trials;
    QSpinBox* m_seed;
    QComboBox* m_distribution;
    QLineEdit* m_target;
    QCheckBox* m_des;
    QLineEdit* m_horizon;
    QLineEdit* m_warmup;
    QComboBox* m_arrivals;
    QLineEdit* m_whatIf;
    QPushButton* m_run;
    QPushButton* m_cancel;
    QPushButton* m_export;
    QCheckBox* m_shade;
    QProgressBar* m_progress;
    QLabel* m_status;
    QScrollArea* m_scroll;
    SheetCanvas* m_canvas;
    QTimer* m_poll;
    std::shared_ptr<Job> m_job;
    QFutureWatcher<void> m_watcher;
    std::shared_ptr<const render::SimulationSheet> m_sheet;
    QPointer<EditorDocument> m_documentGuard; ///< the document may go before the view
    model::Id m_shadedMap = model::kNoId;
};

/// The report of the simulated map (as it was when the run started) with the simulation as
/// its last section, as a PDF; an empty string, or what went wrong.
QString writeSimulationReport(const QString& path,
                              const std::shared_ptr<const render::SimulationSheet>& sheet);

/// The Map > Simulate… action: opens a simulation view of the current map.
QAction* simulationAction(EditorDocument& document, std::function<model::Id()> currentMap,
                          QWidget* parent);

} // namespace gemba::app
