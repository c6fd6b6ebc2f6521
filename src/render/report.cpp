#include "gemba/render/report.h"

#include "gemba/metrics/compare.h" // before names.h, which needs the model's WaitKind
#include "gemba/model/names.h"
#include "gemba/model/operations.h"
#include "gemba/model/units.h"
#include "gemba/render/geometry.h"
#include "gemba/render/labels.h"
#include "gemba/render/serpentine.h"
#include "gemba/render/text.h"
#include "gemba/render/theme.h"
#include "gemba/render/timeline.h"
#include "report_page.h"
#include "report_parts.h"
#include "stream_strip.h"

#include <QDate>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPathStroker>
#include <QStringList>
#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#ifndef GEMBA_VERSION
#error "GEMBA_VERSION must be defined by the build (the project version)"
#endif

namespace gemba::render {

using detail::pageSizeId;
using detail::qs;
using detail::stateText;

namespace {

constexpr qreal kMargin = 34;
constexpr qreal kFooter = 16;
constexpr qreal kHeader = 28;
constexpr qreal kTitleBlock = 58;
constexpr qreal kSidebar = 250;
constexpr qreal kGap = 12;
constexpr qreal kTileOverlap = 24;
/// Tiled, the map page keeps a band above and below the map for the tiles' names, so that
/// no name covers a step's.
constexpr qreal kTileNameBand = 18;
constexpr qreal kMapCaption = 14;        // the line under the map that says how it is shown
constexpr qreal kTimelineMinWidth = 630; // the ladder's label, rungs and totals at 100%
constexpr qreal kFigureRow = 15;
constexpr qreal kReadableScale = 0.45; // the map painter leaves the step figures out below it
constexpr double kLongStreamTilePercent = 50; // tiles of a stream too long for one page
// Wrapping loses the map's drawn shape (its branches, loops and information flows): it is
// worth that only where the map prints at least this much larger, or becomes readable.
constexpr qreal kWorthwhileWrapGain = 1.25;

/// Where a tiled map is fitted within its area: the tiles' names take the bands around it.
QRectF withinTileNameBands(const QRectF& area) {
    return area.adjusted(0, kTileNameBand, 0, -kTileNameBand);
}

/// "A".."Z", "AA".. for a tile's column.
QString columnLetters(int column) {
    QString out;
    for (int n = column + 1; n > 0; n = (n - 1) / 26)
        out.prepend(QChar(QLatin1Char('A').unicode() + (n - 1) % 26));
    return out;
}

QString tileName(int column, int row) {
    return columnLetters(column) + QString::number(row + 1);
}

/// Whether anything of the map (an element, a flow, a red pen) shows in this part of the scene.
bool sceneHasContent(const model::Map& map, const QRectF& rect) {
    for (model::Id id : map.placedElements()) {
        const auto kind = map.kindOf(id);
        if (!kind)
            continue;
        if (*kind == model::ElementKind::RedPen) {
            if (redPenEllipse(map, map.redPens.at(id)).intersects(rect))
                return true;
            continue;
        }
        const QRectF body = bodyRect(map, id);
        if (!body.isEmpty() && paintShape(*kind).translated(body.center()).intersects(rect))
            return true;
    }
    QPainterPathStroker stroker;
    stroker.setWidth(4);
    for (const auto& [id, flow] : map.flows)
        if (stroker.createStroke(flowPath(map, flow)).intersects(rect))
            return true;
    return false;
}

} // namespace

namespace detail {

QString stateText(model::MapState state) {
    switch (state) {
    case model::MapState::Current:
        return mapText("Current state");
    case model::MapState::Future:
        return mapText("Future state");
    case model::MapState::Ideal:
        return mapText("Ideal state");
    }
    return {};
}

} // namespace detail

QString pageSizeName(PageSize size) {
    switch (size) {
    case PageSize::A4:
        return QStringLiteral("A4");
    case PageSize::A3:
        return QStringLiteral("A3");
    case PageSize::Letter:
        return QStringLiteral("Letter");
    }
    return {};
}

std::optional<PageSize> pageSizeFromName(const QString& name) {
    for (PageSize size : {PageSize::A4, PageSize::A3, PageSize::Letter})
        if (name.compare(pageSizeName(size), Qt::CaseInsensitive) == 0)
            return size;
    return std::nullopt;
}

// ---------------------------------------------------------------------------------------

struct Report::Impl {
    // The report keeps its own copy: a print preview may repaint after the editor changed.
    model::Project project;
    const model::Map* map = nullptr;
    const model::Map* from = nullptr;
    ReportOptions options;
    metrics::MapMetrics metrics;
    std::optional<metrics::Comparison> comparison;
    /// The map page of the map compared with, as its own report draws it.
    std::unique_ptr<Report> fromReport;
    std::vector<detail::LegendEntry> legend;
    QSizeF page;
    QRectF content; ///< inside the margins, above the footer
    QString author;
    QString date;

