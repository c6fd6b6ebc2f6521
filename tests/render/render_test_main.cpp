// The main of render_tests: a QGuiApplication (offscreen unless a platform is chosen), which
// drawing text needs, and then Catch.
#define CATCH_CONFIG_RUNNER
#include <QGuiApplication>
#include <catch2/catch.hpp>
#include <clocale>

int main(int argc, char* argv[]) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    // Numbers in files are written with a decimal point whatever the user's locale.
    std::setlocale(LC_NUMERIC, "C");
    return Catch::Session().run(argc, argv);
}
