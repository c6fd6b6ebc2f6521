// Pictures of the panels with a realistic project, for a person to look at: clipped labels and
// crowded forms are bugs no assertion sees. Hidden; run with
//   GEMBA_GRAB_DIR=/tmp/grabs app_tests "[grab]"

#include "editor_document.h"
#include "panels/findings_panel.h"
#include "panels/metrics_panel.h"
#include "panels/people_systems_panel.h"
#include "panels/properties_panel.h"
#include "panels/quick_capture_bar.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDir>
#include <QLineEdit>
#include <QTest>
#include <catch2/catch.hpp>

using namespace gemba;
using model::Id;

namespace {

struct Contracts {
    model::Project project;
    Id current = 0;
    Id draft = 0;
    Id review = 0;
    Id inbox = 0;
    Id flow = 0;
    Id pen = 0;
    Id receive = 0;
};

Contracts makeContracts() {
    Contracts c;
    model::Project& p = c.project;
    p.props.name = "Contract approval";
    p.props.description = "From a customer's request to a signed contract.";
    p.props.currency = "EUR";
    p.props.defaultHourlyRate = 65;
    auto person = [&p](const char* name, const char* role, std::optional<double> cost) {
        const Id id = p.allocateId();
        p.people[id] = model::Person{id, name, role, cost};
        return id;
    };
    const Id anna = person("Anna Berg", "Sales", 55.0);
    const Id ben = person("Ben Ochs", "Legal", 80.0);
    const Id carla = person("Carla Diaz", "Finance", std::nullopt);
    const Id dev = person("Dev Patel", "IT", 70.0);
    p.props.team = model::WorkshopTeam{carla, anna, dev, {ben, carla}};
    auto system = [&p](const char* name, model::SystemKind kind) {
        const Id id = p.allocateId();
        p.systems[id] = model::System{id, name, kind};
        return id;
    };
    const Id crm = system("Salesforce", model::SystemKind::Application);
    const Id tracker = system("Contract tracker", model::SystemKind::Spreadsheet);
    const Id mail = system("Outlook", model::SystemKind::Email);
    const Id sign = system("DocuSign", model::SystemKind::Application);

    model::Map map;
    map.id = c.current = p.allocateId();
    map.props.name = "Current state";
    map.props.trigger = "A customer asks for a contract";
    map.props.done = "The signed contract is with the customer";
    map.props.demand = model::Demand{12, model::DemandPeriod::Week};
    map.props.availableTimePerDay = 7.5 * 3600;
    map.props.notes = "Walked with the team on 14 May.";

    model::Party customerIn{p.allocateId(), 0, model::PartyKind::Supplier, "Customer", "", {0, 0}};
    map.parties[customerIn.id] = customerIn;
    auto step = [&](const char* name, const char* role, double pt, double lt,
                    std::optional<double> pca, std::vector<Id> people, std::vector<Id> systems) {
        model::Step s;
        s.id = p.allocateId();
        s.name = name;
        s.role = role;
        s.processTime = pt;
        s.leadTime = lt;
        s.pca = pca;
        s.people = std::move(people);
        s.systems = std::move(systems);
        map.steps[s.id] = s;
        return s.id;
    };
    c.receive = step("Receive request", "Sales", 15 * 60, 4 * 3600, 85, {anna}, {crm, mail});
    model::Wait inbox;
    inbox.id = c.inbox = p.allocateId();
    inbox.kind = model::WaitKind::Time;
    inbox.label = "Legal inbox";
    inbox.time = 2 * 8 * 3600;
    map.waits[inbox.id] = inbox;
    c.review =
        step("Review contract", "Legal", 1.5 * 3600, 3 * 8 * 3600, 70, {ben}, {tracker, mail});
    model::Step& review = map.steps.at(c.review);
    review.description = "Legal checks terms, liability and data protection clauses.";
    review.processTimeMin = 45 * 60;
    review.processTimeMax = 4 * 3600;
    review.value = model::ValueClass::NecessaryNonValueAdding;
    review.wastes = static_cast<unsigned>(model::WasteKind::Waiting) |
                    static_cast<unsigned>(model::WasteKind::OverProcessing);
    review.frictions = {{"Copy data from Salesforce into the tracker", 10, 12},
                        {"Chase missing information by email", 20, 6}};
    review.artifacts = {"Redlined contract", "Review notes"};
    review.batchSize = 1200; // a four-digit count, to see its thousands grouped
    review.sources[model::Figure::ProcessTime] = {model::Basis::Measured, "time study",
                                                  "2024-05-14"};
    review.sources[model::Figure::LeadTime] = {model::Basis::Estimated, "Ben", ""};
    const Id approve = step("Approve price", "Finance", 20 * 60, 8 * 3600, 95, {carla}, {tracker});
    const Id signStep = step("Sign and send", "Sales", 30 * 60, 4 * 3600, 98, {anna}, {sign});
    model::Party customerOut{p.allocateId(), 0, model::PartyKind::Customer, "Customer", "", {}};
    map.parties[customerOut.id] = customerOut;

    auto flow = [&](Id from, Id to, model::FlowKind kind) {
        model::Flow f;
        f.id = p.allocateId();
        f.from = from;
        f.to = to;
        f.kind = kind;
        map.flows[f.id] = f;
        return f.id;
    };
    flow(customerIn.id, c.receive, model::FlowKind::Push);
    flow(c.receive, c.inbox, model::FlowKind::Push);
    c.flow = flow(c.inbox, c.review, model::FlowKind::Fifo);
    map.flows.at(c.flow).fifoMax = 10;
    map.flows.at(c.flow).label = "Oldest first";
    flow(c.review, approve, model::FlowKind::Push);
    flow(approve, signStep, model::FlowKind::Push);
    flow(signStep, customerOut.id, model::FlowKind::Shipment);

    model::RedPen pen;
    pen.id = c.pen = p.allocateId();
    pen.reason = "Copying into the tracker and chasing by email";
    pen.cost = 18000;
    pen.targets = {c.review};
    map.redPens[pen.id] = pen;
    p.maps.push_back(map);

    // A draft with the mistakes a workshop makes: a lead time below the process time, a step
    // without times, a step on its own.
    model::Map draft;
    draft.id = c.draft = p.allocateId();
    draft.props.name = "Future state (draft)";
    draft.props.state = model::MapState::Future;
    draft.props.madeFrom = c.current;
    model::Step a;
    a.id = p.allocateId();
    a.name = "Check request";
    a.processTime = 3600;
    a.leadTime = 600;
    draft.steps[a.id] = a;
    model::Step b;
    b.id = p.allocateId();
    b.name = "Approve automatically";
    b.pos = {200, 0};
    draft.steps[b.id] = b;
    model::Step lone;
    lone.id = p.allocateId();
    lone.name = "Archive";
    lone.processTime = 300;
    lone.pos = {200, 200};
    draft.steps[lone.id] = lone;
    model::Flow ab;
    ab.id = p.allocateId();
    ab.from = a.id;
    ab.to = b.id;
    draft.flows[ab.id] = ab;
    p.maps.push_back(draft);
    return c;
}

void save(QWidget& widget, const QString& name, QSize size) {
    const QString dir = qEnvironmentVariable("GEMBA_GRAB_DIR", QDir::tempPath());
    widget.resize(size);
    widget.show();
    QApplication::processEvents();
    // Unfold every section, so that the picture shows every field.
    for (auto* button : widget.findChildren<QAbstractButton*>())
        if (button->parentWidget() && button->parentWidget()->objectName().startsWith("section_") &&
            button->isCheckable() && !button->isChecked())
            button->click();
    QApplication::processEvents();
    const QString path = QDir(dir).filePath(name + QStringLiteral(".png"));
    REQUIRE(widget.grab().save(path));
}

} // namespace

