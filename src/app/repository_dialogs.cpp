#include "repository_dialogs.h"

#include "repository_connection.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace gemba::app {

namespace {

QString qs(const std::string& text) {
    return QString::fromStdString(text);
}

QLineEdit* urlEdit(const QString& url, QWidget* parent) {
    auto* edit = new QLineEdit(url, parent);
    edit->setObjectName(QStringLiteral("repositoryUrl"));
    edit->setPlaceholderText(QCoreApplication::translate(
        "Repository", "postgresql://user@host/database (empty: PGHOST, PGUSER… and ~/.pgpass)"));
    edit->setMinimumWidth(420);
    return edit;
}

} // namespace

OpenFromRepositoryDialog::OpenFromRepositoryDialog(const QString& url, QWidget* parent)
    : QDialog(parent)
    , m_url(urlEdit(url, this))
    , m_projects(new QTableWidget(0, 6, this))
    , m_error(new QLabel(this)) {
    setObjectName(QStringLiteral("openFromRepositoryDialog"));
    setWindowTitle(tr("Open from Repository"));
    auto* list = new QPushButton(tr("&List Projects"), this);
    list->setObjectName(QStringLiteral("buttonListProjects"));
    list->setAutoDefault(false);
    connect(list, &QPushButton::clicked, this, &OpenFromRepositoryDialog::listProjects);
    connect(m_url, &QLineEdit::returnPressed, this, &OpenFromRepositoryDialog::listProjects);

    m_projects->setObjectName(QStringLiteral("repositoryProjects"));
    m_projects->setHorizontalHeaderLabels(
        {tr("Project"), tr("Team"), tr("Version"), tr("Saved by"), tr("Saved at"), tr("Steps")});
    m_projects->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_projects->setSelectionMode(QAbstractItemView::SingleSelection);
    m_projects->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_projects->verticalHeader()->hide();
    m_projects->horizontalHeader()->setStretchLastSection(false);
    m_projects->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_projects->setMinimumSize(640, 240);
    connect(m_projects, &QTableWidget::itemSelectionChanged, this,
            &OpenFromRepositoryDialog::updateOpenButton);
    connect(m_projects, &QTableWidget::cellDoubleClicked, this, [this] {
        if (!selectedName().isEmpty())
            accept();
    });

    m_error->setObjectName(QStringLiteral("repositoryError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020"));
    m_error->hide();

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel, this);
    m_open = buttons->button(QDialogButtonBox::Open);
    m_open->setObjectName(QStringLiteral("buttonOpen"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Repository:"), this));
    row->addWidget(m_url, 1);
    row->addWidget(list);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(m_projects, 1);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    updateOpenButton();
}

QString OpenFromRepositoryDialog::url() const {
    return m_url->text().trimmed();
}

QString OpenFromRepositoryDialog::selectedName() const {
    const auto rows = m_projects->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return {};
    return qs(m_entries.at(static_cast<std::size_t>(rows.front().row())).name);
}

bool OpenFromRepositoryDialog::listProjects() {
    m_projects->setRowCount(0);
    m_entries.clear();
    try {
        m_entries = askingForPassword(this, url(), [this] {
            QApplication::setOverrideCursor(Qt::WaitCursor);
            try {
                auto entries = connectRepository(url()).list();
                QApplication::restoreOverrideCursor();
                return entries;
            } catch (...) {
                QApplication::restoreOverrideCursor();
                throw;
            }
        });
        m_error->hide();
    } catch (const store::RepositoryError& e) {
        m_error->setText(qs(e.what()));
        m_error->show();
    }
    m_projects->setRowCount(static_cast<int>(m_entries.size()));
    for (int row = 0; row < static_cast<int>(m_entries.size()); ++row) {
        const store::RepositoryEntry& e = m_entries[static_cast<std::size_t>(row)];
        const QStringList cells = {qs(e.name),    qs(e.team),    QString::number(e.version),
                                   qs(e.savedBy), qs(e.savedAt), QString::number(e.steps)};
        for (int column = 0; column < cells.size(); ++column) {
            auto* item = new QTableWidgetItem(cells[column]);
            if (column == 2 || column == 5)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_projects->setItem(row, column, item);
        }
    }
    m_projects->resizeColumnsToContents();
    m_projects->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    if (!m_entries.empty())
        m_projects->selectRow(0);
    updateOpenButton();
    return m_error->isHidden();
}

void OpenFromRepositoryDialog::updateOpenButton() {
    m_open->setEnabled(!selectedName().isEmpty());
}

SaveToRepositoryDialog::SaveToRepositoryDialog(const QString& url, const QString& name,
                                               QWidget* parent)
    : QDialog(parent)
    , m_url(urlEdit(url, this))
    , m_name(new QLineEdit(name, this))
    , m_team(new QLineEdit(this)) {
    setObjectName(QStringLiteral("saveToRepositoryDialog"));
    setWindowTitle(tr("Save to Repository"));
    m_name->setObjectName(QStringLiteral("repositoryName"));
    m_team->setObjectName(QStringLiteral("repositoryTeam"));
    m_team->setPlaceholderText(tr("empty: everyone who uses the repository"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Save)->setObjectName(QStringLiteral("buttonSave"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    const auto enableSave = [this, buttons] {
        buttons->button(QDialogButtonBox::Save)->setEnabled(!this->name().isEmpty());
    };
    connect(m_name, &QLineEdit::textChanged, this, enableSave);
    enableSave();
    auto* form = new QFormLayout;
    form->addRow(tr("Repository:"), m_url);
    form->addRow(tr("Name in the repository:"), m_name);
    form->addRow(tr("Team (PostgreSQL role):"), m_team);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    auto* note = new QLabel(tr("The project is saved as a new project of the repository; "
                               "Save then saves it there."),
                            this);
    note->setWordWrap(true);
    layout->addWidget(note);
    layout->addWidget(buttons);
}

QString SaveToRepositoryDialog::url() const {
    return m_url->text().trimmed();
}

QString SaveToRepositoryDialog::name() const {
    return m_name->text().trimmed();
}

QString SaveToRepositoryDialog::team() const {
    return m_team->text().trimmed();
}

ConflictChoice askRepositoryConflict(QWidget* parent, const store::RepositoryConflict& conflict,
                                     bool canMerge) {
    QMessageBox box(
        QMessageBox::Warning, QCoreApplication::translate("Repository", "Saved by someone else"),
        QCoreApplication::translate(
            "Repository", "“%1” was saved by %2 at %3 (version %4) after you opened version %5.\n\n"
                          "Nothing was saved, and your changes are still here. %6")
            .arg(qs(conflict.project()), qs(conflict.savedBy()), qs(conflict.savedAt()))
            .arg(conflict.current())
            .arg(conflict.startedFrom())
            .arg(canMerge ? QCoreApplication::translate(
                                "Repository",
                                "Merge them with version %1 and save, save them as a copy, a "
                                "new project beside theirs, or cancel and keep working.")
                                .arg(conflict.current())
                          : QCoreApplication::translate("Repository",
                                                        "Save them as a copy, a new project beside "
                                                        "theirs, or cancel and keep working.")),
        QMessageBox::Cancel, parent);
    box.setObjectName(QStringLiteral("repositoryConflictDialog"));
    QPushButton* merge = nullptr;
    if (canMerge) {
        merge = box.addButton(QCoreApplication::translate("Repository", "&Merge and Save"),
                              QMessageBox::AcceptRole);
        merge->setObjectName(QStringLiteral("buttonMerge"));
    }
    QPushButton* copy = box.addButton(QCoreApplication::translate("Repository", "Save as a &Copy…"),
                                      QMessageBox::AcceptRole);
    copy->setObjectName(QStringLiteral("buttonSaveAsCopy"));
    box.setDefaultButton(merge ? merge : copy);
    box.exec();
    if (merge && box.clickedButton() == merge)
        return ConflictChoice::Merge;
    return box.clickedButton() == copy ? ConflictChoice::SaveAsCopy : ConflictChoice::Cancel;
}

ConflictChoice askAfterMergeConflicts(QWidget* parent, const QString& project, qint64 version,
                                      const std::vector<store::MergeConflict>& conflicts) {
    QStringList lines;
    for (const store::MergeConflict& c : conflicts)
        lines << QStringLiteral("• %1: %2").arg(qs(c.place), qs(c.what));
    constexpr int kShown = 8; // the rest in the details
    QStringList shown = lines.mid(0, kShown);
    if (lines.size() > kShown)
        shown << QCoreApplication::translate("Repository", "… and %1 more (Show Details)")
                     .arg(lines.size() - kShown);
    QMessageBox box(QMessageBox::Warning, QCoreApplication::translate("Repository", "Cannot merge"),
                    QCoreApplication::translate(
                        "Repository",
                        "Your changes and version %1 of “%2” change the same things:\n\n%3\n\n"
                        "Nothing was saved, and your changes are still here. Save them as a "
                        "copy, or cancel, open version %1 and make your changes there.")
                        .arg(version)
                        .arg(project, shown.join(QLatin1Char('\n'))),
                    QMessageBox::Cancel, parent);
    box.setObjectName(QStringLiteral("repositoryMergeConflictsDialog"));
    if (lines.size() > kShown)
        box.setDetailedText(lines.join(QLatin1Char('\n')));
    QPushButton* copy = box.addButton(QCoreApplication::translate("Repository", "Save as a &Copy…"),
                                      QMessageBox::AcceptRole);
    copy->setObjectName(QStringLiteral("buttonSaveAsCopy"));
    box.exec();
    return box.clickedButton() == copy ? ConflictChoice::SaveAsCopy : ConflictChoice::Cancel;
}

} // namespace gemba::app
