#include "file_guard.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QSysInfo>
#include <cerrno>
#include <csignal>
#include <unistd.h>

namespace gemba::app {

namespace {

QString currentUser() {
    for (const char* name : {"USER", "USERNAME", "LOGNAME"})
        if (const QString user = qEnvironmentVariable(name); !user.isEmpty())
            return user;
    return QCoreApplication::translate("FileGuard", "someone");
}

std::optional<LockOwner> readLock(const QString& lockPath) {
    QFile file(lockPath);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonObject json = QJsonDocument::fromJson(file.read(64 * 1024)).object();
    LockOwner owner;
    owner.user = json.value(QStringLiteral("user")).toString();
    owner.host = json.value(QStringLiteral("host")).toString();
    owner.pid = static_cast<qint64>(json.value(QStringLiteral("pid")).toDouble());
    owner.since =
        QDateTime::fromString(json.value(QStringLiteral("since")).toString(), Qt::ISODate);
    if (owner.user.isEmpty() && owner.host.isEmpty())
        owner.user = QCoreApplication::translate("FileGuard", "another program");
    return owner;
}

/// Whether a process of this machine still runs.
bool processAlive(qint64 pid) {
    if (pid <= 0)
        return false;
    return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
}

} // namespace

FileStamp FileStamp::of(const QString& path) {
    FileStamp stamp;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return stamp;
    const QFileInfo info(path);
    stamp.size = info.size();
    stamp.modified = info.lastModified();
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    stamp.sha256 = hash.result();
    return stamp;
}

FileGuard::~FileGuard() {
    release();
}

QString FileGuard::lockPathFor(const QString& projectPath) {
    const QFileInfo info(projectPath);
    return info.absoluteDir().filePath(QStringLiteral(".~lock.%1#").arg(info.fileName()));
}

std::optional<LockOwner> FileGuard::heldBy(const QString& projectPath) {
    const auto owner = readLock(lockPathFor(projectPath));
    if (!owner)
        return std::nullopt;
    if (owner->host == QSysInfo::machineHostName()) {
        if (owner->pid == QCoreApplication::applicationPid())
            return std::nullopt; // ours
        if (!processAlive(owner->pid))
            return std::nullopt; // left behind by a crash
    }
    return owner;
}

void FileGuard::attach(const QString& projectPath, bool readOnly) {
    release();
    m_path = projectPath;
    m_readOnly = readOnly;
    m_stamp = FileStamp::of(projectPath);
    if (readOnly || projectPath.isEmpty())
        return;
    QJsonObject json;
    json.insert(QStringLiteral("user"), currentUser());
    json.insert(QStringLiteral("host"), QSysInfo::machineHostName());
    json.insert(QStringLiteral("pid"), static_cast<double>(QCoreApplication::applicationPid()));
    json.insert(QStringLiteral("since"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    QSaveFile file(lockPathFor(projectPath));
    // A folder we cannot write to still opens the project: only the warning to others is lost.
    if (file.open(QIODevice::WriteOnly) &&
        file.write(QJsonDocument(json).toJson(QJsonDocument::Compact)) >= 0 && file.commit())
        m_lockPath = file.fileName();
}

void FileGuard::release() {
    if (!m_lockPath.isEmpty()) {
        // Only our own lock: someone who opened anyway may have written theirs since.
        const auto owner = readLock(m_lockPath);
        if (owner && owner->host == QSysInfo::machineHostName() &&
            owner->pid == QCoreApplication::applicationPid())
            QFile::remove(m_lockPath);
    }
    m_lockPath.clear();
    m_path.clear();
    m_readOnly = false;
    m_stamp = {};
}

void FileGuard::restamp() {
    m_stamp = FileStamp::of(m_path);
}

bool FileGuard::changedOnDisk() const {
    if (m_path.isEmpty())
        return false;
    return !(FileStamp::of(m_path) == m_stamp);
}

QString FileGuard::describe(const LockOwner& owner) {
    const QString who =
        owner.host.isEmpty()
            ? owner.user
            : QCoreApplication::translate("FileGuard", "%1 on %2").arg(owner.user, owner.host);
    if (!owner.since.isValid())
        return who;
    return QCoreApplication::translate("FileGuard", "%1 since %2")
        .arg(who, QLocale().toString(owner.since.toLocalTime(), QLocale::ShortFormat));
}

FileGuard::OpenChoice FileGuard::askOpenLocked(QWidget* parent, const QString& path,
                                               const LockOwner& owner) {
    QMessageBox box(QMessageBox::Warning,
                    QCoreApplication::translate("FileGuard", "Project in use"),
                    QCoreApplication::translate(
                        "FileGuard", "“%1” is open in another Gemba: %2.\n\nOpen it read-only, "
                                     "or open it anyway (whoever saves last overwrites the "
                                     "other's changes)?")
                        .arg(QFileInfo(path).fileName(), describe(owner)),
                    QMessageBox::Cancel, parent);
    box.setObjectName(QStringLiteral("lockedDialog"));
    QPushButton* readOnly = box.addButton(
        QCoreApplication::translate("FileGuard", "Open &Read-Only"), QMessageBox::AcceptRole);
    readOnly->setObjectName(QStringLiteral("buttonReadOnly"));
    QPushButton* anyway = box.addButton(QCoreApplication::translate("FileGuard", "Open &Anyway"),
                                        QMessageBox::DestructiveRole);
    anyway->setObjectName(QStringLiteral("buttonOpenAnyway"));
    box.setDefaultButton(readOnly);
    box.exec();
    if (box.clickedButton() == readOnly)
        return OpenChoice::ReadOnly;
    if (box.clickedButton() == anyway)
        return OpenChoice::Anyway;
    return OpenChoice::Cancel;
}

FileGuard::SaveChoice FileGuard::askSaveChanged(QWidget* parent, const QString& path) {
    QMessageBox box(QMessageBox::Warning,
                    QCoreApplication::translate("FileGuard", "File changed on disk"),
                    QCoreApplication::translate(
                        "FileGuard", "“%1” was changed by someone else since you opened or last "
                                     "saved it.\n\nSave your work under another name, or "
                                     "overwrite their changes?")
                        .arg(QFileInfo(path).fileName()),
                    QMessageBox::Cancel, parent);
    box.setObjectName(QStringLiteral("changedOnDiskDialog"));
    QPushButton* saveAs = box.addButton(QCoreApplication::translate("FileGuard", "Save &As…"),
                                        QMessageBox::AcceptRole);
    saveAs->setObjectName(QStringLiteral("buttonSaveAs"));
    QPushButton* overwrite = box.addButton(QCoreApplication::translate("FileGuard", "&Overwrite"),
                                           QMessageBox::DestructiveRole);
    overwrite->setObjectName(QStringLiteral("buttonOverwrite"));
    box.setDefaultButton(saveAs);
    box.exec();
    if (box.clickedButton() == saveAs)
        return SaveChoice::SaveAs;
    if (box.clickedButton() == overwrite)
        return SaveChoice::Overwrite;
    return SaveChoice::Cancel;
}

} // namespace gemba::app
