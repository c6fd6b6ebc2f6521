#pragma once

#include "gemba/metrics/compare.h"
#include "gemba/metrics/metrics.h"
#include "gemba/model/project.h"
#include "gemba/render/paged_document.h"
#include "gemba/render/sheet.h"

#include <QPageLayout>
#include <QSizeF>
#include <QString>
#include <memory>
#include <optional>
#include <string>

class QPainter;
class QPagedPaintDevice;

/// The report a process owner hands round: the map page (title block, map, timeline, figures,
/// legend), then the step table, the red-pen list, the findings and the comparison with another
/// map. Laid out in units of 1/96 inch, the units the render library measures text in, and
/// painted on any paged device: a PDF writer or a printer.
namespace gemba::render {

class SimulationSheet;

enum class PageSize { A4, A3, Letter };

struct ReportOptions {
    PageSize pageSize = PageSize::A4;
    bool landscape = true;
    /// The map's scale in percent (100: the map's units at 1/96 inch, so text prints at its
    /// size); empty: the map is fitted to its page. A map larger than a page at this scale is
    /// spread over tiles with a small overlap, labelled by column and row ("B2").
    std::optional<double> scalePercent;
    /// Fitted to its page (no scale), a stream too long for its step figures to read is
    /// wrapped onto rows (serpentineLayout) in the report's copy; the project is not changed.
    /// Still too small on one page, the map page shows it whole and tiles at 50% follow
    /// (unless tileLongStream is false: the comparison's "before" page has no tiles).
    bool wrapLongStream = true;
    bool tileLongStream = true;
    bool steps = true;    ///< the step table
    bool redPens = true;  ///< the red-pen list
    bool findings = true; ///< the validation findings
    /// A map to compare the report's map with: the comparison section shows it as "before".
    model::Id compareFrom = model::kNoId;
    /// A simulation of the map to add as the report's last section (the editor's Simulate
    /// view makes one); null: none.
    std::shared_ptr<const SimulationSheet> simulation;
    std::string author; ///< empty: the project's process owner
    std::string date;   ///< empty: today (ISO 8601)
};

/// The most pages a report may have; a map at a scale that needs more is refused.
inline constexpr int kMaxReportPages = 500;

/// Text of a page size as the command line spells it ("A4"), and back.
QString pageSizeName(PageSize size);
std::optional<PageSize> pageSizeFromName(const QString& name);

/// A report laid out for its page size. Throws std::invalid_argument when the options cannot
/// be met (a scale that needs more than kMaxReportPages pages, a map to compare with that the
/// project lacks); the message says which option and why.
class Report : public PagedDocument {
public:
    Report(const model::Project& project, const model::Map& map, ReportOptions options);
    ~Report();
    Report(const Report&) = delete;
    Report& operator=(const Report&) = delete;

    int pageCount() const override;
    QPageLayout pageLayout() const override;
    QSizeF pageSize() const override;
    /// "<project> — <map>", the PDF's title.
    QString title() const override;
    QString author() const override;
    QString subject() const override;
    QString keywords() const override;
    /// One entry per section where it starts, and one per tile of the map.
    std::vector<Bookmark> bookmarks() const override;
    /// Each tile marker on the map page opens its tile's page.
    std::vector<Link> links() const override;
    const metrics::MapMetrics& metrics() const;

    void paintPage(QPainter& painter, int index) const override;

private:
    struct Impl;
    std::unique_ptr<Impl> m;
};

/// The comparison of two maps as one column, for the editor's Compare view: the same figures,
/// charts and step changes as the report's comparison section, in units of 1/96 inch.
class ComparisonSheet : public Sheet {
public:
    ComparisonSheet(const model::Project& project, const model::Map& from, const model::Map& to);
    ~ComparisonSheet();
    ComparisonSheet(const ComparisonSheet&) = delete;
    ComparisonSheet& operator=(const ComparisonSheet&) = delete;

    const metrics::Comparison& comparison() const;
    qreal height(qreal width) const override;
    void paint(QPainter& painter, const QRectF& area) const override;

private:
    struct Impl;
    std::unique_ptr<Impl> m;
};

} // namespace gemba::render
