// File > Import > Event log: the column and status mapping, the preview before anything
// changes, and the measured map added as one undo step.

#include "editor_document.h"
#include "event_import_dialog.h"
#include "main_window.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <catch2/catch.hpp>

using namespace gemba;
using app::EventImportDialog;
using app::EventSource;
using app::MainWindow;

namespace {

// Three items: Build, then a wait "Ready for review", then Review; Friday 6 March 2026 16:00
// to Monday 10:00 is 2 working hours.
const char* const kLog = "Key;Status;When;Until\n"
                         "A;Build;2026-03-06 16:00;2026-03-09 10:00\n"
                         "A;Ready for review;2026-03-09 10:00;2026-03-09 11:00\n"
                         "A;Review;2026-03-09 11:00;2026-03-09 12:00\n"
                         "B;Build;2026-03-09 09:00;2026-03-09 10:00\n"
                         "B;Review;2026-03-09 10:00;2026-03-09 11:00\n"
                         "C;Build;2026-03-10 09:00;2026-03-10 11:00\n"
                         "C;Review;2026-03-10 11:00;2026-03-10 12:00\n";

QString writeLog(QTemporaryDir& dir, const char* text) {
    const QString path = dir.filePath(QStringLiteral("log.csv"));
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(text);
    return path;
}

MainWindow::Options testOptions(const QTemporaryDir& dir) {
    MainWindow::Options options;
    options.recoveryFolder = dir.filePath(QStringLiteral("recovery"));
    options.offerRecovery = false;
    return options;
}

} // namespace

TEST_CASE("Event import: columns, status mapping and a preview before anything changes",
          "[events][app]") {
    QTemporaryDir dir;
    const QString path = writeLog(dir, kLog);
    model::Project project;
    EventImportDialog dialog(EventSource::ofFile(path), project);
    // The default column names do not fit this log: the message names the column.
    CHECK_FALSE(dialog.readLog());
    CHECK(dialog.errorText().contains(QStringLiteral("no column for the timestamp")));
    dialog.findChild<QLineEdit*>(QStringLiteral("eventColumns"))
        ->setText(QStringLiteral("item=Key, activity=Status, timestamp=When, end=Until"));
    REQUIRE(dialog.readLog());
    CHECK(dialog.source().columns.timestamp == "When"); // what the flow view reads it with
    auto* states = dialog.findChild<QTableWidget*>(QStringLiteral("eventStates"));
    REQUIRE(states->rowCount() == 3);
    CHECK(states->item(1, 0)->text() == QStringLiteral("Ready for review"));
    CHECK(qobject_cast<QComboBox*>(states->cellWidget(1, 1))->currentText() ==
          QStringLiteral("wait"));
    auto* steps = dialog.findChild<QTableWidget*>(QStringLiteral("eventPreviewSteps"));
    REQUIRE(steps->rowCount() == 2);
    CHECK(steps->item(0, 0)->text() == QStringLiteral("Build"));
    CHECK(steps->item(0, 2)->text() == QStringLiteral("2 h")); // P50 of 2, 1, 2 working hours
    CHECK(dialog.errorText().contains(QStringLiteral("log.csv: 3 items")));
    // Review mapped as ignored: one step left in the preview; nothing in the project yet.
    qobject_cast<QComboBox*>(states->cellWidget(2, 1))->setCurrentText(QStringLiteral("ignore"));
    dialog.updatePreview();
    CHECK(steps->rowCount() == 1);
    CHECK(project.maps.empty());
    CHECK(dialog.findChild<QTableWidget*>(QStringLiteral("eventPeriods"))->rowCount() == 2);
    model::Id next = 1;
    const model::Map map = dialog.measuredMap(next);
    CHECK(map.steps.size() == 1);
    CHECK(dialog.mapping().states.at("Review").kind == model::StateKind::Ignore);
}

TEST_CASE("Event import from the File menu adds the measured map as one undo step",
          "[events][app][mainwindow]") {
    QTemporaryDir dir;
    const QString path = writeLog(dir, "case,activity,start,end\n"
                                       "A,Build,2026-03-09 09:00,2026-03-09 10:00\n"
                                       "A,Review,2026-03-09 10:00,2026-03-09 11:00\n");
    MainWindow window(testOptions(dir));
    REQUIRE(window.findChild<QAction*>(QStringLiteral("actionImportEvents")));
    const std::size_t before = window.document().project().maps.size();
    QTimer::singleShot(0, [] {
        QWidget* dialog = QApplication::activeModalWidget();
        REQUIRE(dialog);
        dialog->findChild<QPushButton*>(QStringLiteral("eventAddMapButton"))->click();
    });
    REQUIRE(window.importEvents(path));
    const model::Project& project = window.document().project();
    REQUIRE(project.maps.size() == before + 1);
    CHECK(project.maps.back().props.name == "Measured state");
    CHECK(project.maps.back().steps.size() == 2);
    CHECK(project.props.eventMapping.states.size() == 2);
    window.findChild<QAction*>(QStringLiteral("actionUndo"))->trigger();
    CHECK(window.document().project().maps.size() == before);
    CHECK(window.document().project().props.eventMapping.states.empty());
}
