#pragma once

#include "gemba/store/repository.h"

#include <QString>

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
/// Connects to `url` (with the timeout). Throws store::RepositoryError.
store::Repository connectRepository(const QString& url);

/// The repository URL last used in the editor (QSettings; never with a password).
QString rememberedRepositoryUrl();
void rememberRepositoryUrl(const QString& url);

} // namespace gemba::app
