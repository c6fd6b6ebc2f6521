#include "gemba/render/svg_map.h"

#include "gemba/model/names.h"
#include "gemba/model/units.h"
#include "gemba/render/export.h"
#include "gemba/render/map_painter.h"
#include "gemba/render/report.h"
#include "gemba/render/text.h"
#include "gemba/render/theme.h"
#include "report_parts.h"

#include <QBuffer>
#include <QPainter>
#include <QPicture>
#include <QRegularExpression>
#include <QSvgGenerator>
#include <charconv>
#include <cmath>
#include <functional>

#ifndef GEMBA_VERSION
#error "GEMBA_VERSION must be defined by the build (the project version)"
#endif

namespace gemba::render {

using detail::qs;

namespace {

/// One SVG document of the picture's size, painted by `paint`.
QByteArray paintedSvg(const QRectF& rect, const std::function<void(QPainter&)>& paint,
                      const QString& title = {}, const QString& description = {}) {
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator svg;
    svg.setOutputDevice(&buffer);
    // At the resolution text is measured in, one unit is one SVG user unit and 1/96 inch.
    const int dpi = QPicture().logicalDpiY();
    svg.setResolution(dpi);
    svg.setSize(QSize(static_cast<int>(std::ceil(rect.width() * dpi / kUnitsPerInch)),
                      static_cast<int>(std::ceil(rect.height() * dpi / kUnitsPerInch))));
    svg.setViewBox(QRectF(0, 0, rect.width(), rect.height()));
    if (!title.isEmpty())
        svg.setTitle(title);
    if (!description.isEmpty())
        svg.setDescription(description);
    QPainter painter;
    if (!painter.begin(&svg))
        throw ExportError("the SVG writer could not start");
    painter.translate(-rect.topLeft());
    paint(painter);
    painter.end();
    return buffer.data();
}

/// What a document draws: the text between its definitions and its end, or nothing when it
/// holds no shape (an element drawn as nothing leaves no empty group).
QByteArray drawing(const QByteArray& document) {
    const qsizetype defs = document.indexOf("</defs>");
    const qsizetype begin = defs < 0 ? document.indexOf('>', document.indexOf("<svg")) + 1
                                     : defs + qsizetype(sizeof("</defs>") - 1);
    const qsizetype end = document.lastIndexOf("</svg>");
    if (begin <= 0 || end < begin)
        return {};
    const QByteArray body = document.mid(begin, end - begin);
    for (const char* shape : {"<path", "<text", "<rect", "<ellipse", "<circle", "<polyline",
                              "<polygon", "<image", "<line", "<use"})
        if (body.contains(shape))
            return body;
    return {};
}

/// The document without the groups Qt's writer leaves empty (a state change with nothing
/// drawn in it), so that every group a tool finds holds something.
QByteArray withoutEmptyGroups(const QByteArray& document) {
    static const QRegularExpression empty(QStringLiteral("<g [^>]*>\\s*</g>\\s*"));
    QString text = QString::fromUtf8(document);
    for (qsizetype before = -1; before != text.size();) {
        before = text.size();
        text.remove(empty);
    }
    return text.toUtf8();
}

/// A figure for other tools: ten significant digits, so that a sum such as 0.1 + 0.2 reads
/// 0.3 and not 0.30000000000000004; a decimal point, no grouping; 1e+21 beyond 1e10.
std::string dataNumber(double value) {
    char buffer[32];
    const auto result =
        std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::general, 10);
    const std::string text(buffer, result.ptr);
    return text == "-0" ? "0" : text;
}

/// The attributes of an element's group.
class Group {
public:
    Group(model::ElementKind kind, model::Id id) {
        const std::string kindName(model::nameOf(kind));
        m_text = " id=\"" + kindName + "-" + std::to_string(id) + "\" class=\"" + kindName;
    }
    void addClass(std::string_view name) { m_classes += " " + std::string(name); }
    void data(std::string_view name, const std::string& value) {
        m_data += " data-" + std::string(name) + "=\"" +
                  QString::fromStdString(value).toHtmlEscaped().toStdString() + "\"";
    }
    void number(std::string_view name, const std::optional<double>& value) {
        if (value)
            data(name, dataNumber(*value));
    }
    /// The percentiles of a measured distribution, as `name-p50-s` and so on.
    void distribution(std::string_view name, const model::Distribution& d) {
        if (d.count == 0)
            return;
        const std::string prefix(name);
        number(prefix + "-p50-s", d.p50);
        number(prefix + "-p85-s", d.p85);
        number(prefix + "-p95-s", d.p95);
    }
    QByteArray open() const {
        return QByteArray::fromStdString("<g" + m_text + m_classes + "\"" + m_data + ">\n");
    }

private:
    std::string m_text;
    std::string m_classes;
    std::string m_data;
};

std::string refOf(const model::Map& map, model::Id id) {
    const auto kind = map.kindOf(id);
    return kind ? std::string(model::nameOf(*kind)) + "-" + std::to_string(id) : std::string();
}

Group groupOf(const model::Project& project, const model::Map& map,
              const metrics::MapMetrics& metrics, model::Id id) {
    const model::ElementKind kind = *map.kindOf(id);
    Group group(kind, id);
    if (const model::Step* step = map.findStep(id)) {
        group.data("name", step->name);
        if (!step->role.empty())
            group.data("role", step->role);
        group.data("value", std::string(model::nameOf(step->value)));
        group.number("process-time-s", step->processTime);
        group.number("lead-time-s", step->leadTime);
        group.number("pca", step->pca);
        group.number("people", step->headcount);
        if (const auto& measured = step->measurement) {
            group.distribution("process-time", measured->processTime);
            group.distribution("lead-time", measured->leadTime);
            group.distribution("wait-before", measured->waitBefore);
            group.number("measured-items", static_cast<double>(measured->items));
        }
        if (auto it = metrics.steps.find(id); metrics.valid && it != metrics.steps.end()) {
            const metrics::StepFigures& f = it->second;
            group.number("cycle-time-s", f.cycleTime);
            group.number("visits", f.visits);
            group.data("on-path", f.onPath ? "true" : "false");
            group.number("capacity-per-day", f.capacityPerDay);
            group.data("above-takt", f.aboveTakt ? "true" : "false");
            if (metrics.bottleneck == id)
                group.addClass("bottleneck");
        }
    } else if (auto wait = map.waits.find(id); wait != map.waits.end()) {
        group.addClass(model::nameOf(wait->second.kind));
        if (!wait->second.label.empty())
            group.data("label", wait->second.label);
        group.number("wait-s", wait->second.time);
        group.number("quantity", wait->second.quantity);
    } else if (auto party = map.parties.find(id); party != map.parties.end()) {
        group.data("name", party->second.name);
    } else if (auto box = map.infoBoxes.find(id); box != map.infoBoxes.end()) {
        group.data("name", box->second.name);
    } else if (const model::Flow* flow = map.findFlow(id)) {
        group.addClass(model::nameOf(flow->kind));
        group.data("from", refOf(map, flow->from));
        group.data("to", refOf(map, flow->to));
        group.number("share", flow->share);
        group.number("wait-s", flow->wait);
        if (!flow->label.empty())
            group.data("label", flow->label);
    } else if (auto pen = map.redPens.find(id); pen != map.redPens.end()) {
        group.data("reason", pen->second.reason);
        group.number("cost-per-year", pen->second.cost);
        std::string targets;
        for (model::Id target : pen->second.targets)
            targets += (targets.empty() ? "" : " ") + refOf(map, target);
        group.data("targets", targets);
        if (pen->second.cost)
            group.data("currency", project.props.currency);
    }
    return group;
}

} // namespace

