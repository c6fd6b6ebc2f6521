// draw.io interchange: data-box text, the test diagrams of tests/data/drawio (plain,
// compressed, .drawio.svg, two pages, loose ends, HTML data boxes, every unit spelling, an
// ambiguous "m", a timeline that disagrees), hostile files, and every example exported and
// imported back.

#include "drawio_text.h"
#include "drawio_xml.h"
#include "files.h"
#include "gemba/metrics/metrics.h"
#include "gemba/store/drawio.h"
#include "gemba/store/errors.h"
#include "gemba/store/project_file.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <cmath>
#include <set>
#include <tuple>

using namespace gemba;
using store::DrawioImportReport;
using Kind = store::DrawioReportItem::Kind;
namespace detail = gemba::store::detail;

namespace {

const std::filesystem::path kData = std::filesystem::path(GEMBA_TEST_DATA) / "drawio";
const model::Calendar kCalendar; // 8-h days, 5-day weeks

const model::Map& mapNamed(const model::Project& project, const std::string& name) {
    const model::Map* map = project.findMapByName(name);
    REQUIRE(map != nullptr);
    return *map;
}

const model::Step& stepNamed(const model::Map& map, const std::string& name) {
    for (const auto& [id, step] : map.steps)
        if (step.name == name)
            return step;
    FAIL("no step named " << name);
    throw std::logic_error("unreachable");
}

/// The items of one kind whose message holds `part`.
std::size_t itemsWith(const DrawioImportReport& report, Kind kind, const std::string& part) {
    return static_cast<std::size_t>(
        std::count_if(report.items.begin(), report.items.end(), [&](const auto& item) {
            return item.kind == kind && item.message.find(part) != std::string::npos;
        }));
}

model::Project importFile(const std::string& name, DrawioImportReport& report,
                          store::DrawioImportOptions options = {}) {
    model::Project project;
    if (!options.demandPerDay)
        options.demandPerDay = 600;
    store::importDrawioFile(project, kData / name, options, report);
    return project;
}

/// What import refuses, with the project left as it was.
std::string refusal(const std::string& bytes, store::DrawioImportOptions options = {}) {
    model::Project project;
    project.props.name = "before";
    const model::Project before = project;
    DrawioImportReport report;
    try {
        store::importDrawio(project, bytes, "hostile.drawio", options, report);
    } catch (const store::InputError& e) {
        CHECK(project == before);
        return e.what();
    }
    FAIL("the file was read");
    return {};
}

std::string compressedPage(const std::string& payload) {
    return "<mxfile><diagram name=\"P\">" + payload + "</diagram></mxfile>";
}

} // namespace

TEST_CASE("draw.io numbers: thousands in either convention, decimals, and the ambiguous") {
    CHECK(detail::readNumber("27,600", true) == 27600);
    CHECK(detail::readNumber("27.600", true) == 27600);
    CHECK(detail::readNumber("1,234,567", true) == 1234567);
    CHECK(detail::readNumber("1.234,5", true) == 1234.5);
    CHECK(detail::readNumber("1,234.5", true) == 1234.5);
    CHECK(detail::readNumber("1.5", true) == 1.5);
    CHECK(detail::readNumber("1,5", true) == 1.5);
    CHECK(detail::readNumber("0.125", true) == 0.125);
    bool ambiguous = false;
    CHECK_FALSE(detail::readNumber("1.250", false, &ambiguous));
    CHECK(ambiguous);
    CHECK_FALSE(detail::readNumber("12a", true));
    CHECK_FALSE(detail::readNumber("1,23,4", true));
}

