// The example projects (examples/*.json and the .gemba files made from them): they stay in step
// with their JSON, every headline figure is the one worked out by hand in examples/README.md,
// and their maps are laid out so that nothing overlaps.

#include "gemba/metrics/compare.h"
#include "gemba/metrics/metrics.h"
#include "gemba/metrics/review.h"
#include "gemba/model/workshop_ops.h"
#include "gemba/render/geometry.h"
#include "gemba/store/json_format.h"
#include "gemba/store/project_file.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <map>
#include <optional>
#include <string>

using namespace gemba;

namespace {

const std::filesystem::path kExamples = std::filesystem::path(GEMBA_SOURCE_DIR) / "examples";

model::Project openExample(const std::string& name) {
    return store::openProject(kExamples / (name + ".gemba"));
}

const model::Map& mapNamed(const model::Project& project, const std::string& name) {
    const model::Map* map = project.findMapByName(name);
    REQUIRE(map != nullptr);
    return *map;
}

std::string stepName(const model::Map& map, model::Id id) {
    const model::Step* step = map.findStep(id);
    return step ? step->name : std::string();
}

/// The headline figures of one map, worked out by hand.
struct Headline {
    double leadTime = 0; ///< seconds
    double processTime = 0;
    double activityRatio = 0;
    double pce = 0;
    double rolledPca = 0;
    std::optional<double> takt;
    std::string bottleneck;
    double bottleneckCycleTime = 0;
    int handoffs = 0;
    double wip = 0;
    double frictionHours = 0;
    double frictionCost = 0;
    std::vector<std::string> aboveTakt; ///< steps warned as above takt
};

void checkHeadline(const model::Project& project, const std::string& mapName,
                   const Headline& expected) {
    INFO("map " << mapName);
    const model::Map& map = mapNamed(project, mapName);
    const metrics::MapMetrics m = metrics::computeMetrics(project, map);
    REQUIRE(m.valid);
    CHECK(m.leadTime == Approx(expected.leadTime));
    CHECK(m.leadTimeDays == Approx(expected.leadTime / project.props.calendar.secondsPerDay()));
    CHECK(m.processTime == Approx(expected.processTime));
    CHECK(m.activityRatio == Approx(expected.activityRatio));
    CHECK(m.processCycleEfficiency == Approx(expected.pce));
    CHECK(m.rolledPca == Approx(expected.rolledPca));
    REQUIRE(m.takt.has_value() == expected.takt.has_value());
    if (expected.takt)
        CHECK(*m.takt == Approx(*expected.takt));
    CHECK(stepName(map, m.bottleneck) == expected.bottleneck);
    CHECK(m.bottleneckCycleTime == Approx(expected.bottleneckCycleTime));
    CHECK(m.handoffs == expected.handoffs);
    REQUIRE(m.wip.has_value());
    CHECK(*m.wip == Approx(expected.wip));
    CHECK(m.frictionHoursPerWeek == Approx(expected.frictionHours));
    CHECK(m.frictionCostPerWeek == Approx(expected.frictionCost));
    // The only findings the examples have are the above-takt warnings they are meant to show.
    std::vector<std::string> warned;
    for (const metrics::Finding& f : m.findings) {
        INFO(f.message);
        CHECK(f.code == "above_takt");
        warned.push_back(stepName(map, f.element));
    }
    CHECK(warned == expected.aboveTakt);
}

/// The waterfall bars by label, and their sum.
std::map<std::string, double> bars(const metrics::Comparison& c, double& sum) {
    std::map<std::string, double> out;
    sum = 0;
    for (const metrics::LeadTimeContribution& bar : c.waterfall) {
        out[bar.label] += bar.seconds;
        sum += bar.seconds;
    }
    return out;
}

std::vector<std::string> names(const model::Map& map, const std::vector<model::Id>& ids) {
    std::vector<std::string> out;
    for (model::Id id : ids)
        out.push_back(stepName(map, id));
    return out;
}

constexpr double kHour = 3600;
constexpr double kDay8 = 8 * kHour;   // the office calendars' working day
constexpr double kDay16 = 16 * kHour; // the plant's: two shifts

} // namespace

