// The one-page summary: what it shows of each example, on which paper, how a long stream
// stays readable, and the command that writes it.

#include "gemba/model/operations.h"
#include "gemba/render/export.h"
#include "gemba/render/summary.h"
#include "gemba/store/project_file.h"
#include "sample_projects.h"
#include "test_support.h"

#include <catch2/catch.hpp>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <regex>

namespace gemba::render::test {

namespace fs = std::filesystem;

namespace {

QString q(const fs::path& file) {
    return QString::fromStdString(file.string());
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(collapsed(part)) != std::string::npos;
}

/// The words drawn under each link of a page (0-based) of a PDF, by the link's target page.
std::map<int, std::vector<std::string>> wordsUnderLinks(const fs::path& pdf, int page) {
    QPDF read;
    read.processFile(pdf.string().c_str());
    const std::vector<QPDFObjectHandle> pages = read.getAllPages();
    QPDFObjectHandle pageObject = pages.at(static_cast<std::size_t>(page));
    const double pageTop = pageObject.getKey("/MediaBox").getArrayAsRectangle().ury;
    const ToolResult words =
        runTool(QStringLiteral("pdftotext"), {"-bbox", "-f", QString::number(page + 1), "-l",
                                              QString::number(page + 1), q(pdf), "-"});
    REQUIRE(words.exitCode == 0);
    std::map<int, std::vector<std::string>> under;
    QPDFObjectHandle annotations = pageObject.getKey("/Annots");
    REQUIRE(annotations.isArray());
    for (QPDFObjectHandle annotation : annotations.aitems()) {
        REQUIRE(annotation.getKey("/Subtype").getName() == "/Link");
        QPDFObjectHandle destination = annotation.getKey("/Dest");
        int target = -1;
        for (std::size_t i = 0; i < pages.size(); ++i)
            if (pages[i].getObjGen() == destination.getArrayItem(0).getObjGen())
                target = static_cast<int>(i);
        const auto rect = annotation.getKey("/Rect").getArrayAsRectangle();
        std::vector<std::string>& found = under[target];
        // pdftotext's boxes run from the page's top; the link's from its bottom.
        const std::regex word(
            "xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" xMax=\"([0-9.]+)\" yMax=\"([0-9.]+)\">([^<]+)<");
        for (auto it = std::sregex_iterator(words.out.begin(), words.out.end(), word);
             it != std::sregex_iterator(); ++it) {
            const double x = (std::stod((*it)[1]) + std::stod((*it)[3])) / 2;
            const double y = pageTop - (std::stod((*it)[2]) + std::stod((*it)[4])) / 2;
            if (x > rect.llx && x < rect.urx && y > rect.lly && y < rect.ury)
                found.push_back((*it)[5]);
        }
    }
    return under;
}

/// A long stream with a future state made from it: the summary's worst case.
model::Project longStreamWithFuture(std::size_t steps) {
    model::Project project = longStream(steps);
    model::Map future = model::deriveMap([&] { return project.allocateId(); }, project.maps.front(),
                                         "Future state", model::MapState::Future);
    future.props.madeFrom = project.maps.front().id;
    project.maps.push_back(future);
    return project;
}

/// The first words of a text: pdftotext breaks wrapped lines where the page does.
std::string opening(const std::string& text, std::size_t words = 3) {
    std::string out;
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == ' ' && ++count == words)
            break;
        out += text[i];
    }
    return out;
}

} // namespace

