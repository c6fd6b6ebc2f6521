#pragma once

#include "gemba/model/edit.h"
#include "gemba/render/map_painter.h"

#include <QGraphicsScene>
#include <unordered_map>
#include <vector>

namespace gemba::app {

class CanvasItem;
class EditorDocument;
class TimelineItem;

/// The scene of one map: an item per element (keyed by id), the timeline under them. It
/// follows the document: every change adds, removes or re-reads exactly the items concerned
/// (a moved step also re-routes its flows and the red pens around it); a reset rebuilds.
/// The scene never changes the model.
class MapScene : public QGraphicsScene {
    Q_OBJECT

public:
    MapScene(EditorDocument& document, model::Id map, QObject* parent = nullptr);
    ~MapScene() override;

    EditorDocument& document() const { return m_document; }
    model::Id mapId() const { return m_map; }
    const model::Project& project() const;
    /// The map, or null once it is gone from the project.
    const model::Map* map() const;

    /// The item of an element or flow, or null.
    CanvasItem* itemFor(model::Id id) const;
    /// How many elements and flows have an item.
    std::size_t itemCount() const { return m_items.size(); }
    TimelineItem* timelineItem() const { return m_timeline; }

    /// The selected elements and flows, in the order they were selected.
    const std::vector<model::Id>& selectedIds() const { return m_selectionOrder; }
    /// Marks one element as hovered (kNoId: none).
    void setHoveredId(model::Id id);
    model::Id hoveredId() const { return m_hovered; }

    /// Everything drawn: map content and timeline (null rectangle when the map is empty and
    /// has no timeline yet).
    QRectF contentRect() const { return m_contentRect; }
    /// Recomputes the content bounds, the timeline's place and the scene rect now (they are
    /// otherwise brought up to date once per turn of the event loop).
    void updateLayout();

    /// Where the red pens' captions go, laid out with the rest of the layout so that none
    /// sits on another caption or a shape.
    const render::LabelLayout& labels() const { return m_labels; }
    /// The same for a zoomed-out view, in larger type.
    const render::LabelLayout& overviewLabels() const { return m_overviewLabels; }

    /// Calls f(const render::PaintContext&) with the map and its latest metrics, when the map
    /// still exists. For the items' paint().
    template <class F> void withPaintContext(qreal levelOfDetail, F&& f) const;

    /// Told by items when their selection state changes.
    void noteSelection(model::Id id, bool selected);

    /// The tooltip of an element: for a step, the glossary's terms in its name with their
    /// meanings ("CRM: customer relationship management"); empty when there are none.
    QString glossaryTip(model::Id element) const;

signals:
    /// The content bounds changed (the view may need to grow its scroll range).
    void contentRectChanged(const QRectF& rect);

protected:
    void helpEvent(QGraphicsSceneHelpEvent* event) override;

private:
    void rebuild();
    void onChanged(const model::Changes& changes);
    void onMetricsUpdated(model::Id map);
    CanvasItem* createItem(model::Id id, model::ElementKind kind);
    void removeItemFor(model::Id id);
    void indexFlow(model::Id flow, const model::Map* map);
    void indexRedPen(model::Id pen, const model::Map* map);
    void scheduleLayout();
    void relayOutLabels(const model::Map& theMap);
    const metrics::MapMetrics* currentMetrics() const;
    /// A simulation's criticality shading of the map, or null.
    const std::map<model::Id, double>* criticality() const;

    EditorDocument& m_document;
    model::Id m_map;
    std::unordered_map<model::Id, CanvasItem*> m_items; // owned by the scene
    TimelineItem* m_timeline = nullptr;
    // Who is attached to whom, to re-read exactly the items a move affects.
    std::unordered_map<model::Id, std::pair<model::Id, model::Id>> m_flowEnds;
    std::unordered_map<model::Id, std::vector<model::Id>> m_flowsAt;
    std::unordered_map<model::Id, std::vector<model::Id>> m_penTargets;
    std::unordered_map<model::Id, std::vector<model::Id>> m_pensOn;
    std::vector<model::Id> m_selectionOrder;
    model::Id m_hovered = model::kNoId;
    QRectF m_contentRect;
    render::LabelLayout m_labels;
    render::LabelLayout m_overviewLabels;
    model::DurationUnits m_units; ///< of the map's durations, found with its texts' layout
    bool m_layoutScheduled = false;
};

template <class F> void MapScene::withPaintContext(qreal levelOfDetail, F&& f) const {
    const model::Map* theMap = map();
    if (!theMap)
        return;
    const render::PaintContext context{project(),     *theMap,   currentMetrics(),
                                       levelOfDetail, &m_labels, &m_overviewLabels,
                                       criticality(), QRectF(),  &m_units};
    f(context);
}

} // namespace gemba::app