TEST_CASE("each committed example project is the import of its JSON") {
    for (const char* name :
         {"software-delivery", "office-order-to-cash", "production-line", "insurance-claims"}) {
        INFO(name);
        const model::Project fromJson =
            store::readJsonFile(kExamples / (std::string(name) + ".json"));
        const model::Project committed = openExample(name);
        // If this fails, run `make examples` (scripts/make-examples.sh) and commit the result.
        CHECK(committed == fromJson);
        // Every example has a current state and a future state made from it, whose steps name
        // the steps they came from, so that compare can match them.
        REQUIRE(committed.maps.size() == 2);
        const model::Map& current = committed.maps[0];
        const model::Map& future = committed.maps[1];
        CHECK(current.props.name == "Current state");
        CHECK(current.props.state == model::MapState::Current);
        CHECK(future.props.name == "Future state");
        CHECK(future.props.state == model::MapState::Future);
        CHECK(future.props.madeFrom == current.id);
        int matched = 0;
        for (const auto& [id, step] : future.steps)
            if (step.origin != model::kNoId) {
                CHECK(current.steps.contains(step.origin));
                ++matched;
            }
        CHECK(matched >= static_cast<int>(future.steps.size()) - 1);
        CHECK_FALSE(committed.people.empty());
        CHECK_FALSE(committed.systems.empty());
    }
}

TEST_CASE("software delivery: the hand-worked figures") {
    const model::Project p = openExample("software-delivery");
    // Current state, 8-h days. Rework loop Write code <-> Code review, 30% back: visits
    // 1 / (1 - 0.3) = 10/7; the flow back (1 d wait) carries 10/7 x 0.3 = 3/7.
    // LT (h) = 8 + 80 + 16 + 40 + 10/7 x (32 + 8) + 3/7 x 8 + 16 + max(24, 8) + 24 + 8
    //        = 144 + 424/7 + 72 = 1936/7 h = 276.57 h.
    // PT (h) = 2 + 1 + 10/7 x (12 + 1) + 6 + 0.5 + 2 = 421/14 h; VA PT = 10/7 x 12 = 120/7 h.
    Headline current;
    current.leadTime = 1936.0 / 7 * kHour;
    current.processTime = 421.0 / 14 * kHour;
    current.activityRatio = 421.0 / 3872;                           // (421/14) / (1936/7)
    current.pce = 120.0 / 1936;                                     // (120/7) / (1936/7)
    current.rolledPca = 0.8 * 0.9 * 0.7 * 0.95 * 0.85 * 0.9 * 0.95; // 34.8%
    current.takt = kDay8 / 0.8;                                     // 4 a week = 0.8 a day: 10 h
    current.bottleneck = "Write code";
    current.bottleneckCycleTime = 12 * kHour;
    current.handoffs = 5;
    current.wip = 0.8 * (1936.0 / 7 / 8);
    current.frictionHours = 2.5 + 20.0 * 4 / 60 + 10.0 * 4 / 60; // 4.5 h
    current.frictionCost = 4.5 * 70;                             // everyone at 70/h: 315
    current.aboveTakt = {"Write code"};
    checkHeadline(p, "Current state", current);

    // Future state: 10% back, visits 10/9, the flow back (2 h) carries 1/9.
    // LT (h) = 8 + 24 + 8 + 10/9 x (16 + 2) + 1/9 x 2 + 2 + max(4, 8) + 0.5 + 1 = 1291/18 h
    //        = 258200 s. PT (h) = 2 + 1 + 10/9 x (9 + 1) + 1 + 1/12 + 1/4 = 139/9 h = 55600 s.
    // VA PT = 10/9 x 9 + 1 (release notes, now on the critical path) = 11 h = 39600 s.
    Headline future;
    future.leadTime = 258200;
    future.processTime = 55600;
    future.activityRatio = 55600.0 / 258200;
    future.pce = 39600.0 / 258200;
    future.rolledPca = 0.95 * 0.95 * 0.9 * 0.95 * 1.0 * 0.98 * 0.99; // 74.9%
    future.takt = kDay8 / 0.8;
    future.bottleneck = "Write code";
    future.bottleneckCycleTime = 9 * kHour;
    future.handoffs = 3;
    future.wip = 0.8 * 258200 / kDay8;
    future.frictionHours = 0.5;
    future.frictionCost = 35;
    checkHeadline(p, "Future state", future);

    const metrics::Comparison c =
        metrics::compare(p, mapNamed(p, "Current state"), mapNamed(p, "Future state"));
    CHECK(names(mapNamed(p, "Future state"), c.added) ==
          std::vector<std::string>{"Automated release check"});
    CHECK(names(mapNamed(p, "Current state"), c.removed) ==
          std::vector<std::string>{"Approve release (CAB)"});
    double sum = 0;
    const auto b = bars(c, sum);
    CHECK(sum == Approx(258200 - 1936.0 / 7 * kHour));
    CHECK(b.at("Changed: Backlog") == Approx(-56 * kHour));                 // 3 d - 10 d
    CHECK(b.at("Removed: Sprint queue") == Approx(-40 * kHour));            // 5 d
    CHECK(b.at("Changed: Write release notes") == Approx(8 * kHour));       // now critical
    CHECK(b.at("Changed: Regression testing") == Approx(-24 * kHour));      // now off it
    CHECK(b.at("Removed: Approve release (CAB)") == Approx(-24 * kHour));   // 3 d
    CHECK(b.at("Added: Automated release check") == Approx(0.5 * kHour));   // 30 min
    CHECK(b.at("Changed: Write code") == Approx((18 - 344.0 / 7) * kHour)); // 18 h - 49.14 h
}

