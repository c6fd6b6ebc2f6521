#pragma once

#include "gemba/model/project.h"

#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace gemba::store::detail {

/// A map's element lists held apart from the map's document, by list ("steps", "flows"...),
/// each element as the JSON text of one row in list order: the repository's entity rows. They
/// are read through a JsonTape, not parsed into a document each.
using DetachedLists = std::map<std::string, std::vector<std::string>, std::less<>>;

/// The entity lists of the interchange format: non-empty arrays of objects that each have an
/// integer id (a map's steps, the project's people, the workshop's ideas...).
bool isEntityList(const nlohmann::json& value);
/// What names an entity in messages and queries: its name, title, label, term or text (the
/// first it has); empty when it has none.
std::string entityName(const nlohmann::json& entity);

/// fromJson, where the elements of the i-th map of "maps" are its document's lists followed by
/// `detached[i]` (a map beyond `detached` has none detached). Messages name the elements as if
/// they stood in the document: /maps/0/steps/17/name.
model::Project fromJson(const nlohmann::json& document, const std::vector<DetachedLists>& detached,
                        const std::string& file);

} // namespace gemba::store::detail
