// The worked examples of docs/metrics.md, with the same numbers. Each test names its section.
// Calendar: the default 8-hour working day, 5-day week, unless a test says otherwise.
#include "map_builder.h"

using namespace gemba::metrics;
using namespace gemba::metrics::test;
using gemba::model::Id;

TEST_CASE("linear: lead time, process time and the ladder", "[metrics][example][linear]") {
    // docs/metrics.md, "A linear stream".
    MapBuilder b;
    const Id client = b.supplier("Client");
    const Id enter = b.step("Enter order", 10 * kMinute, 30 * kMinute);
    const Id tray = b.wait("In-tray", 4 * kHour);
    const Id check = b.step("Check credit", 20 * kMinute); // LT empty: LT = PT
    const Id confirm = b.step("Confirm", 5 * kMinute, 1 * kHour);
    const Id done = b.customer("Client");
    b.stepAt(check).value = gemba::model::ValueClass::NecessaryNonValueAdding;
    b.chain({client, enter, tray, check, confirm});
    b.flow(confirm, done, std::nullopt, 30 * kMinute); // posted: 30 min on the way

    const MapMetrics m = b.metrics();
    REQUIRE(m.valid);
    CHECK(m.findings.empty());
    // LT = 30 + 240 + 20 + 60 + 30 (flow wait) = 380 min = 22800 s
    CHECK(m.leadTime == Approx(22800));
    // PT = 10 + 20 + 5 = 35 min = 2100 s
    CHECK(m.processTime == Approx(2100));
    CHECK(m.waitTime == Approx(22800 - 2100));
    // 380 min / 480 min per working day
    CHECK(m.leadTimeDays == Approx(380.0 / 480.0));
    CHECK(m.activityRatio == Approx(35.0 / 380.0));
    // Value-adding PT = 10 + 5 = 15 min (Check credit is necessary non-value-adding)
    CHECK(m.valueAddingTime == Approx(900));
    CHECK(m.processCycleEfficiency == Approx(15.0 / 380.0));

    REQUIRE(m.timeline.size() == 5);
    CHECK(m.timeline[0].element == enter);
    CHECK(m.timeline[0].processSeconds == Approx(600));
    CHECK(m.timeline[0].waitSeconds == Approx(1200)); // LT - PT = 20 min
    CHECK(m.timeline[1].element == tray);
    CHECK(m.timeline[1].waitSeconds == Approx(14400));
    CHECK(m.timeline[2].element == check);
    CHECK(m.timeline[2].waitSeconds == Approx(0));
    CHECK(m.timeline[3].element == confirm);
    CHECK(m.timeline[3].waitSeconds == Approx(3300)); // 55 min
    CHECK(m.timeline[4].element == done);             // the 30 min flow wait into it
    CHECK(m.timeline[4].waitSeconds == Approx(1800));
    CHECK(m.stepOrder == std::vector<Id>{enter, check, confirm});
    checkConsistent(b, m);
}

TEST_CASE("parallel: the critical path, not the sum of branches", "[metrics][example][parallel]") {
    // docs/metrics.md, "Parallel work (AND)".
    MapBuilder b;
    const Id in = b.supplier();
    const Id receive = b.step("Receive", 30 * kMinute);
    const Id legal = b.step("Legal review", 1 * kHour, 16 * kHour); // LT 2 d
    const Id tech = b.step("Tech review", 3 * kHour, 8 * kHour);    // LT 1 d
    const Id approve = b.step("Approve", 15 * kMinute);
    const Id out = b.customer();
    b.chain({in, receive, legal, approve, out});
    b.flow(receive, tech);
    b.flow(tech, approve);

    const MapMetrics m = b.metrics();
    REQUIRE(m.valid);
    // Legal (16 h) outlasts Tech (8 h): LT = 0.5 + 16 + 0.25 = 16.75 h = 60300 s
    CHECK(m.leadTime == Approx(60300));
    // PT along the critical path = 0.5 + 1 + 0.25 = 1.75 h = 6300 s (not 4.75 h)
    CHECK(m.processTime == Approx(6300));
    CHECK(m.activityRatio == Approx(1.75 / 16.75));
    CHECK(m.steps.at(tech).visits == 0);
    CHECK_FALSE(m.steps.at(tech).onPath);
    CHECK(m.steps.at(legal).onPath);
    // Labour: both reviews are worked, Approve once: 0.5 + 1 + 3 + 0.25 = 4.75 h = 17100 s
    CHECK(m.totalLabour == Approx(17100));
    CHECK(m.stepOrder == std::vector<Id>{receive, legal, approve, tech});
    checkConsistent(b, m);
}