TEST_CASE("The summary of every example shows the workshop on one A3 landscape page") {
    const fs::path folder = outputFolder("summary");
    std::error_code ec;
    int examples = 0;
    for (const auto& entry : fs::directory_iterator(GEMBA_EXAMPLES_DIR, ec)) {
        if (entry.path().extension() != ".gemba")
            continue;
        ++examples;
        const model::Project project = store::openProject(entry.path());
        SummaryOptions options;
        options.date = "2026-01-01"; // before every example's reviews
        const SummaryReport summary(project, options);
        const fs::path pdf = folder / (entry.path().stem().string() + ".pdf");
        writePdfReport(q(pdf), summary);
        INFO(pdf);
        CHECK(pdfPages(pdf) == 1);
        CHECK(pdfInfoField(pdf, "Page size").find("(A3)") != std::string::npos);
        CHECK(pdfInfoField(pdf, "Title") == project.props.name + " — Summary");

        const model::Map* current = project.findMap(summary.currentMap());
        const model::Map* future = project.findMap(summary.futureMap());
        REQUIRE(current);
        REQUIRE(future); // every example has a future state made from its current one
        CHECK(future->props.madeFrom == current->id);
        const std::string text = pdfText(pdf);
        CHECK(contains(text, project.props.name));
        CHECK(contains(text, opening(project.workshop.props.problem)));
        for (const model::Goal& goal : project.workshop.props.goals)
            CHECK(contains(text, opening(goal.text)));
        CHECK(contains(text, "Key figures"));
        CHECK(contains(text, "Lead time"));
        // Every step of both maps is named (as a box of the stream or on the map).
        for (const model::Map* map : {current, future})
            for (const auto& [id, step] : map->steps)
                CHECK(contains(text, opening(step.name, 1)));
        // The costliest red pen of the current state, with its cost.
        const model::RedPen* costliest = nullptr;
        for (const auto& [id, pen] : current->redPens)
            if (pen.cost && (!costliest || *pen.cost > *costliest->cost))
                costliest = &pen;
        if (costliest)
            CHECK(contains(text, opening(costliest->reason)));
        // Selected ideas, and actions with their owners and due dates.
        for (const auto& [id, idea] : project.workshop.ideas)
            if (idea.status == model::IdeaStatus::Selected)
                CHECK(contains(text, opening(idea.text, 2)));
        for (const auto& [id, action] : project.workshop.actions) {
            if (action.status == model::ActionStatus::Dropped)
                continue;
            CHECK(contains(text, opening(action.title, 2)));
            if (!action.due.empty())
                CHECK(contains(text, action.due));
            const auto owner = project.people.find(action.owner);
            if (owner != project.people.end())
                CHECK(contains(text, opening(owner->second.name, 1)));
        }
        // The next review: the earliest on or after the summary's date.
        std::string next;
        for (const auto& [id, review] : project.workshop.reviews) {
            const std::string when = model::reviewDate(project.workshop.props, review);
            if (!when.empty() && when >= "2026-01-01" && (next.empty() || when < next))
                next = when;
        }
        if (!next.empty())
            CHECK(contains(text, next));
        // Text as typed: no ligature glyphs stand in for "fi" or "fl".
        CHECK(text.find("\xEF\xAC\x81") == std::string::npos);
        CHECK(text.find("\xEF\xAC\x82") == std::string::npos);
    }
    CHECK(examples >= 4);
}

TEST_CASE("The summary prints on A4 when asked, and names what it left out") {
    const fs::path folder = outputFolder("summary-a4");
    const model::Project project =
        store::openProject(fs::path(GEMBA_EXAMPLES_DIR) / "office-order-to-cash.gemba");
    SummaryOptions options;
    options.pageSize = PageSize::A4;
    options.date = "2026-01-01";
    const SummaryReport summary(project, options);
    const fs::path pdf = folder / "a4.pdf";
    writePdfReport(q(pdf), summary);
    CHECK(pdfPages(pdf) == 1);
    CHECK(pdfInfoField(pdf, "Page size").find("(A4)") != std::string::npos);
    const std::string text = pdfText(pdf);
    CHECK(contains(text, "Key figures"));
    CHECK(contains(text, "Actions"));
    // Half as wide as A3: the columns that do not fit are named, not dropped silently.
    CHECK(contains(text, "Left out for want of width:"));
    CHECK(contains(text, "The comparison report has every column."));
    // Five actions where four fit: the page says so.
    CHECK(contains(text, "due soonest of 5 actions"));
    // The two ladders speak in the same units: the future state's waiting in days, as the
    // current state's, not in hours of its own.
    CHECK(contains(text, "Lead time 16.57 d · waiting 14.18 d"));
    CHECK_FALSE(contains(text, "113.47 h"));
}

