#include "project_catalogue.h"

#include "editor_document.h"
#include "gemba/store/catalogue_file.h"
#include "gemba/store/errors.h"
#include "repository_connection.h"

#include <QFileInfo>
#include <QFileSystemWatcher>

namespace gemba::app {

namespace {

QString entryCount(const model::Catalogue& catalogue) {
    const auto n = catalogue.entries().size();
    return n == 1 ? ProjectCatalogue::tr("1 entry") : ProjectCatalogue::tr("%1 entries").arg(n);
}

} // namespace

ProjectCatalogue::ProjectCatalogue(EditorDocument& document, QObject* parent)
    : QObject(parent)
    , m_document(document)
    , m_watcher(new QFileSystemWatcher(this)) {
    connect(&document, &EditorDocument::filePathChanged, this, &ProjectCatalogue::reload);
    connect(&document, &EditorDocument::repositoryOriginChanged, this, &ProjectCatalogue::reload);
    // The file is replaced whole when saved (a rename): the folder tells of that, the file of
    // a change in place.
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, &ProjectCatalogue::reload);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, &ProjectCatalogue::reload);
    reload();
}

ProjectCatalogue::~ProjectCatalogue() = default;

void ProjectCatalogue::reload() {
    std::optional<model::Catalogue> read;
    QString status;
    bool failed = false;
    QStringList watched;
    if (const auto& origin = m_document.repositoryOrigin()) {
        try {
            store::RepositoryCatalogue stored = connectRepository(origin->url).readCatalogue();
            if (stored.version == 0) {
                status = tr("The repository has no catalogue yet: the portfolio window's "
                            "Catalogue tab starts one.");
            } else {
                read = std::move(stored.catalogue);
                status = tr("Catalogue of the repository: %1").arg(entryCount(*read));
            }
        } catch (const std::exception& e) {
            status = tr("The repository's catalogue cannot be read: %1")
                         .arg(QString::fromStdString(e.what()));
            failed = true;
        }
    } else if (m_document.filePath().isEmpty()) {
        status = tr("No catalogue: a project saved to a file uses the catalogue.json of its "
                    "folder.");
    } else {
        const QString folder = QFileInfo(m_document.filePath()).absolutePath();
        const std::filesystem::path file = store::catalogueFileOf(folder.toStdString());
        watched << folder;
        try {
            read = store::readCatalogueFile(file);
            if (read) {
                watched << QString::fromStdString(file.string());
                status = tr("Catalogue %1: %2")
                             .arg(QString::fromStdString(file.string()), entryCount(*read));
            } else {
                status = tr("No catalogue in %1 yet: the portfolio window's Catalogue tab "
                            "starts one.")
                             .arg(folder);
            }
        } catch (const store::InputError& e) {
            status = tr("The catalogue cannot be read: %1").arg(QString::fromStdString(e.what()));
            failed = true;
        }
    }
    if (!m_watcher->files().isEmpty())
        m_watcher->removePaths(m_watcher->files());
    if (!m_watcher->directories().isEmpty())
        m_watcher->removePaths(m_watcher->directories());
    if (!watched.isEmpty())
        m_watcher->addPaths(watched);
    const bool same = read == m_catalogue && status == m_status && failed == m_failed;
    m_catalogue = std::move(read);
    m_status = status;
    m_failed = failed;
    if (!same)
        emit changed();
}

} // namespace gemba::app
