#include "gemba/model/document.h"
#include "gemba/model/operations.h"
#include "gemba/model/workshop_ops.h"
#include "gemba/store/errors.h"
#include "gemba/store/json_format.h"
#include "gemba/store/project_file.h"
#include "gemba/store/workshop_json.h"
#include "sample_projects.h"

#include <catch2/catch.hpp>
#include <sqlite3.h>

using namespace gemba::model;
using namespace gemba::store;
using namespace gemba::store::test;
namespace fs = std::filesystem;

namespace {

const fs::path kFixtureV1 = fs::path(GEMBA_TEST_DATA) / "project-v1.gemba";

std::int64_t userVersion(const fs::path& file) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* statement = nullptr;
    sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &statement, nullptr);
    std::int64_t value = -1;
    if (sqlite3_step(statement) == SQLITE_ROW)
        value = sqlite3_column_int64(statement, 0);
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return value;
}

} // namespace

TEST_CASE("the schema 1 fixture migrates in memory and saves as the current schema",
          "[store][migration][workshop]") {
    REQUIRE(userVersion(kFixtureV1) == 1);
    const std::string before = readFile(kFixtureV1);
    const Project opened = openProject(kFixtureV1);
    CHECK(opened == fullProjectOfOldFile());
    CHECK(opened.workshop == Workshop{});
    CHECK(readFile(kFixtureV1) == before);

    // Add to the migrated project, save: a schema-2 file that holds both.
    TempDir dir;
    Project grown = opened;
    Idea idea;
    idea.id = grown.allocateId();
    idea.text = "Approve in the CRM";
    grown.workshop.ideas.emplace(idea.id, idea);
    saveProject(grown, dir / "v3.gemba");
    CHECK(userVersion(dir / "v3.gemba") == currentSchemaVersion());
    CHECK(openProject(dir / "v3.gemba") == grown);
}

TEST_CASE("a schema 2 file (measured maps, no workshop) migrates to the current schema",
          "[store][migration][workshop]") {
    TempDir dir;
    const fs::path file = dir / "v2.gemba";
    saveProject(fullProject(), file);
    // What a schema-2 Gemba wrote: no workshop tables.
    runSql(file,
           "DROP TABLE workshop; DROP TABLE idea; DROP TABLE action; DROP TABLE review; "
           "DROP TABLE parking_lot_item; DROP TABLE glossary_term; DROP TABLE lesson; "
           "DROP TABLE day_summary; DROP TABLE step_breakdown; DROP TABLE wait_range; "
           "DROP TABLE calendar_month; DROP TABLE step_distribution; "
           "DROP TABLE step_measurement; DROP TABLE catalogue_reference; PRAGMA user_version = 2;");
    const std::string before = readFile(file);
    CHECK(openProject(file) == fullProjectOfOldFile());
    CHECK(readFile(file) == before);
}

TEST_CASE("a workshop survives .gemba and JSON round trips exactly", "[store][workshop]") {
    const Project project = fullProjectWithWorkshop();
    TempDir dir;
    saveProject(project, dir / "w.gemba");
    const Project opened = openProject(dir / "w.gemba");
    CHECK(opened.workshop.props == project.workshop.props);
    CHECK(opened.workshop.ideas == project.workshop.ideas);
    CHECK(opened.workshop.actions == project.workshop.actions);
    CHECK(opened.workshop.reviews == project.workshop.reviews);
    CHECK(opened == project);

    const Project fromText = fromJson(nlohmann::json::parse(toJson(project).dump()));
    CHECK(fromText == project);
}

TEST_CASE("workshop JSON reads durations with units and hands out ids left out",
          "[store][workshop][json]") {
    nlohmann::json doc = toJson(fullProject());
    const Id mapId = fullProject().maps.front().id;
    doc["workshop"] = nlohmann::json::parse(R"({
        "end_date": "2026-03-04",
        "goals": [{"text": "under 10 d", "figure": "lead_time", "from": "34 d", "to": "10 d"}],
        "ideas": [{"text": "one"}, {"text": "two", "kind": "use_ai", "status": "parked",
                   "reason": "later"}],
        "actions": [{"title": "do it", "changes": []}]
    })");
    doc["workshop"]["goals"][0]["map"] = mapId;
    doc.erase("next_id");
    const Project project = fromJson(doc);
    const Workshop& w = project.workshop;
    const double day = project.props.calendar.secondsPerDay(); // the project's working day
    CHECK(w.props.goals[0].target.from.value() == Approx(34 * day));
    CHECK(w.props.goals[0].target.to.value() == Approx(10 * day));
    REQUIRE(w.ideas.size() == 2);
    CHECK(w.ideas.begin()->first > fullProject().largestIdInUse());
    CHECK(std::next(w.ideas.begin())->second.status == IdeaStatus::Parked);
    CHECK(project.nextId > w.actions.begin()->first);
}

