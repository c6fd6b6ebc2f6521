// The legend of a map: each symbol the map uses, drawn by the map painter itself at small size.

#include "gemba/render/geometry.h"
#include "gemba/render/text.h"
#include "gemba/render/theme.h"
#include "report_parts.h"

#include <QPainter>
#include <algorithm>

namespace gemba::render::detail {

namespace {

constexpr qreal kIconWidth = 46;
constexpr qreal kRowHeight = 26;

/// Paints one element of a one-element map, scaled into `icon`; `clip` (scene units) limits
/// what is shown, e.g. to the badge of a step.
void paintSample(QPainter& p, const QRectF& icon, const model::Project& project,
                 const model::Map& map, model::Id element, const QRectF& scene,
                 const metrics::MapMetrics* metrics = nullptr, qreal detail = 0.3) {
    const qreal scale = std::min(icon.width() / scene.width(), icon.height() / scene.height());
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    p.setClipRect(icon, Qt::IntersectClip);
    p.translate(icon.center());
    p.scale(scale, scale);
    p.translate(-scene.center());
    p.setClipRect(scene, Qt::IntersectClip);
    const PaintContext context{project, map, metrics, detail};
    if (const model::Flow* flow = map.findFlow(element))
        paintFlow(p, context, *flow);
    else
        paintElement(p, context, element);
    p.restore();
}

/// A map holding one element at the origin, for a sample of its symbol.
template <class T> model::Map sampleMap(T element) {
    model::Map map;
    map.id = 1;
    element.id = 2;
    if constexpr (std::is_same_v<T, model::Step>)
        map.steps.emplace(2, element);
    else if constexpr (std::is_same_v<T, model::Wait>)
        map.waits.emplace(2, element);
    else if constexpr (std::is_same_v<T, model::Party>)
        map.parties.emplace(2, element);
    else if constexpr (std::is_same_v<T, model::InfoBox>)
        map.infoBoxes.emplace(2, element);
    else if constexpr (std::is_same_v<T, model::Note>)
        map.notes.emplace(2, element);
    else if constexpr (std::is_same_v<T, model::RedPen>)
        map.redPens.emplace(2, element);
    return map;
}

/// A flow of this kind between two boxes that are not drawn.
model::Map flowSample(model::FlowKind kind) {
    model::Map map;
    map.id = 1;
    model::InfoBox a;
    a.id = 3;
    a.pos = {-160, 0};
    model::InfoBox b = a;
    b.id = 4;
    b.pos = {160, 0};
    map.infoBoxes.emplace(a.id, a);
    map.infoBoxes.emplace(b.id, b);
    model::Flow flow;
    flow.id = 2;
    flow.from = a.id;
    flow.to = b.id;
    flow.kind = kind;
    map.flows.emplace(flow.id, flow);
    return map;
}

LegendEntry elementEntry(const model::Project& project, model::Map map, model::ElementKind kind,
                         QString label) {
    // A step shows its body and the top of its data box: the whole of it would be too small.
    const QRectF scene = kind == model::ElementKind::Step ? bodyShape(kind).adjusted(-3, -3, 3, 34)
                                                          : paintShape(kind).adjusted(-2, -2, 2, 2);
    return {std::move(label),
            [&project, map = std::move(map), scene](QPainter& p, const QRectF& icon) {
                paintSample(p, icon, project, map, 2, scene);
            }};
}

LegendEntry flowEntry(const model::Project& project, model::FlowKind kind, QString label,
                      bool handoff = false) {
    auto metrics = std::make_shared<metrics::MapMetrics>();
    if (handoff)
        metrics->handoffFlows = {2};
    // The flow runs between the boxes' edges at x = -76 and 76; the truck sits above it.
    const QRectF scene(-78, -30, 156, 44);
    return {std::move(label), [&project, map = flowSample(kind), scene, metrics,
                               handoff](QPainter& p, const QRectF& icon) {
                paintSample(p, icon, project, map, 2, scene, handoff ? metrics.get() : nullptr,
                            0.5);
            }};
}

/// The badge a step wears (bottleneck, above takt), cut out of a step drawn with metrics that
/// say so.
LegendEntry badgeEntry(const model::Project& project, bool bottleneck, QString label) {
    model::Step step;
    step.name = " ";
    auto metrics = std::make_shared<metrics::MapMetrics>();
    metrics->valid = true;
    if (bottleneck)
        metrics->bottleneck = 2;
    metrics::StepFigures figures;
    figures.step = 2;
    figures.aboveTakt = !bottleneck;
    metrics->steps.emplace(2, figures);
    const qreal top = -kStepBodyHeight / 2;
    const QRectF scene(-46, top - 9, 92, 18);
    return {std::move(label),
            [&project, map = sampleMap(step), scene, metrics](QPainter& p, const QRectF& icon) {
                paintSample(p, icon, project, map, 2, scene, metrics.get(), 1);
            }};
}

LegendEntry swatchEntry(const QColor& colour, QString label) {
    return {std::move(label), [colour](QPainter& p, const QRectF& icon) {
                p.save();
                p.setPen(Qt::NoPen);
                p.setBrush(colour);
                p.drawRect(QRectF(icon.center().x() - 3, icon.top() + 3, 6, icon.height() - 6));
                p.restore();
            }};
}

} // namespace

std::vector<LegendEntry> legendEntries(const model::Project& project, const model::Map& map,
                                       const metrics::MapMetrics& m) {
    using model::ElementKind;
    std::vector<LegendEntry> out;
    if (!map.steps.empty()) {
        model::Step step;
        step.name = " ";
        out.push_back(elementEntry(project, sampleMap(step), ElementKind::Step,
                                   mapText("Process step with data box")));
    }
    const auto hasWait = [&](model::WaitKind kind) {
        return std::any_of(map.waits.begin(), map.waits.end(),
                           [kind](const auto& w) { return w.second.kind == kind; });
    };
    for (model::WaitKind kind : {model::WaitKind::Time, model::WaitKind::Inventory}) {
        if (!hasWait(kind))
            continue;
        model::Wait wait;
        wait.kind = kind;
        wait.label = " ";
        out.push_back(elementEntry(project, sampleMap(wait), ElementKind::Wait,
                                   kind == model::WaitKind::Time ? mapText("Queue (waiting time)")
                                                                 : mapText("Inventory")));
    }
    for (model::PartyKind kind : {model::PartyKind::Supplier, model::PartyKind::Customer}) {
        if (std::none_of(map.parties.begin(), map.parties.end(),
                         [kind](const auto& p) { return p.second.kind == kind; }))
            continue;
        model::Party party;
        party.kind = kind;
        out.push_back(elementEntry(
            project, sampleMap(party),
            kind == model::PartyKind::Supplier ? ElementKind::Supplier : ElementKind::Customer,
            kind == model::PartyKind::Supplier ? mapText("Supplier") : mapText("Customer")));
    }
    if (!map.infoBoxes.empty())
        out.push_back(elementEntry(project, sampleMap(model::InfoBox{}), ElementKind::InfoBox,
                                   mapText("Control or information box")));
    if (!map.notes.empty())
        out.push_back(
            elementEntry(project, sampleMap(model::Note{}), ElementKind::Note, mapText("Note")));
    if (!map.redPens.empty())
        out.push_back(elementEntry(project, sampleMap(model::RedPen{}), ElementKind::RedPen,
                                   mapText("Red pen: worth fixing")));

    const std::pair<model::FlowKind, const char*> flows[] = {
        {model::FlowKind::Push, "Push (material)"},
        {model::FlowKind::Pull, "Pull (withdrawal)"},
        {model::FlowKind::Fifo, "FIFO lane"},
        {model::FlowKind::ManualInformation, "Manual information"},
        {model::FlowKind::ElectronicInformation, "Electronic information"},
        {model::FlowKind::Shipment, "Shipment"},
    };
    for (const auto& [kind, label] : flows)
        if (std::any_of(map.flows.begin(), map.flows.end(),
                        [kind](const auto& f) { return f.second.kind == kind; }))
            out.push_back(flowEntry(project, kind, mapText(label)));

    if (m.valid && m.handoffs > 0)
        out.push_back(flowEntry(project, model::FlowKind::ManualInformation,
                                mapText("Handoff to another role"), true));
    if (m.valid && m.bottleneck != model::kNoId)
        out.push_back(badgeEntry(project, true, mapText("Bottleneck: highest C/T")));
    if (m.valid && std::any_of(m.steps.begin(), m.steps.end(),
                               [](const auto& s) { return s.second.aboveTakt; }))
        out.push_back(badgeEntry(project, false, mapText("Cycle time above takt")));

    const Theme& t = theme();
    const std::pair<model::ValueClass, QString> classes[] = {
        {model::ValueClass::ValueAdding, mapText("Value-adding step")},
        {model::ValueClass::NecessaryNonValueAdding, mapText("Necessary, not value-adding")},
        {model::ValueClass::Waste, mapText("Waste")},
    };
    const QColor colours[] = {t.valueAdding, t.necessary, t.waste};
    for (int i = 0; i < 3; ++i)
        if (std::any_of(map.steps.begin(), map.steps.end(),
                        [&](const auto& s) { return s.second.value == classes[i].first; }))
            out.push_back(swatchEntry(colours[i], classes[i].second));
    return out;
}

qreal legendHeight(std::size_t entries, int columns) {
    const auto rows =
        (entries + static_cast<std::size_t>(columns) - 1) / static_cast<std::size_t>(columns);
    return static_cast<qreal>(rows) * kRowHeight;
}

void paintLegend(QPainter& p, const QRectF& area, const std::vector<LegendEntry>& entries,
                 int columns) {
    const Theme& t = theme();
    const qreal columnWidth = area.width() / columns;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const auto row = static_cast<qreal>(i / static_cast<std::size_t>(columns));
        const auto column = static_cast<qreal>(i % static_cast<std::size_t>(columns));
        const QRectF cell(area.left() + column * columnWidth, area.top() + row * kRowHeight,
                          columnWidth, kRowHeight);
        const QRectF icon(cell.left(), cell.top() + 2, kIconWidth, kRowHeight - 4);
        entries[i].paintIcon(p, icon);
        paintWrappedText(p, cell.adjusted(kIconWidth + 6, 0, -2, 0), entries[i].label, t.font(7),
                         t.ink, 2, Qt::AlignLeft | Qt::AlignVCenter);
    }
}

QRectF mapContentRect(const model::Map& map) {
    if (map.placedElements().empty())
        return {};
    return mapBounds(map).adjusted(-12, -12, 12, 12);
}

} // namespace gemba::render::detail
