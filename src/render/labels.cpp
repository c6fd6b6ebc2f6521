#include "gemba/render/labels.h"

#include "gemba/model/units.h"
#include "gemba/render/geometry.h"
#include "gemba/render/text.h"
#include "gemba/render/theme.h"

#include <QFontMetricsF>
#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace gemba::render {

namespace {

constexpr qreal kCellSize = 256; // of the obstacle grid, about a layout column
constexpr qreal kGap = 3;        // between a caption and its ring

QString qs(const std::string& text) {
    return QString::fromStdString(text);
}

/// Rectangles binned into square cells, so that a caption is tested against what is near
/// it only: a map of thousands of steps lays its captions out in about a millisecond.
class ObstacleGrid {
public:
    void add(const QRectF& r) {
        if (r.isEmpty())
            return;
        const auto index = static_cast<int>(m_rects.size());
        m_rects.push_back(r);
        forCells(r, [&](long long key) { m_cells[key].push_back(index); });
    }

    /// Whether `r` overlaps a rectangle other than `ignore`.
    bool hits(const QRectF& r, const QRectF& ignore) const {
        bool hit = false;
        forCells(r, [&](long long key) {
            if (hit)
                return;
            const auto it = m_cells.find(key);
            if (it == m_cells.end())
                return;
            for (int i : it->second)
                if (m_rects[i].intersects(r) && m_rects[i] != ignore) {
                    hit = true;
                    return;
                }
        });
        return hit;
    }

private:
    template <class F> static void forCells(const QRectF& r, F&& f) {
        const auto x0 = static_cast<long long>(std::floor(r.left() / kCellSize));
        const auto x1 = static_cast<long long>(std::floor(r.right() / kCellSize));
        const auto y0 = static_cast<long long>(std::floor(r.top() / kCellSize));
        const auto y1 = static_cast<long long>(std::floor(r.bottom() / kCellSize));
        for (long long x = x0; x <= x1; ++x)
            for (long long y = y0; y <= y1; ++y)
                f(x * 4'000'003LL + y);
    }

    std::vector<QRectF> m_rects;
    std::unordered_map<long long, std::vector<int>> m_cells;
};

/// One way of writing a caption: wrapped at `width` onto at most `lines` lines.
struct Form {
    qreal width;
    int lines;
};

// Full width first, then narrower (taller), then fewer lines (shortened), then one short line.
constexpr Form kForms[] = {{kCaptionWidth, kCaptionLines},
                           {150, kCaptionLines + 2},
                           {kCaptionWidth, 2},
                           {kCaptionWidth, 1},
                           {120, 1}};

PlacedLabel shaped(const QString& text, Form form, qreal pointSize) {
    // Wider type, wider captions: the same words to a line at every size.
    form.width *= pointSize / kCaptionPointSize;
    const QFont font = captionFont(pointSize);
    const QFontMetricsF metrics(font);
    PlacedLabel label;
    label.fullText = text;
    label.lines = wrapText(text, font, form.width, form.lines);
    qreal width = 0;
    for (const QString& line : label.lines)
        width = std::max(width, metrics.horizontalAdvance(line));
    label.box = QRectF(0, 0, std::ceil(width) + 2, metrics.height() * label.lines.size());
    label.shortened = label.lines.join(QLatin1Char(' ')) != text.simplified();
    return label;
}

/// Top-left corners for a box of `size` around `anchor`, the preferred one first.
std::vector<QPointF> placesAround(const QRectF& anchor, QSizeF size) {
    const qreal centred = anchor.center().x() - size.width() / 2;
    const qreal below = anchor.bottom() + kGap;
    std::vector<QPointF> places;
    places.emplace_back(centred, below);
    // Nudged: further down, then sideways under the ring.
    for (int step = 1; step <= 4; ++step)
        places.emplace_back(centred, below + step * 10);
    for (qreal shift : {0.5, 1.0})
        for (int side : {1, -1})
            places.emplace_back(centred + side * shift * size.width(), below);
    // Beside the ring, at its middle height, then above it (clear of the ideas badge).
    places.emplace_back(anchor.right() + kGap, anchor.center().y() - size.height() / 2);
    places.emplace_back(anchor.left() - kGap - size.width(),
                        anchor.center().y() - size.height() / 2);
    places.emplace_back(centred, anchor.top() - 20 - size.height());
    return places;
}

} // namespace