TEST_CASE("bad workshop JSON is refused with its JSON pointer", "[store][workshop][json]") {
    auto refused = [](const std::string& workshop) -> std::string {
        nlohmann::json doc = toJson(fullProject());
        doc["workshop"] = nlohmann::json::parse(workshop);
        try {
            fromJson(doc, "p.json");
        } catch (const InputError& error) {
            return error.place() + ": " + error.problem();
        }
        return "accepted";
    };
    CHECK(refused(R"({"ideas": [{"text": "a"}, {"text": "b", "status": "maybe"}]})") ==
          "/workshop/ideas/1/status: unknown value 'maybe' (expected one of proposed, "
          "shortlisted, selected, parked, rejected)");
    CHECK(refused(R"({"ideas": [{"text": "a", "impact": 9}]})")
              .find("/workshop/ideas/0/impact: 9 is not a score from 1 to 5") == 0);
    CHECK(refused(R"({"actions": [{"title": "a", "due": "31.3.2026"}]})") ==
          "/workshop/actions/0/due: '31.3.2026' is not a date (expected YYYY-MM-DD)");
    CHECK(refused(R"({"reviews": [{"title": "r", "measures": [{"figure": "lead_time",
              "value": "3 m"}]}]})")
              .find("/workshop/reviews/0/measures/0/value") == 0);
    CHECK(refused(R"({"ideas": [{"text": "a", "colour": "red"}]})")
              .find("/workshop/ideas/0/colour: unknown key 'colour'") == 0);
    CHECK(refused(R"({"lessons": [{"id": 1, "text": "dup"}]})")
              .find("/workshop/lessons/0/id: id 1 is already used") == 0);
}

TEST_CASE("a damaged workshop row names its table, row and JSON pointer",
          "[store][workshop][file]") {
    TempDir dir;
    const fs::path file = dir / "w.gemba";
    saveProject(fullProjectWithWorkshop(), file);
    const Id idea = fullProjectWithWorkshop().workshop.ideas.begin()->first;
    runSql(file, "UPDATE idea SET data = json_set(data, '$.votes', 'many') WHERE id = " +
                     std::to_string(idea));
    try {
        openProject(file);
        FAIL("opened");
    } catch (const InputError& error) {
        CHECK(error.place() ==
              "table idea, row " + std::to_string(idea) + ", column data, at /votes");
        CHECK(error.problem() == "expected a whole number, found text");
    }
    saveProject(fullProjectWithWorkshop(), file);
    runSql(file, "UPDATE action SET data = '{not json'");
    CHECK_THROWS_WITH(openProject(file),
                      Catch::Contains("table action") && Catch::Contains("invalid JSON"));

    // Deeper places, and text that is not JSON in the ways a hostile file can make it.
    const Id review = fullProjectWithWorkshop().workshop.reviews.begin()->first;
    auto refused = [&](const std::string& sql) -> std::string {
        saveProject(fullProjectWithWorkshop(), file);
        runSql(file, sql);
        try {
            openProject(file);
        } catch (const InputError& error) {
            return error.place() + ": " + error.problem();
        }
        return "accepted";
    };
    const std::string reviewRow = "table review, row " + std::to_string(review) + ", column data";
    CHECK(refused("UPDATE review SET data = json_set(data, '$.progress[0].status', 'later')") ==
          reviewRow + ", at /progress/0/status: unknown value 'later' (expected one of planned, "
                      "in_progress, done, dropped, blocked)");
    CHECK(refused("UPDATE review SET data = json_set(data, '$.measures[1].element', -2)") ==
          reviewRow + ", at /measures/1/element: expected an id (a whole number above 0), "
                      "found -2");
    CHECK(refused("UPDATE review SET data = json_set(data, '$.decisions[1]', 3.25)") ==
          reviewRow + ", at /decisions/1: expected text, found a number");
    CHECK(refused("UPDATE review SET data = json_set(data, '$.attendees', json('{}'))") ==
          reviewRow + ", at /attendees: expected a list, found an object");
    CHECK(refused("UPDATE review SET data = '[' || data || ']'") ==
          reviewRow + ", at /: expected an object, found a list");
    CHECK(refused("UPDATE review SET data = CAST(X'7B227469746C65223A2022FF227D' AS TEXT)")
              .find(reviewRow +
                    ": invalid JSON: syntax error at byte 12: invalid UTF-8 in a string") == 0);
    CHECK(refused("UPDATE review SET data = substr(data, 1, length(data) - 1)")
              .find(reviewRow + ": invalid JSON") == 0);
    CHECK(refused("UPDATE review SET data = printf('%.*c', 100000, '[') || "
                  "printf('%.*c', 100000, ']')") == reviewRow + ", at /: expected an object, "
                                                                "found a list");
}

TEST_CASE("a file whose action points at a deleted step opens, and validation says so",
          "[store][workshop][validate]") {
    Project project = fullProjectWithWorkshop();
    const Id mapId = project.maps.front().id;
    const Map& map = project.maps.front();
    const Id step = map.steps.begin()->first;
    // Delete the step as the editor does, then put the action's reference back, as another
    // program writing the file might leave it.
    const Id gone[] = {step};
    Document doc(project);
    doc.apply(*removeElements(project, mapId, gone));
    project = doc.project();
    project.workshop.actions.begin()->second.changes.push_back(step);
    TempDir dir;
    saveProject(project, dir / "d.gemba");
    const Project opened = openProject(dir / "d.gemba");
    const auto findings = checkWorkshop(opened);
    REQUIRE_FALSE(findings.empty());
    bool named = false;
    for (const auto& finding : findings)
        named = named || finding.message.find("refers to " + std::to_string(step) +
                                              ", which no longer exists") != std::string::npos;
    CHECK(named);
}
