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

/// fromJson, where the elements of the i-th map of "maps" are its document's lists followed by
/// `detached[i]` (a map beyond `detached` has none detached). Messages name the elements as if
/// they stood in the document: /maps/0/steps/17/name.
model::Project fromJson(const nlohmann::json& document, const std::vector<DetachedLists>& detached,
                        const std::string& file);

} // namespace gemba::store::detail