QFont captionFont(qreal pointSize) {
    return theme().font(pointSize, true, true);
}

QString redPenCaption(const model::Project& project, const model::RedPen& pen) {
    QString text = qs(pen.reason);
    if (pen.cost)
        text += (text.isEmpty() ? QString() : QStringLiteral(" — ")) +
                mapText("%1 %2/yr")
                    .arg(qs(model::formatNumber(*pen.cost, 0)), qs(project.props.currency));
    return text;
}

PlacedLabel preferredLabel(const LabelRequest& request, qreal pointSize) {
    PlacedLabel label = shaped(request.text, kForms[0], pointSize);
    label.box.moveTopLeft(placesAround(request.anchor, label.box.size()).front());
    return label;
}

LabelLayout layoutLabels(const std::vector<LabelRequest>& requests,
                         const std::vector<QRectF>& obstacles, qreal pointSize) {
    registerFonts();
    ObstacleGrid grid;
    for (const QRectF& r : obstacles)
        grid.add(r);
    LabelLayout layout;
    for (const LabelRequest& request : requests) {
        if (request.text.trimmed().isEmpty())
            continue;
        std::optional<PlacedLabel> chosen;
        for (const Form& form : kForms) {
            PlacedLabel label = shaped(request.text, form, pointSize);
            for (QPointF place : placesAround(request.anchor, label.box.size())) {
                label.box.moveTopLeft(place);
                if (!grid.hits(label.box, request.anchor)) {
                    chosen = label;
                    break;
                }
            }
            if (chosen)
                break;
        }
        if (!chosen) {
            // The shortest form, further down under its ring: a crowded row of rings in
            // large type may need a caption a few lines lower.
            PlacedLabel label = shaped(request.text, kForms[std::size(kForms) - 1], pointSize);
            const QSizeF size = label.box.size();
            const QPointF start = placesAround(request.anchor, size).front();
            for (int step = 1; step <= 40 && !chosen; ++step)
                for (qreal shift : {0.0, -0.5, 0.5}) {
                    label.box.moveTopLeft(start + QPointF(shift * size.width(), step * 10));
                    if (!grid.hits(label.box, request.anchor)) {
                        chosen = label;
                        break;
                    }
                }
        }
        if (!chosen) {
            // Nowhere free: the shortest form where it belongs, the rest in the tooltip.
            chosen = shaped(request.text, kForms[std::size(kForms) - 1], pointSize);
            chosen->box.moveTopLeft(placesAround(request.anchor, chosen->box.size()).front());
        }
        grid.add(chosen->box);
        layout.emplace(request.owner, *chosen);
    }
    return layout;
}

LabelLayout layoutRedPenLabels(const model::Project& project, const model::Map& map,
                               qreal pointSize) {
    std::vector<QRectF> obstacles;
    for (Id id : map.placedElements()) {
        const auto kind = map.kindOf(id);
        if (*kind != model::ElementKind::RedPen)
            obstacles.push_back(
                paintShape(*kind).translated(map.positionOf(id)->x, map.positionOf(id)->y));
    }
    // Flow lines: no caption is crossed by one. Work flows run in horizontal and vertical
    // pieces, each a thin rectangle; a slanted information line's rectangle would block a
    // whole region, so its pieces are left to the rings' and shapes' clearance.
    for (const auto& [id, flow] : map.flows) {
        const QPainterPath path = flowPath(map, flow);
        for (int i = 1; i < path.elementCount(); ++i) {
            const QPointF a = path.elementAt(i - 1);
            const QPointF b = path.elementAt(i);
            if (std::abs(a.x() - b.x()) < 0.5 || std::abs(a.y() - b.y()) < 0.5)
                obstacles.push_back(QRectF(a, b).normalized().adjusted(-5, -5, 5, 5));
        }
    }
    std::vector<LabelRequest> requests;
    for (const auto& [id, pen] : map.redPens) {
        const QRectF ring = redPenEllipse(map, pen);
        obstacles.push_back(ring);
        if (QString text = redPenCaption(project, pen); !text.isEmpty())
            requests.push_back({id, ring, text});
    }
    return layoutLabels(requests, obstacles, pointSize);
}

} // namespace gemba::render
