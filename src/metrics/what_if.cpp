// What-if changes: a copy of a map with some steps changed, to simulate beside the original.
#include "gemba/metrics/simulation.h"
#include "gemba/model/text.h"

#include <cmath>

namespace gemba::metrics {

namespace {

using model::Parsed;

template <class T> Parsed<T> failure(std::string message) {
    return Parsed<T>{std::variant<T, std::string>(std::in_place_index<1>, std::move(message))};
}

/// The step a what-if names: "#12" by id, else by name (trimmed, case-insensitive, unique).
Parsed<model::Id> findStep(const model::Map& map, std::string_view name) {
    const std::string_view wanted = model::trim(name);
    if (wanted.size() > 1 && wanted[0] == '#') {
        const std::optional<double> id = model::parseNumber(wanted.substr(1));
        if (id && *id >= 1 && std::floor(*id) == *id &&
            map.steps.count(static_cast<model::Id>(*id)))
            return Parsed<model::Id>{static_cast<model::Id>(*id)};
        return failure<model::Id>("no step with id " + std::string(wanted.substr(1)));
    }
    const std::string lowered = model::toLower(wanted);
    model::Id found = model::kNoId;
    for (const auto& [id, step] : map.steps) {
        if (model::toLower(model::trim(step.name)) != lowered)
            continue;
        if (found != model::kNoId)
            return failure<model::Id>("more than one step is called \"" + std::string(wanted) +
                                      "\"; name it by id (#" + std::to_string(found) + ")");
        found = id;
    }
    if (found == model::kNoId)
        return failure<model::Id>("no step called \"" + std::string(wanted) + "\"");
    return Parsed<model::Id>{found};
}

} // namespace

std::string_view whatIfFields() {
    return "pt, min, max, lt, people, batch, changeover, uptime, mtbf, mttr, wip";
}

Parsed<WhatIfChange> parseWhatIf(std::string_view text) {
    // The step's name may hold colons; the field starts after the last one.
    const std::size_t colon = text.rfind(':');
    const std::size_t equals = text.find('=', colon == std::string_view::npos ? 0 : colon);
    if (colon == std::string_view::npos || equals == std::string_view::npos || colon == 0)
        return failure<WhatIfChange>(
            "\"" + std::string(text) +
            "\" is not STEP:field=value (fields: " + std::string(whatIfFields()) + ")");
    WhatIfChange change;
    change.step = std::string(model::trim(text.substr(0, colon)));
    change.field = model::toLower(model::trim(text.substr(colon + 1, equals - colon - 1)));
    change.value = std::string(model::trim(text.substr(equals + 1)));
    if (change.step.empty() || change.value.empty())
        return failure<WhatIfChange>("\"" + std::string(text) + "\" needs a step and a value");
    return Parsed<WhatIfChange>{change};
}

Parsed<model::Map> applyWhatIf(const model::Project& project, const model::Map& map,
                               const std::vector<WhatIfChange>& changes) {
    model::Map changed = map;
    const model::Calendar& calendar = project.props.calendar;
    for (const WhatIfChange& change : changes) {
        const std::string where = change.step + ":" + change.field + "=" + change.value + ": ";
        const Parsed<model::Id> id = findStep(changed, change.step);
        if (!id.ok())
            return failure<model::Map>(where + id.error());
        model::Step& step = changed.steps.at(id.value());
        const auto duration = [&]() -> std::optional<double> {
            const Parsed<double> d = model::parseDuration(change.value, calendar);
            return d.ok() ? std::optional<double>(d.value()) : std::nullopt;
        };
        const std::optional<double> number = model::parseNumber(change.value);
        const std::string& f = change.field;
        if (f == "pt" || f == "min" || f == "max" || f == "lt" || f == "changeover" ||
            f == "mtbf" || f == "mttr") {
            const std::optional<double> seconds = duration();
            if (!seconds)
                return failure<model::Map>(where +
                                           model::parseDuration(change.value, calendar).error());
            if (f == "pt") {
                // The range moves with the typical time, in proportion.
                const double old = step.processTime.value_or(0);
                const double ratio = old > 0 ? *seconds / old : 1;
                if (step.processTimeMin)
                    step.processTimeMin = old > 0 ? *step.processTimeMin * ratio : *seconds;
                if (step.processTimeMax)
                    step.processTimeMax = old > 0 ? *step.processTimeMax * ratio : *seconds;
                if (step.leadTime && old > 0)
                    step.leadTime = *step.leadTime - old + *seconds;
                step.processTime = seconds;
                step.cycleTime.reset(); // follows from the new time and the people
            } else if (f == "min") {
                step.processTimeMin = seconds;
            } else if (f == "max") {
                step.processTimeMax = seconds;
            } else if (f == "lt") {
                step.leadTime = seconds;
            } else if (f == "mtbf" || f == "mttr") {
                if (f == "mtbf" && *seconds <= 0)
                    return failure<model::Map>(where + "the mean time between failures must be "
                                                       "above 0");
                model::Breakdown& breakdown =
                    step.breakdown.emplace(step.breakdown.value_or(model::Breakdown{}));
                (f == "mtbf" ? breakdown.mtbf : breakdown.mttr) = *seconds;
                // The breakdowns now say how available the step is.
                step.uptime.reset();
                step.cycleTime.reset();
            } else {
                step.changeover = seconds;
            }
            continue;
        }
        if (f == "people" || f == "batch" || f == "uptime" || f == "wip") {
            if (!number || !std::isfinite(*number) || *number <= 0)
                return failure<model::Map>(where + "the value must be a number above 0");
            if (f == "people") {
                step.headcount = *number;
                step.cycleTime.reset();
            } else if (f == "batch") {
                step.batchSize = *number;
            } else if (f == "uptime") {
                if (*number > 100)
                    return failure<model::Map>(where + "uptime is a percentage, at most 100");
                step.uptime = *number;
                step.breakdown.reset(); // a share of time replaces the breakdowns
                step.cycleTime.reset();
            } else {
                if (std::floor(*number) != *number || *number > 1e9)
                    return failure<model::Map>(where + "a WIP limit is a whole number of items");
                bool any = false;
                for (auto& [flowId, flow] : changed.flows) {
                    if (flow.to == id.value() && model::carriesWork(flow.kind)) {
                        flow.fifoMax = static_cast<int>(*number);
                        any = true;
                    }
                }
                if (!any)
                    return failure<model::Map>(where + "no flow of work leads into the step");
            }
            continue;
        }
        return failure<model::Map>(where + "unknown field \"" + f +
                                   "\" (fields: " + std::string(whatIfFields()) + ")");
    }
    return Parsed<model::Map>{std::move(changed)};
}

} // namespace gemba::metrics
