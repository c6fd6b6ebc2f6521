// gemba-cli as a user runs it: the real binary, in a temporary folder, every command and every
// exit code, with the figures of a small project worked out by hand.

#include "run_cli.h"

#include <catch2/catch.hpp>
#include <clocale>
#include <cstdlib>
#include <langinfo.h>
#include <locale.h>
#include <nlohmann/json.hpp>
#include <set>

using gemba::cli::test::CliResult;
using gemba::cli::test::readFile;
using gemba::cli::test::runCli;
using gemba::cli::test::TempDir;
using gemba::cli::test::writeFile;
using nlohmann::json;

namespace {

/// A small order-handling project with three maps:
///
/// "Current state" (8-h days, demand 16 a day):
///   Enter order (Sales, PT 10 min, LT 1 h, %C&A 90, value-adding)
///   -> wait "Credit queue" 2 h
///   -> Check credit (Finance, PT 20 min, LT 40 min, %C&A 80, necessary non-value-adding;
///      Ana at 50 EUR/h; friction: re-keying 6 min x 10 a week)
///   -> Ship (Warehouse, PT 40 min, LT = PT, %C&A 100, value-adding)
/// "Future state", made from it: Enter order with LT 30 min, an added "Automatic credit check"
///   (Finance, PT 1 min) in place of the queue and Check credit, and Ship with 2 people.
/// "Broken": Review, whose lead time (10 min) is shorter than its process time (30 min),
///   then Approve.
const char* const kProjectJson = R"({
  "format": "gemba", "version": 1, "name": "Orders",
  "calendar": {"hours_per_day": 8, "days_per_week": 5},
  "people": [{"id": 1, "name": "Ana", "role": "Finance", "hourly_cost": 50}],
  "systems": [{"id": 2, "name": "ERP", "kind": "application"}],
  "next_id": 40,
  "maps": [
    {"id": 10, "name": "Current state", "state": "current",
     "demand": {"quantity": 16, "per": "day"},
     "steps": [
       {"id": 11, "name": "Enter order", "role": "Sales", "process_time": "10 min",
        "lead_time": "1 h", "pca": 90, "position": {"x": 0, "y": 0}},
       {"id": 13, "name": "Check credit", "role": "Finance", "process_time": "20 min",
        "lead_time": "40 min", "pca": 80, "value": "necessary_non_value_adding",
        "people": [1], "systems": [2],
        "frictions": [{"what": "Re-key the order into the ERP",
                       "minutes_per_occurrence": 6, "occurrences_per_week": 10}],
        "position": {"x": 464, "y": 0}},
       {"id": 14, "name": "Ship", "role": "Warehouse", "process_time": "40 min", "pca": 100,
        "systems": [2], "position": {"x": 696, "y": 0}}
     ],
     "waits": [{"id": 12, "label": "Credit queue", "time": "2 h", "position": {"x": 232, "y": 0}}],
     "flows": [{"id": 15, "from": 11, "to": 12}, {"id": 16, "from": 12, "to": 13},
               {"id": 17, "from": 13, "to": 14}]},
    {"id": 20, "name": "Future state", "state": "future", "made_from": 10,
     "demand": {"quantity": 16, "per": "day"},
     "steps": [
       {"id": 21, "origin": 11, "name": "Enter order", "role": "Sales",
        "process_time": "10 min", "lead_time": "30 min", "pca": 90, "position": {"x": 0, "y": 0}},
       {"id": 22, "name": "Automatic credit check", "role": "Finance", "process_time": "1 min",
        "systems": [2], "position": {"x": 232, "y": 0}},
       {"id": 23, "origin": 14, "name": "Ship", "role": "Warehouse", "process_time": "40 min",
        "headcount": 2, "pca": 100, "systems": [2], "position": {"x": 464, "y": 0}}
     ],
     "flows": [{"id": 24, "from": 21, "to": 22}, {"id": 25, "from": 22, "to": 23}]},
    {"id": 30, "name": "Broken", "state": "current",
     "steps": [{"id": 31, "name": "Review", "process_time": "30 min", "lead_time": "10 min"},
               {"id": 32, "name": "Approve", "process_time": "5 min",
                "position": {"x": 232, "y": 0}}],
     "flows": [{"id": 33, "from": 31, "to": 32}]}
  ]
})";

/// A folder holding project.json and project.gemba imported from it.
struct Fixture {
    TempDir dir;
    Fixture() {
        writeFile(dir / "project.json", kProjectJson);
        const CliResult r = runCli({"import-json", "project.json", "-o", "project.gemba"}, path());
        REQUIRE(r.exitCode == 0);
    }
    const std::filesystem::path& path() const { return dir.path(); }
    CliResult run(const std::vector<std::string>& arguments) const {
        CliResult r = runCli(arguments, path());
        REQUIRE_FALSE(r.crashed);
        return r;
    }
};

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

} // namespace

