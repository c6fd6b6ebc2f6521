// gemba-cli import-events, refresh and flow, run as a user would, on a hand-worked log.

#include "run_cli.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using gemba::cli::test::readFile;
using gemba::cli::test::runCli;
using gemba::cli::test::TempDir;
using gemba::cli::test::writeFile;
using nlohmann::json;

namespace {

// Two items through Build and Review, one sent back once; the 6th of March 2026 is a Friday.
// A: Build Fri 16:00 - Mon 10:00 (2 working hours), Review Mon 11:00-12:00, Deploy 13:00-14:00.
// B: Build Mon 09:00-10:00, Review 10:00-11:00, back to Build 11:00-12:00, Review 13:00-14:00,
//    Deploy 14:00-15:00.
const char* const kLog = "case,activity,start,end,team\n"
                         "A,Build,2026-03-06 16:00,2026-03-09 10:00,Dev\n"
                         "A,Review,2026-03-09 11:00,2026-03-09 12:00,QA\n"
                         "A,Deploy,2026-03-09 13:00,2026-03-09 14:00,Ops\n"
                         "B,Build,2026-03-09 09:00,2026-03-09 10:00,Dev\n"
                         "B,Review,2026-03-09 10:00,2026-03-09 11:00,QA\n"
                         "B,Build,2026-03-09 11:00,2026-03-09 12:00,Dev\n"
                         "B,Review,2026-03-09 13:00,2026-03-09 14:00,QA\n"
                         "B,Deploy,2026-03-09 14:00,2026-03-09 15:00,Ops\n";

const json* stepNamed(const json& report, const std::string& name) {
    for (const auto& step : report["steps"])
        if (step["name"] == name)
            return &step;
    return nullptr;
}

} // namespace

TEST_CASE("cli import-events: a measured map with distributions and provenance", "[cli][events]") {
    TempDir dir;
    writeFile(dir / "log.csv", kLog);
    const auto r = runCli({"import-events", "log.csv", "-o", "p.gemba", "--json", "--calendar",
                           "Mon-Fri 09:00-17:00", "--min-route-share", "0"},
                          dir.path());
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    const json report = json::parse(r.out);
    CHECK(report["items"] == 2);
    CHECK(report["provenance"]["source"] == "log.csv: 2 items, 2026-03-06 to 2026-03-09");
    const json* build = stepNamed(report, "Build");
    REQUIRE(build);
    CHECK((*build)["visits"] == 3);
    CHECK((*build)["process_time_seconds"]["max"] == 7200.0); // Friday 16-17, Monday 9-10
    CHECK((*build)["role"] == "Dev");
    const json* review = stepNamed(report, "Review");
    CHECK((*review)["return_share"] == Catch::Detail::Approx(1.0 / 3.0));
    CHECK((*review)["pca_basis"] == "1 of 3 departures went back");

    // The map is in the project and its figures are valid.
    const auto metrics =
        runCli({"metrics", "p.gemba", "--map", "Measured state", "--json"}, dir.path());
    INFO(metrics.err);
    CHECK(metrics.exitCode == 0);
    const json m = json::parse(metrics.out);
    CHECK(m["process_time_seconds"].get<double>() > 0);

    // A second import under the same name is refused, and changes nothing.
    const std::string before = readFile(dir / "p.gemba");
    const auto again = runCli({"import-events", "log.csv", "-o", "p.gemba"}, dir.path());
    CHECK(again.exitCode == 2);
    CHECK(again.err.find("already has a map named \"Measured state\"") != std::string::npos);
    CHECK(readFile(dir / "p.gemba") == before);
}

TEST_CASE("cli import-events: a bad row changes no file and names row and column",
          "[cli][events]") {
    TempDir dir;
    writeFile(dir / "bad.csv", std::string(kLog) + "C,Build,2026-03-10 10:00,tomorrow,Dev\n");
    const auto r = runCli({"import-events", "bad.csv", "-o", "p.gemba"}, dir.path());
    CHECK(r.exitCode == 2);
    CHECK(r.err.find("bad.csv: row 10, column 'end' (D): 'tomorrow' is not a timestamp") !=
          std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir / "p.gemba"));
    const auto usage =
        runCli({"import-events", "bad.csv", "-o", "p.gemba", "--format", "pdf"}, dir.path());
    CHECK(usage.exitCode == 2);
    CHECK(usage.err.find("--format needs csv, status or xes") != std::string::npos);
}

