// The report's layout: tiles, sections, tables over pages, the comparison.

#include "gemba/render/export.h"
#include "gemba/render/report.h"
#include "gemba/render/simulation_sheet.h"
#include "gemba/store/project_file.h"
#include "report_blocks.h"
#include "sample_projects.h"
#include "test_support.h"

#include <QPainter>
#include <QPdfWriter>
#include <catch2/catch.hpp>
#include <stdexcept>

namespace gemba::render::test {

namespace fs = std::filesystem;

namespace {

QString path(const fs::path& file) {
    return QString::fromStdString(file.string());
}

/// Two steps 2000 units apart joined by a push flow, and nothing else. A step paints from 88
/// left of its centre to 88 right and from 46 above to 138 below (badges above, data box
/// below), so the map spans x -88..2088 and y -46..138; the report adds 12 all round:
/// 2200 x 208 units.
model::Project twoFarSteps() {
    model::Project project;
    project.props.name = "Wide";
    model::Map map;
    map.id = project.allocateId();
    map.props.name = "Wide map";
    for (double x : {0.0, 2000.0}) {
        model::Step s;
        s.id = project.allocateId();
        s.name = x == 0 ? "Start" : "Finish";
        s.processTime = 600;
        s.pos = {x, 0};
        map.steps.emplace(s.id, s);
    }
    model::Flow f;
    f.id = project.allocateId();
    f.from = map.steps.begin()->first;
    f.to = map.steps.rbegin()->first;
    map.flows.emplace(f.id, f);
    project.maps.push_back(map);
    return project;
}

ReportOptions mapOnly() {
    ReportOptions options;
    options.steps = false;
    options.redPens = false;
    options.findings = false;
    options.date = "2024-05-06";
    return options;
}

} // namespace

TEST_CASE("A map larger than a page at the chosen scale is spread over tiles") {
    const model::Project project = twoFarSteps();
    const model::Map& map = project.maps.front();
    // A4 landscape is 297 x 210 mm = 1122.5 x 793.7 units. A tile shows the page less 34
    // margins each side, the 16 footer and the 28 header: 1054.5 x 681.7 units. Tiles
    // overlap by 24, so n tiles cover 24 + n x 1030.5 units.
    ReportOptions options = mapOnly();

    options.scalePercent = 100; // 2200 wide: ceil((2200 - 24) / 1030.5) = 3 tiles; 208 high: 1
    CHECK(Report(project, map, options).pageCount() == 1 + 3);

    options.scalePercent = 50; // 1100 wide: ceil((1100 - 24) / 1030.5) = 2
    CHECK(Report(project, map, options).pageCount() == 1 + 2);

    options.scalePercent = 40; // 880 wide fits one page: no tiles, the map page alone
    CHECK(Report(project, map, options).pageCount() == 1);

    options.scalePercent = 100;
    options.landscape = false; // portrait tile: 793.7 - 68 = 725.7 wide, so 701.7 a step:
    // ceil((2200 - 24) / 701.7) = 4 columns; 1122.5 - 68 - 16 - 28 = 1010.5 high: 1 row
    CHECK(Report(project, map, options).pageCount() == 1 + 4);

    options.pageSize = PageSize::A3; // A3 portrait: 297 mm wide = 1122.5 units, as A4 landscape
    CHECK(Report(project, map, options).pageCount() == 1 + 3);
}

TEST_CASE("Tile pages are labelled by column and row, and the PDF has them all") {
    const model::Project project = twoFarSteps();
    ReportOptions options = mapOnly();
    options.scalePercent = 100;
    const Report report(project, project.maps.front(), options);
    const fs::path pdf = outputFolder("tiles") / "tiles.pdf";
    writePdfReport(path(pdf), report);
    REQUIRE(pdfPages(pdf) == 4);
    CHECK(pdfPageText(pdf, 2).find("A1") != std::string::npos);
    CHECK(pdfPageText(pdf, 3).find("B1") != std::string::npos);
    CHECK(pdfPageText(pdf, 4).find("C1") != std::string::npos);
    CHECK(pdfPageText(pdf, 4).find("Page 4 of 4") != std::string::npos);
    // The left end on A1, the right end on C1.
    CHECK(pdfPageText(pdf, 2).find("Start") != std::string::npos);
    CHECK(pdfPageText(pdf, 4).find("Finish") != std::string::npos);
}

TEST_CASE("A scale that needs too many pages is refused, saying why") {
    const model::Project project = longStream(200);
    ReportOptions options = mapOnly();
    options.scalePercent = 1000;
    try {
        Report report(project, project.maps.front(), options);
        FAIL("no error");
    } catch (const std::invalid_argument& e) {
        CHECK(std::string(e.what()).find("pages") != std::string::npos);
    }
    options.scalePercent = 0.5;
    CHECK_THROWS_AS(Report(project, project.maps.front(), options), std::invalid_argument);
}

TEST_CASE("Each section is optional and starts on its own page") {
    const model::Project project = changeRequests();
    const model::Map& map = project.maps.front();
    ReportOptions options = mapOnly();
    const int mapPages = Report(project, map, options).pageCount(); // the map page and its tiles
    REQUIRE(mapPages >= 1);
    options.redPens = true;
    CHECK(Report(project, map, options).pageCount() == mapPages + 1);
    options.findings = true;
    CHECK(Report(project, map, options).pageCount() == mapPages + 2);
    options.compareFrom = project.maps.back().id;
    CHECK(Report(project, map, options).pageCount() >= mapPages + 3);
}

TEST_CASE("The step table groups the thousands of its counts and quantities") {
    model::Project project = twoFarSteps();
    model::Map& map = project.maps.front();
    model::Step& start = map.steps.begin()->second;
    start.role = "Clerks";
    start.headcount = 1200;
    start.batchSize = 1500;
    start.frictions.push_back({"Rekeying", 1250, 3000});
    map.steps.rbegin()->second.batchSize = 250;
    ReportOptions options = mapOnly();
    options.steps = true;
    options.pageSize = PageSize::A3; // room for every column
    const Report report(project, map, options);
    const fs::path pdf = outputFolder("grouped-table") / "grouped-table.pdf";
    writePdfReport(path(pdf), report);
    const std::string text = pdfText(pdf);
    CHECK(text.find("Clerks ×1,200") != std::string::npos);
    CHECK(text.find("1,500") != std::string::npos);
    CHECK(text.find("Rekeying (1,250 min × 3,000/wk)") != std::string::npos);
    CHECK(text.find(" 250 ") != std::string::npos);
    for (const char* plain : {"1200", "1500", "1250", "3000"}) {
        INFO(plain);
        CHECK(text.find(plain) == std::string::npos);
    }
}

TEST_CASE("A long step table runs over pages with its header on each") {
    const model::Project project = longStream(120);
    ReportOptions options = mapOnly();
    options.steps = true;
    const Report report(project, project.maps.front(), options);
    const fs::path pdf = outputFolder("long-table") / "long-table.pdf";
    writePdfReport(path(pdf), report);
    const int pages = pdfPages(pdf);
    // The step table starts after the map page and its ladder's pages.
    int steps = 0;
    for (const PagedDocument::Bookmark& mark : report.bookmarks())
        if (mark.title == QStringLiteral("Steps"))
            steps = mark.page + 1;
    REQUIRE(steps > 1);
    // A row of a long name wraps to 3 lines of 7.5 pt: 120 rows need several pages.
    REQUIRE(pages - steps >= 2);
    for (int page = steps; page <= pages; ++page) {
        const std::string text = pdfPageText(pdf, page);
        INFO("page " << page);
        CHECK(text.find("Role · people") != std::string::npos);
        CHECK(text.find("Systems") != std::string::npos);
    }
    const std::string all = pdfText(pdf);
    for (const auto& [id, step] : project.maps.front().steps)
        CHECK(all.find(step.name) != std::string::npos);
    CHECK(all.find("Critical path") != std::string::npos);
}

TEST_CASE("Fitted, a stream too long to read is wrapped onto rows in the report only") {
    const model::Project project = longStream(60);
    const model::Map& map = project.maps.front();
    ReportOptions options = mapOnly();
    const fs::path folder = outputFolder("wrapped");
    writePdfReport(path(folder / "wrapped.pdf"), Report(project, map, options));
    const std::string wrapped = pdfPageText(folder / "wrapped.pdf", 1);
    CHECK(wrapped.find("Wrapped onto rows") != std::string::npos);
    CHECK(wrapped.find("too small for the step figures") == std::string::npos);
    // 60 steps do not read on one A4 page even wrapped: tiles at 50% follow, with every
    // step's data box written out (tiles overlap a little: a box may show twice).
    CHECK(wrapped.find("in tiles") != std::string::npos);
    CHECK(pdfPages(folder / "wrapped.pdf") > 2);
    const std::string all = pdfText(folder / "wrapped.pdf");
    std::size_t dataBoxes = 0;
    for (std::size_t at = all.find("%C&A"); at != std::string::npos; at = all.find("%C&A", at + 1))
        ++dataBoxes;
    CHECK(dataBoxes >= map.steps.size());
    // A stream of 16 steps wrapped onto rows reads on the map page itself.
    const model::Project medium = longStream(16);
    writePdfReport(path(folder / "wrapped-16.pdf"), Report(medium, medium.maps.front(), options));
    CHECK(pdfPageText(folder / "wrapped-16.pdf", 1).find("Wrapped onto rows to fit the page") !=
          std::string::npos);
    CHECK(pdfPages(folder / "wrapped-16.pdf") == 1);
    CHECK(project == longStream(60)); // the project keeps its layout

    options.wrapLongStream = false;
    writePdfReport(path(folder / "as-drawn.pdf"), Report(project, map, options));
    const std::string drawn = pdfPageText(folder / "as-drawn.pdf", 1);
    CHECK(drawn.find("Wrapped onto rows") == std::string::npos);
    CHECK(drawn.find("too small for the step figures") != std::string::npos);

    // A short stream that reads as drawn is not wrapped.
    const model::Project shortOne = changeRequests();
    writePdfReport(path(folder / "short.pdf"), Report(shortOne, shortOne.maps.front(), mapOnly()));
    CHECK(pdfPageText(folder / "short.pdf", 1).find("Wrapped onto rows") == std::string::npos);
}

TEST_CASE("A map that wrapping would print only a little larger keeps its drawn shape") {
    // The software example's current state: a branch, a rework loop and information flows,
    // at about 40% as drawn; rows would print it hardly larger and lose its shape.
    const model::Project project =
        store::openProject(fs::path(GEMBA_EXAMPLES_DIR) / "software-delivery.gemba");
    const model::Map& map = project.maps.front();
    ReportOptions options = mapOnly();
    options.tileLongStream = false; // tiles would follow either way
    const QImage wrapping = pageImage(Report(project, map, options), 0);
    options.wrapLongStream = false;
    CHECK(wrapping == pageImage(Report(project, map, options), 0));
}

TEST_CASE("A long title gives way to the section name in the page header") {
    model::Project project = changeRequests();
    project.props.name = std::string(150, 'X') + " programme for the claims handling division of "
                                                 "the northern region, second wave";
    ReportOptions options = mapOnly();
    options.findings = true;
    const Report report(project, project.maps.front(), options);
    const fs::path pdf = outputFolder("long-title") / "long-title.pdf";
    writePdfReport(path(pdf), report);
    const std::string header = pdfPageText(pdf, pdfPages(pdf)).substr(0, 400);
    INFO(header);
    CHECK(header.find("· Findings") != std::string::npos);
    CHECK(header.find("…") != std::string::npos);
    CHECK(header.find("second wave") == std::string::npos);
}

TEST_CASE("The comparison section holds the figures, charts and step changes") {
    const model::Project project = changeRequests();
    ReportOptions options = mapOnly();
    options.compareFrom = project.maps.front().id;
    const Report report(project, project.maps.back(), options);
    const fs::path pdf = outputFolder("comparison") / "comparison.pdf";
    writePdfReport(path(pdf), report);
    const std::string text = pdfText(pdf);
    for (const char* expected :
         {"Comparison: Current state → Future state", "Lead time by segment", "Lead-time waterfall",
          "Steps added (1)", "Automated checks", "Steps removed (1)", "Copy into spreadsheet",
          "Approve budget in ticket", "Removed: Copy into spreadsheet"})
        CHECK(text.find(expected) != std::string::npos);
}

TEST_CASE("The comparison section lists changed breakdowns and changed waits") {
    // The production line: Spot weld II's breakdowns and the inventories change.
    const model::Project project =
        store::openProject(fs::path(GEMBA_EXAMPLES_DIR) / "production-line.gemba");
    ReportOptions options = mapOnly();
    options.compareFrom = project.maps.front().id;
    const Report report(project, project.maps.back(), options);
    const fs::path pdf = outputFolder("comparison-waits") / "comparison-waits.pdf";
    writePdfReport(path(pdf), report);
    const std::string text = pdfText(pdf);
    for (const char* expected :
         {"MTBF", "MTTR", "2.4 h", "Waits changed (5)", "Steel coils", "Quantity", "Supermarket"})
        CHECK(text.find(expected) != std::string::npos);
}

TEST_CASE("The simulation section says how long a breaking-down step is under repair") {
    // The production line's weld robot breaks down (MTBF 77.6 h, MTTR 2.4 h: 97% available);
    // the line under the step table explains the queue before it. A map without breakdowns
    // has no such line.
    const model::Project project =
        store::openProject(fs::path(GEMBA_EXAMPLES_DIR) / "production-line.gemba");
    const model::Map& future = *project.findMapByName("Future state");
    metrics::MonteCarloOptions mc;
    mc.trials = 200;
    metrics::DesOptions des;
    des.horizon = 60 * 16 * 3600.0;
    des.warmup = 5 * 16 * 3600.0;
    const metrics::DesResult run = metrics::runDiscreteEvent(project, future, des);
    REQUIRE(run.valid);
    ReportOptions options = mapOnly();
    options.simulation = std::make_shared<SimulationSheet>(
        project, std::vector<SimulationRun>{{QStringLiteral("Future state"), future,
                                             metrics::runMonteCarlo(project, future, mc), run}});
    const fs::path pdf = outputFolder("simulation") / "breakdowns.pdf";
    writePdfReport(path(pdf), Report(project, future, options));
    const std::string text = pdfText(pdf);
    CHECK(text.find("Spot weld II: under repair") != std::string::npos);
    CHECK(text.find("available 97%") != std::string::npos);
    CHECK(text.find("repaired in 2.4 h") != std::string::npos);

    model::Project even = project;
    for (model::Map& map : even.maps)
        for (auto& [id, step] : map.steps)
            step.breakdown.reset();
    const model::Map& plain = *even.findMapByName("Future state");
    options.simulation = std::make_shared<SimulationSheet>(
        even, std::vector<SimulationRun>{{QStringLiteral("Future state"), plain,
                                          metrics::runMonteCarlo(even, plain, mc),
                                          metrics::runDiscreteEvent(even, plain, des)}});
    const fs::path without = outputFolder("simulation") / "no-breakdowns.pdf";
    writePdfReport(path(without), Report(even, plain, options));
    CHECK(pdfText(without).find("under repair") == std::string::npos);
}

TEST_CASE("A comparison report opens with the gap, then shows both maps and both red pens") {
    model::Project project = changeRequests();
    project.props.description = "Change requests from the business to the release.";
    project.maps.front().props.notes = "Walked on the floor with the team.";
    ReportOptions options;
    options.date = "2024-05-06";
    options.compareFrom = project.maps.front().id;
    const Report report(project, project.maps.back(), options);
    const fs::path pdf = outputFolder("comparison-order") / "comparison.pdf";
    writePdfReport(path(pdf), report);
    // Page 1: the figures before and after, and what they rest on.
    const std::string first = pdfPageText(pdf, 1);
    for (const char* expected :
         {"Comparison: Current state → Future state", "Lead time", "Customer demand",
          "Available time", "Change requests from the business to the release.",
          "Walked on the floor with the team."})
        CHECK(first.find(expected) != std::string::npos);
    // Then the current state's map page, and the future state's.
    const std::vector<PagedDocument::Bookmark> marks = report.bookmarks();
    REQUIRE(marks.size() >= 4);
    const auto pageOf = [&](const std::string& title) {
        for (const auto& mark : marks)
            if (mark.title.toStdString() == title)
                return mark.page + 1;
        return -1;
    };
    const int current = pageOf("Map: Current state");
    const int future = pageOf("Map: Future state");
    REQUIRE(current > 1);
    REQUIRE(future == current + 1);
    for (const auto& [id, step] : project.maps.front().steps)
        CHECK(pdfPageText(pdf, current).find(drawnNameLines(step.name).front().toStdString()) !=
              std::string::npos);
    // Both red-pen lists, each with its own heading and costs.
    const std::string all = pdfText(pdf);
    CHECK(all.find("Red pen on Current state: places worth fixing") != std::string::npos);
    CHECK(all.find("Red pen on Future state: places worth fixing") != std::string::npos);
    CHECK(pageOf("Red pen: Current state") > future);
}

TEST_CASE("Pages scale to any device: a 300 dpi PDF has the same text as a 1200 dpi one") {
    const model::Project project = changeRequests();
    const Report report(project, project.maps.front(), mapOnly());
    const fs::path folder = outputFolder("resolution");
    std::string texts[2];
    int i = 0;
    for (int dpi : {300, 1200}) {
        const fs::path pdf = folder / ("map-" + std::to_string(dpi) + ".pdf");
        QPdfWriter writer(path(pdf));
        writer.setResolution(dpi);
        writer.setPageLayout(report.pageLayout());
        QPainter painter(&writer);
        REQUIRE(report.print(painter, writer));
        painter.end();
        texts[i++] = pdfText(pdf);
    }
    CHECK(texts[0] == texts[1]);
    CHECK(texts[0].find("Triage and estimate") != std::string::npos);
}

TEST_CASE("A map with errors still makes a report, without figures") {
    const model::Project project = brokenMap();
    const Report report(project, project.maps.front(), {});
    CHECK_FALSE(report.metrics().valid);
    const fs::path pdf = outputFolder("broken") / "broken.pdf";
    writePdfReport(path(pdf), report);
    const std::string text = pdfText(pdf);
    CHECK(text.find("No figures") != std::string::npos);
    CHECK(text.find("Receive order") != std::string::npos);
    CHECK(text.find("Error") != std::string::npos);
}

TEST_CASE("The title block names the process owner unless an author is given") {
    model::Project project = changeRequests();
    // An owner who works on no step, so that the name can only come from the title block.
    model::Person owner;
    owner.id = project.allocateId();
    owner.name = "Petra Lindqvist";
    project.people.emplace(owner.id, owner);
    project.props.team.processOwner = owner.id;
    ReportOptions options = mapOnly();
    const fs::path folder = outputFolder("author");
    writePdfReport(path(folder / "owner.pdf"), Report(project, project.maps.front(), options));
    CHECK(pdfText(folder / "owner.pdf").find("Petra Lindqvist") != std::string::npos);
    options.author = "Jo Example";
    writePdfReport(path(folder / "author.pdf"), Report(project, project.maps.front(), options));
    const std::string text = pdfText(folder / "author.pdf");
    CHECK(text.find("Jo Example") != std::string::npos);
    CHECK(text.find("2024-05-06") != std::string::npos);
}

} // namespace gemba::render::test

