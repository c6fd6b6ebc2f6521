// The cluster check of repository_test_main.cpp, then the editor's main of the other Qt tests.
#include "pg_test_cluster.h"
#include "qt_test_app.h"

int main(int argc, char** argv) {
    if (const int code = gemba::test::checkCluster(argc, argv); code >= 0)
        return code;
    return gemba::test::runQtTests(argc, argv, "repository_app_tests");
}
