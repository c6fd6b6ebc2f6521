// The portfolio over generated streams whose shared systems, roles, wastes and touch points are
// known: docs/metrics.md, "Portfolio", works the same example by hand.
#include "gemba/metrics/catalogue_use.h"
#include "gemba/metrics/portfolio.h"
#include "map_builder.h"

#include <catch2/catch.hpp>

namespace gemba::metrics::test {

namespace {

model::WasteKind overProcessing = model::WasteKind::OverProcessing;

/// Sales: Quote (1 h, ERP, friction 2 h a week at 60/h), Order entry (30 min, ERP and the
/// spreadsheet, over-processing, a red pen of 12,000 a year); its customer is Implementation.
MapBuilder sales() {
    MapBuilder b;
    b.project.props.name = "Sales";
    const Id erp = b.system("ERP");
    const Id sheet = b.system("Spreadsheet");
    const Id anna = b.person("Anna", 60, "Sales");
    const Id in = b.supplier("Customer");
    const Id quote = b.step("Quote", 1 * kHour);
    const Id entry = b.step("Order entry", 30 * kMinute);
    const Id out = b.customer("Implementation");
    b.chain({in, quote, entry, out});
    b.stepAt(quote).systems = {erp};
    b.stepAt(quote).people = {anna};
    b.stepAt(quote).role = "Sales";
    b.stepAt(quote).frictions = {{"ERP log-in times out", 30, 4}};
    b.stepAt(entry).systems = {erp, sheet};
    b.stepAt(entry).role = "sales ";
    b.stepAt(entry).wastes = static_cast<unsigned>(overProcessing);
    model::RedPen pen;
    pen.id = b.project.allocateId();
    pen.targets = {entry};
    pen.cost = 12000;
    b.map().redPens.emplace(pen.id, pen);
    model::Idea idea;
    idea.id = b.project.allocateId();
    idea.text = "Replace the spreadsheet";
    idea.status = model::IdeaStatus::Selected;
    idea.concerns = {entry};
    b.project.workshop.ideas.emplace(idea.id, idea);
    model::Idea proposed;
    proposed.id = b.project.allocateId();
    proposed.text = "Quote templates";
    b.project.workshop.ideas.emplace(proposed.id, proposed);
    // A future state without the order entry.
    model::Map future;
    future.id = b.project.allocateId();
    future.props.name = "Future state";
    future.props.state = model::MapState::Future;
    future.props.madeFrom = b.mapId;
    for (Id id : {in, quote, out}) {
        model::visitElement(b.map(), id, [&](const auto& element) {
            using T = std::decay_t<decltype(element)>;
            if constexpr (std::is_same_v<T, model::Step>)
                future.steps.emplace(id, element);
            else if constexpr (std::is_same_v<T, model::Party>)
                future.parties.emplace(id, element);
        });
    }
    for (auto [from, to] : {std::pair{in, quote}, std::pair{quote, out}}) {
        model::Flow f;
        f.id = b.project.allocateId();
        f.from = from;
        f.to = to;
        future.flows.emplace(f.id, f);
    }
    b.project.maps.push_back(future);
    return b;
}

/// Implementation: waits 1 h on the flow and 8 h in a queue for Sales, then Setup (2 h, the
/// spreadsheet, over-processing, a red pen of 8,000 a year) by a consultant.
MapBuilder implementation() {
    MapBuilder b;
    b.project.props.name = "Implementation";
    const Id sheet = b.system("spreadsheet");
    const Id in = b.supplier("Sales");
    const Id queue = b.wait("Backlog", 8 * kHour);
    const Id setup = b.step("Setup", 2 * kHour);
    const Id out = b.customer("Customer");
    b.flow(in, queue, std::nullopt, 1 * kHour);
    b.chain({queue, setup, out});
    b.stepAt(setup).systems = {sheet};
    b.stepAt(setup).role = "Consultant";
    b.stepAt(setup).wastes = static_cast<unsigned>(overProcessing);
    model::RedPen pen;
    pen.id = b.project.allocateId();
    pen.targets = {setup};
    pen.cost = 8000;
    b.map().redPens.emplace(pen.id, pen);
    model::Idea idea;
    idea.id = b.project.allocateId();
    idea.text = "  replace the spreadsheet";
    idea.status = model::IdeaStatus::Selected;
    idea.concerns = {pen.id};
    b.project.workshop.ideas.emplace(idea.id, idea);
    model::Action action;
    action.id = b.project.allocateId();
    action.title = "Move set-up into the ERP";
    action.status = model::ActionStatus::InProgress;
    b.project.workshop.actions.emplace(action.id, action);
    model::Action done = action;
    done.id = b.project.allocateId();
    done.status = model::ActionStatus::Done;
    b.project.workshop.actions.emplace(done.id, done);
    return b;
}

/// Support: one Ticket step (1 h) in the "erp", done by sales.
MapBuilder support() {
    MapBuilder b;
    b.project.props.name = "Support";
    const Id erp = b.system("erp");
    const Id ticket = b.step("Ticket", 1 * kHour);
    b.chain({b.supplier("Customer"), ticket, b.customer("Customer")});
    b.stepAt(ticket).systems = {erp};
    b.stepAt(ticket).role = "SALES";
    return b;
}

Portfolio example() {
    return buildPortfolio({{"sales.gemba", sales().project},
                           {"implementation.gemba", implementation().project},
                           {"support.gemba", support().project}});
}

const SharedItem& named(const std::vector<SharedItem>& items, const std::string& name) {
    for (const SharedItem& item : items)
        if (item.name == name)
            return item;
    FAIL("no item " << name);
    throw std::logic_error("unreachable");
}

} // namespace

TEST_CASE("portfolio: each stream's key figures, current against future", "[portfolio]") {
    const Portfolio p = example();
    REQUIRE(p.streams.size() == 3);
    const StreamSummary& s = p.streams[0];
    CHECK(s.name == "Sales");
    REQUIRE(s.current);
    REQUIRE(s.current->valid);
    CHECK(s.current->leadTime == Approx(1.5 * kHour));
    CHECK(s.current->redPenCostPerYear == Approx(12000));
    // 30 min x 4 a week = 2 h a week at Anna's 60/h: 120 a week, 6,240 a year.
    CHECK(s.current->frictionCostPerYear == Approx(6240));
    REQUIRE(s.future);
    CHECK(s.future->map == "Future state");
    CHECK(s.future->leadTime == Approx(1 * kHour));
    CHECK_FALSE(s.measured);
    CHECK(p.streams[1].current->leadTime == Approx(11 * kHour));
    CHECK(p.streams[1].openActions == 1);
    CHECK(p.streams[0].funnel[static_cast<std::size_t>(model::IdeaStatus::Proposed)] == 1);
    CHECK(p.funnel[static_cast<std::size_t>(model::IdeaStatus::Selected)] == 2);
    REQUIRE(p.actions.size() == 2);
    CHECK(p.actions[0].stream == 1);
    CHECK(p.currency == "EUR");
}

TEST_CASE("portfolio: systems shared across streams, matched without case", "[portfolio]") {
    const Portfolio p = example();
    REQUIRE(p.systems.size() == 2);
    // Both in two streams; the spreadsheet's red pens (20,000) outweigh the ERP's 18,240.
    const SharedItem& sheet = p.systems[0];
    CHECK(sheet.name == "Spreadsheet");
    CHECK(sheet.streams() == 2);
    CHECK(sheet.redPens == 2);
    CHECK(sheet.redPenCostPerYear == Approx(20000));
    CHECK(sheet.ideas == 2);
    const SharedItem& erp = p.systems[1];
    CHECK(erp.name == "ERP");
    CHECK(erp.streams() == 2);
    CHECK(erp.steps == 3);
    CHECK(erp.redPenCostPerYear == Approx(12000));
    // The friction of the ERP's steps is the Sales map's own friction cost.
    CHECK(erp.frictionCostPerYear == Approx(p.streams[0].current->frictionCostPerYear));
    CHECK(erp.ideas == 1);
    // 1 h + 30 min + 1 h of the organisation's 4 h 30 min.
    CHECK(p.handsOnSeconds == Approx(4.5 * kHour));
    CHECK(erp.shareOfWork == Approx(2.5 / 4.5));
    REQUIRE(erp.uses.size() == 2);
    CHECK(erp.uses[0].steps == std::vector<std::string>{"Quote", "Order entry"});
    CHECK(erp.uses[1].stream == 2);
}

TEST_CASE("portfolio: roles, people and wastes across streams", "[portfolio]") {
    const Portfolio p = example();
    const SharedItem& salesRole = named(p.roles, "Sales");
    CHECK(salesRole.streams() == 2);
    CHECK(salesRole.steps == 3);
    CHECK(p.roles[0].name == "Sales");
    CHECK(named(p.roles, "Consultant").streams() == 1);
    CHECK(named(p.people, "Anna").handsOnSeconds == Approx(1 * kHour));
    REQUIRE(p.wastes.size() == 1);
    CHECK(p.wastes[0].name == "over_processing");
    CHECK(p.wastes[0].streams() == 2);
    CHECK(p.wastes[0].redPenCostPerYear == Approx(20000));
}

TEST_CASE("portfolio: touch points between streams and shared selected ideas", "[portfolio]") {
    const Portfolio p = example();
    REQUIRE(p.dependencies.size() == 1);
    const Dependency& d = p.dependencies[0];
    CHECK(d.supplier == 0);
    CHECK(d.customer == 1);
    // Found from both ends; the wait is Implementation's: 1 h on the flow, 8 h in the queue.
    CHECK(d.waitSeconds == Approx(9 * kHour));
    REQUIRE(p.sharedIdeas.size() == 1);
    CHECK(p.sharedIdeas[0].text == "Replace the spreadsheet");
    CHECK(p.sharedIdeas[0].streams == std::vector<std::size_t>{0, 1});
}

TEST_CASE("portfolio: the latest review's measured map, and no current state", "[portfolio]") {
    MapBuilder b = support();
    model::Map measured = b.map();
    measured.id = b.project.allocateId();
    measured.props.name = "Measured in May";
    measured.steps.begin()->second.processTime = 2 * kHour;
    b.project.maps.push_back(measured);
    model::Review review;
    review.id = b.project.allocateId();
    review.date = "2026-05-01";
    review.measuredMap = measured.id;
    b.project.workshop.reviews.emplace(review.id, review);
    model::Project empty;
    empty.props.name = "";
    const Portfolio p = buildPortfolio({{"support.gemba", b.project}, {"empty.gemba", empty}});
    REQUIRE(p.streams[0].current);
    CHECK(p.streams[0].current->map == "Current state");
    REQUIRE(p.streams[0].measured);
    CHECK(p.streams[0].measured->map == "Measured in May");
    CHECK(p.streams[0].measured->leadTime == Approx(2 * kHour));
    CHECK(p.streams[1].name == "empty.gemba");
    CHECK_FALSE(p.streams[1].current);

    // Money of streams in different currencies is not one sum.
    model::Project dollars = b.project;
    dollars.props.currency = "USD";
    const Portfolio mixed = buildPortfolio({{"a.gemba", b.project}, {"b.gemba", dollars}});
    CHECK(mixed.currency.empty());
    CHECK(mixed.currencies == std::vector<std::string>{"EUR", "USD"});
}

} // namespace gemba::metrics::test

