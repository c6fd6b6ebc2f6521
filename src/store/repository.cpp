#include "gemba/store/repository.h"

#include "gemba/store/errors.h"
#include "gemba/store/json_format.h"
#include "json_format_detail.h"
#include "pg_connection.h"
#include "repository_presence_schema.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>

namespace gemba::store {

using detail::PgConnection;
using detail::PgResult;
using nlohmann::json;

namespace {

/// Migration 1: a row per project, map and entity. An entity (person, system, map element,
/// workshop entry) keeps its id, its place in its list, its name for queries, and its fields
/// as JSON in the interchange format's spelling; the project's and each map's own fields
/// likewise.
constexpr const char* kRepositoryV1 = R"sql(
CREATE TABLE gemba_repository (key text PRIMARY KEY, value text NOT NULL);
CREATE TABLE project (
    id bigserial PRIMARY KEY,
    name text NOT NULL UNIQUE,
    version bigint NOT NULL,
    saved_by text NOT NULL,
    saved_at timestamptz NOT NULL,
    props jsonb NOT NULL
);
CREATE TABLE project_version (
    project bigint NOT NULL REFERENCES project ON DELETE CASCADE,
    version bigint NOT NULL,
    saved_by text NOT NULL,
    saved_at timestamptz NOT NULL,
    maps integer NOT NULL,
    steps integer NOT NULL,
    PRIMARY KEY (project, version)
);
CREATE TABLE map (
    project bigint NOT NULL REFERENCES project ON DELETE CASCADE,
    id bigint NOT NULL,
    position integer NOT NULL,
    name text NOT NULL,
    state text NOT NULL,
    props jsonb NOT NULL,
    PRIMARY KEY (project, id)
);
CREATE TABLE entity (
    project bigint NOT NULL REFERENCES project ON DELETE CASCADE,
    map bigint,
    collection text NOT NULL,
    id bigint NOT NULL,
    position integer NOT NULL,
    name text NOT NULL,
    body jsonb NOT NULL
);
CREATE INDEX entity_project ON entity (project, map, collection, position);
INSERT INTO gemba_repository VALUES ('schema_version', '1');
)sql";

/// Migration 2: per-team rights. A project may name a team (a PostgreSQL role); row-level
/// security lets only that role's members read and write it and its rows. Members of the
/// role gemba_user may use the tables at all.
constexpr const char* kRepositoryV2Teams = R"sql(
ALTER TABLE project ADD COLUMN team text NOT NULL DEFAULT '';
CREATE FUNCTION gemba_in_team(team text) RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT team = '' OR coalesce(pg_has_role(current_user,
        (SELECT oid FROM pg_roles WHERE rolname = team), 'MEMBER'), false)
$$;
DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'gemba_user') THEN
        CREATE ROLE gemba_user NOLOGIN;
    END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
    NULL; -- roles are the cluster's: another database's repository made it just now
END $$;
GRANT SELECT, INSERT, UPDATE, DELETE ON project, project_version, map, entity TO gemba_user;
GRANT SELECT ON gemba_repository TO gemba_user;
GRANT USAGE ON SEQUENCE project_id_seq TO gemba_user;
ALTER TABLE project ENABLE ROW LEVEL SECURITY;
ALTER TABLE project_version ENABLE ROW LEVEL SECURITY;
ALTER TABLE map ENABLE ROW LEVEL SECURITY;
ALTER TABLE entity ENABLE ROW LEVEL SECURITY;
CREATE POLICY team_only ON project USING (gemba_in_team(team)) WITH CHECK (gemba_in_team(team));
CREATE POLICY team_only ON project_version
    USING (EXISTS (SELECT 1 FROM project p WHERE p.id = project));
CREATE POLICY team_only ON map USING (EXISTS (SELECT 1 FROM project p WHERE p.id = project));
CREATE POLICY team_only ON entity USING (EXISTS (SELECT 1 FROM project p WHERE p.id = project));
UPDATE gemba_repository SET value = '2' WHERE key = 'schema_version';
)sql";

