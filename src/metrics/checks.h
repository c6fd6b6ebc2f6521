#pragma once

#include "findings.h"

/// Checks of single elements that need no graph: numbers in range, references that exist.
namespace gemba::metrics::detail {

/// Reports bad numbers (negative, out of range, not finite), unknown people
/// and systems, missing red-pen targets, a broken calendar or demand, and a map without steps.
void checkElements(Reporter& report);

} // namespace gemba::metrics::detail
