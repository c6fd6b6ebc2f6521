#include "gemba/render/geometry.h"

#include <QLineF>
#include <QPolygonF>
#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

namespace gemba::render {

using model::ElementKind;

QRectF bodyShape(ElementKind kind) {
    switch (kind) {
    case ElementKind::Step:
        return {-kStepWidth / 2, -kStepBodyHeight / 2, kStepWidth, kStepBodyHeight};
    case ElementKind::Wait:
        return {-28, -24, 56, 48};
    case ElementKind::Supplier:
    case ElementKind::Customer:
        return {-68, -36, 136, 72};
    case ElementKind::InfoBox:
        return {-84, -28, 168, 56};
    case ElementKind::Note:
        return {-84, -42, 168, 84};
    case ElementKind::RedPen:
        return {-48, -32, 96, 64};
    case ElementKind::Flow:
        break;
    }
    return {};
}

QRectF paintShape(ElementKind kind) {
    const QRectF body = bodyShape(kind);
    switch (kind) {
    case ElementKind::Step:
        // Badges (bottleneck, above takt) sit on the top edge; the data box hangs below.
        return body.adjusted(-4, -14, 4, 4 + kDataBoxHeight + 4);
    case ElementKind::Wait:
        // Label and figures are written under the triangle.
        return QRectF(-72, body.top() - 4, 144, body.height() + 40);
    default:
        return body.adjusted(-4, -4, 4, 4);
    }
}

namespace {

QRectF placed(ElementKind kind, model::Point pos, QRectF (*shape)(ElementKind)) {
    return shape(kind).translated(pos.x, pos.y);
}

/// The rectangle a flow attaches to: the body, or for a step reached from above or below, the
/// body with its data box, so that arrows do not cross the figures.
QRectF attachRect(const model::Map& map, Id element, bool vertical) {
    const auto kind = map.kindOf(element);
    const auto pos = map.positionOf(element);
    if (!kind || !pos)
        return {};
    if (vertical && *kind == ElementKind::Step)
        return QRectF(-kStepWidth / 2, -kStepBodyHeight / 2, kStepWidth,
                      kStepBodyHeight + 4 + kDataBoxHeight)
            .translated(pos->x, pos->y);
    return placed(*kind, *pos, bodyShape);
}

/// Where the segment from the centre of `rect` towards `target` leaves the rectangle.
QPointF exitPoint(const QRectF& rect, QPointF target) {
    const QPointF c = rect.center();
    const QPointF d = target - c;
    if (std::abs(d.x()) < 1e-9 && std::abs(d.y()) < 1e-9)
        return c;
    const qreal sx = std::abs(d.x()) > 1e-9 ? (rect.width() / 2) / std::abs(d.x()) : 1e18;
    const qreal sy = std::abs(d.y()) > 1e-9 ? (rect.height() / 2) / std::abs(d.y()) : 1e18;
    const qreal s = std::min(sx, sy);
    return c + d * std::min<qreal>(s, 1.0);
}

/// The route of a flow on to an element on a lower row and to the left, as a long stream
/// wrapped onto rows has at the end of each row: down from the source, left in the room just
/// above the target's row, and down into the target. Routed under the target like a loop
/// back, it would cross the next row's data boxes and texts. A source that writes text under
/// itself (a wait's figure and label) is left from its side, beyond that text. Nothing when
/// the target is not wholly below the source.
std::optional<QPainterPath> wrapRoute(const model::Map& map, const model::Flow& flow) {
    const auto fromKind = map.kindOf(flow.from);
    const auto fromPos = map.positionOf(flow.from);
    if (!fromKind || !fromPos)
        return std::nullopt;
    const QRectF va = attachRect(map, flow.from, true);
    const QRectF vb = attachRect(map, flow.to, true);
    const QRectF painted = placed(*fromKind, *fromPos, paintShape);
    // What stands under the source: its data box, or the text under a wait.
    const bool step = *fromKind == ElementKind::Step;
    const qreal sourceBottom = step ? va.bottom() : painted.bottom();
    constexpr qreal room = 16; // between the source's bottom and the line across
    if (vb.top() < sourceBottom + 2 * room)
        return std::nullopt;
    const qreal across = std::max(sourceBottom + room, vb.top() - 36);
    QPainterPath path;
    if (step) {
        path.moveTo(va.center().x(), va.bottom());
        path.lineTo(va.center().x(), across);
    } else {
        const qreal beside = painted.right() + 8;
        path.moveTo(va.right(), va.center().y());
        path.lineTo(beside, va.center().y());
        path.lineTo(beside, across);
    }
    path.lineTo(vb.center().x(), across);
    path.lineTo(vb.center().x(), vb.top());
    return path;
}

} // namespace

QRectF bodyRect(const model::Map& map, Id element) {
    const auto kind = map.kindOf(element);
    const auto pos = map.positionOf(element);
    if (!kind || !pos || *kind == ElementKind::RedPen)
        return {};
    return placed(*kind, *pos, bodyShape);
}

QRectF dataBoxRect(const model::Step& step) {
    return QRectF(step.pos.x - kStepWidth / 2, step.pos.y + kStepBodyHeight / 2 + 4, kStepWidth,
                  kDataBoxHeight);
}

QPainterPath flowPath(const model::Map& map, const model::Flow& flow) {
    QPainterPath path;
    const QRectF a = attachRect(map, flow.from, false);
    const QRectF b = attachRect(map, flow.to, false);
    if (a.isNull() || b.isNull() || flow.from == flow.to)
        return path;

    if (!model::carriesWork(flow.kind)) {
        // Information travels in straight lines between the outlines.
        const QPointF start = exitPoint(a, b.center());
        const QPointF end = exitPoint(b, a.center());
        path.moveTo(start);
        path.lineTo(end);
        return path;
    }

    constexpr qreal gap = 8;
    if (b.left() >= a.right() + gap) {
        const qreal top = std::max(a.top(), b.top());
        const qreal bottom = std::min(a.bottom(), b.bottom());
        if (bottom - top >= 16) {
            const qreal y = (top + bottom) / 2;
            path.moveTo(a.right(), y);
            path.lineTo(b.left(), y);
        } else {
            const qreal midX = (a.right() + b.left()) / 2;
            path.moveTo(a.right(), a.center().y());
            path.lineTo(midX, a.center().y());
            path.lineTo(midX, b.center().y());
            path.lineTo(b.left(), b.center().y());
        }
        return path;
    }
    if (b.right() <= a.left() - gap) {
        if (const auto wrap = wrapRoute(map, flow))
            return *wrap;
        // A flow that runs back (rework) goes under both, below any data box.
        const QRectF pa = attachRect(map, flow.from, true);
        const QRectF pb = attachRect(map, flow.to, true);
        const qreal depth = std::max(pa.bottom(), pb.bottom()) + 18 + 10 * (flow.id % 3);
        path.moveTo(pa.center().x() - 20, pa.bottom());
        path.lineTo(pa.center().x() - 20, depth);
        path.lineTo(pb.center().x() + 20, depth);
        path.lineTo(pb.center().x() + 20, pb.bottom());
        return path;
    }
    // One above the other.
    const QRectF va = attachRect(map, flow.from, true);
    const QRectF vb = attachRect(map, flow.to, true);
    if (vb.top() >= va.bottom()) {
        path.moveTo(va.center().x(), va.bottom());
        const qreal midY = (va.bottom() + vb.top()) / 2;
        path.lineTo(va.center().x(), midY);
        path.lineTo(vb.center().x(), midY);
        path.lineTo(vb.center().x(), vb.top());
    } else {
        path.moveTo(va.center().x(), va.top());
        const qreal midY = (va.top() + vb.bottom()) / 2;
        path.lineTo(va.center().x(), midY);
        path.lineTo(vb.center().x(), midY);
        path.lineTo(vb.center().x(), vb.bottom());
    }
    return path;
}

QPointF flowMidpoint(const QPainterPath& path) {
    if (path.isEmpty())
        return {};
    return path.pointAtPercent(path.percentAtLength(path.length() / 2));
}

QRectF redPenEllipse(const model::Map& map, const model::RedPen& pen) {
    QRectF around;
    for (Id target : pen.targets) {
        QRectF r;
        if (const model::Flow* flow = map.findFlow(target)) {
            // Around the middle of the flow, where its label and symbol are, not around the
            // whole route (a loop's route runs under other steps).
            const QPainterPath path = flowPath(map, *flow);
            const QPointF mid = flowMidpoint(path);
            const qreal width = std::clamp<qreal>(path.boundingRect().width(), 40, 120);
            r = QRectF(mid.x() - width / 2, mid.y() - 16, width, 32);
        } else
            r = attachRect(map, target, /*vertical=*/true); // a step with its data box
        if (!r.isNull())
            around = around.isNull() ? r : around.united(r);
    }
    if (around.isNull())
        return bodyShape(ElementKind::RedPen).translated(pen.pos.x, pen.pos.y);
    // A loose ring: an ellipse through (nearly) the corners of the targets' rectangle.
    const qreal w = around.width() * 1.22 + 24;
    const qreal h = around.height() * 1.22 + 24;
    return QRectF(around.center().x() - w / 2, around.center().y() - h / 2, w, h);
}

QRectF mapBounds(const model::Map& map) {
    QRectF bounds;
    auto add = [&](const QRectF& r) {
        if (!r.isNull())
            bounds = bounds.isNull() ? r : bounds.united(r);
    };
    for (Id id : map.placedElements()) {
        const auto kind = map.kindOf(id);
        if (*kind == ElementKind::RedPen)
            continue;
        add(placed(*kind, *map.positionOf(id), paintShape));
    }
    for (const auto& [id, flow] : map.flows)
        add(flowPath(map, flow).boundingRect().adjusted(-12, -12, 12, 24));
    for (const auto& [id, pen] : map.redPens)
        add(redPenEllipse(map, pen).adjusted(-6, -6, 6, 24));
    return bounds;
}

model::Point snapToGrid(model::Point point) {
    return {std::round(point.x / kGridSize) * kGridSize,
            std::round(point.y / kGridSize) * kGridSize};
}

std::vector<std::pair<Id, model::Point>> autoLayout(const model::Map& map) {
    constexpr qreal columnWidth = kLayoutColumnWidth;
    constexpr qreal rowHeight = kLayoutRowHeight;
    // Nodes of the value stream and the work flows between them, in id order.
    std::vector<Id> nodes;
    for (const auto& [id, _] : map.steps)
        nodes.push_back(id);
    for (const auto& [id, _] : map.waits)
        nodes.push_back(id);
    for (const auto& [id, _] : map.parties)
        nodes.push_back(id);
    std::sort(nodes.begin(), nodes.end());
    std::unordered_map<Id, std::vector<Id>> next, previous;
    for (const auto& [id, flow] : map.flows) {
        if (!model::carriesWork(flow.kind))
            continue;
        if (!std::binary_search(nodes.begin(), nodes.end(), flow.from) ||
            !std::binary_search(nodes.begin(), nodes.end(), flow.to))
            continue;
        next[flow.from].push_back(flow.to);
        previous[flow.to].push_back(flow.from);
    }

    // Drop the flows that close a loop (found by a depth-first walk from the starts, without
    // recursion so that long maps cannot overflow the stack); what remains is acyclic.
    std::set<std::pair<Id, Id>> backEdges;
    std::unordered_map<Id, int> state; // 0 new, 1 on the walk's stack, 2 done
    auto walkFrom = [&](Id root) {
        std::vector<std::pair<Id, std::size_t>> stack{{root, 0}};
        state[root] = 1;
        while (!stack.empty()) {
            auto& [v, index] = stack.back();
            const auto& out = next[v];
            if (index == out.size()) {
                state[v] = 2;
                stack.pop_back();
                continue;
            }
            const Id w = out[index++];
            if (state[w] == 1)
                backEdges.insert({v, w});
            else if (state[w] == 0) {
                state[w] = 1;
                stack.push_back({w, 0});
            }
        }
    };
    for (Id v : nodes)
        if (previous[v].empty() && state[v] == 0)
            walkFrom(v);
    for (Id v : nodes)
        if (state[v] == 0)
            walkFrom(v);

    // Column = length of the longest way to a node, in topological order (Kahn).
    std::unordered_map<Id, int> column, waiting;
    for (Id v : nodes)
        for (Id u : previous[v])
            if (!backEdges.contains({u, v}))
                ++waiting[v];
    std::vector<Id> ready;
    for (Id v : nodes)
        if (waiting[v] == 0)
            ready.push_back(v);
    while (!ready.empty()) {
        const Id v = ready.back();
        ready.pop_back();
        for (Id w : next[v]) {
            if (backEdges.contains({v, w}))
                continue;
            column[w] = std::max(column[w], column[v] + 1);
            if (--waiting[w] == 0)
                ready.push_back(w);
        }
    }
    std::map<int, std::vector<Id>> columns;
    std::vector<Id> loose;
    for (Id v : nodes) {
        if (next[v].empty() && previous[v].empty())
            loose.push_back(v);
        else
            columns[column[v]].push_back(v);
    }

    // Rows: each node takes the row nearest the average of its predecessors' rows.
    std::unordered_map<Id, qreal> row;
    std::vector<std::pair<Id, model::Point>> result;
    int lastColumn = 0;
    int maxRows = 1;
    for (auto& [c, members] : columns) {
        lastColumn = std::max(lastColumn, c);
        std::vector<std::pair<qreal, Id>> wanted;
        for (Id v : members) {
            qreal sum = 0;
            int count = 0;
            for (Id u : previous[v])
                if (auto it = row.find(u); it != row.end()) {
                    sum += it->second;
                    ++count;
                }
            wanted.push_back({count ? sum / count : 0, v});
        }
        std::stable_sort(wanted.begin(), wanted.end());
        std::set<int> taken;
        for (auto [desired, v] : wanted) {
            int r = static_cast<int>(std::lround(desired));
            for (int delta = 0;; ++delta) {
                if (!taken.contains(r + delta)) {
                    r += delta;
                    break;
                }
                if (r - delta >= 0 && !taken.contains(r - delta)) {
                    r -= delta;
                    break;
                }
            }
            taken.insert(r);
            row[v] = r;
            maxRows = std::max(maxRows, r + 1);
            result.push_back({v, {c * columnWidth, r * rowHeight}});
        }
    }
    // Elements outside the flow, then boxes above and notes below.
    const qreal belowFlow = maxRows * rowHeight;
    for (std::size_t i = 0; i < loose.size(); ++i)
        result.push_back({loose[i], {static_cast<qreal>(i) * columnWidth, belowFlow}});
    const qreal width = lastColumn * columnWidth;
    const std::size_t boxes = map.infoBoxes.size();
    std::size_t i = 0;
    for (const auto& [id, _] : map.infoBoxes) {
        const qreal x =
            boxes == 1 ? width / 2 : width * static_cast<qreal>(i) / static_cast<qreal>(boxes - 1);
        result.push_back({id, {x, -rowHeight * 0.75}});
        ++i;
    }
    const qreal notesY = belowFlow + (loose.empty() ? 0 : rowHeight);
    i = 0;
    for (const auto& [id, _] : map.notes)
        result.push_back({id, {static_cast<qreal>(i++) * columnWidth, notesY}});
    for (auto& [id, point] : result)
        point = snapToGrid(point);
    return result;
}

} // namespace gemba::render