/// Migration 3: cheaper bulk rows. The foreign key of entity checked each inserted row with a
/// query of its own, and the index over (project, map, collection, position) compared text for
/// each; together they made saving a 10,000-step project three times the cost of the COPY
/// (docs/performance.md). Now one check per statement (the rows a COPY inserted, against the
/// projects they name, locked as the foreign key locked them), a delete of a project removes
/// its rows as the cascade did, and the index is on the project alone: pull orders the rows
/// itself.
constexpr const char* kRepositoryV3BulkRows = R"sql(
ALTER TABLE entity DROP CONSTRAINT entity_project_fkey;
DROP INDEX entity_project;
CREATE INDEX entity_project ON entity (project);
CREATE FUNCTION gemba_entity_project_exists() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    projects bigint[];
    locked integer;
BEGIN
    -- One pass over the rows; the projects locked KEY SHARE, as the foreign key did: they
    -- cannot be deleted until this commits. Each must be there.
    SELECT array_agg(DISTINCT project) INTO projects FROM new_rows;
    SELECT count(*) INTO locked
        FROM (SELECT 1 FROM project p WHERE p.id = ANY (projects) FOR KEY SHARE OF p) l;
    IF locked <> coalesce(cardinality(projects), 0) THEN
        RAISE foreign_key_violation USING
            MESSAGE = 'entity rows name a project that does not exist';
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER entity_project_inserted AFTER INSERT ON entity REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION gemba_entity_project_exists();
CREATE TRIGGER entity_project_updated AFTER UPDATE ON entity REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION gemba_entity_project_exists();
-- As the table's owner, as the cascade ran: row-level security would hide the rows of a
-- project that is already deleted.
CREATE FUNCTION gemba_project_deleted() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    EXECUTE format('DELETE FROM %I.entity e USING old_rows o WHERE e.project = o.id',
                   TG_TABLE_SCHEMA);
    RETURN NULL;
END $$;
CREATE TRIGGER project_deleted AFTER DELETE ON project REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION gemba_project_deleted();
UPDATE gemba_repository SET value = '3' WHERE key = 'schema_version';
)sql";

/// Migration 5: the organisation's catalogue of systems and people (model::Catalogue). It is
/// the whole organisation's: no row-level security, every member of gemba_user reads and
/// writes it. catalogue_state holds its version, so that a save over a newer catalogue is
/// refused as a save over a newer project is. Self-contained: it touches no table of the
/// earlier migrations but gemba_repository's version row, so it can move to another number.
constexpr const char* kRepositoryV5Catalogue = R"sql(
CREATE TABLE catalogue_entry (
    id text PRIMARY KEY CHECK (id <> ''),
    kind text NOT NULL CHECK (kind = 'system' OR kind = 'person'),
    name text NOT NULL CHECK (name <> ''),
    role text NOT NULL DEFAULT '',
    aliases jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(aliases) = 'array')
);
CREATE TABLE catalogue_merge (
    id text PRIMARY KEY CHECK (id <> ''),
    into_id text NOT NULL CHECK (into_id <> '' AND into_id <> id)
);
CREATE TABLE catalogue_state (
    id integer PRIMARY KEY CHECK (id = 1),
    version bigint NOT NULL,
    saved_by text NOT NULL,
    saved_at timestamptz NOT NULL
);
INSERT INTO catalogue_state VALUES (1, 0, '', now());
GRANT SELECT, INSERT, UPDATE, DELETE ON catalogue_entry, catalogue_merge TO gemba_user;
GRANT SELECT, UPDATE ON catalogue_state TO gemba_user;
UPDATE gemba_repository SET value = '5' WHERE key = 'schema_version';
)sql";

/// Migration 6: readers of the portfolio. Members of the role gemba_portfolio_reader read
/// every project and its rows, whatever its team, so that the portfolio shows the figures of
/// all streams; they write only what their own teams may. The rows of a project are now
/// written only by its team: a project a reader sees is not one they may change.
constexpr const char* kRepositoryV6PortfolioReaders = R"sql(
DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'gemba_portfolio_reader') THEN
        CREATE ROLE gemba_portfolio_reader NOLOGIN;
    END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
    NULL; -- roles are the cluster's: another database's repository made it just now
