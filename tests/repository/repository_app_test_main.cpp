// The main of the editor's tests on the PostgreSQL cluster: the cluster check of
// repository_test_main.cpp, then a real QApplication (offscreen unless a platform is chosen)
// as app_tests have.
#define CATCH_CONFIG_RUNNER
#include "pg_test_cluster.h"

#include <QApplication>
#include <QStandardPaths>
#include <catch2/catch.hpp>

int main(int argc, char** argv) {
    if (const int code = gemba::test::checkCluster(argc, argv); code >= 0)
        return code;
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Gemba tests"));
    QApplication::setApplicationName(QStringLiteral("repository_app_tests"));
    QStandardPaths::setTestModeEnabled(true);
    return Catch::Session().run(argc, argv);
}
