#include "simulation_view.h"

#include "editor_document.h"
#include "gemba/metrics/simulation.h"
#include "gemba/model/units.h"
#include "gemba/render/export.h"
#include "gemba/render/report.h"
#include "gemba/render/simulation_sheet.h"
#include "panels/field_edits.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPainter>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>
#include <map>
#include <utility>

namespace gemba::app {

namespace {

QString qs(const std::string& text) {
    return QString::fromStdString(text);
}

} // namespace

/// Everything a run needs, copied on the window's thread, and what it produces; shared with
/// the worker thread, which touches nothing else.
struct SimulationView::Job {
    model::Project project;
    std::vector<render::SimulationRun> runs; ///< label and map filled before the run
    metrics::MonteCarloOptions monteCarlo;
    std::optional<metrics::DesOptions> des;
    std::atomic<bool> cancel{false};
    std::atomic<int> permille{0};
    QString problem; ///< set by the worker when a map could not be simulated

    void work() {
        const int parts = static_cast<int>(runs.size()) * (des ? 2 : 1);
        int done = 0;
        const auto control = [&] {
            metrics::RunControl c;
            c.cancel = &cancel;
            c.progress = [this, parts, done](double share) {
                permille = static_cast<int>(1000 * (done + std::clamp(share, 0.0, 1.0)) / parts);
            };
            return c;
        };
        for (render::SimulationRun& run : runs) {
            run.monteCarlo = metrics::runMonteCarlo(project, run.map, monteCarlo, control());
            ++done;
            if (cancel)
                return;
            if (!run.monteCarlo.valid) {
                for (const metrics::Finding& f : run.monteCarlo.findings)
                    if (f.severity == metrics::Severity::Error) {
                        problem = run.label + QStringLiteral(": ") + qs(f.message);
                        return;
                    }
            }
            if (des) {
                run.des = metrics::runDiscreteEvent(project, run.map, *des, control());
                ++done;
                if (cancel)
                    return;
                if (!run.des->valid)
                    for (const metrics::Finding& f : run.des->findings)
                        if (f.severity == metrics::Severity::Error) {
                            problem = run.label + QStringLiteral(": ") + qs(f.message);
                            return;
                        }
            }
        }
    }
};

SimulationView::SimulationView(EditorDocument& document, model::Id map, QWidget* parent)
    : QDialog(parent)
    , m_document(document)
    , m_map(new QComboBox(this))
    , m_against(new QComboBox(this))
    , m_trials(new CountSpinBox(this))
    , m_seed(new QSpinBox(this))
    , m_distribution(new QComboBox(this))
    , m_target(new QLineEdit(this))
    , m_des(new QCheckBox(tr("Discrete-event run of the flow"), this))
    , m_horizon(new QLineEdit(QStringLiteral("90 d"), this))
    , m_warmup(new QLineEdit(QStringLiteral("10 d"), this))
    , m_arrivals(new QComboBox(this))
    , m_whatIf(new QLineEdit(this))
    , m_run(new QPushButton(tr("&Run"), this))
    , m_cancel(new QPushButton(tr("Cancel run"), this))
    , m_export(new QPushButton(tr("Export Report PDF…"), this))
    , m_shade(new QCheckBox(tr("Shade the map by criticality"), this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
    , m_scroll(new QScrollArea(this))
    , m_canvas(new SheetCanvas(960))
    , m_poll(new QTimer(this))
    , m_documentGuard(&document) {
    setObjectName(QStringLiteral("simulationView"));
    m_canvas->setObjectName(QStringLiteral("simulationCanvas"));
    setWindowTitle(tr("Simulate"));
    setAttribute(Qt::WA_DeleteOnClose);
    resize(1100, 860);

    m_map->setObjectName(QStringLiteral("simulateMap"));
    m_against->setObjectName(QStringLiteral("simulateAgainst"));
    m_trials->setObjectName(QStringLiteral("simulateTrials"));
    m_trials->setRange(100, 1'000'000);
    m_trials->setSingleStep(1000);
    m_trials->setValue(10000);
    m_seed->setObjectName(QStringLiteral("simulateSeed"));
    m_seed->setRange(0, 999'999'999);
    m_seed->setValue(1);
    m_distribution->setObjectName(QStringLiteral("simulateDistribution"));
    m_distribution->addItem(tr("As the map says"), QString());
    m_distribution->addItem(tr("Triangular"), QStringLiteral("triangular"));
    m_distribution->addItem(tr("PERT"), QStringLiteral("pert"));
    m_target->setObjectName(QStringLiteral("simulateTarget"));
    m_target->setPlaceholderText(tr("e.g. 5 d (optional)"));
    m_des->setObjectName(QStringLiteral("simulateDes"));
    m_horizon->setObjectName(QStringLiteral("simulateHorizon"));
    m_warmup->setObjectName(QStringLiteral("simulateWarmup"));
    m_arrivals->setObjectName(QStringLiteral("simulateArrivals"));
    m_arrivals->addItem(tr("Random (Poisson)"));
    m_arrivals->addItem(tr("Regular"));
    m_whatIf->setObjectName(QStringLiteral("simulateWhatIf"));
    m_whatIf->setPlaceholderText(
        tr("Step:field=value; … (fields: %1)").arg(qs(std::string(metrics::whatIfFields()))));
    m_run->setObjectName(QStringLiteral("simulateRun"));
    m_cancel->setObjectName(QStringLiteral("simulateCancel"));
    m_export->setObjectName(QStringLiteral("simulateExport"));
    m_shade->setObjectName(QStringLiteral("simulateShade"));
    m_shade->setToolTip(tr("Shades each step of the map by the share of trials in which it lay "
                           "on the longest path. Editing the map takes the shading off."));
    m_progress->setObjectName(QStringLiteral("simulateProgress"));
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    m_status->setObjectName(QStringLiteral("simulateStatus"));
    m_status->setWordWrap(true);
    fillMapLists(map);

    auto* form = new QFormLayout;
    form->addRow(tr("Map:"), m_map);
    form->addRow(tr("Beside it:"), m_against);
    form->addRow(tr("What-if:"), m_whatIf);
    auto* monteCarlo = new QHBoxLayout;
    monteCarlo->addWidget(new QLabel(tr("Trials:")));
    monteCarlo->addWidget(m_trials);
    monteCarlo->addWidget(new QLabel(tr("Seed:")));
    monteCarlo->addWidget(m_seed);
    monteCarlo->addWidget(new QLabel(tr("Times:")));
    monteCarlo->addWidget(m_distribution);
    monteCarlo->addWidget(new QLabel(tr("Target lead time:")));
    monteCarlo->addWidget(m_target);
    form->addRow(tr("Monte Carlo:"), monteCarlo);
    auto* des = new QHBoxLayout;
    des->addWidget(m_des);
    des->addWidget(new QLabel(tr("Horizon:")));
    des->addWidget(m_horizon);
    des->addWidget(new QLabel(tr("Warm-up:")));
    des->addWidget(m_warmup);
    des->addWidget(new QLabel(tr("Arrivals:")));
    des->addWidget(m_arrivals);
    form->addRow(tr("Flow:"), des);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_run);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_progress, 1);
    buttons->addWidget(m_shade);
    buttons->addWidget(m_export);
    m_scroll->setWidget(m_canvas);
    m_scroll->setWidgetResizable(true);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_status);
    layout->addWidget(m_scroll, 1);

