// Every sample and example project, exported in every format, and read back.

#include "gemba/metrics/metrics.h"
#include "gemba/model/duration_units.h"
#include "gemba/model/units.h"
#include "gemba/render/export.h"
#include "gemba/render/report.h"
#include "gemba/store/csv_steps.h"
#include "gemba/store/project_file.h"
#include "sample_projects.h"
#include "test_support.h"

#include <QFile>
#include <QImage>
#include <QXmlStreamReader>
#include <catch2/catch.hpp>
#include <cmath>
#include <sstream>

namespace gemba::render::test {

namespace fs = std::filesystem;

namespace {

QString path(const fs::path& file) {
    return QString::fromStdString(file.string());
}

/// Every character of the SVG's text elements, and whether the XML is well formed.
struct SvgText {
    bool wellFormed = false;
    QString error;
    QString text;
    QString title;
    QString description;
};

SvgText readSvg(const fs::path& file) {
    QFile in(path(file));
    REQUIRE(in.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&in);
    SvgText out;
    QString element;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement())
            element = xml.name().toString();
        if (xml.isCharacters() && !xml.isWhitespace()) {
            if (element == QLatin1String("text"))
                out.text += xml.text().toString() + QLatin1Char(' ');
            else if (element == QLatin1String("title"))
                out.title += xml.text();
            else if (element == QLatin1String("desc"))
                out.description += xml.text();
        }
    }
    out.wellFormed = !xml.hasError();
    out.error = xml.errorString();
    return out;
}

std::vector<std::vector<std::string>> csvRows(const std::string& text) {
    // The metrics table quotes no field with a line break, so lines are rows.
    std::vector<std::vector<std::string>> rows;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        std::vector<std::string> cells;
        std::string cell;
        bool quoted = false;
        for (std::size_t i = 0; i < line.size(); ++i) {
            const char c = line[i];
            if (quoted) {
                if (c == '"' && i + 1 < line.size() && line[i + 1] == '"')
                    cell += line[++i];
                else if (c == '"')
                    quoted = false;
                else
                    cell += c;
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.push_back(cell);
                cell.clear();
            } else {
                cell += c;
            }
        }
        cells.push_back(cell);
        rows.push_back(cells);
    }
    return rows;
}

} // namespace