END $$;
CREATE FUNCTION gemba_reads_portfolio() RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT pg_has_role(current_user, 'gemba_portfolio_reader', 'MEMBER')
$$;
CREATE POLICY portfolio_readers ON project FOR SELECT USING (gemba_reads_portfolio());
DROP POLICY team_only ON project_version;
DROP POLICY team_only ON map;
DROP POLICY team_only ON entity;
CREATE POLICY team_only ON project_version USING (EXISTS (
    SELECT 1 FROM project p WHERE p.id = project AND gemba_in_team(p.team)));
CREATE POLICY team_only ON map USING (EXISTS (
    SELECT 1 FROM project p WHERE p.id = project AND gemba_in_team(p.team)));
CREATE POLICY team_only ON entity USING (EXISTS (
    SELECT 1 FROM project p WHERE p.id = project AND gemba_in_team(p.team)));
CREATE POLICY portfolio_readers ON project_version FOR SELECT USING (gemba_reads_portfolio());
CREATE POLICY portfolio_readers ON map FOR SELECT USING (gemba_reads_portfolio());
CREATE POLICY portfolio_readers ON entity FOR SELECT USING (gemba_reads_portfolio());
UPDATE gemba_repository SET value = '6' WHERE key = 'schema_version';
)sql";

// Each migration is one entry, applied in order; the last sets schema_version to its number.
const char* const kMigrations[] = {kRepositoryV1,          kRepositoryV2Teams,
                                   kRepositoryV3BulkRows,  detail::kRepositoryPresenceMigration,
                                   kRepositoryV5Catalogue, kRepositoryV6PortfolioReaders};
static_assert(std::size(kMigrations) == kRepositorySchemaVersion);

constexpr const char* kSavedAt = "to_char(saved_at, 'YYYY-MM-DD HH24:MI:SS \"UTC\"')";

/// One project as the repository's rows: its own fields and its maps' as COPY rows, and its
/// entity lists (taken out of the documents) still as JSON, made into COPY rows as they are
/// sent (writeEntityRows).
struct ProjectRows {
    struct EntityList {
        std::string map; ///< the map's id, or \\N for the project's own lists
        std::string collection;
        json items;
    };
    json props;
    std::string maps; ///< COPY rows of table map
    std::vector<EntityList> entityLists;
    int mapCount = 0;
    int stepCount = 0;
};

/// Moves the entity lists of `object` into `rows`, leaving each list empty in place.
void takeEntityLists(json& object, const std::string& mapId, const std::string& prefix,
                     ProjectRows& rows) {
    for (auto& [key, value] : object.items()) {
        if (!detail::isEntityList(value))
            continue;
        std::string collection = prefix + key;
        if (collection == "steps")
            rows.stepCount += static_cast<int>(value.size());
        rows.entityLists.push_back({mapId, std::move(collection), std::move(value)});
        value = json::array();
    }
}

ProjectRows splitProject(const model::Project& project, long long projectId) {
    ProjectRows rows;
    rows.props = toJson(project);
    const std::string id = std::to_string(projectId);
    json maps = std::move(rows.props["maps"]);
    rows.props["maps"] = json::array();
    takeEntityLists(rows.props, "\\N", "", rows);
    if (auto workshop = rows.props.find("workshop"); workshop != rows.props.end())
        takeEntityLists(*workshop, "\\N", "workshop/", rows);
    int position = 0;
    for (json& map : maps) {
        const std::string mapId = std::to_string(map["id"].get<long long>());
        takeEntityLists(map, mapId, "", rows);
        std::string& out = rows.maps;
        out += id + '\t' + mapId + '\t' + std::to_string(position++) + '\t';
        detail::appendCopyField(out, map.value("name", ""));
        out += '\t';
        detail::appendCopyField(out, map.value("state", ""));
        out += '\t';
        detail::appendCopyField(out, map.dump());
        out += '\n';
    }
    rows.mapCount = position;
    return rows;
}

/// Sends the entity rows of a project through a COPY of columns (project, map, collection,
/// id, position, name, body), each row made as the one before is on its way.
void writeEntityRows(const ProjectRows& rows, long long projectId, detail::CopyIn& copy) {
    const std::string project = std::to_string(projectId);
    for (const ProjectRows::EntityList& list : rows.entityLists) {
        int position = 0;
        for (const json& body : list.items) {
            std::string& out = copy.rows();
            out += project;
            out += '\t';
            out += list.map;
            out += '\t';
            detail::appendCopyField(out, list.collection);
            out += '\t';
            out += std::to_string(body["id"].get<long long>());
            out += '\t';
            out += std::to_string(position++);
            out += '\t';
            detail::appendCopyField(out, detail::entityName(body));
            out += '\t';
            detail::appendCopyField(out, body.dump());
            out += '\n';
            copy.rowEnded();
        }
    }
    copy.finish();
}

