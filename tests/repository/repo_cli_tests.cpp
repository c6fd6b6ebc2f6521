// gemba-cli repo and portfolio on the test cluster, as a user would type them.
#include "gemba/store/project_file.h"
#include "pg_test_cluster.h"
#include "run_cli.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

namespace gemba::test {

namespace {

using cli::test::runCli;

const std::filesystem::path kExamples = std::filesystem::path(GEMBA_SOURCE_DIR) / "examples";

} // namespace

TEST_CASE("cli repo: init, push, pull, a refused push, history and the portfolio",
          "[repository][cli]") {
    TestDatabase db;
    const std::string url = db.url();
    TempDir dir;
    std::filesystem::copy_file(kExamples / "software-delivery.gemba", dir / "delivery.gemba");
    std::filesystem::copy_file(kExamples / "office-order-to-cash.gemba", dir / "o2c.gemba");

    auto init = runCli({"repo", "init", "--url", url}, dir.path());
    REQUIRE(init.exitCode == 0);
    CHECK(init.out.find("(created)") != std::string::npos);
    CHECK(runCli({"repo", "init", "--url", url}, dir.path()).out.find("up to date") !=
          std::string::npos);

    REQUIRE(runCli({"repo", "push", "delivery.gemba", "--url", url}, dir.path()).exitCode == 0);
    REQUIRE(runCli({"repo", "push", "o2c.gemba", "--url", url}, dir.path()).exitCode == 0);
    CHECK(nlohmann::json::parse(readFile(dir / "delivery.gemba.repo.json"))["version"] == 1);

    // Two people pull the same version; the first to push wins.
    for (const char* who : {"anna.gemba", "ben.gemba"})
        REQUIRE(
            runCli({"repo", "pull", "delivery", "-o", who, "--url", url}, dir.path()).exitCode ==
            0);
    CHECK(store::openProject(dir / "anna.gemba") == store::openProject(dir / "delivery.gemba"));
    REQUIRE(runCli({"repo", "push", "ben.gemba", "--url", url}, dir.path()).exitCode == 0);
    const auto refused = runCli({"repo", "push", "anna.gemba", "--url", url}, dir.path());
    CHECK(refused.exitCode == 2);
    CHECK(refused.err.find("'delivery' was saved by gemba_admin at") != std::string::npos);
    CHECK(refused.err.find("version 2") != std::string::npos);
    const auto copy = runCli(
        {"repo", "push", "anna.gemba", "--as-copy", "delivery (Anna)", "--url", url}, dir.path());
    CHECK(copy.exitCode == 0);

    const auto history =
        runCli({"repo", "history", "delivery", "--url", url, "--json"}, dir.path());
    REQUIRE(history.exitCode == 0);
    CHECK(nlohmann::json::parse(history.out).size() == 2);
    const auto list = runCli({"repo", "list", "--url", url}, dir.path());
    CHECK(list.out.find("delivery (Anna)") != std::string::npos);

    const auto portfolio = runCli({"portfolio", url, "--json"}, dir.path());
    REQUIRE(portfolio.exitCode == 0);
    CHECK(nlohmann::json::parse(portfolio.out)["streams"].size() == 3);
    // The text names the repository, never its password.
    const auto text = runCli({"portfolio", url}, dir.path());
    CHECK(text.out.find("Portfolio of 3 value streams in postgresql://gemba_admin@/") !=
          std::string::npos);
    CHECK(text.out.find(readFile(std::filesystem::path(clusterDir()) / "password").substr(0, 16)) ==
          std::string::npos);

    const auto missing =
        runCli({"repo", "pull", "nothing", "-o", "x.gemba", "--url", url}, dir.path());
    CHECK(missing.exitCode == 2);
    CHECK(missing.err.find("has no project 'nothing'") != std::string::npos);
}

} // namespace gemba::test

namespace gemba::test {

TEST_CASE("cli catalogue on the repository: add, merge, and the portfolio counts one system",
          "[repository][cli][catalogue]") {
    TestDatabase db;
    const std::string url = db.url();
    TempDir dir;
    std::filesystem::copy_file(kExamples / "software-delivery.gemba", dir / "delivery.gemba");
    std::filesystem::copy_file(kExamples / "office-order-to-cash.gemba", dir / "o2c.gemba");
    REQUIRE(runCli({"repo", "init", "--url", url}, dir.path()).exitCode == 0);
    REQUIRE(runCli({"repo", "push", "delivery.gemba", "--url", url}, dir.path()).exitCode == 0);
    REQUIRE(runCli({"repo", "push", "o2c.gemba", "--url", url}, dir.path()).exitCode == 0);

    // Jira (delivery) and the Helpdesk (order to cash) are one ticket system here.
    const auto added =
        runCli({"catalogue", url, "add", "system", "Tickets", "--alias", "Jira"}, dir.path());
    REQUIRE(added.exitCode == 0);
    CHECK(added.out.find("to repository") != std::string::npos);
    CHECK(added.out.find(url) == std::string::npos); // nor its password, were there one
    REQUIRE(runCli({"catalogue", url, "add", "system", "Helpdesk"}, dir.path()).exitCode == 0);
    const auto merged = runCli({"catalogue", url, "merge", "Tickets", "helpdesk"}, dir.path());
    REQUIRE(merged.exitCode == 0);
    const auto list =
        nlohmann::json::parse(runCli({"catalogue", url, "list", "--json"}, dir.path()).out);
    REQUIRE(list["entries"].size() == 1);
    CHECK(list["entries"][0]["streams"] == nlohmann::json{"delivery", "o2c"});
    const auto portfolio =
        nlohmann::json::parse(runCli({"portfolio", url, "--json"}, dir.path()).out);
    bool tickets = false;
    for (const auto& system : portfolio["systems"])
        if (system["name"] == "Tickets") {
            tickets = true;
            CHECK(system["streams"] == 2);
        }
    CHECK(tickets);
}

} // namespace gemba::test
