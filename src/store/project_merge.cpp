#include "gemba/store/project_merge.h"

#include "gemba/store/errors.h"
#include "gemba/store/json_format.h"
#include "json_format_detail.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

namespace gemba::store {

namespace {

using model::Id;
using nlohmann::json;

/// The keys of the interchange format (docs/file-format.md) whose values are ids of other
/// entities, alone or in lists. "id" names an entity's own.
const std::set<std::string, std::less<>> kReferenceKeys{
    "id",        "from",    "to",          "origin",    "made_from",     "targets",
    "people",    "systems", "experts",     "sponsor",   "process_owner", "facilitator",
    "attendees", "changes", "concerns",    "element",   "map",           "measured_map",
    "moved_to",  "owner",   "proposed_by", "raised_by", "realises",      "watermark",
    "action"};

/// Calls f(id, entity) for every object with an id (an entity), anywhere in `value`.
template <class F> void forEachEntity(const json& value, F&& f) {
    if (value.is_object()) {
        if (auto id = value.find("id"); id != value.end() && id->is_number_integer())
            f(id->get<Id>(), value);
        for (const auto& [key, child] : value.items())
            forEachEntity(child, f);
    } else if (value.is_array()) {
        for (const json& child : value)
            forEachEntity(child, f);
    }
}

std::map<Id, const json*> entitiesById(const json& project) {
    std::map<Id, const json*> entities;
    forEachEntity(project, [&](Id id, const json& entity) { entities[id] = &entity; });
    return entities;
}

void renumber(json& value, const std::map<Id, Id>& renumbered, bool isReference) {
    if (value.is_number_integer()) {
        if (!isReference)
            return;
        if (auto it = renumbered.find(value.get<Id>()); it != renumbered.end())
            value = it->second;
    } else if (value.is_array()) {
        for (json& item : value)
            renumber(item, renumbered, isReference);
    } else if (value.is_object()) {
        for (auto& [key, child] : value.items())
            renumber(child, renumbered, kReferenceKeys.contains(key));
    }
}

/// Lists of entities are merged element by element, by id.
bool isEntityList(const json* value) {
    return value && detail::isEntityList(*value);
}

bool same(const json* a, const json* b) {
    return (!a && !b) || (a && b && *a == *b);
}

std::optional<json> copyOf(const json* value) {
    return value ? std::optional<json>(*value) : std::nullopt;
}

/// An entity as a conflict names it: by its name, else by its id.
std::string shownName(const json& entity) {
    const std::string name = detail::entityName(entity);
    return name.empty() ? "#" + std::to_string(entity.value("id", Id{0})) : name;
}

/// "steps" -> "step", "info_boxes" -> "info box": what one element of a list is called.
std::string elementKind(std::string list) {
    std::replace(list.begin(), list.end(), '_', ' ');
    if (list.ends_with("ies"))
        return list.substr(0, list.size() - 3) + "y";
    if (list.ends_with("xes") || list.ends_with("sses"))
        return list.substr(0, list.size() - 2);
    if (list == "people")
        return "person";
    if (list.ends_with('s'))
        return list.substr(0, list.size() - 1);
    return list;
}

/// Where a value is: the element it belongs to ("step 'Review' in map 'Current state'", empty
/// for the project's own fields) and the field inside it ("time/typical").
struct Place {
    std::string element;
    std::string field;
    std::string named() const {
        const std::string owner = element.empty() ? "the project" : element;
        return field.empty() ? owner : owner + ": " + field;
    }
};

class Merger {
public:
    std::vector<MergeConflict> conflicts;

    /// The merge of one value; nothing when it is absent from the result.
    std::optional<json> merge(const json* base, const json* mine, const json* theirs,
                              const Place& at) {
        if (same(mine, theirs) || same(base, theirs))
            return copyOf(mine);
        if (same(base, mine))
            return copyOf(theirs);
        if ((isEntityList(base) || isEntityList(mine) || isEntityList(theirs)) &&
            entitiesOrNone(base) && entitiesOrNone(mine) && entitiesOrNone(theirs))
            return mergeList(base, mine, theirs, at);
        if (base && mine && theirs && base->is_object() && mine->is_object() && theirs->is_object())
            return mergeObject(*base, *mine, *theirs, at);
        conflict(at, !mine     ? "removed here, changed by the other save"
                     : !theirs ? "changed here, removed by the other save"
                     : !base   ? "added here and by the other save, differently"
                               : "changed here and by the other save");
        return copyOf(mine);
    }

private:
    static bool entitiesOrNone(const json* value) {
        return !value || (value->is_array() && value->empty()) || isEntityList(value);
    }

