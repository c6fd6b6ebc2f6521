// Zoomed out, the canvas leaves out details but not meaning: a note shows its first words and
// a red pen its reason, where they used to be blank.
#include "gemba/render/geometry.h"
#include "gemba/render/map_painter.h"

#include <QImage>
#include <QPainter>
#include <catch2/catch.hpp>

using namespace gemba;

namespace {

/// Pixels of `colour`-ish ink (far from the paper colours) inside `area` of the image.
int inkPixels(const QImage& image, const QRect& area, bool red) {
    int count = 0;
    for (int y = std::max(0, area.top()); y <= std::min(image.height() - 1, area.bottom()); ++y)
        for (int x = std::max(0, area.left()); x <= std::min(image.width() - 1, area.right());
             ++x) {
            const QColor c = image.pixelColor(x, y);
            const bool dark = c.lightness() < 150;
            const bool reddish = c.red() > 150 && c.green() < 110 && c.blue() < 110;
            count += red ? reddish : dark;
        }
    return count;
}

} // namespace

TEST_CASE("zoomed out, notes keep their first words and red pens their reason", "[render]") {
    model::Project project;
    model::Map map;
    map.id = project.allocateId();
    model::Note note;
    note.id = project.allocateId();
    note.text = "Parking lot: who owns the CRM export?";
    note.pos = {0, 0};
    map.notes.emplace(note.id, note);
    model::RedPen pen;
    pen.id = project.allocateId();
    pen.reason = "Copy, send, wait for a call";
    pen.pos = {0, 300};
    map.redPens.emplace(pen.id, pen);
    project.maps.push_back(map);

    const qreal zoom = 0.3; // between the outline (0.2) and detail (0.45) levels
    QImage image(400, 300, QImage::Format_ARGB32);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        painter.translate(200, 60);
        painter.scale(zoom, zoom);
        render::PaintContext context{project, project.maps.front(), nullptr, zoom};
        render::paintElement(painter, context, note.id, {});
        render::paintRedPen(painter, context, project.maps.front().redPens.at(pen.id), {});
    }
    // The note's body, inside its outline.
    const QRectF body = render::bodyShape(model::ElementKind::Note).adjusted(6, 4, -16, -4);
    const QRect noteOnImage = QRectF(200 + body.left() * zoom, 60 + body.top() * zoom,
                                     body.width() * zoom, body.height() * zoom)
                                  .toAlignedRect();
    CHECK(inkPixels(image, noteOnImage, false) > 5); // blank: 0
    // The reason under the ring.
    const QRectF ring = render::redPenEllipse(project.maps.front(), pen);
    const QRect reasonOnImage = QRectF(200 + (ring.center().x() - 110) * zoom,
                                       60 + (ring.bottom() + 2) * zoom, 220 * zoom, 26 * zoom)
                                    .toAlignedRect();
    CHECK(inkPixels(image, reasonOnImage, true) > 10);
}

TEST_CASE("zoomed out, inventory counts, shares and the data box stay", "[render]") {
    model::Project project;
    model::Map map;
    map.id = project.allocateId();
    model::Wait stock;
    stock.id = project.allocateId();
    stock.kind = model::WaitKind::Inventory;
    stock.quantity = 1200;
    stock.pos = {0, 0};
    map.waits.emplace(stock.id, stock);
    model::Step step;
    step.id = project.allocateId();
    step.name = "Pack";
    step.processTime = 90;
    step.pos = {0, 400};
    map.steps.emplace(step.id, step);
    model::Step other;
    other.id = project.allocateId();
    other.name = "Ship";
    other.pos = {600, 400};
    map.steps.emplace(other.id, other);
    model::Flow route;
    route.id = project.allocateId();
    route.from = step.id;
    route.to = other.id;
    route.share = 0.4;
    map.flows.emplace(route.id, route);
    project.maps.push_back(map);
    const model::Map& m = project.maps.front();

    const qreal zoom = 0.3;
    QImage image(400, 300, QImage::Format_ARGB32);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        painter.translate(100, 40);
        painter.scale(zoom, zoom);
        render::paintMap(painter, render::PaintContext{project, m, nullptr, zoom});
    }
    auto onImage = [&](const QRectF& r) {
        return QRectF(100 + r.left() * zoom, 40 + r.top() * zoom, r.width() * zoom,
                      r.height() * zoom)
            .toAlignedRect();
    };
    // The count under the triangle.
    const QRectF body = render::bodyRect(m, stock.id);
    CHECK(inkPixels(image,
                    onImage(QRectF(body.left() - 40, body.bottom() + 2, body.width() + 80, 30)),
                    false) > 10);
    // The data box with its process time, so that rings and flows end at something.
    const QRectF data = render::dataBoxRect(m.steps.at(step.id));
    CHECK(inkPixels(image, onImage(data.adjusted(6, 6, -6, -6)), false) > 10);
    // The share above the flow's middle (the line itself runs below the box).
    const QPointF mid = render::flowMidpoint(render::flowPath(m, m.flows.at(route.id)));
    CHECK(inkPixels(image, onImage(QRectF(mid.x() - 40, mid.y() - 36, 80, 26)), false) > 10);
}
