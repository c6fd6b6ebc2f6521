#include "qt_test_app.h"

int main(int argc, char* argv[]) {
    return gemba::test::runQtTests(argc, argv, "app_tests");
}
