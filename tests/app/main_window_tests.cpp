// Tests of the editor's main window, driven through its actions as a user would: add steps,
// connect them, edit their properties, read the metrics panel, undo everything, redo, save and
// open again, and the safety nets (autosave, recovery, the unsaved-work prompt).

#include "canvas/map_view.h"
#include "editor_document.h"
#include "gemba/metrics/metrics.h"
#include "gemba/model/document.h"
#include "gemba/model/operations.h"
#include "gemba/model/units.h"
#include "gemba/store/project_file.h"
#include "main_window.h"
#include "panels/field_edits.h"
#include "recovery.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>
#include <catch2/catch.hpp>
#include <map>
#include <set>

using namespace gemba;
using app::MainWindow;
using model::Id;

namespace {

MainWindow::Options testOptions(const QTemporaryDir& dir) {
    MainWindow::Options options;
    options.recoveryFolder = dir.filePath(QStringLiteral("recovery"));
    options.offerRecovery = false;
    return options;
}

void trigger(MainWindow& window, const char* name) {
    auto* action = window.findChild<QAction*>(QString::fromLatin1(name));
    REQUIRE(action);
    REQUIRE(action->isEnabled());
    action->trigger();
    QApplication::processEvents();
}

/// Types a line into the quick-capture bar and presses Enter.
void capture(MainWindow& window, const QString& line) {
    trigger(window, "actionQuickCapture");
    auto* edit = window.findChild<QLineEdit*>(QStringLiteral("quickCaptureEdit"));
    REQUIRE(edit);
    edit->clear();
    QTest::keyClicks(edit, line);
    QTest::keyClick(edit, Qt::Key_Return);
    QApplication::processEvents();
}

const model::Map& currentMap(MainWindow& window) {
    const model::Map* map = window.document().map(window.currentMap());
    REQUIRE(map);
    return *map;
}

Id stepNamed(const model::Map& map, const std::string& name) {
    for (const auto& [id, step] : map.steps)
        if (step.name == name)
            return id;
    FAIL("no step named " << name);
    return model::kNoId;
}

/// A widget of a panel, found by its object name.
template <class W> W* inPanel(MainWindow& window, const char* panel, const char* name) {
    auto* host = window.findChild<QWidget*>(QString::fromLatin1(panel));
    REQUIRE(host);
    W* widget = host->findChild<W*>(QString::fromLatin1(name));
    REQUIRE(widget);
    return widget;
}

/// Replaces a line edit's text as a user would, then Enter.
void typeAndEnter(QLineEdit* edit, const QString& text) {
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Return);
    QApplication::processEvents();
}

/// Answers the next modal message box with `button` once it shows.
void answerNextMessageBox(QMessageBox::StandardButton button) {
    QTimer::singleShot(0, [button] {
        for (int i = 0; i < 50; ++i) {
            if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
                box->button(button)->click();
                return;
            }
            QTest::qWait(20);
        }
    });
}

} // namespace