/// Splits one line of COPY's text format into `fields`, unescaped; a missing value (\N) is
/// empty. The strings are reused from line to line, and a field without escapes (nearly all)
/// is copied in one piece.
void copyFields(std::string_view line, std::vector<std::string>& fields) {
    std::size_t count = 0;
    std::size_t at = 0;
    while (true) {
        std::size_t end = line.find('\t', at);
        if (end == std::string_view::npos)
            end = line.size();
        if (fields.size() <= count)
            fields.emplace_back();
        std::string& field = fields[count++];
        const std::string_view raw = line.substr(at, end - at);
        if (raw.find('\\') == std::string_view::npos) {
            field.assign(raw);
        } else {
            field.clear();
            for (std::size_t i = 0; i < raw.size(); ++i) {
                if (raw[i] != '\\' || i + 1 == raw.size()) {
                    field += raw[i];
                    continue;
                }
                switch (const char next = raw[++i]) {
                case 'b':
                    field += '\b';
                    break;
                case 'f':
                    field += '\f';
                    break;
                case 'n':
                    field += '\n';
                    break;
                case 'r':
                    field += '\r';
                    break;
                case 't':
                    field += '\t';
                    break;
                case 'v':
                    field += '\v';
                    break;
                case 'N':
                    break;
                default:
                    field += next;
                }
            }
        }
        if (end == line.size())
            break;
        at = end + 1;
    }
    fields.resize(count);
}

/// Projects put together again from their rows: props by project id, then maps and entities.
class Assembler {
public:
    void addProject(long long id, const std::string& name, const std::string& props) {
        Pending& p = m_projects[id];
        p.name = name;
        p.props = json::parse(props);
    }
    /// A COPY line of table map: project, id, props.
    void addMap(const std::vector<std::string>& f) {
        Pending& p = m_projects.at(std::stoll(f[0]));
        p.mapIndex[std::stoll(f[1])] = p.maps.size();
        p.maps.push_back(json::parse(f[2]));
        p.mapRows.emplace_back();
    }
    /// A COPY line of table entity: project, map (empty for the project's own lists),
    /// collection, position, body. Rows arrive in any order; each list is put in order of its
    /// positions when the project is finished.
    void addEntity(std::vector<std::string>& f) {
        Pending& p = m_projects.at(std::stoll(f[0]));
        PendingLists* lists = &p.ownRows;
        if (!f[1].empty()) {
            // No key ties an element row to its map: a damaged repository may hold one whose
            // map has gone.
            const auto map = p.mapIndex.find(std::stoll(f[1]));
            if (map == p.mapIndex.end())
                throw InputError("repository project '" + p.name + "'", f[2] + "/" + f[3],
                                 "the row belongs to map " + f[1] +
                                     ", which the project does "
                                     "not have");
            lists = &p.mapRows[map->second];
        }
        auto list = lists->find(f[2]);
        if (list == lists->end())
            list = lists->emplace(f[2], PendingList()).first;
        list->second.emplace_back(std::stoi(f[3]), std::move(f[4]));
    }
    std::vector<std::pair<std::string, model::Project>> finish() {
        std::vector<std::pair<std::string, model::Project>> out;
        for (auto& [id, p] : m_projects) {
            // The project's own lists (people, systems, the workshop's) go into its document;
            // a map's elements, the bulk, stay text until the reader reads them off a tape.
            for (auto& [key, list] : p.ownRows) {
                json* owner = &p.props;
                std::string_view collection = key;
                if (collection.starts_with("workshop/")) {
                    owner = &p.props["workshop"];
                    collection.remove_prefix(9);
                }
                json& items = (*owner)[std::string(collection)];
                for (std::string& body : inOrder(list))
                    items.push_back(json::parse(body));
            }
            std::vector<detail::DetachedLists> mapRows(p.mapRows.size());
            for (std::size_t i = 0; i < p.mapRows.size(); ++i)
                for (auto& [key, list] : p.mapRows[i])
                    mapRows[i].emplace(key, inOrder(list));
            p.props["maps"] = std::move(p.maps);
            out.emplace_back(
                p.name, detail::fromJson(p.props, mapRows, "repository project '" + p.name + "'"));
        }
        return out;
    }

private:
    /// A list's rows as they arrived: position and JSON text.
    using PendingList = std::vector<std::pair<int, std::string>>;
    using PendingLists = std::map<std::string, PendingList, std::less<>>;