TEST_CASE("parallel: summing branches would push the ratio above 100%",
          "[metrics][example][parallel]") {
    // docs/metrics.md, "Parallel work (AND)": Pack and Invoice, 2 h each, at the same time.
    MapBuilder b;
    const Id in = b.supplier();
    const Id pack = b.step("Pack", 2 * kHour);
    const Id invoice = b.step("Invoice", 2 * kHour);
    const Id out = b.customer();
    b.chain({in, pack, out});
    b.chain({in, invoice, out});

    const MapMetrics m = b.metrics();
    REQUIRE(m.valid);
    CHECK(m.leadTime == Approx(7200));    // 2 h, not 4 h
    CHECK(m.processTime == Approx(7200)); // the sum would be 4 h: a 200% ratio
    CHECK(m.activityRatio == Approx(1.0));
    CHECK(m.totalLabour == Approx(14400)); // both are worked: 4 h of labour
    // Equal branches: the lower flow id (Pack's) is the critical one.
    CHECK(m.steps.at(pack).onPath);
    CHECK_FALSE(m.steps.at(invoice).onPath);
    checkConsistent(b, m);
}

TEST_CASE("alternative: routes weighted by their shares", "[metrics][example][alternative]") {
    // docs/metrics.md, "Alternative routes (OR)".
    MapBuilder b;
    const Id in = b.supplier();
    const Id triage = b.step("Triage", 10 * kMinute);
    const Id fix = b.step("Standard fix", 1 * kHour);
    const Id escalate = b.step("Escalate", 4 * kHour, 8 * kHour);
    const Id close = b.step("Close", 5 * kMinute);
    const Id out = b.customer();
    b.chain({in, triage});
    b.flow(triage, fix, 0.8);
    b.flow(triage, escalate, 0.2);
    b.chain({fix, close, out});
    b.flow(escalate, close);

    const MapMetrics m = b.metrics();
    REQUIRE(m.valid);
    // LT = 10 + 0.8 x 60 + 0.2 x 480 + 5 = 10 + 48 + 96 + 5 = 159 min = 9540 s
    CHECK(m.leadTime == Approx(9540));
    // PT = 10 + 0.8 x 60 + 0.2 x 240 + 5 = 111 min = 6660 s
    CHECK(m.processTime == Approx(6660));
    CHECK(m.steps.at(fix).visits == Approx(0.8));
    CHECK(m.steps.at(escalate).visits == Approx(0.2));
    CHECK(m.steps.at(close).visits == Approx(1));
    CHECK(m.activityRatio == Approx(111.0 / 159.0));
    CHECK(m.totalLabour == Approx(6660)); // no parallel work: labour = PT
    REQUIRE(m.timeline.size() == 4);
    CHECK(m.timeline[1].element == fix); // branches in flow id order
    CHECK(m.timeline[2].element == escalate);
    checkConsistent(b, m);
}

TEST_CASE("rework loop: a return share p repeats 1/(1-p) times", "[metrics][example][rework]") {
    // docs/metrics.md, "Rework loops".
    MapBuilder b;
    const Id in = b.supplier();
    const Id draft = b.step("Draft", 2 * kHour);
    const Id review = b.step("Review", 30 * kMinute, 1 * kHour);
    const Id publish = b.step("Publish", 10 * kMinute);
    const Id out = b.customer();
    b.chain({in, draft, review});
    const Id back = b.flow(review, draft, 0.25, 1 * kHour); // the author picks it up after 1 h
    b.flow(review, publish, 0.75);
    b.flow(publish, out);

    const MapMetrics m = b.metrics();
    REQUIRE(m.valid);
    // visits(Draft) = visits(Review) = 1 / (1 - 0.25) = 4/3
    CHECK(m.steps.at(draft).visits == Approx(4.0 / 3.0).epsilon(1e-12));
    CHECK(m.steps.at(review).visits == Approx(4.0 / 3.0).epsilon(1e-12));
    CHECK(m.steps.at(publish).visits == Approx(1).epsilon(1e-12));
    // LT = 4/3 x (2 h + 1 h) + 1/3 x 1 h (the return flow) + 10 min = 4 h 30 min = 16200 s
    CHECK(m.leadTime == Approx(16200).epsilon(1e-12));
    // PT = 4/3 x (120 + 30) + 10 = 210 min = 12600 s
    CHECK(m.processTime == Approx(12600).epsilon(1e-12));
    REQUIRE(m.timeline.size() == 3);
    // Draft: 160 min of work, 20 min of waiting for the author (1/3 x 60 min)
    CHECK(m.timeline[0].processSeconds == Approx(160 * kMinute));
    CHECK(m.timeline[0].waitSeconds == Approx(20 * kMinute));
    CHECK(m.timeline[1].waitSeconds == Approx(40 * kMinute)); // 4/3 x 30 min
    const detail::ValueStream vs = b.solve();
    const int edge = [&] {
        for (std::size_t e = 0; e < vs.edges.size(); ++e)
            if (vs.edges[e].flow == back)
                return static_cast<int>(e);
        return -1;
    }();
    REQUIRE(edge >= 0);
    CHECK(vs.edgeVisits[edge] == Approx(1.0 / 3.0)); // 4/3 x 0.25
    checkConsistent(b, m);
}

