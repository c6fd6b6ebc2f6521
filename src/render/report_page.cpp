#include "report_page.h"

#include "gemba/render/text.h"
#include "gemba/render/theme.h"

#include <QFontMetricsF>
#include <QPainter>
#include <algorithm>
#include <stdexcept>
#include <string>

#ifndef GEMBA_VERSION
#error "GEMBA_VERSION must be defined by the build (the project version)"
#endif

namespace gemba::render::detail {

void checkPageCount(std::size_t pages, const char* document) {
    if (pages > static_cast<std::size_t>(kMaxReportPages))
        throw std::invalid_argument(std::string(document) + " would have " + std::to_string(pages) +
                                    " pages; a report has at most " +
                                    std::to_string(kMaxReportPages));
}

QPageSize::PageSizeId pageSizeId(PageSize size) {
    switch (size) {
    case PageSize::A4:
        return QPageSize::A4;
    case PageSize::A3:
        return QPageSize::A3;
    case PageSize::Letter:
        return QPageSize::Letter;
    }
    return QPageSize::A4;
}

QSizeF pageSizeUnits(PageSize size, bool landscape) {
    QSizeF page = QPageSize(pageSizeId(size)).size(QPageSize::Inch) * kUnitsPerInch;
    if (landscape)
        page.transpose();
    return page;
}

QPageLayout pageLayoutOf(PageSize size, bool landscape) {
    return QPageLayout(QPageSize(pageSizeId(size)),
                       landscape ? QPageLayout::Landscape : QPageLayout::Portrait,
                       QMarginsF(0, 0, 0, 0));
}

QRectF pageContent(const QSizeF& page) {
    return QRectF(kPageMargin, kPageMargin, page.width() - 2 * kPageMargin,
                  page.height() - 2 * kPageMargin - kPageFooter);
}

void paintPageHeader(QPainter& p, const QRectF& content, const QString& title,
                     const QString& section, const QString& right) {
    const Theme& t = theme();
    const QRectF line(content.left(), content.top(), content.width(), 16);
    const qreal rightWidth = std::min(textWidth(t.font(8, true), right) + 4, line.width() / 2);
    // A long title gives way to the section: the reader must see where in the report a page is.
    const QRectF left = line.adjusted(0, 0, -rightWidth - 8, 0);
    const QString tail = QStringLiteral(" · ") + section;
    const QFontMetricsF metrics(t.font(8));
    const qreal titleRoom = left.width() - metrics.horizontalAdvance(tail);
    const QString shortTitle = titleRoom > metrics.horizontalAdvance(QStringLiteral("Wwww…"))
                                   ? metrics.elidedText(title, Qt::ElideRight, titleRoom)
                                   : title;
    paintElidedText(p, left, shortTitle + tail, t.font(8), t.muted, Qt::AlignLeft);
    paintElidedText(p, QRectF(line.right() - rightWidth, line.top(), rightWidth, line.height()),
                    right, t.font(8, true), t.ink, Qt::AlignRight);
    p.setPen(QPen(t.faint, 0.8));
    p.drawLine(QPointF(content.left(), content.top() + 19),
               QPointF(content.right(), content.top() + 19));
}

void paintPageFooter(QPainter& p, const QRectF& content, qreal pageHeight, const QString& date,
                     int index, int count) {
    const Theme& t = theme();
    const QRectF line(content.left(), pageHeight - kPageMargin - 12, content.width(), 12);
    paintElidedText(p, line.adjusted(0, 0, -120, 0),
                    mapText("Gemba %1 · %2").arg(QStringLiteral(GEMBA_VERSION), date), t.font(6.5),
                    t.muted, Qt::AlignLeft);
    paintElidedText(p, QRectF(line.right() - 116, line.top(), 116, line.height()),
                    mapText("Page %1 of %2").arg(index + 1).arg(count), t.font(6.5), t.muted,
                    Qt::AlignRight);
}

} // namespace gemba::render::detail
