// The workshop log's tab, driven offscreen through its real widgets: the parking lot (capture,
// resolve, move to an idea or action in one undo step, raised by), the glossary, the lessons
// and the day summary that Gemba drafts and the facilitator edits and keeps.

#include "editor_document.h"
#include "gemba/model/workshop_ops.h"
#include "panels/workshop_log_panel.h"

#include <QApplication>
#include <QDir>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <QUndoStack>
#include <catch2/catch.hpp>

using namespace gemba;
using app::EditorDocument;
using app::WorkshopLogPanel;

namespace {

model::Project withPerson(model::Id& person) {
    model::Project p;
    model::Map m;
    m.id = p.allocateId();
    m.props.name = "Current state";
    p.maps.push_back(m);
    person = p.allocateId();
    p.people[person] = model::Person{person, "Grace Liu", "Process owner", std::nullopt};
    return p;
}

void type(QWidget& panel, const char* line, const QString& text) {
    auto* edit = panel.findChild<QLineEdit*>(QString::fromLatin1(line));
    REQUIRE(edit);
    edit->setFocus();
    QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Return);
}

} // namespace

TEST_CASE("parking-lot items are captured, resolved and moved to ideas and actions",
          "[panels][workshop][log]") {
    model::Id grace = model::kNoId;
    EditorDocument document;
    document.resetProject(withPerson(grace), false);
    WorkshopLogPanel panel(document);
    type(panel, "parkingCapture", QStringLiteral("Who owns the price list?"));
    type(panel, "parkingCapture", QStringLiteral("Archive old contracts"));
    const auto& lot = document.project().workshop.parkingLot;
    REQUIRE(lot.size() == 2);
    CHECK(panel.parkingTable()->rowCount() == 2);
    CHECK(lot.begin()->second.text == "Who owns the price list?");

    // Raised by: a person of the project by name; an unknown name is refused.
    panel.parkingTable()->item(0, 1)->setText(QStringLiteral("grace liu"));
    CHECK(lot.begin()->second.raisedBy == grace);
    panel.parkingTable()->item(0, 1)->setText(QStringLiteral("Nobody"));
    CHECK(lot.begin()->second.raisedBy == grace);
    CHECK(panel.parkingTable()->item(0, 1)->text() == "Grace Liu");

    // Resolved by its check box.
    panel.parkingTable()->item(1, 3)->setCheckState(Qt::Checked);
    CHECK(lot.rbegin()->second.resolved);

    // Moved to an idea: the idea has the text and the person; one undo step takes both back.
    panel.parkingTable()->selectRow(0);
    const std::vector<model::Id> ideas = panel.moveSelectedToIdeas();
    REQUIRE(ideas.size() == 1);
    const model::Idea& idea = document.project().workshop.ideas.at(ideas[0]);
    CHECK(idea.text == "Who owns the price list?");
    CHECK(idea.proposedBy == grace);
    CHECK(lot.begin()->second.movedTo == ideas[0]);
    CHECK(lot.begin()->second.resolved);
    CHECK(panel.parkingTable()->item(0, 4)->text() == QStringLiteral("idea %1").arg(ideas[0]));
    // Moved once only.
    panel.parkingTable()->selectRow(0);
    CHECK(panel.moveSelectedToIdeas().empty());
    document.undoStack()->undo();
    CHECK(document.project().workshop.ideas.empty());
    CHECK(lot.begin()->second.movedTo == model::kNoId);
    CHECK_FALSE(lot.begin()->second.resolved);

    panel.parkingTable()->selectRow(1);
    const std::vector<model::Id> actions = panel.moveSelectedToActions();
    REQUIRE(actions.size() == 1);
    CHECK(document.project().workshop.actions.at(actions[0]).title == "Archive old contracts");

    // Removed: the action it became stays, the item goes.
    panel.parkingTable()->selectRow(1);
    panel.removeSelected(panel.parkingTable());
    CHECK(lot.size() == 1);
    CHECK(document.project().workshop.actions.size() == 1);
}

