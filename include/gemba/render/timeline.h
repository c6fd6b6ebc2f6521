#pragma once

#include "gemba/render/map_painter.h"

/// The timeline ladder under a map: waiting time on the upper rung, process time on the lower,
/// the totals at the end. Drawn from the metrics engine's timeline, never typed.
namespace gemba::render {

inline constexpr qreal kTimelineHeight = 120;

/// Where the ladder goes under a map whose content has the given bounds.
QRectF timelineRect(const QRectF& mapBounds);

/// Whether a ladder `width` wide (at 100%) has room to write each rung's figures.
bool timelineShowsFigures(const metrics::MapMetrics& metrics, qreal width);

/// Paints the ladder into `area`. Without valid metrics it paints a note saying why.
void paintTimeline(QPainter& painter, const PaintContext& context, const QRectF& area);

} // namespace gemba::render
