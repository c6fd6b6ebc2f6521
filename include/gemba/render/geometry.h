#pragma once

#include "gemba/model/project.h"

#include <QPainterPath>
#include <QRectF>

/// Where things are on a map, in scene units (1 unit = 1 point at 100% zoom). An element's
/// position is the centre of its body, the outline that flows attach to; what it paints beyond
/// (a step's data box, a wait's figures) lies inside its bounds.
namespace gemba::render {

using model::Id;

inline constexpr qreal kStepWidth = 168;
inline constexpr qreal kStepBodyHeight = 64;
inline constexpr qreal kDataLineHeight = 15;
inline constexpr int kDataLines = 6;
inline constexpr qreal kDataBoxHeight = kDataLines * kDataLineHeight + 8;
inline constexpr qreal kGridSize = 8;

/// The body of an element of this kind, centred on the origin.
QRectF bodyShape(model::ElementKind kind);
/// Everything an element of this kind paints, centred on its body's centre.
QRectF paintShape(model::ElementKind kind);

/// The body of a placed element in scene coordinates; empty for unknown ids and flows.
QRectF bodyRect(const model::Map& map, Id element);
/// The step's data box, under its body, in scene coordinates.
QRectF dataBoxRect(const model::Step& step);

/// The line a flow is drawn along, from the edge of one body to the edge of the other:
/// straight when the bodies face each other, elbowed otherwise, and under both for a flow that
/// runs back (a rework loop). Empty when an end is missing.
QPainterPath flowPath(const model::Map& map, const model::Flow& flow);
/// Where a flow's label and symbols sit: the middle of its path.
QPointF flowMidpoint(const QPainterPath& path);

/// The ellipse of a red-pen circle: around its targets, or at its own position.
QRectF redPenEllipse(const model::Map& map, const model::RedPen& pen);

/// Everything a map paints (elements, flows, red pens), without the timeline.
QRectF mapBounds(const model::Map& map);

/// The grid of autoLayout: one column per step of the flow, one row per parallel branch.
inline constexpr qreal kLayoutColumnWidth = 232;
inline constexpr qreal kLayoutRowHeight = 216;

/// Positions for a tidy left-to-right layout: work flows in columns by their longest distance
/// from the start, parallel branches in rows, suppliers and customers at the ends, information
/// boxes above, notes below. Returns (element, new position) for every placed element.
std::vector<std::pair<Id, model::Point>> autoLayout(const model::Map& map);

/// A point on the snap grid.
model::Point snapToGrid(model::Point point);

} // namespace gemba::render