TEST_CASE("the glossary and the lessons are typed, edited and removed", "[panels][workshop][log]") {
    model::Id grace = model::kNoId;
    EditorDocument document;
    document.resetProject(withPerson(grace), false);
    WorkshopLogPanel panel(document);
    // Term, Enter (to the meaning), meaning, Enter.
    type(panel, "glossaryTerm", QStringLiteral("CRM"));
    type(panel, "glossaryMeaning", QStringLiteral("customer relationship management"));
    const auto& glossary = document.project().workshop.glossary;
    REQUIRE(glossary.size() == 1);
    CHECK(glossary.begin()->second.term == "CRM");
    CHECK(glossary.begin()->second.meaning == "customer relationship management");
    panel.glossaryTable()->item(0, 1)->setText(QStringLiteral("the sales system"));
    CHECK(glossary.begin()->second.meaning == "the sales system");
    panel.glossaryTable()->item(0, 0)->setText(QString()); // a term is never empty
    CHECK(glossary.begin()->second.term == "CRM");

    type(panel, "lessonCapture", QStringLiteral("Walk the stream before mapping it"));
    const auto& lessons = document.project().workshop.lessons;
    REQUIRE(lessons.size() == 1);
    CHECK(panel.lessonsTable()->item(0, 0)->text() == "Walk the stream before mapping it");
    panel.lessonsTable()->item(0, 0)->setText(QStringLiteral("Walk the stream first"));
    CHECK(lessons.begin()->second.text == "Walk the stream first");
    panel.lessonsTable()->selectRow(0);
    panel.removeSelected(panel.lessonsTable());
    CHECK(lessons.empty());
    document.undoStack()->undo();
    CHECK(lessons.size() == 1);
}

TEST_CASE("the day summary is drafted from the day, edited and kept", "[panels][workshop][log]") {
    model::Id grace = model::kNoId;
    EditorDocument document;
    document.resetProject(withPerson(grace), false);
    WorkshopLogPanel panel(document);
    type(panel, "parkingCapture", QStringLiteral("Who owns the price list?"));
    panel.setSummaryDate(QStringLiteral("2026-03-04"));
    panel.draftSummary();
    // The draft is the model's, word for word.
    const model::DaySummary draft = model::draftDaySummary(document.project(), "2026-03-04");
    CHECK(panel.summaryDone()->toPlainText().toStdString() == draft.done);
    CHECK(panel.summaryNext()->toPlainText().toStdString() == draft.nextAgenda);
    CHECK_FALSE(draft.done.empty());

    panel.summaryDecisions()->setPlainText(QStringLiteral("Map the quote stream next."));
    REQUIRE(panel.keepSummary());
    const auto& summaries = document.project().workshop.summaries;
    REQUIRE(summaries.size() == 1);
    const model::DaySummary& kept = summaries.begin()->second;
    CHECK(kept.date == "2026-03-04");
    CHECK(kept.decisions == "Map the quote stream next.");
    CHECK(kept.done == draft.done);
    CHECK(kept.watermark == draft.watermark);

    // The same day again shows what was kept, and keeping replaces it.
    panel.summaryDecisions()->clear();
    panel.draftSummary();
    CHECK(panel.summaryDecisions()->toPlainText() == "Map the quote stream next.");
    panel.summaryDecisions()->setPlainText(QStringLiteral("Start on Monday."));
    REQUIRE(panel.keepSummary());
    CHECK(summaries.size() == 1);
    CHECK(summaries.begin()->second.decisions == "Start on Monday.");

    // A date that is not one is refused.
    panel.setSummaryDate(QStringLiteral("4 March"));
    CHECK_FALSE(panel.keepSummary());
    CHECK(summaries.size() == 1);
}

TEST_CASE("grab the workshop log", "[.][grab]") {
    model::Id grace = model::kNoId;
    EditorDocument document;
    document.resetProject(withPerson(grace), false);
    WorkshopLogPanel panel(document);
    for (const char* item : {"Who owns the price list?", "Archive old contracts"})
        type(panel, "parkingCapture", QString::fromUtf8(item));
    panel.parkingTable()->item(0, 1)->setText(QStringLiteral("Grace Liu"));
    panel.parkingTable()->selectRow(1);
    panel.moveSelectedToActions();
    type(panel, "glossaryTerm", QStringLiteral("CRM"));
    type(panel, "glossaryMeaning", QStringLiteral("customer relationship management"));
    panel.setSummaryDate(QStringLiteral("2026-03-04"));
    panel.draftSummary();
    const QString dir = qEnvironmentVariable("GEMBA_GRAB_DIR", QDir::tempPath());
    auto* tabs = panel.findChild<QTabWidget*>(QStringLiteral("workshopLogTabs"));
    REQUIRE(tabs);
    panel.resize(520, 460);
    panel.show();
    for (int i = 0; i < tabs->count(); ++i) {
        tabs->setCurrentIndex(i);
        QApplication::processEvents();
        REQUIRE(
            panel.grab().save(QDir(dir).filePath(QStringLiteral("workshop_log_%1.png").arg(i))));
    }
}
