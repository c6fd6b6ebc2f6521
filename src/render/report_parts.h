#pragma once

#include "gemba/metrics/compare.h"
#include "gemba/render/map_painter.h"
#include "gemba/render/report.h"
#include "gemba/render/simulation_sheet.h"
#include "report_blocks.h"
#include "report_page.h"

#include <QPageSize>
#include <QString>
#include <limits>
#include <vector>

/// The parts of a report, shared by the report's pages and the Compare view.
namespace gemba::render::detail {

QString qs(const std::string& text);

/// "process_time" -> "Process time", "over_processing" -> "Over processing"; the
/// abbreviations VSM people use stay as they write them (%C&A, MTBF).
QString fieldTitle(const std::string& field);

/// "Current state", "Future state", "Ideal state".
QString stateText(model::MapState state);

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
/// The red pens, costliest first: at most `limit` rows (the total counts every pen), under
/// `title` (empty: the report's section heading), as a section heading or a subheading.
std::vector<BlockPtr> redPenBlocks(const model::Project& project, const model::Map& map,
                                   std::size_t limit = std::numeric_limits<std::size_t>::max(),
                                   const QString& title = {}, bool sectionHeading = false);
std::vector<BlockPtr> findingBlocks(const model::Map& map, const metrics::MapMetrics& m);
/// The comparison: figures side by side, the lead-time bars, the waterfall and the steps
/// added, removed and changed. `withHeading` adds the section's title.
std::vector<BlockPtr> comparisonBlocks(const model::Project& project, const model::Map& from,
                                       const model::Map& to, const metrics::Comparison& c,
                                       bool withHeading);

/// The figures of a comparison side by side: before, after, the change and its percentage,
/// improvements in green and setbacks in red. `keys` (as `compare --json` names them) picks
/// and keeps the comparison's order; empty: every figure.
std::shared_ptr<TableBlock> comparisonFigureTable(const model::Project& project,
                                                  const metrics::Comparison& c,
                                                  const QString& fromName, const QString& toName,
                                                  const std::vector<std::string>& keys);

/// The simulation section: each part of the sheet (figures, histogram, tornado, criticality,
/// queues) as a block that a page break never splits.
std::vector<BlockPtr> simulationBlocks(const SimulationSheet& sheet);

} // namespace gemba::render::detail