    QRectF scene;         ///< the map's content, scene units
    bool wrapped = false; ///< the report's copy of the map is laid out as a serpentine
    qreal tileScale = 1;
    int columns = 1;
    int rows = 1;
    QRectF tileArea; ///< where a tile page shows the map
    bool tiled() const { return columns * rows > 1; }
    /// Per tile (row by row): whether it shows anything; a blank tile gets no page.
    std::vector<bool> tileShown;
    bool shown(int column, int row) const {
        return column >= 0 && row >= 0 && column < columns && row < rows &&
               tileShown[static_cast<std::size_t>(row * columns + column)];
    }

    enum class Kind { MapPage, FromMapPage, Tile, Section };
    struct Page {
        Kind kind = Kind::Section;
        int column = 0;
        int row = 0;
        QString section;
        std::vector<detail::Placement> placements;
        std::vector<QString> alsoSections; ///< short sections that follow on this page
    };
    std::vector<Page> pages;

    /// The map's texts, laid out once for every page that shows the map (layOut).
    LabelLayout labels;
    LabelLayout overviewLabels;
    PaintContext context(qreal scale) const {
        return {project, *map, &metrics, scale, &labels, &overviewLabels};
    }
    QRectF tileScene(int column, int row) const;
    void layOut();
    void fitLongStream();
    void paintHeader(QPainter& p, const QString& section, const QString& right) const;
    void paintFooter(QPainter& p, int index) const;
    /// Where the map page puts its parts: the map beside the figures or above them in a band.
    struct MapPageAreas {
        QRectF body, timeline, beside, above;
        int bandColumns = 3;
        qreal bandFiguresWidth = 0;
        qreal bandHeight = 0;
        bool sidebar = true;
        QRectF map() const { return sidebar ? beside : above; }
    };
    MapPageAreas mapPageAreas() const;
    void paintMapPage(QPainter& p) const;
    void paintTile(QPainter& p, const Page& page) const;
    void paintTitleBlock(QPainter& p, const QRectF& area) const;
    void paintFigures(QPainter& p, const QRectF& area) const;
    qreal figuresHeight(qreal width) const;
    qreal figureRowHeight(const QString& label, const QString& value, qreal width) const;
    qreal fitScale(const QRectF& area) const;
    /// Where the map's picture sits when fitted to `area`: its scale and top left corner.
    struct Fit {
        qreal scale = 1;
        QPointF origin;
        QRectF onPage(const QRectF& sceneRect, const QRectF& scene) const {
            return QRectF(origin + (sceneRect.topLeft() - scene.topLeft()) * scale,
                          sceneRect.size() * scale);
        }
    };
    Fit fitIn(const QRectF& area) const;
    /// A tile of the map page: its outline and its name tag, in page units.
    struct TileMarker {
        int column = 0;
        int row = 0;
        QRectF outline;
        QRectF tag;
    };
    std::vector<TileMarker> tileMarkers(const QRectF& area) const;
    /// Where the map page draws the map when a caption goes under it (as it does when tiled).
    QRectF captionedMapArea() const { return mapPageAreas().map().adjusted(0, 0, 0, -kMapCaption); }
    void paintMapFitted(QPainter& p, const QRectF& area, bool withTiles) const;
    void paintTimelineIn(QPainter& p, const QRectF& area) const;
};

QRectF Report::Impl::tileScene(int column, int row) const {
    const qreal stepX = (tileArea.width() - kTileOverlap) / tileScale;
    const qreal stepY = (tileArea.height() - kTileOverlap) / tileScale;
    return QRectF(scene.left() + column * stepX, scene.top() + row * stepY,
                  tileArea.width() / tileScale, tileArea.height() / tileScale);
}

void Report::Impl::fitLongStream() {
    if (scene.isEmpty())
        return;
    // The map page's area, less the caption's line under it; it changes with the map's shape.
    const auto area = [this] { return captionedMapArea(); };
    const qreal before = fitScale(area());
    if (before >= kReadableScale)
        return;
    model::Map& copy = *project.findMap(map->id);
    const model::Map drawn = copy;
    const auto layOutRows = [&](int columnsPerRow) {
        copy = drawn;
        if (const model::EditPtr moves =
                model::moveElements(project, copy.id, serpentineLayout(copy, columnsPerRow))) {
            model::Changes changes;
            moves->apply(project, changes);
        }
        scene = detail::mapContentRect(copy);
        return fitScale(area());
    };
    // The rows that print the map largest: each count of rows from 2 up, until a row would
    // hold fewer than two columns.
    const int allColumns = serpentineColumnCount(drawn);
    qreal best = before;
    int bestColumns = 0;
    for (int rows = 2;; ++rows) {
        const int perRow = (allColumns + rows - 1) / rows;
        if (perRow < 2)
            break;
        if (perRow == (allColumns + rows - 2) / (rows - 1))
            continue; // the same rows as the count before
        if (const qreal scale = layOutRows(perRow); scale > best) {
            best = scale;
            bestColumns = perRow;
        }
    }
    if (bestColumns > 0 && (best >= kReadableScale || best >= before * kWorthwhileWrapGain)) {
        layOutRows(bestColumns);
        wrapped = true;
    } else {
        copy = drawn; // wrapping does not help this map: it is shown as drawn
        scene = detail::mapContentRect(copy);
    }
    // Still too small to read on one page: the page shows it whole as an index, and tiles
    // follow at a scale that reads.
    if (options.tileLongStream && fitScale(area()) < kReadableScale)
        options.scalePercent = kLongStreamTilePercent;
}

void Report::Impl::layOut() {
    const QSizeF inches = QPageSize(pageSizeId(options.pageSize)).size(QPageSize::Inch);
    page = inches * kUnitsPerInch;
    if (options.landscape)
        page.transpose();
    content =
        QRectF(kMargin, kMargin, page.width() - 2 * kMargin, page.height() - 2 * kMargin - kFooter);
    tileArea = content.adjusted(0, kHeader, 0, 0);
    scene = detail::mapContentRect(*map);
    if (!options.scalePercent && options.wrapLongStream)
        fitLongStream();
    labels = layoutMapLabels(project, *map, kCaptionPointSize);
    overviewLabels = layoutMapLabels(project, *map, kOverviewCaptionPointSize);

    if (options.scalePercent && !scene.isEmpty()) {
        tileScale = *options.scalePercent / 100.0;
        const qreal width = scene.width() * tileScale;
        const qreal height = scene.height() * tileScale;
        const auto count = [](qreal length, qreal area) {
            if (length <= area)
                return 1.0;
            return std::ceil((length - kTileOverlap) / (area - kTileOverlap));
        };
        const double c = count(width, tileArea.width());
        const double r = count(height, tileArea.height());
        if (c * r + 1 > kMaxReportPages)
            throw std::invalid_argument(
                "at " + model::formatNumber(*options.scalePercent) + "% the map needs " +
                model::formatNumber(c * r, 0) + " pages of " +
                pageSizeName(options.pageSize).toStdString() + "; a report has at most " +
                std::to_string(kMaxReportPages) + ": choose a smaller scale or a larger page");
        columns = static_cast<int>(c);
        rows = static_cast<int>(r);
    }

    const QRectF flowArea = content.adjusted(0, kHeader, 0, 0);
    const auto addSection = [&](const QString& title, const std::vector<detail::BlockPtr>& blocks) {
        // A section that is only its heading and a line ("No findings") takes a line under
        // the section before it, not a page of its own.
        const bool oneLine = blocks.size() == 2 && blocks[0]->keepWithNext() &&
                             dynamic_cast<const detail::TextBlock*>(blocks[1].get());
        if (oneLine && !pages.empty() && pages.back().kind == Kind::Section &&
            !pages.back().placements.empty()) {
            Page& last = pages.back();
            const qreal top = last.placements.back().area.bottom() + detail::kBlockSpacing * 2;
            const qreal need = detail::columnHeight(blocks, flowArea.width());
            if (top + need <= flowArea.bottom()) {
                qreal y = top;
                for (const detail::BlockPtr& block : blocks) {
                    const qreal h = block->totalHeight(flowArea.width());
                    last.placements.push_back({block, 0, block->rowCount(),
                                               QRectF(flowArea.left(), y, flowArea.width(), h)});
                    y += h + (block->keepWithNext() ? detail::kBlockSpacing / 2
                                                    : detail::kBlockSpacing);
                }
                last.alsoSections.push_back(title);
                return;
            }
        }
        for (auto& placements : detail::paginate(blocks, flowArea))
            pages.push_back({Kind::Section, 0, 0, title, std::move(placements), {}});
    };
    // A comparison opens with the gap in figures, then shows both maps: the reader sees what
    // changes before the pages that show how.
    if (comparison) {
        addSection(mapText("Comparison"),
                   detail::comparisonBlocks(project, *from, *map, *comparison, true));
        pages.push_back(
            {Kind::FromMapPage, 0, 0, mapText("Map: %1").arg(qs(from->props.name)), {}, {}});
    }
    const QString mapSection =
        comparison ? mapText("Map: %1").arg(qs(map->props.name)) : mapText("Map");
    pages.push_back({Kind::MapPage, 0, 0, mapSection, {}, {}});
    tileShown.assign(static_cast<std::size_t>(columns * rows), true);
    if (tiled())
        for (int r = 0; r < rows; ++r)
            for (int c = 0; c < columns; ++c) {
                const bool content = sceneHasContent(*map, tileScene(c, r));
                tileShown[static_cast<std::size_t>(r * columns + c)] = content;
                if (content)
                    pages.push_back({Kind::Tile,
                                     c,
                                     r,
                                     mapText("%1, tile %2").arg(mapSection, tileName(c, r)),
                                     {},
                                     {}});
            }

    // A ladder too long for its figures on the map page follows it in full, as rows of named
    // rungs that run over pages.
    if (metrics.valid &&
        !timelineShowsFigures(metrics, std::max(content.width(), kTimelineMinWidth)))
        if (const detail::BlockPtr strip =
                detail::streamStripBlock(project, *map, metrics, flowArea.width()))
            addSection(mapText("Ladder"),
                       {std::make_shared<detail::HeadingBlock>(
                            mapText("Ladder: the waiting and process time of every rung")),
                        strip});
    if (options.steps)
        addSection(mapText("Steps"), detail::stepTableBlocks(project, *map, metrics));
    if (options.redPens && comparison) {
        // Both lists, each with its costs: what the future state leaves to fix is read
        // against what the current state had.
        for (const model::Map* shown : {from, map})
            addSection(mapText("Red pen: %1").arg(qs(shown->props.name)),
                       detail::redPenBlocks(
                           project, *shown, std::numeric_limits<std::size_t>::max(),
                           mapText("Red pen on %1: places worth fixing").arg(qs(shown->props.name)),
                           true));
    } else if (options.redPens) {
        addSection(mapText("Red pen"), detail::redPenBlocks(project, *map));
    }
    if (options.findings)
        addSection(mapText("Findings"), detail::findingBlocks(*map, metrics));
    if (options.simulation)
        addSection(mapText("Simulation"), detail::simulationBlocks(*options.simulation));
    detail::checkPageCount(pages.size(), "the report");
}

void Report::Impl::paintHeader(QPainter& p, const QString& section, const QString& right) const {
    detail::paintPageHeader(p, content,
                            qs(project.props.name) + QStringLiteral(" — ") + qs(map->props.name),
                            section, right);
}

void Report::Impl::paintFooter(QPainter& p, int index) const {
    detail::paintPageFooter(p, content, page.height(), date, index, static_cast<int>(pages.size()));
}

void Report::Impl::paintTitleBlock(QPainter& p, const QRectF& area) const {
    const Theme& t = theme();
    // Right: the fields a title block carries, each a caption over a value.
    const std::pair<QString, QString> fields[] = {
        {mapText("State"), stateText(map->props.state)},
        {mapText("Date"), date},
        {mapText("Author"), author.isEmpty() ? QStringLiteral("–") : author},
    };
    const qreal fieldWidth = std::min<qreal>(110, area.width() / 6);
    const qreal fieldsLeft = area.right() - fieldWidth * 3;
    p.setPen(QPen(t.faint, 0.8));
    p.setBrush(Qt::NoBrush);
    p.drawRect(QRectF(fieldsLeft, area.top(), fieldWidth * 3, area.height() - 10));
    for (int i = 0; i < 3; ++i) {
        const QRectF cell(fieldsLeft + fieldWidth * i, area.top(), fieldWidth, area.height() - 10);
        if (i > 0)
            p.drawLine(cell.topLeft(), cell.bottomLeft());
        paintElidedText(p, QRectF(cell.left() + 6, cell.top() + 4, cell.width() - 12, 12),
                        fields[i].first, t.font(6.5), t.muted, Qt::AlignLeft);
        paintWrappedText(p, cell.adjusted(6, 17, -6, -2), fields[i].second, t.font(8, true), t.ink,
                         2, Qt::AlignLeft | Qt::AlignTop);
        p.setPen(QPen(t.faint, 0.8));
    }
    // Left: the map's name, the project and what the stream runs from and to.
    const qreal left = area.left();
    const qreal width = fieldsLeft - left - kGap;
    paintElidedText(p, QRectF(left, area.top(), width, 24), qs(map->props.name), t.font(16, true),
                    t.ink, Qt::AlignLeft);
    QString line = mapText("Project: %1").arg(qs(project.props.name));
    line += mapText(" · working day %1 h, week %2 d, month %3 d")
                .arg(qs(model::formatNumber(project.props.calendar.hoursPerDay)),
                     qs(model::formatNumber(project.props.calendar.daysPerWeek)),
                     qs(model::formatNumber(project.props.calendar.daysPerMonth)));
    paintElidedText(p, QRectF(left, area.top() + 25, width, 13), line, t.font(7.5), t.muted,
                    Qt::AlignLeft);
    if (!map->props.trigger.empty() || !map->props.done.empty()) {
        const QString scope =
            mapText("From: %1 · Done: %2")
                .arg(map->props.trigger.empty() ? QStringLiteral("–") : qs(map->props.trigger),
                     map->props.done.empty() ? QStringLiteral("–") : qs(map->props.done));
        paintElidedText(p, QRectF(left, area.top() + 37, width, 13), scope, t.font(7.5), t.muted,
                        Qt::AlignLeft);
    }
    p.setPen(QPen(t.ink, 1));
    p.drawLine(QPointF(area.left(), area.bottom() - 2), QPointF(area.right(), area.bottom() - 2));
}

qreal Report::Impl::figuresHeight(qreal width) const {
    qreal height = 20 + (metrics.valid ? 0 : 30);
    for (const auto& [label, value] : detail::summaryFigures(project, *map, metrics))
        height += figureRowHeight(label, value, width);
    return height;
}

qreal Report::Impl::figureRowHeight(const QString& label, const QString& value, qreal width) const {
    const Theme& t = theme();
    const qreal labelWidth = std::min(textWidth(t.font(7.5), label) + 6, width * 0.55);
    const auto lines = wrapText(value, t.font(8, true), width - labelWidth, 1000).size();
    return kFigureRow + static_cast<qreal>(std::max<qsizetype>(lines, 1) - 1) *
                            QFontMetricsF(t.font(8, true)).height();
}

void Report::Impl::paintFigures(QPainter& p, const QRectF& area) const {
    const Theme& t = theme();
    paintElidedText(p, QRectF(area.left(), area.top(), area.width(), 16), mapText("Figures"),
                    t.font(10, true), t.ink, Qt::AlignLeft);
    qreal y = area.top() + 20;
    for (const auto& [label, value] : detail::summaryFigures(project, *map, metrics)) {
        // A long value (the bottleneck's name) wraps under itself rather than being cut.
        const QRectF row(area.left(), y, area.width(), figureRowHeight(label, value, area.width()));
        const qreal labelWidth = std::min(textWidth(t.font(7.5), label) + 6, row.width() * 0.55);
        paintElidedText(p, QRectF(row.left(), row.top(), labelWidth, kFigureRow), label,
                        t.font(7.5), t.muted, Qt::AlignLeft);
        paintWrappedText(p, row.adjusted(labelWidth, 1, 0, 0), value, t.font(8, true), t.ink, 1000,
                         Qt::AlignRight | Qt::AlignTop);
        p.setPen(QPen(t.faint, 0.5));
        p.drawLine(QPointF(row.left(), row.bottom()), QPointF(row.right(), row.bottom()));
        y += row.height();
    }
    if (!metrics.valid) {
        int errors = 0;
        for (const metrics::Finding& f : metrics.findings)
            errors += f.severity == metrics::Severity::Error ? 1 : 0;
        paintWrappedText(
            p, QRectF(area.left(), y + 4, area.width(), 26),
            mapText("No figures: the map has %1 error(s). The findings list them.").arg(errors),
            t.font(7.5, false, true), t.waste, 2, Qt::AlignLeft | Qt::AlignTop);
    }
}

qreal Report::Impl::fitScale(const QRectF& area) const {
    if (scene.isEmpty())
        return 1;
    qreal scale = std::min(area.width() / scene.width(), area.height() / scene.height());
    scale = std::min<qreal>(scale, 1); // never larger than life: text prints at its size
    if (options.scalePercent && !tiled())
        scale = std::min(scale, tileScale);
    return scale;
}

void Report::Impl::paintMapFitted(QPainter& p, const QRectF& area, bool withTiles) const {
    const Theme& t = theme();
    if (scene.isEmpty()) {
        p.setPen(QPen(t.faint, 1.2, Qt::DashLine));
        p.setBrush(Qt::NoBrush);
        p.drawRoundedRect(area, 6, 6);
        paintElidedText(p, area, mapText("This map is empty."), t.font(10, false, true), t.muted,
                        Qt::AlignCenter);
        return;
    }
    const Fit fit = fitIn(withTiles ? withinTileNameBands(area) : area);
    p.save();
    p.setClipRect(area, Qt::IntersectClip);
    p.translate(fit.origin);
    p.scale(fit.scale, fit.scale);
    p.translate(-scene.topLeft());
    paintMap(p, context(fit.scale));
    p.restore();
    if (!withTiles)
        return;
    // Where each tile page is, so a reader finds "B2" at a glance (and a click opens it).
    const QFont font = t.font(9, true);
    QColor back = t.paper;
    back.setAlpha(220);
    for (const TileMarker& marker : tileMarkers(area)) {
        p.setPen(QPen(t.selection, 1.2, Qt::DashLine));
        p.setBrush(Qt::NoBrush);
        p.drawRect(marker.outline);
        p.setPen(Qt::NoPen);
        p.setBrush(back);
        p.drawRect(marker.tag);
        p.setFont(font);
        p.setPen(t.selection);
        p.drawText(marker.tag, Qt::AlignCenter, tileName(marker.column, marker.row));
    }
}

Report::Impl::Fit Report::Impl::fitIn(const QRectF& area) const {
    const qreal scale = fitScale(area);
    return {scale, QPointF(area.left() + (area.width() - scene.width() * scale) / 2,
                           area.top() + (area.height() - scene.height() * scale) / 2)};
}

std::vector<Report::Impl::TileMarker> Report::Impl::tileMarkers(const QRectF& area) const {
    std::vector<TileMarker> markers;
    const Fit fit = fitIn(withinTileNameBands(area));
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < columns; ++c)
            if (shown(c, r)) {
                const QRectF outline = fit.onPage(tileScene(c, r).intersected(scene), scene);
                // The first row's names above the map, the last row's under it; a middle
                // row's (a map three tiles high) inside its tile's corner.
                QRectF tag(outline.topLeft() + QPointF(3, 3), QSizeF(30, 16));
                if (r == 0)
                    tag.moveBottom(outline.top() - 1);
                else if (r == rows - 1)
                    tag.moveTop(outline.bottom() + 1);
                markers.push_back({c, r, outline, tag});
            }
    return markers;
}

