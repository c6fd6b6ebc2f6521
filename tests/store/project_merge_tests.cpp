// Merging a project saved meanwhile by someone else with the changes made here: changes to
// different fields and elements both kept, elements added on both sides both kept (those added
// here numbered anew), and every conflict named; renumbering ids keeps every reference.
#include "gemba/model/operations.h"
#include "gemba/store/json_format.h"
#include "gemba/store/project_file.h"
#include "gemba/store/project_merge.h"
#include "sample_projects.h"

#include <catch2/catch.hpp>
#include <functional>
#include <map>
#include <set>

using namespace gemba;
using model::Id;

namespace {

model::Project office() {
    return store::openProject(std::filesystem::path(GEMBA_SOURCE_DIR) / "examples" /
                              "office-order-to-cash.gemba");
}

model::Map& current(model::Project& p) {
    return p.maps.front();
}

model::Step& stepNamed(model::Project& p, const std::string& name) {
    for (auto& [id, step] : current(p).steps)
        if (step.name == name)
            return step;
    FAIL("no step " << name);
    throw std::logic_error("unreachable");
}

const model::Step* findStep(const model::Project& p, const std::string& name) {
    for (const auto& [id, step] : p.maps.front().steps)
        if (step.name == name)
            return &step;
    return nullptr;
}

/// Removes a step and the flows and red-pen marks that touch it, as the editor does.
Id removeStep(model::Project& p, const std::string& name) {
    const Id id = stepNamed(p, name).id;
    const std::vector<Id> one{id};
    model::Changes changes;
    model::removeElements(p, current(p).id, one)->apply(p, changes);
    return id;
}

std::vector<std::string> places(const store::ProjectMerge& merge) {
    std::vector<std::string> out;
    for (const auto& c : merge.conflicts)
        out.push_back(c.place + " — " + c.what);
    return out;
}

} // namespace

TEST_CASE("merge: changes to different fields and elements are both kept", "[merge]") {
    const model::Project base = office();
    model::Project mine = base;
    model::Project theirs = base;
    stepNamed(mine, "Enter order in ERP").name = "Key order into ERP";
    stepNamed(theirs, "Enter order in ERP").processTime = 1234; // same step, other field
    stepNamed(theirs, "Close deal in CRM").description = "Signed in the CRM";
    current(theirs).props.demand = model::Demand{42, model::DemandPeriod::Week};
    mine.props.description = "Mapped again in December";

    const store::ProjectMerge merge = store::mergeProjects(base, mine, theirs);
    INFO(Catch::Detail::stringify(places(merge)));
    REQUIRE(merge.conflicts.empty());
    REQUIRE(merge.merged);
    const model::Project& merged = *merge.merged;
    REQUIRE(findStep(merged, "Key order into ERP"));
    CHECK(findStep(merged, "Key order into ERP")->processTime == 1234);
    CHECK(findStep(merged, "Close deal in CRM")->description == "Signed in the CRM");
    CHECK(merged.maps.front().props.demand->quantity == 42);
    CHECK(merged.props.description == "Mapped again in December");
    // Merging with no change of theirs gives mine; with no change of mine, theirs.
    CHECK(store::toJson(*store::mergeProjects(base, mine, base).merged) == store::toJson(mine));
    CHECK(store::toJson(*store::mergeProjects(base, base, theirs).merged) == store::toJson(theirs));
}

TEST_CASE("merge: steps added on both sides are both kept, those added here numbered anew",
          "[merge]") {
    const model::Project base = office();
    model::Project mine = base;
    model::Project theirs = base;
    const Id anchor = stepNamed(mine, "Enter order in ERP").id;
    // Each side adds a step with the same new id; here, a flow to it as well.
    model::Step ours;
    ours.id = mine.allocateId();
    ours.name = "Check credit";
    ours.pos = {100, 600};
    current(mine).steps[ours.id] = ours;
    model::Flow flow;
    flow.id = mine.allocateId();
    flow.from = anchor;
    flow.to = ours.id;
    current(mine).flows[flow.id] = flow;
    model::Step theirStep;
    theirStep.id = theirs.allocateId();
    theirStep.name = "Send welcome pack";
    theirStep.pos = {300, 600};
    current(theirs).steps[theirStep.id] = theirStep;
    REQUIRE(ours.id == theirStep.id);

    const store::ProjectMerge merge = store::mergeProjects(base, mine, theirs);
    INFO(Catch::Detail::stringify(places(merge)));
    REQUIRE(merge.merged);
    const model::Project& merged = *merge.merged;
    const model::Step* check = findStep(merged, "Check credit");
    const model::Step* welcome = findStep(merged, "Send welcome pack");
    REQUIRE(check);
    REQUIRE(welcome);
    CHECK(welcome->id == theirStep.id); // theirs keep their ids: they are saved already
    CHECK(check->id != welcome->id);
    // The flow added here follows its step to the new id.
    bool flowFound = false;
    for (const auto& [id, f] : merged.maps.front().flows)
        if (f.from == anchor && f.to == check->id)
            flowFound = true;
    CHECK(flowFound);
    CHECK(merged.nextId > std::max(check->id, welcome->id));

    // The same step added alike on both sides is one step.
    model::Project again = theirs;
    again.maps.front().steps[ours.id] = ours;
    again.maps.front().steps.erase(theirStep.id);
    const store::ProjectMerge alike = store::mergeProjects(base, mine, again);
    REQUIRE(alike.merged);
    CHECK(alike.merged->maps.front().steps.size() == mine.maps.front().steps.size());
    CHECK(alike.merged->maps.front().steps.at(ours.id).name == "Check credit");
}

