#define CATCH_CONFIG_RUNNER
#include "qt_test_app.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <catch2/catch.hpp>
#include <clocale>
#include <cstdio>

namespace gemba::test {

int runQtTests(int argc, char** argv, const char* name) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QTemporaryDir home;
    if (!home.isValid()) {
        std::fprintf(stderr, "%s: no temporary folder for the settings: %s\n", name,
                     qPrintable(home.errorString()));
        return 1;
    }
    // QStandardPaths reads these on every call, so each location lies under `home`.
    for (const char* variable :
         {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"}) {
        const QString folder = home.filePath(QString::fromLatin1(variable).toLower());
        QDir().mkpath(folder);
        qputenv(variable, QFile::encodeName(folder));
    }
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Gemba tests"));
    QApplication::setApplicationName(QString::fromLatin1(name));
    // Numbers in files and exports are read and written with a '.' whatever the machine.
    std::setlocale(LC_NUMERIC, "C");
    return Catch::Session().run(argc, argv);
}

} // namespace gemba::test
