// The workshop floor: the office stream of the user guide captured through the real window
// with the keyboard only, as a facilitator types what the room calls out, and its figures
// checked against a hand calculation (docs/user-guide.md, "A whole map without the mouse").

#include "canvas/map_view.h"
#include "editor_document.h"
#include "gemba/metrics/metrics.h"
#include "gemba/model/edit.h"
#include "main_window.h"
#include "panels/quick_capture_bar.h"

#include <QApplication>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>
#include <catch2/catch.hpp>
#include <memory>
#include <set>

using namespace gemba;
using app::MainWindow;
using app::MapView;
using model::Id;

namespace {

constexpr double kHour = 3600;
constexpr double kMinute = 60;

/// The transcript, line by line, as in the user guide.
const char* const kOfficeStream[] = {
    "Close deal in CRM 30 min 1 d @Sales #CRM !va",
    "Copy order into spreadsheet 20 min 4 h 75% @Sales_ops #Excel !waste",
    "Email spreadsheet to finance 5 min @Sales_ops #Email !waste",
    "wait for finance 2 d",
    "Enter order in ERP 15 min 1 d 95% @Finance #ERP !nva",
    "inventory 40 orders",
    "Implement and configure 3 d 10 d 85% @Implementation #Jira x2 !va",
    "Go-live sign-off 1 h 2 d 90% @Customer_success #Email !nva",
    "Create invoice 20 min 1 d 90% @Finance #ERP !nva",
    "Email invoice 5 min @Finance #Email !nva",
    "Hand over to support 30 min 1 d @Customer_success #Zendesk !nva",
    "Onboarding call 1 h 30 min 1 wk @Support #Zoom !va",
};

struct Keyboard {
    MainWindow& window;

    QWidget* focus() const { return QApplication::focusWidget(); }
    void press(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
        QWidget* target = focus();
        REQUIRE(target);
        QTest::keyClick(target, static_cast<Qt::Key>(key), modifiers);
        QApplication::processEvents();
    }
    QLineEdit* line() const {
        return window.findChild<QLineEdit*>(QStringLiteral("quickCaptureEdit"));
    }
    /// Types a line into the focused capture line and presses Enter.
    void say(const QString& text) {
        REQUIRE(focus() == line());
        QTest::keyClicks(line(), text);
        QTest::keyClick(line(), Qt::Key_Return);
        QApplication::processEvents();
        auto* bar = window.findChild<app::QuickCaptureBar*>(QStringLiteral("quickCaptureBar"));
        INFO(text.toStdString() << " -> " << bar->errorText().toStdString());
        CHECK(bar->errorText().isEmpty());
        CHECK(line()->text().isEmpty());
        CHECK(focus() == line()); // the focus stays in the line
    }
};

Id stepNamed(const model::Map& map, const std::string& name) {
    for (const auto& [id, step] : map.steps)
        if (step.name == name)
            return id;
    FAIL("no step named " << name);
    return model::kNoId;
}

} // namespace

