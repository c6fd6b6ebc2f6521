#include "gemba/model/event_log.h"

#include "gemba/model/text.h"

#include <algorithm>
#include <array>

namespace gemba::model {

EventLogBuilder::EventLogBuilder(std::string file) {
    m_log.file = std::move(file);
}

std::uint32_t EventLogBuilder::intern(std::unordered_map<std::string, std::uint32_t>& index,
                                      std::vector<std::string>& names, std::string_view name) {
    auto it = index.find(std::string(name));
    if (it != index.end())
        return it->second;
    const auto id = static_cast<std::uint32_t>(names.size());
    names.emplace_back(name);
    index.emplace(std::string(name), id);
    return id;
}

std::uint32_t EventLogBuilder::item(std::string_view name, std::string_view type) {
    const std::size_t before = m_log.items.size();
    const std::uint32_t id = intern(m_items, m_log.items, name);
    if (m_log.items.size() != before)
        m_log.itemTypes.push_back(type.empty() ? 0 : intern(m_types, m_log.types, type));
    else if (m_log.itemTypes[id] == 0 && !type.empty())
        m_log.itemTypes[id] = intern(m_types, m_log.types, type);
    return id;
}

std::uint32_t EventLogBuilder::activity(std::string_view name) {
    return intern(m_activities, m_log.activities, name);
}

std::uint32_t EventLogBuilder::resource(std::string_view name) {
    return name.empty() ? 0 : intern(m_resources, m_log.resources, name);
}

std::uint32_t EventLogBuilder::role(std::string_view name) {
    return name.empty() ? 0 : intern(m_roles, m_log.roles, name);
}

EventLog EventLogBuilder::finish() {
    auto& events = m_log.events;
    auto key = [](const LogEvent& e) {
        return std::tuple(e.item, e.start, e.end, e.activity, e.open, e.resource, e.role);
    };
    std::stable_sort(events.begin(), events.end(),
                     [&](const LogEvent& a, const LogEvent& b) { return key(a) < key(b); });
    const auto last =
        std::unique(events.begin(), events.end(),
                    [&](const LogEvent& a, const LogEvent& b) { return key(a) == key(b); });
    m_log.duplicatesDropped = static_cast<std::size_t>(events.end() - last);
    events.erase(last, events.end());
    for (std::size_t i = 0; i < events.size(); ++i) {
        if (!events[i].endFromNext)
            continue;
        std::size_t next = i + 1;
        while (next < events.size() && events[next].item == events[i].item &&
               events[next].start <= events[i].start)
            ++next;
        if (next < events.size() && events[next].item == events[i].item)
            events[i].end = events[next].start;
    }
    return std::move(m_log);
}

StateMapping guessStateMapping(std::string_view name) {
    const std::string key = toLower(trim(name));
    static constexpr std::array kWaitStarts = {
        "ready for", "awaiting", "waiting", "queued", "backlog", "to do", "todo", "open", "new"};
    static constexpr std::array kDone = {"done",      "closed",   "resolved", "released",
                                         "cancelled", "canceled", "complete", "completed"};
    for (std::string_view done : kDone)
        if (key == done)
            return {StateKind::Done, {}, {}};
    for (std::string_view start : kWaitStarts)
        if (key.starts_with(start) && (key.size() == start.size() || key[start.size()] == ' '))
            return {StateKind::Wait, {}, {}};
    if (key.ends_with(" queue") || key == "blocked" || key == "on hold")
        return {StateKind::Wait, {}, {}};
    return {StateKind::Step, {}, {}};
}

std::string_view stateKindName(StateKind kind) {
    switch (kind) {
    case StateKind::Step:
        return "step";
    case StateKind::Wait:
        return "wait";
    case StateKind::Done:
        return "done";
    case StateKind::Ignore:
        return "ignore";
    }
    return "step";
}

bool stateKindFromName(std::string_view name, StateKind& kind) {
    for (StateKind k : {StateKind::Step, StateKind::Wait, StateKind::Done, StateKind::Ignore})
        if (toLower(trim(name)) == stateKindName(k)) {
            kind = k;
            return true;
        }
    return false;
}

} // namespace gemba::model
