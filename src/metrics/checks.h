#pragma once

#include "findings.h"

#include <limits>
#include <optional>
#include <vector>

/// Checks of single elements that need no graph: numbers in range, references that exist.
namespace gemba::metrics::detail {

// Each check reports bad numbers (negative, out of range, not finite) and references that
// do not exist. The value stream calls them while it walks the map's elements anyway, so
// that a map of ten thousand steps is walked once.

/// The project's calendar and default rate, the map's demand and available time, and a map
/// without steps.
void checkCalendarAndMap(Reporter& report);

/// The project's people and systems as sorted ids: the lookups that every step makes stay
/// in a few cache lines.
struct ProjectIndex {
    std::vector<model::Id> people;             ///< ascending
    std::vector<const model::Person*> persons; ///< the person with id people[i]
    std::vector<model::Id> systems;            ///< ascending
    explicit ProjectIndex(const model::Project& project);
    ProjectIndex(const ProjectIndex&) = delete; // the lookups point into this object
    ProjectIndex& operator=(const ProjectIndex&) = delete;
    int person(model::Id id) const { return find(m_people, id); }  ///< index in people, or -1
    int system(model::Id id) const { return find(m_systems, id); } ///< index in systems, or -1

private:
    /// Ids to indices: a direct table over the ids' range when it is small (ids come from
    /// one counter), else a binary search over the sorted ids.
    struct Lookup {
        const std::vector<model::Id>* ids = nullptr;
        model::Id base = 0;
        std::vector<int> table;
    };
    static void build(Lookup& lookup, const std::vector<model::Id>& ids);
    static int find(const Lookup& lookup, model::Id id);
    Lookup m_people;
    Lookup m_systems;
};

/// Everything about a step except its people and systems.
void checkStep(Reporter& report, const model::Step& step);

/// A step's people and systems: unknown ones reported, known ones marked as used (indices
/// of the project index). Returns the average hourly cost of its people who have one.
std::optional<double> checkPeopleAndSystems(Reporter& report, const model::Step& step,
                                            const ProjectIndex& index,
                                            std::vector<char>& personUsed,
                                            std::vector<char>& systemUsed);

void checkWait(Reporter& report, const model::Wait& wait);
/// Everything about a flow except its ends (the value stream checks those with its index).
void checkFlow(Reporter& report, const model::Flow& flow);

/// Whether checkFlow could find anything: a quick look at the numbers, for the walk through
/// thousands of flows (checkFlow itself runs only for the few that need it).
inline bool flowNeedsCheck(const model::Flow& flow) {
    const bool waitOk =
        !flow.wait || (*flow.wait >= 0 && *flow.wait <= std::numeric_limits<double>::max());
    const bool shareOk = !flow.share || (*flow.share >= 0 && *flow.share <= 1);
    const bool fifoOk = !flow.fifoMax || *flow.fifoMax > 0;
    return !(waitOk && shareOk && fifoOk);
}
void checkRedPens(Reporter& report);

} // namespace gemba::metrics::detail