TEST_CASE("The office stream captured with the keyboard only matches the hand calculation",
          "[mainwindow][workshop]") {
    QTemporaryDir dir;
    MainWindow::Options options;
    options.recoveryFolder = dir.filePath(QStringLiteral("recovery"));
    options.offerRecovery = false;
    MainWindow window(options);
    window.resize(1600, 1000);
    window.show();
    window.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&window));
    app::EditorDocument& doc = window.document();
    const Id mapId = window.currentMap();

    // Prepared before the workshop: the map's demand, 10 orders a day (the inventory needs it).
    model::MapProps props = doc.map(mapId)->props;
    model::MapProps withDemand = props;
    withDemand.demand = model::Demand{10, model::DemandPeriod::Day};
    doc.push(std::make_unique<model::SetMapProps>(mapId, props, withDemand, "Demand"));
    window.currentView()->setFocus();

    Keyboard keys{window};
    keys.press(Qt::Key_K, Qt::ControlModifier);
    REQUIRE(keys.focus() == keys.line());
    for (const char* line : kOfficeStream)
        keys.say(QString::fromUtf8(line));

    // A slip of the tongue, undone from the line itself: Ctrl+Z undoes the map's last change.
    const std::size_t stepsBefore = doc.map(mapId)->steps.size();
    keys.say(QStringLiteral("Oops 5 min"));
    CHECK(doc.map(mapId)->steps.size() == stepsBefore + 1);
    keys.press(Qt::Key_Z, Qt::ControlModifier);
    CHECK(doc.map(mapId)->steps.size() == stepsBefore);
    CHECK(keys.focus() == keys.line());

    // Escape returns to the map; Shift+Tab walks back to the sign-off (Onboarding, Hand over,
    // Email invoice, Create invoice, Go-live), and its rework loop is said from the line.
    keys.press(Qt::Key_Escape);
    CHECK(keys.focus() == window.currentView());
    MapView* view = window.currentView();
    view->selectIds({stepNamed(*doc.map(mapId), "Onboarding call")}, false);
    for (int i = 0; i < 4; ++i)
        keys.press(Qt::Key_Backtab, Qt::ShiftModifier);
    REQUIRE(view->selectedIds() == std::vector<Id>{stepNamed(*doc.map(mapId), "Go-live sign-off")});
    keys.press(Qt::Key_K, Qt::ControlModifier);
    keys.say(QStringLiteral("back to Implement and configure 20%"));

    // Then back to the ERP entry, and a parallel credit review beside it.
    keys.press(Qt::Key_Escape);
    for (int i = 0; i < 2; ++i)
        keys.press(Qt::Key_Backtab, Qt::ShiftModifier);
    REQUIRE(view->selectedIds() ==
            std::vector<Id>{stepNamed(*doc.map(mapId), "Enter order in ERP")});
    keys.press(Qt::Key_K, Qt::ControlModifier);
    keys.say(QStringLiteral("and Credit review 30 min 4 h @Finance #ERP !nva"));

    const model::Map& map = *doc.map(mapId);
    CHECK(map.steps.size() == 11);
    CHECK(map.waits.size() == 2);
    CHECK(doc.project().systems.size() == 7); // CRM, Excel, Email, ERP, Jira, Zendesk, Zoom
    const model::Step& implement = map.steps.at(stepNamed(map, "Implement and configure"));
    CHECK(implement.role == "Implementation");
    CHECK(implement.headcount == 2);
    CHECK(implement.value == model::ValueClass::ValueAdding);
    CHECK(map.steps.at(stepNamed(map, "Copy order into spreadsheet")).value ==
          model::ValueClass::Waste);
    for (const auto& [id, step] : map.steps) {
        INFO(step.name);
        CHECK_FALSE(step.role.empty());
        CHECK(step.systems.size() == 1);
    }

    // The hand calculation (8-hour days; the loop repeats 1 / (1 - 0.2) = 1.25 times; the
    // credit review, 4 h beside the ERP entry's 1 d, is not on the critical path):
    //   LT = 8 h + 4 h + 5 min + 16 h (wait) + 8 h + 32 h (40 orders / 10 a day = 4 d)
    //        + 1.25 x (80 h + 16 h) + 8 h + 5 min + 8 h + 40 h          = 244 h 10 min
    //   PT = 30 + 20 + 5 + 15 min + 1.25 x (24 h + 1 h) + 20 + 5 + 30 + 90 min
    //                                                                   = 34 h 50 min
    doc.flushMetrics();
    const metrics::MapMetrics* m = doc.metrics(mapId);
    REQUIRE(m);
    std::string findings;
    for (const auto& f : m->findings)
        findings += f.code + ": " + f.message + "\n";
    INFO(findings);
    REQUIRE(m->valid);
    // Nothing off the stream, nothing dead-ended: only the true news that three steps cannot
    // keep up with a takt of 48 min (8 h / 10 orders).
    CHECK(m->findings.size() == 3);
    for (const auto& f : m->findings)
        CHECK(f.code == "above_takt");
    CHECK(m->leadTime == Approx(244 * kHour + 10 * kMinute));
    CHECK(m->processTime == Approx(34 * kHour + 50 * kMinute));
    CHECK(m->activityRatio == Approx((34 * kHour + 50 * kMinute) / (244 * kHour + 10 * kMinute)));
    CHECK(m->steps.at(implement.id).visits == Approx(1.25));
    CHECK(m->steps.at(stepNamed(map, "Credit review")).visits ==
          Approx(0)); // off the critical path
}

namespace {

struct SmallWindow {
    QTemporaryDir dir;
    std::unique_ptr<MainWindow> window;
    SmallWindow() {
        MainWindow::Options options;
        options.recoveryFolder = dir.filePath(QStringLiteral("recovery"));
        options.offerRecovery = false;
        window = std::make_unique<MainWindow>(options);
        window->resize(1400, 900);
        window->show();
        window->activateWindow();
        REQUIRE(QTest::qWaitForWindowActive(window.get()));
    }
    app::EditorDocument& doc() { return window->document(); }
    const model::Map& map() { return *doc().map(window->currentMap()); }
    MapView* view() { return window->currentView(); }
    void capture(const QString& line) {
        auto* edit = window->findChild<QLineEdit*>(QStringLiteral("quickCaptureEdit"));
        edit->setFocus();
        QTest::keyClicks(edit, line);
        QTest::keyClick(edit, Qt::Key_Return);
        QApplication::processEvents();
    }
    std::set<Id> successors(Id from) {
        std::set<Id> out;
        for (const auto& [id, f] : map().flows)
            if (f.from == from && model::carriesWork(f.kind))
                out.insert(f.to);
        return out;
    }
};

} // namespace

