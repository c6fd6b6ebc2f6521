// The fuzz harnesses' seed corpus (tests/fuzz/corpus): valid inputs made from the store tests'
// sample projects. `store_tests "[.seeds]"` writes them anew; the test below checks that every
// committed seed is still read without a refusal, so the corpus stays a corpus of valid inputs
// as the formats grow.
#include "gemba/metrics/metrics.h"
#include "gemba/store/csv_steps.h"
#include "gemba/store/drawio.h"
#include "gemba/store/errors.h"
#include "gemba/store/json_format.h"
#include "gemba/store/project_file.h"
#include "sample_projects.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>

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
    for (const char* reader : {"csv_steps", "json_project", "gemba_file"})
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
}
