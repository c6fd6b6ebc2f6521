#include "repository_presence.h"

#include "repository_connection.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <QSysInfo>
#include <QTimeZone>

namespace gemba::app {

RepositoryPresence::RepositoryPresence(EditorDocument& document, QObject* parent)
    : QObject(parent)
    , m_document(document)
    , m_host(QSysInfo::machineHostName())
    , m_pid(QCoreApplication::applicationPid()) {
    m_timer.setInterval(30'000);
    connect(&m_timer, &QTimer::timeout, this, &RepositoryPresence::refresh);
    connect(&m_document, &EditorDocument::repositoryOriginChanged, this,
            &RepositoryPresence::follow);
}

RepositoryPresence::~RepositoryPresence() {
    stop();
}

void RepositoryPresence::setIdentity(const QString& host, qint64 pid) {
    m_host = host;
    m_pid = pid;
}

void RepositoryPresence::setInterval(int milliseconds) {
    m_timer.setInterval(milliseconds);
}

void RepositoryPresence::stop() {
    m_timer.stop();
    if (m_announced && m_repository) {
        try {
            m_repository->announceClosed(m_announced->name.toStdString(), m_host.toStdString(),
                                         m_pid);
        } catch (const store::RepositoryError&) {
            // The row goes stale and is ignored after the timeout.
        }
    }
    m_announced.reset();
    m_repository.reset();
    m_others.clear();
    setText({});
}

void RepositoryPresence::follow() {
    const std::optional<RepositoryOrigin>& origin = m_document.repositoryOrigin();
    // A new version of the same project is the same announcement.
    if (origin && m_announced && origin->url == m_announced->url &&
        origin->name == m_announced->name)
        return;
    stop();
    if (!origin)
        return;
    m_announced = origin;
    m_timer.start();
    try {
        m_repository = std::make_unique<store::Repository>(connectRepository(origin->url));
        m_repository->announceOpen(origin->name.toStdString(), m_host.toStdString(), m_pid);
    } catch (const store::RepositoryError& e) {
        lose(QString::fromStdString(e.what()));
        return;
    }
    refresh();
}

void RepositoryPresence::refresh() {
    if (!m_announced)
        return;
    try {
        if (!m_repository)
            m_repository = std::make_unique<store::Repository>(connectRepository(m_announced->url));
        const std::string name = m_announced->name.toStdString();
        m_repository->heartbeat(name, m_host.toStdString(), m_pid);
        m_others = m_repository->openBy(name, m_host.toStdString(), m_pid);
    } catch (const store::RepositoryError& e) {
        lose(QString::fromStdString(e.what()));
        return;
    }
    QStringList people;
    for (const store::PresenceEntry& entry : m_others)
        people << describe(entry);
    setText(people.isEmpty() ? QString()
                             : tr("Also open: %1").arg(people.join(QStringLiteral("; "))));
}

void RepositoryPresence::lose(const QString& error) {
    // Reconnect at the next beat.
    m_repository.reset();
    m_others.clear();
    setText(tr("Who else has it open is unknown: %1").arg(error));
}

void RepositoryPresence::setText(const QString& text) {
    if (text == m_text)
        return;
    m_text = text;
    emit textChanged(m_text);
}

QString RepositoryPresence::describe(const store::PresenceEntry& entry) {
    // "2026-03-02 14:05:09 UTC", as the repository writes every time.
    QDateTime since = QDateTime::fromString(QString::fromStdString(entry.since).left(19),
                                            QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    since.setTimeZone(QTimeZone::utc());
    const QDateTime local = since.toLocalTime();
    const QString when = local.date() == QDate::currentDate()
                             ? QLocale().toString(local.time(), QStringLiteral("HH:mm"))
                             : QLocale().toString(local, QLocale::ShortFormat);
    return tr("%1 on %2 since %3")
        .arg(QString::fromStdString(entry.user), QString::fromStdString(entry.host), when);
}

} // namespace gemba::app
