// The canvas driven as a facilitator drives it: clicks, drags and keys on a real MapView over
// a real EditorDocument, checked against the model and the undo stack.
#include "canvas/canvas_items.h"
#include "canvas/map_scene.h"
#include "canvas/map_view.h"
#include "canvas/palette.h"
#include "canvas/tool_mime.h"
#include "editor_document.h"
#include "gemba/render/geometry.h"
#include "gemba/render/timeline.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFileInfo>
#include <QLineEdit>
#include <QMimeData>
#include <QPainter>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSvgRenderer>
#include <QTest>
#include <QUndoStack>
#include <catch2/catch.hpp>
#include <memory>

using namespace gemba;
using app::MapView;
using app::Tool;
using model::Id;

namespace {

/// A project with one or more empty maps, and helpers to put elements on the first one.
struct Canvas {
    app::EditorDocument document;
    std::vector<Id> maps;
    std::unique_ptr<MapView> view;

    explicit Canvas(int mapCount = 1, std::function<void(model::Project&, model::Map&)> fill = {}) {
        model::Project project;
        project.props.name = "Canvas test";
        for (int i = 0; i < mapCount; ++i) {
            model::Map map;
            map.id = project.allocateId();
            map.props.name = "Map " + std::to_string(i + 1);
            project.maps.push_back(map);
            maps.push_back(map.id);
        }
        if (fill)
            fill(project, project.maps.front());
        document.resetProject(std::move(project), false);
        view = std::make_unique<MapView>(document, maps.front());
        view->resize(1000, 700);
        view->show();
        view->actualSize();
        view->centerOn(0, 0);
    }

    const model::Map& map(std::size_t index = 0) const { return *document.map(maps[index]); }
    QWidget* viewport() const { return view->viewport(); }
    QPoint at(QPointF scenePos) const { return view->mapFromScene(scenePos); }
    int undoCount() const { return document.undoStack()->count(); }
    void undo() { document.undoStack()->undo(); }
    void redo() { document.undoStack()->redo(); }
};

model::Step makeStep(model::Project& project, const std::string& name, double x, double y) {
    model::Step step;
    step.id = project.allocateId();
    step.name = name;
    step.pos = {x, y};
    return step;
}

Id addStep(model::Project& project, model::Map& map, const std::string& name, double x, double y) {
    model::Step step = makeStep(project, name, x, y);
    map.steps.emplace(step.id, step);
    return step.id;
}

Id addFlow(model::Project& project, model::Map& map, Id from, Id to,
           model::FlowKind kind = model::FlowKind::Push) {
    model::Flow flow;
    flow.id = project.allocateId();
    flow.from = from;
    flow.to = to;
    flow.kind = kind;
    map.flows.emplace(flow.id, flow);
    return flow.id;
}

/// Mouse events as a hand makes them, sent to the viewport.
void mouse(QWidget* viewport, QEvent::Type type, QPoint pos, Qt::MouseButton button,
           Qt::MouseButtons buttons, Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
    QMouseEvent event(type, QPointF(pos), viewport->mapToGlobal(QPointF(pos)), button, buttons,
                      modifiers);
    QApplication::sendEvent(viewport, &event);
}

void drag(QWidget* viewport, QPoint from, const std::vector<QPoint>& via, QPoint to,
          Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
    mouse(viewport, QEvent::MouseButtonPress, from, Qt::LeftButton, Qt::LeftButton, modifiers);
    for (QPoint p : via)
        mouse(viewport, QEvent::MouseMove, p, Qt::NoButton, Qt::LeftButton, modifiers);
    mouse(viewport, QEvent::MouseMove, to, Qt::NoButton, Qt::LeftButton, modifiers);
    mouse(viewport, QEvent::MouseButtonRelease, to, Qt::LeftButton, Qt::NoButton, modifiers);
}

void click(QWidget* viewport, QPoint pos, Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
    mouse(viewport, QEvent::MouseButtonPress, pos, Qt::LeftButton, Qt::LeftButton, modifiers);
    mouse(viewport, QEvent::MouseButtonRelease, pos, Qt::LeftButton, Qt::NoButton, modifiers);
}

/// Every element and flow has exactly one item, and placed items sit where the model says.
void requireItemsMatchModel(const Canvas& canvas) {
    const model::Map& map = canvas.map();
    app::MapScene* scene = canvas.view->mapScene();
    REQUIRE(scene->itemCount() == map.placedElements().size() + map.flows.size());
    for (Id id : map.placedElements()) {
        app::CanvasItem* item = scene->itemFor(id);
        REQUIRE(item != nullptr);
        if (item->type() == app::kElementItemType) {
            const model::Point p = *map.positionOf(id);
            REQUIRE(item->pos() == QPointF(p.x, p.y));
        }
    }
    for (const auto& [id, flow] : map.flows) {
        auto* item = static_cast<app::FlowItem*>(scene->itemFor(id));
        REQUIRE(item != nullptr);
        REQUIRE(item->path() == render::flowPath(map, flow));
    }
}

} // namespace

namespace Catch {
template <> struct StringMaker<model::Point> {
    static std::string convert(const model::Point& p) {
        return "(" + std::to_string(p.x) + ", " + std::to_string(p.y) + ")";
    }
};
} // namespace Catch

TEST_CASE("Adding elements makes items, by call and by clicking with a tool", "[canvas]") {
    Canvas canvas;
    const Id step = canvas.view->addElement(Tool::AddStep, QPointF(13, -3));
    REQUIRE(step != model::kNoId);
    // Snapped to the 8-unit grid: 13/8 = 1.6 -> 2 -> 16; -3/8 = -0.4 -> 0.
    REQUIRE(canvas.map().steps.at(step).pos == model::Point{16, 0});
    REQUIRE(canvas.map().steps.at(step).name == "New step");
    REQUIRE(canvas.view->selectedIds() == std::vector<Id>{step});

    // A note through the palette tool and a click: placed there, then back to Select.
    QSignalSpy toolSpy(canvas.view.get(), &MapView::toolChanged);
    canvas.view->setTool(Tool::AddNote);
    click(canvas.viewport(), canvas.at(QPointF(320, 200)));
    REQUIRE(canvas.view->tool() == Tool::Select);
    REQUIRE(toolSpy.count() == 2); // AddNote, then Select
    REQUIRE(canvas.map().notes.size() == 1);
    const model::Note& note = canvas.map().notes.begin()->second;
    REQUIRE(note.text == "Note");
    REQUIRE(note.pos == model::Point{320, 200});
    REQUIRE(canvas.view->selectedIds() == std::vector<Id>{note.id});

    // Every shape tool gives its kind with its default name.
    const Id wait = canvas.view->addElement(Tool::AddWait, QPointF(0, 300));
    const Id inventory = canvas.view->addElement(Tool::AddInventory, QPointF(100, 300));
    const Id supplier = canvas.view->addElement(Tool::AddSupplier, QPointF(-400, 0));
    const Id customer = canvas.view->addElement(Tool::AddCustomer, QPointF(800, 0));
    const Id box = canvas.view->addElement(Tool::AddInfoBox, QPointF(200, -300));
    REQUIRE(canvas.map().waits.at(wait).kind == model::WaitKind::Time);
    REQUIRE(canvas.map().waits.at(inventory).kind == model::WaitKind::Inventory);
    REQUIRE(canvas.map().parties.at(supplier).name == "Supplier");
    REQUIRE(canvas.map().parties.at(supplier).kind == model::PartyKind::Supplier);
    REQUIRE(canvas.map().parties.at(customer).name == "Customer");
    REQUIRE(canvas.map().infoBoxes.at(box).name == "Production control");
    REQUIRE(canvas.undoCount() == 7); // one undo step per element
    requireItemsMatchModel(canvas);
}