TEST_CASE("inventory: quantity over daily demand, in working days",
          "[metrics][example][inventory]") {
    // docs/metrics.md, "Inventory by demand".
    MapBuilder b;
    b.demand(1000, gemba::model::DemandPeriod::Week); // 5-day week: 200 a day
    const Id in = b.supplier();
    const Id stock = b.inventory("Raw stock", 500);
    const Id machine = b.step("Machine", 2 * kMinute);
    const Id out = b.customer();
    b.chain({in, stock, machine, out});

    const MapMetrics m = b.metrics();
    REQUIRE(m.valid);
    REQUIRE(m.demandPerDay);
    CHECK(*m.demandPerDay == Approx(200));
    // 500 / 200 = 2.5 working days x 8 h = 20 h = 72000 s, plus 2 min of machining
    CHECK(m.timeline[0].waitSeconds == Approx(72000));
    CHECK(m.leadTime == Approx(72120));
    CHECK(m.leadTimeDays == Approx(72120.0 / 28800.0)); // 2.504 d
    REQUIRE(m.takt);
    CHECK(*m.takt == Approx(144)); // 28800 s / 200
    REQUIRE(m.wip);
    CHECK(*m.wip == Approx(200 * 72120.0 / 28800.0)); // Little: 200 a day x 2.504 d = 500.8
    checkConsistent(b, m);
}

TEST_CASE("demand per month and per year: the calendar's working days per month, 52 weeks a year",
          "[metrics][example][inventory][calendar]") {
    // docs/metrics.md, "Inventory by demand": 10,000 a month at 20 working days = 500 a day.
    MapBuilder b;
    b.demand(10000, gemba::model::DemandPeriod::Month);
    const Id in = b.supplier();
    const Id stock = b.inventory("Orders", 1000);
    const Id pick = b.step("Pick", 30);
    const Id out = b.customer();
    b.chain({in, stock, pick, out});
    REQUIRE(b.project.props.calendar.daysPerMonth == 20); // a new project's month
    MapMetrics m = b.metrics();
    REQUIRE(m.demandPerDay);
    CHECK(*m.demandPerDay == Approx(500));
    REQUIRE(m.takt);
    CHECK(*m.takt == Approx(57.6));                    // 28800 s / 500
    CHECK(m.timeline[0].waitSeconds == Approx(57600)); // 1000 / 500 = 2 working days

    // A project that counts 22 working days a month: 10,000 / 22 = 454.5 a day.
    b.project.props.calendar.daysPerMonth = 22;
    m = b.metrics();
    CHECK(*m.demandPerDay == Approx(10000.0 / 22));
    // A file written before the setting: a twelfth of 52 five-day weeks, 21.67 days.
    b.project.props.calendar.daysPerMonth = gemba::model::Calendar::legacyDaysPerMonth(5);
    m = b.metrics();
    CHECK(*m.demandPerDay == Approx(10000.0 / (5 * 52.0 / 12.0)));

    // A year is 52 working weeks: 130,000 a year on a 5-day week = 500 a day.
    b.demand(130000, gemba::model::DemandPeriod::Year);
    m = b.metrics();
    CHECK(*m.demandPerDay == Approx(500));
    checkConsistent(b, m);
}

