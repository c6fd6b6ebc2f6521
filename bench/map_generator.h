#pragma once

#include "gemba/model/project.h"

#include <cstddef>
#include <cstdint>

/// Realistic value stream maps of any size, for benchmarks (metrics, save, open) and load
/// tests. The same shape and seed always give the same project, on every machine.
namespace gemba::bench {

/// What to generate.
struct MapShape {
    std::size_t steps = 10'000; ///< process steps; flows come to about 1.2 per step
    std::uint64_t seed = 1;
};

/// Counts of what a generated map holds, for the benchmark's report.
struct MapCounts {
    std::size_t steps = 0;
    std::size_t waits = 0;
    std::size_t flows = 0;
    std::size_t parallelSplits = 0;
    std::size_t alternativeSplits = 0;
    std::size_t reworkLoops = 0;
};

/// A project with people, systems and one map ("Current state") of `shape.steps` steps: a
/// supplier, a stream of blocks (single steps, queues and inventories, parallel splits that
/// join again, alternative splits with shares, rework loops with return shares, information
/// flows from a planning box) and a customer. Steps carry the data a workshop captures: PT,
/// LT, %C&A, roles, people, systems, frictions, value class, wastes, artifacts. The map is
/// valid: every figure can be computed.
model::Project generateProject(const MapShape& shape, MapCounts* counts = nullptr);

/// The same kind of map, added to an existing project: ids from its counter, people and
/// systems assigned from those the project has (none when it has none). Returns the map's id.
model::Id addGeneratedMap(model::Project& project, const MapShape& shape,
                          MapCounts* counts = nullptr);

} // namespace gemba::bench
