#include "gemba/render/serpentine.h"

#include "gemba/render/geometry.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <unordered_map>

namespace gemba::render {

namespace {

/// The tidy layout split into the flow's grid cells and everything else.
struct Grid {
    std::vector<std::pair<model::Id, model::Point>> all;
    std::unordered_map<model::Id, std::pair<int, int>> cell; ///< column, row of flow nodes
    int columns = 0;
    int rows = 0;
};

Grid gridOf(const model::Map& map) {
    Grid grid;
    grid.all = autoLayout(map);
    std::set<model::Id> inFlow;
    for (const auto& [id, flow] : map.flows)
        if (model::carriesWork(flow.kind)) {
            inFlow.insert(flow.from);
            inFlow.insert(flow.to);
        }
    for (const auto& [id, p] : grid.all) {
        if (!inFlow.contains(id) || map.infoBoxes.contains(id) || map.notes.contains(id) ||
            map.redPens.contains(id))
            continue;
        const int column = static_cast<int>(std::lround(p.x / kLayoutColumnWidth));
        const int row = static_cast<int>(std::lround(p.y / kLayoutRowHeight));
        grid.cell[id] = {column, row};
        grid.columns = std::max(grid.columns, column + 1);
        grid.rows = std::max(grid.rows, row + 1);
    }
    return grid;
}

} // namespace

std::vector<std::pair<model::Id, model::Point>> serpentineLayout(const model::Map& map,
                                                                 int columnsPerRow) {
    Grid grid = gridOf(map);
    const int per = std::max(2, columnsPerRow);
    if (grid.columns <= per)
        return grid.all;
    const int bands = (grid.columns + per - 1) / per;
    // A band is the flow's rows plus one row of room for the flow back to the left.
    const qreal bandHeight = (grid.rows + 0.5) * kLayoutRowHeight;
    const qreal width = (per - 1) * kLayoutColumnWidth;
    const qreal flowBottom = grid.rows * kLayoutRowHeight;
    for (auto& [id, p] : grid.all) {
        if (auto it = grid.cell.find(id); it != grid.cell.end()) {
            const auto [column, row] = it->second;
            p = {(column % per) * kLayoutColumnWidth,
                 (column / per) * bandHeight + row * kLayoutRowHeight};
        } else if (map.infoBoxes.contains(id)) {
            // Spread over the wrapped width instead of the unwrapped one.
            const qreal unwrapped = (grid.columns - 1) * kLayoutColumnWidth;
            p.x = unwrapped > 0 ? p.x * width / unwrapped : p.x;
        } else if (p.y >= flowBottom - 1) {
            // Below the flow: below the last band, wrapped to the same width.
            const int column = static_cast<int>(std::lround(p.x / kLayoutColumnWidth));
            p = {(column % per) * kLayoutColumnWidth,
                 p.y + (bands - 1) * bandHeight + (column / per) * kLayoutRowHeight};
        }
        p = snapToGrid(p);
    }
    return grid.all;
}

int serpentineColumnCount(const model::Map& map) {
    return gridOf(map).columns;
}

int serpentineColumnsFor(const model::Map& map, double aspect) {
    const Grid grid = gridOf(map);
    if (grid.columns <= 2 || aspect <= 0)
        return std::max(grid.columns, 2);
    // Try every width; keep the one whose aspect is closest (in log terms) to the target.
    int best = grid.columns;
    double bestError = 1e300;
    for (int per = 2; per <= grid.columns; ++per) {
        const int bands = (grid.columns + per - 1) / per;
        const double w = per * kLayoutColumnWidth;
        const double h = bands * (grid.rows + 0.5) * kLayoutRowHeight;
        const double error = std::abs(std::log((w / h) / aspect));
        if (error < bestError - 1e-9) {
            bestError = error;
            best = per;
        }
    }
    return best;
}

int serpentineColumnsToFit(const model::Map& map, double width, double height) {
    // Below half size a step's name and figures no longer read on screen.
    constexpr double kReadableZoom = 0.5;
    const int columns = serpentineColumnCount(map);
    if (columns * kLayoutColumnWidth * kReadableZoom <= width || height <= 0)
        return std::max(columns, 2);
    return serpentineColumnsFor(map, width / height);
}

} // namespace gemba::render
