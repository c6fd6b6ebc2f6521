#pragma once

#include "gemba/model/calendar.h"
#include "gemba/model/event_log.h"

#include <nlohmann/json.hpp>
#include <string>

/// The event mapping as JSON (docs/file-format.md, "Event mapping"):
///   {"states": {"Ready for review": "wait", "In review": {"kind": "step", "step": "Review",
///    "role": "QA"}, "Done": "done"}, "calendar": "Mon-Fri 09:00-17:00; holidays 2026-12-25"}
/// A state is a kind ("step", "wait", "done", "ignore") or an object with kind, step and role.
namespace gemba::store {

struct EventSettings {
    model::EventMapping mapping;
    std::optional<model::WorkingHours> hours; ///< "calendar", when the file gives one
};

/// The mapping from a JSON object of states (name -> kind or {kind, step, role}). `pointer`
/// is where the object is, for messages. Throws InputError.
model::EventMapping eventMappingFromJson(const nlohmann::json& states, const std::string& file,
                                         const std::string& pointer);
nlohmann::json eventMappingJson(const model::EventMapping& mapping);

/// Reads the JSON text. Throws InputError naming the file and the JSON pointer of a bad value.
EventSettings readEventSettingsJson(const std::string& text, const std::string& file);
nlohmann::json eventSettingsJson(const EventSettings& settings);

} // namespace gemba::store
