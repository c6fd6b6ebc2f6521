// The shared repository on a real PostgreSQL server: round trips, the version check, two
// clients racing, a connection killed mid-save, per-team rights, hostile names, migrations.
#include "gemba/store/errors.h"
#include "gemba/store/json_format.h"
#include "gemba/store/project_file.h"
#include "gemba/store/repository.h"
#include "pg_connection.h"
#include "pg_test_cluster.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <mutex>
#include <thread>

namespace gemba::test {

namespace {

using store::Repository;
using store::RepositoryConflict;
using store::RepositoryError;

const std::filesystem::path kExamples = std::filesystem::path(GEMBA_SOURCE_DIR) / "examples";

model::Project example(const std::string& name) {
    return store::openProject(kExamples / name);
}

Repository initialised(const TestDatabase& db) {
    Repository repo(db.url());
    repo.init();
    return repo;
}

/// A repository with two teams: alice in sales, bob in support; their passwords are their
/// names followed by "-pw".
struct TwoTeams {
    TestDatabase db;
    Repository admin = initialised(db);
    std::string sales = db.unique("team_sales");
    std::string support = db.unique("team_support");
    std::string alice = db.unique("alice");
    std::string bob = db.unique("bob");
    TwoTeams() {
        for (const std::string& sql :
             {"CREATE ROLE " + sales + " NOLOGIN", "CREATE ROLE " + support + " NOLOGIN",
              "CREATE ROLE " + alice + " LOGIN PASSWORD 'alice-pw' IN ROLE gemba_user, " + sales,
              "CREATE ROLE " + bob + " LOGIN PASSWORD 'bob-pw' IN ROLE gemba_user, " + support,
              "GRANT CONNECT ON DATABASE " + db.name() + " TO gemba_user"})
            execAsAdmin(db.url(), sql);
    }
    std::string url(const std::string& user, const std::string& password) const {
        return clusterUrl(db.name(), user, password);
    }
};

} // namespace

TEST_CASE("repository: a project file, pushed and pulled, gives the same JSON", "[repository]") {
    TestDatabase db;
    Repository repo = initialised(db);
    for (const char* file : {"software-delivery.gemba", "office-order-to-cash.gemba",
                             "production-line.gemba", "insurance-claims.gemba"}) {
        const model::Project project = example(file);
        CHECK(repo.push(file, project, 0) == 1);
        const store::PulledProject pulled = repo.pull(file);
        CHECK(pulled.version == 1);
        CHECK(store::toJson(pulled.project) == store::toJson(project));
    }
    const auto entries = repo.list();
    REQUIRE(entries.size() == 4);
    CHECK(entries[0].name == "insurance-claims.gemba");
    CHECK(entries[0].savedBy == "gemba_admin");
    CHECK(entries[0].steps > 0);
    // The rows are normalised: one per step, queryable by name.
    store::detail::PgConnection sql(db.url());
    CHECK(sql.exec("SELECT count(*) FROM entity WHERE collection = 'steps'").integer(0, 0) ==
          static_cast<long long>([] {
              std::size_t steps = 0;
              for (const char* f : {"software-delivery.gemba", "office-order-to-cash.gemba",
                                    "production-line.gemba", "insurance-claims.gemba"})
                  for (const model::Map& map : example(f).maps)
                      steps += map.steps.size();
              return steps;
          }()));
}

TEST_CASE("repository: a project of many rows is sent and read in pieces, unchanged",
          "[repository]") {
    TestDatabase db;
    Repository repo = initialised(db);
    // Rows are sent as they are made and read as they arrive, a piece at a time: 3,000 steps
    // are several pieces, and texts with tabs, newlines and backslashes cross their borders.
    model::Project big = example("production-line.gemba");
    model::Map& map = big.maps.front();
    const model::Step pattern = map.steps.begin()->second;
    for (int i = 0; i < 3000; ++i) {
        model::Step step = pattern;
        step.id = big.allocateId();
        step.name = "Step " + std::to_string(i) + "\tcut\\weld\nand check";
        step.description = std::string(static_cast<std::size_t>(i % 97), 'x') + "\r\n";
        step.pos.x += 200.0 * (i + 1);
        map.steps.emplace(step.id, step);
    }
    REQUIRE(repo.push("big", big, 0) == 1);
    CHECK(store::toJson(repo.pull("big").project) == store::toJson(big));
    CHECK(repo.push("big", big, 1) == 2);
    CHECK(store::toJson(repo.pull("big").project) == store::toJson(big));
}

TEST_CASE("repository: a COPY left unfinished keeps none of its rows", "[repository]") {
    TestDatabase db;
    store::detail::PgConnection sql(db.url());
    sql.exec("CREATE TABLE t (n integer)");
    try {
        store::detail::CopyIn copy(sql, "COPY t FROM STDIN");
        for (int i = 0; i < 50000; ++i) {
            copy.rows() += std::to_string(i) + "\n";
            copy.rowEnded();
        }
        throw std::runtime_error("the rows could not all be made");
    } catch (const std::runtime_error& e) {
        CHECK(std::string(e.what()) == "the rows could not all be made");
    }
    // The connection is usable, and the table as it was.
    CHECK(sql.exec("SELECT count(*) FROM t").integer(0, 0) == 0);
    store::detail::CopyIn copy(sql, "COPY t FROM STDIN");
    copy.rows() = "1\n2\n";
    copy.finish();
    CHECK(sql.exec("SELECT count(*) FROM t").integer(0, 0) == 2);
}

TEST_CASE("repository: a save over a newer version is refused, naming who saved it",
          "[repository]") {
    TestDatabase db;
    Repository anna = initialised(db);
    Repository ben(db.url());
    model::Project project = example("software-delivery.gemba");
    REQUIRE(anna.push("delivery", project, 0) == 1);

    model::Project annas = anna.pull("delivery").project;
    model::Project bens = ben.pull("delivery").project;
    bens.props.description = "Ben's change";
    REQUIRE(ben.push("delivery", bens, 1) == 2);
    annas.props.description = "Anna's change";
    try {
        anna.push("delivery", annas, 1);
        FAIL("Anna's save over Ben's went through");
    } catch (const RepositoryConflict& conflict) {
        CHECK(conflict.current() == 2);
        CHECK(conflict.startedFrom() == 1);
        CHECK(conflict.savedBy() == "gemba_admin");
        CHECK_THAT(conflict.what(), Catch::Contains("'delivery' was saved by gemba_admin at"));
        CHECK_THAT(conflict.what(), Catch::Contains("nothing was saved"));
    }
    CHECK(anna.pull("delivery").project.props.description == "Ben's change");
    // Saving as a copy keeps both.
    CHECK(anna.push("delivery (Anna)", annas, 0) == 1);
    // A new project under a name that exists is refused too.
    CHECK_THROWS_AS(anna.push("delivery", annas, 0), RepositoryConflict);
    const auto history = anna.history("delivery");
    REQUIRE(history.size() == 2);
    CHECK(history[0].version == 2);
    CHECK(history[1].version == 1);
}

TEST_CASE("repository: two clients racing to save, one wins and nothing is lost", "[repository]") {
    TestDatabase db;
    Repository first = initialised(db);
    Repository second(db.url());
    model::Project project = example("production-line.gemba");
    REQUIRE(first.push("line", project, 0) == 1);
    model::Project a = project;
    a.props.description = "from the first client";
    model::Project b = project;
    b.props.description = "from the second client";
    for (int round = 0; round < 5; ++round) {
        const long long base = first.pull("line").version;
        int wins = 0;
        int refused = 0;
        std::string winner;
        std::mutex lock;
        auto save = [&](Repository& repo, const model::Project& p) {
            try {
                repo.push("line", p, base);
                std::lock_guard guard(lock);
                ++wins;
                winner = p.props.description;
            } catch (const RepositoryConflict&) {
                std::lock_guard guard(lock);
                ++refused;
            }
        };
        std::thread t1(save, std::ref(first), std::cref(a));
        std::thread t2(save, std::ref(second), std::cref(b));
        t1.join();
        t2.join();
        CHECK(wins == 1);
        CHECK(refused == 1);
        const store::PulledProject now = first.pull("line");
        CHECK(now.version == base + 1);
        CHECK(now.project.props.description == winner);
    }
}

TEST_CASE("repository: a connection killed in the middle of a save changes nothing",
          "[repository]") {
    TestDatabase db;
    Repository repo = initialised(db);
    const model::Project project = example("office-order-to-cash.gemba");
    REQUIRE(repo.push("o2c", project, 0) == 1);
    model::Project changed = project;
    changed.maps.erase(changed.maps.begin());
    changed.props.description = "half saved";
    repo.beforeCommit = [&] {
        execAsAdmin(db.url(),
                    "SELECT pg_terminate_backend(" + std::to_string(repo.backendPid()) + ")");
    };
    CHECK_THROWS_WITH(repo.push("o2c", changed, 1),
                      Catch::Contains("connection to the repository was lost"));
    Repository other(db.url());
    const store::PulledProject pulled = other.pull("o2c");
    CHECK(pulled.version == 1);
    CHECK(store::toJson(pulled.project) == store::toJson(project));
}

TEST_CASE("repository: names with quotes and SQL stay plain text", "[repository]") {
    TestDatabase db;
    Repository repo = initialised(db);
    model::Project project = example("insurance-claims.gemba");
    const std::string hostile = "Robert'); DROP TABLE project; --\t\\N \"x\"\n";
    project.props.name = hostile;
    project.maps.front().props.name = hostile;
    project.maps.front().steps.begin()->second.name = "a\\tb\\\\N\tc\r\nd'";
    REQUIRE(repo.push(hostile, project, 0) == 1);
    const store::PulledProject pulled = repo.pull(hostile);
    CHECK(store::toJson(pulled.project) == store::toJson(project));
    REQUIRE(repo.list().size() == 1);
    CHECK(repo.list().front().name == hostile);
    CHECK_THROWS_WITH(repo.pull("' OR '1'='1"), Catch::Contains("has no project"));
}

TEST_CASE("repository: a team cannot read or overwrite another team's project", "[repository]") {
    const TwoTeams teams;
    const auto& [db, admin, sales, support, alice, bob] = teams;
    Repository asAlice(clusterUrl(db.name(), alice, "alice-pw"));
    Repository asBob(clusterUrl(db.name(), bob, "bob-pw"));
    const model::Project project = example("software-delivery.gemba");
    REQUIRE(asAlice.push("sales pipeline", project, 0, sales) == 1);
    CHECK(asAlice.pull("sales pipeline").project.props.name == project.props.name);
    CHECK(asAlice.list().size() == 1);
    CHECK(asAlice.list().front().savedBy == alice);

    CHECK(asBob.list().empty());
    CHECK_THROWS_WITH(asBob.pull("sales pipeline"), Catch::Contains("has no project"));
    CHECK_THROWS_WITH(asBob.push("sales pipeline", project, 0, support),
                      Catch::Contains("already in the repository"));
    // Bob cannot file a project under a team he is not in.
    CHECK_THROWS_WITH(asBob.push("sneaky", project, 0, sales),
                      Catch::Contains("row-level security"));
    CHECK(asAlice.pull("sales pipeline").version == 1);
    // Alice deletes her team's project: its rows go with it, though row-level security hides
    // the rows of a project that is gone from her.
    store::detail::PgConnection alicesSql(clusterUrl(db.name(), alice, "alice-pw"));
    alicesSql.exec("DELETE FROM project WHERE name = 'sales pipeline'");
    store::detail::PgConnection adminSql(db.url());
    CHECK(adminSql.exec("SELECT count(*) FROM entity").integer(0, 0) == 0);
    CHECK(adminSql.exec("SELECT count(*) FROM map").integer(0, 0) == 0);
    // Wrong password: PostgreSQL's scram-sha-256 refuses.
    CHECK_THROWS_WITH(Repository(clusterUrl(db.name(), alice, "wrong")),
                      Catch::Contains("cannot connect"));
}

TEST_CASE("repository: readers of the portfolio read every team's projects and change none",
          "[repository]") {
    const TwoTeams teams;
    const auto& [db, admin, sales, support, alice, bob] = teams;
    const std::string carol = db.unique("carol"); // reads the portfolio, in support too
    execAsAdmin(db.url(), "CREATE ROLE " + carol + " LOGIN PASSWORD 'carol-pw' IN ROLE " +
                              "gemba_user, " + support + ", gemba_portfolio_reader");
    Repository asAlice(clusterUrl(db.name(), alice, "alice-pw"));
    Repository asBob(clusterUrl(db.name(), bob, "bob-pw"));
    Repository asCarol(clusterUrl(db.name(), carol, "carol-pw"));
    const model::Project delivery = example("software-delivery.gemba");
    const model::Project office = example("office-order-to-cash.gemba");
    REQUIRE(asAlice.push("sales pipeline", office, 0, sales) == 1);
    REQUIRE(asBob.push("support desk", delivery, 0, support) == 1);

    // Carol sees every stream, whole, as the portfolio reads them; Bob only his team's.
    const auto all = asCarol.pullAll();
    REQUIRE(all.size() == 2);
    CHECK(store::toJson(all[0].second) == store::toJson(office));
    CHECK(store::toJson(asCarol.pull("sales pipeline").project) == store::toJson(office));
    CHECK(asBob.pullAll().size() == 1);

    // She saves only what her team may: not the sales project, nor its rows behind Gemba's back.
    CHECK_THROWS_WITH(asCarol.push("sales pipeline", delivery, 1),
                      Catch::Contains("you may read 'sales pipeline' but not save it") &&
                          Catch::Contains("team '" + sales + "'"));
    store::detail::PgConnection carolsSql(clusterUrl(db.name(), carol, "carol-pw"));
    carolsSql.exec("UPDATE entity SET name = 'hacked' WHERE project = (SELECT id FROM project "
                   "WHERE name = 'sales pipeline')");
    carolsSql.exec("DELETE FROM map WHERE project = (SELECT id FROM project WHERE name = "
                   "'sales pipeline')");
    carolsSql.exec("UPDATE project SET props = '{}' WHERE name = 'sales pipeline'");
    const store::PulledProject kept = asAlice.pull("sales pipeline");
    CHECK(kept.version == 1);
    CHECK(store::toJson(kept.project) == store::toJson(office));
    // Her own team's project she saves as any member does.
    CHECK(asCarol.push("support desk", delivery, 1) == 2);
}

TEST_CASE("repository: schema migrations, and a repository from a newer Gemba", "[repository]") {
    TestDatabase db;
    Repository repo(db.url());
    CHECK(repo.schemaVersion() == 0);
    CHECK_THROWS_WITH(repo.list(), Catch::Contains("holds no Gemba repository"));
    repo.migrateTo(1);
    CHECK(repo.schemaVersion() == 1);
    CHECK_THROWS_WITH(repo.list(), Catch::Contains("upgrade it with"));
    repo.init();
    CHECK(repo.schemaVersion() == store::kRepositorySchemaVersion);
    const model::Project project = example("production-line.gemba");
    REQUIRE(repo.push("line", project, 0) == 1);
    repo.init(); // again: nothing changes
    CHECK(store::toJson(repo.pull("line").project) == store::toJson(project));
    execAsAdmin(db.url(), "UPDATE gemba_repository SET value = '99'");
    CHECK_THROWS_WITH(repo.list(), Catch::Contains("from a newer Gemba"));
    CHECK_THROWS_WITH(repo.init(), Catch::Contains("from a newer Gemba"));
}

TEST_CASE("repository: a repository of schema 2 migrates, and its projects pull identical",
          "[repository]") {
    TestDatabase db;
    Repository repo(db.url());
    repo.migrateTo(2);
    // Rows as schema 2 holds them (its tables and row format, the foreign key and the old
    // index): this build writes them while the repository claims its own version.
    const model::Project line = example("production-line.gemba");
    const model::Project claims = example("insurance-claims.gemba");
    const auto setVersion = [&](int v) {
        execAsAdmin(db.url(), "UPDATE gemba_repository SET value = '" + std::to_string(v) + "'");
    };
    setVersion(store::kRepositorySchemaVersion);
    REQUIRE(repo.push("line", line, 0) == 1);
    REQUIRE(repo.push("claims", claims, 0) == 1);
    setVersion(2);
    CHECK_THROWS_WITH(repo.pull("line"), Catch::Contains("upgrade it with"));

    repo.init();
    CHECK(repo.schemaVersion() == store::kRepositorySchemaVersion);
    CHECK(store::toJson(repo.pull("line").project) == store::toJson(line));
    CHECK(store::toJson(repo.pull("claims").project) == store::toJson(claims));
    REQUIRE(repo.push("line", line, 1) == 2);
    CHECK(store::toJson(repo.pull("line").project) == store::toJson(line));

    // What the foreign key guaranteed still holds: no row of a project that does not exist,
    // and a deleted project takes its rows with it.
    store::detail::PgConnection sql(db.url());
    CHECK_THROWS_WITH(sql.exec("INSERT INTO entity VALUES (424242, NULL, 'people', 1, 0, 'x', "
                               "'{}')"),
                      Catch::Contains("name a project that does not exist"));
    CHECK_THROWS_WITH(sql.exec("UPDATE entity SET project = 424242 WHERE collection = 'people'"),
                      Catch::Contains("name a project that does not exist"));
    const auto rowsOf = [&](const std::string& name) {
        return sql
            .exec("SELECT count(*) FROM entity WHERE project = (SELECT id FROM project WHERE "
                  "name = $1)",
                  {name})
            .integer(0, 0);
    };
    REQUIRE(rowsOf("claims") > 0);
    const long long before = sql.exec("SELECT count(*) FROM entity").integer(0, 0);
    const long long claimsRows = rowsOf("claims");
    sql.exec("DELETE FROM project WHERE name = 'claims'");
    CHECK(sql.exec("SELECT count(*) FROM entity").integer(0, 0) == before - claimsRows);
    CHECK(store::toJson(repo.pull("line").project) == store::toJson(line));
}

TEST_CASE("repository: a damaged row names the project and the row", "[repository]") {
    TestDatabase db;
    Repository repo = initialised(db);
    const model::Project line = example("production-line.gemba");
    REQUIRE(repo.push("line", line, 0) == 1);
    REQUIRE(line.maps.size() >= 1);
    REQUIRE(line.maps[0].steps.size() >= 3);
    REQUIRE(!line.maps[0].flows.empty());
    store::detail::PgConnection sql(db.url());
    const std::string firstMap =
        "project = (SELECT id FROM project WHERE name = 'line') AND map = (SELECT id FROM map "
        "WHERE project = (SELECT id FROM project WHERE name = 'line') AND position = 0)";
    const std::string original = sql.exec("SELECT body::text FROM entity WHERE " + firstMap +
                                          " AND collection = 'steps' AND position = 2")
                                     .text(0, 0);
    const auto damage = [&](const std::string& collection, int position, const std::string& body) {
        sql.exec("UPDATE entity SET body = $1::jsonb WHERE " + firstMap +
                     " AND collection = $2 AND position = $3",
                 {body, collection, std::to_string(position)});
    };
    const auto pullFails = [&](const std::string& place, const std::string& problem) {
        try {
            repo.pull("line");
            FAIL("pulled a damaged project");
        } catch (const store::InputError& e) {
            CHECK(e.file() == "repository project 'line'");
            CHECK(e.place() == place);
            CHECK_THAT(e.problem(), Catch::Contains(problem));
        }
    };
    sql.exec("UPDATE entity SET body = jsonb_set(body, '{headcount}', '\"many\"') WHERE " +
             firstMap + " AND collection = 'steps' AND position = 2");
    pullFails("/maps/0/steps/2/headcount", "expected a number, found text");
    damage("steps", 2, "[1, 2]");
    pullFails("/maps/0/steps/2", "expected an object, found a list");
    damage("steps", 2, original);
    CHECK(store::toJson(repo.pull("line").project) == store::toJson(line));

    const std::string flow = sql.exec("SELECT body::text FROM entity WHERE " + firstMap +
                                      " AND collection = 'flows' AND position = 0")
                                 .text(0, 0);
    sql.exec("UPDATE entity SET body = body || '{\"speed\": 3}' WHERE " + firstMap +
             " AND collection = 'flows' AND position = 0");
    pullFails("/maps/0/flows/0/speed", "unknown key 'speed'");
    // A step that takes the id of another: the second use is named, at its row.
    const long long firstId = static_cast<long long>(line.maps[0].steps.begin()->first);
    damage("flows", 0, flow);
    const std::string second = sql.exec("SELECT body::text FROM entity WHERE " + firstMap +
                                        " AND collection = 'steps' AND position = 1")
                                   .text(0, 0);
    sql.exec("UPDATE entity SET body = jsonb_set(body, '{id}', $1::jsonb) WHERE " + firstMap +
                 " AND collection = 'steps' AND position = 1",
             {std::to_string(firstId)});
    pullFails("/maps/0/steps/1/id",
              "id " + std::to_string(firstId) + " is already used at /maps/0/steps/0");
    // A row of a map that is no longer there (no key forbids it): named, not a crash.
    sql.exec("UPDATE entity SET map = 987654321 WHERE " + firstMap +
             " AND collection = 'flows' AND position = 0");
    pullFails("flows/0", "belongs to map 987654321, which the project does not have");
    // The rows after the refused one were still received: the same connection reads on.
    sql.exec("UPDATE entity SET map = (SELECT id FROM map WHERE project = (SELECT id FROM "
             "project WHERE name = 'line') AND position = 0) WHERE map = 987654321");
    damage("steps", 1, second);
    CHECK(store::toJson(repo.pull("line").project) == store::toJson(line));
}

TEST_CASE("repository: a URL is shown without its password", "[repository]") {
    CHECK(store::urlForDisplay("postgresql://anna:s3cret@db.example.com/gemba") ==
          "postgresql://anna@db.example.com/gemba");
    CHECK(store::urlForDisplay("postgresql://db/gemba?user=x") == "postgresql://db/gemba?user=x");
    CHECK(store::urlForDisplay("/folder/with:colon@x") == "/folder/with:colon@x");
}

TEST_CASE("repository: a server that cannot be reached gives a clear message", "[repository]") {
    CHECK_THROWS_WITH(Repository("postgresql:///nowhere?host=/no/such/folder"),
                      Catch::Contains("cannot connect to the repository"));
}

namespace {

/// Two users of one team on a fresh repository, with a project each may read.
struct TwoUsers {
    TestDatabase db;
    std::string anna;
    std::string ben;
    TwoUsers()
        : anna(db.unique("anna"))
        , ben(db.unique("ben")) {
        initialised(db);
        for (const std::string& sql :
             {"CREATE ROLE " + anna + " LOGIN PASSWORD 'anna-pw' IN ROLE gemba_user",
              "CREATE ROLE " + ben + " LOGIN PASSWORD 'ben-pw' IN ROLE gemba_user",
              "GRANT CONNECT ON DATABASE " + db.name() + " TO gemba_user"})
            execAsAdmin(db.url(), sql);
    }
    std::string annaUrl() const { return clusterUrl(db.name(), anna, "anna-pw"); }
    std::string benUrl() const { return clusterUrl(db.name(), ben, "ben-pw"); }
};

} // namespace

TEST_CASE("repository presence: who else has a project open, until they close it",
          "[repository][presence]") {
    TwoUsers users;
    Repository anna(users.annaUrl());
    Repository ben(users.benUrl());
    REQUIRE(anna.push("delivery", example("software-delivery.gemba"), 0) == 1);
    REQUIRE(anna.push("claims", example("insurance-claims.gemba"), 0) == 1);

    anna.announceOpen("delivery", "host-1", 101);
    CHECK(anna.openBy("delivery", "host-1", 101).empty()); // not herself
    const auto seen = ben.openBy("delivery", "host-2", 202);
    REQUIRE(seen.size() == 1);
    CHECK(seen[0].user == users.anna);
    CHECK(seen[0].host == "host-1");
    CHECK(seen[0].pid == 101);
    CHECK(seen[0].since.size() == 23); // "2026-03-02 14:05:09 UTC"
    CHECK(seen[0].since.ends_with(" UTC"));
    CHECK(ben.openBy("claims", "host-2", 202).empty()); // another project

    // Anna's second editor on the same machine counts as another.
    anna.announceOpen("delivery", "host-1", 102);
    CHECK(anna.openBy("delivery", "host-1", 101).size() == 1);
    CHECK(ben.openBy("delivery", "host-2", 202).size() == 2);

    ben.announceOpen("delivery", "host-2", 202);
    ben.heartbeat("delivery", "host-2", 202);
    const auto forAnna = anna.openBy("delivery", "host-1", 101);
    REQUIRE(forAnna.size() == 2);
    CHECK(forAnna[0].pid == 102);
    CHECK(forAnna[1].user == users.ben);

    anna.announceClosed("delivery", "host-1", 101);
    anna.announceClosed("delivery", "host-1", 102);
    CHECK(ben.openBy("delivery", "host-2", 202).empty());
    anna.announceClosed("delivery", "host-1", 101); // again: nothing to do
    // A heartbeat after the row was lost announces it again.
    anna.heartbeat("delivery", "host-1", 101);
    CHECK(ben.openBy("delivery", "host-2", 202).size() == 1);

    CHECK_THROWS_WITH(anna.announceOpen("no such project", "host-1", 101),
                      Catch::Contains("has no project 'no such project'"));
    CHECK_THROWS_WITH(anna.heartbeat("x' OR '1'='1", "host-1", 101),
                      Catch::Contains("has no project"));
}

TEST_CASE("repository presence: an editor without a heartbeat for the timeout is not shown",
          "[repository][presence]") {
    TwoUsers users;
    Repository anna(users.annaUrl());
    Repository ben(users.benUrl());
    REQUIRE(anna.push("delivery", example("software-delivery.gemba"), 0) == 1);
    anna.announceOpen("delivery", "host-1", 101);
    anna.announceOpen("delivery", "host-1", 102);
    // The editor 101 crashed three minutes ago; 102 beat 100 seconds ago.
    execAsAdmin(users.db.url(), "UPDATE presence SET since = now() - interval '1 hour', "
                                "heartbeat = now() - interval '3 minutes' WHERE pid = 101");
    execAsAdmin(users.db.url(),
                "UPDATE presence SET heartbeat = now() - interval '100 seconds' WHERE pid = 102");
    auto seen = ben.openBy("delivery", "host-2", 202);
    REQUIRE(seen.size() == 1);
    CHECK(seen[0].pid == 102);
    CHECK(ben.openBy("delivery", "host-2", 202, 60).empty());
    CHECK(ben.openBy("delivery", "host-2", 202, 3600).size() == 2);
    // Anna's next start on that machine clears her stale row; Ben may not.
    store::detail::PgConnection bensSql(users.benUrl());
    bensSql.exec("DELETE FROM presence");
    store::detail::PgConnection adminSql(users.db.url());
    CHECK(adminSql.exec("SELECT count(*) FROM presence").integer(0, 0) == 2);
    anna.announceOpen("delivery", "host-1", 103);
    CHECK(adminSql.exec("SELECT count(*) FROM presence WHERE pid = 101").integer(0, 0) == 0);
    CHECK(adminSql.exec("SELECT count(*) FROM presence").integer(0, 0) == 2);
}

TEST_CASE("repository presence: rights as the projects' own", "[repository][presence]") {
    TestDatabase db;
    Repository admin = initialised(db);
    const std::string sales = db.unique("team_sales");
    const std::string alice = db.unique("alice");
    const std::string bob = db.unique("bob");
    for (const std::string& sql :
         {"CREATE ROLE " + sales + " NOLOGIN",
          "CREATE ROLE " + alice + " LOGIN PASSWORD 'alice-pw' IN ROLE gemba_user, " + sales,
          "CREATE ROLE " + bob + " LOGIN PASSWORD 'bob-pw' IN ROLE gemba_user",
          "GRANT CONNECT ON DATABASE " + db.name() + " TO gemba_user"})
        execAsAdmin(db.url(), sql);
    Repository asAlice(clusterUrl(db.name(), alice, "alice-pw"));
    Repository asBob(clusterUrl(db.name(), bob, "bob-pw"));
    REQUIRE(asAlice.push("sales pipeline", example("software-delivery.gemba"), 0, sales) == 1);
    asAlice.announceOpen("sales pipeline", "host-1", 1);
    // Bob is not in the team: he neither sees who has it open nor can he say he has.
    CHECK(asBob.openBy("sales pipeline").empty());
    CHECK_THROWS_WITH(asBob.announceOpen("sales pipeline", "host-2", 2),
                      Catch::Contains("has no project"));
    store::detail::PgConnection bobsSql(clusterUrl(db.name(), bob, "bob-pw"));
    CHECK(bobsSql.exec("SELECT count(*) FROM presence").integer(0, 0) == 0);
    // Nor can he write a row in another's name, or into a project he may not read.
    REQUIRE(asAlice.push("everyone's", example("production-line.gemba"), 0) == 1);
    store::detail::PgConnection adminSql(db.url());
    const std::string open =
        adminSql.exec("SELECT id FROM project WHERE name = 'everyone''s'").text(0, 0);
    const std::string closed =
        adminSql.exec("SELECT id FROM project WHERE name = 'sales pipeline'").text(0, 0);
    CHECK_THROWS_WITH(bobsSql.exec("INSERT INTO presence (project, user_name, host, pid) "
                                   "VALUES ($1, $2, 'h', 1)",
                                   {open, alice}),
                      Catch::Contains("row-level security"));
    CHECK_THROWS_WITH(
        bobsSql.exec("INSERT INTO presence (project, host, pid) VALUES ($1, 'h', 1)", {closed}),
        Catch::Contains("row-level security"));
    asBob.announceOpen("everyone's", "host-2", 2);
    bobsSql.exec("UPDATE presence SET host = 'x' WHERE user_name <> session_user");
    CHECK(adminSql.exec("SELECT count(*) FROM presence WHERE host = 'x'").integer(0, 0) == 0);
    CHECK(admin.openBy("sales pipeline").size() == 1);
    // A deleted project takes its presence with it.
    execAsAdmin(db.url(), "DELETE FROM project");
    CHECK(adminSql.exec("SELECT count(*) FROM presence").integer(0, 0) == 0);
}

TEST_CASE("repository presence: a repository of schema 3 migrates to the presence table",
          "[repository][presence]") {
    TestDatabase db;
    Repository repo(db.url());
    repo.migrateTo(3);
    CHECK(repo.schemaVersion() == 3);
    CHECK_THROWS_WITH(repo.openBy("x"), Catch::Contains("upgrade it with"));
    repo.init();
    CHECK(repo.schemaVersion() == store::kRepositorySchemaVersion);
    REQUIRE(repo.push("line", example("production-line.gemba"), 0) == 1);
    repo.announceOpen("line", "host-1", 7);
    CHECK(repo.openBy("line").size() == 1);
}

} // namespace gemba::test