TEST_CASE("A session through the actions: add, connect, edit, measure, undo, redo, save, open",
          "[mainwindow]") {
    QTemporaryDir dir;
    MainWindow window(testOptions(dir));
    window.resize(1400, 900);
    window.show();
    app::EditorDocument& doc = window.document();
    const model::Project start = doc.project();
    REQUIRE(window.currentView());

    // Steps dictated in a workshop: each one lands after the selected one, joined to it.
    capture(window, QStringLiteral("Receive order 30 min 2 h"));
    capture(window, QStringLiteral("Check credit 1 h 1 d"));
    const model::Map& map = currentMap(window);
    REQUIRE(map.steps.size() == 2);
    const Id receive = stepNamed(map, "Receive order");
    const Id check = stepNamed(map, "Check credit");
    REQUIRE(map.flows.size() == 1);
    CHECK(map.flows.begin()->second.from == receive);
    CHECK(map.flows.begin()->second.to == check);

    // A third step from the palette, connected with an electronic information flow chosen
    // through its palette action.
    app::MapView* view = window.currentView();
    trigger(window, "toolStep");
    const Id ship = view->addElement(view->tool(), QPointF(800, 0));
    REQUIRE(ship != model::kNoId);
    trigger(window, "flowElectronicInformation");
    CHECK(view->tool() == app::Tool::Connect);
    const Id signal = view->connect(check, ship);
    REQUIRE(currentMap(window).flows.at(signal).kind == model::FlowKind::ElectronicInformation);
    // ...and made a work flow through the palette's push action.
    trigger(window, "flowPush");
    const Id push = view->connect(check, ship);
    REQUIRE(push != model::kNoId);

    // Edit the new step in the properties panel: select it, type its name and times.
    view->selectIds({ship});
    QApplication::processEvents();
    typeAndEnter(inPanel<QLineEdit>(window, "propertiesPanel", "name"),
                 QStringLiteral("Ship goods"));
    typeAndEnter(inPanel<app::DurationEdit>(window, "propertiesPanel", "processTime"),
                 QStringLiteral("15 min"));
    const model::Step& shipped = currentMap(window).steps.at(ship);
    CHECK(shipped.name == "Ship goods");
    CHECK(shipped.processTime == 900.0);

    // The metrics panel shows the engine's numbers: 2 h + 1 d (8 h) + 15 min = 10.25 h of
    // lead time; 30 min + 1 h + 15 min = 1.75 h of process time; ratio 1.75 / 10.25 = 17.1%.
    doc.flushMetrics();
    const metrics::MapMetrics* m = doc.metrics(window.currentMap());
    REQUIRE(m->valid);
    CHECK(m->leadTime == Approx(10.25 * 3600));
    CHECK(m->processTime == Approx(1.75 * 3600));
    // In the unit of the map's step times (15, 30 and 60 min): minutes.
    CHECK(inPanel<QLabel>(window, "metricsPanel", "processTime")->text() == "105 min");
    CHECK(inPanel<QLabel>(window, "metricsPanel", "activityRatio")->text() == "17.1%");

    // Title: the project's name and the modified mark.
    CHECK(window.isWindowModified());
    CHECK(window.windowTitle().contains(QStringLiteral("New value stream")));

    // Undo everything: back to a document identical to the start.
    const model::Project end = doc.project();
    QUndoStack* stack = doc.undoStack();
    const int steps = stack->count();
    CHECK(steps >= 6);
    while (stack->canUndo())
        trigger(window, "actionUndo");
    CHECK(model::sameContent(doc.project(), start));
    CHECK_FALSE(window.isWindowModified());

    // Redo everything: back to the end.
    while (stack->canRedo())
        trigger(window, "actionRedo");
    CHECK(model::sameContent(doc.project(), end));

    // Save, and open in a fresh window: the same project.
    const QString path = dir.filePath(QStringLiteral("session.gemba"));
    REQUIRE(window.saveFile(path));
    CHECK_FALSE(window.isWindowModified());
    CHECK(window.windowTitle().startsWith(QStringLiteral("session.gemba")));
    MainWindow reopened(testOptions(dir));
    REQUIRE(reopened.openFile(path));
    CHECK(reopened.document().project() == doc.project());
    CHECK(reopened.document().filePath() == path);
}

TEST_CASE("A future state made from a map keeps each step's origin", "[mainwindow]") {
    QTemporaryDir dir;
    MainWindow window(testOptions(dir));
    capture(window, QStringLiteral("Draft 1 h"));
    capture(window, QStringLiteral("Review 30 min 1 d"));
    const Id current = window.currentMap();
    trigger(window, "actionNewFutureState");
    const Id future = window.currentMap();
    REQUIRE(future != current);
    const model::Map& futureMap = *window.document().map(future);
    CHECK(futureMap.props.state == model::MapState::Future);
    CHECK(futureMap.props.madeFrom == current);
    const model::Map& currentMapRef = *window.document().map(current);
    REQUIRE(futureMap.steps.size() == 2);
    for (const auto& [id, step] : futureMap.steps)
        CHECK(currentMapRef.steps.at(step.origin).name == step.name);
    // One undo step takes the new map away again.
    trigger(window, "actionUndo");
    CHECK(window.document().project().maps.size() == 1);
}