TEST_CASE("grab the panels", "[.][grab]") {
    Contracts c = makeContracts();
    app::EditorDocument doc;
    doc.resetProject(c.project, false);

    app::PropertiesPanel properties(doc);
    properties.setContext(c.current, {c.review});
    save(properties, "properties_step", {340, 1900});
    properties.setContext(c.current, {});
    save(properties, "properties_map", {340, 1000});
    properties.setContext(c.draft, {});
    save(properties, "properties_map_draft", {340, 420});
    properties.setContext(c.current, {c.flow});
    save(properties, "properties_flow", {340, 320});
    properties.setContext(c.current, {c.inbox});
    save(properties, "properties_wait", {340, 220});
    properties.setContext(c.current, {c.pen});
    save(properties, "properties_red_pen", {340, 360});
    properties.setContext(c.current, {c.review, c.receive, c.flow});
    save(properties, "properties_several", {340, 220});
    properties.setContext(c.current, {c.review});
    QLineEdit* pt = properties.findChild<QLineEdit*>("processTime");
    REQUIRE(pt);
    pt->selectAll();
    QTest::keyClicks(pt, "90 m");
    save(properties, "properties_step_invalid", {340, 700});
    save(properties, "properties_step_narrow", {280, 700});

    app::MetricsPanel metrics(doc);
    metrics.setMap(c.current);
    save(metrics, "metrics", {340, 520});
    metrics.setMap(c.draft);
    save(metrics, "metrics_invalid", {340, 200});

    app::FindingsPanel findings(doc);
    findings.setMap(c.draft);
    save(findings, "findings", {420, 260});

    app::PeopleSystemsPanel people(doc);
    save(people, "people_systems", {380, 460});

    app::QuickCaptureBar bar;
    save(bar, "quick_capture", {700, 40});
    QTest::keyClicks(bar.lineEdit(), "Approve 30 m");
    QTest::keyClick(bar.lineEdit(), Qt::Key_Return);
    save(bar, "quick_capture_error", {700, 64});
}
