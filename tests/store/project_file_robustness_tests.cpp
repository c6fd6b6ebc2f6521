#include "gemba/store/errors.h"
#include "gemba/store/project_file.h"
#include "sample_projects.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <random>
#include <set>
#include <sqlite3.h>

using namespace gemba::model;
using namespace gemba::store;
using namespace gemba::store::test;
namespace fs = std::filesystem;

namespace {

/// The InputError that opening `file` throws (fails the test when it opens, or throws
/// anything else).
InputError openError(const fs::path& file) {
    try {
        openProject(file);
    } catch (const InputError& error) {
        return error;
    }
    FAIL("opening " << file << " should have failed");
    throw std::logic_error("unreachable");
}

/// A valid file of the full project, to be damaged by each test.
fs::path validFile(const TempDir& dir, const std::string& name = "p.gemba") {
    const fs::path file = dir / name;
    saveProject(fullProject(), file);
    return file;
}

/// Rebuilds `table` without STRICT, types or keys, as another program might write it, so that
/// the test can put values of any type in it. `columns` lists the table's columns.
std::string loosen(const std::string& table, const std::string& columns) {
    return "PRAGMA foreign_keys = OFF; PRAGMA legacy_alter_table = ON; ALTER TABLE " + table +
           " RENAME TO loose_old; CREATE TABLE " + table + " (" + columns + "); INSERT INTO " +
           table + " SELECT * FROM loose_old; DROP TABLE loose_old; ";
}

const std::string kStepColumns =
    "id, origin, name, description, role, headcount, process_time, process_time_min, "
    "process_time_max, cycle_time, lead_time, pca, batch_size, changeover, uptime, defect_rate, "
    "value, wastes";
const std::string kPersonColumns = "id, name, role, hourly_cost";
const std::string kProjectColumns =
    "id, name, description, hours_per_day, days_per_week, currency, default_hourly_rate, "
    "next_id, sponsor, process_owner, facilitator";

} // namespace

TEST_CASE("opening what is not a Gemba project names the file and says why", "[store][file]") {
    TempDir dir;
    SECTION("missing") {
        const InputError error = openError(dir / "nothing.gemba");
        CHECK(error.file() == (dir / "nothing.gemba").string());
        CHECK(error.problem() == "no such file");
        CHECK(std::string(error.what()) == (dir / "nothing.gemba").string() + ": no such file");
    }
    SECTION("a folder") {
        fs::create_directory(dir / "folder.gemba");
        CHECK_THAT(openError(dir / "folder.gemba").problem(), Catch::Contains("is a folder"));
    }
    SECTION("empty") {
        writeFile(dir / "empty.gemba", "");
        CHECK(openError(dir / "empty.gemba").problem() ==
              "the file is empty (not a Gemba project)");
    }
    SECTION("text") {
        writeFile(dir / "notes.gemba", "name,process time\nCheck,5 min\n");
        CHECK(openError(dir / "notes.gemba").problem() ==
              "not a Gemba project (not a SQLite database)");
    }
    SECTION("a SQLite database of another application") {
        runSql(dir / "other.db", "CREATE TABLE t (x); PRAGMA application_id = 1234;");
        CHECK_THAT(openError(dir / "other.db").problem(),
                   Catch::StartsWith("not a Gemba project (a SQLite database of another "
                                     "application, application_id 0x000004D2)"));
    }
    SECTION("made by a newer Gemba") {
        const fs::path file = validFile(dir);
        const std::string newer = std::to_string(currentSchemaVersion() + 1);
        runSql(file, "PRAGMA user_version = " + newer);
        CHECK(openError(file).problem() == "made by a newer version of Gemba: schema " + newer +
                                               ", this Gemba reads up to " +
                                               std::to_string(currentSchemaVersion()));
    }
}