TEST_CASE("Importing a CSV step table adds a map as one undo step", "[mainwindow]") {
    QTemporaryDir dir;
    MainWindow window(testOptions(dir));
    const QString csv = dir.filePath(QStringLiteral("orders.csv"));
    QFile file(csv);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write("name,process time,lead time,role,systems\n"
               "Take order,10 min,1 h,Sales,CRM\n"
               "Check stock,5 min,2 h,Warehouse,ERP;Spreadsheet\n");
    file.close();
    const std::size_t systemsBefore = window.document().project().systems.size();
    REQUIRE(window.importCsv(csv));
    const model::Map& map = currentMap(window);
    CHECK(map.props.name == "orders");
    CHECK(map.steps.size() == 2);
    CHECK(window.document().project().systems.size() == systemsBefore + 3);
    trigger(window, "actionUndo");
    CHECK(window.document().project().maps.size() == 1);
    CHECK(window.document().project().systems.size() == systemsBefore);
}

TEST_CASE("Importing a CSV map table adds its map, people and systems as one undo step",
          "[mainwindow]") {
    QTemporaryDir dir;
    MainWindow window(testOptions(dir));
    const QString csv = dir.filePath(QStringLiteral("table.csv"));
    QFile file(csv);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write("type,name,process time,wait,staff,systems,hourly rate\r\n"
               "map,Desk,,,,,\r\n"
               "person,Ana Ruiz,,,,,50\r\n"
               "supplier,Post,,,,,\r\n"
               "step,Open,5 min,,Ana Ruiz,Mailroom,\r\n"
               "wait,,,1 h,,,\r\n"
               "customer,Client,,,,,\r\n");
    file.close();
    const model::Project before = window.document().project();
    REQUIRE(window.importCsv(csv));
    const model::Map& map = currentMap(window);
    CHECK(map.props.name == "Desk"); // the table's name, not the file's
    CHECK(map.parties.size() == 2);
    CHECK(map.flows.size() == 3);
    CHECK(window.document().project().people.size() == before.people.size() + 1);
    CHECK(window.document().project().systems.size() == before.systems.size() + 1);
    trigger(window, "actionUndo");
    CHECK(window.document().project().maps.size() == before.maps.size());
    CHECK(window.document().project().people.size() == before.people.size());
}

TEST_CASE("Autosave writes unsaved work and a later session offers it back", "[mainwindow]") {
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("recovery"));
    QString autosaved;
    {
        MainWindow window(testOptions(dir));
        capture(window, QStringLiteral("Pick 2 min"));
        REQUIRE(window.recovery().writeNow());
        autosaved = window.recovery().recoveryFile();
        REQUIRE(QFile::exists(autosaved));
        // Nothing changed since: no second write.
        CHECK_FALSE(window.recovery().writeNow());
        // The running session's work is not offered to anyone else.
        CHECK(app::Recovery::leftBehind(folder).isEmpty());
        // A crash leaves the files behind: keep a copy, as the crashed session would have.
        QFile::copy(autosaved, folder + QStringLiteral("/crashed.gemba"));
        QString description = autosaved;
        description.replace(QStringLiteral(".gemba"), QStringLiteral(".json"));
        QFile::copy(description, folder + QStringLiteral("/crashed.json"));
        window.document().undoStack()->setClean(); // close without a prompt
    }
    // A clean close removes the session's own files.
    CHECK_FALSE(QFile::exists(autosaved));
    const auto found = app::Recovery::leftBehind(folder);
    REQUIRE(found.size() == 1);

    MainWindow::Options options = testOptions(dir);
    MainWindow next(options);
    answerNextMessageBox(QMessageBox::Yes);
    next.offerRecovery();
    const model::Map& map = currentMap(next);
    REQUIRE(map.steps.size() == 1);
    CHECK(map.steps.begin()->second.name == "Pick");
    CHECK(next.document().isModified());
    CHECK(app::Recovery::leftBehind(folder).isEmpty());
}

