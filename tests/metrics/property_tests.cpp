// Random value streams (parallel and alternative splits, rework loops, waits) against an
// independent reference: plain Jacobi value iteration straight on the model, with none of
// the engine's components, orders or budgets.
#include "map_builder.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

using namespace gemba::metrics;
using namespace gemba::metrics::test;
using gemba::model::Id;

namespace {

struct RandomStream {
    MapBuilder b;
    std::vector<Id> nodes; ///< supplier first, customer last, in topological order
};

/// A random stream of `size` inner nodes. Every node is reached from the supplier and reaches
/// the customer; loops go back only from OR splits, whose forward flows keep a share, so
/// every loop exits.
RandomStream makeStream(std::mt19937_64& rng, int size, bool withParallel, bool withLoops) {
    RandomStream s;
    std::uniform_real_distribution<double> unit(0, 1);
    const auto chance = [&](double p) { return unit(rng) < p; };
    const auto pick = [&](int lo, int hi) { // inclusive
        return std::uniform_int_distribution<int>(lo, hi)(rng);
    };

    s.nodes.push_back(s.b.supplier());
    for (int i = 1; i <= size; ++i) {
        if (chance(0.2)) {
            s.nodes.push_back(s.b.wait("W" + std::to_string(i),
                                       chance(0.5) ? std::optional<double>(pick(0, 600) * 60.0)
                                                   : std::optional<double>(0.0)));
            continue;
        }
        const double pt = pick(1, 240) * 60.0;
        const std::optional<double> lt =
            chance(0.5) ? std::optional<double>(pt + pick(0, 960) * 60.0) : std::nullopt;
        s.nodes.push_back(s.b.step("S" + std::to_string(i), pt, lt));
    }
    s.nodes.push_back(s.b.customer());
    const int last = size + 1;

    // Forward edges: one into every node from an earlier one, one out of every node to a
    // later one, and a few more.
    std::vector<std::vector<int>> forward(last + 1);
    const auto addForward = [&](int from, int to) {
        if (std::find(forward[from].begin(), forward[from].end(), to) == forward[from].end())
            forward[from].push_back(to);
    };
    for (int i = 1; i <= last; ++i)
        addForward(pick(0, i - 1), i);
    for (int i = 0; i < last; ++i)
        if (forward[i].empty())
            addForward(i, pick(i + 1, last));
    for (int extra = 0; extra < size / 2; ++extra) {
        const int from = pick(0, last - 1);
        addForward(from, pick(from + 1, last));
    }

    for (int i = 0; i < last; ++i) {
        const bool alternative = !withParallel || (i > 0 && chance(0.5));
        std::vector<std::pair<int, double>> out; // target, weight
        for (int to : forward[i])
            out.emplace_back(to, 0.2 + unit(rng));
        if (alternative && withLoops && i > 0 && chance(0.4))
            out.emplace_back(pick(1, i), 0.05 + 0.5 * unit(rng)); // back, or to itself
        double total = 0;
        for (const auto& [to, weight] : out)
            total += weight;
        for (const auto& [to, weight] : out) {
            const std::optional<double> wait =
                chance(0.3) ? std::optional<double>(pick(1, 120) * 60.0) : std::nullopt;
            s.b.flow(s.nodes[i], s.nodes[to],
                     alternative ? std::optional<double>(weight / total) : std::nullopt, wait);
        }
    }
    return s;
}

/// The time a node adds and its process time, read straight from the model.
std::pair<double, double> times(const gemba::model::Map& map, Id id) {
    if (auto it = map.steps.find(id); it != map.steps.end()) {
        const double pt = it->second.processTime.value_or(0);
        return {it->second.leadTime.value_or(pt), pt};
    }
    if (auto it = map.waits.find(id); it != map.waits.end())
        return {it->second.time.value_or(0), 0};
    return {0, 0};
}

struct Reference {
    double leadTime = 0;
    double processTime = 0;
};

/// Jacobi value iteration over all nodes at once until nothing moves; then the process time
/// along the same choices.
Reference reference(const gemba::model::Map& map, Id start) {
    std::map<Id, std::vector<const gemba::model::Flow*>> out;
    for (const auto& [id, flow] : map.flows)
        out[flow.from].push_back(&flow);
    std::map<Id, double> lead;
    std::map<Id, double> process;
    for (const Id id : map.placedElements()) {
        lead[id] = 0;
        process[id] = 0;
    }
    for (int round = 0; round < 2'000'000; ++round) {
        std::map<Id, double> nextLead;
        std::map<Id, double> nextProcess;
        double change = 0;
        for (const auto& [id, value] : lead) {
            const auto [lt, pt] = times(map, id);
            double l = lt;
            double p = pt;
            const auto& flows = out[id];
            if (!flows.empty() && flows.front()->share) {
                for (const auto* f : flows) {
                    l += *f->share * (f->wait.value_or(0) + lead[f->to]);
                    p += *f->share * process[f->to];
                }
            } else if (!flows.empty()) {
                const gemba::model::Flow* best = nullptr;
                for (const auto* f : flows) // flows are in id order: ties keep the lowest
                    if (!best ||
                        f->wait.value_or(0) + lead[f->to] > best->wait.value_or(0) + lead[best->to])
                        best = f;
                l += best->wait.value_or(0) + lead[best->to];
                p += process[best->to];
            }
            change = std::max(change, std::abs(l - value) / std::max(1.0, std::abs(l)));
            change = std::max(change, std::abs(p - process[id]) / std::max(1.0, std::abs(p)));
            nextLead[id] = l;
            nextProcess[id] = p;
        }
        lead.swap(nextLead);
        process.swap(nextProcess);
        if (change < 1e-15)
            break;
    }
    return {lead[start], process[start]};
}

void checkAgainstReference(RandomStream& s, bool withParallel) {
    const MapMetrics m = s.b.metrics();
    INFO("steps " << s.b.map().steps.size() << ", flows " << s.b.map().flows.size());
    for (const Finding& f : m.findings)
        INFO(f.code << ": " << f.message);
    REQUIRE(m.valid);
    checkConsistent(s.b, m);

    const Reference ref = reference(s.b.map(), s.nodes.front());
    CHECK(m.leadTime == Approx(ref.leadTime).epsilon(1e-9));
    CHECK(m.processTime == Approx(ref.processTime).epsilon(1e-9));
    CHECK(m.waitTime >= -1e-9 * m.leadTime);
    CHECK(m.activityRatio <= 1 + 1e-12);
    CHECK(m.rolledPca == 1); // no %C&A given
    for (const auto& [id, figures] : m.steps)
        CHECK(figures.visits >= 0);
    // Every node reaches the customer and is reached, so nothing is left out.
    CHECK_FALSE(hasCode(m.findings, "not_connected"));
    if (!withParallel) {
        // Without parallel work every step is worked exactly as often as the path visits it.
        CHECK(m.totalLabour == Approx(m.processTime).epsilon(1e-9));
    } else {
        CHECK(m.totalLabour >= m.processTime * (1 - 1e-9));
    }
    // The same map gives the same answer.
    const MapMetrics again = s.b.metrics();
    CHECK(again.leadTime == m.leadTime);
    CHECK(again.stepOrder == m.stepOrder);
}

} // namespace

