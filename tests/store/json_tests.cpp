#include "gemba/store/errors.h"
#include "gemba/store/json_format.h"
#include "sample_projects.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>

using namespace gemba::model;
using namespace gemba::store;
using namespace gemba::store::test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

/// The InputError fromJson throws for `text`.
InputError jsonError(const std::string& text) {
    try {
        fromJson(json::parse(text), "hand.json");
    } catch (const InputError& error) {
        return error;
    }
    FAIL("reading should have failed: " << text);
    throw std::logic_error("unreachable");
}

/// A minimal valid document with `map` as its only map (and one person and one system).
std::string withMap(const std::string& map) {
    return R"({"format": "gemba", "version": 1,
               "people": [{"id": 1, "name": "Anna"}],
               "systems": [{"id": 2, "name": "CRM"}],
               "maps": [)" +
           map + "]}";
}

} // namespace

TEST_CASE("a project survives project -> JSON -> project exactly", "[store][json]") {
    const Project project = fullProject();
    CHECK(fromJson(toJson(project)) == project);
    CHECK(fromJson(toJson(Project{})) == Project{});
    // Through text too: ids above 2^53 stay exact, doubles keep every bit.
    CHECK(fromJson(json::parse(toJson(project).dump())) == project);
}

TEST_CASE("file -> JSON -> file -> JSON gives the same bytes", "[store][json]") {
    TempDir dir;
    writeJsonFile(fullProject(), dir / "a.json");
    const Project read = readJsonFile(dir / "a.json");
    CHECK(read == fullProject());
    writeJsonFile(read, dir / "b.json");
    CHECK(readFile(dir / "a.json") == readFile(dir / "b.json"));
    CHECK(listDir(dir.path()) == std::vector<std::string>{"a.json", "b.json"});
}

TEST_CASE("JSON output: fixed names, seconds, entities by id, empty fields left out",
          "[store][json]") {
    const json out = toJson(fullProject());
    CHECK(out["format"] == "gemba");
    CHECK(out["version"] == 1);
    CHECK(out["calendar"] ==
          json{{"hours_per_day", 7.5}, {"days_per_week", 4.5}, {"days_per_month", 20}});
    CHECK(out["team"]["sponsor"] == 9007199254740993ull);
    CHECK(out["team"]["experts"] == json{3, 1});
    CHECK(out["people"][1]["name"] == "Bo Ødegård");
    CHECK_FALSE(out["people"][1].contains("role"));        // empty text
    CHECK_FALSE(out["people"][1].contains("hourly_cost")); // unset optional

    const json& map = out["maps"][0];
    CHECK(map["state"] == "current");
    CHECK(map["demand"] == json{{"quantity", 120.5}, {"per", "week"}});
    CHECK(map["available_time_per_day"] == 23400.0); // 6.5 h x 3600 s
    CHECK_FALSE(map.contains("made_from"));
    CHECK(out["maps"][1]["made_from"] == 10);

    const json& full = map["steps"][0];
    CHECK(full["id"] == 11);
    // A process time with a range is an object; 1800 s = 30 min typical.
    CHECK(full["process_time"] == json{{"typical", 1800.0}, {"min", 600.0}, {"max", 5400.25}});
    CHECK(full["lead_time"] == 54000.0); // 2 x 27000 s, written in seconds
    CHECK(full["value"] == "necessary_non_value_adding");
    CHECK(full["wastes"] == json{"defects", "waiting", "unused_talent"});
    CHECK(full["sources"]["process_time"] ==
          json{{"basis", "measured"}, {"source", "time study"}, {"date", "2024-03-03"}});
    CHECK(full["sources"]["lead_time"] == json{{"basis", "estimated"}, {"source", "Anna"}});
    CHECK(full["frictions"][0] == json{{"what", "Re-typing the policy number"},
                                       {"minutes_per_occurrence", 2.5},
                                       {"occurrences_per_week", 40.0}});
    CHECK(full["position"] == json{{"x", -120.5}, {"y", 40.25}});

    // A step with nothing set: only what is always written.
    CHECK(map["steps"][1] == json{{"id", 12},
                                  {"name", "Pay"},
                                  {"headcount", 1.0},
                                  {"value", "waste"},
                                  {"position", {{"x", 240.0}, {"y", 0.0}}}});
    // A process time without a range is a plain number of seconds.
    CHECK(map["steps"][2]["process_time"] == 0.0);
    CHECK(map["steps"][2]["wastes"].size() == 8);

    CHECK(map["note_boxes"][0]["text"] == "Ask IT about the export – «wichtig»");
    CHECK(map["notes"] == "Walked on 3 March; numbers from the ticket system.");
    CHECK(map["waits"][1] == json{{"id", 14},
                                  {"kind", "inventory"},
                                  {"quantity", 35.0},
                                  {"position", {{"x", 360.0}, {"y", 0.0}}}});
    CHECK(map["flows"][1]["kind"] == "fifo");
    CHECK(map["flows"][1]["fifo_max"] == 25);
    CHECK(map["red_pens"][0]["targets"] == json{11, 22, 13});
    // The ideal map has no elements: only its steps list, empty, is written.
    CHECK_FALSE(out["maps"][2].contains("waits"));
    CHECK(out["maps"][2]["steps"] == json::array());

    // Deterministic: the same project gives the same text.
    CHECK(toJson(fullProject()).dump() == out.dump());
}

