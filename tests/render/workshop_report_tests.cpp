// The workshop's documents: the action plan (timeline, table, review schedule) and the review
// report (baseline, target, actual, charts, the actions' progress, decisions), as the editor
// paints them and as PDFs, checked with pdftotext; and `export-plan --format plan-pdf|reviews-pdf`.

#include "gemba/render/export.h"
#include "gemba/render/workshop_charts.h"
#include "gemba/render/workshop_report.h"
#include "gemba/store/project_file.h"
#include "test_support.h"

#include <QImage>
#include <QPainter>
#include <catch2/catch.hpp>

namespace gemba::render::test {

namespace fs = std::filesystem;

namespace {

QString path(const fs::path& file) {
    return QString::fromStdString(file.string());
}

model::Project office() {
    return store::openProject(fs::path(GEMBA_EXAMPLES_DIR) / "office-order-to-cash.gemba");
}

/// The project a test builds: two people, a workshop that ended on 2026-03-04, a 30-day review
/// and three actions (one overdue on 2026-04-20, one with a due date only, one without dates).
model::Project smallPlan() {
    model::Project project;
    project.props.name = "Plan";
    model::Person ann;
    ann.id = project.allocateId();
    ann.name = "Ann";
    model::Person bob;
    bob.id = project.allocateId();
    bob.name = "Bob";
    project.people.emplace(ann.id, ann);
    project.people.emplace(bob.id, bob);
    project.workshop.props.endDate = "2026-03-04";
    const auto add = [&](const std::string& title, model::Id owner, const std::string& start,
                         const std::string& due, model::ActionStatus status) {
        model::Action a;
        a.id = project.allocateId();
        a.title = title;
        a.owner = owner;
        a.start = start;
        a.due = due;
        a.status = status;
        project.workshop.actions.emplace(a.id, a);
        return a.id;
    };
    add("Late one", ann.id, "2026-03-10", "2026-04-01", model::ActionStatus::InProgress);
    add("Milestone", bob.id, "", "2026-05-01", model::ActionStatus::Planned);
    add("Undated", model::kNoId, "", "", model::ActionStatus::Planned);
    add("Finished", ann.id, "2026-03-05", "2026-03-20", model::ActionStatus::Done);
    model::Review r;
    r.id = project.allocateId();
    r.title = "30-day review";
    r.dayOffset = 30;
    project.workshop.reviews.emplace(r.id, r);
    return project;
}

} // namespace

TEST_CASE("The plan's timeline groups actions by owner or status and marks the overdue",
          "[workshop][render]") {
    const model::Project project = smallPlan();
    const QDate today(2026, 4, 20);
    const PlanTimeline byOwner(project, PlanGrouping::Owner, today);
    QStringList lines;
    for (const PlanTimeline::Lane& lane : byOwner.lanes())
        lines << (lane.heading ? QStringLiteral("# ") : QString()) + lane.text;
    // People by name, actions by start (dated before undated), "No owner" last.
    CHECK(lines == QStringList{"# Ann", "Finished", "Late one", "# Bob", "Milestone", "# No owner",
                               "Undated"});
    for (const PlanTimeline::Lane& lane : byOwner.lanes())
        CHECK(lane.overdue == (lane.text == "Late one"));
    // The axis spans every date, the review (2026-04-03) and today, with a margin.
    CHECK(byOwner.first() == QDate(2026, 3, 2));
    CHECK(byOwner.last() == QDate(2026, 5, 5));
    REQUIRE(byOwner.reviews().size() == 1);
    CHECK(byOwner.reviews()[0].date == QDate(2026, 4, 3));
    const QRectF area(0, 0, 1000, byOwner.totalHeight());
    CHECK(byOwner.xOf(area, QDate(2026, 3, 10)) < byOwner.xOf(area, QDate(2026, 4, 1)));
    CHECK(byOwner.xOf(area, byOwner.first()) == Approx(260 + 6));

    const PlanTimeline byStatus(project, PlanGrouping::Status, today);
    QStringList headings;
    for (const PlanTimeline::Lane& lane : byStatus.lanes())
        if (lane.heading)
            headings << lane.text;
    CHECK(headings == QStringList{"in progress", "planned", "done"});
    CHECK(byStatus.lanes()[1].detail == "overdue · Ann");

    // Painted: the overdue bar has the status colour of in progress, between its dates.
    QImage image(1000, static_cast<int>(byOwner.totalHeight()), QImage::Format_RGB32);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        byOwner.paint(painter, area, 0, byOwner.laneCount());
    }
    const int lateRow = 34 + 2 * 18 + 9; // axis, then lanes "# Ann", "Finished", "Late one"
    const int inside = static_cast<int>(byOwner.xOf(area, QDate(2026, 3, 20)));
    CHECK(image.pixelColor(inside, lateRow) == actionStatusColour(model::ActionStatus::InProgress));
    const int before = static_cast<int>(byOwner.xOf(area, QDate(2026, 3, 8)));
    CHECK(image.pixelColor(before, lateRow) == QColor(Qt::white));
}

TEST_CASE("The action-plan PDF lists owners, dates, statuses, effects and the review schedule",
          "[workshop][render][pdf]") {
    const fs::path out = outputFolder("workshop-plan") / "office-plan.pdf";
    WorkshopOptions options;
    options.document = WorkshopDocument::ActionPlan;
    options.today = QDate(2026, 4, 20);
    const WorkshopReport report(office(), options);
    writePdfReport(path(out), report);
    CHECK(pdfPages(out) == report.pageCount());
    CHECK(pdfInfoField(out, "Title") == "Order to cash: B2B software services — Action plan");
    const std::string text = pdfText(out);
    for (const char* expected :
         {"Timeline by owner", "Omar Haddad", "Build the CRM-to-ERP order sync", "2026-03-16",
          "2026-05-08", "in progress", "overdue, blocked: booking tool",
          "Lead time of \"Create invoice\" (Current state): 5 d → 2 h", "Review schedule",
          "30-day review 2026-04-05", "Today is 2026-04-20", "Process owner: Grace Liu."})
        CHECK_THAT(text, Catch::Contains(expected));
}

