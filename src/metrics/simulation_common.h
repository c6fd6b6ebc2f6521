#pragma once

#include "gemba/metrics/simulation.h"
#include "value_stream.h"

#include <cmath>
#include <cstdint>
#include <vector>

/// What both simulations share: a random number generator that is the same everywhere, the
/// three-point distributions, and the value stream read once with the findings it raised.
namespace gemba::metrics::detail {

/// SplitMix64: turns (seed, stream) into well-mixed starting states.
inline std::uint64_t splitMix(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

/// xoshiro256**: small, fast, and defined bit for bit, unlike the standard library's
/// distributions, whose output differs between implementations. One stream per trial (Monte
/// Carlo) or per purpose (discrete-event), keyed by (seed, stream number).
class Rng {
public:
    Rng(std::uint64_t seed, std::uint64_t stream) {
        std::uint64_t state = seed ^ (stream * 0xD1B54A32D192ED03ull + 0x8CB92BA72F3D8DD7ull);
        for (auto& word : m_s)
            word = splitMix(state);
    }
    std::uint64_t next() {
        const std::uint64_t result = rotl(m_s[1] * 5, 7) * 9;
        const std::uint64_t t = m_s[1] << 17;
        m_s[2] ^= m_s[0];
        m_s[3] ^= m_s[1];
        m_s[1] ^= m_s[2];
        m_s[0] ^= m_s[3];
        m_s[2] ^= t;
        m_s[3] = rotl(m_s[3], 45);
        return result;
    }
    /// Uniform in (0, 1): never 0, so that log(u) is finite.
    double uniform() { return (static_cast<double>(next() >> 11) + 0.5) * 0x1.0p-53; }
    /// Exponential with this mean.
    double exponential(double mean) { return -mean * std::log(uniform()); }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    std::uint64_t m_s[4] = {};
};

/// A duration drawn by inverting its distribution function: fixed, triangular (closed form)
/// or PERT (a table of the beta distribution's inverse, interpolated). Drawing from u lets the
/// tornado tell a low draw from a high one by u alone.
class ThreePoint {
public:
    ThreePoint() = default;
    /// min <= typical <= max; a zero-width range is a fixed value.
    ThreePoint(double min, double typical, double max, Distribution distribution);

    bool varies() const { return m_max > m_min; }
    double typical() const { return m_typical; }
    double mean() const { return m_mean; }
    double at(double u) const;

private:
    double m_min = 0;
    double m_typical = 0;
    double m_max = 0;
    double m_mean = 0;
    Distribution m_distribution = Distribution::Triangular;
    std::vector<double> m_inverse; ///< PERT: x at u = i / (size - 1), as a fraction of the range
};

/// The value stream of a map read for simulation: durations per node and edge, where parallel
/// branches meet, and the findings that stop a run.
struct SimGraph {
    ValueStream vs;
    std::vector<Finding> findings;
    std::vector<int> joins;       ///< joinPoints(): per parallel split, kNoNode at the exit
    std::vector<ThreePoint> work; ///< per node: a step's process time
    std::vector<double> extra;    ///< per node: step LT - PT, wait or inventory time
    std::vector<int> liveStarts;  ///< the starts that reach an end
    double deterministic = 0;     ///< L(critical start)
    double demandPerDay = 0;      ///< 0 without demand
    double secondsPerDay = 0;
    /// Calendar day / the map's available time per day (>= 1): steps work only that share of
    /// the day, so each item's work stretches by it in the discrete-event run.
    double availableStretch = 1;
};

/// Reads the map; findings has an error (and the graph is unusable) when the map has errors.
SimGraph buildSimGraph(const model::Project& project, const model::Map& map,
                       Distribution distribution);

/// Summary of lead times: sorts the values in place.
SampleSummary summarise(std::vector<double>& values, int bins);

} // namespace gemba::metrics::detail
