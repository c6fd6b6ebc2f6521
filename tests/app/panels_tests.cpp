// Tests of the editor's panels, driving the real widgets: typing, Enter, checkboxes, tables.

#include "editor_document.h"
#include "gemba/metrics/metrics.h"
#include "gemba/model/operations.h"
#include "gemba/model/units.h"
#include "panels/field_edits.h"
#include "panels/findings_panel.h"
#include "panels/metrics_panel.h"
#include "panels/people_systems_panel.h"
#include "panels/properties_panel.h"
#include "panels/quick_capture_bar.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QUndoStack>
#include <catch2/catch.hpp>

using namespace gemba;
using app::CheckList;
using app::DurationEdit;
using app::EditorDocument;
using app::FieldLineEdit;
using app::NumberEdit;
using app::SpinEdit;
using model::Id;

namespace {

/// A small map whose figures are easy to work out by hand (8-hour days, 5-day weeks):
///   Receive order (Sales, PT 30 min, LT 2 h) --push--> Review contract (Legal, PT 1 h, LT 6 h)
/// Lead time 2 h + 6 h = 8 h = 1 working day; process time 30 min + 1 h = 1.5 h.
struct Sample {
    model::Project project;
    Id map = 0;
    Id receive = 0;
    Id review = 0;
    Id flow = 0;
    Id anna = 0;
    Id ben = 0;
    Id erp = 0;
    Id pen = 0;
};

Sample makeSample() {
    Sample s;
    model::Project& p = s.project;
    p.props.name = "Contracts";
    p.props.currency = "EUR";
    p.props.defaultHourlyRate = 60;

    s.anna = p.allocateId();
    p.people[s.anna] = model::Person{s.anna, "Anna", "Sales", 50.0};
    s.ben = p.allocateId();
    p.people[s.ben] = model::Person{s.ben, "Ben", "Legal", std::nullopt};
    p.props.team.sponsor = s.anna;
    p.props.team.experts = {s.anna, s.ben};
    s.erp = p.allocateId();
    p.systems[s.erp] = model::System{s.erp, "ERP", model::SystemKind::Application};

    model::Map map;
    map.id = s.map = p.allocateId();
    map.props.name = "Current state";

    model::Step receive;
    receive.id = s.receive = p.allocateId();
    receive.name = "Receive order";
    receive.role = "Sales";
    receive.processTime = 30 * 60;
    receive.leadTime = 2 * 3600;
    receive.people = {s.anna};
    receive.pos = {0, 0};
    map.steps[receive.id] = receive;

    model::Step review;
    review.id = s.review = p.allocateId();
    review.name = "Review contract";
    review.role = "Legal";
    review.processTime = 3600;
    review.leadTime = 6 * 3600;
    review.pos = {200, 0};
    map.steps[review.id] = review;

    model::Flow flow;
    flow.id = s.flow = p.allocateId();
    flow.from = s.receive;
    flow.to = s.review;
    flow.kind = model::FlowKind::Push;
    map.flows[flow.id] = flow;

    model::RedPen pen;
    pen.id = s.pen = p.allocateId();
    pen.reason = "Contracts wait for Legal";
    pen.targets = {s.review};
    map.redPens[pen.id] = pen;

    p.maps.push_back(map);
    return s;
}

const model::Step& stepOf(const EditorDocument& doc, Id map, Id step) {
    return doc.project().findMap(map)->steps.at(step);
}

template <class W> W* field(QWidget& panel, const char* name) {
    W* widget = panel.findChild<W*>(QString::fromLatin1(name));
    REQUIRE(widget != nullptr);
    return widget;
}

/// Types into a line edit as a user would: replace the text, then Enter.
void typeAndEnter(QLineEdit* edit, const QString& text) {
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Return);
}

QListWidgetItem* itemWithText(QListWidget* list, const QString& text) {
    for (int i = 0; i < list->count(); ++i)
        if (list->item(i)->text() == text)
            return list->item(i);
    return nullptr;
}

} // namespace

TEST_CASE("typing a duration with its unit commits seconds as one undo step", "[panels]") {
    Sample s = makeSample();
    EditorDocument doc;
    doc.resetProject(s.project, false);
    app::PropertiesPanel panel(doc);
    panel.setContext(s.map, {s.review});

    auto* pt = field<DurationEdit>(panel, "processTime");
    CHECK(pt->text() == "1 h");
    const int before = doc.undoStack()->count();

    typeAndEnter(pt, "30 min");
    CHECK(stepOf(doc, s.map, s.review).processTime == 1800.0); // 30 x 60 s
    CHECK(doc.undoStack()->count() == before + 1);
    CHECK(pt->text() == "30 min");
    CHECK_FALSE(pt->isInvalid());

    // Working days of the project's calendar: 1.5 d = 1.5 x 8 h = 43200 s.
    auto* lt = field<DurationEdit>(panel, "leadTime");
    typeAndEnter(lt, "1.5d");
    CHECK(stepOf(doc, s.map, s.review).leadTime == 43200.0);
    CHECK(lt->text() == "1.5 d");
    CHECK(doc.undoStack()->count() == before + 2);
}

TEST_CASE("breakdowns are typed as MTBF and MTTR; the availability follows", "[panels]") {
    Sample s = makeSample();
    EditorDocument doc;
    doc.resetProject(s.project, false);
    app::PropertiesPanel panel(doc);
    panel.setContext(s.map, {s.review});

    auto* mtbf = field<DurationEdit>(panel, "mtbf");
    auto* mttr = field<DurationEdit>(panel, "mttr");
    CHECK(mtbf->text().isEmpty());
    typeAndEnter(mtbf, "8 h");
    typeAndEnter(mttr, "2 h");
    const auto& breakdown = stepOf(doc, s.map, s.review).breakdown;
    REQUIRE(breakdown.has_value());
    CHECK(breakdown->mtbf == 8 * 3600.0);
    CHECK(breakdown->mttr == 2 * 3600.0);
    CHECK(stepOf(doc, s.map, s.review).availability() == Approx(0.8));
    // Clearing the time between failures removes the breakdowns; undo brings them back.
    typeAndEnter(mtbf, "");
    CHECK_FALSE(stepOf(doc, s.map, s.review).breakdown.has_value());
    CHECK(mttr->text().isEmpty());
    doc.undoStack()->undo();
    REQUIRE(stepOf(doc, s.map, s.review).breakdown.has_value());
    CHECK(mttr->text() == "2 h");
}

