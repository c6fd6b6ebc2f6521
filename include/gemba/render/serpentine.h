#pragma once

#include "gemba/model/project.h"

#include <utility>
#include <vector>

/// A long value stream wrapped onto rows, as a serpentine: the flow runs left to right, then
/// continues at the left of the next row, so that a 60-step map fits a screen or a page with
/// its names and figures readable. The editor (Map ▸ Serpentine Layout) and the PDF report use
/// the same layout.
namespace gemba::render {

/// autoLayout with the flow's columns wrapped after `columnsPerRow` (at least 2): column c of
/// the tidy layout goes to row band c / columnsPerRow, position c % columnsPerRow. Parallel
/// branches stay together in their band; information boxes stand above the first band, loose
/// elements and notes below the last. Returns (element, new position) for every placed
/// element, as autoLayout does.
std::vector<std::pair<model::Id, model::Point>> serpentineLayout(const model::Map& map,
                                                                 int columnsPerRow);

/// The columns of the flow in the tidy layout (autoLayout): what one row holds unwrapped.
int serpentineColumnCount(const model::Map& map);

/// The columns per row that make the wrapped flow closest to a width:height `aspect` (the
/// screen's or the page's): no wrap (all columns) for a short stream.
int serpentineColumnsFor(const model::Map& map, double aspect);

/// For auto layout that wraps only a long stream: all columns (one row) when the unwrapped
/// flow fits a view `width` wide (pixels) at half size or larger, where names and figures
/// still read; else serpentineColumnsFor the view's shape, width / height.
int serpentineColumnsToFit(const model::Map& map, double width, double height);

} // namespace gemba::render
