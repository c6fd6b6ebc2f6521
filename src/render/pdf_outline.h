#pragma once

#include <QByteArray>
#include <QString>
#include <optional>
#include <utility>
#include <vector>

/// What Qt's PDF writer leaves out: the document information a reader's Properties show
/// (author, subject, keywords) and the outline (bookmarks) a reader navigates by. Both are
/// added to a finished PDF as an incremental update, the way PDF editors append changes: the
/// original bytes stay as they are, and new objects, a new cross-reference section and a
/// trailer pointing back at the old one follow them.
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

/// The PDF with `info` as its document information and `bookmarks` as its outline, or empty
/// when the PDF is not laid out as Qt writes it (a classic cross-reference table, a page tree
/// with its pages in one Kids array); the caller then keeps the PDF as it was.
std::optional<QByteArray> withInfoAndOutline(const QByteArray& pdf, const PdfInfo& info,
                                             const std::vector<PdfBookmark>& bookmarks);

} // namespace gemba::render::detail
