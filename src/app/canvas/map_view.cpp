#include "canvas/map_view.h"

#include "canvas/canvas_items.h"
#include "canvas/capture_tool.h"
#include "canvas/map_scene.h"
#include "canvas/tool_mime.h"
#include "editor_document.h"
#include "gemba/metrics/metrics.h"
#include "gemba/model/names.h"
#include "gemba/model/operations.h"
#include "gemba/render/geometry.h"
#include "gemba/render/serpentine.h"
#include "gemba/render/theme.h"

#include <QApplication>
#include <QClipboard>
#include <QDragEnterEvent>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMimeData>
#include <QPainter>
#include <QRubberBand>
#include <QScrollBar>
#include <QStatusTipEvent>
#include <QTimer>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

namespace gemba::app {

using model::ElementKind;
using model::Id;
using model::kNoId;

namespace {

constexpr qreal kMinZoom = 0.05;
constexpr qreal kMaxZoom = 8.0;
constexpr qreal kFitMaxZoom = 2.0; // a tiny map is not blown up to fill a projector
constexpr qreal kZoomStep = 1.25;
constexpr qreal kHandleRadius = 6; // pixels, at any zoom
constexpr qreal kHandleHitRadius = 9;
constexpr qreal kPasteStep = 24;      // where a paste would cover what it copied
constexpr int kAutoScrollMargin = 24; // pixels from the edge where a drag scrolls the view

/// The elements copied last, shared by every map of the application.
model::Map& clipboardElements() {
    static model::Map elements;
    return elements;
}

std::string toStd(const QString& text) {
    return text.toStdString();
}

model::Point toPoint(QPointF p) {
    return {p.x(), p.y()};
}

/// The body of a placed element, red pens included (their loose circle).
QRectF elementBody(const model::Map& map, Id id) {
    if (auto it = map.redPens.find(id); it != map.redPens.end())
        return render::redPenEllipse(map, it->second);
    return render::bodyRect(map, id);
}

bool canBeJoined(ElementKind kind) {
    return kind != ElementKind::Flow && kind != ElementKind::Note && kind != ElementKind::RedPen;
}

// The text a rename in place edits, per kind of element.
std::string& textOf(model::Step& e) {
    return e.name;
}
std::string& textOf(model::Wait& e) {
    return e.label;
}
std::string& textOf(model::Party& e) {
    return e.name;
}
std::string& textOf(model::InfoBox& e) {
    return e.name;
}
std::string& textOf(model::Note& e) {
    return e.text;
}
std::string& textOf(model::RedPen& e) {
    return e.reason;
}
std::string& textOf(model::Flow& e) {
    return e.label;
}

model::EditPtr renameEdit(const model::Map& map, Id id, const std::string& text) {
    model::EditPtr edit;
    model::visitElement(map, id, [&](const auto& element) {
        using T = std::decay_t<decltype(element)>;
        T after = element;
        textOf(after) = text;
        edit = std::make_unique<model::SetEntity<T>>(map.id, element, after, "Rename");
    });
    return edit;
}

QString flowKindText(model::FlowKind kind) {
    switch (kind) {
    case model::FlowKind::Push:
        return MapView::tr("push");
    case model::FlowKind::Pull:
        return MapView::tr("pull");
    case model::FlowKind::Fifo:
        return MapView::tr("FIFO");
    case model::FlowKind::ManualInformation:
        return MapView::tr("manual information");
    case model::FlowKind::ElectronicInformation:
        return MapView::tr("electronic information");
    case model::FlowKind::Shipment:
        return MapView::tr("shipment");
    }
    return {};
}

QString displayName(const model::Map& map, Id id) {
    const std::string name = map.nameOf(id);
    if (!name.empty())
        return QString::fromStdString(name);
    if (const auto kind = map.kindOf(id))
        return QString::fromLatin1(model::nameOf(*kind).data(),
                                   static_cast<qsizetype>(model::nameOf(*kind).size()));
    return {};
}

} // namespace

MapView::MapView(EditorDocument& document, Id map, QWidget* parent)
    : QGraphicsView(parent)
    , m_document(document)
    , m_map(map) {
    m_scene = new MapScene(document, map, this);
    setScene(m_scene);
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing |
                   QPainter::SmoothPixmapTransform);
    // Items restore what they change on the painter (render functions set their own pens).
    setOptimizationFlags(QGraphicsView::DontSavePainterState);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setCacheMode(QGraphicsView::CacheBackground);
    setTransformationAnchor(QGraphicsView::AnchorViewCenter);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setDragMode(QGraphicsView::NoDrag);
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAcceptDrops(true);
    setFrameShape(QFrame::NoFrame);
    m_rubberBand = new QRubberBand(QRubberBand::Rectangle, viewport());
    m_rubberBand->hide();
    m_autoScroll = new QTimer(this);
    m_autoScroll->setInterval(30);
    QObject::connect(m_autoScroll, &QTimer::timeout, this, &MapView::autoScrollStep);

    // (QObject:: because connect(from, to) is a command of this class.)
    QObject::connect(m_scene, &QGraphicsScene::selectionChanged, this,
                     &MapView::onSceneSelectionChanged);
    // A fitted map stays fitted when its content changes: the timeline ladder takes its rows
    // once the metrics are in, just after a file is opened.
    QObject::connect(m_scene, &MapScene::contentRectChanged, this, [this] {
        if (m_fitOnResize)
            fitToWindow();
    });
    QObject::connect(&document, &EditorDocument::changed, this, [this] {
        // An element renamed in place may vanish under the editor (undo, another view).
        const model::Map* theMap = m_document.map(m_map);
        if (m_editor && (!theMap || !theMap->contains(m_editing)))
            cancelRename();
        if (m_connectFrom != kNoId && (!theMap || !theMap->contains(m_connectFrom)))
            cancelGesture();
    });
    updateCursor();
}

MapView::~MapView() {
    // Never leave a merge open on the shared undo stack.
    endNudge();
    if (m_gesture == Gesture::Moving)
        m_document.endGesture();
    // The scene goes first, while this is still a MapView: its last selection signals must
    // not reach a half-destroyed view (QWidget's destructor deletes the children).
    QObject::disconnect(m_scene, nullptr, this, nullptr);
    setScene(nullptr);
    delete m_scene;
}

// --- selection ---

std::vector<Id> MapView::selectedIds() const {
    return m_scene->selectedIds();
}

void MapView::beginSelectionBatch() {
    if (m_selectionBatch++ == 0)
        m_selectionBefore = selectedIds();
}

void MapView::endSelectionBatch() {
    if (--m_selectionBatch > 0 || !m_selectionDirty)
        return;
    m_selectionDirty = false;
    // A rubber band redoes the selection on every move; the panels hear only of changes.
    if (selectedIds() != m_selectionBefore)
        onSceneSelectionChanged();
}

