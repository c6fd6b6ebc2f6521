#pragma once

#include "gemba/model/edit.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;
class QTableWidgetItem;

namespace gemba::app {

class EditorDocument;

/// The project's people (name, role or team, hourly cost) and systems (name, kind): add, edit,
/// remove. Steps pick from these lists in the properties panel.
class PeopleSystemsPanel : public QWidget {
    Q_OBJECT

public:
    explicit PeopleSystemsPanel(EditorDocument& document, QWidget* parent = nullptr);
    ~PeopleSystemsPanel() override;

    QTableWidget* peopleTable() const { return m_people; }
    QTableWidget* systemsTable() const { return m_systems; }

    /// Adds a person (or system) with a placeholder name, and starts editing the name.
    void addPerson();
    void addSystem();
    /// Removes the selected rows and every reference to them, as one undo step.
    void removeSelectedPeople();
    void removeSelectedSystems();

private:
    void onChanged(const model::Changes& changes);
    void refreshPeople();
    void refreshSystems();
    void onPersonEdited(QTableWidgetItem* item);
    void onSystemEdited(QTableWidgetItem* item);
    void showMessage(const QString& message);

    EditorDocument& m_document;
    QTableWidget* m_people;
    QTableWidget* m_systems;
    QPushButton* m_removePerson;
    QPushButton* m_removeSystem;
    QLabel* m_message;
    bool m_filling = false;
};

} // namespace gemba::app
