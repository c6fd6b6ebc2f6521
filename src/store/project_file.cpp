#include "gemba/store/project_file.h"

#include "atomic_file.h"
#include "gemba/model/names.h"
#include "gemba/model/text.h"
#include "gemba/store/errors.h"
#include "gemba/store/workshop_json.h"
#include "json_tape.h"
#include "project_file_detail.h"
#include "schema.h"
#include "sqlite_db.h"
#include "text_util.h"
#include "validate.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cinttypes>
#include <climits>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <unordered_map>
#include <vector>

namespace gemba::store {

using namespace gemba::model;
using detail::Database;
using detail::SqliteError;
using detail::Statement;

int currentSchemaVersion() {
    return detail::kSchemaVersion;
}

namespace detail {

namespace {
std::atomic<int> g_faultAfterRows{-1};
std::function<void(std::string_view)>& saveObserver() {
    static std::function<void(std::string_view)> observer;
    return observer;
}
void observe(std::string_view stage) {
    if (saveObserver())
        saveObserver()(stage);
}
} // namespace

void setSaveFaultForTesting(int afterRows) {
    g_faultAfterRows = afterRows;
}

void setSaveObserverForTesting(std::function<void(std::string_view)> observer) {
    saveObserver() = std::move(observer);
}

} // namespace detail

namespace {

namespace fs = std::filesystem;

/// The table where an entity's own fields live: its name with underscores ("info_box").
std::string tableOf(detail::Subject subject) {
    std::string table(detail::subjectName(subject));
    std::replace(table.begin(), table.end(), ' ', '_');
    return table;
}

/// "step 17 (table step), field process_time/min".
std::string placeOf(const detail::Violation& violation) {
    std::string place(detail::subjectName(violation.subject));
    if (violation.subject != detail::Subject::Project)
        place += " " + std::to_string(violation.id);
    place += " (table " + tableOf(violation.subject) + ")";
    if (!violation.field.empty())
        place += ", field " + violation.field;
    return place;
}

// ---------------------------------------------------------------------------------------------
// Opening

std::uint32_t bigEndian32(const unsigned char* bytes) {
    return (std::uint32_t(bytes[0]) << 24) | (std::uint32_t(bytes[1]) << 16) |
           (std::uint32_t(bytes[2]) << 8) | std::uint32_t(bytes[3]);
}

[[noreturn]] void refuse(const fs::path& file, std::string problem) {
    throw InputError(file.string(), "", std::move(problem));
}

/// Checks what can be told from the file's size and its 100-byte SQLite header before SQLite
/// reads it, so that the common wrong files get precise messages.
void checkHeader(const fs::path& file, int currentVersion) {
    std::error_code ec;
    const fs::file_status status = fs::status(file, ec);
    if (!fs::exists(status))
        refuse(file, "no such file");
    if (fs::is_directory(status))
        refuse(file, "is a folder, not a Gemba project");
    if (!fs::is_regular_file(status))
        refuse(file, "is not a regular file, not a Gemba project");
    const std::uintmax_t size = fs::file_size(file, ec);
    if (ec)
        refuse(file, "cannot read: " + ec.message());
    if (size == 0)
        refuse(file, "the file is empty (not a Gemba project)");

    unsigned char header[100] = {};
    std::ifstream in(file, std::ios::binary);
    if (!in)
        refuse(file, "cannot read the file (permission denied?)");
    in.read(reinterpret_cast<char*>(header), sizeof header);
    const auto got = static_cast<std::size_t>(in.gcount());
    static constexpr char kMagic[] = "SQLite format 3";
    if (got < sizeof header || std::memcmp(header, kMagic, sizeof kMagic) != 0)
        refuse(file, "not a Gemba project (not a SQLite database)");

    const auto applicationId = static_cast<std::int32_t>(bigEndian32(header + 68));
    if (applicationId != kApplicationId) {
        char hex[16];
        std::snprintf(hex, sizeof hex, "0x%08" PRIX32, static_cast<std::uint32_t>(applicationId));
        refuse(file, std::string("not a Gemba project (a SQLite database of another application, "
                                 "application_id ") +
                         hex + ")");
    }
    const auto version = static_cast<std::int32_t>(bigEndian32(header + 60));
    if (version > currentVersion)
        refuse(file, "made by a newer version of Gemba: schema " + std::to_string(version) +
                         ", this Gemba reads up to " + std::to_string(currentVersion));
    if (version < 1)
        refuse(file, "not a Gemba project (unknown schema version " + std::to_string(version) +
                         "); the file may be damaged");

    std::uint32_t pageSize = (std::uint32_t(header[16]) << 8) | header[17];
    if (pageSize == 1)
        pageSize = 65536;
    if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) != 0)
        refuse(file, "the file is damaged (its header names an impossible page size)");
    if (size % pageSize != 0)
        refuse(file, "the file is truncated or damaged (" + std::to_string(size) +
                         " bytes is not a whole number of " + std::to_string(pageSize) +
                         "-byte pages)");
    // The page count in the header is valid only when the two change counters agree.
    const std::uint32_t pages = bigEndian32(header + 28);
    if (bigEndian32(header + 24) == bigEndian32(header + 92) && pages != 0 &&
        std::uintmax_t(pages) * pageSize > size)
        refuse(file, "the file is truncated: it should hold " +
                         std::to_string(std::uintmax_t(pages) * pageSize) + " bytes, it holds " +
                         std::to_string(size));
}

/// What a SQLite failure while reading means to a user.
std::string describeOpenFailure(const SqliteError& error) {
    switch (error.code() & 0xFF) {
    case SQLITE_NOTADB:
        return std::string("not a Gemba project, or the file is damaged (") + error.what() + ")";
    case SQLITE_CORRUPT:
    case SQLITE_FORMAT:
    case SQLITE_RANGE:
    case SQLITE_IOERR:
        return std::string("the file is damaged (") + error.what() + ")";
    case SQLITE_INTERRUPT:
        return "the file took too long to read; it may be damaged";
    case SQLITE_NOMEM:
    case SQLITE_TOOBIG:
        return "the file is too large to read";
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return "the file is locked by another program";
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
        if (error.code() == SQLITE_READONLY_ROLLBACK)
            return "another program left a half-finished change in the file (a journal file "
                   "lies beside it); open it once in that program";
        return std::string("cannot open the file (") + error.what() + ")";
    default:
        return std::string("cannot read the file (") + error.what() + ")";
    }
}

/// Stops any statement that runs for too long: a hostile file must not hang the editor.
int progressDeadline(void* context) {
    const auto* deadline = static_cast<std::chrono::steady_clock::time_point*>(context);
    return std::chrono::steady_clock::now() > *deadline ? 1 : 0;
}

/// Reads the cells of one result row, checking each value's type and range, and naming the
/// table, row and column of anything wrong.
class Cells {
public:
    Cells(Statement& statement, std::string_view table, const std::string& file)
        : m_statement(statement)
        , m_table(table)
        , m_file(file) {}

    bool next() {
        if (!m_statement.step())
            return false;
        m_row = m_statement.columnInt(0);
        return true;
    }
    std::int64_t row() const { return m_row; }

