// The editor's workshop views: View > Action Plan Timeline… and View > Reviews…, kept up to
// date while the project is edited, and File > Export's action-plan and review PDFs.

#include "editor_document.h"
#include "gemba/model/workshop_ops.h"
#include "gemba/store/project_file.h"
#include "main_window.h"
#include "test_support.h"
#include "workshop_view.h"

#include <QAction>
#include <QApplication>
#include <QTemporaryDir>
#include <catch2/catch.hpp>

namespace gemba::render::test {

namespace fs = std::filesystem;

namespace {

model::Project office() {
    return store::openProject(fs::path(GEMBA_EXAMPLES_DIR) / "office-order-to-cash.gemba");
}

} // namespace

TEST_CASE("The main window opens the plan's timeline and the reviews, and exports them") {
    QTemporaryDir recovery;
    app::MainWindow::Options options;
    options.recoveryFolder = recovery.path();
    options.offerRecovery = false;
    app::MainWindow window(options);
    for (const char* name :
         {"actionPlanTimeline", "actionReviews", "actionExportPlanPdf", "actionExportReviewsPdf"}) {
        INFO(name);
        CHECK(window.findChild<QAction*>(QString::fromLatin1(name)) != nullptr);
    }
    window.document().resetProject(office(), false);
    window.findChild<QAction*>(QStringLiteral("actionReviews"))->trigger();
    auto* view = window.findChild<app::WorkshopView*>();
    REQUIRE(view);
    CHECK(view->isVisible());
    CHECK(view->document() == WorkshopDocument::Reviews);
    window.findChild<QAction*>(QStringLiteral("actionPlanTimeline"))->trigger();
    CHECK(view->document() == WorkshopDocument::ActionPlan);
    CHECK(window.findChildren<app::WorkshopView*>().size() == 1); // one view, reused
}

TEST_CASE("The workshop view follows the document and exports what it shows") {
    app::EditorDocument document;
    document.resetProject(office(), false);
    QWidget window;
    app::WorkshopViewActions actions(document, &window);
    app::WorkshopView* view = actions.show(WorkshopDocument::ActionPlan);
    view->resize(1200, 900);
    QApplication::processEvents();
    const int before = view->canvas()->heightForWidth(1100);
    CHECK(before > 300);

    // A new action adds a lane and a table row once the event loop has turned.
    model::Action action;
    action.id = document.allocateId();
    action.title = "Train the sales team on the new order form";
    action.start = "2026-04-01";
    action.due = "2026-04-30";
    document.push(model::makeAdd(action));
    CHECK(view->canvas()->heightForWidth(1100) == before); // not yet: once per turn
    QApplication::processEvents();
    CHECK(view->canvas()->heightForWidth(1100) > before);
    const fs::path folder = outputFolder("workshop-view");
    REQUIRE(view->grab().save(QString::fromStdString((folder / "plan-timeline.png").string())));

    view->setGrouping(PlanGrouping::Status);
    CHECK(view->options().grouping == PlanGrouping::Status);
    view->setDocument(WorkshopDocument::Reviews);
    QApplication::processEvents();
    REQUIRE(view->grab().save(QString::fromStdString((folder / "reviews.png").string())));

    QString error;
    const fs::path pdf = folder / "plan.pdf";
    REQUIRE(actions.exportPdf(QString::fromStdString(pdf.string()), view->options(), &error));
    CHECK_THAT(pdfText(pdf), Catch::Contains("24 d (30%)"));
    // The edit made in the editor is in the exported plan.
    app::WorkshopView* planView = actions.show(WorkshopDocument::ActionPlan);
    CHECK(planView == view);
    const fs::path planPdf = folder / "plan-with-action.pdf";
    REQUIRE(actions.exportPdf(QString::fromStdString(planPdf.string()), view->options(), &error));
    CHECK_THAT(pdfText(planPdf), Catch::Contains("Train the sales team"));
    CHECK_FALSE(
        actions.exportPdf(QStringLiteral("/nonexistent-folder/x.pdf"), view->options(), &error));
    CHECK_FALSE(error.isEmpty());
}

} // namespace gemba::render::test