TEST_CASE("Saving clears the autosave; a save that fails keeps the work modified", "[mainwindow]") {
    QTemporaryDir dir;
    MainWindow window(testOptions(dir));
    capture(window, QStringLiteral("Pack 3 min"));
    REQUIRE(window.recovery().writeNow());
    const QString autosaved = window.recovery().recoveryFile();
    REQUIRE(QFile::exists(autosaved));
    REQUIRE(window.saveFile(dir.filePath(QStringLiteral("pack.gemba"))));
    CHECK_FALSE(QFile::exists(autosaved));

    capture(window, QStringLiteral("Label 1 min"));
    answerNextMessageBox(QMessageBox::Ok);
    CHECK_FALSE(window.saveFile(dir.filePath(QStringLiteral("missing/folder/pack.gemba"))));
    CHECK(window.isWindowModified());
    CHECK(window.document().filePath() == dir.filePath(QStringLiteral("pack.gemba")));
}

TEST_CASE("Closing with unsaved work asks first", "[mainwindow]") {
    QTemporaryDir dir;
    MainWindow window(testOptions(dir));
    window.show();
    capture(window, QStringLiteral("Weigh 1 min"));
    answerNextMessageBox(QMessageBox::Cancel);
    CHECK_FALSE(window.close());
    CHECK(window.isVisible());
    answerNextMessageBox(QMessageBox::Discard);
    CHECK(window.close());
}

TEST_CASE("Opening a file that is not a project says so and changes nothing", "[mainwindow]") {
    QTemporaryDir dir;
    MainWindow window(testOptions(dir));
    capture(window, QStringLiteral("Sort 1 min"));
    const model::Project before = window.document().project();
    const QString junk = dir.filePath(QStringLiteral("junk.gemba"));
    QFile file(junk);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write("this is not a database");
    file.close();
    answerNextMessageBox(QMessageBox::Ok);
    CHECK_FALSE(window.openFile(junk));
    CHECK(window.document().project() == before);
}

TEST_CASE("Presentation mode hides the panels and brings them back", "[mainwindow]") {
    QTemporaryDir dir;
    MainWindow window(testOptions(dir));
    window.show();
    auto* properties = window.findChild<QDockWidget*>(QStringLiteral("dockProperties"));
    REQUIRE(properties->isVisible());
    trigger(window, "actionPresentation");
    CHECK(window.isPresenting());
    CHECK_FALSE(properties->isVisible());
    CHECK(window.findChild<QToolBar*>(QStringLiteral("toolBarQuickCapture"))->isVisible());
    trigger(window, "actionLeavePresentation");
    CHECK_FALSE(window.isPresenting());
    CHECK(properties->isVisible());
}

TEST_CASE("Maps: new, rename through the model, delete with undo", "[mainwindow]") {
    QTemporaryDir dir;
    MainWindow window(testOptions(dir));
    CHECK_FALSE(window.findChild<QAction*>(QStringLiteral("actionDeleteMap"))->isEnabled());
    trigger(window, "actionNewMap");
    REQUIRE(window.document().project().maps.size() == 2);
    auto* tabs = window.findChild<QTabWidget*>(QStringLiteral("mapTabs"));
    CHECK(tabs->count() == 2);
    CHECK(tabs->tabText(1) == "Map 2");
    answerNextMessageBox(QMessageBox::Yes);
    trigger(window, "actionDeleteMap");
    CHECK(window.document().project().maps.size() == 1);
    CHECK(tabs->count() == 1);
    trigger(window, "actionUndo");
    CHECK(tabs->count() == 2);
}

namespace {

/// Counts the events a window gets after its document began to go: none may arrive, the window
/// is half destroyed by then.
class LateEvents : public QObject {
public:
    bool dying = false;
    int late = 0;
    bool eventFilter(QObject*, QEvent* event) override {
        if (dying &&
            (event->type() == QEvent::ModifiedChange || event->type() == QEvent::WindowTitleChange))
            ++late;
        return false;
    }
};

} // namespace

