#include "pg_test_cluster.h"

#include "files.h"
#include "pg_connection.h"

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <unistd.h>

namespace gemba::test {

namespace {

std::string firstLine(const std::filesystem::path& file) {
    std::string text = readFile(file);
    if (auto end = text.find('\n'); end != std::string::npos)
        text.resize(end);
    return text;
}

std::atomic<int> counter{0};

} // namespace

int checkCluster(int argc, char** argv) {
    for (int i = 1; i < argc; ++i)
        if (std::string(argv[i]).rfind("--list", 0) == 0)
            return -1;
    const char* dir = std::getenv("GEMBA_TEST_PG_DIR");
    if (!dir) {
        std::fprintf(stderr, "skipped: GEMBA_TEST_PG_DIR is not set; run these tests with "
                             "ctest, which starts a PostgreSQL cluster for them\n");
        return 77;
    }
    const std::filesystem::path cluster(dir);
    if (std::filesystem::exists(cluster / "unavailable")) {
        std::fprintf(stderr, "skipped: %s", readFile(cluster / "unavailable").c_str());
        return 77;
    }
    if (!std::filesystem::exists(cluster / "url")) {
        std::fprintf(stderr, "no PostgreSQL test cluster in %s: its start failed\n", dir);
        return 1;
    }
    return -1;
}

std::string clusterDir() {
    const char* dir = std::getenv("GEMBA_TEST_PG_DIR");
    if (!dir)
        throw std::runtime_error("GEMBA_TEST_PG_DIR is not set");
    return dir;
}

std::string clusterUrl(const std::string& database, const std::string& user,
                       const std::string& password) {
    const std::filesystem::path dir = clusterDir();
    const std::string who =
        user.empty() ? "gemba_admin:" + firstLine(dir / "password") : user + ":" + password;
    return "postgresql://" + who + "@/" + database + "?host=" + (dir / "socket").string();
}

void execAsAdmin(const std::string& url, const std::string& sql) {
    store::detail::PgConnection db(url);
    db.exec(sql);
}

TestDatabase::TestDatabase()
    : m_name(unique("gemba_test")) {
    execAsAdmin(clusterUrl("postgres"), "CREATE DATABASE " + m_name);
}

TestDatabase::~TestDatabase() {
    try {
        execAsAdmin(clusterUrl("postgres"), "DROP DATABASE IF EXISTS " + m_name + " WITH (FORCE)");
    } catch (const std::exception&) {
        // The cluster is removed at the end of the run anyway.
    }
}

std::string TestDatabase::unique(const std::string& prefix) const {
    return prefix + "_" + std::to_string(getpid()) + "_" + std::to_string(counter++);
}

} // namespace gemba::test
