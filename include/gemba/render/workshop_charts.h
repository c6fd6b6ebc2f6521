#pragma once

#include "gemba/metrics/review.h"
#include "gemba/model/project.h"

#include <QColor>
#include <QDate>
#include <QRectF>
#include <QString>
#include <vector>

class QPainter;

/// The workshop's charts: the action plan as a timeline (a bar per action from its start to
/// its due date, in lanes grouped by owner or by status, the review dates and today as
/// vertical lines) and a small chart per figure across the reviews (baseline, target and the
/// actual value at each review). Painted on any QPainter in layout units (1/96 inch), for the
/// editor's views and the PDF documents alike.
namespace gemba::render {

enum class PlanGrouping { Owner, Status };

/// How the timeline and the tables name an action's status ("in progress").
QString actionStatusText(model::ActionStatus status);
/// The colour of an action's bar and status: done green, in progress blue, blocked red.
QColor actionStatusColour(model::ActionStatus status);

class PlanTimeline {
public:
    /// One line of the timeline: a group's heading or an action.
    struct Lane {
        bool heading = false;
        QString text;   ///< the group's name, or the action's title
        QString detail; ///< beside the bar: the status, or the owner
        model::Id action = model::kNoId;
        model::ActionStatus status = model::ActionStatus::Planned;
        QDate start;          ///< may be invalid (not given)
        QDate due;            ///< may be invalid
        bool overdue = false; ///< due before today and neither done nor dropped
    };
    struct Marker {
        QDate date;
        QString label;
    };

    PlanTimeline(const model::Project& project, PlanGrouping grouping, QDate today);

    const std::vector<Lane>& lanes() const { return m_lanes; }
    const std::vector<Marker>& reviews() const { return m_reviews; }
    QDate today() const { return m_today; }
    /// The dates the axis spans (the actions', the reviews' and today, with a margin).
    QDate first() const { return m_first; }
    QDate last() const { return m_last; }

    int laneCount() const { return static_cast<int>(m_lanes.size()); }
    /// Height of the axis and lanes [first, last); the axis repeats on each page.
    qreal height(int first, int last) const;
    qreal totalHeight() const { return height(0, laneCount()); }
    void paint(QPainter& painter, const QRectF& area, int first, int last) const;
    /// x of the start of a day in a chart of this area (for tests: bars line up with dates).
    qreal xOf(const QRectF& area, QDate date) const;

private:
    std::vector<Lane> m_lanes;
    std::vector<Marker> m_reviews;
    QDate m_today;
    QDate m_first;
    QDate m_last;
};

/// Size of one figure's chart across the reviews.
inline constexpr qreal kReviewChartWidth = 250;
inline constexpr qreal kReviewChartHeight = 150;

/// The chart of row `row` of the table: the baseline and the target as lines, the actual
/// value at each review as a point on a line from the baseline, each value labelled. Says why
/// when the row has no figure.
void paintReviewChart(QPainter& painter, const QRectF& area, const model::Project& project,
                      const metrics::ReviewTable& table, std::size_t row);

/// Short label of a review on a chart's axis: "30 d" after the workshop, else its date.
QString reviewAxisLabel(const model::Project& project, model::Id review);

} // namespace gemba::render