    [[noreturn]] void fail(int column, const std::string& problem) const {
        std::string place = "table " + std::string(m_table) + ", row " + std::to_string(m_row);
        if (column >= 0)
            place += std::string(", column ") + sqlite3_column_name(m_statement.get(), column);
        throw InputError(m_file, place, problem);
    }

    bool isNull(int column) const { return m_statement.columnType(column) == SQLITE_NULL; }

    std::int64_t integer(int column) const {
        if (m_statement.columnType(column) != SQLITE_INTEGER)
            fail(column, "expected a whole number, found " + describe(column));
        return m_statement.columnInt(column);
    }
    /// An id: a positive whole number.
    Id id(int column) const {
        const std::int64_t value = integer(column);
        if (value <= 0)
            fail(column, "ids must be positive, found " + std::to_string(value));
        return static_cast<Id>(value);
    }
    /// An id, or kNoId for NULL.
    Id optionalId(int column) const {
        return m_statement.columnType(column) == SQLITE_NULL ? kNoId : id(column);
    }
    double real(int column) const {
        const int type = m_statement.columnType(column);
        if (type != SQLITE_FLOAT && type != SQLITE_INTEGER)
            fail(column, "expected a number, found " + describe(column));
        return m_statement.columnDouble(column);
    }
    std::optional<double> optionalReal(int column) const {
        if (m_statement.columnType(column) == SQLITE_NULL)
            return std::nullopt;
        return real(column);
    }
    std::string text(int column) const { return std::string(textView(column)); }
    /// Text that lives until the next row.
    std::string_view textView(int column) const {
        if (m_statement.columnType(column) != SQLITE_TEXT)
            fail(column, "expected text, found " + describe(column));
        return m_statement.columnTextView(column);
    }
    template <class E> E enumeration(int column) const {
        const std::string name = text(column);
        const auto value = enumFromName<E>(name);
        if (!value)
            fail(column, "unknown value '" + name + "' (expected one of " + allNames<E>() + ")");
        return *value;
    }

private:
    std::string describe(int column) const {
        switch (m_statement.columnType(column)) {
        case SQLITE_NULL:
            return "nothing (NULL)";
        case SQLITE_INTEGER:
            return "the whole number " + std::to_string(m_statement.columnInt(column));
        case SQLITE_FLOAT: {
            char number[32];
            std::snprintf(number, sizeof number, "%.17g", m_statement.columnDouble(column));
            return std::string("the number ") + number;
        }
        case SQLITE_TEXT: {
            std::string text = m_statement.columnText(column);
            if (text.size() > 40) {
                std::size_t cut = 40; // not inside a UTF-8 sequence
                while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
                    --cut;
                text = text.substr(0, cut) + "...";
            }
            return "the text '" + text + "'";
        }
        default:
            return "binary data";
        }
    }

    Statement& m_statement;
    std::string_view m_table;
    const std::string& m_file;
    std::int64_t m_row = 0;
};

/// The element row every placed element has: its map, kind and position.
struct ElementRow {
    std::size_t mapIndex = 0;
    std::string kind;
    Point pos;
    bool claimed = false;
};

/// Builds a Project from a database of the current schema.
class Loader {
public:
    Loader(Database& db, std::string file)
        : m_db(db)
        , m_file(std::move(file)) {}

    Project load() {
        loadPeople();
        loadSystems();
        loadCatalogueReferences();
        loadProjectRow();
        loadDaysPerMonth();
        loadExperts();
        loadMeasureSettings();
        loadMaps();
        loadMapSimulation();
        loadElements();
        loadSteps();
        loadStepPeople();
        loadStepSystems();
        loadFrictions();
        loadArtifacts();
        loadSources();
        loadStepBreakdowns();
        loadStepMeasurements();
        loadWaits();
        loadWaitRanges();
        loadParties();
        loadInfoBoxes();
        loadNotes();
        loadRedPens();
        loadRedPenTargets();
        loadFlows();
        loadWorkshop();
        for (const auto& [id, element] : m_elements)
            if (!element.claimed)
                throw InputError(m_file, "table element, row " + std::to_string(id),
                                 "the " + element.kind + " has no row in table " + element.kind);
        return std::move(m_project);
    }

private:
    /// Runs `sql` (whose first column is the rowid) and calls `row` for each result.
    template <class F> void each(std::string_view table, std::string_view sql, F&& row) {
        Statement statement(m_db, sql);
        Cells cells(statement, table, m_file);
        while (cells.next())
            row(cells);
    }

    template <class Collection>
    static typename Collection::mapped_type& insert(Collection& collection, Id id,
                                                    typename Collection::mapped_type value,
                                                    const Cells& cells) {
        // Rows come in id order, so the hint makes each insertion constant time.
        const std::size_t before = collection.size();
        auto it = collection.emplace_hint(collection.end(), id, std::move(value));
        if (collection.size() == before)
            cells.fail(-1, "id " + std::to_string(id) + " appears twice");
        return it->second;
    }

    void loadPeople() {
        each("person", "SELECT id, name, role, hourly_cost FROM person ORDER BY id",
             [&](const Cells& c) {
                 Person person;
                 person.id = c.id(0);
                 person.name = c.text(1);
                 person.role = c.text(2);
                 person.hourlyCost = c.optionalReal(3);
                 insert(m_project.people, person.id, std::move(person), c);
             });
    }

    void loadSystems() {
        each("system", "SELECT id, name, kind FROM system ORDER BY id", [&](const Cells& c) {
            System system;
            system.id = c.id(0);
            system.name = c.text(1);
            system.kind = c.enumeration<SystemKind>(2);
            insert(m_project.systems, system.id, std::move(system), c);
        });
    }

    // Schema 7: the catalogue entries that people and systems refer to.
    void loadCatalogueReferences() {
        each("catalogue_reference",
             "SELECT rowid, kind, id, catalogue_id FROM catalogue_reference ORDER BY kind, id",
             [&](const Cells& c) {
                 const std::string kind = c.text(1);
                 const Id id = c.id(2);
                 std::string reference(model::trim(c.textView(3)));
                 if (reference.empty())
                     c.fail(3, "the catalogue id is empty");
                 if (kind == "person") {
                     auto person = m_project.people.find(id);
                     if (person == m_project.people.end())
                         c.fail(2, "no person has id " + std::to_string(id));
                     person->second.catalogue = std::move(reference);
                 } else if (kind == "system") {
                     auto system = m_project.systems.find(id);
                     if (system == m_project.systems.end())
                         c.fail(2, "no system has id " + std::to_string(id));
                     system->second.catalogue = std::move(reference);
                 } else {
                     c.fail(1, "unknown kind '" + kind + "' (expected person or system)");
                 }
             });
    }