TEST_CASE("office order to cash: the hand-worked figures") {
    const model::Project p = openExample("office-order-to-cash");
    // Current state, 8-h days. One order in four goes back from "Enter order in ERP" to
    // "Copy order into spreadsheet" after a 2-day wait for a call back: the loop (copy 1 d,
    // email 4 h, inbox 2 d, enter 1 d = 36 h) runs 4/3 times, the flow back 1/3 times.
    // LT (h) = 2 + 4/3 x 36 + 1/3 x 16 + 40 + 80 + 16 + max(40 + 8, 8 + 24) = 718/3 h.
    // PT (min) = 30 + 4/3 x (20 + 5 + 15) + 960 + 60 + 20 + 10 = 3400/3 min = 68000 s.
    Headline current;
    current.leadTime = 718.0 / 3 * kHour; // 861600 s, 29.92 working days
    current.processTime = 68000;
    current.activityRatio = 68000.0 / 861600;
    current.pce = 57600.0 / 861600; // only Implement and configure (16 h) is value-adding
    current.rolledPca = 0.9 * 0.75 * 1.0 * 0.95 * 0.85 * 0.9 * 0.9; // 44.2%
    current.takt = kDay8 / 2;                                       // 10 a week = 2 a day: 4 h
    current.bottleneck = "Implement and configure";
    current.bottleneckCycleTime = 3.2 * kHour; // typed C/T: five consultants
    current.handoffs = 7;
    current.wip = 2 * 861600 / kDay8;
    // 0.5 h x 65 + 2.5 h x 50 + 1 h x 50 + (3 + 5/6) h x 45 + 2 h x 45
    current.frictionHours = 0.5 + 2.5 + 1 + 3 + 50.0 / 60 + 2;
    current.frictionCost = 32.5 + 125 + 50 + 135 + 37.5 + 90; // 470
    checkHeadline(p, "Current state", current);

    // Future state: 5% back from the check to the sync, 4 h wait: visits 20/19, 1/19.
    // LT (h) = 2 + 20/19 x (0.25 + 2) + 1/19 x 4 + 8 + 80 + 8 + max(2 + 1, 8 + 24)
    //        = 130 + 49/19 = 2519/19 h.
    // PT (min) = 30 + 20/19 x (1 + 5) + 960 + 60 + 60 + 30 = 21780/19 min.
    Headline future;
    future.leadTime = 2519.0 / 19 * kHour;
    future.processTime = 21780.0 / 19 * 60;
    future.activityRatio = 21780.0 / 151140; // both in minutes x 19
    future.pce = (960 + 30) * 60 / (2519.0 / 19 * kHour);
    future.rolledPca = 0.98 * 0.99 * 0.98 * 0.85 * 0.9; // 72.7%
    future.takt = kDay8 / 2;
    future.bottleneck = "Implement and configure";
    future.bottleneckCycleTime = 3.2 * kHour;
    future.handoffs = 4;
    future.wip = 2 * (2519.0 / 19 * kHour) / kDay8;
    future.frictionHours = 0.5;
    future.frictionCost = 32.5;
    checkHeadline(p, "Future state", future);

    const metrics::Comparison c =
        metrics::compare(p, mapNamed(p, "Current state"), mapNamed(p, "Future state"));
    CHECK(names(mapNamed(p, "Future state"), c.added) ==
          std::vector<std::string>{"CRM-to-ERP order sync"});
    CHECK(names(mapNamed(p, "Current state"), c.removed) ==
          std::vector<std::string>{"Copy order into spreadsheet", "Email spreadsheet to finance"});
    double sum = 0;
    const auto b = bars(c, sum);
    CHECK(sum == Approx((2519.0 / 19 - 718.0 / 3) * kHour)); // -106.75 h
    CHECK(b.at("Removed: Finance inbox") == Approx(-4.0 / 3 * 16 * kHour));
    CHECK(b.at("Removed: Copy order into spreadsheet") ==
          Approx(-(4.0 / 3 * 8 + 16.0 / 3) * kHour));
    CHECK(b.at("Changed: Kick-off booked online") == Approx(-32 * kHour)); // 1 d - 5 d
    CHECK(b.at("Changed: Create invoice") == Approx(-40 * kHour));         // off the path now
    CHECK(b.at("Changed: Onboarding call") == Approx(24 * kHour));         // on the path now
    CHECK(b.at("Added: CRM-to-ERP order sync") == Approx(9.0 / 19 * kHour));
}

