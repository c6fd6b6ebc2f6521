#pragma once

#include <QRectF>

class QPainter;

namespace gemba::render {

/// A document laid out as one column of a chosen width, in units of 1/96 inch: what an editor
/// view shows in a scrolling pane (the comparison, the simulation, the action plan and the
/// reviews), with the same parts their PDFs print.
class Sheet {
public:
    virtual ~Sheet() = default;
    /// The height the sheet takes at `width`.
    virtual qreal height(qreal width) const = 0;
    /// Paints the sheet from the top of `area`, `area.width()` wide.
    virtual void paint(QPainter& painter, const QRectF& area) const = 0;
};

} // namespace gemba::render