TEST_CASE("a queue-time wait takes a range; an inventory hides it", "[panels]") {
    Sample s = makeSample();
    model::Wait wait;
    wait.id = s.project.allocateId();
    wait.time = 3600;
    s.project.maps[0].waits[wait.id] = wait;
    EditorDocument doc;
    doc.resetProject(s.project, false);
    app::PropertiesPanel panel(doc);
    panel.setContext(s.map, {wait.id});
    panel.show();

    auto* shortest = field<DurationEdit>(panel, "waitTimeMin");
    auto* longest = field<DurationEdit>(panel, "waitTimeMax");
    typeAndEnter(shortest, "30 min");
    typeAndEnter(longest, "1 d");
    const model::Wait& stored = doc.project().findMap(s.map)->waits.at(wait.id);
    CHECK(stored.timeMin == 1800.0);
    CHECK(stored.timeMax == 8 * 3600.0);
    CHECK(shortest->isVisible());
    auto* kind = field<QComboBox>(panel, "waitKind");
    kind->setCurrentIndex(1);
    emit kind->activated(1); // inventory
    QApplication::processEvents();
    CHECK_FALSE(panel.findChild<DurationEdit*>("waitTimeMin")->isVisible());
}

TEST_CASE("an ambiguous or bad duration is marked and never taken", "[panels]") {
    Sample s = makeSample();
    EditorDocument doc;
    doc.resetProject(s.project, false);
    app::PropertiesPanel panel(doc);
    panel.setContext(s.map, {s.review});
    auto* pt = field<DurationEdit>(panel, "processTime");
    const int before = doc.undoStack()->count();

    typeAndEnter(pt, "30 m");
    CHECK(pt->isInvalid());
    CHECK(pt->toolTip().contains("ambiguous"));
    CHECK(pt->styleSheet().contains("border"));
    CHECK(pt->text() == "30 m");
    CHECK(stepOf(doc, s.map, s.review).processTime == 3600.0);
    CHECK(doc.undoStack()->count() == before);
    // The reason is also written under the title, for a room that cannot hover.
    auto* problem = field<QLabel>(panel, "propertiesProblem");
    CHECK_FALSE(problem->isHidden());
    CHECK(problem->text().startsWith("Process time: "));
    CHECK(problem->text().contains("ambiguous"));

    typeAndEnter(pt, "-5 min");
    CHECK(pt->isInvalid());
    CHECK(stepOf(doc, s.map, s.review).processTime == 3600.0);

    // Escape puts the model's value back and clears the mark.
    QTest::keyClick(pt, Qt::Key_Escape);
    CHECK(pt->text() == "1 h");
    CHECK_FALSE(pt->isInvalid());
    CHECK(pt->styleSheet().isEmpty());
    CHECK(problem->isHidden());
}

TEST_CASE("an empty optional duration means not given", "[panels]") {
    Sample s = makeSample();
    EditorDocument doc;
    doc.resetProject(s.project, false);
    app::PropertiesPanel panel(doc);
    panel.setContext(s.map, {s.review});
    auto* lt = field<DurationEdit>(panel, "leadTime");
    typeAndEnter(lt, "");
    CHECK_FALSE(stepOf(doc, s.map, s.review).leadTime.has_value());
    CHECK(lt->placeholderText() == "same as process time");
}

TEST_CASE("undo and redo re-read the fields", "[panels]") {
    Sample s = makeSample();
    EditorDocument doc;
    doc.resetProject(s.project, false);
    app::PropertiesPanel panel(doc);
    panel.setContext(s.map, {s.review});
    auto* pt = field<DurationEdit>(panel, "processTime");
    auto* name = field<FieldLineEdit>(panel, "name");

    typeAndEnter(pt, "45 min");
    REQUIRE(stepOf(doc, s.map, s.review).processTime == 2700.0);
    doc.undoStack()->undo();
    CHECK(pt->text() == "1 h");
    doc.undoStack()->redo();
    CHECK(pt->text() == "45 min");

    // A rename on the canvas (any SetStep) shows at once, and in the title.
    model::Step renamed = stepOf(doc, s.map, s.review);
    const model::Step old = renamed;
    renamed.name = "Check contract";
    doc.push(std::make_unique<model::SetStep>(s.map, old, renamed, "Rename"));
    CHECK(name->text() == "Check contract");
    CHECK(field<QLabel>(panel, "propertiesTitle")->text() == "Step: Check contract");
}

TEST_CASE("a field the user is typing in is not overwritten by the model", "[panels]") {
    Sample s = makeSample();
    EditorDocument doc;
    doc.resetProject(s.project, false);
    app::PropertiesPanel panel(doc);
    panel.resize(360, 700);
    panel.show();
    QApplication::setActiveWindow(&panel);
    REQUIRE(QTest::qWaitForWindowActive(&panel));
    panel.setContext(s.map, {s.review});

    auto* lt = field<DurationEdit>(panel, "leadTime");
    auto* name = field<FieldLineEdit>(panel, "name");
    lt->setFocus();
    REQUIRE(lt->hasFocus());
    lt->selectAll();
    QTest::keyClicks(lt, "3 d");

    model::Step renamed = stepOf(doc, s.map, s.review);
    const model::Step old = renamed;
    renamed.name = "Check contract";
    doc.push(std::make_unique<model::SetStep>(s.map, old, renamed, "Rename"));
    CHECK(name->text() == "Check contract");
    CHECK(lt->text() == "3 d"); // still the user's, not yet committed

    // Leaving the field commits it.
    name->setFocus();
    CHECK(stepOf(doc, s.map, s.review).leadTime == 3 * 8 * 3600.0);

    // Selecting another element commits what was typed to the element it was typed for.
    auto* pt = field<DurationEdit>(panel, "processTime");
    pt->setFocus();
    pt->selectAll();
    QTest::keyClicks(pt, "2 h");
    panel.setContext(s.map, {s.receive});
    CHECK(stepOf(doc, s.map, s.review).processTime == 7200.0);
    CHECK(stepOf(doc, s.map, s.receive).processTime == 1800.0);
    CHECK(field<DurationEdit>(panel, "processTime")->text() == "30 min");
}

