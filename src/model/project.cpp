#include "gemba/model/project.h"

#include <algorithm>

namespace gemba::model {

std::optional<ElementKind> Map::kindOf(Id element) const {
    if (steps.contains(element))
        return ElementKind::Step;
    if (waits.contains(element))
        return ElementKind::Wait;
    if (auto it = parties.find(element); it != parties.end())
        return it->second.kind == PartyKind::Supplier ? ElementKind::Supplier
                                                      : ElementKind::Customer;
    if (infoBoxes.contains(element))
        return ElementKind::InfoBox;
    if (notes.contains(element))
        return ElementKind::Note;
    if (redPens.contains(element))
        return ElementKind::RedPen;
    if (flows.contains(element))
        return ElementKind::Flow;
    return std::nullopt;
}

namespace {
template <class Collection>
const typename Collection::mapped_type* find(const Collection& c, Id id) {
    auto it = c.find(id);
    return it == c.end() ? nullptr : &it->second;
}
} // namespace

std::optional<Point> Map::positionOf(Id element) const {
    if (auto* s = find(steps, element))
        return s->pos;
    if (auto* w = find(waits, element))
        return w->pos;
    if (auto* p = find(parties, element))
        return p->pos;
    if (auto* b = find(infoBoxes, element))
        return b->pos;
    if (auto* n = find(notes, element))
        return n->pos;
    if (auto* r = find(redPens, element))
        return r->pos;
    return std::nullopt;
}

std::string Map::nameOf(Id element) const {
    if (auto* s = find(steps, element))
        return s->name;
    if (auto* w = find(waits, element))
        return w->label;
    if (auto* p = find(parties, element))
        return p->name;
    if (auto* b = find(infoBoxes, element))
        return b->name;
    if (auto* n = find(notes, element))
        return n->text;
    if (auto* r = find(redPens, element))
        return r->reason;
    if (auto* f = find(flows, element))
        return f->label;
    return {};
}

std::vector<Id> Map::placedElements() const {
    std::vector<Id> ids;
    ids.reserve(steps.size() + waits.size() + parties.size() + infoBoxes.size() + notes.size() +
                redPens.size());
    for (const auto& [id, _] : steps)
        ids.push_back(id);
    for (const auto& [id, _] : waits)
        ids.push_back(id);
    for (const auto& [id, _] : parties)
        ids.push_back(id);
    for (const auto& [id, _] : infoBoxes)
        ids.push_back(id);
    for (const auto& [id, _] : notes)
        ids.push_back(id);
    for (const auto& [id, _] : redPens)
        ids.push_back(id);
    std::sort(ids.begin(), ids.end());
    return ids;
}

const Step* Map::findStep(Id id) const {
    return find(steps, id);
}
const Flow* Map::findFlow(Id id) const {
    return find(flows, id);
}

std::optional<double> Map::demandPerDay(const Calendar& calendar) const {
    if (!props.demand || props.demand->quantity <= 0)
        return std::nullopt;
    const double quantity = props.demand->quantity;
    switch (props.demand->per) {
    case DemandPeriod::Day:
        return quantity;
    case DemandPeriod::Week:
        return quantity / calendar.daysPerWeek;
    case DemandPeriod::Month:
        return quantity / calendar.daysPerMonth;
    case DemandPeriod::Year: // 52 working weeks, as a year of friction costs
        return quantity / (calendar.daysPerWeek * 52.0);
    }
    return std::nullopt;
}

Map* Project::findMap(Id id) {
    auto it = std::find_if(maps.begin(), maps.end(), [id](const Map& m) { return m.id == id; });
    return it == maps.end() ? nullptr : &*it;
}

const Map* Project::findMap(Id id) const {
    return const_cast<Project*>(this)->findMap(id);
}

const Map* Project::findMapByName(const std::string& name) const {
    auto it =
        std::find_if(maps.begin(), maps.end(), [&](const Map& m) { return m.props.name == name; });
    return it == maps.end() ? nullptr : &*it;
}

Id Project::largestIdInUse() const {
    Id largest = kNoId;
    auto consider = [&](const auto& collection) {
        if (!collection.empty())
            largest = std::max(largest, collection.rbegin()->first);
    };
    consider(people);
    consider(systems);
    for (const Map& map : maps) {
        largest = std::max(largest, map.id);
        consider(map.steps);
        consider(map.waits);
        consider(map.parties);
        consider(map.infoBoxes);
        consider(map.notes);
        consider(map.redPens);
        consider(map.flows);
    }
    return std::max(largest, workshop.largestIdInUse());
}

} // namespace gemba::model
