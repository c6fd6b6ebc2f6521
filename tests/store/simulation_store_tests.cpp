// Schema 2, simulation: a map's choice of distribution in JSON and in .gemba files, and the
// migration that brings a schema 1 file up to date.
#include "gemba/store/errors.h"
#include "gemba/store/json_format.h"
#include "gemba/store/project_file.h"
#include "sample_projects.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

using namespace gemba::model;
using namespace gemba::store;
using namespace gemba::store::test;
using nlohmann::json;

namespace fs = std::filesystem;

TEST_CASE("a map's simulation distribution survives JSON and a .gemba file",
          "[store][simulation]") {
    Project project = fullProject();
    REQUIRE(project.maps.size() >= 2);
    project.maps[1].props.distribution = TimeDistribution::Pert;

    const json out = toJson(project);
    // Written only where it is not the default.
    CHECK_FALSE(out.at("maps").at(0).contains("distribution"));
    CHECK(out.at("maps").at(1).at("distribution") == "pert");
    CHECK(fromJson(out) == project);

    TempDir dir;
    saveProject(project, dir / "p.gemba");
    const Project opened = openProject(dir / "p.gemba");
    CHECK(opened.maps[0].props.distribution == TimeDistribution::Triangular);
    CHECK(opened.maps[1].props.distribution == TimeDistribution::Pert);
    CHECK(opened == project);
}

TEST_CASE("an unknown distribution is refused with its JSON pointer", "[store][simulation]") {
    json in = toJson(fullProject());
    in["maps"][0]["distribution"] = "normal";
    CHECK_THROWS_WITH(fromJson(in, "x.json"), Catch::Contains("/maps/0/distribution") &&
                                                  Catch::Contains("unknown value 'normal'"));
}

TEST_CASE("the schema 1 fixture migrates to a map without a distribution row",
          "[store][simulation][migration]") {
    // tests/data/project-v1.gemba predates schema 2: every map reads as triangular, and a save
    // of what was opened writes the current schema.
    const fs::path fixture = fs::path(GEMBA_TEST_DATA) / "project-v1.gemba";
    const Project opened = openProject(fixture);
    for (const Map& map : opened.maps)
        CHECK(map.props.distribution == TimeDistribution::Triangular);
    TempDir dir;
    saveProject(opened, dir / "again.gemba");
    CHECK(openProject(dir / "again.gemba") == opened);
    CHECK(currentSchemaVersion() >= 2);
}