TEST_CASE("A stream too long to print readably is drawn as its named ladder, never shrunk") {
    const fs::path folder = outputFolder("summary-long");
    const model::Project project = longStreamWithFuture(60);
    SummaryOptions options;
    options.date = "2026-01-01";
    const SummaryReport summary(project, options);
    CHECK(summary.futureMap() == project.maps[1].id);
    // At 60 steps a map picture in half an A3 page would print its text far under 6 pt.
    CHECK_FALSE(summary.drawsMapPicture(summary.currentMap()));
    CHECK_FALSE(summary.drawsMapPicture(summary.futureMap()));
    const fs::path pdf = folder / "long.pdf";
    writePdfReport(q(pdf), summary);
    CHECK(pdfPages(pdf) == 1);
    const std::string text = pdfText(pdf);
    // The boxes show names in full, wrapped: the first step's number is on the page, and
    // what does not fit is said, not cut silently.
    CHECK(contains(text, "number 1 "));
    CHECK(contains(text, "rungs (the full report has all)"));

    // A three-step map alone has the page's whole width: it is drawn as the map itself, at
    // a scale where its text reads.
    const model::Project small =
        store::openProject(fs::path(GEMBA_EXAMPLES_DIR) / "insurance-claims.gemba");
    SummaryOptions alone = options;
    alone.withFuture = false;
    const SummaryReport smallSummary(small, alone);
    CHECK(smallSummary.futureMap() == model::kNoId);
    CHECK(smallSummary.drawsMapPicture(smallSummary.currentMap()));
    const fs::path picture = folder / "picture.pdf";
    writePdfReport(q(picture), smallSummary);
    for (const auto& [id, step] : small.maps.front().steps)
        CHECK(contains(pdfText(picture), opening(step.name, 1)));
}

TEST_CASE("A project with one map gets a summary of it alone") {
    const fs::path folder = outputFolder("summary-one");
    const model::Project project = changeRequests();
    SummaryOptions options;
    options.date = "2026-01-01";
    options.current = project.maps.front().id;
    options.future = model::kNoId;
    model::Project single = project;
    single.maps.resize(1);
    const SummaryReport summary(single, options);
    CHECK(summary.futureMap() == model::kNoId);
    const fs::path pdf = folder / "one.pdf";
    writePdfReport(q(pdf), summary);
    const std::string text = pdfText(pdf);
    CHECK(contains(text, "Key figures: " + single.maps.front().props.name));
    CHECK(contains(text, "No idea selected yet."));
    CHECK(contains(text, "none planned"));

    options.current = 999999;
    CHECK_THROWS_AS(SummaryReport(single, options), std::invalid_argument);
}

TEST_CASE("gemba-cli report --summary writes the page, and refuses what does not apply") {
    const fs::path folder = outputFolder("cli-summary");
    const fs::path example = fs::path(GEMBA_EXAMPLES_DIR) / "software-delivery.gemba";
    const fs::path pdf = folder / "summary.pdf";
    ToolResult result = runCli({"report", q(example), "--summary", "-o", q(pdf), "--date",
                                "2026-01-01", "--author", "Jo Example"});
    INFO(result.err);
    REQUIRE(result.exitCode == 0);
    CHECK(result.out.find("one-page summary of \"Current state\" → \"Future state\", A3 "
                          "landscape") != std::string::npos);
    CHECK(pdfPages(pdf) == 1);
    CHECK(contains(pdfText(pdf), "Jo Example"));

    const fs::path a4 = folder / "a4.pdf";
    result = runCli({"report", q(example), "--summary", "--page-size", "A4", "-o", q(a4)});
    REQUIRE(result.exitCode == 0);
    CHECK(pdfInfoField(a4, "Page size").find("(A4)") != std::string::npos);

    const fs::path bad = folder / "bad.pdf";
    for (const QStringList& arguments :
         {QStringList{"report", q(example), "--summary", "-o", q(bad), "--date", "2026-02-30"},
          QStringList{"report", q(example), "--summary", "-o", q(bad), "--scale", "100"},
          QStringList{"report", q(example), "--summary", "-o", q(bad), "--from", "Future state",
                      "--to", "Future state"}}) {
        result = runCli(arguments);
        INFO(arguments.join(' ').toStdString() << ": " << result.err);
        CHECK(result.exitCode == 2);
        CHECK_FALSE(fs::exists(bad));
    }
    // The same date check holds for the full report.
    result = runCli(
        {"report", q(example), "--map", "Current state", "-o", q(bad), "--date", "2026-13-01"});
    CHECK(result.exitCode == 2);
    CHECK(result.err.find("YYYY-MM-DD") != std::string::npos);
}

} // namespace gemba::render::test

