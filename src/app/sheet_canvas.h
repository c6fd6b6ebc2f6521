#pragma once

#include "gemba/render/sheet.h"

#include <QWidget>
#include <memory>

namespace gemba::app {

/// A render::Sheet on white with a margin, as tall as the sheet is at the widget's width: the
/// pane of the Compare, Simulate, Action Plan and Reviews views, inside a scroll area.
class SheetCanvas : public QWidget {
    Q_OBJECT

public:
    /// `preferredWidth`: the width the view opens at.
    explicit SheetCanvas(int preferredWidth, QWidget* parent = nullptr);
    void setSheet(std::shared_ptr<const render::Sheet> sheet);
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    std::shared_ptr<const render::Sheet> m_sheet;
    int m_preferredWidth;
};

} // namespace gemba::app
