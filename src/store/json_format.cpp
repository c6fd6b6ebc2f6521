#include "gemba/store/json_format.h"

#include "atomic_file.h"
#include "gemba/model/names.h"
#include "gemba/model/units.h"
#include "gemba/store/errors.h"
#include "gemba/store/event_mapping.h"
#include "gemba/store/workshop_json.h"
#include "json_format_detail.h"
#include "json_tape.h"
#include "text_util.h"
#include "validate.h"

#include <climits>
#include <fstream>
#include <initializer_list>
#include <map>
#include <sstream>
#include <string_view>
#include <unordered_map>

namespace gemba::store {

using namespace gemba::model;
using nlohmann::json;

// ---------------------------------------------------------------------------------------------
// Writing: every entity in id order, fields that are empty (empty text, unset optionals, no id,
// empty lists) left out. Fields with a default other than "empty" (currency, headcount, value)
// are always written, so that reading back never has to guess.

namespace {

void putText(json& out, const char* key, const std::string& text) {
    if (!text.empty())
        out[key] = text;
}
void putId(json& out, const char* key, Id id) {
    if (id != kNoId)
        out[key] = id;
}
void putNumber(json& out, const char* key, const std::optional<double>& value) {
    if (value)
        out[key] = *value;
}
json position(const Point& pos) {
    return json{{"x", pos.x}, {"y", pos.y}};
}

json distributionJson(const model::Distribution& d) {
    return json{{"count", d.count}, {"min", d.min}, {"p50", d.p50},  {"p85", d.p85},
                {"p95", d.p95},     {"max", d.max}, {"mean", d.mean}};
}

json stepJson(const Step& step) {
    json out = json::object();
    out["id"] = step.id;
    putId(out, "origin", step.origin);
    out["name"] = step.name;
    putText(out, "description", step.description);
    putText(out, "role", step.role);
    out["headcount"] = step.headcount;
    if (!step.people.empty())
        out["people"] = step.people;
    if (!step.systems.empty())
        out["systems"] = step.systems;
    if (step.processTimeMin || step.processTimeMax) {
        json range = json::object();
        putNumber(range, "typical", step.processTime);
        putNumber(range, "min", step.processTimeMin);
        putNumber(range, "max", step.processTimeMax);
        out["process_time"] = std::move(range);
    } else {
        putNumber(out, "process_time", step.processTime);
    }
    putNumber(out, "cycle_time", step.cycleTime);
    putNumber(out, "lead_time", step.leadTime);
    putNumber(out, "pca", step.pca);
    putNumber(out, "batch_size", step.batchSize);
    putNumber(out, "changeover", step.changeover);
    putNumber(out, "uptime", step.uptime);
    putNumber(out, "defect_rate", step.defectRate);
    if (step.breakdown)
        out["breakdown"] = json{{"mtbf", step.breakdown->mtbf}, {"mttr", step.breakdown->mttr}};
    out["value"] = nameOf(step.value);
    if (step.wastes != 0) {
        json wastes = json::array();
        for (const auto& [kind, name] : EnumNames<WasteKind>::table())
            if (step.hasWaste(kind))
                wastes.push_back(name);
        out["wastes"] = std::move(wastes);
    }
    if (!step.frictions.empty()) {
        json frictions = json::array();
        for (const Friction& friction : step.frictions) {
            json f = json::object();
            putText(f, "what", friction.what);
            f["minutes_per_occurrence"] = friction.minutesPerOccurrence;
            f["occurrences_per_week"] = friction.occurrencesPerWeek;
            frictions.push_back(std::move(f));
        }
        out["frictions"] = std::move(frictions);
    }
    if (!step.artifacts.empty())
        out["artifacts"] = step.artifacts;
    if (!step.sources.empty()) {
        json sources = json::object();
        for (const auto& [figure, source] : step.sources) {
            json s = json::object();
            s["basis"] = nameOf(source.basis);
            putText(s, "source", source.source);
            putText(s, "date", source.date);
            sources[std::string(nameOf(figure))] = std::move(s);
        }
        out["sources"] = std::move(sources);
    }
    if (step.measurement) {
        const model::StepMeasurement& m = *step.measurement;
        out["measurement"] = json{{"provenance", m.provenance},
                                  {"items", m.items},
                                  {"process_time", distributionJson(m.processTime)},
                                  {"lead_time", distributionJson(m.leadTime)},
                                  {"wait_before", distributionJson(m.waitBefore)}};
    }
    out["position"] = position(step.pos);
    return out;
}

json mapJson(const Map& map) {
    json out = json::object();
    out["id"] = map.id;
    const MapProps& props = map.props;
    out["name"] = props.name;
    out["state"] = nameOf(props.state);
    putId(out, "made_from", props.madeFrom);
    putText(out, "trigger", props.trigger);
    putText(out, "done", props.done);
    if (props.demand)
        out["demand"] =
            json{{"quantity", props.demand->quantity}, {"per", nameOf(props.demand->per)}};
    putNumber(out, "available_time_per_day", props.availableTimePerDay);
    // Simulation (schema 2): written only when it differs from the default.
    if (props.distribution != model::TimeDistribution::Triangular)
        out["distribution"] = nameOf(props.distribution);
    putText(out, "notes", props.notes);

    json steps = json::array();
    for (const auto& [id, step] : map.steps)
        steps.push_back(stepJson(step));
    out["steps"] = std::move(steps);

    auto list = [&](const char* key, const auto& collection, auto&& write) {
        if (collection.empty())
            return;
        json items = json::array();
        for (const auto& [id, item] : collection) {
            json entry = json::object();
            entry["id"] = id;
            putId(entry, "origin", item.origin);
            write(entry, item);
            items.push_back(std::move(entry));
        }
        out[key] = std::move(items);
    };
    list("waits", map.waits, [](json& out, const Wait& wait) {
        out["kind"] = nameOf(wait.kind);
        putText(out, "label", wait.label);
        if (wait.timeMin || wait.timeMax) {
            json range = json::object();
            putNumber(range, "typical", wait.time);
            putNumber(range, "min", wait.timeMin);
            putNumber(range, "max", wait.timeMax);
            out["time"] = std::move(range);
        } else {
            putNumber(out, "time", wait.time);
        }
        putNumber(out, "quantity", wait.quantity);
        out["position"] = position(wait.pos);
    });
    list("parties", map.parties, [](json& out, const Party& party) {
        out["kind"] = nameOf(party.kind);
        putText(out, "name", party.name);
        putText(out, "notes", party.notes);
        out["position"] = position(party.pos);
    });
    list("info_boxes", map.infoBoxes, [](json& out, const InfoBox& box) {
        putText(out, "name", box.name);
        putText(out, "notes", box.notes);
        out["position"] = position(box.pos);
    });
    list("note_boxes", map.notes, [](json& out, const Note& note) {
        putText(out, "text", note.text);
        out["position"] = position(note.pos);
    });
    list("red_pens", map.redPens, [](json& out, const RedPen& pen) {
        if (!pen.targets.empty())
            out["targets"] = pen.targets;
        putText(out, "reason", pen.reason);
        putNumber(out, "cost", pen.cost);
        out["position"] = position(pen.pos);
    });
    list("flows", map.flows, [](json& out, const Flow& flow) {
        out["from"] = flow.from;
        out["to"] = flow.to;
        out["kind"] = nameOf(flow.kind);
        if (flow.fifoMax)
            out["fifo_max"] = *flow.fifoMax;
        putNumber(out, "share", flow.share);
        putNumber(out, "wait", flow.wait);
        putText(out, "label", flow.label);
    });
    return out;
}

} // namespace

json toJson(const Project& project) {
    const ProjectProps& props = project.props;
    json out = json::object();
    out["format"] = kJsonFormatName;
    out["version"] = kJsonFormatVersion;
    putText(out, "name", props.name);
    putText(out, "description", props.description);
    out["calendar"] = json{{"hours_per_day", props.calendar.hoursPerDay},
                           {"days_per_week", props.calendar.daysPerWeek},
                           {"days_per_month", props.calendar.daysPerMonth}};
    // Measured maps: the calendar's working hours, and the event mapping when there is one.
    out["working_hours"] = model::formatWorkingHours(props.workingHours);
    if (!props.eventMapping.states.empty())
        out["event_mapping"] = eventMappingJson(props.eventMapping);
    out["currency"] = props.currency;
    out["default_hourly_rate"] = props.defaultHourlyRate;
    out["next_id"] = project.nextId;

    json team = json::object();
    putId(team, "sponsor", props.team.sponsor);
    putId(team, "process_owner", props.team.processOwner);
    putId(team, "facilitator", props.team.facilitator);
    if (!props.team.experts.empty())
        team["experts"] = props.team.experts;
    if (!team.empty())
        out["team"] = std::move(team);

    json people = json::array();
    for (const auto& [id, person] : project.people) {
        json p = json::object();
        p["id"] = id;
        putText(p, "name", person.name);
        putText(p, "role", person.role);
        putNumber(p, "hourly_cost", person.hourlyCost);
        putText(p, "catalogue", person.catalogue);
        people.push_back(std::move(p));
    }
    out["people"] = std::move(people);

    json systems = json::array();
    for (const auto& [id, system] : project.systems) {
        json s = json::object();
        s["id"] = id;
        putText(s, "name", system.name);
        s["kind"] = nameOf(system.kind);
        putText(s, "catalogue", system.catalogue);
        systems.push_back(std::move(s));
    }
    out["systems"] = std::move(systems);

    json maps = json::array();
    for (const Map& map : project.maps)
        maps.push_back(mapJson(map));
    out["maps"] = std::move(maps);
    json workshop = workshopToJson(project.workshop);
    if (!workshop.empty())
        out["workshop"] = std::move(workshop);
    return out;
}

// ---------------------------------------------------------------------------------------------
// Reading

namespace {

/// A JSON Pointer token: "~" and "/" escaped (RFC 6901).
std::string escapeToken(std::string_view key) {
    std::string out;
    for (char c : key) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

/// An entity read from JSON, with its place in the document, before ids are allocated.
template <class T> struct Located {
    T value;
    std::string pointer;
};

struct LocatedMap {
    Map map; // props and id; elements below
    std::string pointer;
    std::vector<Located<Step>> steps;
    std::vector<Located<Wait>> waits;
    std::vector<Located<Party>> parties;
    std::vector<Located<InfoBox>> infoBoxes;
    std::vector<Located<Note>> notes;
    std::vector<Located<RedPen>> redPens;
    std::vector<Located<Flow>> flows;
};

/// Where a value stands: its parent's JSON pointer and its key, joined only when a message
/// needs it (every field of every element is read, and nearly all are fine).
class Where {
public:
    // A whole pointer is a place too.
    Where(std::string_view pointer)
        : m_parent(pointer) {}
    Where(const std::string& pointer)
        : m_parent(pointer) {}
    Where(const char* pointer)
        : m_parent(pointer) {}
    Where(std::string_view parent, const char* key)
        : m_parent(parent)
        , m_key(key) {}
    std::string str() const {
        std::string out(m_parent);
        if (m_key)
            out.append("/").append(m_key);
        return out;
    }

private:
    std::string_view m_parent;
    const char* m_key = nullptr;
};

class JsonReader {
public:
    explicit JsonReader(std::string file,
                        const std::vector<detail::DetachedLists>* detached = nullptr)
        : m_file(std::move(file))
        , m_detached(detached) {}

    Project read(const json& root) {
        checkObject(root, "",
                    {"format", "version", "name", "description", "calendar", "working_hours",
                     "event_mapping", "currency", "default_hourly_rate", "next_id", "team",
                     "people", "systems", "maps", "workshop"});
        const json& format = require(root, "", "format");
        if (!format.is_string() || format.get<std::string>() != kJsonFormatName)
            fail("/format", "expected \"gemba\": this is not a Gemba project");
        const json& version = require(root, "", "version");
        if (!version.is_number_integer())
            fail("/version", "expected a whole number, found " + detail::typeName(version));
        const auto versionNumber = version.get<std::int64_t>();
        if (versionNumber > kJsonFormatVersion)
            fail("/version", "made by a newer version of Gemba: format version " +
                                 std::to_string(versionNumber) + ", this Gemba reads up to " +
                                 std::to_string(kJsonFormatVersion));
        if (versionNumber < 1)
            fail("/version", "unknown format version " + std::to_string(versionNumber));

        Project project;
        ProjectProps& props = project.props;
        // The calendar first: durations such as "1.5 d" depend on it.
        // A file that does not give its days per month keeps the month it was written with.
        std::optional<double> daysPerMonth;
        if (const json* calendar = find(root, "calendar")) {
            checkObject(*calendar, "/calendar",
                        {"hours_per_day", "days_per_week", "days_per_month"});
            if (const json* v = find(*calendar, "hours_per_day"))
                props.calendar.hoursPerDay = number(*v, "/calendar/hours_per_day");
            if (const json* v = find(*calendar, "days_per_week"))
                props.calendar.daysPerWeek = number(*v, "/calendar/days_per_week");
            if (const json* v = find(*calendar, "days_per_month"))
                daysPerMonth = number(*v, "/calendar/days_per_month");
            if (props.calendar.hoursPerDay <= 0 || props.calendar.hoursPerDay > 24)
                fail("/calendar/hours_per_day", "expected hours from above 0 to 24");
            if (props.calendar.daysPerWeek <= 0 || props.calendar.daysPerWeek > 7)
                fail("/calendar/days_per_week", "expected days from above 0 to 7");
            if (daysPerMonth && (*daysPerMonth <= 0 || *daysPerMonth > 31))
                fail("/calendar/days_per_month", "expected days from above 0 to 31");
        }
        props.calendar.daysPerMonth =
            daysPerMonth.value_or(model::Calendar::legacyDaysPerMonth(props.calendar.daysPerWeek));
        m_calendar = props.calendar;
        if (const json* v = find(root, "working_hours")) {
            const auto hours = model::parseWorkingHours(text(*v, "/working_hours"));
            if (!hours.ok())
                fail("/working_hours", hours.error());
            props.workingHours = hours.value();
        }
        if (const json* v = find(root, "event_mapping"))
            props.eventMapping = eventMappingFromJson(*v, m_file, "/event_mapping");
        props.name = optionalText(root, "", "name");
        props.description = optionalText(root, "", "description");
        if (const json* v = find(root, "currency"))
            props.currency = text(*v, "/currency");
        if (const json* v = find(root, "default_hourly_rate"))
            props.defaultHourlyRate = number(*v, "/default_hourly_rate");

        std::vector<Located<Person>> people;
        forEach(require(root, "", "people"), "/people", [&](const json& item, std::string ptr) {
            checkObject(item, ptr, {"id", "name", "role", "hourly_cost", "catalogue"});
            Person person;
            person.id = optionalId(item, ptr, "id");
            person.name = optionalText(item, ptr, "name");
            person.role = optionalText(item, ptr, "role");
            person.hourlyCost = optionalNumber(item, ptr, "hourly_cost");
            person.catalogue = optionalText(item, ptr, "catalogue");
            people.push_back({std::move(person), std::move(ptr)});
        });
        std::vector<Located<System>> systems;
        forEach(require(root, "", "systems"), "/systems", [&](const json& item, std::string ptr) {
            checkObject(item, ptr, {"id", "name", "kind", "catalogue"});
            System system;
            system.id = optionalId(item, ptr, "id");
            system.name = optionalText(item, ptr, "name");
            if (const json* v = find(item, "kind"))
                system.kind = enumeration<SystemKind>(*v, {ptr, "kind"});
            system.catalogue = optionalText(item, ptr, "catalogue");
            systems.push_back({std::move(system), std::move(ptr)});
        });
        std::vector<LocatedMap> maps;
        forEach(require(root, "", "maps"), "/maps", [&](const json& item, std::string ptr) {
            const std::size_t index = maps.size();
            const bool hasRows = m_detached && index < m_detached->size();
            maps.push_back(
                readMap(item, std::move(ptr), hasRows ? &(*m_detached)[index] : nullptr));
        });
        WorkshopDraft workshop;
        if (const json* w = find(root, "workshop"))
            workshop = WorkshopJsonReader(m_file, m_calendar).workshop(*w, "/workshop");
        project.workshop.props = std::move(workshop.props);
        if (const json* team = find(root, "team")) {
            checkObject(*team, "/team", {"sponsor", "process_owner", "facilitator", "experts"});
            props.team.sponsor = optionalId(*team, "/team", "sponsor");
            props.team.processOwner = optionalId(*team, "/team", "process_owner");
            props.team.facilitator = optionalId(*team, "/team", "facilitator");
            if (const json* experts = find(*team, "experts"))
                props.team.experts = idList(*experts, "/team/experts");
        }

        // Ids left out are handed out after the largest id in the file, in document order.
        Id largest = kNoId;
        auto consider = [&](Id id) { largest = std::max(largest, id); };
        for (const auto& p : people)
            consider(p.value.id);
        for (const auto& s : systems)
            consider(s.value.id);
        for (auto& m : maps) {
            consider(m.map.id);
            forEachElement(m, [&](auto& e) { consider(e.value.id); });
        }
        forEachWorkshopEntity(workshop, [&](auto& e) { consider(e.first.id); });
        if (const json* next = find(root, "next_id")) {
            project.nextId = id(*next, "/next_id");
            if (project.nextId <= largest)
                fail("/next_id", "next_id " + std::to_string(project.nextId) +
                                     " is not above every id in the file (the largest is " +
                                     std::to_string(largest) + ")");
        } else {
            if (largest >= detail::kMaxId)
                fail("", "no id is left after " + std::to_string(largest));
            project.nextId = largest + 1;
        }
        auto allocate = [&](Id& id) {
            if (id == kNoId)
                id = project.allocateId();
        };
        for (auto& p : people)
            allocate(p.value.id);
        for (auto& s : systems)
            allocate(s.value.id);
        for (auto& m : maps) {
            allocate(m.map.id);
            forEachElement(m, [&](auto& e) { allocate(e.value.id); });
        }
        forEachWorkshopEntity(workshop, [&](auto& e) { allocate(e.first.id); });

        // Build the model, noting where each entity came from for messages.
        for (auto& p : people)
            place(project.people, std::move(p));
        for (auto& s : systems)
            place(project.systems, std::move(s));
        for (auto& m : maps) {
            Map map = std::move(m.map);
            claim(map.id, m.pointer);
            for (auto& e : m.steps)
                place(map.steps, std::move(e));
            for (auto& e : m.waits)
                place(map.waits, std::move(e));
            for (auto& e : m.parties)
                place(map.parties, std::move(e));
            for (auto& e : m.infoBoxes)
                place(map.infoBoxes, std::move(e));
            for (auto& e : m.notes)
                place(map.notes, std::move(e));
            for (auto& e : m.redPens)
                place(map.redPens, std::move(e));
            for (auto& e : m.flows)
                place(map.flows, std::move(e));
            project.maps.push_back(std::move(map));
        }
        {
            Workshop& w = project.workshop;
            auto placeAll = [&](auto& collection, auto& drafts) {
                for (auto& [entity, pointer] : drafts) {
                    claim(entity.id, std::move(pointer));
                    const Id id = entity.id;
                    collection.emplace(id, std::move(entity));
                }
            };
            placeAll(w.ideas, workshop.ideas);
            placeAll(w.actions, workshop.actions);
            placeAll(w.reviews, workshop.reviews);
            placeAll(w.parkingLot, workshop.parkingLot);
            placeAll(w.glossary, workshop.glossary);
            placeAll(w.lessons, workshop.lessons);
            placeAll(w.summaries, workshop.summaries);
        }

        if (auto violation = detail::findViolation(project)) {
            std::string pointer;
            if (violation->subject != detail::Subject::Project)
                pointer = m_places.at(violation->id);
            if (!violation->field.empty())
                pointer += "/" + violation->field;
            fail(pointer, violation->problem);
        }
        return project;
    }

private:
    [[noreturn]] void fail(const Where& where, std::string problem) const {
        const std::string pointer = where.str();
        throw InputError(m_file, pointer.empty() ? std::string("/") : pointer, std::move(problem));
    }

    // --- values ---

    template <class Json>
    void checkObject(const Json& value, const std::string& ptr,
                     std::initializer_list<std::string_view> keys) const {
        if (!value.is_object())
            fail(ptr, "expected an object, found " + detail::typeName(value));
        detail::forEachMember(value, [&](std::string_view k, const Json&) {
            for (std::string_view allowed : keys)
                if (allowed == k)
                    return;
            std::string list;
            for (std::string_view allowed : keys)
                list += (list.empty() ? "" : ", ") + std::string(allowed);
            fail(ptr + "/" + escapeToken(k),
                 "unknown key '" + std::string(k) + "' (expected " + list + ")");
        });
    }
    /// The value of an optional key; null counts as absent.
    template <class Json> static const Json* find(const Json& object, const char* key) {
        const Json* value = detail::memberOf(object, key);
        return value == nullptr || value->is_null() ? nullptr : value;
    }
    template <class Json>
    const Json& require(const Json& object, const std::string& ptr, const char* key) const {
        const Json* value = find(object, key);
        if (!value)
            fail(ptr.empty() ? "/" + std::string(key) : ptr + "/" + key,
                 "missing required key '" + std::string(key) + "'");
        return *value;
    }
    template <class Json> std::string text(const Json& value, const Where& ptr) const {
        if (!value.is_string())
            fail(ptr, "expected text, found " + detail::typeName(value));
        return value.template get<std::string>();
    }
    template <class Json>
    std::string optionalText(const Json& object, const std::string& ptr, const char* key) const {
        const Json* value = find(object, key);
        return value ? text(*value, {ptr, key}) : std::string();
    }
    template <class Json> double number(const Json& value, const Where& ptr) const {
        if (!value.is_number())
            fail(ptr, "expected a number, found " + detail::typeName(value));
        return value.template get<double>();
    }
    template <class Json>
    std::optional<double> optionalNumber(const Json& object, const std::string& ptr,
                                         const char* key) const {
        const Json* value = find(object, key);
        if (!value)
            return std::nullopt;
        return number(*value, {ptr, key});
    }
    template <class Json> Id id(const Json& value, const Where& ptr) const {
        if (value.is_number_unsigned()) {
            const auto id = value.template get<std::uint64_t>();
            if (id == 0)
                fail(ptr, "ids must be positive, found 0");
            if (id > detail::kMaxId)
                fail(ptr, "id " + std::to_string(id) + " is too large (at most " +
                              std::to_string(detail::kMaxId) + ")");
            return id;
        }
        if (value.is_number_integer())
            fail(ptr, "ids must be positive, found " +
                          std::to_string(value.template get<std::int64_t>()));
        fail(ptr, "expected an id (a whole number above 0), found " +
                      (value.is_number() ? value.dump() : detail::typeName(value)));
    }
    template <class Json>
    Id optionalId(const Json& object, const std::string& ptr, const char* key) const {
        const Json* value = find(object, key);
        return value ? id(*value, {ptr, key}) : kNoId;
    }
    template <class Json> std::vector<Id> idList(const Json& value, const std::string& ptr) const {
        std::vector<Id> ids;
        forEach(value, ptr,
                [&](const Json& item, const std::string& p) { ids.push_back(id(item, p)); });
        return ids;
    }
    /// Seconds, or text with a unit read with the project's calendar ("30 min", "1.5 d").
    template <class Json> double duration(const Json& value, const Where& ptr) const {
        if (value.is_number())
            return value.template get<double>();
        if (!value.is_string())
            fail(ptr, "expected a duration (seconds, or text such as \"30 min\"), found " +
                          detail::typeName(value));
        const auto parsed = parseDuration(value.template get<std::string>(), m_calendar);
        if (!parsed.ok())
            fail(ptr, parsed.error());
        return parsed.value();
    }
    template <class Json>
    std::optional<double> optionalDuration(const Json& object, const std::string& ptr,
                                           const char* key) const {
        const Json* value = find(object, key);
        if (!value)
            return std::nullopt;
        return duration(*value, {ptr, key});
    }
    template <class E, class Json> E enumeration(const Json& value, const Where& ptr) const {
        const std::string name = text(value, ptr);
        const auto result = enumFromName<E>(name);
        if (!result)
            fail(ptr, "unknown value '" + name + "' (expected one of " + allNames<E>() + ")");
        return *result;
    }
    /// A count: a whole number, 0 or more.
    template <class Json> std::size_t count(const Json& value, const Where& ptr) const {
        if (!value.is_number_unsigned())
            fail(ptr, "expected a count (a whole number, 0 or more), found " +
                          (value.is_number() ? value.dump() : detail::typeName(value)));
        return value.template get<std::size_t>();
    }
    template <class Json>
    model::Distribution distribution(const Json& value, const std::string& ptr) const {
        checkObject(value, ptr, {"count", "min", "p50", "p85", "p95", "max", "mean"});
        model::Distribution d;
        d.count = count(require(value, ptr, "count"), {ptr, "count"});
        const std::pair<const char*, double*> fields[] = {{"min", &d.min}, {"p50", &d.p50},
                                                          {"p85", &d.p85}, {"p95", &d.p95},
                                                          {"max", &d.max}, {"mean", &d.mean}};
        for (const auto& [key, field] : fields) {
            *field = number(require(value, ptr, key), {ptr, key});
            if (*field < 0)
                fail(ptr + "/" + key, "a duration cannot be negative");
        }
        if (!(d.min <= d.p50 && d.p50 <= d.p85 && d.p85 <= d.p95 && d.p95 <= d.max))
            fail(ptr, "expected min <= p50 <= p85 <= p95 <= max");
        return d;
    }
    template <class Json>
    model::StepMeasurement measurement(const Json& value, const std::string& ptr) const {
        checkObject(value, ptr,
                    {"provenance", "items", "process_time", "lead_time", "wait_before"});
        model::StepMeasurement m;
        m.provenance = optionalText(value, ptr, "provenance");
        if (const Json* items = find(value, "items"))
            m.items = count(*items, {ptr, "items"});
        m.processTime = distribution(require(value, ptr, "process_time"), ptr + "/process_time");
        m.leadTime = distribution(require(value, ptr, "lead_time"), ptr + "/lead_time");
        m.waitBefore = distribution(require(value, ptr, "wait_before"), ptr + "/wait_before");
        return m;
    }
    template <class Json> Point position(const Json& object, const std::string& ptr) const {
        const Json* value = find(object, "position");
        if (!value)
            return {};
        // Nearly every element has one, {"x": .., "y": ..}: read it without building pointers.
        if (value->is_object() && value->size() == 2) {
            const Json* x = find(*value, "x");
            const Json* y = find(*value, "y");
            if (x && y && x->is_number() && y->is_number())
                return {x->template get<double>(), y->template get<double>()};
        }
        const std::string p = ptr + "/position";
        checkObject(*value, p, {"x", "y"});
        return {number(require(*value, p, "x"), {p, "x"}),
                number(require(*value, p, "y"), {p, "y"})};
    }
    template <class Json, class F>
    void forEach(const Json& value, const std::string& ptr, F&& f) const {
        if (!value.is_array())
            fail(ptr, "expected a list, found " + detail::typeName(value));
        detail::forEachElement(value, [&](const Json& item, std::size_t i) {
            f(item, ptr + "/" + std::to_string(i));
        });
    }

    // --- entities ---

    using DetachedLists = detail::DetachedLists;

    /// One detached element's text, parsed onto the reader's tape (valid until the next).
    const detail::JsonNode& parseRow(const std::string& text, const std::string& ptr) const {
        try {
            return m_tape.parse(text);
        } catch (const detail::JsonSyntaxError& e) {
            fail(ptr, std::string("invalid JSON: ") + e.what());
        }
    }

    LocatedMap readMap(const json& item, std::string ptr, const DetachedLists* rows) const {
        checkObject(item, ptr,
                    {"id", "name", "state", "made_from", "trigger", "done", "demand",
                     "available_time_per_day", "distribution", "notes", "steps", "waits", "parties",
                     "info_boxes", "note_boxes", "red_pens", "flows"});
        LocatedMap located;
        Map& map = located.map;
        map.id = optionalId(item, ptr, "id");
        MapProps& props = map.props;
        props.name = text(require(item, ptr, "name"), {ptr, "name"});
        props.state = enumeration<MapState>(require(item, ptr, "state"), {ptr, "state"});
        props.madeFrom = optionalId(item, ptr, "made_from");
        props.trigger = optionalText(item, ptr, "trigger");
        props.done = optionalText(item, ptr, "done");
        props.notes = optionalText(item, ptr, "notes");
        if (const json* demand = find(item, "demand")) {
            const std::string p = ptr + "/demand";
            checkObject(*demand, p, {"quantity", "per"});
            Demand d;
            d.quantity = number(require(*demand, p, "quantity"), {p, "quantity"});
            if (const json* per = find(*demand, "per"))
                d.per = enumeration<DemandPeriod>(*per, {p, "per"});
            props.demand = d;
        }
        props.availableTimePerDay = optionalDuration(item, ptr, "available_time_per_day");
        if (const json* distribution = find(item, "distribution"))
            props.distribution =
                enumeration<model::TimeDistribution>(*distribution, {ptr, "distribution"});

        // A list's elements: those in the map's document, then its detached rows, numbered on.
        auto readAll = [&](const char* key, auto& out, auto&& readOne) {
            std::size_t index = 0;
            if (const json* list = find(item, key))
                forEach(*list, ptr + "/" + key, [&](const json& e, std::string p) {
                    out.push_back(readOne(e, std::move(p)));
                    ++index;
                });
            if (!rows)
                return;
            const auto it = rows->find(key);
            if (it == rows->end())
                return;
            for (const std::string& text : it->second) {
                std::string p = ptr + "/" + key + "/" + std::to_string(index++);
                out.push_back(readOne(parseRow(text, p), std::move(p)));
            }
        };
        if (!find(item, "steps") && !(rows && rows->contains("steps")))
            require(item, ptr, "steps");
        readAll("steps", located.steps,
                [&](const auto& e, std::string p) { return readStep(e, std::move(p)); });
        readAll("waits", located.waits,
                [&](const auto& e, std::string p) { return readWait(e, std::move(p)); });
        readAll("parties", located.parties,
                [&](const auto& e, std::string p) { return readParty(e, std::move(p)); });
        readAll("info_boxes", located.infoBoxes,
                [&](const auto& e, std::string p) { return readInfoBox(e, std::move(p)); });
        readAll("note_boxes", located.notes,
                [&](const auto& e, std::string p) { return readNote(e, std::move(p)); });
        readAll("red_pens", located.redPens,
                [&](const auto& e, std::string p) { return readRedPen(e, std::move(p)); });
        readAll("flows", located.flows,
                [&](const auto& e, std::string p) { return readFlow(e, std::move(p)); });
        located.pointer = std::move(ptr);
        return located;
    }

    template <class Json> Located<Wait> readWait(const Json& e, std::string p) const {
        checkObject(e, p, {"id", "origin", "kind", "label", "time", "quantity", "position"});
        Wait wait;
        wait.id = optionalId(e, p, "id");
        wait.origin = optionalId(e, p, "origin");
        if (const Json* kind = find(e, "kind"))
            wait.kind = enumeration<WaitKind>(*kind, {p, "kind"});
        wait.label = optionalText(e, p, "label");
        if (const Json* v = find(e, "time"); v && v->is_object()) {
            const std::string tp = p + "/time";
            checkObject(*v, tp, {"typical", "min", "max"});
            wait.time = optionalDuration(*v, tp, "typical");
            wait.timeMin = optionalDuration(*v, tp, "min");
            wait.timeMax = optionalDuration(*v, tp, "max");
        } else {
            wait.time = optionalDuration(e, p, "time");
        }
        wait.quantity = optionalNumber(e, p, "quantity");
        wait.pos = position(e, p);
        return {std::move(wait), std::move(p)};
    }

    template <class Json> Located<Party> readParty(const Json& e, std::string p) const {
        checkObject(e, p, {"id", "origin", "kind", "name", "notes", "position"});
        Party party;
        party.id = optionalId(e, p, "id");
        party.origin = optionalId(e, p, "origin");
        party.kind = enumeration<PartyKind>(require(e, p, "kind"), {p, "kind"});
        party.name = optionalText(e, p, "name");
        party.notes = optionalText(e, p, "notes");
        party.pos = position(e, p);
        return {std::move(party), std::move(p)};
    }

    template <class Json> Located<InfoBox> readInfoBox(const Json& e, std::string p) const {
        checkObject(e, p, {"id", "origin", "name", "notes", "position"});
        InfoBox box;
        box.id = optionalId(e, p, "id");
        box.origin = optionalId(e, p, "origin");
        box.name = optionalText(e, p, "name");
        box.notes = optionalText(e, p, "notes");
        box.pos = position(e, p);
        return {std::move(box), std::move(p)};
    }

    template <class Json> Located<Note> readNote(const Json& e, std::string p) const {
        checkObject(e, p, {"id", "origin", "text", "position"});
        Note note;
        note.id = optionalId(e, p, "id");
        note.origin = optionalId(e, p, "origin");
        note.text = optionalText(e, p, "text");
        note.pos = position(e, p);
        return {std::move(note), std::move(p)};
    }

    template <class Json> Located<RedPen> readRedPen(const Json& e, std::string p) const {
        checkObject(e, p, {"id", "origin", "targets", "reason", "cost", "position"});
        RedPen pen;
        pen.id = optionalId(e, p, "id");
        pen.origin = optionalId(e, p, "origin");
        if (const Json* targets = find(e, "targets"))
            pen.targets = idList(*targets, p + "/targets");
        pen.reason = optionalText(e, p, "reason");
        pen.cost = optionalNumber(e, p, "cost");
        pen.pos = position(e, p);
        return {std::move(pen), std::move(p)};
    }

    template <class Json> Located<Flow> readFlow(const Json& e, std::string p) const {
        checkObject(e, p,
                    {"id", "origin", "from", "to", "kind", "fifo_max", "share", "wait", "label"});
        Flow flow;
        flow.id = id(require(e, p, "id"), {p, "id"});
        flow.origin = optionalId(e, p, "origin");
        flow.from = id(require(e, p, "from"), {p, "from"});
        flow.to = id(require(e, p, "to"), {p, "to"});
        if (const Json* kind = find(e, "kind"))
            flow.kind = enumeration<FlowKind>(*kind, {p, "kind"});
        if (const Json* fifo = find(e, "fifo_max")) {
            if (!fifo->is_number_integer() || fifo->template get<std::int64_t>() < 1 ||
                fifo->template get<std::int64_t>() > INT_MAX)
                fail(p + "/fifo_max", "expected a whole number of items above 0");
            flow.fifoMax = static_cast<int>(fifo->template get<std::int64_t>());
        }
        flow.share = optionalNumber(e, p, "share");
        flow.wait = optionalDuration(e, p, "wait");
        flow.label = optionalText(e, p, "label");
        return {std::move(flow), std::move(p)};
    }

    template <class Json> Located<Step> readStep(const Json& e, std::string p) const {
        checkObject(e, p, {"id",          "origin",   "name",       "description",  "role",
                           "headcount",   "people",   "systems",    "process_time", "cycle_time",
                           "lead_time",   "pca",      "batch_size", "changeover",   "uptime",
                           "defect_rate", "value",    "wastes",     "frictions",    "artifacts",
                           "sources",     "position", "breakdown",  "measurement"});
        Step step;
        step.id = id(require(e, p, "id"), {p, "id"});
        step.origin = optionalId(e, p, "origin");
        step.name = text(require(e, p, "name"), {p, "name"});
        step.description = optionalText(e, p, "description");
        step.role = optionalText(e, p, "role");
        if (const Json* v = find(e, "headcount"))
            step.headcount = number(*v, {p, "headcount"});
        if (const Json* v = find(e, "people"))
            step.people = idList(*v, p + "/people");
        if (const Json* v = find(e, "systems"))
            step.systems = idList(*v, p + "/systems");
        if (const Json* v = find(e, "process_time")) {
            const std::string pt = p + "/process_time";
            if (v->is_object()) {
                checkObject(*v, pt, {"typical", "min", "max"});
                step.processTime = optionalDuration(*v, pt, "typical");
                step.processTimeMin = optionalDuration(*v, pt, "min");
                step.processTimeMax = optionalDuration(*v, pt, "max");
            } else {
                step.processTime = duration(*v, pt);
            }
        }
        step.cycleTime = optionalDuration(e, p, "cycle_time");
        step.leadTime = optionalDuration(e, p, "lead_time");
        step.pca = optionalNumber(e, p, "pca");
        step.batchSize = optionalNumber(e, p, "batch_size");
        step.changeover = optionalDuration(e, p, "changeover");
        step.uptime = optionalNumber(e, p, "uptime");
        step.defectRate = optionalNumber(e, p, "defect_rate");
        if (const Json* v = find(e, "breakdown")) {
            const std::string bp = p + "/breakdown";
            checkObject(*v, bp, {"mtbf", "mttr"});
            step.breakdown = model::Breakdown{duration(require(*v, bp, "mtbf"), {bp, "mtbf"}),
                                              duration(require(*v, bp, "mttr"), {bp, "mttr"})};
        }
        if (const Json* v = find(e, "value"))
            step.value = enumeration<ValueClass>(*v, {p, "value"});
        if (const Json* v = find(e, "wastes"))
            forEach(*v, p + "/wastes", [&](const Json& w, const std::string& wp) {
                step.wastes |= static_cast<unsigned>(enumeration<WasteKind>(w, wp));
            });
        if (const Json* v = find(e, "frictions"))
            forEach(*v, p + "/frictions", [&](const Json& f, const std::string& fp) {
                checkObject(f, fp, {"what", "minutes_per_occurrence", "occurrences_per_week"});
                Friction friction;
                friction.what = optionalText(f, fp, "what");
                friction.minutesPerOccurrence = number(require(f, fp, "minutes_per_occurrence"),
                                                       fp + "/minutes_per_occurrence");
                friction.occurrencesPerWeek =
                    number(require(f, fp, "occurrences_per_week"), {fp, "occurrences_per_week"});
                step.frictions.push_back(std::move(friction));
            });
        if (const Json* v = find(e, "artifacts"))
            forEach(*v, p + "/artifacts", [&](const Json& a, const std::string& ap) {
                step.artifacts.push_back(text(a, ap));
            });
        if (const Json* v = find(e, "sources")) {
            const std::string sp = p + "/sources";
            if (!v->is_object())
                fail(sp, "expected an object, found " + detail::typeName(*v));
            detail::forEachMember(*v, [&](std::string_view name, const Json& s) {
                const std::string fp = sp + "/" + escapeToken(name);
                const auto figure = enumFromName<Figure>(name);
                if (!figure)
                    fail(fp, "unknown figure '" + std::string(name) + "' (expected one of " +
                                 allNames<Figure>() + ")");
                checkObject(s, fp, {"basis", "source", "date"});
                Source source;
                if (const Json* basis = find(s, "basis"))
                    source.basis = enumeration<Basis>(*basis, {fp, "basis"});
                source.source = optionalText(s, fp, "source");
                source.date = optionalText(s, fp, "date");
                step.sources.emplace(*figure, std::move(source));
            });
        }
        if (const Json* v = find(e, "measurement"))
            step.measurement = measurement(*v, p + "/measurement");
        step.pos = position(e, p);
        return {std::move(step), std::move(p)};
    }

    template <class F> static void forEachElement(LocatedMap& m, F&& f) {
        for (auto& e : m.steps)
            f(e);
        for (auto& e : m.waits)
            f(e);
        for (auto& e : m.parties)
            f(e);
        for (auto& e : m.infoBoxes)
            f(e);
        for (auto& e : m.notes)
            f(e);
        for (auto& e : m.redPens)
            f(e);
        for (auto& e : m.flows)
            f(e);
    }

    template <class F> static void forEachWorkshopEntity(WorkshopDraft& w, F&& f) {
        for (auto& e : w.ideas)
            f(e);
        for (auto& e : w.actions)
            f(e);
        for (auto& e : w.reviews)
            f(e);
        for (auto& e : w.parkingLot)
            f(e);
        for (auto& e : w.glossary)
            f(e);
        for (auto& e : w.lessons)
            f(e);
        for (auto& e : w.summaries)
            f(e);
    }

    // --- places ---

    /// Ids are unique across the whole project: the second use is an error at its "id". So an
    /// id alone names the place of its entity, whatever its kind.
    void claim(Id id, std::string pointer) {
        const auto [it, added] = m_places.try_emplace(id, std::move(pointer));
        if (!added)
            fail(pointer + "/id", "id " + std::to_string(id) + " is already used at " + it->second);
    }
    template <class Collection, class T> void place(Collection& collection, Located<T> located) {
        claim(located.value.id, std::move(located.pointer));
        const Id id = located.value.id;
        collection.emplace(id, std::move(located.value));
    }

    std::string m_file;
    const std::vector<detail::DetachedLists>* m_detached = nullptr;
    mutable detail::JsonTape m_tape; // kept from row to row: its capacity is reused
    Calendar m_calendar;
    std::unordered_map<Id, std::string> m_places; ///< where each entity was read, by id
};

} // namespace

Project fromJson(const json& json, const std::string& file) {
    return JsonReader(file).read(json);
}

bool detail::isEntityList(const json& value) {
    if (!value.is_array() || value.empty())
        return false;
    for (const json& item : value)
        if (!item.is_object() || !item.contains("id") || !item["id"].is_number_integer())
            return false;
    return true;
}

std::string detail::entityName(const json& entity) {
    for (const char* field : {"name", "title", "label", "term", "text"})
        if (auto it = entity.find(field); it != entity.end() && it->is_string())
            return it->get<std::string>();
    return {};
}

Project detail::fromJson(const json& document, const std::vector<DetachedLists>& detached,
                         const std::string& file) {
    return JsonReader(file, &detached).read(document);
}

namespace {

/// Builds the document as json::parse does, but keeps where the library refused the text: a
/// number beyond a double (1e400) is otherwise an out_of_range exception with no place.
class LocatingDomParser : public nlohmann::detail::json_sax_dom_parser<json> {
public:
    explicit LocatingDomParser(json& root)
        : json_sax_dom_parser(root, false) {}