TEST_CASE("a truncated or damaged file is refused, never half-read", "[store][file]") {
    TempDir dir;
    const fs::path file = validFile(dir);
    const std::string bytes = readFile(file);
    REQUIRE(bytes.size() % 4096 == 0);

    SECTION("cut at a page boundary") {
        writeFile(file, bytes.substr(0, bytes.size() / 4096 / 2 * 4096));
        CHECK_THAT(openError(file).problem(), Catch::StartsWith("the file is truncated: it should "
                                                                "hold " +
                                                                std::to_string(bytes.size())));
    }
    SECTION("cut inside a page") {
        writeFile(file, bytes.substr(0, 4096 * 3 + 1000));
        CHECK_THAT(openError(file).problem(),
                   Catch::StartsWith("the file is truncated or damaged"));
    }
    SECTION("cut inside the header") {
        writeFile(file, bytes.substr(0, 60));
        CHECK(openError(file).problem() == "not a Gemba project (not a SQLite database)");
    }
    SECTION("a page overwritten with garbage") {
        std::string damaged = bytes;
        for (std::size_t i = 4096 * 2; i < 4096 * 3; ++i)
            damaged[i] = static_cast<char>(0xA5 ^ (i * 7));
        writeFile(file, damaged);
        CHECK_THAT(openError(file).problem(), Catch::Contains("damaged"));
    }
}

TEST_CASE("stale indexes cannot mislead, and missing rows are named", "[store][file]") {
    TempDir dir;
    const fs::path file = validFile(dir);
    SECTION("an index that does not match its table is never read through") {
        // Opening reads tables in their own order and sorts, so an index whose entries no
        // longer match its table changes nothing that is read.
        runSql(file, "CREATE INDEX step_person_order ON step_person(step_id, position); "
                     "PRAGMA writable_schema = ON; UPDATE sqlite_schema SET sql = "
                     "'CREATE INDEX step_person_order ON step_person(person_id, position)' "
                     "WHERE name = 'step_person_order';");
        CHECK(openProject(file) == fullProject());
    }
    SECTION("a row that refers to a missing row") {
        runSql(file, "PRAGMA foreign_keys = OFF; DELETE FROM system WHERE id = 5;");
        const InputError error = openError(file);
        CHECK(error.place() == "step 11 (table step), field systems/1");
        CHECK(error.problem() == "id 5 is not a system of the project");
    }
    SECTION("a list row whose step is missing") {
        runSql(file, "PRAGMA foreign_keys = OFF; INSERT INTO step_person VALUES (999, 0, 1);");
        const InputError error = openError(file);
        CHECK(error.place() == "table step_person, row 6, column step_id"); // after its 5 rows
        CHECK(error.problem() == "step 999 does not exist");
    }
}

