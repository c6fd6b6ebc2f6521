#include "gemba/store/workshop_json.h"

#include "gemba/model/names.h"
#include "gemba/model/units.h"
#include "gemba/store/errors.h"
#include "json_tape.h"
#include "text_util.h"

#include <cstdint>
#include <initializer_list>
#include <string_view>

namespace gemba::store {

using namespace gemba::model;
using nlohmann::json;

// ---------------------------------------------------------------------------------------------
// Writing: as the rest of the interchange, empty values are left out.

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
void putIds(json& out, const char* key, const std::vector<Id>& ids) {
    if (!ids.empty())
        out[key] = ids;
}

json targetJson(const Target& t) {
    json out = json::object();
    out["figure"] = nameOf(t.figure);
    putId(out, "map", t.map);
    putId(out, "element", t.element);
    putNumber(out, "from", t.from);
    putNumber(out, "to", t.to);
    putNumber(out, "change_percent", t.changePercent);
    return out;
}

} // namespace

bool isDurationFigure(TargetFigure figure) {
    return figure == TargetFigure::LeadTime || figure == TargetFigure::ProcessTime ||
           figure == TargetFigure::StepLeadTime || figure == TargetFigure::WaitTime;
}

json toJson(const Idea& idea) {
    json out = json::object();
    out["id"] = idea.id;
    out["text"] = idea.text;
    putId(out, "proposed_by", idea.proposedBy);
    putText(out, "date", idea.date);
    putIds(out, "concerns", idea.concerns);
    out["kind"] = nameOf(idea.kind);
    if (idea.impact)
        out["impact"] = *idea.impact;
    if (idea.effort)
        out["effort"] = *idea.effort;
    if (idea.votes != 0)
        out["votes"] = idea.votes;
    out["status"] = nameOf(idea.status);
    putText(out, "reason", idea.reason);
    if (idea.fit) {
        json fit = json::object();
        const FitChecklist& c = *idea.fit;
        if (c.repetitive)
            fit["repetitive"] = nameOf(*c.repetitive);
        if (c.uniform)
            fit["uniform"] = nameOf(*c.uniform);
        if (c.data)
            fit["data"] = nameOf(*c.data);
        if (c.mistakeCost)
            fit["mistake_cost"] = nameOf(*c.mistakeCost);
        if (c.frequency)
            fit["frequency"] = nameOf(*c.frequency);
        out["fit"] = std::move(fit);
    }
    return out;
}

json toJson(const Action& action) {
    json out = json::object();
    out["id"] = action.id;
    out["title"] = action.title;
    putIds(out, "changes", action.changes);
    putId(out, "owner", action.owner);
    putText(out, "start", action.start);
    putText(out, "due", action.due);
    out["status"] = nameOf(action.status);
    putText(out, "reason", action.reason);
    if (action.effect)
        out["effect"] = targetJson(*action.effect);
    putId(out, "realises", action.realises);
    putText(out, "notes", action.notes);
    return out;
}

json toJson(const Review& review) {
    json out = json::object();
    out["id"] = review.id;
    out["title"] = review.title;
    out["day_offset"] = review.dayOffset;
    putText(out, "date", review.date);
    putIds(out, "attendees", review.attendees);
    if (!review.progress.empty()) {
        json list = json::array();
        for (const ActionProgress& p : review.progress) {
            json item = json{{"action", p.action}, {"status", nameOf(p.status)}};
            putText(item, "note", p.note);
            list.push_back(std::move(item));
        }
        out["progress"] = std::move(list);
    }
    if (!review.decisions.empty())
        out["decisions"] = review.decisions;
    putId(out, "measured_map", review.measuredMap);
    if (!review.measures.empty()) {
        json list = json::array();
        for (const Measure& m : review.measures) {
            json item = json{{"figure", nameOf(m.figure)}};
            putId(item, "element", m.element);
            item["value"] = m.value;
            list.push_back(std::move(item));
        }
        out["measures"] = std::move(list);
    }
    putText(out, "notes", review.notes);
    return out;
}

json toJson(const ParkingItem& item) {
    json out = json::object();
    out["id"] = item.id;
    out["text"] = item.text;
    putId(out, "raised_by", item.raisedBy);
    putText(out, "date", item.date);
    if (item.resolved)
        out["resolved"] = true;
    putId(out, "moved_to", item.movedTo);
    return out;
}

json toJson(const Term& term) {
    return json{{"id", term.id}, {"term", term.term}, {"meaning", term.meaning}};
}

