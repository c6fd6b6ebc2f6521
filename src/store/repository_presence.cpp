// Presence in the shared repository: who has which project open (migration in
// repository_presence_schema.h). Every value is a bound parameter.
#include "gemba/store/repository.h"
#include "pg_connection.h"
#include "repository_presence_schema.h"

namespace gemba::store {

using detail::PgResult;

namespace {

constexpr const char* kNoProject = "the repository has no project '";

/// Writes this user's row for the editor, or refreshes it: `onConflict` says what an existing
/// row keeps. Returns whether the project was there to be seen.
bool upsertPresence(detail::PgConnection& db, const std::string& name, const std::string& host,
                    long long pid, const char* onConflict) {
    const PgResult r =
        db.exec(std::string("INSERT INTO presence (project, user_name, host, pid) "
                            "SELECT id, session_user, $2, $3 FROM project WHERE name = $1 "
                            "ON CONFLICT (project, user_name, host, pid) DO UPDATE SET ") +
                    onConflict + " RETURNING 1",
                {name, host, std::to_string(pid)});
    return r.rows() == 1;
}

} // namespace

void Repository::announceOpen(const std::string& name, const std::string& host, long long pid) {
    requireSchema();
    // This user's editors on this machine that ended without a word (a crash): their rows
    // are stale, and nobody else may remove them.
    m_db->exec("DELETE FROM presence WHERE user_name = session_user AND host = $1 AND "
               "heartbeat < now() - make_interval(secs => $2)",
               {host, std::to_string(kPresenceStaleSeconds)});
    if (!upsertPresence(*m_db, name, host, pid, "since = now(), heartbeat = now()"))
        throw RepositoryError(kNoProject + name + "' that you may read");
}

void Repository::heartbeat(const std::string& name, const std::string& host, long long pid) {
    requireSchema();
    if (!upsertPresence(*m_db, name, host, pid, "heartbeat = now()"))
        throw RepositoryError(kNoProject + name + "' that you may read");
}

void Repository::announceClosed(const std::string& name, const std::string& host, long long pid) {
    requireSchema();
    m_db->exec("DELETE FROM presence s USING project p WHERE p.id = s.project AND p.name = $1 "
               "AND s.user_name = session_user AND s.host = $2 AND s.pid = $3",
               {name, host, std::to_string(pid)});
}

std::vector<PresenceEntry> Repository::openBy(const std::string& name, const std::string& host,
                                              long long pid, int staleAfterSeconds) {
    requireSchema();
    const PgResult r =
        m_db->exec("SELECT s.user_name, s.host, s.pid, "
                   "to_char(s.since, 'YYYY-MM-DD HH24:MI:SS \"UTC\"'), "
                   "to_char(s.heartbeat, 'YYYY-MM-DD HH24:MI:SS \"UTC\"') "
                   "FROM presence s JOIN project p ON p.id = s.project WHERE p.name = $1 "
                   "AND s.heartbeat >= now() - make_interval(secs => $4) "
                   "AND NOT (s.user_name = session_user AND s.host = $2 AND s.pid = $3) "
                   "ORDER BY s.since, s.user_name, s.host, s.pid",
                   {name, host, std::to_string(pid), std::to_string(staleAfterSeconds)});
    std::vector<PresenceEntry> out;
    for (int i = 0; i < r.rows(); ++i)
        out.push_back({r.text(i, 0), r.text(i, 1), r.integer(i, 2), r.text(i, 3), r.text(i, 4)});
    return out;
}

} // namespace gemba::store
