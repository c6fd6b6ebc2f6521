#pragma once

#include "gemba/model/edit.h"

#include <QWidget>
#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;
class QTableWidgetItem;

namespace gemba::app {

class ActionDialog;
class EditorDocument;
class WorkshopLogPanel;

/// The workshop's ideas and action plan: a capture line (type an idea, Enter, the next one),
/// the funnel with its counts and the buttons that move the selected ideas along it, a
/// sortable idea table filtered by status, and the plan's table. Every change is an undo step.
class WorkshopPanel : public QWidget {
    Q_OBJECT

public:
    explicit WorkshopPanel(EditorDocument& document, QWidget* parent = nullptr);
    ~WorkshopPanel() override;

    QLineEdit* captureLine() const { return m_capture; }
    QTableWidget* ideasTable() const { return m_ideas; }
    QTableWidget* actionsTable() const { return m_actions; }
    QLabel* funnelLabel() const { return m_funnel; }
    QComboBox* statusFilter() const { return m_filter; }
    /// The workshop log's tab: parking lot, glossary, lessons, day summary.
    WorkshopLogPanel* logPanel() const { return m_log; }

    /// The map new ideas concern (the one on screen); kNoId: none.
    void setCurrentMap(model::Id map) { m_currentMap = map; }
    /// Adds an idea with this text, concerning the current map.
    void captureIdea(const QString& text);
    /// Moves the selected ideas to `status` as one undo step.
    void moveSelected(model::IdeaStatus status);
    /// Adds an action that changes the selected ideas.
    void planSelected();
    /// "New idea" / "New action" from a red pen or a selection of steps of `map`: the new
    /// entry concerns (or changes) the red pens and steps among `elements`, and is named
    /// after the pen's reason or the steps' names. Returns its id, or kNoId when `elements`
    /// holds no red pen or step.
    model::Id ideaFromElements(model::Id map, const std::vector<model::Id>& elements);
    model::Id actionFromElements(model::Id map, const std::vector<model::Id>& elements);
    /// Opens the dialog with every field of action `id` and applies what it gives back as one
    /// undo step. `drive`, for tests, fills and closes the dialog instead of a person. Returns
    /// whether the action changed.
    bool editAction(model::Id id, const std::function<void(ActionDialog&)>& drive = {});

private:
    void onChanged(const model::Changes& changes);
    void refresh();
    void onIdeaEdited(QTableWidgetItem* item);
    void onActionEdited(QTableWidgetItem* item);
    std::vector<model::Id> selectedIdeas() const;

    EditorDocument& m_document;
    model::Id m_currentMap = model::kNoId;
    QLineEdit* m_capture;
    QLabel* m_funnel;
    QComboBox* m_filter;
    QTableWidget* m_ideas;
    QTableWidget* m_actions;
    WorkshopLogPanel* m_log;
    bool m_filling = false;
};

} // namespace gemba::app
