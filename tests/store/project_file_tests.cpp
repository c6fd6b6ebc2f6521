#include "gemba/store/errors.h"
#include "gemba/store/project_file.h"
#include "project_file_detail.h"
#include "sample_projects.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <sqlite3.h>
#include <vector>

using namespace gemba::model;
using namespace gemba::store;
using namespace gemba::store::test;
namespace fs = std::filesystem;

namespace {

const fs::path kFixtureV1 = fs::path(GEMBA_TEST_DATA) / "project-v1.gemba";

std::int64_t pragma(const fs::path& file, const std::string& name) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* statement = nullptr;
    sqlite3_prepare_v2(db, ("PRAGMA " + name).c_str(), -1, &statement, nullptr);
    std::int64_t value = -1;
    if (sqlite3_step(statement) == SQLITE_ROW)
        value = sqlite3_column_int64(statement, 0);
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return value;
}

/// The names of a database's tables, sorted.
std::vector<std::string> tablesOf(const fs::path& file) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* statement = nullptr;
    sqlite3_prepare_v2(db, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name", -1,
                       &statement, nullptr);
    std::vector<std::string> names;
    while (sqlite3_step(statement) == SQLITE_ROW)
        names.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(statement, 0)));
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return names;
}

} // namespace

TEST_CASE("a project that sets every field survives a save and an open exactly", "[store][file]") {
    TempDir dir;
    const Project project = fullProject();
    saveProject(project, dir / "claims.gemba");
    const Project opened = openProject(dir / "claims.gemba");
    CHECK(opened.props == project.props);
    CHECK(opened.people == project.people);
    CHECK(opened.systems == project.systems);
    REQUIRE(opened.maps.size() == project.maps.size());
    for (std::size_t i = 0; i < project.maps.size(); ++i) {
        CHECK(opened.maps[i].props == project.maps[i].props);
        CHECK(opened.maps[i].steps == project.maps[i].steps);
        CHECK(opened.maps[i].waits == project.maps[i].waits);
        CHECK(opened.maps[i].flows == project.maps[i].flows);
        CHECK(opened.maps[i].redPens == project.maps[i].redPens);
    }
    CHECK(opened.nextId == project.nextId);
    CHECK(opened == project);

    // Saving what was opened gives the same project again, over the existing file.
    saveProject(opened, dir / "claims.gemba");
    CHECK(openProject(dir / "claims.gemba") == project);
    // Only the file itself is left in the folder: no temporary or journal files.
    CHECK(listDir(dir.path()) == std::vector<std::string>{"claims.gemba"});
}

TEST_CASE("an empty project survives a save and an open", "[store][file]") {
    TempDir dir;
    Project empty;
    saveProject(empty, dir / "empty.gemba");
    CHECK(openProject(dir / "empty.gemba") == empty);
}

TEST_CASE("a .gemba file is a SQLite database with Gemba's id and schema version",
          "[store][file]") {
    TempDir dir;
    saveProject(fullProject(), dir / "p.gemba");
    CHECK(pragma(dir / "p.gemba", "application_id") == 0x474D4241);
    CHECK(pragma(dir / "p.gemba", "user_version") == currentSchemaVersion());
    CHECK(currentSchemaVersion() == 7);
    // The normalised schema: one table per entity, an element table for placed elements, and
    // child tables for lists.
    std::vector<std::string> expected = {"artifact", "element", "figure_source", "flow", "friction",
                                         "info_box", "map", "note", "party", "person", "project",
                                         "red_pen", "red_pen_target", "step", "step_person",
                                         "step_system", "system", "wait", "workshop_expert",
                                         // schema 2: measured maps, simulation
                                         "event_state", "working_hours", "map_simulation",
                                         // schema 3, workshop (one JSON object per row)
                                         "action", "day_summary", "glossary_term", "idea", "lesson",
                                         "parking_lot_item", "review", "workshop",
                                         // schema 4, simulation inputs
                                         "step_breakdown", "wait_range",
                                         // schema 5, working days per month
                                         "calendar_month",
                                         // schema 6, measured distributions
                                         "step_measurement", "step_distribution",
                                         // schema 7, catalogue references
                                         "catalogue_reference"};
    std::sort(expected.begin(), expected.end());
    CHECK(tablesOf(dir / "p.gemba") == expected);
    // The file is complete on its own: no journal mode that needs side files.
    CHECK_FALSE(fs::exists(dir / "p.gemba-journal"));
    CHECK_FALSE(fs::exists(dir / "p.gemba-wal"));
}

TEST_CASE("saving keeps the permissions of the file it replaces", "[store][file]") {
    TempDir dir;
    const fs::path file = dir / "p.gemba";
    saveProject(Project{}, file);
    fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
    saveProject(fullProject(), file);
    CHECK(fs::status(file).permissions() ==
          (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read));
}

TEST_CASE("saving through a symbolic link replaces the file it points to", "[store][file]") {
    TempDir dir;
    saveProject(Project{}, dir / "real.gemba");
    fs::create_symlink(dir / "real.gemba", dir / "link.gemba");
    saveProject(fullProject(), dir / "link.gemba");
    CHECK(fs::is_symlink(dir / "link.gemba"));
    CHECK(openProject(dir / "real.gemba") == fullProject());
}

