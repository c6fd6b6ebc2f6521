#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

/// An event log as read from a work system (issue tracker, ticketing, ERP, pipeline), and the
/// mapping that says what each of its activities or statuses means on a map.
namespace gemba::model {

/// One activity or status of one item: from `start` to `end` (seconds since 1970 UTC).
/// An open event (the item is still in that status) has end == start and `open` set.
struct LogEvent {
    std::uint32_t item = 0;     ///< index into EventLog::items
    std::uint32_t activity = 0; ///< index into EventLog::activities
    std::uint32_t resource = 0; ///< index into EventLog::resources (0: none)
    std::uint32_t role = 0;     ///< index into EventLog::roles (0: none)
    std::int64_t start = 0;
    std::int64_t end = 0;
    std::uint32_t row = 0; ///< where it was read: a CSV row or an XES event's line
    bool open = false;
    /// Read without an end: it lasts until the item's next event starts (set when the log is
    /// finished; the item's last such event is an instant).
    bool endFromNext = false;
};

/// Names are kept once each; events refer to them by index. Index 0 of resources, roles and
/// types is the empty name ("not given").
struct EventLog {
    std::string file; ///< where it was read from, for provenance and messages
    std::vector<std::string> items;
    std::vector<std::uint32_t> itemTypes; ///< per item: index into types
    std::vector<std::string> activities;
    std::vector<std::string> resources{""};
    std::vector<std::string> roles{""};
    std::vector<std::string> types{""};
    std::vector<LogEvent> events;
    std::size_t duplicatesDropped = 0; ///< events that repeated another exactly
};

/// Builds an EventLog, keeping each name once.
class EventLogBuilder {
public:
    explicit EventLogBuilder(std::string file);
    std::uint32_t item(std::string_view name, std::string_view type = {});
    std::uint32_t activity(std::string_view name);
    std::uint32_t resource(std::string_view name);
    std::uint32_t role(std::string_view name);
    void add(const LogEvent& event) { m_log.events.push_back(event); }
    /// Sorts the events by item, start and end, drops exact duplicates (counted), and gives
    /// each event read without an end the start of the item's next later event as its end.
    EventLog finish();

private:
    static std::uint32_t intern(std::unordered_map<std::string, std::uint32_t>& index,
                                std::vector<std::string>& names, std::string_view name);
    EventLog m_log;
    std::unordered_map<std::string, std::uint32_t> m_items, m_activities, m_resources, m_roles,
        m_types;
};

/// What an activity or status stands for on a map.
enum class StateKind {
    Step,   ///< work at a step (several names may be one step)
    Wait,   ///< a queue: "Ready for review", "Awaiting approval"
    Done,   ///< the item is finished when it enters this state
    Ignore, ///< left out: neither work nor waiting
};

struct StateMapping {
    StateKind kind = StateKind::Step;
    std::string step; ///< for Step: the step's name; empty means the activity's own name
    std::string role; ///< for Step: the role doing it; empty: the events' most common role
    bool operator==(const StateMapping&) const = default;
};

/// Activity or status name -> what it stands for. Names are matched exactly.
struct EventMapping {
    std::map<std::string, StateMapping> states;
    bool operator==(const EventMapping&) const = default;
};

/// A mapping for names that have none: names that read like a queue ("Ready for ...",
/// "Awaiting ...", "Waiting ...", "... queue", "Backlog", "To do") are waits, names that read
/// like an end ("Done", "Closed", "Resolved", "Released", "Cancelled") are done, every other
/// name is a step of its own.
StateMapping guessStateMapping(std::string_view name);

std::string_view stateKindName(StateKind kind);
bool stateKindFromName(std::string_view name, StateKind& kind);

} // namespace gemba::model
