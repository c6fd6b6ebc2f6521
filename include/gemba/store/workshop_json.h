#pragma once

#include "gemba/model/workshop.h"

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

/// The workshop (ideas, actions, reviews, log) in JSON: the "workshop" object of the
/// interchange format, and the JSON each row of the .gemba workshop tables holds. One writer and
/// one reader serve both (docs/file-format.md).
namespace gemba::store {

nlohmann::json toJson(const model::Idea& idea);
nlohmann::json toJson(const model::Action& action);
nlohmann::json toJson(const model::Review& review);
nlohmann::json toJson(const model::ParkingItem& item);
nlohmann::json toJson(const model::Term& term);
nlohmann::json toJson(const model::Lesson& lesson);
nlohmann::json toJson(const model::DaySummary& summary);
nlohmann::json toJson(const model::WorkshopProps& props);
/// The whole workshop; an empty object when there is nothing.
nlohmann::json workshopToJson(const model::Workshop& workshop);

/// The workshop as read, each entity with its JSON pointer, before ids left out are handed out
/// (id kNoId) and before they are placed in the project.
struct WorkshopDraft {
    model::WorkshopProps props;
    std::vector<std::pair<model::Idea, std::string>> ideas;
    std::vector<std::pair<model::Action, std::string>> actions;
    std::vector<std::pair<model::Review, std::string>> reviews;
    std::vector<std::pair<model::ParkingItem, std::string>> parkingLot;
    std::vector<std::pair<model::Term, std::string>> glossary;
    std::vector<std::pair<model::Lesson, std::string>> lessons;
    std::vector<std::pair<model::DaySummary, std::string>> summaries;
};

/// Reads JSON of the workshop. `pointer` is where `json` stands in its document ("/workshop");
/// errors are InputErrors naming `file` and the JSON pointer. Durations of targets and
/// measures may be written with units ("34 d"), read with `calendar`.
class WorkshopJsonReader {
public:
    WorkshopJsonReader(std::string file, model::Calendar calendar)
        : m_file(std::move(file))
        , m_calendar(calendar) {}

    WorkshopDraft workshop(const nlohmann::json& json, const std::string& pointer) const;
    model::WorkshopProps props(const nlohmann::json& json, const std::string& pointer) const;
    model::Idea idea(const nlohmann::json& json, const std::string& pointer) const;
    model::Action action(const nlohmann::json& json, const std::string& pointer) const;
    model::Review review(const nlohmann::json& json, const std::string& pointer) const;
    model::ParkingItem parkingItem(const nlohmann::json& json, const std::string& pointer) const;
    model::Term term(const nlohmann::json& json, const std::string& pointer) const;
    model::Lesson lesson(const nlohmann::json& json, const std::string& pointer) const;
    model::DaySummary summary(const nlohmann::json& json, const std::string& pointer) const;

private:
    std::string m_file;
    model::Calendar m_calendar;
};

/// True for figures measured in seconds (written "34 d" in JSON).
bool isDurationFigure(model::TargetFigure figure);

} // namespace gemba::store
