#pragma once

#include "gemba/model/calendar.h"
#include "gemba/model/event_log.h"
#include "gemba/model/measurement.h"
#include "gemba/model/types.h"
#include "gemba/model/workshop.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

/// The Gemba model: plain value types keyed by stable ids. Durations are seconds (double),
/// percentages are 0-100, shares are 0-1. An empty optional means "not given".
namespace gemba::model {

struct Person {
    Id id = kNoId;
    std::string name;
    std::string role; ///< role or team
    std::optional<double> hourlyCost;
    /// The id of the organisation's catalogue entry (model::Catalogue); empty: none given, and
    /// the person is matched to the catalogue by name.
    std::string catalogue = {};
    bool operator==(const Person&) const = default;
};

struct System {
    Id id = kNoId;
    std::string name;
    SystemKind kind = SystemKind::Application;
    /// The id of the organisation's catalogue entry (model::Catalogue); empty: none given, and
    /// the system is matched to the catalogue by name.
    std::string catalogue = {};
    bool operator==(const System&) const = default;
};

/// The people who run the workshop, as ids of the project's people.
struct WorkshopTeam {
    Id sponsor = kNoId;
    Id processOwner = kNoId;
    Id facilitator = kNoId;
    std::vector<Id> experts;
    bool operator==(const WorkshopTeam&) const = default;
};

/// Where a figure came from.
struct Source {
    Basis basis = Basis::Unknown;
    std::string source; ///< who or what gave it: "time study", "ticket system", "Anna"
    std::string date;   ///< ISO date, as text
    bool operator==(const Source&) const = default;
};

/// How a step breaks down: it works a mean time between failures (counted while it works),
/// then is repaired for a mean time to repair. Both are seconds of working time; the share of
/// time it is available is MTBF / (MTBF + MTTR).
struct Breakdown {
    double mtbf = 0;
    double mttr = 0;
    double availability() const { return mtbf + mttr > 0 ? mtbf / (mtbf + mttr) : 1; }
    bool operator==(const Breakdown&) const = default;
};

/// A recurring annoyance at a step: what it is, and how much time it takes.
struct Friction {
    std::string what;
    double minutesPerOccurrence = 0;
    double occurrencesPerWeek = 0;
    bool operator==(const Friction&) const = default;
};

struct Step {
    Id id = kNoId;
    Id origin = kNoId; ///< the step of the map this map was made from
    std::string name;
    std::string description;
    std::string role;     ///< role or team doing the step
    double headcount = 1; ///< people working on one item at a time
    std::vector<Id> people;
    std::vector<Id> systems;

    /// Hands-on time for one item: typical, with optional range.
    std::optional<double> processTime;
    std::optional<double> processTimeMin;
    std::optional<double> processTimeMax;
    /// Interval between two finished items (C/T); empty: processTime / headcount / uptime.
    std::optional<double> cycleTime;
    /// Elapsed time from work available to work passed on; empty: equals processTime.
    std::optional<double> leadTime;
    std::optional<double> pca; ///< percent complete and accurate, 0-100
    std::optional<double> batchSize;
    std::optional<double> changeover; ///< seconds
    std::optional<double> uptime;     ///< percent, 0-100
    std::optional<double> defectRate; ///< percent, 0-100
    /// Breakdowns and repairs; when given without an uptime, the uptime follows from them.
    std::optional<Breakdown> breakdown;

    ValueClass value = ValueClass::ValueAdding;
    unsigned wastes = 0; ///< WasteKind bits
    std::vector<Friction> frictions;
    std::vector<std::string> artifacts;
    std::map<Figure, Source> sources;
    /// The distributions an event log measured here; kept when a figure is set by hand.
    std::optional<StepMeasurement> measurement;
    Point pos;

