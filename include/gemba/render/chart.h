#pragma once

#include "gemba/metrics/compare.h"
#include "gemba/model/project.h"

#include <QRectF>
#include <QString>
#include <vector>

class QPainter;

/// The charts of a comparison: each map's lead time as a stacked bar, and the waterfall from
/// the as-is lead time to the to-be one. Sizes in layout units (1/96 inch); painted on any
/// QPainter, for the report and the editor's Compare view alike.
namespace gemba::render {

/// One bar of the lead-time chart: a map's name and its metrics.
struct LeadTimeBar {
    QString label;
    const metrics::MapMetrics* metrics = nullptr;
};

/// Height the lead-time chart needs for this many bars.
qreal leadTimeBarsHeight(std::size_t bars);

/// Stacked horizontal bars, one per map, on a common time axis: each timeline segment is a
/// block of waiting (light) then process time (dark), labelled with its name where it fits.
void paintLeadTimeBars(QPainter& painter, const QRectF& area, const model::Project& project,
                       const std::vector<LeadTimeBar>& bars);

/// Height of the waterfall chart.
qreal waterfallHeight();

/// The most bars the waterfall draws between its two totals; smaller contributions are
/// summed into one "other changes" bar.
inline constexpr std::size_t kWaterfallMaxBars = 12;

/// Bars from the as-is lead time through each contribution (down in green: faster; up in red)
/// to the to-be lead time. Paints a note instead when either map has errors.
void paintWaterfall(QPainter& painter, const QRectF& area, const model::Project& project,
                    const metrics::Comparison& comparison, const QString& fromName,
                    const QString& toName);

/// The waterfall's bars as drawn: the contributions, the largest kept and the rest summed.
std::vector<metrics::LeadTimeContribution>
waterfallBars(const std::vector<metrics::LeadTimeContribution>& contributions);

} // namespace gemba::render