TEST_CASE("A closing window runs nothing of its own while it is being destroyed", "[mainwindow]") {
    QTemporaryDir dir;
    LateEvents watcher;
    {
        auto* window = new MainWindow(testOptions(dir));
        window->show();
        // Unsaved work: clearing the undo stack makes the document unmodified, which once
        // reached MainWindow::updateTitle on the dying window.
        capture(*window, QStringLiteral("Receive order 30 min"));
        capture(*window, QStringLiteral("Check credit 1 h"));
        REQUIRE(window->document().isModified());
        REQUIRE(window->isWindowModified());
        window->installEventFilter(&watcher);
        QObject::connect(&window->document(), &QObject::destroyed,
                         [&watcher] { watcher.dying = true; });
        QObject::connect(window->document().undoStack(), &QObject::destroyed,
                         [&watcher] { watcher.dying = true; });
        delete window;
    }
    CHECK(watcher.dying);
    CHECK(watcher.late == 0);
}

TEST_CASE("A red pen deleted with its step can be kept from the notice, as one undo step",
          "[mainwindow]") {
    QTemporaryDir dir;
    MainWindow window(testOptions(dir));
    window.resize(1400, 900);
    window.show();
    app::EditorDocument& doc = window.document();
    capture(window, QStringLiteral("Receive order 30 min"));
    capture(window, QStringLiteral("Check credit 1 h"));
    const Id mapId = window.currentMap();
    const Id check = stepNamed(currentMap(window), "Check credit");
    const model::Point stood = currentMap(window).steps.at(check).pos;
    model::RedPen pen;
    pen.id = doc.allocateId();
    pen.reason = "Credit checked by hand";
    pen.cost = 3000;
    pen.targets = {check};
    doc.push(model::makeAdd(mapId, pen));

    auto* notice = window.findChild<QWidget*>(QStringLiteral("noticeBar"));
    REQUIRE(notice);
    CHECK(notice->isHidden());
    QUndoStack* stack = doc.undoStack();

    window.currentView()->selectIds({check});
    trigger(window, "actionDelete");
    // The delete went through at once, pen and all; the notice offers to keep the pen.
    CHECK_FALSE(currentMap(window).steps.contains(check));
    CHECK_FALSE(currentMap(window).redPens.contains(pen.id));
    REQUIRE(notice->isVisible());
    auto* text = notice->findChild<QLabel*>(QStringLiteral("noticeText"));
    REQUIRE(text);
    CHECK(text->text() == "Red pen “Credit checked by hand” went with what it marked.");
    auto* keep = notice->findChild<QAbstractButton*>(QStringLiteral("noticeAction"));
    REQUIRE(keep);
    CHECK(keep->text() == "Keep It");
    const int afterDelete = stack->index();

    QTest::mouseClick(keep, Qt::LeftButton);
    QApplication::processEvents();
    CHECK(notice->isHidden());
    REQUIRE(currentMap(window).redPens.contains(pen.id));
    const model::RedPen& kept = currentMap(window).redPens.at(pen.id);
    CHECK(kept.targets.empty());
    CHECK(kept.reason == pen.reason);
    CHECK(kept.cost == pen.cost);
    CHECK(kept.pos == stood); // drawn where its step stood
    CHECK(stack->index() == afterDelete + 1);
    doc.flushMetrics();
    CHECK(doc.metrics(mapId)->redPenCostPerYear == 3000);

    // One undo takes the kept pen away again; the next brings step and pen back as they were.
    trigger(window, "actionUndo");
    CHECK_FALSE(currentMap(window).redPens.contains(pen.id));
    CHECK_FALSE(currentMap(window).steps.contains(check));
    trigger(window, "actionUndo");
    CHECK(currentMap(window).steps.contains(check));
    CHECK(currentMap(window).redPens.at(pen.id).targets == std::vector<Id>{check});

    // The next change closes the notice: it is about the delete just made.
    window.currentView()->selectIds({check});
    trigger(window, "actionDelete");
    REQUIRE(notice->isVisible());
    capture(window, QStringLiteral("Ship 10 min"));
    CHECK(notice->isHidden());
}

