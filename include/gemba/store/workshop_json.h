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
/// measures may be written with units ("34 d"), read with `calendar`. One entity is read from a
/// nlohmann::json or, for the rows of a .gemba file, from the store's faster JsonNode (Json is
/// one of the two).
class WorkshopJsonReader {
public:
    WorkshopJsonReader(std::string file, model::Calendar calendar)
        : m_file(std::move(file))
        , m_calendar(calendar) {}

    WorkshopDraft workshop(const nlohmann::json& json, const std::string& pointer) const;
    template <class Json>
    model::WorkshopProps props(const Json& json, const std::string& pointer) const;
    template <class Json> model::Idea idea(const Json& json, const std::string& pointer) const;
    template <class Json> model::Action action(const Json& json, const std::string& pointer) const;
    template <class Json> model::Review review(const Json& json, const std::string& pointer) const;
    template <class Json>
    model::ParkingItem parkingItem(const Json& json, const std::string& pointer) const;
    template <class Json> model::Term term(const Json& json, const std::string& pointer) const;
    template <class Json> model::Lesson lesson(const Json& json, const std::string& pointer) const;
    template <class Json>
    model::DaySummary summary(const Json& json, const std::string& pointer) const;

private:
    std::string m_file;
    model::Calendar m_calendar;
};

/// True for figures measured in seconds (written "34 d" in JSON).
bool isDurationFigure(model::TargetFigure figure);

} // namespace gemba::store
