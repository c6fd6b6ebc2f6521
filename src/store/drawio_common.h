#pragma once

/// What the draw.io reader and writer share.
namespace gemba::store::detail {

/// Gemba's canvas units per draw.io unit: a Gemba step is 168 wide where a draw.io process is
/// about 100, so a diagram keeps its look. Positions are shape centres times this scale.
inline constexpr double kDrawioScale = 1.6;

} // namespace gemba::store::detail