TEST_CASE("numbers and percentages are range-checked", "[panels]") {
    Sample s = makeSample();
    EditorDocument doc;
    doc.resetProject(s.project, false);
    app::PropertiesPanel panel(doc);
    panel.setContext(s.map, {s.review});
    auto* pca = field<NumberEdit>(panel, "pca");
    CHECK(pca->text().isEmpty());

    typeAndEnter(pca, "150");
    CHECK(pca->isInvalid());
    CHECK_FALSE(stepOf(doc, s.map, s.review).pca.has_value());
    typeAndEnter(pca, "0");
    CHECK(pca->isInvalid()); // %C&A must be above 0
    typeAndEnter(pca, "80%");
    CHECK_FALSE(pca->isInvalid());
    CHECK(stepOf(doc, s.map, s.review).pca == 80.0);
    CHECK(pca->text() == "80%");

    auto* defects = field<NumberEdit>(panel, "defectRate");
    typeAndEnter(defects, "0");
    CHECK(stepOf(doc, s.map, s.review).defectRate == 0.0); // 0% defects is fine
    typeAndEnter(defects, "abc");
    CHECK(defects->isInvalid());
    CHECK(stepOf(doc, s.map, s.review).defectRate == 0.0);

    // A share is stored 0-1 and shown in percent: 25% -> 0.25.
    panel.setContext(s.map, {s.flow});
    auto* share = field<NumberEdit>(panel, "share");
    typeAndEnter(share, "25");
    CHECK(doc.project().findMap(s.map)->flows.at(s.flow).share == 0.25);
    CHECK(share->text() == "25%");
    typeAndEnter(share, "101");
    CHECK(share->isInvalid());
    CHECK(doc.project().findMap(s.map)->flows.at(s.flow).share == 0.25);
}

/// Types into a spin box as a user would: replace its text, then Enter.
void typeAndEnter(QAbstractSpinBox* spin, const QString& text) {
    spin->setFocus();
    spin->selectAll();
    QTest::keyClick(spin, Qt::Key_Backspace);
    QTest::keyClicks(spin, text);
    QTest::keyClick(spin, Qt::Key_Return);
}

TEST_CASE("editable counts show thousands grouped and take them typed either way", "[panels]") {
    Sample s = makeSample();
    s.project.maps[0].steps.at(s.review).batchSize = 1200;
    s.project.props.defaultHourlyRate = 1250;
    model::Wait wait;
    wait.id = s.project.allocateId();
    wait.time = 3600;
    wait.quantity = 12400.5;
    s.project.maps[0].waits[wait.id] = wait;
    EditorDocument doc;
    doc.resetProject(s.project, false);
    app::PropertiesPanel panel(doc);
    panel.show();

    // A step's batch size: "1,200" shown; "2,500" and "3000" both taken.
    panel.setContext(s.map, {s.review});
    auto* batch = field<NumberEdit>(panel, "batchSize");
    CHECK(batch->text() == "1,200");
    typeAndEnter(batch, "2,500");
    CHECK_FALSE(batch->isInvalid());
    CHECK(stepOf(doc, s.map, s.review).batchSize == 2500.0);
    typeAndEnter(batch, "3000");
    CHECK(stepOf(doc, s.map, s.review).batchSize == 3000.0);
    CHECK(batch->text() == "3,000");
    // A comma that does not group thousands is refused, never read as a decimal comma.
    typeAndEnter(batch, "1,5");
    CHECK(batch->isInvalid());
    CHECK(stepOf(doc, s.map, s.review).batchSize == 3000.0);

    // A wait's quantity keeps its decimals.
    panel.setContext(s.map, {wait.id});
    auto* quantity = field<NumberEdit>(panel, "quantity");
    CHECK(quantity->text() == "12,400.5");
    typeAndEnter(quantity, "1,000,000");
    CHECK(doc.project().findMap(s.map)->waits.at(wait.id).quantity == 1e6);
    CHECK(quantity->text() == "1,000,000");

    // A spin box (the project's hourly rate): grouped, typed with or without the commas.
    panel.setContext(s.map, {});
    auto* rate = field<SpinEdit>(panel, "hourlyRate");
    CHECK(rate->text() == "1,250 EUR/h");
    typeAndEnter(rate, "1,500");
    CHECK(doc.project().props.defaultHourlyRate == 1500.0);
    CHECK(rate->text() == "1,500 EUR/h");
    typeAndEnter(rate, "1750.5");
    CHECK(doc.project().props.defaultHourlyRate == 1750.5);
    CHECK(rate->text() == "1,750.5 EUR/h");
    rate->stepUp(); // step 5
    CHECK(rate->text() == "1,755.5 EUR/h");
    CHECK(doc.project().props.defaultHourlyRate == 1755.5);

    // A person's hourly cost in the people table.
    doc.push(std::make_unique<model::SetPerson>(model::kNoId, doc.project().people.at(s.anna),
                                                model::Person{s.anna, "Anna", "Sales", 1200.0},
                                                "Edit person Anna"));
    app::PeopleSystemsPanel people(doc);
    QTableWidget* table = people.peopleTable();
    CHECK(table->item(0, 2)->text() == "1,200");
    table->item(0, 2)->setText("1,300");
    CHECK(doc.project().people.at(s.anna).hourlyCost == 1300.0);
    CHECK(table->item(0, 2)->text() == "1,300");
    table->item(0, 2)->setText("2500");
    CHECK(doc.project().people.at(s.anna).hourlyCost == 2500.0);
    CHECK(table->item(0, 2)->text() == "2,500");
    table->item(0, 2)->setText("1,30");
    CHECK(doc.project().people.at(s.anna).hourlyCost == 2500.0);
}

TEST_CASE("a count spin box groups thousands and reads them back", "[panels]") {
    app::CountSpinBox spin;
    spin.setRange(100, 1'000'000);
    spin.setSuffix(QStringLiteral(" px"));
    spin.setValue(2400);
    spin.show();
    CHECK(spin.text() == "2,400 px");
    typeAndEnter(&spin, "12,000");
    CHECK(spin.value() == 12000);
    CHECK(spin.text() == "12,000 px");
    typeAndEnter(&spin, "3500");
    CHECK(spin.value() == 3500);
    // Letters cannot be typed; a value out of range is not taken.
    QString text = QStringLiteral("12a");
    int pos = 3;
    CHECK(spin.validate(text, pos) == QValidator::Invalid);
    text = QStringLiteral("2,000,000 px");
    CHECK(spin.validate(text, pos) == QValidator::Intermediate);
    text = QStringLiteral("1,5 px");
    CHECK(spin.validate(text, pos) == QValidator::Intermediate);
}

