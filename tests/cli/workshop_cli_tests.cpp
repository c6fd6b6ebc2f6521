// gemba-cli's workshop commands as a user runs them: ideas, actions and reviews added, updated
// and listed, the reviews' figures worked out by hand, the exports read back (the .ics with
// libical), and validation of references that no longer resolve.

#include "run_cli.h"

#include <catch2/catch.hpp>
#include <libical/ical.h>
#include <nlohmann/json.hpp>

using gemba::cli::test::CliResult;
using gemba::cli::test::readFile;
using gemba::cli::test::runCli;
using gemba::cli::test::TempDir;
using gemba::cli::test::writeFile;
using nlohmann::json;

namespace {

/// Supplier -> Enter (PT 1 h, LT 1 d) -> wait 4 d -> Approve (PT 1 h, LT 1 d) -> customer, with
/// 8-hour days: lead time 6 d, process time 2 h. The goal: lead time from 6 d to 3 d. The
/// workshop ends on 2026-03-04, so the 30-day review falls on 2026-04-03.
const char* const kProject = R"({
  "format": "gemba", "version": 1, "name": "Orders",
  "calendar": {"hours_per_day": 8, "days_per_week": 5},
  "people": [{"id": 1, "name": "Ana", "role": "Finance"}, {"id": 2, "name": "Ben"}],
  "systems": [],
  "next_id": 100,
  "maps": [{"id": 10, "name": "Current state", "state": "current",
    "steps": [
      {"id": 11, "name": "Enter", "process_time": "1 h", "lead_time": "1 d", "position": {"x": 0, "y": 0}},
      {"id": 13, "name": "Approve", "process_time": "1 h", "lead_time": "1 d", "position": {"x": 400, "y": 0}}],
    "waits": [{"id": 12, "label": "queue", "time": "4 d", "position": {"x": 200, "y": 0}}],
    "parties": [{"id": 16, "kind": "supplier", "name": "Customer request", "position": {"x": -200, "y": 0}},
                {"id": 17, "kind": "customer", "name": "Customer", "position": {"x": 600, "y": 0}}],
    "red_pens": [{"id": 18, "targets": [12], "reason": "waits for a call", "position": {"x": 200, "y": -100}}],
    "flows": [{"id": 19, "from": 16, "to": 11}, {"id": 20, "from": 11, "to": 12},
              {"id": 21, "from": 12, "to": 13}, {"id": 22, "from": 13, "to": 17}]}],
  "workshop": {"end_date": "2026-03-04",
    "goals": [{"text": "lead time 6 d to 3 d", "figure": "lead_time", "map": 10, "to": "3 d"}]}
})";

CliResult run(const TempDir& dir, std::vector<std::string> args) {
    return runCli(args, dir.path());
}

} // namespace