TEST_CASE("cli refresh: figures updated, layout and the rest kept; or a measured copy",
          "[cli][events]") {
    TempDir dir;
    writeFile(dir / "log.csv", kLog);
    REQUIRE(
        runCli({"import-events", "log.csv", "-o", "p.gemba", "--map", "Current state"}, dir.path())
            .exitCode == 0);
    // A newer log where every step takes half an hour.
    writeFile(dir / "newer.csv", "case,activity,start,end\n"
                                 "C,Build,2026-04-07 09:00,2026-04-07 09:30\n"
                                 "C,Review,2026-04-07 10:00,2026-04-07 10:30\n"
                                 "C,Deploy,2026-04-07 11:00,2026-04-07 11:30\n");
    const auto beside = runCli(
        {"refresh", "p.gemba", "newer.csv", "--map", "Current state", "--as-new", "Measured April"},
        dir.path());
    INFO(beside.err);
    REQUIRE(beside.exitCode == 0);
    const auto compare = runCli(
        {"compare", "p.gemba", "--from", "Current state", "--to", "Measured April", "--json"},
        dir.path());
    INFO(compare.err);
    REQUIRE(compare.exitCode == 0);
    const json c = json::parse(compare.out);
    CHECK(c.dump().find("\"added\":[]") != std::string::npos); // every step matched

    const auto r =
        runCli({"refresh", "p.gemba", "newer.csv", "--map", "Current state"}, dir.path());
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    CHECK(r.out.find("Refreshed map \"Current state\"") != std::string::npos);
    const auto exported = runCli({"export-json", "p.gemba", "-o", "-"}, dir.path());
    const json project = json::parse(exported.out);
    bool found = false;
    for (const auto& map : project["maps"])
        if (map["name"] == "Current state")
            for (const auto& step : map["steps"])
                if (step["name"] == "Build") {
                    CHECK(step["process_time"] == 1800.0);
                    found = true;
                }
    CHECK(found);
    const auto missing = runCli({"refresh", "p.gemba", "newer.csv", "--map", "Nope"}, dir.path());
    CHECK(missing.exitCode == 2);
}

TEST_CASE("cli flow: per week as JSON and CSV", "[cli][events]") {
    TempDir dir;
    writeFile(dir / "log.csv", kLog);
    const auto r = runCli({"flow", "log.csv", "--json"}, dir.path());
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    const json flow = json::parse(r.out);
    REQUIRE(flow["periods"].size() == 2); // the weeks of 2 and 9 March
    CHECK(flow["periods"][0]["period"] == "2026-03-02");
    CHECK(flow["periods"][0]["throughput"] == 0);
    CHECK(flow["periods"][0]["wip_at_end"] == 1); // A is in Build over the weekend
    CHECK(flow["periods"][1]["throughput"] == 2);
    // By hand: A from Friday 16:00 to Monday 14:00 is 1 + 5 = 6 working hours, 4 of them
    // worked; B from 09:00 to 15:00 is 6 hours, 5 worked (Build again 11-12, Review 13-14).
    // Flow efficiency (4 + 5) / (6 + 6) = 75%.
    const auto csv = runCli({"flow", "log.csv", "--csv", "--period", "month"}, dir.path());
    CHECK(csv.out == "period,throughput,lead_time_p50_hours,lead_time_p85_hours,wip_at_end,"
                     "flow_efficiency\n2026-03,2,6,6,0,0.75\n");
}

TEST_CASE("cli: the project keeps the mapping and working hours the import used", "[cli][events]") {
    TempDir dir;
    writeFile(dir / "log.csv", kLog);
    REQUIRE(runCli({"import-events", "log.csv", "-o", "p.gemba", "--calendar", "24x7"}, dir.path())
                .exitCode == 0);
    const json project = json::parse(runCli({"export-json", "p.gemba", "-o", "-"}, dir.path()).out);
    CHECK(project["working_hours"] == "Mon-Sun 00:00-24:00");
    CHECK(project["event_mapping"]["Build"]["kind"] == "step");
    // flow PROJECT LOG counts elapsed hours now: A took 70 h (68 worked), B 6 h (5 worked):
    // P50 38 h, P85 6 + 0.85 x 64 = 60.4 h, flow efficiency 73 / 76.
    const auto r = runCli({"flow", "p.gemba", "log.csv", "--csv", "--period", "month"}, dir.path());
    INFO(r.err);
    CHECK(r.out == "period,throughput,lead_time_p50_hours,lead_time_p85_hours,wip_at_end,"
                   "flow_efficiency\n2026-03,2,38,60.4,0,0.9605\n");
}

TEST_CASE("the measured example is the import of its log and mapping", "[cli][events]") {
    // examples/events: rebuild with the command in examples/README.md after changing the log.
    TempDir dir;
    const std::filesystem::path source = GEMBA_SOURCE_DIR;
    const auto r = runCli({"import-events", "examples/events/software-delivery-events.csv", "-o",
                           (dir / "m.gemba").string(), "--mapping", "examples/events/mapping.json",
                           "--map", "Measured state"},
                          source);
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    const auto fresh = runCli({"export-json", (dir / "m.gemba").string(), "-o", "-"}, source);
    const auto committed =
        runCli({"export-json", "examples/events/measured-delivery.gemba", "-o", "-"}, source);
    REQUIRE(committed.exitCode == 0);
    const json a = json::parse(fresh.out), b = json::parse(committed.out);
    CHECK(a["maps"] == b["maps"]);
    CHECK(a["event_mapping"] == b["event_mapping"]);
    CHECK(a["working_hours"] == b["working_hours"]);
    CHECK(r.out.find("26 items took a route or step used by fewer than 2%") != std::string::npos);
}