namespace gemba::metrics::test {

namespace {

/// Three streams that write the ERP three ways: "ERP" (sales), "SAP ERP" (support) and a
/// system "Nav" that refers to a catalogue id explicitly (implementation).
std::vector<PortfolioSource> threeSpellings(const std::string& navReference) {
    MapBuilder s = sales();
    MapBuilder sup = support();
    for (auto& [id, system] : sup.project.systems)
        system.name = "SAP ERP";
    MapBuilder impl = implementation();
    const Id nav = impl.system("Nav");
    impl.project.systems.at(nav).catalogue = navReference;
    for (auto& [id, step] : impl.map().steps)
        step.systems.push_back(nav);
    return {{"sales.gemba", s.project},
            {"implementation.gemba", impl.project},
            {"support.gemba", sup.project}};
}

const SharedItem* find(const std::vector<SharedItem>& items, const std::string& name) {
    for (const SharedItem& item : items)
        if (item.name == name)
            return &item;
    return nullptr;
}

} // namespace

TEST_CASE("portfolio: two spellings of one system become one shared system after a merge",
          "[portfolio][catalogue]") {
    model::Catalogue catalogue;
    const std::string erp = catalogue.add(model::CatalogueKind::System, "ERP").id;
    const std::string sap = catalogue.add(model::CatalogueKind::System, "SAP ERP").id;
    const std::string nav = catalogue.add(model::CatalogueKind::System, "Navision").id;
    const auto sources = threeSpellings(nav);

    // Without a catalogue, each spelling is its own system.
    const Portfolio byName = buildPortfolio(sources);
    REQUIRE(find(byName.systems, "ERP"));
    CHECK(find(byName.systems, "ERP")->streams() == 1);
    CHECK(find(byName.systems, "SAP ERP")->streams() == 1);
    CHECK(find(byName.systems, "Nav")->streams() == 1);

    // With the catalogue before the merge: the explicit reference is shown under its entry.
    const Portfolio before = buildPortfolio(sources, &catalogue);
    CHECK(find(before.systems, "ERP")->streams() == 1);
    REQUIRE(find(before.systems, "Navision"));
    CHECK(find(before.systems, "Navision")->catalogueId == nav);
    CHECK(find(before.systems, "Navision")->spellings == std::vector<std::string>{"Nav"});

    catalogue.merge(erp, sap);
    catalogue.merge(erp, nav);
    const Portfolio after = buildPortfolio(sources, &catalogue);
    CHECK_FALSE(find(after.systems, "SAP ERP"));
    CHECK_FALSE(find(after.systems, "Navision"));
    REQUIRE(find(after.systems, "ERP"));
    const SharedItem& one = *find(after.systems, "ERP");
    CHECK(one.catalogueId == erp);
    CHECK(one.streams() == 3);
    CHECK(one.spellings == std::vector<std::string>{"ERP", "Nav", "SAP ERP"});
    // Quote and Order entry (sales), Setup (implementation), Ticket (support): 1 h + 30 min +
    // 2 h + 1 h of hands-on time, and the red pens of sales (12,000) and implementation (8,000).
    CHECK(one.steps == 4);
    CHECK(one.handsOnSeconds == Approx(4.5 * kHour));
    CHECK(one.redPenCostPerYear == Approx(20000));
    CHECK(after.systems.front().name == "ERP"); // the most streams first
    // The spreadsheet, in no catalogue entry, is still grouped by name.
    REQUIRE(find(after.systems, "Spreadsheet"));
    CHECK(find(after.systems, "Spreadsheet")->catalogueId.empty());
    CHECK(find(after.systems, "Spreadsheet")->streams() == 2);
}

TEST_CASE("catalogue use: the streams of each entry, unmatched names, duplicates suggested",
          "[portfolio][catalogue]") {
    model::Catalogue catalogue;
    const std::string erp = catalogue.add(model::CatalogueKind::System, "ERP", {"SAP ERP"}).id;
    const std::string sheet = catalogue.add(model::CatalogueKind::System, "Spread-sheet").id;
    catalogue.add(model::CatalogueKind::Person, "Anna", {}, "Sales");
    const auto sources = threeSpellings("");
    const CatalogueUsage usage = catalogueUsage(catalogue, sources);
    REQUIRE(usage.items.size() >= 4);
    // Entries first (systems, then people, by name), then what no entry resolves.
    CHECK(usage.items[0].name == "ERP");
    CHECK(usage.items[0].streams == std::vector<std::size_t>{0, 2});
    CHECK(usage.items[0].spellings == std::vector<std::string>{"ERP", "SAP ERP"});
    CHECK(usage.items[1].entryId == sheet);
    CHECK(usage.items[1].streams.empty()); // "Spreadsheet" is not "Spread-sheet"
    CHECK(usage.items[2].name == "Anna");
    CHECK(usage.items[2].streams == std::vector<std::size_t>{0});
    std::vector<std::string> unmatched;
    for (std::size_t i = 3; i < usage.items.size(); ++i)
        unmatched.push_back(usage.items[i].name);
    CHECK(unmatched == std::vector<std::string>{"Nav", "Spreadsheet"});

    const auto suggestions = suggestDuplicates(usage);
    REQUIRE(suggestions.size() == 1);
    CHECK(suggestions[0].fold == "spreadsheet");
    REQUIRE(suggestions[0].items.size() == 2);
    CHECK(suggestions[0].items[0].entryId == sheet);
    CHECK(suggestions[0].items[1].name == "Spreadsheet");
    CHECK(suggestions[0].items[1].streams == std::vector<std::size_t>{0, 1});
    (void)erp;
}

} // namespace gemba::metrics::test
