#include "canvas/map_scene.h"

#include "canvas/canvas_items.h"
#include "editor_document.h"
#include "gemba/model/workshop_ops.h"
#include "gemba/render/geometry.h"
#include "gemba/render/theme.h"
#include "gemba/render/timeline.h"

#include <QGraphicsSceneHelpEvent>
#include <QTimer>
#include <QToolTip>
#include <algorithm>
#include <set>
#include <unordered_set>

namespace gemba::app {

using model::Change;
using model::ElementKind;
using model::Id;

namespace {

/// Room around the content, so that there is space to draw into and to drag towards.
constexpr qreal kSceneMargin = 800;

void eraseValue(std::vector<Id>& values, Id value) {
    std::erase(values, value);
}

} // namespace

MapScene::MapScene(EditorDocument& document, Id map, QObject* parent)
    : QGraphicsScene(parent)
    , m_document(document)
    , m_map(map) {
    render::registerFonts();
    setBackgroundBrush(render::theme().paper);
    connect(&document, &EditorDocument::changed, this, &MapScene::onChanged);
    connect(&document, &EditorDocument::projectReset, this, &MapScene::rebuild);
    connect(&document, &EditorDocument::metricsUpdated, this, &MapScene::onMetricsUpdated);
    // The criticality shading repaints the steps like new figures do.
    connect(&document, &EditorDocument::criticalityChanged, this, &MapScene::onMetricsUpdated);
    rebuild();
}

MapScene::~MapScene() {
    // Delete the items while this is still a MapScene: they report deselection to it.
    disconnect(&m_document, nullptr, this, nullptr);
    m_items.clear();
    clear();
}

const model::Project& MapScene::project() const {
    return m_document.project();
}

const model::Map* MapScene::map() const {
    return m_document.map(m_map);
}

CanvasItem* MapScene::itemFor(Id id) const {
    auto it = m_items.find(id);
    return it == m_items.end() ? nullptr : it->second;
}

const metrics::MapMetrics* MapScene::currentMetrics() const {
    return m_document.metrics(m_map);
}

void MapScene::setHoveredId(Id id) {
    if (id == m_hovered)
        return;
    if (CanvasItem* old = itemFor(m_hovered))
        old->setHovered(false);
    m_hovered = id;
    if (CanvasItem* item = itemFor(id))
        item->setHovered(true);
}

void MapScene::noteSelection(Id id, bool selected) {
    eraseValue(m_selectionOrder, id);
    if (selected)
        m_selectionOrder.push_back(id);
}

void MapScene::rebuild() {
    m_selectionOrder.clear();
    m_hovered = model::kNoId;
    m_items.clear();
    m_flowEnds.clear();
    m_flowsAt.clear();
    m_penTargets.clear();
    m_pensOn.clear();
    m_labels.clear();
    m_overviewLabels.clear();
    clear(); // deletes the items, the timeline too
    m_timeline = new TimelineItem;
    addItem(m_timeline);

    const model::Map* theMap = map();
    if (theMap) {
        // Computed now, so that painting never has to.
        m_document.metrics(m_map);
        for (Id id : theMap->placedElements())
            createItem(id, *theMap->kindOf(id))->sync(*theMap);
        for (const auto& [id, flow] : theMap->flows)
            createItem(id, ElementKind::Flow)->sync(*theMap);
    }
    // A fresh map may be smaller than the last one: the scene rect starts over.
    m_contentRect = {};
    setSceneRect(QRectF());
    updateLayout();
}

CanvasItem* MapScene::createItem(Id id, ElementKind kind) {
    CanvasItem* item = nullptr;
    switch (kind) {
    case ElementKind::Flow:
        item = new FlowItem(id);
        break;
    case ElementKind::RedPen:
        item = new RedPenItem(id);
        break;
    default:
        item = new ElementItem(id);
        break;
    }
    addItem(item);
    m_items.emplace(id, item);
    if (kind == ElementKind::Flow)
        indexFlow(id, map());
    else if (kind == ElementKind::RedPen)
        indexRedPen(id, map());
    return item;
}

void MapScene::removeItemFor(Id id) {
    auto it = m_items.find(id);
    if (it == m_items.end())
        return;
    CanvasItem* item = it->second;
    m_items.erase(it);
    eraseValue(m_selectionOrder, id);
    if (m_hovered == id)
        m_hovered = model::kNoId;
    removeItem(item);
    delete item;
}

void MapScene::indexFlow(Id flow, const model::Map* theMap) {
    if (auto it = m_flowEnds.find(flow); it != m_flowEnds.end()) {
        eraseValue(m_flowsAt[it->second.first], flow);
        eraseValue(m_flowsAt[it->second.second], flow);
        m_flowEnds.erase(it);
    }
    const model::Flow* f = theMap ? theMap->findFlow(flow) : nullptr;
    if (!f)
        return;
    m_flowEnds.emplace(flow, std::make_pair(f->from, f->to));
    m_flowsAt[f->from].push_back(flow);
    if (f->to != f->from)
        m_flowsAt[f->to].push_back(flow);
}

void MapScene::indexRedPen(Id pen, const model::Map* theMap) {
    if (auto it = m_penTargets.find(pen); it != m_penTargets.end()) {
        for (Id target : it->second)
            eraseValue(m_pensOn[target], pen);
        m_penTargets.erase(it);
    }
    if (!theMap)
        return;
    auto it = theMap->redPens.find(pen);
    if (it == theMap->redPens.end())
        return;
    m_penTargets.emplace(pen, it->second.targets);
    for (Id target : it->second.targets)
        m_pensOn[target].push_back(pen);
}

void MapScene::onChanged(const model::Changes& changes) {
    if (changes.empty() || changes.front().subject == Change::Subject::Everything)
        return; // projectReset rebuilds
    const model::Map* theMap = map();
    std::unordered_set<Id> dirty;
    bool repaintAll = false;
    bool geometry = false;
    auto markPensOn = [&](Id target) {
        if (auto it = m_pensOn.find(target); it != m_pensOn.end())
            dirty.insert(it->second.begin(), it->second.end());
    };
    for (const Change& change : changes) {
        switch (change.subject) {
        case Change::Subject::Everything:
            rebuild();
            return;
        case Change::Subject::MapList:
            // This map was removed, or came back (undo): start over from the model.
            if (change.id == m_map) {
                rebuild();
                return;
            }
            break;
        case Change::Subject::Map:
            // Demand changes inventory figures; the name shows nowhere on the canvas.
            if (change.map == m_map)
                repaintAll = true;
            break;
        case Change::Subject::Project:
        case Change::Subject::Person:
        case Change::Subject::System:
            // Calendar, currency, names of people and systems are written in the data boxes.
            repaintAll = true;
            break;
        case Change::Subject::Workshop:
            // Red pens show how many ideas and actions they have.
            if (theMap)
                for (const auto& [id, pen] : theMap->redPens)
                    dirty.insert(id);
            break;
        case Change::Subject::Element: {
            if (change.map != m_map)
                break;
            geometry = true;
            const Id id = change.id;
            if (change.op == Change::Op::Removed) {
                markPensOn(id);
                if (change.kind == ElementKind::Flow)
                    indexFlow(id, nullptr);
                else if (change.kind == ElementKind::RedPen)
                    indexRedPen(id, nullptr);
                else
                    m_flowsAt.erase(id);
                m_pensOn.erase(id);
                removeItemFor(id);
                dirty.erase(id);
                break;
            }
            if (change.op == Change::Op::Added && !m_items.contains(id))
                createItem(id, change.kind);
            dirty.insert(id);
            if (change.kind == ElementKind::Flow) {
                indexFlow(id, theMap);
                markPensOn(id);
            } else if (change.kind == ElementKind::RedPen) {
                indexRedPen(id, theMap);
            } else if (change.op == Change::Op::Added ||
                       (change.fields & model::kChangedPosition)) {
                // Flows follow their ends, red pens their targets (also through flows).
                if (auto it = m_flowsAt.find(id); it != m_flowsAt.end())
                    for (Id flow : it->second) {
                        dirty.insert(flow);
                        markPensOn(flow);
                    }
                markPensOn(id);
            }
            break;
        }
        }
    }
    if (theMap)
        for (Id id : dirty)
            if (CanvasItem* item = itemFor(id))
                item->sync(*theMap);
    if (repaintAll)
        update();
    if (geometry)
        scheduleLayout();
}

const std::map<Id, double>* MapScene::criticality() const {
    return m_document.criticality(m_map);
}

void MapScene::onMetricsUpdated(Id mapId) {
    // Badges, handoff markers and the timeline follow the new figures.
    if (mapId == m_map) {
        update();
        scheduleLayout(); // the ladder's rows follow its number of rungs
    }
}

void MapScene::scheduleLayout() {
    if (m_layoutScheduled)
        return;
    m_layoutScheduled = true;
    QTimer::singleShot(0, this, [this] {
        if (m_layoutScheduled)
            updateLayout();
    });
}

void MapScene::relayOutLabels(const model::Map& theMap) {
    std::vector<render::LabelLayout> layouts = render::layoutMapLabelsAt(
        project(), theMap, {render::kCaptionPointSize, render::kOverviewCaptionPointSize});
    render::LabelLayout labels = std::move(layouts[0]);
    render::LabelLayout overview = std::move(layouts[1]);
    std::swap(labels, m_labels);
    std::swap(overview, m_overviewLabels);
    // The waits, flows and pens whose text moved or changed take their new bounds and
    // tooltip.
    const auto same = [](const render::LabelLayout& before, const render::LabelLayout& after,
                         render::Id id) {
        const auto was = before.find(id);
        const auto is = after.find(id);
        if (was == before.end() || is == after.end())
            return (was == before.end()) == (is == after.end());
        return was->second.box == is->second.box && was->second.lines == is->second.lines &&
               was->second.fullText == is->second.fullText;
    };
    std::set<render::Id> owners;
    for (const render::LabelLayout* layout : {&labels, &overview, &m_labels, &m_overviewLabels})
        for (const auto& [id, label] : *layout)
            owners.insert(id);
    for (render::Id id : owners)
        if (!same(labels, m_labels, id) || !same(overview, m_overviewLabels, id))
            if (CanvasItem* item = itemFor(id))
                item->sync(theMap);
}

void MapScene::updateLayout() {
    m_layoutScheduled = false;
    const model::Map* theMap = map();
    const QRectF bounds = theMap ? render::mapBounds(*theMap) : QRectF();
    if (theMap) {
        // An edit may change the unit a kind of duration is shown in across the map.
        if (const auto units = model::durationUnitsOf(*theMap, project().props.calendar);
            units != m_units) {
            m_units = units;
            update();
        }
        relayOutLabels(*theMap);
    }
    // The ladder wraps onto rows when its rungs would be too narrow to read (a long,
    // serpentine map); the rungs are the latest metrics' timeline.
    m_timeline->setRect(render::timelineRect(bounds, currentMetrics()));
    const QRectF content = bounds.isNull() ? m_timeline->rect() : bounds | m_timeline->rect();
    // The scene rect only grows while editing, so that the view does not jump under the
    // mouse; a rebuild starts it over.
    const QRectF wanted =
        content.adjusted(-kSceneMargin, -kSceneMargin, kSceneMargin, kSceneMargin);
    if (m_contentRect.isNull()) {
        setSceneRect(wanted);
    } else if (const QRectF current = sceneRect(); !current.contains(wanted)) {
        setSceneRect(current | wanted);
    }
    if (content != m_contentRect) {
        m_contentRect = content;
        emit contentRectChanged(content);
    }
}

QString MapScene::glossaryTip(model::Id element) const {
    const model::Map* theMap = map();
    const model::Step* step = theMap ? theMap->findStep(element) : nullptr;
    if (!step)
        return {};
    QStringList lines;
    for (const model::Term* term : model::glossaryTermsIn(project().workshop, step->name))
        lines << QString::fromStdString(term->term) + QStringLiteral(": ") +
                     QString::fromStdString(term->meaning);
    return lines.join(QChar('\n'));
}

void MapScene::helpEvent(QGraphicsSceneHelpEvent* event) {
    // Read when asked, so a glossary edited since the step was drawn shows at once.
    for (QGraphicsItem* item : items(event->scenePos()))
        if (item->type() == kElementItemType) {
            const QString tip = glossaryTip(static_cast<CanvasItem*>(item)->id());
            if (tip.isEmpty())
                break;
            QToolTip::showText(event->screenPos(), tip, event->widget());
            event->accept();
            return;
        }
    QGraphicsScene::helpEvent(event);
}

} // namespace gemba::app
