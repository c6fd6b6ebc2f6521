#include "canvas/capture_tool.h"

#include "editor_document.h"
#include "gemba/metrics/metrics.h"
#include "gemba/model/capture_edit.h"
#include "gemba/render/geometry.h"

#include <QObject>
#include <QRectF>
#include <algorithm>
#include <cmath>
#include <limits>

namespace gemba::app {

using model::ElementKind;
using model::Id;
using model::kNoId;

namespace {

constexpr qreal kColumnGap = 64; // between a step and the next one to its right
constexpr qreal kRowGap = 48;    // between a step and a branch below it

QRectF paintRect(const model::Map& map, Id id) {
    const auto kind = map.kindOf(id);
    const auto pos = map.positionOf(id);
    if (!kind || !pos || *kind == ElementKind::Flow)
        return {};
    if (*kind == ElementKind::RedPen)
        return render::redPenEllipse(map, map.redPens.at(id));
    return render::paintShape(*kind).translated(pos->x, pos->y);
}

ElementKind kindOf(const model::QuickCapture& capture) {
    switch (capture.kind) {
    case model::QuickCapture::Kind::Wait:
    case model::QuickCapture::Kind::Inventory:
        return ElementKind::Wait;
    default:
        return ElementKind::Step;
    }
}

} // namespace

CaptureTool::CaptureTool(EditorDocument& document, Id map)
    : m_document(document)
    , m_map(map) {}

Id CaptureTool::currentElement(const std::vector<Id>& selection) {
    const model::Map* map = m_document.map(m_map);
    for (auto it = selection.rbegin(); it != selection.rend(); ++it)
        if (map->steps.contains(*it) || map->waits.contains(*it))
            return *it;
    if (map->steps.empty())
        return kNoId;
    const std::vector<Id> order = metrics::stepsInFlowOrder(m_document.project(), *map);
    m_document.flushMetrics();
    const metrics::MapMetrics* figures = m_document.metrics(m_map);
    if (figures)
        for (auto it = order.rbegin(); it != order.rend(); ++it)
            if (auto f = figures->steps.find(*it); f != figures->steps.end() && f->second.onPath)
                return *it;
    return order.back();
}

CaptureTool::Result CaptureTool::apply(const model::QuickCapture& capture,
                                       const std::vector<Id>& selection, QPointF viewCentre,
                                       bool snap) {
    const model::Map* map = m_document.map(m_map);
    if (!map)
        return {kNoId, QObject::tr("No map is open.")};
    const Id current = currentElement(selection);
    using Placement = model::QuickCapture::Placement;
    const ElementKind kind = kindOf(capture);
    const QRectF shape = render::paintShape(kind);

    model::Point pos{viewCentre.x(), viewCentre.y()};
    std::vector<std::pair<Id, model::Point>> shifts;
    if (capture.kind == model::QuickCapture::Kind::Loop) {
        // A flow only: nothing to place.
    } else if (current != kNoId && capture.placement != Placement::After) {
        // Beside the current element: below it, in the first free spot.
        const QRectF reference = render::bodyRect(*map, current);
        QPointF at(reference.center().x(), reference.bottom() + kRowGap + shape.height() / 2);
        for (int tries = 0; tries < 50; ++tries) {
            const QRectF spot = shape.translated(at);
            const bool taken = std::ranges::any_of(
                map->placedElements(), [&](Id id) { return paintRect(*map, id).intersects(spot); });
            if (!taken)
                break;
            at.ry() += shape.height() + kRowGap;
        }
        pos = {at.x(), at.y()};
    } else if (current != kNoId) {
        // After the current element: to the right of the rightmost body when nothing was
        // selected (the end of the map), else of the current one.
        const bool chosen = std::ranges::find(selection, current) != selection.end();
        QRectF reference = render::bodyRect(*map, current);
        if (!chosen && !map->steps.empty()) {
            const auto rightmost = std::ranges::max_element(
                map->steps, {}, [](const auto& entry) { return entry.second.pos.x; });
            reference = render::bodyRect(*map, rightmost->first);
        }
        const qreal halfWidth = kind == ElementKind::Step ? render::kStepWidth / 2 : -shape.left();
        pos = {reference.right() + kColumnGap + halfWidth, reference.center().y()};
        // When the spot is taken (the next element of the chain), everything to its right in
        // the row moves over by what it takes to keep the usual gap.
        const QRectF spot = shape.translated(pos.x, pos.y);
        std::vector<Id> row;
        qreal left = std::numeric_limits<qreal>::max();
        bool taken = false;
        for (Id id : map->placedElements()) {
            const QRectF r = paintRect(*map, id);
            const auto p = map->positionOf(id);
            if (map->redPens.contains(id) && !map->redPens.at(id).targets.empty())
                continue; // follows its targets
            if (r.isNull() || !p || p->x <= reference.center().x() || r.bottom() <= spot.top() ||
                r.top() >= spot.bottom())
                continue;
            row.push_back(id);
            left = std::min(left, render::bodyRect(*map, id).left());
            taken = taken || r.intersects(spot);
        }
        if (taken) {
            const qreal needed = pos.x + halfWidth + kColumnGap - left;
            const qreal by = std::ceil(needed / render::kGridSize) * render::kGridSize;
            if (by > 0)
                for (Id id : row) {
                    const model::Point p = *map->positionOf(id);
                    shifts.push_back({id, {p.x + by, p.y}});
                }
        }
    }
    if (snap)
        pos = render::snapToGrid(pos);

    model::CaptureOutcome outcome = model::captureEdit(
        m_document.project(), [this] { return m_document.allocateId(); }, m_map, current, capture,
        pos);
    if (!outcome.edit)
        return {kNoId, QString::fromStdString(outcome.error)};
    auto compound = std::make_unique<model::CompoundEdit>(outcome.edit->description());
    if (!shifts.empty())
        compound->add(model::moveElements(m_document.project(), m_map, shifts));
    compound->add(std::move(outcome.edit));
    m_document.push(std::move(compound));
    return {outcome.element, {}};
}

} // namespace gemba::app