void MapView::onSceneSelectionChanged() {
    if (m_selectionBatch > 0) {
        m_selectionDirty = true;
        return;
    }
    // The connection handle follows a lone selected element.
    viewport()->update();
    emit selectionChanged(selectedIds());
}

void MapView::clearSelectionQuietly() {
    beginSelectionBatch();
    m_scene->clearSelection();
    endSelectionBatch();
}

void MapView::selectIds(const std::vector<Id>& ids, bool ensureVisible) {
    beginSelectionBatch();
    m_scene->clearSelection();
    CanvasItem* first = nullptr;
    for (Id id : ids)
        if (CanvasItem* item = m_scene->itemFor(id)) {
            item->setSelected(true);
            if (!first)
                first = item;
        }
    endSelectionBatch();
    if (ensureVisible && first) {
        QRectF area = first->sceneBoundingRect();
        // A long flow cannot fit; its middle is what matters.
        if (first->type() == kFlowItemType)
            area = QRectF(area.center() - QPointF(60, 40), QSizeF(120, 80));
        this->ensureVisible(area, 40, 40);
    }
}

void MapView::selectAll() {
    const model::Map* theMap = m_document.map(m_map);
    if (!theMap)
        return;
    beginSelectionBatch();
    for (Id id : theMap->placedElements())
        if (CanvasItem* item = m_scene->itemFor(id))
            item->setSelected(true);
    for (const auto& [id, flow] : theMap->flows)
        if (CanvasItem* item = m_scene->itemFor(id))
            item->setSelected(true);
    endSelectionBatch();
}

std::vector<Id> MapView::movableSelection() const {
    const model::Map* theMap = m_document.map(m_map);
    std::vector<Id> ids;
    if (!theMap)
        return ids;
    for (Id id : selectedIds()) {
        // A red pen around targets follows them; only a loose one has a place of its own.
        if (auto pen = theMap->redPens.find(id); pen != theMap->redPens.end()) {
            if (pen->second.targets.empty())
                ids.push_back(id);
        } else if (theMap->positionOf(id)) {
            ids.push_back(id);
        }
    }
    return ids;
}

// --- tools ---

void MapView::setTool(Tool tool) {
    const Tool requested = tool;
    cancelGesture();
    if (tool == Tool::AddRedPen) {
        // With steps or flows selected, the circle goes around them at once.
        const model::Map* theMap = m_document.map(m_map);
        const bool around = theMap && std::ranges::any_of(selectedIds(), [&](Id id) {
                                return theMap->steps.contains(id) || theMap->flows.contains(id);
                            });
        if (around) {
            addElement(Tool::AddRedPen, QPointF());
            tool = Tool::Select;
        }
    }
    // Told also when the tool asked for gave way at once (the red pen around a selection), so
    // that the palette does not stay on it.
    const bool changed = tool != m_tool || tool != requested;
    m_tool = tool;
    updateCursor();
    switch (tool) {
    case Tool::Select:
        break;
    case Tool::Connect:
        showMessage(tr("Drag from one element to another to join them with a %1 flow (or select "
                       "them in order and press Enter).")
                        .arg(flowKindText(m_connectKind)));
        break;
    default:
        showMessage(tr("Click on the canvas to place it (Enter: in the middle of the view; "
                       "Escape: cancel)."));
        break;
    }
    if (changed)
        emit toolChanged(m_tool);
}

void MapView::setConnectKind(model::FlowKind kind) {
    m_connectKind = kind;
}

void MapView::setSnapToGrid(bool snap) {
    m_snap = snap;
}

void MapView::showMessage(const QString& message) {
    emit statusMessage(message);
    QStatusTipEvent tip(message);
    QApplication::sendEvent(this, &tip);
}

// --- zoom ---

qreal MapView::zoom() const {
    return transform().m11();
}

void MapView::setZoom(qreal zoom) {
    m_fitOnResize = false; // a zoom of the user's own: keep it when the window resizes
    zoom = std::clamp(zoom, kMinZoom, kMaxZoom);
    if (qFuzzyCompare(zoom, this->zoom()))
        return;
    // An editor sized for the old zoom would sit in the wrong place.
    commitRename();
    setTransform(QTransform::fromScale(zoom, zoom));
    emit zoomChanged(zoom);
}

void MapView::zoomIn() {
    setZoom(zoom() * kZoomStep);
}

void MapView::zoomOut() {
    setZoom(zoom() / kZoomStep);
}

void MapView::zoomAround(QPoint viewPos, qreal factor) {
    const QPointF anchor = mapToScene(viewPos);
    const ViewportAnchor previous = transformationAnchor();
    setTransformationAnchor(QGraphicsView::NoAnchor);
    setZoom(zoom() * factor);
    setTransformationAnchor(previous);
    // Scroll so that the point under the cursor stays there.
    const QPointF moved = mapFromScene(anchor) - QPointF(viewPos);
    horizontalScrollBar()->setValue(horizontalScrollBar()->value() + qRound(moved.x()));
    verticalScrollBar()->setValue(verticalScrollBar()->value() + qRound(moved.y()));
}

void MapView::fitToWindow() {
    m_scene->updateLayout();
    const QRectF content = m_scene->contentRect().adjusted(-24, -24, 24, 24);
    if (content.isEmpty())
        return;
    // Twice: the first zoom may show or hide the scroll bars, which changes the viewport.
    for (int pass = 0; pass < 2; ++pass) {
        const QSizeF room = viewport()->size();
        const qreal zoom =
            std::min(room.width() / content.width(), room.height() / content.height());
        setZoom(std::clamp(zoom, kMinZoom, kFitMaxZoom));
        centerOn(content.center());
    }
    // Until the user zooms, the map stays fitted as the window takes its final size (a file
    // opened before the window is shown, maximised or made full screen).
    m_fitOnResize = true;
}

void MapView::resizeEvent(QResizeEvent* event) {
    QGraphicsView::resizeEvent(event);
    if (m_fitOnResize)
        fitToWindow();
}

void MapView::actualSize() {
    setZoom(1.0);
}

// --- adding ---

