#include "gemba/render/paged_document.h"

#include <QPagedPaintDevice>
#include <QPainter>
#include <QPicture>
#include <algorithm>

namespace gemba::render {

bool PagedDocument::print(QPainter& painter, QPagedPaintDevice& device) const {
    // Each page is recorded at the resolution text is measured in and played back scaled to
    // the device's: text then keeps the width it was laid out with on any printer or PDF.
    // Playback scales by the device's resolution over the picture's; a unit is 1/96 inch.
    const QSizeF page = pageSize();
    const qreal pictureDpi = QPicture().logicalDpiX();
    const qreal dpi = device.logicalDpiX();
    const qreal pageWidth = page.width() * dpi / kUnitsPerInch;
    const qreal pageHeight = page.height() * dpi / kUnitsPerInch;
    const qreal fit = std::min({device.width() / pageWidth, device.height() / pageHeight, 1.0}) *
                      pictureDpi / kUnitsPerInch;
    for (int i = 0; i < pageCount(); ++i) {
        if (i > 0 && !device.newPage())
            return false;
        QPicture picture;
        {
            QPainter recorder(&picture);
            paintPage(recorder, i);
        }
        painter.save();
        painter.scale(fit, fit);
        painter.drawPicture(QPointF(0, 0), picture);
        painter.restore();
    }
    return true;
}

} // namespace gemba::render
