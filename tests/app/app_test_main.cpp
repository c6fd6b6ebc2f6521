// The main of app_tests: a real QApplication (offscreen unless a platform is chosen), so that
// the tests drive the editor's widgets as a user would.
#define CATCH_CONFIG_RUNNER
#include <QApplication>
#include <QStandardPaths>
#include <catch2/catch.hpp>
#include <cstdlib>

int main(int argc, char* argv[]) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Gemba tests"));
    QApplication::setApplicationName(QStringLiteral("app_tests"));
    // Settings, recent files and autosaves go to a test location, not the user's.
    QStandardPaths::setTestModeEnabled(true);
    return Catch::Session().run(argc, argv);
}