Id MapView::addElement(Tool tool, QPointF scenePos) {
    const model::Map* theMap = m_document.map(m_map);
    if (!theMap)
        return kNoId;
    model::Point at = toPoint(scenePos);
    if (m_snap)
        at = render::snapToGrid(at);
    const Id id = m_document.allocateId();
    model::EditPtr edit;
    switch (tool) {
    case Tool::AddStep: {
        model::Step step;
        step.id = id;
        step.name = toStd(tr("New step"));
        step.pos = at;
        edit = model::makeAdd(m_map, step);
        break;
    }
    case Tool::AddWait:
    case Tool::AddInventory: {
        model::Wait wait;
        wait.id = id;
        wait.kind = tool == Tool::AddWait ? model::WaitKind::Time : model::WaitKind::Inventory;
        wait.pos = at;
        edit = model::makeAdd(m_map, wait);
        break;
    }
    case Tool::AddSupplier:
    case Tool::AddCustomer: {
        model::Party party;
        party.id = id;
        const bool supplier = tool == Tool::AddSupplier;
        party.kind = supplier ? model::PartyKind::Supplier : model::PartyKind::Customer;
        party.name = toStd(supplier ? tr("Supplier") : tr("Customer"));
        party.pos = at;
        edit = model::makeAdd(m_map, party);
        break;
    }
    case Tool::AddInfoBox: {
        model::InfoBox box;
        box.id = id;
        box.name = toStd(tr("Production control"));
        box.pos = at;
        edit = model::makeAdd(m_map, box);
        break;
    }
    case Tool::AddNote: {
        model::Note note;
        note.id = id;
        note.text = toStd(tr("Note"));
        note.pos = at;
        edit = model::makeAdd(m_map, note);
        break;
    }
    case Tool::AddRedPen: {
        model::RedPen pen;
        pen.id = id;
        for (Id selected : selectedIds())
            if (theMap->steps.contains(selected) || theMap->flows.contains(selected))
                pen.targets.push_back(selected);
        pen.pos = at;
        if (!pen.targets.empty()) {
            // Its own place is the middle of its targets, should they all be deleted.
            pen.pos = render::snapToGrid(toPoint(render::redPenEllipse(*theMap, pen).center()));
        }
        edit = model::makeAdd(m_map, pen);
        break;
    }
    case Tool::Select:
    case Tool::Connect:
        return kNoId;
    }
    m_document.push(std::move(edit));
    selectIds({id}, false);
    return id;
}

void MapView::placeWithKeyboard() {
    const QPointF centre = mapToScene(viewport()->rect().center());
    const Tool tool = m_tool;
    setTool(Tool::Select);
    addElement(tool, centre);
}

Id MapView::connect(Id from, Id to) {
    const model::Map* theMap = m_document.map(m_map);
    if (!theMap || !theMap->contains(from) || !theMap->contains(to)) {
        showMessage(tr("Connect two elements of this map."));
        return kNoId;
    }
    if (from == to) {
        showMessage(tr("A flow cannot start and end at the same element: release it on another "
                       "one."));
        return kNoId;
    }
    if (!canBeJoined(*theMap->kindOf(from)) || !canBeJoined(*theMap->kindOf(to))) {
        showMessage(tr("Flows join steps, waits, suppliers, customers and information boxes."));
        return kNoId;
    }
    for (const auto& [id, flow] : theMap->flows)
        if (flow.from == from && flow.to == to && flow.kind == m_connectKind) {
            showMessage(tr("“%1” and “%2” are already joined by a %3 flow.")
                            .arg(displayName(*theMap, from), displayName(*theMap, to),
                                 flowKindText(m_connectKind)));
            selectIds({id}, false);
            return kNoId;
        }
    model::Flow flow;
    flow.id = m_document.allocateId();
    flow.from = from;
    flow.to = to;
    flow.kind = m_connectKind;
    const QString fromName = displayName(*theMap, from);
    const QString toName = displayName(*theMap, to);
    m_document.push(model::makeAdd(m_map, flow));
    selectIds({flow.id}, false);
    showMessage(
        tr("Joined “%1” to “%2” (%3 flow).").arg(fromName, toName, flowKindText(m_connectKind)));
    return flow.id;
}

void MapView::connectSelectionInOrder() {
    const model::Map* theMap = m_document.map(m_map);
    if (!theMap)
        return;
    std::vector<Id> ends;
    for (Id id : selectedIds())
        if (auto kind = theMap->kindOf(id); kind && canBeJoined(*kind))
            ends.push_back(id);
    if (ends.size() < 2) {
        showMessage(tr("Select two elements (in the order of the flow), then press Enter."));
        return;
    }
    // One undo step for the whole chain.
    m_document.beginGesture();
    std::vector<Id> flows;
    for (std::size_t i = 0; i + 1 < ends.size(); ++i)
        if (Id flow = connect(ends[i], ends[i + 1]); flow != kNoId)
            flows.push_back(flow);
    m_document.endGesture();
    if (!flows.empty())
        selectIds(flows, false);
}

Id MapView::addCapturedStep(const model::QuickCapture& capture, QString* error) {
    CaptureTool tool(m_document, m_map);
    const CaptureTool::Result result =
        tool.apply(capture, selectedIds(), mapToScene(viewport()->rect().center()), m_snap);
    if (error)
        *error = result.error;
    if (result.element == kNoId) {
        showMessage(result.error);
        return kNoId;
    }
    // A loop back keeps the step it starts from selected; anything else selects the new one.
    if (capture.kind != model::QuickCapture::Kind::Loop)
        selectIds({result.element}, true);
    return result.element;
}

// --- commands on the selection ---

void MapView::renameSelected() {
    const std::vector<Id> selection = selectedIds();
    if (selection.empty()) {
        showMessage(tr("Select an element to rename."));
        return;
    }
    openRenameEditor(selection.back());
}

void MapView::deleteSelected(bool bridge) {
    const std::vector<Id> selection = selectedIds();
    if (selection.empty())
        return;
    model::RemoveOptions options;
    options.bridge = bridge;
    options.newId = [this] { return m_document.allocateId(); };
    // Red pens left with nothing to mark go too (their cost must not float free); the window
    // offers to keep them afterwards, so the delete never stops to ask.
    std::vector<model::RedPen> pens =
        model::redPensKeptAfter(m_document.project(), m_map, selection);
    m_document.push(model::removeElements(m_document.project(), m_map, selection, options));
    if (!pens.empty())
        emit redPensDeleted(m_map, pens);
}

void MapView::copySelected() {
    const model::Map* theMap = m_document.map(m_map);
    const std::vector<Id> selection = selectedIds();
    if (!theMap || selection.empty())
        return;
    clipboardElements() = model::copyElements(*theMap, selection);
    // Other programs get the names, one per line.
    QStringList names;
    for (Id id : selection)
        if (!theMap->flows.contains(id))
            if (const std::string name = theMap->nameOf(id); !name.empty())
                names << QString::fromStdString(name);
    QApplication::clipboard()->setText(names.join(QLatin1Char('\n')));
    showMessage(tr("Copied %n element(s).", nullptr,
                   static_cast<int>(clipboardElements().placedElements().size())));
}

void MapView::cutSelected() {
    copySelected();
    deleteSelected();
}

bool MapView::canPaste() const {
    return !clipboardElements().placedElements().empty();
}