TEST_CASE("checking people and systems assigns them to the step", "[panels]") {
    Sample s = makeSample();
    EditorDocument doc;
    doc.resetProject(s.project, false);
    app::PropertiesPanel panel(doc);
    panel.setContext(s.map, {s.review});
    auto* people = field<CheckList>(panel, "people");
    auto* systems = field<CheckList>(panel, "systems");
    REQUIRE(people->count() == 2);
    QListWidgetItem* ben = itemWithText(people, "Ben (Legal)");
    REQUIRE(ben);
    CHECK(ben->checkState() == Qt::Unchecked);

    const int before = doc.undoStack()->count();
    ben->setCheckState(Qt::Checked);
    CHECK(stepOf(doc, s.map, s.review).people == std::vector<Id>{s.ben});
    itemWithText(systems, "ERP")->setCheckState(Qt::Checked);
    CHECK(stepOf(doc, s.map, s.review).systems == std::vector<Id>{s.erp});
    CHECK(doc.undoStack()->count() == before + 2);

    itemWithText(people, "Ben (Legal)")->setCheckState(Qt::Unchecked);
    CHECK(stepOf(doc, s.map, s.review).people.empty());
    doc.undoStack()->undo();
    CHECK(itemWithText(people, "Ben (Legal)")->checkState() == Qt::Checked);

    // A new person in the project shows up in the list at once.
    model::Person cara{doc.allocateId(), "Cara", "Finance", std::nullopt};
    doc.push(std::make_unique<model::SetPerson>(model::kNoId, std::nullopt, cara, "Add"));
    CHECK(itemWithText(people, "Cara (Finance)") != nullptr);
}

TEST_CASE("a sweep of the headcount is one undo step", "[panels]") {
    Sample s = makeSample();
    EditorDocument doc;
    doc.resetProject(s.project, false);
    app::PropertiesPanel panel(doc);
    panel.setContext(s.map, {s.review});
    auto* headcount = field<SpinEdit>(panel, "headcount");
    CHECK(headcount->value() == 1.0);
    const int before = doc.undoStack()->count();

    headcount->stepUp();
    headcount->stepUp();
    headcount->stepUp();
    CHECK(stepOf(doc, s.map, s.review).headcount == 4.0);
    CHECK(doc.undoStack()->count() == before + 1);

    // Enter ends the sweep; the next step is an undo step of its own.
    QTest::keyClick(headcount, Qt::Key_Return);
    headcount->stepDown();
    CHECK(stepOf(doc, s.map, s.review).headcount == 3.0);
    CHECK(doc.undoStack()->count() == before + 2);
    doc.undoStack()->undo();
    doc.undoStack()->undo();
    CHECK(stepOf(doc, s.map, s.review).headcount == 1.0);
    CHECK(headcount->value() == 1.0);

    // 0 people cannot work on an item: marked, not taken.
    headcount->setValue(0);
    CHECK(stepOf(doc, s.map, s.review).headcount == 1.0);
    CHECK(headcount->property("gembaInvalid").toBool());
}

TEST_CASE("combo boxes and checkboxes commit at once", "[panels]") {
    Sample s = makeSample();
    EditorDocument doc;
    doc.resetProject(s.project, false);
    app::PropertiesPanel panel(doc);
    panel.setContext(s.map, {s.review});

    auto* value = field<QComboBox>(panel, "value");
    value->setCurrentIndex(2);
    emit value->activated(2); // what a user's pick emits
    CHECK(stepOf(doc, s.map, s.review).value == model::ValueClass::Waste);

    auto* waiting = field<QCheckBox>(panel, "waste_waiting");
    waiting->click();
    CHECK(stepOf(doc, s.map, s.review).hasWaste(model::WasteKind::Waiting));
    waiting->click();
    CHECK(stepOf(doc, s.map, s.review).wastes == 0u);
}

TEST_CASE("frictions, artifacts and sources are edited in place", "[panels]") {
    Sample s = makeSample();
    EditorDocument doc;
    doc.resetProject(s.project, false);
    app::PropertiesPanel panel(doc);
    panel.setContext(s.map, {s.review});

    field<QPushButton>(panel, "addFriction")->click();
    REQUIRE(stepOf(doc, s.map, s.review).frictions.size() == 1);
    typeAndEnter(field<FieldLineEdit>(panel, "frictionWhat0"), "Chasing signatures");
    typeAndEnter(field<NumberEdit>(panel, "frictionMinutes0"), "15");
    typeAndEnter(field<NumberEdit>(panel, "frictionPerWeek0"), "4");
    const model::Friction expected{"Chasing signatures", 15, 4};
    CHECK(stepOf(doc, s.map, s.review).frictions.front() == expected);
    typeAndEnter(field<NumberEdit>(panel, "frictionPerWeek0"), "-1");
    CHECK(stepOf(doc, s.map, s.review).frictions.front().occurrencesPerWeek == 4.0);

    field<QPushButton>(panel, "addArtifact")->click();
    typeAndEnter(field<FieldLineEdit>(panel, "artifact0"), "Signed contract");
    CHECK(stepOf(doc, s.map, s.review).artifacts == std::vector<std::string>{"Signed contract"});

    auto* basis = field<QComboBox>(panel, "basis_process_time");
    emit basis->activated(1); // measured
    typeAndEnter(field<FieldLineEdit>(panel, "source_process_time"), "time study");
    auto* date = field<FieldLineEdit>(panel, "date_process_time");
    typeAndEnter(date, "2024-13-40");
    CHECK(date->isInvalid());
    typeAndEnter(date, "2024-03-05");
    const model::Source source{model::Basis::Measured, "time study", "2024-03-05"};
    CHECK(stepOf(doc, s.map, s.review).sources.at(model::Figure::ProcessTime) == source);
}

TEST_CASE("a deleted element gives way to the map form", "[panels]") {
    Sample s = makeSample();
    EditorDocument doc;
    doc.resetProject(s.project, false);
    app::PropertiesPanel panel(doc);
    panel.setContext(s.map, {s.review});
    REQUIRE(panel.findChild<DurationEdit*>("processTime"));

    const std::vector<Id> gone{s.review};
    doc.push(model::removeElements(doc.project(), s.map, gone));
    CHECK(field<QLabel>(panel, "propertiesTitle")->text() == "Map: Current state");
    CHECK(panel.findChild<DurationEdit*>("processTime") == nullptr);
    CHECK(field<FieldLineEdit>(panel, "mapName")->text() == "Current state");
}

