// A map the room can read: the key figures in large type in presentation mode, the first
// window's size, and a map that stays fitted while the window takes its final size.

#include "canvas/map_view.h"
#include "editor_document.h"
#include "gemba/model/operations.h"
#include "main_window.h"
#include "presentation_band.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QScreen>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <catch2/catch.hpp>

using namespace gemba;

namespace {

app::MainWindow::Options testOptions(const QTemporaryDir& dir) {
    app::MainWindow::Options options;
    options.recoveryFolder = dir.filePath(QStringLiteral("recovery"));
    options.offerRecovery = false;
    return options;
}

/// A -> B, 30 min and 1 h, demand 4 a day.
void twoSteps(app::EditorDocument& doc, model::Id mapId) {
    model::Id previous = model::kNoId;
    double x = 0;
    for (auto [name, pt] : {std::pair{"Draft", 1800.0}, {"Review", 3600.0}}) {
        model::Step s;
        s.id = doc.allocateId();
        s.name = name;
        s.processTime = pt;
        s.pos = {x, 0};
        x += 260;
        if (previous == model::kNoId)
            doc.push(model::makeAdd(mapId, s));
        else
            doc.push(model::insertStepAfter(
                doc.project(), [&doc] { return doc.allocateId(); }, mapId, previous, s));
        previous = s.id;
    }
    model::MapProps props = doc.map(mapId)->props;
    model::MapProps after = props;
    after.demand = model::Demand{4, model::DemandPeriod::Day};
    doc.push(std::make_unique<model::SetMapProps>(mapId, props, after, "Demand"));
}

} // namespace

TEST_CASE("Presentation mode shows the key figures in type for the back of the room",
          "[presentation]") {
    CHECK(app::PresentationBand::pixelSizeFor(1080) >= 36);
    CHECK(app::PresentationBand::pixelSizeFor(720) == 36);
    CHECK(app::PresentationBand::pixelSizeFor(2160) == 72);

    QTemporaryDir dir;
    app::MainWindow window(testOptions(dir));
    window.show();
    twoSteps(window.document(), window.currentMap());
    auto* band = window.findChild<app::PresentationBand*>(QStringLiteral("presentationBand"));
    REQUIRE(band);
    CHECK_FALSE(band->isVisibleTo(&window));

    window.setPresenting(true);
    QApplication::processEvents();
    CHECK(band->isVisible());
    const QString text = band->text();
    INFO(text.toStdString());
    CHECK(text.contains(QStringLiteral("LT 1.5 h")));
    // Process time and takt in the unit of the steps' times, as the map shows them.
    CHECK(text.contains(QStringLiteral("PT 90 min")));
    CHECK(text.contains(QStringLiteral("Activity 100%")));
    CHECK(text.contains(QStringLiteral("Takt 120 min")));
    CHECK(text.contains(QStringLiteral("Bottleneck Review")));
    auto* figures = band->findChild<QLabel*>(QStringLiteral("presentationFigures"));
    CHECK(figures->font().pixelSize() >= 36);
    // The room sees the map, not scroll bars.
    app::MapView* view = window.currentView();
    CHECK(view->horizontalScrollBarPolicy() == Qt::ScrollBarAlwaysOff);
    CHECK(view->verticalScrollBarPolicy() == Qt::ScrollBarAlwaysOff);

    window.setPresenting(false);
    QApplication::processEvents();
    CHECK_FALSE(band->isVisible());
    CHECK(view->horizontalScrollBarPolicy() == Qt::ScrollBarAsNeeded);
    CHECK(view->verticalScrollBarPolicy() == Qt::ScrollBarAsNeeded);
}

TEST_CASE("The first window takes most of the screen", "[presentation]") {
    QTemporaryDir dir;
    QSettings().remove(QStringLiteral("window/geometry"));
    app::MainWindow window(testOptions(dir));
    const QRect room = QGuiApplication::primaryScreen()->availableGeometry();
    CHECK(window.width() >= room.width() * 0.8);
    CHECK(window.height() >= room.height() * 0.8);
}

TEST_CASE("A fitted map stays fitted while the window takes its size, until the user zooms",
          "[presentation]") {
    QTemporaryDir dir;
    app::MainWindow window(testOptions(dir));
    twoSteps(window.document(), window.currentMap());
    window.resize(600, 400);
    window.show();
    app::MapView* view = window.currentView();
    view->fitToWindow();
    const qreal small = view->zoom();
    window.resize(1400, 900);
    QApplication::processEvents();
    CHECK(view->zoom() > small);
    view->setZoom(0.5);
    window.resize(1000, 700);
    QApplication::processEvents();
    CHECK(view->zoom() == Approx(0.5));
}

TEST_CASE("Escape in the capture line while presenting clears the line, then returns to the "
          "map; only then does it leave presentation mode",
          "[presentation]") {
    QTemporaryDir dir;
    app::MainWindow window(testOptions(dir));
    window.show();
    window.setPresenting(true);
    QApplication::processEvents();
    auto* line = window.findChild<QLineEdit*>(QStringLiteral("quickCaptureEdit"));
    REQUIRE(line);
    line->setFocus();
    QTest::keyClicks(line, QStringLiteral("Review con"));
    QTest::keyClick(line, Qt::Key_Escape);
    QApplication::processEvents();
    CHECK(line->text().isEmpty());
    CHECK(window.isPresenting());
    CHECK(QApplication::focusWidget() == line);

    QTest::keyClick(line, Qt::Key_Escape);
    QApplication::processEvents();
    CHECK(window.isPresenting());
    CHECK(QApplication::focusWidget() == window.currentView());

    QTest::keyClick(window.currentView(), Qt::Key_Escape);
    QApplication::processEvents();
    CHECK_FALSE(window.isPresenting());
}
