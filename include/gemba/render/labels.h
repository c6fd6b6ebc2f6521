#pragma once

#include "gemba/model/duration_units.h"
#include "gemba/model/project.h"

#include <QFont>
#include <QPainterPath>
#include <QRectF>
#include <QStringList>
#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>

/// Where the texts of a map go. A red pen's reason is written under its ring, a flow's label
/// beside its line, a wait's figures under its triangle; two rings close together, a label
/// between two steps or a caption over a flow would put text on text. The layout places each
/// text, then nudges it, then rewraps a caption (never cut) or shortens a flow's or wait's
/// one-line text (the full text goes to a tooltip), so that no text sits on another one, on a
/// shape of the map or across a flow line. The canvas and every export use the same layout.
namespace gemba::render {

using model::Id;

/// A caption as laid out: its box in scene units and the lines drawn in it.
struct PlacedLabel {
    QRectF box;
    QStringList lines;
    QString fullText;
    bool shortened = false; ///< part of the text is left out: show fullText as a tooltip
};

/// What a laid-out text belongs to: it decides the text's font and the places it may take.
enum class LabelKind {
    Caption, ///< a red pen's reason and cost, wrapped under its ring
    Flow,    ///< a flow's label, share and wait, on one line beside the line's middle
    Wait,    ///< a wait's figure and, on a second line, its label, under the triangle
};

/// A text to place near `anchor` (the rectangle it belongs to: a red pen's ring, the middle
/// of a flow, a wait's painted shape).
struct LabelRequest {
    LabelRequest() = default;
    LabelRequest(Id owner, QRectF anchor, QString text, LabelKind kind = LabelKind::Caption)
        : owner(owner)
        , anchor(anchor)
        , text(std::move(text))
        , kind(kind) {}

    Id owner = model::kNoId;
    QRectF anchor;
    QString text;
    LabelKind kind = LabelKind::Caption;
    QString detail;        ///< a wait's label, written under its figure
    bool runsBack = false; ///< a flow that runs back: its label goes under its line
    qreal above = 11;      ///< how far above its line a flow's label ends
    /// A flow's line: its label may go elsewhere along it when the middle is taken.
    QPainterPath route;
};

using LabelLayout = std::unordered_map<Id, PlacedLabel>;

/// The width a caption is wrapped to where it has room, in scene units.
inline constexpr qreal kCaptionWidth = 220;

/// The point size of red-pen captions at 100%, and zoomed out below the level of detail,
/// where they grow so that they stay readable on a projector.
inline constexpr qreal kCaptionPointSize = 7.5;
inline constexpr qreal kOverviewCaptionPointSize = 13;

/// The font of red-pen captions (bold italic) at a point size.
QFont captionFont(qreal pointSize = kCaptionPointSize);

/// Zoomed out, the texts that carry meaning grow up to this factor (map_painter); the
/// overview layout reserves their largest size.
inline constexpr qreal kMaxOverviewGrowth = 2;

/// The font of a flow's label at 100% (growth 1), and of its share zoomed out.
QFont flowLabelFont(qreal growth = 1);
/// The fonts of a wait's figure and of its label.
QFont waitFigureFont(qreal growth = 1);
QFont waitLabelFont();

/// What is written along a flow: its label, its share and its wait ("Batch · 20% · wait 2 d").
QString flowLabelText(const model::Flow& flow, const model::DurationVoice& voice);
/// A route's share as written on the map ("20%").
QString shareText(double share);
/// The figure under a wait: its time, or an inventory's count with its days of stock.
/// `overview`: the count or the time only. Times in the voice's unit of waits.
QString waitFigureText(const model::Map& map, const model::Wait& wait,
                       const model::DurationVoice& voice, bool overview = false);

/// The text of a flow or a wait as the map writes it, at 100% or zoomed out (`overview`):
/// its owner, anchor and kind; nothing when the flow or wait writes nothing at that zoom.
std::optional<LabelRequest> flowLabelRequest(const model::Map& map, const model::Flow& flow,
                                             const model::DurationVoice& voice,
                                             bool overview = false);
std::optional<LabelRequest> waitLabelRequest(const model::Map& map, const model::Wait& wait,
                                             const model::DurationVoice& voice,
                                             bool overview = false);

/// The caption of a red pen ("reason — 1,200 EUR/yr"); empty when it has neither.
QString redPenCaption(const model::Project& project, const model::RedPen& pen);

/// The workshop's work on a red pen, drawn as a badge on its ring's top right, or on the
/// first other corner where it covers no shape: "3 ideas · 1 action: in progress". The layout
/// keeps every other text off it.
struct PenBadge {
    QString text;
    QRectF box;
};
/// Nothing when no idea or action is attached to the pen.
std::optional<PenBadge> redPenBadge(const model::Project& project, const model::Map& map,
                                    const model::RedPen& pen);
QFont redPenBadgeFont();

/// The place a text takes with nothing in its way: a caption centred under its anchor,
/// wrapped; a flow's label above its line; a wait's under its triangle.
PlacedLabel preferredLabel(const LabelRequest& request, qreal pointSize = kCaptionPointSize);

/// Lays the requests out in order. `obstacles` are what no caption may cover (shapes); a
/// request's own anchor is no obstacle to it. First the preferred place, then nudged
/// places around the anchor (further down, to the sides, above), then narrower and shorter
/// forms of the text in the same places; if nothing is free, the shortest form under the
/// anchor; if nothing is free, the first place down from there that no other text takes:
/// a laid-out text never covers another one. Flow and wait texts take their own places
/// (beside the line, under the triangle) and forms (elided on one line).
/// Captions are written at `pointSize`; their widths grow with it. Flow and wait texts are
/// written at their 100% size, or at their largest zoomed-out size when `pointSize` is
/// above kCaptionPointSize.
LabelLayout layoutLabels(const std::vector<LabelRequest>& requests,
                         const std::vector<QRectF>& obstacles, qreal pointSize = kCaptionPointSize);

/// Every text of a map laid out together, keyed by the id of the wait, flow or red pen it
/// belongs to: first the waits' figures, then the flows' labels, then the red pens' captions,
/// so that the texts tied to one place take it and captions find room around them. The red
/// pens' badges (redPenBadge) keep their place and count as texts already laid out.
/// Obstacles are the painted shapes of the elements, the red pens' rings and the straight
/// pieces of the flows. The canvas keeps two layouts: at kCaptionPointSize for 100% and at
/// kOverviewCaptionPointSize for a zoomed-out view.
LabelLayout layoutMapLabels(const model::Project& project, const model::Map& map,
                            qreal pointSize = kCaptionPointSize);

/// layoutMapLabels at each of `pointSizes`, in that order. The shapes, rings and flow routes
/// are found once for all of them: the canvas redoes its two layouts after every move.
std::vector<LabelLayout> layoutMapLabelsAt(const model::Project& project, const model::Map& map,
                                           const std::vector<qreal>& pointSizes);

} // namespace gemba::render
