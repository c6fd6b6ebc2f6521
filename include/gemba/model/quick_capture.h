#pragma once

#include "gemba/model/units.h"

#include <optional>
#include <string>
#include <string_view>

namespace gemba::model {

/// A step as a facilitator types it in a workshop: `Review contract 30 min 2 d 80%` is the
/// step "Review contract" with a process time of 30 minutes, a lead time of 2 working days and
/// a %C&A of 80. Durations and the percentage are read from the end of the line: the first
/// duration is the process time, the second the lead time; the rest is the name.
struct QuickCapture {
    std::string name;
    std::optional<double> processTime;
    std::optional<double> leadTime;
    std::optional<double> pca;
};

Parsed<QuickCapture> parseQuickCapture(std::string_view line, const Calendar& calendar);

} // namespace gemba::model