TEST_CASE("production line: the hand-worked figures") {
    const model::Project p = openExample("production-line");
    // Two shifts: the calendar day is 16 h (57600 s); 15 h available; 19,500 a month =
    // 19500 / (5 x 52 / 12) = 900 a day; takt = 54000 / 900 = 60 s.
    // Inventory days: 4500, 6300, 1350, 1800, 1080, 2250 pieces / 900 = 5 + 7 + 1.5 + 2 +
    // 1.2 + 2.5 = 19.2 days = 1105920 s. PT = 1 + 38 + 45 + 62 + 40 + 8 = 194 s.
    Headline current;
    current.leadTime = 19.2 * kDay16 + 194; // 1106114 s
    current.processTime = 194;
    current.activityRatio = 194 / 1106114.0;
    current.pce = 186 / 1106114.0;                         // packing is not value-adding
    current.rolledPca = 0.99 * 0.98 * 0.97 * 0.99 * 0.995; // 92.7%
    current.takt = 60;
    current.bottleneck = "Assembly I"; // 62 s, above takt
    current.bottleneckCycleTime = 62;
    current.handoffs = 3; // press shop -> welding -> assembly -> shipping
    current.wip = 900 * (1106114 / kDay16);
    // 2.5 h x 42 + 5/3 h x 40 + 5/3 h x 36
    current.frictionHours = 2.5 + 20.0 * 5 / 60 + 10.0 * 10 / 60;
    current.frictionCost = 2.5 * 42 + 20.0 * 5 / 60 * 40 + 10.0 * 10 / 60 * 36;
    current.aboveTakt = {"Assembly I"};
    checkHeadline(p, "Current state", current);

    // Future: 1350 + 1350 + 20 + 20 + 900 pieces / 900 a day = 4.0444 days = 232960 s;
    // PT = 1 + 36 + 42 + 55 + 45 + 8 = 187 s.
    Headline future;
    future.leadTime = 232960 + 187;
    future.processTime = 187;
    future.activityRatio = 187 / 233147.0;
    future.pce = 179 / 233147.0;
    future.rolledPca = 0.99 * 0.98 * 0.99 * 0.99 * 0.995; // 94.6%
    future.takt = 60;
    future.bottleneck = "Assembly I"; // 55 s, below takt
    future.bottleneckCycleTime = 55;
    future.handoffs = 3;
    future.wip = 900 * (233147 / kDay16);
    future.frictionHours = 20.0 / 60;
    future.frictionCost = 20.0 / 60 * 40;
    checkHeadline(p, "Future state", future);

    // Cycle times with uptime: Stamping 1 s / 0.85, Spot weld II 45 s / 0.9 = 50 s.
    const metrics::MapMetrics m = metrics::computeMetrics(p, mapNamed(p, "Current state"));
    CHECK(m.cycleTime == Approx(1 / 0.85 + 38 + 50 + 62 + 40 + 8));

    const metrics::Comparison c =
        metrics::compare(p, mapNamed(p, "Current state"), mapNamed(p, "Future state"));
    CHECK(c.added.empty());
    CHECK(c.removed.empty());
    CHECK(c.changed.size() == 6); // every step (packing lost its friction)
    double sum = 0;
    const auto b = bars(c, sum);
    CHECK(sum == Approx(233147 - 1106114.0)); // -872967 s
    CHECK(b.at("Removed: After assembly I") == Approx(-1.2 * kDay16));
    CHECK(b.at("Changed: Supermarket") == Approx((1.5 - 7) * kDay16));
    CHECK(b.at("Changed: Assembly II") == Approx(5));
}