TEST_CASE("calendar: the same map with 8-hour and 24-hour days", "[metrics][example][calendar]") {
    // docs/metrics.md, "The working calendar".
    MapBuilder b;
    b.demand(10);
    const Id in = b.supplier();
    const Id assemble = b.step("Assemble", 1 * kHour);
    const Id goods = b.inventory("Finished goods", 30); // 30 / 10 a day = 3 working days
    const Id out = b.customer();
    b.chain({in, assemble, goods, out});

    const MapMetrics office = b.metrics();
    REQUIRE(office.valid);
    // 3 d x 8 h = 24 h of waiting; LT = 25 h = 90000 s; ratio 1/25 = 4%
    CHECK(office.leadTime == Approx(90000));
    CHECK(office.waitTime == Approx(24 * kHour));
    CHECK(office.activityRatio == Approx(0.04));
    CHECK(office.leadTimeDays == Approx(25.0 / 8.0));
    checkConsistent(b, office);

    b.project.props.calendar.hoursPerDay = 24;
    const MapMetrics plant = b.metrics();
    REQUIRE(plant.valid);
    // 3 d x 24 h = 72 h of waiting; LT = 73 h = 262800 s; ratio 1/73 = 1.37%
    CHECK(plant.leadTime == Approx(262800));
    CHECK(plant.waitTime == Approx(72 * kHour));
    CHECK(plant.activityRatio == Approx(1.0 / 73.0));
    CHECK(plant.leadTimeDays == Approx(73.0 / 24.0));
    // The waiting triples; the ratio falls 73/25 = 2.92 times.
    CHECK(plant.waitTime / office.waitTime == Approx(3));
    CHECK(office.activityRatio / plant.activityRatio == Approx(2.92));
    checkConsistent(b, plant);
}

TEST_CASE("takt, cycle time and the bottleneck", "[metrics][example][takt]") {
    // docs/metrics.md, "Takt time and the bottleneck".
    MapBuilder b;
    b.demand(40); // 40 a day
    const Id in = b.supplier();
    const Id cut = b.step("Cut", 10 * kMinute);     // C/T = 600 s
    const Id weld = b.step("Weld", 30 * kMinute);   // 2 people: C/T = 900 s
    const Id paint = b.step("Paint", 10 * kMinute); // 50% uptime: C/T = 1200 s
    const Id pack = b.step("Pack", 8 * kMinute);    // C/T given: 300 s
    const Id out = b.customer();
    b.stepAt(weld).headcount = 2;
    b.stepAt(paint).uptime = 50;
    b.stepAt(pack).cycleTime = 5 * kMinute;
    b.chain({in, cut, weld, paint, pack, out});

    MapMetrics m = b.metrics();
    REQUIRE(m.valid);
    CHECK(m.availableTimePerDay == Approx(28800));
    REQUIRE(m.takt);
    CHECK(*m.takt == Approx(720)); // 28800 s / 40 = 12 min
    CHECK(m.steps.at(cut).cycleTime == Approx(600));
    CHECK(m.steps.at(weld).cycleTime == Approx(900));   // 1800 / 2
    CHECK(m.steps.at(paint).cycleTime == Approx(1200)); // 600 / 0.5
    CHECK(m.steps.at(pack).cycleTime == Approx(300));
    CHECK(m.cycleTime == Approx(3000)); // 600 + 900 + 1200 + 300
    CHECK(m.bottleneck == paint);
    CHECK(m.bottleneckCycleTime == Approx(1200));
    CHECK(*m.steps.at(paint).capacityPerDay == Approx(24)); // 28800 / 1200
    CHECK(*m.steps.at(weld).capacityPerDay == Approx(32));  // 28800 / 900
    CHECK(*m.steps.at(cut).capacityPerDay == Approx(48));
    CHECK(*m.steps.at(pack).capacityPerDay == Approx(96));
    CHECK_FALSE(m.steps.at(cut).aboveTakt);
    CHECK(m.steps.at(weld).aboveTakt);
    CHECK(m.steps.at(paint).aboveTakt);
    CHECK(codes(m.findings) == std::vector<std::string>{"above_takt", "above_takt"});
    CHECK(m.findings[0].element == weld);
    checkConsistent(b, m);

    // Two shifts: 16 h available, takt 1440 s = 24 min; nobody is above it.
    b.map().props.availableTimePerDay = 16 * kHour;
    m = b.metrics();
    REQUIRE(m.takt);
    CHECK(*m.takt == Approx(1440));
    CHECK(*m.steps.at(paint).capacityPerDay == Approx(48)); // 57600 / 1200
    CHECK(m.findings.empty());
}

