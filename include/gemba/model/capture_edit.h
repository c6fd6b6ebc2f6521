#pragma once

#include "gemba/model/operations.h"
#include "gemba/model/quick_capture.h"

#include <string>

namespace gemba::model {

/// What a captured line does to a map: one edit (one undo step), the element it added (or
/// the loop's flow), or why it cannot be done.
struct CaptureOutcome {
    EditPtr edit;
    Id element = kNoId;
    std::string error; ///< set when nothing can be done; edit is then null
};

/// Turns a captured line into an edit of `map`, relative to `current` (the selected step or
/// wait; kNoId: none):
/// - a step, wait or inventory goes after `current`, taking over its outgoing work flows;
/// - `and ...` adds a parallel step beside `current`: the same predecessors and successors;
/// - `or 30% ...` adds an alternative route beside `current` that takes 30% of the items from
///   each predecessor; the current route keeps the rest (its share completed);
/// - `back to Draft 20%` joins `current` back to the step named Draft with a 20% share, and
///   completes the share of `current`'s one forward flow (80%).
/// Systems named in the line are found by name (any case) or added to the project; the new
/// element stands at `pos`.
CaptureOutcome captureEdit(const Project& project, const IdSource& newId, Id map, Id current,
                           const QuickCapture& capture, Point pos);

} // namespace gemba::model
