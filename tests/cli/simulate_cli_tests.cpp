// gemba-cli simulate as a user runs it: the real binary on the insurance-claims example (the
// sub-optimisation case of docs/user-guide.md) and on small projects, every exit code.
#include "run_cli.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using gemba::cli::test::CliResult;
using gemba::cli::test::runCli;
using gemba::cli::test::TempDir;
using gemba::cli::test::writeFile;
using nlohmann::json;

namespace {

const std::filesystem::path kClaims =
    std::filesystem::path(GEMBA_SOURCE_DIR) / "examples" / "insurance-claims.gemba";

/// Two parallel reviews of 1 to 3 days (typically 2), as in docs/metrics.md.
const char* const kParallelJson = R"({
  "format": "gemba", "version": 1, "name": "Reviews",
  "calendar": {"hours_per_day": 8, "days_per_week": 5},
  "people": [], "systems": [], "next_id": 30,
  "maps": [{"id": 1, "name": "Reviews", "state": "current",
    "demand": {"quantity": 1, "per": "day"},
    "parties": [{"id": 2, "kind": "supplier", "name": "In", "position": {"x": -80, "y": 0}},
                {"id": 3, "kind": "customer", "name": "Out", "position": {"x": 900, "y": 0}}],
    "steps": [
      {"id": 4, "name": "Receive", "process_time": "0 s", "position": {"x": 0, "y": 0}},
      {"id": 5, "name": "Legal review",
       "process_time": {"typical": "2 d", "min": "1 d", "max": "3 d"},
       "position": {"x": 232, "y": 0}},
      {"id": 6, "name": "Tech review",
       "process_time": {"typical": "2 d", "min": "1 d", "max": "3 d"},
       "position": {"x": 232, "y": 200}},
      {"id": 7, "name": "Approve", "process_time": "0 s", "position": {"x": 464, "y": 0}}],
    "flows": [{"id": 10, "from": 2, "to": 4}, {"id": 11, "from": 4, "to": 5},
              {"id": 12, "from": 4, "to": 6}, {"id": 13, "from": 5, "to": 7},
              {"id": 14, "from": 6, "to": 7}, {"id": 15, "from": 7, "to": 3}]}]
})";

const json* stepNamed(const json& steps, const std::string& name) {
    for (const json& s : steps)
        if (s.at("name") == name)
            return &s;
    return nullptr;
}

} // namespace

TEST_CASE("simulate: Monte Carlo figures as JSON, the same for the same seed", "[cli][simulate]") {
    TempDir dir;
    writeFile(dir.path() / "reviews.json", kParallelJson);
    const CliResult r = runCli({"simulate", "reviews.json", "--trials", "20000", "--seed", "5",
                                "--target", "2 d", "--json"},
                               dir.path());
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    const json out = json::parse(r.out);
    const json& mc = out.at("monte_carlo");
    CHECK(mc.at("trials") == 20000);
    CHECK(mc.at("deterministic_lead_time_seconds").get<double>() == Approx(2 * 8 * 3600));
    // E[max] = 2 d + 7/30 d (docs/metrics.md); 4 standard errors at 20,000 trials.
    const double day = 8 * 3600;
    CHECK(std::abs(mc.at("lead_time").at("mean_seconds").get<double>() - (2 + 7.0 / 30) * day) <
          4 * 0.41 * day / std::sqrt(20000.0));
    CHECK(mc.at("meet_target").get<double>() == Approx(0.25).margin(0.015));
    CHECK(stepNamed(mc.at("steps"), "Legal review")->at("criticality").get<double>() ==
          Approx(0.5).margin(0.015));
    CHECK(mc.at("tornado").size() == 2);

    const CliResult again = runCli({"simulate", "reviews.json", "--trials", "20000", "--seed", "5",
                                    "--target", "2 d", "--json"},
                                   dir.path());
    CHECK(again.out == r.out);
    const CliResult pert =
        runCli({"simulate", "reviews.json", "--distribution", "pert", "--json"}, dir.path());
    REQUIRE(pert.exitCode == 0);
    CHECK(json::parse(pert.out).at("monte_carlo").at("distribution") == "pert");

    // A map that chooses PERT is simulated so unless the run says otherwise.
    std::string pertMap = kParallelJson;
    pertMap.replace(pertMap.find("\"state\": \"current\","), 19,
                    "\"state\": \"current\", \"distribution\": \"pert\",");
    writeFile(dir.path() / "pert.json", pertMap);
    const CliResult chosen = runCli({"simulate", "pert.json", "--json"}, dir.path());
    INFO(chosen.err);
    REQUIRE(chosen.exitCode == 0);
    CHECK(json::parse(chosen.out).at("monte_carlo").at("distribution") == "pert");
    const CliResult overridden =
        runCli({"simulate", "pert.json", "--distribution", "triangular", "--json"}, dir.path());
    CHECK(json::parse(overridden.out).at("monte_carlo").at("distribution") == "triangular");
}

