// Schema 5: the calendar's working days per month, kept by every format, and files written
// before the setting read with the month they were written with (52 weeks / 12).
#include "gemba/store/csv_map.h"
#include "gemba/store/drawio.h"
#include "gemba/store/errors.h"
#include "gemba/store/json_format.h"
#include "gemba/store/project_file.h"
#include "sample_projects.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

using namespace gemba::model;
using namespace gemba::store;
using namespace gemba::store::test;
using nlohmann::json;

namespace fs = std::filesystem;

namespace {

Project withDaysPerMonth(double days) {
    Project project = fullProject();
    project.props.calendar.daysPerMonth = days;
    // The map table names systems by name: the sample's unnamed one gets a name.
    for (auto& [id, system] : project.systems)
        if (system.name.empty())
            system.name = "Other system";
    return project;
}

} // namespace

TEST_CASE("a new project counts 20 working days a month", "[store][calendar]") {
    CHECK(Project().props.calendar.daysPerMonth == 20);
}

TEST_CASE("days per month survive JSON, a .gemba file, the map table and draw.io",
          "[store][calendar]") {
    const Project project = withDaysPerMonth(22.5);
    CHECK(fromJson(toJson(project)).props.calendar.daysPerMonth == 22.5);

    TempDir dir;
    saveProject(project, dir / "month.gemba");
    CHECK(openProject(dir / "month.gemba") == project);

    Project fromTable;
    importCsvMap(fromTable, exportCsvMap(project, project.maps.front()), "map.csv", "");
    CHECK(fromTable.props.calendar.daysPerMonth == 22.5);

    Project fromDiagram;
    DrawioImportReport report;
    importDrawio(fromDiagram, exportDrawio(project, {&project.maps.front()}), "map.drawio", {},
                 report);
    CHECK(fromDiagram.props.calendar.daysPerMonth == 22.5);
}

TEST_CASE("a file that does not give its days per month keeps the month it was written with",
          "[store][calendar][migration]") {
    Project sixDays = withDaysPerMonth(26);
    sixDays.props.calendar.daysPerWeek = 6;
    sixDays.props.calendar.daysPerMonth = 26; // 6 x 52 / 12

    SECTION("a schema 4 file") {
        TempDir dir;
        const fs::path file = dir / "v4.gemba";
        saveProject(withDaysPerMonth(20), file);
        runSql(file, "UPDATE project SET days_per_week = 6; DROP TABLE calendar_month; "
                     "DROP TABLE step_distribution; DROP TABLE step_measurement; "
                     "DROP TABLE catalogue_reference; PRAGMA user_version = 4;");
        const Project opened = openProject(file);
        CHECK(opened.props.calendar.daysPerMonth == Approx(26));
        // Saved again, the file states it.
        saveProject(opened, dir / "v5.gemba");
        CHECK(openProject(dir / "v5.gemba").props.calendar.daysPerMonth == Approx(26));
    }
    SECTION("a JSON project") {
        json written = toJson(sixDays);
        written["calendar"].erase("days_per_month");
        CHECK(fromJson(written).props.calendar.daysPerMonth == Approx(26));
    }
    SECTION("a map table") {
        Project marked = sixDays;
        marked.props.calendar.daysPerMonth = 23.25; // a value found once in the table
        std::string table = exportCsvMap(marked, marked.maps.front());
        // Leave the column's cell in the map row empty.
        const std::size_t at = table.find(",23.25,");
        REQUIRE(at != std::string::npos);
        REQUIRE(table.find(",23.25,", at + 1) == std::string::npos);
        table.replace(at, 7, ",,");
        Project read;
        importCsvMap(read, table, "map.csv", "");
        CHECK(read.props.calendar.daysPerMonth == Approx(26));
    }
}

TEST_CASE("days per month out of range are refused with their place", "[store][calendar]") {
    json bad = toJson(fullProject());
    bad["calendar"]["days_per_month"] = 40;
    CHECK_THROWS_WITH(fromJson(bad, "x.json"), Catch::Contains("/calendar/days_per_month"));

    const Project project = withDaysPerMonth(23.25);
    std::string table = exportCsvMap(project, project.maps.front());
    const std::size_t at = table.find(",23.25,");
    REQUIRE(at != std::string::npos);
    table.replace(at, 7, ",45,");
    Project read;
    CHECK_THROWS_WITH(importCsvMap(read, table, "map.csv", ""),
                      Catch::Contains("days per month") && Catch::Contains("31"));
}