void Report::Impl::paintTimelineIn(QPainter& p, const QRectF& area) const {
    const qreal scale = std::min<qreal>(1, area.width() / kTimelineMinWidth);
    p.save();
    p.translate(area.topLeft());
    p.scale(scale, scale);
    paintTimeline(p, context(1), QRectF(0, 0, area.width() / scale, kTimelineHeight));
    p.restore();
}

Report::Impl::MapPageAreas Report::Impl::mapPageAreas() const {
    MapPageAreas a;
    a.body = content.adjusted(0, kTitleBlock + kGap, 0, 0);
    // The timeline runs the page's whole width, under everything: its rungs need room.
    const qreal timelineHeight =
        kTimelineHeight * std::min<qreal>(1, a.body.width() / kTimelineMinWidth);
    a.timeline =
        QRectF(a.body.left(), a.body.bottom() - timelineHeight, a.body.width(), timelineHeight);
    // Figures and legend go beside the map (landscape) or in a band under it, whichever
    // leaves the map larger: a long, flat stream reads better across the whole page.
    const qreal top = a.body.top();
    const qreal bottom = a.timeline.top() - kGap;
    a.beside = QRectF(a.body.left(), top, a.body.width() - kSidebar - kGap, bottom - top);
    a.bandColumns = options.landscape ? 3 : 2;
    a.bandFiguresWidth = options.landscape ? kSidebar + 60 : a.body.width() * 0.42;
    a.bandHeight = std::max(figuresHeight(a.bandFiguresWidth),
                            20 + detail::legendHeight(legend.size(), a.bandColumns));
    a.above = QRectF(a.body.left(), top, a.body.width(), bottom - a.bandHeight - kGap - top);
    a.sidebar = options.landscape && fitScale(a.beside) >= fitScale(a.above);
    return a;
}