json toJson(const Lesson& lesson) {
    json out = json{{"id", lesson.id}, {"text", lesson.text}};
    putText(out, "date", lesson.date);
    return out;
}

json toJson(const DaySummary& summary) {
    json out = json{{"id", summary.id}, {"date", summary.date}};
    putText(out, "done", summary.done);
    putText(out, "decisions", summary.decisions);
    putText(out, "next_agenda", summary.nextAgenda);
    putId(out, "watermark", summary.watermark);
    return out;
}

json toJson(const WorkshopProps& props) {
    json out = json::object();
    putText(out, "problem", props.problem);
    if (!props.goals.empty()) {
        json goals = json::array();
        for (const Goal& goal : props.goals) {
            json g = targetJson(goal.target);
            putText(g, "text", goal.text);
            goals.push_back(std::move(g));
        }
        out["goals"] = std::move(goals);
    }
    putText(out, "start_date", props.startDate);
    putText(out, "end_date", props.endDate);
    putText(out, "place", props.place);
    return out;
}

json workshopToJson(const Workshop& w) {
    json out = toJson(w.props);
    auto list = [&](const char* key, const auto& collection) {
        if (collection.empty())
            return;
        json items = json::array();
        for (const auto& [id, item] : collection)
            items.push_back(toJson(item));
        out[key] = std::move(items);
    };
    list("ideas", w.ideas);
    list("actions", w.actions);
    list("reviews", w.reviews);
    list("parking_lot", w.parkingLot);
    list("glossary", w.glossary);
    list("lessons", w.lessons);
    list("day_summaries", w.summaries);
    return out;
}

// ---------------------------------------------------------------------------------------------
// Reading