TEST_CASE("the map and project form edits demand, calendar and team", "[panels]") {
    Sample s = makeSample();
    EditorDocument doc;
    doc.resetProject(s.project, false);
    app::PropertiesPanel panel(doc);
    panel.setContext(s.map, {});
    const model::MapProps& props = doc.project().findMap(s.map)->props;

    typeAndEnter(field<NumberEdit>(panel, "demand"), "40");
    REQUIRE(props.demand.has_value());
    CHECK(props.demand->quantity == 40.0);
    CHECK(props.demand->per == model::DemandPeriod::Day);
    auto* per = field<QComboBox>(panel, "demandPeriod");
    CHECK(per->isEnabled());
    emit per->activated(1);
    CHECK(doc.project().findMap(s.map)->props.demand->per == model::DemandPeriod::Week);
    typeAndEnter(field<NumberEdit>(panel, "demand"), "");
    CHECK_FALSE(doc.project().findMap(s.map)->props.demand.has_value());
    CHECK_FALSE(per->isEnabled());

    // Available time: "7.5 h" = 27000 s; zero is refused.
    auto* available = field<DurationEdit>(panel, "availableTime");
    typeAndEnter(available, "0 h");
    CHECK(available->isInvalid());
    typeAndEnter(available, "7.5 h");
    CHECK(doc.project().findMap(s.map)->props.availableTimePerDay == 27000.0);

    // A longer working day changes how every duration reads: 2 h of lead time stays 7200 s.
    auto* hours = field<SpinEdit>(panel, "hoursPerDay");
    hours->setValue(10);
    CHECK(doc.project().props.calendar.hoursPerDay == 10.0);
    CHECK(available->placeholderText() == "a working day (10 h)");

    auto* sponsor = field<QComboBox>(panel, "sponsor");
    CHECK(sponsor->currentText() == "Anna (Sales)");
    const int benIndex = sponsor->findText("Ben (Legal)");
    REQUIRE(benIndex > 0);
    emit sponsor->activated(benIndex);
    CHECK(doc.project().props.team.sponsor == s.ben);
    auto* experts = field<CheckList>(panel, "experts");
    itemWithText(experts, "Anna (Sales)")->setCheckState(Qt::Unchecked);
    CHECK(doc.project().props.team.experts == std::vector<Id>{s.ben});
}

TEST_CASE("several elements selected: how many, of which kinds", "[panels]") {
    Sample s = makeSample();
    EditorDocument doc;
    doc.resetProject(s.project, false);
    app::PropertiesPanel panel(doc);
    panel.setContext(s.map, {s.receive, s.review, s.flow});
    CHECK(field<QLabel>(panel, "propertiesTitle")->text() == "3 elements selected");
    const QString summary = field<QLabel>(panel, "selectionSummary")->text();
    CHECK(summary.contains("2 steps"));
    CHECK(summary.contains("1 flow"));
}

TEST_CASE("red pen targets are listed and can be removed", "[panels]") {
    Sample s = makeSample();
    EditorDocument doc;
    doc.resetProject(s.project, false);
    app::PropertiesPanel panel(doc);
    panel.setContext(s.map, {s.pen});
    auto* targets = field<QListWidget>(panel, "targets");
    REQUIRE(targets->count() == 1);
    CHECK(targets->item(0)->text() == "Review contract (step)");
    targets->setCurrentRow(0);
    field<QPushButton>(panel, "removeTarget")->click();
    CHECK(doc.project().findMap(s.map)->redPens.at(s.pen).targets.empty());
    doc.undoStack()->undo();
    CHECK(targets->item(0)->text() == "Review contract (step)");
}

TEST_CASE("the metrics panel shows the engine's figures after an edit", "[panels]") {
    Sample s = makeSample();
    EditorDocument doc;
    doc.resetProject(s.project, false);
    app::MetricsPanel metrics(doc);
    metrics.setMap(s.map);
    app::PropertiesPanel panel(doc);
    panel.setContext(s.map, {s.review});

    // Lead time 2 h + 6 h = 8 h = 1 working day.
    CHECK(field<QLabel>(metrics, "leadTime")->text() == "1 working day (1 d)");

    // Review's lead time to 14 h: 2 h + 14 h = 16 h = 2 working days. Process time stays
    // 30 min + 1 h = 1.5 h; activity ratio 1.5 / 16 = 9.375% -> "9.4%".
    typeAndEnter(field<DurationEdit>(panel, "leadTime"), "14 h");
    doc.flushMetrics();
    const metrics::MapMetrics* m = doc.metrics(s.map);
    REQUIRE(m->valid);
    CHECK(m->leadTime == 16 * 3600.0);
    const model::Calendar& calendar = doc.project().props.calendar;
    const QString expected = QString::fromStdString(model::formatDuration(m->leadTime, calendar));
    CHECK(expected == "2 d");
    CHECK(field<QLabel>(metrics, "leadTime")->text() == "2 working days (2 d)");
    // In the unit of the map's step times (30 and 60 min): one voice with the map.
    CHECK(field<QLabel>(metrics, "processTime")->text() == "90 min");
    CHECK(field<QLabel>(metrics, "activityRatio")->text() == "9.4%");
    CHECK(field<QLabel>(metrics, "takt")->text() == "no demand");
    CHECK(field<QLabel>(metrics, "handoffs")->text() == "1"); // Sales -> Legal
    CHECK(field<QLabel>(metrics, "bottleneck")->text() == "Review contract (C/T 60 min)");
    CHECK_FALSE(field<QLabel>(metrics, "leadTime")->toolTip().isEmpty());
    CHECK(metrics.figuresAsText().contains("Lead time\t2 working days (2 d)"));
}

TEST_CASE("an error in the data shows what to fix instead of figures", "[panels]") {
    Sample s = makeSample();
    EditorDocument doc;
    doc.resetProject(s.project, false);
    app::MetricsPanel metrics(doc);
    metrics.setMap(s.map);
    app::FindingsPanel findings(doc);
    findings.setMap(s.map);
    metrics.resize(300, 500);
    metrics.show();
    findings.resize(400, 300);
    findings.show();
    CHECK(field<QLabel>(metrics, "metricsStatus")->isHidden());

    // A headcount of 0: friction and cycle times read it, so no figure can be given.
    model::Step review = stepOf(doc, s.map, s.review);
    const model::Step old = review;
    review.headcount = 0;
    doc.push(std::make_unique<model::SetStep>(s.map, old, review, "No one"));
    doc.flushMetrics();

    auto* status = field<QLabel>(metrics, "metricsStatus");
    CHECK(status->isVisible());
    CHECK(status->text() == "Fix 1 error: Step \"Review contract\": headcount 0 must be above 0 "
                            "— see Findings");
    CHECK_FALSE(field<QLabel>(metrics, "leadTime")->isVisible());
    CHECK_FALSE(field<QLabel>(metrics, "handoffs")->isVisible());

    auto* list = field<QListWidget>(findings, "findingsList");
    REQUIRE(findings.count() >= 1);
    REQUIRE(list->count() == findings.count());
    QListWidgetItem* first = list->item(0);
    CHECK(first->text().contains("Review contract"));
    CHECK(field<QLabel>(findings, "findingsSummary")->text().startsWith("1 error"));

    QSignalSpy spy(&findings, &app::FindingsPanel::findingActivated);
    list->setCurrentRow(0);
    list->setFocus();
    QTest::keyClick(list->viewport(), Qt::Key_Return);
    QTest::keyClick(list, Qt::Key_Return);
    REQUIRE(spy.count() >= 1);
    CHECK(spy.last().at(0).value<Id>() == s.map);
    CHECK(spy.last().at(1).value<Id>() == s.review);

    spy.clear();
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(first).center());
    REQUIRE(spy.count() >= 1);
    CHECK(spy.last().at(1).value<Id>() == s.review);

    // Fixed: the error goes, the figures come back.
    doc.undoStack()->undo();
    doc.flushMetrics();
    CHECK(status->isHidden());
    CHECK(field<QLabel>(metrics, "leadTime")->isVisible());
    for (int i = 0; i < list->count(); ++i)
        CHECK_FALSE(list->item(i)->text().contains("headcount"));
}

