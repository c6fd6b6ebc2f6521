#include "gemba/render/labels.h"

#include "gemba/model/units.h"
#include "gemba/model/workshop_ops.h"
#include "gemba/render/geometry.h"
#include "gemba/render/text.h"
#include "gemba/render/theme.h"

#include <QFontMetricsF>
#include <QHash>
#include <QPainterPathStroker>
#include <algorithm>
#include <cmath>
#include <optional>
#include <unordered_map>

namespace gemba::render {

namespace {

constexpr qreal kCellSize = 256; // of the obstacle grid, about a layout column
constexpr qreal kGap = 3;        // between a caption and its ring

QString qs(const std::string& text) {
    return QString::fromStdString(text);
}

/// Rectangles binned into square cells, so that a caption is tested against what is near
/// it only: a map of thousands of steps lays its captions out in about a millisecond. Cells
/// are made as rectangles come: this grid is for the texts placed one by one.
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

/// The map's shapes, lines and rings: added all at once, then binned in one go (build()) into
/// a dense grid over their bounds whose cells' indexes lie side by side. A layout tests them
/// many thousand times and the canvas lays out again after every move, so neither building
/// nor testing allocates per cell. A rectangle outside the bounds counts in the border cells,
/// which keeps every test right; a far-off element makes the cells larger, not the grid.
class FixedGrid {
public:
    void add(const QRectF& r) {
        if (!r.isEmpty())
            m_rects.push_back(r);
    }

    void build() {
        m_start.assign(1, 0);
        m_indexes.clear();
        if (m_rects.empty())
            return;
        QRectF bounds = m_rects.front();
        for (const QRectF& r : m_rects)
            bounds |= r;
        m_origin = bounds.topLeft();
        m_cell = kCellSize;
        m_columns = m_rows = 1;
        if (std::isfinite(bounds.width()) && std::isfinite(bounds.height())) {
            const double limit = std::max(65536.0, 16.0 * static_cast<double>(m_rects.size()));
            while ((bounds.width() / m_cell + 1) * (bounds.height() / m_cell + 1) > limit)
                m_cell *= 2;
            m_columns = static_cast<int>(bounds.width() / m_cell) + 1;
            m_rows = static_cast<int>(bounds.height() / m_cell) + 1;
        }
        m_start.assign(static_cast<std::size_t>(m_columns) * m_rows + 1, 0);
        for (const QRectF& r : m_rects)
            forCells(r, [&](std::size_t cell) { ++m_start[cell + 1]; });
        for (std::size_t i = 1; i < m_start.size(); ++i)
            m_start[i] += m_start[i - 1];
        m_indexes.resize(m_start.back());
        std::vector<int> next(m_start.begin(), m_start.end() - 1);
        for (std::size_t i = 0; i < m_rects.size(); ++i)
            forCells(m_rects[i], [&](std::size_t cell) {
                m_indexes[static_cast<std::size_t>(next[cell]++)] = static_cast<int>(i);
            });
    }

    /// Whether `r` overlaps a rectangle other than `ignore`.
    bool hits(const QRectF& r, const QRectF& ignore) const {
        bool hit = false;
        forCells(r, [&](std::size_t cell) {
            for (int k = m_start[cell]; !hit && k < m_start[cell + 1]; ++k) {
                const QRectF& other = m_rects[static_cast<std::size_t>(m_indexes[k])];
                hit = other.intersects(r) && other != ignore;
            }
        });
        return hit;
    }

    /// The indexes, in order of adding, of the rectangles that overlap `r`.
    std::vector<int> hitting(const QRectF& r) const {
        std::vector<int> found;
        forCells(r, [&](std::size_t cell) {
            for (int k = m_start[cell]; k < m_start[cell + 1]; ++k)
                if (m_rects[static_cast<std::size_t>(m_indexes[k])].intersects(r))
                    found.push_back(m_indexes[k]);
        });
        std::sort(found.begin(), found.end());
        found.erase(std::unique(found.begin(), found.end()), found.end());
        return found;
    }

private:
    /// The column or row of `offset`, held within [0, count).
    int clampedCell(double offset, int count) const {
        const double cell = std::floor(offset / m_cell);
        if (!(cell >= 0)) // also NaN
            return 0;
        return cell >= count - 1 ? count - 1 : static_cast<int>(cell);
    }

