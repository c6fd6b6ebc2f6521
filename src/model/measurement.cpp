#include "gemba/model/measurement.h"

#include "gemba/model/project.h"

#include <algorithm>
#include <cmath>

namespace gemba::model {

std::optional<double> measuredValue(const StepMeasurement& measurement, Figure figure) {
    switch (figure) {
    case Figure::ProcessTime:
        return measurement.processTime.p50;
    case Figure::LeadTime:
        // A visit's elapsed time is never shorter than its active time.
        return std::max(measurement.leadTime.p50, measurement.processTime.p50);
    default:
        return std::nullopt;
    }
}

namespace {

const std::optional<double>* figureValue(const Step& step, Figure figure) {
    switch (figure) {
    case Figure::ProcessTime:
        return &step.processTime;
    case Figure::LeadTime:
        return &step.leadTime;
    default:
        return nullptr;
    }
}

} // namespace

const Distribution* measuredDistribution(const Step& step, Figure figure) {
    if (!step.measurement)
        return nullptr;
    const auto source = step.sources.find(figure);
    if (source == step.sources.end() || source->second.basis != Basis::Measured)
        return nullptr;
    const std::optional<double> measured = measuredValue(*step.measurement, figure);
    const std::optional<double>* value = figureValue(step, figure);
    // Saved and read back, a figure may differ in its last digits; a hand edit differs more.
    if (!measured || !value || !*value ||
        std::abs(**value - *measured) > 1e-6 * std::max(1.0, std::abs(*measured)))
        return nullptr;
    return figure == Figure::ProcessTime ? &step.measurement->processTime
                                         : &step.measurement->leadTime;
}

void markSetByHand(Step& step, Figure figure) {
    const auto source = step.sources.find(figure);
    if (!step.measurement || source == step.sources.end() ||
        source->second.basis != Basis::Measured)
        return;
    source->second =
        Source{Basis::Estimated,
               "set by hand; measured distribution kept (" + step.measurement->provenance + ")",
               {}};
}

} // namespace gemba::model