void MapView::paste() {
    const model::Map* theMap = m_document.map(m_map);
    if (!theMap || !canPaste())
        return;
    // Copied in another project (a file opened since), steps may name people and systems this
    // project does not have: those references are dropped rather than left dangling.
    model::Map clipboard = clipboardElements();
    const model::Project& project = m_document.project();
    for (auto& [id, step] : clipboard.steps) {
        std::erase_if(step.people, [&](Id person) { return !project.people.contains(person); });
        std::erase_if(step.systems, [&](Id system) { return !project.systems.contains(system); });
    }
    // Shift the copies until none would sit exactly on an element already there.
    std::set<std::pair<long, long>> taken;
    for (Id id : theMap->placedElements())
        if (const auto p = theMap->positionOf(id))
            taken.insert({std::lround(p->x), std::lround(p->y)});
    model::Point offset;
    for (int attempt = 0; attempt < 100; ++attempt) {
        const bool covers = std::ranges::any_of(clipboard.placedElements(), [&](Id id) {
            const model::Point p = *clipboard.positionOf(id);
            return taken.contains({std::lround(p.x + offset.x), std::lround(p.y + offset.y)});
        });
        if (!covers)
            break;
        offset = {offset.x + kPasteStep, offset.y + kPasteStep};
    }
    std::vector<Id> pasted;
    m_document.push(model::pasteElements(
        m_document.project(), [this] { return m_document.allocateId(); }, m_map, clipboard, offset,
        &pasted));
    selectIds(pasted, true);
}

void MapView::nudgeSelection(QPointF by) {
    const model::Map* theMap = m_document.map(m_map);
    if (!theMap)
        return;
    std::vector<std::pair<Id, model::Point>> moves;
    for (Id id : movableSelection()) {
        const model::Point p = *theMap->positionOf(id);
        moves.push_back({id, {p.x + by.x(), p.y + by.y()}});
    }
    if (!moves.empty())
        m_document.push(model::moveElements(m_document.project(), m_map, moves));
}

void MapView::endNudge() {
    if (!m_nudging)
        return;
    m_nudging = false;
    m_document.endGesture();
}

void MapView::selectNextStep(bool backwards) {
    const model::Map* theMap = m_document.map(m_map);
    if (!theMap || theMap->steps.empty())
        return;
    const std::vector<Id> order = metrics::stepsInFlowOrder(m_document.project(), *theMap);
    if (order.empty())
        return;
    const std::vector<Id> selection = selectedIds();
    auto current = order.end();
    for (auto it = selection.rbegin(); it != selection.rend() && current == order.end(); ++it)
        current = std::ranges::find(order, *it);
    Id next;
    if (current == order.end()) {
        next = backwards ? order.back() : order.front();
    } else {
        const auto n = static_cast<std::ptrdiff_t>(order.size());
        const std::ptrdiff_t i = current - order.begin();
        next = order[static_cast<std::size_t>((i + (backwards ? n - 1 : 1)) % n)];
    }
    selectIds({next}, true);
}

void MapView::alignSelection(Alignment alignment) {
    const model::Map* theMap = m_document.map(m_map);
    if (!theMap)
        return;
    std::vector<std::pair<Id, QRectF>> bodies;
    QRectF all;
    for (Id id : movableSelection()) {
        const QRectF body = elementBody(*theMap, id);
        if (body.isNull())
            continue;
        bodies.push_back({id, body});
        all = all.isNull() ? body : all | body;
    }
    if (bodies.size() < 2) {
        showMessage(tr("Select two or more elements to align them."));
        return;
    }
    std::vector<std::pair<Id, model::Point>> moves;
    for (const auto& [id, body] : bodies) {
        QPointF by;
        switch (alignment) {
        case Alignment::Left:
            by.setX(all.left() - body.left());
            break;
        case Alignment::HCenter:
            by.setX(all.center().x() - body.center().x());
            break;
        case Alignment::Right:
            by.setX(all.right() - body.right());
            break;
        case Alignment::Top:
            by.setY(all.top() - body.top());
            break;
        case Alignment::VCenter:
            by.setY(all.center().y() - body.center().y());
            break;
        case Alignment::Bottom:
            by.setY(all.bottom() - body.bottom());
            break;
        }
        const model::Point p = *theMap->positionOf(id);
        moves.push_back({id, {p.x + by.x(), p.y + by.y()}});
    }
    m_document.push(model::moveElements(m_document.project(), m_map, moves));
}

void MapView::distributeSelection(Qt::Orientation orientation) {
    const model::Map* theMap = m_document.map(m_map);
    if (!theMap)
        return;
    const bool horizontal = orientation == Qt::Horizontal;
    struct Entry {
        Id id;
        qreal start; // left or top of the body
        qreal size;
    };
    std::vector<Entry> entries;
    for (Id id : movableSelection()) {
        const QRectF body = elementBody(*theMap, id);
        if (!body.isNull())
            entries.push_back({id, horizontal ? body.left() : body.top(),
                               horizontal ? body.width() : body.height()});
    }
    if (entries.size() < 3) {
        showMessage(tr("Select three or more elements to distribute them."));
        return;
    }
    std::ranges::sort(entries, {}, [](const Entry& e) { return e.start + e.size / 2; });
    // Equal gaps between the bodies, the first and last staying where they are; when they
    // overlap too much for that, equal steps between centres.
    const Entry& first = entries.front();
    const Entry& last = entries.back();
    qreal sizes = 0;
    for (const Entry& e : entries)
        sizes += e.size;
    const auto gaps = static_cast<qreal>(entries.size() - 1);
    const qreal gap = (last.start + last.size - first.start - sizes) / gaps;
    const qreal centreStep = (last.start + last.size / 2 - first.start - first.size / 2) / gaps;
    std::vector<std::pair<Id, model::Point>> moves;
    qreal cursor = first.start;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const Entry& e = entries[i];
        const qreal start = gap >= 0 ? cursor
                                     : first.start + first.size / 2 +
                                           centreStep * static_cast<qreal>(i) - e.size / 2;
        cursor = start + e.size + gap;
        const model::Point p = *theMap->positionOf(e.id);
        const qreal by = start - e.start;
        moves.push_back(
            {e.id, horizontal ? model::Point{p.x + by, p.y} : model::Point{p.x, p.y + by}});
    }
    m_document.push(model::moveElements(m_document.project(), m_map, moves));
}

void MapView::autoLayout(LayoutWrap wrap) {
    const model::Map* theMap = m_document.map(m_map);
    if (!theMap)
        return;
    // Wrapped, the stream takes rows that fill the view's shape: the whole viewport, whether
    // the scroll bars the current zoom needs are showing or not.
    const QSize room = maximumViewportSize();
    const double aspect = room.height() > 0 ? double(room.width()) / room.height() : 16.0 / 9.0;
    std::vector<std::pair<Id, model::Point>> positions;
    switch (wrap) {
    case LayoutWrap::Never:
        positions = render::autoLayout(*theMap);
        break;
    case LayoutWrap::ToViewShape:
        positions =
            render::serpentineLayout(*theMap, render::serpentineColumnsFor(*theMap, aspect));
        break;
    case LayoutWrap::WhenWiderThanView: {
        const int columns = render::serpentineColumnsToFit(*theMap, room.width(), room.height());
        positions = columns >= render::serpentineColumnCount(*theMap)
                        ? render::autoLayout(*theMap)
                        : render::serpentineLayout(*theMap, columns);
        break;
    }
    }
    if (auto moves = model::moveElements(m_document.project(), m_map, positions)) {
        auto edit = std::make_unique<model::CompoundEdit>("Auto layout");
        edit->add(std::move(moves));
        m_document.push(std::move(edit));
    }
    fitToWindow();
}