TEST_CASE("help: --help lists every command, help COMMAND and COMMAND --help show its usage") {
    TempDir dir;
    const CliResult help = runCli({"--help"}, dir.path());
    CHECK(help.exitCode == 0);
    for (const char* command :
         {"new", "import-csv", "import-json", "export-json", "metrics", "compare", "validate"})
        CHECK(contains(help.out, std::string("\n  ") + command + " "));
    CHECK(contains(help.out, "Exit codes"));

    const CliResult helpMetrics = runCli({"help", "metrics"}, dir.path());
    CHECK(helpMetrics.exitCode == 0);
    CHECK(contains(helpMetrics.out, "usage: gemba-cli metrics FILE [--map NAME] [--json]"));
    CHECK(contains(helpMetrics.out, "--json"));

    const CliResult dashHelp = runCli({"compare", "x.gemba", "--help"}, dir.path());
    CHECK(dashHelp.exitCode == 0);
    CHECK(contains(dashHelp.out, "usage: gemba-cli compare FILE --from MAP --to MAP"));

    const CliResult unknownHelp = runCli({"help", "frobnicate"}, dir.path());
    CHECK(unknownHelp.exitCode == 2);
    CHECK(contains(unknownHelp.err, "unknown command 'frobnicate'"));
}

TEST_CASE("version: --version prints the project's version") {
    TempDir dir;
    const CliResult r = runCli({"--version"}, dir.path());
    CHECK(r.exitCode == 0);
    CHECK(r.out.starts_with(std::string("gemba-cli ") + GEMBA_VERSION + " "));
}

TEST_CASE("bad usage exits with 2 and says what is wrong") {
    TempDir dir;
    const auto check = [&](const std::vector<std::string>& arguments, const std::string& message) {
        INFO("arguments: " << arguments.size() << (arguments.empty() ? "" : " " + arguments[0]));
        const CliResult r = runCli(arguments, dir.path());
        CHECK_FALSE(r.crashed);
        CHECK(r.exitCode == 2);
        CHECK(r.out.empty());
        CHECK(contains(r.err, message));
    };
    check({}, "usage: gemba-cli COMMAND");
    check({"frobnicate"}, "unknown command 'frobnicate'");
    check({"--frobnicate"}, "unknown option '--frobnicate'");
    check({"metrics"}, "'metrics' needs an argument");
    check({"metrics", "a.gemba", "--bogus"}, "unknown option '--bogus' for 'metrics'");
    check({"metrics", "a.gemba", "--map"}, "option --map needs a value (NAME)");
    check({"metrics", "a.gemba", "b.gemba"}, "unexpected argument 'b.gemba'");
    check({"metrics", ""}, "an argument is empty");
    check({"metrics", "a.gemba", "--json", "--json"}, "option --json is given twice");
    check({"metrics", "a.gemba", "--json=yes"}, "option --json takes no value");
    check({"import-json", "a.json"}, "option -o FILE is required");
    check({"import-csv", "a.csv", "-o", "p.gemba", "--demand-per-day", "lots"},
          "option --demand-per-day needs a number above 0, not 'lots'");
    check({"import-csv", "a.csv", "-o", "p.gemba", "--demand-per-day", "-3"},
          "needs a number above 0");
    check({"import-csv", "a.csv", "-o", "p.gemba", "--hours-per-day", "30"}, "up to 24");
    // The usage of the command follows the message.
    const CliResult r = runCli({"validate"}, dir.path());
    CHECK(contains(r.err, "usage: gemba-cli validate FILE [--map NAME]"));
}

TEST_CASE("new creates a project with one empty map and refuses to overwrite without --force") {
    TempDir dir;
    CliResult r = runCli({"new", "p.gemba", "--name", "Onboarding"}, dir.path());
    REQUIRE(r.exitCode == 0);
    r = runCli({"metrics", "p.gemba", "--json"}, dir.path());
    REQUIRE(r.exitCode == 0);
    const json maps = json::parse(r.out);
    REQUIRE(maps.is_array());
    REQUIRE(maps.size() == 1);
    CHECK(maps[0]["map"] == "Current state");
    CHECK(maps[0]["state"] == "current");
    CHECK(maps[0]["steps"] == 0);

    r = runCli({"export-json", "p.gemba", "-o", "-"}, dir.path());
    REQUIRE(r.exitCode == 0);
    CHECK(json::parse(r.out)["name"] == "Onboarding");

    const std::string before = readFile(dir / "p.gemba");
    r = runCli({"new", "p.gemba", "--name", "Other"}, dir.path());
    CHECK(r.exitCode == 2);
    CHECK(contains(r.err, "p.gemba: already exists; use --force to replace it"));
    CHECK(readFile(dir / "p.gemba") == before);

    r = runCli({"new", "p.gemba", "--name", "Other", "--force"}, dir.path());
    CHECK(r.exitCode == 0);
    r = runCli({"export-json", "p.gemba", "-o", "-"}, dir.path());
    CHECK(json::parse(r.out)["name"] == "Other");

    // Without --name the project is named after the file.
    r = runCli({"new", "Line 4.gemba"}, dir.path());
    CHECK(r.exitCode == 0);
    r = runCli({"export-json", "Line 4.gemba", "-o", "-"}, dir.path());
    CHECK(json::parse(r.out)["name"] == "Line 4");
}