    static std::vector<std::string> inOrder(PendingList& list) {
        std::sort(list.begin(), list.end(),
                  [](const auto& a, const auto& b) { return a.first < b.first; });
        std::vector<std::string> out;
        out.reserve(list.size());
        for (auto& [position, body] : list)
            out.push_back(std::move(body));
        return out;
    }

    struct Pending {
        std::string name;
        json props;
        std::vector<json> maps;
        std::vector<PendingLists> mapRows; ///< each map's element rows
        PendingLists ownRows;              ///< the project's own lists' rows
        std::map<long long, std::size_t> mapIndex;
    };
    std::map<long long, Pending> m_projects;
};

/// Reads the maps and entities of the projects the `where` clause selects (on column
/// project; built from numbers only, never from what a user typed). The entity rows are put
/// in order here rather than by the server: the index is on the project alone (migration 3),
/// and ordering each list by its positions on the client costs less than a sort on text in
/// the server's collation.
void readRows(PgConnection& db, Assembler& assembler, const std::string& where) {
    std::vector<std::string> fields;
    db.copyOut("COPY (SELECT project, id, props FROM map WHERE " + where +
                   " ORDER BY project, position) TO STDOUT",
               [&](std::string_view line) {
                   copyFields(line, fields);
                   assembler.addMap(fields);
               });
    db.copyOut("COPY (SELECT project, map, collection, position, body FROM entity WHERE " + where +
                   ") TO STDOUT",
               [&](std::string_view line) {
                   copyFields(line, fields);
                   assembler.addEntity(fields);
               });
}

/// Rolls back an open transaction when it leaves scope without a commit.
class Transaction {
public:
    explicit Transaction(PgConnection& db)
        : m_db(db) {
        m_db.exec("BEGIN");
    }
    ~Transaction() {
        if (m_open && PQstatus(m_db.raw()) == CONNECTION_OK)
            PQclear(PQexec(m_db.raw(), "ROLLBACK"));
    }
    void commit() {
        m_db.exec("COMMIT");
        m_open = false;
    }

private:
    PgConnection& m_db;
    bool m_open = true;
};

} // namespace

RepositoryConflict::RepositoryConflict(std::string project, long long startedFrom,
                                       long long current, std::string savedBy, std::string savedAt)
    : RepositoryError("'" + project + "' was saved by " + savedBy + " at " + savedAt +
                      " (version " + std::to_string(current) + ") after you read version " +
                      std::to_string(startedFrom) +
                      "; nothing was saved. Pull the newer version and make your changes "
                      "again, or save yours under another name")
    , m_project(std::move(project))
    , m_startedFrom(startedFrom)
    , m_current(current)
    , m_savedBy(std::move(savedBy))
    , m_savedAt(std::move(savedAt)) {}

RepositoryConflict::RepositoryConflict(const std::string& message, std::string project,
                                       long long startedFrom, long long current,
                                       std::string savedBy, std::string savedAt)
    : RepositoryError(message)
    , m_project(std::move(project))
    , m_startedFrom(startedFrom)
    , m_current(current)
    , m_savedBy(std::move(savedBy))
    , m_savedAt(std::move(savedAt)) {}

std::string urlForDisplay(const std::string& url) {
    const std::size_t scheme = url.find("://");
    if (scheme == std::string::npos)
        return url;
    const std::size_t at = url.find('@', scheme + 3);
    const std::size_t colon = url.find(':', scheme + 3);
    if (at == std::string::npos || colon == std::string::npos || colon > at)
        return url;
    return url.substr(0, colon) + url.substr(at);
}

Repository::Repository(const std::string& url)
    : m_db(std::make_unique<PgConnection>(url)) {}
Repository::~Repository() = default;
Repository::Repository(Repository&&) noexcept = default;
Repository& Repository::operator=(Repository&&) noexcept = default;

