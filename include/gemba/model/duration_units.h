#pragma once

#include "gemba/model/project.h"
#include "gemba/model/units.h"

#include <string>
#include <vector>

/// The units a map's durations are shown in: one per kind of figure, so that a view speaks
/// with one voice (a 62 s cycle time never reads "1.03 min" beside a 38 s one). Each kind's
/// unit is commonUnit() of the map's figures of that kind; docs/metrics.md, "Units".
namespace gemba::model {

struct DurationUnits {
    /// Process times (typical and range), cycle times and takt, which are read side by side.
    TimeUnit stepTime = TimeUnit::Second;
    /// Steps' lead times (a step without one: its process time).
    TimeUnit stepLeadTime = TimeUnit::Second;
    /// Waits between steps: time waits, inventories' days of demand and waits on flows.
    TimeUnit waitTime = TimeUnit::Day;
    bool operator==(const DurationUnits&) const = default;
};

DurationUnits durationUnitsOf(const Map& map, const Calendar& calendar);
/// The units of a view that shows several maps side by side (a current and a future state):
/// each kind's unit is commonUnit() of that kind's figures of every map.
DurationUnits durationUnitsOf(const std::vector<const Map*>& maps, const Calendar& calendar);

enum class DurationKind { StepTime, StepLeadTime, WaitTime };

/// How a map's durations are written: each kind in its unit (formatDurationAs).
struct DurationVoice {
    DurationUnits units;
    const Calendar* calendar;

    TimeUnit unitOf(DurationKind kind) const {
        switch (kind) {
        case DurationKind::StepTime:
            return units.stepTime;
        case DurationKind::StepLeadTime:
            return units.stepLeadTime;
        case DurationKind::WaitTime:
            break;
        }
        return units.waitTime;
    }
    std::string operator()(DurationKind kind, double seconds) const {
        return formatDurationAs(seconds, unitOf(kind), *calendar);
    }
    std::string stepTime(double seconds) const { return (*this)(DurationKind::StepTime, seconds); }
    std::string stepLeadTime(double seconds) const {
        return (*this)(DurationKind::StepLeadTime, seconds);
    }
    std::string waitTime(double seconds) const { return (*this)(DurationKind::WaitTime, seconds); }
};

} // namespace gemba::model