// --- rename in place ---

void MapView::openRenameEditor(Id id) {
    const model::Map* theMap = m_document.map(m_map);
    CanvasItem* item = m_scene->itemFor(id);
    if (!theMap || !item)
        return;
    commitRename();
    selectIds({id}, true);

    // Over the text being edited: a body's name, a wait's label under it, a flow's middle,
    // the reason under a red-pen circle.
    QRectF area;
    const auto kind = *theMap->kindOf(id);
    if (kind == ElementKind::Flow) {
        const QPointF mid = render::flowMidpoint(static_cast<FlowItem*>(item)->path());
        area = QRectF(mid.x() - 80, mid.y() - 24, 160, 20);
    } else if (kind == ElementKind::RedPen) {
        const QRectF ring = static_cast<RedPenItem*>(item)->ellipse();
        area = QRectF(ring.center().x() - 100, ring.bottom() + 2, 200, 20);
    } else if (kind == ElementKind::Wait) {
        const QRectF body = render::bodyRect(*theMap, id);
        area = QRectF(body.center().x() - 70, body.bottom() + 14, 140, 18);
    } else {
        const QRectF body = render::bodyRect(*theMap, id);
        area = QRectF(body.left(), body.center().y() - 12, body.width(), 24);
    }
    const QRect onScreen = mapFromScene(area).boundingRect();

    auto* editor = new QLineEdit(viewport());
    editor->setObjectName(QStringLiteral("canvasRenameEditor"));
    QFont font = render::theme().font(9);
    font.setPointSizeF(std::clamp(9 * zoom(), 9.0, 28.0));
    editor->setFont(font);
    editor->setText(QString::fromStdString(theMap->nameOf(id)));
    editor->selectAll();
    const int height = std::max(onScreen.height(), editor->sizeHint().height());
    const int width = std::max(onScreen.width(), 160);
    editor->setGeometry(onScreen.center().x() - width / 2, onScreen.center().y() - height / 2,
                        width, height);
    editor->installEventFilter(this);
    QObject::connect(editor, &QLineEdit::editingFinished, this, &MapView::commitRename);
    m_editor = editor;
    m_editing = id;
    editor->show();
    editor->setFocus();
    showMessage(tr("Enter keeps the new name, Escape cancels."));
}

void MapView::commitRename() {
    if (!m_editor)
        return;
    QLineEdit* editor = m_editor;
    m_editor = nullptr; // before anything can re-enter through editingFinished
    const Id id = std::exchange(m_editing, kNoId);
    const std::string text = toStd(editor->text().trimmed());
    editor->setObjectName(QString()); // it lingers until deleteLater: not the live editor
    editor->hide();
    editor->deleteLater();
    setFocus();
    if (const model::Map* theMap = m_document.map(m_map); theMap && theMap->contains(id))
        m_document.push(renameEdit(*theMap, id, text));
}

void MapView::cancelRename() {
    if (!m_editor)
        return;
    QLineEdit* editor = m_editor;
    m_editor = nullptr;
    m_editing = kNoId;
    editor->setObjectName(QString());
    editor->hide();
    editor->deleteLater();
    setFocus();
}

bool MapView::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_editor && event->type() == QEvent::KeyPress) {
        // Handled here: a line edit lets Enter and Escape travel on to its parent, where
        // Enter would open the editor again.
        switch (static_cast<QKeyEvent*>(event)->key()) {
        case Qt::Key_Escape:
            cancelRename();
            return true;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            commitRename();
            return true;
        default:
            break;
        }
    }
    return QGraphicsView::eventFilter(watched, event);
}

// --- hit tests and handles ---

CanvasItem* MapView::canvasItemAt(QPoint viewPos) const {
    for (QGraphicsItem* item : items(viewPos))
        if (item->type() >= kElementItemType && item->type() <= kRedPenItemType)
            return static_cast<CanvasItem*>(item);
    return nullptr;
}

Id MapView::connectableAt(QPoint viewPos) const {
    for (QGraphicsItem* item : items(viewPos))
        if (item->type() == kElementItemType) {
            auto* element = static_cast<ElementItem*>(item);
            if (canBeJoined(element->kind()))
                return element->id();
        }
    return kNoId;
}

std::vector<Id> MapView::handleOwners() const {
    std::vector<Id> owners;
    if (m_tool != Tool::Select || m_gesture == Gesture::Moving || m_gesture == Gesture::Panning)
        return owners;
    const model::Map* theMap = m_document.map(m_map);
    if (!theMap)
        return owners;
    auto add = [&](Id id) {
        if (const auto kind = theMap->kindOf(id);
            kind && canBeJoined(*kind) && std::ranges::find(owners, id) == owners.end())
            owners.push_back(id);
    };
    add(m_scene->hoveredId());
    if (selectedIds().size() == 1)
        add(selectedIds().front());
    return owners;
}

std::optional<QPointF> MapView::handlePoint(Id element) const {
    const model::Map* theMap = m_document.map(m_map);
    if (!theMap)
        return std::nullopt;
    const QRectF body = render::bodyRect(*theMap, element);
    if (body.isNull())
        return std::nullopt;
    return QPointF(body.right(), body.center().y());
}

Id MapView::handleAt(QPoint viewPos) const {
    for (Id owner : handleOwners())
        if (const auto at = handlePoint(owner)) {
            const QPointF d = mapFromScene(*at) - QPointF(viewPos);
            if (std::hypot(d.x(), d.y()) <= kHandleHitRadius)
                return owner;
        }
    return kNoId;
}

void MapView::updateHandleArea(Id element) {
    if (const auto at = handlePoint(element)) {
        const QPoint centre = mapFromScene(*at);
        const int r = static_cast<int>(kHandleHitRadius) + 4;
        viewport()->update(QRect(centre - QPoint(r, r), QSize(2 * r, 2 * r)));
    }
}

void MapView::updateHover(QPoint viewPos) {
    Id hovered = kNoId;
    const Id onHandle = handleAt(viewPos);
    if (onHandle != kNoId)
        hovered = onHandle; // the handle sticks out of its element: keep it hovered
    else if (CanvasItem* item = canvasItemAt(viewPos))
        hovered = item->id();
    const Id previous = m_scene->hoveredId();
    if (hovered != previous) {
        m_scene->setHoveredId(hovered);
        updateHandleArea(previous);
        updateHandleArea(hovered);
    }
    updateCursor();
}

