#pragma once

#include "gemba/store/repository.h"

#include <QString>

class QWidget;

/// Reaching the shared repository from the editor: every connection goes through here, so
/// that a slow or unreachable server holds the window for a few seconds at most, and the URL
/// the user typed is remembered without its password.
namespace gemba::app {

/// How long the editor waits for the server to answer a connection, when the URL does not
/// say (libpq's connect_timeout).
inline constexpr int kRepositoryConnectTimeoutSeconds = 5;

/// `url` (a postgresql:// URL, libpq "key=value" settings, or empty for the PG* environment
/// variables and ~/.pgpass) with connect_timeout added unless it names one.
std::string repositoryConnectionString(const QString& url);
/// Connects to `url` (with the timeout, and the password given for it in this session if the
/// URL has none). Throws store::RepositoryError.
store::Repository connectRepository(const QString& url);

/// A password for connections to `url` for the rest of this session: in memory only, never
/// written to the settings or a file.
void setSessionPassword(const QString& url, const QString& password);
/// Whether a connection failed for want of the right password.
bool needsPassword(const store::RepositoryError& error);
/// Asks for the password of `url` (dialog repositoryPasswordDialog), saying why (`error`);
/// keeps it for the session. Returns false when the user cancels.
bool askPassword(QWidget* parent, const QString& url, const store::RepositoryError& error);

/// Runs `work`, which connects to `url`; when the server wants a password (another one, after
/// a wrong one) the user is asked, and `work` runs again. Throws what `work` throws, and the
/// refusal itself when the user cancels.
template <class Work>
auto askingForPassword(QWidget* parent, const QString& url, Work&& work) -> decltype(work()) {
    for (;;) {
        try {
            return work();
        } catch (const store::RepositoryError& error) {
            if (!needsPassword(error) || !askPassword(parent, url, error))
                throw;
        }
    }
}

/// The repository URL last used in the editor (QSettings; never with a password).
QString rememberedRepositoryUrl();
void rememberRepositoryUrl(const QString& url);

} // namespace gemba::app
