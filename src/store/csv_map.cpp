#include "gemba/store/csv_map.h"

#include "csv.h"
#include "gemba/model/names.h"
#include "gemba/model/text.h"
#include "gemba/model/units.h"
#include "gemba/store/errors.h"
#include "text_util.h"
#include "validate.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <set>

namespace gemba::store {

using namespace gemba::model;
using detail::columnLetter;
using detail::csvCell;

namespace {

// The columns of a map table, in the order of export; an import accepts any order and any
// subset beyond `type`. Cells a row's type does not use stay empty.
constexpr std::array<std::string_view, 54> kMapColumns = {
    "type",
    "ref",
    "name",
    "kind",
    "from",
    "to",
    "x",
    "y",
    "process time",
    "process time s",
    "process time min s",
    "process time max s",
    "cycle time s",
    "lead time",
    "lead time s",
    "%c&a",
    "batch size",
    "changeover s",
    "uptime",
    "defect rate",
    "mtbf s",
    "mttr s",
    "people",
    "role",
    "staff",
    "systems",
    "value",
    "wastes",
    "artifacts",
    "wait",
    "wait s",
    "wait min s",
    "wait max s",
    "quantity",
    "share",
    "fifo max",
    "label",
    "cost",
    "targets",
    "minutes",
    "per week",
    "demand",
    "demand per",
    "available time s",
    "state",
    "distribution",
    "hours per day",
    "days per week",
    "days per month",
    "hourly rate",
    "currency",
    "trigger",
    "done",
    "notes",
};

// Row types. "map" is the map's own properties; "friction" belongs to the step in `from`.
constexpr std::string_view kMapRow = "map";
constexpr std::string_view kFrictionRow = "friction";
// Where a figure of the step in `from` came from: kind the figure, label the basis, name who or
// what gave it, notes the date.
constexpr std::string_view kSourceRow = "source";
// A person the steps' `staff` name, with the role and hourly rate a new project takes.
constexpr std::string_view kPersonRow = "person";
// A system the steps' `systems` name, with its kind.
constexpr std::string_view kSystemRow = "system";

std::string refOf(std::string_view kind, Id id) {
    return std::string(kind) + "-" + std::to_string(id);
}

/// Names joined by "; ", as the step table writes systems.
std::string joined(const std::vector<std::string>& names) {
    std::string out;
    for (const std::string& name : names)
        out += (out.empty() ? "" : "; ") + name;
    return out;
}

std::vector<std::string> splitList(std::string_view text, char separator) {
    std::vector<std::string> out;
    for (std::size_t start = 0; start <= text.size();) {
        std::size_t end = text.find(separator, start);
        if (end == std::string_view::npos)
            end = text.size();
        const std::string_view item = model::trim(text.substr(start, end - start));
        if (!item.empty())
            out.emplace_back(item);
        start = end + 1;
    }
    return out;
}

/// One row of the table being written: cells by column name.
class RowWriter {
public:
    explicit RowWriter(std::string_view type) { set("type", std::string(type)); }
    void set(std::string_view column, std::string value) {
        const auto it = std::find(kMapColumns.begin(), kMapColumns.end(), column);
        m_cells[static_cast<std::size_t>(it - kMapColumns.begin())] = std::move(value);
    }
    void number(std::string_view column, const std::optional<double>& value) {
        if (value)
            set(column, detail::exactNumber(*value));
    }
    /// Exact seconds, and the readable form beside them when the table has a column for it.
    void seconds(std::string_view column, const std::optional<double>& value,
                 const Calendar& calendar, std::string_view readable = {}) {
        if (!value)
            return;
        set(column, detail::exactNumber(*value));
        if (!readable.empty())
            set(readable, formatDuration(*value, calendar));
    }
    void position(Point pos) {
        set("x", detail::exactNumber(pos.x));
        set("y", detail::exactNumber(pos.y));
    }
    std::string line() const {
        std::string out;
        for (std::size_t i = 0; i < m_cells.size(); ++i)
            out += (i == 0 ? "" : ",") + csvCell(m_cells[i]);
        return out + "\r\n";
    }

private:
    std::array<std::string, kMapColumns.size()> m_cells;
};

} // namespace

std::string exportCsvMap(const Project& project, const Map& map) {
    const Calendar& calendar = project.props.calendar;
    std::string out;
    for (std::string_view column : kMapColumns)
        out += (out.empty() ? "" : ",") + csvCell(column);
    out += "\r\n";

    RowWriter props(kMapRow);
    props.set("name", map.props.name);
    props.set("state", std::string(nameOf(map.props.state)));
    if (map.props.demand) {
        props.number("demand", map.props.demand->quantity);
        props.set("demand per", std::string(nameOf(map.props.demand->per)));
    }
    props.number("available time s", map.props.availableTimePerDay);
    props.set("distribution", std::string(nameOf(map.props.distribution)));
    props.number("hours per day", calendar.hoursPerDay);
    props.number("days per week", calendar.daysPerWeek);
    props.number("days per month", calendar.daysPerMonth);
    props.number("hourly rate", project.props.defaultHourlyRate);
    props.set("currency", project.props.currency);
    props.set("trigger", map.props.trigger);
    props.set("done", map.props.done);
    props.set("notes", map.props.notes);
    out += props.line();

    // The people the steps name, with their cost: friction cost depends on it.
    std::set<Id> staffed;
    for (const auto& [id, step] : map.steps)
        staffed.insert(step.people.begin(), step.people.end());
    for (Id id : staffed)
        if (auto it = project.people.find(id); it != project.people.end()) {
            RowWriter row(kPersonRow);
            row.set("name", it->second.name);
            row.set("role", it->second.role);
            row.number("hourly rate", it->second.hourlyCost);
            out += row.line();
        }
    // The systems, in the project's order, with their kinds.
    std::set<Id> used;
    for (const auto& [id, step] : map.steps)
        used.insert(step.systems.begin(), step.systems.end());
    for (Id id : used)
        if (auto it = project.systems.find(id); it != project.systems.end()) {
            RowWriter row(kSystemRow);
            row.set("name", it->second.name);
            row.set("kind", std::string(nameOf(it->second.kind)));
            out += row.line();
        }
    for (const auto& [id, party] : map.parties) {
        RowWriter row(nameOf(party.kind));
        row.set("ref", refOf(nameOf(party.kind), id));
        row.set("name", party.name);
        row.set("notes", party.notes);
        row.position(party.pos);
        out += row.line();
    }
    for (const auto& [id, step] : map.steps) {
        RowWriter row("step");
        row.set("ref", refOf("step", id));
        row.set("name", step.name);
        row.position(step.pos);
        row.seconds("process time s", step.processTime, calendar, "process time");
        row.seconds("process time min s", step.processTimeMin, calendar);
        row.seconds("process time max s", step.processTimeMax, calendar);
        row.seconds("cycle time s", step.cycleTime, calendar);
        row.seconds("lead time s", step.leadTime, calendar, "lead time");
        row.number("%c&a", step.pca);
        row.number("batch size", step.batchSize);
        row.seconds("changeover s", step.changeover, calendar);
        row.number("uptime", step.uptime);
        row.number("defect rate", step.defectRate);
        if (step.breakdown) {
            row.seconds("mtbf s", step.breakdown->mtbf, calendar);
            row.seconds("mttr s", step.breakdown->mttr, calendar);
        }
        row.number("people", step.headcount);
        row.set("role", step.role);
        std::vector<std::string> staff;
        for (Id person : step.people)
            if (auto it = project.people.find(person); it != project.people.end())
                staff.push_back(it->second.name);
        row.set("staff", joined(staff));
        std::vector<std::string> systems;
        for (Id system : step.systems)
            if (auto it = project.systems.find(system); it != project.systems.end())
                systems.push_back(it->second.name);
        row.set("systems", joined(systems));
        row.set("value", std::string(nameOf(step.value)));
        std::vector<std::string> wastes;
        for (const auto& [kind, name] : EnumNames<WasteKind>::table())
            if (step.wastes & static_cast<unsigned>(kind))
                wastes.emplace_back(name);
        row.set("wastes", joined(wastes));
        row.set("artifacts", joined(step.artifacts));
        row.set("notes", step.description);
        out += row.line();
        for (const Friction& friction : step.frictions) {
            RowWriter line(kFrictionRow);
            line.set("from", refOf("step", id));
            line.set("name", friction.what);
            line.number("minutes", friction.minutesPerOccurrence);
            line.number("per week", friction.occurrencesPerWeek);
            out += line.line();
        }
        for (const auto& [figure, source] : step.sources) {
            RowWriter line(kSourceRow);
            line.set("from", refOf("step", id));
            line.set("kind", std::string(nameOf(figure)));
            line.set("label", std::string(nameOf(source.basis)));
            line.set("name", source.source);
            line.set("notes", source.date);
            out += line.line();
        }
    }
    for (const auto& [id, wait] : map.waits) {
        RowWriter row("wait");
        row.set("ref", refOf("wait", id));
        row.set("kind", std::string(nameOf(wait.kind)));
        row.set("label", wait.label);
        row.position(wait.pos);
        row.seconds("wait s", wait.time, calendar, "wait");
        row.seconds("wait min s", wait.timeMin, calendar);
        row.seconds("wait max s", wait.timeMax, calendar);
        row.number("quantity", wait.quantity);
        out += row.line();
    }
    for (const auto& [id, box] : map.infoBoxes) {
        RowWriter row(nameOf(ElementKind::InfoBox));
        row.set("ref", refOf(nameOf(ElementKind::InfoBox), id));
        row.set("name", box.name);
        row.set("notes", box.notes);
        row.position(box.pos);
        out += row.line();
    }
    for (const auto& [id, note] : map.notes) {
        RowWriter row(nameOf(ElementKind::Note));
        row.set("ref", refOf("note", id));
        row.set("notes", note.text);
        row.position(note.pos);
        out += row.line();
    }
    auto refOfElement = [&map](Id id) {
        const auto kind = map.kindOf(id);
        return kind ? refOf(nameOf(*kind), id) : std::string();
    };
    for (const auto& [id, flow] : map.flows) {
        RowWriter row("flow");
        row.set("ref", refOf("flow", id));
        row.set("kind", std::string(nameOf(flow.kind)));
        row.set("from", refOfElement(flow.from));
        row.set("to", refOfElement(flow.to));
        row.number("share", flow.share);
        row.seconds("wait s", flow.wait, calendar, "wait");
        if (flow.fifoMax)
            row.set("fifo max", std::to_string(*flow.fifoMax));
        row.set("label", flow.label);
        out += row.line();
    }
    for (const auto& [id, pen] : map.redPens) {
        RowWriter row(nameOf(ElementKind::RedPen));
        row.set("ref", refOf("red_pen", id));
        std::vector<std::string> targets;
        for (Id target : pen.targets)
            targets.push_back(refOfElement(target));
        row.set("targets", joined(targets));
        row.set("notes", pen.reason);
        row.number("cost", pen.cost);
        out += row.line();
    }
    return out;
}

namespace {

/// The cells of one row by column, with the place of each for messages.
class RowCells {
public:
    RowCells(const std::string& file, const detail::CsvRow& row,
             const std::map<std::string, std::size_t, std::less<>>& columns,
             const detail::NumberStyle& style)
        : m_file(file)
        , m_row(row)
        , m_columns(columns)
        , m_style(style) {}

