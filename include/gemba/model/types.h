#pragma once

#include <cstdint>
#include <string>

/// Basic vocabulary of the Gemba model: ids, kinds and the working calendar.
namespace gemba::model {

/// Stable identity of every entity of a project. Ids come from one counter per project, saved
/// in the file, so an id is never reused, not even after its entity is deleted.
using Id = std::uint64_t;
inline constexpr Id kNoId = 0;

/// The working calendar of a project. Every day and week in Gemba is a working day or week of
/// this calendar: "1.5 d" is 12 hours with 8-hour days, and an inventory that lasts 2 days
/// stands for 2 x hoursPerDay hours of lead time.
struct Calendar {
    double hoursPerDay = 8;
    double daysPerWeek = 5;
    /// Working days in a month: 20 unless set, as Learning to See and most courses count.
    double daysPerMonth = kDefaultDaysPerMonth;

    static constexpr double kDefaultDaysPerMonth = 20;
    /// What a month was before the setting existed, a twelfth of 52 working weeks: files that do
    /// not state their days per month are read with it, so that their figures stay as they were.
    static double legacyDaysPerMonth(double daysPerWeek) { return daysPerWeek * 52.0 / 12.0; }

    double secondsPerDay() const { return hoursPerDay * 3600.0; }
    double secondsPerWeek() const { return secondsPerDay() * daysPerWeek; }
    double secondsPerMonth() const { return secondsPerDay() * daysPerMonth; }
    bool operator==(const Calendar&) const = default;
};

struct Point {
    double x = 0;
    double y = 0;
    bool operator==(const Point&) const = default;
};

enum class MapState { Current, Future, Ideal };

/// How a simulation reads a minimum, typical and maximum time: as a triangular distribution
/// (mean (min + typical + max) / 3) or a beta-PERT one (mean (min + 4 typical + max) / 6).
enum class TimeDistribution { Triangular, Pert };

enum class SystemKind { Application, Spreadsheet, Email, Paper, Phone, Other };

/// Lean value classification of a step.
enum class ValueClass { ValueAdding, NecessaryNonValueAdding, Waste };

/// The eight wastes, combined as bits in Step::wastes.
enum class WasteKind : unsigned {
    Defects = 1u << 0,
    Waiting = 1u << 1,
    Overproduction = 1u << 2,
    OverProcessing = 1u << 3,
    HandoffsTransport = 1u << 4,
    MotionTaskSwitching = 1u << 5,
    Inventory = 1u << 6,
    UnusedTalent = 1u << 7,
};
inline constexpr unsigned kAllWasteKinds = (1u << 8) - 1;

enum class FlowKind { Push, Pull, Fifo, ManualInformation, ElectronicInformation, Shipment };

/// True for flows that move the work item itself (and so form the value stream's path);
/// information flows only carry signals and are drawn, not timed.
inline bool carriesWork(FlowKind kind) {
    return kind == FlowKind::Push || kind == FlowKind::Pull || kind == FlowKind::Fifo ||
           kind == FlowKind::Shipment;
}

enum class DemandPeriod { Day, Week, Month, Year };

/// Every kind of thing that can stand on a map.
enum class ElementKind { Step, Wait, Supplier, Customer, InfoBox, Note, RedPen, Flow };

/// A wait is a queue time, or an inventory whose time follows from demand.
enum class WaitKind { Time, Inventory };

/// An outside party: where the value stream starts or ends.
enum class PartyKind { Supplier, Customer };

/// How a figure was obtained.
enum class Basis { Unknown, Measured, Estimated };

/// The figures of a step whose origin can be recorded.
enum class Figure {
    ProcessTime,
    CycleTime,
    LeadTime,
    Pca,
    BatchSize,
    Changeover,
    Uptime,
    DefectRate
};

} // namespace gemba::model
