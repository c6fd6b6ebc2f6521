// Schema 2, simulation: a map's choice of distribution in JSON and in .gemba files, and the
// migration that brings a schema 1 file up to date.
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

TEST_CASE("a map's simulation distribution survives JSON and a .gemba file",
          "[store][simulation]") {
    Project project = fullProject();
    REQUIRE(project.maps.size() >= 2);
    project.maps[1].props.distribution = TimeDistribution::Pert;

    const json out = toJson(project);
    // Written only where it is not the default.
    CHECK_FALSE(out.at("maps").at(0).contains("distribution"));
    CHECK(out.at("maps").at(1).at("distribution") == "pert");
    CHECK(fromJson(out) == project);

    TempDir dir;
    saveProject(project, dir / "p.gemba");
    const Project opened = openProject(dir / "p.gemba");
    CHECK(opened.maps[0].props.distribution == TimeDistribution::Triangular);
    CHECK(opened.maps[1].props.distribution == TimeDistribution::Pert);
    CHECK(opened == project);
}

TEST_CASE("an unknown distribution is refused with its JSON pointer", "[store][simulation]") {
    json in = toJson(fullProject());
    in["maps"][0]["distribution"] = "normal";
    CHECK_THROWS_WITH(fromJson(in, "x.json"), Catch::Contains("/maps/0/distribution") &&
                                                  Catch::Contains("unknown value 'normal'"));
}

TEST_CASE("the schema 1 fixture migrates to a map without a distribution row",
          "[store][simulation][migration]") {
    // tests/data/project-v1.gemba predates schema 2: every map reads as triangular, and a save
    // of what was opened writes the current schema.
    const fs::path fixture = fs::path(GEMBA_TEST_DATA) / "project-v1.gemba";
    const Project opened = openProject(fixture);
    for (const Map& map : opened.maps)
        CHECK(map.props.distribution == TimeDistribution::Triangular);
    TempDir dir;
    saveProject(opened, dir / "again.gemba");
    CHECK(openProject(dir / "again.gemba") == opened);
    CHECK(currentSchemaVersion() >= 2);
}

namespace {

/// The full project with a step that breaks down and a wait with a range (schema 4).
Project projectWithBreakdownsAndRanges() {
    Project project = fullProject();
    Map& map = project.maps[0];
    REQUIRE_FALSE(map.steps.empty());
    REQUIRE(map.waits.size() >= 2);
    map.steps.begin()->second.breakdown = Breakdown{8 * 3600.0, 1800.5};
    Wait& wait = map.waits.begin()->second;
    REQUIRE(wait.kind == WaitKind::Time);
    wait.timeMin = 3600;
    wait.timeMax = 6 * 3600.0;
    std::next(map.waits.begin())->second.timeMax = 7200; // a maximum alone
    return project;
}

} // namespace

TEST_CASE("breakdowns and wait ranges survive JSON and a .gemba file",
          "[store][simulation][breakdown]") {
    const Project project = projectWithBreakdownsAndRanges();
    const json out = toJson(project);
    const json& step = out.at("maps").at(0).at("steps").at(0);
    CHECK(step.at("breakdown") == json{{"mtbf", 28800.0}, {"mttr", 1800.5}});
    const json& wait = out.at("maps").at(0).at("waits").at(0);
    CHECK(wait.at("time").at("min") == 3600.0);
    CHECK(wait.at("time").at("max") == 21600.0);
    // Without a range a wait's time stays a plain number, as before.
    CHECK(out.at("maps").at(1).at("waits").at(0).at("time") == 600.0);
    CHECK(fromJson(out) == project);

    TempDir dir;
    saveProject(project, dir / "p.gemba");
    CHECK(openProject(dir / "p.gemba") == project);
}

TEST_CASE("breakdowns and wait ranges are read from text and refused with their place",
          "[store][simulation][breakdown]") {
    json in = toJson(fullProject());
    in["maps"][0]["steps"][0]["breakdown"] = {{"mtbf", "8 h"}, {"mttr", "30 min"}};
    in["maps"][0]["waits"][0]["time"] = {{"typical", "2 h"}, {"min", "1 h"}, {"max", "6 h"}};
    const Project read = fromJson(in);
    const Step& step = read.maps[0].steps.begin()->second;
    REQUIRE(step.breakdown);
    CHECK(step.breakdown->mtbf == 8 * 3600.0);
    CHECK(step.breakdown->mttr == 1800);
    const Wait& wait = read.maps[0].waits.begin()->second;
    CHECK(wait.time == 7200);
    CHECK(wait.timeMin == 3600);
    CHECK(wait.timeMax == 21600);

    json bad = in;
    bad["maps"][0]["steps"][0]["breakdown"] = {{"mtbf", -1}, {"mttr", 60}};
    CHECK_THROWS_WITH(fromJson(bad, "x.json"), Catch::Contains("/maps/0/steps/0/breakdown/mtbf"));
    bad = in;
    bad["maps"][0]["steps"][0]["breakdown"] = {{"mtbf", 60}};
    CHECK_THROWS_WITH(fromJson(bad, "x.json"),
                      Catch::Contains("/maps/0/steps/0/breakdown") && Catch::Contains("mttr"));
    bad = in;
    bad["maps"][0]["waits"][0]["time"]["max"] = -5;
    CHECK_THROWS_WITH(fromJson(bad, "x.json"), Catch::Contains("/maps/0/waits/0/time/max"));
}