    void loadProjectRow() {
        int rows = 0;
        each("project",
             "SELECT id, name, description, hours_per_day, days_per_week, currency, "
             "default_hourly_rate, next_id, sponsor, process_owner, facilitator FROM project",
             [&](const Cells& c) {
                 if (++rows > 1)
                     c.fail(-1, "the project table holds more than one row");
                 ProjectProps& props = m_project.props;
                 props.name = c.text(1);
                 props.description = c.text(2);
                 props.calendar.hoursPerDay = c.real(3);
                 props.calendar.daysPerWeek = c.real(4);
                 props.currency = c.text(5);
                 props.defaultHourlyRate = c.real(6);
                 m_project.nextId = c.id(7);
                 props.team.sponsor = c.optionalId(8);
                 props.team.processOwner = c.optionalId(9);
                 props.team.facilitator = c.optionalId(10);
             });
        if (rows == 0)
            throw InputError(m_file, "table project", "the project row is missing");
    }

    // Schema 5: the working days per month, or the month of the files written before it.
    void loadDaysPerMonth() {
        model::Calendar& calendar = m_project.props.calendar;
        calendar.daysPerMonth = model::Calendar::legacyDaysPerMonth(calendar.daysPerWeek);
        each("calendar_month", "SELECT id, days_per_month FROM calendar_month",
             [&](const Cells& c) { calendar.daysPerMonth = c.real(1); });
    }

    // Schema 2, measured maps: working hours and the event mapping.
    void loadMeasureSettings() {
        each("working_hours", "SELECT id, spec FROM working_hours", [&](const Cells& c) {
            const auto hours = model::parseWorkingHours(c.text(1));
            if (!hours.ok())
                c.fail(1, hours.error());
            m_project.props.workingHours = hours.value();
        });
        each("event_state", "SELECT rowid, name, kind, step, role FROM event_state ORDER BY name",
             [&](const Cells& c) {
                 model::StateMapping state;
                 if (!model::stateKindFromName(c.text(2), state.kind))
                     c.fail(2, "not a kind of state: step, wait, done or ignore");
                 state.step = c.text(3);
                 state.role = c.text(4);
                 m_project.props.eventMapping.states[c.text(1)] = state;
             });
    }

    void loadExperts() {
        each("workshop_expert", "SELECT rowid, person_id FROM workshop_expert ORDER BY position",
             [&](const Cells& c) { m_project.props.team.experts.push_back(c.id(1)); });
    }

    void loadMaps() {
        each("map",
             "SELECT id, name, state, made_from, trigger_text, done_text, notes, "
             "demand_quantity, demand_per, available_time_per_day FROM map ORDER BY +position",
             [&](const Cells& c) {
                 Map map;
                 map.id = c.id(0);
                 MapProps& props = map.props;
                 props.name = c.text(1);
                 props.state = c.enumeration<MapState>(2);
                 props.madeFrom = c.optionalId(3);
                 props.trigger = c.text(4);
                 props.done = c.text(5);
                 props.notes = c.text(6);
                 const auto quantity = c.optionalReal(7);
                 if (quantity)
                     props.demand = Demand{*quantity, c.enumeration<DemandPeriod>(8)};
                 else if (!c.isNull(8))
                     c.fail(8, "a demand period without a demand quantity");
                 props.availableTimePerDay = c.optionalReal(9);
                 if (!m_mapIndex.emplace(map.id, m_project.maps.size()).second)
                     c.fail(-1, "map id " + std::to_string(map.id) + " appears twice");
                 m_project.maps.push_back(std::move(map));
             });
    }

    /// Schema 2: the maps' simulation settings.
    void loadMapSimulation() {
        each("map_simulation", "SELECT map_id, distribution FROM map_simulation",
             [&](const Cells& c) {
                 const auto map = m_mapIndex.find(c.id(0));
                 if (map == m_mapIndex.end())
                     c.fail(0, "map " + std::to_string(c.id(0)) + " does not exist");
                 m_project.maps[map->second].props.distribution =
                     c.enumeration<model::TimeDistribution>(1);
             });
    }

    void loadElements() {
        each("element", "SELECT id, map_id, kind, x, y FROM element", [&](const Cells& c) {
            const Id id = c.id(0);
            const auto map = m_mapIndex.find(c.id(1));
            if (map == m_mapIndex.end())
                c.fail(1, "map " + std::to_string(c.id(1)) + " does not exist");
            ElementRow row{map->second, c.text(2), Point{c.real(3), c.real(4)}, false};
            if (!m_elements.emplace(id, std::move(row)).second)
                c.fail(-1, "id " + std::to_string(id) + " appears twice");
        });
    }

    /// The element row of a placed element of `kind`; marks it as used.
    ElementRow& claimElement(const Cells& c, Id id, std::string_view kind) {
        const auto it = m_elements.find(id);
        if (it == m_elements.end())
            c.fail(0, "the " + std::string(kind) + " has no row in table element");
        if (it->second.kind != kind)
            c.fail(0, "table element calls " + std::to_string(id) + " a " + it->second.kind);
        if (it->second.claimed)
            c.fail(0, "id " + std::to_string(id) + " appears twice");
        it->second.claimed = true;
        return it->second;
    }

    Map& mapAt(const ElementRow& row) { return m_project.maps[row.mapIndex]; }

    void loadSteps() {
        each("step",
             "SELECT id, origin, name, description, role, headcount, process_time, "
             "process_time_min, process_time_max, cycle_time, lead_time, pca, batch_size, "
             "changeover, uptime, defect_rate, value, wastes FROM step ORDER BY id",
             [&](const Cells& c) {
                 Step step;
                 step.id = c.id(0);
                 const ElementRow& element = claimElement(c, step.id, "step");
                 step.pos = element.pos;
                 step.origin = c.optionalId(1);
                 step.name = c.text(2);
                 step.description = c.text(3);
                 step.role = c.text(4);
                 step.headcount = c.real(5);
                 step.processTime = c.optionalReal(6);
                 step.processTimeMin = c.optionalReal(7);
                 step.processTimeMax = c.optionalReal(8);
                 step.cycleTime = c.optionalReal(9);
                 step.leadTime = c.optionalReal(10);
                 step.pca = c.optionalReal(11);
                 step.batchSize = c.optionalReal(12);
                 step.changeover = c.optionalReal(13);
                 step.uptime = c.optionalReal(14);
                 step.defectRate = c.optionalReal(15);
                 step.value = c.enumeration<ValueClass>(16);
                 const std::int64_t wastes = c.integer(17);
                 if (wastes < 0 || wastes > kAllWasteKinds)
                     c.fail(17, "unknown waste bits in " + std::to_string(wastes));
                 step.wastes = static_cast<unsigned>(wastes);
                 const Id id = step.id;
                 m_steps.emplace(id, &insert(mapAt(element).steps, id, std::move(step), c));
             });
    }

    Step& stepOf(const Cells& c, int column) {
        const Id id = c.id(column);
        const auto it = m_steps.find(id);
        if (it == m_steps.end())
            c.fail(column, "step " + std::to_string(id) + " does not exist");
        return *it->second;
    }

    void loadStepPeople() {
        each("step_person",
             "SELECT rowid, step_id, person_id FROM step_person ORDER BY +step_id, +position",
             [&](const Cells& c) { stepOf(c, 1).people.push_back(c.id(2)); });
    }