namespace gemba::render::test {

TEST_CASE("Reports carry their outline and document information") {
    const fs::path folder = outputFolder("pdf-outline");
    const model::Project project = changeRequests();
    ReportOptions options;
    options.date = "2024-05-06";
    options.author = "Jo Example";
    options.compareFrom = project.maps.front().id;
    const Report report(project, project.maps.back(), options);
    const fs::path pdf = folder / "report.pdf";
    writePdfReport(q(pdf), report);
    CHECK(pdfPages(pdf) == report.pageCount());
    CHECK(pdfInfoField(pdf, "Title") == report.title().toStdString());
    CHECK(pdfInfoField(pdf, "Author") == "Jo Example");
    CHECK(pdfInfoField(pdf, "Subject").find("compared with Current state") != std::string::npos);
    CHECK(pdfInfoField(pdf, "Keywords").find("value stream map") != std::string::npos);
    CHECK(pdfInfoField(pdf, "Creator").rfind("Gemba ", 0) == 0);
    // The outline as a reader's bookmarks pane shows it: each section where it starts.
    const ToolResult xml =
        runTool(QStringLiteral("pdftohtml"), {"-xml", "-stdout", "-i", "-q", q(pdf)});
    REQUIRE(xml.exitCode == 0);
    std::vector<std::string> titles;
    for (const PagedDocument::Bookmark& mark : report.bookmarks()) {
        titles.push_back(mark.title.toStdString());
        const std::string item =
            "<item page=\"" + std::to_string(mark.page + 1) + "\">" + titles.back() + "</item>";
        INFO(item);
        CHECK(xml.out.find(item) != std::string::npos);
    }
    // The future map reads only at 50%: its tiles follow its page.
    CHECK(titles == std::vector<std::string>{
                        "Comparison", "Map: Current state", "Map: Future state",
                        "Map: Future state, tile A1", "Map: Future state, tile B1", "Steps",
                        "Red pen: Current state", "Red pen: Future state", "Findings"});
    // Each tile marker on the map page is a link to its tile's page, where its name is drawn.
    const auto pageTitled = [&](const std::string& title) {
        for (const PagedDocument::Bookmark& mark : report.bookmarks())
            if (mark.title.toStdString() == title)
                return mark.page;
        return -1;
    };
    const int mapPage = pageTitled("Map: Future state");
    std::map<int, std::string> linked; // target page, and the tile name drawn under the link
    for (const auto& [target, words] : wordsUnderLinks(pdf, mapPage))
        linked[target] = words.empty() ? std::string() : words.back();
    CHECK(linked == std::map<int, std::string>{{pageTitled("Map: Future state, tile A1"), "A1"},
                                               {pageTitled("Map: Future state, tile B1"), "B1"}});
    CHECK(report.links().size() == 2);

    // The text is still all there after the update (the original bytes are kept).
    CHECK(pdfText(pdf).find("Comparison: Current state → Future state") != std::string::npos);

    const SummaryReport summary(
        store::openProject(fs::path(GEMBA_EXAMPLES_DIR) / "production-line.gemba"), {});
    const fs::path page = folder / "summary.pdf";
    writePdfReport(q(page), summary);
    CHECK(pdfInfoField(page, "Subject") == "Value stream summary: Current state → Future state");
    CHECK_FALSE(pdfInfoField(page, "Author").empty()); // the process owner
}

TEST_CASE("The tiles' names on a map page sit off the map, never on a step's text") {
    // 60 steps wrapped onto rows, shown at 50% over two rows of tiles.
    const model::Project project = longStream(60);
    const Report report(project, project.maps.front(), ReportOptions{});
    const fs::path pdf = outputFolder("tile-names") / "report.pdf";
    writePdfReport(q(pdf), report);
    REQUIRE(report.links().size() >= 4);
    const auto under = wordsUnderLinks(pdf, 0);
    REQUIRE(under.size() == report.links().size());
    for (const auto& [target, words] : under) {
        INFO("link to page " << target + 1);
        REQUIRE(words.size() == 1); // the tile's name alone
        CHECK(std::regex_match(words.front(), std::regex("[A-Z][0-9]+")));
    }
}

} // namespace gemba::render::test