TEST_CASE("rolled %C&A: shares renormalised, loops counted once", "[metrics][example][pca]") {
    // docs/metrics.md, "Rolled %C&A".
    MapBuilder b;
    const Id in = b.supplier();
    const Id intake = b.step("Intake", 10 * kMinute);
    const Id quick = b.step("Quick check", 5 * kMinute);
    const Id full = b.step("Full check", 30 * kMinute); // %C&A empty: counts as 100%
    const Id decide = b.step("Decide", 10 * kMinute);
    const Id out = b.customer();
    b.stepAt(intake).pca = 90;
    b.stepAt(quick).pca = 80;
    b.stepAt(decide).pca = 95;
    b.chain({in, intake});
    b.flow(intake, quick, 0.75);
    b.flow(intake, full, 0.25);
    b.chain({quick, decide});
    b.flow(full, decide);
    b.flow(decide, intake, 0.1); // back edge: left out, Decide's other share becomes 1
    b.flow(decide, out, 0.9);

    const MapMetrics m = b.metrics();
    REQUIRE(m.valid);
    // R(Decide) = 0.95; R(Quick) = 0.8 x 0.95 = 0.76; R(Full) = 1 x 0.95 = 0.95
    // R(Intake) = 0.9 x (0.75 x 0.76 + 0.25 x 0.95) = 0.9 x 0.8075 = 0.72675
    CHECK(m.rolledPca == Approx(0.72675));
    checkConsistent(b, m);
}

TEST_CASE("rolled %C&A takes the critical branch of parallel work", "[metrics][example][pca]") {
    // docs/metrics.md, "Rolled %C&A": A -> {B (90%, long), C (50%, short)} -> D (80%).
    MapBuilder b;
    const Id in = b.supplier();
    const Id a = b.step("A", 10 * kMinute);
    const Id longer = b.step("B", 2 * kHour);
    const Id shorter = b.step("C", 10 * kMinute);
    const Id d = b.step("D", 10 * kMinute);
    const Id out = b.customer();
    b.stepAt(longer).pca = 90;
    b.stepAt(shorter).pca = 50;
    b.stepAt(d).pca = 80;
    b.chain({in, a, longer, d, out});
    b.chain({a, shorter, d});
    const MapMetrics m = b.metrics();
    REQUIRE(m.valid);
    CHECK(m.rolledPca == Approx(0.72)); // 1 x 0.9 x 0.8
    checkConsistent(b, m);
}

TEST_CASE("friction: hours a week and their cost", "[metrics][example][friction]") {
    // docs/metrics.md, "Friction cost".
    MapBuilder b;
    b.project.props.defaultHourlyRate = 40;
    const Id anna = b.person("Anna", 60);
    const Id ben = b.person("Ben", std::nullopt);
    const Id carla = b.person("Carla", 80);
    const Id in = b.supplier();
    const Id copy = b.step("Copy into spreadsheet", 15 * kMinute);
    const Id chase = b.step("Chase approval", 5 * kMinute);
    const Id form = b.step("Fill form", 10 * kMinute);
    const Id out = b.customer();
    b.chain({in, copy, chase, form, out});
    b.stepAt(copy).headcount = 2;
    b.stepAt(copy).people = {anna, ben};
    b.stepAt(copy).frictions = {{"re-typing", 10, 15}};
    b.stepAt(chase).frictions = {{"phone calls", 30, 2}};
    b.stepAt(form).people = {anna, carla};
    b.stepAt(form).frictions = {{"log in twice", 1, 30}};

    const MapMetrics m = b.metrics();
    REQUIRE(m.valid);
    // Copy: 10 min x 15 = 150 min = 2.5 h, x 2 people = 5 h; rate 60 (Ben has none) -> 300
    // Chase: 30 min x 2 = 1 h; no people: default rate 40 -> 40
    // Form: 1 min x 30 = 0.5 h; rate (60 + 80) / 2 = 70 -> 35
    CHECK(m.frictionHoursPerWeek == Approx(6.5));
    CHECK(m.frictionCostPerWeek == Approx(375));
    CHECK(m.people == std::vector<Id>{anna, ben, carla});
    checkConsistent(b, m);
}

