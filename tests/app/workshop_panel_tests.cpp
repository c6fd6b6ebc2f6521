// The ideas and action-plan panel, driven offscreen through its real widgets: fast capture,
// the funnel, moving ideas along it, sorting, filtering, editing scores, planning an action,
// and undo of each.

#include "canvas/map_scene.h"
#include "editor_document.h"
#include "gemba/model/workshop_ops.h"
#include "panels/action_dialog.h"
#include "panels/workshop_panel.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>
#include <QUndoStack>
#include <catch2/catch.hpp>

using namespace gemba;
using app::EditorDocument;
using app::WorkshopPanel;

namespace {

model::Project sampleProject(model::Id& map) {
    model::Project p;
    model::Map m;
    m.id = map = p.allocateId();
    m.props.name = "Current state";
    p.maps.push_back(m);
    const model::Id owner = p.allocateId();
    p.people[owner] = model::Person{owner, "Grace", "Customer success", std::nullopt};
    p.props.team.processOwner = owner;
    return p;
}

void typeIdea(WorkshopPanel& panel, const QString& text) {
    QLineEdit* line = panel.captureLine();
    line->setFocus();
    QTest::keyClicks(line, text);
    QTest::keyClick(line, Qt::Key_Return);
}

} // namespace

TEST_CASE("ideas are captured with Enter and moved along the funnel", "[panels][workshop]") {
    model::Id map = model::kNoId;
    EditorDocument document;
    document.resetProject(sampleProject(map), false);
    WorkshopPanel panel(document);
    panel.setCurrentMap(map);

    for (const char* text : {"Sync CRM to ERP", "Invoice at go-live", "Online kick-off booking"})
        typeIdea(panel, QString::fromUtf8(text));
    const auto& ideas = document.project().workshop.ideas;
    REQUIRE(ideas.size() == 3);
    CHECK(ideas.begin()->second.text == "Sync CRM to ERP");
    CHECK(ideas.begin()->second.concerns == std::vector<model::Id>{map});
    CHECK(panel.captureLine()->text().isEmpty()); // ready for the next idea
    CHECK(panel.ideasTable()->rowCount() == 3);
    CHECK(panel.funnelLabel()->text().startsWith(QStringLiteral("3 proposed → 0 shortlisted")));
    CHECK(document.undoStack()->count() == 3);

    // Select the first two rows and shortlist them: one undo step.
    QTableWidget* table = panel.ideasTable();
    table->sortItems(0, Qt::AscendingOrder);
    table->selectRow(0);
    table->setSelectionMode(QAbstractItemView::MultiSelection);
    table->selectRow(1);
    panel.findChild<QPushButton*>(QStringLiteral("ideaMove_shortlisted"))->click();
    CHECK(panel.funnelLabel()->text().startsWith(QStringLiteral("1 proposed → 2 shortlisted")));
    CHECK(document.undoStack()->count() == 4);
    document.undoStack()->undo();
    CHECK(panel.funnelLabel()->text().startsWith(QStringLiteral("3 proposed → 0 shortlisted")));
    document.undoStack()->redo();

    // Filter by status.
    QComboBox* filter = panel.statusFilter();
    filter->setCurrentIndex(filter->findData(QStringLiteral("shortlisted")));
    CHECK(table->rowCount() == 2);
    filter->setCurrentIndex(0);
    CHECK(table->rowCount() == 3);

    // Votes are edited in the table and sort as numbers.
    table->setSortingEnabled(false);
    table->item(0, 6)->setText(QStringLiteral("12"));
    CHECK(ideas.begin()->second.votes == 12);
    table = panel.ideasTable();
    table->item(1, 6)->setText(QStringLiteral("3"));
    table->sortItems(6, Qt::DescendingOrder);
    CHECK(table->item(0, 6)->text() == QStringLiteral("12"));
    CHECK(table->item(1, 6)->text() == QStringLiteral("3"));
    // An impact outside 1-5 is refused and the model's value shown again.
    table->item(0, 4)->setText(QStringLiteral("9"));
    CHECK_FALSE(ideas.begin()->second.impact.has_value());
}

