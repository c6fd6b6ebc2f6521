#include "recovery.h"

#include "editor_document.h"
#include "gemba/store/project_file.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QStandardPaths>
#include <QTimer>
#include <QUuid>

namespace gemba::app {

namespace {

// Every session's files share one stem: <stem>.gemba (the project), <stem>.json (what it
// belongs to) and <stem>.lock (held while the session runs).
QString descriptionFile(const QString& recoveryFile) {
    QString stem = recoveryFile;
    stem.chop(QStringLiteral(".gemba").size());
    return stem + QStringLiteral(".json");
}

QString lockFile(const QString& recoveryFile) {
    QString stem = recoveryFile;
    stem.chop(QStringLiteral(".gemba").size());
    return stem + QStringLiteral(".lock");
}

} // namespace

Recovery::Recovery(EditorDocument& document, QString folder, int intervalMs, QObject* parent)
    : QObject(parent)
    , m_document(document)
    , m_folder(std::move(folder))
    , m_timer(new QTimer(this)) {
    QDir().mkpath(m_folder);
    const QString stem = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_file = QDir(m_folder).filePath(stem + QStringLiteral(".gemba"));
    m_lock = std::make_unique<QLockFile>(lockFile(m_file));
    m_lock->setStaleLockTime(0); // only a dead process's lock is stale
    m_lock->tryLock(0);
    connect(&m_document, &EditorDocument::changed, this, &Recovery::onDocumentChanged);
    connect(&m_document, &EditorDocument::modifiedChanged, this, [this](bool modified) {
        if (!modified) {
            // Saved: what is on disk is the real thing; nothing is left to recover.
            m_dirty = false;
            removeFiles();
        }
    });
    connect(m_timer, &QTimer::timeout, this, &Recovery::writeNow);
    m_timer->start(intervalMs);
}

Recovery::~Recovery() {
    removeFiles();
    if (m_lock)
        m_lock->unlock();
}

QString Recovery::defaultFolder() {
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("recovery"));
}

void Recovery::onDocumentChanged() {
    // Told while the undo stack is still pushing: whether the document is modified is only
    // known after, so writeNow() checks that.
    m_dirty = true;
}

bool Recovery::writeNow() {
    if (!m_dirty || !m_document.isModified())
        return false;
    try {
        store::saveProject(m_document.project(), m_file.toStdString());
    } catch (const std::exception& e) {
        qWarning("Autosave to %s failed: %s", qPrintable(m_file), e.what());
        return false;
    }
    QJsonObject description{
        {QStringLiteral("original"), m_document.filePath()},
        {QStringLiteral("saved"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}};
    QFile file(descriptionFile(m_file));
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        file.write(QJsonDocument(description).toJson());
    m_dirty = false;
    return true;
}

void Recovery::removeFiles() {
    QFile::remove(m_file);
    QFile::remove(descriptionFile(m_file));
}

QList<RecoverableWork> Recovery::leftBehind(const QString& folder) {
    QList<RecoverableWork> found;
    const QDir dir(folder);
    for (const QString& name : dir.entryList({QStringLiteral("*.gemba")}, QDir::Files)) {
        const QString file = dir.filePath(name);
        QLockFile lock(lockFile(file));
        lock.setStaleLockTime(0);
        if (!lock.tryLock(0))
            continue; // its session is still running
        lock.unlock();
        RecoverableWork work;
        work.recoveryFile = file;
        QFile description(descriptionFile(file));
        if (description.open(QIODevice::ReadOnly)) {
            const QJsonObject json = QJsonDocument::fromJson(description.readAll()).object();
            work.originalFile = json.value(QStringLiteral("original")).toString();
            work.savedAt =
                QDateTime::fromString(json.value(QStringLiteral("saved")).toString(), Qt::ISODate);
        }
        if (!work.savedAt.isValid())
            work.savedAt = QFileInfo(file).lastModified();
        found << work;
    }
    return found;
}

void Recovery::discard(const RecoverableWork& work) {
    QFile::remove(work.recoveryFile);
    QFile::remove(descriptionFile(work.recoveryFile));
    QFile::remove(lockFile(work.recoveryFile));
}

} // namespace gemba::app