TEST_CASE("an error in how work flows withholds the path figures only", "[panels]") {
    Sample s = makeSample();
    EditorDocument doc;
    doc.resetProject(s.project, false);
    app::MetricsPanel metrics(doc);
    metrics.setMap(s.map);
    metrics.resize(300, 600);
    metrics.show();

    // Lead time 10 min below the process time of 1 h: the path cannot be timed, but the
    // handoff, the people and the systems need no path.
    model::Step review = stepOf(doc, s.map, s.review);
    const model::Step old = review;
    review.leadTime = 600;
    doc.push(std::make_unique<model::SetStep>(s.map, old, review, "Shorten"));
    doc.flushMetrics();
    REQUIRE_FALSE(doc.metrics(s.map)->valid);
    REQUIRE(doc.metrics(s.map)->partsValid);

    auto* status = field<QLabel>(metrics, "metricsStatus");
    CHECK(status->isVisible());
    CHECK(status->text() == "Path figures withheld until this is fixed: Step \"Review contract\": "
                            "lead time 10 min is shorter than process time 60 min");
    for (const char* key : {"leadTime", "processTime", "waitTime", "activityRatio",
                            "processCycleEfficiency", "rolledPca", "bottleneck", "labour", "wip"}) {
        INFO(key);
        CHECK(field<QLabel>(metrics, key)->isVisible());
        CHECK(field<QLabel>(metrics, key)->text() == "withheld");
    }
    CHECK(field<QLabel>(metrics, "handoffs")->text() == "1"); // Sales -> Legal
    CHECK(field<QLabel>(metrics, "people")->text() == "1: Anna");
    CHECK(field<QLabel>(metrics, "takt")->text() == "no demand");
    CHECK(metrics.figuresAsText().contains("Handoffs\t1"));
    CHECK(metrics.figuresAsText().contains("Lead time\twithheld"));

    doc.undoStack()->undo();
    doc.flushMetrics();
    CHECK(status->isHidden());
    CHECK(field<QLabel>(metrics, "leadTime")->text() == "1 working day (1 d)");
}

TEST_CASE("a step just dropped beside a one-step map keeps its figures, marked", "[panels]") {
    Sample s = makeSample();
    // One step only: Receive order (PT 30 min, LT 2 h).
    model::Map& map = s.project.maps.front();
    map.flows.clear();
    map.steps.erase(s.review);
    map.redPens.clear();
    EditorDocument doc;
    doc.resetProject(s.project, false);
    app::MetricsPanel metrics(doc);
    metrics.setMap(s.map);
    metrics.resize(300, 600);
    metrics.show();
    auto* status = field<QLabel>(metrics, "metricsStatus");
    CHECK(status->isHidden());
    CHECK(field<QLabel>(metrics, "leadTime")->text() == "0.25 working days (2 h)");

    model::Step dropped;
    dropped.id = doc.allocateId();
    dropped.name = "Just dropped";
    dropped.processTime = 3600;
    dropped.pos = {300, 0};
    doc.push(model::makeAdd(s.map, dropped));
    doc.flushMetrics();

    CHECK(status->isVisible());
    CHECK(status->text() == "Excluding 1 element off the value stream — see Findings");
    CHECK(field<QLabel>(metrics, "leadTime")->text() == "0.25 working days (2 h)");
    CHECK(field<QLabel>(metrics, "processTime")->text() == "30 min");
}

TEST_CASE("the metrics panel sums the red pens' yearly costs", "[panels]") {
    Sample s = makeSample();
    model::RedPen costed;
    costed.id = s.project.allocateId();
    costed.reason = "Re-typing the order";
    costed.targets = {s.receive};
    costed.cost = 12500;
    s.project.maps.front().redPens[costed.id] = costed;
    EditorDocument doc;
    doc.resetProject(s.project, false);
    app::MetricsPanel metrics(doc);
    metrics.setMap(s.map);
    auto* row = field<QLabel>(metrics, "redPens");
    CHECK(row->text() == "12,500 EUR a year (1 of 2 red pens)");

    // The other pen gets its estimate: 12,500 + 2,000.
    model::RedPen pen = doc.project().findMap(s.map)->redPens.at(s.pen);
    const model::RedPen old = pen;
    pen.cost = 2000;
    doc.push(std::make_unique<model::SetRedPen>(s.map, old, pen, "Estimate"));
    doc.flushMetrics();
    CHECK(doc.metrics(s.map)->redPenCostPerYear == 14500);
    CHECK(row->text() == "14,500 EUR a year (2 of 2 red pens)");
    CHECK(metrics.figuresAsText().contains("Red-pen costs\t14,500 EUR a year"));

    // Undone: one estimate again.
    doc.undoStack()->undo();
    doc.flushMetrics();
    CHECK(row->text() == "12,500 EUR a year (1 of 2 red pens)");
}

