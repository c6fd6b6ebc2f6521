#include "repository_connection.h"

#include <QCoreApplication>
#include <QHash>
#include <QInputDialog>
#include <QSettings>
#include <QUrl>

namespace gemba::app {

namespace {

const char* const kUrlKey = "repository/url";

/// Passwords typed in this session, by URL.
QHash<QString, QString>& sessionPasswords() {
    static QHash<QString, QString> passwords;
    return passwords;
}

bool isUrl(const QString& url) {
    return url.startsWith(QStringLiteral("postgresql://")) ||
           url.startsWith(QStringLiteral("postgres://"));
}

} // namespace

std::string repositoryConnectionString(const QString& url) {
    QString out = url.trimmed();
    const bool hasTimeout = out.contains(QStringLiteral("connect_timeout"));
    // Settings added to a URL go into its query; to "key=value" settings, at the end.
    const auto add = [&out](const QString& key, const QString& value) {
        if (isUrl(out))
            out += (out.contains(u'?') ? u'&' : u'?') + key + u'=' +
                   QString::fromLatin1(QUrl::toPercentEncoding(value));
        else
            out += (out.isEmpty() ? QString() : QStringLiteral(" ")) + key + QStringLiteral("='") +
                   QString(value)
                       .replace(u'\\', QStringLiteral("\\\\"))
                       .replace(u'\'', QStringLiteral("\\'")) +
                   u'\'';
    };
    const QString password = sessionPasswords().value(url.trimmed());
    if (!password.isEmpty())
        add(QStringLiteral("password"), password);
    if (!hasTimeout)
        add(QStringLiteral("connect_timeout"), QString::number(kRepositoryConnectTimeoutSeconds));
    return out.toStdString();
}

store::Repository connectRepository(const QString& url) {
    return store::Repository(repositoryConnectionString(url));
}

void setSessionPassword(const QString& url, const QString& password) {
    sessionPasswords().insert(url.trimmed(), password);
}

bool needsPassword(const store::RepositoryError& error) {
    const std::string_view what = error.what();
    return what.starts_with("cannot connect") &&
           (what.find("no password supplied") != std::string_view::npos ||
            what.find("password authentication failed") != std::string_view::npos);
}

bool askPassword(QWidget* parent, const QString& url, const store::RepositoryError& error) {
    QInputDialog dialog(parent);
    dialog.setObjectName(QStringLiteral("repositoryPasswordDialog"));
    dialog.setWindowTitle(QCoreApplication::translate("Repository", "Repository Password"));
    const QString shown = QString::fromStdString(store::urlForDisplay(url.trimmed().toStdString()));
    const bool wrong =
        std::string_view(error.what()).find("authentication failed") != std::string_view::npos;
    dialog.setLabelText(
        (wrong ? QCoreApplication::translate("Repository", "The password was not accepted.\n")
               : QString()) +
        QCoreApplication::translate("Repository", "Password for %1:")
            .arg(shown.isEmpty() ? QCoreApplication::translate("Repository", "the repository")
                                 : shown));
    dialog.setTextEchoMode(QLineEdit::Password);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    setSessionPassword(url, dialog.textValue());
    return true;
}

QString rememberedRepositoryUrl() {
    return QSettings().value(QString::fromLatin1(kUrlKey)).toString();
}

void rememberRepositoryUrl(const QString& url) {
    QSettings().setValue(QString::fromLatin1(kUrlKey),
                         QString::fromStdString(store::urlForDisplay(url.trimmed().toStdString())));
}

} // namespace gemba::app