TEST_CASE("simulate: the sub-optimisation example, current against future", "[cli][simulate]") {
    TempDir dir;
    const CliResult r = runCli({"simulate", kClaims.string(), "--map", "Current state", "--against",
                                "Future state", "--des", "--horizon", "60 d", "--warmup", "5 d",
                                "--arrivals", "regular", "--trials", "2000", "--json"},
                               dir.path());
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    const json out = json::parse(r.out);
    REQUIRE(out.size() == 2);
    const json& before = out[0].at("discrete_event");
    const json& after = out[1].at("discrete_event");
    // The assessors (2 people, 110 min on average) do 8.7 claims a day, before and after.
    const double capacity = 2 * 480 / 110.0;
    CHECK(before.at("throughput_per_day").get<double>() == Approx(capacity).epsilon(0.03));
    CHECK(after.at("throughput_per_day").get<double>() == Approx(capacity).epsilon(0.03));
    const json* scanBefore = stepNamed(before.at("steps"), "Scan documents");
    const json* scanAfter = stepNamed(after.at("steps"), "Scan documents");
    const json* assessBefore = stepNamed(before.at("steps"), "Assess claim");
    const json* assessAfter = stepNamed(after.at("steps"), "Assess claim");
    REQUIRE((scanBefore && scanAfter && assessBefore && assessAfter));
    // Before: both piles grow; after: the mailroom's is gone and the assessors' grows faster.
    CHECK(scanBefore->at("unbounded") == true);
    CHECK(scanBefore->at("queue_mean").is_null());
    CHECK(scanAfter->at("unbounded") == false);
    CHECK(scanAfter->at("queue_mean").get<double>() < 1);
    CHECK(assessAfter->at("growth_per_day").get<double>() >
          assessBefore->at("growth_per_day").get<double>() + 0.25);
    CHECK(before.at("longest_queue") == scanBefore->at("id"));
    CHECK(after.at("longest_queue") == assessAfter->at("id"));
    CHECK(r.err.find("\"Assess claim\" cannot keep up") != std::string::npos);

    // The readable report says the queue grows instead of giving it a mean.
    const CliResult text =
        runCli({"simulate", kClaims.string(), "--map", "Current state", "--what-if",
                "Scan documents:pt=10 min", "--des", "--trials", "500"},
               dir.path());
    INFO(text.err);
    REQUIRE(text.exitCode == 0);
    CHECK(text.out.find("Critical path (typical times)") != std::string::npos);
    CHECK(text.out.find("grows +") != std::string::npos);
    CHECK(text.out.find("what-if") != std::string::npos);
    CHECK(text.out.find("not a steady state") != std::string::npos);

    // The map's report with the simulation as its last section.
    const CliResult pdf = runCli({"simulate", kClaims.string(), "--map", "Current state", "--des",
                                  "--trials", "500", "--report", "claims.pdf"},
                                 dir.path());
    INFO(pdf.err);
    REQUIRE(pdf.exitCode == 0);
    CHECK(pdf.err.find("Wrote claims.pdf") != std::string::npos);
    const std::string bytes = gemba::cli::test::readFile(dir.path() / "claims.pdf");
    CHECK(bytes.rfind("%PDF", 0) == 0);
    CHECK(bytes.size() > 20000);
}

