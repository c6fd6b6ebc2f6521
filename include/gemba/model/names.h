#pragma once

#include "gemba/model/types.h"
#include "gemba/model/workshop.h"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>

/// The stable text names of the model's enumerations, as JSON, CSV and the command line spell
/// them ("push", "electronic_information"). They are part of the file formats: never rename.
namespace gemba::model {

template <class E> struct EnumNames; // specialised below: static std::span<const pair> table()

#define GEMBA_ENUM_NAMES(Enum, ...)                                                                \
    template <> struct EnumNames<Enum> {                                                           \
        static std::span<const std::pair<Enum, std::string_view>> table() {                        \
            static constexpr std::pair<Enum, std::string_view> names[] = {__VA_ARGS__};            \
            return names;                                                                          \
        }                                                                                          \
    };

GEMBA_ENUM_NAMES(MapState, {MapState::Current, "current"}, {MapState::Future, "future"},
                 {MapState::Ideal, "ideal"})
GEMBA_ENUM_NAMES(TimeDistribution, {TimeDistribution::Triangular, "triangular"},
                 {TimeDistribution::Pert, "pert"})
GEMBA_ENUM_NAMES(SystemKind, {SystemKind::Application, "application"},
                 {SystemKind::Spreadsheet, "spreadsheet"}, {SystemKind::Email, "email"},
                 {SystemKind::Paper, "paper"}, {SystemKind::Phone, "phone"},
                 {SystemKind::Other, "other"})
GEMBA_ENUM_NAMES(ValueClass, {ValueClass::ValueAdding, "value_adding"},
                 {ValueClass::NecessaryNonValueAdding, "necessary_non_value_adding"},
                 {ValueClass::Waste, "waste"})
GEMBA_ENUM_NAMES(WasteKind, {WasteKind::Defects, "defects"}, {WasteKind::Waiting, "waiting"},
                 {WasteKind::Overproduction, "overproduction"},
                 {WasteKind::OverProcessing, "over_processing"},
                 {WasteKind::HandoffsTransport, "handoffs_transport"},
                 {WasteKind::MotionTaskSwitching, "motion_task_switching"},
                 {WasteKind::Inventory, "inventory"}, {WasteKind::UnusedTalent, "unused_talent"})
GEMBA_ENUM_NAMES(FlowKind, {FlowKind::Push, "push"}, {FlowKind::Pull, "pull"},
                 {FlowKind::Fifo, "fifo"}, {FlowKind::ManualInformation, "manual_information"},
                 {FlowKind::ElectronicInformation, "electronic_information"},
                 {FlowKind::Shipment, "shipment"})
GEMBA_ENUM_NAMES(DemandPeriod, {DemandPeriod::Day, "day"}, {DemandPeriod::Week, "week"},
                 {DemandPeriod::Month, "month"}, {DemandPeriod::Year, "year"})
GEMBA_ENUM_NAMES(ElementKind, {ElementKind::Step, "step"}, {ElementKind::Wait, "wait"},
                 {ElementKind::Supplier, "supplier"}, {ElementKind::Customer, "customer"},
                 {ElementKind::InfoBox, "info_box"}, {ElementKind::Note, "note"},
                 {ElementKind::RedPen, "red_pen"}, {ElementKind::Flow, "flow"})
GEMBA_ENUM_NAMES(Basis, {Basis::Unknown, "unknown"}, {Basis::Measured, "measured"},
                 {Basis::Estimated, "estimated"})
GEMBA_ENUM_NAMES(Figure, {Figure::ProcessTime, "process_time"}, {Figure::CycleTime, "cycle_time"},
                 {Figure::LeadTime, "lead_time"}, {Figure::Pca, "pca"},
                 {Figure::BatchSize, "batch_size"}, {Figure::Changeover, "changeover"},
                 {Figure::Uptime, "uptime"}, {Figure::DefectRate, "defect_rate"})
GEMBA_ENUM_NAMES(WaitKind, {WaitKind::Time, "time"}, {WaitKind::Inventory, "inventory"})
GEMBA_ENUM_NAMES(PartyKind, {PartyKind::Supplier, "supplier"}, {PartyKind::Customer, "customer"})

// The workshop (workshop.h).
GEMBA_ENUM_NAMES(TargetFigure, {TargetFigure::LeadTime, "lead_time"},
                 {TargetFigure::ProcessTime, "process_time"},
                 {TargetFigure::ActivityRatio, "activity_ratio"},
                 {TargetFigure::RolledPca, "rolled_pca"}, {TargetFigure::Handoffs, "handoffs"},
                 {TargetFigure::StepLeadTime, "step_lead_time"},
                 {TargetFigure::WaitTime, "wait_time"})
GEMBA_ENUM_NAMES(IdeaKind, {IdeaKind::Remove, "remove"}, {IdeaKind::Simplify, "simplify"},
                 {IdeaKind::Combine, "combine"}, {IdeaKind::Automate, "automate"},
                 {IdeaKind::UseAi, "use_ai"}, {IdeaKind::Standardise, "standardise"},
                 {IdeaKind::Other, "other"})
GEMBA_ENUM_NAMES(IdeaStatus, {IdeaStatus::Proposed, "proposed"},
                 {IdeaStatus::Shortlisted, "shortlisted"}, {IdeaStatus::Selected, "selected"},
                 {IdeaStatus::Parked, "parked"}, {IdeaStatus::Rejected, "rejected"})
GEMBA_ENUM_NAMES(Level, {Level::Low, "low"}, {Level::Medium, "medium"}, {Level::High, "high"})
GEMBA_ENUM_NAMES(DataSource, {DataSource::System, "system"}, {DataSource::Mixed, "mixed"},
                 {DataSource::Paper, "paper"})
GEMBA_ENUM_NAMES(Fit, {Fit::Good, "good"}, {Fit::Possible, "possible"}, {Fit::Poor, "poor"})
GEMBA_ENUM_NAMES(ActionStatus, {ActionStatus::Planned, "planned"},
                 {ActionStatus::InProgress, "in_progress"}, {ActionStatus::Done, "done"},
                 {ActionStatus::Dropped, "dropped"}, {ActionStatus::Blocked, "blocked"})

#undef GEMBA_ENUM_NAMES

/// The text name of an enumerator.
template <class E> std::string_view nameOf(E value) {
    for (const auto& [v, name] : EnumNames<E>::table())
        if (v == value)
            return name;
    return {};
}

/// The enumerator with this exact name, or nothing.
template <class E> std::optional<E> enumFromName(std::string_view name) {
    for (const auto& [v, n] : EnumNames<E>::table())
        if (n == name)
            return v;
    return std::nullopt;
}

/// Every name of an enumeration, for messages that list the allowed values.
template <class E> std::string allNames(std::string_view separator = ", ") {
    std::string out;
    for (const auto& [v, name] : EnumNames<E>::table()) {
        if (!out.empty())
            out += separator;
        out += name;
    }
    return out;
}

} // namespace gemba::model