TEST_CASE("metrics --json --map gives the hand-worked figures of one map") {
    Fixture f;
    const CliResult r = f.run({"metrics", "project.gemba", "--map", "Current state", "--json"});
    REQUIRE(r.exitCode == 0);
    const json m = json::parse(r.out);
    REQUIRE(m.is_object()); // one object, not an array, with --map
    CHECK(m["map"] == "Current state");
    CHECK(m["valid"] == true);
    // LT = 1 h + 2 h (queue) + 40 min + 40 min (Ship: LT = PT) = 260 min = 15600 s.
    CHECK(m["lead_time_seconds"].get<double>() == Approx(15600));
    // 15600 s / 28800 s per 8-h day = 0.5417 working days.
    CHECK(m["lead_time_days"].get<double>() == Approx(15600.0 / 28800.0));
    // PT = 10 + 20 + 40 = 70 min = 4200 s; C/T the same (one person each, no uptime).
    CHECK(m["process_time_seconds"].get<double>() == Approx(4200));
    CHECK(m["cycle_time_seconds"].get<double>() == Approx(4200));
    CHECK(m["wait_time_seconds"].get<double>() == Approx(15600 - 4200));
    // Activity ratio 4200 / 15600 = 0.2692; PCE counts only value-adding PT:
    // (10 + 40) min = 3000 s, 3000 / 15600 = 0.1923.
    CHECK(m["activity_ratio"].get<double>() == Approx(4200.0 / 15600.0));
    CHECK(m["value_adding_time_seconds"].get<double>() == Approx(3000));
    CHECK(m["process_cycle_efficiency"].get<double>() == Approx(3000.0 / 15600.0));
    // Rolled %C&A 0.9 x 0.8 x 1.0 = 0.72.
    CHECK(m["rolled_pca"].get<double>() == Approx(0.72));
    // Takt: 28800 s a day / 16 a day = 1800 s (30 min).
    CHECK(m["takt_seconds"].get<double>() == Approx(1800));
    CHECK(m["demand_per_day"].get<double>() == Approx(16));
    // Bottleneck: the highest C/T, Ship at 40 min = 2400 s (above takt).
    CHECK(m["bottleneck"] == "Ship");
    CHECK(m["bottleneck_id"] == 14);
    CHECK(m["bottleneck_cycle_time_seconds"].get<double>() == Approx(2400));
    // Handoffs: Sales -> (queue) -> Finance, and Finance -> Warehouse.
    CHECK(m["handoffs"] == 2);
    CHECK(m["handoff_flows"] == json::array({16, 17}));
    // WIP: 16 a day x 0.5417 days = 8.667 items.
    CHECK(m["wip"].get<double>() == Approx(16 * 15600.0 / 28800.0));
    // Friction: 6 min x 10 a week = 1 h a week, at Ana's 50 EUR/h = 50 EUR a week.
    CHECK(m["friction_hours_per_week"].get<double>() == Approx(1));
    CHECK(m["friction_cost_per_week"].get<double>() == Approx(50));
    CHECK(m["total_labour_seconds"].get<double>() == Approx(4200));
    CHECK(m["steps"] == 3);
    CHECK(m["people"] == 1);
    CHECK(m["people_names"] == json::array({"Ana"}));
    CHECK(m["systems"] == 1);
    CHECK(m["system_names"] == json::array({"ERP"}));
    CHECK(m["calendar"]["hours_per_day"] == 8);

    // The timeline, in path order: wait = LT - PT (+ queue time), process = PT.
    const json& t = m["timeline"];
    REQUIRE(t.size() == 4);
    const struct {
        int element;
        const char* kind;
        const char* name;
        double wait;
        double process;
    } expected[] = {{11, "step", "Enter order", 3000, 600},
                    {12, "wait", "Credit queue", 7200, 0},
                    {13, "step", "Check credit", 1200, 1200},
                    {14, "step", "Ship", 0, 2400}};
    for (std::size_t i = 0; i < 4; ++i) {
        INFO("segment " << i);
        CHECK(t[i]["element"] == expected[i].element);
        CHECK(t[i]["kind"] == expected[i].kind);
        CHECK(t[i]["name"] == expected[i].name);
        CHECK(t[i]["visits"].get<double>() == Approx(1));
        CHECK(t[i]["wait_seconds"].get<double>() == Approx(expected[i].wait));
        CHECK(t[i]["process_seconds"].get<double>() == Approx(expected[i].process));
    }
    // One finding: Ship's C/T 40 min is above takt 30 min.
    REQUIRE(m["findings"].size() == 1);
    CHECK(m["findings"][0]["code"] == "above_takt");
    CHECK(m["findings"][0]["severity"] == "warning");
    CHECK(m["findings"][0]["element"] == 14);
}