    // Hides the base's parse_error: the parser calls it on this type.
    template <class Exception>
    bool parse_error(std::size_t position, const std::string& token, const Exception& error) {
        m_position = position;
        m_token = token;
        m_message = error.what();
        m_overflow = error.id == 406;
        return false;
    }

    std::size_t position() const { return m_position; }
    const std::string& token() const { return m_token; }
    const std::string& message() const { return m_message; }
    bool overflow() const { return m_overflow; }

private:
    std::size_t m_position = 0;
    std::string m_token;
    std::string m_message;
    bool m_overflow = false;
};

} // namespace

Project readJsonText(std::string_view text, const std::string& file) {
    json document;
    LocatingDomParser parser(document);
    if (!json::sax_parse(text, &parser)) {
        // position counts the bytes read, the offending one included; an overflowing
        // number is reported after its last digit, so step back to its first.
        std::size_t offset = parser.position() == 0 ? 0 : parser.position() - 1;
        if (parser.overflow())
            offset = parser.position() >= parser.token().size()
                         ? parser.position() - parser.token().size()
                         : 0;
        offset = std::min(offset, text.size());
        std::size_t line = 1;
        std::size_t lineStart = 0;
        for (std::size_t i = 0; i < offset; ++i)
            if (text[i] == '\n') {
                ++line;
                lineStart = i + 1;
            }
        std::string problem = parser.message();
        if (parser.overflow())
            problem =
                "the number " + parser.token() + " is beyond the largest number Gemba can hold";
        else if (const auto at = problem.find(": "); at != std::string::npos)
            problem = problem.substr(at + 2);
        throw InputError(file,
                         "line " + std::to_string(line) + ", column " +
                             std::to_string(offset - lineStart + 1),
                         "invalid JSON: " + problem);
    }
    return fromJson(document, file);
}

Project readJsonFile(const std::filesystem::path& file) {
    const std::string name = file.string();
    std::error_code ec;
    if (!std::filesystem::exists(file, ec))
        throw InputError(name, "", "no such file");
    if (std::filesystem::is_directory(file, ec))
        throw InputError(name, "", "is a folder, not a JSON file");
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw InputError(name, "", "cannot read the file");
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return readJsonText(buffer.str(), name);
}

void writeJsonFile(const Project& project, const std::filesystem::path& file) {
    if (auto violation = detail::findViolation(project))
        throw InputError(file.string(), "", "cannot save: " + violation->problem);
    const std::string text = toJson(project).dump(2) + "\n";
    detail::writeFileAtomically(file, text);
}

} // namespace gemba::store
