#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <optional>

class QWidget;

namespace gemba::app {

/// Who has a project open: the contents of its lock file.
struct LockOwner {
    QString user;
    QString host;
    qint64 pid = 0;
    QDateTime since; ///< UTC
};

/// What a file on disk looked like when Gemba opened or last saved it.
struct FileStamp {
    qint64 size = -1;
    QDateTime modified;
    QByteArray sha256;
    bool operator==(const FileStamp&) const = default;
    /// The stamp of a file now; size -1 when it does not exist.
    static FileStamp of(const QString& path);
};

/// Keeps two people from silently overwriting each other's work on one project file, as
/// office suites do: a lock file beside the project says who has it open and since when
/// (removed on close; recognised as stale when its process on this machine is gone), and a
/// stamp of the file (size, time, SHA-256) taken at open and save tells whether someone else
/// changed it before Gemba writes it again.
class FileGuard {
public:
    FileGuard() = default;
    ~FileGuard();
    FileGuard(const FileGuard&) = delete;
    FileGuard& operator=(const FileGuard&) = delete;

    /// The lock file of a project: ".~lock.<name>#" beside it.
    static QString lockPathFor(const QString& projectPath);
    /// The owner of a live lock on the project held by someone else; nothing when the project
    /// is free, locked by this process, or the lock is stale (its process on this machine is
    /// gone after a crash).
    static std::optional<LockOwner> heldBy(const QString& projectPath);

    /// Takes the project: writes this process's lock (replacing any) and stamps the file.
    /// A read-only project takes no lock. Releases the previous project's lock.
    void attach(const QString& projectPath, bool readOnly);
    /// Leaves the project: removes the lock if it is ours.
    void release();
    /// After a save to the project file: the new stamp.
    void restamp();

    QString projectPath() const { return m_path; }
    bool readOnly() const { return m_readOnly; }
    /// Whether the file on disk is no longer the one opened or last saved.
    bool changedOnDisk() const;

    /// One line for a message: "Anna on laptop-3 since 14 Mar 2026 09:12".
    static QString describe(const LockOwner& owner);

    enum class OpenChoice { ReadOnly, Anyway, Cancel };
    /// Asks what to do with a project someone else has open (buttons named buttonReadOnly,
    /// buttonOpenAnyway).
    static OpenChoice askOpenLocked(QWidget* parent, const QString& path, const LockOwner& owner);
    enum class SaveChoice { SaveAs, Overwrite, Cancel };
    /// Asks what to do when the file changed on disk (buttons buttonSaveAs, buttonOverwrite).
    static SaveChoice askSaveChanged(QWidget* parent, const QString& path);

private:
    QString m_path;
    QString m_lockPath; ///< set while we hold a lock
    bool m_readOnly = false;
    FileStamp m_stamp;
};

} // namespace gemba::app