    void loadStepSystems() {
        each("step_system",
             "SELECT rowid, step_id, system_id FROM step_system ORDER BY +step_id, +position",
             [&](const Cells& c) { stepOf(c, 1).systems.push_back(c.id(2)); });
    }

    void loadFrictions() {
        each("friction",
             "SELECT rowid, step_id, what, minutes_per_occurrence, occurrences_per_week "
             "FROM friction ORDER BY +step_id, +position",
             [&](const Cells& c) {
                 stepOf(c, 1).frictions.push_back(Friction{c.text(2), c.real(3), c.real(4)});
             });
    }

    void loadArtifacts() {
        each("artifact", "SELECT rowid, step_id, name FROM artifact ORDER BY +step_id, +position",
             [&](const Cells& c) { stepOf(c, 1).artifacts.push_back(c.text(2)); });
    }

    void loadSources() {
        each("figure_source",
             "SELECT rowid, step_id, figure, basis, source, date FROM figure_source "
             "ORDER BY +step_id, +figure",
             [&](const Cells& c) {
                 Step& step = stepOf(c, 1);
                 const Figure figure = c.enumeration<Figure>(2);
                 Source source{c.enumeration<Basis>(3), c.text(4), c.text(5)};
                 if (!step.sources.emplace(figure, std::move(source)).second)
                     c.fail(2, "the step has two sources for " + std::string(nameOf(figure)));
             });
    }

    void loadWaits() {
        each("wait", "SELECT id, origin, kind, label, time, quantity FROM wait ORDER BY id",
             [&](const Cells& c) {
                 Wait wait;
                 wait.id = c.id(0);
                 const ElementRow& element = claimElement(c, wait.id, "wait");
                 wait.pos = element.pos;
                 wait.origin = c.optionalId(1);
                 wait.kind = c.enumeration<WaitKind>(2);
                 wait.label = c.text(3);
                 wait.time = c.optionalReal(4);
                 wait.quantity = c.optionalReal(5);
                 const Id id = wait.id;
                 m_waits.emplace(id, &insert(mapAt(element).waits, id, std::move(wait), c));
             });
    }

    /// Schema 4: breakdowns of steps and ranges of waits.
    void loadStepBreakdowns() {
        each("step_breakdown", "SELECT step_id, mtbf, mttr FROM step_breakdown",
             [&](const Cells& c) {
                 stepOf(c, 0).breakdown = model::Breakdown{c.real(1), c.real(2)};
             });
    }

    /// Schema 6: the distributions an event log measured at steps.
    void loadStepMeasurements() {
        each("step_measurement", "SELECT step_id, provenance, items FROM step_measurement",
             [&](const Cells& c) {
                 const std::int64_t items = c.integer(2);
                 if (items < 0)
                     c.fail(2, "a count cannot be negative");
                 stepOf(c, 0).measurement =
                     model::StepMeasurement{{}, {}, {}, static_cast<std::size_t>(items), c.text(1)};
             });
        each("step_distribution",
             "SELECT rowid, step_id, quantity, count, min, p50, p85, p95, max, mean "
             "FROM step_distribution",
             [&](const Cells& c) {
                 Step& step = stepOf(c, 1);
                 if (!step.measurement)
                     c.fail(1, "step " + std::to_string(step.id) +
                                   " has no row in table step_measurement");
                 const std::string quantity = c.text(2);
                 model::Distribution* d =
                     quantity == "process_time"  ? &step.measurement->processTime
                     : quantity == "lead_time"   ? &step.measurement->leadTime
                     : quantity == "wait_before" ? &step.measurement->waitBefore
                                                 : nullptr;
                 if (!d)
                     c.fail(2, "unknown quantity '" + quantity +
                                   "' (expected process_time, lead_time or wait_before)");
                 const std::int64_t count = c.integer(3);
                 if (count < 0)
                     c.fail(3, "a count cannot be negative");
                 *d = model::Distribution{static_cast<std::size_t>(count),
                                          c.real(4),
                                          c.real(5),
                                          c.real(6),
                                          c.real(7),
                                          c.real(8),
                                          c.real(9)};
             });
    }

    void loadWaitRanges() {
        each("wait_range", "SELECT wait_id, time_min, time_max FROM wait_range",
             [&](const Cells& c) {
                 const auto it = m_waits.find(c.id(0));
                 if (it == m_waits.end())
                     c.fail(0, "wait " + std::to_string(c.id(0)) + " does not exist");
                 it->second->timeMin = c.optionalReal(1);
                 it->second->timeMax = c.optionalReal(2);
             });
    }

    void loadParties() {
        each("party", "SELECT id, origin, kind, name, notes FROM party ORDER BY id",
             [&](const Cells& c) {
                 Party party;
                 party.id = c.id(0);
                 const ElementRow& element = claimElement(c, party.id, "party");
                 party.pos = element.pos;
                 party.origin = c.optionalId(1);
                 party.kind = c.enumeration<PartyKind>(2);
                 party.name = c.text(3);
                 party.notes = c.text(4);
                 const Id id = party.id;
                 insert(mapAt(element).parties, id, std::move(party), c);
             });
    }

    void loadInfoBoxes() {
        each("info_box", "SELECT id, origin, name, notes FROM info_box ORDER BY id",
             [&](const Cells& c) {
                 InfoBox box;
                 box.id = c.id(0);
                 const ElementRow& element = claimElement(c, box.id, "info_box");
                 box.pos = element.pos;
                 box.origin = c.optionalId(1);
                 box.name = c.text(2);
                 box.notes = c.text(3);
                 const Id id = box.id;
                 insert(mapAt(element).infoBoxes, id, std::move(box), c);
             });
    }

    void loadNotes() {
        each("note", "SELECT id, origin, text FROM note ORDER BY id", [&](const Cells& c) {
            Note note;
            note.id = c.id(0);
            const ElementRow& element = claimElement(c, note.id, "note");
            note.pos = element.pos;
            note.origin = c.optionalId(1);
            note.text = c.text(2);
            const Id id = note.id;
            insert(mapAt(element).notes, id, std::move(note), c);
        });
    }

    void loadRedPens() {
        each("red_pen", "SELECT id, origin, reason, cost FROM red_pen ORDER BY id",
             [&](const Cells& c) {
                 RedPen pen;
                 pen.id = c.id(0);
                 const ElementRow& element = claimElement(c, pen.id, "red_pen");
                 pen.pos = element.pos;
                 pen.origin = c.optionalId(1);
                 pen.reason = c.text(2);
                 pen.cost = c.optionalReal(3);
                 const Id id = pen.id;
                 m_redPens.emplace(id, &insert(mapAt(element).redPens, id, std::move(pen), c));
             });
    }

    void loadRedPenTargets() {
        each("red_pen_target",
             "SELECT rowid, red_pen_id, target_id FROM red_pen_target "
             "ORDER BY +red_pen_id, +position",
             [&](const Cells& c) {
                 const Id pen = c.id(1);
                 const auto it = m_redPens.find(pen);
                 if (it == m_redPens.end())
                     c.fail(1, "red pen " + std::to_string(pen) + " does not exist");
                 it->second->targets.push_back(c.id(2));
             });
    }

