#include "pdf_navigation.h"

#include <exception>
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFWriter.hh>

namespace gemba::render::detail {

namespace {

using Object = QPDFObjectHandle;

Object text(const QString& value) {
    return Object::newUnicodeString(value.toStdString());
}

/// A destination that shows page `page` whole.
Object fitPage(const Object& page) {
    return Object::newArray({page, Object::newName("/Fit")});
}

} // namespace

std::optional<QByteArray> withNavigation(const QByteArray& pdf, const PdfInfo& info,
                                         const std::vector<PdfBookmark>& bookmarks,
                                         const std::vector<PdfLink>& links) {
    try {
        QPDF document;
        document.setSuppressWarnings(true);
        document.processMemoryFile("report.pdf", pdf.constData(),
                                   static_cast<std::size_t>(pdf.size()));
        const std::vector<Object> pages = document.getAllPages();
        const auto pageOf = [&](int index) -> const Object* {
            return index >= 0 && index < static_cast<int>(pages.size())
                       ? &pages[static_cast<std::size_t>(index)]
                       : nullptr;
        };

        // Document information; the creation date Qt wrote stays.
        Object trailer = document.getTrailer();
        Object infoDict = trailer.getKey("/Info");
        if (!infoDict.isDictionary()) {
            infoDict = document.makeIndirectObject(Object::newDictionary());
            trailer.replaceKey("/Info", infoDict);
        }
        const std::pair<const char*, QString> fields[] = {
            {"/Title", info.title},       {"/Author", info.author},   {"/Subject", info.subject},
            {"/Keywords", info.keywords}, {"/Creator", info.creator}, {"/Producer", info.creator},
        };
        for (const auto& [key, value] : fields)
            if (!value.isEmpty())
                infoDict.replaceKey(key, text(value));

        // The outline: one level, an item per bookmark, linked as a list.
        Object root = document.getRoot();
        std::vector<Object> items;
        Object outlines = document.makeIndirectObject(Object::newDictionary());
        for (const auto& [title, index] : bookmarks)
            if (const Object* page = pageOf(index)) {
                Object item = document.makeIndirectObject(Object::newDictionary());
                item.replaceKey("/Title", text(title));
                item.replaceKey("/Parent", outlines);
                item.replaceKey("/Dest", fitPage(*page));
                if (!items.empty()) {
                    item.replaceKey("/Prev", items.back());
                    items.back().replaceKey("/Next", item);
                }
                items.push_back(item);
            }
        if (!items.empty()) {
            outlines.replaceKey("/Type", Object::newName("/Outlines"));
            outlines.replaceKey("/First", items.front());
            outlines.replaceKey("/Last", items.back());
            outlines.replaceKey("/Count", Object::newInteger(static_cast<long long>(items.size())));
            root.replaceKey("/Outlines", outlines);
            root.replaceKey("/PageMode", Object::newName("/UseOutlines"));
        }

        // Links, with no border: what they cover is drawn on the page already.
        for (const PdfLink& link : links) {
            const Object* page = pageOf(link.page);
            const Object* target = pageOf(link.target);
            if (!page || !target)
                continue;
            Object onPage = *page;
            const QPDFObjectHandle::Rectangle media =
                onPage.getKey("/MediaBox").getArrayAsRectangle();
            const QRectF& a = link.area;
            Object annotation = document.makeIndirectObject(Object::newDictionary());
            annotation.replaceKey("/Type", Object::newName("/Annot"));
            annotation.replaceKey("/Subtype", Object::newName("/Link"));
            annotation.replaceKey("/Rect", Object::newArray(QPDFObjectHandle::Rectangle(
                                               media.llx + a.left(), media.ury - a.bottom(),
                                               media.llx + a.right(), media.ury - a.top())));
            annotation.replaceKey("/Border",
                                  Object::newArray({Object::newInteger(0), Object::newInteger(0),
                                                    Object::newInteger(0)}));
            annotation.replaceKey("/Dest", fitPage(*target));
            Object annotations = onPage.getKey("/Annots");
            if (!annotations.isArray()) {
                annotations = Object::newArray();
                onPage.replaceKey("/Annots", annotations);
            }
            annotations.appendItem(annotation);
        }

        QPDFWriter writer(document);
        writer.setOutputMemory();
        // The same report gives the same bytes: no random file identifier.
        writer.setDeterministicID(true);
        writer.write();
        const std::shared_ptr<Buffer> out = writer.getBufferSharedPointer();
        return QByteArray(reinterpret_cast<const char*>(out->getBuffer()),
                          static_cast<qsizetype>(out->getSize()));
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

} // namespace gemba::render::detail
