#pragma once

#include "gemba/model/units.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gemba::model {

/// One line of the workshop's capture line, as a facilitator types it while the room calls
/// out the stream. The language (docs/user-guide.md, "The capture language"):
///
///   Review contract 30 min 2 d 80%     a step: name, process time, lead time, %C&A
///   Review contract 1 h 30 min         compound durations; also 1:30, 90 s, 1.5 d
///   wait 2 d / queue 3 d               a wait (Wait for callback 2 d: labelled)
///   inventory 1,200 / inventory 1200 pcs   an inventory of that many items
///   ... !va !nva !waste                value class (and !defects, !waiting ... wastes)
///   ... @Legal #ERP #Excel x2          role, systems (created when new), headcount
///   and Legal review 1 d               a parallel step beside the current one
///   or 30% Fast track 2 h              an alternative route taking 30% of the items
///   back to Draft 20%                  a rework loop from the current step, 20% return
///
/// Durations and the percentage are read from the end of the line: the first duration is the
/// process time, the second the lead time; the rest is the name. Tags may stand anywhere.
struct QuickCapture {
    enum class Kind { Step, Wait, Inventory, Loop };
    /// Where the new element goes, relative to the current (selected) element.
    enum class Placement { After, Parallel, Alternative };

    Kind kind = Kind::Step;
    Placement placement = Placement::After;
    std::string name; ///< step name, wait label, or the loop's target step
    std::optional<double> processTime;
    std::optional<double> leadTime;
    std::optional<double> pca;
    std::optional<double> waitTime; ///< seconds, for a wait
    std::optional<double> quantity; ///< items, for an inventory
    std::optional<ValueClass> value;
    unsigned wastes = 0; ///< WasteKind bits
    std::string role;
    std::vector<std::string> systems;
    std::optional<double> headcount;
    std::optional<double> share; ///< 0-1: an alternative's share, or a loop's return share
};

Parsed<QuickCapture> parseQuickCapture(std::string_view line, const Calendar& calendar);

} // namespace gemba::model