namespace {

/// Where an element paints, in scene coordinates (render/geometry.h's sizes).
QRectF paintedRect(const model::Map& map, model::Id id) {
    const auto kind = map.kindOf(id);
    const auto pos = map.positionOf(id);
    return render::paintShape(*kind).translated(pos->x, pos->y);
}

/// Whether an axis-parallel ellipse (given by its bounding rectangle) and a rectangle meet.
bool ellipseMeets(const QRectF& ellipse, const QRectF& rect) {
    // Scaled so that the ellipse is the unit circle, the rectangle stays a rectangle: they meet
    // when its point nearest the centre is inside the circle.
    const QPointF c = ellipse.center();
    const double a = ellipse.width() / 2;
    const double b = ellipse.height() / 2;
    const double nx = std::clamp(c.x(), rect.left(), rect.right());
    const double ny = std::clamp(c.y(), rect.top(), rect.bottom());
    const double dx = (nx - c.x()) / a;
    const double dy = (ny - c.y()) / b;
    return dx * dx + dy * dy <= 1;
}

} // namespace

TEST_CASE("the example maps read left to right and nothing on them overlaps") {
    for (const char* name :
         {"software-delivery", "office-order-to-cash", "production-line", "insurance-claims"}) {
        const model::Project project = openExample(name);
        for (const model::Map& map : project.maps) {
            INFO(name << ", map " << map.props.name);
            std::vector<model::Id> placed;
            for (model::Id id : map.placedElements())
                if (*map.kindOf(id) != model::ElementKind::RedPen)
                    placed.push_back(id);

            // No two elements paint over each other (a step's paint includes its data box).
            for (std::size_t i = 0; i < placed.size(); ++i)
                for (std::size_t j = i + 1; j < placed.size(); ++j) {
                    INFO("elements " << placed[i] << " and " << placed[j]);
                    CHECK_FALSE(
                        paintedRect(map, placed[i]).intersects(paintedRect(map, placed[j])));
                }

            // A red pen circles its targets and what stands between them, nothing else.
            for (const auto& [id, pen] : map.redPens) {
                const QRectF ellipse = render::redPenEllipse(map, pen);
                // The box spanned by the targets' positions (a flow's: its ends').
                double left = 1e300, right = -1e300, top = 1e300, bottom = -1e300;
                for (model::Id t : pen.targets) {
                    std::vector<model::Id> ends{t};
                    if (const model::Flow* flow = map.findFlow(t))
                        ends = {flow->from, flow->to};
                    for (model::Id e : ends) {
                        const model::Point p = *map.positionOf(e);
                        left = std::min(left, p.x);
                        right = std::max(right, p.x);
                        top = std::min(top, p.y);
                        bottom = std::max(bottom, p.y);
                    }
                }
                for (model::Id other : placed) {
                    const model::Point p = *map.positionOf(other);
                    const bool target = std::find(pen.targets.begin(), pen.targets.end(), other) !=
                                        pen.targets.end();
                    const bool between = p.x >= left && p.x <= right && p.y >= top && p.y <= bottom;
                    if (target || between)
                        continue;
                    INFO("red pen " << id << " and element " << other);
                    CHECK_FALSE(ellipseMeets(ellipse, paintedRect(map, other)));
                }
            }

            // Work flows run left to right, except rework loops, which go back with a share;
            // suppliers start the row and customers end it; information boxes stand above the
            // steps and notes below them.
            double minX = 1e300, maxX = -1e300, minStepY = 1e300, maxStepY = -1e300;
            for (const auto& [id, step] : map.steps) {
                minX = std::min(minX, step.pos.x);
                maxX = std::max(maxX, step.pos.x);
                minStepY = std::min(minStepY, step.pos.y);
                maxStepY = std::max(maxStepY, step.pos.y);
            }
            for (const auto& [id, flow] : map.flows) {
                if (!model::carriesWork(flow.kind))
                    continue;
                INFO("flow " << id);
                const double fromX = map.positionOf(flow.from)->x;
                const double toX = map.positionOf(flow.to)->x;
                if (toX <= fromX)
                    CHECK(flow.share.has_value());
                else
                    CHECK(toX > fromX);
            }
            for (const auto& [id, party] : map.parties) {
                INFO("party " << party.name);
                if (party.kind == model::PartyKind::Supplier)
                    CHECK(party.pos.x < minX);
                else
                    CHECK(party.pos.x > maxX);
            }
            for (const auto& [id, box] : map.infoBoxes)
                CHECK(box.pos.y < minStepY);
            for (const auto& [id, note] : map.notes)
                CHECK(note.pos.y > maxStepY);
        }
    }
}

