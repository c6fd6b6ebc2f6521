#pragma once

#include "gemba/model/project.h"

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

/// The JSON interchange format of a whole project: docs/file-format.md.
namespace gemba::store {

inline constexpr const char* kJsonFormatName = "gemba";
inline constexpr int kJsonFormatVersion = 1;

nlohmann::json toJson(const model::Project& project);

/// Reads a project; throws InputError naming the JSON path (/maps/0/steps/3/process_time) of
/// the first invalid or unknown field. `file` only names the source in messages.
model::Project fromJson(const nlohmann::json& json, const std::string& file = "<json>");

/// Parses and reads a project from JSON text; a syntax error or a number beyond a double names
/// the line and column, anything else the JSON pointer.
model::Project readJsonText(std::string_view text, const std::string& file = "<json>");
model::Project readJsonFile(const std::filesystem::path& file);
/// Writes pretty-printed JSON atomically.
void writeJsonFile(const model::Project& project, const std::filesystem::path& file);

} // namespace gemba::store
