// gemba-cli catalogue over a folder of generated projects that write one system three ways.
#include "run_cli.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

namespace gemba::cli::test {

namespace {

/// A stream with one step that uses `system` (with an optional catalogue reference) and is
/// done by "Anna Berg".
void writeStream(const TempDir& dir, const std::string& name, const std::string& system,
                 const std::string& reference = {}) {
    nlohmann::json systemJson = {{"id", 1}, {"name", system}};
    if (!reference.empty())
        systemJson["catalogue"] = reference;
    const nlohmann::json project = {
        {"format", "gemba"},
        {"version", 1},
        {"name", name},
        {"people", {{{"id", 2}, {"name", "Anna Berg"}, {"role", "Sales"}}}},
        {"systems", {systemJson}},
        {"maps",
         {{{"name", "Current state"},
           {"state", "current"},
           {"steps",
            {{{"id", 10},
              {"name", "Enter " + name},
              {"process_time", "1 h"},
              {"systems", {1}},
              {"people", {2}},
              {"position", {{"x", 0}, {"y", 0}}}}}}}}}};
    writeFile(dir / (name + ".json"), project.dump());
    const CliResult made =
        runCli({"import-json", name + ".json", "-o", name + ".gemba"}, dir.path());
    REQUIRE(made.exitCode == 0);
    std::filesystem::remove(dir / (name + ".json"));
}

nlohmann::json systemsOfPortfolio(const TempDir& dir) {
    const CliResult result = runCli({"portfolio", ".", "--json"}, dir.path());
    REQUIRE(result.exitCode == 0);
    return nlohmann::json::parse(result.out)["systems"];
}

} // namespace

TEST_CASE("cli catalogue: add, list, duplicates and merge in a folder", "[cli][catalogue]") {
    TempDir dir;
    writeStream(dir, "sales", "ERP");
    writeStream(dir, "support", "SAP-ERP");
    writeStream(dir, "billing", "sap erp");

    // No catalogue yet: three spellings, two systems by name ("SAP-ERP" is not "sap erp").
    CHECK(systemsOfPortfolio(dir).size() == 3);
    const CliResult empty = runCli({"catalogue", ".", "list"}, dir.path());
    REQUIRE(empty.exitCode == 0);
    CHECK(empty.out.find("No catalogue yet") != std::string::npos);
    CHECK(empty.out.find("(not in the catalogue)") != std::string::npos);

    const CliResult dupes = runCli({"catalogue", ".", "duplicates", "--json"}, dir.path());
    REQUIRE(dupes.exitCode == 0);
    const auto suggested = nlohmann::json::parse(dupes.out);
    REQUIRE(suggested.size() == 1);
    CHECK(suggested[0]["fold"] == "saperp");
    CHECK(suggested[0]["items"].size() == 2);

    const CliResult added =
        runCli({"catalogue", ".", "add", "system", "ERP", "--alias", "ERP system"}, dir.path());
    REQUIRE(added.exitCode == 0);
    CHECK(added.out.find("Added the system \"ERP\" as sys-") != std::string::npos);
    REQUIRE(std::filesystem::exists(dir / "catalogue.json"));
    CHECK(runCli({"catalogue", ".", "add", "system", "SAP ERP"}, dir.path()).exitCode == 0);
    CHECK(runCli({"catalogue", ".", "add", "person", "Anna Berg", "--role", "Sales"}, dir.path())
              .exitCode == 0);

    // "sap erp" is the entry SAP ERP by name; "SAP-ERP" (punctuation) matches no entry.
    const CliResult listed = runCli({"catalogue", ".", "list", "--json"}, dir.path());
    REQUIRE(listed.exitCode == 0);
    const auto list = nlohmann::json::parse(listed.out);
    REQUIRE(list["entries"].size() == 3);
    CHECK(list["entries"][0]["name"] == "ERP");
    CHECK(list["entries"][0]["streams"] == nlohmann::json{"sales.gemba"});
    CHECK(list["entries"][1]["name"] == "SAP ERP");
    CHECK(list["entries"][1]["streams"] == nlohmann::json{"billing.gemba"});
    CHECK(list["entries"][2]["kind"] == "person");
    CHECK(list["entries"][2]["streams"].size() == 3);
    REQUIRE(list["unmatched"].size() == 1);
    CHECK(list["unmatched"][0]["name"] == "SAP-ERP");

    // Add the unmatched spelling as an alias by merging it in, then merge the two entries.
    CHECK(runCli({"catalogue", ".", "add", "system", "SAP-ERP"}, dir.path()).exitCode == 0);
    const CliResult first = runCli({"catalogue", ".", "merge", "SAP ERP", "sap-erp"}, dir.path());
    REQUIRE(first.exitCode == 0);
    const CliResult merged = runCli({"catalogue", ".", "merge", "erp", "SAP ERP"}, dir.path());
    REQUIRE(merged.exitCode == 0);
    CHECK(merged.out.find("Merged \"SAP ERP\" (sys-") != std::string::npos);
    CHECK(merged.out.find("into \"ERP\" (sys-") != std::string::npos);

    // The portfolio now counts one ERP in three streams, under the catalogue's name.
    const auto systems = systemsOfPortfolio(dir);
    REQUIRE(systems.size() == 1);
    CHECK(systems[0]["name"] == "ERP");
    CHECK(systems[0]["streams"] == 3);
    CHECK(systems[0]["catalogue_id"].get<std::string>().rfind("sys-", 0) == 0);
    CHECK(systems[0]["spellings"] == nlohmann::json{"sap erp", "ERP", "SAP-ERP"});
    const CliResult text = runCli({"portfolio", "."}, dir.path());
    CHECK(text.out.find("ERP (also sap erp, SAP-ERP)") != std::string::npos);
    const CliResult none = runCli({"catalogue", ".", "duplicates"}, dir.path());
    CHECK(none.out.find("No duplicates") != std::string::npos);
}

TEST_CASE("cli catalogue: explicit references, refusals and damaged files", "[cli][catalogue]") {
    TempDir dir;
    writeStream(dir, "sales", "ERP");
    REQUIRE(runCli({"catalogue", ".", "add", "system", "ERP"}, dir.path()).exitCode == 0);
    const auto list =
        nlohmann::json::parse(runCli({"catalogue", ".", "list", "--json"}, dir.path()).out);
    const std::string erp = list["entries"][0]["id"];
    REQUIRE(runCli({"catalogue", ".", "add", "system", "Navision"}, dir.path()).exitCode == 0);
    writeStream(dir, "ops", "Nav 2009", erp); // refers to the ERP by id, whatever its name
    const auto systems = systemsOfPortfolio(dir);
    REQUIRE(systems.size() == 1);
    CHECK(systems[0]["streams"] == 2);

    const CliResult self = runCli({"catalogue", ".", "merge", "ERP", erp}, dir.path());
    CHECK(self.exitCode == 2);
    CHECK(self.err.find("are one entry already") != std::string::npos);
    const CliResult unknown = runCli({"catalogue", ".", "merge", "ERP", "Fax"}, dir.path());
    CHECK(unknown.exitCode == 2);
    CHECK(unknown.err.find("catalogue.json: the catalogue has no entry \"Fax\"") !=
          std::string::npos);
    const CliResult taken = runCli({"catalogue", ".", "add", "system", " erp "}, dir.path());
    CHECK(taken.exitCode == 2);
    CHECK(taken.err.find("already names the system \"ERP\"") != std::string::npos);
    CHECK(runCli({"catalogue", ".", "add", "robot", "R2"}, dir.path()).exitCode == 2);
    CHECK(runCli({"catalogue", ".", "frobnicate"}, dir.path()).exitCode == 2);
    CHECK(runCli({"catalogue", ".", "add", "system", "X", "--role", "r"}, dir.path()).exitCode ==
          2);

    writeFile(dir / "catalogue.json", "{\"format\": \"gemba-catalogue\", \"version\": 9}");
    const CliResult newer = runCli({"catalogue", ".", "list"}, dir.path());
    CHECK(newer.exitCode == 2);
    CHECK(newer.err.find("catalogue.json: /version: made by a newer version of Gemba") !=
          std::string::npos);
    const CliResult portfolio = runCli({"portfolio", "."}, dir.path());
    CHECK(portfolio.exitCode == 2);
    CHECK(portfolio.err.find("catalogue.json") != std::string::npos);
}

TEST_CASE("cli catalogue: link a project's system to an entry, and unlink it", "[cli][catalogue]") {
    TempDir dir;
    writeStream(dir, "sales", "ERP");
    writeStream(dir, "implementation", "Nav 2009");
    REQUIRE(runCli({"catalogue", ".", "add", "system", "ERP"}, dir.path()).exitCode == 0);
    CHECK(systemsOfPortfolio(dir).size() == 2);

    // "Nav 2009" says nothing of the ERP: linked, the portfolio counts one system.
    const CliResult linked =
        runCli({"catalogue", ".", "link", "implementation.gemba", "system", "nav  2009", "erp"},
               dir.path());
    REQUIRE(linked.exitCode == 0);
    CHECK(linked.out.find("The system \"Nav 2009\" of implementation.gemba is \"ERP\"") !=
          std::string::npos);
    auto systems = systemsOfPortfolio(dir);
    REQUIRE(systems.size() == 1);
    CHECK(systems[0]["name"] == "ERP");
    CHECK(systems[0]["streams"] == 2);
    CHECK(systems[0]["spellings"] == nlohmann::json{"Nav 2009", "ERP"}); // streams by name

    const CliResult unlinked = runCli(
        {"catalogue", ".", "unlink", "implementation.gemba", "system", "Nav 2009"}, dir.path());
    REQUIRE(unlinked.exitCode == 0);
    CHECK(unlinked.out.find("by its name again") != std::string::npos);
    CHECK(systemsOfPortfolio(dir).size() == 2);

    // Refusals name what is missing, and change nothing.
    const CliResult noSystem = runCli(
        {"catalogue", ".", "link", "implementation.gemba", "system", "Fax", "ERP"}, dir.path());
    CHECK(noSystem.exitCode == 2);
    CHECK(noSystem.err.find("implementation.gemba: no system is named 'Fax'") != std::string::npos);
    const CliResult noEntry =
        runCli({"catalogue", ".", "link", "implementation.gemba", "system", "Nav 2009", "CRM"},
               dir.path());
    CHECK(noEntry.exitCode == 2);
    CHECK(noEntry.err.find("the catalogue has no system \"CRM\"") != std::string::npos);
    CHECK(
        runCli({"catalogue", ".", "link", "implementation.gemba", "system", "Nav 2009"}, dir.path())
            .exitCode == 2);
    CHECK(systemsOfPortfolio(dir).size() == 2);
}

} // namespace gemba::cli::test
