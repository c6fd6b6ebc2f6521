// The simulation view's criticality shading: a run's shares go onto the map's canvas, the
// steps are painted by them, and an edit of the map or closing the view takes them off.
#include "canvas/map_scene.h"
#include "canvas/map_view.h"
#include "editor_document.h"
#include "gemba/render/geometry.h"
#include "gemba/render/theme.h"
#include "simulation_view.h"

#include <QApplication>
#include <QCheckBox>
#include <QImage>
#include <QPainter>
#include <QSignalSpy>
#include <QSpinBox>
#include <catch2/catch.hpp>
#include <memory>

using namespace gemba;
using model::Id;

namespace {

constexpr double kDay = 8 * 3600.0;

/// Receive, then Legal (1-3 d, typically 2) beside Tech (2.5 d), then Approve: Tech is the
/// longer branch unless Legal draws above 2.5 d, which a triangular 1/2/3 d does with
/// probability (0.5)^2 / 2 = 12.5%.
struct Reviews {
    model::Project project;
    Id map = model::kNoId;
    Id receive = model::kNoId, legal = model::kNoId, tech = model::kNoId;

    Reviews() {
        model::Map m;
        m.id = map = project.allocateId();
        m.props.name = "Reviews";
        const auto party = [&](model::PartyKind kind, double x) {
            model::Party p;
            p.id = project.allocateId();
            p.kind = kind;
            p.pos = {x, 0};
            m.parties.emplace(p.id, p);
            return p.id;
        };
        const auto step = [&](const char* name, double pt, double x, double y) {
            model::Step s;
            s.id = project.allocateId();
            s.name = name;
            s.processTime = pt;
            s.pos = {x, y};
            m.steps.emplace(s.id, s);
            return s.id;
        };
        const auto flow = [&](Id from, Id to) {
            model::Flow f;
            f.id = project.allocateId();
            f.from = from;
            f.to = to;
            m.flows.emplace(f.id, f);
        };
        const Id in = party(model::PartyKind::Supplier, -300);
        receive = step("Receive", 0, 0, 0);
        legal = step("Legal", 2 * kDay, 250, -150);
        m.steps.at(legal).processTimeMin = 1 * kDay;
        m.steps.at(legal).processTimeMax = 3 * kDay;
        tech = step("Tech", 2.5 * kDay, 250, 150);
        const Id approve = step("Approve", 0, 500, 0);
        const Id out = party(model::PartyKind::Customer, 800);
        flow(in, receive);
        flow(receive, legal);
        flow(receive, tech);
        flow(legal, approve);
        flow(tech, approve);
        flow(approve, out);
        project.maps.push_back(std::move(m));
    }
};

/// The colour the canvas paints at a point of the scene.
QColor pixelAt(app::MapScene& scene, QPointF point) {
    QImage image(1, 1, QImage::Format_ARGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    scene.render(&painter, QRectF(0, 0, 1, 1), QRectF(point, QSizeF(1, 1)));
    painter.end();
    return image.pixelColor(0, 0);
}

void runAndWait(app::SimulationView& view) {
    QSignalSpy ended(&view, &app::SimulationView::runEnded);
    REQUIRE(view.run());
    REQUIRE(ended.wait(30000));
    REQUIRE(view.sheet());
}

} // namespace

TEST_CASE("the simulation view shades the map's steps by criticality", "[simulation][canvas]") {
    Reviews reviews;
    app::EditorDocument document;
    document.resetProject(reviews.project, false);
    app::MapView canvas(document, reviews.map);
    app::MapScene& scene = *canvas.mapScene();
    auto* view = new app::SimulationView(document, reviews.map);
    auto* trials = view->findChild<QSpinBox*>(QStringLiteral("simulateTrials"));
    REQUIRE(trials);
    CHECK(trials->text() == "10,000"); // grouped as every count in Gemba
    trials->setValue(40000);
    CHECK(trials->text() == "40,000");
    auto* shade = view->findChild<QCheckBox*>(QStringLiteral("simulateShade"));
    REQUIRE(shade);
    CHECK_FALSE(shade->isEnabled()); // nothing to shade before a run

    // A body point of Tech away from its name: plain before the shading.
    const QPointF techBody(250 - render::kStepWidth / 2 + 20,
                           150 + render::kStepBodyHeight / 2 - 6);
    const render::Theme& theme = render::theme();
    CHECK(pixelAt(scene, techBody) == theme.processFill);

    runAndWait(*view);
    REQUIRE(shade->isEnabled());
    shade->setChecked(true);
    const std::map<Id, double>* shares = document.criticality(reviews.map);
    REQUIRE(shares);
    CHECK(shares->at(reviews.receive) == 1);
    CHECK(shares->at(reviews.legal) == Approx(0.125).margin(0.01));
    CHECK(shares->at(reviews.tech) == Approx(0.875).margin(0.01));

    // Tech is painted 60% x its share of the way to the critical colour.
    const QColor shaded = pixelAt(scene, techBody);
    const double strength = 0.6 * shares->at(reviews.tech);
    CHECK(shaded.red() == Approx(theme.processFill.red() +
                                 (theme.critical.red() - theme.processFill.red()) * strength)
                              .margin(2));
    CHECK(shaded.green() == Approx(theme.processFill.green() +
                                   (theme.critical.green() - theme.processFill.green()) * strength)
                                .margin(2));

    if (qEnvironmentVariableIsSet("GEMBA_SCREENSHOT_DIR")) {
        // For a look at the shading (make screenshots).
        canvas.resize(1200, 600);
        canvas.show();
        canvas.fitToWindow();
        REQUIRE(canvas.grab().save(qEnvironmentVariable("GEMBA_SCREENSHOT_DIR") +
                                   QStringLiteral("/canvas-criticality.png")));
    }

    // Unchecking takes it off.
    shade->setChecked(false);
    CHECK_FALSE(document.criticality(reviews.map));
    CHECK(pixelAt(scene, techBody) == theme.processFill);

    // An edit of the map drops the shares of the map as it was: the box follows.
    shade->setChecked(true);
    REQUIRE(document.criticality(reviews.map));
    const model::Step before = document.map(reviews.map)->steps.at(reviews.tech);
    model::Step after = before;
    after.processTime = 1 * kDay;
    document.push(std::make_unique<model::SetStep>(reviews.map, before, after, "Shorten"));
    CHECK_FALSE(document.criticality(reviews.map));
    CHECK_FALSE(shade->isChecked());

    // Closing the view takes its shading with it.
    shade->setChecked(true);
    REQUIRE(document.criticality(reviews.map));
    delete view;
    CHECK_FALSE(document.criticality(reviews.map));
}
