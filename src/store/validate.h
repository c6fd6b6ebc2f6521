#pragma once

#include "gemba/model/project.h"

#include <optional>
#include <string>
#include <string_view>

/// The rules every project the store reads or writes must meet: ranges of values, well-formed
/// text, positive ids unique across the project, and references that resolve. One set of rules
/// serves the .gemba reader, the JSON reader and the writers, so that what one writes the others
/// read.
namespace gemba::store::detail {

/// The kind of entity a rule was broken on.
enum class Subject {
    Project,
    Person,
    System,
    Map,
    Step,
    Wait,
    Party,
    InfoBox,
    Note,
    RedPen,
    Flow,
    // The workshop (model/workshop.h).
    Idea,
    Action,
    Review,
    ParkingItem,
    Term,
    Lesson,
    DaySummary,
};

/// "person", "info box": for messages.
std::string_view subjectName(Subject subject);

/// The first rule a project breaks. `field` is the path below the entity in JSON spelling
/// ("process_time/min", "targets/2", "team/sponsor"); each format turns it into its own place.
struct Violation {
    Subject subject = Subject::Project;
    model::Id map = model::kNoId; ///< the map, for maps and their elements
    model::Id id = model::kNoId;  ///< the entity (none for the project)
    std::string field;
    std::string problem;
};

/// Checks every rule; nothing when the project is valid. Entities are visited in id order.
std::optional<Violation> findViolation(const model::Project& project);

/// Rules for single values; each returns what is wrong, or nothing.
std::optional<std::string> checkDuration(double seconds);
std::optional<std::string> checkPercent(double value);
std::optional<std::string> checkShare(double value);
std::optional<std::string> checkPositive(double value);
std::optional<std::string> checkNonNegative(double value);
std::optional<std::string> checkFinite(double value);
std::optional<std::string> checkText(std::string_view text);

} // namespace gemba::store::detail