TEST_CASE("metrics of every map: a JSON array in tab order, and exit 1 for a map with errors") {
    Fixture f;
    const CliResult r = f.run({"metrics", "project.gemba", "--json"});
    CHECK(r.exitCode == 1);
    const json maps = json::parse(r.out);
    REQUIRE(maps.is_array());
    REQUIRE(maps.size() == 3);
    CHECK(maps[0]["map"] == "Current state");
    CHECK(maps[1]["map"] == "Future state");
    CHECK(maps[2]["map"] == "Broken");
    CHECK(maps[2]["valid"] == false);
    CHECK(maps[2]["lead_time_seconds"].is_null());
    CHECK(maps[2]["takt_seconds"].is_null());
    CHECK(maps[2]["steps"] == 2);
    CHECK(maps[2]["findings"][0]["code"] == "lead_time_below_process_time");
    // That error is in how work flows: the figures that need no path are still given.
    CHECK(maps[2]["parts_valid"] == true);
    CHECK(maps[2]["handoffs"] == 0);
    CHECK(maps[2]["friction_hours_per_week"] == 0);
    CHECK(maps[2]["red_pen_cost_per_year"] == 0);
    CHECK(maps[0]["parts_valid"] == true);
    // Check credit: 6 min x 10 a week = 1 h at Ana's 50 EUR.
    CHECK(maps[0]["friction_hours_per_week"].get<double>() == Approx(1));
    CHECK(maps[0]["friction_cost_per_week"].get<double>() == Approx(50));
    // Future state: LT = 30 + 1 + 40 min = 71 min = 4260 s; PT = 51 min = 3060 s;
    // no demand-free figures: takt 1800 s; Ship's C/T 40 min / 2 people = 20 min.
    CHECK(maps[1]["lead_time_seconds"].get<double>() == Approx(4260));
    CHECK(maps[1]["process_time_seconds"].get<double>() == Approx(3060));
    CHECK(maps[1]["cycle_time_seconds"].get<double>() == Approx(600 + 60 + 1200));
    CHECK(maps[1]["rolled_pca"].get<double>() == Approx(0.9));
    CHECK(maps[1]["bottleneck"] == "Ship");
    CHECK(maps[1]["bottleneck_cycle_time_seconds"].get<double>() == Approx(1200));
    CHECK(maps[1]["findings"].empty());
    // The errors also go to standard error, one per line, as validate writes them.
    CHECK(contains(r.err, "project.gemba: map \"Broken\": error: Step \"Review\": lead time"));

    // The readable report of the same: exit 1 too, figures with units, findings listed.
    const CliResult text = f.run({"metrics", "project.gemba"});
    CHECK(text.exitCode == 1);
    CHECK(contains(text.out, "Map \"Current state\" (current state, 3 steps)"));
    CHECK(contains(text.out, "4.33 h")); // 15600 s = 4.33 h of an 8-h day
    CHECK(contains(text.out, "26.9%"));  // activity ratio
    CHECK(contains(text.out, "19.2%"));  // process cycle efficiency
    CHECK(contains(text.out, "72%"));    // rolled %C&A
    CHECK(contains(text.out, "\"Ship\"  C/T 40 min, above takt"));
    CHECK(contains(text.out, "Credit queue"));
    CHECK(contains(text.out, "The figures of the path (lead time, process time, ratios, "
                             "bottleneck, labour) cannot be worked out"));
    CHECK(contains(text.out, "Red-pen costs"));
    CHECK(contains(text.out, "error: Step \"Review\": lead time"));
}

TEST_CASE("metrics --json and compare --json use the same keys for the same figures") {
    Fixture f;
    const json metrics =
        json::parse(f.run({"metrics", "project.gemba", "--map", "Current state", "--json"}).out);
    const json future =
        json::parse(f.run({"metrics", "project.gemba", "--map", "Future state", "--json"}).out);
    const CliResult r = f.run(
        {"compare", "project.gemba", "--from", "Current state", "--to", "Future state", "--json"});
    REQUIRE(r.exitCode == 0);
    const json c = json::parse(r.out);
    REQUIRE(c["metrics"].size() >= 15);
    for (const json& change : c["metrics"]) {
        const std::string key = change["key"];
        INFO("key " << key);
        REQUIRE(metrics.contains(key));
        CHECK(metrics[key].get<double>() == Approx(change["before"].get<double>()));
        CHECK(future[key].get<double>() == Approx(change["after"].get<double>()));
    }
}

TEST_CASE("compare: figures, steps added, removed and changed, and the waterfall") {
    Fixture f;
    const CliResult r = f.run(
        {"compare", "project.gemba", "--from", "Current state", "--to", "Future state", "--json"});
    REQUIRE(r.exitCode == 0);
    const json c = json::parse(r.out);
    const auto metric = [&](const std::string& key) {
        for (const json& m : c["metrics"])
            if (m["key"] == key)
                return m;
        FAIL("no metric " << key);
        return json();
    };
    // Lead time 15600 s -> 4260 s: -11340 s, -11340 / 15600 = -72.69%.
    const json lt = metric("lead_time_seconds");
    CHECK(lt["before"].get<double>() == Approx(15600));
    CHECK(lt["after"].get<double>() == Approx(4260));
    CHECK(lt["change"].get<double>() == Approx(-11340));
    CHECK(lt["percent"].get<double>() == Approx(-11340.0 / 15600.0 * 100));
    CHECK(metric("people")["percent"].get<double>() == Approx(-100)); // Ana: 1 -> 0
    CHECK(metric("friction_cost_per_week")["after"].get<double>() == Approx(0));

    REQUIRE(c["added"].size() == 1);
    CHECK(c["added"][0]["name"] == "Automatic credit check");
    REQUIRE(c["removed"].size() == 1);
    CHECK(c["removed"][0]["name"] == "Check credit");
    // Enter order: lead time 1 h -> 30 min; Ship: headcount 1 -> 2.
    REQUIRE(c["changed"].size() == 2);
    CHECK(c["changed"][0]["name"] == "Enter order");
    CHECK(c["changed"][0]["fields"] ==
          json::array({{{"field", "lead_time"}, {"before", "1 h"}, {"after", "30 min"}}}));
    CHECK(c["changed"][1]["name"] == "Ship");
    CHECK(c["changed"][1]["fields"] ==
          json::array({{{"field", "headcount"}, {"before", "1"}, {"after", "2"}}}));

    // Waterfall: Enter order 1 h -> 30 min: -1800 s; the automatic check adds 60 s; Ship is
    // unchanged (no bar); the queue (-7200 s) and Check credit (-2400 s) are removed.
    // -1800 + 60 - 7200 - 2400 = -11340 s, the change of lead time.
    std::map<std::string, double> bars;
    double sum = 0;
    for (const json& bar : c["waterfall"]) {
        bars[bar["label"]] = bar["seconds"];
        sum += bar["seconds"].get<double>();
    }
    CHECK(bars.size() == 4);
    CHECK(bars["Changed: Enter order"] == Approx(-1800));
    CHECK(bars["Added: Automatic credit check"] == Approx(60));
    CHECK(bars["Removed: Credit queue"] == Approx(-7200));
    CHECK(bars["Removed: Check credit"] == Approx(-2400));
    CHECK(sum == Approx(-11340));

    const CliResult text =
        f.run({"compare", "project.gemba", "--from", "Current state", "--to", "Future state"});
    CHECK(text.exitCode == 0);
    CHECK(contains(text.out, "Lead time"));
    CHECK(contains(text.out, "-72.7%"));
    CHECK(contains(text.out, "  + \"Automatic credit check\""));
    CHECK(contains(text.out, "  - \"Check credit\""));
    CHECK(contains(text.out, "lead_time: 1 h -> 30 min"));
    CHECK(contains(text.out, "Removed: Credit queue"));
}

