#pragma once

#include "gemba/model/edit.h"

#include <QWidget>

class QComboBox;
class QLineEdit;
class QPlainTextEdit;
class QTableWidget;
class QTableWidgetItem;

namespace gemba::app {

class EditorDocument;

/// The workshop log, kept as the workshop goes: the parking lot (type an item and Enter; mark
/// it resolved, or move it to a new idea or action in one step), the glossary of acronyms and
/// terms, the lessons learned, and the summary of each day, which Gemba drafts from what
/// changed that day for the facilitator to edit and keep. Every change is an undo step.
class WorkshopLogPanel : public QWidget {
    Q_OBJECT

public:
    explicit WorkshopLogPanel(EditorDocument& document, QWidget* parent = nullptr);

    QTableWidget* parkingTable() const { return m_parking; }
    QTableWidget* glossaryTable() const { return m_glossary; }
    QTableWidget* lessonsTable() const { return m_lessons; }

    void addParkingItem(const QString& text);
    void addTerm(const QString& term, const QString& meaning);
    void addLesson(const QString& text);
    /// Moves the selected parking-lot items to new ideas (or actions) with their text, and
    /// marks them resolved and moved, as one undo step. Returns the new entries' ids.
    std::vector<model::Id> moveSelectedToIdeas();
    std::vector<model::Id> moveSelectedToActions();
    /// Removes the selected rows of `table` (parking lot, glossary or lessons).
    void removeSelected(QTableWidget* table);

    /// The day summary's date and texts, as shown.
    void setSummaryDate(const QString& isoDate);
    /// Fills the texts with Gemba's draft for the date (or the kept summary of that date).
    void draftSummary();
    /// Keeps the texts as the date's summary (replacing one kept before for that date).
    bool keepSummary();
    QPlainTextEdit* summaryDone() const { return m_done; }
    QPlainTextEdit* summaryDecisions() const { return m_decisions; }
    QPlainTextEdit* summaryNext() const { return m_next; }

private:
    void refresh();
    void onEdited(QTableWidgetItem* item);
    std::vector<model::Id> selectedIds(const QTableWidget* table) const;
    std::vector<model::Id> moveSelected(bool toActions);

    EditorDocument& m_document;
    QTableWidget* m_parking;
    QTableWidget* m_glossary;
    QTableWidget* m_lessons;
    QLineEdit* m_summaryDate;
    QPlainTextEdit* m_done;
    QPlainTextEdit* m_decisions;
    QPlainTextEdit* m_next;
    model::Id m_draftWatermark = model::kNoId;
    bool m_filling = false;
};

} // namespace gemba::app
