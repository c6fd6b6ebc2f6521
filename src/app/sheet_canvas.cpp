#include "sheet_canvas.h"

#include <QPainter>
#include <algorithm>

namespace gemba::app {

namespace {

constexpr int kSheetMargin = 16;
constexpr int kMinimumHeight = 200; // an empty sheet still reads as a pane

} // namespace

SheetCanvas::SheetCanvas(int preferredWidth, QWidget* parent)
    : QWidget(parent)
    , m_preferredWidth(preferredWidth) {
    setAutoFillBackground(true);
    QPalette white = palette();
    white.setColor(QPalette::Window, Qt::white);
    setPalette(white);
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
}

void SheetCanvas::setSheet(std::shared_ptr<const render::Sheet> sheet) {
    m_sheet = std::move(sheet);
    setMinimumHeight(heightForWidth(width()));
    updateGeometry();
    update();
}

int SheetCanvas::heightForWidth(int width) const {
    if (!m_sheet)
        return 0;
    return static_cast<int>(m_sheet->height(width - 2 * kSheetMargin)) + 2 * kSheetMargin;
}

QSize SheetCanvas::sizeHint() const {
    return {m_preferredWidth, std::max(kMinimumHeight, heightForWidth(m_preferredWidth))};
}

void SheetCanvas::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    // Only when it changes: setting the same minimum again would ask for another layout.
    if (const int needed = heightForWidth(width()); needed != minimumHeight())
        setMinimumHeight(needed);
}

void SheetCanvas::paintEvent(QPaintEvent*) {
    if (!m_sheet)
        return;
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    m_sheet->paint(painter, QRectF(kSheetMargin, kSheetMargin, width() - 2 * kSheetMargin,
                                   height() - 2 * kSheetMargin));
}

} // namespace gemba::app
