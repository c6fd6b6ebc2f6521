#pragma once

#include "gemba/metrics/metrics.h"
#include "value_stream.h"

#include <catch2/catch.hpp>
#include <optional>
#include <string>

/// Builds a project with one map, element by element, for the metrics tests: worked examples
/// read like the drawings in docs/metrics.md.
namespace gemba::metrics::test {

using model::Id;

inline constexpr double kMinute = 60;
inline constexpr double kHour = 3600;

class MapBuilder {
public:
    model::Project project;
    Id mapId = model::kNoId;

    explicit MapBuilder(std::string name = "Current state") {
        model::Map map;
        map.id = mapId = project.allocateId();
        map.props.name = std::move(name);
        project.maps.push_back(std::move(map));
    }

    model::Map& map() { return *project.findMap(mapId); }

    Id supplier(std::string name = "Supplier") {
        return party(std::move(name), model::PartyKind::Supplier);
    }
    Id customer(std::string name = "Customer") {
        return party(std::move(name), model::PartyKind::Customer);
    }

    /// A step; times in seconds, empty optionals left unset.
    Id step(std::string name, std::optional<double> processTime,
            std::optional<double> leadTime = std::nullopt) {
        model::Step s;
        s.id = project.allocateId();
        s.name = std::move(name);
        s.processTime = processTime;
        s.leadTime = leadTime;
        s.pos = nextPosition();
        map().steps.emplace(s.id, s);
        return s.id;
    }
    model::Step& stepAt(Id id) { return map().steps.at(id); }

    Id wait(std::string label, std::optional<double> seconds) {
        model::Wait w;
        w.id = project.allocateId();
        w.label = std::move(label);
        w.kind = model::WaitKind::Time;
        w.time = seconds;
        w.pos = nextPosition();
        map().waits.emplace(w.id, w);
        return w.id;
    }

    Id inventory(std::string label, std::optional<double> quantity) {
        model::Wait w;
        w.id = project.allocateId();
        w.label = std::move(label);
        w.kind = model::WaitKind::Inventory;
        w.quantity = quantity;
        w.pos = nextPosition();
        map().waits.emplace(w.id, w);
        return w.id;
    }

    Id flow(Id from, Id to, std::optional<double> share = std::nullopt,
            std::optional<double> wait = std::nullopt,
            model::FlowKind kind = model::FlowKind::Push) {
        model::Flow f;
        f.id = project.allocateId();
        f.from = from;
        f.to = to;
        f.share = share;
        f.wait = wait;
        f.kind = kind;
        map().flows.emplace(f.id, f);
        return f.id;
    }
    model::Flow& flowAt(Id id) { return map().flows.at(id); }

    /// A chain of push flows through the given elements.
    void chain(std::initializer_list<Id> elements) {
        const Id* previous = nullptr;
        for (const Id& id : elements) {
            if (previous)
                flow(*previous, id);
            previous = &id;
        }
    }

    Id person(std::string name, std::optional<double> hourlyCost, std::string role = {}) {
        model::Person p;
        p.id = project.allocateId();
        p.name = std::move(name);
        p.hourlyCost = hourlyCost;
        p.role = std::move(role);
        project.people.emplace(p.id, p);
        return p.id;
    }

    Id system(std::string name) {
        model::System s;
        s.id = project.allocateId();
        s.name = std::move(name);
        project.systems.emplace(s.id, s);
        return s.id;
    }

    void demand(double quantity, model::DemandPeriod per = model::DemandPeriod::Day) {
        map().props.demand = model::Demand{quantity, per};
    }

    MapMetrics metrics() { return computeMetrics(project, map()); }

    /// The solved value stream, for checks against L(start).
    detail::ValueStream solve() {
        std::vector<Finding> findings;
        detail::Reporter report(project, map(), findings);
        return detail::analyse(report);
    }

private:
    Id party(std::string name, model::PartyKind kind) {
        model::Party p;
        p.id = project.allocateId();
        p.name = std::move(name);
        p.kind = kind;
        p.pos = nextPosition();
        map().parties.emplace(p.id, p);
        return p.id;
    }
    model::Point nextPosition() {
        m_x += 160;
        return {m_x, 0};
    }
    double m_x = 0;
};

/// The invariants every valid result must keep: the visit-weighted sums equal the expected
/// lead time from the start, L(start), and the timeline's rungs add up to the lead time.
inline void checkConsistent(const model::Project& project, const model::Map& map,
                            const MapMetrics& m) {
    REQUIRE(m.valid);
    std::vector<Finding> findings;
    detail::Reporter report(project, map, findings);
    const detail::ValueStream vs = detail::analyse(report);
    REQUIRE(vs.solved);
    double weighted = 0;
    for (int v = 0; v < vs.nodeCount(); ++v)
        weighted += vs.visits[v] * vs.lt[v];
    for (std::size_t e = 0; e < vs.edges.size(); ++e)
        weighted += vs.edgeVisits[e] * vs.edges[e].wait;
    double segments = 0;
    double process = 0;
    for (const Segment& s : m.timeline) {
        segments += s.leadSeconds();
        process += s.processSeconds;
    }
    const double expectedFromStart = vs.start == detail::kNoNode ? 0 : vs.expected[vs.start];
    CHECK(weighted == Approx(expectedFromStart).epsilon(1e-9));
    CHECK(m.leadTime == Approx(expectedFromStart).epsilon(1e-9));
    CHECK(segments == Approx(m.leadTime).epsilon(1e-12));
    CHECK(process == Approx(m.processTime).epsilon(1e-12));
}

inline void checkConsistent(MapBuilder& b, const MapMetrics& m) {
    checkConsistent(b.project, b.map(), m);
}

/// The codes of the findings, in order, for compact checks.
inline std::vector<std::string> codes(const std::vector<Finding>& findings) {
    std::vector<std::string> out;
    for (const Finding& f : findings)
        out.push_back(f.code);
    return out;
}

inline bool hasCode(const std::vector<Finding>& findings, const std::string& code) {
    for (const Finding& f : findings)
        if (f.code == code)
            return true;
    return false;
}

inline const Finding* findingFor(const std::vector<Finding>& findings, const std::string& code) {
    for (const Finding& f : findings)
        if (f.code == code)
            return &f;
    return nullptr;
}

} // namespace gemba::metrics::test
