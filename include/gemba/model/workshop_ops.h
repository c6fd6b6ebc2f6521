#pragma once

#include "gemba/model/edit.h"

#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

/// Edits and read-only questions on the workshop (ideas, actions, reviews, log), built from the
/// project as it is now. Edits are returned, not applied, as in operations.h.
namespace gemba::model {

EditPtr makeAdd(const Idea& idea);
EditPtr makeAdd(const Action& action);
EditPtr makeAdd(const Review& review);
EditPtr makeAdd(const ParkingItem& item);
EditPtr makeAdd(const Term& term);
EditPtr makeAdd(const Lesson& lesson);
EditPtr makeAdd(const DaySummary& summary);

/// Edits that drop every workshop reference to the ids in `removed` (elements, maps, people,
/// ideas, actions), so that deleting them leaves nothing dangling. Null when none refers.
std::vector<EditPtr> detachWorkshopReferences(const Project& project, const std::set<Id>& removed);

/// Removes a map, and every workshop reference to it and to its elements.
EditPtr removeMapWithReferences(const Project& project, Id map, std::string description);

/// Removes workshop entities (ideas, actions, reviews, log entries) and every reference to
/// them. Ids that are not workshop entities are ignored; null when nothing would change.
EditPtr removeWorkshopItems(const Project& project, std::span<const Id> ids);

/// What kind of thing an id names in a project, for messages: "step", "map", "idea"; empty
/// when nothing has the id.
std::string kindOfId(const Project& project, Id id);
/// The map that holds an element, or the map with this id; null otherwise.
const Map* mapOfId(const Project& project, Id id);

/// Something wrong in the workshop: a reference to nothing, a date that is not a date.
struct WorkshopFinding {
    bool error = true; ///< false: a warning
    Id id = kNoId;     ///< the idea, action, review or log entry; none for the case for change
    std::string message;
};
/// Every finding, in the order ideas, actions, reviews, log, case for change.
std::vector<WorkshopFinding> checkWorkshop(const Project& project);

/// How many ideas stand at each stage of the funnel; `map` limits to ideas that concern the
/// map or its elements (kNoId: every idea).
struct FunnelCounts {
    int proposed = 0;
    int shortlisted = 0;
    int selected = 0;
    int parked = 0;
    int rejected = 0;
    int total() const { return proposed + shortlisted + selected + parked + rejected; }
};
FunnelCounts funnelCounts(const Project& project, Id map = kNoId);

/// Ideas and actions attached to a red pen (directly, or through an idea it concerns), and the
/// most advanced state among them, for the canvas's badge.
struct PenAttachments {
    int ideas = 0;
    int actions = 0;
    std::string mostAdvanced; ///< "selected", "done", ...; empty when none
};
PenAttachments penAttachments(const Project& project, Id redPen);

/// A draft of the summary of workshop day `date`: what has been captured since the previous
/// summary (by id watermark: ids only grow), decisions (ideas selected or rejected, actions
/// planned) and an agenda for the next day. The facilitator edits it before keeping it.
DaySummary draftDaySummary(const Project& project, const std::string& date);

/// The glossary's terms that occur in `text` as whole words, in the order of the glossary: an
/// acronym (a term without lower-case letters, "CRM") only as written, any other term in any
/// case ("Order form" matches "order form"). For the canvas's tooltips on step names.
std::vector<const Term*> glossaryTermsIn(const Workshop& workshop, std::string_view text);

} // namespace gemba::model