void MapView::updateCursor() {
    Qt::CursorShape shape = Qt::ArrowCursor;
    if (m_gesture == Gesture::Panning)
        shape = Qt::ClosedHandCursor;
    else if (m_spaceHeld)
        shape = Qt::OpenHandCursor;
    else if (m_gesture == Gesture::Connecting || m_tool != Tool::Select)
        shape = Qt::CrossCursor;
    else if (m_gesture == Gesture::Moving)
        shape = Qt::SizeAllCursor;
    else if (m_gesture == Gesture::None) {
        const QPoint at = viewport()->mapFromGlobal(QCursor::pos());
        if (viewport()->rect().contains(at)) {
            if (handleAt(at) != kNoId)
                shape = Qt::CrossCursor;
            else if (CanvasItem* item = canvasItemAt(at); item && item->type() != kFlowItemType)
                shape = Qt::SizeAllCursor;
        }
    }
    if (viewport()->cursor().shape() != shape)
        viewport()->setCursor(shape);
}

// --- mouse ---

void MapView::mousePressEvent(QMouseEvent* event) {
    endNudge();
    commitRename();
    m_pressViewPos = event->position().toPoint();
    m_pressScenePos = mapToScene(m_pressViewPos);
    if (m_gesture != Gesture::None)
        return; // a second button during a gesture
    if (event->button() == Qt::MiddleButton || (event->button() == Qt::LeftButton && m_spaceHeld)) {
        m_gesture = Gesture::Panning;
        m_panLast = m_pressViewPos;
        updateCursor();
        event->accept();
        return;
    }
    if (event->button() == Qt::RightButton) {
        // A context click acts on what is under the mouse.
        if (CanvasItem* item = canvasItemAt(m_pressViewPos); item && !item->isSelected())
            selectIds({item->id()}, false);
        event->accept();
        return;
    }
    if (event->button() != Qt::LeftButton)
        return;
    event->accept();
    switch (m_tool) {
    case Tool::Select:
        pressInSelectTool(event);
        break;
    case Tool::Connect:
        m_connectFrom = connectableAt(m_pressViewPos);
        if (m_connectFrom == kNoId) {
            showMessage(tr("Press on an element and drag to another one to join them."));
            break;
        }
        m_gesture = Gesture::Connecting;
        m_connectEnd = m_pressScenePos;
        break;
    default: {
        const Tool tool = m_tool;
        setTool(Tool::Select);
        addElement(tool, m_pressScenePos);
        break;
    }
    }
    updateCursor();
}

void MapView::pressInSelectTool(QMouseEvent* event) {
    // The connection handle first: it sits on the edge of its element.
    if (const Id from = handleAt(m_pressViewPos); from != kNoId) {
        m_gesture = Gesture::Connecting;
        m_connectFrom = from;
        m_connectEnd = m_pressScenePos;
        return;
    }
    const bool toggle = event->modifiers() & (Qt::ControlModifier | Qt::ShiftModifier);
    CanvasItem* item = canvasItemAt(m_pressViewPos);
    if (item) {
        if (toggle) {
            item->setSelected(!item->isSelected());
            return;
        }
        if (!item->isSelected())
            selectIds({item->id()}, false);
        m_gesture = Gesture::Pressing;
        m_pressItem = item->id();
        return;
    }
    m_rubberBase = toggle ? selectedIds() : std::vector<Id>{};
    if (!toggle)
        clearSelectionQuietly();
    m_gesture = Gesture::RubberBand;
    m_rubberBand->setGeometry(QRect(m_pressViewPos, QSize()));
}

void MapView::mouseMoveEvent(QMouseEvent* event) {
    const QPoint pos = event->position().toPoint();
    switch (m_gesture) {
    case Gesture::Panning: {
        const QPoint delta = pos - m_panLast;
        m_panLast = pos;
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y());
        return;
    }
    case Gesture::Pressing:
        if ((pos - m_pressViewPos).manhattanLength() < QApplication::startDragDistance())
            return;
        beginMove();
        if (m_gesture != Gesture::Moving)
            return;
        [[fallthrough]];
    case Gesture::Moving:
        moveSelectionTo(mapToScene(pos));
        updateAutoScroll(pos);
        return;
    case Gesture::RubberBand:
        updateRubberBand(pos, event->modifiers());
        updateAutoScroll(pos);
        return;
    case Gesture::Connecting: {
        updateConnectLine(mapToScene(pos));
        updateAutoScroll(pos);
        const Id target = connectableAt(pos);
        const Id previous = m_scene->hoveredId();
        m_scene->setHoveredId(target);
        if (previous != target)
            updateHandleArea(previous);
        return;
    }
    case Gesture::None:
        updateHover(pos);
        return;
    }
}

void MapView::updateAutoScroll(QPoint viewPos) {
    m_lastMousePos = viewPos;
    const QRect inner = viewport()->rect().adjusted(kAutoScrollMargin, kAutoScrollMargin,
                                                    -kAutoScrollMargin, -kAutoScrollMargin);
    if (inner.contains(viewPos))
        m_autoScroll->stop();
    else if (!m_autoScroll->isActive())
        m_autoScroll->start();
}

void MapView::autoScrollStep() {
    if (m_gesture != Gesture::Moving && m_gesture != Gesture::RubberBand &&
        m_gesture != Gesture::Connecting) {
        m_autoScroll->stop();
        return;
    }
    // Faster the further out the mouse is.
    const QRect inner = viewport()->rect().adjusted(kAutoScrollMargin, kAutoScrollMargin,
                                                    -kAutoScrollMargin, -kAutoScrollMargin);
    auto speed = [](int beyond) {
        return beyond == 0 ? 0 : (beyond > 0 ? 1 : -1) * std::clamp(std::abs(beyond) / 2, 2, 40);
    };
    const QPoint p = m_lastMousePos;
    const int dx = speed(p.x() < inner.left()    ? p.x() - inner.left()
                         : p.x() > inner.right() ? p.x() - inner.right()
                                                 : 0);
    const int dy = speed(p.y() < inner.top()      ? p.y() - inner.top()
                         : p.y() > inner.bottom() ? p.y() - inner.bottom()
                                                  : 0);
    QScrollBar* h = horizontalScrollBar();
    QScrollBar* v = verticalScrollBar();
    const QPoint before(h->value(), v->value());
    h->setValue(h->value() + dx);
    v->setValue(v->value() + dy);
    if (QPoint(h->value(), v->value()) == before)
        return; // at the end of the scene
    // The mouse stands still over a moving canvas: the gesture follows the scene under it.
    if (m_gesture == Gesture::Moving)
        moveSelectionTo(mapToScene(p));
    else if (m_gesture == Gesture::RubberBand)
        updateRubberBand(p, QApplication::keyboardModifiers());
    else
        updateConnectLine(mapToScene(p));
}