TEST_CASE("draw.io durations: every unit spelling, and 'm' or no unit refused") {
    const std::pair<const char*, double> spellings[] = {
        {"44 sec", 44},        {"44 s", 44},          {"60 min", 3600},     {"2 hr", 7200},
        {"2 h", 7200},         {"5 dy", 5 * 28800.0}, {"5 d", 5 * 28800.0}, {"3 days", 3 * 28800.0},
        {"1 wk", 5 * 28800.0}, {"1.5 min", 90},       {"0,5 h", 1800}};
    for (const auto& [text, seconds] : spellings) {
        INFO(text);
        const auto read = detail::readDuration(text, kCalendar);
        REQUIRE(read.seconds);
        CHECK(*read.seconds == Approx(seconds));
    }
    CHECK(detail::readDuration("45 sec", kCalendar).tolerance == 0.5);
    const auto minutesOrMonths = detail::readDuration("5 m", kCalendar);
    CHECK_FALSE(minutesOrMonths.seconds);
    CHECK(minutesOrMonths.problem.find("minutes or months") != std::string::npos);
    CHECK(detail::readDuration("44", kCalendar).problem.find("no unit") != std::string::npos);
    CHECK_FALSE(detail::readDuration("1.250 h", kCalendar).seconds);
    const auto huge = detail::readDuration(std::string(305, '9') + " wk", kCalendar);
    CHECK_FALSE(huge.seconds);
    CHECK(huge.problem.find("too large") != std::string::npos);
}

TEST_CASE("draw.io labels: HTML tables to lines, references decoded") {
    CHECK(detail::labelText("<table><tr><td>Lot</td><td>1,000&nbsp;pcs</td></tr>"
                            "<tr><td>C/T=44 sec</td></tr></table>",
                            true) == "Lot 1,000 pcs\nC/T=44 sec");
    CHECK(detail::labelText("Monthly<div>Forecast</div>", true) == "Monthly\nForecast");
    CHECK(detail::labelText("%C&amp;A &lt; 90%<br>x&#65;", true) == "%C&A < 90%\nxA");
    CHECK(detail::labelText("  as typed  ", false) == "as typed");
}

TEST_CASE("draw.io data boxes: each figure as draw.io users write it") {
    const auto figures = detail::readDataBox(
        {"C/T=44 sec", "C/O = 60 min", "Uptime 87%", "Avail=27,600", "Lot=1,000 pc", "Batch 10",
         "Operators: 3", "%C&A=95%", "L/T=2 days", "Shifts=2", "P/T=5 m"},
        kCalendar);
    CHECK(figures.cycleTime == 44);
    CHECK(figures.changeover == 3600);
    CHECK(figures.uptime == 87);
    CHECK(figures.availableSeconds == 27600);
    CHECK(figures.batchSize == 10); // the later line wins
    CHECK(figures.operators == 3);
    CHECK(figures.pca == 95);
    CHECK(figures.leadTime == 2 * 28800);
    CHECK_FALSE(figures.processTime);
    REQUIRE(figures.unread.size() == 1);
    CHECK(figures.unread[0] == "Shifts=2");
    REQUIRE(figures.refused.size() == 1);
    CHECK(figures.refused[0].find("minutes or months") != std::string::npos);

    const auto availability = detail::readDataBox({"Avail= 80%", "Avail=460 min"}, kCalendar);
    CHECK(availability.availability == 80);
    CHECK(availability.availableSeconds == 460 * 60);
}

