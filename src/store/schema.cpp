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

// Schema 2 adds the measured maps' tables; schema 3 the workshop's. Each later schema's
// tables are a constant of their own: run on a file of the schema before, the constant
// migrates it, and schemaSql() is schema 1 followed by every later constant in order.

// Measured maps (event logs): the project calendar's working hours and holidays, in the text
// form of model::parseWorkingHours, and the event mapping, one row per name.
constexpr std::string_view kSchemaV2MeasuredMaps = R"sql(
CREATE TABLE working_hours (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    spec TEXT NOT NULL
) STRICT;
CREATE TABLE event_state (
    name TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind = 'step' OR kind = 'wait' OR kind = 'done' OR
                              kind = 'ignore'),
    step TEXT NOT NULL,
    role TEXT NOT NULL
) STRICT;
)sql";

// Schema 2, simulation: how a map's three-point times are read. A map without a row uses the
// default (triangular).
constexpr std::string_view kSchemaV2Simulation = R"sql(
CREATE TABLE map_simulation (
    map_id INTEGER PRIMARY KEY REFERENCES map(id) ON DELETE CASCADE,
    distribution TEXT NOT NULL CHECK (distribution = 'triangular' OR distribution = 'pert')
) STRICT;
)sql";

// Schema 3, workshop (ideas, actions, reviews, workshop log): one row per entity, holding the
// entity as the JSON object of the interchange format (docs/file-format.md), so that one reader
// checks both. The case for change and the workshop's dates live in the single row of `workshop`.
constexpr std::string_view kSchemaV3Workshop = R"sql(
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

// Schema 4, simulation inputs: a step's breakdowns (mean time between failures and to repair,
// seconds of working time) and a time wait's range (its typical time stays in wait.time).
constexpr std::string_view kSchemaV4BreakdownsAndRanges = R"sql(
CREATE TABLE step_breakdown (
    step_id INTEGER PRIMARY KEY REFERENCES step(id) ON DELETE CASCADE,
    mtbf REAL NOT NULL,
    mttr REAL NOT NULL
) STRICT;
CREATE TABLE wait_range (
    wait_id INTEGER PRIMARY KEY REFERENCES wait(id) ON DELETE CASCADE,
    time_min REAL,
    time_max REAL
) STRICT;
)sql";

// Schema 5, the calendar's working days per month. A file without the row was written when a
// month was a twelfth of 52 working weeks, and is read so (model::Calendar::legacyDaysPerMonth).
constexpr std::string_view kSchemaV5DaysPerMonth = R"sql(
CREATE TABLE calendar_month (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    days_per_month REAL NOT NULL
) STRICT;
)sql";

// Schema 6, measured distributions: what an event log measured at a step (provenance and
// the number of items), and per quantity its distribution in seconds of working time. The
// step's own figures stay in `step`; these are the distributions behind them.
constexpr std::string_view kSchemaV6StepMeasurements = R"sql(
CREATE TABLE step_measurement (
    step_id INTEGER PRIMARY KEY REFERENCES step(id) ON DELETE CASCADE,
    provenance TEXT NOT NULL,
    items INTEGER NOT NULL CHECK (items >= 0)
) STRICT;
CREATE TABLE step_distribution (
    step_id INTEGER NOT NULL REFERENCES step_measurement(step_id) ON DELETE CASCADE,
    quantity TEXT NOT NULL CHECK (quantity IN ('process_time', 'lead_time', 'wait_before')),
    count INTEGER NOT NULL CHECK (count >= 0),
    min REAL NOT NULL,
    p50 REAL NOT NULL,
    p85 REAL NOT NULL,
    p95 REAL NOT NULL,
    max REAL NOT NULL,
    mean REAL NOT NULL,
    PRIMARY KEY (step_id, quantity)
) STRICT;
)sql";

// Schema 7, the organisation's catalogue: which catalogue entry (model::Catalogue, by its text
// id) a person or system of the project refers to. One without a row refers to none and is
// matched to the catalogue by name.
constexpr std::string_view kSchemaV7CatalogueReferences = R"sql(
CREATE TABLE catalogue_reference (
    kind TEXT NOT NULL CHECK (kind = 'person' OR kind = 'system'),
    id INTEGER NOT NULL,
    catalogue_id TEXT NOT NULL CHECK (catalogue_id <> ''),
    PRIMARY KEY (kind, id)
) STRICT;
)sql";

// Schema 2 is made of blocks, one per capability; a file of schema 1 gains them all at once.
constexpr std::array<std::string_view, 2> kSchemaV2Blocks = {kSchemaV2MeasuredMaps,
                                                             kSchemaV2Simulation};

constexpr std::array<std::string_view, 36> kTables = {
    "person", "system", "project", "workshop_expert", "map", "element", "step", "step_person",
    "step_system", "friction", "artifact", "figure_source", "wait", "party", "info_box", "note",
    "red_pen", "red_pen_target", "flow",
    // schema 2: measured maps, simulation
    "working_hours", "event_state", "map_simulation",
    // schema 3, workshop
    "workshop", "idea", "action", "review", "parking_lot_item", "glossary_term", "lesson",
    "day_summary",
    // schema 4, simulation inputs
    "step_breakdown", "wait_range",
    // schema 5, working days per month
    "calendar_month",
    // schema 6, measured distributions
    "step_measurement", "step_distribution",
    // schema 7, catalogue references
    "catalogue_reference"};

void migrateToV2(Database& db) {
    for (std::string_view block : kSchemaV2Blocks)
        db.exec(std::string(block));
}

// Each schema appends its step here.
const std::array<Migration, 6> kMigrations = {
    Migration{2, {}, migrateToV2},
    Migration{3, kSchemaV3Workshop, {}},            // workshop: ideas, actions, reviews, log
    Migration{4, kSchemaV4BreakdownsAndRanges, {}}, // breakdowns, wait ranges
    Migration{5, kSchemaV5DaysPerMonth, {}},        // working days per month
    Migration{6, kSchemaV6StepMeasurements, {}},    // measured distributions of steps
    Migration{7, kSchemaV7CatalogueReferences, {}}, // catalogue entries of people, systems
};

} // namespace

std::string_view schemaSql() {
    static const std::string all = [] {
        std::string sql(kSchemaV1);
        for (std::string_view block : kSchemaV2Blocks)
            sql += block;
        sql += kSchemaV3Workshop;
        sql += kSchemaV4BreakdownsAndRanges;
        sql += kSchemaV5DaysPerMonth;
        sql += kSchemaV6StepMeasurements;
        sql += kSchemaV7CatalogueReferences;
        return sql;
    }();
    return all;
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
