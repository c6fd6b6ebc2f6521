#pragma once

#include <string>
#include <string_view>

/// Text helpers every layer needs the same way: names and roles are compared trimmed and
/// case-insensitively (ASCII), units and headers are read so.
namespace gemba::model {

/// Without leading and trailing spaces, tabs and line ends.
std::string_view trim(std::string_view text);
/// ASCII letters lowered; other bytes (UTF-8 included) unchanged.
std::string toLower(std::string_view text);

} // namespace gemba::model
