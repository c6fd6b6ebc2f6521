// The organisation's catalogue: adding, matching by name and alias, resolution of references,
// and merges (chains, cycles refused, unknown ids).
#include "gemba/model/catalogue.h"

#include <catch2/catch.hpp>

namespace gemba::model {

namespace {

constexpr auto kSystem = CatalogueKind::System;
constexpr auto kPerson = CatalogueKind::Person;

} // namespace

TEST_CASE("catalogue names match without case and with spaces counted once", "[catalogue]") {
    CHECK(catalogueKey("  SAP   erp\t") == "sap erp");
    CHECK(catalogueKey("SAP ERP") == catalogueKey("sap  Erp"));
    CHECK(catalogueKey("SAP-ERP") != catalogueKey("SAP ERP"));
    CHECK(duplicateFold("SAP-ERP") == duplicateFold("sap erp"));
    CHECK(duplicateFold("E-Mail") == "email");
    CHECK(duplicateFold("Bürø") == "bürø"); // letters beyond ASCII kept as they are
}

TEST_CASE("an entry is found by id, name and alias, and its kind matters", "[catalogue]") {
    Catalogue c;
    const std::string erp = c.add(kSystem, " ERP ", {"SAP ERP", "erp system"}).id;
    const std::string anna = c.add(kPerson, "Anna Berg", {}, "Sales").id;
    CHECK(erp.rfind("sys-", 0) == 0);
    CHECK(anna.rfind("per-", 0) == 0);
    CHECK(c.find(erp)->name == "ERP");
    CHECK(c.find(anna)->role == "Sales");
    CHECK(c.match(kSystem, "sap  erp")->id == erp);
    CHECK(c.match(kSystem, "ERP SYSTEM")->id == erp);
    CHECK(c.match(kSystem, "Anna Berg") == nullptr);
    CHECK(c.match(kPerson, "anna berg")->id == anna);
    CHECK(c.match(kSystem, "SAP") == nullptr);
    CHECK(c.find("sys-unknown") == nullptr);

    SECTION("a name or alias already taken is refused, naming the entry") {
        CHECK_THROWS_WITH(c.add(kSystem, "sap erp"),
                          Catch::Contains("\"sap erp\" already names the system \"ERP\""));
        CHECK_THROWS_AS(c.add(kSystem, "Mail", {"Erp System"}), CatalogueError);
        CHECK_THROWS_AS(c.add(kSystem, "  "), CatalogueError);
        CHECK_NOTHROW(c.add(kPerson, "ERP")); // another kind: no clash
    }
}

TEST_CASE("a project's system resolves by reference first, then by name", "[catalogue]") {
    Catalogue c;
    const std::string erp = c.add(kSystem, "ERP", {"SAP ERP"}).id;
    const std::string mail = c.add(kSystem, "Email").id;
    CHECK(c.resolve(kSystem, "", "sap erp")->id == erp);
    CHECK(c.resolve(kSystem, mail, "ERP")->id == mail);      // the explicit reference wins
    CHECK(c.resolve(kSystem, "sys-gone", "ERP")->id == erp); // unknown id: by name
    CHECK(c.resolve(kSystem, "sys-gone", "Fax") == nullptr);
    CHECK(c.resolve(kPerson, erp, "x") == nullptr); // a system's id for a person: none
}

TEST_CASE("merging keeps the entry, adds the duplicate's spellings and redirects its id",
          "[catalogue]") {
    Catalogue c;
    const std::string erp = c.add(kSystem, "ERP", {"erp system"}).id;
    const std::string sap = c.add(kSystem, "SAP ERP", {"SAP", "ERP System 2"}).id;
    const CatalogueEntry& kept = c.merge(erp, "sap erp"); // the duplicate by its name
    CHECK(kept.id == erp);
    CHECK(kept.name == "ERP");
    CHECK(kept.aliases == std::vector<std::string>{"erp system", "SAP ERP", "SAP", "ERP System 2"});
    CHECK(c.entries().size() == 1);
    CHECK(c.merged().at(sap) == erp);
    CHECK(c.find(sap)->id == erp); // a project still referring to B finds A
    CHECK(c.resolve(kSystem, sap, "whatever")->id == erp);
    CHECK(c.match(kSystem, "sap")->id == erp);

    SECTION("a chain A <- B <- C resolves C to A") {
        const std::string c3 = c.add(kSystem, "Navision").id;
        const std::string b2 = c.add(kSystem, "Dynamics").id;
        c.merge(b2, c3);  // C into B
        c.merge(erp, b2); // B into A
        CHECK(c.find(c3)->id == erp);
        CHECK(c.find(b2)->id == erp);
        CHECK(c.match(kSystem, "navision")->id == erp);
        // Merging by a merged id reaches the entry it resolves to.
        const std::string d = c.add(kSystem, "Excel").id;
        CHECK(c.merge(c3, d).id == erp);
    }
    SECTION("a merge back into a merged entry, a cycle, is refused") {
        CHECK_THROWS_WITH(c.merge(sap, erp), Catch::Contains("are one entry already"));
        CHECK_THROWS_AS(c.merge(erp, erp), CatalogueError);
        CHECK(c.entries().size() == 1);
    }
    SECTION("unknown entries and mixed kinds are refused, and nothing changes") {
        const Catalogue before = c;
        CHECK_THROWS_WITH(c.merge(erp, "sys-nothing"),
                          Catch::Contains("the catalogue has no entry \"sys-nothing\""));
        CHECK_THROWS_WITH(c.merge("Fax", erp), Catch::Contains("no entry \"Fax\""));
        const std::string anna = c.add(kPerson, "Anna").id;
        CHECK_THROWS_WITH(c.merge(erp, anna), Catch::Contains("cannot merge the person \"Anna\""));
        c = before;
        CHECK(c == before);
    }
}

TEST_CASE("merges read from a store are checked for cycles and reuse", "[catalogue]") {
    Catalogue c;
    c.insert({"sys-a", kSystem, "A", {}, {}});
    c.recordMerge("sys-b", "sys-a");
    c.recordMerge("sys-c", "sys-b");
    CHECK(c.find("sys-c")->id == "sys-a");
    CHECK_THROWS_WITH(c.recordMerge("sys-a", "sys-c"), Catch::Contains("is an entry"));
    CHECK_THROWS_WITH(c.recordMerge("sys-b", "sys-a"), Catch::Contains("merged twice"));
    CHECK_NOTHROW(c.recordMerge("sys-x", "sys-y")); // the target is checked once all is read
    CHECK_THROWS_WITH(c.recordMerge("sys-y", "sys-x"), Catch::Contains("form a cycle"));
    CHECK_THROWS_WITH(c.insert({"sys-b", kSystem, "B", {}, {}}), Catch::Contains("used twice"));
}

TEST_CASE("a name that is a system and a person both needs the id", "[catalogue]") {
    Catalogue c;
    const std::string sys = c.add(kSystem, "Front desk").id;
    const std::string per = c.add(kPerson, "front desk").id;
    CHECK_THROWS_WITH(c.lookupAny("FRONT DESK"), Catch::Contains("give the id"));
    CHECK(c.lookupAny(per).id == per);
    CHECK(c.lookup(kSystem, "front desk").id == sys);
}

} // namespace gemba::model