TEST_CASE("Dragging two selected steps is one undo step, and undo puts them back", "[canvas]") {
    Id a = 0, b = 0;
    Canvas canvas(1, [&](model::Project& p, model::Map& m) {
        a = addStep(p, m, "Receive order", 0, 0);
        b = addStep(p, m, "Check credit", 240, 0);
    });
    click(canvas.viewport(), canvas.at(QPointF(0, 0)));
    click(canvas.viewport(), canvas.at(QPointF(240, 0)), Qt::ControlModifier);
    REQUIRE(canvas.view->selectedIds() == std::vector<Id>{a, b});

    const QPoint start = canvas.at(QPointF(0, 0));
    drag(canvas.viewport(), start, {start + QPoint(30, 10), start + QPoint(60, 30)},
         start + QPoint(100, 50));
    // The pressed step lands on the grid: (100, 50) -> (12.5, 6.25) grid steps -> (13, 6)
    // -> (104, 48); the other keeps its distance: (240 + 104, 0 + 48).
    REQUIRE(canvas.map().steps.at(a).pos == model::Point{104, 48});
    REQUIRE(canvas.map().steps.at(b).pos == model::Point{344, 48});
    REQUIRE(canvas.undoCount() == 1);
    requireItemsMatchModel(canvas);

    canvas.undo();
    REQUIRE(canvas.map().steps.at(a).pos == model::Point{0, 0});
    REQUIRE(canvas.map().steps.at(b).pos == model::Point{240, 0});
    requireItemsMatchModel(canvas);

    // Without snapping the distance is taken as it is.
    canvas.view->setSnapToGrid(false);
    drag(canvas.viewport(), start, {}, start + QPoint(13, 5));
    REQUIRE(canvas.map().steps.at(a).pos == model::Point{13, 5});
    REQUIRE(canvas.map().steps.at(b).pos == model::Point{253, 5});

    // A drag that comes back to where it started leaves no undo step behind.
    const int before = canvas.undoCount();
    const QPoint now = canvas.at(QPointF(13, 5));
    drag(canvas.viewport(), now, {now + QPoint(40, 0)}, now);
    REQUIRE(canvas.undoCount() == before);
    REQUIRE(canvas.document.inGesture() == false);
}

TEST_CASE("A moved step takes its flows and red pen along", "[canvas]") {
    Id a = 0, b = 0, flow = 0, pen = 0;
    Canvas canvas(1, [&](model::Project& p, model::Map& m) {
        a = addStep(p, m, "A", 0, 0);
        b = addStep(p, m, "B", 240, 0);
        flow = addFlow(p, m, a, b);
        model::RedPen circle;
        circle.id = pen = p.allocateId();
        circle.targets = {b};
        m.redPens.emplace(circle.id, circle);
    });
    auto* penItem = static_cast<app::RedPenItem*>(canvas.view->mapScene()->itemFor(pen));
    const QRectF before = penItem->ellipse();
    canvas.view->selectIds({b});
    canvas.view->nudgeSelection(QPointF(0, 80));
    requireItemsMatchModel(canvas);
    // The circle around B moved down with it by the same 80 units.
    REQUIRE(penItem->ellipse() == before.translated(0, 80));
    auto* flowItem = static_cast<app::FlowItem*>(canvas.view->mapScene()->itemFor(flow));
    REQUIRE(flowItem->path().pointAtPercent(1).y() > 0);
}

TEST_CASE("Escape during a drag puts the elements back and leaves no undo step", "[canvas]") {
    Id a = 0;
    Canvas canvas(1, [&](model::Project& p, model::Map& m) { a = addStep(p, m, "A", 0, 0); });
    const QPoint start = canvas.at(QPointF(0, 0));
    mouse(canvas.viewport(), QEvent::MouseButtonPress, start, Qt::LeftButton, Qt::LeftButton);
    mouse(canvas.viewport(), QEvent::MouseMove, start + QPoint(80, 40), Qt::NoButton,
          Qt::LeftButton);
    REQUIRE(canvas.map().steps.at(a).pos == model::Point{80, 40});
    QTest::keyClick(canvas.view.get(), Qt::Key_Escape);
    REQUIRE(canvas.map().steps.at(a).pos == model::Point{0, 0});
    // The rest of the drag does nothing.
    mouse(canvas.viewport(), QEvent::MouseMove, start + QPoint(160, 40), Qt::NoButton,
          Qt::LeftButton);
    mouse(canvas.viewport(), QEvent::MouseButtonRelease, start + QPoint(160, 40), Qt::LeftButton,
          Qt::NoButton);
    REQUIRE(canvas.map().steps.at(a).pos == model::Point{0, 0});
    REQUIRE(canvas.undoCount() == 0);
    REQUIRE_FALSE(canvas.document.inGesture());
}

TEST_CASE("A drag near the edge of the view scrolls it along", "[canvas]") {
    Id a = 0;
    Canvas canvas(1, [&](model::Project& p, model::Map& m) { a = addStep(p, m, "A", 0, 0); });
    QScrollBar* bar = canvas.view->horizontalScrollBar();
    const int scrolledBefore = bar->value();
    const QPoint start = canvas.at(QPointF(0, 0));
    const QPoint edge(canvas.viewport()->width() - 4, start.y());
    mouse(canvas.viewport(), QEvent::MouseButtonPress, start, Qt::LeftButton, Qt::LeftButton);
    mouse(canvas.viewport(), QEvent::MouseMove, edge, Qt::NoButton, Qt::LeftButton);
    // Where the step is with the mouse at the edge, before the view scrolls.
    const double placed = canvas.map().steps.at(a).pos.x;
    REQUIRE(placed == Approx(edge.x() - start.x()).margin(8));
    QTest::qWait(300); // the mouse rests at the edge: the view scrolls, the step follows
    mouse(canvas.viewport(), QEvent::MouseButtonRelease, edge, Qt::LeftButton, Qt::NoButton);
    REQUIRE(bar->value() > scrolledBefore);
    REQUIRE(canvas.map().steps.at(a).pos.x > placed + 16);
    // Still under the mouse, and one undo step for the whole drag.
    REQUIRE(canvas.view->mapToScene(edge).x() == Approx(canvas.map().steps.at(a).pos.x).margin(8));
    REQUIRE(canvas.undoCount() == 1);
}

