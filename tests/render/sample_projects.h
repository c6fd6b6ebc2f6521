#pragma once

#include "gemba/model/project.h"

#include <cstddef>

/// Projects for the export tests, made in code so that every figure on them is known.
namespace gemba::render::test {

/// "Change requests": a current-state map of a software change process that uses every kind
/// of element and flow (supplier, customer, control box, note, queue, inventory, parallel
/// branches, push, pull, FIFO, manual and electronic information, shipment, two red pens),
/// and a future-state map made from it (one step removed, one added, times cut).
model::Project changeRequests();

/// One map ("Long stream") of `steps` steps in a line, each with a long name, a role, people
/// and systems: enough rows for a step table over several pages.
model::Project longStream(std::size_t steps);

/// A map whose flows form a loop without a return share: validation errors, so no figures.
model::Project brokenMap();

} // namespace gemba::render::test
