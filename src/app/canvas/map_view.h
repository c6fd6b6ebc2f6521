#pragma once

#include "gemba/model/project.h"
#include "gemba/model/quick_capture.h"

#include <QGraphicsView>
#include <vector>

namespace gemba::app {

class EditorDocument;
class MapScene;

/// What a click on the canvas does.
enum class Tool {
    Select,
    AddStep,
    AddWait,
    AddInventory,
    AddSupplier,
    AddCustomer,
    AddInfoBox,
    AddNote,
    AddRedPen,
    Connect, ///< drag from one element to another; the flow kind is connectKind()
};

enum class Alignment { Left, HCenter, Right, Top, VCenter, Bottom };

/// The canvas of one map: a Graphics View over the map's scene, with the editing gestures
/// (select, move, connect, rename in place, zoom, pan) and the commands that act on the
/// selection. It changes the model only through EditorDocument::push().
class MapView : public QGraphicsView {
    Q_OBJECT

public:
    MapView(EditorDocument& document, model::Id map, QWidget* parent = nullptr);
    ~MapView() override;

    model::Id mapId() const { return m_map; }
    MapScene* mapScene() const { return m_scene; }

    std::vector<model::Id> selectedIds() const;
    /// Selects these elements (and flows), and scrolls the first into view when asked.
    void selectIds(const std::vector<model::Id>& ids, bool ensureVisible = true);
    void selectAll();

    Tool tool() const { return m_tool; }
    void setTool(Tool tool);
    model::FlowKind connectKind() const { return m_connectKind; }
    void setConnectKind(model::FlowKind kind);

    qreal zoom() const;
    void setZoom(qreal zoom);
    void zoomIn();
    void zoomOut();
    void fitToWindow();
    void actualSize();
    bool snapToGrid() const { return m_snap; }
    void setSnapToGrid(bool snap);

    /// Adds an element of the tool's kind at a scene position, as one undo step; returns its id.
    model::Id addElement(Tool tool, QPointF scenePos);
    /// Adds a captured step after the selected step or wait (joined by a push flow), or at the
    /// end of the map when nothing is selected; selects it and returns its id.
    model::Id addCapturedStep(const model::QuickCapture& capture);
    /// Connects two elements with a flow of connectKind(); returns the flow's id.
    model::Id connect(model::Id from, model::Id to);

    void renameSelected();
    void deleteSelected();
    void cutSelected();
    void copySelected();
    void paste();
    bool canPaste() const;
    /// Moves the selection by a distance (one undo step).
    void nudgeSelection(QPointF by);
    /// Selects the next step in flow order (or the previous one).
    void selectNextStep(bool backwards);
    void alignSelection(Alignment alignment);
    void distributeSelection(Qt::Orientation orientation);
    void autoLayout();

signals:
    void selectionChanged(const std::vector<gemba::model::Id>& ids);
    void zoomChanged(qreal zoom);
    void toolChanged(gemba::app::Tool tool);

    // The implementation adds the event handlers and private state it needs.
private:
    EditorDocument& m_document;
    model::Id m_map;
    MapScene* m_scene = nullptr;
    Tool m_tool = Tool::Select;
    model::FlowKind m_connectKind = model::FlowKind::Push;
    bool m_snap = true;
};

} // namespace gemba::app
