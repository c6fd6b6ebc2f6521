#pragma once

#include "gemba/metrics/metrics.h"
#include "gemba/model/duration_units.h"
#include "gemba/model/project.h"
#include "report_blocks.h"

#include <QRectF>

class QPainter;

/// A value stream too large to print readably in the space it has, drawn as its ladder: one
/// cell per rung of the timeline in flow order, with the step's name in a box, the waiting
/// before it on the upper rung and its process time on the lower. Rows wrap, so every name and
/// figure keeps its size (never under 6.5 pt) whatever the length of the stream.
namespace gemba::render::detail {

/// Height the strip needs at this width (a note's height for a map without a timeline).
qreal streamStripHeight(const model::Map& map, const metrics::MapMetrics& m, qreal width);

/// Paints the strip from the top of `area`; the totals line ends it, and a line names the
/// steps off the ladder (a shorter parallel branch, a rare alternative), so every step is named.
/// Durations are written in `units`: the map's own, or those of every map the view shows.
void paintStreamStrip(QPainter& painter, const QRectF& area, const model::Project& project,
                      const model::Map& map, const metrics::MapMetrics& m,
                      const model::DurationUnits& units);

/// The strip as a block of a report's column `width` wide, one block row per row of cells, so
/// that a long ladder runs over pages; null for a map without a ladder. The project, map and
/// metrics must outlive the block.
BlockPtr streamStripBlock(const model::Project& project, const model::Map& map,
                          const metrics::MapMetrics& m, qreal width);

} // namespace gemba::render::detail
