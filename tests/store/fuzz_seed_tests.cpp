// The fuzz harnesses' seed corpus (tests/fuzz/corpus): valid inputs made from the store tests'
// sample projects. `store_tests "[.seeds]"` writes them anew; the test below checks that every
// committed seed is still read without a refusal, so the corpus stays a corpus of valid inputs
// as the formats grow.
#include "gemba/metrics/metrics.h"
#include "gemba/store/csv_steps.h"
#include "gemba/store/drawio.h"
#include "gemba/store/errors.h"
#include "gemba/store/events.h"
#include "gemba/store/json_format.h"
#include "gemba/store/project_file.h"
#include "sample_projects.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <sstream>

using namespace gemba::model;
using namespace gemba::store;
using namespace gemba::store::test;
namespace fs = std::filesystem;

namespace {

const fs::path kCorpus = fs::path(GEMBA_SOURCE_DIR) / "tests" / "fuzz" / "corpus";

std::vector<fs::path> seedsOf(const std::string& reader) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(kCorpus / reader))
        files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

/// The step table of every map of a project, in flow order.
std::vector<std::string> csvTables(const Project& project) {
    std::vector<std::string> tables;
    for (const Map& map : project.maps) {
        if (map.steps.empty())
            continue; // a table without steps is refused
        const std::vector<Id> order = gemba::metrics::stepsInFlowOrder(project, map);
        tables.push_back(exportCsvSteps(project, map, order));
    }
    return tables;
}

} // namespace

TEST_CASE("write the fuzz seed corpus from the sample projects", "[.seeds]") {
    for (const char* reader : {"csv_steps", "json_project", "gemba_file", "drawio", "event_csv",
                               "status_history", "xes"})
        fs::create_directories(kCorpus / reader);
    const Project full = fullProject();
    const Project small = bigProject(12, 16);
    int n = 0;
    for (const Project& project : {full, small}) {
        const std::string tag = n == 0 ? "full" : "line";
        writeFile(kCorpus / "json_project" / (tag + ".json"), toJson(project).dump(1) + "\n");
        saveProject(project, kCorpus / "gemba_file" / (tag + ".gemba"));
        int map = 0;
        for (const std::string& table : csvTables(project))
            writeFile(kCorpus / "csv_steps" / (tag + "-map" + std::to_string(++map) + ".csv"),
                      table);
        ++n;
    }
    std::vector<const Map*> maps;
    for (const Map& map : full.maps)
        maps.push_back(&map);
    writeFile(kCorpus / "drawio" / "full.drawio", exportDrawio(full, maps));
    for (const char* name : {"two-pages.drawio", "two-pages-compressed.drawio"})
        fs::copy_file(fs::path(GEMBA_TEST_DATA) / "drawio" / name, kCorpus / "drawio" / name,
                      fs::copy_options::overwrite_existing);
    // Event logs as the events tests write them.
    writeFile(kCorpus / "event_csv" / "default-columns.csv",
              "Case,Activity,Start,End,Resource,Team,Type\n"
              "A,Review,2026-03-04 10:00,2026-03-04 11:00,Ann,QA,bug\n"
              "A,Build,2026-03-04 08:00,2026-03-04 09:00,Bob,Dev,bug\n"
              "B,Build,2026-03-05T08:00+01:00,2026-03-05T09:00+01:00,,,\n");
    writeFile(kCorpus / "event_csv" / "lifecycle.csv",
              "case;activity;timestamp;lifecycle\n"
              "1;Build;2026-03-04 09:00;start\n1;Build;2026-03-04 11:30:15;complete\n"
              "1;Ship;2026-03-04T12:00:00.250Z;\n");
    writeFile(kCorpus / "status_history" / "jira.csv",
              "Key,From Status,To Status,Changed At,Author\n"
              "J-1,Open,In Progress,2026-03-06 16:00,ann\n"
              "J-1,In Progress,Done,2026-03-09 10:00,ann\n"
              "J-1,,Open,2026-03-06 09:00,bob\n"
              "J-2,Open,In Progress,2026-03-09 09:00,bob\n");
    writeFile(kCorpus / "xes" / "two-events.xes",
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<log xes.version=\"1.0\">\n"
              "<trace><string key=\"concept:name\" value=\"case-1\"/>\n"
              "<event><string key=\"concept:name\" value=\"Build\"/>"
              "<string key=\"lifecycle:transition\" value=\"start\"/>"
              "<date key=\"time:timestamp\" value=\"2026-03-04T09:00:00.000+01:00\"/>"
              "<string key=\"org:resource\" value=\"Ann\"/></event>\n"
              "<event><string key=\"concept:name\" value=\"Build\"/>"
              "<string key=\"lifecycle:transition\" value=\"complete\"/>"
              "<date key=\"time:timestamp\" value=\"2026-03-04T11:00:00.000+01:00\"/></event>\n"
              "</trace>\n</log>\n");
    saveProject(Project{}, kCorpus / "gemba_file" / "empty.gemba");
    writeFile(kCorpus / "json_project" / "empty.json", toJson(Project{}).dump() + "\n");
    // Forms people type that the export does not write: units in headers, decimal commas.
    writeFile(kCorpus / "csv_steps" / "typed.csv",
              "Name;Process time (min);Lead time;Wait before;%C&A;Value\n"
              "Open;1,5;2 h;;97,5;VA\n\"Check; sign\";30;1 d;3 h;80;NVA\n");
}

TEST_CASE("every committed fuzz seed is a valid input of its reader", "[store][fuzz]") {
    const auto csv = seedsOf("csv_steps");
    const auto json = seedsOf("json_project");
    const auto gemba = seedsOf("gemba_file");
    CHECK(csv.size() >= 3);
    CHECK(json.size() >= 3);
    CHECK(gemba.size() >= 3);
    for (const fs::path& file : csv) {
        INFO(file);
        Project project;
        CHECK_NOTHROW(importCsvSteps(project, readFile(file), file.string()));
    }
    for (const fs::path& file : json) {
        INFO(file);
        CHECK_NOTHROW(readJsonFile(file));
    }
    for (const fs::path& file : gemba) {
        INFO(file);
        CHECK_NOTHROW(openProject(file));
    }
    // draw.io: the test diagrams of tests/data/drawio and an exported example.
    const auto drawio = seedsOf("drawio");
    CHECK(drawio.size() >= 4);
    for (const fs::path& file : drawio) {
        INFO(file);
        Project project;
        DrawioImportReport report;
        CHECK_NOTHROW(importDrawioFile(project, file, {}, report));
    }
    auto readEach = [](const std::string& reader, auto read) {
        const auto files = seedsOf(reader);
        CHECK_FALSE(files.empty());
        for (const fs::path& file : files) {
            INFO(file);
            std::istringstream in(readFile(file));
            CHECK_FALSE(read(in, file.string(), EventReadOptions{}).events.empty());
        }
    };
    readEach("event_csv", readEventCsv);
    readEach("status_history", readStatusHistoryCsv);
    readEach("xes", readXes);
}