TEST_CASE("random streams with shares and rework loops match the reference",
          "[metrics][property]") {
    std::mt19937_64 rng(20240611);
    for (int round = 0; round < 150; ++round) {
        const int size = std::uniform_int_distribution<int>(1, 30)(rng);
        RandomStream s = makeStream(rng, size, false, true);
        INFO("round " << round);
        checkAgainstReference(s, false);
    }
}

TEST_CASE("random streams with parallel work match the reference", "[metrics][property]") {
    std::mt19937_64 rng(77);
    for (int round = 0; round < 150; ++round) {
        const int size = std::uniform_int_distribution<int>(1, 30)(rng);
        RandomStream s = makeStream(rng, size, true, false);
        INFO("round " << round);
        checkAgainstReference(s, true);
    }
}

TEST_CASE("random streams with parallel work inside rework loops match the reference",
          "[metrics][property]") {
    std::mt19937_64 rng(4711);
    for (int round = 0; round < 150; ++round) {
        const int size = std::uniform_int_distribution<int>(1, 30)(rng);
        RandomStream s = makeStream(rng, size, true, true);
        INFO("round " << round);
        const MapMetrics m = s.b.metrics();
        REQUIRE(m.valid);
        checkConsistent(s.b, m);
        const Reference ref = reference(s.b.map(), s.nodes.front());
        CHECK(m.leadTime == Approx(ref.leadTime).epsilon(1e-9));
        CHECK(m.processTime == Approx(ref.processTime).epsilon(1e-9));
    }
}