TEST_CASE("compare: changed breakdowns and waits, as text, JSON and CSV") {
    // The production line: Spot weld II's breakdowns and every inventory change.
    TempDir dir;
    const std::string line = std::string(GEMBA_SOURCE_DIR) + "/examples/production-line.gemba";
    const std::vector<std::string> args = {"compare",       line,   "--from",
                                           "Current state", "--to", "Future state"};
    std::vector<std::string> asJson = args;
    asJson.push_back("--json");
    const CliResult r = runCli(asJson, dir.path());
    REQUIRE(r.exitCode == 0);
    const json c = json::parse(r.out);
    bool breakdown = false;
    for (const json& step : c["changed"])
        if (step["name"] == "Spot weld II")
            for (const json& field : step["fields"])
                if (field["field"] == "mttr") {
                    breakdown = true;
                    CHECK(field["before"] == "1.6 h");
                    CHECK(field["after"] == "2.4 h");
                }
    CHECK(breakdown);
    REQUIRE(c["changed_waits"].size() == 5);
    CHECK(c["changed_waits"][0]["name"] == "Steel coils");
    CHECK(c["changed_waits"][0]["fields"] ==
          json::array({{{"field", "quantity"}, {"before", "4,500"}, {"after", "1,350"}}}));

    const CliResult text = runCli(args, dir.path());
    REQUIRE(text.exitCode == 0);
    CHECK(contains(text.out, "mtbf: 14.4 h -> 4.85 d"));
    CHECK(contains(text.out, "Waits changed: 5"));
    CHECK(contains(text.out, "quantity: 6,300 -> 1,350")); // shown as everywhere, grouped

    std::vector<std::string> asCsv = args;
    asCsv.push_back("--csv");
    const CliResult csv = runCli(asCsv, dir.path());
    REQUIRE(csv.exitCode == 0);
    CHECK(contains(csv.out, "step,changed,Spot weld II: mttr,1.6 h,2.4 h"));
    CHECK(contains(csv.out, "wait,changed,Steel coils: quantity,\"4,500\",\"1,350\""));
}

TEST_CASE("compare exits with 1 when a map has errors, and 2 for a map that does not exist") {
    Fixture f;
    CliResult r = f.run({"compare", "project.gemba", "--from", "Current state", "--to", "Broken"});
    CHECK(r.exitCode == 1);
    CHECK(contains(r.out, "Map \"Broken\" has errors"));
    CHECK(contains(r.err, "project.gemba: map \"Broken\": error:"));

    r = f.run({"compare", "project.gemba", "--from", "Current state", "--to", "Future"});
    CHECK(r.exitCode == 2);
    CHECK(r.err == "project.gemba: no map named \"Future\"; the maps are \"Current state\", "
                   "\"Future state\", \"Broken\"\n");

    // Three maps: --from and --to cannot be guessed.
    r = f.run({"compare", "project.gemba"});
    CHECK(r.exitCode == 2);
    CHECK(contains(r.err, "options --from MAP and --to MAP are required"));
}

TEST_CASE("a map name that does not exist lists the maps there are") {
    Fixture f;
    for (const char* command : {"metrics", "validate"}) {
        const CliResult r = f.run({command, "project.gemba", "--map", "Ideal state"});
        CHECK(r.exitCode == 2);
        CHECK(r.out.empty());
        CHECK(r.err == "project.gemba: no map named \"Ideal state\"; the maps are \"Current "
                       "state\", \"Future state\", \"Broken\"\n");
    }
}

