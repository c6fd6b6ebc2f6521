#pragma once

#include "gemba/model/catalogue.h"
#include "gemba/model/project.h"

#include <array>
#include <optional>
#include <string>
#include <vector>

/// One level up from a map: the value streams of an organisation side by side, each stream
/// one project. What several streams share (systems, roles, people, kinds of waste) is grouped
/// by name across them, with the red pens, friction and ideas that involve it and their cost.
/// Rules and a worked example: docs/metrics.md, "Portfolio".
namespace gemba::metrics {

/// A project and where it came from (a file name, or a name in the repository).
struct PortfolioSource {
    std::string source;
    model::Project project;
};

/// The key figures of one state of a stream. Durations in seconds, ratios 0-1, money per year
/// in the project's currency.
struct StateFigures {
    std::string map;    ///< the map's name
    bool valid = false; ///< false: the map has errors, and the times below are not given (0)
    double leadTime = 0;
    double leadTimeDays = 0; ///< working days of the project's calendar
    double processTime = 0;
    double activityRatio = 0;
    double rolledPca = 1;
    double frictionCostPerYear = 0; ///< friction cost per week x 52
    double redPenCostPerYear = 0;
};

inline constexpr std::size_t kIdeaStatusCount = 5;

struct StreamSummary {
    std::string name;   ///< the project's name, else its source
    std::string source; ///< the file or repository name
    std::string currency;
    model::Calendar calendar; ///< the project's, to show its times in its working days
    std::optional<StateFigures> current;
    std::optional<StateFigures> future;         ///< the future state made from the current one
    std::optional<StateFigures> measured;       ///< the latest review's measured map
    int openActions = 0;                        ///< planned, in progress or blocked
    std::array<int, kIdeaStatusCount> funnel{}; ///< ideas per model::IdeaStatus
};

/// Where a system, role or person appears in one stream (its current state).
struct Use {
    std::size_t stream = 0; ///< index into Portfolio::streams
    std::vector<std::string> steps;
    double handsOnSeconds = 0; ///< expected process time per item of those steps
    int redPens = 0;           ///< red pens on those steps
    double redPenCostPerYear = 0;
    double frictionHoursPerWeek = 0;
    double frictionCostPerYear = 0;
    int ideas = 0; ///< ideas concerning those steps or their red pens
};

/// A system, role, person or kind of waste across the streams, with the totals of its uses.
struct SharedItem {
    /// The catalogue entry's name when the item is one; else as first written, matched without
    /// case and surrounding spaces.
    std::string name;
    std::string catalogueId; ///< the catalogue entry (systems and people); empty: by name
    /// The spellings the streams wrote (each once, ignoring case): "ERP", "SAP ERP".
    std::vector<std::string> spellings;
    std::vector<Use> uses;
    int steps = 0;
    double handsOnSeconds = 0;
    /// handsOnSeconds over the hands-on time of every stream's current state, 0-1.
    double shareOfWork = 0;
    int redPens = 0;
    double redPenCostPerYear = 0;
    double frictionHoursPerWeek = 0;
    double frictionCostPerYear = 0;
    int ideas = 0;
    std::size_t streams() const { return uses.size(); }
    /// The spellings other than the name (ignoring case and spaces): what a reader is told was
    /// counted as this item too, "ERP (also SAP ERP)".
    std::vector<std::string> otherSpellings() const;
};

/// A touch point: `customer` has a supplier named like the stream `supplier` (or `supplier`
/// a customer named like `customer`), so work waits on the other stream there.
struct Dependency {
    std::size_t supplier = 0; ///< index into Portfolio::streams
    std::size_t customer = 0;
    std::string via;        ///< the party's name
    double waitSeconds = 0; ///< the waits right after the supplier party in `customer`'s map
};

/// A selected idea whose text (without case and surrounding spaces) several streams share.
struct SharedIdea {
    std::string text;
    std::vector<std::size_t> streams;
};

struct PortfolioAction {
    std::size_t stream = 0;
    std::string title;
    model::ActionStatus status = model::ActionStatus::Planned;
    std::string due;
    std::string owner;
};

struct Portfolio {
    std::vector<StreamSummary> streams; ///< in the order given
    /// Every system, role, person and waste kind in the current states, most streams first,
    /// then the largest red-pen plus friction cost, then by name.
    std::vector<SharedItem> systems;
    std::vector<SharedItem> roles;
    std::vector<SharedItem> people;
    std::vector<SharedItem> wastes; ///< named by model::WasteKind's text name
    std::vector<Dependency> dependencies;
    std::vector<SharedIdea> sharedIdeas;
    std::vector<PortfolioAction> actions;       ///< every action, stream by stream, by id
    std::array<int, kIdeaStatusCount> funnel{}; ///< ideas of every stream per status
    double handsOnSeconds = 0;                  ///< of every stream's current state
    /// The streams' common currency; empty when they differ, and then the sums of money
    /// across streams add different currencies (`currencies` lists them).
    std::string currency;
    std::vector<std::string> currencies;
};

/// The current state of a project: its first current-state map that is no review's measured
/// map; null when there is none.
const model::Map* currentStateOf(const model::Project& project);

/// The portfolio of `sources`. With a catalogue, systems and people are grouped by the entry
/// they resolve to (an explicit reference, else a name or alias) and shown under its name; one
/// that resolves to none, and every one without a catalogue, is grouped by name.
Portfolio buildPortfolio(const std::vector<PortfolioSource>& sources,
                         const model::Catalogue* catalogue = nullptr);

} // namespace gemba::metrics