    template <class F> void forCells(const QRectF& r, F&& f) const {
        if (m_start.size() < 2)
            return;
        const int x0 = clampedCell(r.left() - m_origin.x(), m_columns);
        const int x1 = clampedCell(r.right() - m_origin.x(), m_columns);
        const int y0 = clampedCell(r.top() - m_origin.y(), m_rows);
        const int y1 = clampedCell(r.bottom() - m_origin.y(), m_rows);
        for (int y = y0; y <= y1; ++y)
            for (int x = x0; x <= x1; ++x)
                f(static_cast<std::size_t>(y) * static_cast<std::size_t>(m_columns) +
                  static_cast<std::size_t>(x));
    }

    std::vector<QRectF> m_rects;
    std::vector<int> m_start{0}; ///< cell c's indexes are m_indexes[m_start[c], m_start[c + 1])
    std::vector<int> m_indexes;
    QPointF m_origin;
    double m_cell = kCellSize;
    int m_columns = 1;
    int m_rows = 1;
};

/// Texts measured in one font. Measuring a text shapes it, and that was most of a map's
/// layout, which the canvas redoes after every move: widths and elided forms are kept across
/// layouts, per thread (exports may lay out off the window's thread) and per font. The same
/// font gives the same widths, so the layout is the same with or without the cache.
class MeasuredFont {
public:
    explicit MeasuredFont(const QFont& font)
        : m_metrics(font)
        , m_cache(cacheFor(font)) {}

    const QFontMetricsF& metrics() const { return m_metrics; }

    qreal advance(const QString& text) const {
        if (const auto it = m_cache.widths.constFind(text); it != m_cache.widths.cend())
            return *it;
        if (m_cache.widths.size() >= kMaxEntries)
            m_cache.widths.clear();
        const qreal width = m_metrics.horizontalAdvance(text);
        m_cache.widths.insert(text, width);
        return width;
    }

    /// `text` elided on the right to at most `width`.
    QString elided(const QString& text, qreal width) const {
        const QString key = QString::number(width, 'g', 17) + QChar(0) + text;
        if (const auto it = m_cache.elided.constFind(key); it != m_cache.elided.cend())
            return *it;
        if (m_cache.elided.size() >= kMaxEntries)
            m_cache.elided.clear();
        QString line = m_metrics.elidedText(text, Qt::ElideRight, width);
        m_cache.elided.insert(key, line);
        return line;
    }

private:
    struct Cache {
        QHash<QString, qreal> widths;
        QHash<QString, QString> elided;
    };
    // A bound on memory: a long session of edits may write many different texts.
    static constexpr qsizetype kMaxEntries = 50'000;

    static Cache& cacheFor(const QFont& font) {
        thread_local QHash<QString, Cache> caches;
        return caches[font.key()];
    }

    QFontMetricsF m_metrics;
    Cache& m_cache;
};

/// The fonts of flow and wait texts at one growth, made and looked up once per layout
/// (labelFontsFor gives the growth of a layout's point size).
struct LabelFonts {
    explicit LabelFonts(qreal growth)
        : growth(growth)
        , flow(flowLabelFont(growth))
        , waitFigure(waitFigureFont(growth))
        , waitLabel(waitLabelFont()) {}