void Report::Impl::paintMapPage(QPainter& p) const {
    const Theme& t = theme();
    paintTitleBlock(p, QRectF(content.left(), content.top(), content.width(), kTitleBlock));
    const MapPageAreas areas = mapPageAreas();
    const QRectF& body = areas.body;
    const QRectF& timelineArea = areas.timeline;
    const QRectF& beside = areas.beside;
    const qreal top = body.top();
    const qreal bottom = timelineArea.top() - kGap;
    const int bandColumns = areas.bandColumns;
    const qreal bandFiguresWidth = areas.bandFiguresWidth;
    const qreal bandHeight = areas.bandHeight;
    const bool sidebar = areas.sidebar;
    QRectF mapArea = areas.map();
    if (sidebar) {
        const QRectF side(beside.right() + kGap, top, kSidebar, bottom - top);
        const qreal figures = figuresHeight(kSidebar);
        paintFigures(p, QRectF(side.left(), side.top(), side.width(), figures));
        const QRectF legendArea(side.left(), side.top() + figures + kGap, side.width(),
                                side.bottom() - side.top() - figures - kGap);
        paintElidedText(p, QRectF(legendArea.left(), legendArea.top(), legendArea.width(), 16),
                        mapText("Legend"), t.font(10, true), t.ink, Qt::AlignLeft);
        detail::paintLegend(p, legendArea.adjusted(0, 20, 0, 0), legend, 2);
    } else {
        const QRectF band(body.left(), bottom - bandHeight, body.width(), bandHeight);
        const qreal figuresWidth = bandFiguresWidth;
        paintFigures(p, QRectF(band.left(), band.top(), figuresWidth, band.height()));
        const QRectF legendArea(band.left() + figuresWidth + 2 * kGap, band.top(),
                                band.width() - figuresWidth - 2 * kGap, band.height());
        paintElidedText(p, QRectF(legendArea.left(), legendArea.top(), legendArea.width(), 16),
                        mapText("Legend"), t.font(10, true), t.ink, Qt::AlignLeft);
        detail::paintLegend(p, legendArea.adjusted(0, 20, 0, 0), legend, bandColumns);
    }
    // A caption under the map says where to read it when it is too small to read here.
    QString caption;
    if (tiled())
        caption = (wrapped ? mapText("Wrapped onto rows and shown whole to fit the page; the "
                                     "following %1 pages show it at %2% in tiles (dashed).")
                           : mapText("Shown whole to fit the page; the following %1 pages show "
                                     "it at %2% in tiles (dashed)."))
                      .arg(std::count(tileShown.begin(), tileShown.end(), true))
                      .arg(qs(model::formatNumber(*options.scalePercent)));
    else if (!scene.isEmpty() && fitScale(mapArea.adjusted(0, 0, 0, -kMapCaption)) < kReadableScale)
        caption = mapText("Shown at %1% to fit the page, too small for the step figures: a "
                          "report at a chosen scale spreads the map over pages that show them.")
                      .arg(qs(model::formatNumber(
                          fitScale(mapArea.adjusted(0, 0, 0, -kMapCaption)) * 100, 0)));
    else if (wrapped)
        caption = mapText("Wrapped onto rows to fit the page at %1%: the stream runs left to "
                          "right, row after row. The map itself keeps its layout.")
                      .arg(qs(model::formatNumber(
                          fitScale(mapArea.adjusted(0, 0, 0, -kMapCaption)) * 100, 0)));
    if (!caption.isEmpty())
        mapArea.adjust(0, 0, 0, -kMapCaption);
    paintMapFitted(p, mapArea, tiled());
    paintTimelineIn(p, timelineArea);
    if (!caption.isEmpty())
        paintElidedText(p, QRectF(mapArea.left(), mapArea.bottom() + 2, mapArea.width(), 12),
                        caption, t.font(7, false, true), t.muted, Qt::AlignLeft);
}

