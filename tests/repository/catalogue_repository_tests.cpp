// The organisation's catalogue in the repository: round trip, lost updates refused, open to
// every user, the schema migration to 4, and the portfolio of the repository grouped by it.
#include "gemba/metrics/portfolio.h"
#include "gemba/store/json_format.h"
#include "gemba/store/portfolio_sources.h"
#include "gemba/store/project_file.h"
#include "gemba/store/repository.h"
#include "pg_connection.h"
#include "pg_test_cluster.h"

#include <catch2/catch.hpp>
#include <filesystem>

namespace gemba::test {

namespace {

using model::Catalogue;
using model::CatalogueKind;
using store::Repository;

const std::filesystem::path kExamples = std::filesystem::path(GEMBA_SOURCE_DIR) / "examples";

Catalogue sample() {
    Catalogue c;
    const std::string erp = c.add(CatalogueKind::System, "ERP", {"erp system"}).id;
    c.add(CatalogueKind::System, "SAP 'R/3'\"; DROP TABLE catalogue_entry; --");
    c.merge(erp, "SAP 'R/3'\"; DROP TABLE catalogue_entry; --");
    c.add(CatalogueKind::Person, "Anna Berg", {"A. Berg"}, "Sales");
    return c;
}

/// A stream of one step (1 h) in `system`.
model::Project stream(const std::string& name, const std::string& system,
                      const std::string& reference = {}) {
    model::Project p;
    p.props.name = name;
    model::System s;
    s.id = p.allocateId();
    s.name = system;
    s.catalogue = reference;
    p.systems.emplace(s.id, s);
    model::Map map;
    map.id = p.allocateId();
    map.props.name = "Current state";
    model::Step step;
    step.id = p.allocateId();
    step.name = "Work";
    step.processTime = 3600;
    step.systems = {s.id};
    map.steps.emplace(step.id, step);
    p.maps.push_back(map);
    return p;
}

} // namespace

TEST_CASE("repository catalogue: saved and read whole, a lost update refused",
          "[repository][catalogue]") {
    TestDatabase db;
    Repository repo(db.url());
    repo.init();
    const store::RepositoryCatalogue empty = repo.readCatalogue();
    CHECK(empty.version == 0);
    CHECK(empty.catalogue.empty());

    const Catalogue c = sample();
    REQUIRE(repo.saveCatalogue(c, 0) == 1);
    const store::RepositoryCatalogue read = repo.readCatalogue();
    CHECK(read.version == 1);
    CHECK(read.catalogue == c);
    store::detail::PgConnection sql(db.url());
    CHECK(sql.exec("SELECT count(*) FROM catalogue_entry").integer(0, 0) == 2);
    CHECK(sql.exec("SELECT count(*) FROM catalogue_merge").integer(0, 0) == 1);

    // Another client read version 0 too: its save is refused, naming who saved and when.
    Repository other(db.url());
    Catalogue stale;
    stale.add(CatalogueKind::System, "Fax");
    try {
        other.saveCatalogue(stale, 0);
        FAIL("a save over a newer catalogue was accepted");
    } catch (const store::RepositoryConflict& e) {
        CHECK(e.current() == 1);
        CHECK_THAT(e.what(), Catch::StartsWith("the catalogue was changed by ") &&
                                 Catch::Contains("(version 1) after you read version 0"));
        CHECK(std::string(e.what()).find("nothing was saved") != std::string::npos);
    }
    CHECK(repo.readCatalogue().catalogue == c);

    // A save that fails before its commit leaves the catalogue as it was.
    repo.beforeCommit = [] { throw std::runtime_error("connection lost"); };
    CHECK_THROWS(repo.saveCatalogue(stale, 1));
    repo.beforeCommit = nullptr;
    CHECK(repo.readCatalogue().catalogue == c);
    CHECK(repo.readCatalogue().version == 1);

    // A damaged row is named.
    sql.exec("INSERT INTO catalogue_merge VALUES ('sys-x', 'sys-nowhere')");
    CHECK_THROWS_WITH(repo.readCatalogue(),
                      Catch::Contains("catalogue_merge sys-x: merged into an id that is no entry"));
}

TEST_CASE("repository catalogue: every user reads and writes it, whatever their team",
          "[repository][catalogue]") {
    TestDatabase db;
    Repository admin(db.url());
    admin.init();
    const std::string team = db.unique("team_ops");
    const std::string carl = db.unique("carl");
    for (const std::string& sql :
         {"CREATE ROLE " + team + " NOLOGIN",
          "CREATE ROLE " + carl + " LOGIN PASSWORD 'carl-pw' IN ROLE gemba_user, " + team,
          "GRANT CONNECT ON DATABASE " + db.name() + " TO gemba_user"})
        execAsAdmin(db.url(), sql);
    const Catalogue c = sample(); // each call makes new ids
    REQUIRE(admin.saveCatalogue(c, 0) == 1);
    Repository asCarl(clusterUrl(db.name(), carl, "carl-pw"));
    store::RepositoryCatalogue read = asCarl.readCatalogue();
    CHECK(read.catalogue == c);
    read.catalogue.add(CatalogueKind::System, "Email");
    REQUIRE(asCarl.saveCatalogue(read.catalogue, read.version) == 2);
    store::detail::PgConnection sql(db.url());
    CHECK(sql.exec("SELECT saved_by FROM catalogue_state").text(0, 0) == carl);
}

TEST_CASE("repository catalogue: a repository of schema 3 migrates, its projects unchanged",
          "[repository][catalogue]") {
    TestDatabase db;
    Repository repo(db.url());
    repo.migrateTo(3);
    execAsAdmin(db.url(), "UPDATE gemba_repository SET value = '" +
                              std::to_string(store::kRepositorySchemaVersion) + "'");
    // Schema 3's tables hold this build's rows; only the catalogue tables are missing.
    const model::Project line = store::openProject(kExamples / "production-line.gemba");
    REQUIRE(repo.push("line", line, 0) == 1);
    execAsAdmin(db.url(), "UPDATE gemba_repository SET value = '3'");
    CHECK_THROWS_WITH(repo.readCatalogue(), Catch::Contains("upgrade it with"));
    repo.init();
    CHECK(repo.schemaVersion() == store::kRepositorySchemaVersion);
    CHECK(store::toJson(repo.pull("line").project) == store::toJson(line));
    CHECK(repo.readCatalogue().version == 0);
}

TEST_CASE("repository catalogue: references survive push and pull, and the portfolio of the "
          "repository counts two spellings as one after a merge",
          "[repository][catalogue]") {
    TestDatabase db;
    Repository repo(db.url());
    repo.init();
    Catalogue c;
    const std::string erp = c.add(CatalogueKind::System, "ERP").id;
    const std::string sap = c.add(CatalogueKind::System, "SAP").id;
    REQUIRE(repo.saveCatalogue(c, 0) == 1);
    const model::Project sales = stream("Sales", "ERP");
    const model::Project support = stream("Support", "Nav", sap); // refers to SAP by id
    REQUIRE(repo.push("sales", sales, 0) == 1);
    REQUIRE(repo.push("support", support, 0) == 1);
    CHECK(repo.pull("support").project == support);

    std::vector<store::SkippedSource> skipped;
    const auto sources = store::readPortfolioSources(db.url(), skipped);
    store::PortfolioCatalogue catalogue = store::readPortfolioCatalogue(db.url());
    REQUIRE(catalogue.stored);
    CHECK(metrics::buildPortfolio(sources, &catalogue.catalogue).systems.size() == 2);
    catalogue.catalogue.merge(erp, sap);
    store::writePortfolioCatalogue(db.url(), catalogue);
    CHECK(catalogue.version == 2);
    const auto merged = store::readPortfolioCatalogue(db.url());
    const metrics::Portfolio p = metrics::buildPortfolio(sources, &merged.catalogue);
    REQUIRE(p.systems.size() == 1);
    CHECK(p.systems[0].name == "ERP");
    CHECK(p.systems[0].streams() == 2);
    CHECK(p.systems[0].catalogueId == erp);
}

} // namespace gemba::test