    void loadFlows() {
        each("flow",
             "SELECT id, map_id, origin, from_id, to_id, kind, fifo_max, share, wait, label "
             "FROM flow ORDER BY id",
             [&](const Cells& c) {
                 Flow flow;
                 flow.id = c.id(0);
                 const auto map = m_mapIndex.find(c.id(1));
                 if (map == m_mapIndex.end())
                     c.fail(1, "map " + std::to_string(c.id(1)) + " does not exist");
                 if (m_elements.contains(flow.id))
                     c.fail(0, "id " + std::to_string(flow.id) + " is also an element's");
                 flow.origin = c.optionalId(2);
                 flow.from = c.id(3);
                 flow.to = c.id(4);
                 flow.kind = c.enumeration<FlowKind>(5);
                 const int fifoColumn = 6;
                 if (!c.isNull(fifoColumn)) {
                     const std::int64_t fifo = c.integer(fifoColumn);
                     if (fifo < 1 || fifo > INT_MAX)
                         c.fail(fifoColumn, std::to_string(fifo) + " is not a lane size");
                     flow.fifoMax = static_cast<int>(fifo);
                 }
                 flow.share = c.optionalReal(7);
                 flow.wait = c.optionalReal(8);
                 flow.label = c.text(9);
                 insert(m_project.maps[map->second].flows, flow.id, std::move(flow), c);
             });
    }

    // --- the workshop (schema 3): each row holds its entity as interchange JSON ---

    /// Parses the JSON of a row's data column; errors name the table, row and JSON pointer.
    /// The rows are read through one JsonTape, not a nlohmann::json document each: thousands
    /// of small documents then cost little more than their text (docs/performance.md).
    template <class F> void eachJson(std::string_view table, F&& read) {
        each(table, "SELECT id, data FROM " + std::string(table) + " ORDER BY id",
             [&](const Cells& c) {
                 const detail::JsonNode* value = nullptr;
                 try {
                     value = &m_tape.parse(c.textView(1));
                 } catch (const detail::JsonSyntaxError& error) {
                     c.fail(1, std::string("invalid JSON: ") + error.what());
                 }
                 try {
                     read(c, *value);
                 } catch (const InputError& error) {
                     if (error.file() != m_file)
                         throw;
                     throw InputError(m_file,
                                      "table " + std::string(table) + ", row " +
                                          std::to_string(c.row()) + ", column data, at " +
                                          error.place(),
                                      error.problem());
                 }
             });
    }

    template <class T> void placeWorkshop(std::map<Id, T>& collection, const Cells& c, T entity) {
        const Id row = c.id(0);
        if (entity.id == kNoId)
            entity.id = row;
        else if (entity.id != row)
            c.fail(1, "the entry's id " + std::to_string(entity.id) + " is not its row's id " +
                          std::to_string(row));
        if (m_elements.contains(row) || m_mapIndex.contains(row))
            c.fail(0, "id " + std::to_string(row) + " is also a map's or an element's");
        insert(collection, row, std::move(entity), c);
    }

    void loadWorkshop() {
        const WorkshopJsonReader reader(m_file, m_project.props.calendar);
        Workshop& w = m_project.workshop;
        eachJson("workshop",
                 [&](const Cells&, const detail::JsonNode& v) { w.props = reader.props(v, ""); });
        eachJson("idea", [&](const Cells& c, const detail::JsonNode& v) {
            placeWorkshop(w.ideas, c, reader.idea(v, ""));
        });
        eachJson("action", [&](const Cells& c, const detail::JsonNode& v) {
            placeWorkshop(w.actions, c, reader.action(v, ""));
        });
        eachJson("review", [&](const Cells& c, const detail::JsonNode& v) {
            placeWorkshop(w.reviews, c, reader.review(v, ""));
        });
        eachJson("parking_lot_item", [&](const Cells& c, const detail::JsonNode& v) {
            placeWorkshop(w.parkingLot, c, reader.parkingItem(v, ""));
        });
        eachJson("glossary_term", [&](const Cells& c, const detail::JsonNode& v) {
            placeWorkshop(w.glossary, c, reader.term(v, ""));
        });
        eachJson("lesson", [&](const Cells& c, const detail::JsonNode& v) {
            placeWorkshop(w.lessons, c, reader.lesson(v, ""));
        });
        eachJson("day_summary", [&](const Cells& c, const detail::JsonNode& v) {
            placeWorkshop(w.summaries, c, reader.summary(v, ""));
        });
    }

    Database& m_db;
    std::string m_file;
    Project m_project;
    std::unordered_map<Id, std::size_t> m_mapIndex;
    std::unordered_map<Id, ElementRow> m_elements;
    std::unordered_map<Id, Step*> m_steps;
    std::unordered_map<Id, Wait*> m_waits;
    std::unordered_map<Id, RedPen*> m_redPens;
    detail::JsonTape m_tape;
};

} // namespace

namespace {

/// Checks the structure SQLite can vouch for, on the in-memory copy: its pages and b-trees.
/// (quick_check leaves out whether indexes match their tables: the loader never reads through
/// an index.)
void checkIntegrity(Database& db, const std::string& file) {
    Statement integrity(db, "PRAGMA quick_check(3)");
    std::string problems;
    while (integrity.step()) {
        const std::string line = integrity.columnText(0);
        if (line == "ok")
            return;
        if (!problems.empty())
            problems += "; ";
        problems += line;
    }
    throw InputError(file, "", "the file is damaged (" + problems + ")");
}

void checkTables(Database& db, const std::string& file) {
    Statement lookup(db, "SELECT type, sql FROM sqlite_schema WHERE name = ?1");
    for (std::string_view table : detail::schemaTables()) {
        lookup.bindText(1, table);
        const bool found = lookup.step();
        const bool isTable = found && lookup.columnType(0) == SQLITE_TEXT &&
                             lookup.columnText(0) == "table" &&
                             lookup.columnText(1).rfind("CREATE VIRTUAL", 0) != 0;
        lookup.reset();
        if (!isTable)
            throw InputError(file, "table " + std::string(table),
                             found ? "is not a plain table; the file is not a valid Gemba project"
                                   : "is missing; the file is not a valid Gemba project");
    }
}

} // namespace

