#include "repository_actions.h"

#include "repository_connection.h"
#include "repository_dialogs.h"
#include "repository_presence.h"

#include <QAction>
#include <QApplication>
#include <QInputDialog>
#include <QMainWindow>
#include <QMessageBox>
#include <QStatusBar>

namespace gemba::app {

namespace {

QString qs(const std::string& text) {
    return QString::fromStdString(text);
}

/// The wait cursor while the window waits for the server.
class BusyCursor {
public:
    BusyCursor() { QApplication::setOverrideCursor(Qt::WaitCursor); }
    ~BusyCursor() { QApplication::restoreOverrideCursor(); }
    BusyCursor(const BusyCursor&) = delete;
    BusyCursor& operator=(const BusyCursor&) = delete;
};

} // namespace

RepositoryActions::RepositoryActions(EditorDocument& document, QWidget* window,
                                     std::function<bool()> maybeSave)
    : QObject(window)
    , m_document(document)
    , m_window(window)
    , m_maybeSave(std::move(maybeSave))
    , m_open(new QAction(tr("Open from &Repository…"), this))
    , m_saveTo(new QAction(tr("Save to Re&pository…"), this))
    , m_presence(new RepositoryPresence(document, this)) {
    m_open->setObjectName(QStringLiteral("actionOpenFromRepository"));
    m_saveTo->setObjectName(QStringLiteral("actionSaveToRepository"));
    connect(m_open, &QAction::triggered, this, &RepositoryActions::openWithDialog);
    connect(m_saveTo, &QAction::triggered, this, &RepositoryActions::saveToWithDialog);
}

RepositoryActions::~RepositoryActions() = default;

void RepositoryActions::showError(const QString& title, const QString& message) {
    QMessageBox::critical(m_window, title, message);
}

void RepositoryActions::openWithDialog() {
    if (!m_maybeSave())
        return;
    OpenFromRepositoryDialog dialog(rememberedRepositoryUrl(), m_window);
    if (!rememberedRepositoryUrl().isEmpty())
        dialog.listProjects();
    if (dialog.exec() != QDialog::Accepted || dialog.selectedName().isEmpty())
        return;
    openProject(dialog.url(), dialog.selectedName());
}

bool RepositoryActions::openProject(const QString& url, const QString& name) {
    store::PulledProject pulled;
    try {
        pulled = askingForPassword(m_window, url, [&] {
            BusyCursor busy;
            return connectRepository(url).pull(name.toStdString());
        });
    } catch (const std::exception& e) {
        showError(tr("Cannot open from the repository"), qs(e.what()));
        return false;
    }
    rememberRepositoryUrl(url);
    m_document.resetFromRepository(std::move(pulled.project), {url, name, pulled.version});
    if (auto* main = qobject_cast<QMainWindow*>(m_window))
        main->statusBar()->showMessage(
            tr("Opened version %1 of “%2” from the repository").arg(pulled.version).arg(name),
            4000);
    return true;
}

bool RepositoryActions::save() {
    const std::optional<RepositoryOrigin> origin = m_document.repositoryOrigin();
    if (!origin)
        return false;
    qint64 version = 0;
    try {
        version = askingForPassword(m_window, origin->url, [&] {
            BusyCursor busy;
            return connectRepository(origin->url)
                .push(origin->name.toStdString(), m_document.project(), origin->version);
        });
    } catch (const store::RepositoryConflict& conflict) {
        switch (askRepositoryConflict(m_window, conflict, m_document.repositoryBase())) {
        case ConflictChoice::Merge:
            return mergeAndSave(*origin);
        case ConflictChoice::SaveAsCopy:
            return saveAsCopy(*origin);
        case ConflictChoice::Cancel:
            return false; // the document stays as it is, modified
        }
    } catch (const std::exception& e) {
        showError(
            tr("Cannot save to the repository"),
            tr("The project was not saved; the repository is unchanged.\n\n%1").arg(qs(e.what())));
        return false;
    }
    m_document.markSavedToRepository({origin->url, origin->name, version});
    if (auto* main = qobject_cast<QMainWindow*>(m_window))
        main->statusBar()->showMessage(
            tr("Saved “%1” as version %2 in the repository").arg(origin->name).arg(version), 4000);
    return true;
}

bool RepositoryActions::mergeAndSave(const RepositoryOrigin& origin) {
    store::PulledProject theirs;
    try {
        theirs = askingForPassword(m_window, origin.url, [&] {
            BusyCursor busy;
            return connectRepository(origin.url).pull(origin.name.toStdString());
        });
    } catch (const std::exception& e) {
        showError(
            tr("Cannot merge"),
            tr("The newer version could not be read; nothing was saved.\n\n%1").arg(qs(e.what())));
        return false;
    }
    store::ProjectMerge merge =
        store::mergeProjects(*m_document.repositoryBase(), m_document.project(), theirs.project);
    if (!merge.merged) {
        if (askAfterMergeConflicts(m_window, origin.name, theirs.version, merge.conflicts) ==
            ConflictChoice::SaveAsCopy)
            return saveAsCopy(origin);
        return false;
    }
    m_document.mergedWithRepository(std::move(*merge.merged), std::move(theirs.project),
                                    {origin.url, origin.name, theirs.version});
    // Saved at once; another save meanwhile asks again.
    return save();
}

bool RepositoryActions::saveAsCopy(const RepositoryOrigin& origin) {
    bool ok = false;
    const QString name =
        QInputDialog::getText(m_window, tr("Save as a Copy"),
                              tr("Name of the copy in the repository:"), QLineEdit::Normal,
                              tr("%1 (copy)").arg(origin.name), &ok)
            .trimmed();
    if (!ok || name.isEmpty())
        return false;
    // The copy stays with the original's team, so that the same people may read it.
    std::string team;
    try {
        const auto entries = askingForPassword(m_window, origin.url, [&] {
            BusyCursor busy;
            return connectRepository(origin.url).list();
        });
        for (const store::RepositoryEntry& entry : entries)
            if (entry.name == origin.name.toStdString())
                team = entry.team;
    } catch (const std::exception& e) {
        showError(
            tr("Cannot save to the repository"),
            tr("The project was not saved; the repository is unchanged.\n\n%1").arg(qs(e.what())));
        return false;
    }
    return saveAsNew(origin.url, name, qs(team));
}

void RepositoryActions::saveToWithDialog() {
    const std::optional<RepositoryOrigin>& origin = m_document.repositoryOrigin();
    SaveToRepositoryDialog dialog(
        origin ? origin->url : rememberedRepositoryUrl(),
        origin ? origin->name
               : m_document.displayName().remove(QStringLiteral(".gemba"), Qt::CaseInsensitive),
        m_window);
    if (dialog.exec() == QDialog::Accepted)
        saveAsNew(dialog.url(), dialog.name(), dialog.team());
}

bool RepositoryActions::saveAsNew(const QString& url, const QString& name, const QString& team) {
    qint64 version = 0;
    try {
        version = askingForPassword(m_window, url, [&] {
            BusyCursor busy;
            return connectRepository(url).push(name.toStdString(), m_document.project(), 0,
                                               team.toStdString());
        });
    } catch (const std::exception& e) {
        showError(
            tr("Cannot save to the repository"),
            tr("The project was not saved; the repository is unchanged.\n\n%1").arg(qs(e.what())));
        return false;
    }
    rememberRepositoryUrl(url);
    m_document.markSavedToRepository({url, name, version});
    if (auto* main = qobject_cast<QMainWindow*>(m_window))
        main->statusBar()->showMessage(
            tr("Saved “%1” as version %2 in the repository").arg(name).arg(version), 4000);
    return true;
}

} // namespace gemba::app