void Report::Impl::paintTile(QPainter& p, const Page& tile) const {
    const Theme& t = theme();
    paintHeader(p,
                mapText("tile %1 of %2 × %3 at %4%")
                    .arg(tileName(tile.column, tile.row))
                    .arg(columns)
                    .arg(rows)
                    .arg(qs(model::formatNumber(*options.scalePercent))),
                tileName(tile.column, tile.row));
    const QRectF region = tileScene(tile.column, tile.row);
    p.save();
    p.setClipRect(tileArea, Qt::IntersectClip);
    p.translate(tileArea.topLeft());
    p.scale(tileScale, tileScale);
    p.translate(-region.topLeft());
    PaintContext visible = context(tileScale);
    visible.visible = region;
    paintMap(p, visible);
    p.restore();

    // The overlap with the neighbours, dashed, and where they are: a tag on each side that
    // has a neighbour, on a white backing so that it reads over the map.
    p.setPen(QPen(t.faint, 0.8, Qt::DashLine));
    if (tile.column > 0)
        p.drawLine(QPointF(tileArea.left() + kTileOverlap, tileArea.top()),
                   QPointF(tileArea.left() + kTileOverlap, tileArea.bottom()));
    if (tile.row > 0)
        p.drawLine(QPointF(tileArea.left(), tileArea.top() + kTileOverlap),
                   QPointF(tileArea.right(), tileArea.top() + kTileOverlap));
    const QFont font = t.font(7, true);
    const auto tag = [&](QPointF anchor, Qt::Alignment side, const QString& text) {
        const qreal width = textWidth(font, text) + 10;
        QRectF box(0, 0, width, 15);
        if (side & Qt::AlignLeft)
            box.moveTopLeft(QPointF(anchor.x(), anchor.y() - 7.5));
        else if (side & Qt::AlignRight)
            box.moveTopRight(QPointF(anchor.x(), anchor.y() - 7.5));
        else if (side & Qt::AlignTop)
            box.moveTopLeft(QPointF(anchor.x() - width / 2, anchor.y()));
        else
            box.moveBottomLeft(QPointF(anchor.x() - width / 2, anchor.y()));
        p.setPen(QPen(t.selection, 0.8));
        p.setBrush(t.paper);
        p.drawRoundedRect(box, 3, 3);
        paintElidedText(p, box, text, font, t.selection, Qt::AlignCenter);
    };
    const QPointF centre = tileArea.center();
    if (shown(tile.column - 1, tile.row))
        tag(QPointF(tileArea.left(), centre.y()), Qt::AlignLeft,
            QStringLiteral("◀ ") + tileName(tile.column - 1, tile.row));
    if (shown(tile.column + 1, tile.row))
        tag(QPointF(tileArea.right(), centre.y()), Qt::AlignRight,
            tileName(tile.column + 1, tile.row) + QStringLiteral(" ▶"));
    if (shown(tile.column, tile.row - 1))
        tag(QPointF(centre.x(), tileArea.top()), Qt::AlignTop,
            QStringLiteral("▲ ") + tileName(tile.column, tile.row - 1));
    if (shown(tile.column, tile.row + 1))
        tag(QPointF(centre.x(), tileArea.bottom()), Qt::AlignBottom,
            QStringLiteral("▼ ") + tileName(tile.column, tile.row + 1));
}

