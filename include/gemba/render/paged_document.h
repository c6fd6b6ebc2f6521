#pragma once

#include <QPageLayout>
#include <QRectF>
#include <QSizeF>
#include <QString>
#include <vector>

class QPainter;
class QPagedPaintDevice;

namespace gemba::render {

/// Layout units per inch: one unit is what the map calls a point at 100%.
inline constexpr qreal kUnitsPerInch = 96;

/// A document of pages laid out in units of 1/96 inch: the report and the one-page summary.
/// One way to put any of them on paper: a PDF (writePdfReport), a printer or a print preview.
class PagedDocument {
public:
    virtual ~PagedDocument() = default;

    virtual int pageCount() const = 0;
    /// Page size and orientation, with no margins: the document draws its own.
    virtual QPageLayout pageLayout() const = 0;
    /// The page in layout units.
    virtual QSizeF pageSize() const = 0;
    /// The PDF's title.
    virtual QString title() const = 0;
    /// The PDF's author and subject (empty: not set).
    virtual QString author() const { return {}; }
    virtual QString subject() const { return {}; }
    virtual QString keywords() const { return {}; }

    /// An entry of the PDF's outline: a section and the page (0-based) it starts on.
    struct Bookmark {
        QString title;
        int page = 0;
    };
    /// The outline, in page order.
    virtual std::vector<Bookmark> bookmarks() const { return {}; }

    /// A place on a page that opens another page: a tile marker on the map page opens its
    /// tile. `area` is in layout units on page `page`; pages are 0-based.
    struct Link {
        int page = 0;
        QRectF area;
        int target = 0;
    };
    virtual std::vector<Link> links() const { return {}; }

    /// Paints page `index` with `painter` set to layout units, origin at the page's corner.
    virtual void paintPage(QPainter& painter, int index) const = 0;
    /// Every page on a paged device (QPdfWriter, QPrinter), fitted to its paintable area at
    /// its resolution. `painter` must be active on `device`. Returns false when a new page
    /// could not be started (the device failed).
    bool print(QPainter& painter, QPagedPaintDevice& device) const;
};

} // namespace gemba::render
