// Red-pen captions laid out so that none sits on another caption or on a shape of the map.
#include "gemba/model/units.h"
#include "gemba/model/workshop.h"
#include "gemba/render/geometry.h"
#include "gemba/render/labels.h"
#include "gemba/render/map_painter.h"
#include "gemba/render/serpentine.h"

#include <QImage>
#include <QPainter>
#include <QPainterPathStroker>
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

/// An idea proposed for a red pen: its ring gets a badge.
void proposeIdea(model::Project& project, model::Id pen) {
    model::Idea idea;
    idea.id = project.allocateId();
    idea.text = "One signature";
    idea.concerns = {pen};
    project.workshop.ideas.emplace(idea.id, idea);
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
    const render::LabelLayout layout = render::layoutMapLabels(project, map);
    REQUIRE(layout.size() == 1);
    const render::PlacedLabel& label = layout.at(pen);
    const QRectF ring = render::redPenEllipse(map, map.redPens.at(pen));
    CHECK(label.box.top() > ring.bottom());
    CHECK(label.box.top() < ring.bottom() + 6);
    CHECK(label.box.center().x() == Approx(ring.center().x()).margin(1));
    CHECK_FALSE(label.shortened);
    // Money as everywhere in Gemba: thousands separated.
    CHECK(label.fullText == QStringLiteral("Copied by hand into the ERP — 12,000 EUR/yr"));
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
    const render::LabelLayout layout = render::layoutMapLabels(project, map);
    REQUIRE(layout.size() == steps.size());
    requireApart(layout, shapesOf(map));
    // The same in the larger type of a zoomed-out view.
    const render::LabelLayout overview =
        render::layoutMapLabels(project, map, render::kOverviewCaptionPointSize);
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
        const render::PlacedLabel label = render::layoutMapLabels(project, map, size).at(pen);
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

    const render::LabelLayout layout = render::layoutMapLabels(project, map);
    const render::PlacedLabel& label = layout.at(pen);
    requireApart(layout, shapesOf(map));
    CHECK_FALSE(label.shortened);
    CHECK(label.box != preferred.box);
}

TEST_CASE("a caption with little room is rewrapped flatter, never cut", "[render][labels]") {
    const QRectF anchor(0, 0, 100, 60);
    const QString text = QStringLiteral(
        "A very long reason that a facilitator wrote down in full because the room insisted "
        "on every word of it, and then some more words about the way things are done here");
    // Walls all around the anchor: under it a gap wide enough for the text on a few long
    // lines, too low for it on the lines of the preferred width.
    const std::vector<QRectF> obstacles = {QRectF(-400, 100, 900, 400),
                                           QRectF(-400, -400, 900, 380),
                                           QRectF(-400, -20, 270, 120), QRectF(230, -20, 270, 120)};
    const render::PlacedLabel preferred = render::preferredLabel({7, anchor, text});
    REQUIRE(preferred.box.bottom() > 100);
    const render::LabelLayout layout = render::layoutLabels({{7, anchor, text}}, obstacles);
    const render::PlacedLabel& label = layout.at(7);
    CHECK_FALSE(label.shortened);
    CHECK(label.lines.join(' ') == text);
    CHECK(label.lines.size() < preferred.lines.size());
    for (const QRectF& wall : obstacles)
        CHECK_FALSE(label.box.intersects(wall));

    // Walled in with no room for it at all, it is still written whole, over a shape.
    const std::vector<QRectF> closed = {QRectF(-400, 70, 900, 400), QRectF(-400, -400, 900, 390),
                                        QRectF(-400, -20, 390, 120), QRectF(110, -20, 390, 120)};
    const render::PlacedLabel walled = render::layoutLabels({{7, anchor, text}}, closed).at(7);
    CHECK(walled.lines.join(' ') == text);
}