namespace {

using detail::forEachElement;
using detail::forEachMember;
using detail::memberOf;
using detail::typeName;

/// The fields of one JSON object, each read with its place named on failure.
template <class Json> class Fields {
public:
    Fields(const Json& object, std::string pointer, const std::string& file,
           const Calendar& calendar, std::initializer_list<std::string_view> keys)
        : m_object(object)
        , m_ptr(std::move(pointer))
        , m_file(file)
        , m_calendar(calendar) {
        if (!object.is_object())
            fail(m_ptr, "expected an object, found " + typeName(object));
        forEachMember(object, [&](std::string_view key, const Json&) {
            for (std::string_view allowed : keys)
                if (allowed == key)
                    return;
            std::string list;
            for (std::string_view allowed : keys)
                list += (list.empty() ? "" : ", ") + std::string(allowed);
            const std::string k(key);
            fail(m_ptr + "/" + k, "unknown key '" + k + "' (expected " + list + ")");
        });
    }

    [[noreturn]] void fail(const std::string& pointer, std::string problem) const {
        throw InputError(m_file, pointer.empty() ? "/" : pointer, std::move(problem));
    }
    const std::string& pointer() const { return m_ptr; }
    std::string at(const char* key) const { return m_ptr + "/" + key; }

    const Json* find(const char* key) const {
        const Json* value = memberOf(m_object, key);
        return value == nullptr || value->is_null() ? nullptr : value;
    }
    const Json& require(const char* key) const {
        const Json* value = find(key);
        if (!value)
            fail(at(key), "missing required key '" + std::string(key) + "'");
        return *value;
    }
    std::string text(const char* key, bool required = false) const {
        const Json* value = required ? &require(key) : find(key);
        if (!value)
            return {};
        if (!value->is_string())
            fail(at(key), "expected text, found " + typeName(*value));
        return value->template get<std::string>();
    }
    /// A date: ISO "YYYY-MM-DD", or empty.
    std::string date(const char* key) const {
        std::string value = text(key);
        if (!value.empty() && !isIsoDate(value))
            fail(at(key), "'" + value + "' is not a date (expected YYYY-MM-DD)");
        return value;
    }
    Id id(const Json& value, const std::string& ptr) const {
        if (value.is_number_unsigned()) {
            const auto id = value.template get<std::uint64_t>();
            if (id == 0)
                fail(ptr, "ids must be positive, found 0");
            if (id > detail::kMaxId)
                fail(ptr, "id " + std::to_string(id) + " is too large");
            return id;
        }
        fail(ptr, "expected an id (a whole number above 0), found " +
                      (value.is_number() ? value.dump() : typeName(value)));
    }
    Id optionalId(const char* key) const {
        const Json* value = find(key);
        return value ? idAt(*value, key) : kNoId;
    }
    Id requiredId(const char* key) const { return idAt(require(key), key); }
    /// id() with the pointer built only for a value that is not an id: a review records every
    /// action, and its 300 entries are read on every open.
    Id idAt(const Json& value, const char* key) const {
        if (value.is_number_unsigned()) {
            const auto id = value.template get<std::uint64_t>();
            if (id != 0 && id <= detail::kMaxId)
                return id;
        }
        return id(value, at(key));
    }
    std::vector<Id> ids(const char* key) const {
        std::vector<Id> out;
        each(key, [&](const Json& item, const std::string& p) { out.push_back(id(item, p)); });
        return out;
    }
    template <class F> void each(const char* key, F&& f) const {
        const Json* value = find(key);
        if (!value)
            return;
        if (!value->is_array())
            fail(at(key), "expected a list, found " + typeName(*value));
        const std::string list = at(key) + "/";
        forEachElement(*value,
                       [&](const Json& item, std::size_t i) { f(item, list + std::to_string(i)); });
    }
    std::optional<double> number(const char* key) const {
        const Json* value = find(key);
        if (!value)
            return std::nullopt;
        if (!value->is_number())
            fail(at(key), "expected a number, found " + typeName(*value));
        return value->template get<double>();
    }
    /// A figure's value: seconds or "34 d" for durations, a number otherwise.
    std::optional<double> figureValue(const char* key, TargetFigure figure) const {
        const Json* value = find(key);
        if (!value)
            return std::nullopt;
        if (value->is_string() && isDurationFigure(figure)) {
            const auto parsed = parseDuration(value->template get<std::string>(), m_calendar);
            if (!parsed.ok())
                fail(at(key), parsed.error());
            return parsed.value();
        }
        return number(key);
    }
    std::optional<int> integer(const char* key) const {
        const Json* value = find(key);
        if (!value)
            return std::nullopt;
        if (!value->is_number_integer() || value->template get<std::int64_t>() < INT32_MIN ||
            value->template get<std::int64_t>() > INT32_MAX)
            fail(at(key), "expected a whole number, found " +
                              (value->is_number() ? value->dump() : typeName(*value)));
        return static_cast<int>(value->template get<std::int64_t>());
    }
    bool boolean(const char* key) const {
        const Json* value = find(key);
        if (!value)
            return false;
        if (!value->is_boolean())
            fail(at(key), "expected true or false, found " + typeName(*value));
        return value->template get<bool>();
    }
    template <class E> std::optional<E> enumeration(const char* key) const {
        const Json* value = find(key);
        if (!value)
            return std::nullopt;
        if (!value->is_string())
            fail(at(key), "expected text, found " + typeName(*value));
        const auto parsed = enumFromName<E>(value->template get<std::string>());
        if (!parsed)
            fail(at(key), "unknown value '" + value->template get<std::string>() +
                              "' (expected one of " + allNames<E>() + ")");
        return parsed;
    }

    const std::string& file() const { return m_file; }
    const Calendar& calendar() const { return m_calendar; }

private:
    const Json& m_object;
    std::string m_ptr;
    const std::string& m_file;
    const Calendar& m_calendar;
};

template <class Json> Target readTarget(const Fields<Json>& f) {
    Target t;
    if (auto figure = f.template enumeration<TargetFigure>("figure"))
        t.figure = *figure;
    else
        f.require("figure");
    t.map = f.optionalId("map");
    t.element = f.optionalId("element");
    t.from = f.figureValue("from", t.figure);
    t.to = f.figureValue("to", t.figure);
    t.changePercent = f.number("change_percent");
    return t;
}

template <class Json>
Target readTargetObject(const Json& value, const std::string& pointer, const std::string& file,
                        const Calendar& calendar) {
    return readTarget(Fields<Json>(value, pointer, file, calendar,
                                   {"figure", "map", "element", "from", "to", "change_percent"}));
}

} // namespace

template <class Json>
WorkshopProps WorkshopJsonReader::props(const Json& value, const std::string& pointer) const {
    Fields<Json> f(value, pointer, m_file, m_calendar,
                   {"problem", "goals", "start_date", "end_date", "place", "ideas", "actions",
                    "reviews", "parking_lot", "glossary", "lessons", "day_summaries"});
    WorkshopProps props;
    props.problem = f.text("problem");
    f.each("goals", [&](const Json& item, const std::string& p) {
        Fields<Json> g(item, p, m_file, m_calendar,
                       {"text", "figure", "map", "element", "from", "to", "change_percent"});
        props.goals.push_back(Goal{g.text("text"), readTarget(g)});
    });
    props.startDate = f.date("start_date");
    props.endDate = f.date("end_date");
    props.place = f.text("place");
    return props;
}

