#pragma once

#include "gemba/metrics/metrics.h"
#include "gemba/model/duration_units.h"
#include "gemba/model/project.h"
#include "gemba/render/labels.h"

#include <QRectF>

class QPainter;

/// Paints a map, or one element of it, on any QPainter: the canvas, PDF, SVG, PNG and print all
/// come through here. Nothing is computed while painting but geometry: metrics come in ready.
namespace gemba::render {

using model::Id;

struct PaintContext {
    const model::Project& project;
    const model::Map& map;
    /// The map's metrics, for bottleneck and takt marks and handoff markers; may be null.
    const metrics::MapMetrics* metrics = nullptr;
    /// Scale of the painter (1 = 100%): below about 0.45 details are left out.
    qreal levelOfDetail = 1;
    /// Where the texts of waits, flows and red pens go (layoutMapLabels) at 100% and zoomed
    /// out below the level of detail; null: paintMap lays them out, a single element takes
    /// its preferred place.
    const LabelLayout* labels = nullptr;
    const LabelLayout* overviewLabels = nullptr;
    /// A simulation's criticality per step (the share of trials, 0-1, in which the step lies
    /// on the longest path): when given, every step is shaded by it and labelled; may be null.
    const std::map<Id, double>* criticality = nullptr;
    /// The part of the scene that will be seen (a report's tile): paintMap leaves out what
    /// lies wholly outside it, text included. Empty: the whole map.
    QRectF visible = {};
    /// The units of the map's durations (model::durationUnitsOf); null: paintMap finds them,
    /// a single element finds them for itself.
    const model::DurationUnits* units = nullptr;
};

/// How the context's durations are written: in its units, else the map's own.
model::DurationVoice durationVoice(const PaintContext& context);

struct ElementState {
    bool selected = false;
    bool hovered = false;
};

/// Paints a placed element (not a flow, not a red pen) in scene coordinates.
void paintElement(QPainter& painter, const PaintContext& context, Id element,
                  ElementState state = {});
void paintFlow(QPainter& painter, const PaintContext& context, const model::Flow& flow,
               ElementState state = {});
void paintRedPen(QPainter& painter, const PaintContext& context, const model::RedPen& pen,
                 ElementState state = {});

/// The whole map: flows under elements, red pens on top.
void paintMap(QPainter& painter, const PaintContext& context);

} // namespace gemba::render
