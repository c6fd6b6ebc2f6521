#pragma once

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>
#include <memory>

class QLockFile;
class QTimer;

namespace gemba::app {

class EditorDocument;

/// Work left behind by a session that ended without saving: its autosaved project, and the
/// file it belonged to.
struct RecoverableWork {
    QString recoveryFile; ///< the autosaved .gemba
    QString originalFile; ///< empty for a project never saved
    QDateTime savedAt;
};

/// Autosave to a recovery file while there are unsaved changes, so that a crash loses at most
/// an interval's work. Each running editor holds a lock in the recovery folder; the work of a
/// session whose lock is stale can be recovered at the next start.
class Recovery : public QObject {
    Q_OBJECT

public:
    /// `folder` holds the recovery files; `intervalMs` is how often unsaved work is written.
    Recovery(EditorDocument& document, QString folder, int intervalMs, QObject* parent = nullptr);
    ~Recovery() override;

    /// The default folder: the application data location's "recovery" subfolder.
    static QString defaultFolder();

    /// Work of sessions that are no longer running.
    static QList<RecoverableWork> leftBehind(const QString& folder);
    /// Removes a recovery file and its description.
    static void discard(const RecoverableWork& work);

    /// Writes the document now if it changed since the last write; returns whether it wrote.
    bool writeNow();
    QString recoveryFile() const { return m_file; }

private:
    void onDocumentChanged();
    void removeFiles();

    EditorDocument& m_document;
    QString m_folder;
    QString m_file;
    std::unique_ptr<QLockFile> m_lock;
    QTimer* m_timer;
    bool m_dirty = false;
};

} // namespace gemba::app
