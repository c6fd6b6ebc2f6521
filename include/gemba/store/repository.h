#pragma once

#include "gemba/model/catalogue.h"
#include "gemba/model/project.h"

#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

/// The shared repository on PostgreSQL: whole projects in a normalised schema (a row per
/// project, map, person, system, map element and workshop entry), saved with optimistic
/// concurrency. The .gemba file stays the default; this is for organisations that keep their
/// streams in one place. Schema, rights and setup: docs/repository.md.
namespace gemba::store {

namespace detail {
class PgConnection;
}

/// The repository cannot be reached or refused a statement. what() is the whole message.
class RepositoryError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// A save that started from an older version than the repository holds: someone else saved
/// in between. Nothing was written.
class RepositoryConflict : public RepositoryError {
public:
    RepositoryConflict(std::string project, long long startedFrom, long long current,
                       std::string savedBy, std::string savedAt);
    /// The same refusal with its own message (the catalogue's, which has no name).
    RepositoryConflict(const std::string& message, std::string project, long long startedFrom,
                       long long current, std::string savedBy, std::string savedAt);
    const std::string& project() const { return m_project; }
    long long startedFrom() const { return m_startedFrom; }
    long long current() const { return m_current; } ///< the repository's version
    const std::string& savedBy() const { return m_savedBy; }
    const std::string& savedAt() const { return m_savedAt; }

private:
    std::string m_project;
    long long m_startedFrom;
    long long m_current;
    std::string m_savedBy;
    std::string m_savedAt;
};

/// A repository URL to show: without the password ("postgresql://anna:pw@db/x" becomes
/// "postgresql://anna@db/x"); anything else as it is.
std::string urlForDisplay(const std::string& url);

/// The schema this build writes; repositories of an earlier version are migrated by init().
inline constexpr int kRepositorySchemaVersion = 6;

/// A project as the repository lists it.
struct RepositoryEntry {
    std::string name;
    std::string team; ///< the PostgreSQL role whose members may read and write it; "" for all
    long long version = 0;
    std::string savedBy; ///< the PostgreSQL user who saved the latest version
    std::string savedAt; ///< "2026-03-02 14:05:09 UTC"
    int maps = 0;
    int steps = 0;
};

/// Someone who has a project open in an editor: announced when it opens the project,
/// refreshed by a heartbeat while it stays open, removed when it closes.
struct PresenceEntry {
    std::string user;      ///< the PostgreSQL user (session_user), not what a client claims
    std::string host;      ///< the machine the editor runs on
    long long pid = 0;     ///< the editor's process on that machine
    std::string since;     ///< "2026-03-02 14:05:09 UTC"
    std::string heartbeat; ///< the latest heartbeat, same format
};

/// A presence row whose heartbeat is older than this is an editor that ended without saying
/// so (a crash, a lost network): openBy() leaves it out. Editors beat well inside it.
inline constexpr int kPresenceStaleSeconds = 120;

/// The organisation's catalogue and the version it was read at.
struct RepositoryCatalogue {
    model::Catalogue catalogue;
    long long version = 0; ///< 0: never saved
};

struct PulledProject {
    model::Project project;
    long long version = 0;
};

class Repository {
public:
    /// Connects. `url` is a postgresql:// URL or libpq "key=value" settings; what it leaves
    /// out (host, user, password, TLS) comes from the PG* environment variables and
    /// ~/.pgpass, as for psql. Throws RepositoryError.
    explicit Repository(const std::string& url);
    ~Repository();
    Repository(Repository&&) noexcept;
    Repository& operator=(Repository&&) noexcept;

    /// Creates the schema, or migrates it to kRepositorySchemaVersion; safe to run again.
    void init();
    /// Migrates to `version` only (for the tests of the migrations and for staged upgrades).
    void migrateTo(int version);
    /// The schema version of the repository; 0 when it holds no Gemba schema.
    int schemaVersion();

    /// Every project the user may read, by name.
    std::vector<RepositoryEntry> list();
    /// Saves `project` as `name`, in one transaction. `startedFrom` is the version the project
    /// was read at (0: a new project). Returns the new version. Throws RepositoryConflict when
    /// the repository holds another version, or the name exists and is not the user's to see.
    long long push(const std::string& name, const model::Project& project, long long startedFrom,
                   const std::string& team = {});
    /// The latest version of `name`. Throws RepositoryError when there is none the user may read.
    PulledProject pull(const std::string& name);
    /// Who saved which version when, newest first.
    std::vector<RepositoryEntry> history(const std::string& name);
    /// Every project the user may read, by name, read in a few statements whatever their
    /// number (the portfolio).
    std::vector<std::pair<std::string, model::Project>> pullAll();

    /// Presence (repository_presence.cpp). Says that the editor `pid` on `host` has the
    /// project `name` open, as this connection's user; again for the same editor starts
    /// afresh. Throws RepositoryError when there is no project `name` the user may read.
    void announceOpen(const std::string& name, const std::string& host, long long pid);
    /// Keeps the announcement alive (and makes it again if it was lost, e.g. with the
    /// connection). Throws like announceOpen.
    void heartbeat(const std::string& name, const std::string& host, long long pid);
    /// The editor closed the project: its row goes. Nothing happens when there is none.
    void announceClosed(const std::string& name, const std::string& host, long long pid);
    /// Everyone else who has `name` open (every live row but this user's editor `pid` on
    /// `host`), earliest first. Rows without a heartbeat for `staleAfterSeconds` are left out;
    /// rows of projects the user may not read are never seen.
    std::vector<PresenceEntry> openBy(const std::string& name, const std::string& host = {},
                                      long long pid = 0,
                                      int staleAfterSeconds = kPresenceStaleSeconds);
    /// The organisation's catalogue of systems and people; every user of the repository may
    /// read it. Throws InputError for damaged rows.
    RepositoryCatalogue readCatalogue();
    /// Replaces the catalogue in one transaction and returns its new version. Every user may
    /// write it. Throws RepositoryConflict when someone saved it after version `startedFrom`.
    long long saveCatalogue(const model::Catalogue& catalogue, long long startedFrom);

    /// Run inside a push's transaction after every row is written, before the commit.
    std::function<void()> beforeCommit;
    /// The server process serving this connection.
    int backendPid() const;

private:
    void requireSchema();
    std::unique_ptr<detail::PgConnection> m_db;
};

} // namespace gemba::store
