#include "workshop_log_panel.h"

#include "editor_document.h"
#include "gemba/model/workshop_ops.h"

#include <QDate>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace gemba::app {

namespace {

constexpr int IdRole = Qt::UserRole + 1;

QString qs(const std::string& text) {
    return QString::fromStdString(text);
}

std::string today() {
    return QDate::currentDate().toString(Qt::ISODate).toStdString();
}

QTableWidget* makeTable(const QStringList& headers, const QString& name, int stretch) {
    auto* table = new QTableWidget(0, static_cast<int>(headers.size()));
    table->setObjectName(name);
    table->setHorizontalHeaderLabels(headers);
    table->verticalHeader()->hide();
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    table->setAlternatingRowColors(true);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setSectionResizeMode(stretch, QHeaderView::Stretch);
    return table;
}

QTableWidgetItem* cell(const QString& text, model::Id id, bool editable) {
    auto* item = new QTableWidgetItem(text);
    item->setData(IdRole, QVariant::fromValue<qulonglong>(id));
    if (!editable)
        item->setFlags(item->flags() & ~Qt::ItemIsEditable);
    return item;
}

/// A capture line: type, Enter, the next one.
QLineEdit* captureLine(const QString& name, const QString& placeholder) {
    auto* line = new QLineEdit;
    line->setObjectName(name);
    line->setPlaceholderText(placeholder);
    return line;
}

QPushButton* button(const QString& text, const QString& name) {
    auto* b = new QPushButton(text);
    b->setObjectName(name);
    return b;
}

enum ParkingColumn { ParkingText, ParkingRaisedBy, ParkingDate, ParkingResolved, ParkingMovedTo };

} // namespace

