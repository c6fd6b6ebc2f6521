// The main of the tests that need the PostgreSQL cluster ctest starts. Where PostgreSQL cannot
// be installed the cluster script says why, and every test here ends with code 77, which
// ctest reports as skipped, with the reason: never a silent pass.
#define CATCH_CONFIG_RUNNER
#include "files.h"

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

int main(int argc, char** argv) {
    bool listing = false;
    for (int i = 1; i < argc; ++i)
        listing = listing || std::string(argv[i]).rfind("--list", 0) == 0;
    if (!listing) {
        const char* dir = std::getenv("GEMBA_TEST_PG_DIR");
        if (!dir) {
            std::fprintf(stderr, "skipped: GEMBA_TEST_PG_DIR is not set; run these tests with "
                                 "ctest, which starts a PostgreSQL cluster for them\n");
            return 77;
        }
        const std::filesystem::path cluster(dir);
        if (std::filesystem::exists(cluster / "unavailable")) {
            std::fprintf(stderr, "skipped: %s",
                         gemba::test::readFile(cluster / "unavailable").c_str());
            return 77;
        }
        if (!std::filesystem::exists(cluster / "url")) {
            std::fprintf(stderr, "no PostgreSQL test cluster in %s: its start failed\n", dir);
            return 1;
        }
    }
    return Catch::Session().run(argc, argv);
}
