#pragma once

#include "canvas/map_view.h"

#include <QKeySequence>
#include <QList>
#include <QWidget>
#include <utility>
#include <vector>

class QAction;
class QActionGroup;

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

private:
    QAction* addToolAction(Tool tool, const char* name, const QString& text,
                           const QString& shortName, const QString& icon,
                           const QKeySequence& shortcut);
    QAction* addFlowAction(model::FlowKind kind, const char* name, const QString& text,
                           const QString& shortName, const QString& icon);
    /// "C" connects with the flow kind chosen last: the shortcut moves to that kind's action.
    void moveConnectShortcut(model::FlowKind kind);

    QActionGroup* m_group = nullptr;
    QList<QAction*> m_actions;
    std::vector<std::pair<Tool, QAction*>> m_toolActions;
    std::vector<std::pair<model::FlowKind, QAction*>> m_flowActions;
    model::FlowKind m_kind = model::FlowKind::Push;
};

} // namespace gemba::app