TEST_CASE("Connecting by dragging makes a flow of the chosen kind", "[canvas]") {
    Id a = 0, b = 0;
    Canvas canvas(1, [&](model::Project& p, model::Map& m) {
        a = addStep(p, m, "Pick", 0, 0);
        b = addStep(p, m, "Pack", 320, 0);
    });
    QSignalSpy messages(canvas.view.get(), &MapView::statusMessage);

    SECTION("with the Connect tool") {
        canvas.view->setConnectKind(model::FlowKind::Fifo);
        canvas.view->setTool(Tool::Connect);
        drag(canvas.viewport(), canvas.at(QPointF(0, 0)), {canvas.at(QPointF(150, 10))},
             canvas.at(QPointF(320, 0)));
        REQUIRE(canvas.map().flows.size() == 1);
        const model::Flow& flow = canvas.map().flows.begin()->second;
        REQUIRE(flow.from == a);
        REQUIRE(flow.to == b);
        REQUIRE(flow.kind == model::FlowKind::Fifo);
        REQUIRE(canvas.undoCount() == 1);
        REQUIRE(canvas.view->tool() == Tool::Connect); // ready for the next one

        // A flow to itself is refused, and the status bar says why.
        messages.clear();
        drag(canvas.viewport(), canvas.at(QPointF(0, 0)), {canvas.at(QPointF(30, 5))},
             canvas.at(QPointF(10, 0)));
        REQUIRE(canvas.map().flows.size() == 1);
        REQUIRE(messages.count() >= 1);
        REQUIRE(messages.last().at(0).toString().contains(QStringLiteral("same element")));
        REQUIRE(canvas.undoCount() == 1);
    }

    SECTION("from the handle on a selected element's right edge, in the Select tool") {
        canvas.view->setConnectKind(model::FlowKind::ElectronicInformation);
        click(canvas.viewport(), canvas.at(QPointF(0, 0)));
        // The handle sits in the middle of the right edge of the body: x = 0 + 168 / 2.
        const QPoint handle = canvas.at(QPointF(84, 0));
        drag(canvas.viewport(), handle, {handle + QPoint(50, 0)}, canvas.at(QPointF(300, 10)));
        REQUIRE(canvas.map().flows.size() == 1);
        const model::Flow& flow = canvas.map().flows.begin()->second;
        REQUIRE(flow.from == a);
        REQUIRE(flow.to == b);
        REQUIRE(flow.kind == model::FlowKind::ElectronicInformation);
        // The step did not move: the press was on the handle, not a drag of the step.
        REQUIRE(canvas.map().steps.at(a).pos == model::Point{0, 0});
    }

    SECTION("with the keyboard: select in order, Enter") {
        canvas.view->setConnectKind(model::FlowKind::Pull);
        canvas.view->setTool(Tool::Connect);
        canvas.view->selectIds({b, a});
        QTest::keyClick(canvas.view.get(), Qt::Key_Return);
        REQUIRE(canvas.map().flows.size() == 1);
        REQUIRE(canvas.map().flows.begin()->second.from == b);
        REQUIRE(canvas.map().flows.begin()->second.to == a);
        REQUIRE(canvas.map().flows.begin()->second.kind == model::FlowKind::Pull);
    }
}

TEST_CASE("Delete removes the selection with its flows, and undo brings all back", "[canvas]") {
    Id a = 0, b = 0, c = 0;
    Canvas canvas(1, [&](model::Project& p, model::Map& m) {
        a = addStep(p, m, "A", 0, 0);
        b = addStep(p, m, "B", 240, 0);
        c = addStep(p, m, "C", 480, 0);
        addFlow(p, m, a, b);
        addFlow(p, m, b, c);
    });
    canvas.view->selectIds({b});
    QTest::keyClick(canvas.view.get(), Qt::Key_Delete);
    REQUIRE(canvas.map().steps.size() == 2);
    // The stream stays whole: A is joined to C.
    REQUIRE(canvas.map().flows.size() == 1);
    REQUIRE(canvas.map().flows.begin()->second.from == a);
    REQUIRE(canvas.map().flows.begin()->second.to == c);
    REQUIRE(canvas.undoCount() == 1);
    requireItemsMatchModel(canvas);

    canvas.undo();
    REQUIRE(canvas.map().steps.size() == 3);
    REQUIRE(canvas.map().flows.size() == 2);
    requireItemsMatchModel(canvas);

    // Shift+Delete deletes without the bridge.
    canvas.view->selectIds({b});
    QTest::keyClick(canvas.view.get(), Qt::Key_Delete, Qt::ShiftModifier);
    REQUIRE(canvas.map().steps.size() == 2);
    REQUIRE(canvas.map().flows.empty());
    canvas.undo();
    requireItemsMatchModel(canvas);

    canvas.view->selectIds({a});
    QTest::keyClick(canvas.view.get(), Qt::Key_Backspace);
    REQUIRE_FALSE(canvas.map().steps.contains(a));
    REQUIRE(canvas.map().flows.size() == 1);
    requireItemsMatchModel(canvas);
}

TEST_CASE("Copy and paste within and across maps gives new ids", "[canvas]") {
    Id a = 0, b = 0, flow = 0;
    Canvas canvas(2, [&](model::Project& p, model::Map& m) {
        a = addStep(p, m, "Quote", 0, 0);
        b = addStep(p, m, "Order", 240, 0);
        flow = addFlow(p, m, a, b);
        addStep(p, m, "Invoice", 480, 0);
    });
    MapView other(canvas.document, canvas.maps[1]);
    other.resize(800, 600);

    canvas.view->selectIds({a, b, flow});
    canvas.view->copySelected();
    REQUIRE(QApplication::clipboard()->text() == QStringLiteral("Quote\nOrder"));
    REQUIRE(other.canPaste());

    other.paste();
    const model::Map& second = canvas.map(1);
    REQUIRE(second.steps.size() == 2);
    REQUIRE(second.flows.size() == 1);
    for (const auto& [id, step] : second.steps) {
        REQUIRE_FALSE(canvas.map().contains(id));
        // Nothing sits there in the other map: the copies keep their places.
        REQUIRE((step.pos == model::Point{0, 0} || step.pos == model::Point{240, 0}));
    }
    const model::Flow& pastedFlow = second.flows.begin()->second;
    REQUIRE(pastedFlow.id != flow);
    REQUIRE(second.steps.contains(pastedFlow.from));
    REQUIRE(second.steps.contains(pastedFlow.to));
    REQUIRE(other.selectedIds().size() == 3); // the pasted steps and flow

    // Pasted where the originals are, the copies move over by 24 units.
    canvas.view->paste();
    REQUIRE(canvas.map().steps.size() == 5);
    int shifted = 0;
    for (const auto& [id, step] : canvas.map().steps)
        if (step.pos == model::Point{24, 24} || step.pos == model::Point{264, 24})
            ++shifted;
    REQUIRE(shifted == 2);
    requireItemsMatchModel(canvas);

    // Cut is a copy and a delete: one undo step.
    const int before = canvas.undoCount();
    canvas.view->selectIds({a});
    canvas.view->cutSelected();
    REQUIRE_FALSE(canvas.map().steps.contains(a));
    REQUIRE(canvas.undoCount() == before + 1);
    REQUIRE(QApplication::clipboard()->text() == QStringLiteral("Quote"));
}

TEST_CASE("Pasted into another project, steps lose people and systems it lacks", "[canvas]") {
    Id step = 0, anna = 0, crm = 0;
    Canvas canvas(1, [&](model::Project& p, model::Map& m) {
        anna = p.allocateId();
        p.people.emplace(anna, model::Person{anna, "Anna", "Sales", std::nullopt});
        crm = p.allocateId();
        p.systems.emplace(crm, model::System{crm, "CRM", model::SystemKind::Application});
        step = addStep(p, m, "Close deal", 0, 0);
        m.steps.at(step).people = {anna};
        m.steps.at(step).systems = {crm};
    });
    canvas.view->selectIds({step});
    canvas.view->copySelected();

    // In the same project the references stay.
    canvas.view->paste();
    const model::Step& same = canvas.map().steps.at(canvas.view->selectedIds().front());
    REQUIRE(same.people == std::vector<Id>{anna});
    REQUIRE(same.systems == std::vector<Id>{crm});

    // Another project (a file opened since) has neither.
    model::Project other;
    model::Map map;
    map.id = other.allocateId();
    other.maps.push_back(map);
    canvas.view.reset();
    canvas.document.resetProject(other, false);
    MapView view(canvas.document, map.id);
    REQUIRE(view.canPaste());
    view.paste();
    const model::Map& pastedInto = *canvas.document.map(map.id);
    REQUIRE(pastedInto.steps.size() == 1);
    REQUIRE(pastedInto.steps.begin()->second.name == "Close deal");
    REQUIRE(pastedInto.steps.begin()->second.people.empty());
    REQUIRE(pastedInto.steps.begin()->second.systems.empty());
}

