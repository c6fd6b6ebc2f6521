#include "workshop_panel.h"

#include "action_dialog.h"
#include "editor_document.h"
#include "gemba/model/names.h"
#include "gemba/model/workshop_ops.h"
#include "workshop_log_panel.h"

#include <QComboBox>
#include <QDate>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace gemba::app {

namespace {

constexpr int IdRole = Qt::UserRole + 1;

enum IdeaColumn { IdeaId, IdeaText, IdeaKindCol, IdeaStatusCol, Impact, Effort, Votes, FitCol };
enum ActionColumn { ActionId, ActionTitle, ActionOwner, ActionStart, ActionDue, ActionStatusCol };

QString qs(std::string_view text) {
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

QTableWidget* makeTable(const QStringList& headers, const QString& name) {
    auto* table = new QTableWidget(0, static_cast<int>(headers.size()));
    table->setObjectName(name);
    table->setHorizontalHeaderLabels(headers);
    table->verticalHeader()->hide();
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->horizontalHeader()->setStretchLastSection(false);
    return table;
}

/// A cell that sorts by number, not by text.
QTableWidgetItem* numberItem(const std::optional<int>& value) {
    auto* item = new QTableWidgetItem;
    if (value)
        item->setData(Qt::DisplayRole, *value);
    return item;
}

QTableWidgetItem* readOnly(const QString& text) {
    auto* item = new QTableWidgetItem(text);
    item->setFlags(item->flags() & ~Qt::ItemIsEditable);
    return item;
}

} // namespace

WorkshopPanel::WorkshopPanel(EditorDocument& document, QWidget* parent)
    : QWidget(parent)
    , m_document(document) {
    auto* tabs = new QTabWidget(this);
    tabs->setObjectName(QStringLiteral("workshopTabs"));

    // Ideas: capture line, funnel, filter, table.
    auto* ideasPage = new QWidget;
    auto* ideasLayout = new QVBoxLayout(ideasPage);
    m_capture = new QLineEdit;
    m_capture->setObjectName(QStringLiteral("ideaCapture"));
    m_capture->setPlaceholderText(tr("Type an idea and press Enter"));
    connect(m_capture, &QLineEdit::returnPressed, this, [this] {
        captureIdea(m_capture->text());
        m_capture->clear();
    });
    ideasLayout->addWidget(m_capture);

    m_funnel = new QLabel;
    m_funnel->setObjectName(QStringLiteral("ideaFunnel"));
    ideasLayout->addWidget(m_funnel);
    auto* moves = new QHBoxLayout;
    const std::pair<model::IdeaStatus, QString> steps[] = {
        {model::IdeaStatus::Shortlisted, tr("&Shortlist")},
        {model::IdeaStatus::Selected, tr("Se&lect")},
        {model::IdeaStatus::Parked, tr("&Park")},
        {model::IdeaStatus::Rejected, tr("Re&ject")},
        {model::IdeaStatus::Proposed, tr("Back to p&roposed")}};
    for (const auto& [status, label] : steps) {
        auto* button = new QPushButton(label);
        button->setObjectName(QStringLiteral("ideaMove_") + qs(model::nameOf(status)));
        connect(button, &QPushButton::clicked, this,
                [this, status = status] { moveSelected(status); });
        moves->addWidget(button);
    }
    auto* plan = new QPushButton(tr("New &action"));
    plan->setObjectName(QStringLiteral("ideaPlan"));
    connect(plan, &QPushButton::clicked, this, &WorkshopPanel::planSelected);
    moves->addWidget(plan);
    moves->addStretch();
    ideasLayout->addLayout(moves);

    m_filter = new QComboBox;
    m_filter->setObjectName(QStringLiteral("ideaFilter"));
    m_filter->addItem(tr("All statuses"), QString());
    for (const auto& [status, name] : model::EnumNames<model::IdeaStatus>::table())
        m_filter->addItem(qs(name), qs(name));
    connect(m_filter, &QComboBox::currentIndexChanged, this, &WorkshopPanel::refresh);
    ideasLayout->addWidget(m_filter);

    m_ideas = makeTable({tr("Id"), tr("Idea"), tr("Kind"), tr("Status"), tr("Impact"), tr("Effort"),
                         tr("Votes"), tr("Fit")},
                        QStringLiteral("ideasTable"));
    m_ideas->setSortingEnabled(true);
    m_ideas->sortByColumn(IdeaId, Qt::AscendingOrder);
    m_ideas->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_ideas->horizontalHeader()->setSectionResizeMode(IdeaText, QHeaderView::Stretch);
    connect(m_ideas, &QTableWidget::itemChanged, this, &WorkshopPanel::onIdeaEdited);
    ideasLayout->addWidget(m_ideas);
    tabs->addTab(ideasPage, tr("Ideas"));

    // The plan.
    m_actions =
        makeTable({tr("Id"), tr("Action"), tr("Owner"), tr("Start"), tr("Due"), tr("Status")},
                  QStringLiteral("actionsTable"));
    m_actions->setSortingEnabled(true);
    m_actions->sortByColumn(ActionId, Qt::AscendingOrder);
    m_actions->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_actions->horizontalHeader()->setSectionResizeMode(ActionTitle, QHeaderView::Stretch);
    connect(m_actions, &QTableWidget::itemChanged, this, &WorkshopPanel::onActionEdited);
    auto* planPage = new QWidget;
    auto* planLayout = new QVBoxLayout(planPage);
    planLayout->addWidget(m_actions);
    auto* editButton = new QPushButton(tr("&Edit action…"));
    editButton->setObjectName(QStringLiteral("actionEdit"));
    connect(editButton, &QPushButton::clicked, this, [this] {
        const auto rows = m_actions->selectionModel()->selectedRows();
        if (!rows.isEmpty())
            editAction(m_actions->item(rows.first().row(), ActionId)->data(IdRole).toULongLong());
    });
    planLayout->addWidget(editButton, 0, Qt::AlignLeft);
    tabs->addTab(planPage, tr("Action plan"));
    m_log = new WorkshopLogPanel(document);
    tabs->addTab(m_log, tr("Log"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(tabs);

    connect(&m_document, &EditorDocument::changed, this, &WorkshopPanel::onChanged);
    refresh();
}

WorkshopPanel::~WorkshopPanel() = default;

void WorkshopPanel::onChanged(const model::Changes& changes) {
    for (const model::Change& change : changes)
        if (change.subject == model::Change::Subject::Workshop ||
            change.subject == model::Change::Subject::Everything ||
            change.subject == model::Change::Subject::Person) {
            refresh();
            return;
        }
}

void WorkshopPanel::captureIdea(const QString& text) {
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return;
    model::Idea idea;
    idea.id = m_document.allocateId();
    idea.text = trimmed.toStdString();
    idea.date = QDate::currentDate().toString(Qt::ISODate).toStdString();
    if (m_document.map(m_currentMap))
        idea.concerns = {m_currentMap};
    m_document.push(model::makeAdd(idea));
}

std::vector<model::Id> WorkshopPanel::selectedIdeas() const {
    std::vector<model::Id> ids;
    for (const QModelIndex& index : m_ideas->selectionModel()->selectedRows(IdeaId))
        ids.push_back(index.data(IdRole).toULongLong());
    std::sort(ids.begin(), ids.end());
    return ids;
}

void WorkshopPanel::moveSelected(model::IdeaStatus status) {
    const auto& ideas = m_document.project().workshop.ideas;
    auto compound = std::make_unique<model::CompoundEdit>("Move ideas to " +
                                                          std::string(model::nameOf(status)));
    for (model::Id id : selectedIdeas()) {
        const auto it = ideas.find(id);
        if (it == ideas.end() || it->second.status == status)
            continue;
        model::Idea moved = it->second;
        moved.status = status;
        compound->add(std::make_unique<model::SetIdea>(model::kNoId, it->second, moved, "Move"));
    }
    if (!compound->empty())
        m_document.push(std::move(compound));
}

void WorkshopPanel::planSelected() {
    const std::vector<model::Id> ids = selectedIdeas();
    if (ids.empty())
        return;
    model::Action action;
    action.id = m_document.allocateId();
    action.title = m_document.project().workshop.ideas.at(ids.front()).text;
    action.changes = ids;
    action.owner = m_document.project().props.team.processOwner;
    m_document.push(model::makeAdd(action));
}

namespace {

/// The red pens and steps among `elements`, and a name for what they mark.
std::pair<std::vector<model::Id>, std::string> marked(const model::Map& map,
                                                      const std::vector<model::Id>& elements) {
    std::vector<model::Id> ids;
    std::string name;
    for (model::Id id : elements) {
        if (const auto pen = map.redPens.find(id); pen != map.redPens.end()) {
            ids.push_back(id);
            if (!pen->second.reason.empty())
                name = pen->second.reason; // a pen's reason names the place best
        } else if (map.findStep(id)) {
            ids.push_back(id);
        }
    }
    if (name.empty())
        for (model::Id id : ids)
            if (const model::Step* step = map.findStep(id))
                name += (name.empty() ? "" : ", ") + step->name;
    return {ids, name};
}

} // namespace

model::Id WorkshopPanel::ideaFromElements(model::Id mapId, const std::vector<model::Id>& elements) {
    const model::Map* map = m_document.map(mapId);
    if (!map)
        return model::kNoId;
    auto [ids, name] = marked(*map, elements);
    if (ids.empty())
        return model::kNoId;
    model::Idea idea;
    idea.id = m_document.allocateId();
    idea.text = tr("Improve: %1").arg(QString::fromStdString(name)).toStdString();
    idea.date = QDate::currentDate().toString(Qt::ISODate).toStdString();
    idea.concerns = ids;
    m_document.push(model::makeAdd(idea));
    return idea.id;
}

model::Id WorkshopPanel::actionFromElements(model::Id mapId,
                                            const std::vector<model::Id>& elements) {
    const model::Map* map = m_document.map(mapId);
    if (!map)
        return model::kNoId;
    auto [ids, name] = marked(*map, elements);
    if (ids.empty())
        return model::kNoId;
    model::Action action;
    action.id = m_document.allocateId();
    action.title = tr("Fix: %1").arg(QString::fromStdString(name)).toStdString();
    action.changes = ids;
    action.owner = m_document.project().props.team.processOwner;
    m_document.push(model::makeAdd(action));
    return action.id;
}

void WorkshopPanel::refresh() {
    m_filling = true;
    const model::Project& project = m_document.project();
    const model::FunnelCounts f = model::funnelCounts(project);
    m_funnel->setText(tr("%1 proposed → %2 shortlisted → %3 selected   (%4 parked, %5 rejected)")
                          .arg(f.proposed)
                          .arg(f.shortlisted)
                          .arg(f.selected)
                          .arg(f.parked)
                          .arg(f.rejected));

    const QString filter = m_filter->currentData().toString();
    {
        QSignalBlocker block(m_ideas);
        m_ideas->setSortingEnabled(false);
        m_ideas->setRowCount(0);
        for (const auto& [id, idea] : project.workshop.ideas) {
            if (!filter.isEmpty() && qs(model::nameOf(idea.status)) != filter)
                continue;
            const int row = m_ideas->rowCount();
            m_ideas->insertRow(row);
            auto* idItem = readOnly(QString());
            idItem->setData(Qt::DisplayRole, static_cast<qulonglong>(id));
            idItem->setData(IdRole, static_cast<qulonglong>(id));
            m_ideas->setItem(row, IdeaId, idItem);
            auto* text = new QTableWidgetItem(QString::fromStdString(idea.text));
            text->setData(IdRole, static_cast<qulonglong>(id));
            m_ideas->setItem(row, IdeaText, text);
            m_ideas->setItem(row, IdeaKindCol, readOnly(qs(model::nameOf(idea.kind))));
            m_ideas->setItem(row, IdeaStatusCol, readOnly(qs(model::nameOf(idea.status))));
            for (auto [column, value] :
                 {std::pair{Impact, idea.impact}, std::pair{Effort, idea.effort},
                  std::pair{Votes, std::optional<int>(idea.votes)}}) {
                auto* item = numberItem(value);
                item->setData(IdRole, static_cast<qulonglong>(id));
                m_ideas->setItem(row, column, item);
            }
            QString fit;
            if (idea.fit) {
                const model::FitAssessment a = model::assessFit(*idea.fit);
                fit = qs(model::nameOf(a.fit));
                QStringList reasons;
                for (const std::string& r : a.reasonsFor)
                    reasons << QStringLiteral("+ ") + QString::fromStdString(r);
                for (const std::string& r : a.reasonsAgainst)
                    reasons << QStringLiteral("− ") + QString::fromStdString(r);
                auto* item = readOnly(fit);
                item->setToolTip(reasons.join(QLatin1Char('\n')));
                m_ideas->setItem(row, FitCol, item);
            } else {
                m_ideas->setItem(row, FitCol, readOnly(QString()));
            }
        }
        m_ideas->setSortingEnabled(true);
    }
    {
        QSignalBlocker block(m_actions);
        m_actions->setSortingEnabled(false);
        m_actions->setRowCount(0);
        for (const auto& [id, action] : project.workshop.actions) {
            const int row = m_actions->rowCount();
            m_actions->insertRow(row);
            auto* idItem = readOnly(QString());
            idItem->setData(Qt::DisplayRole, static_cast<qulonglong>(id));
            m_actions->setItem(row, ActionId, idItem);
            const auto owner = project.people.find(action.owner);
            const QString cells[] = {
                QString::fromStdString(action.title),
                owner == project.people.end() ? QString()
                                              : QString::fromStdString(owner->second.name),
                QString::fromStdString(action.start), QString::fromStdString(action.due),
                qs(model::nameOf(action.status))};
            for (int c = 0; c < 5; ++c) {
                auto* item = new QTableWidgetItem(cells[c]);
                item->setData(IdRole, static_cast<qulonglong>(id));
                if (c == ActionOwner - 1 || c == ActionStatusCol - 1)
                    item->setFlags(item->flags() & ~Qt::ItemIsEditable);
                m_actions->setItem(row, c + 1, item);
            }
        }
        m_actions->setSortingEnabled(true);
    }
    m_filling = false;
}

void WorkshopPanel::onIdeaEdited(QTableWidgetItem* item) {
    if (m_filling)
        return;
    const model::Id id = item->data(IdRole).toULongLong();
    const auto& ideas = m_document.project().workshop.ideas;
    const auto it = ideas.find(id);
    if (it == ideas.end())
        return;
    model::Idea edited = it->second;
    const QString text = item->data(Qt::DisplayRole).toString().trimmed();
    bool ok = true;
    switch (item->column()) {
    case IdeaText:
        if (!text.isEmpty())
            edited.text = text.toStdString();
        break;
    case Impact:
    case Effort: {
        const int value = text.toInt(&ok);
        std::optional<int>& slot = item->column() == Impact ? edited.impact : edited.effort;
        if (text.isEmpty())
            slot.reset();
        else if (ok && value >= 1 && value <= 5)
            slot = value;
        break;
    }
    case Votes: {
        const int value = text.toInt(&ok);
        if (ok && value >= 0)
            edited.votes = value;
        break;
    }
    default:
        break;
    }
    if (edited == it->second) {
        refresh(); // a refused value: show the model's again
        return;
    }
    m_document.push(
        std::make_unique<model::SetIdea>(model::kNoId, it->second, edited, "Edit idea"));
}

void WorkshopPanel::onActionEdited(QTableWidgetItem* item) {
    if (m_filling)
        return;
    const model::Id id = item->data(IdRole).toULongLong();
    const auto& actions = m_document.project().workshop.actions;
    const auto it = actions.find(id);
    if (it == actions.end())
        return;
    model::Action edited = it->second;
    const std::string text = item->text().trimmed().toStdString();
    switch (item->column()) {
    case ActionTitle:
        if (!text.empty())
            edited.title = text;
        break;
    case ActionStart:
    case ActionDue:
        // Dates are ISO; anything else is refused and the model's value shown again.
        if (text.empty() || model::isIsoDate(text))
            (item->column() == ActionStart ? edited.start : edited.due) = text;
        break;
    default:
        break;
    }
    if (edited == it->second) {
        refresh();
        return;
    }
    m_document.push(
        std::make_unique<model::SetAction>(model::kNoId, it->second, edited, "Edit action"));
}

bool WorkshopPanel::editAction(model::Id id, const std::function<void(ActionDialog&)>& drive) {
    const auto& actions = m_document.project().workshop.actions;
    const auto it = actions.find(id);
    if (it == actions.end())
        return false;
    ActionDialog dialog(m_document.project(), it->second, this);
    if (drive)
        drive(dialog);
    else if (dialog.exec() != QDialog::Accepted)
        return false;
    if (dialog.result() != QDialog::Accepted)
        return false;
    const std::optional<model::Action> edited = dialog.action();
    if (!edited || *edited == it->second)
        return false;
    m_document.push(
        std::make_unique<model::SetAction>(model::kNoId, it->second, *edited, "Edit action"));
    return true;
}

} // namespace gemba::app
