#include "event_source.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QSettings>

namespace gemba::app {

namespace {

/// The settings group of one project: a hash of its absolute path, since a path's slashes
/// would make groups of their own.
QString groupOf(const QString& projectPath) {
    const QByteArray key = QFileInfo(projectPath).absoluteFilePath().toUtf8();
    return QStringLiteral("eventSources/") +
           QString::fromLatin1(QCryptographicHash::hash(key, QCryptographicHash::Sha1).toHex());
}

} // namespace

EventSource EventSource::ofFile(const QString& path) {
    EventSource source;
    source.path = path;
    source.format = store::eventFormatOfFile(path.toStdString());
    return source;
}

store::EventReadOptions EventSource::readOptions(const model::WorkingHours& hours) const {
    store::EventReadOptions options;
    options.columns = columns;
    options.dateOrder = dateOrder;
    options.defaultUtcOffsetMinutes = hours.utcOffsetMinutes;
    return options;
}

QString EventSource::description() const {
    QStringList how;
    if (format == store::EventFormat::StatusHistory)
        how << QObject::tr("status history");
    const std::string named = store::eventColumnsText(columns);
    if (!named.empty())
        how << QObject::tr("columns %1").arg(QString::fromStdString(named));
    if (dateOrder == store::DateOrder::DayFirst)
        how << QObject::tr("day first");
    else if (dateOrder == store::DateOrder::MonthFirst)
        how << QObject::tr("month first");
    const QString name = QFileInfo(path).fileName();
    return how.isEmpty() ? name
                         : QStringLiteral("%1 (%2)").arg(name, how.join(QStringLiteral("; ")));
}

std::optional<EventSource> rememberedEventSource(const QString& projectPath) {
    if (projectPath.isEmpty())
        return std::nullopt;
    QSettings settings;
    settings.beginGroup(groupOf(projectPath));
    EventSource source;
    source.path = settings.value(QStringLiteral("log")).toString();
    if (source.path.isEmpty() || !QFileInfo(source.path).isFile())
        return std::nullopt;
    const auto format = store::eventFormatFromName(
        settings.value(QStringLiteral("format")).toString().toStdString());
    const auto columns = store::parseEventColumns(
        settings.value(QStringLiteral("columns")).toString().toStdString());
    const int order = settings.value(QStringLiteral("dateOrder"), 0).toInt();
    if (!format || !columns.ok() || order < 0 || order > 2)
        return std::nullopt; // written by something else: ask again rather than guess
    source.format = *format;
    source.columns = columns.value();
    source.dateOrder = static_cast<store::DateOrder>(order);
    return source;
}

void rememberEventSource(const QString& projectPath, const EventSource& source) {
    if (projectPath.isEmpty())
        return;
    QSettings settings;
    settings.beginGroup(groupOf(projectPath));
    settings.setValue(QStringLiteral("log"), QFileInfo(source.path).absoluteFilePath());
    const std::string_view format = store::eventFormatName(source.format);
    settings.setValue(QStringLiteral("format"),
                      QString::fromUtf8(format.data(), static_cast<qsizetype>(format.size())));
    settings.setValue(QStringLiteral("columns"),
                      QString::fromStdString(store::eventColumnsText(source.columns)));
    settings.setValue(QStringLiteral("dateOrder"), static_cast<int>(source.dateOrder));
}

} // namespace gemba::app