TEST_CASE("New action from the selected ideas links them and goes to the plan",
          "[panels][workshop]") {
    model::Id map = model::kNoId;
    EditorDocument document;
    document.resetProject(sampleProject(map), false);
    WorkshopPanel panel(document);
    typeIdea(panel, QStringLiteral("Sync CRM to ERP"));
    panel.ideasTable()->selectRow(0);
    panel.findChild<QPushButton*>(QStringLiteral("ideaPlan"))->click();
    const auto& actions = document.project().workshop.actions;
    REQUIRE(actions.size() == 1);
    const model::Action& action = actions.begin()->second;
    CHECK(action.title == "Sync CRM to ERP");
    CHECK(action.changes ==
          std::vector<model::Id>{document.project().workshop.ideas.begin()->first});
    CHECK(action.owner == document.project().props.team.processOwner);
    QTableWidget* plan = panel.actionsTable();
    REQUIRE(plan->rowCount() == 1);
    CHECK(plan->item(0, 2)->text() == QStringLiteral("Grace"));
    // A due date is typed in the plan; a date that is not ISO is refused.
    plan->item(0, 4)->setText(QStringLiteral("2026-03-31"));
    CHECK(actions.begin()->second.due == "2026-03-31");
    plan->item(0, 4)->setText(QStringLiteral("31.3.2026"));
    CHECK(actions.begin()->second.due == "2026-03-31");
    CHECK(plan->item(0, 4)->text() == QStringLiteral("2026-03-31"));
    document.undoStack()->undo();
    CHECK(actions.begin()->second.due.empty());
}

TEST_CASE("New idea and New action from a red pen link it, and the pen counts them",
          "[panels][workshop]") {
    model::Id map = model::kNoId;
    model::Project project = sampleProject(map);
    model::Step step;
    step.id = project.allocateId();
    step.name = "Copy into spreadsheet";
    project.maps[0].steps.emplace(step.id, step);
    model::RedPen pen;
    pen.id = project.allocateId();
    pen.targets = {step.id};
    pen.reason = "copying by hand";
    project.maps[0].redPens.emplace(pen.id, pen);
    EditorDocument document;
    document.resetProject(project, false);
    WorkshopPanel panel(document);

    const model::Id idea = panel.ideaFromElements(map, {pen.id});
    REQUIRE(idea != model::kNoId);
    CHECK(document.project().workshop.ideas.at(idea).text == "Improve: copying by hand");
    CHECK(document.project().workshop.ideas.at(idea).concerns == std::vector<model::Id>{pen.id});
    const model::Id action = panel.actionFromElements(map, {step.id});
    REQUIRE(action != model::kNoId);
    CHECK(document.project().workshop.actions.at(action).title == "Fix: Copy into spreadsheet");
    const model::PenAttachments counts = model::penAttachments(document.project(), pen.id);
    CHECK(counts.ideas == 1);
    CHECK(counts.actions == 0); // the action changes the step, not the pen or its idea
    // Nothing to link: no entry.
    CHECK(panel.ideaFromElements(map, {}) == model::kNoId);
    document.undoStack()->undo();
    document.undoStack()->undo();
    CHECK(document.project().workshop.ideas.empty());
}

TEST_CASE("a step's tooltip explains the glossary's terms in its name", "[canvas][workshop]") {
    model::Id mapId = model::kNoId;
    model::Project project = sampleProject(mapId);
    model::Step step;
    step.id = project.allocateId();
    step.name = "Re-key the order from the CRM";
    project.maps.front().steps.emplace(step.id, step);
    model::Term crm;
    crm.id = project.allocateId();
    crm.term = "CRM";
    crm.meaning = "customer relationship management system";
    project.workshop.glossary.emplace(crm.id, crm);
    EditorDocument document;
    document.resetProject(project, false);
    app::MapScene scene(document, mapId);
    CHECK(scene.glossaryTip(step.id) == "CRM: customer relationship management system");
    CHECK(scene.glossaryTip(mapId).isEmpty()); // not a step

    // A term added later shows at once: the tip is read when asked for.
    model::Term order;
    order.id = document.allocateId();
    order.term = "order";
    order.meaning = "a signed quote";
    document.push(model::makeAdd(order));
    CHECK(scene.glossaryTip(step.id) ==
          "CRM: customer relationship management system\norder: a signed quote");
}