int Repository::backendPid() const {
    return m_db->backendPid();
}

int Repository::schemaVersion() {
    const PgResult exists = m_db->exec("SELECT to_regclass('gemba_repository') IS NOT NULL");
    if (exists.text(0, 0) != "t")
        return 0;
    const PgResult v =
        m_db->exec("SELECT value FROM gemba_repository WHERE key = 'schema_version'");
    return v.rows() == 0 ? 0 : static_cast<int>(v.integer(0, 0));
}

void Repository::init() {
    migrateTo(kRepositorySchemaVersion);
}

void Repository::migrateTo(int version) {
    Transaction tx(*m_db);
    // One migration at a time, even when two clients run init at once.
    m_db->exec("SELECT pg_advisory_xact_lock(4747474747)");
    const int current = schemaVersion();
    if (current > kRepositorySchemaVersion)
        throw RepositoryError("the repository has schema version " + std::to_string(current) +
                              ", from a newer Gemba; this one reads up to version " +
                              std::to_string(kRepositorySchemaVersion));
    for (int v = current + 1; v <= version && v <= kRepositorySchemaVersion; ++v)
        m_db->execScript(kMigrations[v - 1]);
    tx.commit();
}

void Repository::requireSchema() {
    const int version = schemaVersion();
    if (version == 0)
        throw RepositoryError("the database holds no Gemba repository; create it with "
                              "`gemba-cli repo init URL`");
    if (version > kRepositorySchemaVersion)
        throw RepositoryError("the repository has schema version " + std::to_string(version) +
                              ", from a newer Gemba; this one reads up to version " +
                              std::to_string(kRepositorySchemaVersion));
    if (version < kRepositorySchemaVersion)
        throw RepositoryError("the repository has schema version " + std::to_string(version) +
                              "; upgrade it with `gemba-cli repo init URL`");
}

std::vector<RepositoryEntry> Repository::list() {
    requireSchema();
    const PgResult r =
        m_db->exec("SELECT p.name, p.team, p.version, p.saved_by, to_char(p.saved_at, 'YYYY-MM-DD "
                   "HH24:MI:SS \"UTC\"'), v.maps, v.steps FROM project p JOIN project_version v ON "
                   "v.project = p.id AND "
                   "v.version = p.version ORDER BY p.name");
    std::vector<RepositoryEntry> out;
    for (int i = 0; i < r.rows(); ++i)
        out.push_back({r.text(i, 0), r.text(i, 1), r.integer(i, 2), r.text(i, 3), r.text(i, 4),
                       static_cast<int>(r.integer(i, 5)), static_cast<int>(r.integer(i, 6))});
    return out;
}

std::vector<RepositoryEntry> Repository::history(const std::string& name) {
    requireSchema();
    const PgResult r = m_db->exec(
        std::string("SELECT p.name, p.team, v.version, v.saved_by, ") +
            "to_char(v.saved_at, 'YYYY-MM-DD HH24:MI:SS \"UTC\"'), v.maps, v.steps FROM project "
            "p JOIN project_version v ON v.project = p.id WHERE p.name = $1 ORDER BY v.version "
            "DESC",
        {name});
    if (r.rows() == 0)
        throw RepositoryError("the repository has no project '" + name + "' that you may read");
    std::vector<RepositoryEntry> out;
    for (int i = 0; i < r.rows(); ++i)
        out.push_back({r.text(i, 0), r.text(i, 1), r.integer(i, 2), r.text(i, 3), r.text(i, 4),
                       static_cast<int>(r.integer(i, 5)), static_cast<int>(r.integer(i, 6))});
    return out;
}

