#pragma once

#include "gemba/model/types.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

/// What a workshop produces besides its maps: the case for change, the ideas and their funnel,
/// the action plan, the 30/60/90-day reviews and the workshop log. Plain value types keyed by
/// ids from the project's counter, as the maps' elements. Dates are ISO text ("2026-03-02");
/// an empty text means "not given".
namespace gemba::model {

/// A figure of the value stream that a goal, an action's effect or a review speaks of.
enum class TargetFigure {
    LeadTime,      ///< the stream's lead time, seconds
    ProcessTime,   ///< the stream's process time, seconds
    ActivityRatio, ///< process time / lead time, 0-1
    RolledPca,     ///< rolled %C&A, 0-1
    Handoffs,      ///< count of handoffs
    StepLeadTime,  ///< the lead time of one step (Target::element), seconds
    WaitTime,      ///< the time of one wait (Target::element), seconds
};

/// A target on a figure: "lead time from 34 d to under 10 d", "lead time -30%". `from` is the
/// baseline when typed (else it is computed from the map), `to` an absolute target, and
/// `changePercent` a relative one (-30 means 30% less); either or both may be given.
struct Target {
    TargetFigure figure = TargetFigure::LeadTime;
    Id map = kNoId;     ///< the map whose figure it is (a current state)
    Id element = kNoId; ///< the step or wait, for StepLeadTime and WaitTime
    std::optional<double> from;
    std::optional<double> to;
    std::optional<double> changePercent;
    bool operator==(const Target&) const = default;
};

struct Goal {
    std::string text; ///< "Customers live in under 10 days"
    Target target;
    bool operator==(const Goal&) const = default;
};

/// The case for change and the workshop's scope, dates and place.
struct WorkshopProps {
    std::string problem; ///< the case for change
    std::vector<Goal> goals;
    std::string startDate; ///< first workshop day
    std::string endDate;   ///< last workshop day; reviews count their days from it
    std::string place;
    bool operator==(const WorkshopProps&) const = default;
};

enum class IdeaKind { Remove, Simplify, Combine, Automate, UseAi, Standardise, Other };
enum class IdeaStatus { Proposed, Shortlisted, Selected, Parked, Rejected };
/// An answer on the automation checklist.
enum class Level { Low, Medium, High };
/// Where the data a piece of work needs lives.
enum class DataSource { System, Mixed, Paper };

/// The checklist an idea of kind automate or use-AI carries. Each answer may be left open.
struct FitChecklist {
    std::optional<Level> repetitive;  ///< how repetitive the work is
    std::optional<Level> uniform;     ///< how uniform the requests are (FAQ-like: high)
    std::optional<DataSource> data;   ///< whether the data is in a system or on paper
    std::optional<Level> mistakeCost; ///< how costly a mistake is
    std::optional<Level> frequency;   ///< how often the work occurs
    bool operator==(const FitChecklist&) const = default;
};

enum class Fit { Good, Possible, Poor };

/// The derived fit with every reason, for and against (docs/workshop.md states the rule).
struct FitAssessment {
    Fit fit = Fit::Possible;
    std::vector<std::string> reasonsFor;
    std::vector<std::string> reasonsAgainst; ///< what makes it poor or only possible
};

/// The rule: any blocker (requests not uniform, work not repetitive, data on paper) makes the
/// fit poor; otherwise any concern (a costly mistake, rare work, a medium answer, mixed data,
/// an open question) makes it possible; only all answers favourable make it good.
FitAssessment assessFit(const FitChecklist& checklist);

struct Idea {
    Id id = kNoId;
    std::string text;
    Id proposedBy = kNoId; ///< a person of the project
    std::string date;
    /// What it concerns: ids of maps (the whole stream) or of their elements (steps, flows,
    /// waits, red pens). Ids are unique across a project, so one list serves all.
    std::vector<Id> concerns;
    IdeaKind kind = IdeaKind::Other;
    std::optional<int> impact; ///< 1-5, given by the room
    std::optional<int> effort; ///< 1-5
    int votes = 0;
    IdeaStatus status = IdeaStatus::Proposed;
    std::string reason;              ///< why parked, rejected or selected
    std::optional<FitChecklist> fit; ///< for kinds automate and use-AI
    bool operator==(const Idea&) const = default;
};

enum class ActionStatus { Planned, InProgress, Done, Dropped, Blocked };

/// An entry of the transformation backlog and plan.
struct Action {
    Id id = kNoId;
    std::string title;
    std::vector<Id> changes; ///< ideas, red pens and steps it acts on
    Id owner = kNoId;        ///< a person of the project
    std::string start;
    std::string due;
    ActionStatus status = ActionStatus::Planned;
    std::string reason; ///< why blocked or dropped
    std::optional<Target> effect;
    Id realises = kNoId; ///< the future-state map it realises
    std::string notes;
    bool operator==(const Action&) const = default;
};

/// A figure as measured at a review, typed by hand.
struct Measure {
    TargetFigure figure = TargetFigure::LeadTime;
    Id element = kNoId; ///< for StepLeadTime and WaitTime
    double value = 0;
    bool operator==(const Measure&) const = default;
};

struct ActionProgress {
    Id action = kNoId;
    ActionStatus status = ActionStatus::Planned;
    std::string note;
    bool operator==(const ActionProgress&) const = default;
};

/// A 30-, 60- or 90-day review, or any later alignment review.
struct Review {
    Id id = kNoId;
    std::string title;
    int dayOffset = 0; ///< days after the workshop's end date
    std::string date;  ///< when moved; empty: end date + dayOffset
    std::vector<Id> attendees;
    std::vector<ActionProgress> progress;
    std::vector<std::string> decisions;
    Id measuredMap = kNoId;        ///< a map recording the stream as it is at the review
    std::vector<Measure> measures; ///< typed figures; they win over the measured map's
    std::string notes;
    bool operator==(const Review&) const = default;
};

struct ParkingItem {
    Id id = kNoId;
    std::string text;
    Id raisedBy = kNoId;
    std::string date;
    bool resolved = false;
    Id movedTo = kNoId; ///< the idea or action it became
    bool operator==(const ParkingItem&) const = default;
};

struct Term {
    Id id = kNoId;
    std::string term; ///< "CRM", "SOW"
    std::string meaning;
    bool operator==(const Term&) const = default;
};

struct Lesson {
    Id id = kNoId;
    std::string text;
    std::string date;
    bool operator==(const Lesson&) const = default;
};

/// The summary for leadership at the end of a workshop day.
struct DaySummary {
    Id id = kNoId;
    std::string date;
    std::string done;
    std::string decisions;
    std::string nextAgenda;
    /// The project's next id when the summary was drafted: the next day's draft counts what
    /// has a larger id (ids only grow), so it needs no time stamps on steps.
    Id watermark = kNoId;
    bool operator==(const DaySummary&) const = default;
};

struct Workshop {
    WorkshopProps props;
    std::map<Id, Idea> ideas;
    std::map<Id, Action> actions;
    std::map<Id, Review> reviews;
    std::map<Id, ParkingItem> parkingLot;
    std::map<Id, Term> glossary;
    std::map<Id, Lesson> lessons;
    std::map<Id, DaySummary> summaries;

    /// The largest id any workshop entity uses.
    Id largestIdInUse() const;
    bool operator==(const Workshop&) const = default;
};

/// The ISO date `days` calendar days after `isoDate`, or empty when the date is not valid.
std::string addDays(const std::string& isoDate, int days);
/// True for a valid ISO calendar date "YYYY-MM-DD".
bool isIsoDate(const std::string& text);
/// The date of a review: its own, else the workshop's end date plus its offset (may be empty).
std::string reviewDate(const WorkshopProps& props, const Review& review);

} // namespace gemba::model
