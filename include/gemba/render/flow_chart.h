#pragma once

#include "gemba/metrics/flow.h"
#include "gemba/model/calendar.h"

#include <QRectF>
#include <vector>

class QPainter;

/// The flow-over-time chart: per week or month, three panels on one time axis: throughput
/// (bars) with the work in process at the period's end (a line), the lead time P50 and P85
/// (lines, working time), and the flow efficiency (a line, 0-100%). Painted on any QPainter
/// in layout units (1/96 inch), for the editor's view and any document alike.
namespace gemba::render {

/// The height the chart needs for its three panels and axis.
inline constexpr qreal kFlowChartHeight = 420;

/// Paints `periods` into `area`; says so when there are none.
void paintFlowOverTime(QPainter& painter, const QRectF& area,
                       const std::vector<metrics::PeriodFlow>& periods,
                       const model::Calendar& calendar);

} // namespace gemba::render
