#include "pg_test_cluster.h"

#include "files.h"
#include "pg_connection.h"

#include <atomic>
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
