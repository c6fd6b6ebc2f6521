#include "canvas/canvas_items.h"

#include "canvas/map_scene.h"
#include "gemba/render/geometry.h"
#include "gemba/render/timeline.h"

#include <QPainter>
#include <QPainterPathStroker>
#include <QStyleOptionGraphicsItem>

namespace gemba::app {

using model::ElementKind;

namespace {

qreal levelOfDetail(const QPainter* painter) {
    return QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform());
}

/// A stroke around a line or ring, wide enough to hit with a mouse.
QPainterPath clickableStroke(const QPainterPath& path, qreal width) {
    QPainterPathStroker stroker;
    stroker.setWidth(width);
    stroker.setCapStyle(Qt::RoundCap);
    stroker.setJoinStyle(Qt::RoundJoin);
    return stroker.createStroke(path);
}

} // namespace

CanvasItem::CanvasItem(model::Id id)
    : m_id(id) {
    setFlag(ItemIsSelectable);
}

void CanvasItem::setHovered(bool hovered) {
    if (m_hovered == hovered)
        return;
    m_hovered = hovered;
    update();
}

MapScene* CanvasItem::mapScene() const {
    return static_cast<MapScene*>(scene());
}

QVariant CanvasItem::itemChange(GraphicsItemChange change, const QVariant& value) {
    if (change == ItemSelectedHasChanged && scene())
        mapScene()->noteSelection(m_id, value.toBool());
    return QGraphicsItem::itemChange(change, value);
}

// --- ElementItem ---

ElementItem::ElementItem(model::Id id)
    : CanvasItem(id) {
    setZValue(kElementZ);
}

void ElementItem::sync(const model::Map& map) {
    const auto kind = map.kindOf(id());
    const auto pos = map.positionOf(id());
    if (!kind || !pos)
        return;
    const QPointF at(pos->x, pos->y);
    QRectF bounds = render::paintShape(*kind);
    if (*kind == ElementKind::Wait) {
        // Its figures where the scene's layouts put them, moved down when another text
        // took their place.
        for (const render::LabelLayout* labels :
             {&mapScene()->labels(), &mapScene()->overviewLabels()})
            if (auto it = labels->find(id()); it != labels->end())
                bounds |= it->second.box.translated(-at).adjusted(-3, -1, 3, 1);
    }
    if (*kind != m_kind || bounds != m_bounds) {
        prepareGeometryChange();
        m_kind = *kind;
        m_bounds = bounds;
    }
    if (at != this->pos())
        setPos(at);
    update();
}

QRectF ElementItem::boundingRect() const {
    return m_bounds;
}

QPainterPath ElementItem::shape() const {
    QPainterPath path;
    const QRectF body = render::bodyShape(m_kind);
    switch (m_kind) {
    case ElementKind::Step:
        // The data box belongs to the step: a click on the figures selects it.
        path.addRect(body.adjusted(0, 0, 0, 4 + render::kDataBoxHeight));
        break;
    case ElementKind::Wait:
        // The figures written under the triangle too.
        path.addRect(QRectF(-48, body.top(), 96, body.height() + 32));
        break;
    default:
        path.addRect(body);
        break;
    }
    return path;
}

void ElementItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    mapScene()->withPaintContext(levelOfDetail(painter), [&](const render::PaintContext& context) {
        // The render library paints in scene coordinates; the item sits at the element's pos.
        const QPointF at = pos();
        painter->translate(-at);
        render::paintElement(*painter, context, id(), state());
        painter->translate(at);
    });
}

// --- FlowItem ---

FlowItem::FlowItem(model::Id id)
    : CanvasItem(id) {
    setZValue(kFlowZ);
    setFlag(ItemUsesExtendedStyleOption); // for exposedRect
}

void FlowItem::sync(const model::Map& map) {
    const model::Flow* flow = map.findFlow(id());
    if (!flow)
        return;
    prepareGeometryChange();
    m_path = render::flowPath(map, *flow);
    if (m_path.isEmpty()) {
        m_bounds = {};
        m_shape = {};
        update();
        return;
    }
    // Beyond the line: arrowheads, the FIFO lane and the selection halo (up to 14 wide), and
    // around the middle the truck; the label and the zoomed-out share where the scene's
    // layouts put them (a new flow's once the scene lays its texts out, which syncs it).
    QRectF bounds = m_path.boundingRect().adjusted(-14, -14, 14, 14);
    const QPointF mid = render::flowMidpoint(m_path);
    bounds |= QRectF(mid.x() - 20, mid.y() - 30, 40, 30);
    QString tip;
    for (const render::LabelLayout* labels : {&mapScene()->labels(), &mapScene()->overviewLabels()})
        if (auto it = labels->find(id()); it != labels->end()) {
            bounds |= it->second.box.adjusted(-2, -2, 2, 2);
            if (it->second.shortened && tip.isEmpty())
                tip = it->second.fullText;
        }
    setToolTip(tip);
    m_bounds = bounds;
    m_shape = clickableStroke(m_path, 14);
    update();
}

void FlowItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) {
    mapScene()->withPaintContext(levelOfDetail(painter), [&](const render::PaintContext& context) {
        const model::Flow* flow = context.map.findFlow(id());
        if (!flow)
            return;
        // Clipped to what is exposed, the render library strokes only the visible piece of
        // a flow that runs across the map (an information line to a far-away step).
        painter->save();
        painter->setClipRect(option->exposedRect);
        render::paintFlow(*painter, context, *flow, state());
        painter->restore();
    });
}

// --- RedPenItem ---

RedPenItem::RedPenItem(model::Id id)
    : CanvasItem(id) {
    setZValue(kRedPenZ);
}

void RedPenItem::sync(const model::Map& map) {
    auto it = map.redPens.find(id());
    if (it == map.redPens.end())
        return;
    const model::RedPen& pen = it->second;
    prepareGeometryChange();
    m_ellipse = render::redPenEllipse(map, pen);
    // The caption where the scene's layouts put it, at 100% and zoomed out (a new pen: its
    // preferred places until the layout runs).
    const QString caption = render::redPenCaption(mapScene()->project(), pen);
    const auto placedIn = [&](const render::LabelLayout& labels, qreal pointSize) {
        const auto found = labels.find(id());
        return found != labels.end()
                   ? found->second
                   : render::preferredLabel({id(), m_ellipse, caption}, pointSize);
    };
    const render::PlacedLabel placed = placedIn(mapScene()->labels(), render::kCaptionPointSize);
    const render::PlacedLabel overview =
        placedIn(mapScene()->overviewLabels(), render::kOverviewCaptionPointSize);
    setToolTip(placed.shortened || overview.shortened ? placed.fullText : QString());
    m_bounds = m_ellipse.adjusted(-10, -10, 10, 10);
    if (!caption.isEmpty())
        m_bounds |= (placed.box | overview.box).adjusted(-2, -2, 2, 4);
    // Room for the badge of ideas and actions at any corner it may take (render::redPenBadge):
    // a step moved near the ring can move the badge without syncing this item.
    const QRectF band(m_ellipse.left() - 180, 0, m_ellipse.width() + 360, 20);
    m_bounds |= band.translated(0, m_ellipse.top() - 18);
    m_bounds |= band.translated(0, m_ellipse.bottom() - 1);
    QPainterPath ring;
    ring.addEllipse(m_ellipse);
    // Around targets only the ring is hit, so a click inside still reaches the steps; a
    // loose circle is a shape of its own.
    m_shape = pen.targets.empty() ? ring : clickableStroke(ring, 12);
    if (!caption.isEmpty())
        m_shape.addRect(placed.box);
    update();
}

void RedPenItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    mapScene()->withPaintContext(levelOfDetail(painter), [&](const render::PaintContext& context) {
        if (auto it = context.map.redPens.find(id()); it != context.map.redPens.end())
            render::paintRedPen(*painter, context, it->second, state());
    });
}

// --- TimelineItem ---

TimelineItem::TimelineItem() {
    setZValue(kTimelineZ);
    setFlag(ItemUsesExtendedStyleOption); // for exposedRect
}

void TimelineItem::setRect(const QRectF& rect) {
    if (rect == m_rect)
        return;
    prepareGeometryChange();
    m_rect = rect;
}

void TimelineItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) {
    if (m_rect.isNull())
        return;
    static_cast<MapScene*>(scene())->withPaintContext(
        levelOfDetail(painter), [&](const render::PaintContext& context) {
            // Clipped, the ladder of a long map draws only the rungs in view.
            painter->save();
            painter->setClipRect(option->exposedRect);
            render::paintTimeline(*painter, context, m_rect);
            painter->restore();
        });
}

} // namespace gemba::app
