#pragma once

#include "gemba/model/project.h"
#include "gemba/model/quick_capture.h"

#include <QGraphicsView>
#include <QPointer>
#include <optional>
#include <vector>

class QLineEdit;
class QRubberBand;

namespace gemba::app {

class CanvasItem;
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

/// How auto layout treats a long stream: one row; rows that fill the view's shape (Map ▸
/// Serpentine Layout); or those rows only when one row fitted to the view would show below
/// half size (Auto Layout with its wrap option on).
enum class LayoutWrap { Never, ToViewShape, WhenWiderThanView };

/// The canvas of one map: a Graphics View over the map's scene, with the editing gestures
/// (select, move, connect, rename in place, zoom, pan) and the commands that act on the
/// selection. It changes the model only through EditorDocument::push().
///
/// Mouse: click selects, Ctrl/Shift+click toggles, a drag on empty canvas draws a rubber
/// band, a drag on the selection moves it (one undo step, snapped to the grid), a drag from
/// the handle on a hovered or selected element's right edge connects it, a double-click
/// renames (on empty canvas: adds a step and names it), Ctrl+wheel zooms around the cursor,
/// middle button or space+drag pans; near the view's edge a drag scrolls it along.
/// Keys: Delete/Backspace, Cut/Copy/Paste, Select All, arrows nudge by a grid step (Shift: 1
/// unit; held down, one undo step), Tab/Shift+Tab walk the steps in flow order, F2 or Enter
/// renames (one line, notes too: Enter keeps, Escape cancels), Escape leaves a tool or a
/// gesture, Ctrl +/-/0/9 zoom in, out, 100% and fit. With a shape tool Enter places it in the
/// middle of the view; with the Connect tool Enter joins the selection in the order chosen.
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
    /// The red pen with steps or flows selected circles them at once and stays on Select;
    /// the other shapes wait for a click (or Enter) on the canvas.
    void setTool(Tool tool);
    model::FlowKind connectKind() const { return m_connectKind; }
    void setConnectKind(model::FlowKind kind);

    qreal zoom() const;
    void setZoom(qreal zoom);
    void zoomIn();
    void zoomOut();
    /// Fits the map into the view; it stays fitted as the view resizes until the user zooms.
    void fitToWindow();
    void actualSize();
    bool snapToGrid() const { return m_snap; }
    void setSnapToGrid(bool snap);

    /// Adds an element of the tool's kind at a scene position, as one undo step; returns its id.
    model::Id addElement(Tool tool, QPointF scenePos);
    /// Applies a captured line (CaptureTool): a step, wait or inventory after the selected
    /// step or wait (or at the end of the map), a parallel or alternative step beside it, or a
    /// loop back from it. Selects what it added and returns its id; kNoId, with the reason
    /// in `error`, when the line cannot be applied.
    model::Id addCapturedStep(const model::QuickCapture& capture, QString* error = nullptr);
    /// Connects two elements with a flow of connectKind(); returns the flow's id.
    model::Id connect(model::Id from, model::Id to);

    void renameSelected();
    /// Deletes the selection. With `bridge` (the default), the predecessors of deleted steps
    /// and waits are joined to their successors, so the stream stays whole (one undo step).
    void deleteSelected(bool bridge = true);
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
    /// Tidies the whole map left to right (one undo step); a long stream may wrap onto rows
    /// (render::serpentineLayout), as `wrap` says.
    void autoLayout(LayoutWrap wrap = LayoutWrap::Never);

signals:
    void selectionChanged(const std::vector<gemba::model::Id>& ids);
    void zoomChanged(qreal zoom);
    void toolChanged(gemba::app::Tool tool);
    /// A short message for the status bar: what a gesture did, or why it was refused. The
    /// same text is also sent as a QStatusTipEvent, which a QMainWindow shows on its own.
    void statusMessage(const QString& message);
    /// A delete took these red pens with it (each marked only deleted elements); `pens` are
    /// as they would be kept (model::redPensKeptAfter).
    void redPensDeleted(gemba::model::Id map, const std::vector<gemba::model::RedPen>& pens);

protected:
    bool event(QEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void keyReleaseEvent(QKeyEvent* event) override;
    void focusOutEvent(QFocusEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void drawBackground(QPainter* painter, const QRectF& rect) override;
    void drawForeground(QPainter* painter, const QRectF& rect) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    /// What the left mouse button is doing.
    enum class Gesture { None, Pressing, Moving, RubberBand, Connecting, Panning };

    void showMessage(const QString& message);
    void onSceneSelectionChanged();
    void beginSelectionBatch();
    void endSelectionBatch();
    void clearSelectionQuietly();

    CanvasItem* canvasItemAt(QPoint viewPos) const;
    /// The element (not a flow, red pen or note) under a point, that a flow can join.
    model::Id connectableAt(QPoint viewPos) const;
    /// Elements that show a connection handle: the hovered one and a lone selected one.
    std::vector<model::Id> handleOwners() const;
    std::optional<QPointF> handlePoint(model::Id element) const;
    model::Id handleAt(QPoint viewPos) const;
    void updateHandleArea(model::Id element);
    void updateHover(QPoint viewPos);
    void updateCursor();
    std::vector<model::Id> movableSelection() const;

    void pressInSelectTool(QMouseEvent* event);
    void beginMove();
    void moveSelectionTo(QPointF scenePos);
    void cancelGesture();
    void updateRubberBand(QPoint viewPos, Qt::KeyboardModifiers modifiers);
    void updateConnectLine(QPointF scenePos);
    QRectF connectLineRect() const;
    void endNudge();
    /// While a drag nears the edge of the view, the view scrolls along (and the drag goes on).
    void updateAutoScroll(QPoint viewPos);
    void autoScrollStep();
    void zoomAround(QPoint viewPos, qreal factor);
    void placeWithKeyboard();
    void connectSelectionInOrder();

    void openRenameEditor(model::Id id);
    void commitRename();
    void cancelRename();

    EditorDocument& m_document;
    model::Id m_map;
    MapScene* m_scene = nullptr;
    Tool m_tool = Tool::Select;
    model::FlowKind m_connectKind = model::FlowKind::Push;
    bool m_snap = true;
    bool m_fitOnResize = false; ///< fitted, and not zoomed since

    Gesture m_gesture = Gesture::None;
    QPoint m_pressViewPos;
    QPointF m_pressScenePos;
    model::Id m_pressItem = model::kNoId;
    std::vector<std::pair<model::Id, model::Point>> m_dragOrigins;
    model::Point m_dragAnchor;
    QPointF m_lastDelta;
    QRubberBand* m_rubberBand = nullptr;
    std::vector<model::Id> m_rubberBase;
    model::Id m_connectFrom = model::kNoId;
    QPointF m_connectEnd;
    QPoint m_panLast;
    QPoint m_lastMousePos;
    class QTimer* m_autoScroll = nullptr;
    bool m_spaceHeld = false;
    bool m_nudging = false;
    int m_selectionBatch = 0;
    bool m_selectionDirty = false;
    std::vector<model::Id> m_selectionBefore;
    QPointer<QLineEdit> m_editor;
    model::Id m_editing = model::kNoId;
};

} // namespace gemba::app