TEST_CASE("Every project exports in every format, and the files read back") {
    const fs::path folder = outputFolder("all-formats");
    for (const NamedProject& named : exportedProjects()) {
        const model::Project& project = named.project;
        for (std::size_t index = 0; index < project.maps.size(); ++index) {
            const model::Map& map = project.maps[index];
            const std::string base = named.name + "-" + std::to_string(index + 1);
            INFO("project " << named.name << ", map \"" << map.props.name << "\"");
            const metrics::MapMetrics m = metrics::computeMetrics(project, map);

            // PDF: a report of the map, compared with the map before it when there is one.
            ReportOptions options;
            options.date = "2024-05-06";
            if (index > 0)
                options.compareFrom = project.maps[index - 1].id;
            const Report report(project, map, options);
            const fs::path pdf = folder / (base + ".pdf");
            writePdfReport(path(pdf), report);
            CHECK(pdfPages(pdf) == report.pageCount());
            CHECK(pdfInfoField(pdf, "Title") == project.props.name + " — " + map.props.name);
            CHECK(pdfInfoField(pdf, "Creator").rfind("Gemba ", 0) == 0);
            const std::string text = pdfText(pdf);
            for (const auto& [id, step] : map.steps) {
                INFO("step " << step.name);
                CHECK(text.find(collapsed(step.name)) != std::string::npos);
            }
            if (m.valid) {
                // The totals, as the figures on the map page give them.
                CHECK(text.find("Lead time " + model::formatDurationIn(
                                                   m.leadTime, model::TimeUnit::Day,
                                                   project.props.calendar)) != std::string::npos);
                CHECK(text.find("Process time " +
                                model::formatDurationAs(
                                    m.processTime,
                                    model::durationUnitsOf(map, project.props.calendar).stepTime,
                                    project.props.calendar)) != std::string::npos);
            } else {
                CHECK(text.find("No figures") != std::string::npos);
            }
            if (index > 0)
                CHECK(text.find("Comparison: " + project.maps[index - 1].props.name + " → " +
                                map.props.name) != std::string::npos);

            // SVG: well formed, titled, and every step's name on its box.
            const fs::path svgFile = folder / (base + ".svg");
            writeSvg(path(svgFile), project, map);
            const SvgText svg = readSvg(svgFile);
            INFO(svg.error.toStdString());
            REQUIRE(svg.wellFormed);
            CHECK(svg.title.toStdString() == project.props.name + " — " + map.props.name);
            CHECK(svg.description.contains(QStringLiteral("Gemba")));
            for (const auto& [id, step] : map.steps)
                for (const QString& line : drawnNameLines(step.name)) {
                    INFO("step " << step.name << ", line " << line.toStdString());
                    CHECK(svg.text.contains(line));
                }

            // PNG at half size (48 dpi): the picture's area at 0.5 pixel per unit, rounded up.
            const fs::path png = folder / (base + ".png");
            ImageOptions half;
            half.dpi = 48;
            writePng(path(png), project, map, half);
            QImage image(path(png));
            REQUIRE(!image.isNull());
            const QRectF area = mapPictureRect(map, metrics::computeMetrics(project, map));
            CHECK(image.width() == static_cast<int>(std::ceil(area.width() * 0.5)));
            CHECK(image.height() == static_cast<int>(std::ceil(area.height() * 0.5)));
            CHECK(std::abs(image.dotsPerMeterX() - 48 / 0.0254) < 1);
            CHECK(image.pixelColor(0, 0) == QColor(Qt::white));

            // CSV step table: imports back to the same steps in flow order.
            const std::string steps = stepsCsv(project, map);
            writeTextFile(path(folder / (base + "-steps.csv")), steps);
            model::Project back;
            const model::Id imported = store::importCsvSteps(back, steps, base + "-steps.csv");
            const model::Map& again = *back.findMap(imported);
            const auto order = metrics::stepsInFlowOrder(project, map);
            const auto againOrder = metrics::stepsInFlowOrder(back, again);
            REQUIRE(againOrder.size() == order.size());
            for (std::size_t i = 0; i < order.size(); ++i) {
                const model::Step& a = map.steps.at(order[i]);
                const model::Step& b = again.steps.at(againOrder[i]);
                CHECK(b.name == a.name);
                CHECK(b.processTime == a.processTime);
            }

            // CSV figures: one row per figure, the lead time in seconds exactly.
            const std::string figures = metricsCsv(project, map, m);
            writeTextFile(path(folder / (base + "-metrics.csv")), figures);
            const auto rows = csvRows(figures);
            REQUIRE(rows.size() > 10);
            CHECK(rows[0] == std::vector<std::string>{"key", "label", "value", "unit"});
            bool found = false;
            for (const auto& row : rows) {
                REQUIRE(row.size() == 4);
                if (row[0] != "lead_time_seconds")
                    continue;
                found = true;
                CHECK(row[3] == "s");
                if (m.valid)
                    CHECK(std::stod(row[2]) == m.leadTime);
                else
                    CHECK(row[2].empty());
            }
            CHECK(found);
        }
    }
}

TEST_CASE("A transparent PNG has no background, and --width sets the resolution") {
    const model::Project project = changeRequests();
    const model::Map& map = project.maps.front();
    ImageOptions options;
    options.width = 800;
    options.transparent = true;
    const QImage image = renderMapImage(project, map, options);
    CHECK(image.width() == 800);
    // The height follows the picture's proportions: 800 / width x height, rounded up.
    const metrics::MapMetrics figures = metrics::computeMetrics(project, map);
    const QRectF area = mapPictureRect(map, figures);
    CHECK(image.height() == static_cast<int>(std::ceil(area.height() * 800 / area.width())));
    CHECK(image.pixelColor(0, 0).alpha() == 0);
    CHECK(image.pixelColor(image.width() - 1, image.height() - 1).alpha() == 0);
    CHECK(std::abs(imageDpi(map, figures, options) - 800 / area.width() * 96) < 1e-9);
}