TEST_CASE("draw.io import: the two-page test diagram, shape by shape") {
    DrawioImportReport report;
    const model::Project project = importFile("two-pages.drawio", report);
    REQUIRE(project.maps.size() == 2);
    REQUIRE(report.pages.size() == 2);

    const model::Map& line = mapNamed(project, "Line");
    CHECK(line.steps.size() == 4);
    CHECK(line.props.availableTimePerDay == 27600); // "27,600" and "27.600" agree
    CHECK(line.props.demand->quantity == 600);
    const model::Step& cutting = stepNamed(line, "Cutting");
    CHECK(cutting.processTime == 44);
    CHECK(cutting.cycleTime == 44);
    CHECK(cutting.changeover == 3600);
    CHECK(cutting.uptime == 87);
    CHECK(cutting.batchSize == 1000);
    CHECK(cutting.headcount == 2); // the operator icon
    CHECK(cutting.description == "Shifts=2");
    const model::Step& welding = stepNamed(line, "Welding");
    CHECK(welding.processTime == 90);
    CHECK(welding.changeover == 7200);
    CHECK(welding.batchSize == 10);
    CHECK(welding.headcount == 2);
    const model::Step& painting = stepNamed(line, "Painting");
    CHECK(painting.processTime == 1800);
    CHECK(painting.uptime == 80); // "Avail= 80%"
    const model::Step& curing = stepNamed(line, "Curing");
    CHECK(curing.processTime == 30);
    CHECK(curing.leadTime == 0.1 * 5 * 28800);

    // Inventories on the flows between the processes; the supplier's and the loose ends.
    std::vector<double> quantities;
    for (const auto& [id, wait] : line.waits)
        quantities.push_back(wait.quantity.value_or(-1));
    std::sort(quantities.begin(), quantities.end());
    CHECK(quantities == std::vector<double>{300, 600, 1200});
    int shipments = 0;
    for (const auto& [id, flow] : line.flows)
        shipments += flow.kind == model::FlowKind::Shipment;
    CHECK(shipments == 1);
    for (const auto& [id, party] : line.parties)
        CHECK(party.kind == (party.name == "Steel Supplier" ? model::PartyKind::Supplier
                                                            : model::PartyKind::Customer));
    CHECK(itemsWith(report, Kind::Joined, "joined to \"Painting\", 5 away") == 1);
    CHECK(itemsWith(report, Kind::Joined, "joined to \"Retail Customer\"") == 1);
    CHECK(itemsWith(report, Kind::NotJoined, "touches no shape") == 1);

    // The red pen circles the process it stands on; shapes without a counterpart are listed.
    REQUIRE(line.redPens.size() == 1);
    CHECK(line.redPens.begin()->second.targets == std::vector<model::Id>{welding.id});
    CHECK(itemsWith(report, Kind::Unmapped, "ellipse \"Weekly review\"") == 1);
    CHECK(itemsWith(report, Kind::Unmapped, "kanban_post has no Gemba counterpart and no text") ==
          1);

    // The figures: 44 + 90 + 1800 + 30 s of process time; 2 + 1 + 0.5 days of inventory and
    // Curing's lead time of 4 h (0.1 wk) less its 30 s.
    const metrics::MapMetrics m = metrics::computeMetrics(project, line);
    REQUIRE(m.valid);
    CHECK(m.processTime == Approx(1964));
    CHECK(m.leadTime == Approx(3.5 * 28800 + 1964 + 4 * 3600 - 30));
    // The timeline says 45 sec where the data box says 44; the totals note's work time is
    // 30 min where Gemba computes 32.73 min; its lead time, 4.1 d, agrees (4.07 d).
    CHECK(itemsWith(report, Kind::Disagreement,
                    "\"Cutting\" is 45 sec on the diagram's timeline, "
                    "44 s computed by Gemba") == 1);
    CHECK(itemsWith(report, Kind::Disagreement,
                    "'Total work time = 30 min' on the diagram, "
                    "32.73 min computed by Gemba") == 1);
    CHECK(itemsWith(report, Kind::Disagreement, "lead time") == 0);
    CHECK(report.count(Kind::Disagreement) == 2);

    const model::Map& office = mapNamed(project, "Office");
    const model::Step& intake = stepNamed(office, "Intake"); // named by its title cell
    CHECK(itemsWith(report, Kind::Refused, "'C/T=5 m'") == 1);
    CHECK(intake.processTime == 360); // the timeline's 6 min, said so
    CHECK(itemsWith(report, Kind::Assumption, "\"Intake\" has no C/T") == 1);
    CHECK(intake.pca == 90);
    const model::Step& review = stepNamed(office, "Review");
    CHECK(review.processTime == 1200); // P/T, with C/T apart
    CHECK(review.cycleTime == 600);
    int kinds[6] = {};
    for (const auto& [id, flow] : office.flows)
        ++kinds[static_cast<int>(flow.kind)];
    CHECK(kinds[static_cast<int>(model::FlowKind::Push)] == 1); // the push arrow shape
    CHECK(kinds[static_cast<int>(model::FlowKind::ElectronicInformation)] == 1);
    CHECK(kinds[static_cast<int>(model::FlowKind::ManualInformation)] == 1);
    for (const auto& [id, flow] : office.flows)
        if (flow.kind == model::FlowKind::ManualInformation)
            CHECK(flow.label == "Daily"); // from the edge's label cell
    CHECK(office.infoBoxes.size() == 1);

    // Positions are kept, scaled: Cutting's centre (250, 235) on the page.
    CHECK(cutting.pos.x == Approx(250 * 1.6));
    CHECK(cutting.pos.y == Approx(235 * 1.6));
    CHECK(report.text().find("page \"Line\": 30 shapes and edges read: 4 steps") !=
          std::string::npos);
    CHECK(report.json().find("\"kind\": \"disagreement\"") != std::string::npos);
}