    std::string_view text(std::string_view column) const {
        const auto it = m_columns.find(column);
        if (it == m_columns.end() || it->second >= m_row.cells.size())
            return {};
        return model::trim(m_row.cells[it->second]);
    }
    /// As written, spaces kept: notes and descriptions.
    std::string raw(std::string_view column) const {
        const auto it = m_columns.find(column);
        if (it == m_columns.end() || it->second >= m_row.cells.size())
            return {};
        return m_row.cells[it->second];
    }
    std::optional<double> number(std::string_view column,
                                 std::optional<std::string> (*check)(double) = nullptr) const {
        const std::string_view cell = text(column);
        if (cell.empty())
            return std::nullopt;
        const auto value = parseNumber(plain(column, cell));
        if (!value)
            fail(column, "'" + std::string(cell) + "' is not a number");
        if (check)
            if (auto bad = check(*value))
                fail(column, *bad);
        return value;
    }
    /// Exact seconds when given, else the readable form beside them.
    std::optional<double> seconds(std::string_view column, const Calendar& calendar,
                                  std::string_view readable = {}) const {
        if (auto value = number(column, detail::checkDuration))
            return value;
        if (readable.empty() || text(readable).empty())
            return std::nullopt;
        const auto parsed = parseDuration(plain(readable, text(readable)), calendar, std::nullopt);
        if (!parsed.ok())
            fail(readable, parsed.error());
        return parsed.value();
    }
    template <class E> std::optional<E> name(std::string_view column) const {
        const std::string_view cell = text(column);
        if (cell.empty())
            return std::nullopt;
        const auto value = enumFromName<E>(model::toLower(cell));
        if (!value)
            fail(column, "unknown " + std::string(column) + " '" + std::string(cell) +
                             "' (expected " + allNames<E>() + ")");
        return value;
    }
    [[noreturn]] void fail(std::string_view column, const std::string& problem) const {
        std::string place = "row " + std::to_string(m_row.number);
        if (const auto it = m_columns.find(column); it != m_columns.end())
            place += ", column " + columnLetter(it->second) + " '" + std::string(column) + "'";
        throw InputError(m_file, place, problem);
    }

private:
    std::string plain(std::string_view column, std::string_view cell) const {
        detail::PlainNumbers plain = detail::plainNumbers(cell, m_style);
        if (!plain.error.empty())
            fail(column, plain.error);
        return std::move(plain.text);
    }

