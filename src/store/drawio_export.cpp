// Gemba maps to a draw.io document: one page per map, drawn with the "Lean Mapping" shapes as
// draw.io users draw them, so that colleagues with draw.io only can open and read it, and so
// that importing it gives back the same maps (docs/file-format.md).

#include "atomic_file.h"
#include "drawio_common.h"
#include "drawio_text.h"
#include "gemba/metrics/metrics.h"
#include "gemba/model/names.h"
#include "gemba/model/units.h"
#include "gemba/store/drawio.h"
#include "text_util.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>

namespace gemba::store {

using detail::escapeXml;
using detail::kDrawioScale;
using model::Id;

namespace {

/// A number as the reader reads it back exactly: no thousands separators, and never exactly
/// three decimals (which would read as a thousands group): 1.125 -> "1.1250".
std::string plainNumber(double value) {
    std::string text = detail::exactNumber(value);
    const std::size_t dot = text.find('.');
    if (dot != std::string::npos && text.size() - dot - 1 == 3)
        text += "0";
    return text;
}

/// A duration in the largest of h, min and s that shows it whole, else in seconds: hours
/// rather than days, so that the text means the same under any working calendar.
std::string plainDuration(double seconds) {
    if (seconds > 0 && std::fmod(seconds, 3600) == 0)
        return plainNumber(seconds / 3600) + " h";
    if (seconds > 0 && std::fmod(seconds, 60) == 0)
        return plainNumber(seconds / 60) + " min";
    return plainNumber(seconds) + " s";
}

struct Size {
    double w, h;
};

Size sizeOf(model::ElementKind kind) {
    switch (kind) {
    case model::ElementKind::Step:
        return {100, 70};
    case model::ElementKind::Wait:
        return {40, 30};
    case model::ElementKind::Supplier:
    case model::ElementKind::Customer:
        return {100, 70};
    case model::ElementKind::InfoBox:
        return {100, 60};
    case model::ElementKind::Note:
        return {120, 40};
    case model::ElementKind::RedPen:
        return {90, 40};
    case model::ElementKind::Flow:
        break;
    }
    return {40, 40};
}

class PageWriter {
public:
    PageWriter(const model::Project& project, const model::Map& map, std::string& out)
        : m_project(project)
        , m_map(map)
        , m_out(out) {}
    void write();

private:
    const model::Project& m_project;
    const model::Map& m_map;
    std::string& m_out;
    double m_bottom = 0; ///< lowest edge drawn so far
    double m_left = std::numeric_limits<double>::max();
    double m_right = std::numeric_limits<double>::lowest();

    static std::string cellId(Id id) { return "g" + std::to_string(id); }

    /// An <object> holding a vertex: its label, its Gemba data, its style and its box.
    void vertex(const std::string& id, const std::string& label, const std::string& style,
                double cx, double cy, Size size,
                const std::vector<std::pair<std::string, std::string>>& data = {}) {
        const double x = cx - size.w / 2;
        const double y = cy - size.h / 2;
        m_bottom = std::max(m_bottom, y + size.h);
        m_left = std::min(m_left, x);
        m_right = std::max(m_right, x + size.w);
        m_out += "<object id=\"" + escapeXml(id) + "\" label=\"" + escapeXml(label) + "\"";
        for (const auto& [key, value] : data)
            m_out += " " + key + "=\"" + escapeXml(value) + "\"";
        m_out += "><mxCell style=\"" + escapeXml(style) + "\" vertex=\"1\" parent=\"1\">";
        m_out += "<mxGeometry x=\"" + detail::exactNumber(x) + "\" y=\"" + detail::exactNumber(y) +
                 "\" width=\"" + detail::exactNumber(size.w) + "\" height=\"" +
                 detail::exactNumber(size.h) + "\" as=\"geometry\"/></mxCell></object>\n";
    }
    double cx(model::Point p) const { return p.x / kDrawioScale; }
    double cy(model::Point p) const { return p.y / kDrawioScale; }

