// The editor's exports: the actions of File > Export and Map > Compare Maps, the print path,
// and the Compare view kept up to date while a map is edited.

#include "compare_view.h"
#include "document_preview.h"
#include "editor_document.h"
#include "export_dialogs.h"
#include "gemba/metrics/compare.h"
#include "gemba/model/operations.h"
#include "gemba/render/report.h"
#include "gemba/store/csv_map.h"
#include "gemba/store/project_file.h"
#include "main_window.h"
#include "sample_projects.h"
#include "summary_dialog.h"
#include "test_support.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QImage>
#include <QMenu>
#include <QPainter>
#include <QPrintPreviewDialog>
#include <QPrintPreviewWidget>
#include <QPrinter>
#include <QPushButton>
#include <QTemporaryDir>
#include <catch2/catch.hpp>

namespace gemba::render::test {

namespace fs = std::filesystem;

namespace {

QString q(const fs::path& file) {
    return QString::fromStdString(file.string());
}

model::Id mapNamed(const model::Project& project, const std::string& name) {
    const model::Map* map = project.findMapByName(name);
    REQUIRE(map);
    return map->id;
}

} // namespace

TEST_CASE("The main window offers the exports, print and Compare Maps") {
    QTemporaryDir recovery;
    app::MainWindow::Options options;
    options.recoveryFolder = recovery.path();
    options.offerRecovery = false;
    app::MainWindow window(options);
    for (const char* name :
         {"actionExportPdf", "actionExportSvg", "actionExportPng", "actionExportCsvSteps",
          "actionExportCsvMetrics", "actionPrint", "actionCompareMaps"}) {
        INFO(name);
        CHECK(window.findChild<QAction*>(QString::fromLatin1(name)) != nullptr);
    }
    // A new project has one map: nothing to compare yet.
    CHECK_FALSE(window.findChild<QAction*>(QStringLiteral("actionCompareMaps"))->isEnabled());
    window.document().resetProject(changeRequests(), false);
    CHECK(window.findChild<QAction*>(QStringLiteral("actionCompareMaps"))->isEnabled());
}

TEST_CASE("Every export of the editor writes its file from the document") {
    app::EditorDocument document;
    document.resetProject(changeRequests(), false);
    const model::Id current = mapNamed(document.project(), "Current state");
    QWidget window;
    app::ExportActions exports(
        document, [&] { return current; }, &window);
    const fs::path folder = outputFolder("editor-exports");
    QString error;
    render::ReportOptions options;
    options.date = "2024-05-06";
    REQUIRE(exports.exportPdf(q(folder / "report.pdf"), current, options, &error));
    // The map page, its two tiles at 50% (the map does not read fitted), steps, red pen, findings.
    CHECK(pdfPages(folder / "report.pdf") == 6);
    REQUIRE(exports.exportSvg(q(folder / "map.svg"), current, &error));
    render::ImageOptions image;
    image.width = 1000;
    REQUIRE(exports.exportPng(q(folder / "map.png"), current, image, &error));
    CHECK(QImage(q(folder / "map.png")).width() == 1000);
    REQUIRE(exports.exportStepsCsv(q(folder / "steps.csv"), current, &error));
    REQUIRE(exports.exportMetricsCsv(q(folder / "figures.csv"), current, &error));
    REQUIRE(exports.exportMapCsv(q(folder / "map.csv"), current, &error));
    QFile table(q(folder / "map.csv"));
    REQUIRE(table.open(QIODevice::ReadOnly));
    CHECK(table.readAll().toStdString() ==
          store::exportCsvMap(document.project(), *document.project().findMap(current)));
    for (const char* file : {"map.svg", "steps.csv", "figures.csv", "map.csv"})
        CHECK(fs::file_size(folder / file) > 100);

    CHECK_FALSE(exports.exportPdf(q(folder / "none" / "report.pdf"), current, options, &error));
    CHECK(error.contains(QStringLiteral("cannot write")));
    CHECK_FALSE(exports.exportSvg(q(folder / "x.svg"), 999999, &error)); // no such map
}

TEST_CASE("The report dialog gives back the options it was given") {
    const model::Project project = changeRequests();
    const model::Id future = mapNamed(project, "Future state");
    app::ReportOptionsDialog dialog(project, future);
    ReportOptions options;
    options.pageSize = PageSize::Letter;
    options.landscape = false;
    options.scalePercent = 60;
    options.steps = false;
    options.findings = false;
    options.compareFrom = mapNamed(project, "Current state");
    options.author = "Jo Example";
    dialog.setOptions(options);
    const ReportOptions back = dialog.options();
    CHECK(back.pageSize == PageSize::Letter);
    CHECK_FALSE(back.landscape);
    REQUIRE(back.scalePercent);
    CHECK(*back.scalePercent == 60);
    CHECK_FALSE(back.steps);
    CHECK(back.redPens);
    CHECK_FALSE(back.findings);
    CHECK(back.compareFrom == options.compareFrom);
    CHECK(back.author == "Jo Example");
    CHECK(back.wrapLongStream);
    // Fitted as drawn: no scale, no wrapping.
    options.scalePercent.reset();
    options.wrapLongStream = false;
    dialog.setOptions(options);
    CHECK_FALSE(dialog.options().scalePercent);
    CHECK_FALSE(dialog.options().wrapLongStream);
    options.wrapLongStream = true;
    dialog.setOptions(options);
    CHECK(dialog.options().wrapLongStream);
    const fs::path folder = outputFolder("dialogs");
    dialog.show();
    QApplication::processEvents();
    REQUIRE(dialog.grab().save(q(folder / "report-options.png")));
    app::ImageOptionsDialog image;
    CHECK(image.options().dpi == 192);
    CHECK_FALSE(image.options().width);
    image.show();
    QApplication::processEvents();
    REQUIRE(image.grab().save(q(folder / "image-options.png")));
}

TEST_CASE("Print draws the report on a printer's page, inside its margins") {
    const model::Project project = changeRequests();
    ReportOptions options;
    options.date = "2024-05-06";
    const Report report(project, project.maps.front(), options);
    const fs::path pdf = outputFolder("printer") / "printed.pdf";
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(q(pdf));
    printer.setPageLayout(report.pageLayout());
    printer.setPageMargins(QMarginsF(10, 10, 10, 10), QPageLayout::Millimeter);
    QPainter painter(&printer);
    REQUIRE(report.print(painter, printer));
    painter.end();
    CHECK(pdfPages(pdf) == report.pageCount());
    const std::string text = pdfText(pdf);
    CHECK(text.find("Triage and estimate") != std::string::npos);
    const std::string last =
        "Page " + std::to_string(report.pageCount()) + " of " + std::to_string(report.pageCount());
    CHECK(text.find(last) != std::string::npos);
}

TEST_CASE("The print preview shows every page of the report") {
    const model::Project project = changeRequests();
    ReportOptions options;
    options.date = "2024-05-06";
    const Report report(project, project.maps.front(), options);
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageLayout(report.pageLayout());
    QPrintPreviewDialog preview(&printer);
    int painted = 0;
    QObject::connect(&preview, &QPrintPreviewDialog::paintRequested, [&](QPrinter* target) {
        QPainter painter(target);
        CHECK(report.print(painter, *target));
        ++painted;
    });
    preview.resize(1100, 800);
    preview.show();
    QApplication::processEvents();
    auto* pages = preview.findChild<QPrintPreviewWidget*>();
    REQUIRE(pages);
    pages->updatePreview();
    QApplication::processEvents();
    CHECK(painted >= 1);
    CHECK(pages->pageCount() == report.pageCount());
    pages->setCurrentPage(2);
    QApplication::processEvents();
    REQUIRE(preview.grab().save(q(outputFolder("print-preview") / "print-preview.png")));
    preview.close();
}

TEST_CASE("The Compare view follows the document as the maps are edited") {
    app::EditorDocument document;
    document.resetProject(changeRequests(), false);
    const model::Id current = mapNamed(document.project(), "Current state");
    const model::Id future = mapNamed(document.project(), "Future state");
    QWidget window;
    app::ExportActions exports(
        document, [&] { return future; }, &window);
    app::CompareView view(document, exports, &window);
    view.setMaps(current, future);
    REQUIRE(view.comparison());
    CHECK(view.comparison()->added.size() == 1);

    // A step added to the future state shows once the event loop has turned.
    model::Step step;
    step.id = document.allocateId();
    step.name = "Announce release";
    step.processTime = 600;
    document.push(model::makeAdd(future, step));
    CHECK(view.comparison()->added.size() == 1); // not yet: recomputed once per turn
    QApplication::processEvents();
    REQUIRE(view.comparison());
    CHECK(view.comparison()->added.size() == 2);

    // The same map on both sides compares nothing.
    view.setMaps(future, future);
    CHECK(view.comparison() == nullptr);

    view.setMaps(current, future);
    view.resize(1000, 1400);
    view.show();
    QApplication::processEvents();
    const fs::path shot = outputFolder("compare-view") / "compare-view.png";
    REQUIRE(view.grab().save(q(shot)));
}

} // namespace gemba::render::test

