#pragma once

#include "gemba/render/paged_document.h"

#include <QPrintPreviewDialog>

namespace gemba::app {

/// The print preview of a report or the one-page summary: the same painter as the PDF, on the
/// printer's paintable area, with the document's paper and title. The document must outlive
/// the dialog.
class DocumentPreview : public QPrintPreviewDialog {
    Q_OBJECT

public:
    DocumentPreview(const render::PagedDocument& document, QWidget* parent = nullptr);
    /// Pages the preview shows once it has painted them.
    int previewPageCount() const;

private:
    const render::PagedDocument& m_document;
};

} // namespace gemba::app
