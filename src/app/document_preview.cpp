#include "document_preview.h"

#include <QPainter>
#include <QPrintPreviewWidget>
#include <QPrinter>

namespace gemba::app {

DocumentPreview::DocumentPreview(const render::PagedDocument& document, QWidget* parent)
    : QPrintPreviewDialog(parent)
    , m_document(document) {
    setObjectName(QStringLiteral("printPreview"));
    printer()->setPageLayout(document.pageLayout());
    printer()->setDocName(document.title());
    connect(this, &QPrintPreviewDialog::paintRequested, this, [this](QPrinter* target) {
        QPainter painter(target);
        m_document.print(painter, *target);
    });
}

int DocumentPreview::previewPageCount() const {
    const auto* pages = findChild<QPrintPreviewWidget*>();
    return pages ? pages->pageCount() : 0;
}

} // namespace gemba::app
