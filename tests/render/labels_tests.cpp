// Red-pen captions laid out so that none sits on another caption or on a shape of the map.
#include "gemba/model/units.h"
#include "gemba/render/geometry.h"
#include "gemba/render/labels.h"
#include "gemba/render/map_painter.h"

#include <QImage>
#include <QPainter>
#include <catch2/catch.hpp>

using namespace gemba;

namespace {

model::Id addStep(model::Project& project, model::Map& map, const std::string& name,
                  model::Point pos) {
    model::Step step;
    step.id = project.allocateId();
    step.name = name;
    step.pos = pos;
    map.steps.emplace(step.id, step);
    return step.id;
}

model::Id addPen(model::Project& project, model::Map& map, std::vector<model::Id> targets,
                 const std::string& reason, std::optional<double> cost = std::nullopt) {
    model::RedPen pen;
    pen.id = project.allocateId();
    pen.targets = std::move(targets);
    pen.reason = reason;
    pen.cost = cost;
    map.redPens.emplace(pen.id, pen);
    return pen.id;
}

/// Every placed shape of the map that a caption must leave free.
std::vector<QRectF> shapesOf(const model::Map& map) {
    std::vector<QRectF> shapes;
    for (model::Id id : map.placedElements())
        if (map.kindOf(id) != model::ElementKind::RedPen)
            shapes.push_back(render::paintShape(*map.kindOf(id))
                                 .translated(map.positionOf(id)->x, map.positionOf(id)->y));
    return shapes;
}

void requireApart(const render::LabelLayout& layout, const std::vector<QRectF>& shapes) {
    for (const auto& [a, first] : layout) {
        for (const auto& [b, second] : layout)
            if (a < b) {
                INFO("captions " << a << " and " << b);
                CHECK_FALSE(first.box.intersects(second.box));
            }
        for (const QRectF& shape : shapes) {
            INFO("caption " << a << " and a shape");
            CHECK_FALSE(first.box.intersects(shape));
        }
    }
}

} // namespace

TEST_CASE("a caption with room takes its place under the ring, whole", "[render][labels]") {
    model::Project project;
    model::Map map;
    const model::Id step = addStep(project, map, "Check order", {0, 0});
    const model::Id pen = addPen(project, map, {step}, "Copied by hand into the ERP", 12000);
    project.props.currency = "EUR";
    const render::LabelLayout layout = render::layoutRedPenLabels(project, map);
    REQUIRE(layout.size() == 1);
    const render::PlacedLabel& label = layout.at(pen);
    const QRectF ring = render::redPenEllipse(map, map.redPens.at(pen));
    CHECK(label.box.top() > ring.bottom());
    CHECK(label.box.top() < ring.bottom() + 6);
    CHECK(label.box.center().x() == Approx(ring.center().x()).margin(1));
    CHECK_FALSE(label.shortened);
    CHECK(label.fullText == QStringLiteral("Copied by hand into the ERP — ") +
                                QString::fromStdString(model::formatNumber(12000, 0)) +
                                QStringLiteral(" EUR/yr"));
    CHECK(label.lines.join(' ') == label.fullText);
}

TEST_CASE("red pens side by side and over two rows keep their captions apart", "[render][labels]") {
    model::Project project;
    model::Map map;
    std::vector<model::Id> steps;
    // Two rows of steps as close as the automatic layout puts them, a red pen on each step
    // with a long reason: the preferred places of neighbours overlap and the second row's
    // rings reach up to the first row's captions.
    for (int row = 0; row < 2; ++row)
        for (int column = 0; column < 5; ++column)
            steps.push_back(
                addStep(project, map, "Step",
                        {column * render::kLayoutColumnWidth, row * render::kLayoutRowHeight}));
    for (model::Id step : steps)
        addPen(project, map, {step},
               "Waiting for the signature of the department head, who travels a lot", 5000);
    const render::LabelLayout layout = render::layoutRedPenLabels(project, map);
    REQUIRE(layout.size() == steps.size());
    requireApart(layout, shapesOf(map));
    // The same in the larger type of a zoomed-out view.
    const render::LabelLayout overview =
        render::layoutRedPenLabels(project, map, render::kOverviewCaptionPointSize);
    REQUIRE(overview.size() == steps.size());
    requireApart(overview, shapesOf(map));
    // Whatever had to be shortened keeps its whole text for the tooltip.
    for (const auto& [id, label] : layout) {
        CHECK(label.fullText.startsWith(QStringLiteral("Waiting for the signature")));
        if (label.shortened)
            CHECK(label.lines.join(' ') != label.fullText);
    }
}