long long Repository::push(const std::string& name, const model::Project& project,
                           long long startedFrom, const std::string& team) {
    requireSchema();
    if (name.empty())
        throw RepositoryError("a project in the repository needs a name");
    Transaction tx(*m_db);
    ProjectRows rows;
    const PgResult found = m_db->exec(std::string("SELECT id, version, saved_by, ") + kSavedAt +
                                          " FROM project WHERE name = $1 FOR UPDATE",
                                      {name});
    long long id = 0;
    long long version = 1;
    if (found.rows() == 1) {
        id = found.integer(0, 0);
        const long long current = found.integer(0, 1);
        if (current != startedFrom)
            throw RepositoryConflict(name, startedFrom, current, found.text(0, 2),
                                     found.text(0, 3));
        version = current + 1;
        rows = splitProject(project, id);
        m_db->exec("DELETE FROM entity WHERE project = $1", {std::to_string(id)});
        m_db->exec("DELETE FROM map WHERE project = $1", {std::to_string(id)});
        m_db->exec("UPDATE project SET version = $2, saved_by = session_user, saved_at = now(), "
                   "props = $3 WHERE id = $1",
                   {std::to_string(id), std::to_string(version), rows.props.dump()});
    } else {
        // A project locked for update is one the user may change: a reader of the portfolio
        // sees other teams' projects but does not find them here.
        if (const PgResult readable =
                m_db->exec("SELECT team FROM project WHERE name = $1", {name});
            readable.rows() == 1)
            throw RepositoryError("you may read '" + name + "' but not save it: it belongs to " +
                                  "the team '" + readable.text(0, 0) +
                                  "', which you are not in; nothing was saved. Save it as a "
                                  "new project");
        if (startedFrom != 0)
            throw RepositoryError("'" + name + "' is no longer in the repository (version " +
                                  std::to_string(startedFrom) +
                                  " was read); nothing was saved. Save it as a new project");
        id = m_db->exec("SELECT nextval('project_id_seq')").integer(0, 0);
        rows = splitProject(project, id);
        const PgResult inserted = m_db->exec(
            "INSERT INTO project (id, name, team, version, saved_by, saved_at, props) "
            "VALUES ($1, $2, $3, 1, session_user, now(), $4) ON CONFLICT (name) DO NOTHING "
            "RETURNING id",
            {std::to_string(id), name, team, rows.props.dump()});
        if (inserted.rows() == 0)
            throw RepositoryError("a project named '" + name +
                                  "' is already in the repository (saved meanwhile, or one you "
                                  "may not read); nothing was saved. Save under another name");
    }
    if (m_db->exec("SELECT row_security_active('entity')").text(0, 0) == "t") {
        // PostgreSQL refuses COPY into a table whose row-level security applies to the user:
        // COPY into temporary tables, then one INSERT each, which the policies check.
        m_db->exec("CREATE TEMP TABLE IF NOT EXISTS map_in (LIKE map) ON COMMIT DELETE ROWS");
        m_db->exec("CREATE TEMP TABLE IF NOT EXISTS entity_in (LIKE entity) ON COMMIT DELETE ROWS");
        m_db->copyIn("COPY map_in FROM STDIN", rows.maps);
        detail::CopyIn entities(*m_db, "COPY entity_in FROM STDIN");
        writeEntityRows(rows, id, entities);
        m_db->exec("INSERT INTO map SELECT * FROM map_in");
        m_db->exec("INSERT INTO entity SELECT * FROM entity_in");
    } else {
        m_db->copyIn("COPY map (project, id, position, name, state, props) FROM STDIN", rows.maps);
        detail::CopyIn entities(
            *m_db, "COPY entity (project, map, collection, id, position, name, body) FROM STDIN");
        writeEntityRows(rows, id, entities);
    }
    m_db->exec("INSERT INTO project_version (project, version, saved_by, saved_at, maps, steps) "
               "SELECT id, version, saved_by, saved_at, $2, $3 FROM project WHERE id = $1",
               {std::to_string(id), std::to_string(rows.mapCount), std::to_string(rows.stepCount)});
    if (beforeCommit)
        beforeCommit();
    tx.commit();
    return version;
}

