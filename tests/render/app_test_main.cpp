// The main of export_app_tests: a QApplication (offscreen unless a platform is chosen) for the
// editor's export dialogs, print path and Compare view.
#define CATCH_CONFIG_RUNNER
#include <QApplication>
#include <catch2/catch.hpp>
#include <clocale>

int main(int argc, char* argv[]) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Gemba tests"));
    QApplication::setApplicationName(QStringLiteral("export_app_tests"));
    std::setlocale(LC_NUMERIC, "C");
    return Catch::Session().run(argc, argv);
}