    void writeStep(const model::Step& step);
    void writeFlow(const model::Flow& flow);
    void writeTimeline();
};

nlohmann::json stepData(const model::Project& project, const model::Step& step) {
    nlohmann::json data = nlohmann::json::object();
    if (!step.role.empty())
        data["role"] = step.role;
    if (!step.description.empty())
        data["description"] = step.description;
    data["value"] = model::nameOf(step.value);
    if (step.wastes)
        data["wastes"] = step.wastes;
    if (step.processTimeMin)
        data["pt_min"] = *step.processTimeMin;
    if (step.processTimeMax)
        data["pt_max"] = *step.processTimeMax;
    if (step.breakdown)
        data["breakdown"] = {{"mtbf", step.breakdown->mtbf}, {"mttr", step.breakdown->mttr}};
    if (!step.artifacts.empty())
        data["artifacts"] = step.artifacts;
    for (const model::Friction& f : step.frictions)
        data["frictions"].push_back({{"what", f.what},
                                     {"minutes_per_occurrence", f.minutesPerOccurrence},
                                     {"occurrences_per_week", f.occurrencesPerWeek}});
    for (Id id : step.people)
        if (auto it = project.people.find(id); it != project.people.end()) {
            nlohmann::json person = {{"name", it->second.name}, {"role", it->second.role}};
            if (it->second.hourlyCost)
                person["hourly_cost"] = *it->second.hourlyCost;
            data["people"].push_back(person);
        }
    for (Id id : step.systems)
        if (auto it = project.systems.find(id); it != project.systems.end())
            data["systems"].push_back(
                {{"name", it->second.name}, {"kind", model::nameOf(it->second.kind)}});
    for (const auto& [figure, source] : step.sources)
        data["sources"][std::string(model::nameOf(figure))] = {
            {"basis", model::nameOf(source.basis)},
            {"source", source.source},
            {"date", source.date}};
    return data;
}

/// A time wait's label and the range the simulations draw it from.
nlohmann::json waitData(const model::Wait& wait) {
    nlohmann::json data = {{"label", wait.label}};
    if (wait.timeMin)
        data["time_min"] = *wait.timeMin;
    if (wait.timeMax)
        data["time_max"] = *wait.timeMax;
    return data;
}

void PageWriter::writeStep(const model::Step& step) {
    const model::Point p = step.pos;
    vertex(cellId(step.id), step.name,
           "shape=mxgraph.lean_mapping.manufacturing_process;whiteSpace=wrap;html=0;"
           "verticalAlign=top;strokeWidth=2;fontStyle=1;",
           cx(p), cy(p), sizeOf(model::ElementKind::Step),
           {{"gemba", stepData(m_project, step).dump()}});
    // The data box, as draw.io users write it, under the process.
    std::vector<std::string> lines;
    // "C/T" alone reads back as both times; a step whose C/T follows from its process time
    // (headcount, uptime) is written "P/T", so that Gemba still derives it.
    if (step.processTime && step.cycleTime && *step.cycleTime == *step.processTime) {
        lines.push_back("C/T=" + plainDuration(*step.processTime));
    } else {
        if (step.processTime)
            lines.push_back("P/T=" + plainDuration(*step.processTime));
        if (step.cycleTime)
            lines.push_back("C/T=" + plainDuration(*step.cycleTime));
    }
    if (step.leadTime)
        lines.push_back("L/T=" + plainDuration(*step.leadTime));
    if (step.changeover)
        lines.push_back("C/O=" + plainDuration(*step.changeover));
    if (step.uptime)
        lines.push_back("Uptime=" + plainNumber(*step.uptime) + "%");
    if (step.pca)
        lines.push_back("%C&A=" + plainNumber(*step.pca) + "%");
    if (step.batchSize)
        lines.push_back("Batch=" + plainNumber(*step.batchSize));
    if (step.defectRate)
        lines.push_back("Defects=" + plainNumber(*step.defectRate) + "%");
    if (step.headcount != 1)
        lines.push_back("Operators=" + plainNumber(step.headcount));
    if (m_map.props.availableTimePerDay)
        lines.push_back("Avail=" + plainNumber(*m_map.props.availableTimePerDay));
    if (lines.empty())
        return;
    std::string label;
    for (const std::string& line : lines)
        label += (label.empty() ? "" : "\n") + line;
    const Size box{100, 12.0 * static_cast<double>(lines.size()) + 10};
    vertex(cellId(step.id) + "-data", label,
           "shape=mxgraph.lean_mapping.data_box;whiteSpace=wrap;html=0;align=left;"
           "verticalAlign=top;spacingLeft=4;fontSize=9;strokeWidth=2;",
           cx(p), cy(p) + 35 + box.h / 2, box);
}

void PageWriter::writeFlow(const model::Flow& flow) {
    std::string style;
    switch (flow.kind) {
    case model::FlowKind::Push:
        style = "endArrow=block;endFill=1;strokeWidth=4;dashed=1;dashPattern=1 1;";
        break;
    case model::FlowKind::Pull:
        style = "endArrow=open;endFill=0;strokeWidth=2;curved=1;";
        break;
    case model::FlowKind::Fifo:
        style = "endArrow=block;endFill=1;strokeWidth=2;";
        break;
    case model::FlowKind::Shipment:
        style = "shape=flexArrow;endArrow=block;fillColor=#FFFFFF;";
        break;
    case model::FlowKind::ManualInformation:
        style = "shape=mxgraph.lean_mapping.manual_info_flow_edge;endArrow=block;endFill=1;";
        break;
    case model::FlowKind::ElectronicInformation:
        style = "shape=mxgraph.lean_mapping.electronic_info_flow_edge;endArrow=block;endFill=1;";
        break;
    }
    style += "html=0;";
    std::string label = flow.label;
    if (flow.kind == model::FlowKind::Fifo && label.empty())
        label = flow.fifoMax ? "FIFO max " + std::to_string(*flow.fifoMax) : "FIFO";
    nlohmann::json data = nlohmann::json::object();
    data["label"] = flow.label;
    if (flow.fifoMax)
        data["fifo_max"] = *flow.fifoMax;
    if (flow.share)
        data["share"] = *flow.share;
    if (flow.wait)
        data["wait"] = *flow.wait;
    m_out += "<object id=\"" + cellId(flow.id) + "\" label=\"" + escapeXml(label) +
             "\" gemba_kind=\"" + std::string(model::nameOf(flow.kind)) + "\" gemba=\"" +
             escapeXml(data.dump()) + "\"><mxCell style=\"" + escapeXml(style) +
             "\" edge=\"1\" parent=\"1\" source=\"" + cellId(flow.from) + "\" target=\"" +
             cellId(flow.to) +
             "\"><mxGeometry relative=\"1\" as=\"geometry\"/></mxCell></object>\n";
}

void PageWriter::writeTimeline() {
    const metrics::MapMetrics figures = metrics::computeMetrics(m_project, m_map);
    if (!figures.valid || figures.timeline.empty() || m_left > m_right)
        return; // a map that cannot be measured gets no numbers to copy
    const model::Calendar& calendar = m_project.props.calendar;
    const double top = m_bottom + 80;
    vertex("timeline", "", "line;strokeWidth=2;html=0;", (m_left + m_right) / 2, top + 20,
           {m_right - m_left + 40, 40}, {{"gemba_kind", "timeline"}});
    int n = 0;
    for (const metrics::Segment& segment : figures.timeline) {
        const auto pos = m_map.positionOf(segment.element);
        if (!pos)
            continue;
        const double x = cx(*pos);
        const std::vector<std::pair<std::string, std::string>> owner = {
            {"gemba_element", cellId(segment.element)}};
        if (segment.waitSeconds > 0)
            vertex("timeline-" + std::to_string(n++),
                   model::formatDuration(segment.waitSeconds, calendar),
                   "text;html=0;align=center;verticalAlign=bottom;", x, top + 5, {70, 20}, owner);
        if (segment.processSeconds > 0)
            vertex("timeline-" + std::to_string(n++),
                   model::formatDuration(segment.processSeconds, calendar),
                   "text;html=0;align=center;verticalAlign=top;", x, top + 35, {70, 20}, owner);
    }
    std::string totals =
        "Lead time = " + model::formatDuration(figures.leadTime, calendar) +
        "\nProcess time = " + model::formatDuration(figures.processTime, calendar) +
        "\nActivity ratio = " + model::formatPercent(figures.activityRatio);
    if (figures.takt)
        totals += "\nTakt = " + model::formatDuration(*figures.takt, calendar);
    vertex("timeline-totals", totals, "text;html=0;align=left;verticalAlign=top;whiteSpace=wrap;",
           m_right + 110, top + 20, {160, 70}, {{"gemba_kind", "totals"}});
}

void PageWriter::write() {
    const model::MapProps& props = m_map.props;
    nlohmann::json mapData = {{"state", model::nameOf(props.state)},
                              {"trigger", props.trigger},
                              {"done", props.done},
                              {"notes", props.notes},
                              {"hours_per_day", m_project.props.calendar.hoursPerDay},
                              {"days_per_week", m_project.props.calendar.daysPerWeek},
                              {"days_per_month", m_project.props.calendar.daysPerMonth},
                              {"currency", m_project.props.currency},
                              {"default_hourly_rate", m_project.props.defaultHourlyRate}};
    if (props.demand)
        mapData["demand"] = {{"quantity", props.demand->quantity},
                             {"per", model::nameOf(props.demand->per)}};
    if (props.availableTimePerDay)
        mapData["available_time_per_day"] = *props.availableTimePerDay;
    m_out +=
        "<diagram id=\"map-" + std::to_string(m_map.id) + "\" name=\"" + escapeXml(props.name) +
        "\"><mxGraphModel grid=\"1\" gridSize=\"10\" guides=\"1\" tooltips=\"1\" connect=\"1\" "
        "arrows=\"1\" fold=\"1\" page=\"0\" pageScale=\"1\" math=\"0\" shadow=\"0\"><root>\n";
    m_out += "<object id=\"0\" label=\"\" gemba_map=\"" + escapeXml(mapData.dump()) +
             "\"><mxCell/></object>\n<mxCell id=\"1\" parent=\"0\"/>\n";
    for (const auto& [id, step] : m_map.steps)
        writeStep(step);
    for (const auto& [id, wait] : m_map.waits) {
        if (wait.kind == model::WaitKind::Inventory)
            vertex(cellId(id), wait.quantity ? plainNumber(*wait.quantity) : "",
                   "shape=mxgraph.lean_mapping.inventory_box;html=0;verticalLabelPosition=bottom;"
                   "verticalAlign=top;strokeWidth=2;",
                   cx(wait.pos), cy(wait.pos), sizeOf(model::ElementKind::Wait),
                   {{"gemba", nlohmann::json{{"label", wait.label}}.dump()}});
        else
            vertex(cellId(id),
                   (wait.label.empty() ? std::string("Wait") : wait.label) +
                       (wait.time
                            ? "\n" + model::formatDuration(*wait.time, m_project.props.calendar)
                            : std::string()),
                   "rounded=1;dashed=1;whiteSpace=wrap;html=0;fontSize=9;", cx(wait.pos),
                   cy(wait.pos), {60, 36},
                   {{"gemba_kind", "wait"},
                    {"gemba_time", wait.time ? detail::exactNumber(*wait.time) : ""},
                    {"gemba", waitData(wait).dump()}});
    }
    for (const auto& [id, party] : m_map.parties)
        vertex(cellId(id), party.name,
               "shape=mxgraph.lean_mapping.outside_sources;whiteSpace=wrap;html=0;strokeWidth=2;"
               "verticalAlign=bottom;",
               cx(party.pos), cy(party.pos), sizeOf(model::ElementKind::Customer),
               {{"gemba_kind", party.kind == model::PartyKind::Supplier ? "supplier" : "customer"},
                {"gemba", nlohmann::json{{"notes", party.notes}}.dump()}});
    for (const auto& [id, box] : m_map.infoBoxes)
        vertex(cellId(id), box.name,
               "shape=mxgraph.lean_mapping.schedule;whiteSpace=wrap;html=0;strokeWidth=2;",
               cx(box.pos), cy(box.pos), sizeOf(model::ElementKind::InfoBox),
               {{"gemba", nlohmann::json{{"notes", box.notes}}.dump()}});
    for (const auto& [id, note] : m_map.notes)
        vertex(cellId(id), note.text, "text;html=0;whiteSpace=wrap;align=left;verticalAlign=top;",
               cx(note.pos), cy(note.pos), sizeOf(model::ElementKind::Note));
    for (const auto& [id, pen] : m_map.redPens) {
        std::string targets;
        for (Id target : pen.targets)
            targets += (targets.empty() ? "" : " ") + cellId(target);
        std::vector<std::pair<std::string, std::string>> data = {{"gemba_targets", targets}};
        if (pen.cost)
            data.emplace_back("gemba_cost", detail::exactNumber(*pen.cost));
        vertex(cellId(id), pen.reason,
               "shape=mxgraph.lean_mapping.kaizen_lightening_burst;html=0;strokeColor=#FF0000;"
               "verticalLabelPosition=bottom;verticalAlign=top;whiteSpace=wrap;",
               cx(pen.pos), cy(pen.pos), sizeOf(model::ElementKind::RedPen), data);
    }
    for (const auto& [id, flow] : m_map.flows)
        writeFlow(flow);
    writeTimeline();
    m_out += "</root></mxGraphModel></diagram>\n";
}

} // namespace

std::string exportDrawio(const model::Project& project,
                         const std::vector<const model::Map*>& maps) {
    std::string out = "<mxfile host=\"Gemba\" type=\"device\" compressed=\"false\">\n";
    for (const model::Map* map : maps)
        PageWriter(project, *map, out).write();
    out += "</mxfile>\n";
    return out;
}

void writeDrawioFile(const model::Project& project, const std::vector<const model::Map*>& maps,
                     const std::filesystem::path& file) {
    detail::writeFileAtomically(file, exportDrawio(project, maps));
}

} // namespace gemba::store