// ---------------------------------------------------------------------------------------

Report::Report(const model::Project& project, const model::Map& map, ReportOptions options)
    : m(std::make_unique<Impl>()) {
    registerFonts();
    if (options.scalePercent && !(*options.scalePercent >= 1 && *options.scalePercent <= 1000))
        throw std::invalid_argument("the scale must be between 1% and 1000%, not " +
                                    model::formatNumber(*options.scalePercent) + "%");
    m->project = project;
    m->map = m->project.findMap(map.id);
    if (!m->map)
        throw std::invalid_argument("the map \"" + map.props.name + "\" is not in the project");
    m->options = std::move(options);
    m->metrics = metrics::computeMetrics(m->project, *m->map);
    if (m->options.compareFrom != model::kNoId) {
        m->from = m->project.findMap(m->options.compareFrom);
        if (!m->from)
            throw std::invalid_argument("the map to compare with (id " +
                                        std::to_string(m->options.compareFrom) +
                                        ") is not in the project");
        m->comparison = metrics::compare(m->project, *m->from, *m->map);
        ReportOptions fromOptions;
        fromOptions.pageSize = m->options.pageSize;
        fromOptions.landscape = m->options.landscape;
        fromOptions.steps = fromOptions.redPens = fromOptions.findings = false;
        fromOptions.tileLongStream = false; // its page stands in this report, without tiles
        fromOptions.author = m->options.author;
        fromOptions.date = m->options.date;
        m->fromReport = std::make_unique<Report>(m->project, *m->from, fromOptions);
    }
    m->legend = detail::legendEntries(m->project, *m->map, m->metrics);
    m->author = qs(m->options.author);
    if (m->author.isEmpty()) {
        const auto owner = m->project.people.find(m->project.props.team.processOwner);
        if (owner != m->project.people.end())
            m->author = qs(owner->second.name);
    }
    m->date =
        m->options.date.empty() ? QDate::currentDate().toString(Qt::ISODate) : qs(m->options.date);
    m->layOut();
}