WorkshopLogPanel::WorkshopLogPanel(EditorDocument& document, QWidget* parent)
    : QWidget(parent)
    , m_document(document) {
    auto* tabs = new QTabWidget(this);
    tabs->setObjectName(QStringLiteral("workshopLogTabs"));

    // Parking lot.
    auto* parkingPage = new QWidget;
    auto* parkingLayout = new QVBoxLayout(parkingPage);
    QLineEdit* parkingLine = captureLine(QStringLiteral("parkingCapture"),
                                         tr("Type a parking-lot item and press Enter"));
    connect(parkingLine, &QLineEdit::returnPressed, this, [this, parkingLine] {
        addParkingItem(parkingLine->text());
        parkingLine->clear();
    });
    parkingLayout->addWidget(parkingLine);
    m_parking = makeTable({tr("Item"), tr("Raised by"), tr("Date"), tr("Resolved"), tr("Moved to")},
                          QStringLiteral("parkingTable"), ParkingText);
    parkingLayout->addWidget(m_parking);
    auto* parkingButtons = new QHBoxLayout;
    QPushButton* toIdea = button(tr("Move to &idea"), QStringLiteral("parkingToIdea"));
    QPushButton* toAction = button(tr("Move to a&ction"), QStringLiteral("parkingToAction"));
    QPushButton* removeParking = button(tr("&Remove"), QStringLiteral("parkingRemove"));
    connect(toIdea, &QPushButton::clicked, this, [this] { moveSelectedToIdeas(); });
    connect(toAction, &QPushButton::clicked, this, [this] { moveSelectedToActions(); });
    connect(removeParking, &QPushButton::clicked, this, [this] { removeSelected(m_parking); });
    for (QPushButton* b : {toIdea, toAction, removeParking})
        parkingButtons->addWidget(b);
    parkingButtons->addStretch();
    parkingLayout->addLayout(parkingButtons);
    tabs->addTab(parkingPage, tr("Parking lot"));

    // Glossary: the term, Tab, its meaning, Enter.
    auto* glossaryPage = new QWidget;
    auto* glossaryLayout = new QVBoxLayout(glossaryPage);
    auto* termRow = new QHBoxLayout;
    QLineEdit* termLine = captureLine(QStringLiteral("glossaryTerm"), tr("Term (CRM)"));
    QLineEdit* meaningLine =
        captureLine(QStringLiteral("glossaryMeaning"), tr("Meaning, then Enter"));
    termRow->addWidget(termLine, 1);
    termRow->addWidget(meaningLine, 3);
    connect(termLine, &QLineEdit::returnPressed, meaningLine,
            [meaningLine] { meaningLine->setFocus(); });
    connect(meaningLine, &QLineEdit::returnPressed, this, [this, termLine, meaningLine] {
        if (termLine->text().trimmed().isEmpty())
            return termLine->setFocus();
        addTerm(termLine->text(), meaningLine->text());
        termLine->clear();
        meaningLine->clear();
        termLine->setFocus();
    });
    glossaryLayout->addLayout(termRow);
    m_glossary = makeTable({tr("Term"), tr("Meaning")}, QStringLiteral("glossaryTable"), 1);
    glossaryLayout->addWidget(m_glossary);
    QPushButton* removeTerm = button(tr("&Remove"), QStringLiteral("glossaryRemove"));
    connect(removeTerm, &QPushButton::clicked, this, [this] { removeSelected(m_glossary); });
    glossaryLayout->addWidget(removeTerm, 0, Qt::AlignLeft);
    tabs->addTab(glossaryPage, tr("Glossary"));

    // Lessons learned.
    auto* lessonsPage = new QWidget;
    auto* lessonsLayout = new QVBoxLayout(lessonsPage);
    QLineEdit* lessonLine =
        captureLine(QStringLiteral("lessonCapture"), tr("Type a lesson learned and press Enter"));
    connect(lessonLine, &QLineEdit::returnPressed, this, [this, lessonLine] {
        addLesson(lessonLine->text());
        lessonLine->clear();
    });
    lessonsLayout->addWidget(lessonLine);
    m_lessons = makeTable({tr("Lesson"), tr("Date")}, QStringLiteral("lessonsTable"), 0);
    lessonsLayout->addWidget(m_lessons);
    QPushButton* removeLesson = button(tr("&Remove"), QStringLiteral("lessonRemove"));
    connect(removeLesson, &QPushButton::clicked, this, [this] { removeSelected(m_lessons); });
    lessonsLayout->addWidget(removeLesson, 0, Qt::AlignLeft);
    tabs->addTab(lessonsPage, tr("Lessons"));

    // The day's summary: drafted, edited, kept.
    auto* summaryPage = new QWidget;
    auto* summaryLayout = new QFormLayout(summaryPage);
    auto* dateRow = new QHBoxLayout;
    m_summaryDate = new QLineEdit(qs(today()));
    m_summaryDate->setObjectName(QStringLiteral("summaryDate"));
    QPushButton* draft = button(tr("&Draft"), QStringLiteral("summaryDraft"));
    QPushButton* keep = button(tr("&Keep"), QStringLiteral("summaryKeep"));
    connect(m_summaryDate, &QLineEdit::returnPressed, this, &WorkshopLogPanel::draftSummary);
    connect(draft, &QPushButton::clicked, this, &WorkshopLogPanel::draftSummary);
    connect(keep, &QPushButton::clicked, this, &WorkshopLogPanel::keepSummary);
    dateRow->addWidget(m_summaryDate, 1);
    dateRow->addWidget(draft);
    dateRow->addWidget(keep);
    auto* dayLabel = new QLabel(tr("Da&y:"));
    dayLabel->setBuddy(m_summaryDate); // a row of a layout gets no buddy of its own
    summaryLayout->addRow(dayLabel, dateRow);
    const auto text = [](const QString& name) {
        auto* edit = new QPlainTextEdit;
        edit->setObjectName(name);
        edit->setTabChangesFocus(true);
        return edit;
    };
    m_done = text(QStringLiteral("summaryDone"));
    m_decisions = text(QStringLiteral("summaryDecisions"));
    m_next = text(QStringLiteral("summaryNext"));
    summaryLayout->addRow(tr("Do&ne:"), m_done);
    summaryLayout->addRow(tr("Dec&isions:"), m_decisions);
    summaryLayout->addRow(tr("Ne&xt:"), m_next);
    tabs->addTab(summaryPage, tr("Day summary"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(tabs);

    for (QTableWidget* table : {m_parking, m_glossary, m_lessons})
        connect(table, &QTableWidget::itemChanged, this, &WorkshopLogPanel::onEdited);
    connect(&m_document, &EditorDocument::changed, this, &WorkshopLogPanel::refresh);
    connect(&m_document, &EditorDocument::projectReset, this, &WorkshopLogPanel::refresh);
    refresh();
}

void WorkshopLogPanel::addParkingItem(const QString& text) {
    if (text.trimmed().isEmpty())
        return;
    model::ParkingItem item;
    item.id = m_document.allocateId();
    item.text = text.trimmed().toStdString();
    item.date = today();
    m_document.push(model::makeAdd(item));
}

void WorkshopLogPanel::addTerm(const QString& term, const QString& meaning) {
    if (term.trimmed().isEmpty())
        return;
    model::Term t;
    t.id = m_document.allocateId();
    t.term = term.trimmed().toStdString();
    t.meaning = meaning.trimmed().toStdString();
    m_document.push(model::makeAdd(t));
}

void WorkshopLogPanel::addLesson(const QString& text) {
    if (text.trimmed().isEmpty())
        return;
    model::Lesson lesson;
    lesson.id = m_document.allocateId();
    lesson.text = text.trimmed().toStdString();
    lesson.date = today();
    m_document.push(model::makeAdd(lesson));
}

std::vector<model::Id> WorkshopLogPanel::selectedIds(const QTableWidget* table) const {
    std::vector<model::Id> ids;
    for (const QModelIndex& index : table->selectionModel()->selectedRows())
        ids.push_back(table->item(index.row(), 0)->data(IdRole).toULongLong());
    return ids;
}

std::vector<model::Id> WorkshopLogPanel::moveSelectedToIdeas() {
    return moveSelected(false);
}

std::vector<model::Id> WorkshopLogPanel::moveSelectedToActions() {
    return moveSelected(true);
}

std::vector<model::Id> WorkshopLogPanel::moveSelected(bool toActions) {
    const auto& lot = m_document.project().workshop.parkingLot;
    auto edit = std::make_unique<model::CompoundEdit>(
        toActions ? "Move parking-lot items to actions" : "Move parking-lot items to ideas");
    std::vector<model::Id> created;
    for (model::Id id : selectedIds(m_parking)) {
        const auto it = lot.find(id);
        if (it == lot.end() || it->second.movedTo != model::kNoId)
            continue; // moved already: once is enough
        const model::Id newId = m_document.allocateId();
        if (toActions) {
            model::Action action;
            action.id = newId;
            action.title = it->second.text;
            action.owner = it->second.raisedBy;
            edit->add(model::makeAdd(action));
        } else {
            model::Idea idea;
            idea.id = newId;
            idea.text = it->second.text;
            idea.proposedBy = it->second.raisedBy;
            idea.date = today();
            edit->add(model::makeAdd(idea));
        }
        model::ParkingItem moved = it->second;
        moved.resolved = true;
        moved.movedTo = newId;
        edit->add(std::make_unique<model::SetParkingItem>(model::kNoId, it->second, moved,
                                                          "Move parking-lot item"));
        created.push_back(newId);
    }
    if (!edit->empty())
        m_document.push(std::move(edit));
    return created;
}

void WorkshopLogPanel::removeSelected(QTableWidget* table) {
    const std::vector<model::Id> ids = selectedIds(table);
    if (model::EditPtr edit = model::removeWorkshopItems(m_document.project(), ids))
        m_document.push(std::move(edit));
}

void WorkshopLogPanel::setSummaryDate(const QString& isoDate) {
    m_summaryDate->setText(isoDate);
}

void WorkshopLogPanel::draftSummary() {
    const std::string date = m_summaryDate->text().trimmed().toStdString();
    if (!model::isIsoDate(date)) {
        m_summaryDate->setStyleSheet(QStringLiteral("color: #c0392b"));
        m_summaryDate->setToolTip(tr("A date as YYYY-MM-DD"));
        return;
    }
    m_summaryDate->setStyleSheet({});
    m_summaryDate->setToolTip({});
    // A kept summary of that day is shown as kept; otherwise Gemba drafts one.
    model::DaySummary summary = model::draftDaySummary(m_document.project(), date);
    for (const auto& [id, kept] : m_document.project().workshop.summaries)
        if (kept.date == date)
            summary = kept;
    m_draftWatermark = summary.watermark;
    m_done->setPlainText(qs(summary.done));
    m_decisions->setPlainText(qs(summary.decisions));
    m_next->setPlainText(qs(summary.nextAgenda));
}

bool WorkshopLogPanel::keepSummary() {
    const std::string date = m_summaryDate->text().trimmed().toStdString();
    if (!model::isIsoDate(date))
        return false;
    if (m_draftWatermark == model::kNoId)
        m_draftWatermark = model::draftDaySummary(m_document.project(), date).watermark;
    model::DaySummary summary;
    summary.date = date;
    summary.done = m_done->toPlainText().toStdString();
    summary.decisions = m_decisions->toPlainText().toStdString();
    summary.nextAgenda = m_next->toPlainText().toStdString();
    summary.watermark = m_draftWatermark;
    for (const auto& [id, kept] : m_document.project().workshop.summaries)
        if (kept.date == date) {
            summary.id = id;
            if (summary != kept)
                m_document.push(std::make_unique<model::SetDaySummary>(model::kNoId, kept, summary,
                                                                       "Edit day summary"));
            return true;
        }
    summary.id = m_document.allocateId();
    m_document.push(model::makeAdd(summary));
    return true;
}

void WorkshopLogPanel::refresh() {
    m_filling = true;
    const model::Project& project = m_document.project();
    const model::Workshop& w = project.workshop;
    const auto personName = [&](model::Id id) {
        const auto it = project.people.find(id);
        return it == project.people.end() ? QString() : qs(it->second.name);
    };
    m_parking->setRowCount(static_cast<int>(w.parkingLot.size()));
    int row = 0;
    for (const auto& [id, item] : w.parkingLot) {
        m_parking->setItem(row, ParkingText, cell(qs(item.text), id, true));
        m_parking->setItem(row, ParkingRaisedBy, cell(personName(item.raisedBy), id, true));
        m_parking->setItem(row, ParkingDate, cell(qs(item.date), id, false));
        QTableWidgetItem* resolved = cell(QString(), id, false);
        resolved->setFlags(resolved->flags() | Qt::ItemIsUserCheckable);
        resolved->setCheckState(item.resolved ? Qt::Checked : Qt::Unchecked);
        m_parking->setItem(row, ParkingResolved, resolved);
        QString movedTo;
        if (item.movedTo != model::kNoId)
            movedTo = qs(model::kindOfId(project, item.movedTo)) + QStringLiteral(" ") +
                      QString::number(item.movedTo);
        m_parking->setItem(row, ParkingMovedTo, cell(movedTo, id, false));
        ++row;
    }
    m_glossary->setRowCount(static_cast<int>(w.glossary.size()));
    row = 0;
    for (const auto& [id, term] : w.glossary) {
        m_glossary->setItem(row, 0, cell(qs(term.term), id, true));
        m_glossary->setItem(row, 1, cell(qs(term.meaning), id, true));
        ++row;
    }
    m_lessons->setRowCount(static_cast<int>(w.lessons.size()));
    row = 0;
    for (const auto& [id, lesson] : w.lessons) {
        m_lessons->setItem(row, 0, cell(qs(lesson.text), id, true));
        m_lessons->setItem(row, 1, cell(qs(lesson.date), id, false));
        ++row;
    }
    m_filling = false;
}

void WorkshopLogPanel::onEdited(QTableWidgetItem* item) {
    if (m_filling)
        return;
    const model::Id id = item->data(IdRole).toULongLong();
    const std::string text = item->text().trimmed().toStdString();
    const model::Workshop& w = m_document.project().workshop;
    if (item->tableWidget() == m_parking) {
        const auto it = w.parkingLot.find(id);
        if (it == w.parkingLot.end())
            return;
        model::ParkingItem edited = it->second;
        if (item->column() == ParkingText && !text.empty())
            edited.text = text;
        if (item->column() == ParkingResolved)
            edited.resolved = item->checkState() == Qt::Checked;
        if (item->column() == ParkingRaisedBy) {
            // A person of the project by name, in any case; empty: nobody.
            edited.raisedBy = model::kNoId;
            for (const auto& [personId, person] : m_document.project().people)
                if (qs(person.name).compare(qs(text), Qt::CaseInsensitive) == 0)
                    edited.raisedBy = personId;
            if (edited.raisedBy == model::kNoId && !text.empty())
                edited.raisedBy = it->second.raisedBy; // no such person: refused
        }
        if (edited != it->second)
            return m_document.push(std::make_unique<model::SetParkingItem>(
                model::kNoId, it->second, edited, "Edit parking-lot item"));
    } else if (item->tableWidget() == m_glossary) {
        const auto it = w.glossary.find(id);
        if (it == w.glossary.end())
            return;
        model::Term edited = it->second;
        (item->column() == 0 ? edited.term : edited.meaning) = text;
        if (edited != it->second && !edited.term.empty())
            return m_document.push(
                std::make_unique<model::SetTerm>(model::kNoId, it->second, edited, "Edit term"));
    } else if (item->tableWidget() == m_lessons) {
        const auto it = w.lessons.find(id);
        if (it == w.lessons.end())
            return;
        model::Lesson edited = it->second;
        if (!text.empty())
            edited.text = text;
        if (edited != it->second)
            return m_document.push(std::make_unique<model::SetLesson>(model::kNoId, it->second,
                                                                      edited, "Edit lesson"));
    }
    refresh(); // a refused value: show the model's again
}

} // namespace gemba::app
