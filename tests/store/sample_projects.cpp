#include "sample_projects.h"

#include <algorithm>
#include <sqlite3.h>
#include <stdexcept>

namespace gemba::store::test {

using namespace gemba::model;

Project fullProject() {
    Project p;
    p.props.name = "Claims handling – Schadensregulierung ✓";
    p.props.description =
        "Line one\nLine two, with \"quotes\" and a tab\there.\n日本語のテキスト 🚀";
    p.props.calendar = Calendar{7.5, 4.5};
    p.props.currency = "CHF";
    p.props.defaultHourlyRate = 87.25;

    // Ids: small ones, and some near the largest a .gemba file keeps (2^63 - 1), above 2^53 so
    // that a trip through a double would change them.
    const Id big = 9007199254740993ull; // 2^53 + 1
    Person anna{1, "Anna Müller", "Claims team", 65.5};
    Person bo{2, "Bo Ødegård", "", std::nullopt};
    Person chen{3, "陈伟", "IT", 0.0};
    Person dee{big, "Dee", "Sponsor office", 120};
    anna.catalogue = "per-0a1b2c3d4e5f6071"; // the organisation's catalogue entries
    for (const Person& person : {anna, bo, chen, dee})
        p.people.emplace(person.id, person);

    System crm{4, "CRM", SystemKind::Application};
    System sheet{5, "Tracker.xlsx", SystemKind::Spreadsheet};
    System mail{6, "Outlook", SystemKind::Email};
    System paper{7, "Paper form", SystemKind::Paper};
    System phone{8, "Phone", SystemKind::Phone};
    System other{9, "", SystemKind::Other};
    crm.catalogue = "sys-'crm' \"quoted\"; DROP TABLE system";
    for (const System& system : {crm, sheet, mail, paper, phone, other})
        p.systems.emplace(system.id, system);

    p.props.team = WorkshopTeam{big, 1, 2, {3, 1}};

    // The current state: every element kind, every field set on one element of each kind.
    Map current;
    current.id = 10;
    current.props.name = "Current state";
    current.props.state = MapState::Current;
    current.props.trigger = "Claim arrives by mail";
    current.props.done = "Payment sent";
    current.props.demand = Demand{120.5, DemandPeriod::Week};
    current.props.availableTimePerDay = 6.5 * 3600;
    current.props.notes = "Walked on 3 March; numbers from the ticket system.";

    Step full;
    full.id = 11;
    full.name = "Check claim";
    full.description = "Compare the form with the policy.\nSecond line.";
    full.role = "Claims team";
    full.headcount = 2.5;
    full.people = {1, 2};
    full.systems = {4, 5, 6};
    full.processTime = 1800;
    full.processTimeMin = 600;
    full.processTimeMax = 5400.25;
    full.cycleTime = 900;
    full.leadTime = 2 * 27000.0;
    full.pca = 72.5;
    full.batchSize = 12;
    full.changeover = 300;
    full.uptime = 98.5;
    full.defectRate = 3.25;
    full.value = ValueClass::NecessaryNonValueAdding;
    full.wastes = static_cast<unsigned>(WasteKind::Waiting) |
                  static_cast<unsigned>(WasteKind::Defects) |
                  static_cast<unsigned>(WasteKind::UnusedTalent);
    full.frictions = {Friction{"Re-typing the policy number", 2.5, 40},
                      Friction{"Waiting for a call back", 30, 3.5}};
    full.artifacts = {"Checked form", "Note in CRM", "Ticket ✓"};
    full.sources = {{Figure::ProcessTime, Source{Basis::Measured, "time study", "2024-03-03"}},
                    {Figure::LeadTime, Source{Basis::Estimated, "Anna", ""}},
                    {Figure::Pca, Source{Basis::Unknown, "", "2024-03-04"}}};
    full.pos = {-120.5, 40.25};
    current.steps.emplace(full.id, full);

    Step bare; // every optional unset, empty lists
    bare.id = 12;
    bare.name = "Pay";
    bare.pos = {240, 0};
    bare.value = ValueClass::Waste;
    current.steps.emplace(bare.id, bare);

    Step valueAdding;
    valueAdding.id = big + 1;
    valueAdding.name = "Assess damage";
    valueAdding.processTime = 0;
    valueAdding.people = {big};
    valueAdding.systems = {9};
    valueAdding.wastes = kAllWasteKinds;
    valueAdding.pos = {480, -60};
    current.steps.emplace(valueAdding.id, valueAdding);

    Wait queue{13,           kNoId,        WaitKind::Time, "Inbox", 4 * 3600.0,
               std::nullopt, std::nullopt, std::nullopt,   {120, 0}};
    Wait stock{14, kNoId,        WaitKind::Inventory, "",      std::nullopt,
               35, std::nullopt, std::nullopt,        {360, 0}};
    Wait empty{15,           kNoId,        WaitKind::Time, "",    std::nullopt,
               std::nullopt, std::nullopt, std::nullopt,   {0, 0}};
    for (const Wait& wait : {queue, stock, empty})
        current.waits.emplace(wait.id, wait);

    Party supplier{16, kNoId, PartyKind::Supplier, "Policy holder", "Sends the claim", {-300, 0}};
    Party customer{17, kNoId, PartyKind::Customer, "Policy holder (paid)", "", {700, 0}};
    current.parties.emplace(supplier.id, supplier);
    current.parties.emplace(customer.id, customer);

    InfoBox control{18, kNoId, "Claims system", "Assigns work every morning", {240, -200}};
    InfoBox bareBox{19, kNoId, "", "", {0, -200}};
    current.infoBoxes.emplace(control.id, control);
    current.infoBoxes.emplace(bareBox.id, bareBox);

    Note note{20, kNoId, "Ask IT about the export – «wichtig»", {100, 300}};
    current.notes.emplace(note.id, note);

    Flow in{21, kNoId, 16, 11, FlowKind::Push, std::nullopt, std::nullopt, std::nullopt, ""};
    Flow fifo{22, kNoId, 11, 13, FlowKind::Fifo, 25, 0.75, 1200, "FIFO max 25"};
    Flow pull{23, kNoId, 13, 12, FlowKind::Pull, std::nullopt, 0.25, std::nullopt, "pull"};
    Flow shipment{24, kNoId, 12, 17, FlowKind::Shipment, std::nullopt, 1.0, 0, "truck"};
    Flow manual{25,           kNoId,        18,           11,          FlowKind::ManualInformation,
                std::nullopt, std::nullopt, std::nullopt, "daily list"};
    Flow electronic{26,           kNoId,        18,           12, FlowKind::ElectronicInformation,
                    std::nullopt, std::nullopt, std::nullopt, ""};
    Flow rework{27, kNoId, 12, 11, FlowKind::Push, 1, 0.1, 60, "rework"};
    for (const Flow& flow : {in, fifo, pull, shipment, manual, electronic, rework})
        current.flows.emplace(flow.id, flow);

    RedPen pen{28, kNoId, {11, 22, 13}, "Re-typing and waiting", 12500.5, {0, 150}};
    RedPen loose{29, kNoId, {}, "", std::nullopt, {500, 150}};
    current.redPens.emplace(pen.id, pen);
    current.redPens.emplace(loose.id, loose);
    p.maps.push_back(current);

    // A future state made from it: origins set, demand per day, no available time.
    Map future;
    future.id = 30;
    future.props.name = "Future state";
    future.props.state = MapState::Future;
    future.props.madeFrom = 10;
    future.props.demand = Demand{0, DemandPeriod::Year};
    Step derived = full;
    derived.id = 31;
    derived.origin = 11;
    derived.frictions.clear();
    derived.pos = {0, 0};
    future.steps.emplace(derived.id, derived);
    Wait derivedWait{32,           13,           WaitKind::Time, "Inbox", 600,
                     std::nullopt, std::nullopt, std::nullopt,   {100, 0}};
    future.waits.emplace(derivedWait.id, derivedWait);
    Party derivedParty{33, 16, PartyKind::Supplier, "Policy holder", "", {-200, 0}};
    future.parties.emplace(derivedParty.id, derivedParty);
    InfoBox derivedBox{34, 18, "Claims system", "", {0, -200}};
    future.infoBoxes.emplace(derivedBox.id, derivedBox);
    Note derivedNote{35, 20, "", {0, 300}};
    future.notes.emplace(derivedNote.id, derivedNote);
    Flow derivedFlow{36, 21, 33, 31, FlowKind::Push, std::nullopt, std::nullopt, std::nullopt, ""};
    future.flows.emplace(derivedFlow.id, derivedFlow);
    RedPen derivedPen{37, 28, {31, 36}, "Still slow", 0, {0, 0}};
    future.redPens.emplace(derivedPen.id, derivedPen);
    p.maps.push_back(future);

    // An ideal state with nothing on it, and the demand of a month.
    Map ideal;
    ideal.id = 38;
    ideal.props.name = "Ideal";
    ideal.props.state = MapState::Ideal;
    ideal.props.demand = Demand{500, DemandPeriod::Month};
    ideal.props.availableTimePerDay = 0;
    p.maps.push_back(ideal);

    Map day;
    day.id = 39;
    day.props.name = "Daily";
    day.props.demand = Demand{40, DemandPeriod::Day};
    p.maps.push_back(day);

    p.nextId = big + 100;
    return p;
}

Project withoutCatalogueReferences(Project project) {
    for (auto& [id, person] : project.people)
        person.catalogue.clear();
    for (auto& [id, system] : project.systems)
        system.catalogue.clear();
    return project;
}

/// fullProject() with a workshop that sets every field, optionals both set and unset.
Project fullProjectWithWorkshop() {
    Project project = fullProject();
    const Map& map = project.maps.front();
    const Id step = map.steps.begin()->first;
    const Id person = project.people.begin()->first;
    Workshop& w = project.workshop;
    w.props.problem = "Kunden warten fünf Wochen";
    w.props.goals.push_back(
        Goal{"lead time under 10 d", Target{TargetFigure::LeadTime, map.id, kNoId, 34 * 28800.0,
                                            10 * 28800.0, std::nullopt}});
    w.props.goals.push_back(Goal{
        "", Target{TargetFigure::StepLeadTime, map.id, step, std::nullopt, std::nullopt, -30.0}});
    w.props.startDate = "2026-03-02";
    w.props.endDate = "2026-03-04";
    w.props.place = "Room 4";
    Idea idea;
    idea.id = project.allocateId();
    idea.text = "Use a voice agent for order status";
    idea.proposedBy = person;
    idea.date = "2026-03-03";
    idea.concerns = {map.id, step};
    idea.kind = IdeaKind::UseAi;
    idea.impact = 4;
    idea.effort = 2;
    idea.votes = 7;
    idea.status = IdeaStatus::Selected;
    idea.reason = "most calls are FAQs";
    idea.fit = FitChecklist{Level::High, Level::High, DataSource::Mixed, std::nullopt, Level::High};
    w.ideas.emplace(idea.id, idea);
    Idea bare;
    bare.id = project.allocateId();
    bare.text = "x";
    w.ideas.emplace(bare.id, bare);
    Action action;
    action.id = project.allocateId();
    action.title = "Voice agent pilot";
    action.changes = {idea.id, step};
    action.owner = person;
    action.start = "2026-03-10";
    action.due = "2026-04-30";
    action.status = ActionStatus::Blocked;
    action.reason = "waiting for the licence";
    action.effect = Target{TargetFigure::WaitTime, map.id, 0, 5 * 28800.0, 28800.0, std::nullopt};
    action.realises = map.id;
    action.notes = "two sites";
    w.actions.emplace(action.id, action);
    Review review;
    review.id = project.allocateId();
    review.title = "30-day review";
    review.dayOffset = 30;
    review.date = "2026-04-06";
    review.attendees = {person};
    review.progress = {{action.id, ActionStatus::InProgress, "pilot live at one site"}};
    review.decisions = {"extend to site two", "measure again at 60 days"};
    review.measuredMap = map.id;
    review.measures = {{TargetFigure::LeadTime, kNoId, 20 * 28800.0},
                       {TargetFigure::RolledPca, kNoId, 0.42}};
    review.notes = "good progress";
    w.reviews.emplace(review.id, review);
    w.parkingLot.emplace(project.nextId, ParkingItem{project.nextId, "Licence budget?", person,
                                                     "2026-03-02", true, action.id});
    project.allocateId();
    w.glossary.emplace(project.nextId, Term{project.nextId, "SOW", "statement of work"});
    project.allocateId();
    w.lessons.emplace(project.nextId, Lesson{project.nextId, "Invite finance early", ""});
    project.allocateId();
    w.summaries.emplace(project.nextId, DaySummary{project.nextId, "2026-03-02", "- mapped",
                                                   "- none", "- red pen", project.nextId});
    project.allocateId();
    return project;
}

Project fullProjectOfOldFile() {
    Project project = fullProject();
    project.props.calendar.daysPerMonth =
        Calendar::legacyDaysPerMonth(project.props.calendar.daysPerWeek);
    return withoutCatalogueReferences(project);
}

Project bigProject(int steps, int flows) {
    Project p;
    p.props.name = "Big";
    for (Id i = 0; i < 20; ++i) {
        Person person{p.allocateId(), "Person " + std::to_string(i),
                      "Team " + std::to_string(i % 4), 50.0 + double(i)};
        p.people.emplace(person.id, person);
    }
    for (Id i = 0; i < 10; ++i) {
        System system{p.allocateId(), "System " + std::to_string(i), SystemKind::Application};
        p.systems.emplace(system.id, system);
    }
    Map map;
    map.id = p.allocateId();
    map.props.name = "Current state";
    map.props.demand = Demand{40, DemandPeriod::Day};
    std::vector<Id> ids;
    for (int i = 0; i < steps; ++i) {
        Step step;
        step.id = p.allocateId();
        step.name = "Step " + std::to_string(i);
        step.description = "Does part " + std::to_string(i) + " of the work";
        step.role = "Team " + std::to_string(i % 4);
        step.people = {Id(1 + i % 20)};
        step.systems = {Id(21 + i % 10)};
        step.processTime = 60.0 * (1 + i % 30);
        step.leadTime = 3600.0 * (1 + i % 8);
        step.pca = 90 + i % 10;
        step.pos = {240.0 * i, 0};
        map.steps.emplace(step.id, step);
        ids.push_back(step.id);
    }
    int made = 0;
    for (int i = 0; i + 1 < steps && made < flows; ++i, ++made) {
        Flow flow;
        flow.id = p.allocateId();
        flow.from = ids[i];
        flow.to = ids[i + 1];
        map.flows.emplace(flow.id, flow);
    }
    for (int i = 0; made < flows; ++i, ++made) {
        Flow flow;
        flow.id = p.allocateId();
        flow.from = ids[(i * 7 + 5) % steps];
        flow.to = ids[(i * 3) % steps];
        flow.kind = FlowKind::ElectronicInformation;
        flow.label = "signal";
        map.flows.emplace(flow.id, flow);
    }
    p.maps.push_back(std::move(map));
    return p;
}

void runSql(const std::filesystem::path& file, const std::string& sql) {
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) !=
        SQLITE_OK) {
        sqlite3_close(db);
        throw std::runtime_error("cannot open " + file.string());
    }
    char* error = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
    const std::string message = error ? error : "";
    sqlite3_free(error);
    sqlite3_close(db);
    if (rc != SQLITE_OK)
        throw std::runtime_error("SQL failed: " + message + " in: " + sql);
}

std::vector<std::string> listDir(const std::filesystem::path& dir) {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(dir))
        names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

} // namespace gemba::store::test