TEST_CASE("An image too large to draw is refused with the size it would have") {
    const model::Project project = longStream(40);
    ImageOptions options;
    options.dpi = 2400; // 25 pixels per unit
    try {
        (void)renderMapImage(project, project.maps.front(), options);
        FAIL("no error");
    } catch (const ExportError& e) {
        CHECK(std::string(e.what()).find("pixels") != std::string::npos);
    }
}

TEST_CASE("A file that cannot be written is reported by name, and nothing is left") {
    const fs::path folder = outputFolder("unwritable");
    const fs::path missing = folder / "no-such-folder" / "out.pdf";
    const model::Project project = changeRequests();
    const Report report(project, project.maps.front(), {});
    try {
        writePdfReport(path(missing), report);
        FAIL("no error");
    } catch (const ExportError& e) {
        CHECK(std::string(e.what()).find(missing.string()) != std::string::npos);
    }
    CHECK_FALSE(fs::exists(missing));
    CHECK_THROWS_AS(writeTextFile(path(missing), "x"), ExportError);
    CHECK_THROWS_AS(writeSvg(path(missing), project, project.maps.front()), ExportError);
    CHECK_THROWS_AS(writePng(path(missing), project, project.maps.front()), ExportError);
    CHECK(fs::is_empty(folder));
}

} // namespace gemba::render::test

namespace gemba::render::test {

TEST_CASE("An empty map exports as a page that says so") {
    model::Project project;
    project.props.name = "Empty";
    model::Map map;
    map.id = project.allocateId();
    map.props.name = "Nothing yet";
    project.maps.push_back(map);
    const fs::path folder = outputFolder("empty");
    const Report report(project, project.maps.front(), {});
    writePdfReport(QString::fromStdString((folder / "empty.pdf").string()), report);
    CHECK(pdfPages(folder / "empty.pdf") == report.pageCount());
    CHECK(pdfText(folder / "empty.pdf").find("This map is empty.") != std::string::npos);
    writeSvg(QString::fromStdString((folder / "empty.svg").string()), project,
             project.maps.front());
    const QImage image = renderMapImage(project, project.maps.front());
    CHECK_FALSE(image.isNull());
    const std::string csv = stepsCsv(project, project.maps.front());
    CHECK(csv.find('\n') == csv.size() - 1); // the header alone
}

} // namespace gemba::render::test