    m_cancel->setEnabled(false);
    m_export->setEnabled(false);
    m_shade->setEnabled(false);
    m_status->setText(tr("Choose the settings and press Run. The run does not block the editor."));
    connect(m_run, &QPushButton::clicked, this, [this] { run(); });
    connect(m_cancel, &QPushButton::clicked, this, &SimulationView::cancel);
    connect(m_export, &QPushButton::clicked, this, &SimulationView::exportPdf);
    connect(m_shade, &QCheckBox::toggled, this, &SimulationView::shadeMap);
    connect(&m_document, &EditorDocument::criticalityChanged, this, [this](model::Id map) {
        // The map changed (or another view shaded it): the box says what the canvas shows.
        if (map == m_shadedMap && !m_document.criticality(map)) {
            m_shadedMap = model::kNoId;
            const QSignalBlocker quiet(m_shade);
            m_shade->setChecked(false);
        }
    });
    connect(&m_watcher, &QFutureWatcher<void>::finished, this, &SimulationView::finished);
    m_poll->setInterval(50);
    connect(m_poll, &QTimer::timeout, this, [this] {
        if (m_job)
            m_progress->setValue(m_job->permille.load());
    });
    connect(&m_document, &EditorDocument::projectReset, this, [this] {
        cancel();
        fillMapLists(model::kNoId);
    });
}

