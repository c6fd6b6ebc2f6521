#pragma once

#include "canvas/map_view.h"

#include <QList>
#include <QWidget>

class QAction;

namespace gemba::app {

/// The VSM shapes and flow kinds to draw with. Each is a checkable action (in one exclusive
/// group, with a shortcut) that the main window puts in a toolbar and the Insert menu; shapes
/// can also be dragged onto the canvas (mime type application/x-gemba-tool).
class Palette : public QWidget {
    Q_OBJECT

public:
    explicit Palette(QWidget* parent = nullptr);
    ~Palette() override;

    /// The shape actions, then the flow-kind actions (objectNames "toolStep", "flowPush"...).
    QList<QAction*> actions() const;

public slots:
    /// Checks the action of the view's current tool (the view returns to Select on its own).
    void showTool(gemba::app::Tool tool);

signals:
    void toolChosen(gemba::app::Tool tool);
    void connectKindChosen(gemba::model::FlowKind kind);
};

} // namespace gemba::app