namespace {

/// True when `path` exists and holds something: changes another program has not yet written
/// into the database file itself.
bool hasContent(const fs::path& path) {
    std::error_code ec;
    return fs::exists(path, ec) && fs::file_size(path, ec) > 0 && !ec;
}

/// Copies the file into `memory`. Its bytes are read as any file's and handed to
/// sqlite3_deserialize, so that SQLite never opens the file itself: no lock, no -wal, -shm or
/// journal file beside it, whatever journal mode another tool left the file in. Only when
/// another program left changes beside it (a -wal file with frames, or a journal) is the file
/// opened read-only through SQLite, which reads those changes or says they are pending.
void copyIntoMemory(Database& memory, const fs::path& file) {
    const std::string name = file.string();
    if (hasContent(name + "-wal") || hasContent(name + "-journal")) {
        Database source(name, SQLITE_OPEN_READONLY);
        sqlite3_backup* backup = sqlite3_backup_init(memory.get(), "main", source.get(), "main");
        if (!backup)
            memory.check(sqlite3_errcode(memory.get()), "copying the file");
        sqlite3_backup_step(backup, -1);
        const int rc = sqlite3_backup_finish(backup);
        memory.check(rc, "reading the file");
        source.close();
        return;
    }
    // Read straight into the buffer SQLite will own: one read, no copy of the file's bytes.
    std::ifstream in(file, std::ios::binary | std::ios::ate);
    if (!in)
        throw InputError(name, "", "cannot read the file (permission denied?)");
    const std::streamoff length = in.tellg();
    if (length <= 0)
        throw InputError(name, "", "the file is empty (not a Gemba project)");
    const auto size = static_cast<sqlite3_int64>(length);
    auto* data = static_cast<unsigned char*>(sqlite3_malloc64(static_cast<sqlite3_uint64>(size)));
    if (!data)
        throw std::bad_alloc();
    in.seekg(0);
    in.read(reinterpret_cast<char*>(data), length);
    if (in.gcount() != length) {
        sqlite3_free(data);
        throw InputError(name, "", "cannot read the file (it changed while being read?)");
    }
    // Bytes 18 and 19 say WAL (2) or rollback journal (1). An in-memory database cannot be in
    // WAL mode; with no -wal file the file holds every change, so it reads as a legacy file.
    if (size >= 100 && data[18] == 2 && data[19] == 2)
        data[18] = data[19] = 1;
    // FREEONCLOSE: SQLite owns the buffer from here, and frees it even when this fails.
    memory.check(
        sqlite3_deserialize(memory.get(), "main", data, size, size,
                            SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE),
        "reading the file");
}

} // namespace

