// The editor's simulation view (Map > Simulate…): a run in the background with progress and
// cancel, the sheet of charts it shows, and the same sheet as a PDF.
#include "editor_document.h"
#include "gemba/render/simulation_sheet.h"
#include "simulation_view.h"
#include "test_support.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QLineEdit>
#include <QProgressBar>
#include <QSpinBox>
#include <QTimer>
#include <catch2/catch.hpp>

namespace gemba::render::test {

namespace fs = std::filesystem;

namespace {

/// Waits for the view's run to end (at most a minute); false on timeout.
bool waitForRun(app::SimulationView& view) {
    if (!view.running())
        return true;
    QEventLoop loop;
    QObject::connect(&view, &app::SimulationView::runEnded, &loop, &QEventLoop::quit);
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    loop.exec();
    return !view.running();
}

template <class T> T* child(QWidget& parent, const char* name) {
    T* widget = parent.findChild<T*>(QString::fromLatin1(name));
    REQUIRE(widget);
    return widget;
}

} // namespace

TEST_CASE("The simulation view runs in the background and shows the sub-optimisation") {
    app::EditorDocument document;
    QString error;
    REQUIRE(document.open(
        QString::fromStdString((fs::path(GEMBA_EXAMPLES_DIR) / "insurance-claims.gemba").string()),
        &error));
    const model::Map* current = document.project().findMapByName("Current state");
    REQUIRE(current);
    QWidget window;
    auto* view = new app::SimulationView(document, current->id, &window);
    view->setAttribute(Qt::WA_DeleteOnClose, false);

    // A what-if naming no step is refused before anything runs.
    child<QLineEdit>(*view, "simulateWhatIf")->setText(QStringLiteral("Nobody:pt=1 h"));
    CHECK_FALSE(view->run());
    CHECK(view->status().contains(QStringLiteral("no step called")));
    child<QLineEdit>(*view, "simulateWhatIf")->clear();

    // Current against future, with the discrete-event run.
    QComboBox* against = child<QComboBox>(*view, "simulateAgainst");
    against->setCurrentIndex(against->findText(QStringLiteral("Future state")));
    child<QCheckBox>(*view, "simulateDes")->setChecked(true);
    child<QLineEdit>(*view, "simulateHorizon")->setText(QStringLiteral("60 d"));
    child<QLineEdit>(*view, "simulateWarmup")->setText(QStringLiteral("5 d"));
    child<QComboBox>(*view, "simulateArrivals")->setCurrentIndex(1); // regular
    child<QSpinBox>(*view, "simulateTrials")->setValue(5000);
    REQUIRE(view->run());
    CHECK(view->running());
    CHECK_FALSE(view->run()); // one run at a time
    REQUIRE(waitForRun(*view));
    INFO(view->status().toStdString());
    REQUIRE(view->sheet());
    CHECK(child<QProgressBar>(*view, "simulateProgress")->value() == 1000);
    const std::vector<SimulationRun>& runs = view->sheet()->runs();
    REQUIRE(runs.size() == 2);
    REQUIRE(runs[0].des);
    REQUIRE(runs[1].des);
    CHECK(runs[0].monteCarlo.trials == 5000);
    // The assessors hold throughput at 8.7 a day in both; the queue moved to them.
    CHECK(runs[1].des->throughputPerDay == Approx(runs[0].des->throughputPerDay).epsilon(0.03));
    CHECK(runs[0].des->longestQueue != runs[1].des->longestQueue);
    CHECK(view->status().contains(QStringLiteral("cannot keep up")));

    view->resize(1100, 1400);
    view->show();
    QApplication::processEvents();
    const fs::path folder = outputFolder("simulation-view");
    const fs::path shot = folder / "simulation-view.png";
    REQUIRE(view->grab().save(QString::fromStdString(shot.string())));

    // The same sheet as a PDF: every chart, pages broken between them.
    const fs::path pdf = folder / "simulation.pdf";
    REQUIRE(writeSimulationPdf(QString::fromStdString(pdf.string()), *view->sheet(),
                               QStringLiteral("Simulation")));
    const std::string text = pdfText(pdf);
    for (const char* part : {"Simulated mean lead time", "Lead time: 5000 trials", "tornado",
                             "Criticality", "load, utilisation, queue", "Items waiting before",
                             "Work in process over time", "grows +"})
        CHECK(text.find(part) != std::string::npos);
    CHECK(std::stoi(pdfInfoField(pdf, "Pages")) >= 2);

    // A long run is cancelled: the last sheet stays.
    const auto before = view->sheet();
    child<QSpinBox>(*view, "simulateTrials")->setValue(1'000'000);
    child<QLineEdit>(*view, "simulateHorizon")->setText(QStringLiteral("20000 d"));
    QElapsedTimer clock;
    clock.start();
    REQUIRE(view->run());
    view->cancel();
    REQUIRE(waitForRun(*view));
    CHECK(clock.elapsed() < 20000);
    CHECK(view->status().startsWith(QStringLiteral("Cancelled")));
    CHECK(view->sheet() == before);
    delete view;
}

} // namespace gemba::render::test
