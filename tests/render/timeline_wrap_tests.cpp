// The timeline ladder of a long map wraps onto rows instead of squeezing its rungs into a
// solid bar, and zoomed out it leaves out the figures nobody can read.
#include "gemba/metrics/metrics.h"
#include "gemba/render/export.h"
#include "gemba/render/geometry.h"
#include "gemba/render/serpentine.h"
#include "gemba/render/svg_map.h"
#include "gemba/render/timeline.h"

#include <QImage>
#include <QPainter>
#include <catch2/catch.hpp>

using namespace gemba;

namespace {

/// Supplier -> `steps` steps of 10 minutes with a 1-hour wait before each -> Customer.
model::Project longStream(int steps) {
    model::Project project;
    model::Map map;
    map.id = project.allocateId();
    std::vector<model::Id> chain;
    model::Party supplier;
    supplier.id = project.allocateId();
    supplier.kind = model::PartyKind::Supplier;
    map.parties.emplace(supplier.id, supplier);
    chain.push_back(supplier.id);
    for (int i = 0; i < steps; ++i) {
        model::Wait wait;
        wait.id = project.allocateId();
        wait.time = 3600;
        map.waits.emplace(wait.id, wait);
        chain.push_back(wait.id);
        model::Step s;
        s.id = project.allocateId();
        s.name = "Step " + std::to_string(i + 1);
        s.processTime = 600;
        map.steps.emplace(s.id, s);
        chain.push_back(s.id);
    }
    model::Party customer;
    customer.id = project.allocateId();
    customer.kind = model::PartyKind::Customer;
    map.parties.emplace(customer.id, customer);
    chain.push_back(customer.id);
    for (std::size_t i = 0; i + 1 < chain.size(); ++i) {
        model::Flow f;
        f.id = project.allocateId();
        f.from = chain[i];
        f.to = chain[i + 1];
        map.flows.emplace(f.id, f);
    }
    project.maps.push_back(map);
    return project;
}

/// Dark pixels in the image's rows [top, bottom).
int inkInRows(const QImage& image, int top, int bottom) {
    int count = 0;
    for (int y = std::max(0, top); y < std::min(image.height(), bottom); ++y)
        for (int x = 0; x < image.width(); ++x)
            count += image.pixelColor(x, y).lightness() < 160;
    return count;
}

QImage paintLadder(const model::Project& project, const metrics::MapMetrics& figures,
                   const QRectF& area, qreal zoom) {
    QImage image(static_cast<int>(area.width() * zoom) + 2,
                 static_cast<int>(area.height() * zoom) + 2, QImage::Format_ARGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.scale(zoom, zoom);
    painter.translate(-area.topLeft());
    render::paintTimeline(
        painter, render::PaintContext{project, project.maps.front(), &figures, zoom}, area);
    return image;
}

} // namespace

TEST_CASE("a long ladder wraps onto rows whose rungs keep room for their figures",
          "[render][timeline]") {
    const model::Project project = longStream(60);
    const metrics::MapMetrics figures = metrics::computeMetrics(project, project.maps.front());
    REQUIRE(figures.valid);
    REQUIRE(figures.timeline.size() >= 60);
    const QRectF mapBounds(0, 0, 2000, 1500); // a wrapped map: wide, not very wide

    // Without the number of rungs, or with few, one row.
    CHECK(render::timelineRect(mapBounds).height() == render::kTimelineHeight);
    CHECK(render::timelineRect(mapBounds, 5).height() == render::kTimelineHeight);

    const QRectF area = render::timelineRect(mapBounds, figures.timeline.size());
    const auto rows = static_cast<int>(std::lround(area.height() / render::kTimelineHeight));
    CHECK(rows > 1);
    CHECK(area.top() > mapBounds.bottom());
    // The rows hold every rung at the minimum width or more.
    const std::size_t perRow = (figures.timeline.size() + rows - 1) / rows;
    CHECK(static_cast<qreal>(perRow) * render::kMinimumRungWidth <= area.width());

    // Every row has its rungs drawn, the last one too.
    const QImage image = paintLadder(project, figures, area, 1);
    for (int row = 0; row < rows; ++row) {
        INFO("row " << row);
        const int top = static_cast<int>(row * render::kTimelineHeight);
        CHECK(inkInRows(image, top + 30, top + 80) > 200);
    }
}

TEST_CASE("zoomed out, the ladder keeps its line and totals and drops the rung figures",
          "[render][timeline]") {
    const model::Project project = longStream(12);
    const metrics::MapMetrics figures = metrics::computeMetrics(project, project.maps.front());
    REQUIRE(figures.valid);
    const QRectF area = render::timelineRect(QRectF(0, 0, 3000, 600), figures.timeline.size());
    // The band under the process rung holds the figures ("10 min") and names at 100%.
    const auto underRung = [&](const QImage& image, qreal zoom) {
        // (below the bottleneck's thick stroke on the rung)
        return inkInRows(image, static_cast<int>((72 + 6) * zoom),
                         static_cast<int>((72 + 30) * zoom));
    };
    const qreal far = 0.3;
    const QImage near = paintLadder(project, figures, area, 1);
    const QImage zoomedOut = paintLadder(project, figures, area, far);
    CHECK(underRung(near, 1) > 300);
    // Zoomed out only the totals box's lines reach into that band.
    const int totalsWidth = static_cast<int>(214 * far);
    QImage withoutTotals =
        zoomedOut.copy(0, 0, zoomedOut.width() - totalsWidth - 4, zoomedOut.height());
    CHECK(underRung(withoutTotals, far) == 0);
    // The line itself is still there.
    CHECK(inkInRows(withoutTotals, static_cast<int>(30 * far), static_cast<int>(76 * far)) > 50);
}

TEST_CASE("PNG and SVG exports of a long wrapped map wrap the ladder as the canvas does",
          "[render][timeline][export]") {
    model::Project project = longStream(60);
    model::Map& map = project.maps.front();
    // Wrapped onto rows (Map ▸ Serpentine Layout): the map is far narrower than its ladder
    // on one row would need.
    for (const auto& [id, pos] : render::serpentineLayout(map, 12))
        if (auto s = map.steps.find(id); s != map.steps.end())
            s->second.pos = pos;
        else if (auto w = map.waits.find(id); w != map.waits.end())
            w->second.pos = pos;
        else if (auto p = map.parties.find(id); p != map.parties.end())
            p->second.pos = pos;
    const metrics::MapMetrics figures = metrics::computeMetrics(project, map);
    REQUIRE(figures.valid);
    REQUIRE(figures.timeline.size() >= 120);

    // The picture holds the ladder's rows: as many as the canvas gives it for the same map.
    const QRectF wrapped = render::mapPictureRect(map, figures);
    const QRectF oneRow = render::mapPictureRect(map, metrics::MapMetrics{});
    const qreal extra = wrapped.height() - oneRow.height();
    const auto rows = static_cast<int>(std::lround(extra / render::kTimelineHeight)) + 1;
    CHECK(rows > 1);
    CHECK(extra == Approx((rows - 1) * render::kTimelineHeight));
    const QRectF canvasLadder = render::timelineRect(render::mapBounds(map), &figures);
    CHECK(std::lround(canvasLadder.height() / render::kTimelineHeight) == rows);

    // The PNG at 100% draws every row's rungs, the last one too: the ladder stands at the
    // bottom of the picture, above its 16-unit margin.
    const QImage image = render::renderMapImage(project, map);
    REQUIRE(image.height() == static_cast<int>(std::ceil(wrapped.height())));
    const int ladderTop = image.height() - 16 - rows * static_cast<int>(render::kTimelineHeight);
    for (int row = 0; row < rows; ++row) {
        INFO("row " << row);
        const int top = ladderTop + row * static_cast<int>(render::kTimelineHeight);
        CHECK(inkInRows(image, top + 30, top + 80) > 200);
    }

    // The SVG is the same picture: its view box is the wrapped picture's.
    const QString svg = QString::fromUtf8(render::mapSvg(project, map, figures));
    CHECK(svg.contains(
        QStringLiteral("viewBox=\"0 0 %1 %2\"").arg(wrapped.width()).arg(wrapped.height())));
}