TEST_CASE("The review report shows baseline, target and actual with the share of the way",
          "[workshop][render][pdf]") {
    const fs::path out = outputFolder("workshop-reviews") / "office-reviews.pdf";
    WorkshopOptions options;
    options.document = WorkshopDocument::Reviews;
    options.today = QDate(2026, 5, 10);
    const WorkshopReport report(office(), options);
    writePdfReport(path(out), report);
    const std::string text = pdfText(out);
    // examples/README.md works these out: lead time 29.92 d at the workshop, 24 d at 30 days
    // ((24 - 29.92) / (10 - 29.92) = 30%), 17 d at 60 days (65%).
    for (const char* expected :
         {"Figures: baseline, target, actual", "29.92 d 10 d 24 d (30%) 17 d (65%)",
          "44.2% 80% 55% (30%) 66% (61%)", "Actions' progress", "blocked: data-protection review",
          "done: live since 28 April", "30-day review, 2026-04-05",
          "Attendees: Grace Liu, Ivan Petrov, Kim Lee, Omar Haddad, Eva Novak.",
          "Decision: Escalate the data-protection review of the booking tool",
          "90-day review: not measured"})
        CHECK_THAT(text, Catch::Contains(expected));
}

TEST_CASE("Workshop documents of a project without goals or actions say so", "[workshop][render]") {
    model::Project empty;
    empty.props.name = "Empty";
    const fs::path out = outputFolder("workshop-empty-reviews") / "empty-reviews.pdf";
    WorkshopOptions options;
    options.document = WorkshopDocument::Reviews;
    writePdfReport(path(out), WorkshopReport(empty, options));
    const std::string reviews = pdfText(out);
    CHECK_THAT(reviews, Catch::Contains("No goals and no expected effects"));
    CHECK_THAT(reviews, Catch::Contains("No reviews yet."));
    options.document = WorkshopDocument::ActionPlan;
    const fs::path plan = outputFolder("workshop-empty-plan") / "empty-plan.pdf";
    writePdfReport(path(plan), WorkshopReport(empty, options));
    CHECK_THAT(pdfText(plan), Catch::Contains("No actions yet."));
    // The editor's column has a height and paints without a page.
    const WorkshopSheet sheet(empty, options);
    CHECK(sheet.height(800) > 40);
}

TEST_CASE("A long plan's timeline breaks across pages with its axis on each",
          "[workshop][render][pdf]") {
    model::Project project = smallPlan();
    for (int i = 0; i < 120; ++i) {
        model::Action a;
        a.id = project.allocateId();
        a.title = "Action " + std::to_string(i);
        a.start = "2026-03-10";
        a.due = "2026-04-10";
        project.workshop.actions.emplace(a.id, a);
    }
    WorkshopOptions options;
    options.today = QDate(2026, 4, 20);
    const WorkshopReport report(project, options);
    CHECK(report.pageCount() >= 4);
    const fs::path out = outputFolder("workshop-long-plan") / "long-plan.pdf";
    writePdfReport(path(out), report);
    // The review's name heads the timeline on its first two pages.
    CHECK_THAT(pdfPageText(out, 1), Catch::Contains("30-day review"));
    CHECK_THAT(pdfPageText(out, 2), Catch::Contains("30-day review"));
    CHECK_THAT(pdfPageText(out, 2), Catch::Contains("today"));
}

TEST_CASE("export-plan writes the action plan and the review report as PDF", "[workshop][cli]") {
    const fs::path folder = outputFolder("workshop-cli");
    const QString example = path(fs::path(GEMBA_EXAMPLES_DIR) / "office-order-to-cash.gemba");
    const ToolResult plan =
        runCli({"export-plan", example, "--format", "plan-pdf", "--group", "status", "--today",
                "2026-04-20", "-o", path(folder / "plan.pdf")});
    REQUIRE(plan.exitCode == 0);
    CHECK_THAT(plan.out, Catch::Contains("A4 landscape"));
    const std::string text = pdfText(folder / "plan.pdf");
    CHECK_THAT(text, Catch::Contains("Timeline by status"));
    CHECK_THAT(text, Catch::Contains("Today is 2026-04-20"));

    const ToolResult reviews = runCli({"export-plan", example, "--format", "reviews-pdf",
                                       "--portrait", "-o", path(folder / "reviews.pdf")});
    REQUIRE(reviews.exitCode == 0);
    CHECK_THAT(reviews.out, Catch::Contains("A4 portrait"));
    CHECK_THAT(pdfText(folder / "reviews.pdf"), Catch::Contains("24 d (30%)"));

    const ToolResult badGroup = runCli({"export-plan", example, "--format", "plan-pdf", "--group",
                                        "team", "-o", path(folder / "x.pdf")});
    CHECK(badGroup.exitCode == 2);
    CHECK_THAT(badGroup.err, Catch::Contains("option --group takes owner or status, not 'team'"));
    const ToolResult toStdout =
        runCli({"export-plan", example, "--format", "reviews-pdf", "-o", "-"});
    CHECK(toStdout.exitCode == 2);
    CHECK_THAT(toStdout.err, Catch::Contains("a PDF is written to a file"));
    CHECK_FALSE(fs::exists(folder / "x.pdf"));
}

} // namespace gemba::render::test