TEST_CASE("the schema 1 fixture opens to the project it was written from", "[store][file]") {
    // tests/data/project-v1.gemba was written by saveProject(fullProject()) at schema 1. Later
    // schemas add their migrations and keep this test: an old file must always open.
    REQUIRE(fs::exists(kFixtureV1));
    CHECK(pragma(kFixtureV1, "user_version") == 1);
    const std::string before = readFile(kFixtureV1);
    CHECK(openProject(kFixtureV1) == fullProjectOfOldFile());
    CHECK(readFile(kFixtureV1) == before); // opening never writes
}

// Rewrites the fixture; run by hand only when a fixture of a new schema is due:
//   store_tests "[.write-fixture]"
TEST_CASE("write the schema fixture", "[.write-fixture]") {
    const fs::path target = fs::path(GEMBA_TEST_DATA) /
                            ("project-v" + std::to_string(currentSchemaVersion()) + ".gemba");
    saveProject(fullProject(), target);
    SUCCEED("wrote " << target);
}

namespace {

/// A file of schema `version`: the current file with its user_version set back, standing for a
/// file written by an older Gemba.
fs::path olderFile(const TempDir& dir, int version) {
    const fs::path file = dir / ("v" + std::to_string(version) + ".gemba");
    saveProject(fullProject(), file);
    runSql(file, "PRAGMA user_version = " + std::to_string(version));
    return file;
}

} // namespace

TEST_CASE("migrations run in order on a copy, and the file on disk stays as it was",
          "[store][file][migration]") {
    TempDir dir;
    // Pretend this build reads schema 3: schema 2 added a table (SQL), schema 3 filled it (a
    // function). The file is schema 1, so both steps run, in order.
    std::vector<int> ran;
    std::vector<detail::Migration> steps;
    steps.push_back({3, "INSERT INTO tag VALUES ('three');", [&](detail::Database& db) {
                         ran.push_back(3);
                         CHECK(db.queryInt("SELECT count(*) FROM tag") == 2);
                     }});
    steps.push_back({2, "CREATE TABLE tag (name TEXT); INSERT INTO tag VALUES ('two');",
                     [&](detail::Database& db) {
                         ran.push_back(2);
                         CHECK(db.queryInt("PRAGMA user_version") == 1);
                     }});
    const fs::path file = olderFile(dir, 1);
    const std::string before = readFile(file);
    CHECK(detail::openProjectWith(file, steps, 3) == fullProject());
    CHECK(ran == std::vector<int>{2, 3});
    CHECK(readFile(file) == before);

    SECTION("a file of schema 2 goes through the step to 3 only") {
        ran.clear();
        const fs::path two = olderFile(dir, 2);
        runSql(two, "CREATE TABLE tag (name TEXT); INSERT INTO tag VALUES ('two');");
        CHECK(detail::openProjectWith(two, steps, 3) == fullProject());
        CHECK(ran == std::vector<int>{3});
    }
    SECTION("a file of the current schema runs no step") {
        ran.clear();
        CHECK(detail::openProjectWith(olderFile(dir, 3), steps, 3) == fullProject());
        CHECK(ran.empty());
    }
}

TEST_CASE("a failing or missing migration step is an InputError, and nothing changes",
          "[store][file][migration]") {
    TempDir dir;
    const fs::path file = olderFile(dir, 1);
    const std::string before = readFile(file);

    std::vector<detail::Migration> failing = {{2, "CREATE TABLE tag (name TEXT);", {}},
                                              {3, "INSERT INTO missing_table VALUES (1);", {}}};
    CHECK_THROWS_AS(detail::openProjectWith(file, failing, 3), InputError);

    std::vector<detail::Migration> throwing = {
        {2, "", [](detail::Database&) { throw std::runtime_error("cannot convert"); }}};
    CHECK_THROWS_WITH(detail::openProjectWith(file, throwing, 2),
                      Catch::Contains("cannot bring schema 1 up to date: cannot convert"));

    std::vector<detail::Migration> gap = {{3, "", {}}};
    CHECK_THROWS_WITH(detail::openProjectWith(file, gap, 3),
                      Catch::Contains("no migration from schema 1 to 2"));
    CHECK(readFile(file) == before);
}

TEST_CASE("working hours and the event mapping survive a save and an open; a schema 1 file "
          "opens with office hours",
          "[store][file][events]") {
    TempDir dir;
    Project project = fullProject();
    const auto hours = gemba::model::parseWorkingHours(
        "Mon-Thu 07:00-12:00,12:30-16:00; Fri 07:00-12:00; holidays 2026-12-24; utc+01:00");
    REQUIRE(hours.ok());
    project.props.workingHours = hours.value();
    project.props.eventMapping.states["Ready for review"] = {gemba::model::StateKind::Wait, {}, {}};
    project.props.eventMapping.states["In review"] = {gemba::model::StateKind::Step, "Review",
                                                      "QA"};
    saveProject(project, dir / "m.gemba");
    CHECK(openProject(dir / "m.gemba").props == project.props);
    CHECK(openProject(kFixtureV1).props.workingHours == gemba::model::WorkingHours::office());
    CHECK(openProject(kFixtureV1).props.eventMapping.states.empty());
}