namespace gemba::render::test {

TEST_CASE("The figures in the exports are the ones worked out by hand") {
    // Change requests, current state, 8-hour days. Critical path: Log ticket LT 2 h, triage
    // queue 1 d = 8 h, Triage LT 4 h, backlog 12 items / 6 a day = 2 d = 16 h, Copy LT 1 d,
    // Approve LT 3 d, then the longer branch, Develop LT 5 d (test data: 1 d), Test LT 2 d,
    // Deploy LT 1 d: 2 + 8 + 4 + 16 = 30 h = 3.75 d, and 1 + 3 + 5 + 2 + 1 = 12 d: 15.75 d,
    // 15.75 x 28,800 s = 453,600 s. Takt: 8 h / 6 a day = 80 min = 1.33 h = 4,800 s.
    const model::Project project = changeRequests();
    const model::Map& map = project.maps.front();
    const std::string csv = metricsCsv(project, map, metrics::computeMetrics(project, map));
    CHECK(csv.find("lead_time_seconds,Lead time,453600,s") != std::string::npos);
    CHECK(csv.find("lead_time_days,Lead time in working days,15.75,d") != std::string::npos);
    CHECK(csv.find("takt_seconds,Takt time,4800,s") != std::string::npos);
    // What the figures are of: the map, its demand (6 a day) and its available time (8 h).
    CHECK(csv.find("\r\nmap,Map," + map.props.name + ",name\r\n") != std::string::npos);
    CHECK(csv.find("demand_per_day,Customer demand per day,6,items") != std::string::npos);
    CHECK(csv.find("available_time_per_day_seconds,Available time per day,28800,s") !=
          std::string::npos);
    // The bottleneck: the highest C/T on the path is Develop's, 2 d over 2 people = 1 d.
    CHECK(csv.find("bottleneck,Bottleneck,Develop change,step") != std::string::npos);

    ReportOptions options;
    options.steps = false;
    options.redPens = false;
    options.findings = false;
    const fs::path pdf = outputFolder("by-hand") / "by-hand.pdf";
    writePdfReport(QString::fromStdString(pdf.string()), Report(project, map, options));
    const std::string text = pdfText(pdf);
    CHECK(text.find("Lead time 15.75 d") != std::string::npos);
    // Takt and the bottleneck's C/T in the unit of the map's step times (minutes).
    CHECK(text.find("Takt 80 min") != std::string::npos);
    CHECK(text.find("Bottleneck Develop change (480 min)") != std::string::npos);
}

TEST_CASE("The production line's times speak with one voice in the SVG and the report") {
    // Its cycle times are 1.18 s to 62 s and its takt 60 s: every one in seconds, never a
    // "1.03 min" beside a "62 s" (docs/metrics.md, Units).
    const model::Project project =
        store::openProject(fs::path(GEMBA_SOURCE_DIR) / "examples" / "production-line.gemba");
    const model::Map& map = *project.findMapByName("Current state");
    const fs::path folder = outputFolder("one-voice");
    writeSvg(path(folder / "line.svg"), project, map);
    const SvgText svg = readSvg(folder / "line.svg");
    REQUIRE(svg.wellFormed);
    CHECK(svg.text.contains(QStringLiteral("62 s")));
    CHECK_FALSE(svg.text.contains(QStringLiteral("1.03 min")));
    const fs::path pdf = folder / "line.pdf";
    writePdfReport(path(pdf), Report(project, map, ReportOptions{}));
    const std::string text = pdfText(pdf);
    CHECK(text.find("Takt 60 s") != std::string::npos);
    CHECK(text.find("Assembly I (62 s)") != std::string::npos);
    CHECK(text.find("cycle time 62 s is above takt 60 s") != std::string::npos);
    CHECK(text.find("1.03 min") == std::string::npos);
    CHECK(text.find("1 min") == std::string::npos);
}

TEST_CASE("A measured step's data box shows P50 with P85 beside it in every export") {
    model::Project project = changeRequests();
    model::Map& map = project.maps.front();
    model::Step& step = map.steps.begin()->second;
    model::StepMeasurement measured;
    measured.processTime = model::Distribution{40, 1800, 9000, 12780, 14000, 30000, 9500};
    measured.leadTime = model::Distribution{40, 1800, 9000, 12780, 14000, 30000, 9500};
    measured.items = 40;
    measured.provenance = "events.csv: 40 items, 2026-03-02 to 2026-03-27";
    step.measurement = measured;
    step.processTime = 9000;
    step.processTimeMin.reset();
    step.processTimeMax.reset();
    step.sources[model::Figure::ProcessTime] = {model::Basis::Measured, measured.provenance, {}};
    const model::Calendar& calendar = project.props.calendar;
    const QString expected =
        QStringLiteral("P50 %1 (P85 %2)")
            .arg(QString::fromStdString(model::formatDurationAs(
                     9000, model::durationUnitsOf(map, calendar).stepTime, calendar)),
                 QString::fromStdString(model::formatDurationAs(
                     12780, model::durationUnitsOf(map, calendar).stepTime, calendar)));
    const fs::path folder = outputFolder("measured");

    writeSvg(path(folder / "measured.svg"), project, map);
    const SvgText svg = readSvg(folder / "measured.svg");
    REQUIRE(svg.wellFormed);
    CHECK(svg.text.contains(expected)); // drawn whole, not elided
    // Only the process time is measured: the lead time's source says nothing.
    CHECK(svg.text.count(QStringLiteral("P85")) == 1);

    const fs::path pdf = folder / "measured.pdf";
    ReportOptions options;
    options.steps = false;
    options.redPens = false;
    options.findings = false;
    writePdfReport(path(pdf), Report(project, map, options));
    CHECK(pdfText(pdf).find(expected.toStdString()) != std::string::npos);

    // Set by hand, the figure is drawn plain; the distribution stays in the model.
    step.processTime = 7200;
    model::markSetByHand(step, model::Figure::ProcessTime);
    writeSvg(path(folder / "by-hand.svg"), project, map);
    const SvgText byHand = readSvg(folder / "by-hand.svg");
    CHECK_FALSE(byHand.text.contains(QStringLiteral("P85")));
    CHECK(step.measurement == measured);
}

} // namespace gemba::render::test