template <class Json>
Idea WorkshopJsonReader::idea(const Json& value, const std::string& pointer) const {
    Fields<Json> f(value, pointer, m_file, m_calendar,
                   {"id", "text", "proposed_by", "date", "concerns", "kind", "impact", "effort",
                    "votes", "status", "reason", "fit"});
    Idea idea;
    idea.id = f.optionalId("id");
    idea.text = f.text("text", true);
    idea.proposedBy = f.optionalId("proposed_by");
    idea.date = f.date("date");
    idea.concerns = f.ids("concerns");
    idea.kind = f.template enumeration<IdeaKind>("kind").value_or(IdeaKind::Other);
    idea.impact = f.integer("impact");
    idea.effort = f.integer("effort");
    idea.votes = f.integer("votes").value_or(0);
    idea.status = f.template enumeration<IdeaStatus>("status").value_or(IdeaStatus::Proposed);
    idea.reason = f.text("reason");
    if (const Json* fit = f.find("fit")) {
        Fields<Json> c(*fit, f.at("fit"), m_file, m_calendar,
                       {"repetitive", "uniform", "data", "mistake_cost", "frequency"});
        FitChecklist checklist;
        checklist.repetitive = c.template enumeration<Level>("repetitive");
        checklist.uniform = c.template enumeration<Level>("uniform");
        checklist.data = c.template enumeration<DataSource>("data");
        checklist.mistakeCost = c.template enumeration<Level>("mistake_cost");
        checklist.frequency = c.template enumeration<Level>("frequency");
        idea.fit = checklist;
    }
    return idea;
}

template <class Json>
Action WorkshopJsonReader::action(const Json& value, const std::string& pointer) const {
    Fields<Json> f(value, pointer, m_file, m_calendar,
                   {"id", "title", "changes", "owner", "start", "due", "status", "reason", "effect",
                    "realises", "notes"});
    Action action;
    action.id = f.optionalId("id");
    action.title = f.text("title", true);
    action.changes = f.ids("changes");
    action.owner = f.optionalId("owner");
    action.start = f.date("start");
    action.due = f.date("due");
    action.status = f.template enumeration<ActionStatus>("status").value_or(ActionStatus::Planned);
    action.reason = f.text("reason");
    if (const Json* effect = f.find("effect"))
        action.effect = readTargetObject(*effect, f.at("effect"), m_file, m_calendar);
    action.realises = f.optionalId("realises");
    action.notes = f.text("notes");
    return action;
}

template <class Json>
Review WorkshopJsonReader::review(const Json& value, const std::string& pointer) const {
    Fields<Json> f(value, pointer, m_file, m_calendar,
                   {"id", "title", "day_offset", "date", "attendees", "progress", "decisions",
                    "measured_map", "measures", "notes"});
    Review review;
    review.id = f.optionalId("id");
    review.title = f.text("title", true);
    review.dayOffset = f.integer("day_offset").value_or(0);
    if (review.dayOffset < 0)
        f.fail(f.at("day_offset"), "days after the workshop cannot be negative");
    review.date = f.date("date");
    review.attendees = f.ids("attendees");
    f.each("progress", [&](const Json& item, const std::string& p) {
        Fields<Json> g(item, p, m_file, m_calendar, {"action", "status", "note"});
        ActionProgress progress;
        progress.action = g.requiredId("action");
        progress.status =
            g.template enumeration<ActionStatus>("status").value_or(ActionStatus::Planned);
        progress.note = g.text("note");
        review.progress.push_back(std::move(progress));
    });
    f.each("decisions", [&](const Json& item, const std::string& p) {
        if (!item.is_string())
            f.fail(p, "expected text, found " + typeName(item));
        review.decisions.push_back(item.template get<std::string>());
    });
    review.measuredMap = f.optionalId("measured_map");
    f.each("measures", [&](const Json& item, const std::string& p) {
        Fields<Json> g(item, p, m_file, m_calendar, {"figure", "element", "value"});
        Measure measure;
        measure.figure =
            g.template enumeration<TargetFigure>("figure").value_or(TargetFigure::LeadTime);
        g.require("figure");
        measure.element = g.optionalId("element");
        g.require("value");
        measure.value = *g.figureValue("value", measure.figure);
        review.measures.push_back(measure);
    });
    review.notes = f.text("notes");
    return review;
}