void MapView::beginMove() {
    const model::Map* theMap = m_document.map(m_map);
    m_dragOrigins.clear();
    if (theMap)
        for (Id id : movableSelection())
            m_dragOrigins.push_back({id, *theMap->positionOf(id)});
    if (m_dragOrigins.empty()) {
        m_gesture = Gesture::None; // only flows or circles around targets: nothing to move
        return;
    }
    m_dragAnchor = m_dragOrigins.front().second;
    for (const auto& [id, origin] : m_dragOrigins)
        if (id == m_pressItem)
            m_dragAnchor = origin;
    m_lastDelta = {};
    m_gesture = Gesture::Moving;
    m_document.beginGesture();
    // Handles hide while moving.
    updateHandleArea(m_scene->hoveredId());
    updateCursor();
}

void MapView::moveSelectionTo(QPointF scenePos) {
    QPointF delta = scenePos - m_pressScenePos;
    if (m_snap) {
        // The element under the mouse lands on the grid; the others keep their distances.
        const model::Point anchor{m_dragAnchor.x + delta.x(), m_dragAnchor.y + delta.y()};
        const model::Point snapped = render::snapToGrid(anchor);
        delta = QPointF(snapped.x - m_dragAnchor.x, snapped.y - m_dragAnchor.y);
    }
    if (delta == m_lastDelta)
        return;
    m_lastDelta = delta;
    std::vector<std::pair<Id, model::Point>> moves;
    moves.reserve(m_dragOrigins.size());
    for (const auto& [id, origin] : m_dragOrigins)
        moves.push_back({id, {origin.x + delta.x(), origin.y + delta.y()}});
    m_document.push(model::moveElements(m_document.project(), m_map, moves));
}

void MapView::updateRubberBand(QPoint viewPos, Qt::KeyboardModifiers) {
    // Anchored in the scene: the view may have scrolled since the press.
    const QRect band = QRect(mapFromScene(m_pressScenePos), viewPos).normalized();
    m_rubberBand->setGeometry(band);
    m_rubberBand->setVisible(band.width() > 2 || band.height() > 2);
    const QRectF area = mapToScene(band).boundingRect();
    beginSelectionBatch();
    m_scene->clearSelection();
    for (Id id : m_rubberBase)
        if (CanvasItem* item = m_scene->itemFor(id))
            item->setSelected(true);
    // Shapes touched by the band; flows only when wholly inside, so that a band over a few
    // steps does not pick up every flow that passes through.
    for (QGraphicsItem* item : m_scene->items(area, Qt::IntersectsItemShape)) {
        if (item->type() == kFlowItemType) {
            // (Corners, not QRectF::contains: a straight flow's box has no height.)
            const QRectF path = static_cast<FlowItem*>(item)->path().boundingRect();
            if (!area.contains(path.topLeft()) || !area.contains(path.bottomRight()))
                continue;
        } else if (item->type() < kElementItemType || item->type() > kRedPenItemType) {
            continue;
        }
        item->setSelected(true);
    }
    endSelectionBatch();
}

QRectF MapView::connectLineRect() const {
    if (m_connectFrom == kNoId)
        return {};
    const QPointF start = handlePoint(m_connectFrom).value_or(m_connectEnd);
    return QRectF(start, m_connectEnd).normalized();
}

void MapView::updateConnectLine(QPointF scenePos) {
    const QRectF before = connectLineRect();
    m_connectEnd = scenePos;
    const QRectF after = connectLineRect();
    const QRect dirty = mapFromScene(before | after).boundingRect().adjusted(-16, -16, 16, 16);
    viewport()->update(dirty);
}

void MapView::mouseReleaseEvent(QMouseEvent* event) {
    const QPoint pos = event->position().toPoint();
    const Gesture gesture = std::exchange(m_gesture, Gesture::None);
    m_autoScroll->stop();
    switch (gesture) {
    case Gesture::None:
        break;
    case Gesture::Panning:
        break;
    case Gesture::Pressing:
        // A plain click on one of several selected elements selects just that one.
        if (selectedIds().size() > 1 && m_pressItem != kNoId)
            selectIds({m_pressItem}, false);
        break;
    case Gesture::Moving:
        m_document.endGesture();
        break;
    case Gesture::RubberBand:
        m_rubberBand->hide();
        break;
    case Gesture::Connecting: {
        const QRect dirty =
            mapFromScene(connectLineRect()).boundingRect().adjusted(-16, -16, 16, 16);
        const Id from = std::exchange(m_connectFrom, kNoId);
        const Id to = connectableAt(pos);
        viewport()->update(dirty);
        if (to != kNoId)
            connect(from, to);
        else if ((pos - m_pressViewPos).manhattanLength() >= QApplication::startDragDistance())
            showMessage(tr("Release on another element to join them with a flow."));
        break;
    }
    }
    m_pressItem = kNoId;
    updateHover(pos);
    event->accept();
}

void MapView::mouseDoubleClickEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton || m_tool != Tool::Select) {
        event->accept();
        return;
    }
    const QPoint pos = event->position().toPoint();
    if (CanvasItem* item = canvasItemAt(pos)) {
        openRenameEditor(item->id());
    } else {
        // Fast capture: a double-click on empty canvas places a step and names it.
        if (addElement(Tool::AddStep, mapToScene(pos)) != kNoId)
            renameSelected();
    }
    event->accept();
}

void MapView::cancelGesture() {
    m_autoScroll->stop();
    switch (std::exchange(m_gesture, Gesture::None)) {
    case Gesture::Moving: {
        // Back to where the drag started: the merged move becomes a no-op and disappears.
        m_lastDelta = {};
        std::vector<std::pair<Id, model::Point>> moves(m_dragOrigins.begin(), m_dragOrigins.end());
        m_document.push(model::moveElements(m_document.project(), m_map, moves));
        m_document.endGesture();
        break;
    }
    case Gesture::RubberBand:
        m_rubberBand->hide();
        break;
    case Gesture::Connecting:
        viewport()->update();
        break;
    default:
        break;
    }
    m_connectFrom = kNoId;
    m_pressItem = kNoId;
    updateCursor();
}

