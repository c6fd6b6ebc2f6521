#include "pdf_outline.h"

#include <QRegularExpression>
#include <map>

namespace gemba::render::detail {

namespace {

/// A text string as PDF writes any Unicode text: UTF-16BE with a byte-order mark, in hex.
QByteArray textString(const QString& text) {
    QByteArray out = "<FEFF";
    for (const QChar c : text)
        out += QByteArray::number(c.unicode(), 16).rightJustified(4, '0').toUpper();
    return out + ">";
}

/// The body of object `number` ("N 0 obj ... endobj"), searched from the end: in an updated
/// file the last definition wins.
std::optional<QByteArray> objectBody(const QByteArray& pdf, int number) {
    const QByteArray head = "\n" + QByteArray::number(number) + " 0 obj";
    const qsizetype start = pdf.lastIndexOf(head);
    if (start < 0)
        return std::nullopt;
    const qsizetype end = pdf.indexOf("endobj", start);
    if (end < 0)
        return std::nullopt;
    return pdf.mid(start + head.size(), end - start - head.size());
}

std::optional<int> reference(const QByteArray& dictionary, const char* key) {
    const QRegularExpression pattern(QStringLiteral("/%1\\s+(\\d+)\\s+0\\s+R").arg(key));
    const auto match = pattern.match(QString::fromLatin1(dictionary));
    if (!match.hasMatch())
        return std::nullopt;
    return match.captured(1).toInt();
}

} // namespace

std::optional<QByteArray> withInfoAndOutline(const QByteArray& pdf, const PdfInfo& info,
                                             const std::vector<PdfBookmark>& bookmarks) {
    // The last trailer: where the old cross-reference table is, its size and the catalog.
    const qsizetype startxref = pdf.lastIndexOf("startxref");
    const qsizetype trailerAt = pdf.lastIndexOf("trailer");
    if (startxref < 0 || trailerAt < 0 || trailerAt > startxref)
        return std::nullopt;
    const QByteArray trailer = pdf.mid(trailerAt, startxref - trailerAt);
    bool ok = false;
    const qsizetype previous =
        pdf.mid(startxref + 9).trimmed().split('\n').value(0).trimmed().toLongLong(&ok);
    const QRegularExpression sizePattern(QStringLiteral("/Size\\s+(\\d+)"));
    const auto sizeMatch = sizePattern.match(QString::fromLatin1(trailer));
    const std::optional<int> root = reference(trailer, "Root");
    if (!ok || !sizeMatch.hasMatch() || !root)
        return std::nullopt;
    const int size = sizeMatch.captured(1).toInt();

    // The pages in order, from the page tree's Kids (Qt writes one flat array).
    const auto catalog = objectBody(pdf, *root);
    if (!catalog || catalog->contains("/Outlines"))
        return std::nullopt;
    const std::optional<int> pagesId = reference(*catalog, "Pages");
    const auto pageTree = pagesId ? objectBody(pdf, *pagesId) : std::nullopt;
    if (!pageTree)
        return std::nullopt;
    const qsizetype kidsAt = pageTree->indexOf("/Kids");
    const qsizetype open = pageTree->indexOf('[', kidsAt);
    const qsizetype close = pageTree->indexOf(']', open);
    if (kidsAt < 0 || open < 0 || close < 0)
        return std::nullopt;
    std::vector<int> pages;
    const QRegularExpression refPattern(QStringLiteral("(\\d+)\\s+0\\s+R"));
    auto refs = refPattern.globalMatch(QString::fromLatin1(pageTree->mid(open, close - open)));
    while (refs.hasNext())
        pages.push_back(refs.next().captured(1).toInt());

    std::vector<PdfBookmark> entries;
    for (const PdfBookmark& entry : bookmarks)
        if (entry.second >= 0 && entry.second < static_cast<int>(pages.size()))
            entries.push_back(entry);

    // New objects: the information, the outline and its items, and the catalog again.
    QByteArray update = pdf.endsWith('\n') ? QByteArray() : QByteArray("\n");
    std::map<int, qsizetype> offsets;
    const auto add = [&](int number, const QByteArray& body) {
        offsets[number] = pdf.size() + update.size();
        update += QByteArray::number(number) + " 0 obj\n" + body + "\nendobj\n";
    };
    const int infoId = size;
    QByteArray infoDict = "<<";
    const std::pair<const char*, QString> fields[] = {
        {"Title", info.title},       {"Author", info.author},   {"Subject", info.subject},
        {"Keywords", info.keywords}, {"Creator", info.creator}, {"Producer", info.creator},
    };
    for (const auto& [key, value] : fields)
        if (!value.isEmpty())
            infoDict += QByteArray("\n/") + key + " " + textString(value);
    // The creation date Qt wrote stays: the old information dictionary is read for it.
    if (const auto oldInfo = reference(trailer, "Info")) {
        if (const auto body = objectBody(pdf, *oldInfo)) {
            const QRegularExpression datePattern(QStringLiteral("/CreationDate\\s*(\\([^)]*\\))"));
            const auto date = datePattern.match(QString::fromLatin1(*body));
            if (date.hasMatch())
                infoDict += "\n/CreationDate " + date.captured(1).toLatin1();
        }
    }
    add(infoId, infoDict + "\n>>");
    int next = size + 1;
    QByteArray catalogBody = catalog->trimmed();
    if (!entries.empty()) {
        const int outlineId = next++;
        const int first = next;
        const int last = first + static_cast<int>(entries.size()) - 1;
        add(outlineId, "<< /Type /Outlines /First " + QByteArray::number(first) + " 0 R /Last " +
                           QByteArray::number(last) + " 0 R /Count " +
                           QByteArray::number(entries.size()) + " >>");
        for (std::size_t i = 0; i < entries.size(); ++i) {
            const int id = first + static_cast<int>(i);
            QByteArray item = "<< /Title " + textString(entries[i].first) + " /Parent " +
                              QByteArray::number(outlineId) + " 0 R";
            if (id > first)
                item += " /Prev " + QByteArray::number(id - 1) + " 0 R";
            if (id < last)
                item += " /Next " + QByteArray::number(id + 1) + " 0 R";
            item += " /Dest [" +
                    QByteArray::number(pages[static_cast<std::size_t>(entries[i].second)]) +
                    " 0 R /Fit] >>";
            add(id, item);
        }
        next = last + 1;
        const qsizetype end = catalogBody.lastIndexOf(">>");
        if (end < 0)
            return std::nullopt;
        catalogBody.insert(end, "/Outlines " + QByteArray::number(outlineId) +
                                    " 0 R\n/PageMode /UseOutlines\n");
        add(*root, catalogBody);
    }

    // The cross-reference section: one subsection per run of consecutive numbers.
    const qsizetype xrefAt = pdf.size() + update.size();
    update += "xref\n";
    for (auto it = offsets.begin(); it != offsets.end();) {
        auto runEnd = it;
        int count = 0;
        while (runEnd != offsets.end() && runEnd->first == it->first + count) {
            ++runEnd;
            ++count;
        }
        update += QByteArray::number(it->first) + " " + QByteArray::number(count) + "\n";
        for (; it != runEnd; ++it)
            update += QByteArray::number(it->second).rightJustified(10, '0') + " 00000 n \n";
    }
    update += "trailer\n<< /Size " + QByteArray::number(next) + " /Root " +
              QByteArray::number(*root) + " 0 R /Info " + QByteArray::number(infoId) +
              " 0 R /Prev " + QByteArray::number(previous) + " >>\nstartxref\n" +
              QByteArray::number(xrefAt) + "\n%%EOF\n";
    return pdf + update;
}

} // namespace gemba::render::detail
