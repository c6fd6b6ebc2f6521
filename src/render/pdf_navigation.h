#pragma once

#include <QByteArray>
#include <QRectF>
#include <QString>
#include <optional>
#include <utility>
#include <vector>

/// What Qt's PDF writer leaves out: the document information a reader's Properties show
/// (author, subject, keywords), the outline (bookmarks) a reader navigates by, and links from
/// one page to another. qpdf reads the finished PDF, adds them and writes it again.
namespace gemba::render::detail {

struct PdfInfo {
    QString title;
    QString author;
    QString subject;
    QString keywords;
    QString creator;
};

/// An outline entry: its title and the page (0-based) it opens.
using PdfBookmark = std::pair<QString, int>;

/// A link: where it sits on page `page` (a rectangle in points from the page's top left
/// corner) and the page it opens, shown whole. Pages are 0-based.
struct PdfLink {
    int page = 0;
    QRectF area;
    int target = 0;
};

/// The PDF with `info` as its document information, `bookmarks` as its outline and `links`
/// on its pages, or empty when qpdf cannot read it; the caller then keeps the PDF as it was.
/// Bookmarks and links naming a page the PDF does not have are left out.
std::optional<QByteArray> withNavigation(const QByteArray& pdf, const PdfInfo& info,
                                         const std::vector<PdfBookmark>& bookmarks,
                                         const std::vector<PdfLink>& links);

} // namespace gemba::render::detail
