// Event CSV and status-history CSV: streamed record by record, so that a log of any size needs
// memory for its events only.

#include "csv.h"
#include "events_detail.h"
#include "gemba/model/text.h"
#include "gemba/store/errors.h"
#include "gemba/store/events.h"
#include "text_util.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <fstream>
#include <istream>
#include <map>

namespace gemba::store {

namespace detail {

CsvStream::CsvStream(std::istream& in, std::string file)
    : m_in(in)
    , m_file(std::move(file)) {
    m_buffer.resize(1 << 20);
}

bool CsvStream::fill() {
    if (m_eof)
        return false;
    m_in.read(m_buffer.data(), static_cast<std::streamsize>(m_buffer.size()));
    m_size = static_cast<std::size_t>(m_in.gcount());
    m_pos = 0;
    if (m_size == 0) {
        m_eof = true;
        return false;
    }
    if (m_first) {
        m_first = false;
        if (m_size >= 3 && std::string_view(m_buffer.data(), 3) == "\xEF\xBB\xBF")
            m_pos = 3;
        m_delimiter = detectDelimiter(std::string_view(m_buffer.data() + m_pos, m_size - m_pos));
    }
    return true;
}

bool CsvStream::next(std::vector<std::string>& cells) {
    // Cells are filled in place, so that their strings keep their capacity from row to row.
    std::size_t count = 0;
    auto cellAt = [&](std::size_t k) -> std::string& {
        if (k >= cells.size())
            cells.emplace_back();
        return cells[k];
    };
    std::string* cell = &cellAt(0);
    cell->clear();
    auto nextCell = [&] {
        ++count;
        cell = &cellAt(count);
        cell->clear();
    };
    auto finishRow = [&] {
        cells.resize(count + 1);
        ++m_row;
    };
    bool quoted = false;    // inside quotes
    bool wasQuoted = false; // the cell began with a quote
    bool any = false;
    const std::size_t row = m_row + 1;
    auto place = [&] { return "row " + std::to_string(row) + ", column " + columnLetter(count); };
    while (true) {
        if (m_pos >= m_size && !fill()) {
            if (quoted)
                throw InputError(m_file, place(), "a quote is never closed");
            if (!any) {
                cells.clear();
                return false;
            }
            finishRow();
            return true;
        }
        if (!quoted && !wasQuoted) {
            // The common case: plain text up to the next delimiter or line end.
            const char* begin = m_buffer.data() + m_pos;
            const char* end = m_buffer.data() + m_size;
            const char* p = begin;
            while (p < end && *p != m_delimiter && *p != '\n' && *p != '\r' && *p != '"')
                ++p;
            if (p > begin) {
                any = true;
                cell->append(begin, p);
                m_pos += static_cast<std::size_t>(p - begin);
                continue;
            }
        }
        const char c = m_buffer[m_pos++];
        any = true;
        if (quoted) {
            if (c == '"') {
                if (m_pos >= m_size)
                    fill();
                if (m_pos < m_size && m_buffer[m_pos] == '"') {
                    *cell += '"';
                    ++m_pos;
                } else {
                    quoted = false;
                }
            } else {
                *cell += c;
            }
            continue;
        }
        if (c == '"' && cell->empty() && !wasQuoted) {
            quoted = wasQuoted = true;
        } else if (c == m_delimiter) {
            nextCell();
            wasQuoted = false;
        } else if (c == '\n' || c == '\r') {
            if (c == '\r') {
                if (m_pos >= m_size)
                    fill();
                if (m_pos < m_size && m_buffer[m_pos] == '\n')
                    ++m_pos;
            }
            finishRow();
            return true;
        } else if (wasQuoted) {
            throw InputError(m_file, place(), "text after a closing quote");
        } else {
            *cell += c;
        }
    }
}

} // namespace detail

namespace {

using detail::columnLetter;

bool allDigits(std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int toInt(std::string_view s) {
    int v = 0;
    std::from_chars(s.data(), s.data() + s.size(), v);
    return v;
}

/// "14:05", "14:05:30", "14:05:30.250": seconds after midnight, or -1.
int parseTimeOfDay(std::string_view t) {
    if (t.size() < 5 || t[2] != ':' || !allDigits(t.substr(0, 2)) || !allDigits(t.substr(3, 2)))
        return -1;
    int h = toInt(t.substr(0, 2));
    int m = toInt(t.substr(3, 2));
    int s = 0;
    std::string_view rest = t.substr(5);
    if (!rest.empty() && rest[0] == ':') {
        if (rest.size() < 3 || !allDigits(rest.substr(1, 2)))
            return -1;
        s = toInt(rest.substr(1, 2));
        rest = rest.substr(3);
        if (!rest.empty() && (rest[0] == '.' || rest[0] == ',')) {
            if (rest.size() < 2 || !allDigits(rest.substr(1)))
                return -1;
            rest = {}; // fractions of a second are dropped
        }
    }
    if (!rest.empty() || h > 24 || m > 59 || s > 60 || (h == 24 && (m || s)))
        return -1;
    return h * 3600 + m * 60 + std::min(s, 59);
}

/// "Z", "+01:00", "+0100", "+01", "-05:30": minutes east of UTC, or nothing.
std::optional<int> parseZone(std::string_view z) {
    if (z == "Z" || z == "z")
        return 0;
    if (z.size() < 3 || (z[0] != '+' && z[0] != '-'))
        return std::nullopt;
    const int sign = z[0] == '-' ? -1 : 1;
    std::string_view digits = z.substr(1);
    std::string compact;
    for (char c : digits)
        if (c != ':')
            compact += c;
    if ((compact.size() != 2 && compact.size() != 4) || !allDigits(compact))
        return std::nullopt;
    const int h = toInt(std::string_view(compact).substr(0, 2));
    const int m = compact.size() == 4 ? toInt(std::string_view(compact).substr(2, 2)) : 0;
    if (h > 14 || m > 59)
        return std::nullopt;
    return sign * (h * 60 + m);
}

} // namespace

model::Parsed<std::int64_t> parseTimestamp(std::string_view text, DateOrder order,
                                           int defaultUtcOffsetMinutes) {
    text = model::trim(text);
    auto bad = [&](const std::string& why) {
        return model::Parsed<std::int64_t>{"'" + std::string(text) + "' " + why};
    };
    if (text.empty())
        return {std::string("no timestamp")};
    std::optional<model::DayNumber> day;
    std::string_view rest;
    if (text.size() >= 10 && text[4] == '-' && text[7] == '-') {
        day = model::parseIsoDate(text.substr(0, 10));
        if (!day)
            return bad("is not a valid date (year-month-day)");
        rest = text.substr(10);
    } else if (text.size() >= 10 && (text[2] == '/' || text[2] == '.') && text[5] == text[2]) {
        if (order == DateOrder::Unstated)
            return bad("needs the date order stated (day first or month first)");
        const std::string_view a = text.substr(0, 2), b = text.substr(3, 2), y = text.substr(6, 4);
        if (!allDigits(a) || !allDigits(b) || !allDigits(y))
            return bad("is not a date like 04/03/2026");
        const int dd = toInt(order == DateOrder::DayFirst ? a : b);
        const int mm = toInt(order == DateOrder::DayFirst ? b : a);
        char iso[48];
        std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", toInt(y), mm, dd);
        day = model::parseIsoDate(iso);
        if (!day)
            return bad(order == DateOrder::DayFirst ? "is not a valid date (day/month/year)"
                                                    : "is not a valid date (month/day/year)");
        rest = text.substr(10);
    } else {
        return bad("is not a timestamp like 2026-03-04T14:05:00Z or 04/03/2026 14:05");
    }
    std::int64_t seconds = 0;
    int offset = defaultUtcOffsetMinutes;
    if (!rest.empty()) {
        if (rest[0] != 'T' && rest[0] != 't' && rest[0] != ' ')
            return bad("has text after the date that is not a time");
        rest = model::trim(rest.substr(1));
        // The zone begins at 'Z', or at a sign after the time's first five characters.
        std::size_t zoneAt = rest.find_first_of("Zz+", 5);
        const std::size_t minus = rest.find('-', 5);
        zoneAt = std::min(zoneAt, minus);
        std::string_view clock = model::trim(rest.substr(0, zoneAt));
        if (zoneAt != std::string_view::npos) {
            const auto zone = parseZone(model::trim(rest.substr(zoneAt)));
            if (!zone)
                return bad("has a zone that is not Z or like +01:00");
            offset = *zone;
        }
        const int tod = parseTimeOfDay(clock);
        if (tod < 0)
            return bad("has a time that is not like 14:05 or 14:05:30");
        seconds = tod;
    }
    return {static_cast<std::int64_t>(*day) * 86400 + seconds - std::int64_t{offset} * 60};
}

std::optional<EventFormat> eventFormatFromName(std::string_view name) {
    const std::string key = model::toLower(model::trim(name));
    if (key == "csv")
        return EventFormat::Csv;
    if (key == "status")
        return EventFormat::StatusHistory;
    if (key == "xes")
        return EventFormat::Xes;
    return std::nullopt;
}

namespace {

/// Each role of EventColumns with its name, in the order eventColumnsText writes them.
constexpr std::pair<std::string_view, std::string EventColumns::*> kColumnRoles[] = {
    {"item", &EventColumns::item},
    {"activity", &EventColumns::activity},
    {"timestamp", &EventColumns::timestamp},
    {"end", &EventColumns::end},
    {"lifecycle", &EventColumns::lifecycle},
    {"from", &EventColumns::from},
    {"to", &EventColumns::to},
    {"resource", &EventColumns::resource},
    {"role", &EventColumns::role},
    {"type", &EventColumns::type},
};

} // namespace

model::Parsed<EventColumns> parseEventColumns(std::string_view text) {
    EventColumns columns;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t comma = std::min(text.find(',', start), text.size());
        const std::string_view pair = model::trim(text.substr(start, comma - start));
        start = comma + 1;
        if (pair.empty())
            continue;
        const std::size_t eq = pair.find('=');
        const std::string role =
            model::toLower(model::trim(pair.substr(0, std::min(eq, pair.size()))));
        const auto known = std::find_if(std::begin(kColumnRoles), std::end(kColumnRoles),
                                        [&](const auto& r) { return r.first == role; });
        const std::string header = eq == std::string_view::npos
                                       ? std::string()
                                       : std::string(model::trim(pair.substr(eq + 1)));
        if (known == std::end(kColumnRoles) || header.empty())
            return {"'" + std::string(pair) +
                    "' is not ROLE=HEADER (roles: item, activity, timestamp, end, lifecycle, "
                    "from, to, resource, role, type)"};
        columns.*(known->second) = header;
    }
    return {columns};
}

std::string eventColumnsText(const EventColumns& columns) {
    std::string text;
    for (const auto& [role, member] : kColumnRoles)
        if (!(columns.*member).empty())
            text += (text.empty() ? "" : ", ") + std::string(role) + "=" + columns.*member;
    return text;
}

std::string_view eventFormatName(EventFormat format) {
    switch (format) {
    case EventFormat::StatusHistory:
        return "status";
    case EventFormat::Xes:
        return "xes";
    case EventFormat::Csv:
        break;
    }
    return "csv";
}

EventFormat eventFormatOfFile(const std::filesystem::path& file) {
    return model::toLower(file.extension().string()) == ".xes" ? EventFormat::Xes
                                                               : EventFormat::Csv;
}

namespace {

/// Where each wanted column is in the header, or npos.
struct ColumnIndex {
    std::size_t at = std::string::npos;
    std::string name; // as the header writes it
};

ColumnIndex findColumn(const std::vector<std::string>& header, const std::string& given,
                       std::initializer_list<std::string_view> defaults, const std::string& file,
                       std::string_view what, bool required) {
    auto lookup = [&](std::string_view name) -> ColumnIndex {
        const std::string key = model::toLower(model::trim(name));
        for (std::size_t i = 0; i < header.size(); ++i)
            if (model::toLower(model::trim(header[i])) == key)
                return {i, header[i]};
        return {};
    };
    if (!given.empty()) {
        ColumnIndex found = lookup(given);
        if (found.at == std::string::npos)
            throw InputError(file, "row 1",
                             "no column '" + given + "' for the " + std::string(what));
        return found;
    }
    for (std::string_view name : defaults)
        if (ColumnIndex found = lookup(name); found.at != std::string::npos)
            return found;
    if (required) {
        std::string names;
        for (std::string_view name : defaults)
            names += (names.empty() ? "'" : ", '") + std::string(name) + "'";
        throw InputError(file, "row 1",
                         "no column for the " + std::string(what) + " (looked for " + names +
                             "; name it with the column mapping)");
    }
    return {};
}

class RowReader {
public:
    RowReader(const std::vector<std::string>& cells, std::size_t row, const std::string& file)
        : m_cells(cells)
        , m_row(row)
        , m_file(file) {}

