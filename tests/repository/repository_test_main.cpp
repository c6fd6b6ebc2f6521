// The main of the tests that need the PostgreSQL cluster ctest starts. Where PostgreSQL cannot
// be installed the cluster script says why, and every test here ends with code 77, which
// ctest reports as skipped, with the reason: never a silent pass.
#define CATCH_CONFIG_RUNNER
#include "pg_test_cluster.h"

#include <catch2/catch.hpp>

int main(int argc, char** argv) {
    if (const int code = gemba::test::checkCluster(argc, argv); code >= 0)
        return code;
    return Catch::Session().run(argc, argv);
}
