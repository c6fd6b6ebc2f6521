#pragma once

#include <string>

/// The throw-away PostgreSQL cluster ctest starts for these tests (scripts/pg-cluster.sh,
/// fixture "postgresql"), and a fresh database in it per test.
namespace gemba::test {

/// The folder the cluster runs in ($GEMBA_TEST_PG_DIR).
std::string clusterDir();
/// A postgresql:// URL to `database` as `user` with `password` (default: the superuser).
std::string clusterUrl(const std::string& database, const std::string& user = {},
                       const std::string& password = {});

/// A database created for one test and dropped after it; its name is unique in the cluster.
class TestDatabase {
public:
    TestDatabase();
    ~TestDatabase();
    TestDatabase(const TestDatabase&) = delete;
    TestDatabase& operator=(const TestDatabase&) = delete;
    const std::string& name() const { return m_name; }
    /// The superuser's URL to this database.
    std::string url() const { return clusterUrl(m_name); }
    /// A name unique in the cluster with this prefix (for roles, which are cluster-wide).
    std::string unique(const std::string& prefix) const;

private:
    std::string m_name;
};

/// Before the tests run: whether the cluster is there. Returns -1 to go on, else the exit code
/// of the test program (77, ctest's "skipped", with the reason on stderr, where PostgreSQL
/// cannot be installed; 1 when the cluster failed to start). Listing tests needs no cluster.
int checkCluster(int argc, char** argv);

/// Runs one statement as the superuser on `url`.
void execAsAdmin(const std::string& url, const std::string& sql);

} // namespace gemba::test
