#pragma once

#include "gemba/model/edit.h"

#include <functional>
#include <set>
#include <span>

/// Edits that take more than one entity change, built from the project as it is now. Each
/// returns the edit without applying it; the caller applies it (through the undo stack).
/// Operations that create entities take their new ids from an IdSource: the project's own
/// counter (Project::allocateId) or the editor document's (Document::allocateId).
namespace gemba::model {

using IdSource = std::function<Id()>;

/// Adds any element (step, wait, party, info box, note, red pen, flow) to a map.
EditPtr makeAdd(Id map, const Step& step);
EditPtr makeAdd(Id map, const Wait& wait);
EditPtr makeAdd(Id map, const Party& party);
EditPtr makeAdd(Id map, const InfoBox& box);
EditPtr makeAdd(Id map, const Note& note);
EditPtr makeAdd(Id map, const RedPen& pen);
EditPtr makeAdd(Id map, const Flow& flow);

/// How removeElements treats what the removed elements leave behind.
struct RemoveOptions {
    /// Join the predecessors of removed steps and waits to their successors, so that a
    /// deleted step in the middle of a chain does not break the stream. Needs newId.
    bool bridge = false;
    IdSource newId;
    /// Keep a red pen whose every target is removed (drawn where it stands); by default it
    /// goes with its last target, so that its cost never floats free on the map.
    bool keepEmptiedRedPens = false;
};

/// Removes elements with everything that depends on them: flows to or from them, their place
/// in red-pen targets and red pens left with no target (see RemoveOptions). Ids the map does
/// not hold are ignored; returns null when nothing would change.
EditPtr removeElements(const Project& project, Id map, std::span<const Id> elements,
                       const RemoveOptions& options = {});

/// The red pens that removing these elements leaves with no target.
std::vector<Id> redPensEmptiedBy(const Project& project, Id map, std::span<const Id> elements);
/// Those red pens as keepEmptiedRedPens keeps them: no targets, drawn where their first
/// target stood. Adding them back (makeAdd) after the removal keeps them after all.
std::vector<RedPen> redPensKeptAfter(const Project& project, Id map, std::span<const Id> elements);

/// Moves placed elements to new positions, as one edit (merges with the next move of the
/// same elements, so a drag is one undo step).
EditPtr moveElements(const Project& project, Id map, std::span<const std::pair<Id, Point>> moves);

/// Removes a person and every reference to them (steps, workshop team).
EditPtr removePerson(const Project& project, Id person);
/// Removes a system and every step's reference to it.
EditPtr removeSystem(const Project& project, Id system);

/// A new map made from `source`: every element copied with a new id and `origin` set to the
/// element it came from, so the two maps can be compared step by step.
Map deriveMap(const IdSource& newId, const Map& source, std::string name, MapState state);

/// Elements copied out of a map, with the flows between them and the red pens on them: a
/// clipboard. Ids are those of the source map.
Map copyElements(const Map& source, std::span<const Id> elements);

/// Pastes a clipboard into a map with fresh ids, shifted by `offset`. `newIds` receives the
/// ids of the pasted placed elements (for the selection). Returns null for an empty clipboard.
EditPtr pasteElements(const Project& project, const IdSource& newId, Id map, const Map& clipboard,
                      Point offset, std::vector<Id>* newIds = nullptr);

/// Adds `step` after `after` (a step or wait), joined by a push flow: the new step takes over
/// every outgoing work flow of `after`, so it stands between `after` and all its successors
/// (one undo step). When `after` is not a step or wait the step is only added.
EditPtr insertStepAfter(const Project& project, const IdSource& newId, Id map, Id after, Step step);
/// The same for a wait or inventory.
EditPtr insertWaitAfter(const Project& project, const IdSource& newId, Id map, Id after, Wait wait);

/// Sets the share of a work flow (`after` is the flow with its new share). On a two-way split
/// the other route gets the complement (1 - share), or loses its share too when this one is
/// cleared, so the split stays measurable: one edit.
EditPtr setFlowShare(const Project& project, Id map, const Flow& after, std::string description);

/// The elements from which work flows lead to `element` (itself only when it is on a loop).
std::set<Id> workAncestors(const Map& map, Id element);

/// An IdSource drawing on a project's own counter.
inline IdSource idsOf(Project& project) {
    return [&project] { return project.allocateId(); };
}

} // namespace gemba::model
