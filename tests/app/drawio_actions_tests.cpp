// File > Import draw.io Diagram… and File > Export to draw.io… in the editor: the maps of a
// diagram come in as one undo step with their report, a file that cannot be read changes
// nothing, and the project goes out as a .drawio file that reads back.

#include "drawio_actions.h"
#include "editor_document.h"
#include "gemba/store/drawio.h"
#include "main_window.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QUndoStack>
#include <catch2/catch.hpp>

using namespace gemba;

namespace {

app::MainWindow::Options testOptions(const QTemporaryDir& dir) {
    app::MainWindow::Options options;
    options.recoveryFolder = dir.filePath(QStringLiteral("recovery"));
    options.offerRecovery = false;
    return options;
}

QString testDiagram(const char* name) {
    return QString::fromStdString(
        (std::filesystem::path(GEMBA_TEST_DATA) / "drawio" / name).string());
}

} // namespace

TEST_CASE("Editor: a draw.io diagram is imported as one undo step, and exported back") {
    QTemporaryDir dir;
    app::MainWindow window(testOptions(dir));
    REQUIRE(window.findChild<QAction*>(QStringLiteral("actionImportDrawio")));
    REQUIRE(window.findChild<QAction*>(QStringLiteral("actionExportDrawio")));
    auto* drawio = window.findChild<app::DrawioActions*>();
    REQUIRE(drawio);
    app::EditorDocument& document = window.document();
    const std::size_t before = document.project().maps.size();

    store::DrawioImportReport report;
    QString error;
    const auto maps =
        drawio->importFile(testDiagram("two-pages-compressed.drawio"), &report, &error, true);
    QApplication::processEvents();
    REQUIRE(maps.size() == 2);
    CHECK(document.project().maps.size() == before + 2);
    CHECK(document.project().findMapByName("Line"));
    CHECK(window.currentMap() == maps.front()); // the window shows the first new map
    CHECK(report.count(store::DrawioReportItem::Kind::Disagreement) == 2);

    document.undoStack()->undo();
    CHECK(document.project().maps.size() == before);
    document.undoStack()->redo();
    CHECK(document.project().maps.size() == before + 2);

    // A hostile file: a message, and the project as it was.
    const QString bad = dir.filePath(QStringLiteral("bad.drawio"));
    QFile file(bad);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write("<!DOCTYPE x [<!ENTITY a \"a\">]><mxfile>&a;</mxfile>");
    file.close();
    const model::Project unchanged = document.project();
    CHECK(drawio->importFile(bad, nullptr, &error, true).empty());
    CHECK(error.contains(QStringLiteral("DOCTYPE")));
    CHECK(document.project() == unchanged);

    // Export: every map, one page each, and it reads back with the same maps.
    const QString out = dir.filePath(QStringLiteral("out.drawio"));
    REQUIRE(drawio->exportFile(out, &error));
    model::Project back;
    store::DrawioImportReport backReport;
    store::importDrawioFile(back, out.toStdString(), {}, backReport);
    CHECK(back.maps.size() == document.project().maps.size());
    CHECK(back.findMapByName("Line")->steps.size() == 4);
}

TEST_CASE("Editor: the draw.io import report lists counts and every item") {
    store::DrawioImportReport report;
    model::Project project;
    store::importDrawioFile(project, testDiagram("two-pages.drawio").toStdString(), {}, report);
    app::DrawioReportDialog dialog(report);
    auto* items = dialog.findChild<QTreeWidget*>(QStringLiteral("drawioReportItems"));
    REQUIRE(items);
    CHECK(items->topLevelItemCount() == static_cast<int>(report.items.size()));
    bool disagreement = false;
    for (int i = 0; i < items->topLevelItemCount(); ++i)
        disagreement =
            disagreement || items->topLevelItem(i)->text(3).contains(QStringLiteral("45 sec"));
    CHECK(disagreement);
    auto* counts = dialog.findChild<QLabel*>(QStringLiteral("drawioReportCounts"));
    REQUIRE(counts);
    CHECK(counts->text().contains(QStringLiteral("Page \"Line\": 30 shapes and edges read")));
}