Report::~Report() = default;

int Report::pageCount() const {
    return static_cast<int>(m->pages.size());
}

QPageLayout Report::pageLayout() const {
    return QPageLayout(QPageSize(pageSizeId(m->options.pageSize)),
                       m->options.landscape ? QPageLayout::Landscape : QPageLayout::Portrait,
                       QMarginsF(0, 0, 0, 0));
}

QSizeF Report::pageSize() const {
    return m->page;
}

QString Report::title() const {
    return qs(m->project.props.name) + QStringLiteral(" — ") + qs(m->map->props.name);
}

QString Report::author() const {
    return m->author;
}

QString Report::subject() const {
    return m->comparison
               ? mapText("Value stream map report, compared with %1").arg(qs(m->from->props.name))
               : mapText("Value stream map report");
}

QString Report::keywords() const {
    QStringList words{mapText("value stream map"), stateText(m->map->props.state),
                      qs(m->map->props.name)};
    if (m->from)
        words << qs(m->from->props.name);
    return words.join(QStringLiteral(", "));
}

std::vector<PagedDocument::Link> Report::links() const {
    std::vector<Link> out;
    if (!m->tiled())
        return out;
    const auto pageOf = [&](Impl::Kind kind, int column, int row) {
        for (std::size_t i = 0; i < m->pages.size(); ++i)
            if (m->pages[i].kind == kind && m->pages[i].column == column && m->pages[i].row == row)
                return static_cast<int>(i);
        return -1;
    };
    const int mapPage = pageOf(Impl::Kind::MapPage, 0, 0);
    for (const Impl::TileMarker& marker : m->tileMarkers(m->captionedMapArea()))
        if (const int tile = pageOf(Impl::Kind::Tile, marker.column, marker.row); tile >= 0)
            out.push_back({mapPage, marker.tag, tile});
    return out;
}

