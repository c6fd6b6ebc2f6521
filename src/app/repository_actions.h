#pragma once

#include "editor_document.h"

#include <QObject>
#include <QString>
#include <functional>

class QAction;
class QWidget;

namespace gemba::app {

class RepositoryPresence;

/// The editor's side of the shared repository: File > Open from Repository… and File > Save
/// to Repository…, Save of a project that came from the repository (stating the version it
/// was read at; a refusal names who saved and when and offers a copy), and who else has it
/// open (RepositoryPresence). Actions: actionOpenFromRepository, actionSaveToRepository. Every
/// operation also runs without its dialog for the tests. Errors are shown to the user.
class RepositoryActions : public QObject {
    Q_OBJECT

public:
    /// `maybeSave` asks about unsaved work before another project replaces it.
    RepositoryActions(EditorDocument& document, QWidget* window, std::function<bool()> maybeSave);
    ~RepositoryActions() override;

    QAction* openAction() const { return m_open; }
    QAction* saveToAction() const { return m_saveTo; }
    RepositoryPresence& presence() const { return *m_presence; }

    /// Reads the latest version of `name` from `url` into the document.
    bool openProject(const QString& url, const QString& name);
    /// Saves the document's project to the repository it came from, starting from the version
    /// it was read at. A refusal shows who saved the newer version and offers to merge with
    /// it or to save a copy.
    bool save();
    /// Saves the document's project as the new project `name` of `url`, filed under `team`
    /// (empty: everyone's); the project then belongs to the repository.
    bool saveAsNew(const QString& url, const QString& name, const QString& team);

private:
    void openWithDialog();
    void saveToWithDialog();
    bool saveAsCopy(const RepositoryOrigin& origin);
    /// Merges the changes here with the newer version in the repository and saves the merge;
    /// changes that touch the same things are listed and nothing is saved.
    bool mergeAndSave(const RepositoryOrigin& origin);
    void showError(const QString& title, const QString& message);

    EditorDocument& m_document;
    QWidget* m_window;
    std::function<bool()> m_maybeSave;
    QAction* m_open;
    QAction* m_saveTo;
    RepositoryPresence* m_presence;
};

} // namespace gemba::app