namespace gemba::render::test {

TEST_CASE("Pagination keeps rows with their table: no first or last row alone on a page") {
    using detail::TableBlock;
    auto table = std::make_shared<TableBlock>(std::vector<TableBlock::Column>{
        {QStringLiteral("Step"), 100, 1, Qt::AlignLeft, 2, 100},
        {QStringLiteral("Field"), 100, 1, Qt::AlignLeft, 1, 100},
    });
    for (int i = 0; i < 12; ++i) {
        table->addRow({QStringLiteral("Step %1").arg(i), QStringLiteral("Name")});
        table->addRow({QString(), QStringLiteral("Lead time")}); // continues the step above
    }
    const qreal width = 400;
    const qreal row = table->height(width, 0, 1) - table->height(width, 0, 0);
    const auto heading = std::make_shared<detail::HeadingBlock>(QStringLiteral("Steps changed"));
    const auto filler = std::make_shared<detail::TextBlock>(QStringLiteral("Filler"), 8);
    // Page heights that leave every possible remainder at the foot of a page.
    for (qreal extra = 0; extra < 8 * row; extra += row / 3) {
        const QRectF page(0, 0, width, 200 + extra);
        const auto pages = detail::paginate({filler, heading, table}, page);
        INFO("page height " << page.height());
        for (const auto& placements : pages)
            for (const detail::Placement& placed : placements) {
                if (placed.block != table)
                    continue;
                CHECK_FALSE((placed.first == 0 && placed.last == 1)); // first row alone
                CHECK(placed.first != table->rowCount() - 1);         // last row alone
                CHECK(placed.first % 2 == 0); // a step's continuation stays with it
            }
        // A heading is never the last thing on a page.
        for (const auto& placements : pages)
            if (!placements.empty())
                CHECK_FALSE(placements.back().block->keepWithNext());
    }
}

} // namespace gemba::render::test