TEST_CASE("no caption sits on a red pen's ideas badge", "[render][labels]") {
    model::Project project;
    model::Map map;
    const model::Id a = addStep(project, map, "Approve", {0, 0});
    const model::Id penA = addPen(project, map, {a}, "");
    proposeIdea(project, penA);
    const std::optional<render::PenBadge> badge =
        render::redPenBadge(project, map, map.redPens.at(penA));
    REQUIRE(badge);
    CHECK(badge->text == QStringLiteral("1 idea: proposed"));
    // A step above, placed so that its pen's one-line caption would sit right on the badge,
    // in the gap between the two rings.
    const model::Id c = addStep(project, map, "Draft", {0, 0});
    const model::Id penC = addPen(project, map, {c}, "Retyped");
    const QRectF ringAtOrigin = render::redPenEllipse(map, map.redPens.at(penC));
    const QString caption = QStringLiteral("Retyped");
    const QSizeF size = render::preferredLabel({penC, ringAtOrigin, caption}).box.size();
    map.steps.at(c).pos = {badge->box.center().x() - ringAtOrigin.center().x(),
                           badge->box.top() - 3 - ringAtOrigin.bottom()};
    const QRectF ringC = render::redPenEllipse(map, map.redPens.at(penC));
    const render::PlacedLabel preferred = render::preferredLabel({penC, ringC, caption});
    REQUIRE(preferred.box.intersects(badge->box));
    REQUIRE(preferred.box.bottom() < render::redPenEllipse(map, map.redPens.at(penA)).top());
    REQUIRE(size.height() < badge->box.height() + 2);

    for (qreal pointSize : {render::kCaptionPointSize, render::kOverviewCaptionPointSize}) {
        const render::LabelLayout layout = render::layoutMapLabels(project, map, pointSize);
        REQUIRE(layout.count(penC) == 1);
        CHECK_FALSE(layout.at(penC).box.intersects(badge->box));
    }
}

