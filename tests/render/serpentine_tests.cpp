// The serpentine layout: a long stream wraps onto rows, left to right, and nothing overlaps.
#include "gemba/render/geometry.h"
#include "gemba/render/serpentine.h"

#include <catch2/catch.hpp>
#include <map>

using namespace gemba;

namespace {

/// Supplier -> 60 steps -> Customer, with a parallel step beside step 10, a note and a box.
model::Map longChain(int steps) {
    model::Map map;
    model::Id next = 1;
    map.id = next++;
    std::vector<model::Id> chain;
    model::Party supplier;
    supplier.id = next++;
    supplier.kind = model::PartyKind::Supplier;
    map.parties.emplace(supplier.id, supplier);
    chain.push_back(supplier.id);
    for (int i = 0; i < steps; ++i) {
        model::Step s;
        s.id = next++;
        s.name = "Step " + std::to_string(i + 1);
        map.steps.emplace(s.id, s);
        chain.push_back(s.id);
    }
    model::Party customer;
    customer.id = next++;
    customer.kind = model::PartyKind::Customer;
    map.parties.emplace(customer.id, customer);
    chain.push_back(customer.id);
    auto join = [&](model::Id a, model::Id b) {
        model::Flow f;
        f.id = next++;
        f.from = a;
        f.to = b;
        map.flows.emplace(f.id, f);
    };
    for (std::size_t i = 0; i + 1 < chain.size(); ++i)
        join(chain[i], chain[i + 1]);
    model::Step beside;
    beside.id = next++;
    beside.name = "Beside";
    map.steps.emplace(beside.id, beside);
    join(chain[9], beside.id);
    join(beside.id, chain[11]);
    model::Note note;
    note.id = next++;
    note.text = "Parking lot";
    map.notes.emplace(note.id, note);
    model::InfoBox box;
    box.id = next++;
    box.name = "ERP";
    map.infoBoxes.emplace(box.id, box);
    return map;
}

void place(model::Map& map, const std::vector<std::pair<model::Id, model::Point>>& positions) {
    for (const auto& [id, p] : positions) {
        if (auto it = map.steps.find(id); it != map.steps.end())
            it->second.pos = p;
        if (auto it = map.parties.find(id); it != map.parties.end())
            it->second.pos = p;
        if (auto it = map.notes.find(id); it != map.notes.end())
            it->second.pos = p;
        if (auto it = map.infoBoxes.find(id); it != map.infoBoxes.end())
            it->second.pos = p;
    }
}

} // namespace

TEST_CASE("a 60-step stream wraps onto rows, left to right, without overlaps", "[serpentine]") {
    model::Map map = longChain(60);
    const auto positions = render::serpentineLayout(map, 10);
    CHECK(positions.size() == map.placedElements().size());
    place(map, positions);
    // Step k (1-based) is column k of the flow (the supplier is column 0).
    for (int k : {1, 9, 10, 11, 25, 60}) {
        const model::Step& s = std::find_if(map.steps.begin(), map.steps.end(), [&](auto& e) {
                                   return e.second.name == "Step " + std::to_string(k);
                               })->second;
        INFO(k);
        CHECK(s.pos.x == Approx((k % 10) * render::kLayoutColumnWidth));
        CHECK(s.pos.y >= (k / 10) * render::kLayoutRowHeight * 2 - 1);
    }
    // No two bodies overlap, and the wrapped map is far less wide than tall-by-wide unwrapped.
    std::vector<QRectF> bodies;
    for (model::Id id : map.placedElements())
        bodies.push_back(render::bodyRect(map, id));
    for (std::size_t i = 0; i < bodies.size(); ++i)
        for (std::size_t j = i + 1; j < bodies.size(); ++j) {
            INFO(i << " " << j);
            CHECK_FALSE(bodies[i].intersects(bodies[j]));
        }
    const QRectF bounds = render::mapBounds(map);
    CHECK(bounds.width() < 11 * render::kLayoutColumnWidth);
    // Notes below the last band, the box above the first.
    CHECK(map.notes.begin()->second.pos.y > map.steps.begin()->second.pos.y);
    CHECK(map.infoBoxes.begin()->second.pos.y < 0);
}

TEST_CASE("a short stream is not wrapped; the columns follow the screen's shape", "[serpentine]") {
    model::Map shortMap = longChain(5);
    CHECK(render::serpentineLayout(shortMap, 10) == render::autoLayout(shortMap));
    const model::Map map = longChain(60);
    const int wide = render::serpentineColumnsFor(map, 16.0 / 9.0);
    const int tall = render::serpentineColumnsFor(map, 210.0 / 297.0);
    CHECK(wide > tall);
    CHECK(wide >= 8);
    CHECK(wide <= 20);
    // Unwrapped, one row holds every column: the supplier, the 60 steps and the customer.
    CHECK(render::serpentineColumnCount(map) == 62);
    CHECK(render::serpentineColumnCount(shortMap) == 7);
}