TEST_CASE("handoffs: work flows across roles, through waits", "[metrics][example][handoffs]") {
    // docs/metrics.md, "Handoffs".
    MapBuilder b;
    const Id in = b.supplier();
    const Id call = b.step("Take call", 5 * kMinute);
    const Id quote = b.step("Quote", 20 * kMinute);
    const Id queue = b.wait("Queue", 1 * kHour);
    const Id design = b.step("Design", 2 * kHour);
    const Id build = b.step("Build", 4 * kHour);
    const Id document = b.step("Document", 10 * kMinute);
    const Id ship = b.step("Ship", 30 * kMinute);
    const Id invoice = b.step("Invoice", 5 * kMinute);
    const Id out = b.customer();
    b.stepAt(call).role = "Sales";
    b.stepAt(quote).role = "sales "; // the same team, spelt differently
    b.stepAt(design).role = "Engineering";
    b.stepAt(build).role = "engineering";
    b.stepAt(document).role = "Support";
    b.stepAt(ship).role = "Logistics";
    // Invoice has no role: its flows are never handoffs.
    b.chain({in, call, quote, queue});
    const Id intoDesign = b.flow(queue, design); // Quote (sales) -> Engineering, via the queue
    b.flow(design, build);
    const Id toDocument = b.flow(design, document); // off the critical path: still counts
    const Id toShip = b.flow(build, ship);
    b.chain({ship, invoice, out});
    b.flow(document, out);
    b.flow(call, design, std::nullopt, std::nullopt,
           gemba::model::FlowKind::ElectronicInformation); // information: not a handoff

    const MapMetrics m = b.metrics();
    REQUIRE(m.valid);
    CHECK(m.handoffs == 3);
    CHECK(m.handoffFlows == std::vector<Id>{intoDesign, toDocument, toShip});
    CHECK_FALSE(m.steps.at(document).onPath);
    CHECK(m.roles == std::vector<std::string>{"Sales", "Engineering", "Support", "Logistics"});
    checkConsistent(b, m);
}

TEST_CASE("total labour with parallel work inside alternatives and a loop",
          "[metrics][example][labour]") {
    // docs/metrics.md, "Total labour".
    // S -> A -> {B, C} (parallel) -> D -> E, with E sending 20% back to A.
    MapBuilder b;
    const Id in = b.supplier();
    const Id a = b.step("A", 1 * kHour);
    const Id bb = b.step("B", 2 * kHour);
    const Id c = b.step("C", 1 * kHour);
    const Id d = b.step("D", 30 * kMinute);
    const Id e = b.step("E", 30 * kMinute);
    const Id lone = b.step("Side task", 15 * kMinute); // not connected: counts once
    const Id out = b.customer();
    b.chain({in, a, bb, d, e});
    b.chain({a, c, d});
    b.flow(e, a, 0.2);
    b.flow(e, out, 0.8);

    const MapMetrics m = b.metrics();
    REQUIRE(m.valid);
    // Every pass through the loop: A, B, C, D, E are all worked. Passes = 1 / 0.8 = 1.25.
    // Labour = 1.25 x (1 + 2 + 1 + 0.5 + 0.5) h + 0.25 h = 6.25 h + 0.25 h = 6.5 h = 23400 s
    CHECK(m.totalLabour == Approx(23400).epsilon(1e-12));
    // Critical path: C (1 h) is shorter than B (2 h): PT = 1.25 x (1 + 2 + 0.5 + 0.5) = 5 h
    CHECK(m.processTime == Approx(5 * kHour).epsilon(1e-12));
    CHECK(hasCode(m.findings, "not_connected"));
    CHECK(m.findings.size() == 1);
    CHECK(m.steps.at(lone).visits == 0);
    checkConsistent(b, m);
}

TEST_CASE("parallel starts: the critical supplier", "[metrics][example][parallel]") {
    // docs/metrics.md, "Parallel work (AND)": two suppliers feed one assembly.
    MapBuilder b;
    const Id frames = b.supplier("Frames");
    const Id wheels = b.supplier("Wheels");
    const Id paint = b.step("Paint frame", 2 * kHour);
    const Id true_ = b.step("True wheels", 1 * kHour);
    const Id assemble = b.step("Assemble", 1 * kHour);
    const Id out = b.customer();
    b.chain({frames, paint, assemble, out});
    b.chain({wheels, true_, assemble});
    const MapMetrics m = b.metrics();
    REQUIRE(m.valid);
    CHECK(m.leadTime == Approx(3 * kHour)); // frames: 2 h + 1 h
    CHECK(m.steps.at(paint).onPath);
    CHECK_FALSE(m.steps.at(true_).onPath);
    CHECK(m.totalLabour == Approx(4 * kHour)); // 2 + 1 + 1: Assemble once
    checkConsistent(b, m);
}