TEST_CASE("draw.io import: plain, compressed and .drawio.svg give the same maps") {
    DrawioImportReport plainReport, compressedReport, svgReport;
    const model::Project plain = importFile("two-pages.drawio", plainReport);
    const model::Project compressed = importFile("two-pages-compressed.drawio", compressedReport);
    const model::Project svg = importFile("two-pages.drawio.svg", svgReport);
    CHECK(compressed == plain);
    CHECK(svg == plain);
    CHECK(compressedReport.items.size() == plainReport.items.size());

    DrawioImportReport one;
    store::DrawioImportOptions options;
    options.page = "Office";
    const model::Project office = importFile("two-pages-compressed.drawio", one, options);
    REQUIRE(office.maps.size() == 1);
    CHECK(office.maps[0].props.name == "Office");
    options.page = "Nowhere";
    model::Project project;
    CHECK_THROWS_WITH(
        store::importDrawioFile(project, kData / "two-pages.drawio", options, one),
        Catch::Contains("no page named \"Nowhere\" (its pages: \"Line\", \"Office\")"));
}

TEST_CASE("draw.io import: hostile files are refused with a message, in bounded time") {
    const auto start = std::chrono::steady_clock::now();
    // An entity bomb: refused at its DOCTYPE, before any entity is expanded.
    CHECK_THAT(refusal("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                       "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>"
                       "<mxfile>&lol2;</mxfile>"),
               Catch::Contains("DOCTYPE"));
    // Deeply nested.
    std::string deep;
    for (int i = 0; i < 100000; ++i)
        deep += "<a>";
    CHECK_THAT(refusal(deep), Catch::Contains("nested more than 64 deep"));
    // Invalid base64, and base64 that is not deflate.
    CHECK_THAT(refusal(compressedPage("@@not base64@@")), Catch::Contains("not valid base64"));
    CHECK_THAT(refusal(compressedPage(detail::encodeBase64("plain text, not deflate"))),
               Catch::Contains("damaged"));
    // A payload that inflates far beyond the limit stops at the limit.
    store::DrawioImportOptions small;
    small.limits.maxInflatedBytes = 1 << 20;
    const std::string zeros(16 << 20, '0');
    CHECK_THAT(refusal(compressedPage(detail::encodeBase64(detail::deflateRaw(zeros))), small),
               Catch::Contains("inflates to more than 1 MiB"));
    // Too big, too many elements, not XML, not draw.io, not UTF-8.
    small.limits.maxFileBytes = 100;
    CHECK_THAT(refusal(std::string(200, ' '), small), Catch::Contains("larger than"));
    store::DrawioImportOptions few;
    few.limits.maxElements = 10;
    std::string wide = "<mxfile>";
    for (int i = 0; i < 20; ++i)
        wide += "<x/>";
    CHECK_THAT(refusal(wide + "</mxfile>", few), Catch::Contains("more than 10 elements"));
    store::DrawioImportOptions crowded;
    crowded.limits.maxCellsPerPage = 5;
    std::string cells = "<mxGraphModel><root>";
    for (int i = 0; i < 8; ++i)
        cells += "<mxCell id=\"c" + std::to_string(i) + "\" vertex=\"1\"/>";
    CHECK_THAT(refusal(cells + "</root></mxGraphModel>", crowded),
               Catch::Contains("more than 5 shapes and edges on one page"));
    CHECK_THAT(refusal("<mxfile><diagram>"), Catch::Contains("line 1, column"));
    CHECK_THAT(refusal("<html/>"), Catch::Contains("not a draw.io file"));
    CHECK_THAT(refusal("<mxfile name=\"\xff\"/>"), Catch::Contains("not UTF-8"));
    CHECK_THAT(refusal("<svg/>"), Catch::Contains("without draw.io content"));
    CHECK_THAT(refusal(R"(<mxGraphModel><root><mxCell id="0"/><mxCell id="a" vertex="1" )"
                       R"(style="shape=mxgraph.lean_mapping.manufacturing_process;">)"
                       R"(<mxGeometry x="100000000000" width="10" height="10" as="geometry"/>)"
                       R"(</mxCell></root></mxGraphModel>)"),
               Catch::Contains("cell a: a position or size beyond"));
    const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start);
    CHECK(seconds.count() < 20);
}

