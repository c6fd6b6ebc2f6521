#pragma once

#include "gemba/model/project.h"

#include <QFont>
#include <QRectF>
#include <QStringList>
#include <unordered_map>
#include <vector>

/// Where the captions of a map go. A red pen's reason is written under its ring; two rings
/// close together, or a ring above another step, would put text on text. The layout places
/// each caption, then nudges it, then shortens it (the full text goes to a tooltip), so that
/// no caption sits on another one or on a shape of the map. The canvas and every export use
/// the same layout.
namespace gemba::render {

using model::Id;

/// A caption as laid out: its box in scene units and the lines drawn in it.
struct PlacedLabel {
    QRectF box;
    QStringList lines;
    QString fullText;
    bool shortened = false; ///< part of the text is left out: show fullText as a tooltip
};

/// A caption to place near `anchor` (the rectangle it belongs to, such as a red pen's ring).
struct LabelRequest {
    Id owner = model::kNoId;
    QRectF anchor;
    QString text;
};

using LabelLayout = std::unordered_map<Id, PlacedLabel>;

/// The widest a caption is wrapped to, in scene units.
inline constexpr qreal kCaptionWidth = 220;
/// The most lines a caption is wrapped onto before it is shortened.
inline constexpr int kCaptionLines = 4;

/// The point size of red-pen captions at 100%, and zoomed out below the level of detail,
/// where they grow so that they stay readable on a projector.
inline constexpr qreal kCaptionPointSize = 7.5;
inline constexpr qreal kOverviewCaptionPointSize = 13;

/// The font of red-pen captions (bold italic) at a point size.
QFont captionFont(qreal pointSize = kCaptionPointSize);

/// The caption of a red pen ("reason — 1,200 EUR/yr"); empty when it has neither.
QString redPenCaption(const model::Project& project, const model::RedPen& pen);

/// The place a caption takes with nothing in its way: centred under its anchor, wrapped.
PlacedLabel preferredLabel(const LabelRequest& request, qreal pointSize = kCaptionPointSize);

/// Lays the requests out in order. `obstacles` are what no caption may cover (shapes); a
/// request's own anchor is no obstacle to it. First the preferred place, then nudged
/// places around the anchor (further down, to the sides, above), then narrower and shorter
/// forms of the text in the same places; if nothing is free, the shortest form under the
/// anchor.
/// Captions are written at `pointSize`; their widths grow with it.
LabelLayout layoutLabels(const std::vector<LabelRequest>& requests,
                         const std::vector<QRectF>& obstacles, qreal pointSize = kCaptionPointSize);

/// The captions of a map's red pens: obstacles are the painted shapes of its elements, the
/// other red pens' rings and the straight pieces of the flows. The canvas keeps two layouts: at kCaptionPointSize for 100%
/// and at kOverviewCaptionPointSize for a zoomed-out view.
LabelLayout layoutRedPenLabels(const model::Project& project, const model::Map& map,
                               qreal pointSize = kCaptionPointSize);

} // namespace gemba::render