TEST_CASE("hostile contents give an InputError naming table, row and column", "[store][file]") {
    TempDir dir;
    const fs::path file = validFile(dir);

    SECTION("text where a number belongs") {
        runSql(file, loosen("step", kStepColumns) + "UPDATE step SET pca = 'high' WHERE id = 11;");
        const InputError error = openError(file);
        CHECK(error.place() == "table step, row 11, column pca");
        CHECK(error.problem() == "expected a number, found the text 'high'");
    }
    SECTION("NULL where a value is required") {
        runSql(file,
               loosen("step", kStepColumns) + "UPDATE step SET headcount = NULL WHERE id = 12;");
        const InputError error = openError(file);
        CHECK(error.place() == "table step, row 12, column headcount");
        CHECK(error.problem() == "expected a number, found nothing (NULL)");
    }
    SECTION("a number where text belongs") {
        runSql(file,
               loosen("person", kPersonColumns) + "UPDATE person SET name = 42 WHERE id = 1;");
        CHECK(openError(file).problem() == "expected text, found the whole number 42");
    }
    SECTION("NaN") {
        // SQLite keeps no NaN (it stores NULL), so a NaN can only come as text.
        runSql(file, loosen("step", kStepColumns) + "UPDATE step SET pca = 'NaN' WHERE id = 11;");
        CHECK(openError(file).problem() == "expected a number, found the text 'NaN'");
    }
    SECTION("an infinite duration") {
        runSql(file, "UPDATE step SET process_time = 1e999 WHERE id = 11;");
        const InputError error = openError(file);
        CHECK(error.place() == "step 11 (table step), field process_time");
        CHECK(error.problem() == "infinity is not a finite number");
    }
    SECTION("a negative duration") {
        runSql(file, "UPDATE wait SET time = -60 WHERE id = 13;");
        CHECK(openError(file).problem() == "-60 s is negative; durations cannot be");
    }
    SECTION("a percentage above 100") {
        runSql(file, "UPDATE step SET uptime = 1e300 WHERE id = 11;");
        CHECK_THAT(openError(file).problem(), Catch::EndsWith("is not a percentage from 0 to 100"));
    }
    SECTION("a negative id") {
        runSql(file, "PRAGMA foreign_keys = OFF; UPDATE person SET id = -5 WHERE id = 3;");
        const InputError error = openError(file);
        CHECK(error.place() == "table person, row -5, column id");
        CHECK(error.problem() == "ids must be positive, found -5");
    }
    SECTION("the same id in two tables") {
        runSql(file, "INSERT INTO system VALUES (11, 'Twin', 'other');");
        const InputError error = openError(file);
        CHECK(error.place() == "step 11 (table step), field id");
        CHECK(error.problem() == "id 11 is already used by a system");
    }
    SECTION("the same id twice in a table without a key") {
        runSql(file, loosen("person", kPersonColumns) +
                         "INSERT INTO person SELECT * FROM person WHERE id = 2;");
        CHECK(openError(file).problem() == "id 2 appears twice");
    }
    SECTION("a flow to an element of another map") {
        runSql(file, "UPDATE flow SET to_id = 31 WHERE id = 21;");
        const InputError error = openError(file);
        CHECK(error.place() == "flow 21 (table flow), field to");
        CHECK(error.problem() == "element 31 is not a placed element of this map");
    }
    SECTION("a red pen around an element that does not exist") {
        runSql(file, "UPDATE red_pen_target SET target_id = 999 WHERE red_pen_id = 28 AND "
                     "position = 1;");
        const InputError error = openError(file);
        CHECK(error.place() == "red pen 28 (table red_pen), field targets/1");
        CHECK(error.problem() == "element 999 is not on this map");
    }
    SECTION("next_id not above every id") {
        runSql(file, "UPDATE project SET next_id = 20;");
        CHECK_THAT(openError(file).problem(), Catch::StartsWith("next_id 20 is not above every"));
    }
    SECTION("an unknown enumeration value") {
        runSql(file, "UPDATE step SET value = 'golden' WHERE id = 11;");
        const InputError error = openError(file);
        CHECK(error.place() == "table step, row 11, column value");
        CHECK(error.problem() == "unknown value 'golden' (expected one of value_adding, "
                                 "necessary_non_value_adding, waste)");
    }
    SECTION("unknown waste bits") {
        runSql(file, "UPDATE step SET wastes = 4096 WHERE id = 11;");
        CHECK(openError(file).problem() == "unknown waste bits in 4096");
    }
    SECTION("an element whose kind disagrees with its table") {
        runSql(file, "UPDATE element SET kind = 'wait' WHERE id = 11;");
        CHECK(openError(file).problem() == "table element calls 11 a wait");
    }
    SECTION("an element with no row of its kind") {
        runSql(file, "DELETE FROM note WHERE id = 20;");
        const InputError error = openError(file);
        CHECK(error.place() == "table element, row 20");
        CHECK(error.problem() == "the note has no row in table note");
    }
    SECTION("text that is not UTF-8") {
        runSql(file, "UPDATE map SET name = CAST(x'4361666580' AS TEXT) WHERE id = 10;");
        const InputError error = openError(file);
        CHECK(error.place() == "map 10 (table map), field name");
        CHECK(error.problem() == "the text is not valid UTF-8");
    }
    SECTION("no project row") {
        runSql(file, "PRAGMA foreign_keys = OFF; DELETE FROM project;");
        CHECK(openError(file).problem() == "the project row is missing");
    }
    SECTION("two project rows") {
        runSql(file,
               loosen("project", kProjectColumns) + "INSERT INTO project SELECT * FROM project;");
        CHECK(openError(file).problem() == "the project table holds more than one row");
    }
    SECTION("a missing table") {
        runSql(file, "DROP TABLE artifact;");
        const InputError error = openError(file);
        CHECK(error.place() == "table artifact");
        CHECK(error.problem() == "is missing; the file is not a valid Gemba project");
    }
    SECTION("a view that never ends in place of a table") {
        runSql(file, "PRAGMA foreign_keys = OFF; DROP TABLE note; CREATE VIEW note AS WITH "
                     "RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT n AS id, "
                     "NULL AS origin, '' AS text FROM r;");
        const auto start = std::chrono::steady_clock::now();
        const InputError error = openError(file);
        CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
        CHECK(error.place() == "table note");
        CHECK(error.problem() == "is not a plain table; the file is not a valid Gemba project");
    }
}

TEST_CASE("opening a file never changes it", "[store][file]") {
    TempDir dir;
    const fs::path file = validFile(dir);
    const std::string before = readFile(file);
    const auto time = fs::last_write_time(file);
    openProject(file);
    CHECK(readFile(file) == before);
    CHECK(fs::last_write_time(file) == time);
    CHECK(listDir(dir.path()) == std::vector<std::string>{"p.gemba"});
}

