// The catalogue file of a folder of projects: round trips, the catalogue references of a
// project in the .gemba file and JSON, and messages for damaged or newer files.
#include "gemba/store/catalogue_file.h"
#include "gemba/store/errors.h"
#include "gemba/store/json_format.h"
#include "gemba/store/project_file.h"
#include "sample_projects.h"

#include <catch2/catch.hpp>
#include <unistd.h>

namespace gemba::store {

using gemba::test::readFile;
using gemba::test::TempDir;
using model::Catalogue;
using model::CatalogueKind;
using test::fullProject;

namespace {

Catalogue sampleCatalogue() {
    Catalogue c;
    const std::string erp = c.add(CatalogueKind::System, "ERP", {"erp system"}).id;
    c.add(CatalogueKind::System, "SAP \"R/3\"; DROP TABLE x", {"Bürø-system"});
    c.add(CatalogueKind::System, "Navision");
    c.merge(erp, "navision");
    c.add(CatalogueKind::Person, "Anna Berg", {"A. Berg"}, "Sales");
    c.add(CatalogueKind::Person, "陈伟");
    return c;
}

std::string messageOf(const std::string& text) {
    try {
        readCatalogueText(text, "org/catalogue.json");
    } catch (const InputError& e) {
        return e.what();
    }
    return "(no error)";
}

} // namespace

TEST_CASE("a catalogue survives file -> catalogue -> file", "[store][catalogue]") {
    TempDir dir;
    const Catalogue c = sampleCatalogue();
    const auto file = catalogueFileOf(dir.path());
    CHECK(file.filename() == "catalogue.json");
    CHECK_FALSE(readCatalogueFile(file)); // no file: no catalogue
    writeCatalogueFile(c, file);
    const auto read = readCatalogueFile(file);
    REQUIRE(read);
    CHECK(*read == c);
    CHECK(read->find(c.merged().begin()->first)->name == "ERP");
    const std::string bytes = readFile(file);
    writeCatalogueFile(*read, file);
    CHECK(readFile(file) == bytes);
    CHECK(bytes.find("\"format\": \"gemba-catalogue\"") != std::string::npos);
    CHECK(bytes.find("\"version\": 1") != std::string::npos);
}

TEST_CASE("a project's catalogue references survive the .gemba file and JSON",
          "[store][catalogue]") {
    TempDir dir;
    model::Project p = fullProject();
    REQUIRE_FALSE(p.people.at(1).catalogue.empty());
    REQUIRE_FALSE(p.systems.at(4).catalogue.empty());
    saveProject(p, dir / "p.gemba");
    CHECK(openProject(dir / "p.gemba") == p);
    CHECK(fromJson(toJson(p)) == p);
    CHECK(toJson(p)["systems"][0]["catalogue"] == p.systems.at(4).catalogue);
    CHECK_FALSE(toJson(p)["systems"][1].contains("catalogue")); // none: not written
}

TEST_CASE("a schema 6 file gains the catalogue references, none given", "[store][migration]") {
    TempDir dir;
    const auto file = dir / "v6.gemba";
    saveProject(fullProject(), file);
    test::runSql(file, "DROP TABLE catalogue_reference; PRAGMA user_version = 6;");
    CHECK(openProject(file) == test::withoutCatalogueReferences(fullProject()));
}

TEST_CASE("a catalogue reference to no person or system is named", "[store][catalogue]") {
    TempDir dir;
    const auto file = dir / "bad.gemba";
    saveProject(fullProject(), file);
    test::runSql(file, "INSERT INTO catalogue_reference VALUES ('person', 4242, 'per-x')");
    CHECK_THROWS_WITH(openProject(file),
                      Catch::Contains("bad.gemba: table catalogue_reference, row") &&
                          Catch::Contains("column id: no person has id 4242"));
    test::runSql(file, "DELETE FROM catalogue_reference WHERE id = 4242; INSERT INTO "
                       "catalogue_reference VALUES ('system', 5, '   ')");
    CHECK_THROWS_WITH(openProject(file), Catch::Contains("the catalogue id is empty"));
}

TEST_CASE("a damaged or newer catalogue file is refused, naming the place", "[store][catalogue]") {
    CHECK(messageOf("{\"format\": \"gemba-catalogue\", \"version\": 1,\n \"systems\": [}") ==
          std::string("org/catalogue.json: line 2: not valid JSON: syntax error while parsing "
                      "value - unexpected '}'; expected '[', '{', or a literal"));
    CHECK_THAT(messageOf("{\"format\": \"gemba-catalogue\", \"version\": 2}"),
               Catch::Contains("org/catalogue.json: /version: made by a newer version of "
                               "Gemba: catalogue format 2, this Gemba reads up to 1"));
    CHECK_THAT(messageOf("{\"format\": \"gemba\", \"version\": 1}"),
               Catch::Contains("/format: expected \"gemba-catalogue\""));
    CHECK_THAT(messageOf("[1]"), Catch::Contains("expected a JSON object"));
    const std::string head = "{\"format\": \"gemba-catalogue\", \"version\": 1, ";
    CHECK_THAT(messageOf(head + "\"systems\": [{\"id\": \"s1\"}]}"),
               Catch::Contains("/systems/0/name: missing"));
    CHECK_THAT(messageOf(head + "\"systems\": [{\"id\": \"s1\", \"name\": \"A\", \"role\": "
                                "\"x\"}]}"),
               Catch::Contains("/systems/0/role: unknown field"));
    CHECK_THAT(messageOf(head + "\"people\": [{\"id\": \"p1\", \"name\": \"A\", \"aliases\": "
                                "[3]}]}"),
               Catch::Contains("/people/0/aliases/0: expected text, found number"));
    CHECK_THAT(messageOf(head + "\"systems\": [{\"id\": \"s1\", \"name\": \"A\"}, {\"id\": "
                                "\"s1\", \"name\": \"B\"}]}"),
               Catch::Contains("/systems/1/id: the catalogue id s1 is used twice"));
    CHECK_THAT(messageOf(head + "\"systems\": [{\"id\": \"s1\", \"name\": \"ERP\"}, {\"id\": "
                                "\"s2\", \"name\": \"B\", \"aliases\": [\" erp \"]}]}"),
               Catch::Contains("/systems/1: \" erp \" names this entry and s1 both"));
    CHECK_THAT(
        messageOf(head + "\"systems\": [{\"id\": \"s1\", \"name\": \"A\"}], \"merged\": "
                         "[{\"id\": \"s2\", \"into\": \"s3\"}, {\"id\": \"s3\", \"into\": "
                         "\"s2\"}]}"),
        Catch::Contains("/merged/1: the merges of the catalogue ids s3 and s2 form a cycle"));
    CHECK_THAT(messageOf(head + "\"merged\": [{\"id\": \"s2\", \"into\": \"s9\"}]}"),
               Catch::Contains("/merged/0/into: \"s2\" was merged into an id that is no entry"));
    CHECK_THAT(messageOf(head + "\"systems\": [{\"id\": \"s1\", \"name\": \"A\"}], \"merged\": "
                                "[{\"id\": \"s1\", \"into\": \"s1\"}]}"),
               Catch::Contains("/merged/0: the catalogue id s1 is an entry and merged both"));
}

TEST_CASE("a failed catalogue save leaves the previous file whole", "[store][catalogue]") {
    TempDir dir;
    const auto file = catalogueFileOf(dir.path());
    writeCatalogueFile(sampleCatalogue(), file);
    const std::string before = readFile(file);
    std::filesystem::permissions(dir.path(), std::filesystem::perms::owner_read |
                                                 std::filesystem::perms::owner_exec);
    if (::geteuid() != 0) // root may write anyway
        CHECK_THROWS_AS(writeCatalogueFile(Catalogue{}, file), InputError);
    std::filesystem::permissions(dir.path(), std::filesystem::perms::owner_all);
    if (::geteuid() != 0)
        CHECK(readFile(file) == before);
    CHECK(readCatalogueFile(file));
}

} // namespace gemba::store