TEST_CASE("a red pen's ideas badge moves to a corner where it covers no step's figures",
          "[render][labels]") {
    model::Project project;
    model::Map map;
    const model::Id a = addStep(project, map, "Approve", {0, 0});
    const model::Id pen = addPen(project, map, {a}, "");
    proposeIdea(project, pen);
    const QRectF topRight = render::redPenBadge(project, map, map.redPens.at(pen))->box;
    // A step whose data box hangs over the badge's first place, as a step's does over the
    // ring round a rework loop under it.
    const QRectF shape = render::paintShape(model::ElementKind::Step);
    const model::Id above = addStep(
        project, map, "Code review",
        {topRight.center().x() - shape.center().x(), topRight.center().y() - shape.bottom() + 4});
    const QRectF covering = shape.translated(map.steps.at(above).pos.x, map.steps.at(above).pos.y);
    REQUIRE(covering.intersects(topRight));

    const QRectF moved = render::redPenBadge(project, map, map.redPens.at(pen))->box;
    CHECK_FALSE(moved.intersects(covering));
    CHECK_FALSE(moved.intersects(render::paintShape(model::ElementKind::Step)));
    CHECK(moved.size() == topRight.size());
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
    const render::LabelLayout layout = render::layoutMapLabels(project, m);
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

namespace {

model::Id addFlow(model::Project& project, model::Map& map, model::Id from, model::Id to,
                  const std::string& label, std::optional<double> share = std::nullopt) {
    model::Flow flow;
    flow.id = project.allocateId();
    flow.from = from;
    flow.to = to;
    flow.label = label;
    flow.share = share;
    map.flows.emplace(flow.id, flow);
    return flow.id;
}

/// A dense stream as a workshop leaves it: steps and waits in turn, every flow labelled,
/// a rework loop back every third step with its share, a red pen with a long reason on every
/// other step and on pairs of neighbours, wrapped onto rows by the serpentine layout.
model::Project denseProject(int stepCount) {
    model::Project project;
    model::Map map;
    model::Id previous = model::kNoId;
    std::vector<model::Id> steps;
    for (int i = 0; i < stepCount; ++i) {
        const model::Id step = addStep(project, map, "Step " + std::to_string(i + 1), {0, 0});
        if (previous != model::kNoId) {
            model::Wait wait;
            wait.id = project.allocateId();
            wait.time = 3600.0 * (i + 1);
            wait.label = "in the inbox of the back office";
            map.waits.emplace(wait.id, wait);
            addFlow(project, map, previous, wait.id, "batch of 50 forms by internal mail");
            addFlow(project, map, wait.id, step, "pulled");
        }
        if (i % 3 == 2) {
            addFlow(project, map, step, steps[steps.size() - 2], "sent back when incomplete", 0.2);
        }
        steps.push_back(step);
        previous = step;
    }
    for (std::size_t i = 0; i < steps.size(); i += 2)
        addPen(project, map, {steps[i]}, "Typed twice, once on paper and once in the ERP", 1200);
    for (std::size_t i = 1; i + 1 < steps.size(); i += 4)
        addPen(project, map, {steps[i], steps[i + 1]},
               "Nobody owns the handover between these two teams");
    for (const auto& [id, pos] : render::serpentineLayout(map, 8))
        if (auto s = map.steps.find(id); s != map.steps.end())
            s->second.pos = pos;
        else if (auto w = map.waits.find(id); w != map.waits.end())
            w->second.pos = pos;
    project.maps.push_back(map);
    return project;
}

} // namespace

TEST_CASE("on a dense map no laid-out text covers another: waits, flows and captions",
          "[render][labels]") {
    const model::Project project = denseProject(40);
    const model::Map& map = project.maps.front();
    for (qreal size : {render::kCaptionPointSize, render::kOverviewCaptionPointSize}) {
        const bool overview = size > render::kCaptionPointSize;
        INFO("point size " << size);
        const render::LabelLayout layout = render::layoutMapLabels(project, map, size);
        // Every text the map writes at this zoom is in the layout.
        std::size_t expected = map.waits.size();
        for (const auto& [id, flow] : map.flows)
            expected += overview ? flow.share.has_value() : 1;
        expected += map.redPens.size();
        CHECK(layout.size() == expected);
        std::vector<std::pair<model::Id, QRectF>> boxes;
        for (const auto& [id, label] : layout)
            boxes.emplace_back(id, label.box);
        int overlaps = 0;
        for (std::size_t i = 0; i < boxes.size(); ++i)
            for (std::size_t j = i + 1; j < boxes.size(); ++j)
                if (boxes[i].second.intersects(boxes[j].second)) {
                    UNSCOPED_INFO("texts of " << boxes[i].first << " and " << boxes[j].first);
                    ++overlaps;
                }
        CHECK(overlaps == 0);
        // Flow labels and captions keep off the steps, whose names and figures they would
        // cover; flow labels are crossed by no work flow's straight piece.
        int onSteps = 0;
        for (const auto& [id, label] : layout) {
            if (map.waits.contains(id))
                continue;
            for (const auto& [stepId, step] : map.steps)
                if (label.box.intersects(render::paintShape(model::ElementKind::Step)
                                             .translated(step.pos.x, step.pos.y))) {
                    UNSCOPED_INFO("the text of " << id << " (" << label.fullText.toStdString()
                                                 << ") on step " << stepId);
                    ++onSteps;
                }
        }
        CHECK(onSteps == 0);
    }
}

TEST_CASE("a flow's label too wide for the gap between two steps is moved or shortened, never "
          "written over them",
          "[render][labels]") {
    model::Project project;
    model::Map map;
    const model::Id a = addStep(project, map, "Enter", {0, 0});
    const model::Id b = addStep(project, map, "Check", {render::kLayoutColumnWidth, 0});
    const model::Id flow =
        addFlow(project, map, a, b, "forms collected in a tray and carried over at noon", 0.8);
    const render::LabelLayout layout = render::layoutMapLabels(project, map);
    const render::PlacedLabel& label = layout.at(flow);
    for (model::Id step : {a, b})
        CHECK_FALSE(label.box.intersects(
            render::paintShape(model::ElementKind::Step).translated(map.steps.at(step).pos.x, 0)));
    CHECK(label.fullText == QStringLiteral("forms collected in a tray and carried over at noon · "
                                           "80%"));
    // Its preferred place is above the line's middle; this one would cover both steps.
    const render::PlacedLabel preferred = render::preferredLabel(*render::flowLabelRequest(
        map, map.flows.at(flow),
        {model::durationUnitsOf(map, project.props.calendar), &project.props.calendar}));
    CHECK(preferred.box.center().x() == Approx(render::kLayoutColumnWidth / 2).margin(1));
    CHECK(preferred.box.bottom() < 0);
    CHECK(label.box != preferred.box);
}

TEST_CASE("an inventory's count is written with its thousands separated", "[render][labels]") {
    model::Project project;
    model::Map map;
    model::Wait stock;
    stock.id = project.allocateId();
    stock.kind = model::WaitKind::Inventory;
    stock.quantity = 1200;
    map.waits.emplace(stock.id, stock);
    map.props.demand = model::Demand{400, model::DemandPeriod::Day};
    const model::DurationVoice voice{model::durationUnitsOf(map, project.props.calendar),
                                     &project.props.calendar};
    CHECK(render::waitFigureText(map, stock, voice) == QStringLiteral("1,200 items · 3 d"));
    CHECK(render::waitFigureText(map, stock, voice, true) == QStringLiteral("1,200"));
    CHECK(render::layoutMapLabels(project, map).at(stock.id).lines.front() ==
          QStringLiteral("1,200 items · 3 d"));
}

TEST_CASE("a wait's figure stays under its triangle and a caption moves off it",
          "[render][labels]") {
    model::Project project;
    project.props.currency = "EUR";
    model::Map map;
    model::Wait wait;
    wait.id = project.allocateId();
    wait.time = 2 * 8 * 3600.0;
    wait.label = "callback";
    wait.pos = {0, 0};
    map.waits.emplace(wait.id, wait);
    const model::Id pen = addPen(project, map, {wait.id}, "The customer calls twice", 300);
    const render::LabelLayout layout = render::layoutMapLabels(project, map);
    const render::PlacedLabel& figure = layout.at(wait.id);
    CHECK(figure.lines == QStringList{QStringLiteral("2 d"), QStringLiteral("callback")});
    const QRectF body = render::bodyRect(map, wait.id);
    CHECK(figure.box.top() == Approx(body.bottom() + 2));
    CHECK(figure.box.center().x() == Approx(body.center().x()));
    CHECK_FALSE(layout.at(pen).box.intersects(figure.box));
}

namespace {

/// Supplier -> step -> wait -> step -> ... -> customer, `steps` steps with a wait between each
/// two, wrapped onto rows of `columns` by the serpentine layout. Waits have wide labels, so
/// that a line passing under one crosses its text.
model::Map wrappedStreamWithWaits(model::Project& project, int steps, int columns) {
    model::Map map;
    map.id = project.allocateId();
    std::vector<model::Id> chain;
    model::Party supplier;
    supplier.id = project.allocateId();
    supplier.kind = model::PartyKind::Supplier;
    map.parties.emplace(supplier.id, supplier);
    chain.push_back(supplier.id);
    for (int i = 0; i < steps; ++i) {
        chain.push_back(addStep(project, map, "Step " + std::to_string(i + 1), {0, 0}));
        if (i + 1 == steps)
            break;
        model::Wait wait;
        wait.id = project.allocateId();
        wait.time = (i + 1) * 3600.0;
        wait.label = "queue before the inspection of batch " + std::to_string(i + 1);
        map.waits.emplace(wait.id, wait);
        chain.push_back(wait.id);
    }
    model::Party customer;
    customer.id = project.allocateId();
    customer.kind = model::PartyKind::Customer;
    map.parties.emplace(customer.id, customer);
    chain.push_back(customer.id);
    for (std::size_t i = 0; i + 1 < chain.size(); ++i) {
        model::Flow flow;
        flow.id = project.allocateId();
        flow.from = chain[i];
        flow.to = chain[i + 1];
        map.flows.emplace(flow.id, flow);
    }
    for (const auto& [id, p] : render::serpentineLayout(map, columns)) {
        if (auto it = map.steps.find(id); it != map.steps.end())
            it->second.pos = p;
        if (auto it = map.waits.find(id); it != map.waits.end())
            it->second.pos = p;
        if (auto it = map.parties.find(id); it != map.parties.end())
            it->second.pos = p;
    }
    return map;
}

} // namespace

TEST_CASE("on a wrapped map no flow line crosses the text under a wait", "[render][labels]") {
    // Rows of odd and even widths end on a wait and start on one, where the line that
    // carries the flow on to the next row leaves and enters.
    for (int steps : {6, 13, 24, 41})
        for (int columns : {4, 5, 6, 7}) {
            model::Project project;
            const model::Map map = wrappedStreamWithWaits(project, steps, columns);
            std::vector<QPainterPath> lines;
            for (const auto& [id, flow] : map.flows) {
                QPainterPathStroker stroker;
                stroker.setWidth(2); // as drawn
                lines.push_back(stroker.createStroke(render::flowPath(map, flow)));
            }
            for (qreal size : {render::kCaptionPointSize, render::kOverviewCaptionPointSize}) {
                const render::LabelLayout layout = render::layoutMapLabels(project, map, size);
                for (const auto& [id, wait] : map.waits) {
                    INFO(steps << " steps, " << columns << " columns a row, size " << size
                               << ", wait " << wait.label);
                    const QRectF box = layout.at(id).box;
                    for (const QPainterPath& line : lines)
                        CHECK_FALSE(line.intersects(box));
                    // Still under its own triangle: the text overlaps the triangle's width.
                    const QRectF body = render::bodyRect(map, id);
                    CHECK(box.left() < body.right());
                    CHECK(box.right() > body.left());
                }
            }
        }
}

TEST_CASE("laid out at two sizes at once, a map's texts take the places of each size alone",
          "[render][labels]") {
    model::Project project;
    model::Map map = wrappedStreamWithWaits(project, 24, 5);
    for (auto& [id, flow] : map.flows) { // flow labels too, and shares for the zoomed-out one
        flow.label = "batch of " + std::to_string(id);
        flow.share = 0.5;
    }
    const std::vector<qreal> sizes{render::kCaptionPointSize, render::kOverviewCaptionPointSize};
    const std::vector<render::LabelLayout> both = render::layoutMapLabelsAt(project, map, sizes);
    REQUIRE(both.size() == 2);
    for (std::size_t i = 0; i < sizes.size(); ++i) {
        const render::LabelLayout alone = render::layoutMapLabels(project, map, sizes[i]);
        REQUIRE(both[i].size() == alone.size());
        CHECK(alone.size() == map.waits.size() + map.flows.size());
        for (const auto& [id, label] : alone) {
            INFO("size " << sizes[i] << ", owner " << id);
            REQUIRE(both[i].contains(id));
            CHECK(both[i].at(id).box == label.box);
            CHECK(both[i].at(id).lines == label.lines);
        }
    }
}

TEST_CASE("an element placed far away changes no text of the rest of the map", "[render][labels]") {
    // The shapes are binned over the map's bounds; an element millions of units away makes
    // the cells coarse, which must change how fast the layout is, never where texts go.
    const model::Project project = denseProject(40);
    model::Project farOff = project;
    model::Map& map = farOff.maps.front();
    addStep(farOff, map, "Far away", {4.0e6, -3.0e6});
    addStep(farOff, map, "Further", {-1.0e9, 2.0e9});
    for (qreal size : {render::kCaptionPointSize, render::kOverviewCaptionPointSize}) {
        INFO("point size " << size);
        const render::LabelLayout near =
            render::layoutMapLabels(project, project.maps.front(), size);
        const render::LabelLayout withFar = render::layoutMapLabels(farOff, map, size);
        REQUIRE(near.size() == withFar.size());
        for (const auto& [id, label] : near) {
            INFO("text of " << id);
            REQUIRE(withFar.contains(id));
            CHECK(withFar.at(id).box == label.box);
            CHECK(withFar.at(id).lines == label.lines);
        }
    }
}