TEST_CASE("findings are sorted errors, warnings, then notes", "[panels]") {
    Sample s = makeSample();
    // A warning (no process time) and an error (lead time below process time).
    model::Map& map = s.project.maps.front();
    map.steps.at(s.receive).processTime.reset();
    map.steps.at(s.review).leadTime = 60;
    EditorDocument doc;
    doc.resetProject(s.project, false);
    app::FindingsPanel findings(doc);
    findings.setMap(s.map);
    auto* list = field<QListWidget>(findings, "findingsList");
    REQUIRE(list->count() >= 2);
    const metrics::MapMetrics* m = doc.metrics(s.map);
    REQUIRE(m->findings.size() == static_cast<std::size_t>(list->count()));
    // The first item is an error, and no error comes after a warning.
    bool seenNonError = false;
    for (int i = 0; i < list->count(); ++i) {
        const QString text = list->item(i)->text();
        const auto it = std::find_if(m->findings.begin(), m->findings.end(), [&](const auto& f) {
            return QString::fromStdString(f.message) == text;
        });
        REQUIRE(it != m->findings.end());
        if (it->severity == metrics::Severity::Error)
            CHECK_FALSE(seenNonError);
        else
            seenNonError = true;
    }
    CHECK(list->item(0)->text().contains("shorter than"));
}

TEST_CASE("quick capture parses a line and emits the step", "[panels]") {
    app::QuickCaptureBar bar;
    bar.setCalendar(model::Calendar{8, 5});
    std::vector<model::QuickCapture> captured;
    QObject::connect(&bar, &app::QuickCaptureBar::captured,
                     [&captured](const model::QuickCapture& c) { captured.push_back(c); });
    QLineEdit* edit = bar.lineEdit();
    CHECK(edit->placeholderText() == "Type a step: Review contract 30 min 2 d — Enter adds it");

    QTest::keyClicks(edit, "Review contract 30 min 2 d");
    QTest::keyClick(edit, Qt::Key_Return);
    REQUIRE(captured.size() == 1);
    CHECK(captured[0].name == "Review contract");
    CHECK(captured[0].processTime == 1800.0);      // 30 x 60 s
    CHECK(captured[0].leadTime == 2 * 8 * 3600.0); // 2 working days of 8 h
    CHECK(edit->text().isEmpty());

    QTest::keyClicks(edit, "Approve 30 m");
    QTest::keyClick(edit, Qt::Key_Return);
    CHECK(captured.size() == 1);
    CHECK(edit->text() == "Approve 30 m");
    CHECK(bar.errorText().contains("ambiguous"));
    CHECK(edit->toolTip().contains("ambiguous"));

    // Escape clears the line and the reason; Up recalls the last line that was added.
    QTest::keyClick(edit, Qt::Key_Escape);
    CHECK(edit->text().isEmpty());
    CHECK(bar.errorText().isEmpty());
    QTest::keyClicks(edit, "Sign 10 min");
    QTest::keyClick(edit, Qt::Key_Return);
    REQUIRE(captured.size() == 2);
    QTest::keyClicks(edit, "draft");
    QTest::keyClick(edit, Qt::Key_Up);
    CHECK(edit->text() == "Sign 10 min");
    QTest::keyClick(edit, Qt::Key_Up);
    CHECK(edit->text() == "Review contract 30 min 2 d");
    QTest::keyClick(edit, Qt::Key_Up);
    CHECK(edit->text() == "Review contract 30 min 2 d"); // the oldest stays
    QTest::keyClick(edit, Qt::Key_Down);
    CHECK(edit->text() == "Sign 10 min");
    QTest::keyClick(edit, Qt::Key_Down);
    CHECK(edit->text() == "draft"); // back to what was being typed
}

TEST_CASE("people table: add, edit and remove, with undo", "[panels]") {
    Sample s = makeSample();
    EditorDocument doc;
    doc.resetProject(s.project, false);
    app::PeopleSystemsPanel panel(doc);
    QTableWidget* table = panel.peopleTable();
    REQUIRE(table->rowCount() == 2);
    CHECK(table->item(0, 0)->text() == "Anna");
    CHECK(table->item(0, 2)->text() == "50");
    CHECK(table->horizontalHeaderItem(2)->text() == "Hourly cost (EUR)");

    panel.addPerson();
    REQUIRE(doc.project().people.size() == 3);
    REQUIRE(table->rowCount() == 3);
    const Id added = std::prev(doc.project().people.end())->first;
    CHECK(table->item(2, 0)->text() == "New person");

    // Editing a cell is one SetPerson edit.
    const int before = doc.undoStack()->count();
    table->item(2, 0)->setText("Cara");
    table->item(2, 1)->setText("Finance");
    table->item(2, 2)->setText("72.5");
    const model::Person cara = doc.project().people.at(added);
    CHECK(cara.name == "Cara");
    CHECK(cara.role == "Finance");
    CHECK(cara.hourlyCost == 72.5);
    CHECK(doc.undoStack()->count() == before + 3);

    // Bad input is refused with a message, and the cell shows the model's value again.
    table->item(2, 2)->setText("lots");
    CHECK(doc.project().people.at(added).hourlyCost == 72.5);
    CHECK(table->item(2, 2)->text() == "72.5");
    CHECK(field<QLabel>(panel, "peopleSystemsMessage")->text().contains("lots"));
    table->item(2, 0)->setText("  ");
    CHECK(doc.project().people.at(added).name == "Cara");
    table->item(2, 2)->setText("");
    CHECK_FALSE(doc.project().people.at(added).hourlyCost.has_value());

    // Removing Anna clears her from the step and from the workshop team, in one undo step.
    const int beforeRemove = doc.undoStack()->count();
    table->clearSelection();
    table->selectRow(0);
    panel.removeSelectedPeople();
    CHECK(doc.project().people.count(s.anna) == 0);
    CHECK(stepOf(doc, s.map, s.receive).people.empty());
    CHECK(doc.project().props.team.sponsor == model::kNoId);
    CHECK(doc.project().props.team.experts == std::vector<Id>{s.ben});
    CHECK(doc.undoStack()->count() == beforeRemove + 1);
    CHECK(table->rowCount() == 2);

    doc.undoStack()->undo();
    CHECK(doc.project().people.count(s.anna) == 1);
    CHECK(stepOf(doc, s.map, s.receive).people == std::vector<Id>{s.anna});
    CHECK(doc.project().props.team.sponsor == s.anna);
    CHECK(table->rowCount() == 3);
    CHECK(table->item(0, 0)->text() == "Anna");
}

TEST_CASE("removing two people of the workshop team at once clears both", "[panels]") {
    Sample s = makeSample();
    EditorDocument doc;
    doc.resetProject(s.project, false);
    app::PeopleSystemsPanel panel(doc);
    QTableWidget* table = panel.peopleTable();
    table->selectAll();
    panel.removeSelectedPeople();
    CHECK(doc.project().people.empty());
    CHECK(doc.project().props.team.experts.empty());
    CHECK(doc.project().props.team.sponsor == model::kNoId);
    doc.undoStack()->undo();
    CHECK(doc.project().props.team.experts == std::vector<Id>{s.anna, s.ben});
}

