#pragma once

#include "gemba/render/report.h"

#include <QPageLayout>
#include <QRectF>
#include <QString>

class QPainter;

/// What every page of Gemba's documents shares: the size and margins, the header line (title
/// and section), the footer (version, date, page number).
namespace gemba::render::detail {

inline constexpr qreal kPageMargin = 34;
inline constexpr qreal kPageFooter = 16;
inline constexpr qreal kPageHeader = 28;

QPageSize::PageSizeId pageSizeId(PageSize size);
/// The page in layout units.
QSizeF pageSizeUnits(PageSize size, bool landscape);
QPageLayout pageLayoutOf(PageSize size, bool landscape);
/// Inside the margins, above the footer.
QRectF pageContent(const QSizeF& page);

/// Refuses a document of more than kMaxReportPages pages (std::invalid_argument naming
/// `document`, "the report"), before any page is drawn.
void checkPageCount(std::size_t pages, const char* document);

/// "TITLE · SECTION" at the left, `right` in bold at the right, a rule under them.
void paintPageHeader(QPainter& painter, const QRectF& content, const QString& title,
                     const QString& section, const QString& right);
/// "Gemba VERSION · DATE" at the left, "Page N of M" at the right.
void paintPageFooter(QPainter& painter, const QRectF& content, qreal pageHeight,
                     const QString& date, int index, int count);

} // namespace gemba::render::detail
