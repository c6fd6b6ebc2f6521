#pragma once

#include "gemba/model/edit.h"

#include <functional>
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

/// Removes elements with everything that depends on them: flows to or from them, and their
/// place in red-pen targets. Ids the map does not hold are ignored; returns null when nothing
/// would change.
EditPtr removeElements(const Project& project, Id map, std::span<const Id> elements);

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

/// Adds `step` after `after` (a step or wait), joined by a push flow. When `after` has exactly
/// one outgoing work flow, the new step is inserted into it.
EditPtr insertStepAfter(const Project& project, const IdSource& newId, Id map, Id after, Step step);

/// An IdSource drawing on a project's own counter.
inline IdSource idsOf(Project& project) {
    return [&project] { return project.allocateId(); };
}

} // namespace gemba::model
