#include "gemba/store/event_mapping.h"

#include "gemba/store/errors.h"

namespace gemba::store {

model::EventMapping eventMappingFromJson(const nlohmann::json& states, const std::string& file,
                                         const std::string& base) {
    if (!states.is_object())
        throw InputError(file, base, "must be an object: name -> kind");
    model::EventMapping mapping;
    for (const auto& [name, value] : states.items()) {
        // JSON pointer escapes: ~ as ~0, / as ~1.
        std::string escaped;
        for (char c : name)
            escaped += c == '~'   ? std::string("~0")
                       : c == '/' ? std::string("~1")
                                  : std::string(1, c);
        const std::string pointer = base + "/" + escaped;
        model::StateMapping state;
        std::string kind;
        if (value.is_string()) {
            kind = value.get<std::string>();
        } else if (value.is_object()) {
            if (!value.contains("kind") || !value["kind"].is_string())
                throw InputError(file, pointer + "/kind",
                                 "needs a kind: step, wait, done or ignore");
            kind = value["kind"].get<std::string>();
            for (const char* key : {"step", "role"})
                if (value.contains(key)) {
                    if (!value[key].is_string())
                        throw InputError(file, pointer + "/" + key, "must be text");
                    (std::string_view(key) == "step" ? state.step : state.role) =
                        value[key].get<std::string>();
                }
        } else {
            throw InputError(file, pointer, "must be a kind or an object with a kind");
        }
        if (!model::stateKindFromName(kind, state.kind))
            throw InputError(file, pointer,
                             "'" + kind + "' is not a kind: step, wait, done or ignore");
        mapping.states[name] = state;
    }
    return mapping;
}

nlohmann::json eventMappingJson(const model::EventMapping& mapping) {
    nlohmann::json states = nlohmann::json::object();
    for (const auto& [name, state] : mapping.states) {
        nlohmann::json entry = {{"kind", std::string(model::stateKindName(state.kind))}};
        if (!state.step.empty())
            entry["step"] = state.step;
        if (!state.role.empty())
            entry["role"] = state.role;
        states[name] = entry;
    }
    return states;
}

EventSettings readEventSettingsJson(const std::string& text, const std::string& file) {
    nlohmann::json json;
    try {
        json = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        throw InputError(file, "byte " + std::to_string(e.byte), "not valid JSON");
    }
    if (!json.is_object())
        throw InputError(file, "/", "must be an object with \"states\"");
    EventSettings settings;
    if (json.contains("calendar")) {
        const auto& calendar = json["calendar"];
        if (!calendar.is_string())
            throw InputError(file, "/calendar", "must be text like \"Mon-Fri 09:00-17:00\"");
        const auto hours = model::parseWorkingHours(calendar.get<std::string>());
        if (!hours.ok())
            throw InputError(file, "/calendar", hours.error());
        settings.hours = hours.value();
    }
    if (json.contains("states"))
        settings.mapping = eventMappingFromJson(json["states"], file, "/states");
    return settings;
}

nlohmann::json eventSettingsJson(const EventSettings& settings) {
    nlohmann::json json = {{"states", eventMappingJson(settings.mapping)}};
    if (settings.hours)
        json["calendar"] = model::formatWorkingHours(*settings.hours);
    return json;
}

} // namespace gemba::store