TEST_CASE("A step captured after a parallel split goes between the split and both branches",
          "[mainwindow][workshop]") {
    SmallWindow w;
    w.capture(QStringLiteral("A 1 h"));
    w.capture(QStringLiteral("B 2 h"));
    w.capture(QStringLiteral("D 1 h"));
    const Id a = stepNamed(w.map(), "A");
    const Id b = stepNamed(w.map(), "B");
    const Id d = stepNamed(w.map(), "D");
    w.view()->selectIds({b});
    w.capture(QStringLiteral("and C 1 h")); // A -> {B, C} -> D
    const Id c = stepNamed(w.map(), "C");
    REQUIRE(w.successors(a) == std::set<Id>{b, c});
    const int undoBefore = w.doc().undoStack()->count();

    w.view()->selectIds({a});
    w.capture(QStringLiteral("Check 30 min"));
    const Id check = stepNamed(w.map(), "Check");
    CHECK(w.successors(a) == std::set<Id>{check});
    CHECK(w.successors(check) == std::set<Id>{b, c});
    CHECK(w.doc().undoStack()->count() == undoBefore + 1); // one undo step
    w.doc().flushMetrics();
    const metrics::MapMetrics* m = w.doc().metrics(w.window->currentMap());
    REQUIRE(m->valid);
    CHECK(m->findings.empty());
    CHECK(m->leadTime == Approx(4.5 * kHour)); // A + Check + max(B, C) + D
    CHECK(m->steps.at(check).visits == Approx(1));
    (void)d;
}

TEST_CASE("Delete bridges the gap, Shift+Delete leaves it and the finding says so",
          "[mainwindow][workshop]") {
    SmallWindow w;
    w.capture(QStringLiteral("A 1 h"));
    w.capture(QStringLiteral("B 1 h"));
    w.capture(QStringLiteral("C 1 h"));
    const Id a = stepNamed(w.map(), "A");
    const Id b = stepNamed(w.map(), "B");
    const Id c = stepNamed(w.map(), "C");
    const Id mapId = w.window->currentMap();

    w.view()->selectIds({b});
    w.view()->setFocus();
    QTest::keyClick(w.view(), Qt::Key_Delete);
    QApplication::processEvents();
    CHECK_FALSE(w.map().steps.contains(b));
    CHECK(w.successors(a) == std::set<Id>{c});
    w.doc().flushMetrics();
    CHECK(w.doc().metrics(mapId)->findings.empty());
    CHECK(w.doc().metrics(mapId)->leadTime == Approx(2 * kHour));

    w.doc().undoStack()->undo(); // one step brings B and its flows back
    CHECK(w.successors(a) == std::set<Id>{b});
    CHECK(w.successors(b) == std::set<Id>{c});

    // Without the bridge: A -> B, then nothing; D -> E after it. The map falls apart.
    w.view()->selectIds({c});
    w.capture(QStringLiteral("D 1 h"));
    w.capture(QStringLiteral("E 1 h"));
    w.view()->selectIds({c});
    w.view()->setFocus();
    QTest::keyClick(w.view(), Qt::Key_Delete, Qt::ShiftModifier);
    QApplication::processEvents();
    CHECK_FALSE(w.map().steps.contains(c));
    CHECK(w.successors(b).empty());
    w.doc().flushMetrics();
    bool flagged = false;
    for (const auto& f : w.doc().metrics(mapId)->findings)
        flagged = flagged || f.code == "separate_chains";
    CHECK(flagged);
}

TEST_CASE("A capture that cannot be placed stays in the line with the reason",
          "[mainwindow][workshop]") {
    SmallWindow w;
    w.capture(QStringLiteral("Draft 1 h"));
    w.capture(QStringLiteral("back to Nowhere 20%"));
    auto* edit = w.window->findChild<QLineEdit*>(QStringLiteral("quickCaptureEdit"));
    auto* bar = w.window->findChild<app::QuickCaptureBar*>(QStringLiteral("quickCaptureBar"));
    CHECK(edit->text() == QStringLiteral("back to Nowhere 20%"));
    CHECK(bar->errorText().contains(QStringLiteral("no step named")));
    CHECK(w.map().flows.empty());
}
