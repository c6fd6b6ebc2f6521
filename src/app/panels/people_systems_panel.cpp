#include "people_systems_panel.h"

#include "catalogue_column.h"
#include "editor_document.h"
#include "gemba/model/operations.h"
#include "gemba/model/units.h"
#include "pick_list_delegate.h"
#include "project_catalogue.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QSignalBlocker>
#include <QStyle>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <ranges>
#include <set>

namespace gemba::app {

namespace {

constexpr int IdRole = Qt::UserRole + 1;
constexpr int KindRole = Qt::UserRole + 2;
constexpr int ReferenceRole = Qt::UserRole + 3; ///< the catalogue reference, in its column

enum PersonColumn { PersonName, PersonRole, PersonCost, PersonCatalogue };
enum SystemColumn { SystemName, SystemKindColumn, SystemCatalogue };

const std::vector<model::SystemKind>& systemKinds() {
    static const std::vector<model::SystemKind> kinds{
        model::SystemKind::Application, model::SystemKind::Spreadsheet, model::SystemKind::Email,
        model::SystemKind::Paper,       model::SystemKind::Phone,       model::SystemKind::Other};
    return kinds;
}

QTableWidget* makeTable(const QStringList& headers, const QString& name) {
    auto* table = new QTableWidget(0, static_cast<int>(headers.size()));
    table->setObjectName(name);
    table->setHorizontalHeaderLabels(headers);
    table->verticalHeader()->hide();
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                           QAbstractItemView::AnyKeyPressed);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 8);
    return table;
}

/// Stretched columns share the width left; none may get narrower than its title, or the title
/// is cut: the table scrolls sideways instead.
void keepStretchedTitlesWhole(QTableWidget* table) {
    QHeaderView* header = table->horizontalHeader();
    const int padding = 2 * header->style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, header) +
                        header->style()->pixelMetric(QStyle::PM_HeaderMarkSize, nullptr, header);
    int widest = 0;
    for (int column = 0; column < table->columnCount(); ++column)
        if (header->sectionResizeMode(column) == QHeaderView::Stretch)
            widest = std::max(widest, header->fontMetrics().horizontalAdvance(
                                          table->horizontalHeaderItem(column)->text()));
    header->setMinimumSectionSize(widest + padding);
}

QStringList systemKindNames() {
    return {PeopleSystemsPanel::tr("Application"), PeopleSystemsPanel::tr("Spreadsheet"),
            PeopleSystemsPanel::tr("Email"),       PeopleSystemsPanel::tr("Paper"),
            PeopleSystemsPanel::tr("Phone"),       PeopleSystemsPanel::tr("Other")};
}

/// Puts a text into a cell, making the cell when it does not exist yet. Cells are updated in
/// place: the one being edited may be the one whose change led here.
QTableWidgetItem* cell(QTableWidget* table, int row, int column, const QString& text) {
    QTableWidgetItem* item = table->item(row, column);
    if (!item) {
        item = new QTableWidgetItem;
        table->setItem(row, column, item);
    }
    if (item->text() != text)
        item->setText(text);
    return item;
}

QWidget* buttonRow(std::initializer_list<QPushButton*> buttons) {
    auto* row = new QWidget;
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    for (QPushButton* button : buttons)
        layout->addWidget(button);
    layout->addStretch(1);
    return row;
}

std::vector<model::Id> selectedIds(const QTableWidget* table) {
    std::set<int> rows;
    for (const QTableWidgetItem* item : table->selectedItems())
        rows.insert(item->row());
    if (rows.empty() && table->currentRow() >= 0)
        rows.insert(table->currentRow());
    std::vector<model::Id> ids;
    for (int row : rows)
        if (const QTableWidgetItem* item = table->item(row, 0))
            ids.push_back(item->data(IdRole).value<model::Id>());
    return ids;
}

/// The row of an entity. Rows keep the project's order (by id): a new entry appears at the
/// bottom, where the user looks for it.
int rowOf(const QTableWidget* table, model::Id id) {
    for (int row = 0; row < table->rowCount(); ++row)
        if (const QTableWidgetItem* item = table->item(row, 0);
            item && item->data(IdRole).value<model::Id>() == id)
            return row;
    return -1;
}

} // namespace