TEST_CASE("validate writes every finding on its own line and exits 1 on errors") {
    Fixture f;
    CliResult r = f.run({"validate", "project.gemba"});
    CHECK(r.exitCode == 1);
    CHECK(r.out == "project.gemba: map \"Current state\": warning: Step \"Ship\": cycle time 40 "
                   "min is above takt 30 min; it cannot meet demand\n"
                   "project.gemba: map \"Broken\": error: Step \"Review\": lead time 10 min is "
                   "shorter than process time 30 min\n");
    CHECK(contains(r.err, "3 maps checked: 1 error, 1 warning, 0 notes"));

    // A warning alone is no failure.
    r = f.run({"validate", "project.gemba", "--map", "Current state"});
    CHECK(r.exitCode == 0);
    CHECK(contains(r.out, "warning: Step \"Ship\""));
    r = f.run({"validate", "project.gemba", "--map", "Future state"});
    CHECK(r.exitCode == 0);
    CHECK(r.out.empty());
}

TEST_CASE("export-json and import-json round-trip a project to the same bytes") {
    Fixture f;
    CliResult r = f.run({"export-json", "project.gemba", "-o", "a.json"});
    REQUIRE(r.exitCode == 0);
    r = f.run({"import-json", "a.json", "-o", "b.gemba"});
    REQUIRE(r.exitCode == 0);
    CHECK(contains(r.out, "b.gemba: 3 maps, 8 steps"));
    r = f.run({"export-json", "b.gemba", "-o", "b.json"});
    REQUIRE(r.exitCode == 0);
    CHECK(readFile(f.dir / "a.json") == readFile(f.dir / "b.json"));
    // Durations are written in seconds: "10 min" became 600.
    const json exported = json::parse(readFile(f.dir / "a.json"));
    CHECK(exported["maps"][0]["steps"][0]["process_time"] == 600);
    // Standard output gives the same document.
    r = f.run({"export-json", "project.gemba", "-o", "-"});
    CHECK(json::parse(r.out) == exported);
    // Commands that read a project also take its JSON.
    r = f.run({"metrics", "a.json", "--map", "Current state", "--json"});
    CHECK(json::parse(r.out)["lead_time_seconds"].get<double>() == Approx(15600));
}

TEST_CASE("import-csv creates a project, adds maps, and refuses bad cells with row and column") {
    TempDir dir;
    writeFile(dir / "steps.csv", "name,process time,lead time,wait before,%c&a,role\n"
                                 "Take call,6 min,1 h,,95,Support\n"
                                 "Log ticket,4 min,30 min,1 d,90,Support\n"
                                 "Fix,2 h,1 d,,80,Engineering\n");
    CliResult r = runCli({"import-csv", "steps.csv", "-o", "p.gemba", "--demand-per-day", "12",
                          "--hours-per-day", "7.5"},
                         dir.path());
    REQUIRE(r.exitCode == 0);
    CHECK(contains(r.out, "Created map \"Current state\" (3 steps) in p.gemba"));
    r = runCli({"metrics", "p.gemba", "--json", "--map", "Current state"}, dir.path());
    REQUIRE(r.exitCode == 0);
    json m = json::parse(r.out);
    // Days of 7.5 h = 27000 s. LT = 1 h + 1 d (queue) + 30 min + 1 d = 3600 + 27000 + 1800 +
    // 27000 = 59400 s = 2.2 days. Takt = 27000 / 12 = 2250 s.
    CHECK(m["lead_time_seconds"].get<double>() == Approx(59400));
    CHECK(m["lead_time_days"].get<double>() == Approx(2.2));
    CHECK(m["takt_seconds"].get<double>() == Approx(2250));
    CHECK(m["calendar"]["hours_per_day"] == 7.5);
    // Support -> Support is no handoff; Support -> Engineering is one.
    CHECK(m["handoffs"] == 1);

    // A second import adds a map to the same project.
    r = runCli({"import-csv", "steps.csv", "-o", "p.gemba", "--map", "Week 2"}, dir.path());
    REQUIRE(r.exitCode == 0);
    CHECK(contains(r.out, "Added map \"Week 2\" (3 steps) to p.gemba"));
    r = runCli({"metrics", "p.gemba", "--json"}, dir.path());
    CHECK(json::parse(r.out).size() == 2);

    // Same name again: refused, file unchanged.
    const std::string before = readFile(dir / "p.gemba");
    r = runCli({"import-csv", "steps.csv", "-o", "p.gemba", "--map", "Week 2"}, dir.path());
    CHECK(r.exitCode == 2);
    CHECK(contains(r.err, "p.gemba: already has a map named \"Week 2\""));
    CHECK(readFile(dir / "p.gemba") == before);

    // A bad cell: row 3 (the header is row 1), column C.
    writeFile(dir / "bad.csv", "name,process time,lead time\n"
                               "A,5 min,10 min\n"
                               "B,5 min,ten minutes\n");
    r = runCli({"import-csv", "bad.csv", "-o", "p.gemba", "--map", "Bad"}, dir.path());
    CHECK(r.exitCode == 2);
    CHECK(r.out.empty());
    CHECK(r.err.starts_with("bad.csv: row 3, column C 'lead time': "));
    CHECK(readFile(dir / "p.gemba") == before);
    // ... and no new project is left behind either.
    r = runCli({"import-csv", "bad.csv", "-o", "new.gemba"}, dir.path());
    CHECK(r.exitCode == 2);
    CHECK_FALSE(std::filesystem::exists(dir / "new.gemba"));

    r = runCli({"import-csv", "missing.csv", "-o", "p.gemba", "--map", "X"}, dir.path());
    CHECK(r.exitCode == 2);
    CHECK(r.err == "missing.csv: no such file\n");
}