namespace gemba::render::test {

TEST_CASE("File > Export writes the one-page summary, and previews it first") {
    QTemporaryDir recovery;
    app::MainWindow::Options windowOptions;
    windowOptions.recoveryFolder = recovery.path();
    windowOptions.offerRecovery = false;
    app::MainWindow window(windowOptions);
    CHECK(window.findChild<QAction*>(QStringLiteral("actionExportSummary")) != nullptr);

    const model::Project project =
        store::openProject(fs::path(GEMBA_EXAMPLES_DIR) / "production-line.gemba");
    app::EditorDocument document;
    document.resetProject(project, false);
    const model::Id future = mapNamed(document.project(), "Future state");
    const model::Id current = mapNamed(document.project(), "Current state");

    // Opened on the future state, the dialog pairs it with the map it was made from.
    app::SummaryOptionsDialog dialog(document.project(), future);
    SummaryOptions options = dialog.options();
    CHECK(options.current == current);
    CHECK(options.future == future);
    CHECK(options.pageSize == PageSize::A3);
    CHECK(options.landscape);
    options.pageSize = PageSize::A4;
    options.author = "Jo Example";
    dialog.setOptions(options);
    CHECK(dialog.options().pageSize == PageSize::A4);
    CHECK(dialog.options().author == "Jo Example");
    const fs::path folder = outputFolder("editor-summary");
    dialog.show();
    QApplication::processEvents();
    REQUIRE(dialog.grab().save(q(folder / "summary-options.png")));
    CHECK(dialog.previewButton()->objectName() == QStringLiteral("previewSummary"));

    // The preview paints the page the PDF gets.
    options.date = "2026-01-01";
    const SummaryReport summary(document.project(), options);
    app::DocumentPreview preview(summary);
    preview.resize(1100, 800);
    preview.show();
    QApplication::processEvents();
    auto* pages = preview.findChild<QPrintPreviewWidget*>();
    REQUIRE(pages);
    pages->updatePreview();
    QApplication::processEvents();
    CHECK(preview.previewPageCount() == 1);
    REQUIRE(preview.grab().save(q(folder / "summary-preview.png")));
    preview.close();

    QWidget parent;
    app::ExportActions exports(
        document, [&] { return future; }, &parent);
    QString error;
    REQUIRE(exports.exportSummary(q(folder / "summary.pdf"), options, &error));
    CHECK(pdfPages(folder / "summary.pdf") == 1);
    CHECK(pdfText(folder / "summary.pdf").find("Jo Example") != std::string::npos);
    SummaryOptions alone = options;
    alone.withFuture = false;
    REQUIRE(exports.exportSummary(q(folder / "alone.pdf"), alone, &error));
    CHECK(pdfText(folder / "alone.pdf").find("Key figures: Current state") != std::string::npos);
    alone.current = 999999;
    CHECK_FALSE(exports.exportSummary(q(folder / "none.pdf"), alone, &error));
    CHECK(error.contains(QStringLiteral("not in the project")));
}

} // namespace gemba::render::test