    qreal growth;
    MeasuredFont flow;
    MeasuredFont waitFigure;
    MeasuredFont waitLabel;
};

/// The widths a caption is wrapped at, the preferred first. A red pen's reason is never cut:
/// where the preferred box has no room, a narrower (taller) or wider (flatter) one is tried.
constexpr qreal kCaptionWidths[] = {kCaptionWidth, 150, 320, 440};

// A flow's label on one line: whole up to the widest, then elided to fit narrower gaps.
constexpr qreal kFlowLabelWidths[] = {180, 100, 64, 44};
constexpr qreal kFlowLabelHeight = 13;
constexpr qreal kWaitLineHeight = 14;
constexpr qreal kWaitLabelWidth = 140;
constexpr qreal kOverviewWaitHeight = 16; // a zoomed-out figure's line, before it grows

/// Whether a layout at `pointSize` is the zoomed-out one.
bool isOverview(qreal pointSize) {
    return pointSize > kCaptionPointSize;
}

PlacedLabel shaped(const QString& text, qreal wrapWidth, qreal pointSize) {
    // Wider type, wider captions: the same words to a line at every size.
    wrapWidth *= pointSize / kCaptionPointSize;
    const QFont font = captionFont(pointSize);
    const QFontMetricsF metrics(font);
    PlacedLabel label;
    label.fullText = text;
    label.lines = wrapText(text, font, wrapWidth, kAllLines);
    qreal width = 0;
    for (const QString& line : label.lines)
        width = std::max(width, metrics.horizontalAdvance(line));
    label.box = QRectF(0, 0, std::ceil(width) + 2, metrics.height() * label.lines.size());
    label.shortened = label.lines.join(QLatin1Char(' ')) != text.simplified();
    return label;
}

/// A flow's text on one line at most `maxWidth` wide (its backing included), elided to fit.
PlacedLabel shapedFlowLabel(const QString& text, qreal maxWidth, const LabelFonts& fonts) {
    const MeasuredFont& font = fonts.flow;
    const qreal padding = 8;
    maxWidth *= fonts.growth;
    PlacedLabel label;
    label.fullText = text;
    const qreal natural = font.advance(text);
    const QString line =
        natural + padding <= maxWidth ? text : font.elided(text, maxWidth - padding);
    label.lines = {line};
    label.shortened = line != text;
    const qreal width = line == text ? natural : font.advance(line);
    label.box = QRectF(0, 0, std::ceil(width) + padding, kFlowLabelHeight * fonts.growth);
    return label;
}

/// A wait's figure and label, centred under the triangle.
PlacedLabel shapedWaitLabel(const LabelRequest& request, const LabelFonts& fonts) {
    const qreal growth = fonts.growth;
    const qreal lineHeight = (growth > 1 ? kOverviewWaitHeight : kWaitLineHeight) * growth;
    const qreal maxWidth = growth > 1 ? 144 : kWaitLabelWidth;
    PlacedLabel label;
    label.fullText =
        request.detail.isEmpty() ? request.text : request.text + QLatin1Char('\n') + request.detail;
    QString figure = request.text;
    qreal width = fonts.waitFigure.advance(figure);
    if (width > maxWidth) {
        figure = fonts.waitFigure.elided(figure, maxWidth);
        width = fonts.waitFigure.advance(figure);
    }
    label.lines << figure;
    if (!request.detail.isEmpty()) {
        QString detail = request.detail;
        qreal detailWidth = fonts.waitLabel.advance(detail);
        if (detailWidth > maxWidth) {
            detail = fonts.waitLabel.elided(detail, maxWidth);
            detailWidth = fonts.waitLabel.advance(detail);
        }
        label.lines << detail;
        width = std::max(width, detailWidth);
    }
    label.shortened =
        figure != request.text || (label.lines.size() > 1 && label.lines[1] != request.detail);
    label.box = QRectF(0, 0, std::min(maxWidth, std::ceil(width) + 4),
                       lineHeight * static_cast<qreal>(label.lines.size()));
    return label;
}

/// Top-left corners for a caption of `size` around `anchor`, the preferred one first.
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

/// Top-left corners for a flow's label of `size` beside the line's middle (the centre of
/// the request's anchor). `far`: the places further out, tried once the near ones with every
/// form are taken.
std::vector<QPointF> flowPlaces(const LabelRequest& request, QSizeF size, bool far) {
    const auto beside = [&](QPointF mid, std::vector<QPointF>& places) {
        const qreal centred = mid.x() - size.width() / 2;
        const qreal above = mid.y() - request.above - size.height();
        const qreal below = mid.y() + 6;
        places.emplace_back(centred, request.runsBack ? below : above);
        places.emplace_back(centred, request.runsBack ? above : below);
        // Beside a vertical piece of line.
        places.emplace_back(mid.x() + 8, mid.y() - size.height() / 2);
        places.emplace_back(mid.x() - 8 - size.width(), mid.y() - size.height() / 2);
    };
    const QPointF mid = request.anchor.center();
    std::vector<QPointF> places;
    if (!far) {
        beside(mid, places);
        return places;
    }
    const qreal centred = mid.x() - size.width() / 2;
    const qreal preferred =
        request.runsBack ? mid.y() + 6 : mid.y() - request.above - size.height();
    const qreal other = request.runsBack ? mid.y() - request.above - size.height() : mid.y() + 6;
    const qreal outwards = request.runsBack ? 1 : -1;
    for (int step = 1; step <= 6; ++step)
        places.emplace_back(centred, preferred + outwards * step * 12);
    for (int step = 1; step <= 3; ++step)
        places.emplace_back(centred, other - outwards * step * 12);
    for (int side : {1, -1})
        places.emplace_back(centred + side * (size.width() / 2 + 4), preferred);
    // Elsewhere along the line: measured only here, as most labels take a near place.
    if (!request.route.isEmpty()) {
        for (qreal at : {0.3, 0.7, 0.15, 0.85})
            beside(request.route.pointAtPercent(at), places);
        for (int step = 0; step <= 20; ++step) // then anywhere along a long, crowded route
            beside(request.route.pointAtPercent(step / 20.0), places);
    }
    return places;
}

/// Calls `f` with each form and place a request may take, best first, until it returns true.
LabelFonts labelFontsFor(qreal pointSize) {
    return LabelFonts(isOverview(pointSize) ? kMaxOverviewGrowth : 1);
}

/// `fonts` are the flow and wait fonts at the growth `pointSize` gives (labelFontsFor).
template <class F>
void forEachCandidate(const LabelRequest& request, qreal pointSize, const LabelFonts& fonts,
                      F&& f) {
    const auto tryAt = [&](PlacedLabel label, const std::vector<QPointF>& places) {
        for (QPointF place : places) {
            label.box.moveTopLeft(place);
            if (f(label))
                return true;
        }
        return false;
    };
    switch (request.kind) {
    case LabelKind::Wait: {
        // Under its own triangle, or nowhere: a wait's figure is read as part of it.
        PlacedLabel label = shapedWaitLabel(request, fonts);
        const QRectF body =
            bodyShape(model::ElementKind::Wait).translated(request.anchor.center().x(), 0);
        const qreal top =
            request.anchor.top() - paintShape(model::ElementKind::Wait).top() + body.bottom() + 2;
        const qreal centred = request.anchor.center().x() - label.box.width() / 2;
        // Centred; or, where a flow's line runs down past the triangle (a route that wraps
        // to the next row, a loop back), shifted sideways just clear of it.
        std::vector<QPointF> places{QPointF(centred, top)};
        for (int step = 1; step <= 16; ++step)
            for (int side : {1, -1})
                places.emplace_back(centred + side * step * 10, top);
        tryAt(label, places);
        return;
    }
    case LabelKind::Flow: {
        // Zoomed out a share is written whole; at 100% a label may be elided. Each form is
        // shaped when it is first tried: most labels take the first.
        const bool whole = fonts.growth > 1;
        const std::size_t formCount = whole ? 1 : std::size(kFlowLabelWidths);
        std::optional<PlacedLabel> forms[std::size(kFlowLabelWidths)];
        for (bool far : {false, true})
            for (std::size_t i = 0; i < formCount; ++i) {
                if (!forms[i])
                    forms[i] =
                        shapedFlowLabel(request.text, whole ? 1e6 : kFlowLabelWidths[i], fonts);
                if (tryAt(*forms[i], flowPlaces(request, forms[i]->box.size(), far)))
                    return;
            }
        return;
    }
    case LabelKind::Caption:
        break;
    }
    for (qreal width : kCaptionWidths) {
        PlacedLabel label = shaped(request.text, width, pointSize);
        if (tryAt(label, placesAround(request.anchor, label.box.size())))
            return;
    }
    // The flattest form, further down under its ring: a crowded row of rings in large type
    // may need a caption a few lines lower.
    PlacedLabel label =
        shaped(request.text, kCaptionWidths[std::size(kCaptionWidths) - 1], pointSize);
    const QSizeF size = label.box.size();
    const QPointF start = placesAround(request.anchor, size).front();
    std::vector<QPointF> lower;
    for (int step = 1; step <= 40; ++step)
        for (qreal shift : {0.0, -0.5, 0.5})
            lower.push_back(start + QPointF(shift * size.width(), step * 10));
    tryAt(label, lower);
}

/// What the texts of a map must keep clear of: the same for every point size of a layout.
struct FixedObstacles {
    FixedGrid shapes; ///< shapes and flow lines
    FixedGrid lines;  ///< flow lines alone: a wait's text keeps clear of them
    FixedGrid rings;  ///< red pens' rings: around content, so only captions avoid them
    /// The rings' drawn outlines, which a flow's label inside or outside a ring may not cross.
    std::vector<QPainterPath> ringOutlines;
    FixedGrid ringBounds; ///< the same rings' rectangles, indexing ringOutlines

