#pragma once

#include "gemba/model/project.h"
#include "gemba/render/paged_document.h"
#include "gemba/render/report.h"

#include <memory>
#include <string>
#include <utility>

/// The one-page summary of a workshop, the lean "A3" a process owner hands round: the case for
/// change and the goals, the current and the future map side by side, the key figures before
/// and after, the costliest red pens, the selected ideas, the actions with owners and dates,
/// and the next review.
namespace gemba::render {

struct SummaryOptions {
    PageSize pageSize = PageSize::A3;
    bool landscape = true;
    /// The as-is map; kNoId: the map the future state was made from, else the first
    /// current-state map, else the first map.
    model::Id current = model::kNoId;
    /// The to-be map; kNoId: the first future-state map made from the current one, else the
    /// first future-state map. None at all: the summary shows the current state alone.
    model::Id future = model::kNoId;
    bool withFuture = true; ///< false: the current state alone, even when a future one exists
    std::string author;     ///< empty: the project's process owner
    std::string date; ///< empty: today (ISO 8601); the next review is the first on or after it
};

/// Text on the summary is never smaller than this, in points on paper: a map that would print
/// smaller is drawn as a row of named steps with its ladder instead.
inline constexpr qreal kSummaryMinTextPoints = 6;

/// The maps a summary shows, as (current, future; kNoId when there is none), from the ones
/// asked for (kNoId: found as SummaryOptions says). Throws std::invalid_argument when a map
/// asked for is not in the project, or the project has no map.
std::pair<model::Id, model::Id> summaryMaps(const model::Project& project, model::Id current,
                                            model::Id future);

/// The summary laid out on one page. Throws std::invalid_argument when a map given in the
/// options is not in the project, or the project has no map.
class SummaryReport : public PagedDocument {
public:
    SummaryReport(const model::Project& project, SummaryOptions options);
    ~SummaryReport() override;
    SummaryReport(const SummaryReport&) = delete;
    SummaryReport& operator=(const SummaryReport&) = delete;

    int pageCount() const override { return 1; }
    QPageLayout pageLayout() const override;
    QSizeF pageSize() const override;
    /// "<project> — Summary"
    QString title() const override;
    QString author() const override;
    QString subject() const override;
    QString keywords() const override;
    std::vector<Bookmark> bookmarks() const override;
    void paintPage(QPainter& painter, int index) const override;

    /// The maps shown (future may be kNoId), and whether each is drawn as the map itself
    /// (true) or as a row of named steps with the ladder (false).
    model::Id currentMap() const;
    model::Id futureMap() const;
    bool drawsMapPicture(model::Id map) const;

private:
    struct Impl;
    std::unique_ptr<Impl> m;
};

} // namespace gemba::render