SimulationView::~SimulationView() {
    // The worker reads only its job's copies; stop it and wait before the view goes.
    if (m_job)
        m_job->cancel = true;
    m_watcher.waitForFinished();
    // The shading belongs to this view's run.
    if (m_documentGuard && m_shadedMap != model::kNoId)
        m_documentGuard->clearCriticality(m_shadedMap);
}

void SimulationView::shadeMap(bool on) {
    if (m_shadedMap != model::kNoId) {
        const model::Id map = std::exchange(m_shadedMap, model::kNoId);
        m_document.clearCriticality(map);
    }
    if (!on || !m_sheet)
        return;
    // The first run is the map itself (a what-if or another map runs beside it).
    const render::SimulationRun& run = m_sheet->runs().front();
    if (!run.monteCarlo.valid || !m_document.map(run.map.id))
        return;
    std::map<model::Id, double> shares;
    for (const metrics::StepSimulation& step : run.monteCarlo.steps)
        shares[step.step] = step.criticality;
    m_shadedMap = run.map.id;
    m_document.setCriticality(run.map.id, std::move(shares));
}

void SimulationView::fillMapLists(model::Id map) {
    const model::Id keep = map != model::kNoId ? map : m_map->currentData().value<qulonglong>();
    m_map->clear();
    m_against->clear();
    m_against->addItem(tr("Nothing (or the what-if)"),
                       QVariant::fromValue<qulonglong>(model::kNoId));
    for (const model::Map& m : m_document.project().maps) {
        m_map->addItem(qs(m.props.name), QVariant::fromValue<qulonglong>(m.id));
        m_against->addItem(qs(m.props.name), QVariant::fromValue<qulonglong>(m.id));
    }
    m_map->setCurrentIndex(std::max(0, m_map->findData(QVariant::fromValue<qulonglong>(keep))));
}

bool SimulationView::running() const {
    // Until the window has taken the result (finished()), not merely until the worker returns:
    // a run that ends at once is still running for the caller that just started it.
    return m_job != nullptr;
}

QString SimulationView::status() const {
    return m_status->text();
}

bool SimulationView::run() {
    if (running()) {
        m_status->setText(tr("A run is under way: cancel it first."));
        return false;
    }
    const model::Project& project = m_document.project();
    const model::Map* map = project.findMap(m_map->currentData().value<qulonglong>());
    if (!map) {
        m_status->setText(tr("Choose a map to simulate."));
        return false;
    }
    auto job = std::make_shared<Job>();
    job->project = project;
    job->monteCarlo.trials = m_trials->value();
    job->monteCarlo.seed = static_cast<std::uint64_t>(m_seed->value());
    job->monteCarlo.distribution =
        metrics::distributionFromText(m_distribution->currentData().toString().toStdString());
    const model::Calendar& calendar = project.props.calendar;
    const auto duration = [&](QLineEdit* edit, const QString& what) -> std::optional<double> {
        const auto parsed = model::parseDuration(edit->text().trimmed().toStdString(), calendar);
        if (!parsed.ok()) {
            m_status->setText(what + QStringLiteral(": ") + qs(parsed.error()));
            return std::nullopt;
        }
        return parsed.value();
    };
    if (!m_target->text().trimmed().isEmpty()) {
        job->monteCarlo.target = duration(m_target, tr("Target lead time"));
        if (!job->monteCarlo.target)
            return false;
    }
    if (m_des->isChecked()) {
        metrics::DesOptions des;
        const auto horizon = duration(m_horizon, tr("Horizon"));
        const auto warmup = horizon ? duration(m_warmup, tr("Warm-up")) : std::nullopt;
        if (!horizon || !warmup)
            return false;
        des.horizon = *horizon;
        des.warmup = *warmup;
        des.seed = job->monteCarlo.seed;
        des.distribution = job->monteCarlo.distribution;
        des.arrivals = m_arrivals->currentIndex() == 0 ? metrics::Arrivals::Poisson
                                                       : metrics::Arrivals::Regular;
        job->des = des;
    }
    job->runs.push_back({qs(map->props.name), *map, {}, std::nullopt});
    if (const QString text = m_whatIf->text().trimmed(); !text.isEmpty()) {
        std::vector<metrics::WhatIfChange> changes;
        for (const QString& part : text.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
            const auto parsed = metrics::parseWhatIf(part.trimmed().toStdString());
            if (!parsed.ok()) {
                m_status->setText(tr("What-if: %1").arg(qs(parsed.error())));
                return false;
            }
            changes.push_back(parsed.value());
        }
        const auto changed = metrics::applyWhatIf(project, *map, changes);
        if (!changed.ok()) {
            m_status->setText(tr("What-if: %1").arg(qs(changed.error())));
            return false;
        }
        job->runs.push_back({tr("What-if"), changed.value(), {}, std::nullopt});
    }
    if (const model::Map* other = project.findMap(m_against->currentData().value<qulonglong>())) {
        if (job->runs.size() > 1) {
            m_status->setText(tr("Run a what-if or another map beside this one, not both."));
            return false;
        }
        job->runs.push_back({qs(other->props.name), *other, {}, std::nullopt});
    }

    m_job = job;
    m_progress->setValue(0);
    m_run->setEnabled(false);
    m_cancel->setEnabled(true);
    m_status->setText(tr("Running…"));
    m_poll->start();
    m_watcher.setFuture(QtConcurrent::run([job] { job->work(); }));
    return true;
}