    /// Bins what was added; called once, before the first test.
    void build() {
        for (FixedGrid* grid : {&shapes, &lines, &rings, &ringBounds})
            grid->build();
    }

    bool crossesRing(const QRectF& box) const {
        for (int i : ringBounds.hitting(box))
            if (ringOutlines[static_cast<std::size_t>(i)].intersects(box))
                return true;
        return false;
    }
};

/// The fixed obstacles and the texts placed so far.
struct Obstacles {
    const FixedObstacles& fixed;
    ObstacleGrid labels;

    bool blocks(const LabelRequest& request, const QRectF& box) const {
        if (labels.hits(box, QRectF()))
            return true;
        switch (request.kind) {
        case LabelKind::Wait:
            // Its place is inside its own shape; only a flow's line may pass there.
            return fixed.lines.hits(box, QRectF());
        case LabelKind::Flow:
            return fixed.shapes.hits(box, request.anchor) || fixed.crossesRing(box);
        case LabelKind::Caption:
            return fixed.shapes.hits(box, request.anchor) || fixed.rings.hits(box, request.anchor);
        }
        return false;
    }
};

LabelLayout layoutWith(const std::vector<LabelRequest>& requests, Obstacles& obstacles,
                       qreal pointSize) {
    registerFonts();
    const LabelFonts fonts = labelFontsFor(pointSize);
    LabelLayout layout;
    for (const LabelRequest& request : requests) {
        if (request.text.trimmed().isEmpty())
            continue;
        std::optional<PlacedLabel> chosen;
        std::optional<PlacedLabel> last;
        forEachCandidate(request, pointSize, fonts, [&](const PlacedLabel& label) {
            last = label;
            if (obstacles.blocks(request, label.box))
                return false;
            chosen = label;
            return true;
        });
        if (!chosen && last) {
            // Nowhere free of shapes: the last form tried, from its preferred place down to
            // the first place no other text takes, the rest in the tooltip. A text may
            // then cover a shape, never another text.
            PlacedLabel label = *last;
            PlacedLabel first = *last;
            forEachCandidate(request, pointSize, fonts, [&](const PlacedLabel& candidate) {
                if (candidate.lines == last->lines) {
                    first = candidate;
                    return true;
                }
                return false;
            });
            label.box = first.box;
            for (int step = 0; obstacles.labels.hits(label.box, QRectF()) && step < 100'000; ++step)
                label.box.translate(0, 10);
            chosen = label;
        }
        if (!chosen)
            continue;
        obstacles.labels.add(chosen->box);
        layout.emplace(request.owner, *chosen);
    }
    return layout;
}

/// A flow and its route, found once for every layout of a map's texts.
struct Route {
    const model::Flow* flow;
    QPainterPath path;
};

void addFlowPieces(FixedObstacles& obstacles, const std::vector<Route>& routes) {
    // Flow lines: no text is crossed by one. Work flows run in horizontal and vertical
    // pieces, each a thin rectangle; a slanted information line's rectangle would block a
    // whole region, so its pieces are left to the rings' and shapes' clearance.
    for (const Route& route : routes) {
        const QPainterPath& path = route.path;
        for (int i = 1; i < path.elementCount(); ++i) {
            const QPointF a = path.elementAt(i - 1);
            const QPointF b = path.elementAt(i);
            if (std::abs(a.x() - b.x()) < 0.5 || std::abs(a.y() - b.y()) < 0.5) {
                const QRectF piece = QRectF(a, b).normalized().adjusted(-5, -5, 5, 5);
                obstacles.shapes.add(piece);
                obstacles.lines.add(piece);
            }
        }
    }
}

/// A flow's label request on its route (flowLabelRequest without finding the route).
std::optional<LabelRequest> flowLabelRequestOn(const model::Flow& flow, const QPainterPath& path,
                                               const model::DurationVoice& voice, bool overview);

} // namespace

QFont captionFont(qreal pointSize) {
    return theme().font(pointSize, true, true);
}

QFont flowLabelFont(qreal growth) {
    return growth > 1 ? theme().font(7 * growth, true) : theme().font(7);
}

QFont waitFigureFont(qreal growth) {
    return theme().font(7.5 * growth, true);
}

QFont waitLabelFont() {
    return theme().font(7);
}

QString shareText(double share) {
    return qs(model::formatNumber(share * 100, 1)) + QStringLiteral("%");
}

QString flowLabelText(const model::Flow& flow, const model::DurationVoice& voice) {
    QStringList parts;
    if (!flow.label.empty())
        parts << qs(flow.label);
    if (flow.share)
        parts << shareText(*flow.share);
    if (flow.wait)
        parts << mapText("wait %1").arg(qs(voice.waitTime(*flow.wait)));
    return parts.join(QStringLiteral(" · "));
}

QString waitFigureText(const model::Map& map, const model::Wait& wait,
                       const model::DurationVoice& voice, bool overview) {
    const model::Calendar& calendar = *voice.calendar;
    if (wait.kind != model::WaitKind::Inventory)
        return wait.time ? qs(voice.waitTime(*wait.time)) : QStringLiteral("–");
    if (overview)
        return wait.quantity ? qs(model::formatCount(*wait.quantity, 1)) : QStringLiteral("?");
    QString figure = wait.quantity ? qs(model::formatCount(*wait.quantity, 1)) + mapText(" items")
                                   : mapText("? items");
    if (wait.quantity)
        if (auto perDay = map.demandPerDay(calendar))
            figure += QStringLiteral(" · ") +
                      qs(voice.waitTime(*wait.quantity / *perDay * calendar.secondsPerDay()));
    return figure;
}

std::optional<LabelRequest> flowLabelRequest(const model::Map& map, const model::Flow& flow,
                                             const model::DurationVoice& voice, bool overview) {
    return flowLabelRequestOn(flow, flowPath(map, flow), voice, overview);
}

namespace {

std::optional<LabelRequest> flowLabelRequestOn(const model::Flow& flow, const QPainterPath& path,
                                               const model::DurationVoice& voice, bool overview) {
    if (path.isEmpty())
        return std::nullopt;
    LabelRequest request;
    request.owner = flow.id;
    request.kind = LabelKind::Flow;
    request.text =
        overview ? (flow.share ? shareText(*flow.share) : QString()) : flowLabelText(flow, voice);
    if (request.text.isEmpty())
        return std::nullopt;
    const QPointF mid = flowMidpoint(path);
    request.anchor = QRectF(mid.x() - 0.5, mid.y() - 0.5, 1, 1);
    request.route = path;
    // Under the line for a flow that runs back, whose line passes below the data boxes.
    request.runsBack = path.pointAtPercent(1).x() < path.pointAtPercent(0).x() - 8;
    // Clear of the truck that stands on a shipment's line.
    request.above = !overview && flow.kind == model::FlowKind::Shipment ? 27 : 11;
    return request;
}

} // namespace

std::optional<LabelRequest> waitLabelRequest(const model::Map& map, const model::Wait& wait,
                                             const model::DurationVoice& voice, bool overview) {
    LabelRequest request;
    request.owner = wait.id;
    request.kind = LabelKind::Wait;
    request.anchor = paintShape(model::ElementKind::Wait).translated(wait.pos.x, wait.pos.y);
    request.text = waitFigureText(map, wait, voice, overview);
    if (!overview)
        request.detail = qs(wait.label);
    return request;
}

QString redPenCaption(const model::Project& project, const model::RedPen& pen) {
    QString text = qs(pen.reason);
    if (pen.cost)
        text += (text.isEmpty() ? QString() : QStringLiteral(" — ")) +
                mapText("%1/yr").arg(qs(model::formatMoney(*pen.cost, project.props.currency)));
    return text;
}

namespace {

/// Whether `box` lies on a painted shape of the map (red pens aside). Painting asks it for
/// every badge, so it walks the element lists directly.
bool coversShape(const model::Map& map, const QRectF& box) {
    const auto covers = [&box](const auto& elements, const auto& kindOf) {
        for (const auto& [id, element] : elements)
            if (paintShape(kindOf(element))
                    .translated(element.pos.x, element.pos.y)
                    .intersects(box))
                return true;
        return false;
    };
    const auto always = [](model::ElementKind kind) {
        return [kind](const auto&) { return kind; };
    };
    return covers(map.steps, always(model::ElementKind::Step)) ||
           covers(map.waits, always(model::ElementKind::Wait)) ||
           covers(map.parties,
                  [](const model::Party& party) {
                      return party.kind == model::PartyKind::Supplier
                                 ? model::ElementKind::Supplier
                                 : model::ElementKind::Customer;
                  }) ||
           covers(map.infoBoxes, always(model::ElementKind::InfoBox)) ||
           covers(map.notes, always(model::ElementKind::Note));
}

} // namespace

QFont redPenBadgeFont() {
    return theme().font(7, true);
}

std::optional<PenBadge> redPenBadge(const model::Project& project, const model::Map& map,
                                    const model::RedPen& pen) {
    const model::PenAttachments attached = model::penAttachments(project, pen.id);
    if (attached.ideas + attached.actions == 0)
        return std::nullopt;
    QStringList parts;
    if (attached.ideas > 0)
        parts << mapText(attached.ideas == 1 ? "%1 idea" : "%1 ideas").arg(attached.ideas);
    if (attached.actions > 0)
        parts << mapText(attached.actions == 1 ? "%1 action" : "%1 actions").arg(attached.actions);
    PenBadge badge;
    badge.text = parts.join(QStringLiteral(" · ")) + QStringLiteral(": ") +
                 qs(attached.mostAdvanced).replace(QLatin1Char('_'), QLatin1Char(' '));
    const qreal width = QFontMetricsF(redPenBadgeFont()).horizontalAdvance(badge.text) + 10;
    const QRectF ring = redPenEllipse(map, pen);
    // On the ring's top right, or the first other corner where it covers no shape's text (a
    // ring round a rework loop sits just under a step's data box).
    const qreal top = ring.top() - 16;
    const qreal bottom = ring.bottom() + 1;
    const qreal right = ring.right() - width * 0.6;
    const qreal left = ring.left() - width * 0.4;
    const QRectF corners[] = {{right, top, width, 15},
                              {left, top, width, 15},
                              {right, bottom, width, 15},
                              {left, bottom, width, 15}};
    badge.box = corners[0];
    for (const QRectF& box : corners)
        if (!coversShape(map, box)) {
            badge.box = box;
            break;
        }
    return badge;
}

PlacedLabel preferredLabel(const LabelRequest& request, qreal pointSize) {
    std::optional<PlacedLabel> first;
    forEachCandidate(request, pointSize, labelFontsFor(pointSize), [&](const PlacedLabel& label) {
        first = label;
        return true;
    });
    return first ? *first : PlacedLabel{};
}

LabelLayout layoutLabels(const std::vector<LabelRequest>& requests,
                         const std::vector<QRectF>& obstacles, qreal pointSize) {
    FixedObstacles fixed;
    for (const QRectF& r : obstacles)
        fixed.shapes.add(r);
    fixed.build();
    Obstacles grids{fixed, {}};
    return layoutWith(requests, grids, pointSize);
}

LabelLayout layoutMapLabels(const model::Project& project, const model::Map& map, qreal pointSize) {
    return std::move(layoutMapLabelsAt(project, map, {pointSize}).front());
}

std::vector<LabelLayout> layoutMapLabelsAt(const model::Project& project, const model::Map& map,
                                           const std::vector<qreal>& pointSizes) {
    FixedObstacles fixed;
    for (Id id : map.placedElements()) {
        const auto kind = map.kindOf(id);
        if (*kind != model::ElementKind::RedPen)
            fixed.shapes.add(
                paintShape(*kind).translated(map.positionOf(id)->x, map.positionOf(id)->y));
    }
    std::vector<Route> routes;
    routes.reserve(map.flows.size());
    for (const auto& [id, flow] : map.flows)
        routes.push_back({&flow, flowPath(map, flow)});
    addFlowPieces(fixed, routes);
    std::vector<std::pair<Id, QRectF>> rings;
    std::vector<QRectF> badges;
    for (const auto& [id, pen] : map.redPens) {
        if (auto badge = redPenBadge(project, map, pen))
            badges.push_back(badge->box);
        const QRectF ring = redPenEllipse(map, pen);
        rings.emplace_back(id, ring);
        fixed.rings.add(ring);
        QPainterPath outline;
        outline.addEllipse(ring);
        QPainterPathStroker stroker;
        stroker.setWidth(8); // the two passes of the marker and their offset
        fixed.ringOutlines.push_back(stroker.createStroke(outline));
        fixed.ringBounds.add(ring.adjusted(-4, -4, 4, 4));
    }
    fixed.build();
    const model::DurationVoice voice{model::durationUnitsOf(map, project.props.calendar),
                                     &project.props.calendar};
    std::vector<LabelLayout> layouts;
    for (qreal pointSize : pointSizes) {
        const bool overview = isOverview(pointSize);
        std::vector<LabelRequest> requests;
        for (const auto& [id, wait] : map.waits)
            if (auto request = waitLabelRequest(map, wait, voice, overview))
                requests.push_back(std::move(*request));
        for (const Route& route : routes)
            if (auto request = flowLabelRequestOn(*route.flow, route.path, voice, overview))
                requests.push_back(std::move(*request));
        for (const auto& [id, ring] : rings)
            if (QString text = redPenCaption(project, map.redPens.at(id)); !text.isEmpty())
                requests.push_back({id, ring, text});
        Obstacles grids{fixed, {}};
        for (const QRectF& badge : badges)
            grids.labels.add(badge);
        layouts.push_back(layoutWith(requests, grids, pointSize));
    }
    return layouts;
}

} // namespace gemba::render