TEST_CASE("hand-written JSON: durations with units, ids left out", "[store][json]") {
    const Project project = fromJson(json::parse(R"({
        "format": "gemba", "version": 1, "name": "Onboarding",
        "calendar": {"hours_per_day": 7.5},
        "people": [{"name": "Anna"}, {"id": 40, "name": "Bo"}],
        "systems": [{"name": "HR tool", "kind": "application"}],
        "maps": [{
            "name": "Current", "state": "current",
            "available_time_per_day": "7 h",
            "steps": [
                {"id": 10, "name": "Collect papers", "process_time": "30 min",
                 "lead_time": "1.5 d", "people": [40], "value": "waste", "role": null},
                {"id": 11, "name": "Enter data",
                 "process_time": {"typical": "45 s", "max": "2 min"}, "changeover": 120}
            ],
            "waits": [{"kind": "time", "time": "2 wk"}, {"kind": "inventory", "quantity": 12}],
            "flows": [{"id": 12, "from": 10, "to": 11}]
        }]
    })"));
    CHECK(project.props.name == "Onboarding");
    CHECK(project.props.calendar.hoursPerDay == 7.5);
    CHECK(project.props.calendar.daysPerWeek == 5); // not given: the default
    CHECK(project.props.currency == "EUR");
    REQUIRE(project.maps.size() == 1);
    const Map& map = project.maps[0];
    const Step& collect = map.steps.at(10);
    CHECK(collect.processTime == 1800.0); // 30 min x 60 s
    CHECK(collect.leadTime == 40500.0);   // 1.5 d x 7.5 h x 3600 s (the file's calendar)
    CHECK(collect.people == std::vector<Id>{40});
    CHECK(collect.value == ValueClass::Waste);
    CHECK(collect.role.empty()); // null is the same as leaving the key out
    const Step& enter = map.steps.at(11);
    CHECK(enter.processTime == 45.0);
    CHECK_FALSE(enter.processTimeMin.has_value());
    CHECK(enter.processTimeMax == 120.0);
    CHECK(enter.changeover == 120.0); // a plain number is seconds
    CHECK(enter.headcount == 1);
    CHECK(map.props.availableTimePerDay == 25200.0); // 7 h x 3600 s
    CHECK(map.flows.at(12).kind == FlowKind::Push);

    // Ids left out come after the largest in the file (40), in document order: the person
    // Anna 41, the system 42, the map 43, then the two waits 44 and 45.
    CHECK(project.people.at(41).name == "Anna");
    CHECK(project.systems.at(42).name == "HR tool");
    CHECK(map.id == 43);
    REQUIRE(map.waits.size() == 2);
    CHECK(map.waits.at(44).time == 2 * 5 * 7.5 * 3600); // 2 wk of 5 days of 7.5 h = 270000 s
    CHECK(map.waits.at(45).quantity == 12.0);
    CHECK(project.nextId == 46);
}