    const std::string& m_file;
    const detail::CsvRow& m_row;
    const std::map<std::string, std::size_t, std::less<>>& m_columns;
    detail::NumberStyle m_style;
};

/// A step's breakdowns: both times or neither, so that a half-given pair is not read as "never
/// breaks down" without a word.
std::optional<Breakdown> breakdownOf(const RowCells& cells, const Calendar& calendar) {
    const auto mtbf = cells.seconds("mtbf s", calendar);
    const auto mttr = cells.seconds("mttr s", calendar);
    if (!mtbf && !mttr)
        return std::nullopt;
    if (!mtbf)
        cells.fail("mtbf s", "a step that breaks down needs a mean time between failures beside "
                             "its mean time to repair");
    if (!mttr)
        cells.fail("mttr s", "a step that breaks down needs a mean time to repair beside its "
                             "mean time between failures");
    return Breakdown{*mtbf, *mttr};
}

/// Columns of text; the others hold numbers and durations.
bool isTextColumn(std::string_view column) {
    static constexpr std::string_view kText[] = {
        "type",       "ref",     "name",         "kind",     "from",      "to",    "role",
        "staff",      "systems", "value",        "wastes",   "artifacts", "label", "targets",
        "demand per", "state",   "distribution", "currency", "trigger",   "done",  "notes"};
    return std::find(std::begin(kText), std::end(kText), column) != std::end(kText);
}

} // namespace

bool isCsvMapTable(std::string_view text) {
    try {
        const detail::CsvTable table = detail::parseCsv(text, "");
        for (const detail::CsvRow& row : table.rows) {
            if (row.blank())
                continue;
            for (const std::string& cell : row.cells)
                if (model::toLower(model::trim(cell)) == "type")
                    return true;
            return false;
        }
    } catch (const InputError&) {
    }
    return false;
}

Id importCsvMap(Project& project, std::string_view text, const std::string& file,
                const std::string& mapName, std::vector<std::string>* warnings) {
    const detail::CsvTable table = detail::parseCsv(text, file);
    std::size_t headerIndex = 0;
    while (headerIndex < table.rows.size() && table.rows[headerIndex].blank())
        ++headerIndex;
    if (headerIndex == table.rows.size())
        throw InputError(file, "row 1", "the file is empty: it needs a header row");
    const detail::CsvRow& header = table.rows[headerIndex];
    std::map<std::string, std::size_t, std::less<>> columns;
    for (std::size_t i = 0; i < header.cells.size(); ++i) {
        const std::string name = model::toLower(model::trim(header.cells[i]));
        const std::string place =
            "row " + std::to_string(header.number) + ", column " + columnLetter(i);
        if (name.empty())
            continue;
        if (std::find(kMapColumns.begin(), kMapColumns.end(), name) == kMapColumns.end())
            throw InputError(file, place,
                             "unknown column '" + std::string(model::trim(header.cells[i])) +
                                 "' in a map table (see docs/file-format.md)");
        if (!columns.emplace(name, i).second)
            throw InputError(file, place, "column '" + name + "' appears twice");
    }
    // How the file writes numbers, from every number it holds (see csv.h).
    detail::NumberStyle style = detail::numberStyle(table.delimiter);
    for (const auto& [name, index] : columns)
        if (!isTextColumn(name))
            for (std::size_t r = headerIndex + 1; r < table.rows.size(); ++r)
                if (index < table.rows[r].cells.size())
                    detail::noteNumbers(table.rows[r].cells[index], style);

    Project result = project;
    Calendar calendar = result.props.calendar;
    Map map;
    map.id = result.allocateId();
    map.props.name = "Current state";
    std::map<std::string, Id, std::less<>> refs;
    std::map<std::string, Id> systemIds;
    for (const auto& [id, system] : result.systems)
        systemIds.emplace(model::toLower(system.name), id);
    std::map<std::string, Id> personIds;
    for (const auto& [id, person] : result.people)
        personIds.emplace(model::toLower(person.name), id);

    std::vector<std::pair<const detail::CsvRow*, std::string>> later; // flows, pens, frictions
    bool sawMapRow = false;

    // A table without flow rows is a line, as a step table is: its suppliers, steps, waits and
    // customers joined by push flows in row order, and laid out left to right when the table
    // gives no positions.
    std::vector<Id> lineOrder;
    bool positioned = false;
    auto newRef = [&](const RowCells& cells, Id id) {
        const std::string ref(cells.text("ref"));
        if (!ref.empty() && !refs.emplace(ref, id).second)
            cells.fail("ref", "ref '" + ref + "' appears twice");
    };
    auto position = [&](const RowCells& cells) {
        positioned = positioned || !cells.text("x").empty() || !cells.text("y").empty();
        return Point{cells.number("x", detail::checkFinite).value_or(0),
                     cells.number("y", detail::checkFinite).value_or(0)};
    };

    // People and systems first, wherever their rows stand: steps name them. Those the project
    // has keep the project's role, rate and kind.
    for (std::size_t r = headerIndex + 1; r < table.rows.size(); ++r) {
        const RowCells cells(file, table.rows[r], columns, style);
        if (model::toLower(cells.text("type")) != kPersonRow)
            continue;
        const std::string name(cells.text("name"));
        if (name.empty())
            cells.fail("name", "the person has no name");
        Person person;
        person.name = name;
        person.role = std::string(cells.text("role"));
        person.hourlyCost = cells.number("hourly rate", detail::checkNonNegative);
        if (personIds.contains(model::toLower(name)))
            continue;
        person.id = result.allocateId();
        personIds.emplace(model::toLower(name), person.id);
        result.people.emplace(person.id, std::move(person));
    }
    for (std::size_t r = headerIndex + 1; r < table.rows.size(); ++r) {
        const RowCells cells(file, table.rows[r], columns, style);
        if (model::toLower(cells.text("type")) != kSystemRow)
            continue;
        const std::string name(cells.text("name"));
        if (name.empty())
            cells.fail("name", "the system has no name");
        const SystemKind kind = cells.name<SystemKind>("kind").value_or(SystemKind::Other);
        if (systemIds.contains(model::toLower(name)))
            continue;
        System system{result.allocateId(), name, kind};
        systemIds.emplace(model::toLower(name), system.id);
        result.systems.emplace(system.id, std::move(system));
    }

    for (std::size_t r = headerIndex + 1; r < table.rows.size(); ++r) {
        const detail::CsvRow& row = table.rows[r];
        if (row.blank())
            continue;
        if (row.cells.size() > header.cells.size())
            throw InputError(file,
                             "row " + std::to_string(row.number) + ", column " +
                                 columnLetter(header.cells.size()),
                             "the row has more cells than the header has columns");
        const RowCells cells(file, row, columns, style);
        for (std::size_t i = 0; i < row.cells.size(); ++i)
            if (!detail::isValidUtf8(row.cells[i]))
                throw InputError(
                    file, "row " + std::to_string(row.number) + ", column " + columnLetter(i),
                    "not UTF-8 text; save the file as CSV UTF-8");
        const std::string type = model::toLower(cells.text("type"));
        if (type == kMapRow) {
            if (sawMapRow)
                cells.fail("type", "a second map row (a table holds one map)");
            sawMapRow = true;
            if (!cells.text("name").empty())
                map.props.name = std::string(cells.text("name"));
            map.props.state = cells.name<MapState>("state").value_or(MapState::Current);
            if (auto quantity = cells.number("demand", detail::checkPositive))
                map.props.demand = Demand{
                    *quantity, cells.name<DemandPeriod>("demand per").value_or(DemandPeriod::Day)};
            map.props.availableTimePerDay = cells.number("available time s", detail::checkPositive);
            map.props.distribution =
                cells.name<TimeDistribution>("distribution").value_or(TimeDistribution::Triangular);
            map.props.trigger = cells.raw("trigger");
            map.props.done = cells.raw("done");
            map.props.notes = cells.raw("notes");
            Calendar given = calendar;
            if (auto hours = cells.number("hours per day", detail::checkPositive)) {
                if (*hours > 24)
                    cells.fail("hours per day", "a working day has at most 24 hours");
                given.hoursPerDay = *hours;
            }
            if (auto days = cells.number("days per week", detail::checkPositive)) {
                if (*days > 7)
                    cells.fail("days per week", "a working week has at most 7 days");
                given.daysPerWeek = *days;
                // A table that gives its week but not its month was written when a month was
                // 52/12 weeks: it keeps that month. One that gives neither takes the project's.
                given.daysPerMonth = Calendar::legacyDaysPerMonth(given.daysPerWeek);
            }
            if (auto days = cells.number("days per month", detail::checkPositive)) {
                if (*days > 31)
                    cells.fail("days per month", "a working month has at most 31 days");
                given.daysPerMonth = *days;
            }
            if (result.maps.empty()) {
                calendar = given;
                if (auto rate = cells.number("hourly rate", detail::checkNonNegative))
                    result.props.defaultHourlyRate = *rate;
                if (!cells.text("currency").empty())
                    result.props.currency = std::string(cells.text("currency"));
            } else if (!(given == calendar) && warnings)
                warnings->push_back(file + ": row " + std::to_string(row.number) +
                                    ": the table's working calendar (" +
                                    formatNumber(given.hoursPerDay) + " h a day, " +
                                    formatNumber(given.daysPerWeek) + " days a week, " +
                                    formatNumber(given.daysPerMonth) +
                                    " days a month) differs from the project's; the project's "
                                    "is kept, so durations in days and weeks may differ");
        } else if (type == "supplier" || type == "customer") {
            Party party;
            party.id = result.allocateId();
            party.kind = type == "supplier" ? PartyKind::Supplier : PartyKind::Customer;
            party.name = std::string(cells.text("name"));
            party.notes = cells.raw("notes");
            party.pos = position(cells);
            newRef(cells, party.id);
            lineOrder.push_back(party.id);
            map.parties.emplace(party.id, std::move(party));
        } else if (type == "step") {
            Step step;
            step.id = result.allocateId();
            step.name = std::string(cells.text("name"));
            if (step.name.empty())
                cells.fail("name", "the step has no name");
            step.pos = position(cells);
            step.processTime = cells.seconds("process time s", calendar, "process time");
            step.processTimeMin = cells.seconds("process time min s", calendar);
            step.processTimeMax = cells.seconds("process time max s", calendar);
            step.cycleTime = cells.seconds("cycle time s", calendar);
            step.leadTime = cells.seconds("lead time s", calendar, "lead time");
            step.pca = cells.number("%c&a", detail::checkPercent);
            step.batchSize = cells.number("batch size", detail::checkPositive);
            step.changeover = cells.seconds("changeover s", calendar);
            step.uptime = cells.number("uptime", detail::checkPercent);
            step.defectRate = cells.number("defect rate", detail::checkPercent);
            step.breakdown = breakdownOf(cells, calendar);
            step.headcount = cells.number("people", detail::checkPositive).value_or(1);
            step.role = std::string(cells.text("role"));
            for (const std::string& name : splitList(cells.text("staff"), ';')) {
                auto it = personIds.find(model::toLower(name));
                if (it == personIds.end()) {
                    Person person;
                    person.id = result.allocateId();
                    person.name = name;
                    it = personIds.emplace(model::toLower(name), person.id).first;
                    result.people.emplace(person.id, std::move(person));
                }
                step.people.push_back(it->second);
            }
            for (const std::string& name : splitList(cells.text("systems"), ';')) {
                auto it = systemIds.find(model::toLower(name));
                if (it == systemIds.end()) {
                    System system{result.allocateId(), name, SystemKind::Other};
                    it = systemIds.emplace(model::toLower(name), system.id).first;
                    result.systems.emplace(system.id, std::move(system));
                }
                step.systems.push_back(it->second);
            }
            step.value = cells.name<ValueClass>("value").value_or(ValueClass::ValueAdding);
            for (const std::string& name : splitList(cells.text("wastes"), ';')) {
                const auto kind = enumFromName<WasteKind>(model::toLower(name));
                if (!kind)
                    cells.fail("wastes", "unknown waste '" + name + "' (expected " +
                                             allNames<WasteKind>() + ")");
                step.wastes |= static_cast<unsigned>(*kind);
            }
            step.artifacts = splitList(cells.text("artifacts"), ';');
            step.description = cells.raw("notes");
            newRef(cells, step.id);
            lineOrder.push_back(step.id);
            map.steps.emplace(step.id, std::move(step));
        } else if (type == "wait") {
            Wait wait;
            wait.id = result.allocateId();
            wait.kind = cells.name<WaitKind>("kind").value_or(WaitKind::Time);
            wait.label = std::string(cells.text("label"));
            wait.pos = position(cells);
            wait.time = cells.seconds("wait s", calendar, "wait");
            wait.timeMin = cells.seconds("wait min s", calendar);
            wait.timeMax = cells.seconds("wait max s", calendar);
            wait.quantity = cells.number("quantity", detail::checkNonNegative);
            newRef(cells, wait.id);
            lineOrder.push_back(wait.id);
            map.waits.emplace(wait.id, std::move(wait));
        } else if (type == nameOf(ElementKind::InfoBox)) {
            InfoBox box;
            box.id = result.allocateId();
            box.name = std::string(cells.text("name"));
            box.notes = cells.raw("notes");
            box.pos = position(cells);
            newRef(cells, box.id);
            map.infoBoxes.emplace(box.id, std::move(box));
        } else if (type == nameOf(ElementKind::Note)) {
            Note note;
            note.id = result.allocateId();
            note.text = cells.raw("notes");
            note.pos = position(cells);
            newRef(cells, note.id);
            map.notes.emplace(note.id, std::move(note));
        } else if (type == kPersonRow || type == kSystemRow) {
            // read above
        } else if (type == "flow" || type == nameOf(ElementKind::RedPen) || type == kFrictionRow ||
                   type == kSourceRow) {
            later.emplace_back(&row, type); // once every element it refers to is known
        } else {
            cells.fail("type", "unknown type '" + std::string(cells.text("type")) +
                                   "' (expected map, supplier, customer, step, wait, flow, "
                                   "info_box, note, red_pen, friction, source, person or system)");
        }
    }

    auto element = [&](const RowCells& cells, std::string_view column) {
        const std::string_view ref = cells.text(column);
        const auto it = refs.find(ref);
        if (it == refs.end())
            cells.fail(column, ref.empty() ? std::string("no element given")
                                           : "no element has ref '" + std::string(ref) + "'");
        return it->second;
    };
    for (const auto& [row, type] : later) {
        const RowCells cells(file, *row, columns, style);
        if (type == "flow") {
            Flow flow;
            flow.id = result.allocateId();
            flow.kind = cells.name<FlowKind>("kind").value_or(FlowKind::Push);
            flow.from = element(cells, "from");
            flow.to = element(cells, "to");
            flow.share = cells.number("share", detail::checkShare);
            flow.wait = cells.seconds("wait s", calendar, "wait");
            if (auto most = cells.number("fifo max", detail::checkPositive)) {
                if (*most != std::floor(*most) || *most > 1e9)
                    cells.fail("fifo max", "a FIFO lane holds a whole number of items");
                flow.fifoMax = static_cast<int>(*most);
            }
            flow.label = std::string(cells.text("label"));
            if (!cells.text("ref").empty())
                newRef(cells, flow.id);
            map.flows.emplace(flow.id, std::move(flow));
        } else if (type == kFrictionRow) {
            const Id stepId = element(cells, "from");
            auto it = map.steps.find(stepId);
            if (it == map.steps.end())
                cells.fail("from", "a friction belongs to a step");
            Friction friction;
            friction.what = std::string(cells.text("name"));
            friction.minutesPerOccurrence =
                cells.number("minutes", detail::checkNonNegative).value_or(0);
            friction.occurrencesPerWeek =
                cells.number("per week", detail::checkNonNegative).value_or(0);
            it->second.frictions.push_back(std::move(friction));
        } else if (type == kSourceRow) {
            auto it = map.steps.find(element(cells, "from"));
            if (it == map.steps.end())
                cells.fail("from", "a source belongs to a step");
            const auto figure = cells.name<Figure>("kind");
            if (!figure)
                cells.fail("kind", "no figure given (expected " + allNames<Figure>() + ")");
            Source source;
            source.basis = cells.name<Basis>("label").value_or(Basis::Unknown);
            source.source = std::string(cells.text("name"));
            source.date = std::string(cells.text("notes"));
            it->second.sources[*figure] = std::move(source);
        }
    }
    const bool hasFlows = std::any_of(later.begin(), later.end(),
                                      [](const auto& entry) { return entry.second == "flow"; });
    if (!hasFlows) {
        constexpr double kSpacing = 240; // as a step table's import lays steps out
        for (std::size_t i = 0; i < lineOrder.size(); ++i) {
            if (!positioned) {
                if (auto step = map.steps.find(lineOrder[i]); step != map.steps.end())
                    step->second.pos = {kSpacing * double(i), 0};
                else if (auto wait = map.waits.find(lineOrder[i]); wait != map.waits.end())
                    wait->second.pos = {kSpacing * double(i), 0};
                else
                    map.parties.at(lineOrder[i]).pos = {kSpacing * double(i), 0};
            }
            if (i == 0)
                continue;
            Flow flow;
            flow.id = result.allocateId();
            flow.from = lineOrder[i - 1];
            flow.to = lineOrder[i];
            flow.kind = FlowKind::Push;
            map.flows.emplace(flow.id, flow);
        }
    }
    // Red pens last: they may mark flows.
    for (const auto& [row, type] : later) {
        if (type != nameOf(ElementKind::RedPen))
            continue;
        const RowCells cells(file, *row, columns, style);
        RedPen pen;
        pen.id = result.allocateId();
        for (const std::string& ref : splitList(cells.text("targets"), ';')) {
            const auto it = refs.find(ref);
            if (it == refs.end())
                cells.fail("targets", "no element has ref '" + ref + "'");
            pen.targets.push_back(it->second);
        }
        pen.reason = cells.raw("notes");
        pen.cost = cells.number("cost", detail::checkNonNegative);
        map.redPens.emplace(pen.id, std::move(pen));
    }

    if (!mapName.empty())
        map.props.name = mapName;
    if (result.findMapByName(map.props.name))
        throw InputError(file, "map row",
                         "the project already has a map named \"" + map.props.name + "\"");
    const Id id = map.id;
    result.props.calendar = calendar;
    result.maps.push_back(std::move(map));
    if (auto violation = detail::findViolation(result))
        throw InputError(file, "map", violation->field + ": " + violation->problem);
    project = std::move(result);
    return id;
}

} // namespace gemba::store
