#pragma once

#include <cstdint>
#include <string>
#include <string_view>

/// Small text helpers shared by the store's readers and writers.
namespace gemba::store::detail {

/// True when `text` is well-formed UTF-8 (no overlongs, surrogates or code points past
/// U+10FFFF). Every string that enters the model through the store is checked, so that the
/// JSON writer never meets bytes it cannot encode.
bool isValidUtf8(std::string_view text);

/// A number in the shortest fixed-point form that reads back to the same double: 0.1 -> "0.1",
/// 1e21 -> "1000000000000000000000". Fixed, never exponent form, because model::parseNumber
/// reads only fixed notation.
std::string exactNumber(double value);

/// The largest id the store can keep: SQLite integers are signed 64-bit.
inline constexpr std::uint64_t kMaxId = 0x7FFFFFFFFFFFFFFFull;

} // namespace gemba::store::detail