TEST_CASE("ids left out come after next_id when the file gives it", "[store][json]") {
    const Project project = fromJson(json::parse(
        R"({"format": "gemba", "version": 1, "next_id": 100, "people": [{"name": "A"}],
            "systems": [], "maps": []})"));
    CHECK(project.people.begin()->first == 100);
    CHECK(project.nextId == 101);
}

TEST_CASE("JSON errors name the JSON Pointer of the bad value and what was expected",
          "[store][json]") {
    struct Case {
        std::string text;
        std::string place;
        std::string problem;
    };
    const std::string step = R"({"id": 10, "name": "Check")";
    const std::vector<Case> cases = {
        {"[]", "/", "expected an object, found a list"},
        {R"({"version": 1, "people": [], "systems": [], "maps": []})", "/format",
         "missing required key 'format'"},
        {R"({"format": "visio", "version": 1, "people": [], "systems": [], "maps": []})", "/format",
         "expected \"gemba\": this is not a Gemba project"},
        {R"({"format": "gemba", "version": 2, "people": [], "systems": [], "maps": []})",
         "/version",
         "made by a newer version of Gemba: format version 2, this Gemba reads up to 1"},
        {R"({"format": "gemba", "version": "1", "people": [], "systems": [], "maps": []})",
         "/version", "expected a whole number, found text"},
        {R"({"format": "gemba", "version": 1, "systems": [], "maps": []})", "/people",
         "missing required key 'people'"},
        {R"({"format": "gemba", "version": 1, "people": {}, "systems": [], "maps": []})", "/people",
         "expected a list, found an object"},
        {R"({"format": "gemba", "version": 1, "people": [], "systems": [], "maps": [],
             "colour": "red"})",
         "/colour",
         "unknown key 'colour' (expected format, version, name, description, calendar, "
         "working_hours, event_mapping, "
         "currency, default_hourly_rate, next_id, team, people, systems, maps, workshop)"},
        {withMap(R"({"state": "current", "steps": []})"), "/maps/0/name",
         "missing required key 'name'"},
        {withMap(R"({"name": "M", "steps": []})"), "/maps/0/state", "missing required key 'state'"},
        {withMap(R"({"name": "M", "state": "present", "steps": []})"), "/maps/0/state",
         "unknown value 'present' (expected one of current, future, ideal)"},
        {withMap(R"({"name": "M", "state": "current"})"), "/maps/0/steps",
         "missing required key 'steps'"},
        {withMap(R"({"name": "M", "state": "current", "steps": [{"name": "Check"}]})"),
         "/maps/0/steps/0/id", "missing required key 'id'"},
        {withMap(R"({"name": "M", "state": "current", "steps": [{"id": 10}]})"),
         "/maps/0/steps/0/name", "missing required key 'name'"},
        {withMap(R"({"name": "M", "state": "current", "steps": [)" + step + "}, " + step +
                 R"(, "proces_time": 5}]})"),
         "/maps/0/steps/1/proces_time", ""},
        {withMap(R"({"name": "M", "state": "current", "steps": [)" + step +
                 R"(, "process_time": true}]})"),
         "/maps/0/steps/0/process_time",
         "expected a duration (seconds, or text such as \"30 min\"), found true/false"},
        {withMap(R"({"name": "M", "state": "current", "steps": [)" + step +
                 R"(, "process_time": "30"}]})"),
         "/maps/0/steps/0/process_time",
         "'30' has no unit (write e.g. 30 min, or put the unit in the column header)"},
        {withMap(R"({"name": "M", "state": "current", "steps": [)" + step +
                 R"(, "lead_time": "5 m"}]})"),
         "/maps/0/steps/0/lead_time",
         "'5 m': unit 'm' is ambiguous; write min for minutes or mo for months"},
        {withMap(R"({"name": "M", "state": "current", "steps": [)" + step +
                 R"(, "lead_time": -5}]})"),
         "/maps/0/steps/0/lead_time", "-5 s is negative; durations cannot be"},
        {withMap(R"({"name": "M", "state": "current", "steps": [)" + step +
                 R"(, "pca": "high"}]})"),
         "/maps/0/steps/0/pca", "expected a number, found text"},
        {withMap(R"({"name": "M", "state": "current", "steps": [)" + step + R"(, "pca": 120}]})"),
         "/maps/0/steps/0/pca", "120 is not a percentage from 0 to 100"},
        {withMap(R"({"name": "M", "state": "current", "steps": [)" + step +
                 R"(, "process_time": {"typical": 5, "mean": 4}}]})"),
         "/maps/0/steps/0/process_time/mean", "unknown key 'mean' (expected typical, min, max)"},
        {withMap(R"({"name": "M", "state": "current", "steps": [)" + step +
                 R"(, "sources": {"takt": {"basis": "measured"}}}]})"),
         "/maps/0/steps/0/sources/takt",
         "unknown figure 'takt' (expected one of process_time, cycle_time, lead_time, pca, "
         "batch_size, changeover, uptime, defect_rate)"},
        {withMap(R"({"name": "M", "state": "current", "steps": [)" + step +
                 R"(, "wastes": ["waiting", "boredom"]}]})"),
         "/maps/0/steps/0/wastes/1", ""},
        {withMap(R"({"name": "M", "state": "current", "steps": [)" + step +
                 R"(, "people": [7]}]})"),
         "/maps/0/steps/0/people/0", "id 7 is not a person of the project"},
        {withMap(R"({"name": "M", "state": "current", "steps": [)" + step +
                 R"(, "systems": [1]}]})"),
         "/maps/0/steps/0/systems/0", "id 1 is not a system of the project"},
        {withMap(R"({"name": "M", "state": "current", "steps": [)" + step +
                 R"(, "position": {"x": 1}}]})"),
         "/maps/0/steps/0/position/y", "missing required key 'y'"},
        {withMap(R"({"id": -3, "name": "M", "state": "current", "steps": []})"), "/maps/0/id",
         "ids must be positive, found -3"},
        {withMap(R"({"id": 2.5, "name": "M", "state": "current", "steps": []})"), "/maps/0/id",
         "expected an id (a whole number above 0), found 2.5"},
        {withMap(R"({"id": 1, "name": "M", "state": "current", "steps": []})"), "/maps/0/id",
         "id 1 is already used at /people/0"},
        {withMap(R"({"name": "M", "state": "current", "steps": [)" + step +
                 R"(}], "flows": [{"id": 11, "from": 10}]})"),
         "/maps/0/flows/0/to", "missing required key 'to'"},
        {withMap(R"({"name": "M", "state": "current", "steps": [)" + step +
                 R"(}], "flows": [{"id": 11, "from": 10, "to": 99}]})"),
         "/maps/0/flows/0/to", "element 99 is not a placed element of this map"},
        {withMap(R"({"name": "M", "state": "current", "steps": [)" + step +
                 R"(}], "flows": [{"id": 11, "from": 10, "to": 10, "fifo_max": 0}]})"),
         "/maps/0/flows/0/fifo_max", "expected a whole number of items above 0"},
        {withMap(R"({"name": "M", "state": "current", "steps": [)" + step +
                 R"(}], "red_pens": [{"targets": [10, 12]}]})"),
         "/maps/0/red_pens/0/targets/1", "element 12 is not on this map"},
        {withMap(R"({"name": "A", "state": "current", "steps": [)" + step +
                 R"(}]}, {"name": "B", "state": "future", "steps": [],
                 "flows": [{"id": 20, "from": 10, "to": 10}]})"),
         "/maps/1/flows/0/from", "element 10 is not a placed element of this map"},
        {withMap(R"({"name": "M", "state": "current", "steps": [], "waits": [{"a/b~": 1}]})"),
         "/maps/0/waits/0/a~1b~0", ""},
        {R"({"format": "gemba", "version": 1, "people": [], "systems": [], "maps": [],
             "team": {"sponsor": 4}})",
         "/team/sponsor", "id 4 is not a person of the project"},
        {R"({"format": "gemba", "version": 1, "people": [{"id": 9}], "systems": [],
             "maps": [], "next_id": 9})",
         "/next_id", "next_id 9 is not above every id in the file (the largest is 9)"},
        {R"({"format": "gemba", "version": 1, "people": [{"id": 9223372036854775808}],
             "systems": [], "maps": []})",
         "/people/0/id", "id 9223372036854775808 is too large (at most 9223372036854775807)"},
        {R"({"format": "gemba", "version": 1, "people": [], "systems": [], "maps": [],
             "calendar": {"hours_per_day": 30}})",
         "/calendar/hours_per_day", "expected hours from above 0 to 24"},
    };
    for (const Case& c : cases) {
        INFO(c.text);
        const InputError error = jsonError(c.text);
        CHECK(error.file() == "hand.json");
        CHECK(error.place() == c.place);
        if (!c.problem.empty())
            CHECK(error.problem() == c.problem);
    }
}