    bool hasWaste(WasteKind kind) const { return (wastes & static_cast<unsigned>(kind)) != 0; }
    /// The share of time the step is available (0-1): its uptime, else its breakdowns'
    /// availability, else 1.
    double availability() const {
        if (uptime)
            return *uptime / 100;
        return breakdown ? breakdown->availability() : 1;
    }
    bool operator==(const Step&) const = default;
};

/// The distribution behind `figure` (process or lead time) while the figure is measured: the
/// step has a measurement, the figure's source says "measured" and its value is still the
/// measured one. Null for a figure set by hand or never measured.
const Distribution* measuredDistribution(const Step& step, Figure figure);

/// Records that `figure` was set by hand: a measured figure's source becomes "estimated, set by
/// hand", so that it is no longer shown as measured; the measurement itself is kept.
void markSetByHand(Step& step, Figure figure);

/// Waiting between steps: a queue time, or an inventory (the triangle) whose time follows
/// from the map's demand: days = quantity / demand per day.
struct Wait {
    Id id = kNoId;
    Id origin = kNoId;
    WaitKind kind = WaitKind::Time;
    std::string label;
    std::optional<double> time;     ///< seconds, for WaitKind::Time: typical
    std::optional<double> quantity; ///< items, for WaitKind::Inventory
    /// The range of a time wait, drawn like a step's process time by the simulations.
    std::optional<double> timeMin;
    std::optional<double> timeMax;
    Point pos;
    bool operator==(const Wait&) const = default;
};

/// An outside party: where the value stream starts (supplier) or ends (customer).
struct Party {
    Id id = kNoId;
    Id origin = kNoId;
    PartyKind kind = PartyKind::Customer;
    std::string name;
    std::string notes;
    Point pos;
    bool operator==(const Party&) const = default;
};

/// A control or information box: production control, a planning system, a ticket queue.
struct InfoBox {
    Id id = kNoId;
    Id origin = kNoId;
    std::string name;
    std::string notes;
    Point pos;
    bool operator==(const InfoBox&) const = default;
};

struct Note {
    Id id = kNoId;
    Id origin = kNoId;
    std::string text;
    Point pos;
    bool operator==(const Note&) const = default;
};

/// A red-pen circle (kaizen burst): marks steps or flows worth fixing.
struct RedPen {
    Id id = kNoId;
    Id origin = kNoId;
    std::vector<Id> targets; ///< steps and flows of the same map
    std::string reason;
    std::optional<double> cost; ///< estimated cost per year, project currency
    Point pos;                  ///< where it is drawn when it has no targets
    bool operator==(const RedPen&) const = default;
};

struct Flow {
    Id id = kNoId;
    Id origin = kNoId;
    Id from = kNoId;
    Id to = kNoId;
    FlowKind kind = FlowKind::Push;
    std::optional<int> fifoMax;  ///< maximum items in a FIFO lane
    std::optional<double> share; ///< share of the items taking this flow, 0-1
    std::optional<double> wait;  ///< seconds waited on the way
    std::string label;
    bool operator==(const Flow&) const = default;
};

struct Demand {
    double quantity = 0;
    DemandPeriod per = DemandPeriod::Day;
    bool operator==(const Demand&) const = default;
};

/// Everything about a map except what stands on it.
struct MapProps {
    std::string name;
    MapState state = MapState::Current;
    Id madeFrom = kNoId; ///< the map this one was made from
    std::string trigger; ///< what starts the value stream
    std::string done;    ///< what ends it
    std::optional<Demand> demand;
    std::optional<double> availableTimePerDay; ///< seconds, for takt; empty: calendar day
    /// How a simulation of this map draws its steps' three-point times.
    TimeDistribution distribution = TimeDistribution::Triangular;
    std::string notes;
    bool operator==(const MapProps&) const = default;
};

/// One state of a value stream and everything drawn on it.
struct Map {
    Id id = kNoId;
    MapProps props;
    std::map<Id, Step> steps;
    std::map<Id, Wait> waits;
    std::map<Id, Party> parties;
    std::map<Id, InfoBox> infoBoxes;
    std::map<Id, Note> notes;
    std::map<Id, RedPen> redPens;
    std::map<Id, Flow> flows;

    /// The kind of the element with this id, or nothing when the map does not hold it.
    std::optional<ElementKind> kindOf(Id element) const;
    bool contains(Id element) const { return kindOf(element).has_value(); }
    /// Position of a placed element; flows have none.
    std::optional<Point> positionOf(Id element) const;
    /// Display name of an element: a step's name, a note's text, a flow's label.
    std::string nameOf(Id element) const;
    /// Ids of every element except flows, in id order.
    std::vector<Id> placedElements() const;
    const Step* findStep(Id id) const;
    const Flow* findFlow(Id id) const;
    /// Demand per working day, when the map has demand.
    std::optional<double> demandPerDay(const Calendar& calendar) const;
    bool operator==(const Map&) const = default;
};

/// Calls `f` with the element that has this id, whatever its kind (a Step, Wait, Party,
/// InfoBox, Note, RedPen or Flow). Returns false when the map does not hold the id.
template <class F> bool visitElement(const Map& map, Id id, F&& f) {
    auto tryIn = [&](const auto& collection) {
        auto it = collection.find(id);
        if (it == collection.end())
            return false;
        f(it->second);
        return true;
    };
    return tryIn(map.steps) || tryIn(map.waits) || tryIn(map.parties) || tryIn(map.infoBoxes) ||
           tryIn(map.notes) || tryIn(map.redPens) || tryIn(map.flows);
}

/// Everything about a project except its people, systems and maps.
struct ProjectProps {
    std::string name;
    std::string description;
    Calendar calendar;
    /// The calendar's working hours and holidays, for durations measured from event logs.
    WorkingHours workingHours = WorkingHours::office();
    /// What the activities and statuses of the project's event logs stand for.
    EventMapping eventMapping;
    std::string currency = "EUR";
    double defaultHourlyRate = 0;
    WorkshopTeam team;
    bool operator==(const ProjectProps&) const = default;
};

struct Project {
    ProjectProps props;
    std::map<Id, Person> people;
    std::map<Id, System> systems;
    std::vector<Map> maps; ///< in the order of their tabs
    Workshop workshop;     ///< ideas, actions, reviews and the workshop log
    Id nextId = 1;         ///< the next id to hand out; only ever grows

    Id allocateId() { return nextId++; }
    Map* findMap(Id id);
    const Map* findMap(Id id) const;
    /// The first map with this name (case-sensitive), or null.
    const Map* findMapByName(const std::string& name) const;
    /// The largest id in use, to check nextId against it.
    Id largestIdInUse() const;
    bool operator==(const Project&) const = default;
};

} // namespace gemba::model
