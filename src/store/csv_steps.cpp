#include "gemba/store/csv_steps.h"

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
#include <set>

namespace gemba::store {

using namespace gemba::model;
using detail::columnLetter;
using detail::csvCell;

namespace {

enum class Column {
    Name,
    ProcessTime,
    LeadTime,
    WaitBefore,
    InventoryBefore,
    Pca,
    People,
    Role,
    Systems,
    Value,
    Notes,
    CycleTime,
    Changeover,
    BatchSize,
    Uptime,
    DefectRate,
};

struct ColumnName {
    Column column;
    std::string_view name;
    bool duration;
};

// The order of export; import accepts any order.
constexpr std::array kColumns = {
    ColumnName{Column::Name, "name", false},
    ColumnName{Column::ProcessTime, "process time", true},
    ColumnName{Column::LeadTime, "lead time", true},
    ColumnName{Column::WaitBefore, "wait before", true},
    ColumnName{Column::InventoryBefore, "inventory before", false},
    ColumnName{Column::Pca, "%c&a", false},
    ColumnName{Column::People, "people", false},
    ColumnName{Column::Role, "role", false},
    ColumnName{Column::Systems, "systems", false},
    ColumnName{Column::Value, "value", false},
    ColumnName{Column::Notes, "notes", false},
    ColumnName{Column::CycleTime, "cycle time", true},
    ColumnName{Column::Changeover, "changeover", true},
    ColumnName{Column::BatchSize, "batch size", false},
    ColumnName{Column::Uptime, "uptime", false},
    ColumnName{Column::DefectRate, "defect rate", false},
};

/// Other names spreadsheets give the columns, after normalise(): the short forms of the
/// value stream mapping books and the words of office teams.
constexpr std::pair<std::string_view, Column> kAliases[] = {
    {"step", Column::Name},
    {"step name", Column::Name},
    {"activity", Column::Name},
    {"pt", Column::ProcessTime},
    {"p/t", Column::ProcessTime},
    {"lt", Column::LeadTime},
    {"l/t", Column::LeadTime},
    {"ct", Column::CycleTime},
    {"c/t", Column::CycleTime},
    {"wait", Column::WaitBefore},
    {"waiting", Column::WaitBefore},
    {"wait time", Column::WaitBefore},
    {"queue", Column::WaitBefore},
    {"queue time", Column::WaitBefore},
    {"inventory", Column::InventoryBefore},
    {"wip", Column::InventoryBefore},
    {"pca", Column::Pca},
    {"%ca", Column::Pca},
    {"% c&a", Column::Pca},
    {"c&a", Column::Pca},
    {"%c&a", Column::Pca},
    {"%c & a", Column::Pca},
    {"% c & a", Column::Pca},
    {"percent complete and accurate", Column::Pca},
    {"complete and accurate", Column::Pca},
    {"headcount", Column::People},
    {"operators", Column::People},
    {"team", Column::Role},
    {"description", Column::Notes},
    {"c/o", Column::Changeover},
    {"changeover time", Column::Changeover},
    {"batch", Column::BatchSize},
};

bool isPercentColumn(Column column) {
    return column == Column::Pca || column == Column::Uptime || column == Column::DefectRate;
}

/// Columns whose cells are numbers or durations (the others hold text).
bool isNumericColumn(Column column) {
    switch (column) {
    case Column::Name:
    case Column::Role:
    case Column::Systems:
    case Column::Value:
    case Column::Notes:
        return false;
    default:
        return true;
    }
}

std::string allColumnNames() {
    std::string out;
    for (const ColumnName& c : kColumns)
        out += (out.empty() ? "" : ", ") + std::string(c.name);
    return out;
}

/// Lower case, trimmed, inner runs of spaces made one: "  Process   Time " -> "process time".
std::string normalise(std::string_view text) {
    std::string out;
    bool space = false;
    for (char c : model::trim(text)) {
        if (c == ' ' || c == '\t') {
            space = true;
            continue;
        }
        if (space && !out.empty())
            out += ' ';
        space = false;
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

/// A column of the file: what it holds and the unit its header gives durations.
struct HeaderColumn {
    std::optional<Column> column; ///< empty: an unnamed column that must stay empty
    std::string header;           ///< as written, trimmed, for messages
    std::optional<TimeUnit> unit;
    bool fraction = false; ///< a percentage column written 0-1: "%C&A (fraction)"
};

/// Where an import is: file, row, column. Every problem becomes an InputError naming them.
class CellPlace {
public:
    CellPlace(const std::string& file, std::size_t row, std::size_t index,
              const std::string& header)
        : m_file(file)
        , m_row(row)
        , m_index(index)
        , m_header(header) {}
    [[noreturn]] void fail(const std::string& problem) const {
        std::string place = "row " + std::to_string(m_row) + ", column " + columnLetter(m_index);
        if (!m_header.empty())
            place += " '" + m_header + "'";
        throw InputError(m_file, place, problem);
    }

private:
    const std::string& m_file;
    std::size_t m_row;
    std::size_t m_index;
    const std::string& m_header;
};

std::vector<HeaderColumn> readHeader(const detail::CsvRow& row, const std::string& file) {
    std::vector<HeaderColumn> columns;
    for (std::size_t i = 0; i < row.cells.size(); ++i) {
        HeaderColumn column;
        column.header = std::string(model::trim(row.cells[i]));
        const CellPlace place(file, row.number, i, column.header);
        if (!detail::isValidUtf8(column.header))
            place.fail("not UTF-8 text; save the file as CSV UTF-8");
        std::string name = normalise(column.header);
        if (name.empty()) {
            columns.push_back(std::move(column));
            continue;
        }
        // "process time (min)" or "Process time [min]": the unit of the column's bare numbers.
        std::string unitText;
        if (name.back() == ')' || name.back() == ']') {
            const char opening = name.back() == ')' ? '(' : '[';
            const auto open = name.rfind(opening);
            if (open == std::string::npos)
                place.fail(std::string("a '") + name.back() + "' without '" + opening +
                           "' in the column name");
            unitText = std::string(model::trim(name.substr(open + 1, name.size() - open - 2)));
            name = std::string(model::trim(name.substr(0, open)));
        }
        const ColumnName* known = nullptr;
        for (const ColumnName& c : kColumns)
            if (c.name == name)
                known = &c;
        for (const auto& [alias, aliased] : kAliases)
            if (!known && alias == name)
                for (const ColumnName& c : kColumns)
                    if (c.column == aliased)
                        known = &c;
        if (!known)
            place.fail("unknown column '" + column.header + "' (expected " + allColumnNames() +
                       ")");
        if (!unitText.empty() && isPercentColumn(known->column)) {
            if (unitText == "fraction" || unitText == "0-1")
                column.fraction = true;
            else if (unitText != "%")
                place.fail("a percentage column takes (%) or (fraction), not '" + unitText + "'");
        } else if (!unitText.empty()) {
            if (!known->duration)
                place.fail("only time columns take a unit in brackets");
            if (unitText == "m")
                place.fail("unit 'm' is ambiguous; write min for minutes or mo for months");
            column.unit = timeUnitFromText(unitText);
            if (!column.unit)
                place.fail("unknown time unit '" + unitText + "' (use s, min, h, d, wk or mo)");
        }
        for (std::size_t j = 0; j < columns.size(); ++j)
            if (columns[j].column == known->column)
                place.fail("column '" + std::string(known->name) + "' appears twice (also column " +
                           columnLetter(j) + ")");
        column.column = known->column;
        columns.push_back(std::move(column));
    }
    bool hasName = false;
    for (const HeaderColumn& column : columns)
        hasName = hasName || column.column == Column::Name;
    if (!hasName)
        throw InputError(file, "row " + std::to_string(row.number),
                         "no 'name' column (the header row names the columns: " + allColumnNames() +
                             ")");
    return columns;
}

/// The cells of one row, read with the column's rules.
struct RowValues {
    std::size_t row = 0;
    Step step;
    std::vector<std::string> systems;
    std::optional<double> waitBefore;
    std::optional<double> inventoryBefore;
    bool pcaWithSign = false; ///< written "95 %": a percentage for sure
};

class RowReader {
public:
    RowReader(const std::string& file, const Calendar& calendar, const detail::NumberStyle& style)
        : m_file(file)
        , m_calendar(calendar)
        , m_style(style) {}

    RowValues read(const detail::CsvRow& row, const std::vector<HeaderColumn>& columns) const {
        if (row.cells.size() > columns.size()) {
            const std::string none;
            CellPlace(m_file, row.number, columns.size(), none)
                .fail("the row has " + std::to_string(row.cells.size()) +
                      " cells, more than the header's " + std::to_string(columns.size()) +
                      " columns");
        }
        RowValues values;
        values.row = row.number;
        Step& step = values.step;
        for (std::size_t i = 0; i < row.cells.size(); ++i) {
            const HeaderColumn& column = columns[i];
            const CellPlace place(m_file, row.number, i, column.header);
            const std::string_view cell = model::trim(row.cells[i]);
            if (!detail::isValidUtf8(cell))
                place.fail("not UTF-8 text; save the file as CSV UTF-8");
            if (!column.column) {
                if (!cell.empty())
                    place.fail("the cell has a value but its column has no name");
                continue;
            }
            if (*column.column == Column::Name) {
                step.name = std::string(cell);
                if (step.name.empty())
                    place.fail("the step has no name");
                continue;
            }
            if (cell.empty())
                continue; // not given
            switch (*column.column) {
            case Column::Name:
                break;
            case Column::ProcessTime:
                step.processTime = duration(cell, column, place);
                break;
            case Column::LeadTime:
                step.leadTime = duration(cell, column, place);
                break;
            case Column::WaitBefore:
                values.waitBefore = duration(cell, column, place);
                break;
            case Column::CycleTime:
                step.cycleTime = duration(cell, column, place);
                break;
            case Column::Changeover:
                step.changeover = duration(cell, column, place);
                break;
            case Column::InventoryBefore:
                values.inventoryBefore =
                    number(cell, place, detail::checkNonNegative, "a number of items");
                break;
            case Column::Pca:
                step.pca = percent(cell, column, place);
                values.pcaWithSign = cell.back() == '%';
                break;
            case Column::Uptime:
                step.uptime = percent(cell, column, place);
                break;
            case Column::DefectRate:
                step.defectRate = percent(cell, column, place);
                break;
            case Column::People:
                step.headcount = number(cell, place, detail::checkPositive, "a number of people");
                break;
            case Column::BatchSize:
                step.batchSize = number(cell, place, detail::checkPositive, "a batch size");
                break;
            case Column::Role:
                step.role = std::string(cell);
                break;
            case Column::Notes:
                step.description = std::string(row.cells[i]); // kept as written
                break;
            case Column::Systems:
                for (std::size_t start = 0; start <= cell.size();) {
                    std::size_t end = cell.find(';', start);
                    if (end == std::string_view::npos)
                        end = cell.size();
                    const std::string_view name = model::trim(cell.substr(start, end - start));
                    if (!name.empty())
                        values.systems.emplace_back(name);
                    start = end + 1;
                }
                break;
            case Column::Value:
                step.value = valueClass(cell, place);
                break;
            }
        }
        if (step.name.empty()) {
            std::size_t nameIndex = 0;
            while (columns[nameIndex].column != Column::Name)
                ++nameIndex;
            CellPlace(m_file, row.number, nameIndex, columns[nameIndex].header)
                .fail("the step has no name");
        }
        return values;
    }

private:
    /// The cell with its numbers written plainly, as the file's convention meant them.
    std::string plain(std::string_view cell, const CellPlace& place) const {
        detail::PlainNumbers plain = detail::plainNumbers(cell, m_style);
        if (!plain.error.empty())
            place.fail(plain.error);
        return std::move(plain.text);
    }
    double duration(std::string_view cell, const HeaderColumn& column,
                    const CellPlace& place) const {
        const auto parsed = parseDuration(plain(cell, place), m_calendar, column.unit);
        if (!parsed.ok())
            place.fail(parsed.error());
        return parsed.value();
    }
    double number(std::string_view cell, const CellPlace& place,
                  std::optional<std::string> (*check)(double), const char* what) const {
        const auto value = parseNumber(plain(cell, place));
        if (!value)
            place.fail("'" + std::string(cell) + "' is not " + what);
        if (auto bad = check(*value))
            place.fail(*bad);
        return *value;
    }
    double percent(std::string_view cell, const HeaderColumn& column,
                   const CellPlace& place) const {
        std::string_view digits = cell;
        if (!digits.empty() && digits.back() == '%')
            digits = model::trim(digits.substr(0, digits.size() - 1));
        auto value = parseNumber(plain(digits, place));
        if (!value)
            place.fail("'" + std::string(cell) + "' is not a percentage");
        if (column.fraction && digits.size() == cell.size()) {
            if (*value < 0 || *value > 1)
                place.fail("'" + std::string(cell) +
                           "' is not a fraction from 0 to 1, as the column header says");
            *value *= 100;
        }
        if (auto bad = detail::checkPercent(*value))
            place.fail(*bad);
        return *value;
    }
    static ValueClass valueClass(std::string_view cell, const CellPlace& place) {
        std::string key;
        for (char c : normalise(cell))
            key += (c == '-' || c == '_') ? ' ' : c;
        key = normalise(key);
        if (key == "va" || key == "value adding")
            return ValueClass::ValueAdding;
        if (key == "nva" || key == "nnva" || key == "necessary non value adding")
            return ValueClass::NecessaryNonValueAdding;
        if (key == "waste")
            return ValueClass::Waste;
        place.fail("unknown value class '" + std::string(cell) +
                   "' (expected VA, NVA or waste, or value adding, necessary non-value adding)");
    }

    const std::string& m_file;
    const Calendar& m_calendar;
    detail::NumberStyle m_style;
};

/// "column E '%C&A'", for warnings.
std::string columnPlace(const std::vector<HeaderColumn>& columns, Column wanted) {
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (columns[i].column == wanted)
            return "column " + columnLetter(i) + " '" + columns[i].header + "'";
    return {};
}

/// What was read as written but is probably not what the table meant.
void warnAboutMeaning(const std::string& file, const std::vector<HeaderColumn>& columns,
                      const std::vector<RowValues>& rows, const CsvImportOptions& options,
                      std::vector<std::string>& warnings) {
    // %C&A written as fractions: 0.95 read as 0.95 %, where 95 % was surely meant.
    bool fractionColumn = false;
    for (const HeaderColumn& column : columns)
        fractionColumn = fractionColumn || (column.column == Column::Pca && column.fraction);
    std::size_t given = 0;
    bool allUpToOne = true;
    bool someAboveZero = false;
    for (const RowValues& row : rows) {
        if (!row.step.pca)
            continue;
        ++given;
        allUpToOne = allUpToOne && *row.step.pca <= 1 && !row.pcaWithSign;
        someAboveZero = someAboveZero || *row.step.pca > 0;
    }
    if (!fractionColumn && given > 0 && allUpToOne && someAboveZero)
        warnings.push_back(file + ": " + columnPlace(columns, Column::Pca) +
                           ": every value is between 0 and 1, so they read as percentages "
                           "below 1 % (0.95 is 0.95 %); if they are fractions, write them as "
                           "percentages (95) or name the column '%C&A (fraction)'");
    // An inventory needs demand to become time; without it, it stays a count.
    if (!options.demandPerDay)
        for (const RowValues& row : rows)
            if (row.inventoryBefore && *row.inventoryBefore > 0) {
                warnings.push_back(
                    file + ": row " + std::to_string(row.row) + ", " +
                    columnPlace(columns, Column::InventoryBefore) + ": an inventory of " +
                    formatNumber(*row.inventoryBefore) +
                    " items, and the map has no customer demand to turn it into time: it stays a "
                    "count, left out of the lead time; give --demand-per-day N (items per "
                    "working day), or set the map's demand");
                break; // one warning names the fix for all
            }
}

} // namespace

Id importCsvSteps(Project& project, std::string_view text, const std::string& file,
                  const CsvImportOptions& options, std::vector<std::string>* warnings) {
    // Everything is read and built aside; the project changes only once nothing can fail.
    Calendar calendar = project.props.calendar;
    if (options.hoursPerDay) {
        if (!std::isfinite(*options.hoursPerDay) || *options.hoursPerDay <= 0 ||
            *options.hoursPerDay > 24)
            throw InputError(file, "options", "hours per day must be above 0 and at most 24");
        calendar.hoursPerDay = *options.hoursPerDay;
    }
    if (options.demandPerDay && detail::checkPositive(*options.demandPerDay))
        throw InputError(file, "options", "the demand per day must be a number above 0");
    if (!detail::isValidUtf8(options.mapName))
        throw InputError(file, "options", "the map name is not UTF-8 text");

    const detail::CsvTable table = detail::parseCsv(text, file);
    std::size_t headerIndex = 0;
    while (headerIndex < table.rows.size() && table.rows[headerIndex].blank())
        ++headerIndex;
    if (headerIndex == table.rows.size())
        throw InputError(file, "row 1",
                         "the file is empty: it needs a header row and a row per "
                         "step");
    const detail::CsvRow& headerRow = table.rows[headerIndex];
    const std::vector<HeaderColumn> columns = readHeader(headerRow, file);
    // How the file writes numbers, from every number it holds: a "2.5" anywhere makes a
    // "2.500" in a semicolon file ambiguous.
    detail::NumberStyle style = detail::numberStyle(table.delimiter);
    for (std::size_t i = headerIndex + 1; i < table.rows.size(); ++i)
        for (std::size_t c = 0; c < table.rows[i].cells.size() && c < columns.size(); ++c)
            if (columns[c].column && isNumericColumn(*columns[c].column))
                detail::noteNumbers(table.rows[i].cells[c], style);
    const RowReader reader(file, calendar, style);
    std::vector<RowValues> rows;
    for (std::size_t i = headerIndex + 1; i < table.rows.size(); ++i)
        if (!table.rows[i].blank()) // blank rows, as spreadsheets leave at the end, are skipped
            rows.push_back(reader.read(table.rows[i], columns));
    if (rows.empty())
        throw InputError(file, "row " + std::to_string(headerRow.number + 1),
                         "no steps: the table has a header row but no row below it");
    if (warnings)
        warnAboutMeaning(file, columns, rows, options, *warnings);

    Id nextId = project.nextId;
    auto allocate = [&] { return nextId++; };

    Map map;
    map.id = allocate();
    map.props.name = options.mapName;
    map.props.state = MapState::Current;
    if (options.demandPerDay)
        map.props.demand = Demand{*options.demandPerDay, DemandPeriod::Day};

    // Systems by name, case-insensitively: the project's first (lowest id), then new ones.
    std::map<std::string, Id> systemIds;
    for (const auto& [id, system] : project.systems)
        systemIds.emplace(model::toLower(system.name), id);
    std::vector<System> newSystems;

    // Layout: steps 240 units apart on one line, waits evenly between them.
    constexpr double kStepSpacing = 240;
    const bool firstHasWaits = rows.front().waitBefore || rows.front().inventoryBefore;
    double x = firstHasWaits ? kStepSpacing : 0;
    Id previous = kNoId;
    auto join = [&](Id from, Id to) {
        if (from == kNoId)
            return;
        Flow flow;
        flow.id = allocate();
        flow.from = from;
        flow.to = to;
        flow.kind = FlowKind::Push;
        map.flows.emplace(flow.id, flow);
    };
    for (RowValues& row : rows) {
        std::vector<Wait> waits;
        if (row.inventoryBefore) {
            Wait wait;
            wait.kind = WaitKind::Inventory;
            wait.quantity = row.inventoryBefore;
            waits.push_back(wait);
        }
        if (row.waitBefore) {
            Wait wait;
            wait.kind = WaitKind::Time;
            wait.time = row.waitBefore;
            waits.push_back(wait);
        }
        for (std::size_t i = 0; i < waits.size(); ++i) {
            Wait& wait = waits[i];
            wait.id = allocate();
            const double gap = kStepSpacing / double(waits.size() + 1);
            wait.pos = {x - kStepSpacing + gap * double(i + 1), 0};
            join(previous, wait.id);
            previous = wait.id;
            map.waits.emplace(wait.id, wait);
        }
        Step& step = row.step;
        step.id = allocate();
        step.pos = {x, 0};
        for (const std::string& name : row.systems) {
            const std::string key = model::toLower(name);
            auto it = systemIds.find(key);
            if (it == systemIds.end()) {
                System system{allocate(), name, SystemKind::Other};
                newSystems.push_back(system);
                it = systemIds.emplace(key, system.id).first;
            }
            if (std::find(step.systems.begin(), step.systems.end(), it->second) ==
                step.systems.end())
                step.systems.push_back(it->second);
        }
        join(previous, step.id);
        previous = step.id;
        map.steps.emplace(step.id, std::move(step));
        x += kStepSpacing;
    }

    // Nothing below throws (short of memory): the project changes all at once.
    const Id mapId = map.id;
    project.props.calendar = calendar;
    for (System& system : newSystems)
        project.systems.emplace(system.id, std::move(system));
    project.maps.push_back(std::move(map));
    project.nextId = nextId;
    return mapId;
}

// ---------------------------------------------------------------------------------------------
// Export

namespace {

/// Seconds in the largest unit (week, day, hour, minute) that holds at least 1 and represents
/// the value exactly with at most three decimals, so that importing the text gives the same
/// double; else seconds, with as many digits as it takes.
std::string exactDuration(double seconds, const Calendar& calendar) {
    if (seconds == 0)
        return "0 s";
    for (TimeUnit unit : {TimeUnit::Week, TimeUnit::Day, TimeUnit::Hour, TimeUnit::Minute}) {
        const double per = secondsPer(unit, calendar);
        const double quantity = seconds / per;
        if (quantity < 1)
            continue;
        const std::string text = formatNumber(std::round(quantity * 1000) / 1000, 3);
        const auto back = parseNumber(text);
        if (back && *back * per == seconds)
            return text + " " + std::string(symbolOf(unit));
    }
    return detail::exactNumber(seconds) + " s";
}

std::string_view shortValueName(ValueClass value) {
    switch (value) {
    case ValueClass::ValueAdding:
        return "VA";
    case ValueClass::NecessaryNonValueAdding:
        return "NVA";
    case ValueClass::Waste:
        return "waste";
    }
    return "";
}

} // namespace

std::string exportCsvSteps(const Project& project, const Map& map, std::span<const Id> order) {
    const Calendar& calendar = project.props.calendar;
    std::string out;
    for (const ColumnName& column : kColumns)
        out += (out.empty() ? "" : ",") + csvCell(column.name);
    out += "\r\n";

    auto optionalDuration = [&](const std::optional<double>& value) {
        return value ? exactDuration(*value, calendar) : std::string();
    };
    auto optionalNumber = [](const std::optional<double>& value) {
        return value ? detail::exactNumber(*value) : std::string();
    };
    for (Id id : order) {
        const Step* step = map.findStep(id);
        if (!step)
            continue; // the order may hold waits and parties too
        // The waits in front of the step: a chain of single waits feeding it, as an import
        // builds them (inventory, then time). Several of a kind add up.
        std::optional<double> waitBefore;
        std::optional<double> inventoryBefore;
        std::set<Id> seen;
        Id current = step->id;
        for (;;) {
            Id feeding = kNoId;
            int count = 0;
            for (const auto& [flowId, flow] : map.flows)
                if (flow.to == current && map.waits.contains(flow.from)) {
                    feeding = flow.from;
                    ++count;
                }
            if (count != 1 || !seen.insert(feeding).second)
                break;
            const Wait& wait = map.waits.at(feeding);
            if (wait.kind == WaitKind::Time && wait.time)
                waitBefore = waitBefore.value_or(0) + *wait.time;
            if (wait.kind == WaitKind::Inventory && wait.quantity)
                inventoryBefore = inventoryBefore.value_or(0) + *wait.quantity;
            current = feeding;
        }
        std::string systems;
        for (Id system : step->systems)
            if (auto it = project.systems.find(system); it != project.systems.end())
                systems += (systems.empty() ? "" : "; ") + it->second.name;

        const std::string cells[] = {
            step->name,
            optionalDuration(step->processTime),
            optionalDuration(step->leadTime),
            optionalDuration(waitBefore),
            optionalNumber(inventoryBefore),
            optionalNumber(step->pca),
            detail::exactNumber(step->headcount),
            step->role,
            systems,
            std::string(shortValueName(step->value)),
            step->description,
            optionalDuration(step->cycleTime),
            optionalDuration(step->changeover),
            optionalNumber(step->batchSize),
            optionalNumber(step->uptime),
            optionalNumber(step->defectRate),
        };
        static_assert(std::size(cells) == kColumns.size());
        std::string line;
        for (std::size_t i = 0; i < std::size(cells); ++i)
            line += (i == 0 ? "" : ",") + csvCell(cells[i]);
        out += line + "\r\n";
    }
    return out;
}

} // namespace gemba::store
