#pragma once

#include "gemba/metrics/compare.h"
#include "gemba/render/map_painter.h"
#include "gemba/render/simulation_sheet.h"
#include "report_blocks.h"

#include <QString>
#include <vector>

/// The parts of a report, shared by the report's pages and the Compare view.
namespace gemba::render::detail {

QString qs(const std::string& text);

/// A figure in the project's units: "2.5 d", "12.3%", "1,200 EUR". With `signedValue`, a
/// change: "+2 h", "−4.1 pts".
QString figureText(metrics::Quantity quantity, double value, const model::Project& project,
                   bool signedValue = false);

/// The summary figures of a map, as label and value, in the order the map page lists them.
std::vector<std::pair<QString, QString>>
summaryFigures(const model::Project& project, const model::Map& map, const metrics::MapMetrics& m);

/// The legend of the symbols a map uses: only those present on it.
struct LegendEntry {
    QString label;
    std::function<void(QPainter&, const QRectF& icon)> paintIcon;
};
std::vector<LegendEntry> legendEntries(const model::Project& project, const model::Map& map,
                                       const metrics::MapMetrics& m);
/// Height the legend needs in `columns` columns.
qreal legendHeight(std::size_t entries, int columns);
void paintLegend(QPainter& painter, const QRectF& area, const std::vector<LegendEntry>& entries,
                 int columns);

/// The map and its bounds as the report and the images draw them (empty for an empty map).
QRectF mapContentRect(const model::Map& map);

/// Section blocks. Each starts with its heading.
std::vector<BlockPtr> stepTableBlocks(const model::Project& project, const model::Map& map,
                                      const metrics::MapMetrics& m);
std::vector<BlockPtr> redPenBlocks(const model::Project& project, const model::Map& map);
std::vector<BlockPtr> findingBlocks(const model::Map& map, const metrics::MapMetrics& m);
/// The comparison: figures side by side, the lead-time bars, the waterfall and the steps
/// added, removed and changed. `withHeading` adds the section's title.
std::vector<BlockPtr> comparisonBlocks(const model::Project& project, const model::Map& from,
                                       const model::Map& to, const metrics::Comparison& c,
                                       bool withHeading);

/// The simulation section: each part of the sheet (figures, histogram, tornado, criticality,
/// queues) as a block that a page break never splits.
std::vector<BlockPtr> simulationBlocks(const SimulationSheet& sheet);

} // namespace gemba::render::detail