namespace {

/// The row of a review table with this label.
const metrics::ReviewRow& rowLabelled(const metrics::ReviewTable& table, const std::string& label) {
    const auto it = std::find_if(table.rows.begin(), table.rows.end(),
                                 [&](const metrics::ReviewRow& r) { return r.label == label; });
    REQUIRE(it != table.rows.end());
    return *it;
}

} // namespace

// examples/README.md, "The workshop": the funnel, the fit of the AI ideas, and each review's
// figures worked by hand.
TEST_CASE("the examples' workshops: funnel, fit and reviews worked by hand") {
    constexpr double kHour = 3600.0;
    constexpr double kDay8 = 8 * kHour;
    {
        const model::Project p = openExample("office-order-to-cash");
        const model::FunnelCounts funnel = model::funnelCounts(p);
        CHECK(funnel.total() == 32);
        CHECK(funnel.proposed == 12);
        CHECK(funnel.shortlisted == 5);
        CHECK(funnel.selected == 2);
        CHECK(funnel.parked == 5);
        CHECK(funnel.rejected == 8);
        CHECK(model::assessFit(*p.workshop.ideas.at(1006).fit).fit == model::Fit::Good);
        CHECK(model::assessFit(*p.workshop.ideas.at(1008).fit).fit == model::Fit::Poor);
        CHECK(model::assessFit(*p.workshop.ideas.at(1015).fit).fit == model::Fit::Possible);
        CHECK(model::checkWorkshop(p).empty());

        const metrics::ReviewTable t = metrics::reviewTable(p);
        CHECK(t.dates == std::vector<std::string>{"2026-04-05", "2026-05-05", "2026-06-04"});
        const metrics::ReviewRow& lead =
            rowLabelled(t, "Signed to invoiced in under 10 working days");
        CHECK(lead.baseline.value() == Approx(718.0 / 3 * kHour));
        CHECK(lead.goal.value() == Approx(80 * kHour));
        CHECK(lead.actual[0].value() == Approx(192 * kHour));
        CHECK(lead.actual[1].value() == Approx(136 * kHour));
        CHECK_FALSE(lead.actual[2]);
        // (192 - 718/3) / (80 - 718/3) = 142/478; (136 - 718/3) / (80 - 718/3) = 310/478.
        CHECK(metrics::progressToGoal(lead, 0).value() == Approx(142.0 / 478));
        CHECK(metrics::progressToGoal(lead, 1).value() == Approx(310.0 / 478));
        const metrics::ReviewRow& pca = rowLabelled(t, "Rolled %C&A from 44% to 80%");
        const double base = 0.9 * 0.75 * 0.95 * 0.85 * 0.9 * 0.9; // 0.4415
        CHECK(pca.baseline.value() == Approx(base));
        CHECK(metrics::progressToGoal(pca, 1).value() == Approx((0.66 - base) / (0.8 - base)));
        const metrics::ReviewRow& inbox = rowLabelled(t, "action: Build the CRM-to-ERP order sync");
        CHECK(inbox.baseline.value() == Approx(2 * kDay8));
        CHECK(metrics::progressToGoal(inbox, 0).value() == Approx(0.5));
        CHECK(metrics::progressToGoal(inbox, 1).value() == Approx(1.0));
    }
    {
        const model::Project p = openExample("software-delivery");
        CHECK(model::checkWorkshop(p).empty());
        const metrics::ReviewTable t = metrics::reviewTable(p);
        const metrics::ReviewRow& lead = rowLabelled(t, "Halve the lead time");
        CHECK(lead.baseline.value() == Approx(1936.0 / 7 * kHour));
        CHECK(lead.goal.value() == Approx(968.0 / 7 * kHour));
        // (224 - 1936/7) / (968/7 - 1936/7) = 368/968; 168 h: 760/968.
        CHECK(metrics::progressToGoal(lead, 0).value() == Approx(368.0 / 968));
        CHECK(metrics::progressToGoal(lead, 1).value() == Approx(760.0 / 968));
    }
    {
        const model::Project p = openExample("production-line");
        CHECK(model::checkWorkshop(p).empty());
        const metrics::ReviewTable t = metrics::reviewTable(p);
        const metrics::ReviewRow& lead = rowLabelled(t, "Lead time from 19 days to 5");
        constexpr double kDay16 = 16 * kHour;
        CHECK(lead.baseline.value() == Approx(1106114));
        CHECK(lead.goal.value() == Approx(5 * kDay16));
        // 12 d = 691,200 s: (691200 - 1106114) / (288000 - 1106114) = 414914 / 818114.
        CHECK(metrics::progressToGoal(lead, 0).value() == Approx(414914.0 / 818114));
        CHECK(metrics::progressToGoal(lead, 1).value() == Approx(645314.0 / 818114));
    }
    {
        const model::Project p = openExample("insurance-claims");
        CHECK(model::checkWorkshop(p).empty());
        CHECK(model::assessFit(*p.workshop.ideas.at(1003).fit).fit == model::Fit::Possible);
        CHECK(p.workshop.ideas.at(1001).status == model::IdeaStatus::Rejected);
        const metrics::ReviewTable t = metrics::reviewTable(p);
        CHECK(t.dates == std::vector<std::string>{"2026-05-15", "2026-06-14"});
        const metrics::ReviewRow& lead = rowLabelled(t, "Claims paid in 4 days");
        CHECK(lead.baseline.value() == Approx(12 * kDay8));
        CHECK(metrics::progressToGoal(lead, 0).value() == Approx(0.25));
        CHECK(metrics::progressToGoal(lead, 1).value() == Approx(0.625));
    }
}