void MapView::wheelEvent(QWheelEvent* event) {
    if (event->modifiers() & Qt::ControlModifier) {
        const int delta = event->angleDelta().y();
        if (delta != 0)
            zoomAround(event->position().toPoint(), std::pow(1.0015, delta));
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

void MapView::leaveEvent(QEvent* event) {
    if (m_gesture == Gesture::None) {
        const Id previous = m_scene->hoveredId();
        m_scene->setHoveredId(kNoId);
        updateHandleArea(previous);
    }
    QGraphicsView::leaveEvent(event);
}

// --- keyboard ---

bool MapView::event(QEvent* event) {
    // Tab walks the steps in flow order instead of moving the focus away.
    if (event->type() == QEvent::KeyPress) {
        auto* key = static_cast<QKeyEvent*>(event);
        if ((key->key() == Qt::Key_Tab || key->key() == Qt::Key_Backtab) &&
            !(key->modifiers() & (Qt::ControlModifier | Qt::AltModifier))) {
            endNudge();
            selectNextStep(key->key() == Qt::Key_Backtab || (key->modifiers() & Qt::ShiftModifier));
            return true;
        }
    }
    return QGraphicsView::event(event);
}

void MapView::keyPressEvent(QKeyEvent* event) {
    const int key = event->key();
    const bool arrow =
        key == Qt::Key_Left || key == Qt::Key_Right || key == Qt::Key_Up || key == Qt::Key_Down;
    if (!arrow)
        endNudge();
    if (arrow && !movableSelection().empty()) {
        // Holding an arrow key is one undo step; each separate press another.
        const qreal step = (event->modifiers() & Qt::ShiftModifier) ? 1 : render::kGridSize;
        const QPointF by(key == Qt::Key_Left    ? -step
                         : key == Qt::Key_Right ? step
                                                : 0,
                         key == Qt::Key_Up     ? -step
                         : key == Qt::Key_Down ? step
                                               : 0);
        if (!m_nudging) {
            m_document.beginGesture();
            m_nudging = true;
        }
        nudgeSelection(by);
        return;
    }
    if (key == Qt::Key_Delete && (event->modifiers() & Qt::ShiftModifier)) {
        deleteSelected(false); // without bridging (not the platform's second cut key)
    } else if (event->matches(QKeySequence::Delete) || key == Qt::Key_Backspace) {
        deleteSelected();
    } else if (event->matches(QKeySequence::Cut)) {
        cutSelected();
    } else if (event->matches(QKeySequence::Copy)) {
        copySelected();
    } else if (event->matches(QKeySequence::Paste)) {
        paste();
    } else if (event->matches(QKeySequence::SelectAll)) {
        selectAll();
    } else if (event->matches(QKeySequence::ZoomIn) ||
               (key == Qt::Key_Equal && (event->modifiers() & Qt::ControlModifier))) {
        zoomIn();
    } else if (event->matches(QKeySequence::ZoomOut)) {
        zoomOut();
    } else if (key == Qt::Key_0 && (event->modifiers() & Qt::ControlModifier)) {
        actualSize();
    } else if (key == Qt::Key_9 && (event->modifiers() & Qt::ControlModifier)) {
        fitToWindow();
    } else if (key == Qt::Key_F2) {
        renameSelected();
    } else if (key == Qt::Key_Return || key == Qt::Key_Enter) {
        if (m_tool == Tool::Connect)
            connectSelectionInOrder();
        else if (m_tool != Tool::Select)
            placeWithKeyboard();
        else if (!selectedIds().empty())
            renameSelected();
    } else if (key == Qt::Key_Escape) {
        if (m_gesture != Gesture::None)
            cancelGesture();
        else if (m_tool != Tool::Select)
            setTool(Tool::Select);
        else
            clearSelectionQuietly();
    } else if (key == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceHeld = true;
        updateCursor();
    } else {
        QGraphicsView::keyPressEvent(event);
    }
}

void MapView::keyReleaseEvent(QKeyEvent* event) {
    if (!event->isAutoRepeat()) {
        const int key = event->key();
        if (key == Qt::Key_Left || key == Qt::Key_Right || key == Qt::Key_Up || key == Qt::Key_Down)
            endNudge();
        if (key == Qt::Key_Space) {
            m_spaceHeld = false;
            updateCursor();
        }
    }
    QGraphicsView::keyReleaseEvent(event);
}

void MapView::focusOutEvent(QFocusEvent* event) {
    endNudge();
    m_spaceHeld = false;
    QGraphicsView::focusOutEvent(event);
}

// --- drag and drop from the palette ---

void MapView::dragEnterEvent(QDragEnterEvent* event) {
    if (event->mimeData()->hasFormat(QString::fromLatin1(kToolMimeType)))
        event->acceptProposedAction();
    else
        event->ignore();
}

void MapView::dragMoveEvent(QDragMoveEvent* event) {
    if (event->mimeData()->hasFormat(QString::fromLatin1(kToolMimeType)))
        event->acceptProposedAction();
    else
        event->ignore();
}

void MapView::dropEvent(QDropEvent* event) {
    const auto tool = toolFromMimeData(event->mimeData()->data(QString::fromLatin1(kToolMimeType)));
    if (!tool) {
        event->ignore();
        return;
    }
    setTool(Tool::Select);
    addElement(*tool, mapToScene(event->position().toPoint()));
    event->acceptProposedAction();
    setFocus();
}

// --- painting ---

void MapView::drawBackground(QPainter* painter, const QRectF& rect) {
    const render::Theme& t = render::theme();
    painter->fillRect(rect, t.paper);
    // A light dot grid where it helps placing things; too dense to help when zoomed out.
    if (zoom() < 0.5)
        return;
    const qreal step = render::kGridSize * 4;
    QColor dot = t.faint;
    dot.setAlpha(140);
    QPen pen(dot, 1.5);
    pen.setCosmetic(true);
    painter->setPen(pen);
    QVector<QPointF> points;
    for (qreal x = std::floor(rect.left() / step) * step; x <= rect.right(); x += step)
        for (qreal y = std::floor(rect.top() / step) * step; y <= rect.bottom(); y += step)
            points.push_back(QPointF(x, y));
    painter->drawPoints(points.data(), static_cast<int>(points.size()));
}

void MapView::drawForeground(QPainter* painter, const QRectF&) {
    const render::Theme& t = render::theme();
    const qreal scale = 1.0 / zoom();
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    // Connection handles: a ring with an arrow, a constant size on screen.
    for (Id owner : handleOwners())
        if (const auto at = handlePoint(owner)) {
            const qreal r = kHandleRadius * scale;
            painter->setPen(QPen(t.paper, 1.5 * scale));
            painter->setBrush(t.selection);
            painter->drawEllipse(*at, r, r);
            painter->setPen(QPen(t.paper, 1.4 * scale, Qt::SolidLine, Qt::RoundCap));
            painter->drawLine(*at - QPointF(r * 0.45, 0), *at + QPointF(r * 0.45, 0));
            painter->drawLine(*at + QPointF(r * 0.1, -r * 0.35), *at + QPointF(r * 0.45, 0));
            painter->drawLine(*at + QPointF(r * 0.1, r * 0.35), *at + QPointF(r * 0.45, 0));
        }
    // The flow being drawn.
    if (m_gesture == Gesture::Connecting && m_connectFrom != kNoId) {
        const QPointF start = handlePoint(m_connectFrom).value_or(m_connectEnd);
        QPen line(t.selection, 2, Qt::DashLine, Qt::RoundCap);
        line.setCosmetic(true);
        painter->setPen(line);
        painter->drawLine(start, m_connectEnd);
        painter->setPen(Qt::NoPen);
        painter->setBrush(t.selection);
        painter->drawEllipse(m_connectEnd, 3 * scale, 3 * scale);
    }
    painter->restore();
}

} // namespace gemba::app