TEST_CASE("systems table: add, rename, change kind, remove", "[panels]") {
    Sample s = makeSample();
    // ERP is used by Review contract.
    s.project.maps.front().steps.at(s.review).systems = {s.erp};
    EditorDocument doc;
    doc.resetProject(s.project, false);
    app::PeopleSystemsPanel panel(doc);
    panel.resize(380, 460);
    panel.show();
    QTableWidget* table = panel.systemsTable();
    REQUIRE(table->rowCount() == 1);
    CHECK(table->item(0, 1)->text() == "Application");

    // "Add system" opens the new name for typing, as a workshop expects.
    panel.addSystem();
    REQUIRE(table->rowCount() == 2);
    auto* nameEditor = table->viewport()->findChild<QLineEdit*>();
    REQUIRE(nameEditor);
    nameEditor->selectAll();
    QTest::keyClicks(nameEditor, "Contracts sheet");
    QTest::keyClick(nameEditor, Qt::Key_Return);
    QApplication::processEvents(); // the view commits an editor's Enter on the next turn
    CHECK(std::prev(doc.project().systems.end())->second.name == "Contracts sheet");

    // The kind is picked from a list that opens in the cell; a pick commits at once.
    table->editItem(table->item(1, 1));
    auto* picker = table->viewport()->findChild<QComboBox*>();
    REQUIRE(picker);
    CHECK(picker->currentText() == "Application");
    picker->setCurrentIndex(1);
    emit picker->activated(1); // Spreadsheet
    const model::System sheet = std::prev(doc.project().systems.end())->second;
    CHECK(sheet.name == "Contracts sheet");
    CHECK(sheet.kind == model::SystemKind::Spreadsheet);
    CHECK(table->item(1, 1)->text() == "Spreadsheet");

    table->clearSelection();
    table->selectRow(0);
    panel.removeSelectedSystems();
    CHECK(doc.project().systems.count(s.erp) == 0);
    CHECK(stepOf(doc, s.map, s.review).systems.empty());
    doc.undoStack()->undo();
    CHECK(stepOf(doc, s.map, s.review).systems == std::vector<Id>{s.erp});
    CHECK(table->rowCount() == 2);
}

TEST_CASE("a measured step shows its distribution; typing over the figure marks it set by hand",
          "[panels][measurement]") {
    Sample s = makeSample();
    model::Step& review = s.project.maps[0].steps.at(s.review);
    model::StepMeasurement measured;
    measured.processTime = model::Distribution{12, 1800, 3600, 5400, 7200, 9000, 4000};
    measured.leadTime =
        model::Distribution{12, 3600, 6 * 3600, 8 * 3600, 9 * 3600, 10 * 3600, 6.5 * 3600};
    measured.waitBefore = model::Distribution{12, 0, 1800, 3600, 4000, 7200, 2000};
    measured.items = 11;
    measured.provenance = "legal.csv: 11 items, 2026-03-02 to 2026-03-27";
    review.measurement = measured;
    review.sources[model::Figure::ProcessTime] = {model::Basis::Measured, measured.provenance,
                                                  "2026-03-27"};
    review.sources[model::Figure::LeadTime] = {model::Basis::Measured, measured.provenance,
                                               "2026-03-27"};
    EditorDocument doc;
    doc.resetProject(s.project, false);
    app::PropertiesPanel panel(doc);
    panel.setContext(s.map, {s.review});

    auto* table = field<QLabel>(panel, "measurement");
    const QString text = table->text();
    CHECK(text.contains("legal.csv: 11 items"));
    CHECK(text.contains("1.5 h")); // the P85 of the process time
    CHECK(text.contains("Wait before"));
    CHECK(text.contains("The process time is the measured P50."));

    typeAndEnter(field<DurationEdit>(panel, "processTime"), "2 h");
    const model::Step& after = stepOf(doc, s.map, s.review);
    CHECK(after.processTime == 7200.0);
    CHECK(after.measurement == measured); // kept
    CHECK(after.sources.at(model::Figure::ProcessTime).basis == model::Basis::Estimated);
    CHECK(after.sources.at(model::Figure::LeadTime).basis == model::Basis::Measured);
    CHECK(table->text().contains("The process time is not the measured one (set by hand)."));
    CHECK(table->text().contains("The lead time is the measured P50."));
    // One undo step brings back the measured figure and its source.
    doc.undoStack()->undo();
    CHECK(stepOf(doc, s.map, s.review).sources.at(model::Figure::ProcessTime).basis ==
          model::Basis::Measured);
    CHECK(table->text().contains("The process time is the measured P50."));
    CHECK(table->isVisibleTo(&panel));
}

TEST_CASE("a share typed on a two-way split fills in the other route, as one undo step",
          "[panels]") {
    Sample s = makeSample();
    // Receive order splits: -> Review contract, and -> Escalate.
    model::Map& map = s.project.maps.front();
    model::Step escalate;
    escalate.id = s.project.allocateId();
    escalate.name = "Escalate";
    escalate.processTime = 600;
    escalate.pos = {200, 150};
    map.steps[escalate.id] = escalate;
    model::Flow other;
    other.id = s.project.allocateId();
    other.from = s.receive;
    other.to = escalate.id;
    other.kind = model::FlowKind::Push;
    map.flows[other.id] = other;
    EditorDocument doc;
    doc.resetProject(s.project, false);
    app::PropertiesPanel panel(doc);
    panel.setContext(s.map, {s.flow});
    const int before = doc.undoStack()->count();

    typeAndEnter(field<NumberEdit>(panel, "share"), "30%");
    const model::Map& now = *doc.project().findMap(s.map);
    REQUIRE(now.flows.at(s.flow).share);
    CHECK(*now.flows.at(s.flow).share == Approx(0.3));
    REQUIRE(now.flows.at(other.id).share);
    CHECK(*now.flows.at(other.id).share == Approx(0.7));
    CHECK(doc.undoStack()->count() == before + 1);
    doc.flushMetrics();
    CHECK(doc.metrics(s.map)->valid); // 30% + 70%: the split is measurable at once

    // The other route's form shows the share it got.
    panel.setContext(s.map, {other.id});
    CHECK(field<NumberEdit>(panel, "share")->text() == "70%");

    doc.undoStack()->undo();
    CHECK_FALSE(doc.project().findMap(s.map)->flows.at(s.flow).share);
    CHECK_FALSE(doc.project().findMap(s.map)->flows.at(other.id).share);
}
