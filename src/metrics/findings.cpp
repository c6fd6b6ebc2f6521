#include "findings.h"

#include "gemba/model/units.h"

namespace gemba::metrics::detail {

namespace {

std::string quotedOrId(const std::string& name, model::Id id) {
    if (name.empty())
        return "#" + std::to_string(id);
    return "\"" + name + "\"";
}

/// An unnamed element by where a user sees it: after the element whose flow leads to it,
/// before the one its flow leads to, or else at its position. Ids are never shown to users.
std::string byPlace(const model::Map& map, model::Id id) {
    for (const auto& [flowId, flow] : map.flows)
        if (flow.to == id && !map.nameOf(flow.from).empty())
            return "after \"" + map.nameOf(flow.from) + "\"";
    for (const auto& [flowId, flow] : map.flows)
        if (flow.from == id && !map.nameOf(flow.to).empty())
            return "before \"" + map.nameOf(flow.to) + "\"";
    const model::Point pos = map.positionOf(id).value_or(model::Point{});
    return "at (" + model::formatNumber(pos.x, 0) + ", " + model::formatNumber(pos.y, 0) + ")";
}

/// A name in quotes, or where the unnamed element stands.
std::string quotedOrPlace(const model::Map& map, const std::string& name, model::Id id) {
    return name.empty() ? byPlace(map, id) : "\"" + name + "\"";
}

/// An element that is not a flow, or the id when the map does not hold it.
std::string describePlaced(const model::Map& map, model::Id id) {
    if (auto it = map.steps.find(id); it != map.steps.end())
        return "Step " + quotedOrPlace(map, it->second.name, id);
    if (auto it = map.waits.find(id); it != map.waits.end()) {
        const char* word = it->second.kind == model::WaitKind::Inventory ? "Inventory " : "Wait ";
        return word + quotedOrPlace(map, it->second.label, id);
    }
    if (auto it = map.parties.find(id); it != map.parties.end()) {
        const char* word =
            it->second.kind == model::PartyKind::Supplier ? "Supplier " : "Customer ";
        return word + quotedOrPlace(map, it->second.name, id);
    }
    if (auto it = map.infoBoxes.find(id); it != map.infoBoxes.end())
        return "Info box " + quotedOrPlace(map, it->second.name, id);
    if (map.notes.contains(id))
        return "Note " + byPlace(map, id);
    if (auto it = map.redPens.find(id); it != map.redPens.end())
        return "Red pen " + quotedOrPlace(map, it->second.reason, id);
    return "#" + std::to_string(id) + " (not on the map)";
}

} // namespace

std::string describe(const model::Map& map, model::Id element) {
    if (auto it = map.flows.find(element); it != map.flows.end()) {
        const model::Flow& flow = it->second;
        if (!flow.label.empty())
            return "Flow \"" + flow.label + "\"";
        return "Flow from " + describePlaced(map, flow.from) + " to " +
               describePlaced(map, flow.to);
    }
    return describePlaced(map, element);
}

std::string describeList(const model::Map& map, const std::vector<model::Id>& elements,
                         std::size_t limit) {
    std::string out;
    for (std::size_t i = 0; i < elements.size() && i < limit; ++i) {
        if (i > 0)
            out += ", ";
        out += describe(map, elements[i]);
    }
    if (elements.size() > limit)
        out += " and " + std::to_string(elements.size() - limit) + " more";
    return out;
}

Reporter::Reporter(const model::Project& project, const model::Map& map, std::vector<Finding>& out)
    : m_project(project)
    , m_map(map)
    , m_out(out) {}

void Reporter::add(Severity severity, std::string_view code, model::Id element,
                   std::string message) {
    Finding finding;
    finding.severity = severity;
    finding.code = std::string(code);
    finding.map = m_map.id;
    finding.element = element;
    finding.message = std::move(message);
    m_out.push_back(std::move(finding));
}

void Reporter::error(std::string_view code, model::Id element, std::string message) {
    ++m_errors;
    add(Severity::Error, code, element, std::move(message));
}

void Reporter::warning(std::string_view code, model::Id element, std::string message) {
    add(Severity::Warning, code, element, std::move(message));
}

void Reporter::info(std::string_view code, model::Id element, std::string message) {
    add(Severity::Info, code, element, std::move(message));
}

std::string Reporter::duration(double seconds) const {
    return model::formatDuration(seconds, m_project.props.calendar);
}

std::string Reporter::stepTime(double seconds) const {
    if (!m_units)
        m_units = model::durationUnitsOf(m_map, m_project.props.calendar);
    return model::formatDurationAs(seconds, m_units->stepTime, m_project.props.calendar);
}

std::string Reporter::describeMap() const {
    return "Map " + quotedOrId(m_map.props.name, m_map.id);
}

} // namespace gemba::metrics::detail