model::Project detail::openProjectWith(const fs::path& file, std::span<const Migration> steps,
                                       int currentVersion) {
    const std::string name = file.string();
    checkHeader(file, currentVersion);
    // A save that was killed leaves its temporary file beside the project: the one thing
    // opening removes, and only those no live save holds.
    detail::removeStaleTempFiles(file);
    try {
        // Copy the file into memory and close it at once: every check and migration then works
        // on the copy, and the file on disk is never written, not even by a migration.
        Database memory(":memory:", SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        copyIntoMemory(memory, file);
        // A file is data, never code: no schema functions with side effects, no writes to the
        // schema table, and no statement that runs for ever.
        sqlite3_db_config(memory.get(), SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
        sqlite3_db_config(memory.get(), SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
        auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
        sqlite3_progress_handler(memory.get(), 100000, progressDeadline, &deadline);

        if (memory.queryInt("PRAGMA application_id") != kApplicationId)
            throw InputError(name, "", "not a Gemba project (no Gemba application_id)");
        const auto version = memory.queryInt("PRAGMA user_version");
        if (version > currentVersion || version < 1)
            throw InputError(
                name, "", "not a Gemba project (schema version " + std::to_string(version) + ")");
        checkIntegrity(memory, name);
        memory.exec("PRAGMA foreign_keys = ON");
        if (version < currentVersion) {
            try {
                detail::migrate(memory, steps, currentVersion);
            } catch (const SqliteError&) {
                throw;
            } catch (const std::exception& error) {
                throw InputError(name, "",
                                 "cannot bring schema " + std::to_string(version) +
                                     " up to date: " + error.what());
            }
        }
        checkTables(memory, name);
        // Loading checks every value's type and that every row's parent (map, element, step,
        // red pen) exists; findViolation then checks every reference of the model (people,
        // systems, flow ends, red-pen targets, the team). Together they find all that SQLite's
        // foreign_key_check would, with the place named, in a fraction of its time.
        Project project = Loader(memory, name).load();
        if (auto violation = detail::findViolation(project))
            throw InputError(name, placeOf(*violation), violation->problem);
        return project;
    } catch (const SqliteError& error) {
        throw InputError(name, "", describeOpenFailure(error));
    } catch (const std::bad_alloc&) {
        throw InputError(name, "", "the file is too large to read");
    }
}

model::Project openProject(const fs::path& file) {
    return detail::openProjectWith(file, detail::migrations(), detail::kSchemaVersion);
}

// ---------------------------------------------------------------------------------------------
// Saving

namespace {

/// Writes a project into an empty database of the current schema, one prepared statement per
/// table, counting rows for the test fault hook.
class Writer {
public:
    Writer(Database& db, const std::string& file)
        : m_db(db)
        , m_file(file)
        , m_faultAfter(detail::g_faultAfterRows.load())
        , m_person(db, "INSERT INTO person VALUES (?1, ?2, ?3, ?4)")
        , m_system(db, "INSERT INTO system VALUES (?1, ?2, ?3)")
        , m_expert(db, "INSERT INTO workshop_expert VALUES (?1, ?2)")
        , m_map(db, "INSERT INTO map VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)")
        , m_mapSimulation(db, "INSERT INTO map_simulation VALUES (?1, ?2)")
        , m_element(db, "INSERT INTO element VALUES (?1, ?2, ?3, ?4, ?5)")
        , m_step(db, "INSERT INTO step VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
                     "?12, ?13, ?14, ?15, ?16, ?17, ?18)")
        , m_stepPerson(db, "INSERT INTO step_person VALUES (?1, ?2, ?3)")
        , m_stepSystem(db, "INSERT INTO step_system VALUES (?1, ?2, ?3)")
        , m_friction(db, "INSERT INTO friction VALUES (?1, ?2, ?3, ?4, ?5)")
        , m_artifact(db, "INSERT INTO artifact VALUES (?1, ?2, ?3)")
        , m_source(db, "INSERT INTO figure_source VALUES (?1, ?2, ?3, ?4, ?5)")
        , m_wait(db, "INSERT INTO wait VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
        , m_stepBreakdown(db, "INSERT INTO step_breakdown VALUES (?1, ?2, ?3)")
        , m_waitRange(db, "INSERT INTO wait_range VALUES (?1, ?2, ?3)")
        , m_stepMeasurement(db, "INSERT INTO step_measurement VALUES (?1, ?2, ?3)")
        , m_stepDistribution(db, "INSERT INTO step_distribution VALUES (?1, ?2, ?3, ?4, ?5, "
                                 "?6, ?7, ?8, ?9)")
        , m_party(db, "INSERT INTO party VALUES (?1, ?2, ?3, ?4, ?5)")
        , m_infoBox(db, "INSERT INTO info_box VALUES (?1, ?2, ?3, ?4)")
        , m_note(db, "INSERT INTO note VALUES (?1, ?2, ?3)")
        , m_redPen(db, "INSERT INTO red_pen VALUES (?1, ?2, ?3, ?4)")
        , m_target(db, "INSERT INTO red_pen_target VALUES (?1, ?2, ?3)")
        , m_flow(db, "INSERT INTO flow VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)") {}

    void write(const Project& project) {
        for (const auto& [id, person] : project.people) {
            m_person.bindId(1, id);
            m_person.bindText(2, person.name);
            m_person.bindText(3, person.role);
            m_person.bindOptDouble(4, person.hourlyCost);
            run(m_person);
        }
        for (const auto& [id, system] : project.systems) {
            m_system.bindId(1, id);
            m_system.bindText(2, system.name);
            m_system.bindText(3, nameOf(system.kind));
            run(m_system);
        }
        writeCatalogueReferences(project);
        writeProjectRow(project);
        writeDaysPerMonth(project.props.calendar);
        writeMeasureSettings(project.props);
        for (const Map& map : project.maps)
            writeMap(map, static_cast<std::int64_t>(&map - project.maps.data()));
        writeWorkshop(project.workshop);
    }

private:
    void run(Statement& statement) {
        if (m_faultAfter >= 0 && m_rows >= m_faultAfter)
            throw InputError(m_file, "",
                             "cannot save: simulated failure after " + std::to_string(m_rows) +
                                 " rows");
        statement.run();
        ++m_rows;
        if (m_rows % 1000 == 0)
            detail::observe("rows");
    }

    void writeWorkshop(const Workshop& w) {
        const nlohmann::json props = toJson(w.props);
        if (!props.empty()) {
            Statement row(m_db, "INSERT INTO workshop VALUES (1, ?1)");
            const std::string text = props.dump(); // bound without a copy: keep it alive
            row.bindText(1, text);
            run(row);
        }
        auto rows = [&](std::string_view table, const auto& collection) {
            if (collection.empty())
                return;
            Statement insert(m_db, "INSERT INTO " + std::string(table) + " VALUES (?1, ?2)");
            for (const auto& [id, entity] : collection) {
                insert.bindId(1, id);
                const std::string text = toJson(entity).dump();
                insert.bindText(2, text);
                run(insert);
            }
        };
        rows("idea", w.ideas);
        rows("action", w.actions);
        rows("review", w.reviews);
        rows("parking_lot_item", w.parkingLot);
        rows("glossary_term", w.glossary);
        rows("lesson", w.lessons);
        rows("day_summary", w.summaries);
    }

    // Schema 7: the catalogue entries that people and systems refer to.
    void writeCatalogueReferences(const Project& project) {
        Statement reference(m_db, "INSERT INTO catalogue_reference VALUES (?1, ?2, ?3)");
        auto write = [&](const char* kind, Id id, const std::string& catalogue) {
            if (catalogue.empty())
                return;
            reference.bindText(1, kind);
            reference.bindId(2, id);
            reference.bindText(3, catalogue);
            run(reference);
        };
        for (const auto& [id, person] : project.people)
            write("person", id, person.catalogue);
        for (const auto& [id, system] : project.systems)
            write("system", id, system.catalogue);
    }

    void writeDaysPerMonth(const model::Calendar& calendar) {
        Statement month(m_db, "INSERT INTO calendar_month VALUES (1, ?1)");
        month.bindDouble(1, calendar.daysPerMonth);
        run(month);
    }

    // Schema 2, measured maps: working hours and the event mapping.
    void writeMeasureSettings(const ProjectProps& props) {
        Statement hours(m_db, "INSERT INTO working_hours VALUES (1, ?1)");
        const std::string spec = model::formatWorkingHours(props.workingHours); // bound, kept
        hours.bindText(1, spec);
        run(hours);
        Statement state(m_db, "INSERT INTO event_state VALUES (?1, ?2, ?3, ?4)");
        for (const auto& [name, mapping] : props.eventMapping.states) {
            state.bindText(1, name);
            state.bindText(2, model::stateKindName(mapping.kind));
            state.bindText(3, mapping.step);
            state.bindText(4, mapping.role);
            run(state);
        }
    }

    void writeProjectRow(const Project& project) {
        const ProjectProps& props = project.props;
        Statement row(m_db, "INSERT INTO project VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
                            "?10)");
        row.bindText(1, props.name);
        row.bindText(2, props.description);
        row.bindDouble(3, props.calendar.hoursPerDay);
        row.bindDouble(4, props.calendar.daysPerWeek);
        row.bindText(5, props.currency);
        row.bindDouble(6, props.defaultHourlyRate);
        row.bindId(7, project.nextId);
        row.bindId(8, props.team.sponsor);
        row.bindId(9, props.team.processOwner);
        row.bindId(10, props.team.facilitator);
        run(row);
        for (std::size_t i = 0; i < props.team.experts.size(); ++i) {
            m_expert.bindInt(1, static_cast<std::int64_t>(i));
            m_expert.bindId(2, props.team.experts[i]);
            run(m_expert);
        }
    }

    void writeElement(Id id, Id map, std::string_view kind, const Point& pos) {
        m_element.bindId(1, id);
        m_element.bindId(2, map);
        m_element.bindText(3, kind);
        m_element.bindDouble(4, pos.x);
        m_element.bindDouble(5, pos.y);
        run(m_element);
    }

    template <class List> void writeList(Statement& statement, Id owner, const List& list) {
        for (std::size_t i = 0; i < list.size(); ++i) {
            statement.bindId(1, owner);
            statement.bindInt(2, static_cast<std::int64_t>(i));
            if constexpr (std::is_same_v<typename List::value_type, std::string>)
                statement.bindText(3, list[i]);
            else
                statement.bindId(3, list[i]);
            run(statement);
        }
    }

    void writeMap(const Map& map, std::int64_t position) {
        const MapProps& props = map.props;
        m_map.bindId(1, map.id);
        m_map.bindInt(2, position);
        m_map.bindText(3, props.name);
        m_map.bindText(4, nameOf(props.state));
        m_map.bindId(5, props.madeFrom);
        m_map.bindText(6, props.trigger);
        m_map.bindText(7, props.done);
        m_map.bindText(8, props.notes);
        if (props.demand) {
            m_map.bindDouble(9, props.demand->quantity);
            m_map.bindText(10, nameOf(props.demand->per));
        } else {
            m_map.bindNull(9);
            m_map.bindNull(10);
        }
        m_map.bindOptDouble(11, props.availableTimePerDay);
        run(m_map);
        if (props.distribution != model::TimeDistribution::Triangular) {
            m_mapSimulation.bindId(1, map.id);
            m_mapSimulation.bindText(2, nameOf(props.distribution));
            run(m_mapSimulation);
        }

        for (const auto& [id, step] : map.steps)
            writeStep(map.id, step);
        for (const auto& [id, wait] : map.waits) {
            writeElement(id, map.id, "wait", wait.pos);
            m_wait.bindId(1, id);
            m_wait.bindId(2, wait.origin);
            m_wait.bindText(3, nameOf(wait.kind));
            m_wait.bindText(4, wait.label);
            m_wait.bindOptDouble(5, wait.time);
            m_wait.bindOptDouble(6, wait.quantity);
            run(m_wait);
            if (wait.timeMin || wait.timeMax) {
                m_waitRange.bindId(1, id);
                m_waitRange.bindOptDouble(2, wait.timeMin);
                m_waitRange.bindOptDouble(3, wait.timeMax);
                run(m_waitRange);
            }
        }
        for (const auto& [id, party] : map.parties) {
            writeElement(id, map.id, "party", party.pos);
            m_party.bindId(1, id);
            m_party.bindId(2, party.origin);
            m_party.bindText(3, nameOf(party.kind));
            m_party.bindText(4, party.name);
            m_party.bindText(5, party.notes);
            run(m_party);
        }
        for (const auto& [id, box] : map.infoBoxes) {
            writeElement(id, map.id, "info_box", box.pos);
            m_infoBox.bindId(1, id);
            m_infoBox.bindId(2, box.origin);
            m_infoBox.bindText(3, box.name);
            m_infoBox.bindText(4, box.notes);
            run(m_infoBox);
        }
        for (const auto& [id, note] : map.notes) {
            writeElement(id, map.id, "note", note.pos);
            m_note.bindId(1, id);
            m_note.bindId(2, note.origin);
            m_note.bindText(3, note.text);
            run(m_note);
        }
        for (const auto& [id, pen] : map.redPens) {
            writeElement(id, map.id, "red_pen", pen.pos);
            m_redPen.bindId(1, id);
            m_redPen.bindId(2, pen.origin);
            m_redPen.bindText(3, pen.reason);
            m_redPen.bindOptDouble(4, pen.cost);
            run(m_redPen);
            writeList(m_target, id, pen.targets);
        }
        for (const auto& [id, flow] : map.flows) {
            m_flow.bindId(1, id);
            m_flow.bindId(2, map.id);
            m_flow.bindId(3, flow.origin);
            m_flow.bindId(4, flow.from);
            m_flow.bindId(5, flow.to);
            m_flow.bindText(6, nameOf(flow.kind));
            if (flow.fifoMax)
                m_flow.bindInt(7, *flow.fifoMax);
            else
                m_flow.bindNull(7);
            m_flow.bindOptDouble(8, flow.share);
            m_flow.bindOptDouble(9, flow.wait);
            m_flow.bindText(10, flow.label);
            run(m_flow);
        }
    }

    void writeStep(Id map, const Step& step) {
        writeElement(step.id, map, "step", step.pos);
        Statement& s = m_step;
        s.bindId(1, step.id);
        s.bindId(2, step.origin);
        s.bindText(3, step.name);
        s.bindText(4, step.description);
        s.bindText(5, step.role);
        s.bindDouble(6, step.headcount);
        s.bindOptDouble(7, step.processTime);
        s.bindOptDouble(8, step.processTimeMin);
        s.bindOptDouble(9, step.processTimeMax);
        s.bindOptDouble(10, step.cycleTime);
        s.bindOptDouble(11, step.leadTime);
        s.bindOptDouble(12, step.pca);
        s.bindOptDouble(13, step.batchSize);
        s.bindOptDouble(14, step.changeover);
        s.bindOptDouble(15, step.uptime);
        s.bindOptDouble(16, step.defectRate);
        s.bindText(17, nameOf(step.value));
        s.bindInt(18, step.wastes);
        run(s);
        if (step.breakdown) {
            m_stepBreakdown.bindId(1, step.id);
            m_stepBreakdown.bindDouble(2, step.breakdown->mtbf);
            m_stepBreakdown.bindDouble(3, step.breakdown->mttr);
            run(m_stepBreakdown);
        }
        if (step.measurement) {
            const model::StepMeasurement& m = *step.measurement;
            m_stepMeasurement.bindId(1, step.id);
            m_stepMeasurement.bindText(2, m.provenance);
            m_stepMeasurement.bindInt(3, static_cast<std::int64_t>(m.items));
            run(m_stepMeasurement);
            const std::pair<const char*, const model::Distribution*> quantities[] = {
                {"process_time", &m.processTime},
                {"lead_time", &m.leadTime},
                {"wait_before", &m.waitBefore}};
            for (const auto& [quantity, d] : quantities) {
                Statement& s = m_stepDistribution;
                s.bindId(1, step.id);
                s.bindText(2, quantity);
                s.bindInt(3, static_cast<std::int64_t>(d->count));
                s.bindDouble(4, d->min);
                s.bindDouble(5, d->p50);
                s.bindDouble(6, d->p85);
                s.bindDouble(7, d->p95);
                s.bindDouble(8, d->max);
                s.bindDouble(9, d->mean);
                run(s);
            }
        }
        writeList(m_stepPerson, step.id, step.people);
        writeList(m_stepSystem, step.id, step.systems);
        for (std::size_t i = 0; i < step.frictions.size(); ++i) {
            const Friction& friction = step.frictions[i];
            m_friction.bindId(1, step.id);
            m_friction.bindInt(2, static_cast<std::int64_t>(i));
            m_friction.bindText(3, friction.what);
            m_friction.bindDouble(4, friction.minutesPerOccurrence);
            m_friction.bindDouble(5, friction.occurrencesPerWeek);
            run(m_friction);
        }
        writeList(m_artifact, step.id, step.artifacts);
        for (const auto& [figure, source] : step.sources) {
            m_source.bindId(1, step.id);
            m_source.bindText(2, nameOf(figure));
            m_source.bindText(3, nameOf(source.basis));
            m_source.bindText(4, source.source);
            m_source.bindText(5, source.date);
            run(m_source);
        }
    }

    Database& m_db;
    const std::string& m_file;
    long m_faultAfter;
    long m_rows = 0;
    Statement m_person, m_system, m_expert, m_map, m_mapSimulation, m_element, m_step, m_stepPerson,
        m_stepSystem, m_friction, m_artifact, m_source, m_wait, m_stepBreakdown, m_waitRange,
        m_stepMeasurement, m_stepDistribution, m_party, m_infoBox, m_note, m_redPen, m_target,
        m_flow;
};

} // namespace

void saveProject(const model::Project& project, const fs::path& file) {
    const std::string name = file.string();
    // Refuse what could not be opened again, before anything touches the disk.
    if (auto violation = detail::findViolation(project))
        throw InputError(name, placeOf(*violation), "cannot save: " + violation->problem);
    detail::TempFile temp(file);
    try {
        {
            Database db(temp.path().string(), SQLITE_OPEN_READWRITE);
            // No journal and no syncs while writing: the temporary file is thrown away on any
            // failure, and it is synced once, whole, before it replaces the old file. No
            // foreign-key lookups per row either: the project passed findViolation above,
            // which checks every reference, and opening checks the keys again.
            db.exec("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; "
                    "PRAGMA locking_mode = EXCLUSIVE; PRAGMA foreign_keys = OFF; "
                    "PRAGMA application_id = " +
                    std::to_string(kApplicationId) +
                    "; PRAGMA user_version = " + std::to_string(detail::kSchemaVersion) + ";");
            db.exec("BEGIN");
            db.exec(std::string(detail::schemaSql()));
            {
                Writer writer(db, name);
                writer.write(project);
            }
            db.exec("COMMIT");
            db.close();
        }
        detail::observe("written");
        temp.sync();
        detail::observe("synced");
        temp.commit();
        detail::observe("renamed");
    } catch (const SqliteError& error) {
        throw InputError(name, "", std::string("cannot save: ") + error.what());
    } catch (const std::bad_alloc&) {
        throw InputError(name, "", "cannot save: out of memory");
    }
}

} // namespace gemba::store
