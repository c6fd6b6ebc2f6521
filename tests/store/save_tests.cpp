#include "gemba/store/errors.h"
#include "gemba/store/project_file.h"
#include "project_file_detail.h"
#include "sample_projects.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <csignal>
#include <fcntl.h>
#include <filesystem>
#include <random>
#include <sys/file.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace gemba::model;
using namespace gemba::store;
using namespace gemba::store::test;
namespace fs = std::filesystem;

namespace {

/// Turns the save fault off however the test ends.
struct FaultGuard {
    explicit FaultGuard(int afterRows) { detail::setSaveFaultForTesting(afterRows); }
    ~FaultGuard() { detail::setSaveFaultForTesting(-1); }
};

Project smallProject() {
    Project project;
    project.props.name = "Old";
    Person person{project.allocateId(), "Anna", "", std::nullopt};
    project.people.emplace(person.id, person);
    return project;
}

} // namespace

TEST_CASE("a save into a read-only folder fails and leaves the old file as it was",
          "[store][save]") {
    TempDir dir;
    const fs::path folder = dir / "readonly";
    fs::create_directory(folder);
    const fs::path file = folder / "p.gemba";
    saveProject(smallProject(), file);
    const std::string before = readFile(file);
    fs::permissions(dir.path(),
                    fs::perms::owner_all | fs::perms::group_exec | fs::perms::others_exec);
    fs::permissions(folder, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                                fs::perms::group_exec | fs::perms::others_read |
                                fs::perms::others_exec);

    if (::geteuid() != 0) {
        CHECK_THROWS_WITH(saveProject(fullProject(), file),
                          Catch::Contains("cannot save: Permission denied"));
    } else {
        // Permissions do not bind root, so the save runs in a child that drops to "nobody".
        const Project project = fullProject();
        const pid_t child = ::fork();
        REQUIRE(child >= 0);
        if (child == 0) {
            int code = 1;
            if (::setgid(65534) != 0 || ::setuid(65534) != 0)
                ::_exit(4);
            try {
                saveProject(project, file);
            } catch (const InputError& error) {
                code = std::string(error.what()).find("cannot save: Permission denied") !=
                               std::string::npos
                           ? 0
                           : 3;
            } catch (...) {
                code = 2;
            }
            ::_exit(code);
        }
        int status = 0;
        REQUIRE(::waitpid(child, &status, 0) == child);
        REQUIRE(WIFEXITED(status));
        CHECK(WEXITSTATUS(status) == 0); // 0: InputError "Permission denied", as expected
    }
    CHECK(readFile(file) == before);
    CHECK(listDir(folder) == std::vector<std::string>{"p.gemba"});
    CHECK(openProject(file) == smallProject());
}

TEST_CASE("a save that fails after any number of rows leaves the old file and no temporary",
          "[store][save]") {
    TempDir dir;
    const fs::path file = dir / "p.gemba";
    saveProject(smallProject(), file);
    const std::string before = readFile(file);

    // Every row count from 0 up to the last row of the full project fails cleanly; the first
    // count that lets the save through is the number of rows the project takes.
    int rows = 0;
    for (;; ++rows) {
        FaultGuard fault(rows);
        try {
            saveProject(fullProject(), file);
            break;
        } catch (const InputError& error) {
            REQUIRE_THAT(error.what(), Catch::Contains("simulated failure after " +
                                                       std::to_string(rows) + " rows"));
        }
        REQUIRE(readFile(file) == before);
        REQUIRE(listDir(dir.path()) == std::vector<std::string>{"p.gemba"});
    }
    // 4 people + 6 systems + 1 project + 2 experts + 4 maps + 25 elements + ... : well above 50.
    CHECK(rows > 50);
    CHECK(openProject(file) == fullProject());
}

TEST_CASE("a save that cannot start says why and changes nothing", "[store][save]") {
    TempDir dir;
    SECTION("the folder does not exist") {
        CHECK_THROWS_WITH(saveProject(smallProject(), dir / "missing" / "p.gemba"),
                          Catch::Contains("cannot save: the folder") &&
                              Catch::Contains("does not exist"));
        CHECK(listDir(dir.path()).empty());
    }
    SECTION("the project breaks a rule the file format keeps") {
        const fs::path file = dir / "p.gemba";
        saveProject(smallProject(), file);
        const std::string before = readFile(file);
        Project bad = fullProject();
        bad.maps[0].steps.at(11).people.push_back(999);
        try {
            saveProject(bad, file);
            FAIL("the save should have been refused");
        } catch (const InputError& error) {
            CHECK(error.place() == "step 11 (table step), field people/2");
            CHECK(error.problem() == "cannot save: id 999 is not a person of the project");
        }
        CHECK(readFile(file) == before);
        CHECK(listDir(dir.path()) == std::vector<std::string>{"p.gemba"});

        Project notANumber = fullProject();
        notANumber.maps[0].steps.at(12).leadTime = std::nan("");
        CHECK_THROWS_WITH(saveProject(notANumber, file),
                          Catch::EndsWith("step 12 (table step), field lead_time: cannot save: "
                                          "NaN is not a finite number"));
        CHECK(readFile(file) == before);
    }
}

