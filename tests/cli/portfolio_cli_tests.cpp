// gemba-cli portfolio over a folder of the example projects.
#include "run_cli.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

namespace gemba::cli::test {

namespace {

const std::filesystem::path kExamples = std::filesystem::path(GEMBA_SOURCE_DIR) / "examples";

void copyExample(const TempDir& dir, const std::string& name) {
    std::filesystem::copy_file(kExamples / name, dir / name);
}

} // namespace

TEST_CASE("cli portfolio: the streams of a folder, with the figures of `metrics`",
          "[cli][portfolio]") {
    TempDir dir;
    copyExample(dir, "office-order-to-cash.gemba");
    copyExample(dir, "software-delivery.gemba");
    writeFile(dir / "notes.txt", "not a project");
    const CliResult result = runCli({"portfolio", ".", "--json"}, dir.path());
    REQUIRE(result.exitCode == 0);
    const auto portfolio = nlohmann::json::parse(result.out);
    REQUIRE(portfolio["streams"].size() == 2);
    CHECK(portfolio["streams"][0]["source"] == "office-order-to-cash.gemba");

    // The stream's lead time is the one `metrics` reports for its current state.
    const CliResult metrics =
        runCli({"metrics", "office-order-to-cash.gemba", "--json"}, dir.path());
    REQUIRE(metrics.exitCode == 0);
    const auto maps = nlohmann::json::parse(metrics.out);
    const auto& current = portfolio["streams"][0]["current"];
    bool found = false;
    for (const auto& map : maps)
        if (map["map"] == current["map"]) {
            found = true;
            CHECK(current["lead_time_seconds"].get<double>() ==
                  Approx(map["lead_time_seconds"].get<double>()));
        }
    CHECK(found);
    // Email is used in both streams.
    bool email = false;
    for (const auto& system : portfolio["systems"])
        if (system["name"] == "Email") {
            email = true;
            CHECK(system["streams"] == 2);
        }
    CHECK(email);
    CHECK(portfolio["currency"] == "EUR");
    CHECK(portfolio["skipped"].empty());
}

TEST_CASE("cli portfolio: text, CSV, and files that cannot be read", "[cli][portfolio]") {
    TempDir dir;
    copyExample(dir, "software-delivery.gemba");
    writeFile(dir / "broken.gemba", "this is not a database");
    const CliResult text = runCli({"portfolio", "."}, dir.path());
    CHECK(text.exitCode == 1);
    CHECK(text.err.find("broken.gemba: skipped:") != std::string::npos);
    CHECK(text.out.find("Portfolio of 1 value streams") != std::string::npos);
    CHECK(text.out.find("Software delivery") != std::string::npos);

    const CliResult csv = runCli({"portfolio", ".", "--csv"}, dir.path());
    CHECK(csv.out.rfind("stream,source,state,map,valid,lead_time_hours", 0) == 0);
    CHECK(csv.out.find(",current,") != std::string::npos);
    CHECK(csv.out.find(",future,") != std::string::npos);

    const CliResult missing = runCli({"portfolio", "no-such-folder"}, dir.path());
    CHECK(missing.exitCode == 2);
    CHECK(missing.err.find("no-such-folder: not a folder") != std::string::npos);
}

} // namespace gemba::cli::test