PeopleSystemsPanel::PeopleSystemsPanel(EditorDocument& document, QWidget* parent)
    : QWidget(parent)
    , m_document(document)
    , m_catalogue(new ProjectCatalogue(document, this))
    , m_people(makeTable({tr("Name"), tr("Role or team"), tr("Hourly cost"), tr("Catalogue")},
                         QStringLiteral("peopleTable")))
    , m_systems(
          makeTable({tr("Name"), tr("Kind"), tr("Catalogue")}, QStringLiteral("systemsTable")))
    , m_removePerson(new QPushButton(tr("Remove")))
    , m_removeSystem(new QPushButton(tr("Remove")))
    , m_message(new QLabel)
    , m_catalogueStatus(new QLabel) {
    setObjectName(QStringLiteral("peopleSystemsPanel"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(6);

    m_people->setAccessibleName(tr("People"));
    m_people->horizontalHeader()->setSectionResizeMode(PersonName, QHeaderView::Stretch);
    m_people->horizontalHeader()->setSectionResizeMode(PersonRole, QHeaderView::Stretch);
    m_people->horizontalHeader()->setSectionResizeMode(PersonCost, QHeaderView::ResizeToContents);
    m_people->horizontalHeader()->setSectionResizeMode(PersonCatalogue, QHeaderView::Stretch);
    m_people->setItemDelegateForColumn(PersonCatalogue,
                                       catalogueDelegate(model::CatalogueKind::Person, m_people));
    keepStretchedTitlesWhole(m_people);
    auto* addPersonButton = new QPushButton(tr("Add person"));
    addPersonButton->setObjectName(QStringLiteral("addPerson"));
    m_removePerson->setObjectName(QStringLiteral("removePerson"));
    m_removePerson->setToolTip(tr("Removes the selected people from the project and from every "
                                  "step and the workshop team (Delete)."));
    auto* peopleBox = new QGroupBox(tr("People"));
    auto* peopleLayout = new QVBoxLayout(peopleBox);
    peopleLayout->setContentsMargins(4, 4, 4, 4);
    peopleLayout->addWidget(m_people, 1);
    peopleLayout->addWidget(buttonRow({addPersonButton, m_removePerson}));
    layout->addWidget(peopleBox, 3);

    m_systems->setAccessibleName(tr("Systems"));
    m_systems->horizontalHeader()->setSectionResizeMode(SystemName, QHeaderView::Stretch);
    m_systems->horizontalHeader()->setSectionResizeMode(SystemKindColumn,
                                                        QHeaderView::ResizeToContents);
    m_systems->horizontalHeader()->setSectionResizeMode(SystemCatalogue, QHeaderView::Stretch);
    std::vector<PickListDelegate::Choice> kinds;
    for (const QString& name : systemKindNames())
        kinds.push_back({name, static_cast<int>(kinds.size())});
    m_systems->setItemDelegateForColumn(
        SystemKindColumn, new PickListDelegate(
                              KindRole, [kinds](const QModelIndex&) { return kinds; }, m_systems));
    m_systems->setItemDelegateForColumn(SystemCatalogue,
                                        catalogueDelegate(model::CatalogueKind::System, m_systems));
    keepStretchedTitlesWhole(m_systems);
    auto* addSystemButton = new QPushButton(tr("Add system"));
    addSystemButton->setObjectName(QStringLiteral("addSystem"));
    m_removeSystem->setObjectName(QStringLiteral("removeSystem"));
    m_removeSystem->setToolTip(
        tr("Removes the selected systems from the project and from every step (Delete)."));
    auto* systemsBox = new QGroupBox(tr("Systems"));
    auto* systemsLayout = new QVBoxLayout(systemsBox);
    systemsLayout->setContentsMargins(4, 4, 4, 4);
    systemsLayout->addWidget(m_systems, 1);
    systemsLayout->addWidget(buttonRow({addSystemButton, m_removeSystem}));
    layout->addWidget(systemsBox, 2);

    m_message->setObjectName(QStringLiteral("peopleSystemsMessage"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b71c1c;"));
    m_message->hide();
    layout->addWidget(m_message);
    m_catalogueStatus->setObjectName(QStringLiteral("catalogueStatus"));
    m_catalogueStatus->setWordWrap(true);
    layout->addWidget(m_catalogueStatus);

    connect(addPersonButton, &QPushButton::clicked, this, &PeopleSystemsPanel::addPerson);
    connect(m_removePerson, &QPushButton::clicked, this, &PeopleSystemsPanel::removeSelectedPeople);
    connect(addSystemButton, &QPushButton::clicked, this, &PeopleSystemsPanel::addSystem);
    connect(m_removeSystem, &QPushButton::clicked, this,
            &PeopleSystemsPanel::removeSelectedSystems);
    auto* deletePerson =
        new QShortcut(QKeySequence::Delete, m_people, nullptr, nullptr, Qt::WidgetShortcut);
    connect(deletePerson, &QShortcut::activated, this, &PeopleSystemsPanel::removeSelectedPeople);
    auto* deleteSystem =
        new QShortcut(QKeySequence::Delete, m_systems, nullptr, nullptr, Qt::WidgetShortcut);
    connect(deleteSystem, &QShortcut::activated, this, &PeopleSystemsPanel::removeSelectedSystems);
    connect(m_people, &QTableWidget::itemChanged, this, &PeopleSystemsPanel::onPersonEdited);
    connect(m_systems, &QTableWidget::itemChanged, this, &PeopleSystemsPanel::onSystemEdited);
    connect(m_people, &QTableWidget::itemSelectionChanged, this,
            [this] { m_removePerson->setEnabled(!selectedIds(m_people).empty()); });
    connect(m_systems, &QTableWidget::itemSelectionChanged, this,
            [this] { m_removeSystem->setEnabled(!selectedIds(m_systems).empty()); });
    connect(&document, &EditorDocument::changed, this, &PeopleSystemsPanel::onChanged);
    connect(m_catalogue, &ProjectCatalogue::changed, this, &PeopleSystemsPanel::onCatalogueRead);

    onCatalogueRead();
}

void PeopleSystemsPanel::onCatalogueRead() {
    m_catalogueStatus->setText(m_catalogue->status());
    m_catalogueStatus->setStyleSheet(m_catalogue->failed() ? QStringLiteral("color: #b71c1c;")
                                                           : QString());
    refreshPeople();
    refreshSystems();
}

PickListDelegate* PeopleSystemsPanel::catalogueDelegate(model::CatalogueKind kind,
                                                        QTableWidget* table) {
    return new PickListDelegate(
        ReferenceRole,
        [this, kind](const QModelIndex& index) {
            // The list is made from the catalogue as it is now, not as it was read.
            m_catalogue->reload();
            return catalogueChoices(m_catalogue->catalogue(), kind,
                                    index.data(ReferenceRole).toString().toStdString());
        },
        table);
}

template <class Entities>
bool PeopleSystemsPanel::catalogueColumnWanted(Entities&& entities) const {
    // Without a catalogue and without references the column would stay empty: the tables keep
    // their width for what they hold.
    if (m_catalogue->catalogue() || m_catalogue->failed())
        return true;
    return std::ranges::any_of(entities, [](const auto& e) { return !e.catalogue.empty(); });
}

void PeopleSystemsPanel::showCatalogueCell(QTableWidget* table, int row, int column,
                                           model::CatalogueKind kind, const std::string& reference,
                                           const std::string& name) {
    const CatalogueCell shown = catalogueCell(m_catalogue->catalogue(), kind, reference, name);
    QTableWidgetItem* item = cell(table, row, column, shown.text);
    item->setData(ReferenceRole, QString::fromStdString(reference));
    item->setToolTip(shown.toolTip);
    QFont font = table->font();
    font.setItalic(shown.byName);
    item->setFont(font);
    item->setForeground(shown.unknown  ? QBrush(QColor(0xb7, 0x1c, 0x1c))
                        : shown.byName ? table->palette().placeholderText()
                                       : table->palette().text());
}

PeopleSystemsPanel::~PeopleSystemsPanel() = default;

void PeopleSystemsPanel::onChanged(const model::Changes& changes) {
    using Subject = model::Change::Subject;
    bool people = false;
    bool systems = false;
    for (const model::Change& change : changes) {
        people = people || change.subject == Subject::Everything ||
                 change.subject == Subject::Person || change.subject == Subject::Project;
        systems =
            systems || change.subject == Subject::Everything || change.subject == Subject::System;
    }
    if (people)
        refreshPeople();
    if (systems)
        refreshSystems();
}

void PeopleSystemsPanel::refreshPeople() {
    const QSignalBlocker blocker(m_people);
    m_filling = true;
    const model::Project& project = m_document.project();
    const QString currency = QString::fromStdString(project.props.currency);
    m_people->horizontalHeaderItem(PersonCost)->setText(tr("Hourly cost (%1)").arg(currency));
    const QString rateTip =
        tr("Empty: the project's default rate of %1 %2/h applies.")
            .arg(QString::fromStdString(model::formatCount(project.props.defaultHourlyRate)),
                 currency);
    m_people->setRowCount(static_cast<int>(project.people.size()));
    int row = 0;
    for (const auto& [id, person] : project.people) {
        QTableWidgetItem* name =
            cell(m_people, row, PersonName, QString::fromStdString(person.name));
        name->setData(IdRole, QVariant::fromValue(id));
        cell(m_people, row, PersonRole, QString::fromStdString(person.role));
        QTableWidgetItem* cost =
            cell(m_people, row, PersonCost,
                 person.hourlyCost ? QString::fromStdString(model::formatCount(*person.hourlyCost))
                                   : QString());
        cost->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        cost->setToolTip(rateTip);
        showCatalogueCell(m_people, row, PersonCatalogue, model::CatalogueKind::Person,
                          person.catalogue, person.name);
        ++row;
    }
    m_removePerson->setEnabled(!selectedIds(m_people).empty());
    m_filling = false;
    m_people->setColumnHidden(PersonCatalogue,
                              !catalogueColumnWanted(project.people | std::views::values));
    m_people->viewport()->update();
}

void PeopleSystemsPanel::refreshSystems() {
    const QSignalBlocker blocker(m_systems);
    m_filling = true;
    const model::Project& project = m_document.project();
    m_systems->setRowCount(static_cast<int>(project.systems.size()));
    const QStringList kindNames = systemKindNames();
    int row = 0;
    for (const auto& [id, system] : project.systems) {
        QTableWidgetItem* name =
            cell(m_systems, row, SystemName, QString::fromStdString(system.name));
        name->setData(IdRole, QVariant::fromValue(id));
        const auto& kinds = systemKinds();
        const int kind =
            static_cast<int>(std::find(kinds.begin(), kinds.end(), system.kind) - kinds.begin());
        QTableWidgetItem* kindItem = cell(m_systems, row, SystemKindColumn, kindNames.value(kind));
        kindItem->setData(KindRole, kind);
        kindItem->setToolTip(tr("Double-click or F2 to choose another kind."));
        showCatalogueCell(m_systems, row, SystemCatalogue, model::CatalogueKind::System,
                          system.catalogue, system.name);
        ++row;
    }
    m_removeSystem->setEnabled(!selectedIds(m_systems).empty());
    m_filling = false;
    m_systems->setColumnHidden(SystemCatalogue,
                               !catalogueColumnWanted(project.systems | std::views::values));
    m_systems->viewport()->update();
}

void PeopleSystemsPanel::showMessage(const QString& message) {
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
}

void PeopleSystemsPanel::onPersonEdited(QTableWidgetItem* item) {
    if (m_filling || !item)
        return;
    const QTableWidgetItem* nameItem = m_people->item(item->row(), PersonName);
    const model::Id id = nameItem ? nameItem->data(IdRole).value<model::Id>() : model::kNoId;
    const auto found = m_document.project().people.find(id);
    if (found == m_document.project().people.end())
        return;
    const model::Person before = found->second;
    model::Person after = before;
    const QString text = item->text().trimmed();
    switch (item->column()) {
    case PersonName:
        if (text.isEmpty()) {
            showMessage(
                tr("A person needs a name: kept “%1”.").arg(QString::fromStdString(before.name)));
            refreshPeople();
            return;
        }
        after.name = text.toStdString();
        break;
    case PersonRole:
        after.role = text.toStdString();
        break;
    case PersonCatalogue:
        after.catalogue = item->data(ReferenceRole).toString().toStdString();
        break;
    case PersonCost:
        if (text.isEmpty()) {
            after.hourlyCost.reset();
        } else {
            const auto cost = model::parseCount(text.toStdString());
            if (!cost || *cost < 0) {
                showMessage(tr("“%1” is not an hourly cost: write a number of 0 or more, or "
                               "leave it empty for the default rate.")
                                .arg(text));
                refreshPeople();
                return;
            }
            after.hourlyCost = *cost;
        }
        break;
    default:
        return;
    }
    showMessage({});
    if (after == before) {
        refreshPeople(); // shows the value as stored: "45.0" back as "45"
        return;
    }
    m_document.push(std::make_unique<model::SetPerson>(
        model::kNoId, before, after,
        tr("Edit person %1").arg(QString::fromStdString(before.name)).toStdString()));
}

void PeopleSystemsPanel::onSystemEdited(QTableWidgetItem* item) {
    if (m_filling || !item)
        return;
    const QTableWidgetItem* nameItem = m_systems->item(item->row(), SystemName);
    const model::Id id = nameItem ? nameItem->data(IdRole).value<model::Id>() : model::kNoId;
    const auto found = m_document.project().systems.find(id);
    if (found == m_document.project().systems.end())
        return;
    const model::System before = found->second;
    model::System after = before;
    switch (item->column()) {
    case SystemName: {
        const QString text = item->text().trimmed();
        if (text.isEmpty()) {
            showMessage(
                tr("A system needs a name: kept “%1”.").arg(QString::fromStdString(before.name)));
            refreshSystems();
            return;
        }
        after.name = text.toStdString();
        break;
    }
    case SystemKindColumn: {
        const int kind = item->data(KindRole).toInt();
        if (kind < 0 || kind >= static_cast<int>(systemKinds().size()))
            return;
        after.kind = systemKinds()[static_cast<std::size_t>(kind)];
        break;
    }
    case SystemCatalogue:
        after.catalogue = item->data(ReferenceRole).toString().toStdString();
        break;
    default:
        return;
    }
    showMessage({});
    if (after == before) {
        refreshSystems();
        return;
    }
    m_document.push(std::make_unique<model::SetSystem>(
        model::kNoId, before, after,
        tr("Edit system %1").arg(QString::fromStdString(before.name)).toStdString()));
}

void PeopleSystemsPanel::addPerson() {
    model::Person person;
    person.id = m_document.allocateId();
    person.name = tr("New person").toStdString();
    m_document.push(std::make_unique<model::SetPerson>(model::kNoId, std::nullopt, person,
                                                       tr("Add person").toStdString()));
    const int row = rowOf(m_people, person.id);
    if (row < 0)
        return;
    m_people->setCurrentCell(row, PersonName);
    m_people->setFocus();
    m_people->editItem(m_people->item(row, PersonName));
}

void PeopleSystemsPanel::addSystem() {
    model::System system;
    system.id = m_document.allocateId();
    system.name = tr("New system").toStdString();
    m_document.push(std::make_unique<model::SetSystem>(model::kNoId, std::nullopt, system,
                                                       tr("Add system").toStdString()));
    const int row = rowOf(m_systems, system.id);
    if (row < 0)
        return;
    m_systems->setCurrentCell(row, SystemName);
    m_systems->setFocus();
    m_systems->editItem(m_systems->item(row, SystemName));
}

namespace {

/// Removes several entities as one undo step. Each removal is built on the project as the
/// ones before it left it (two people in the same workshop team must both leave it).
template <class Remove>
model::EditPtr removeAll(const model::Project& project, const std::vector<model::Id>& ids,
                         Remove remove, const QString& description) {
    model::Project scratch = project;
    auto compound = std::make_unique<model::CompoundEdit>(description.toStdString());
    for (model::Id id : ids) {
        model::EditPtr edit = remove(scratch, id);
        if (!edit)
            continue;
        model::Changes ignored;
        edit->apply(scratch, ignored);
        compound->add(std::move(edit));
    }
    if (compound->empty())
        return nullptr;
    return compound;
}

} // namespace

void PeopleSystemsPanel::removeSelectedPeople() {
    const std::vector<model::Id> ids = selectedIds(m_people);
    if (ids.empty())
        return;
    const auto& people = m_document.project().people;
    const QString description =
        ids.size() == 1 && people.count(ids.front())
            ? tr("Remove person %1").arg(QString::fromStdString(people.at(ids.front()).name))
            : tr("Remove %1 people").arg(ids.size());
    m_document.push(removeAll(m_document.project(), ids, model::removePerson, description));
}

void PeopleSystemsPanel::removeSelectedSystems() {
    const std::vector<model::Id> ids = selectedIds(m_systems);
    if (ids.empty())
        return;
    const auto& systems = m_document.project().systems;
    const QString description =
        ids.size() == 1 && systems.count(ids.front())
            ? tr("Remove system %1").arg(QString::fromStdString(systems.at(ids.front()).name))
            : tr("Remove %1 systems").arg(ids.size());
    m_document.push(removeAll(m_document.project(), ids, model::removeSystem, description));
}

} // namespace gemba::app