TEST_CASE("readJsonFile names file, line and column of a syntax error", "[store][json]") {
    TempDir dir;
    writeFile(dir / "bad.json", "{\n  \"format\": \"gemba\",\n  oops\n}\n");
    try {
        readJsonFile(dir / "bad.json");
        FAIL("should not parse");
    } catch (const InputError& error) {
        CHECK(error.file() == (dir / "bad.json").string());
        CHECK(error.place() == "line 3, column 3"); // the 'o' of oops
        CHECK_THAT(error.problem(), Catch::StartsWith("invalid JSON: "));
    }
    writeFile(dir / "empty.json", "");
    CHECK_THROWS_WITH(readJsonFile(dir / "empty.json"), Catch::Contains("line 1, column 1"));
    CHECK_THROWS_WITH(readJsonFile(dir / "missing.json"), Catch::EndsWith("no such file"));
    // A value error in a file names the file and the pointer.
    writeFile(dir / "value.json",
              R"({"format": "gemba", "version": 1, "people": [], "systems": [], "maps": 3})");
    CHECK_THROWS_WITH(readJsonFile(dir / "value.json"),
                      (dir / "value.json").string() + ": /maps: expected a list, found a number");
}

TEST_CASE("writeJsonFile replaces a file atomically and refuses what it cannot write",
          "[store][json]") {
    TempDir dir;
    writeJsonFile(Project{}, dir / "p.json");
    const std::string before = readFile(dir / "p.json");
    Project bad = fullProject();
    bad.props.team.sponsor = 12345;
    CHECK_THROWS_WITH(writeJsonFile(bad, dir / "p.json"),
                      Catch::Contains("cannot save: id 12345 is not a person of the project"));
    CHECK(readFile(dir / "p.json") == before);
    CHECK_THROWS_AS(writeJsonFile(Project{}, dir / "missing" / "p.json"), InputError);
    CHECK(listDir(dir.path()) == std::vector<std::string>{"p.json"});
    writeJsonFile(fullProject(), dir / "p.json");
    CHECK(readJsonFile(dir / "p.json") == fullProject());
}

