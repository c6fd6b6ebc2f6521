#pragma once

#include "gemba/render/map_painter.h"

/// The timeline ladder under a map: waiting time on the upper rung, process time on the lower,
/// the totals at the end. Drawn from the metrics engine's timeline, never typed.
namespace gemba::render {

inline constexpr qreal kTimelineHeight = 120;

/// The narrowest a rung gets on the canvas before the ladder wraps: room for its figures.
inline constexpr qreal kMinimumRungWidth = 72;

/// Where the ladder goes under a map whose content has the given bounds. With `rungs` given
/// (the metrics' timeline segments), a ladder that would squeeze its rungs below
/// kMinimumRungWidth wraps onto as many rows of kTimelineHeight as it needs, as a wrapped
/// (serpentine) map does; otherwise it is one row.
QRectF timelineRect(const QRectF& mapBounds, std::size_t rungs = 0);
/// The same for a map's metrics: wrapped for the rungs of their timeline when they are
/// valid (the canvas and every export put the ladder here), one row otherwise.
QRectF timelineRect(const QRectF& mapBounds, const metrics::MapMetrics* metrics);

/// Whether a one-row ladder `width` wide (at 100%) has room to write each rung's figures.
bool timelineShowsFigures(const metrics::MapMetrics& metrics, qreal width);

/// Paints the ladder into `area`, wrapped onto rows of kTimelineHeight when the area is
/// that many rows high; the totals stand at the end of the first row. Zoomed out below the
/// level of detail, the rungs' figures and names are left out (they could not be read) and
/// the totals stay. Without valid metrics it paints a note saying why.
void paintTimeline(QPainter& painter, const PaintContext& context, const QRectF& area);

} // namespace gemba::render