TEST_CASE("Rename in place with F2, Enter and Escape", "[canvas]") {
    Id a = 0;
    Canvas canvas(1, [&](model::Project& p, model::Map& m) { a = addStep(p, m, "Step", 0, 0); });
    canvas.view->selectIds({a});

    QTest::keyClick(canvas.view.get(), Qt::Key_F2);
    auto* editor = canvas.view->findChild<QLineEdit*>(QStringLiteral("canvasRenameEditor"));
    REQUIRE(editor != nullptr);
    REQUIRE(editor->isVisible());
    REQUIRE(editor->text() == QStringLiteral("Step"));
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("Check credit"));
    QTest::keyClick(editor, Qt::Key_Return);
    REQUIRE(canvas.map().steps.at(a).name == "Check credit");
    REQUIRE(canvas.undoCount() == 1);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete); // deleteLater
    REQUIRE(canvas.view->findChild<QLineEdit*>(QStringLiteral("canvasRenameEditor")) == nullptr);

    QTest::keyClick(canvas.view.get(), Qt::Key_F2);
    editor = canvas.view->findChild<QLineEdit*>(QStringLiteral("canvasRenameEditor"));
    REQUIRE(editor != nullptr);
    QTest::keyClicks(editor, QStringLiteral("Something else"));
    QTest::keyClick(editor, Qt::Key_Escape);
    REQUIRE(canvas.map().steps.at(a).name == "Check credit");
    REQUIRE(canvas.undoCount() == 1);

    // A double-click renames too; and a flow's label is renamed the same way.
    mouse(canvas.viewport(), QEvent::MouseButtonDblClick, canvas.at(QPointF(0, 0)), Qt::LeftButton,
          Qt::LeftButton);
    editor = canvas.view->findChild<QLineEdit*>(QStringLiteral("canvasRenameEditor"));
    REQUIRE(editor != nullptr);
    editor->setText(QStringLiteral("Approve credit"));
    QTest::keyClick(editor, Qt::Key_Enter);
    REQUIRE(canvas.map().steps.at(a).name == "Approve credit");
    REQUIRE(canvas.undoCount() == 2);
}

TEST_CASE("Double-click on empty canvas adds a step and opens its name", "[canvas]") {
    Canvas canvas;
    mouse(canvas.viewport(), QEvent::MouseButtonDblClick, canvas.at(QPointF(200, 96)),
          Qt::LeftButton, Qt::LeftButton);
    REQUIRE(canvas.map().steps.size() == 1);
    REQUIRE(canvas.map().steps.begin()->second.pos == model::Point{200, 96});
    auto* editor = canvas.view->findChild<QLineEdit*>(QStringLiteral("canvasRenameEditor"));
    REQUIRE(editor != nullptr);
    QTest::keyClicks(editor, QStringLiteral("Scan documents"));
    QTest::keyClick(editor, Qt::Key_Return);
    REQUIRE(canvas.map().steps.begin()->second.name == "Scan documents");
}

TEST_CASE("Tab and Shift+Tab walk the steps in flow order", "[canvas]") {
    Id first = 0, second = 0, third = 0, loose = 0;
    Canvas canvas(1, [&](model::Project& p, model::Map& m) {
        // Ids, positions and flow order all differ: the flow is what counts.
        third = addStep(p, m, "Third", 0, 300);
        first = addStep(p, m, "First", 480, 0);
        second = addStep(p, m, "Second", 240, 0);
        loose = addStep(p, m, "Loose", 900, 600);
        addFlow(p, m, first, second);
        addFlow(p, m, second, third);
    });
    MapView& view = *canvas.view;
    QTest::keyClick(&view, Qt::Key_Tab);
    REQUIRE(view.selectedIds() == std::vector<Id>{first});
    QTest::keyClick(&view, Qt::Key_Tab);
    REQUIRE(view.selectedIds() == std::vector<Id>{second});
    QTest::keyClick(&view, Qt::Key_Tab);
    REQUIRE(view.selectedIds() == std::vector<Id>{third});
    QTest::keyClick(&view, Qt::Key_Tab); // steps off the path come after it
    REQUIRE(view.selectedIds() == std::vector<Id>{loose});
    QTest::keyClick(&view, Qt::Key_Tab); // and round again
    REQUIRE(view.selectedIds() == std::vector<Id>{first});
    QTest::keyClick(&view, Qt::Key_Backtab, Qt::ShiftModifier);
    REQUIRE(view.selectedIds() == std::vector<Id>{loose});
    QTest::keyClick(&view, Qt::Key_Backtab, Qt::ShiftModifier);
    REQUIRE(view.selectedIds() == std::vector<Id>{third});
}