TEST_CASE("no flow line runs through a caption", "[render][labels]") {
    model::Project project;
    model::Map map;
    // A split: A goes right to B and down to C, the line to C passing beside A's ring, where
    // a long caption under the ring would be crossed by it.
    const model::Id a = addStep(project, map, "A", {0, 0});
    const model::Id b = addStep(project, map, "B", {232, 0});
    const model::Id c = addStep(project, map, "C", {232, 260});
    for (auto [from, to] : {std::pair{a, b}, std::pair{a, c}}) {
        model::Flow flow;
        flow.id = project.allocateId();
        flow.from = from;
        flow.to = to;
        map.flows.emplace(flow.id, flow);
    }
    const model::Id pen =
        addPen(project, map, {a}, "Invoices wait for the month end before anyone looks", 15000);
    for (qreal size : {render::kCaptionPointSize, render::kOverviewCaptionPointSize}) {
        const render::PlacedLabel label = render::layoutRedPenLabels(project, map, size).at(pen);
        for (const auto& [id, flow] : map.flows) {
            const QPainterPath path = render::flowPath(map, flow);
            for (int i = 1; i < path.elementCount(); ++i) {
                const QLineF piece(path.elementAt(i - 1), path.elementAt(i));
                INFO("flow " << id << " piece " << i << " size " << size);
                CHECK_FALSE(label.box.contains(piece.pointAt(0.5)));
                const QRectF thin =
                    QRectF(piece.p1(), piece.p2()).normalized().adjusted(-1, -1, 1, 1);
                CHECK_FALSE(label.box.intersects(thin));
            }
        }
    }
}

TEST_CASE("a caption is nudged past a note under its ring before it is shortened",
          "[render][labels]") {
    model::Project project;
    model::Map map;
    const model::Id step = addStep(project, map, "Approve", {0, 0});
    const model::Id pen = addPen(project, map, {step}, "Two signatures for the same thing");
    const QRectF ring = render::redPenEllipse(map, map.redPens.at(pen));
    model::Note note;
    note.id = project.allocateId();
    note.text = "Parking lot";
    // Right where the caption would go.
    note.pos = {0, ring.bottom() + 20};
    map.notes.emplace(note.id, note);
    const render::PlacedLabel preferred =
        render::preferredLabel({pen, ring, QStringLiteral("Two signatures for the same thing")});
    REQUIRE(preferred.box.intersects(render::bodyRect(map, note.id)));

    const render::LabelLayout layout = render::layoutRedPenLabels(project, map);
    const render::PlacedLabel& label = layout.at(pen);
    requireApart(layout, shapesOf(map));
    CHECK_FALSE(label.shortened);
    CHECK(label.box != preferred.box);
}

TEST_CASE("with no free place nearby a caption is shortened, its text kept for the tooltip",
          "[render][labels]") {
    const QRectF anchor(0, 0, 100, 60);
    const QString text = QStringLiteral(
        "A very long reason that a facilitator wrote down in full because the room insisted "
        "on every word of it, and then some more words about the way things are done here");
    // Walls all around the anchor, with gaps too small for the whole text.
    std::vector<QRectF> obstacles = {QRectF(-400, 90, 900, 400), QRectF(-400, -400, 900, 380),
                                     QRectF(-400, -20, 280, 110), QRectF(220, -20, 280, 110)};
    const render::LabelLayout layout = render::layoutLabels({{7, anchor, text}}, obstacles);
    const render::PlacedLabel& label = layout.at(7);
    CHECK(label.shortened);
    CHECK(label.fullText == text);
    CHECK(label.lines.size() <= 2);
    for (const QRectF& wall : obstacles)
        CHECK_FALSE(label.box.intersects(wall));
}

TEST_CASE("painted captions of neighbouring red pens stay in their laid-out boxes",
          "[render][labels]") {
    model::Project project;
    model::Map map;
    const model::Id a = addStep(project, map, "Enter", {0, 0});
    const model::Id b = addStep(project, map, "Check", {render::kLayoutColumnWidth, 0});
    const model::Id first =
        addPen(project, map, {a}, "Typed twice, once on paper and once in the ERP");
    const model::Id second = addPen(project, map, {b}, "Rework when the customer number is wrong");
    project.maps.push_back(map);
    const model::Map& m = project.maps.front();
    const render::LabelLayout layout = render::layoutRedPenLabels(project, m);
    REQUIRE(layout.size() == 2);
    CHECK_FALSE(layout.at(first).box.intersects(layout.at(second).box));

    // What paintMap draws for the second caption stays inside its box: nothing red outside
    // the rings and the two boxes.
    QImage image(900, 700, QImage::Format_ARGB32);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        painter.translate(250, 250);
        render::paintMap(painter, render::PaintContext{project, m, nullptr, 1});
    }
    int outside = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (!(c.red() > 150 && c.green() < 110 && c.blue() < 110))
                continue;
            const QPointF at(x - 250 + 0.5, y - 250 + 0.5);
            bool inside = false;
            for (const auto& [id, pen] : m.redPens)
                inside = inside ||
                         render::redPenEllipse(m, pen).adjusted(-6, -6, 6, 6).contains(at) ||
                         layout.at(id).box.adjusted(-2, -2, 2, 2).contains(at);
            outside += !inside;
        }
    CHECK(outside == 0);
}
