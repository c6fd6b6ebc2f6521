#include "gemba/store/project_file.h"
#include "sample_projects.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <vector>

using namespace gemba::model;
using namespace gemba::store;
using namespace gemba::store::test;

namespace {

/// Wall-clock milliseconds of f(); adds the process's CPU milliseconds to `cpu`, which do not
/// depend on what else the (shared) machine runs.
template <class F> double millisecondsOf(F&& f, double& cpu) {
    const std::clock_t cpuStart = std::clock();
    const auto start = std::chrono::steady_clock::now();
    f();
    const double wall =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    cpu += 1000.0 * double(std::clock() - cpuStart) / CLOCKS_PER_SEC;
    return wall;
}

} // namespace

// Hidden: run with `store_tests "[.bench]"` on a Release build. The limits are the product's
// (save under 300 ms, open under 200 ms for 10,000 steps and 12,000 flows); the median of
// several runs is compared, so one slow run on a busy machine does not decide.
TEST_CASE("saving and opening a map of 10,000 steps and 12,000 flows", "[.bench]") {
    TempDir dir;
    const Project project = bigProject(10000, 12000);
    const auto file = dir / "big.gemba";
    std::vector<double> saves, opens;
    double saveCpu = 0, openCpu = 0;
    const int runs = 7;
    for (int run = 0; run < runs; ++run) {
        saves.push_back(millisecondsOf([&] { saveProject(project, file); }, saveCpu));
        Project opened;
        opens.push_back(millisecondsOf([&] { opened = openProject(file); }, openCpu));
        REQUIRE(opened == project);
    }
    std::sort(saves.begin(), saves.end());
    std::sort(opens.begin(), opens.end());
    const double saveMedian = saves[saves.size() / 2];
    const double openMedian = opens[opens.size() / 2];
    std::printf("save: median %.1f ms (min %.1f, max %.1f, cpu %.1f); open: median %.1f ms "
                "(min %.1f, max %.1f, cpu %.1f); file %.1f MB\n",
                saveMedian, saves.front(), saves.back(), saveCpu / runs, openMedian, opens.front(),
                opens.back(), openCpu / runs, double(std::filesystem::file_size(file)) / 1e6);
    CHECK(saveMedian < 300);
    CHECK(openMedian < 200);
}