TEST_CASE("an action is edited in full in its dialog, from the keyboard", "[panels][workshop]") {
    model::Id mapId = model::kNoId;
    model::Project project = sampleProject(mapId);
    model::Step approve;
    approve.id = project.allocateId();
    approve.name = "Approve";
    project.maps.front().steps.emplace(approve.id, approve);
    model::Action action;
    action.id = project.allocateId();
    action.title = "Sync CRM";
    project.workshop.actions.emplace(action.id, action);
    EditorDocument document;
    document.resetProject(project, false);
    WorkshopPanel panel(document);

    const bool changed = panel.editAction(action.id, [&](app::ActionDialog& dialog) {
        const auto line = [&](const char* name) {
            auto* edit = dialog.findChild<QLineEdit*>(QString::fromLatin1(name));
            REQUIRE(edit);
            edit->setFocus();
            edit->selectAll();
            return edit;
        };
        QTest::keyClicks(line("actionTitle"), QStringLiteral("Sync CRM to ERP"));
        QTest::keyClicks(line("actionStart"), QStringLiteral("2026-03-16"));
        QTest::keyClicks(line("actionDue"), QStringLiteral("16 May"));
        CHECK_THAT(dialog.problem().toStdString(),
                   Catch::Contains("The due date \"16 May\" is not a date as YYYY-MM-DD."));
        CHECK_FALSE(dialog.action());
        QTest::keyClicks(line("actionDue"), QStringLiteral("2026-05-08"));
        CHECK(dialog.problem().isEmpty());
        // Owner, status and figure from the keyboard: a combo box takes the first letters.
        auto* owner = dialog.findChild<QComboBox*>(QStringLiteral("actionOwner"));
        owner->setFocus();
        QTest::keyClicks(owner, QStringLiteral("Gr"));
        auto* status = dialog.findChild<QComboBox*>(QStringLiteral("actionStatus"));
        status->setFocus();
        QTest::keyClicks(status, QStringLiteral("in"));
        auto* figure = dialog.findChild<QComboBox*>(QStringLiteral("actionEffectFigure"));
        figure->setCurrentIndex(figure->findText(QStringLiteral("step_lead_time")));
        auto* element = dialog.findChild<QComboBox*>(QStringLiteral("actionEffectElement"));
        CHECK(element->isEnabled());
        CHECK(element->currentText() == "Approve");
        QTest::keyClicks(line("actionEffectFrom"), QStringLiteral("5 x"));
        CHECK_THAT(dialog.problem().toStdString(), Catch::Contains("Expected effect, from"));
        QTest::keyClicks(line("actionEffectFrom"), QStringLiteral("5 d"));
        QTest::keyClicks(line("actionEffectTo"), QStringLiteral("1 d"));
        REQUIRE(dialog.problem().isEmpty());
        dialog.accept();
    });
    REQUIRE(changed);
    const model::Action& edited = document.project().workshop.actions.at(action.id);
    CHECK(edited.title == "Sync CRM to ERP");
    CHECK(edited.start == "2026-03-16");
    CHECK(edited.due == "2026-05-08");
    CHECK(edited.owner == document.project().props.team.processOwner);
    CHECK(edited.status == model::ActionStatus::InProgress);
    REQUIRE(edited.effect);
    CHECK(edited.effect->figure == model::TargetFigure::StepLeadTime);
    CHECK(edited.effect->map == mapId);
    CHECK(edited.effect->element == approve.id);
    CHECK(edited.effect->from == Approx(5 * 8 * 3600.0)); // working days of 8 h
    CHECK(edited.effect->to == Approx(8 * 3600.0));
    // One undo step takes the whole edit back.
    document.undoStack()->undo();
    CHECK(document.project().workshop.actions.at(action.id) == action);

    // Cancelled: nothing changes.
    CHECK_FALSE(panel.editAction(action.id, [](app::ActionDialog& dialog) { dialog.reject(); }));
}

TEST_CASE("an action's counted target shows its thousands and takes them typed",
          "[panels][workshop]") {
    model::Id mapId = model::kNoId;
    model::Project project = sampleProject(mapId);
    model::Action action;
    action.id = project.allocateId();
    action.title = "Fewer handoffs";
    action.effect = model::Target{
        model::TargetFigure::Handoffs, mapId, model::kNoId, 1200.0, std::nullopt, std::nullopt};
    project.workshop.actions.emplace(action.id, action);
    EditorDocument document;
    document.resetProject(project, false);
    WorkshopPanel panel(document);

    REQUIRE(panel.editAction(action.id, [&](app::ActionDialog& dialog) {
        auto* from = dialog.findChild<QLineEdit*>(QStringLiteral("actionEffectFrom"));
        auto* to = dialog.findChild<QLineEdit*>(QStringLiteral("actionEffectTo"));
        REQUIRE(from);
        REQUIRE(to);
        CHECK(from->text() == "1,200");
        to->setFocus();
        QTest::keyClicks(to, QStringLiteral("1,0"));
        CHECK_THAT(dialog.problem().toStdString(), Catch::Contains("'1,0' is not a number"));
        QTest::keyClicks(to, QStringLiteral("00"));
        REQUIRE(dialog.problem().isEmpty());
        dialog.accept();
    }));
    const model::Action& edited = document.project().workshop.actions.at(action.id);
    REQUIRE(edited.effect);
    CHECK(edited.effect->from == 1200.0);
    CHECK(edited.effect->to == 1000.0);
}
