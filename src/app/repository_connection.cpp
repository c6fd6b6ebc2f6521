#include "repository_connection.h"

#include <QSettings>

namespace gemba::app {

namespace {

const char* const kUrlKey = "repository/url";

} // namespace

std::string repositoryConnectionString(const QString& url) {
    const QString trimmed = url.trimmed();
    if (trimmed.contains(QStringLiteral("connect_timeout")))
        return trimmed.toStdString();
    const QString timeout =
        QStringLiteral("connect_timeout=%1").arg(kRepositoryConnectTimeoutSeconds);
    if (trimmed.startsWith(QStringLiteral("postgresql://")) ||
        trimmed.startsWith(QStringLiteral("postgres://")))
        return (trimmed + (trimmed.contains(u'?') ? u'&' : u'?') + timeout).toStdString();
    return (trimmed.isEmpty() ? timeout : trimmed + u' ' + timeout).toStdString();
}

store::Repository connectRepository(const QString& url) {
    return store::Repository(repositoryConnectionString(url));
}

QString rememberedRepositoryUrl() {
    return QSettings().value(QString::fromLatin1(kUrlKey)).toString();
}

void rememberRepositoryUrl(const QString& url) {
    QSettings().setValue(QString::fromLatin1(kUrlKey),
                         QString::fromStdString(store::urlForDisplay(url.trimmed().toStdString())));
}

} // namespace gemba::app
