#pragma once

#include "editor_document.h"
#include "gemba/store/repository.h"

#include <QObject>
#include <QString>
#include <QTimer>
#include <memory>
#include <optional>
#include <vector>

namespace gemba::app {

/// Who else has the open repository project open. While the document's origin is the
/// repository, this editor is announced there (as its PostgreSQL user, this machine and
/// process), a heartbeat keeps the announcement alive, and each beat reads who else has the
/// project open; when the project is closed or replaced the announcement is withdrawn. A
/// repository that cannot be reached is reported in the text, never in a dialog, and tried
/// again at the next beat.
class RepositoryPresence : public QObject {
    Q_OBJECT

public:
    RepositoryPresence(EditorDocument& document, QObject* parent = nullptr);
    ~RepositoryPresence() override;

    /// This editor as the repository knows it; by default the machine's name and this
    /// process (tests run two editors in one process).
    void setIdentity(const QString& host, qint64 pid);
    /// The heartbeat; well inside store::kPresenceStaleSeconds.
    void setInterval(int milliseconds);
    int interval() const { return m_timer.interval(); }

    /// Beats and reads who else has the project open now (the timer does this too).
    void refresh();
    /// Withdraws the announcement (the window closes).
    void stop();

    const std::vector<store::PresenceEntry>& others() const { return m_others; }
    /// "Also open: anna on host-2 since 14:05"; empty when nobody else has it open or no
    /// repository project is open.
    QString text() const { return m_text; }

    /// One person for the text: "anna on host-2 since 14:05" (local time; the date too when
    /// it was not today).
    static QString describe(const store::PresenceEntry& entry);

signals:
    void textChanged(const QString& text);

private:
    void follow();
    void setText(const QString& text);
    void lose(const QString& error);

    EditorDocument& m_document;
    QString m_host;
    qint64 m_pid;
    std::unique_ptr<store::Repository> m_repository;
    std::optional<RepositoryOrigin> m_announced;
    std::vector<store::PresenceEntry> m_others;
    QString m_text;
    QTimer m_timer;
};

} // namespace gemba::app