namespace {

/// A project of one map: a chain of `count` steps of 10 min each.
model::Project chainProject(int count) {
    model::Project project;
    project.props.name = "Long stream";
    model::Map map;
    map.id = project.allocateId();
    map.props.name = "Current state";
    Id previous = model::kNoId;
    for (int i = 0; i < count; ++i) {
        model::Step step;
        step.id = project.allocateId();
        step.name = "Step " + std::to_string(i + 1);
        step.processTime = 600;
        step.pos = {i * 40.0, (i % 3) * 50.0}; // untidy on purpose
        map.steps[step.id] = step;
        if (previous != model::kNoId) {
            model::Flow flow;
            flow.id = project.allocateId();
            flow.from = previous;
            flow.to = step.id;
            map.flows[flow.id] = flow;
        }
        previous = step.id;
    }
    project.maps.push_back(map);
    return project;
}

/// How many rows the map's steps stand on.
std::size_t rowsOf(const model::Map& map) {
    std::set<double> rows;
    for (const auto& [id, step] : map.steps)
        rows.insert(step.pos.y);
    return rows.size();
}

std::map<Id, model::Point> positionsOf(const model::Map& map) {
    std::map<Id, model::Point> out;
    for (const auto& [id, step] : map.steps)
        out[id] = step.pos;
    return out;
}

} // namespace

TEST_CASE("Auto layout wraps a long stream when its option is on, as Serpentine Layout does",
          "[mainwindow]") {
    QTemporaryDir dir;
    MainWindow window(testOptions(dir));
    window.resize(1400, 900);
    window.show();
    app::EditorDocument& doc = window.document();
    doc.resetProject(chainProject(30), false);
    QApplication::processEvents();
    auto* wrap = window.findChild<QAction*>(QStringLiteral("actionWrapLongStreams"));
    REQUIRE(wrap);
    CHECK(wrap->isCheckable());
    wrap->setChecked(false);

    // Off: one row, left to right.
    trigger(window, "actionAutoLayout");
    CHECK(rowsOf(currentMap(window)) == 1);

    // Map ▸ Serpentine Layout wraps the 30 steps onto rows, in one undo step.
    const int before = doc.undoStack()->count();
    trigger(window, "actionSerpentineLayout");
    CHECK(doc.undoStack()->count() == before + 1);
    const std::size_t serpentineRows = rowsOf(currentMap(window));
    CHECK(serpentineRows > 1);
    const auto serpentine = positionsOf(currentMap(window));
    trigger(window, "actionUndo");
    CHECK(rowsOf(currentMap(window)) == 1);

    // On: Auto Layout itself wraps, to the same rows.
    wrap->setChecked(true);
    trigger(window, "actionAutoLayout");
    CHECK(rowsOf(currentMap(window)) == serpentineRows);
    CHECK(positionsOf(currentMap(window)) == serpentine);

    // A short stream, readable on one row fitted to the view (3 x 232 at half size is below
    // the view's width), stays on one row with the option on; Serpentine Layout would still
    // shape it to the view.
    doc.resetProject(chainProject(3), false);
    QApplication::processEvents();
    REQUIRE(window.currentView()->viewport()->width() > 3 * 232 / 2);
    trigger(window, "actionAutoLayout");
    CHECK(rowsOf(currentMap(window)) == 1);
    const auto oneRow = positionsOf(currentMap(window));
    wrap->setChecked(false);
    trigger(window, "actionAutoLayout");
    CHECK(positionsOf(currentMap(window)) == oneRow);
    wrap->setChecked(true);

    // The Map menu offers the option.
    bool listed = false;
    for (QAction* action : window.menuBar()->actions())
        if (action->menu())
            for (QAction* item : action->menu()->actions())
                listed = listed || item == wrap;
    CHECK(listed);
    wrap->setChecked(false);
}
