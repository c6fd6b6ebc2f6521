#pragma once

#include "gemba/model/types.h"

#include <QWidget>
#include <functional>

class QLabel;

namespace gemba::app {

class EditorDocument;

/// The key figures of the map on screen, in type large enough to read from the back of a
/// room (at least 36 px, more on taller screens): lead time, process time, activity ratio,
/// rolled %C&A, takt and the bottleneck. Shown in presentation mode under the map; it follows
/// every change, and says why when the map cannot be measured.
class PresentationBand : public QWidget {
    Q_OBJECT

public:
    PresentationBand(EditorDocument& document, std::function<model::Id()> currentMap,
                     QWidget* parent = nullptr);

    /// Re-reads the current map's figures.
    void refresh();
    /// The type size for a screen of this height: height / 30, at least 36 px.
    static int pixelSizeFor(int screenHeight);
    /// The figures as shown, one per line (for tests and the clipboard).
    QString text() const;

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void applyFont();

    EditorDocument& m_document;
    std::function<model::Id()> m_currentMap;
    QLabel* m_label;
};

} // namespace gemba::app