    void conflict(const Place& at, const char* what) { conflicts.push_back({at.named(), what}); }

    json mergeObject(const json& base, const json& mine, const json& theirs, const Place& at) {
        std::vector<std::string> keys;
        for (const json* side : {&theirs, &mine, &base})
            for (const auto& [key, value] : side->items())
                if (std::find(keys.begin(), keys.end(), key) == keys.end())
                    keys.push_back(key);
        json out = json::object();
        for (const std::string& key : keys) {
            const auto find = [&](const json& side) {
                const auto it = side.find(key);
                return it == side.end() ? nullptr : &*it;
            };
            Place inner{at.element, at.field.empty() ? key : at.field + "/" + key};
            if (auto merged = merge(find(base), find(mine), find(theirs), inner))
                out[key] = std::move(*merged);
        }
        return out;
    }

    /// A list of entities, entity by entity (by id): their order, then those added here.
    json mergeList(const json* base, const json* mine, const json* theirs, const Place& at) {
        const auto index = [](const json* side) {
            std::map<Id, const json*> byId;
            if (side)
                for (const json& item : *side)
                    byId[item["id"].get<Id>()] = &item;
            return byId;
        };
        const auto b = index(base), m = index(mine), t = index(theirs);
        const auto find = [](const std::map<Id, const json*>& side, Id id) {
            const auto it = side.find(id);
            return it == side.end() ? nullptr : it->second;
        };
        // "maps/steps" -> "step"; a list of the project itself ("people") is named alone.
        const std::string list = at.field.substr(at.field.rfind('/') + 1);
        std::vector<Id> order;
        std::set<Id> listed;
        for (const auto* side : {theirs, mine})
            if (side)
                for (const json& item : *side)
                    if (const Id id = item["id"].get<Id>(); listed.insert(id).second)
                        order.push_back(id);
        json out = json::array();
        for (const Id id : order) {
            const json* any = find(m, id) ? find(m, id) : find(t, id) ? find(t, id) : find(b, id);
            Place element{elementKind(list) + " '" + shownName(*any) + "'" +
                              (at.element.empty() ? "" : " in " + at.element),
                          ""};
            if (auto merged = merge(find(b, id), find(m, id), find(t, id), element))
                out.push_back(std::move(*merged));
        }
        return out;
    }
};

} // namespace

model::Project renumberIds(const model::Project& project, const std::map<Id, Id>& renumbered) {
    json document = toJson(project);
    renumber(document, renumbered, false);
    Id largest = 0;
    forEachEntity(document, [&](Id id, const json&) { largest = std::max(largest, id); });
    document["next_id"] = std::max(project.nextId, largest + 1);
    return fromJson(document, "the project renumbered");
}

ProjectMerge mergeProjects(const model::Project& base, const model::Project& mine,
                           const model::Project& theirs) {
    json baseJson = toJson(base);
    json theirsJson = toJson(theirs);
    // Elements added on both sides may have been given the same ids: those added here move
    // past every id either side used (the same element added alike on both sides stays one).
    const std::map<Id, const json*> before = entitiesById(baseJson);
    const std::map<Id, const json*> theirEntities = entitiesById(theirsJson);
    json mineJson = toJson(mine);
    std::map<Id, Id> renumbered;
    Id next = std::max({mine.nextId, theirs.nextId, base.nextId});
    for (const auto& [id, entity] : entitiesById(mineJson))
        if (const auto their = theirEntities.find(id);
            !before.contains(id) && their != theirEntities.end() && *their->second != *entity)
            renumbered[id] = next++;
    if (!renumbered.empty())
        renumber(mineJson, renumbered, false);

    // Each side counts its own ids on: not a change to merge.
    for (json* side : {&baseJson, &mineJson, &theirsJson})
        side->erase("next_id");
    Merger merger;
    json merged = *merger.merge(&baseJson, &mineJson, &theirsJson, Place{});
    ProjectMerge out;
    out.conflicts = std::move(merger.conflicts);
    if (!out.conflicts.empty())
        return out;
    merged["next_id"] = std::max({next, mine.nextId, theirs.nextId});
    try {
        out.merged = fromJson(merged, "the merged project");
    } catch (const InputError& e) {
        // Each side whole, the two together not: a flow added here to a step removed there.
        out.conflicts.push_back({e.place(), e.problem()});
    }
    return out;
}

} // namespace gemba::store
