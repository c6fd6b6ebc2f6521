// The portfolio as a PDF document: the streams side by side, the touch point between two of
// them, what they share, and the command that writes it.
#include "gemba/metrics/portfolio.h"
#include "gemba/model/units.h"
#include "gemba/render/export.h"
#include "gemba/render/portfolio_report.h"
#include "gemba/store/project_file.h"
#include "report_page.h"
#include "test_support.h"

#include <catch2/catch.hpp>
#include <cctype>

namespace gemba::render::test {

namespace fs = std::filesystem;

namespace {

const fs::path kExamples = fs::path(GEMBA_EXAMPLES_DIR);

QString q(const fs::path& file) {
    return QString::fromStdString(file.string());
}

/// Two example streams; the software stream's supplier is the office stream, a touch point.
metrics::Portfolio twoStreams(const model::Catalogue* catalogue = nullptr) {
    model::Project office = store::openProject(kExamples / "office-order-to-cash.gemba");
    model::Project software = store::openProject(kExamples / "software-delivery.gemba");
    const model::Map* current = metrics::currentStateOf(software);
    REQUIRE(current);
    model::Map& map = *software.findMap(current->id);
    bool renamed = false;
    for (auto& [id, party] : map.parties)
        if (party.kind == model::PartyKind::Supplier && !renamed) {
            party.name = office.props.name;
            renamed = true;
        }
    REQUIRE(renamed);
    return metrics::buildPortfolio(
        {{"office-order-to-cash.gemba", office}, {"software-delivery.gemba", software}}, catalogue);
}

} // namespace

TEST_CASE("Portfolio PDF: the streams, their touch point and what they share", "[portfolio][pdf]") {
    const metrics::Portfolio portfolio = twoStreams();
    REQUIRE(portfolio.dependencies.size() == 1);
    PortfolioReportOptions options;
    options.where = QStringLiteral("examples");
    options.today = QDate(2026, 12, 6);
    const PortfolioReport report(portfolio, options);
    const fs::path pdf = outputFolder("portfolio") / "portfolio.pdf";
    writePdfReport(q(pdf), report);
    CHECK(pdfPages(pdf) == report.pageCount());
    CHECK(pdfInfoField(pdf, "Title") == "Portfolio of 2 value streams");

    const std::string text = pdfText(pdf);
    for (const metrics::StreamSummary& stream : portfolio.streams) {
        INFO(stream.name);
        CHECK(text.find(stream.name) != std::string::npos);
        // Each stream's lead time as the editor's portfolio shows it.
        CHECK(text.find(model::formatDuration(stream.current->leadTime, stream.calendar)) !=
              std::string::npos);
    }
    // The touch point, in the table under the graph, with its wait.
    const metrics::Dependency& touch = portfolio.dependencies.front();
    CHECK(text.find("Touch points between streams") != std::string::npos);
    CHECK(text.find(model::formatDuration(
              touch.waitSeconds, portfolio.streams[touch.customer].calendar)) != std::string::npos);
    // Email is a system of both streams.
    CHECK(text.find("Systems in several streams") != std::string::npos);
    CHECK(text.find("Email") != std::string::npos);
    // Kinds of waste read as words, not as field names.
    CHECK(text.find("Over processing") != std::string::npos);
    CHECK(text.find("over_processing") == std::string::npos);
    CHECK(text.find("Ideas and actions") != std::string::npos);
    CHECK(text.find("2026-12-06") != std::string::npos);

    // One bookmark per section, each where its pages start.
    const std::vector<PagedDocument::Bookmark> marks = report.bookmarks();
    REQUIRE(marks.size() == 3);
    CHECK(marks[0].title == QStringLiteral("Value streams"));
    CHECK(marks[0].page == 0);
    CHECK(marks[1].page > marks[0].page);
    CHECK(marks[2].page > marks[1].page);
    CHECK(marks[2].page < report.pageCount());
    const std::string shared = pdfPageText(pdf, marks[1].page + 1);
    CHECK(shared.find("Systems in several streams") != std::string::npos);
}

TEST_CASE("Portfolio PDF: a catalogue entry is named with the other spellings counted in it",
          "[portfolio][pdf][catalogue]") {
    model::Catalogue catalogue;
    catalogue.add(model::CatalogueKind::System, "Mail server", {"Email"});
    const metrics::Portfolio portfolio = twoStreams(&catalogue);
    const PortfolioReport report(portfolio, {});
    const fs::path pdf = outputFolder("portfolio") / "portfolio-catalogue.pdf";
    writePdfReport(q(pdf), report);
    // Words as read, whatever lines the cell wraps them onto.
    std::string words;
    for (const char c : pdfText(pdf))
        if (!std::isspace(static_cast<unsigned char>(c)))
            words += c;
        else if (!words.empty() && words.back() != ' ')
            words += ' ';
    CHECK(words.find("Mail server (also Email)") != std::string::npos);
}

TEST_CASE("Portfolio PDF: gemba-cli portfolio --pdf writes it, and refuses a bad option",
          "[portfolio][pdf][cli]") {
    const fs::path folder = outputFolder("portfolio-cli");
    for (const char* name : {"office-order-to-cash.gemba", "software-delivery.gemba"})
        fs::copy_file(kExamples / name, folder / name);
    const fs::path pdf = folder / "out" / "portfolio.pdf";
    fs::create_directories(pdf.parent_path());
    const ToolResult written =
        runCli({QStringLiteral("portfolio"), q(folder), QStringLiteral("--pdf"), q(pdf),
                QStringLiteral("--page"), QStringLiteral("A3")});
    INFO(written.err);
    REQUIRE(written.exitCode == 0);
    CHECK(written.out.find("pages, A3 landscape") != std::string::npos);
    CHECK(pdfText(pdf).find("Software delivery") != std::string::npos);

    const ToolResult both = runCli({QStringLiteral("portfolio"), q(folder), QStringLiteral("--pdf"),
                                    q(pdf), QStringLiteral("--json")});
    CHECK(both.exitCode == 2);
    const ToolResult badPage =
        runCli({QStringLiteral("portfolio"), q(folder), QStringLiteral("--pdf"), q(pdf),
                QStringLiteral("--page"), QStringLiteral("B7")});
    CHECK(badPage.exitCode == 2);
    CHECK(badPage.err.find("--page takes A4, A3 or Letter") != std::string::npos);
}

TEST_CASE("A document of more pages than a report may have is refused before it is drawn",
          "[pdf]") {
    CHECK_NOTHROW(detail::checkPageCount(kMaxReportPages, "the portfolio"));
    CHECK_THROWS_WITH(detail::checkPageCount(kMaxReportPages + 1, "the portfolio"),
                      Catch::Contains("the portfolio would have 501 pages; a report has at "
                                      "most 500"));
}

} // namespace gemba::render::test