PulledProject Repository::pull(const std::string& name) {
    requireSchema();
    Transaction tx(*m_db); // one snapshot for every table
    m_db->exec("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
    const PgResult found =
        m_db->exec("SELECT id, version, props FROM project WHERE name = $1", {name});
    if (found.rows() == 0)
        throw RepositoryError("the repository has no project '" + name + "' that you may read");
    const long long id = found.integer(0, 0);
    Assembler assembler;
    assembler.addProject(id, name, found.text(0, 2));
    readRows(*m_db, assembler, "project = " + std::to_string(id));
    tx.commit();
    return {std::move(assembler.finish().front().second), found.integer(0, 1)};
}

std::vector<std::pair<std::string, model::Project>> Repository::pullAll() {
    requireSchema();
    Transaction tx(*m_db);
    m_db->exec("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
    const PgResult projects = m_db->exec("SELECT id, name, props FROM project ORDER BY name");
    Assembler assembler;
    for (int i = 0; i < projects.rows(); ++i)
        assembler.addProject(projects.integer(i, 0), projects.text(i, 1), projects.text(i, 2));
    readRows(*m_db, assembler, "true");
    tx.commit();
    auto out = assembler.finish();
    std::sort(out.begin(), out.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    return out;
}

// The organisation's catalogue (migration 4).

RepositoryCatalogue Repository::readCatalogue() {
    requireSchema();
    Transaction tx(*m_db);
    m_db->exec("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
    RepositoryCatalogue out;
    const PgResult state = m_db->exec("SELECT version FROM catalogue_state WHERE id = 1");
    out.version = state.rows() == 0 ? 0 : state.integer(0, 0);
    const PgResult entries =
        m_db->exec("SELECT id, kind, name, role, aliases FROM catalogue_entry ORDER BY id");
    const std::string place = "repository catalogue";
    for (int i = 0; i < entries.rows(); ++i) {
        model::CatalogueEntry entry;
        entry.id = entries.text(i, 0);
        entry.kind = *model::parseCatalogueKind(entries.text(i, 1)); // the table checks it
        entry.name = entries.text(i, 2);
        entry.role = entries.text(i, 3);
        for (const json& alias : json::parse(entries.text(i, 4)))
            if (alias.is_string())
                entry.aliases.push_back(alias.get<std::string>());
            else
                throw InputError(place, "catalogue_entry " + entry.id, "an alias is no text");
        try {
            out.catalogue.insert(std::move(entry));
        } catch (const model::CatalogueError& e) {
            throw InputError(place, "catalogue_entry " + entries.text(i, 0), e.what());
        }
    }
    const PgResult merged = m_db->exec("SELECT id, into_id FROM catalogue_merge ORDER BY id");
    for (int i = 0; i < merged.rows(); ++i)
        try {
            out.catalogue.recordMerge(merged.text(i, 0), merged.text(i, 1));
        } catch (const model::CatalogueError& e) {
            throw InputError(place, "catalogue_merge " + merged.text(i, 0), e.what());
        }
    for (int i = 0; i < merged.rows(); ++i)
        if (!out.catalogue.find(merged.text(i, 0)))
            throw InputError(place, "catalogue_merge " + merged.text(i, 0),
                             "merged into an id that is no entry of the catalogue");
    tx.commit();
    return out;
}

long long Repository::saveCatalogue(const model::Catalogue& catalogue, long long startedFrom) {
    requireSchema();
    Transaction tx(*m_db);
    const PgResult state = m_db->exec(std::string("SELECT version, saved_by, ") + kSavedAt +
                                      " FROM catalogue_state WHERE id = 1 FOR UPDATE");
    const long long current = state.integer(0, 0);
    if (current != startedFrom)
        throw RepositoryConflict("the catalogue was changed by " + state.text(0, 1) + " at " +
                                     state.text(0, 2) + " (version " + std::to_string(current) +
                                     ") after you read version " + std::to_string(startedFrom) +
                                     "; nothing was saved. Read it again and repeat your change",
                                 "catalogue", startedFrom, current, state.text(0, 1),
                                 state.text(0, 2));
    m_db->exec("DELETE FROM catalogue_entry");
    m_db->exec("DELETE FROM catalogue_merge");
    for (const auto& [id, entry] : catalogue.entries())
        m_db->exec("INSERT INTO catalogue_entry VALUES ($1, $2, $3, $4, $5)",
                   {id, std::string(model::catalogueKindName(entry.kind)), entry.name, entry.role,
                    json(entry.aliases).dump()});
    for (const auto& [id, into] : catalogue.merged())
        m_db->exec("INSERT INTO catalogue_merge VALUES ($1, $2)", {id, into});
    m_db->exec("UPDATE catalogue_state SET version = $1, saved_by = session_user, saved_at = "
               "now() WHERE id = 1",
               {std::to_string(current + 1)});
    if (beforeCommit)
        beforeCommit();
    tx.commit();
    return current + 1;
}

} // namespace gemba::store