void SimulationView::cancel() {
    if (m_job && running()) {
        m_job->cancel = true;
        m_status->setText(tr("Cancelling…"));
    }
}

void SimulationView::finished() {
    m_poll->stop();
    m_run->setEnabled(true);
    m_cancel->setEnabled(false);
    const std::shared_ptr<Job> job = std::move(m_job);
    if (!job) {
        emit runEnded();
        return;
    }
    if (job->cancel) {
        m_progress->setValue(0);
        m_status->setText(tr("Cancelled: the last finished run is still shown."));
    } else if (!job->problem.isEmpty()) {
        m_progress->setValue(0);
        m_status->setText(tr("Cannot simulate %1").arg(job->problem));
    } else {
        m_progress->setValue(1000);
        m_sheet = std::make_shared<render::SimulationSheet>(std::move(job->project),
                                                            std::move(job->runs));
        m_canvas->setSheet(m_sheet);
        m_export->setEnabled(true);
        m_shade->setEnabled(true);
        shadeMap(m_shade->isChecked()); // the shading follows the new run
        QString text = tr("Done.");
        const render::SimulationRun& first = m_sheet->runs().front();
        if (first.des)
            for (const metrics::StepQueue& s : first.des->steps)
                if (s.unbounded)
                    text += QLatin1Char(' ') +
                            tr("\"%1\" cannot keep up: its queue grows by %2 a day.")
                                .arg(qs(s.name), qs(model::formatNumber(s.growthPerDay, 1)));
        m_status->setText(text);
    }
    emit runEnded();
}

void SimulationView::exportPdf() {
    if (!m_sheet)
        return;
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export Simulation"), QString(), tr("PDF (*.pdf)"));
    if (path.isEmpty())
        return;
    if (QString problem = writeSimulationReport(path, m_sheet); !problem.isEmpty())
        QMessageBox::warning(this, tr("Export Simulation"), problem);
}

QString writeSimulationReport(const QString& path,
                              const std::shared_ptr<const render::SimulationSheet>& sheet) {
    const model::Project& project = sheet->project();
    const model::Map* map = project.findMap(sheet->runs().front().map.id);
    if (!map)
        return QObject::tr("The simulated map is not in the project.");
    render::ReportOptions options;
    options.simulation = sheet;
    try {
        const render::Report report(project, *map, options);
        render::writePdfReport(path, report);
    } catch (const std::exception& e) {
        return QObject::tr("Could not write %1: %2").arg(path, QString::fromUtf8(e.what()));
    }
    return {};
}

QAction* simulationAction(EditorDocument& document, std::function<model::Id()> currentMap,
                          QWidget* parent) {
    auto* action = new QAction(QObject::tr("&Simulate…"), parent);
    action->setObjectName(QStringLiteral("actionSimulate"));
    action->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+R")));
    QObject::connect(action, &QAction::triggered, parent, [&document, currentMap, parent] {
        auto* view = new SimulationView(document, currentMap(), parent);
        view->show();
    });
    return action;
}

} // namespace gemba::app
