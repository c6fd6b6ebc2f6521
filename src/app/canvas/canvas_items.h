#pragma once

#include "gemba/model/project.h"
#include "gemba/render/map_painter.h"

#include <QGraphicsItem>
#include <QPainterPath>

namespace gemba::app {

class MapScene;

/// Item types, for qgraphicsitem_cast and hit tests.
enum CanvasItemType {
    kElementItemType = QGraphicsItem::UserType + 1,
    kFlowItemType,
    kRedPenItemType,
    kTimelineItemType,
};

/// Stacking order: the timeline under everything, flows under the shapes they join, red pens
/// on top (as render::paintMap draws them).
inline constexpr qreal kTimelineZ = -1;
inline constexpr qreal kFlowZ = 0;
inline constexpr qreal kElementZ = 1;
inline constexpr qreal kRedPenZ = 2;

/// A canvas item that stands for one element of the map. It keeps only the element's id and
/// what its geometry needs; sync() re-reads the model, paint() only paints.
class CanvasItem : public QGraphicsItem {
public:
    explicit CanvasItem(model::Id id);

    model::Id id() const { return m_id; }
    /// Re-reads the element from the map (position, geometry) and schedules a repaint.
    virtual void sync(const model::Map& map) = 0;

    bool isHovered() const { return m_hovered; }
    void setHovered(bool hovered);

protected:
    MapScene* mapScene() const;
    render::ElementState state() const { return {isSelected(), m_hovered}; }
    QVariant itemChange(GraphicsItemChange change, const QVariant& value) override;

private:
    model::Id m_id;
    bool m_hovered = false;
};

/// A placed element: step, wait, supplier, customer, information box or note. The item sits
/// at the element's position (the centre of its body).
class ElementItem final : public CanvasItem {
public:
    explicit ElementItem(model::Id id);

    int type() const override { return kElementItemType; }
    model::ElementKind kind() const { return m_kind; }
    void sync(const model::Map& map) override;
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    model::ElementKind m_kind = model::ElementKind::Step;
    QRectF m_bounds;
};

/// A flow between two elements. Its geometry is in scene coordinates (the item stays at the
/// origin), recomputed when either end moves.
class FlowItem final : public CanvasItem {
public:
    explicit FlowItem(model::Id id);

    int type() const override { return kFlowItemType; }
    void sync(const model::Map& map) override;
    const QPainterPath& path() const { return m_path; }
    QRectF boundingRect() const override { return m_bounds; }
    QPainterPath shape() const override { return m_shape; }
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    QPainterPath m_path;
    QPainterPath m_shape;
    QRectF m_bounds;
};

/// A red-pen circle, around its targets or at its own position; scene coordinates.
class RedPenItem final : public CanvasItem {
public:
    explicit RedPenItem(model::Id id);

    int type() const override { return kRedPenItemType; }
    void sync(const model::Map& map) override;
    const QRectF& ellipse() const { return m_ellipse; }
    QRectF boundingRect() const override { return m_bounds; }
    QPainterPath shape() const override { return m_shape; }
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    QRectF m_ellipse;
    QRectF m_bounds;
    QPainterPath m_shape;
};

/// The timeline ladder under the map, drawn from the map's latest metrics.
class TimelineItem final : public QGraphicsItem {
public:
    TimelineItem();

    int type() const override { return kTimelineItemType; }
    void setRect(const QRectF& rect);
    QRectF rect() const { return m_rect; }
    QRectF boundingRect() const override { return m_rect.adjusted(-2, -2, 2, 2); }
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    QRectF m_rect;
};

} // namespace gemba::app