TEST_CASE("the example of docs/file-format.md reads as the text says", "[store][json]") {
    const Project project = fromJson(json::parse(R"({
  "format": "gemba", "version": 1, "name": "Onboarding",
  "calendar": {"hours_per_day": 7.5},
  "people": [{"id": 1, "name": "Anna", "role": "HR"}],
  "systems": [{"name": "HR tool"}],
  "maps": [{
    "name": "Current state", "state": "current",
    "demand": {"quantity": 12, "per": "day"},
    "steps": [
      {"id": 10, "name": "Collect papers", "process_time": "30 min", "lead_time": "1.5 d",
       "people": [1], "pca": 90, "position": {"x": 0, "y": 0}},
      {"id": 11, "name": "Enter data", "process_time": {"typical": "45 s", "max": "2 min"},
       "position": {"x": 240, "y": 0}}
    ],
    "waits": [{"kind": "inventory", "quantity": 12, "position": {"x": 120, "y": 0}}],
    "flows": [{"id": 12, "from": 10, "to": 11}]
  }]
})"));
    const Map& map = project.maps.at(0);
    CHECK(map.steps.at(10).leadTime == 40500.0); // 1.5 x 7.5 h x 3600 s
    CHECK(project.systems.at(13).name == "HR tool");
    CHECK(map.id == 14);
    CHECK(map.waits.at(15).quantity == 12.0);
    CHECK(project.nextId == 16);
}

