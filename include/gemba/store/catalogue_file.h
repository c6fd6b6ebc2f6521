#pragma once

#include "gemba/model/catalogue.h"

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

/// Where a folder of projects keeps its organisation's catalogue: a JSON file beside the
/// .gemba files. Format: docs/file-format.md, "The catalogue file".
namespace gemba::store {

inline constexpr const char* kCatalogueFormatName = "gemba-catalogue";
inline constexpr int kCatalogueFormatVersion = 1;
inline constexpr const char* kCatalogueFileName = "catalogue.json";

/// The file's JSON, its keys in the order the format lists them.
nlohmann::ordered_json catalogueToJson(const model::Catalogue& catalogue);
/// Reads a catalogue; throws InputError naming `file` and the JSON path of the first invalid
/// field, or the line of a syntax error.
model::Catalogue catalogueFromJson(const nlohmann::json& json, const std::string& file);
model::Catalogue readCatalogueText(std::string_view text, const std::string& file);

/// The catalogue file of a folder of projects.
std::filesystem::path catalogueFileOf(const std::filesystem::path& folder);
/// The catalogue in `file`; nothing when there is no such file. Throws InputError.
std::optional<model::Catalogue> readCatalogueFile(const std::filesystem::path& file);
/// Writes pretty-printed JSON atomically (the previous file stays whole if this fails).
void writeCatalogueFile(const model::Catalogue& catalogue, const std::filesystem::path& file);

} // namespace gemba::store
