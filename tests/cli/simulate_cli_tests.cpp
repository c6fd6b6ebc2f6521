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