TEST_CASE("merge: a field changed on both sides, or an element removed on one, is a conflict",
          "[merge]") {
    const model::Project base = office();
    SECTION("one field, two values") {
        model::Project mine = base;
        model::Project theirs = base;
        stepNamed(mine, "Enter order in ERP").name = "Key order into ERP";
        stepNamed(theirs, "Enter order in ERP").name = "Type order into ERP";
        const store::ProjectMerge merge = store::mergeProjects(base, mine, theirs);
        CHECK_FALSE(merge.merged);
        REQUIRE(merge.conflicts.size() == 1);
        CHECK(merge.conflicts[0].place ==
              "step 'Key order into ERP' in map '" + base.maps.front().props.name + "': name");
        CHECK(merge.conflicts[0].what == "changed here and by the other save");
    }
    SECTION("removed there, changed here") {
        model::Project mine = base;
        model::Project theirs = base;
        stepNamed(mine, "Close deal in CRM").processTime = 99;
        removeStep(theirs, "Close deal in CRM");
        const store::ProjectMerge merge = store::mergeProjects(base, mine, theirs);
        CHECK_FALSE(merge.merged);
        REQUIRE_FALSE(merge.conflicts.empty());
        CHECK(merge.conflicts[0].place.starts_with("step 'Close deal in CRM'"));
        CHECK(merge.conflicts[0].what == "changed here, removed by the other save");
    }
    SECTION("each side whole, the two together not") {
        model::Project mine = base;
        model::Project theirs = base;
        const Id gone = removeStep(theirs, "Close deal in CRM");
        model::Flow flow;
        flow.id = mine.allocateId();
        flow.from = gone;
        flow.to = stepNamed(mine, "Enter order in ERP").id;
        current(mine).flows[flow.id] = flow;
        const store::ProjectMerge merge = store::mergeProjects(base, mine, theirs);
        CHECK_FALSE(merge.merged);
        REQUIRE(merge.conflicts.size() == 1);
        CHECK(merge.conflicts[0].what.find(std::to_string(gone)) != std::string::npos);
    }
}

TEST_CASE("renumbering ids reaches every reference", "[merge]") {
    // A project that sets every field of every entity and of its workshop: each id moves to a
    // number no entity had, so a reference left behind would name nothing and fail the project's
    // checks.
    const model::Project full = store::test::fullProjectWithWorkshop();
    const nlohmann::json document = store::toJson(full);
    std::set<Id> used;
    std::function<void(const nlohmann::json&)> collect = [&](const nlohmann::json& value) {
        if (value.is_object()) {
            if (value.contains("id") && value["id"].is_number_integer())
                used.insert(value["id"].get<Id>());
            for (const auto& [key, child] : value.items())
                collect(child);
        } else if (value.is_array()) {
            for (const auto& child : value)
                collect(child);
        }
    };
    collect(document);
    REQUIRE(used.size() > 20);
    std::map<Id, Id> forward, back;
    Id candidate = 1;
    for (Id id : used) {
        while (used.contains(candidate))
            ++candidate;
        forward[id] = candidate;
        back[candidate] = id;
        ++candidate;
    }
    const model::Project moved = store::renumberIds(full, forward);
    CHECK(store::toJson(store::renumberIds(moved, back)) == document);
    // Side by side, every number the project holds that was an id has changed: one left as it
    // was is a reference renumbering did not reach.
    // Fields of counts and scores whose values happen to equal an id of the project.
    const std::set<std::string> kNumbersNotIds{"version", "fifo_max", "effort",
                                               "impact",  "votes",    "day_offset"};
    nlohmann::json after = store::toJson(moved);
    after.erase("next_id");
    std::vector<std::string> unchanged;
    std::function<void(const nlohmann::json&, const nlohmann::json&, const std::string&)> compare =
        [&](const nlohmann::json& was, const nlohmann::json& is, const std::string& path) {
            const std::string key = path.substr(path.rfind('/') + 1);
            if (was.is_number_integer() && used.contains(was.get<Id>()) && is == was &&
                !kNumbersNotIds.contains(key))

                unchanged.push_back(path + " = " + was.dump());
            else if (was.is_object())
                for (const auto& [key, child] : was.items())
                    compare(child, is.at(key), path + "/" + key);
            else if (was.is_array())
                for (std::size_t i = 0; i < was.size(); ++i)
                    compare(was[i], is.at(i), path + "/" + std::to_string(i));
        };
    nlohmann::json before = document;
    before.erase("next_id");
    compare(before, after, "");
    CHECK(unchanged == std::vector<std::string>{});
}