TEST_CASE("unreadable or invalid input files exit with 2 and name the file and place") {
    TempDir dir;
    CliResult r = runCli({"metrics", "nothing.gemba"}, dir.path());
    CHECK(r.exitCode == 2);
    CHECK(r.err.starts_with("nothing.gemba: "));

    writeFile(dir / "text.gemba", "this is not a database\n");
    r = runCli({"validate", "text.gemba"}, dir.path());
    CHECK(r.exitCode == 2);
    CHECK_FALSE(r.crashed);
    CHECK(r.err.starts_with("text.gemba: "));

    writeFile(dir / "syntax.json", "{\n  \"format\": \"gemba\",\n  \"version\": 1,,\n}\n");
    r = runCli({"import-json", "syntax.json", "-o", "p.gemba"}, dir.path());
    CHECK(r.exitCode == 2);
    CHECK(r.err.starts_with("syntax.json: line 3, column "));
    CHECK_FALSE(std::filesystem::exists(dir / "p.gemba"));

    writeFile(dir / "field.json", R"({"format": "gemba", "version": 1, "people": [],
        "systems": [], "maps": [{"name": "M", "state": "current", "steps": [
        {"id": 1, "name": "A", "process_time": "30 m"}]}]})");
    r = runCli({"import-json", "field.json", "-o", "p.gemba"}, dir.path());
    CHECK(r.exitCode == 2);
    CHECK(r.err.starts_with("field.json: /maps/0/steps/0/process_time: "));
    CHECK(contains(r.err, "ambiguous"));

    std::filesystem::create_directory(dir / "folder.gemba");
    r = runCli({"new", "folder.gemba"}, dir.path());
    CHECK(r.exitCode == 2);
    CHECK(contains(r.err, "folder.gemba: is a folder"));
}

TEST_CASE("numbers are written with a decimal point whatever the locale") {
    Fixture f;
    // A German locale (decimal comma), built into the test's folder: the machine need not have
    // it installed. Without localedef the test still runs, but proves less.
    const std::filesystem::path locales = f.dir / "locales";
    std::filesystem::create_directory(locales);
    const std::string build =
        "localedef -i de_DE -f UTF-8 '" + (locales / "de_DE.UTF-8").string() + "' >/dev/null 2>&1";
    bool haveComma = false;
    if (std::system(build.c_str()) == 0) {
        // Does the locale work? printf(1) (not the shell's) writes 1.5 with a comma there. (In a
        // child: loading a locale from LOCPATH leaks a few bytes inside the C library.)
        const std::string check = "LOCPATH='" + locales.string() +
                                  "' LC_ALL=de_DE.UTF-8 env printf '%.1f' 1.5 > '" +
                                  (f.dir / "radix").string() + "' 2>/dev/null";
        haveComma = std::system(check.c_str()) == 0 && readFile(f.dir / "radix") == "1,5";
    }
    if (!haveComma)
        WARN("no locale with a decimal comma could be made; checking under LC_ALL=C.UTF-8 only");
    const std::vector<std::string> environment =
        haveComma ? std::vector<std::string>{"LOCPATH=" + locales.string(), "LC_ALL=de_DE.UTF-8",
                                             "LANG=de_DE.UTF-8"}
                  : std::vector<std::string>{"LC_ALL=C.UTF-8"};

    const CliResult r =
        runCli({"metrics", "project.gemba", "--map", "Current state"}, f.path(), environment);
    CHECK(r.exitCode == 0);
    CHECK(contains(r.out, "4.33 h"));
    CHECK(contains(r.out, "26.9%"));
    const CliResult j = runCli({"metrics", "project.gemba", "--map", "Current state", "--json"},
                               f.path(), environment);
    CHECK(json::parse(j.out)["lead_time_days"].get<double>() == Approx(15600.0 / 28800.0));
    // Options are read the same way: 7.5 is seven and a half, never seventy-five.
    writeFile(f.dir / "s.csv", "name,process time\nA,1 h\n");
    const CliResult csv = runCli({"import-csv", "s.csv", "-o", "s.gemba", "--hours-per-day", "7.5"},
                                 f.path(), environment);
    CHECK(csv.exitCode == 0);
    const CliResult exported = runCli({"export-json", "s.gemba", "-o", "-"}, f.path());
    CHECK(json::parse(exported.out)["calendar"]["hours_per_day"] == 7.5);
}