TEST_CASE("a schema 3 file gains the breakdown and range tables", "[store][migration][breakdown]") {
    TempDir dir;
    const fs::path file = dir / "v3.gemba";
    saveProject(fullProject(), file);
    // What a schema-3 Gemba wrote: no breakdown or range tables.
    runSql(file, "DROP TABLE step_breakdown; DROP TABLE wait_range; DROP TABLE calendar_month; "
                 "DROP TABLE step_distribution; DROP TABLE step_measurement; "
                 "DROP TABLE catalogue_reference; PRAGMA user_version = 3;");
    const Project opened = openProject(file);
    CHECK(opened == fullProjectOfOldFile());
    Project grown = opened;
    grown.maps[0].steps.begin()->second.breakdown = Breakdown{3600, 600};
    saveProject(grown, dir / "v4.gemba");
    CHECK(openProject(dir / "v4.gemba") == grown);
}

namespace {

/// The full project with a step measured from an event log (schema 6).
Project projectWithMeasurement() {
    Project project = fullProject();
    Step& step = project.maps[0].steps.begin()->second;
    StepMeasurement m;
    m.processTime = Distribution{40, 600, 3600, 5400.5, 7200, 14400, 4000.25};
    m.leadTime = Distribution{40, 900, 5400, 9000, 10800, 20000, 6000};
    m.waitBefore = Distribution{38, 0, 1800, 3600, 7200, 28800, 2500};
    m.items = 37;
    m.provenance = "events.csv: 37 items, 2026-03-02 to 2026-03-27";
    step.measurement = m;
    return project;
}

} // namespace

TEST_CASE("a step's measured distributions survive JSON and a .gemba file",
          "[store][measurement]") {
    const Project project = projectWithMeasurement();
    const json out = toJson(project);
    const json& m = out.at("maps").at(0).at("steps").at(0).at("measurement");
    CHECK(m.at("items") == 37);
    CHECK(m.at("process_time").at("p85") == 5400.5);
    CHECK(m.at("wait_before").at("count") == 38);
    CHECK(m.at("provenance") == "events.csv: 37 items, 2026-03-02 to 2026-03-27");
    // Steps without one write none.
    CHECK_FALSE(out.at("maps").at(0).at("steps").at(1).contains("measurement"));
    CHECK(fromJson(out) == project);

    TempDir dir;
    saveProject(project, dir / "p.gemba");
    CHECK(openProject(dir / "p.gemba") == project);
}

TEST_CASE("a bad measured distribution is refused with its place", "[store][measurement]") {
    const json good = toJson(projectWithMeasurement());
    json bad = good;
    bad["maps"][0]["steps"][0]["measurement"]["process_time"]["count"] = -3;
    CHECK_THROWS_WITH(fromJson(bad, "x.json"),
                      Catch::Contains("/maps/0/steps/0/measurement/process_time/count"));
    bad = good;
    bad["maps"][0]["steps"][0]["measurement"]["lead_time"]["p85"] = 1.0; // below its P50
    CHECK_THROWS_WITH(fromJson(bad, "x.json"),
                      Catch::Contains("/maps/0/steps/0/measurement/lead_time") &&
                          Catch::Contains("p50 <= p85"));
    bad = good;
    bad["maps"][0]["steps"][0]["measurement"].erase("wait_before");
    CHECK_THROWS_WITH(fromJson(bad, "x.json"), Catch::Contains("wait_before"));

    TempDir dir;
    const fs::path file = dir / "bad.gemba";
    saveProject(projectWithMeasurement(), file);
    // As another program could write it, past the table's own check.
    runSql(file, "PRAGMA ignore_check_constraints = ON; UPDATE step_distribution SET quantity = "
                 "'cycle' WHERE quantity = 'lead_time';");
    CHECK_THROWS_WITH(openProject(file),
                      Catch::Contains("bad.gemba") && Catch::Contains("step_distribution"));
}

TEST_CASE("a schema 5 file gains the measurement tables", "[store][migration][measurement]") {
    TempDir dir;
    const fs::path file = dir / "v5.gemba";
    saveProject(projectWithBreakdownsAndRanges(), file);
    // What a schema-5 Gemba wrote: no measurement tables.
    runSql(file, "DROP TABLE step_distribution; DROP TABLE step_measurement; "
                 "DROP TABLE catalogue_reference; PRAGMA user_version = 5;");
    const Project opened = openProject(file);
    CHECK(opened == withoutCatalogueReferences(projectWithBreakdownsAndRanges()));
    Project grown = opened;
    grown.maps[0].steps.begin()->second.measurement =
        projectWithMeasurement().maps[0].steps.begin()->second.measurement;
    saveProject(grown, dir / "v6.gemba");
    CHECK(openProject(dir / "v6.gemba") == grown);
}