TEST_CASE("a NaN or infinite number in a JSON value is refused where it stands", "[store][json]") {
    json document = toJson(fullProject());
    document["maps"][0]["steps"][0]["pca"] = std::nan("");
    try {
        fromJson(document, "built.json");
        FAIL("NaN should be refused");
    } catch (const InputError& error) {
        CHECK(error.place() == "/maps/0/steps/0/pca");
        CHECK(error.problem() == "NaN is not a finite number");
    }
    document = toJson(fullProject());
    document["maps"][0]["waits"][0]["position"]["x"] = HUGE_VAL;
    CHECK_THROWS_WITH(fromJson(document, "built.json"),
                      "built.json: /maps/0/waits/0/position/x: infinity is not a finite number");
}

TEST_CASE("a JSON number beyond a double is an input error with its line and column",
          "[store][json]") {
    // The library refuses these with an out_of_range exception that names no place.
    struct Case {
        std::string text;
        std::string place;
        std::string number;
    };
    const std::vector<Case> cases = {
        {"{\"format\": \"gemba\",\n \"version\": 1e400}", "line 2, column 13", "1e400"},
        {"[\n\n   -1e400]", "line 3, column 4", "-1e400"},
        {"{\"a\": 1200.01e999}", "line 1, column 7", "1200.01e999"},
    };
    for (const Case& c : cases) {
        INFO(c.text);
        try {
            readJsonText(c.text, "big.json");
            FAIL("should not read");
        } catch (const InputError& error) {
            CHECK(error.file() == "big.json");
            CHECK(error.place() == c.place);
            CHECK(error.problem() == "invalid JSON: the number " + c.number +
                                         " is beyond the largest number Gemba can hold");
        }
    }
    // Through a file too, and a syntax error keeps its place.
    TempDir dir;
    writeFile(dir / "big.json", "{\"maps\": [1e400]}");
    CHECK_THROWS_WITH(readJsonFile(dir / "big.json"), Catch::Contains("line 1, column 11"));
    CHECK_THROWS_WITH(readJsonText("{\"a\": x}"), "<json>: line 1, column 7: invalid JSON: "
                                                  "syntax error while parsing value - invalid "
                                                  "literal; last read: '\"a\": x'");
    // The largest double is fine.
    CHECK_THROWS_WITH(readJsonText("{\"format\": \"gemba\", \"version\": 1.7976931348623157e308}"),
                      Catch::Contains("/version"));
}

TEST_CASE("json: working hours and the event mapping, and their bad values named",
          "[store][json][events]") {
    Project project;
    project.props.workingHours.holidays = {*gemba::model::parseIsoDate("2026-12-25")};
    project.props.eventMapping.states["Doing"] = {gemba::model::StateKind::Step, "Build", "Dev"};
    project.props.eventMapping.states["Queue"] = {gemba::model::StateKind::Wait, {}, {}};
    const json out = toJson(project);
    CHECK(out["working_hours"] == "Mon-Fri 09:00-17:00; holidays 2026-12-25");
    CHECK(out["event_mapping"]["Doing"]["step"] == "Build");
    CHECK(fromJson(out, "p.json") == project);
    json bad = out;
    bad["working_hours"] = "Mon-Fri 9-5";
    CHECK_THROWS_WITH(fromJson(bad, "p.json"),
                      "p.json: /working_hours: '9-5' is not a period like 09:00-17:00");
    bad = out;
    bad["event_mapping"]["Queue"] = "later";
    CHECK_THROWS_WITH(fromJson(bad, "p.json"),
                      "p.json: /event_mapping/Queue: 'later' is not a kind: step, wait, done or "
                      "ignore");
}
