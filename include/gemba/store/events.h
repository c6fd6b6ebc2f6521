#pragma once

#include "gemba/model/calendar.h"
#include "gemba/model/event_log.h"
#include "gemba/model/units.h"

#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

/// Event logs as work systems export them: event CSV (one row per event), status histories
/// (one row per status change, as issue trackers export them) and XES (IEEE 1849). Every
/// reader streams its input, so a log of any size needs memory only for its events. A bad row
/// throws InputError naming the row and column (or the XES line), and nothing is returned:
/// a log is read whole or not at all.
namespace gemba::store {

enum class EventFormat { Csv, StatusHistory, Xes };

/// The order of day and month in dates written with slashes or dots ("04/03/2026").
enum class DateOrder { Unstated, DayFirst, MonthFirst };

/// Column names of a CSV log; an empty name takes the first header among the defaults
/// (docs/file-format.md lists them).
struct EventColumns {
    std::string item;
    std::string activity;  ///< event CSV: the activity or status
    std::string timestamp; ///< event CSV: start (or only) time; status history: changed at
    std::string end;       ///< event CSV: end time (optional column)
    std::string lifecycle; ///< event CSV: start/complete (optional column)
    std::string from;      ///< status history: the status left
    std::string to;        ///< status history: the status entered
    std::string resource;
    std::string role;
    std::string type;
    bool operator==(const EventColumns&) const = default;
};

/// Columns written as people name them: "item=Key, activity=Status, timestamp=When" (roles
/// item, activity, timestamp, end, lifecycle, from, to, resource, role, type; an empty text
/// keeps every default), or a message naming the pair that is wrong.
model::Parsed<EventColumns> parseEventColumns(std::string_view text);
/// The columns given, in the form parseEventColumns reads; empty when every one is a default.
std::string eventColumnsText(const EventColumns& columns);

struct EventReadOptions {
    EventColumns columns;
    DateOrder dateOrder = DateOrder::Unstated;
    /// Minutes east of UTC for timestamps written without a zone.
    int defaultUtcOffsetMinutes = 0;
};

/// A timestamp in one of the forms Gemba reads: ISO 8601 ("2026-03-04T14:05:00+01:00",
/// "2026-03-04 14:05", "2026-03-04T14:05:00.250Z", "2026-03-04") and the spreadsheet forms
/// "04/03/2026 14:05" and "04.03.2026 14:05:30" (day or month first, as stated). Seconds since
/// 1970 UTC, or a message saying what is wrong.
model::Parsed<std::int64_t> parseTimestamp(std::string_view text, DateOrder order,
                                           int defaultUtcOffsetMinutes);

/// "csv", "status" or "xes"; nothing for another word.
std::optional<EventFormat> eventFormatFromName(std::string_view name);
/// "csv", "status" or "xes": the name eventFormatFromName reads.
std::string_view eventFormatName(EventFormat format);
/// The format a file's name suggests: .xes (and .xes.gz is refused elsewhere) is XES, every
/// other name event CSV.
EventFormat eventFormatOfFile(const std::filesystem::path& file);

model::EventLog readEventCsv(std::istream& in, const std::string& file,
                             const EventReadOptions& options);
model::EventLog readStatusHistoryCsv(std::istream& in, const std::string& file,
                                     const EventReadOptions& options);
model::EventLog readXes(std::istream& in, const std::string& file, const EventReadOptions& options);
/// Opens the file and reads it in the given format. Throws InputError.
model::EventLog readEventLogFile(const std::filesystem::path& file, EventFormat format,
                                 const EventReadOptions& options);

} // namespace gemba::store