template <class Json>
ParkingItem WorkshopJsonReader::parkingItem(const Json& value, const std::string& pointer) const {
    Fields<Json> f(value, pointer, m_file, m_calendar,
                   {"id", "text", "raised_by", "date", "resolved", "moved_to"});
    ParkingItem item;
    item.id = f.optionalId("id");
    item.text = f.text("text", true);
    item.raisedBy = f.optionalId("raised_by");
    item.date = f.date("date");
    item.resolved = f.boolean("resolved");
    item.movedTo = f.optionalId("moved_to");
    return item;
}

template <class Json>
Term WorkshopJsonReader::term(const Json& value, const std::string& pointer) const {
    Fields<Json> f(value, pointer, m_file, m_calendar, {"id", "term", "meaning"});
    return Term{f.optionalId("id"), f.text("term", true), f.text("meaning")};
}

template <class Json>
Lesson WorkshopJsonReader::lesson(const Json& value, const std::string& pointer) const {
    Fields<Json> f(value, pointer, m_file, m_calendar, {"id", "text", "date"});
    return Lesson{f.optionalId("id"), f.text("text", true), f.date("date")};
}

template <class Json>
DaySummary WorkshopJsonReader::summary(const Json& value, const std::string& pointer) const {
    Fields<Json> f(value, pointer, m_file, m_calendar,
                   {"id", "date", "done", "decisions", "next_agenda", "watermark"});
    DaySummary summary;
    summary.id = f.optionalId("id");
    summary.date = f.date("date");
    if (summary.date.empty())
        f.require("date");
    summary.done = f.text("done");
    summary.decisions = f.text("decisions");
    summary.nextAgenda = f.text("next_agenda");
    summary.watermark = f.optionalId("watermark");
    return summary;
}

WorkshopDraft WorkshopJsonReader::workshop(const json& value, const std::string& pointer) const {
    WorkshopDraft draft;
    draft.props = props(value, pointer);
    Fields<json> f(value, pointer, m_file, m_calendar,
                   {"problem", "goals", "start_date", "end_date", "place", "ideas", "actions",
                    "reviews", "parking_lot", "glossary", "lessons", "day_summaries"});
    f.each("ideas",
           [&](const json& e, const std::string& p) { draft.ideas.emplace_back(idea(e, p), p); });
    f.each("actions", [&](const json& e, const std::string& p) {
        draft.actions.emplace_back(action(e, p), p);
    });
    f.each("reviews", [&](const json& e, const std::string& p) {
        draft.reviews.emplace_back(review(e, p), p);
    });
    f.each("parking_lot", [&](const json& e, const std::string& p) {
        draft.parkingLot.emplace_back(parkingItem(e, p), p);
    });
    f.each("glossary", [&](const json& e, const std::string& p) {
        draft.glossary.emplace_back(term(e, p), p);
    });
    f.each("lessons", [&](const json& e, const std::string& p) {
        draft.lessons.emplace_back(lesson(e, p), p);
    });
    f.each("day_summaries", [&](const json& e, const std::string& p) {
        draft.summaries.emplace_back(summary(e, p), p);
    });
    return draft;
}

// The two kinds of JSON the reader reads: the interchange's documents and a file's rows.
#define GEMBA_WORKSHOP_READER(Json)                                                                \
    template WorkshopProps WorkshopJsonReader::props(const Json&, const std::string&) const;       \
    template Idea WorkshopJsonReader::idea(const Json&, const std::string&) const;                 \
    template Action WorkshopJsonReader::action(const Json&, const std::string&) const;             \
    template Review WorkshopJsonReader::review(const Json&, const std::string&) const;             \
    template ParkingItem WorkshopJsonReader::parkingItem(const Json&, const std::string&) const;   \
    template Term WorkshopJsonReader::term(const Json&, const std::string&) const;                 \
    template Lesson WorkshopJsonReader::lesson(const Json&, const std::string&) const;             \
    template DaySummary WorkshopJsonReader::summary(const Json&, const std::string&) const;
GEMBA_WORKSHOP_READER(json)
GEMBA_WORKSHOP_READER(detail::JsonNode)
#undef GEMBA_WORKSHOP_READER

} // namespace gemba::store
