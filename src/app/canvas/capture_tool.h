#pragma once

#include "gemba/model/quick_capture.h"

#include <QPointF>
#include <QString>
#include <vector>

namespace gemba::app {

class EditorDocument;

/// The capture line's gesture on a map: places what a captured line describes relative to
/// the selection (after it, beside it, or a loop back from it), finds free room for it, and
/// pushes one undo step. Kept out of MapView so that the canvas class does not hold every
/// gesture (see DESIGN.md, "Tools as classes").
class CaptureTool {
public:
    CaptureTool(EditorDocument& document, model::Id map);

    struct Result {
        model::Id element = model::kNoId; ///< the new element (a loop: its flow)
        QString error;                    ///< why nothing was done
    };

    /// `selection`: the view's selected ids, in the order chosen; `viewCentre`: where an
    /// element goes on an empty map; `snap`: snap the new element to the grid.
    Result apply(const model::QuickCapture& capture, const std::vector<model::Id>& selection,
                 QPointF viewCentre, bool snap);

private:
    /// The element the line refers to: the last selected step or wait, else the last step
    /// of the value stream's path.
    model::Id currentElement(const std::vector<model::Id>& selection);

    EditorDocument& m_document;
    model::Id m_map;
};

} // namespace gemba::app