namespace {

/// Starts a child that saves `project` over `file`, stops it with SIGKILL when the save reaches
/// the `count`th `stage` (or after `delay` when stage is empty), and waits for it.
void saveAndKill(const Project& project, const fs::path& file, std::string_view stage, int count,
                 std::chrono::milliseconds delay = {}) {
    int signal[2];
    REQUIRE(::pipe(signal) == 0);
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        ::close(signal[0]);
        int seen = 0;
        detail::setSaveObserverForTesting([&](std::string_view reached) {
            if (reached == stage && ++seen == count) {
                (void)!::write(signal[1], "k", 1);
                for (;;)
                    ::pause(); // wait for the SIGKILL
            }
        });
        try {
            saveProject(project, file);
        } catch (...) {
            ::_exit(2);
        }
        (void)!::write(signal[1], "d", 1);
        ::_exit(0);
    }
    ::close(signal[1]);
    if (stage.empty()) {
        std::this_thread::sleep_for(delay);
    } else {
        char byte = 0;
        REQUIRE(::read(signal[0], &byte, 1) == 1);
        REQUIRE(byte == 'k'); // the child reached the stage
    }
    ::kill(child, SIGKILL);
    ::close(signal[0]);
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
}

} // namespace

TEST_CASE("a save killed at any moment leaves a file that opens intact", "[store][save]") {
    TempDir dir;
    const fs::path file = dir / "big.gemba";
    const Project old = smallProject();
    const Project big = bigProject(10000, 12000);

    struct Moment {
        std::string_view stage;
        int count;
        bool expectNew;
    };
    // 10,000 steps with a person and a system each and 12,000 flows write some 52,000 rows: a
    // "rows" stage comes every 1,000.
    const Moment moments[] = {{"rows", 1, false},    {"rows", 25, false},  {"rows", 50, false},
                              {"written", 1, false}, {"synced", 1, false}, {"renamed", 1, true}};
    for (const Moment& moment : moments) {
        INFO("killed at " << moment.stage << " #" << moment.count);
        saveProject(old, file);
        saveAndKill(big, file, moment.stage, moment.count);
        // Killed before the rename, the save left its temporary file: opening removes it.
        CHECK(listDir(dir.path()).size() == (moment.expectNew ? 1u : 2u));
        const Project opened = openProject(file);
        CHECK(opened == (moment.expectNew ? big : old));
        CHECK(listDir(dir.path()) == std::vector<std::string>{"big.gemba"});
    }

    // And at moments the save does not choose: whatever the timing, old or new, never broken,
    // and no temporary file once the project was opened again.
    std::vector<int> delays = {0, 3, 10, 25, 50, 80, 120, 200};
    std::mt19937 random(8); // seeded: the same instants on every run
    std::uniform_int_distribution<int> instant(0, 250);
    for (int i = 0; i < 24; ++i)
        delays.push_back(instant(random));
    for (int ms : delays) {
        INFO("killed after " << ms << " ms");
        saveProject(old, file);
        saveAndKill(big, file, "", 0, std::chrono::milliseconds(ms));
        const Project opened = openProject(file);
        CHECK((opened == old || opened == big));
        CHECK(listDir(dir.path()) == std::vector<std::string>{"big.gemba"});
    }
}

TEST_CASE("stale temporary files of killed saves go at the next open or save, live ones stay",
          "[store][save]") {
    TempDir dir;
    const fs::path file = dir / "p.gemba";
    saveProject(smallProject(), file);
    const std::string staleName = ".p.gemba.00112233aabbccdd.tmp";
    const std::string liveName = ".p.gemba.ffeeddccbbaa9988.tmp";
    // Not this project's pattern: another project's, a name too short, a plain hidden file.
    const std::vector<std::string> others = {".q.gemba.00112233aabbccdd.tmp", ".p.gemba.0011.tmp",
                                             ".p.gemba.notes", ".p.gemba.00112233aabbccdx.tmp"};
    auto leave = [&] {
        writeFile(dir / staleName, "half a save");
        for (const std::string& name : others)
            writeFile(dir / name, "x");
    };
    // A live save holds a lock on its temporary file (flock, as TempFile does).
    writeFile(dir / liveName, "a save under way");
    const int live = ::open((dir / liveName).c_str(), O_RDONLY);
    REQUIRE(live >= 0);
    REQUIRE(::flock(live, LOCK_EX) == 0);

    std::vector<std::string> kept = others;
    kept.push_back(liveName);
    kept.push_back("p.gemba");
    std::sort(kept.begin(), kept.end());

    leave();
    CHECK(openProject(file) == smallProject());
    CHECK(listDir(dir.path()) == kept);

    leave();
    saveProject(fullProject(), file);
    CHECK(listDir(dir.path()) == kept);

    // Once the live save is gone, its file is stale too.
    ::close(live);
    openProject(file);
    kept.erase(std::find(kept.begin(), kept.end(), liveName));
    CHECK(listDir(dir.path()) == kept);
}

TEST_CASE("saving over a read-only project says so and changes nothing", "[store][save]") {
    TempDir dir;
    const fs::path file = dir / "p.gemba";
    saveProject(smallProject(), file);
    const std::string before = readFile(file);
    fs::permissions(file, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
    try {
        saveProject(fullProject(), file);
        FAIL("the save should have been refused");
    } catch (const InputError& error) {
        CHECK(error.file() == file.string());
        CHECK_THAT(error.problem(), Catch::StartsWith("cannot save: the file is read-only"));
    }
    CHECK(readFile(file) == before);
    CHECK(listDir(dir.path()) == std::vector<std::string>{"p.gemba"});
    // Writable again, it saves, and keeps its mode.
    fs::permissions(file, fs::perms::owner_write, fs::perm_options::add);
    saveProject(fullProject(), file);
    CHECK(openProject(file) == fullProject());
    CHECK(fs::status(file).permissions() == (fs::perms::owner_read | fs::perms::owner_write |
                                             fs::perms::group_read | fs::perms::others_read));
}