std::vector<PagedDocument::Bookmark> Report::bookmarks() const {
    std::vector<Bookmark> out;
    for (std::size_t i = 0; i < m->pages.size(); ++i) {
        if (i == 0 || m->pages[i].section != m->pages[i - 1].section)
            out.push_back({m->pages[i].section, static_cast<int>(i)});
        for (const QString& also : m->pages[i].alsoSections)
            out.push_back({also, static_cast<int>(i)});
    }
    return out;
}

const metrics::MapMetrics& Report::metrics() const {
    return m->metrics;
}

void Report::paintPage(QPainter& p, int index) const {
    if (index < 0 || index >= pageCount())
        return;
    registerFonts();
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    const Impl::Page& page = m->pages[static_cast<std::size_t>(index)];
    switch (page.kind) {
    case Impl::Kind::MapPage:
        m->paintMapPage(p);
        break;
    case Impl::Kind::FromMapPage:
        m->fromReport->m->paintMapPage(p);
        break;
    case Impl::Kind::Tile:
        m->paintTile(p, page);
        break;
    case Impl::Kind::Section:
        m->paintHeader(p, page.section, page.section);
        for (const detail::Placement& placed : page.placements)
            placed.block->paint(p, placed.area, placed.first, placed.last);
        break;
    }
    m->paintFooter(p, index);
    p.restore();
}

// ---------------------------------------------------------------------------------------

struct ComparisonSheet::Impl {
    model::Project project;
    metrics::Comparison comparison;
    std::vector<detail::BlockPtr> blocks;
};

ComparisonSheet::ComparisonSheet(const model::Project& project, const model::Map& from,
                                 const model::Map& to)
    : m(std::make_unique<Impl>()) {
    registerFonts();
    m->project = project;
    const model::Map* a = m->project.findMap(from.id);
    const model::Map* b = m->project.findMap(to.id);
    if (!a || !b)
        throw std::invalid_argument("the maps to compare are not in the project");
    m->comparison = metrics::compare(m->project, *a, *b);
    m->blocks = detail::comparisonBlocks(m->project, *a, *b, m->comparison, false);
}

ComparisonSheet::~ComparisonSheet() = default;

const metrics::Comparison& ComparisonSheet::comparison() const {
    return m->comparison;
}

qreal ComparisonSheet::height(qreal width) const {
    return detail::columnHeight(m->blocks, width);
}

void ComparisonSheet::paint(QPainter& painter, const QRectF& area) const {
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    detail::paintColumn(painter, m->blocks, area);
    painter.restore();
}

} // namespace gemba::render