TEST_CASE("readable text groups thousands; JSON and CSV keep plain numbers") {
    // One step of 8 h lead time (1 working day), demand 2400 a day: WIP 2400 x 1 = 2400 items.
    // Friction 1250 min x 3000 a week = 62,500 h a week, at 50 EUR/h = 3,125,000 EUR a week.
    // The future state halves the demand and drops the friction.
    TempDir dir;
    writeFile(dir / "big.json", R"({
      "format": "gemba", "version": 1, "name": "Big",
      "calendar": {"hours_per_day": 8, "days_per_week": 5},
      "currency": "EUR", "default_hourly_rate": 50,
      "people": [], "systems": [], "next_id": 40,
      "maps": [
        {"id": 10, "name": "Now", "state": "current", "demand": {"quantity": 2400, "per": "day"},
         "steps": [{"id": 11, "name": "Key in", "role": "Clerks", "process_time": "10 s",
                    "lead_time": "8 h", "position": {"x": 0, "y": 0},
                    "frictions": [{"what": "Re-key", "minutes_per_occurrence": 1250,
                                   "occurrences_per_week": 3000}]}]},
        {"id": 20, "name": "Next", "state": "future", "made_from": 10,
         "demand": {"quantity": 1200, "per": "day"},
         "steps": [{"id": 21, "origin": 11, "name": "Key in", "role": "Clerks",
                    "process_time": "10 s", "lead_time": "8 h", "position": {"x": 0, "y": 0}}]}
      ]})");
    const CliResult text = runCli({"metrics", "big.json", "--map", "Now"}, dir.path());
    INFO(text.out << text.err);
    REQUIRE(text.exitCode == 0);
    CHECK(contains(text.out, "2,400 per day"));
    CHECK(contains(text.out, "2,400 items"));
    CHECK(contains(text.out, "62,500 h a week"));
    CHECK(contains(text.out, "3,125,000 EUR a week"));
    const CliResult asJson = runCli({"metrics", "big.json", "--map", "Now", "--json"}, dir.path());
    REQUIRE(asJson.exitCode == 0);
    const json m = json::parse(asJson.out);
    CHECK(m["demand_per_day"] == 2400);
    CHECK(m["wip"].get<double>() == Approx(2400));
    CHECK(m["friction_cost_per_week"].get<double>() == Approx(3125000));
    CHECK_FALSE(contains(asJson.out, "2,400"));

    const std::vector<std::string> compare = {"compare", "big.json", "--from",
                                              "Now",     "--to",     "Next"};
    const CliResult diff = runCli(compare, dir.path());
    INFO(diff.out << diff.err);
    REQUIRE(diff.exitCode == 0);
    CHECK(contains(diff.out, "3,125,000 EUR"));
    CHECK(contains(diff.out, "-1,200"));
    std::vector<std::string> asCsv = compare;
    asCsv.push_back("--csv");
    const CliResult csv = runCli(asCsv, dir.path());
    REQUIRE(csv.exitCode == 0);
    CHECK(contains(csv.out, "3125000"));
    CHECK_FALSE(contains(csv.out, "3,125,000"));
    CHECK_FALSE(contains(csv.out, "1,200"));

    const CliResult simulated =
        runCli({"simulate", "big.json", "--map", "Now", "--trials", "12000"}, dir.path());
    INFO(simulated.out << simulated.err);
    REQUIRE(simulated.exitCode == 0);
    CHECK(contains(simulated.out, "Monte Carlo: 12,000 trials"));
}

TEST_CASE("the example projects: make run's metrics, and small ratios keep their digits") {
    TempDir dir;
    const std::string examples = std::string(GEMBA_SOURCE_DIR) + "/examples/";
    // `make run` without a display prints these metrics: they must work and exit with 0.
    CliResult r = runCli({"metrics", examples + "software-delivery.gemba"}, dir.path());
    CHECK(r.exitCode == 0);
    CHECK(contains(r.out, "Map \"Future state\""));
    // The plant's activity ratio is 194 s / 1106114 s = 0.0175%: not "0%".
    r = runCli({"metrics", examples + "production-line.gemba", "--map", "Current state"},
               dir.path());
    CHECK(r.exitCode == 0);
    CHECK(contains(r.out, "0.018%"));
    CHECK(contains(r.out, "0.017%")); // PCE: 186 s / 1106114 s
}

TEST_CASE("metrics and validate: a one-step map and a step just dropped keep the figures") {
    TempDir dir;
    writeFile(dir / "dropped.json", R"({
  "format": "gemba", "version": 1, "name": "Dropped",
  "calendar": {"hours_per_day": 8, "days_per_week": 5},
  "people": [], "systems": [],
  "next_id": 10,
  "maps": [
    {"id": 1, "name": "One step", "state": "current",
     "steps": [{"id": 2, "name": "Quote", "process_time": "20 min", "lead_time": "1 h"},
               {"id": 3, "name": "Just dropped", "process_time": "5 min",
                "position": {"x": 232, "y": 0}}]}
  ]
})");
    const CliResult validate = runCli({"validate", "dropped.json"}, dir.path());
    CHECK(validate.exitCode == 0);
    CHECK_FALSE(contains(validate.out + validate.err, "has no start"));
    CHECK(contains(validate.out, "warning: Step \"Just dropped\" is not connected"));

    const CliResult r = runCli({"metrics", "dropped.json", "--json"}, dir.path());
    REQUIRE_FALSE(r.crashed);
    CHECK(r.exitCode == 0);
    const json maps = json::parse(r.out);
    REQUIRE(maps.size() == 1);
    CHECK(maps[0]["valid"] == true);
    CHECK(maps[0]["lead_time_seconds"].get<double>() == Approx(3600));
    CHECK(maps[0]["process_time_seconds"].get<double>() == Approx(1200));
    REQUIRE(maps[0]["findings"].size() == 1);
    CHECK(maps[0]["findings"][0]["code"] == "not_connected");
    CHECK(maps[0]["findings"][0]["element"] == 3);
}