TEST_CASE("opening a file another tool left in WAL mode leaves nothing beside it",
          "[store][file]") {
    TempDir dir;
    const fs::path file = validFile(dir);
    // sqlite3 closes cleanly: the -wal file is checkpointed and removed, the header says WAL.
    runSql(file, "PRAGMA journal_mode = WAL;");
    REQUIRE(listDir(dir.path()) == std::vector<std::string>{"p.gemba"});
    const std::string bytes = readFile(file);
    REQUIRE(bytes[18] == 2);
    CHECK(openProject(file) == fullProject());
    CHECK(listDir(dir.path()) == std::vector<std::string>{"p.gemba"});
    CHECK(readFile(file) == bytes);
    // A read-only folder: nothing could be made beside the file, and it still opens.
    fs::permissions(dir.path(), fs::perms::owner_write, fs::perm_options::remove);
    CHECK(openProject(file) == fullProject());
    fs::permissions(dir.path(), fs::perms::owner_write, fs::perm_options::add);
    CHECK(listDir(dir.path()) == std::vector<std::string>{"p.gemba"});
}

TEST_CASE("changes another program left in a -wal file are read, not lost", "[store][file]") {
    TempDir dir;
    const fs::path file = validFile(dir);
    runSql(file, "PRAGMA journal_mode = WAL;");
    // A connection that stays open keeps its committed change in the -wal file only.
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(file.c_str(), &db) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db, "PRAGMA wal_autocheckpoint = 0; UPDATE project SET name = 'Renamed';",
                         nullptr, nullptr, nullptr) == SQLITE_OK);
    REQUIRE(fs::file_size(dir / "p.gemba-wal") > 0);
    CHECK(openProject(file).props.name == "Renamed");
    sqlite3_close(db);
}

TEST_CASE("fuzz: truncated and bit-flipped files open or throw InputError", "[store][file]") {
    TempDir dir;
    const fs::path good = validFile(dir, "good.gemba");
    const Project expected = fullProject();
    const std::string bytes = readFile(good);
    const fs::path file = dir / "fuzz.gemba";
    std::mt19937 random(20240303); // fixed seed: the same variants on every run
    int opened = 0;
    int refused = 0;
    auto attempt = [&](const std::string& variant, const std::string& what) {
        writeFile(file, variant);
        try {
            openProject(file);
            ++opened;
        } catch (const InputError& error) {
            ++refused;
            CHECK_FALSE(std::string(error.what()).empty());
        } catch (const std::exception& error) {
            FAIL(what << ": unexpected " << error.what());
        }
    };

    // Truncations: every length around the header and page edges, and 150 more across the file.
    std::set<std::size_t> lengths = {0, 1, 15, 16, 99, 100, 101, 4095, 4096, 4097, 8192};
    std::uniform_int_distribution<std::size_t> anyLength(0, bytes.size() - 1);
    while (lengths.size() < 160)
        lengths.insert(anyLength(random));
    for (std::size_t length : lengths)
        attempt(bytes.substr(0, length), "truncated to " + std::to_string(length));

    // Flips: 300 variants of 1 to 4 random bytes changed; a third of them in the first page,
    // where the header and the schema live.
    std::uniform_int_distribution<std::size_t> anyOffset(0, bytes.size() - 1);
    std::uniform_int_distribution<std::size_t> firstPage(0, 4095);
    std::uniform_int_distribution<int> anyMask(1, 255);
    std::uniform_int_distribution<int> flipsPerVariant(1, 4);
    for (int variant = 0; variant < 300; ++variant) {
        std::string damaged = bytes;
        const int flips = flipsPerVariant(random);
        for (int i = 0; i < flips; ++i) {
            const std::size_t offset = variant % 3 == 0 ? firstPage(random) : anyOffset(random);
            damaged[offset] = static_cast<char>(damaged[offset] ^ anyMask(random));
        }
        attempt(damaged, "flip variant " + std::to_string(variant));
    }
    INFO("opened " << opened << ", refused " << refused);
    CHECK(opened + refused == 460);
    CHECK(refused > 150); // most damage is noticed
    // The original still opens: the fuzzing wrote only to its own file.
    CHECK(openProject(good) == expected);
}
