#include "gemba/model/duration_units.h"

#include <vector>

namespace gemba::model {

DurationUnits durationUnitsOf(const Map& map, const Calendar& calendar) {
    return durationUnitsOf(std::vector<const Map*>{&map}, calendar);
}

DurationUnits durationUnitsOf(const std::vector<const Map*>& maps, const Calendar& calendar) {
    std::vector<double> stepTimes;
    std::vector<double> leadTimes;
    std::vector<double> waits;
    const auto add = [](std::vector<double>& to, const std::optional<double>& seconds) {
        if (seconds)
            to.push_back(*seconds);
    };
    for (const Map* map : maps) {
        for (const auto& [id, step] : map->steps) {
            add(stepTimes, step.processTime);
            add(stepTimes, step.processTimeMin);
            add(stepTimes, step.processTimeMax);
            add(stepTimes, step.cycleTime);
            add(leadTimes, step.leadTime ? step.leadTime : step.processTime);
        }
        const std::optional<double> perDay = map->demandPerDay(calendar);
        for (const auto& [id, wait] : map->waits) {
            if (wait.kind == WaitKind::Inventory) {
                if (wait.quantity && perDay && *perDay > 0)
                    waits.push_back(*wait.quantity / *perDay * calendar.secondsPerDay());
            } else {
                add(waits, wait.time);
            }
        }
        for (const auto& [id, flow] : map->flows)
            add(waits, flow.wait);
    }
    DurationUnits units;
    units.stepTime = commonUnit(stepTimes, calendar);
    units.stepLeadTime = commonUnit(leadTimes, calendar);
    units.waitTime = waits.empty() ? TimeUnit::Day : commonUnit(waits, calendar);
    return units;
}

} // namespace gemba::model