TEST_CASE("Zoom, fit to window and actual size change the transform", "[canvas]") {
    Canvas canvas(1, [&](model::Project& p, model::Map& m) {
        for (int i = 0; i < 30; ++i)
            addStep(p, m, "Step " + std::to_string(i), i * 232.0, 0);
    });
    MapView& view = *canvas.view;
    QSignalSpy zooms(&view, &MapView::zoomChanged);
    REQUIRE(view.zoom() == Approx(1.0));

    view.zoomIn();
    REQUIRE(view.zoom() == Approx(1.25));
    view.zoomOut();
    view.zoomOut();
    REQUIRE(view.zoom() == Approx(0.8));
    REQUIRE(zooms.count() == 3);
    REQUIRE(zooms.last().at(0).toDouble() == Approx(0.8));

    view.setZoom(100);
    REQUIRE(view.zoom() == Approx(8.0)); // clamped to 800%
    view.setZoom(0.0001);
    REQUIRE(view.zoom() == Approx(0.05)); // and to 5%

    // 30 steps 232 apart span 29 * 232 + 168 = 6896 units: at most 1000 / 6896 to fit.
    view.fitToWindow();
    REQUIRE(view.zoom() < 1000.0 / 6896.0);
    REQUIRE(view.zoom() > 0.05);
    const QRect content = view.mapFromScene(view.mapScene()->contentRect()).boundingRect();
    REQUIRE(view.viewport()->rect().adjusted(-1, -1, 1, 1).contains(content));

    view.actualSize();
    REQUIRE(view.zoom() == Approx(1.0));

    // Ctrl+wheel zooms around the cursor: the point under it stays under it.
    const QPoint cursor(300, 200);
    const QPointF under = view.mapToScene(cursor);
    QWheelEvent wheel(QPointF(cursor), view.viewport()->mapToGlobal(QPointF(cursor)), QPoint(),
                      QPoint(0, 120), Qt::NoButton, Qt::ControlModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(view.viewport(), &wheel);
    REQUIRE(view.zoom() == Approx(std::pow(1.0015, 120)));
    const QPointF after = view.mapToScene(cursor);
    REQUIRE(std::abs(after.x() - under.x()) < 2);
    REQUIRE(std::abs(after.y() - under.y()) < 2);
}

TEST_CASE("Items follow undo and redo", "[canvas]") {
    Canvas canvas;
    MapView& view = *canvas.view;
    const Id a = view.addElement(Tool::AddStep, QPointF(0, 0));
    const Id b = view.addElement(Tool::AddStep, QPointF(240, 0));
    const Id w = view.addElement(Tool::AddInventory, QPointF(120, 160));
    view.connect(a, b);
    view.selectIds({a, w});
    view.nudgeSelection(QPointF(16, 8));
    view.selectIds({b});
    view.deleteSelected();
    requireItemsMatchModel(canvas);
    const int steps = canvas.undoCount();
    REQUIRE(steps == 6);
    for (int i = 0; i < steps; ++i) {
        canvas.undo();
        requireItemsMatchModel(canvas);
    }
    REQUIRE(canvas.view->mapScene()->itemCount() == 0);
    for (int i = 0; i < steps; ++i) {
        canvas.redo();
        requireItemsMatchModel(canvas);
    }
    REQUIRE(canvas.map().steps.at(a).pos == model::Point{16, 8});
    REQUIRE(canvas.map().waits.at(w).pos == model::Point{136, 168});

    // A reset (a file opened) rebuilds the scene.
    model::Project fresh = canvas.document.project();
    fresh.maps.front().steps.clear();
    fresh.maps.front().flows.clear();
    canvas.document.resetProject(fresh, false);
    requireItemsMatchModel(canvas);
    REQUIRE(canvas.view->mapScene()->itemCount() == 1);
}

TEST_CASE("Quick capture inserts the step after the selection, with its times", "[canvas]") {
    Id a = 0, b = 0, ab = 0;
    Canvas canvas(1, [&](model::Project& p, model::Map& m) {
        a = addStep(p, m, "Receive", 0, 0);
        b = addStep(p, m, "Ship", 232, 0);
        ab = addFlow(p, m, a, b);
    });
    model::QuickCapture capture;
    capture.name = "Review contract";
    capture.processTime = 1800;        // 30 min
    capture.leadTime = 2 * 8 * 3600.0; // 2 d of 8 h
    capture.pca = 80;

    SECTION("after the selected step, into its flow") {
        canvas.view->selectIds({a});
        const Id added = canvas.view->addCapturedStep(capture);
        const model::Map& map = canvas.map();
        const model::Step& step = map.steps.at(added);
        REQUIRE(step.name == "Review contract");
        REQUIRE(step.processTime == 1800);
        REQUIRE(step.leadTime == 57600);
        REQUIRE(step.pca == 80);
        // Right of Receive: 0 + 84 (half a step) + 64 (gap) + 84 = 232, where Ship stood;
        // Ship moves over by 232 + 84 + 64 - (232 - 84) = 232, to 464.
        REQUIRE(step.pos == model::Point{232, 0});
        REQUIRE(map.steps.at(b).pos == model::Point{464, 0});
        // Receive -> new step (push) -> Ship (the old flow, rerouted).
        REQUIRE(map.flows.at(ab).from == added);
        REQUIRE(map.flows.at(ab).to == b);
        REQUIRE(map.flows.size() == 2);
        const bool joined = std::ranges::any_of(map.flows, [&](const auto& entry) {
            return entry.second.from == a && entry.second.to == added &&
                   entry.second.kind == model::FlowKind::Push;
        });
        REQUIRE(joined);
        REQUIRE(canvas.view->selectedIds() == std::vector<Id>{added});
        REQUIRE(canvas.undoCount() == 1);
        requireItemsMatchModel(canvas);

        canvas.undo();
        REQUIRE(canvas.map().steps.size() == 2);
        REQUIRE(canvas.map().steps.at(b).pos == model::Point{232, 0});
        REQUIRE(canvas.map().flows.at(ab).from == a);
        requireItemsMatchModel(canvas);
    }

    SECTION("at the end of the map when nothing is selected") {
        const Id added = canvas.view->addCapturedStep(capture);
        const model::Map& map = canvas.map();
        // Right of the right-most step: 232 + 84 + 64 + 84 = 464, joined to Ship.
        REQUIRE(map.steps.at(added).pos == model::Point{464, 0});
        const bool joined = std::ranges::any_of(map.flows, [&](const auto& entry) {
            return entry.second.from == b && entry.second.to == added;
        });
        REQUIRE(joined);
        // A second capture goes after that one.
        capture.name = "Archive";
        const Id next = canvas.view->addCapturedStep(capture);
        REQUIRE(canvas.map().steps.at(next).pos == model::Point{696, 0});
    }
}

TEST_CASE("Arrow keys nudge the selection, each press one undo step", "[canvas]") {
    Id a = 0;
    Canvas canvas(1, [&](model::Project& p, model::Map& m) { a = addStep(p, m, "A", 0, 0); });
    canvas.view->selectIds({a});
    QTest::keyClick(canvas.view.get(), Qt::Key_Right);
    REQUIRE(canvas.map().steps.at(a).pos == model::Point{8, 0});
    QTest::keyClick(canvas.view.get(), Qt::Key_Down, Qt::ShiftModifier);
    REQUIRE(canvas.map().steps.at(a).pos == model::Point{8, 1});
    REQUIRE(canvas.undoCount() == 2);

    // Held down (auto-repeat), the presses merge into one step until the key is released.
    for (int i = 0; i < 5; ++i) {
        QKeyEvent press(QEvent::KeyPress, Qt::Key_Left, Qt::NoModifier, QString(), i > 0);
        QApplication::sendEvent(canvas.view.get(), &press);
    }
    QKeyEvent release(QEvent::KeyRelease, Qt::Key_Left, Qt::NoModifier);
    QApplication::sendEvent(canvas.view.get(), &release);
    REQUIRE(canvas.map().steps.at(a).pos == model::Point{8 - 5 * 8, 1});
    REQUIRE(canvas.undoCount() == 3);
    REQUIRE_FALSE(canvas.document.inGesture());
    canvas.undo();
    REQUIRE(canvas.map().steps.at(a).pos == model::Point{8, 1});
}

TEST_CASE("Align and distribute move the bodies as one undo step each", "[canvas]") {
    Id a = 0, b = 0, c = 0, w = 0;
    Canvas canvas(1, [&](model::Project& p, model::Map& m) {
        a = addStep(p, m, "A", 0, 0);
        b = addStep(p, m, "B", 100, 40);
        c = addStep(p, m, "C", 500, 0);
        model::Wait wait;
        wait.id = w = p.allocateId();
        wait.pos = {300, 200};
        m.waits.emplace(wait.id, wait);
    });
    MapView& view = *canvas.view;
    view.selectIds({a, w});
    view.alignSelection(app::Alignment::Left);
    // Wait body: 56 wide, left at 300 - 28 = 272; step A's left is -84: the wait moves
    // by -84 - 272 = -356, to x = -56.
    REQUIRE(canvas.map().waits.at(w).pos == model::Point{-56, 200});
    REQUIRE(canvas.map().steps.at(a).pos == model::Point{0, 0});
    view.alignSelection(app::Alignment::Bottom);
    // Step A's bottom is 32, the wait's 200 + 24: A moves down by 192.
    REQUIRE(canvas.map().steps.at(a).pos == model::Point{0, 192});
    REQUIRE(canvas.undoCount() == 2);

    view.selectIds({c, a, b});
    view.distributeSelection(Qt::Horizontal);
    // Lefts -84, 16, 416, each 168 wide: gap = (416 + 168 + 84 - 3 * 168) / 2 = 82;
    // B's left becomes -84 + 168 + 82 = 166, so its centre 250.
    REQUIRE(canvas.map().steps.at(b).pos == model::Point{250, 40});
    REQUIRE(canvas.map().steps.at(a).pos.x == 0);
    REQUIRE(canvas.map().steps.at(c).pos.x == 500);
    REQUIRE(canvas.undoCount() == 3);
}

TEST_CASE("A rubber band selects what it touches, flows only when inside", "[canvas]") {
    Id a = 0, b = 0, far = 0, ab = 0, toFar = 0;
    Canvas canvas(1, [&](model::Project& p, model::Map& m) {
        a = addStep(p, m, "A", 0, 0);
        b = addStep(p, m, "B", 240, 0);
        far = addStep(p, m, "Far", 0, 480);
        ab = addFlow(p, m, a, b);
        toFar = addFlow(p, m, b, far);
    });
    drag(canvas.viewport(), canvas.at(QPointF(-120, -80)), {canvas.at(QPointF(100, 50))},
         canvas.at(QPointF(360, 160)));
    std::vector<Id> selected = canvas.view->selectedIds();
    std::ranges::sort(selected);
    std::vector<Id> expected{a, b, ab};
    std::ranges::sort(expected);
    REQUIRE(selected == expected);
    REQUIRE(std::ranges::find(selected, toFar) == selected.end());

    // Shift adds to what is selected.
    drag(canvas.viewport(), canvas.at(QPointF(-120, 400)), {}, canvas.at(QPointF(120, 520)),
         Qt::ShiftModifier);
    REQUIRE(canvas.view->selectedIds().size() == 4);
    // A click on empty space clears it.
    click(canvas.viewport(), canvas.at(QPointF(700, -200)));
    REQUIRE(canvas.view->selectedIds().empty());
}

TEST_CASE("Panning with the middle button or space and drag", "[canvas]") {
    Canvas canvas(1, [&](model::Project& p, model::Map& m) {
        addStep(p, m, "A", 0, 0);
        addStep(p, m, "B", 2400, 1600);
    });
    QScrollBar* h = canvas.view->horizontalScrollBar();
    QScrollBar* v = canvas.view->verticalScrollBar();
    const QPoint scroll(h->value(), v->value());
    const QPoint from(500, 400);
    mouse(canvas.viewport(), QEvent::MouseButtonPress, from, Qt::MiddleButton, Qt::MiddleButton);
    mouse(canvas.viewport(), QEvent::MouseMove, from - QPoint(120, 80), Qt::NoButton,
          Qt::MiddleButton);
    mouse(canvas.viewport(), QEvent::MouseButtonRelease, from - QPoint(120, 80), Qt::MiddleButton,
          Qt::NoButton);
    // The canvas follows the hand: dragged left and up, the view scrolls right and down.
    REQUIRE(QPoint(h->value(), v->value()) == scroll + QPoint(120, 80));

    // Space held, a left drag pans too, and selects or moves nothing.
    QKeyEvent spaceDown(QEvent::KeyPress, Qt::Key_Space, Qt::NoModifier, QStringLiteral(" "));
    QApplication::sendEvent(canvas.view.get(), &spaceDown);
    drag(canvas.viewport(), from, {from + QPoint(30, 30)}, from + QPoint(60, 40));
    QKeyEvent spaceUp(QEvent::KeyRelease, Qt::Key_Space, Qt::NoModifier, QStringLiteral(" "));
    QApplication::sendEvent(canvas.view.get(), &spaceUp);
    REQUIRE(QPoint(h->value(), v->value()) == scroll + QPoint(60, 40));
    REQUIRE(canvas.view->selectedIds().empty());
    REQUIRE(canvas.undoCount() == 0);
}

TEST_CASE("The selection is told once per change", "[canvas]") {
    Id a = 0, b = 0;
    Canvas canvas(1, [&](model::Project& p, model::Map& m) {
        a = addStep(p, m, "A", 0, 0);
        b = addStep(p, m, "B", 240, 0);
    });
    QSignalSpy changes(canvas.view.get(), &MapView::selectionChanged);
    canvas.view->selectIds({a, b});
    REQUIRE(changes.count() == 1);
    canvas.view->selectIds({a, b}); // the same again: nothing to tell
    REQUIRE(changes.count() == 1);
    // The press on empty canvas clears the selection (one change); a rubber band over A,
    // moved about without changing what it covers, makes one more (A alone).
    const QPoint from = canvas.at(QPointF(-120, -80));
    drag(canvas.viewport(), from,
         {canvas.at(QPointF(100, 150)), canvas.at(QPointF(110, 160)), canvas.at(QPointF(120, 170))},
         canvas.at(QPointF(130, 170)));
    REQUIRE(canvas.view->selectedIds() == std::vector<Id>{a});
    REQUIRE(changes.count() == 3);
    REQUIRE(changes.at(1).at(0).value<std::vector<Id>>().empty());
    REQUIRE(changes.at(2).at(0).value<std::vector<Id>>() == std::vector<Id>{a});
}

TEST_CASE("A shape dropped from the palette is placed where it is dropped", "[canvas]") {
    Canvas canvas;
    QMimeData mime;
    mime.setData(QString::fromLatin1(app::kToolMimeType), QByteArrayLiteral("inventory"));
    const QPoint where = canvas.at(QPointF(401, 203));
    // As a real drag does: enter (accepted for a shape), then drop.
    QDragEnterEvent enter(where, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(canvas.viewport(), &enter);
    REQUIRE(enter.isAccepted());
    QDropEvent drop(QPointF(where), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(canvas.viewport(), &drop);
    REQUIRE(canvas.map().waits.size() == 1);
    const model::Wait& wait = canvas.map().waits.begin()->second;
    REQUIRE(wait.kind == model::WaitKind::Inventory);
    // 401 / 8 = 50.1 -> 400; 203 / 8 = 25.4 -> 200.
    REQUIRE(wait.pos == model::Point{400, 200});

    // Something else dragged over the canvas is refused.
    QMimeData text;
    text.setText(QStringLiteral("hello"));
    QDragEnterEvent other(where, Qt::CopyAction, &text, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(canvas.viewport(), &other);
    REQUIRE_FALSE(other.isAccepted());
    REQUIRE(canvas.map().waits.size() == 1);
}

TEST_CASE("The red pen circles the selected steps at once", "[canvas]") {
    Id a = 0, b = 0;
    Canvas canvas(1, [&](model::Project& p, model::Map& m) {
        a = addStep(p, m, "Copy into spreadsheet", 0, 0);
        b = addStep(p, m, "Email it", 240, 0);
    });
    canvas.view->selectIds({a, b});
    QSignalSpy tools(canvas.view.get(), &MapView::toolChanged);
    canvas.view->setTool(Tool::AddRedPen);
    REQUIRE(canvas.view->tool() == Tool::Select);
    // The palette hears that the view is back on Select, though it never left it.
    REQUIRE(tools.count() == 1);
    REQUIRE(tools.last().at(0).value<Tool>() == Tool::Select);
    REQUIRE(canvas.map().redPens.size() == 1);
    REQUIRE(canvas.map().redPens.begin()->second.targets == std::vector<Id>{a, b});

    // With nothing selected, the tool waits for a click and the circle stands on its own.
    canvas.view->selectIds({});
    canvas.view->setTool(Tool::AddRedPen);
    REQUIRE(canvas.view->tool() == Tool::AddRedPen);
    click(canvas.viewport(), canvas.at(QPointF(600, 300)));
    REQUIRE(canvas.map().redPens.size() == 2);
    requireItemsMatchModel(canvas);
}

TEST_CASE("The timeline sits under the map and the scene rect holds everything", "[canvas]") {
    Id a = 0;
    Canvas canvas(1, [&](model::Project& p, model::Map& m) {
        a = addStep(p, m, "A", 0, 0);
        addStep(p, m, "B", 240, 0);
    });
    app::MapScene* scene = canvas.view->mapScene();
    const QRectF bounds = render::mapBounds(canvas.map());
    REQUIRE(
        scene->timelineItem()->rect() ==
        render::timelineRect(
            bounds, canvas.view->mapScene()->document().metrics(scene->mapId())->timeline.size()));
    REQUIRE(scene->sceneRect().contains(scene->contentRect()));

    // Moving a step far down takes the timeline along (once the event loop turns).
    canvas.view->selectIds({a});
    canvas.view->nudgeSelection(QPointF(0, 2000));
    QApplication::processEvents();
    REQUIRE(scene->timelineItem()->rect().top() > 2000);
    REQUIRE(scene->sceneRect().contains(scene->contentRect()));
}

TEST_CASE("A long stream on a narrow map wraps its timeline onto rows", "[canvas]") {
    Canvas canvas(1, [&](model::Project& p, model::Map& m) {
        // 40 steps in four columns: the map is narrow, the ladder has 40 rungs.
        Id previous = model::kNoId;
        for (int i = 0; i < 40; ++i) {
            const Id step =
                addStep(p, m, "S" + std::to_string(i + 1), (i % 4) * 240.0, (i / 4) * 320.0);
            m.steps.at(step).processTime = 60;
            if (previous != model::kNoId)
                addFlow(p, m, previous, step);
            previous = step;
        }
    });
    app::MapScene* scene = canvas.view->mapScene();
    const metrics::MapMetrics* figures = canvas.document.metrics(scene->mapId());
    REQUIRE(figures != nullptr);
    REQUIRE(figures->valid);
    REQUIRE(figures->timeline.size() == 40);
    QApplication::processEvents();
    const QRectF ladder = scene->timelineItem()->rect();
    // Rows of rungs at least kMinimumRungWidth wide, not one row of 10-unit rungs.
    CHECK(ladder.height() > 2 * render::kTimelineHeight);
    CHECK(ladder.width() < 1400);
    REQUIRE(scene->sceneRect().contains(scene->contentRect()));
    CHECK(scene->contentRect().contains(ladder));
}

TEST_CASE("A fitted map stays fitted when its content grows", "[canvas]") {
    Id a = 0;
    Canvas canvas(1, [&](model::Project& p, model::Map& m) {
        a = addStep(p, m, "A", 0, 0);
        addStep(p, m, "B", 240, 0);
    });
    canvas.view->fitToWindow();
    canvas.view->selectIds({a});
    canvas.view->nudgeSelection(QPointF(0, 3000));
    QApplication::processEvents();
    const QRectF shown =
        canvas.view->mapToScene(canvas.viewport()->rect()).boundingRect().adjusted(-1, -1, 1, 1);
    CHECK(shown.contains(canvas.view->mapScene()->contentRect()));
    // Zoomed by hand, the view keeps its zoom.
    canvas.view->actualSize();
    canvas.view->nudgeSelection(QPointF(0, 3000));
    QApplication::processEvents();
    CHECK(canvas.view->zoom() == Approx(1.0));
}

TEST_CASE("Red pens take their captions where the label layout puts them", "[canvas]") {
    Id penA = model::kNoId;
    Id penB = model::kNoId;
    Canvas canvas(1, [&](model::Project& p, model::Map& m) {
        const Id a = addStep(p, m, "A", 0, 0);
        const Id b = addStep(p, m, "B", 232, 0);
        addFlow(p, m, a, b);
        for (auto [target, pen] : {std::pair{a, &penA}, std::pair{b, &penB}}) {
            model::RedPen red;
            red.id = p.allocateId();
            red.targets = {target};
            red.reason = "Waiting for the signature of the department head, who travels a lot "
                         "and signs on Fridays only, if at all, and only on paper";
            m.redPens.emplace(red.id, red);
            *pen = red.id;
        }
    });
    app::MapScene* scene = canvas.view->mapScene();
    QApplication::processEvents();
    const render::LabelLayout& labels = scene->labels();
    REQUIRE(labels.size() == 2);
    CHECK_FALSE(labels.at(penA).box.intersects(labels.at(penB).box));
    for (Id pen : {penA, penB}) {
        const QGraphicsItem* item = scene->itemFor(pen);
        REQUIRE(item != nullptr);
        // The item repaints where its caption is, and a shortened caption has its tooltip.
        CHECK(item->boundingRect().contains(labels.at(pen).box));
        CHECK(item->boundingRect().contains(scene->overviewLabels().at(pen).box));
        const bool shortened =
            labels.at(pen).shortened || scene->overviewLabels().at(pen).shortened;
        CHECK(item->toolTip() == (shortened ? labels.at(pen).fullText : QString()));
    }
    // Moving one step moves the layout with it.
    const QRectF before = labels.at(penB).box;
    canvas.view->selectIds({canvas.map().redPens.at(penB).targets.front()});
    canvas.view->nudgeSelection(QPointF(0, 800));
    QApplication::processEvents();
    CHECK(scene->labels().at(penB).box.top() > before.top() + 700);
    CHECK(scene->itemFor(penB)->boundingRect().contains(scene->labels().at(penB).box));
}

TEST_CASE("The palette offers every shape and flow kind as actions", "[canvas][palette]") {
    app::Palette palette;
    const QList<QAction*> actions = palette.actions();
    REQUIRE(actions.size() == 15); // select, 8 shapes, 6 flow kinds
    QSignalSpy tools(&palette, &app::Palette::toolChosen);
    QSignalSpy kinds(&palette, &app::Palette::connectKindChosen);

    auto action = [&](const char* name) {
        for (QAction* a : actions)
            if (a->objectName() == QLatin1String(name))
                return a;
        FAIL("no action " << name);
        return static_cast<QAction*>(nullptr);
    };
    action("toolStep")->trigger();
    REQUIRE(tools.count() == 1);
    REQUIRE(tools.last().at(0).value<Tool>() == Tool::AddStep);
    REQUIRE(action("toolStep")->shortcut() == QKeySequence(Qt::Key_S));

    action("flowFifo")->trigger();
    REQUIRE(kinds.count() == 1);
    REQUIRE(kinds.last().at(0).value<model::FlowKind>() == model::FlowKind::Fifo);
    // C connects with the kind chosen last.
    REQUIRE(action("flowFifo")->shortcut() == QKeySequence(Qt::Key_C));
    REQUIRE(action("flowPush")->shortcut().isEmpty());

    palette.showTool(Tool::AddNote);
    REQUIRE(action("toolNote")->isChecked());
    REQUIRE_FALSE(action("flowFifo")->isChecked());

    // Every pictogram is a valid SVG in the resources.
    for (QAction* a : actions) {
        INFO(a->objectName().toStdString());
        REQUIRE_FALSE(a->icon().isNull());
        REQUIRE_FALSE(a->icon().pixmap(24, 24).isNull());
    }
    for (const char* name : {"select", "step", "wait", "inventory", "supplier", "customer",
                             "info_box", "note", "red_pen", "push", "pull", "fifo",
                             "manual_information", "electronic_information", "shipment"}) {
        INFO(name);
        QSvgRenderer svg(QStringLiteral(":/gemba/icons/%1.svg").arg(QLatin1String(name)));
        REQUIRE(svg.isValid());
        REQUIRE(svg.viewBox() == QRect(0, 0, 24, 24));
    }
}

// Not run by default: `app_tests "[.screenshot]"` writes PNGs of a realistic map (at fit and
// at 100%) into $GEMBA_SCREENSHOT_DIR (default: the working directory), to look at.
TEST_CASE("Screenshots of a realistic map", "[.screenshot]") {
    Canvas canvas(1, [](model::Project& p, model::Map& m) {
        p.props.name = "Customer onboarding";
        m.props.name = "Current state";
        m.props.demand = model::Demand{20, model::DemandPeriod::Week};
        model::System crm{p.allocateId(), "CRM", model::SystemKind::Application};
        model::System sheet{p.allocateId(), "Onboarding sheet", model::SystemKind::Spreadsheet};
        model::System mail{p.allocateId(), "Email", model::SystemKind::Email};
        for (const model::System& s : {crm, sheet, mail})
            p.systems.emplace(s.id, s);
        model::Person anna{p.allocateId(), "Anna", "Sales ops", 55.0};
        model::Person ben{p.allocateId(), "Ben", "Finance", 60.0};
        model::Person chris{p.allocateId(), "Chris", "IT support", 65.0};
        for (const model::Person& person : {anna, ben, chris})
            p.people.emplace(person.id, person);

        model::Party sales{p.allocateId(), 0, model::PartyKind::Supplier, "Sales team", "", {}};
        model::Party client{p.allocateId(), 0, model::PartyKind::Customer, "New customer", "", {}};
        m.parties.emplace(sales.id, sales);
        m.parties.emplace(client.id, client);
        model::InfoBox control{p.allocateId(), 0, "CRM pipeline", "Weekly review", {}};
        m.infoBoxes.emplace(control.id, control);

        auto step = [&](const std::string& name, double ptMin, double ltHours, double pca,
                        const std::string& role, std::vector<Id> people, std::vector<Id> systems) {
            model::Step s = makeStep(p, name, 0, 0);
            s.processTime = ptMin * 60;
            s.leadTime = ltHours * 3600;
            s.pca = pca;
            s.role = role;
            s.people = std::move(people);
            s.systems = std::move(systems);
            m.steps.emplace(s.id, s);
            return s.id;
        };
        const Id receive =
            step("Receive signed contract", 10, 8, 70, "Sales ops", {anna.id}, {crm.id, mail.id});
        const Id credit = step("Check credit", 30, 8, 90, "Finance", {ben.id}, {crm.id, sheet.id});
        const Id account =
            step("Set up account and access", 45, 24, 80, "IT support", {chris.id}, {crm.id});
        const Id copy = step("Copy customer data into the onboarding spreadsheet", 20, 4, 60,
                             "Sales ops", {anna.id}, {crm.id, sheet.id});
        const Id welcome = step("Send welcome pack", 15, 8, 95, "Sales ops", {anna.id}, {mail.id});
        m.steps.at(copy).value = model::ValueClass::Waste;
        m.steps.at(credit).value = model::ValueClass::NecessaryNonValueAdding;

        model::Wait inbox;
        inbox.id = p.allocateId();
        inbox.label = "Finance inbox";
        inbox.time = 2 * 8 * 3600.0;
        m.waits.emplace(inbox.id, inbox);
        model::Wait backlog;
        backlog.id = p.allocateId();
        backlog.kind = model::WaitKind::Inventory;
        backlog.label = "IT ticket backlog";
        backlog.quantity = 12;
        m.waits.emplace(backlog.id, backlog);

        addFlow(p, m, sales.id, receive, model::FlowKind::Push);
        addFlow(p, m, receive, inbox.id);
        addFlow(p, m, inbox.id, credit);
        addFlow(p, m, credit, backlog.id);
        addFlow(p, m, backlog.id, account);
        const Id lane = addFlow(p, m, account, copy, model::FlowKind::Fifo);
        m.flows.at(lane).fifoMax = 10;
        addFlow(p, m, copy, welcome);
        addFlow(p, m, welcome, client.id, model::FlowKind::Shipment);
        addFlow(p, m, control.id, receive, model::FlowKind::ElectronicInformation);
        addFlow(p, m, control.id, account, model::FlowKind::ManualInformation);

        model::RedPen pen;
        pen.id = p.allocateId();
        pen.targets = {copy};
        pen.reason = "Retyping from the CRM";
        pen.cost = 7800;
        m.redPens.emplace(pen.id, pen);
        model::Note note;
        note.id = p.allocateId();
        note.text = "Credit checks wait for the weekly finance meeting.";
        m.notes.emplace(note.id, note);

        for (const auto& [id, point] : render::autoLayout(m)) {
            if (auto s = m.steps.find(id); s != m.steps.end())
                s->second.pos = point;
            else if (auto w = m.waits.find(id); w != m.waits.end())
                w->second.pos = point;
            else if (auto pa = m.parties.find(id); pa != m.parties.end())
                pa->second.pos = point;
            else if (auto b = m.infoBoxes.find(id); b != m.infoBoxes.end())
                b->second.pos = point;
            else if (auto n = m.notes.find(id); n != m.notes.end())
                n->second.pos = point;
        }
    });
    canvas.view->resize(1600, 900);
    canvas.document.flushMetrics();
    const QString dir = qEnvironmentVariableIsSet("GEMBA_SCREENSHOT_DIR")
                            ? qEnvironmentVariable("GEMBA_SCREENSHOT_DIR")
                            : QStringLiteral(".");
    canvas.view->fitToWindow();
    REQUIRE(canvas.view->grab().save(dir + QStringLiteral("/canvas-fit.png")));
    canvas.view->actualSize();
    const Id first = canvas.map().steps.begin()->first;
    canvas.view->selectIds({first});
    canvas.view->centerOn(canvas.view->mapScene()->itemFor(first)->pos() + QPointF(500, 80));
    REQUIRE(canvas.view->grab().save(dir + QStringLiteral("/canvas-100.png")));

    app::Palette palette;
    palette.resize(palette.sizeHint());
    REQUIRE(palette.grab().save(dir + QStringLiteral("/palette.png")));

    // The pictograms large, and at the sizes a toolbar uses.
    const QList<QAction*> actions = palette.actions();
    QImage sheet(static_cast<int>(actions.size()) * 72, 72 + 40, QImage::Format_ARGB32);
    sheet.fill(Qt::white);
    QPainter painter(&sheet);
    for (int i = 0; i < actions.size(); ++i) {
        const QIcon icon = actions[i]->icon();
        painter.drawPixmap(i * 72 + 4, 4, icon.pixmap(64, 64));
        painter.drawPixmap(i * 72 + 4, 76, icon.pixmap(16, 16));
        painter.drawPixmap(i * 72 + 28, 76, icon.pixmap(32, 32));
    }
    painter.end();
    REQUIRE(sheet.save(dir + QStringLiteral("/palette-icons.png")));
}

// Not run by default: a map captured from scratch with the quick-capture line, as in a
// workshop (five steps typed in a row, then one inserted after the second), into
// $GEMBA_SCREENSHOT_DIR/canvas-capture.png.
TEST_CASE("Screenshot of a captured map", "[.screenshot]") {
    Canvas canvas;
    canvas.view->resize(1600, 900);
    std::vector<Id> steps;
    const std::pair<const char*, double> typed[] = {{"Receive request", 10},
                                                    {"Check budget", 30},
                                                    {"Approve", 5},
                                                    {"Order from supplier", 20},
                                                    {"Confirm delivery", 10}};
    for (const auto& [name, minutes] : typed) {
        model::QuickCapture capture;
        capture.name = name;
        capture.processTime = minutes * 60;
        capture.leadTime = minutes * 60 * 12;
        steps.push_back(canvas.view->addCapturedStep(capture));
    }
    canvas.view->selectIds({steps[1]});
    model::QuickCapture inserted;
    inserted.name = "Ask the cost centre owner";
    inserted.processTime = 15 * 60;
    inserted.leadTime = 2 * 8 * 3600.0;
    canvas.view->addCapturedStep(inserted);
    canvas.document.flushMetrics();
    canvas.view->fitToWindow();
    const QString dir = qEnvironmentVariableIsSet("GEMBA_SCREENSHOT_DIR")
                            ? qEnvironmentVariable("GEMBA_SCREENSHOT_DIR")
                            : QStringLiteral(".");
    REQUIRE(canvas.view->grab().save(dir + QStringLiteral("/canvas-capture.png")));
}

// Not run by default: the example projects as the canvas shows them, one PNG per map, into
// $GEMBA_SCREENSHOT_DIR (default: the working directory).
TEST_CASE("Screenshots of the example projects", "[.screenshot]") {
    const QString dir = qEnvironmentVariableIsSet("GEMBA_SCREENSHOT_DIR")
                            ? qEnvironmentVariable("GEMBA_SCREENSHOT_DIR")
                            : QStringLiteral(".");
    const QDir examples(QStringLiteral(GEMBA_SOURCE_DIR "/examples"));
    const QStringList files = examples.entryList({QStringLiteral("*.gemba")}, QDir::Files);
    REQUIRE_FALSE(files.isEmpty());
    for (const QString& file : files) {
        INFO(file.toStdString());
        app::EditorDocument document;
        QString error;
        REQUIRE(document.open(examples.filePath(file), &error));
        document.flushMetrics();
        for (const model::Map& map : document.project().maps) {
            MapView view(document, map.id);
            view.resize(1600, 900);
            view.show();
            view.fitToWindow();
            const QString name = QFileInfo(file).baseName() + QLatin1Char('-') +
                                 QString::number(map.id) + QStringLiteral(".png");
            REQUIRE(view.grab().save(dir + QLatin1Char('/') + name));
        }
    }
}