TEST_CASE("draw.io export: every example imports back to the same maps and figures") {
    for (const char* name : {"production-line", "office-order-to-cash", "software-delivery"}) {
        INFO(name);
        const model::Project original = store::openProject(
            std::filesystem::path(GEMBA_SOURCE_DIR) / "examples" / (std::string(name) + ".gemba"));
        std::vector<const model::Map*> maps;
        for (const model::Map& map : original.maps)
            maps.push_back(&map);
        const std::string file = store::exportDrawio(original, maps);
        model::Project back;
        DrawioImportReport report;
        store::importDrawio(back, file, std::string(name) + ".drawio", {}, report);
        INFO(report.text());
        CHECK(report.items.empty()); // nothing unmapped, refused or disagreeing
        CHECK(back.props.calendar == original.props.calendar);
        REQUIRE(back.maps.size() == original.maps.size());
        for (std::size_t i = 0; i < maps.size(); ++i) {
            const model::Map& a = original.maps[i];
            const model::Map& b = back.maps[i];
            INFO(a.props.name);
            CHECK(b.props.name == a.props.name);
            CHECK(b.props.demand == a.props.demand);
            CHECK(b.props.availableTimePerDay == a.props.availableTimePerDay);
            CHECK(b.props.state == a.props.state);
            CHECK(b.steps.size() == a.steps.size());
            CHECK(b.waits.size() == a.waits.size());
            CHECK(b.parties.size() == a.parties.size());
            CHECK(b.infoBoxes.size() == a.infoBoxes.size());
            CHECK(b.notes.size() == a.notes.size());
            CHECK(b.redPens.size() == a.redPens.size());
            CHECK(b.flows.size() == a.flows.size());
            for (const auto& [id, step] : a.steps) {
                model::Step copy = stepNamed(b, step.name);
                INFO(step.name);
                CHECK(copy.pos.x == Approx(step.pos.x));
                CHECK(copy.pos.y == Approx(step.pos.y));
                // Ids differ; everything else is the same.
                copy.id = step.id;
                copy.origin = step.origin;
                copy.pos = step.pos;
                copy.people.clear();
                copy.systems.clear();
                model::Step plain = step;
                plain.people.clear();
                plain.systems.clear();
                CHECK(copy == plain);
                CHECK(stepNamed(b, step.name).people.size() == step.people.size());
                CHECK(stepNamed(b, step.name).systems.size() == step.systems.size());
            }
            std::multiset<std::tuple<int, std::string, std::string, std::string>> flowsA, flowsB;
            for (const auto& [id, flow] : a.flows)
                flowsA.insert({static_cast<int>(flow.kind), a.nameOf(flow.from), a.nameOf(flow.to),
                               flow.label});
            for (const auto& [id, flow] : b.flows)
                flowsB.insert({static_cast<int>(flow.kind), b.nameOf(flow.from), b.nameOf(flow.to),
                               flow.label});
            CHECK(flowsA == flowsB);
            const metrics::MapMetrics ma = metrics::computeMetrics(original, a);
            const metrics::MapMetrics mb = metrics::computeMetrics(back, b);
            REQUIRE(mb.valid == ma.valid);
            CHECK(mb.leadTime == Approx(ma.leadTime));
            CHECK(mb.processTime == Approx(ma.processTime));
            CHECK(mb.cycleTime == Approx(ma.cycleTime));
            CHECK(mb.activityRatio == Approx(ma.activityRatio));
            CHECK(mb.processCycleEfficiency == Approx(ma.processCycleEfficiency));
            CHECK(mb.rolledPca == Approx(ma.rolledPca));
            CHECK(mb.takt.value_or(-1) == Approx(ma.takt.value_or(-1)));
            CHECK(mb.wip.value_or(-1) == Approx(ma.wip.value_or(-1)));
            CHECK(mb.handoffs == ma.handoffs);
            CHECK(mb.frictionCostPerWeek == Approx(ma.frictionCostPerWeek));
            CHECK(b.nameOf(mb.bottleneck) == a.nameOf(ma.bottleneck));
            CHECK(mb.timeline.size() == ma.timeline.size());
        }
    }
}

