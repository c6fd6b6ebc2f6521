#include "gemba/model/edit.h"

#include <algorithm>
#include <stdexcept>

namespace gemba::model {

bool Edit::canMerge(const Edit&) const {
    return false;
}
void Edit::merge(const Edit&) {}

namespace {

Map& requireMap(Project& project, Id id) {
    Map* map = project.findMap(id);
    if (!map)
        throw std::logic_error("edit refers to a map that is not in the project");
    return *map;
}

ElementKind elementKindOf(const Step&) {
    return ElementKind::Step;
}
ElementKind elementKindOf(const Wait&) {
    return ElementKind::Wait;
}
ElementKind elementKindOf(const Party& party) {
    return party.kind == PartyKind::Supplier ? ElementKind::Supplier : ElementKind::Customer;
}
ElementKind elementKindOf(const InfoBox&) {
    return ElementKind::InfoBox;
}
ElementKind elementKindOf(const Note&) {
    return ElementKind::Note;
}
ElementKind elementKindOf(const RedPen&) {
    return ElementKind::RedPen;
}
ElementKind elementKindOf(const Flow&) {
    return ElementKind::Flow;
}

/// Where each kind of entity lives, and how its changes are reported.
template <class T> struct EntityTraits;

template <class T, auto Member> struct MapEntityTraits {
    static std::map<Id, T>& collection(Project& project, Id map) {
        return requireMap(project, map).*Member;
    }
    static Change change(Id map, const T& entity, Change::Op op) {
        return Change{Change::Subject::Element, op,         map, entity.id,
                      elementKindOf(entity),    kChangedAll};
    }
};

template <> struct EntityTraits<Step> : MapEntityTraits<Step, &Map::steps> {};
template <> struct EntityTraits<Wait> : MapEntityTraits<Wait, &Map::waits> {};
template <> struct EntityTraits<Party> : MapEntityTraits<Party, &Map::parties> {};
template <> struct EntityTraits<InfoBox> : MapEntityTraits<InfoBox, &Map::infoBoxes> {};
template <> struct EntityTraits<Note> : MapEntityTraits<Note, &Map::notes> {};
template <> struct EntityTraits<RedPen> : MapEntityTraits<RedPen, &Map::redPens> {};
template <> struct EntityTraits<Flow> : MapEntityTraits<Flow, &Map::flows> {};

template <class T, auto Member, Change::Subject S> struct ProjectEntityTraits {
    static std::map<Id, T>& collection(Project& project, Id) { return project.*Member; }
    static Change change(Id, const T& entity, Change::Op op) {
        return Change{S, op, kNoId, entity.id, ElementKind::Step, kChangedAll};
    }
};
template <>
struct EntityTraits<Person>
    : ProjectEntityTraits<Person, &Project::people, Change::Subject::Person> {};
template <>
struct EntityTraits<System>
    : ProjectEntityTraits<System, &Project::systems, Change::Subject::System> {};

template <class T, auto Member> struct WorkshopEntityTraits {
    static std::map<Id, T>& collection(Project& project, Id) { return project.workshop.*Member; }
    static Change change(Id, const T& entity, Change::Op op) {
        return Change{Change::Subject::Workshop, op,         kNoId, entity.id,
                      ElementKind::Step,         kChangedAll};
    }
};
template <> struct EntityTraits<Idea> : WorkshopEntityTraits<Idea, &Workshop::ideas> {};
template <> struct EntityTraits<Action> : WorkshopEntityTraits<Action, &Workshop::actions> {};
template <> struct EntityTraits<Review> : WorkshopEntityTraits<Review, &Workshop::reviews> {};
template <>
struct EntityTraits<ParkingItem> : WorkshopEntityTraits<ParkingItem, &Workshop::parkingLot> {};
template <> struct EntityTraits<Term> : WorkshopEntityTraits<Term, &Workshop::glossary> {};
template <> struct EntityTraits<Lesson> : WorkshopEntityTraits<Lesson, &Workshop::lessons> {};
template <>
struct EntityTraits<DaySummary> : WorkshopEntityTraits<DaySummary, &Workshop::summaries> {};

/// Which fields differ between two versions of an entity.
template <class T> unsigned changedFields(const T& before, const T& after) {
    if constexpr (requires { before.pos; }) {
        T moved = before;
        moved.pos = after.pos;
        return (before.pos != after.pos ? kChangedPosition : 0u) |
               (moved != after ? kChangedContent : 0u);
    } else {
        return before == after ? 0u : kChangedContent;
    }
}

template <class T>
void writeEntity(Project& project, Id map, Id id, const std::optional<T>& value, Changes& changes) {
    using Traits = EntityTraits<T>;
    auto& collection = Traits::collection(project, map);
    auto it = collection.find(id);
    if (value) {
        if (it == collection.end()) {
            collection.emplace(id, *value);
            changes.push_back(Traits::change(map, *value, Change::Op::Added));
        } else {
            Change c = Traits::change(map, *value, Change::Op::Modified);
            c.fields = changedFields(it->second, *value);
            it->second = *value;
            if (c.fields != 0)
                changes.push_back(c);
        }
    } else if (it != collection.end()) {
        changes.push_back(Traits::change(map, it->second, Change::Op::Removed));
        collection.erase(it);
    }
}

} // namespace

template <class T>
SetEntity<T>::SetEntity(Id map, std::optional<T> before, std::optional<T> after,
                        std::string description)
    : m_map(map)
    , m_before(std::move(before))
    , m_after(std::move(after))
    , m_description(std::move(description)) {
    if (!m_before && !m_after)
        throw std::logic_error("SetEntity needs a before or an after value");
    if (m_before && m_after && m_before->id != m_after->id)
        throw std::logic_error("SetEntity cannot change an entity's id");
}

template <class T> void SetEntity<T>::apply(Project& project, Changes& changes) const {
    writeEntity(project, m_map, m_after ? m_after->id : m_before->id, m_after, changes);
}

template <class T> void SetEntity<T>::revert(Project& project, Changes& changes) const {
    writeEntity(project, m_map, m_after ? m_after->id : m_before->id, m_before, changes);
}

template <class T> bool SetEntity<T>::canMerge(const Edit& next) const {
    auto* other = dynamic_cast<const SetEntity<T>*>(&next);
    return other && other->m_map == m_map && m_before && m_after && other->m_before &&
           other->m_after && other->m_before->id == m_after->id;
}

template <class T> void SetEntity<T>::merge(const Edit& next) {
    m_after = static_cast<const SetEntity<T>&>(next).m_after;
}

template class SetEntity<Step>;
template class SetEntity<Wait>;
template class SetEntity<Party>;
template class SetEntity<InfoBox>;
template class SetEntity<Note>;
template class SetEntity<RedPen>;
template class SetEntity<Flow>;
template class SetEntity<Person>;
template class SetEntity<System>;
template class SetEntity<Idea>;
template class SetEntity<Action>;
template class SetEntity<Review>;
template class SetEntity<ParkingItem>;
template class SetEntity<Term>;
template class SetEntity<Lesson>;
template class SetEntity<DaySummary>;

SetWorkshopProps::SetWorkshopProps(WorkshopProps before, WorkshopProps after,
                                   std::string description)
    : m_before(std::move(before))
    , m_after(std::move(after))
    , m_description(std::move(description)) {}

void SetWorkshopProps::apply(Project& project, Changes& changes) const {
    project.workshop.props = m_after;
    changes.push_back(Change{Change::Subject::Workshop});
}
void SetWorkshopProps::revert(Project& project, Changes& changes) const {
    project.workshop.props = m_before;
    changes.push_back(Change{Change::Subject::Workshop});
}
bool SetWorkshopProps::canMerge(const Edit& next) const {
    return dynamic_cast<const SetWorkshopProps*>(&next) != nullptr;
}
void SetWorkshopProps::merge(const Edit& next) {
    m_after = static_cast<const SetWorkshopProps&>(next).m_after;
}

SetMapProps::SetMapProps(Id map, MapProps before, MapProps after, std::string description)
    : m_map(map)
    , m_before(std::move(before))
    , m_after(std::move(after))
    , m_description(std::move(description)) {}

void SetMapProps::write(Project& project, const MapProps& props, Changes& changes) const {
    requireMap(project, m_map).props = props;
    changes.push_back(Change{Change::Subject::Map, Change::Op::Modified, m_map, m_map,
                             ElementKind::Step, kChangedContent});
}

void SetMapProps::apply(Project& project, Changes& changes) const {
    write(project, m_after, changes);
}
void SetMapProps::revert(Project& project, Changes& changes) const {
    write(project, m_before, changes);
}
bool SetMapProps::canMerge(const Edit& next) const {
    auto* other = dynamic_cast<const SetMapProps*>(&next);
    return other && other->m_map == m_map;
}
void SetMapProps::merge(const Edit& next) {
    m_after = static_cast<const SetMapProps&>(next).m_after;
}

SetProjectProps::SetProjectProps(ProjectProps before, ProjectProps after, std::string description)
    : m_before(std::move(before))
    , m_after(std::move(after))
    , m_description(std::move(description)) {}

void SetProjectProps::apply(Project& project, Changes& changes) const {
    project.props = m_after;
    changes.push_back(Change{Change::Subject::Project});
}
void SetProjectProps::revert(Project& project, Changes& changes) const {
    project.props = m_before;
    changes.push_back(Change{Change::Subject::Project});
}
bool SetProjectProps::canMerge(const Edit& next) const {
    return dynamic_cast<const SetProjectProps*>(&next) != nullptr;
}
void SetProjectProps::merge(const Edit& next) {
    m_after = static_cast<const SetProjectProps&>(next).m_after;
}

ReplaceProject::ReplaceProject(Project before, Project after, std::string description)
    : m_before(std::move(before))
    , m_after(std::move(after))
    , m_description(std::move(description)) {}

namespace {
void replaceKeepingCounter(Project& project, const Project& with, Changes& changes) {
    const Id next = std::max(project.nextId, with.nextId);
    project = with;
    project.nextId = next;
    changes.push_back(Change{Change::Subject::Everything});
}
} // namespace

void ReplaceProject::apply(Project& project, Changes& changes) const {
    replaceKeepingCounter(project, m_after, changes);
}
void ReplaceProject::revert(Project& project, Changes& changes) const {
    replaceKeepingCounter(project, m_before, changes);
}

AddMap::AddMap(Map map, std::size_t index, std::string description)
    : m_map(std::move(map))
    , m_index(index)
    , m_description(std::move(description)) {}

void AddMap::apply(Project& project, Changes& changes) const {
    const std::size_t index = std::min(m_index, project.maps.size());
    project.maps.insert(project.maps.begin() + static_cast<std::ptrdiff_t>(index), m_map);
    changes.push_back(Change{Change::Subject::MapList, Change::Op::Added, m_map.id, m_map.id});
}

void AddMap::revert(Project& project, Changes& changes) const {
    auto it = std::find_if(project.maps.begin(), project.maps.end(),
                           [&](const Map& m) { return m.id == m_map.id; });
    if (it == project.maps.end())
        throw std::logic_error("edit refers to a map that is not in the project");
    project.maps.erase(it);
    changes.push_back(Change{Change::Subject::MapList, Change::Op::Removed, m_map.id, m_map.id});
}

RemoveMap::RemoveMap(Map map, std::size_t index, std::string description)
    : m_inverse(std::move(map), index, std::move(description)) {}
void RemoveMap::apply(Project& project, Changes& changes) const {
    m_inverse.revert(project, changes);
}
void RemoveMap::revert(Project& project, Changes& changes) const {
    m_inverse.apply(project, changes);
}

void CompoundEdit::apply(Project& project, Changes& changes) const {
    for (const auto& child : m_children)
        child->apply(project, changes);
}

void CompoundEdit::revert(Project& project, Changes& changes) const {
    for (auto it = m_children.rbegin(); it != m_children.rend(); ++it)
        (*it)->revert(project, changes);
}

bool CompoundEdit::canMerge(const Edit& next) const {
    auto* other = dynamic_cast<const CompoundEdit*>(&next);
    if (!other || other->m_children.size() != m_children.size())
        return false;
    for (std::size_t i = 0; i < m_children.size(); ++i)
        if (!m_children[i]->canMerge(*other->m_children[i]))
            return false;
    return true;
}

void CompoundEdit::merge(const Edit& next) {
    auto& other = static_cast<const CompoundEdit&>(next);
    for (std::size_t i = 0; i < m_children.size(); ++i)
        m_children[i]->merge(*other.m_children[i]);
}

bool CompoundEdit::isNoop() const {
    return std::all_of(m_children.begin(), m_children.end(),
                       [](const EditPtr& child) { return child->isNoop(); });
}

} // namespace gemba::model