QByteArray mapSvg(const model::Project& project, const model::Map& map,
                  const metrics::MapMetrics& metrics) {
    registerFonts();
    const QRectF rect = mapPictureRect(map, metrics);
    const QString title = qs(project.props.name) + QStringLiteral(" — ") + qs(map.props.name);
    QString description = mapText("Value stream map \"%1\" of %2, with its timeline.")
                              .arg(qs(map.props.name), qs(project.props.name));
    if (metrics.valid)
        description +=
            mapText(" Lead time %1, process time %2.")
                .arg(qs(model::formatDurationIn(metrics.leadTime, model::TimeUnit::Day,
                                                project.props.calendar)),
                     qs(model::DurationVoice{model::durationUnitsOf(map, project.props.calendar),
                                             &project.props.calendar}
                            .stepTime(metrics.processTime)));
    description += mapText(" Made with Gemba %1.").arg(QStringLiteral(GEMBA_VERSION));
    // The picture without its elements (title, timeline), then a group per element in the
    // order the map is painted: flows under the shapes, red pens on top.
    QByteArray document = paintedSvg(
        rect, [&](QPainter& p) { paintMapPicture(p, project, map, metrics, false); }, title,
        description);
    const PaintContext context{project, map, &metrics, 1};
    std::vector<std::pair<model::Id, std::function<void(QPainter&)>>> parts;
    for (const auto& [id, flow] : map.flows)
        parts.emplace_back(id, [&, &flow = flow](QPainter& p) { paintFlow(p, context, flow); });
    for (model::Id id : map.placedElements())
        if (!map.redPens.contains(id))
            parts.emplace_back(id, [&, id = id](QPainter& p) { paintElement(p, context, id); });
    for (const auto& [id, pen] : map.redPens)
        parts.emplace_back(id, [&, &pen = pen](QPainter& p) { paintRedPen(p, context, pen); });
    QByteArray groups;
    for (const auto& [id, paint] : parts) {
        const QByteArray body = drawing(paintedSvg(rect, [&](QPainter& p) {
            p.setRenderHint(QPainter::Antialiasing);
            p.setRenderHint(QPainter::TextAntialiasing);
            paint(p);
        }));
        if (body.isEmpty())
            continue;
        groups += groupOf(project, map, metrics, id).open() + body + "</g>\n";
    }
    const qsizetype end = document.lastIndexOf("</svg>");
    document.insert(end < 0 ? document.size() : end, groups);
    return withoutEmptyGroups(document);
}

} // namespace gemba::render
