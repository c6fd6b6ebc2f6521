#pragma once

#include "gemba/model/catalogue.h"
#include "gemba/model/edit.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;
class QTableWidgetItem;

namespace gemba::app {

class EditorDocument;
class PickListDelegate;
class ProjectCatalogue;

/// The project's people (name, role or team, hourly cost) and systems (name, kind), each with
/// the entry of the organisation's catalogue it stands for: add, edit, remove. Steps pick from
/// these lists in the properties panel.
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
    void onCatalogueRead();
    PickListDelegate* catalogueDelegate(model::CatalogueKind kind, QTableWidget* table);
    /// Whether the Catalogue column is worth its width: a catalogue is read (or could not
    /// be), or one of `entities` refers to an entry.
    template <class Entities> bool catalogueColumnWanted(Entities&& entities) const;
    void showCatalogueCell(QTableWidget* table, int row, int column, model::CatalogueKind kind,
                           const std::string& reference, const std::string& name);

    EditorDocument& m_document;
    ProjectCatalogue* m_catalogue;
    QTableWidget* m_people;
    QTableWidget* m_systems;
    QPushButton* m_removePerson;
    QPushButton* m_removeSystem;
    QLabel* m_message;
    QLabel* m_catalogueStatus;
    bool m_filling = false;
};

} // namespace gemba::app
