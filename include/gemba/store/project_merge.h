#pragma once

#include "gemba/model/project.h"

#include <optional>
#include <string>
#include <vector>

/// Merging two changes of one project: the one made here (`mine`) and one saved meanwhile by
/// someone else (`theirs`), both made from `base`. Field by field: a field (a step's name, a
/// map's demand, a person's cost) changed on one side only takes that change; changed on both
/// sides alike, the change; changed on both sides differently, it is a conflict, and so is an
/// element removed on one side and changed on the other. Elements added on both sides are
/// both kept: those added here are numbered anew when the other side used the same ids.
/// Rules: docs/repository.md, "Saved by someone else: merge".
namespace gemba::store {

struct MergeConflict {
    std::string place; ///< "step 'Review contract' (maps/Current state)"
    std::string what;  ///< "changed here and by the other save"
};

struct ProjectMerge {
    std::optional<model::Project> merged; ///< none when there are conflicts
    std::vector<MergeConflict> conflicts;
};

ProjectMerge mergeProjects(const model::Project& base, const model::Project& mine,
                           const model::Project& theirs);

/// `project` with every id of `renumbered` (old id -> new id) changed, in the entities and in
/// everything that refers to them. Ids not in `renumbered` stay.
model::Project renumberIds(const model::Project& project,
                           const std::map<model::Id, model::Id>& renumbered);

} // namespace gemba::store