TEST_CASE("simulate: bad usage and maps that cannot be simulated", "[cli][simulate]") {
    TempDir dir;
    writeFile(dir.path() / "reviews.json", kParallelJson);
    auto run = [&](std::vector<std::string> arguments) { return runCli(arguments, dir.path()); };

    CliResult r = run({"simulate", "reviews.json", "--trials", "0"});
    CHECK(r.exitCode == 2);
    CHECK(r.err.find("--trials") != std::string::npos);
    r = run({"simulate", "reviews.json", "--distribution", "normal"});
    CHECK(r.exitCode == 2);
    r = run({"simulate", "reviews.json", "--horizon", "10 d"});
    CHECK(r.exitCode == 2);
    CHECK(r.err.find("needs --des") != std::string::npos);
    r = run({"simulate", "reviews.json", "--what-if", "Nobody:pt=1 h"});
    CHECK(r.exitCode == 2);
    CHECK(r.err.find("no step called \"Nobody\"") != std::string::npos);
    r = run({"simulate", "reviews.json", "--what-if", "Legal review:colour=red"});
    CHECK(r.exitCode == 2);
    r = run({"simulate", "reviews.json", "--what-if", "nonsense"});
    CHECK(r.exitCode == 2);
    r = run({"simulate", "reviews.json", "--des", "--horizon", "5 d", "--warmup", "5 d"});
    CHECK(r.exitCode == 1);
    CHECK(r.err.find("warm-up") != std::string::npos);
    r = run({"simulate", "missing.gemba"});
    CHECK(r.exitCode == 2);

    // Two what-ifs in one run.
    r = run({"simulate", "reviews.json", "--what-if", "Legal review:pt=1 d", "--what-if",
             "Tech review:max=2 d", "--json", "--trials", "1000"});
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    const json both = json::parse(r.out);
    REQUIRE(both.size() == 2);
    CHECK(both[1].at("what_if").size() == 2);
    CHECK(both[1].at("monte_carlo").at("lead_time").at("mean_seconds").get<double>() <
          both[0].at("monte_carlo").at("lead_time").at("mean_seconds").get<double>());

    // A map with errors: exit 1, the errors on standard error.
    std::string broken = kParallelJson;
    broken.replace(broken.find("\"process_time\": \"0 s\""), 21,
                   "\"process_time\": \"1 h\", \"lead_time\": \"10 min\"");
    writeFile(dir.path() / "broken.json", broken);
    r = run({"simulate", "broken.json"});
    CHECK(r.exitCode == 1);
    CHECK(r.err.find("error") != std::string::npos);
}

TEST_CASE("simulate: a step that breaks down shows its repairs, and the queue they make",
          "[cli][simulate][breakdown]") {
    // The production line's future state: Spot weld II breaks down every 77.6 h of work and
    // takes 2.4 h to repair (97% available); the what-if gives it the same 97% as an even
    // slowdown instead (docs/user-guide.md, "Breakdowns").
    const std::filesystem::path line =
        std::filesystem::path(GEMBA_SOURCE_DIR) / "examples" / "production-line.gemba";
    TempDir dir;
    const std::vector<std::string> run = {"simulate",
                                          line.string(),
                                          "--map",
                                          "Future state",
                                          "--des",
                                          "--horizon",
                                          "250d",
                                          "--warmup",
                                          "10d",
                                          "--trials",
                                          "200",
                                          "--what-if",
                                          "Spot weld II:uptime=97"};
    std::vector<std::string> asJson = run;
    asJson.push_back("--json");
    const CliResult r = runCli(asJson, dir.path());
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    const json out = json::parse(r.out);
    REQUIRE(out.size() == 2);
    const json* broken = stepNamed(out[0].at("discrete_event").at("steps"), "Spot weld II");
    const json* even = stepNamed(out[1].at("discrete_event").at("steps"), "Spot weld II");
    REQUIRE((broken && even));
    CHECK(broken->at("availability").get<double>() == Approx(0.97));
    CHECK(broken->at("down").get<double>() > 0.005);
    CHECK(even->at("availability").get<double>() == 1);
    CHECK(even->at("down").get<double>() == 0);
    // The same capacity, so the same throughput; but rare long stops pile the parts up.
    CHECK(out[0].at("discrete_event").at("throughput_per_day").get<double>() ==
          Approx(out[1].at("discrete_event").at("throughput_per_day").get<double>()).epsilon(0.01));
    CHECK(broken->at("queue_max").get<double>() > 4 * even->at("queue_max").get<double>());

    // The readable report has the repair and availability columns, filled for that step only.
    const CliResult text = runCli(run, dir.path());
    INFO(text.err);
    REQUIRE(text.exitCode == 0);
    CHECK(text.out.find("Repair") != std::string::npos);
    CHECK(text.out.find("Avail.") != std::string::npos);
    const std::size_t row = text.out.rfind("Spot weld II");
    REQUIRE(row != std::string::npos);
    const std::string cells = text.out.substr(row, text.out.find('\n', row) - row);
    CHECK(cells.find(" 97% ") != std::string::npos);
    CHECK(cells.find(" - ") != std::string::npos); // the what-if's step does not break down

    // A map without breakdowns keeps the table as it was.
    const CliResult claims =
        runCli({"simulate", kClaims.string(), "--map", "Current state", "--des", "--trials", "200"},
               dir.path());
    REQUIRE(claims.exitCode == 0);
    CHECK(claims.out.find("Repair") == std::string::npos);
}
