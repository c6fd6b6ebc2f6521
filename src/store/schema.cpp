#include "schema.h"

#include <array>
#include <string>

namespace gemba::store::detail {

namespace {

// Schema 1. STRICT tables make SQLite refuse values of the wrong type; the reader still checks
// every value, because a file made by another program need not use these declarations.
// Ids are the model's ids; none stored means NULL. "position" keeps the order of lists.
// Checks compare with = rather than IN (...): SQLite builds an IN list's lookup table anew for
// every row it checks, which made saving half again as slow.
constexpr std::string_view kSchemaV1 = R"sql(
CREATE TABLE person (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    hourly_cost REAL
) STRICT;
CREATE TABLE system (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL
) STRICT;
CREATE TABLE project (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    hours_per_day REAL NOT NULL,
    days_per_week REAL NOT NULL,
    currency TEXT NOT NULL,
    default_hourly_rate REAL NOT NULL,
    next_id INTEGER NOT NULL,
    sponsor INTEGER REFERENCES person(id),
    process_owner INTEGER REFERENCES person(id),
    facilitator INTEGER REFERENCES person(id)
) STRICT;
CREATE TABLE workshop_expert (
    position INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES person(id)
) STRICT;
CREATE TABLE map (
    id INTEGER PRIMARY KEY,
    position INTEGER NOT NULL UNIQUE,
    name TEXT NOT NULL,
    state TEXT NOT NULL,
    made_from INTEGER,
    trigger_text TEXT NOT NULL,
    done_text TEXT NOT NULL,
    notes TEXT NOT NULL,
    demand_quantity REAL,
    demand_per TEXT,
    available_time_per_day REAL
) STRICT;
CREATE TABLE element (
    id INTEGER PRIMARY KEY,
    map_id INTEGER NOT NULL REFERENCES map(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind = 'step' OR kind = 'wait' OR kind = 'party' OR
                              kind = 'info_box' OR kind = 'note' OR kind = 'red_pen'),
    x REAL NOT NULL,
    y REAL NOT NULL
) STRICT;
CREATE TABLE step (
    id INTEGER PRIMARY KEY REFERENCES element(id) ON DELETE CASCADE,
    origin INTEGER,
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    role TEXT NOT NULL,
    headcount REAL NOT NULL,
    process_time REAL,
    process_time_min REAL,
    process_time_max REAL,
    cycle_time REAL,
    lead_time REAL,
    pca REAL,
    batch_size REAL,
    changeover REAL,
    uptime REAL,
    defect_rate REAL,
    value TEXT NOT NULL,
    wastes INTEGER NOT NULL
) STRICT;
CREATE TABLE step_person (
    step_id INTEGER NOT NULL REFERENCES step(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    person_id INTEGER NOT NULL REFERENCES person(id),
    PRIMARY KEY (step_id, position)
) STRICT;
CREATE TABLE step_system (
    step_id INTEGER NOT NULL REFERENCES step(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    system_id INTEGER NOT NULL REFERENCES system(id),
    PRIMARY KEY (step_id, position)
) STRICT;
CREATE TABLE friction (
    step_id INTEGER NOT NULL REFERENCES step(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    what TEXT NOT NULL,
    minutes_per_occurrence REAL NOT NULL,
    occurrences_per_week REAL NOT NULL,
    PRIMARY KEY (step_id, position)
) STRICT;
CREATE TABLE artifact (
    step_id INTEGER NOT NULL REFERENCES step(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (step_id, position)
) STRICT;
CREATE TABLE figure_source (
    step_id INTEGER NOT NULL REFERENCES step(id) ON DELETE CASCADE,
    figure TEXT NOT NULL,
    basis TEXT NOT NULL,
    source TEXT NOT NULL,
    date TEXT NOT NULL,
    PRIMARY KEY (step_id, figure)
) STRICT;
CREATE TABLE wait (
    id INTEGER PRIMARY KEY REFERENCES element(id) ON DELETE CASCADE,
    origin INTEGER,
    kind TEXT NOT NULL,
    label TEXT NOT NULL,
    time REAL,
    quantity REAL
) STRICT;
CREATE TABLE party (
    id INTEGER PRIMARY KEY REFERENCES element(id) ON DELETE CASCADE,
    origin INTEGER,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    notes TEXT NOT NULL
) STRICT;
CREATE TABLE info_box (
    id INTEGER PRIMARY KEY REFERENCES element(id) ON DELETE CASCADE,
    origin INTEGER,
    name TEXT NOT NULL,
    notes TEXT NOT NULL
) STRICT;
CREATE TABLE note (
    id INTEGER PRIMARY KEY REFERENCES element(id) ON DELETE CASCADE,
    origin INTEGER,
    text TEXT NOT NULL
) STRICT;
CREATE TABLE red_pen (
    id INTEGER PRIMARY KEY REFERENCES element(id) ON DELETE CASCADE,
    origin INTEGER,
    reason TEXT NOT NULL,
    cost REAL
) STRICT;
CREATE TABLE red_pen_target (
    red_pen_id INTEGER NOT NULL REFERENCES red_pen(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    target_id INTEGER NOT NULL,
    PRIMARY KEY (red_pen_id, position)
) STRICT;
CREATE TABLE flow (
    id INTEGER PRIMARY KEY,
    map_id INTEGER NOT NULL REFERENCES map(id) ON DELETE CASCADE,
    origin INTEGER,
    from_id INTEGER NOT NULL REFERENCES element(id) ON DELETE CASCADE,
    to_id INTEGER NOT NULL REFERENCES element(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    fifo_max INTEGER,
    share REAL,
    wait REAL,
    label TEXT NOT NULL
) STRICT;
)sql";

// Schema 2 is schema 1 plus the blocks below, one per feature, each in its own constant. A
// block's SQL both creates its tables in a new file (schemaSql) and, run on a schema-1 file,
// migrates it (the migration to 2 runs every block in order). A feature that needs more
// tables or columns in schema 2 adds its own block and lists it in kV2Blocks.

// Workshop (ideas, actions, reviews, workshop log): one row per entity, holding the entity as
// the JSON object of the interchange format (docs/file-format.md), so that one reader checks
// both. The case for change and the workshop's dates live in the single row of `workshop`.
constexpr std::string_view kV2Workshop = R"sql(
CREATE TABLE workshop (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    data TEXT NOT NULL
) STRICT;
CREATE TABLE idea (id INTEGER PRIMARY KEY, data TEXT NOT NULL) STRICT;
CREATE TABLE action (id INTEGER PRIMARY KEY, data TEXT NOT NULL) STRICT;
CREATE TABLE review (id INTEGER PRIMARY KEY, data TEXT NOT NULL) STRICT;
CREATE TABLE parking_lot_item (id INTEGER PRIMARY KEY, data TEXT NOT NULL) STRICT;
CREATE TABLE glossary_term (id INTEGER PRIMARY KEY, data TEXT NOT NULL) STRICT;
CREATE TABLE lesson (id INTEGER PRIMARY KEY, data TEXT NOT NULL) STRICT;
CREATE TABLE day_summary (id INTEGER PRIMARY KEY, data TEXT NOT NULL) STRICT;
)sql";

constexpr std::array<std::string_view, 1> kV2Blocks = {kV2Workshop};

constexpr std::array<std::string_view, 27> kTables = {
    "person", "system", "project", "workshop_expert", "map", "element", "step", "step_person",
    "step_system", "friction", "artifact", "figure_source", "wait", "party", "info_box", "note",
    "red_pen", "red_pen_target", "flow",
    // Schema 2, workshop block.
    "workshop", "idea", "action", "review", "parking_lot_item", "glossary_term", "lesson",
    "day_summary"};

void migrateTo2(Database& db) {
    for (std::string_view block : kV2Blocks)
        db.exec(std::string(block));
}

// Each schema appends its step here.
const std::array<Migration, 1> kMigrations = {Migration{2, {}, migrateTo2}};

} // namespace

std::string_view schemaSql() {
    static const std::string sql = [] {
        std::string all(kSchemaV1);
        for (std::string_view block : kV2Blocks)
            all += block;
        return all;
    }();
    return sql;
}

std::span<const std::string_view> schemaTables() {
    return kTables;
}

std::span<const Migration> migrations() {
    return kMigrations;
}

void migrate(Database& db, std::span<const Migration> steps, int target) {
    int version = static_cast<int>(db.queryInt("PRAGMA user_version"));
    if (version >= target)
        return;
    db.exec("BEGIN");
    try {
        while (version < target) {
            const Migration* next = nullptr;
            for (const Migration& step : steps)
                if (step.version == version + 1)
                    next = &step;
            if (!next)
                throw std::runtime_error("no migration from schema " + std::to_string(version) +
                                         " to " + std::to_string(version + 1));
            if (!next->sql.empty())
                db.exec(std::string(next->sql));
            if (next->function)
                next->function(db);
            version = next->version;
            db.exec("PRAGMA user_version = " + std::to_string(version));
        }
        db.exec("COMMIT");
    } catch (...) {
        sqlite3_exec(db.get(), "ROLLBACK", nullptr, nullptr, nullptr);
        throw;
    }
}

} // namespace gemba::store::detail