TEST_CASE("ideas, actions and reviews are added, updated and listed", "[cli][workshop]") {
    TempDir dir;
    writeFile(dir / "p.json", kProject);
    REQUIRE(run(dir, {"import-json", "p.json", "-o", "p.gemba"}).exitCode == 0);

    CliResult added = run(dir, {"add-idea", "p.gemba", "Voice agent for order status", "--kind",
                                "use_ai", "--by", "Ana", "--concerns", "18", "--repetitive", "high",
                                "--uniform", "low", "--data", "system"});
    REQUIRE(added.exitCode == 0);
    CHECK(added.out == "Added idea 100 to p.gemba\n");
    REQUIRE(run(dir, {"update-idea", "p.gemba", "100", "--status", "shortlisted", "--votes", "7",
                      "--impact", "4"})
                .exitCode == 0);

    const CliResult ideas = run(dir, {"ideas", "p.gemba", "--json"});
    REQUIRE(ideas.exitCode == 0);
    const json list = json::parse(ideas.out);
    REQUIRE(list.size() == 1);
    CHECK(list[0]["status"] == "shortlisted");
    CHECK(list[0]["votes"] == 7);
    CHECK(list[0]["proposed_by"] == 1);
    CHECK(list[0]["concerns"] == json::array({18}));
    // Requests that are each specific: a poor fit, with every reason shown.
    CHECK(list[0]["fit_assessment"]["fit"] == "poor");
    CHECK(list[0]["fit_assessment"]["reasons_against"][0] ==
          "each request is specific and technical");
    const CliResult table = run(dir, {"ideas", "p.gemba"});
    CHECK(table.out.find("Funnel: 0 proposed, 1 shortlisted, 0 selected") != std::string::npos);

    REQUIRE(run(dir, {"add-action", "p.gemba", "Daily approval slot", "--owner", "Ben", "--start",
                      "2026-03-09", "--due", "2026-03-31", "--changes", "100,18"})
                .exitCode == 0);
    REQUIRE(run(dir, {"update-action", "p.gemba", "101", "--status", "blocked", "--reason",
                      "waiting for IT"})
                .exitCode == 0);
    const json actions = json::parse(run(dir, {"actions", "p.gemba", "--json"}).out);
    REQUIRE(actions.size() == 1);
    CHECK(actions[0]["owner"] == 2);
    CHECK(actions[0]["status"] == "blocked");
    CHECK(actions[0]["reason"] == "waiting for IT");
    CHECK(actions[0]["changes"] == json::array({100, 18}));

    REQUIRE(run(dir, {"add-review", "p.gemba", "30-day review", "--days", "30", "--measure",
                      "lead_time=4 d", "--progress", "101=in_progress", "--attendees", "Ana,Ben"})
                .exitCode == 0);
    const json reviews = json::parse(run(dir, {"reviews", "p.gemba", "--json"}).out);
    REQUIRE(reviews["reviews"].size() == 1);
    CHECK(reviews["reviews"][0]["effective_date"] == "2026-04-03");
    const json& lead = reviews["figures"][0];
    CHECK(lead["baseline"].get<double>() == Approx(6 * 8 * 3600.0));
    CHECK(lead["goal"].get<double>() == Approx(3 * 8 * 3600.0));
    CHECK(lead["actual"][0].get<double>() == Approx(4 * 8 * 3600.0));
    // (4 - 6) / (3 - 6): two thirds of the way.
    CHECK(lead["progress"][0].get<double>() == Approx(2.0 / 3.0));
    const CliResult text = run(dir, {"reviews", "p.gemba"});
    CHECK(text.out.find("lead time 6 d to 3 d") != std::string::npos);

    SECTION("bad values are usage errors and change nothing") {
        const std::string before = readFile(dir / "p.gemba");
        const CliResult bad = run(dir, {"update-idea", "p.gemba", "100", "--status", "maybe"});
        CHECK(bad.exitCode == 2);
        CHECK(bad.err.find("unknown value 'maybe'") != std::string::npos);
        CHECK(run(dir, {"update-idea", "p.gemba", "555", "--votes", "1"}).exitCode == 2);
        CHECK(run(dir, {"add-action", "p.gemba", "x", "--due", "31.3.2026"}).exitCode == 2);
        CHECK(run(dir, {"add-action", "p.gemba", "x", "--owner", "Zed"})
                  .err.find("no person \"Zed\" (people: Ana, Ben)") != std::string::npos);
        CHECK(readFile(dir / "p.gemba") == before);
    }

    SECTION("CSV of ideas and actions") {
        REQUIRE(
            run(dir, {"export-plan", "p.gemba", "--format", "ideas-csv", "-o", "i.csv"}).exitCode ==
            0);
        const std::string ideasCsv = readFile(dir / "i.csv");
        CHECK(ideasCsv.rfind("id,text,kind,status,reason,impact,effort,votes,proposed by,date,"
                             "concerns,fit,fit reasons\r\n",
                             0) == 0);
        CHECK(ideasCsv.find("100,Voice agent for order status,use_ai,shortlisted,,4,,7,Ana,,18,"
                            "poor,") != std::string::npos);
        const CliResult actionsCsv =
            run(dir, {"export-plan", "p.gemba", "--format", "actions-csv", "-o", "-"});
        CHECK(actionsCsv.out.find("101,Daily approval slot,Ben,2026-03-09,2026-03-31,blocked,"
                                  "waiting for IT,100 18,,,") != std::string::npos);
    }

    SECTION("an iCalendar file that libical reads back") {
        REQUIRE(
            run(dir, {"export-plan", "p.gemba", "--format", "ics", "-o", "plan.ics"}).exitCode ==
            0);
        const std::string ics = readFile(dir / "plan.ics");
        icalcomponent* calendar = icalparser_parse_string(ics.c_str());
        REQUIRE(calendar != nullptr);
        CHECK(icalcomponent_isa(calendar) == ICAL_VCALENDAR_COMPONENT);
        std::vector<std::pair<std::string, std::string>> events;
        for (icalcomponent* e = icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT);
             e; e = icalcomponent_get_next_component(calendar, ICAL_VEVENT_COMPONENT)) {
            const icaltimetype start = icalcomponent_get_dtstart(e);
            CHECK(start.is_date == 1);
            events.emplace_back(icaltime_as_ical_string(start), icalcomponent_get_summary(e));
            CHECK(icalcomponent_get_uid(e) != nullptr);
        }
        icalcomponent_free(calendar);
        CHECK(events == std::vector<std::pair<std::string, std::string>>{
                            {"20260403", "30-day review (Orders)"},
                            {"20260331", "Due: Daily approval slot (Orders)"}});
    }
}

TEST_CASE("validate names an action that points at a deleted step", "[cli][workshop]") {
    TempDir dir;
    json project = json::parse(kProject);
    project["workshop"]["actions"] =
        json::array({{{"id", 50}, {"title", "Automate entry"}, {"changes", {15}}}});
    writeFile(dir / "p.json", project.dump());
    const CliResult result = run(dir, {"validate", "p.json"});
    CHECK(result.exitCode == 1);
    CHECK(result.out.find("p.json: workshop: error: action 50 \"Automate entry\" refers to 15, "
                          "which no longer exists (deleted?)") != std::string::npos);
    CHECK(result.out.find("p.json: workshop: warning: action 50 \"Automate entry\" has no owner") !=
          std::string::npos);
}

TEST_CASE("the day summary is drafted and kept", "[cli][workshop]") {
    TempDir dir;
    writeFile(dir / "p.json", kProject);
    REQUIRE(run(dir, {"import-json", "p.json", "-o", "p.gemba"}).exitCode == 0);
    REQUIRE(run(dir, {"add-idea", "p.gemba", "Drop the queue"}).exitCode == 0);
    const CliResult draft = run(dir, {"summary", "p.gemba", "--date", "2026-03-02", "--save"});
    REQUIRE(draft.exitCode == 0);
    CHECK(draft.out == "Summary of 2026-03-02\n\nDone:\n"
                       "- on \"Current state\": 2 steps captured, 1 red pen\n"
                       "- 1 idea proposed\n\nDecisions:\n- none\n\nNext:\n"
                       "- shortlist the 1 proposed idea\n");
    const CliResult next = run(dir, {"summary", "p.gemba", "--date", "2026-03-03"});
    CHECK(next.out.find("- nothing captured since the last summary") != std::string::npos);
}
