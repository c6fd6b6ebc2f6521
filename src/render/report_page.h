#pragma once

#include "gemba/render/report.h"

#include <QPageLayout>
#include <QRectF>
#include <QString>
#include <functional>

class QPainter;
class QPagedPaintDevice;

/// What every page of Gemba's documents shares: the size and margins, the header line (title
/// and section), the footer (version, date, page number) and the way pages are printed.
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

/// "TITLE · SECTION" at the left, `right` in bold at the right, a rule under them.
void paintPageHeader(QPainter& painter, const QRectF& content, const QString& title,
                     const QString& section, const QString& right);
/// "Gemba VERSION · DATE" at the left, "Page N of M" at the right.
void paintPageFooter(QPainter& painter, const QRectF& content, qreal pageHeight,
                     const QString& date, int index, int count);

/// Every page on a paged device, each recorded at the resolution text is measured in and
/// played back scaled to the device's, so text keeps the width it was laid out with.
bool printPages(QPainter& painter, QPagedPaintDevice& device, const QSizeF& page, int count,
                const std::function<void(QPainter&, int)>& paintPage);

} // namespace gemba::render::detail