    std::string_view cell(const ColumnIndex& column) const {
        if (column.at == std::string::npos || column.at >= m_cells.size())
            return {};
        return model::trim(m_cells[column.at]);
    }
    [[noreturn]] void fail(const ColumnIndex& column, const std::string& problem) const {
        throw InputError(m_file,
                         "row " + std::to_string(m_row) + ", column '" + column.name + "' (" +
                             columnLetter(column.at) + ")",
                         problem);
    }
    std::string_view required(const ColumnIndex& column) const {
        const std::string_view text = cell(column);
        if (text.empty())
            fail(column, "is empty");
        return text;
    }
    std::string_view text(const ColumnIndex& column) const {
        const std::string_view value = cell(column);
        if (!detail::isValidUtf8(value))
            fail(column, "is not UTF-8 text");
        return value;
    }
    std::int64_t time(const ColumnIndex& column, const EventReadOptions& options) const {
        const auto parsed =
            parseTimestamp(required(column), options.dateOrder, options.defaultUtcOffsetMinutes);
        if (!parsed.ok())
            fail(column, parsed.error());
        return parsed.value();
    }
    std::uint32_t row() const { return static_cast<std::uint32_t>(m_row); }

private:
    const std::vector<std::string>& m_cells;
    std::size_t m_row;
    const std::string& m_file;
};

} // namespace

model::EventLog readEventCsv(std::istream& in, const std::string& file,
                             const EventReadOptions& options) {
    detail::CsvStream csv(in, file);
    std::vector<std::string> header;
    if (!csv.next(header))
        throw InputError(file, "", "the file is empty: no header row");
    const EventColumns& c = options.columns;
    const ColumnIndex item = findColumn(
        header, c.item,
        {"case", "case id", "case:concept:name", "item", "item id", "issue", "key", "ticket", "id"},
        file, "item", true);
    const ColumnIndex activity =
        findColumn(header, c.activity, {"activity", "concept:name", "status", "state", "event"},
                   file, "activity", true);
    const ColumnIndex start = findColumn(
        header, c.timestamp,
        {"timestamp", "time:timestamp", "start", "start timestamp", "started", "time", "date"},
        file, "timestamp", true);
    const ColumnIndex end = findColumn(
        header, c.end, {"end", "end timestamp", "complete timestamp", "completed", "finished"},
        file, "end", false);
    const ColumnIndex lifecycle =
        findColumn(header, c.lifecycle, {"lifecycle", "lifecycle:transition", "transition"}, file,
                   "lifecycle", false);
    const ColumnIndex resource =
        findColumn(header, c.resource, {"resource", "org:resource", "person", "assignee", "user"},
                   file, "resource", false);
    const ColumnIndex role =
        findColumn(header, c.role, {"role", "org:role", "team", "org:group"}, file, "role", false);
    const ColumnIndex type =
        findColumn(header, c.type, {"type", "item type", "issue type", "issuetype", "case:type"},
                   file, "item type", false);

    model::EventLogBuilder builder(file);
    // Starts waiting for their complete, per (item, activity), oldest first.
    std::map<std::pair<std::uint32_t, std::uint32_t>, std::vector<model::LogEvent>> openStarts;
    std::vector<std::string> cells;
    while (csv.next(cells)) {
        if (std::all_of(cells.begin(), cells.end(),
                        [](const std::string& s) { return model::trim(s).empty(); }))
            continue;
        const RowReader row(cells, csv.row(), file);
        model::LogEvent event;
        event.row = row.row();
        row.required(item);
        row.required(activity);
        event.item = builder.item(row.text(item), row.text(type));
        event.activity = builder.activity(row.text(activity));
        event.resource = builder.resource(row.text(resource));
        event.role = builder.role(row.text(role));
        event.start = row.time(start, options);
        const std::string transition = model::toLower(row.cell(lifecycle));
        if (!row.cell(end).empty()) {
            event.end = row.time(end, options);
            if (event.end < event.start)
                row.fail(end, "ends (" + model::isoTimestamp(event.end) + ") before it starts (" +
                                  model::isoTimestamp(event.start) + ")");
        } else if (transition == "start") {
            event.end = event.start;
            event.open = true;
            openStarts[{event.item, event.activity}].push_back(event);
            continue;
        } else if (transition == "complete") {
            auto& starts = openStarts[{event.item, event.activity}];
            if (!starts.empty()) {
                // The oldest start that is not after this complete.
                auto it = std::min_element(
                    starts.begin(), starts.end(),
                    [](const auto& a, const auto& b) { return a.start < b.start; });
                if (it->start > event.start)
                    row.fail(start, "completes before its activity started (" +
                                        model::isoTimestamp(it->start) + ")");
                event.end = event.start;
                event.start = it->start;
                starts.erase(it);
            } else {
                event.end = event.start; // a complete alone is an instant
            }
        } else if (!transition.empty() && lifecycle.at != std::string::npos) {
            continue; // other transitions (schedule, assign...) carry no duration
        } else {
            event.end = event.start;
            event.endFromNext = true;
        }
        builder.add(event);
    }
    for (auto& [key, starts] : openStarts)
        for (const model::LogEvent& event : starts)
            builder.add(event); // started, never completed: still in progress
    return builder.finish();
}

model::EventLog readStatusHistoryCsv(std::istream& in, const std::string& file,
                                     const EventReadOptions& options) {
    detail::CsvStream csv(in, file);
    std::vector<std::string> header;
    if (!csv.next(header))
        throw InputError(file, "", "the file is empty: no header row");
    const EventColumns& c = options.columns;
    const ColumnIndex item =
        findColumn(header, c.item, {"item", "key", "issue key", "issue", "case", "id", "ticket"},
                   file, "item", true);
    const ColumnIndex from =
        findColumn(header, c.from, {"from", "from status", "fromstring", "old status", "old value"},
                   file, "status left", false);
    const ColumnIndex to = findColumn(
        header, c.to, {"to", "to status", "tostring", "new status", "new value", "status"}, file,
        "status entered", true);
    const ColumnIndex at = findColumn(
        header, c.timestamp, {"changed at", "changed", "created", "timestamp", "date", "time"},
        file, "time of the change", true);
    const ColumnIndex resource =
        findColumn(header, c.resource, {"author", "changed by", "resource", "person", "assignee"},
                   file, "resource", false);
    const ColumnIndex type = findColumn(
        header, c.type, {"type", "item type", "issue type", "issuetype"}, file, "item type", false);
    (void)from; // the status left is the previous row's status entered; read for the mapping
    model::EventLogBuilder builder(file);
    std::vector<std::string> cells;
    while (csv.next(cells)) {
        if (std::all_of(cells.begin(), cells.end(),
                        [](const std::string& s) { return model::trim(s).empty(); }))
            continue;
        const RowReader row(cells, csv.row(), file);
        model::LogEvent event;
        event.row = row.row();
        row.required(item);
        row.required(to);
        event.item = builder.item(row.text(item), row.text(type));
        event.activity = builder.activity(row.text(to));
        event.resource = builder.resource(row.text(resource));
        event.start = event.end = row.time(at, options);
        event.endFromNext = true;
        builder.add(event);
    }
    model::EventLog log = builder.finish();
    // The status an item is in now has no end: it is open (in progress or finished).
    for (std::size_t i = 0; i < log.events.size(); ++i) {
        const bool lastOfItem =
            i + 1 == log.events.size() || log.events[i + 1].item != log.events[i].item;
        if (lastOfItem && log.events[i].end == log.events[i].start)
            log.events[i].open = true;
    }
    return log;
}

model::EventLog readEventLogFile(const std::filesystem::path& file, EventFormat format,
                                 const EventReadOptions& options) {
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw InputError(file.string(), "", "cannot be opened for reading");
    switch (format) {
    case EventFormat::Csv:
        return readEventCsv(in, file.string(), options);
    case EventFormat::StatusHistory:
        return readStatusHistoryCsv(in, file.string(), options);
    case EventFormat::Xes:
        return readXes(in, file.string(), options);
    }
    return readEventCsv(in, file.string(), options);
}

} // namespace gemba::store
