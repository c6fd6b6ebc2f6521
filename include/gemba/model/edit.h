#pragma once

#include "gemba/model/project.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

/// Every change to a project is an Edit: it applies and reverts itself, and stores ids and
/// values, never pointers. The editor wraps edits in undo commands; the command line and the
/// tests apply them directly.
namespace gemba::model {

/// Which parts of an element an edit touched.
enum ChangedFields : unsigned {
    kChangedPosition = 1u << 0,
    kChangedContent = 1u << 1,
    kChangedAll = kChangedPosition | kChangedContent,
};

/// What an edit changed, told to the document's listeners.
struct Change {
    /// Workshop: an idea, action, review, log entry (id) or the case for change (no id).
    enum class Subject { Everything, Project, MapList, Map, Element, Person, System, Workshop };
    enum class Op { Added, Removed, Modified };
    Subject subject = Subject::Everything;
    Op op = Op::Modified;
    Id map = kNoId; ///< the map, for Map and Element changes
    Id id = kNoId;  ///< the entity
    ElementKind kind = ElementKind::Step;
    unsigned fields = kChangedAll; ///< ChangedFields, for Modified
    bool operator==(const Change&) const = default;
};
using Changes = std::vector<Change>;

class Edit {
public:
    virtual ~Edit() = default;
    virtual void apply(Project& project, Changes& changes) const = 0;
    virtual void revert(Project& project, Changes& changes) const = 0;
    /// What the edit does, in English, for undo menus: "Move 3 elements".
    virtual std::string description() const = 0;
    /// Whether `next` changes the same things, so that this edit can absorb it (one undo step
    /// for a whole drag).
    virtual bool canMerge(const Edit& next) const;
    /// Absorbs `next`; only called after canMerge(next) returned true.
    virtual void merge(const Edit& next);
    /// An edit that changes nothing (a drag back to where it started) can be dropped.
    virtual bool isNoop() const = 0;
};
using EditPtr = std::unique_ptr<Edit>;

/// Adds, removes or replaces one entity: `before` empty adds, `after` empty removes.
/// One class serves all entity kinds; EntityTraits<T> (in edit.cpp) says where T lives.
template <class T> class SetEntity final : public Edit {
public:
    SetEntity(Id map, std::optional<T> before, std::optional<T> after, std::string description);
    void apply(Project& project, Changes& changes) const override;
    void revert(Project& project, Changes& changes) const override;
    std::string description() const override { return m_description; }
    bool canMerge(const Edit& next) const override;
    void merge(const Edit& next) override;
    bool isNoop() const override { return m_before == m_after; }

    Id map() const { return m_map; }
    const std::optional<T>& before() const { return m_before; }
    const std::optional<T>& after() const { return m_after; }

private:
    Id m_map;
    std::optional<T> m_before;
    std::optional<T> m_after;
    std::string m_description;
};

using SetStep = SetEntity<Step>;
using SetWait = SetEntity<Wait>;
using SetParty = SetEntity<Party>;
using SetInfoBox = SetEntity<InfoBox>;
using SetNote = SetEntity<Note>;
using SetRedPen = SetEntity<RedPen>;
using SetFlow = SetEntity<Flow>;
using SetPerson = SetEntity<Person>; // map is kNoId
using SetSystem = SetEntity<System>; // map is kNoId
// The workshop's entities (workshop.h); map is kNoId.
using SetIdea = SetEntity<Idea>;
using SetAction = SetEntity<Action>;
using SetReview = SetEntity<Review>;
using SetParkingItem = SetEntity<ParkingItem>;
using SetTerm = SetEntity<Term>;
using SetLesson = SetEntity<Lesson>;
using SetDaySummary = SetEntity<DaySummary>;

/// Replaces the workshop's case for change, goals, dates and place.
class SetWorkshopProps final : public Edit {
public:
    SetWorkshopProps(WorkshopProps before, WorkshopProps after, std::string description);
    void apply(Project& project, Changes& changes) const override;
    void revert(Project& project, Changes& changes) const override;
    std::string description() const override { return m_description; }
    bool canMerge(const Edit& next) const override;
    void merge(const Edit& next) override;
    bool isNoop() const override { return m_before == m_after; }

private:
    WorkshopProps m_before;
    WorkshopProps m_after;
    std::string m_description;
};

/// Replaces a map's properties (name, state, demand...).
class SetMapProps final : public Edit {
public:
    SetMapProps(Id map, MapProps before, MapProps after, std::string description);
    void apply(Project& project, Changes& changes) const override;
    void revert(Project& project, Changes& changes) const override;
    std::string description() const override { return m_description; }
    bool canMerge(const Edit& next) const override;
    void merge(const Edit& next) override;
    bool isNoop() const override { return m_before == m_after; }

private:
    void write(Project& project, const MapProps& props, Changes& changes) const;
    Id m_map;
    MapProps m_before;
    MapProps m_after;
    std::string m_description;
};

/// Replaces the project's properties (name, calendar, currency, team...).
class SetProjectProps final : public Edit {
public:
    SetProjectProps(ProjectProps before, ProjectProps after, std::string description);
    void apply(Project& project, Changes& changes) const override;
    void revert(Project& project, Changes& changes) const override;
    std::string description() const override { return m_description; }
    bool canMerge(const Edit& next) const override;
    void merge(const Edit& next) override;
    bool isNoop() const override { return m_before == m_after; }

private:
    ProjectProps m_before;
    ProjectProps m_after;
    std::string m_description;
};

/// Replaces the whole project (a merge with a version saved by someone else). The id counter
/// only grows: an undo keeps the ids handed out meanwhile used.
class ReplaceProject final : public Edit {
public:
    ReplaceProject(Project before, Project after, std::string description);
    void apply(Project& project, Changes& changes) const override;
    void revert(Project& project, Changes& changes) const override;
    std::string description() const override { return m_description; }
    bool isNoop() const override { return m_before == m_after; }

private:
    Project m_before;
    Project m_after;
    std::string m_description;
};

/// Adds a whole map at a tab index, or removes one (the map travels with the edit).
class AddMap final : public Edit {
public:
    AddMap(Map map, std::size_t index, std::string description);
    void apply(Project& project, Changes& changes) const override;
    void revert(Project& project, Changes& changes) const override;
    std::string description() const override { return m_description; }
    bool isNoop() const override { return false; }

private:
    Map m_map;
    std::size_t m_index;
    std::string m_description;
};

/// The inverse of AddMap.
class RemoveMap final : public Edit {
public:
    RemoveMap(Map map, std::size_t index, std::string description);
    void apply(Project& project, Changes& changes) const override;
    void revert(Project& project, Changes& changes) const override;
    std::string description() const override { return m_inverse.description(); }
    bool isNoop() const override { return false; }

private:
    AddMap m_inverse;
};

/// Several edits as one: applied in order, reverted in reverse order.
class CompoundEdit final : public Edit {
public:
    explicit CompoundEdit(std::string description)
        : m_description(std::move(description)) {}
    void add(EditPtr edit) { m_children.push_back(std::move(edit)); }
    bool empty() const { return m_children.empty(); }
    const std::vector<EditPtr>& children() const { return m_children; }

    void apply(Project& project, Changes& changes) const override;
    void revert(Project& project, Changes& changes) const override;
    std::string description() const override { return m_description; }
    /// Merges child by child, when `next` is a compound of the same shape.
    bool canMerge(const Edit& next) const override;
    void merge(const Edit& next) override;
    bool isNoop() const override;

private:
    std::vector<EditPtr> m_children;
    std::string m_description;
};

extern template class SetEntity<Step>;
extern template class SetEntity<Wait>;
extern template class SetEntity<Party>;
extern template class SetEntity<InfoBox>;
extern template class SetEntity<Note>;
extern template class SetEntity<RedPen>;
extern template class SetEntity<Flow>;
extern template class SetEntity<Person>;
extern template class SetEntity<System>;
extern template class SetEntity<Idea>;
extern template class SetEntity<Action>;
extern template class SetEntity<Review>;
extern template class SetEntity<ParkingItem>;
extern template class SetEntity<Term>;
extern template class SetEntity<Lesson>;
extern template class SetEntity<DaySummary>;

} // namespace gemba::model
