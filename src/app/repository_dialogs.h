#pragma once

#include "gemba/store/project_merge.h"
#include "gemba/store/repository.h"

#include <QDialog>
#include <QString>
#include <vector>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace gemba::app {

/// File > Open from Repository…: the repository's URL (remembered without the password), the
/// projects the user may read with their team, version, who saved it and when, and Open.
/// Widgets carry object names for the tests: repositoryUrl, buttonListProjects,
/// repositoryProjects, repositoryError.
class OpenFromRepositoryDialog : public QDialog {
    Q_OBJECT

public:
    explicit OpenFromRepositoryDialog(const QString& url, QWidget* parent = nullptr);

    QString url() const;
    /// The chosen project's name; empty when none is chosen.
    QString selectedName() const;
    /// Reads the list of projects from the repository at url(); a failure is shown in the
    /// dialog. Returns whether it was read.
    bool listProjects();

private:
    void updateOpenButton();

    QLineEdit* m_url;
    QTableWidget* m_projects;
    QLabel* m_error;
    QPushButton* m_open;
    std::vector<store::RepositoryEntry> m_entries;
};

/// File > Save to Repository…: the repository's URL, the project's name there and its team
/// (a PostgreSQL role; empty: everyone's). Object names: repositoryUrl, repositoryName,
/// repositoryTeam.
class SaveToRepositoryDialog : public QDialog {
    Q_OBJECT

public:
    SaveToRepositoryDialog(const QString& url, const QString& name, QWidget* parent = nullptr);
    QString url() const;
    QString name() const;
    QString team() const;

private:
    QLineEdit* m_url;
    QLineEdit* m_name;
    QLineEdit* m_team;
};

/// What to do with a save the repository refused because someone saved a newer version.
enum class ConflictChoice { Merge, SaveAsCopy, Cancel };
/// Says who saved the newer version and when, that nothing was saved and the changes are still
/// here, and offers Merge (button buttonMerge, when `canMerge`), Save as a Copy (button
/// buttonSaveAsCopy) or Cancel.
ConflictChoice askRepositoryConflict(QWidget* parent, const store::RepositoryConflict& conflict,
                                     bool canMerge);
/// Says that the changes here and those of `version` touch the same places, lists them, and
/// offers Save as a Copy (button buttonSaveAsCopy) or Cancel.
ConflictChoice askAfterMergeConflicts(QWidget* parent, const QString& project, qint64 version,
                                      const std::vector<store::MergeConflict>& conflicts);

} // namespace gemba::app