TEST_CASE("draw.io import: inventories without demand, and the demand the diagram mentions") {
    const std::string page =
        R"(<mxGraphModel><root><mxCell id="0"/><mxCell id="1" parent="0"/>)"
        R"(<mxCell id="a" value="Press" style="shape=mxgraph.lean_mapping.manufacturing_process;" vertex="1" parent="1"><mxGeometry x="0" y="0" width="100" height="70" as="geometry"/></mxCell>)"
        R"(<mxCell id="b" value="Pack" style="shape=mxgraph.lean_mapping.manufacturing_process;" vertex="1" parent="1"><mxGeometry x="200" y="0" width="100" height="70" as="geometry"/></mxCell>)"
        R"(<mxCell id="da" value="C/T=1 min" style="shape=mxgraph.lean_mapping.data_box;" vertex="1" parent="1"><mxGeometry x="0" y="72" width="100" height="40" as="geometry"/></mxCell>)"
        R"(<mxCell id="db" value="C/T=2 min" style="shape=mxgraph.lean_mapping.data_box;" vertex="1" parent="1"><mxGeometry x="200" y="72" width="100" height="40" as="geometry"/></mxCell>)"
        R"(<mxCell id="i" value="1,008" style="shape=mxgraph.lean_mapping.inventory_box;" vertex="1" parent="1"><mxGeometry x="130" y="20" width="40" height="30" as="geometry"/></mxCell>)"
        R"(<mxCell id="e" style="" edge="1" parent="1" source="a" target="b"><mxGeometry relative="1" as="geometry"/></mxCell>)"
        R"(<mxCell id="s" value="available: 460 min/dy&#10;1 shift/day&#10;504 pcs/day&#10;(-4) 336 pcs/day" style="shape=mxgraph.lean_mapping.schedule;" vertex="1" parent="1"><mxGeometry x="0" y="-200" width="100" height="70" as="geometry"/></mxCell>)"
        R"(</root></mxGraphModel>)";
    model::Project project;
    DrawioImportReport report;
    store::importDrawio(project, page, "demand.xml", {}, report);
    CHECK(itemsWith(report, Kind::Assumption,
                    "the diagram mentions 504 pcs/day (also 336 pcs/day)") == 1);
    CHECK(itemsWith(report, Kind::Assumption, "460 min") == 0);
    CHECK(itemsWith(report, Kind::Assumption, "shift") == 0);
    // Without demand the inventory stays a count, left out of the lead time with a warning.
    const metrics::MapMetrics counted = metrics::computeMetrics(project, project.maps[0]);
    CHECK(counted.valid);
    CHECK(counted.leadTime == 180); // the two steps' 1 + 2 min alone
    CHECK(std::any_of(counted.findings.begin(), counted.findings.end(), [](const auto& f) {
        return f.code == "inventory_without_demand" && f.severity == metrics::Severity::Warning;
    }));

    // With the demand given, 1,008 items at 504 a day are 2 days.
    model::Project given;
    DrawioImportReport none;
    store::DrawioImportOptions options;
    options.demandPerDay = 504;
    store::importDrawio(given, page, "demand.xml", options, none);
    CHECK(itemsWith(none, Kind::Assumption, "demand") == 0);
    const metrics::MapMetrics m = metrics::computeMetrics(given, given.maps[0]);
    REQUIRE(m.valid);
    CHECK(m.waitTime == Approx(2 * 28800));
}