TEST_CASE("joins of parallel splits: the forward sweep agrees with the post-dominator tree",
          "[metrics][property]") {
    std::mt19937_64 rng(8080);
    int joined = 0;
    for (int round = 0; round < 300; ++round) {
        INFO("round " << round);
        const int size = std::uniform_int_distribution<int>(1, 40)(rng);
        RandomStream s = makeStream(rng, size, true, round % 2 == 1);
        // Several suppliers now and then: the parallel starts have a join too.
        if (round % 3 == 0) {
            const Id second = s.b.supplier("Second");
            s.b.flow(second, s.nodes[static_cast<std::size_t>(size) / 2 + 1]);
        }
        const detail::ValueStream vs = s.b.solve();
        REQUIRE(vs.solved);
        const std::vector<int> swept = detail::joinPoints(vs, false);
        const std::vector<int> tree = detail::joinPoints(vs, true);
        CHECK(swept == tree);
        for (int join : tree)
            joined += join != detail::kNoNode ? 1 : 0;
    }
    CHECK(joined > 200); // the streams must have joins, or this compares nothing
}

TEST_CASE("random damaged maps never crash, and valid results stay consistent",
          "[metrics][property]") {
    std::mt19937_64 rng(1234);
    std::uniform_real_distribution<double> unit(0, 1);
    const auto chance = [&](double p) { return unit(rng) < p; };
    const double nan = std::numeric_limits<double>::quiet_NaN();
    bool mild = false; // every other round: forward flows and sane numbers, mostly valid
    const auto number = [&]() -> std::optional<double> {
        const double r = mild ? 0.3 + 0.7 * unit(rng) : unit(rng);
        if (r < 0.15)
            return std::nullopt;
        if (r < 0.2)
            return nan;
        if (r < 0.25)
            return -60.0;
        if (r < 0.27)
            return 1e300;
        return std::floor(unit(rng) * 500) * 60;
    };
    int valid = 0;
    for (int round = 0; round < 400; ++round) {
        INFO("round " << round);
        mild = round % 2 == 0;
        MapBuilder b;
        if (mild || chance(0.5))
            b.demand(mild || chance(0.8) ? 1 + std::floor(unit(rng) * 50) : -3);
        if (!mild && chance(0.1))
            b.map().props.availableTimePerDay = number();
        std::vector<Id> ids;
        const int size = 1 + static_cast<int>(unit(rng) * 25);
        for (int i = 0; i < size; ++i) {
            const double r = unit(rng);
            if (r < 0.1) {
                ids.push_back(b.supplier());
            } else if (r < 0.2) {
                ids.push_back(b.customer());
            } else if (r < 0.3) {
                ids.push_back(b.wait("W", number()));
            } else if (r < 0.35) {
                ids.push_back(b.inventory("I", number()));
            } else {
                const std::optional<double> pt = number();
                const Id s = b.step("S" + std::to_string(i), pt,
                                    mild ? std::optional<double>(pt.value_or(0) * 2) : number());
                if (!mild && chance(0.2))
                    b.stepAt(s).pca = number();
                if (!mild && chance(0.1))
                    b.stepAt(s).headcount = chance(0.5) ? 0.0 : 2.0;
                if (!mild && chance(0.1))
                    b.stepAt(s).uptime = number();
                if (chance(0.1))
                    b.stepAt(s).people = {static_cast<Id>(9000 + round)}; // unknown person
                ids.push_back(s);
            }
        }
        const int flows = static_cast<int>(unit(rng) * size * 2);
        for (int i = 0; i < flows; ++i) {
            auto from = static_cast<std::size_t>(unit(rng) * static_cast<double>(ids.size()));
            auto to = static_cast<std::size_t>(unit(rng) * static_cast<double>(ids.size()));
            if (mild && from >= to) {
                if (from == to)
                    continue;
                std::swap(from, to);
            }
            std::optional<double> share;
            if (!mild && chance(0.4))
                share = chance(0.9) ? unit(rng) : (chance(0.5) ? nan : 1.5);
            const auto kind =
                mild ? gemba::model::FlowKind::Push
                     : static_cast<gemba::model::FlowKind>(static_cast<int>(unit(rng) * 6));
            b.flow(!mild && chance(0.03) ? Id{77777} : ids[from], ids[to], share,
                   chance(0.2) ? number() : std::nullopt, kind);
        }
        MapMetrics m;
        REQUIRE_NOTHROW(m = b.metrics());
        CHECK(m.valid == !hasErrors(m.findings));
        CHECK(m.steps.size() == b.map().steps.size());
        CHECK(m.stepOrder.size() == b.map().steps.size());
        for (const Finding& f : m.findings)
            CHECK_FALSE(f.message.empty());
        if (m.valid) {
            ++valid;
            checkConsistent(b, m);
            CHECK(std::isfinite(m.leadTime));
            CHECK(std::isfinite(m.totalLabour));
        } else {
            CHECK(m.leadTime == 0);
            CHECK(m.timeline.empty());
        }
    }
    CHECK(valid > 60); // the generator must also make good maps, or this proves little
}