namespace gemba::render::test {

TEST_CASE("A ladder too long for the map page follows it in full, over pages") {
    const model::Project project = longStream(60);
    ReportOptions options = mapOnly();
    options.wrapLongStream = false; // one map page, as drawn
    const Report report(project, project.maps.front(), options);
    const std::vector<PagedDocument::Bookmark> marks = report.bookmarks();
    REQUIRE(marks.size() == 2);
    CHECK(marks[1].title == QStringLiteral("Ladder"));
    CHECK(marks[1].page == 1); // right after the map page
    const fs::path pdf = outputFolder("ladder") / "ladder.pdf";
    writePdfReport(path(pdf), report);
    std::string ladder;
    for (int page = 2; page <= pdfPages(pdf); ++page)
        ladder += pdfPageText(pdf, page) + " ";
    for (int i = 1; i <= 60; ++i)
        CHECK(ladder.find("document number " + std::to_string(i) + " ") != std::string::npos);
    CHECK(ladder.find("Lead time ") != std::string::npos);

    // A short stream's ladder writes its figures on the map page: no section of its own.
    const model::Project small = changeRequests();
    CHECK(Report(small, small.maps.front(), options).pageCount() == 1);
}

} // namespace gemba::render::test

namespace gemba::render::test {

TEST_CASE("\"No findings\" takes a line under the red pens, not a page") {
    // Neither map of this example has a finding.
    const model::Project project = store::openProject(std::filesystem::path(GEMBA_EXAMPLES_DIR) /
                                                      "office-order-to-cash.gemba");
    ReportOptions options = mapOnly();
    options.redPens = true;
    const model::Map& map = project.maps.front();
    REQUIRE(Report(project, map, options).metrics().findings.empty());
    const int without = Report(project, map, options).pageCount();
    options.findings = true;
    const Report report(project, map, options);
    CHECK(report.pageCount() == without);
    int redPen = -1;
    int findings = -1;
    for (const PagedDocument::Bookmark& mark : report.bookmarks()) {
        if (mark.title == QStringLiteral("Red pen"))
            redPen = mark.page;
        if (mark.title == QStringLiteral("Findings"))
            findings = mark.page;
    }
    CHECK(findings >= 0);
    CHECK(findings == redPen);
    const fs::path pdf = outputFolder("no-findings") / "no-findings.pdf";
    writePdfReport(path(pdf), report);
    CHECK(pdfPageText(pdf, findings + 1).find("No findings") != std::string::npos);
}

} // namespace gemba::render::test

namespace gemba::render::test {

TEST_CASE("Tiling never prints a blank tile") {
    // Two steps far apart on a diagonal: the flow between them runs along two sides of the
    // grid of tiles, and the tiles off its elbow show nothing.
    model::Project project = twoFarSteps();
    model::Map& map = project.maps.front();
    map.steps.rbegin()->second.pos = {3000, 2000};
    ReportOptions options = mapOnly();
    options.scalePercent = 100;
    const Report report(project, map, options);
    int tiles = 0;
    for (const PagedDocument::Bookmark& mark : report.bookmarks())
        tiles += mark.title.contains(QStringLiteral("tile")) ? 1 : 0;
    CHECK(tiles == report.pageCount() - 1);
    CHECK(tiles >= 3);
    // The whole grid is at least 3 × 3 at 100% on A4; most of it is empty.
    CHECK(tiles < 9);
    const fs::path pdf = outputFolder("blank-tiles") / "tiles.pdf";
    writePdfReport(path(pdf), report);
    CHECK(pdfPages(pdf) == report.pageCount());
}

} // namespace gemba::render::test