TEST_CASE("draw.io import: a data box joins its process by a connecting edge, or beside it") {
    const std::string page =
        R"(<mxGraphModel><root><mxCell id="0"/><mxCell id="1" parent="0"/>)"
        R"(<mxCell id="a" value="Far" style="shape=mxgraph.lean_mapping.manufacturing_process;" vertex="1" parent="1"><mxGeometry x="0" y="0" width="100" height="70" as="geometry"/></mxCell>)"
        R"(<mxCell id="da" value="C/T=3 min" style="shape=mxgraph.lean_mapping.data_box;" vertex="1" parent="1"><mxGeometry x="600" y="600" width="100" height="40" as="geometry"/></mxCell>)"
        R"(<mxCell id="link" edge="1" parent="1" source="da" target="a"><mxGeometry relative="1" as="geometry"/></mxCell>)"
        R"(<mxCell id="b" value="Side" style="shape=mxgraph.lean_mapping.manufacturing_process;" vertex="1" parent="1"><mxGeometry x="0" y="1000" width="100" height="70" as="geometry"/></mxCell>)"
        R"(<mxCell id="db" value="C/T=4 min" style="shape=mxgraph.lean_mapping.data_box;" vertex="1" parent="1"><mxGeometry x="120" y="1010" width="80" height="40" as="geometry"/></mxCell>)"
        R"(</root></mxGraphModel>)";
    model::Project project;
    DrawioImportReport report;
    store::importDrawio(project, page, "boxes.xml", {}, report);
    const model::Map& map = project.maps.at(0);
    CHECK(stepNamed(map, "Far").processTime == 180);
    CHECK(stepNamed(map, "Side").processTime == 240);
    CHECK(map.flows.empty()); // the connecting edge is the box's, not a flow
}

TEST_CASE("draw.io export: breakdowns and wait ranges ride along for the simulations",
          "[breakdown]") {
    model::Project original = store::openProject(std::filesystem::path(GEMBA_SOURCE_DIR) /
                                                 "examples" / "software-delivery.gemba");
    model::Map& map = original.maps.front();
    model::Step& step = map.steps.begin()->second;
    step.breakdown = model::Breakdown{6 * 3600.0, 1200.5};
    model::Wait* wait = nullptr;
    for (auto& [id, w] : map.waits)
        if (w.kind == model::WaitKind::Time && w.time)
            wait = &w;
    REQUIRE(wait != nullptr);
    wait->timeMin = *wait->time / 4;
    wait->timeMax = *wait->time * 2.5;

    const std::string file = store::exportDrawio(original, {&map});
    model::Project back;
    DrawioImportReport report;
    store::importDrawio(back, file, "ranges.drawio", {}, report);
    INFO(report.text());
    CHECK(report.items.empty());
    const model::Map& again = back.maps.front();
    CHECK(stepNamed(again, step.name).breakdown == step.breakdown);
    std::size_t ranged = 0;
    for (const auto& [id, w] : again.waits)
        if (w.timeMin || w.timeMax) {
            ++ranged;
            CHECK(w.timeMin == wait->timeMin);
            CHECK(w.timeMax == wait->timeMax);
        }
    CHECK(ranged == 1);

    // A hand-edited shape with a breakdown that is not one: left out, and said so.
    std::string edited = file;
    const std::string mttr = "&quot;mttr&quot;:1200.5";
    const std::size_t at = edited.find(mttr);
    REQUIRE(at != std::string::npos);
    edited.replace(at, mttr.size(), "&quot;mttr&quot;:-3");
    model::Project bad;
    DrawioImportReport badReport;
    store::importDrawio(bad, edited, "bad.drawio", {}, badReport);
    CHECK_FALSE(stepNamed(bad.maps.front(), step.name).breakdown);
    CHECK(badReport.count(Kind::Refused) >= 1);
    CHECK_THAT(badReport.text(), Catch::Contains("mttr"));
}
