// draw.io pages to Gemba maps: the shapes of the "Lean Mapping" palette to elements, data
// boxes to step figures, loose edge ends joined, and the diagram's own timeline and totals
// checked against what Gemba computes. Rules: docs/file-format.md.

#include "drawio_common.h"
#include "drawio_text.h"
#include "drawio_xml.h"
#include "gemba/metrics/metrics.h"
#include "gemba/model/names.h"
#include "gemba/model/text.h"
#include "gemba/model/units.h"
#include "gemba/store/drawio.h"
#include "gemba/store/errors.h"
#include "text_util.h"
#include "validate.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <fstream>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <tuple>

namespace gemba::store {

using detail::kDrawioScale;
using detail::XmlNode;
using model::Id;
using model::kNoId;
using Kind = DrawioReportItem::Kind;

namespace {

constexpr double kJoinDistance = 20;  ///< a loose edge end this close to a shape joins it
constexpr double kNearDistance = 150; ///< data boxes, bursts and operators this close belong

struct Rect {
    double x = 0, y = 0, w = 0, h = 0;
    double cx() const { return x + w / 2; }
    double cy() const { return y + h / 2; }
    double right() const { return x + w; }
    double bottom() const { return y + h; }
    bool contains(double px, double py, double margin = 0) const {
        return px >= x - margin && px <= right() + margin && py >= y - margin &&
               py <= bottom() + margin;
    }
    /// Distance from a point to the rectangle (0 inside).
    double distance(double px, double py) const {
        const double dx = std::max({x - px, 0.0, px - right()});
        const double dy = std::max({y - py, 0.0, py - bottom()});
        return std::hypot(dx, dy);
    }
    double overlapX(const Rect& o) const { return std::min(right(), o.right()) - std::max(x, o.x); }
    double overlapY(const Rect& o) const {
        return std::min(bottom(), o.bottom()) - std::max(y, o.y);
    }
};

enum class Role {
    Ignored,
    Step,
    DataBox,
    Inventory,
    Wait,
    Party,
    Info,
    FlowShape,
    Shipment,
    Kaizen,
    Operator,
    Timeline,
    Totals,
    Text,
    Other
};

struct Pt {
    double x = 0, y = 0;
};

struct Cell {
    std::string id;
    std::string parent;
    std::string source;
    std::string target;
    std::map<std::string, std::string> style;
    std::string shape;                       ///< without "mxgraph.lean_mapping."
    std::string label;                       ///< the label's text (HTML reduced to lines)
    std::map<std::string, std::string> data; ///< <object> attributes besides id and label
    bool vertex = false;
    bool edge = false;
    bool hasRect = false;
    Rect rect;                     ///< absolute
    std::optional<Pt> sourcePoint; ///< absolute
    std::optional<Pt> targetPoint; ///< absolute
    std::vector<std::size_t> children;
    Role role = Role::Ignored;
    Id element = kNoId;
    bool consumed = false; ///< read as part of another cell
};

std::map<std::string, std::string> parseStyle(const std::string& style, std::string& bare) {
    std::map<std::string, std::string> out;
    std::size_t start = 0;
    while (start < style.size()) {
        const std::size_t end = std::min(style.find(';', start), style.size());
        const std::string item = style.substr(start, end - start);
        const std::size_t eq = item.find('=');
        if (eq == std::string::npos) {
            if (bare.empty() && !item.empty())
                bare = item;
        } else {
            out[item.substr(0, eq)] = item.substr(eq + 1);
        }
        start = end + 1;
    }
    return out;
}

double attrNumber(const XmlNode& node, const char* key) {
    const std::string* value = node.attribute(key);
    if (!value)
        return 0;
    const auto number = model::parseNumber(*value);
    return number && std::isfinite(*number) ? *number : 0;
}

std::string describeWait(const model::Wait& wait) {
    std::string out = wait.kind == model::WaitKind::Inventory ? "inventory" : "wait";
    if (!wait.label.empty())
        out += " \"" + wait.label + "\"";
    else if (wait.quantity)
        out += " of " + model::formatNumber(*wait.quantity);
    return out;
}

/// The number after "max" in a FIFO label ("MAX=12", "FIFO max 20"), if any.
std::optional<int> fifoMaxIn(const std::string& label) {
    const std::string lower = model::toLower(label);
    const std::size_t at = lower.find("max");
    if (at == std::string::npos)
        return std::nullopt;
    std::size_t k = at + 3;
    while (k < lower.size() && !std::isdigit(static_cast<unsigned char>(lower[k])))
        ++k;
    std::size_t end = k;
    while (end < lower.size() && std::isdigit(static_cast<unsigned char>(lower[end])))
        ++end;
    if (end == k || end - k > 8)
        return std::nullopt;
    const int value = std::stoi(lower.substr(k, end - k));
    return value >= 1 ? std::optional<int>(value) : std::nullopt;
}

std::string excerpt(const std::string& text) {
    std::string flat = text;
    std::replace(flat.begin(), flat.end(), '\n', ' ');
    return flat.size() > 60 ? flat.substr(0, 57) + "..." : flat;
}

/// One page being read into one map.
class PageReader {
public:
    PageReader(model::Project& project, const detail::DrawioPage& page, const std::string& file,
               const DrawioImportOptions& options, DrawioImportReport& report)
        : m_project(project)
        , m_page(page)
        , m_file(file)
        , m_options(options)
        , m_report(report)
        , m_calendar(project.props.calendar) {}

    model::Map read();

private:
    model::Project& m_project;
    const detail::DrawioPage& m_page;
    const std::string& m_file;
    const DrawioImportOptions& m_options;
    DrawioImportReport& m_report;
    model::Calendar m_calendar;
    model::Map m_map;
    DrawioPageCounts m_counts;
    std::vector<Cell> m_cells;
    std::map<std::string, std::size_t> m_index;
    std::map<Id, std::size_t> m_cellOf; ///< element -> its cell
    std::vector<double> m_available;    ///< "Avail=27,600" of each data box

    void note(Kind kind, const Cell* cell, std::string message) {
        m_report.items.push_back({kind, m_page.name, cell ? cell->id : "", std::move(message)});
    }
    std::string describe(const Cell& cell) const {
        std::string what = cell.shape.empty() ? "shape" : cell.shape;
        if (!cell.label.empty())
            what += " \"" + excerpt(cell.label) + "\"";
        return what;
    }
    model::Point position(const Cell& cell) const {
        return {cell.rect.cx() * kDrawioScale, cell.rect.cy() * kDrawioScale};
    }
    Cell* cellOf(Id element) {
        auto it = m_cellOf.find(element);
        return it == m_cellOf.end() ? nullptr : &m_cells[it->second];
    }
    std::string nameOf(Id element) const { return m_map.nameOf(element); }

    void readCells();
    void classify();
    void makeElements();
    void readDataBoxes();
    void readOperators();
    void readEdges();
    void readFlowShapes();
    void placeInventories();
    void readShipments();
    void controlBoxesDrawnAsProcesses();
    void readKaizenBursts();
    void decidePartyKinds();
    void keepTheRest();
    void applyGembaData();
    std::optional<double> simulationSeconds(const Cell& cell, const nlohmann::json& data,
                                            const char* key);
    void checkTimeline();
    void hintDemand();

    Id elementAt(const std::string& cellId) const;
    Id joinLoose(const std::optional<Pt>& point, const Cell& edge, const char* end);
    bool isWorkElement(Id id) const {
        return m_map.steps.contains(id) || m_map.waits.contains(id) || m_map.parties.contains(id);
    }
    Id addFlow(Id from, Id to, model::FlowKind kind, std::string label, const Cell& cell);
};

void PageReader::readCells() {
    const XmlNode* root = m_page.model->child("root");
    if (!root)
        throw InputError(m_file, "page \"" + m_page.name + "\"", "the page has no <root>");
    for (const auto& node : root->children) {
        const XmlNode* cellNode = node.get();
        Cell cell;
        if (node->name == "object" || node->name == "UserObject") {
            // draw.io keeps a shape's data on an <object> around its <mxCell>.
            cellNode = node->child("mxCell");
            cell.id = node->attributeOr("id");
            for (const auto& [key, value] : node->attributes)
                if (key != "id" && key != "label" && key != "placeholders")
                    cell.data[key] = value;
            cell.label = node->attributeOr("label");
            if (!cellNode)
                continue;
        } else if (node->name == "mxCell") {
            cell.id = node->attributeOr("id");
            cell.label = node->attributeOr("value");
        } else {
            continue;
        }
        cell.parent = cellNode->attributeOr("parent");
        cell.source = cellNode->attributeOr("source");
        cell.target = cellNode->attributeOr("target");
        cell.vertex = cellNode->attributeOr("vertex") == "1";
        cell.edge = cellNode->attributeOr("edge") == "1";
        std::string bare;
        cell.style = parseStyle(cellNode->attributeOr("style"), bare);
        std::string shape = cell.style.contains("shape") ? cell.style["shape"] : bare;
        if (shape.starts_with("mxgraph.lean_mapping."))
            shape = shape.substr(std::string_view("mxgraph.lean_mapping.").size());
        cell.shape = shape;
        const bool html = cell.style.contains("html") && cell.style["html"] == "1";
        cell.label = detail::labelText(cell.label, html);
        if (const XmlNode* geometry = cellNode->child("mxGeometry")) {
            if (cell.vertex && geometry->attributeOr("relative") != "1") {
                cell.hasRect = true;
                cell.rect = {attrNumber(*geometry, "x"), attrNumber(*geometry, "y"),
                             attrNumber(*geometry, "width"), attrNumber(*geometry, "height")};
            }
            for (const auto& point : geometry->children)
                if (point->name == "mxPoint") {
                    const Pt p{attrNumber(*point, "x"), attrNumber(*point, "y")};
                    const std::string as = point->attributeOr("as");
                    if (as == "sourcePoint")
                        cell.sourcePoint = p;
                    else if (as == "targetPoint")
                        cell.targetPoint = p;
                }
        }
        if (cell.id.empty() || m_index.contains(cell.id))
            continue; // draw.io needs unique ids; a duplicate is not drawn either
        if (m_cells.size() >= m_options.limits.maxCellsPerPage)
            throw InputError(m_file, "page \"" + m_page.name + "\"",
                             "more than " + std::to_string(m_options.limits.maxCellsPerPage) +
                                 " shapes and edges on one page; not read");
        // Beyond this a position means nothing on a page, and its arithmetic would overflow.
        constexpr double kFar = 1e7;
        const auto far = [&](double v) { return std::abs(v) > kFar; };
        if (far(cell.rect.x) || far(cell.rect.y) || far(cell.rect.w) || far(cell.rect.h) ||
            (cell.sourcePoint && (far(cell.sourcePoint->x) || far(cell.sourcePoint->y))) ||
            (cell.targetPoint && (far(cell.targetPoint->x) || far(cell.targetPoint->y))))
            throw InputError(m_file, "page \"" + m_page.name + "\", cell " + cell.id,
                             "a position or size beyond 10,000,000 units");
        m_index[cell.id] = m_cells.size();
        m_cells.push_back(std::move(cell));
    }
    // Children of vertices are placed relative to their parent.
    for (std::size_t i = 0; i < m_cells.size(); ++i) {
        Cell& cell = m_cells[i];
        auto parent = m_index.find(cell.parent);
        if (parent != m_index.end())
            m_cells[parent->second].children.push_back(i);
    }
    for (Cell& cell : m_cells) {
        double dx = 0, dy = 0;
        std::string parent = cell.parent;
        for (int depth = 0; depth < 64; ++depth) {
            auto it = m_index.find(parent);
            if (it == m_index.end())
                break;
            const Cell& up = m_cells[it->second];
            if (up.vertex && up.hasRect) {
                dx += up.rect.x;
                dy += up.rect.y;
            }
            parent = up.parent;
        }
        cell.rect.x += dx;
        cell.rect.y += dy;
        for (auto* point : {&cell.sourcePoint, &cell.targetPoint})
            if (*point) {
                (*point)->x += dx;
                (*point)->y += dy;
            }
    }
}

void PageReader::classify() {
    static const std::map<std::string, Role, std::less<>> roles = {
        {"manufacturing_process", Role::Step},
        {"manufacturing_process_shared", Role::Step},
        {"work_cell", Role::Step},
        {"data_box", Role::DataBox},
        {"inventory_box", Role::Inventory},
        {"buffer_or_safety_stock", Role::Inventory},
        {"supermarket", Role::Inventory},
        {"outside_sources", Role::Party},
        {"schedule", Role::Info},
        {"mrp_erp", Role::Info},
        {"control_center", Role::Info},
        {"push_arrow", Role::FlowShape},
        {"fifo_lane", Role::FlowShape},
        {"fifo_sequence_flow", Role::FlowShape},
        {"physical_pull", Role::FlowShape},
        {"truck_shipment", Role::Shipment},
        {"rail_shipment", Role::Shipment},
        {"boat_shipment", Role::Shipment},
        {"airplane_7", Role::Shipment},
        {"kaizen_lightening_burst", Role::Kaizen},
        {"operator", Role::Operator},
        {"timeline", Role::Timeline},
        {"timeline2", Role::Timeline},
        {"text", Role::Text},
    };
    for (Cell& cell : m_cells) {
        if (!cell.vertex && !cell.edge)
            continue; // the root and the layers
        ++m_counts.cells;
        if (cell.edge) {
            cell.role = Role::Other;
            continue;
        }
        const std::string kind = cell.data.contains("gemba_kind") ? cell.data["gemba_kind"] : "";
        if (kind == "wait")
            cell.role = Role::Wait;
        else if (kind == "totals")
            cell.role = Role::Totals;
        else if (kind == "timeline")
            cell.role = Role::Timeline;
        else if (auto it = roles.find(cell.shape); it != roles.end())
            cell.role = it->second;
        else
            cell.role = Role::Other;
    }
}

void PageReader::makeElements() {
    for (std::size_t i = 0; i < m_cells.size(); ++i) {
        Cell& cell = m_cells[i];
        Id id = kNoId;
        switch (cell.role) {
        case Role::Step: {
            model::Step step;
            id = step.id = m_project.allocateId();
            // The name: a text cell inside the process (the palette's title), else its label.
            std::vector<std::string> own = detail::lines(cell.label);
            for (std::size_t child : cell.children)
                if (m_cells[child].role == Role::Text && step.name.empty() &&
                    !m_cells[child].label.empty()) {
                    step.name = detail::lines(m_cells[child].label).front();
                    m_cells[child].consumed = true;
                }
            if (step.name.empty() && !own.empty()) {
                step.name = own.front();
                own.erase(own.begin());
            }
            for (const std::string& line : own)
                step.description += (step.description.empty() ? "" : "\n") + line;
            if (step.name.empty())
                step.name = "Process " + cell.id;
            step.pos = position(cell);
            m_map.steps[id] = std::move(step);
            ++m_counts.steps;
            break;
        }
        case Role::Inventory:
        case Role::Wait: {
            model::Wait wait;
            id = wait.id = m_project.allocateId();
            wait.pos = position(cell);
            if (cell.role == Role::Wait) {
                wait.kind = model::WaitKind::Time;
                // Seconds, exactly as Gemba wrote them; the label shows them rounded.
                if (cell.data.contains("gemba_time"))
                    wait.time = model::parseNumber(cell.data["gemba_time"]);
                wait.label = cell.label;
            } else {
                wait.kind = model::WaitKind::Inventory;
                // "2500", "2,500 pcs", or several lines "(-4) 3360" that add up.
                double total = 0;
                int numbers = 0;
                std::vector<std::string> rest;
                for (const std::string& line : detail::lines(cell.label)) {
                    std::string_view text = line;
                    if (text.starts_with("(")) // a part-number prefix: "(-4) 3360"
                        if (auto close = text.find(')'); close != std::string_view::npos)
                            text = model::trim(text.substr(close + 1));
                    std::string_view number = text;
                    const std::size_t unit = number.find_first_not_of("0123456789.,");
                    std::string unitWord;
                    if (unit != std::string_view::npos) {
                        unitWord = model::toLower(model::trim(number.substr(unit)));
                        number = number.substr(0, unit);
                    }
                    const auto value = detail::readNumber(number, true);
                    const bool countWord = unitWord.empty() || unitWord == "pcs" ||
                                           unitWord == "pc" || unitWord == "units" ||
                                           unitWord == "items" || unitWord == "pieces";
                    if (value && countWord) {
                        total += *value;
                        ++numbers;
                    } else {
                        rest.push_back(line);
                    }
                }
                if (numbers > 0 && std::isfinite(total))
                    wait.quantity = total;
                if (numbers > 1)
                    note(Kind::Assumption, &cell,
                         "inventory \"" + excerpt(cell.label) + "\": its " +
                             std::to_string(numbers) +
                             " quantities are added up: " + model::formatNumber(total));
                for (const std::string& line : rest)
                    wait.label += (wait.label.empty() ? "" : " ") + line;
            }
            m_map.waits[id] = std::move(wait);
            ++m_counts.waits;
            break;
        }
        case Role::Party: {
            model::Party party;
            id = party.id = m_project.allocateId();
            std::vector<std::string> own = detail::lines(cell.label);
            party.name = own.empty() ? "Outside source " + cell.id : own.front();
            for (std::size_t k = 1; k < own.size(); ++k)
                party.notes += (party.notes.empty() ? "" : "\n") + own[k];
            party.pos = position(cell);
            m_map.parties[id] = std::move(party);
            ++m_counts.parties;
            break;
        }
        case Role::Info: {
            model::InfoBox box;
            id = box.id = m_project.allocateId();
            std::vector<std::string> own = detail::lines(cell.label);
            box.name = own.empty() ? "Information " + cell.id : own.front();
            for (std::size_t k = 1; k < own.size(); ++k)
                box.notes += (box.notes.empty() ? "" : "\n") + own[k];
            box.pos = position(cell);
            m_map.infoBoxes[id] = std::move(box);
            ++m_counts.infoBoxes;
            break;
        }
        default:
            break;
        }
        if (id != kNoId) {
            cell.element = id;
            m_cellOf[id] = i;
        }
    }
}

/// The step a shape belongs to: the process it sits in (or is drawn inside of), else the
/// nearest process above it, else beside it, within kNearDistance.
Id stepFor(const std::vector<Cell>& cells, const std::map<std::string, std::size_t>& index,
           const Cell& cell, bool preferBelow) {
    // Drawn inside a process (a child cell).
    std::string parent = cell.parent;
    for (int depth = 0; depth < 64; ++depth) {
        auto it = index.find(parent);
        if (it == index.end())
            break;
        if (cells[it->second].role == Role::Step)
            return cells[it->second].element;
        parent = cells[it->second].parent;
    }
    Id best = kNoId;
    double bestScore = std::numeric_limits<double>::max();
    for (const Cell& other : cells) {
        if (other.role != Role::Step)
            continue;
        const Rect& s = other.rect;
        const Rect& r = cell.rect;
        if (s.contains(r.cx(), r.cy()))
            return other.element; // contained
        double score = std::numeric_limits<double>::max();
        const double narrower = std::max(1.0, std::min(s.w, r.w));
        if (preferBelow && s.overlapX(r) >= 0.5 * narrower && r.y >= s.bottom() - 10) {
            score = r.y - s.bottom(); // under the process
        } else if (s.overlapY(r) > 0) {
            const double gap = r.x >= s.right() ? r.x - s.right() : s.x - r.right();
            if (gap >= -10)
                score = 1000 + gap; // beside it: only when nothing is above
        } else if (!preferBelow) {
            score = 2000 + s.distance(r.cx(), r.cy());
        }
        const double gap = score >= 2000 ? score - 2000 : score >= 1000 ? score - 1000 : score;
        if (gap <= kNearDistance && score < bestScore) {
            bestScore = score;
            best = other.element;
        }
    }
    return best;
}

void PageReader::readDataBoxes() {
    std::map<Id, std::vector<std::string>> linesOf;
    std::map<Id, std::vector<const Cell*>> boxesOf;
    for (Cell& cell : m_cells) {
        if (cell.role != Role::DataBox)
            continue;
        ++m_counts.dataBoxes;
        std::vector<std::string> boxLines = detail::lines(cell.label);
        // Lines typed in text cells inside the box, top to bottom.
        std::vector<const Cell*> inner;
        for (std::size_t child : cell.children)
            inner.push_back(&m_cells[child]);
        std::sort(inner.begin(), inner.end(),
                  [](const Cell* a, const Cell* b) { return a->rect.y < b->rect.y; });
        for (const Cell* child : inner) {
            for (const std::string& line : detail::lines(child->label))
                boxLines.push_back(line);
            m_cells[m_index[child->id]].consumed = true;
        }
        Id step = stepFor(m_cells, m_index, cell, true);
        if (step == kNoId) {
            // A connecting edge between the box and a process.
            for (const Cell& edge : m_cells) {
                if (!edge.edge)
                    continue;
                const bool touches = edge.source == cell.id || edge.target == cell.id;
                const std::string& other = edge.source == cell.id ? edge.target : edge.source;
                if (touches)
                    if (auto it = m_index.find(other);
                        it != m_index.end() && m_cells[it->second].role == Role::Step) {
                        step = m_cells[it->second].element;
                        m_cells[m_index[edge.id]].consumed = true;
                    }
            }
        }
        if (step == kNoId) {
            if (!boxLines.empty()) {
                model::Note text;
                text.id = m_project.allocateId();
                for (const std::string& line : boxLines)
                    text.text += (text.text.empty() ? "" : "\n") + line;
                text.pos = position(cell);
                note(Kind::Unmapped, &cell,
                     "a data box near no process; kept as a note: \"" + excerpt(text.text) + "\"");
                m_map.notes[text.id] = std::move(text);
                ++m_counts.notes;
            }
            cell.consumed = true;
            continue;
        }
        cell.consumed = true;
        auto& all = linesOf[step];
        all.insert(all.end(), boxLines.begin(), boxLines.end());
        boxesOf[step].push_back(&cell);
    }
    for (auto& [id, boxLines] : linesOf) {
        model::Step& step = m_map.steps[id];
        const Cell* cell = boxesOf[id].front();
        if (boxesOf[id].size() > 1)
            note(Kind::Assumption, cell,
                 "\"" + step.name + "\" has " + std::to_string(boxesOf[id].size()) +
                     " data boxes; their lines are read together");
        const detail::DataBoxFigures figures = detail::readDataBox(boxLines, m_calendar);
        step.cycleTime = figures.cycleTime;
        step.processTime = figures.processTime ? figures.processTime : figures.cycleTime;
        step.leadTime = figures.leadTime;
        step.changeover = figures.changeover;
        step.pca = figures.pca;
        step.batchSize = figures.batchSize;
        step.defectRate = figures.defectRate;
        step.uptime = figures.uptime ? figures.uptime : figures.availability;
        if (figures.uptime && figures.availability && *figures.uptime != *figures.availability)
            note(Kind::Disagreement, cell,
                 "\"" + step.name + "\": uptime " + model::formatNumber(*figures.uptime) +
                     "% and availability " + model::formatNumber(*figures.availability) +
                     "%; Gemba keeps the uptime");
        if (figures.operators)
            step.headcount = *figures.operators;
        if (figures.availableSeconds)
            m_available.push_back(*figures.availableSeconds);
        for (const std::string& refused : figures.refused)
            note(Kind::Refused, cell,
                 "data box of \"" + step.name + "\": " + refused + "; the figure is left empty");
        for (const std::string& line : figures.unread) {
            note(Kind::Unmapped, cell,
                 "data box of \"" + step.name + "\": '" + line +
                     "' names no figure Gemba reads; kept in the step's description");
            step.description += (step.description.empty() ? "" : "\n") + line;
        }
    }
}

void PageReader::readOperators() {
    std::map<Id, double> operators;
    std::map<Id, const Cell*> first;
    for (Cell& cell : m_cells) {
        if (cell.role != Role::Operator)
            continue;
        const Id step = stepFor(m_cells, m_index, cell, false);
        cell.consumed = true;
        if (step == kNoId) {
            note(Kind::Unmapped, &cell, "an operator near no process; not read");
            continue;
        }
        double count = 1;
        if (!cell.label.empty()) {
            const auto value = detail::readNumber(cell.label, true);
            if (!value || *value <= 0) {
                note(Kind::Refused, &cell,
                     "operator \"" + excerpt(cell.label) + "\" at \"" + nameOf(step) +
                         "\" is not a number of people; counted as 1");
            } else {
                count = *value;
            }
        }
        operators[step] += count;
        first.emplace(step, &cell);
    }
    for (const auto& [id, count] : operators) {
        model::Step& step = m_map.steps[id];
        const Cell* stepCell = cellOf(id);
        (void)stepCell;
        // A data box's "Operators=" line wins; the icon is checked against it.
        if (step.headcount != 1 && step.headcount != count)
            note(Kind::Disagreement, first[id],
                 "\"" + step.name + "\": the operator icon says " + model::formatNumber(count) +
                     ", the data box " + model::formatNumber(step.headcount) +
                     "; Gemba keeps the data box's");
        else
            step.headcount = count;
    }
}

Id PageReader::elementAt(const std::string& cellId) const {
    std::string id = cellId;
    for (int depth = 0; depth < 64 && !id.empty(); ++depth) {
        auto it = m_index.find(id);
        if (it == m_index.end())
            return kNoId;
        const Cell& cell = m_cells[it->second];
        if (cell.element != kNoId)
            return cell.element;
        id = cell.parent;
    }
    return kNoId;
}

Id PageReader::joinLoose(const std::optional<Pt>& point, const Cell& edge, const char* end) {
    if (!point)
        return kNoId;
    Id best = kNoId;
    double bestDistance = kJoinDistance;
    for (const Cell& cell : m_cells) {
        if (cell.element == kNoId || !cell.hasRect)
            continue;
        const double d = cell.rect.distance(point->x, point->y);
        if (d <= bestDistance) {
            bestDistance = d;
            best = cell.element;
        }
    }
    if (best != kNoId)
        note(Kind::Joined, &edge,
             std::string("an edge's loose ") + end + " at (" + model::formatNumber(point->x) +
                 ", " + model::formatNumber(point->y) + ") is joined to \"" + nameOf(best) +
                 "\", " + model::formatNumber(bestDistance, 1) + " away");
    return best;
}

Id PageReader::addFlow(Id from, Id to, model::FlowKind kind, std::string label, const Cell& cell) {
    model::Flow flow;
    flow.id = m_project.allocateId();
    flow.from = from;
    flow.to = to;
    flow.kind = kind;
    flow.label = std::move(label);
    const Id id = flow.id;
    m_map.flows[id] = std::move(flow);
    m_cellOf[id] = m_index.at(cell.id);
    ++m_counts.flows;
    return id;
}

void PageReader::readEdges() {
    for (Cell& cell : m_cells) {
        if (!cell.edge || cell.consumed)
            continue;
        cell.consumed = true;
        Id from = elementAt(cell.source);
        Id to = elementAt(cell.target);
        if (from == kNoId)
            from = joinLoose(cell.sourcePoint, cell, "start");
        if (to == kNoId)
            to = joinLoose(cell.targetPoint, cell, "end");
        std::string label = detail::lines(cell.label).empty() ? "" : cell.label;
        for (std::size_t child : cell.children)
            if (!m_cells[child].label.empty()) {
                label += (label.empty() ? "" : "\n") + m_cells[child].label;
                m_cells[child].consumed = true;
            }
        std::replace(label.begin(), label.end(), '\n', ' ');
        const std::string what = "an edge" + (label.empty() ? "" : " \"" + excerpt(label) + "\"");
        if (from == kNoId || to == kNoId) {
            const Id known = from != kNoId ? from : to;
            note(Kind::NotJoined, &cell,
                 what + (known != kNoId ? " from \"" + nameOf(known) + "\"" : "") +
                     ": an end touches no shape Gemba reads; not imported");
            continue;
        }
        if (from == to) {
            note(Kind::NotJoined, &cell,
                 what + " loops on \"" + nameOf(from) +
                     "\"; not imported (Gemba draws rework as a flow back to an earlier step)");
            continue;
        }
        model::FlowKind kind = model::FlowKind::Push;
        const std::string gembaKind =
            cell.data.contains("gemba_kind") ? cell.data["gemba_kind"] : "";
        if (auto named = model::enumFromName<model::FlowKind>(gembaKind))
            kind = *named;
        else if (cell.shape == "electronic_info_flow_edge")
            kind = model::FlowKind::ElectronicInformation;
        else if (cell.shape == "manual_info_flow_edge")
            kind = model::FlowKind::ManualInformation;
        else if (cell.shape == "flexArrow")
            kind = model::FlowKind::Shipment;
        else if (cell.shape == "arrow")
            kind = model::FlowKind::Push; // a broad arrow moves material, whatever its ends
        else if (!isWorkElement(from) || !isWorkElement(to))
            kind = model::FlowKind::ManualInformation;
        const Id id = addFlow(from, to, kind, label, cell);
        model::Flow& flow = m_map.flows[id];
        if (kind == model::FlowKind::Fifo)
            flow.fifoMax = fifoMaxIn(label);
        if (cell.data.contains("gemba")) {
            const auto data = nlohmann::json::parse(cell.data["gemba"], nullptr, false);
            if (data.is_object()) {
                if (data.contains("label") && data["label"].is_string())
                    flow.label = data["label"].get<std::string>();
                flow.fifoMax.reset();
                if (data.contains("fifo_max") && data["fifo_max"].is_number_integer() &&
                    data["fifo_max"].get<long long>() >= 1 &&
                    data["fifo_max"].get<long long>() <= 1000000000)
                    flow.fifoMax = static_cast<int>(data["fifo_max"].get<long long>());
                if (data.contains("share") && data["share"].is_number())
                    flow.share = data["share"].get<double>();
                if (data.contains("wait") && data["wait"].is_number())
                    flow.wait = data["wait"].get<double>();
            }
        }
    }
}

void PageReader::readFlowShapes() {
    for (Cell& cell : m_cells) {
        if (cell.role != Role::FlowShape)
            continue;
        cell.consumed = true;
        const model::FlowKind kind = cell.shape == "push_arrow"      ? model::FlowKind::Push
                                     : cell.shape == "physical_pull" ? model::FlowKind::Pull
                                                                     : model::FlowKind::Fifo;
        const std::string what =
            cell.shape + (cell.label.empty() ? "" : " \"" + excerpt(cell.label) + "\"");
        // Drawn over a process, it joins nothing that can be told apart.
        bool over = false;
        for (const Cell& other : m_cells)
            if (other.role == Role::Step && other.rect.contains(cell.rect.cx(), cell.rect.cy()))
                over = true;
        if (over) {
            note(Kind::Unmapped, &cell, what + " is drawn over a process; not read as a flow");
            continue;
        }
        // The nearest elements left and right of it, in its row.
        Rect band = cell.rect;
        const double pad = std::max(20.0, cell.rect.h);
        band.y -= pad;
        band.h += 2 * pad;
        Id left = kNoId, right = kNoId;
        double leftGap = kNearDistance, rightGap = kNearDistance;
        for (const Cell& other : m_cells) {
            if (other.element == kNoId || !other.hasRect || band.overlapY(other.rect) <= 0 ||
                other.role == Role::Inventory)
                continue;
            const double before = cell.rect.x - other.rect.right();
            const double after = other.rect.x - cell.rect.right();
            if (before >= -10 && before < leftGap) {
                leftGap = before;
                left = other.element;
            }
            if (after >= -10 && after < rightGap) {
                rightGap = after;
                right = other.element;
            }
        }
        const bool reversed =
            (cell.style.contains("flipH") && cell.style["flipH"] == "1") ||
            (cell.style.contains("direction") && cell.style["direction"] == "west");
        if (reversed)
            std::swap(left, right);
        if (left == kNoId || right == kNoId) {
            note(Kind::NotJoined, &cell, what + ": no shape on both sides of it; not imported");
            continue;
        }
        const Id id = addFlow(left, right, kind, "", cell);
        if (kind == model::FlowKind::Fifo)
            m_map.flows[id].fifoMax = fifoMaxIn(cell.label);
    }
}

/// Distance from a point to the segment a-b, and where along it (0-1) the point falls.
std::pair<double, double> segmentDistance(Pt p, Pt a, Pt b) {
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double length2 = dx * dx + dy * dy;
    double t = length2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / length2 : 0;
    const double along = t;
    t = std::clamp(t, 0.0, 1.0);
    return {std::hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy)), along};
}

/// The work flow whose line passes nearest to a point (within `reach`), or kNoId.
Id nearestWorkFlow(const model::Map& map, const std::map<Id, std::size_t>& cellOf,
                   const std::vector<Cell>& cells, Pt p, double reach) {
    Id best = kNoId;
    double bestDistance = reach;
    for (const auto& [id, flow] : map.flows) {
        if (!model::carriesWork(flow.kind))
            continue;
        auto from = cellOf.find(flow.from);
        auto to = cellOf.find(flow.to);
        if (from == cellOf.end() || to == cellOf.end())
            continue;
        const Rect& a = cells[from->second].rect;
        const Rect& b = cells[to->second].rect;
        const auto [distance, along] = segmentDistance(p, {a.cx(), a.cy()}, {b.cx(), b.cy()});
        if (along > 0 && along < 1 && distance <= bestDistance) {
            bestDistance = distance;
            best = id;
        }
    }
    return best;
}

void PageReader::placeInventories() {
    std::set<Id> attached;
    for (const auto& [id, flow] : m_map.flows) {
        attached.insert(flow.from);
        attached.insert(flow.to);
    }
    for (Cell& cell : m_cells) {
        if ((cell.role != Role::Inventory && cell.role != Role::Wait) ||
            attached.contains(cell.element))
            continue;
        const Id flowId = nearestWorkFlow(m_map, m_cellOf, m_cells,
                                          {cell.rect.cx(), cell.rect.cy()}, kNearDistance * 0.6);
        if (flowId == kNoId) {
            note(Kind::Assumption, &cell,
                 describeWait(m_map.waits[cell.element]) +
                     " lies on no material flow; it is not on the value stream's path");
            continue;
        }
        // A -> B becomes A -> inventory -> B.
        model::Flow& flow = m_map.flows[flowId];
        const Id to = flow.to;
        flow.to = cell.element;
        const Id second = addFlow(cell.element, to, flow.kind, "", m_cells[m_cellOf[flowId]]);
        m_map.flows[second].fifoMax = m_map.flows[flowId].fifoMax;
        attached.insert(cell.element);
    }
}

void PageReader::readShipments() {
    for (Cell& cell : m_cells) {
        if (cell.role != Role::Shipment)
            continue;
        cell.consumed = true;
        std::string label = cell.label;
        for (std::size_t child : cell.children) {
            m_cells[child].consumed = true;
            if (!m_cells[child].label.empty())
                label += (label.empty() ? "" : "\n") + m_cells[child].label;
        }
        std::replace(label.begin(), label.end(), '\n', ' ');
        const Id flowId =
            nearestWorkFlow(m_map, m_cellOf, m_cells, {cell.rect.cx(), cell.rect.cy()},
                            std::max(cell.rect.w, cell.rect.h));
        if (flowId == kNoId) {
            note(Kind::Unmapped, &cell,
                 cell.shape + (label.empty() ? "" : " \"" + excerpt(label) + "\"") +
                     " is on no material flow; not read");
            continue;
        }
        model::Flow& flow = m_map.flows[flowId];
        flow.kind = model::FlowKind::Shipment;
        if (!label.empty())
            flow.label = flow.label.empty() ? label : flow.label + " " + label;
    }
}

void PageReader::controlBoxesDrawnAsProcesses() {
    // A process box with no figures whose every flow carries information is a control box
    // drawn with the process shape (as draw.io's templates draw "Production control").
    std::vector<Id> convert;
    for (const auto& [id, step] : m_map.steps) {
        if (step.processTime || step.cycleTime || step.leadTime || step.headcount != 1)
            continue;
        int information = 0, work = 0;
        for (const auto& [fid, flow] : m_map.flows)
            if (flow.from == id || flow.to == id)
                (model::carriesWork(flow.kind) ? work : information)++;
        if (information > 0 && work == 0)
            convert.push_back(id);
    }
    for (Id id : convert) {
        const model::Step step = m_map.steps[id];
        m_map.steps.erase(id);
        model::InfoBox box;
        box.id = id;
        box.name = step.name;
        box.notes = step.description;
        box.pos = step.pos;
        m_map.infoBoxes[id] = box;
        --m_counts.steps;
        ++m_counts.infoBoxes;
        note(Kind::Assumption, cellOf(id),
             "process box \"" + step.name +
                 "\" has no figures and only information flows; read as an information box");
    }
}

void PageReader::readKaizenBursts() {
    for (std::size_t i = 0; i < m_cells.size(); ++i) {
        Cell& cell = m_cells[i];
        if (cell.role != Role::Kaizen)
            continue;
        cell.consumed = true;
        model::RedPen pen;
        pen.id = m_project.allocateId();
        pen.reason = cell.label;
        for (std::size_t child : cell.children) {
            m_cells[child].consumed = true;
            if (!m_cells[child].label.empty())
                pen.reason += (pen.reason.empty() ? "" : "\n") + m_cells[child].label;
        }
        pen.pos = position(cell);
        if (cell.data.contains("gemba_targets")) {
            std::stringstream list(cell.data["gemba_targets"]);
            std::string target;
            while (std::getline(list, target, ' '))
                if (const Id element = elementAt(target); element != kNoId)
                    pen.targets.push_back(element);
        } else {
            Id best = kNoId;
            double bestDistance = kNearDistance / 2;
            for (const Cell& other : m_cells)
                if (other.role == Role::Step && other.element != kNoId &&
                    m_map.steps.contains(other.element)) {
                    const double d = other.rect.distance(cell.rect.cx(), cell.rect.cy());
                    if (d <= bestDistance) {
                        bestDistance = d;
                        best = other.element;
                    }
                }
            if (best != kNoId)
                pen.targets.push_back(best);
        }
        if (cell.data.contains("gemba_cost"))
            pen.cost = model::parseNumber(cell.data["gemba_cost"]);
        m_cellOf[pen.id] = i;
        m_map.redPens[pen.id] = std::move(pen);
        ++m_counts.redPens;
    }
}

void PageReader::decidePartyKinds() {
    double stepX = 0;
    for (const auto& [id, step] : m_map.steps)
        stepX += step.pos.x;
    if (!m_map.steps.empty())
        stepX /= static_cast<double>(m_map.steps.size());
    for (auto& [id, party] : m_map.parties) {
        const Cell* cell = cellOf(id);
        const std::string kind =
            cell && cell->data.contains("gemba_kind") ? cell->data.at("gemba_kind") : "";
        const std::string name = model::toLower(party.name);
        int out = 0, in = 0;
        for (const auto& [fid, flow] : m_map.flows)
            if (model::carriesWork(flow.kind)) {
                out += flow.from == id;
                in += flow.to == id;
            }
        if (kind == "supplier" || kind == "customer")
            party.kind =
                kind == "supplier" ? model::PartyKind::Supplier : model::PartyKind::Customer;
        else if (name.find("supplier") != std::string::npos ||
                 name.find("vendor") != std::string::npos)
            party.kind = model::PartyKind::Supplier;
        else if (name.find("customer") != std::string::npos ||
                 name.find("client") != std::string::npos)
            party.kind = model::PartyKind::Customer;
        else if (out != in)
            party.kind = out > in ? model::PartyKind::Supplier : model::PartyKind::Customer;
        else {
            party.kind =
                party.pos.x < stepX ? model::PartyKind::Supplier : model::PartyKind::Customer;
            note(Kind::Assumption, cell,
                 "outside source \"" + party.name + "\" is read as a " +
                     (party.kind == model::PartyKind::Supplier ? "supplier" : "customer") +
                     " because it stands " +
                     (party.kind == model::PartyKind::Supplier ? "left" : "right") +
                     " of the processes");
        }
    }
}

void PageReader::keepTheRest() {
    for (Cell& cell : m_cells) {
        if (!cell.vertex || cell.consumed || cell.element != kNoId)
            continue;
        // Children of shapes read whole (a burst's inner box, a truck's caption).
        auto parent = m_index.find(cell.parent);
        if (parent != m_index.end() && m_cells[parent->second].consumed &&
            m_cells[parent->second].role != Role::Other) {
            cell.consumed = true;
            continue;
        }
        cell.consumed = true;
        if (cell.role == Role::Text || cell.role == Role::Totals) {
            if (cell.label.empty())
                continue;
            if (cell.role == Role::Totals)
                continue; // Gemba's own totals, checked and then rewritten by each export
            model::Note text;
            text.id = m_project.allocateId();
            text.text = cell.label;
            text.pos = position(cell);
            m_map.notes[text.id] = std::move(text);
            ++m_counts.notes;
            continue;
        }
        if (cell.role == Role::Timeline)
            continue;
        ++m_counts.unmapped;
        if (cell.label.empty()) {
            note(Kind::Unmapped, &cell,
                 describe(cell) + " has no Gemba counterpart and no text; not imported");
            continue;
        }
        model::Note text;
        text.id = m_project.allocateId();
        text.text = cell.label;
        text.pos = position(cell);
        m_map.notes[text.id] = std::move(text);
        ++m_counts.notes;
        note(Kind::Unmapped, &cell, describe(cell) + " has no Gemba counterpart; kept as a note");
    }
}

model::Id personNamed(model::Project& project, const nlohmann::json& person) {
    const std::string name = person.value("name", "");
    for (const auto& [id, existing] : project.people)
        if (existing.name == name)
            return id;
    model::Person added;
    added.id = project.allocateId();
    added.name = name;
    added.role = person.value("role", "");
    if (person.contains("hourly_cost") && person["hourly_cost"].is_number())
        added.hourlyCost = person["hourly_cost"].get<double>();
    project.people[added.id] = added;
    return added.id;
}

model::Id systemNamed(model::Project& project, const nlohmann::json& system) {
    const std::string name = system.value("name", "");
    for (const auto& [id, existing] : project.systems)
        if (existing.name == name)
            return id;
    model::System added;
    added.id = project.allocateId();
    added.name = name;
    added.kind = model::enumFromName<model::SystemKind>(system.value("kind", "other"))
                     .value_or(model::SystemKind::Other);
    project.systems[added.id] = added;
    return added.id;
}

/// The member `key` of `data` when it has the wanted type, else an empty one.
const nlohmann::json& member(const nlohmann::json& data, const char* key, bool array) {
    static const nlohmann::json emptyArray = nlohmann::json::array();
    static const nlohmann::json emptyObject = nlohmann::json::object();
    auto it = data.find(key);
    if (it != data.end() && (array ? it->is_array() : it->is_object()))
        return *it;
    return array ? emptyArray : emptyObject;
}

/// Seconds a Gemba-written shape keeps for the simulations (`key` of `data`), when present and
/// a duration; anything else is reported and left out.
std::optional<double> PageReader::simulationSeconds(const Cell& cell, const nlohmann::json& data,
                                                    const char* key) {
    const auto it = data.find(key);
    if (it == data.end())
        return std::nullopt;
    if (!it->is_number() || detail::checkDuration(it->get<double>())) {
        note(Kind::Refused, &cell,
             std::string("the shape's ") + key + " is not a duration in seconds; not read");
        return std::nullopt;
    }
    return it->get<double>();
}

void PageReader::applyGembaData() {
    // Fields a Gemba-written file keeps as shape data, for what draw.io has no shape for.
    for (Cell& cell : m_cells) {
        if (cell.element == kNoId || !cell.data.contains("gemba"))
            continue;
        nlohmann::json data = nlohmann::json::parse(cell.data["gemba"], nullptr, false);
        if (!data.is_object()) {
            note(Kind::Refused, &cell, "the shape's Gemba data is not JSON; not read");
            continue;
        }
        try {
            if (auto it = m_map.steps.find(cell.element); it != m_map.steps.end()) {
                model::Step& step = it->second;
                step.role = data.value("role", "");
                step.description = data.value("description", step.description);
                step.value = model::enumFromName<model::ValueClass>(data.value("value", ""))
                                 .value_or(model::ValueClass::ValueAdding);
                step.wastes = data.value("wastes", 0u) & model::kAllWasteKinds;
                if (data.contains("pt_min"))
                    step.processTimeMin = data["pt_min"].get<double>();
                if (data.contains("pt_max"))
                    step.processTimeMax = data["pt_max"].get<double>();
                if (const auto& breakdown = member(data, "breakdown", false); !breakdown.empty()) {
                    const auto mtbf = simulationSeconds(cell, breakdown, "mtbf");
                    const auto mttr = simulationSeconds(cell, breakdown, "mttr");
                    if (mtbf && mttr)
                        step.breakdown = model::Breakdown{*mtbf, *mttr};
                    else
                        note(Kind::Refused, &cell,
                             "the step's breakdowns need a mean time between failures and to "
                             "repair in seconds; not read");
                }
                for (const auto& artifact : member(data, "artifacts", true))
                    step.artifacts.push_back(artifact.get<std::string>());
                for (const auto& f : member(data, "frictions", true))
                    step.frictions.push_back({f.value("what", ""),
                                              f.value("minutes_per_occurrence", 0.0),
                                              f.value("occurrences_per_week", 0.0)});
                for (const auto& person : member(data, "people", true))
                    step.people.push_back(personNamed(m_project, person));
                for (const auto& system : member(data, "systems", true))
                    step.systems.push_back(systemNamed(m_project, system));
                for (const auto& [figure, source] : member(data, "sources", false).items()) {
                    const auto kind = model::enumFromName<model::Figure>(figure);
                    if (!kind)
                        continue;
                    model::Source s;
                    s.basis = model::enumFromName<model::Basis>(source.value("basis", ""))
                                  .value_or(model::Basis::Unknown);
                    s.source = source.value("source", "");
                    s.date = source.value("date", "");
                    step.sources[*kind] = s;
                }
            } else if (auto party = m_map.parties.find(cell.element);
                       party != m_map.parties.end()) {
                party->second.notes = data.value("notes", party->second.notes);
            } else if (auto box = m_map.infoBoxes.find(cell.element);
                       box != m_map.infoBoxes.end()) {
                box->second.notes = data.value("notes", box->second.notes);
            } else if (auto wait = m_map.waits.find(cell.element); wait != m_map.waits.end()) {
                wait->second.label = data.value("label", wait->second.label);
                wait->second.timeMin = simulationSeconds(cell, data, "time_min");
                wait->second.timeMax = simulationSeconds(cell, data, "time_max");
            }
        } catch (const nlohmann::json::exception&) {
            note(Kind::Refused, &cell,
                 "the shape's Gemba data has a field of the wrong type; not all read");
        }
    }
}

/// One value of the diagram's timeline.
struct Rung {
    bool upper = false; ///< waiting (upper rung) or process time (lower rung)
    double x = 0;       ///< page coordinates, the value's centre
    double seconds = 0;
    double tolerance = 0;
    std::string text;
    const Cell* cell = nullptr;
    Id element = kNoId; ///< the element a Gemba-written value belongs to
    std::optional<model::TimeUnit> unit;
};

void PageReader::checkTimeline() {
    std::vector<Rung> rungs;
    std::vector<Rect> bands;
    for (Cell& cell : m_cells) {
        if (cell.role != Role::Timeline)
            continue;
        cell.consumed = true;
        if (cell.style.contains("mainText")) {
            // "width,text,width,text...": segments alternate lower and upper rungs, the first
            // (often empty) one lower. Widths are shares of the shape's width.
            std::vector<std::string> parts;
            std::stringstream list(cell.style["mainText"]);
            std::string part;
            while (std::getline(list, part, ','))
                parts.push_back(part);
            double total = 0;
            for (std::size_t k = 0; k + 1 < parts.size(); k += 2)
                total += std::max(0.0, model::parseNumber(parts[k]).value_or(0));
            double at = 0;
            for (std::size_t k = 0; k + 1 < parts.size(); k += 2) {
                const double width = std::max(0.0, model::parseNumber(parts[k]).value_or(0));
                const std::string text(model::trim(parts[k + 1]));
                const bool upper = (k / 2) % 2 == 1;
                const double centre = total > 0
                                          ? cell.rect.x + cell.rect.w * (at + width / 2) / total
                                          : cell.rect.cx();
                at += width;
                if (text.empty())
                    continue;
                const auto read = detail::readDuration(text, m_calendar);
                if (!read.seconds) {
                    note(Kind::Refused, &cell, "timeline value " + read.problem + "; not checked");
                    continue;
                }
                rungs.push_back(
                    {upper, centre, *read.seconds, read.tolerance, text, &cell, kNoId, read.unit});
            }
        } else {
            bands.push_back(cell.rect);
        }
    }
    // Text cells on a timeline band: above its middle waits, below process times.
    for (Cell& cell : m_cells) {
        if (cell.role != Role::Text || cell.consumed || cell.label.empty())
            continue;
        for (const Rect& band : bands) {
            if (!band.contains(cell.rect.cx(), cell.rect.cy(), 40))
                continue;
            const auto read = detail::readDuration(cell.label, m_calendar);
            if (!read.seconds) {
                if (!read.problem.empty() &&
                    cell.label.find_first_of("0123456789") != std::string::npos) {
                    note(Kind::Refused, &cell, "timeline value " + read.problem + "; not checked");
                    cell.consumed = true;
                }
                break;
            }
            cell.consumed = true;
            rungs.push_back({cell.rect.cy() < band.cy(), cell.rect.cx(), *read.seconds,
                             read.tolerance, cell.label, &cell,
                             cell.data.contains("gemba_element")
                                 ? elementAt(cell.data["gemba_element"])
                                 : kNoId,
                             read.unit});
            break;
        }
    }

    // Inventories without a quantity and processes without a time take the timeline's value
    // nearest to them, said so in the report.
    std::set<const Rung*> used;
    auto nearestRung = [&](bool upper, double x) -> const Rung* {
        const Rung* best = nullptr;
        for (const Rung& rung : rungs)
            if (rung.upper == upper && !used.contains(&rung) &&
                (!best || std::abs(rung.x - x) < std::abs(best->x - x)))
                best = &rung;
        return best && std::abs(best->x - x) <= kNearDistance ? best : nullptr;
    };
    for (auto& [id, wait] : m_map.waits) {
        if (wait.kind != model::WaitKind::Inventory || wait.quantity)
            continue;
        const Rung* rung = nearestRung(true, wait.pos.x / kDrawioScale);
        if (!rung) {
            note(Kind::Refused, cellOf(id), describeWait(wait) + " has no quantity");
            continue;
        }
        used.insert(rung);
        wait.kind = model::WaitKind::Time;
        wait.time = rung->seconds;
        note(Kind::Assumption, cellOf(id),
             "inventory with no quantity: its wait is taken from the diagram's timeline, " +
                 rung->text);
    }
    for (auto& [id, step] : m_map.steps) {
        if (step.processTime)
            continue;
        const Rung* rung = nearestRung(false, step.pos.x / kDrawioScale);
        if (!rung)
            continue;
        used.insert(rung);
        step.processTime = rung->seconds;
        note(Kind::Assumption, cellOf(id),
             "\"" + step.name +
                 "\" has no C/T: its process time is taken from the diagram's timeline, " +
                 rung->text);
    }

    // Totals the diagram states, in any note or box.
    struct Stated {
        const char* what;
        double seconds;
        double tolerance;
        std::string text;
        const Cell* cell;
        std::optional<model::TimeUnit> unit;
    };
    std::vector<Stated> stated;
    for (Cell& cell : m_cells) {
        if (!cell.vertex || cell.role == Role::DataBox || cell.role == Role::Step)
            continue;
        for (const std::string& line : detail::lines(cell.label)) {
            const auto pair = detail::splitKeyValue(line);
            if (!pair)
                continue;
            const std::string& key = pair->first;
            const char* what = nullptr;
            if (key == "leadtime" || key == "totalleadtime" || key == "productionleadtime")
                what = "lead time";
            else if (key == "totalcycletime")
                what = "cycle time";
            else if (key == "processtime" || key == "totalprocesstime" || key == "worktime" ||
                     key == "totalworktime" || key == "valueaddedtime" || key == "value-addedtime")
                what = "process time";
            if (!what)
                continue;
            const auto read = detail::readDuration(pair->second, m_calendar);
            if (read.seconds)
                stated.push_back({what, *read.seconds, read.tolerance, line, &cell, read.unit});
        }
    }
    if (rungs.empty() && stated.empty())
        return;

    const metrics::MapMetrics figures = metrics::computeMetrics(m_project, m_map);
    // Gemba's value in the unit the diagram wrote, so the two read side by side.
    const auto say = [&](double seconds, std::optional<model::TimeUnit> unit) {
        return unit ? model::formatDurationIn(seconds, *unit, m_calendar)
                    : model::formatDuration(seconds, m_calendar);
    };
    used.clear();
    // An inventory without demand stays a count, outside Gemba's lead time, where the diagram
    // has its time: the waits and totals cannot be compared then either.
    const auto uncounted =
        std::find_if(figures.findings.begin(), figures.findings.end(), [](const auto& finding) {
            return finding.code == "inventory_without_demand";
        });
    if (!figures.valid || uncounted != figures.findings.end()) {
        // Process times can still be checked step by step; waits and totals need the whole map.
        std::string why = figures.valid ? uncounted->message : std::string();
        for (const auto& finding : figures.findings)
            if (why.empty() && finding.severity == metrics::Severity::Error) {
                why = finding.message;
                break;
            }
        std::set<Id> matched;
        for (const Rung& rung : rungs) {
            if (rung.upper)
                continue;
            Id best = kNoId;
            for (const auto& [id, step] : m_map.steps)
                if (!matched.contains(id) &&
                    (best == kNoId ||
                     std::abs(step.pos.x / kDrawioScale - rung.x) <
                         std::abs(m_map.steps[best].pos.x / kDrawioScale - rung.x)))
                    best = id;
            if (best == kNoId ||
                std::abs(m_map.steps[best].pos.x / kDrawioScale - rung.x) > kNearDistance)
                continue;
            matched.insert(best);
            const model::Step& step = m_map.steps[best];
            if (step.processTime && std::abs(*step.processTime - rung.seconds) > rung.tolerance)
                note(Kind::Disagreement, rung.cell,
                     "timeline: the process time of \"" + step.name + "\" is " + rung.text +
                         " on the diagram's timeline, " + say(*step.processTime, rung.unit) +
                         " from its data box");
        }
        note(Kind::Disagreement, nullptr,
             "the diagram's waits and totals could not be checked: " + why);
        return;
    }
    // Each value against a segment of Gemba's timeline: the element a Gemba-written value
    // names, else the nearest in x (closest pairs first).
    const auto segmentValue = [&](const Rung& rung, const metrics::Segment& segment) {
        return rung.upper ? segment.waitSeconds : segment.processSeconds;
    };
    std::vector<std::tuple<double, std::size_t, std::size_t>> pairs;
    for (std::size_t r = 0; r < rungs.size(); ++r)
        for (std::size_t s = 0; s < figures.timeline.size(); ++s) {
            const metrics::Segment& segment = figures.timeline[s];
            const auto pos = m_map.positionOf(segment.element);
            if (!pos || (segmentValue(rungs[r], segment) <= 0 && rungs[r].element == kNoId))
                continue;
            if (rungs[r].element != kNoId) {
                if (rungs[r].element == segment.element)
                    pairs.emplace_back(-1.0, r, s);
                continue;
            }
            const double distance = std::abs(pos->x / kDrawioScale - rungs[r].x);
            if (distance <= kNearDistance)
                pairs.emplace_back(distance, r, s);
        }
    std::sort(pairs.begin(), pairs.end());
    std::vector<int> matchOf(rungs.size(), -1);
    std::vector<bool> rowUsed(figures.timeline.size() * 2, false);
    for (const auto& [distance, r, s] : pairs) {
        const std::size_t slot = s * 2 + (rungs[r].upper ? 1 : 0);
        if (matchOf[r] >= 0 || rowUsed[slot])
            continue;
        matchOf[r] = static_cast<int>(s);
        rowUsed[slot] = true;
    }
    for (std::size_t r = 0; r < rungs.size(); ++r) {
        const Rung& rung = rungs[r];
        if (matchOf[r] < 0) {
            note(Kind::Disagreement, rung.cell,
                 "timeline: " + rung.text + (rung.upper ? " of waiting" : " of process time") +
                     " is on the diagram's timeline where Gemba's has nothing");
            continue;
        }
        const metrics::Segment& segment = figures.timeline[static_cast<std::size_t>(matchOf[r])];
        const double value = segmentValue(rung, segment);
        if (std::abs(value - rung.seconds) > rung.tolerance)
            note(Kind::Disagreement, rung.cell,
                 std::string("timeline: ") +
                     (rung.upper ? "the waiting at \"" : "the process time of \"") + segment.name +
                     "\" is " + rung.text + " on the diagram's timeline, " + say(value, rung.unit) +
                     " computed by Gemba");
    }
    for (const Stated& s : stated) {
        const double value = std::string_view(s.what) == "lead time"    ? figures.leadTime
                             : std::string_view(s.what) == "cycle time" ? figures.cycleTime
                                                                        : figures.processTime;
        if (std::abs(value - s.seconds) > s.tolerance)
            note(Kind::Disagreement, s.cell,
                 std::string("totals: the ") + s.what + " is '" + s.text + "' on the diagram, " +
                     say(value, s.unit) + " computed by Gemba");
    }
}

/// "504 pcs/day", "336 per day": an amount of items per day in a line, if any.
std::optional<std::string> demandIn(const std::string& line) {
    if (line.size() > 200)
        return std::nullopt;
    const std::string lower = model::toLower(line);
    for (const char* marker : {"/day", "/dy", " per day", "/ day"}) {
        const std::size_t at = lower.find(marker);
        if (at == std::string::npos)
            continue;
        std::size_t end = at;
        while (end > 0 && lower[end - 1] == ' ')
            --end;
        std::size_t wordStart = end;
        while (wordStart > 0 && std::isalpha(static_cast<unsigned char>(lower[wordStart - 1])))
            --wordStart;
        const std::string word = lower.substr(wordStart, end - wordStart);
        // Items only: "460 min/dy" is time, "1 shift/day" a schedule.
        static const std::string_view items[] = {"",      "pcs",   "pc",     "pieces", "units",
                                                 "items", "parts", "orders", "ea"};
        if (std::find(std::begin(items), std::end(items), word) == std::end(items))
            return std::nullopt;
        std::size_t numberEnd = wordStart;
        while (numberEnd > 0 && lower[numberEnd - 1] == ' ')
            --numberEnd;
        std::size_t numberStart = numberEnd;
        while (numberStart > 0 &&
               (std::isdigit(static_cast<unsigned char>(lower[numberStart - 1])) ||
                lower[numberStart - 1] == ',' || lower[numberStart - 1] == '.'))
            --numberStart;
        if (numberStart < numberEnd &&
            detail::readNumber(lower.substr(numberStart, numberEnd - numberStart), true))
            return std::string(
                model::trim(line.substr(numberStart, at + std::strlen(marker) - numberStart)));
    }
    return std::nullopt;
}

void PageReader::hintDemand() {
    // Inventories become time through demand; a diagram often states it in a note.
    const bool needed =
        !m_map.props.demand &&
        std::any_of(m_map.waits.begin(), m_map.waits.end(), [](const auto& entry) {
            return entry.second.kind == model::WaitKind::Inventory && entry.second.quantity;
        });
    if (!needed)
        return;
    std::vector<std::string> mentions;
    for (const Cell& cell : m_cells)
        for (const std::string& line : detail::lines(cell.label))
            if (auto demand = demandIn(line);
                demand && std::find(mentions.begin(), mentions.end(), *demand) == mentions.end())
                mentions.push_back(*demand);
    std::string message = "the inventories need the customer's demand to become time: give it "
                          "(--demand-per-day, or the map's demand)";
    if (!mentions.empty()) {
        message += "; the diagram mentions " + mentions.front();
        for (std::size_t i = 1; i < mentions.size(); ++i)
            message += (i == 1 ? " (also " : ", ") + mentions[i];
        if (mentions.size() > 1)
            message += ")";
    }
    note(Kind::Assumption, nullptr, message);
}

model::Map PageReader::read() {
    readCells();
    classify();
    m_map.id = m_project.allocateId();
    m_map.props.name = m_page.name;
    m_map.props.state = model::MapState::Current;
    // A Gemba-written page keeps the map's own fields on its root cell.
    for (const Cell& cell : m_cells)
        if (cell.data.contains("gemba_map")) {
            const auto data = nlohmann::json::parse(cell.data.at("gemba_map"), nullptr, false);
            if (!data.is_object())
                continue;
            m_map.props.state = model::enumFromName<model::MapState>(data.value("state", "current"))
                                    .value_or(model::MapState::Current);
            m_map.props.trigger = data.value("trigger", "");
            m_map.props.done = data.value("done", "");
            m_map.props.notes = data.value("notes", "");
            if (data.contains("demand") && data["demand"].is_object())
                m_map.props.demand = model::Demand{
                    data["demand"].value("quantity", 0.0),
                    model::enumFromName<model::DemandPeriod>(data["demand"].value("per", "day"))
                        .value_or(model::DemandPeriod::Day)};
            if (data.contains("available_time_per_day") &&
                data["available_time_per_day"].is_number())
                m_map.props.availableTimePerDay = data["available_time_per_day"].get<double>();
        }
    if (m_options.demandPerDay)
        m_map.props.demand = model::Demand{*m_options.demandPerDay, model::DemandPeriod::Day};
    makeElements();
    applyGembaData();
    readDataBoxes();
    readOperators();
    readEdges();
    readFlowShapes();
    placeInventories();
    readShipments();
    controlBoxesDrawnAsProcesses();
    readKaizenBursts();
    decidePartyKinds();
    if (!m_available.empty()) {
        const bool same = std::all_of(m_available.begin(), m_available.end(),
                                      [&](double v) { return v == m_available.front(); });
        if (same && !m_map.props.availableTimePerDay)
            m_map.props.availableTimePerDay = m_available.front();
        else if (!same)
            note(
                Kind::Disagreement, nullptr,
                "the data boxes give different available times (" +
                    model::formatNumber(*std::min_element(m_available.begin(), m_available.end())) +
                    " to " +
                    model::formatNumber(*std::max_element(m_available.begin(), m_available.end())) +
                    " s a day); the map's available time is left empty");
    }
    checkTimeline();
    hintDemand();
    keepTheRest();
    m_counts.page = m_page.name;
    m_counts.map = m_map.id;
    m_report.pages.push_back(m_counts);
    return std::move(m_map);
}

std::string uniqueName(const model::Project& project, const std::string& name) {
    if (!project.findMapByName(name))
        return name;
    for (int n = 2;; ++n) {
        const std::string candidate = name + " (" + std::to_string(n) + ")";
        if (!project.findMapByName(candidate))
            return candidate;
    }
}

} // namespace

std::size_t DrawioImportReport::count(DrawioReportItem::Kind kind) const {
    return static_cast<std::size_t>(
        std::count_if(items.begin(), items.end(),
                      [&](const DrawioReportItem& item) { return item.kind == kind; }));
}

std::string_view kindName(DrawioReportItem::Kind kind) {
    switch (kind) {
    case Kind::Unmapped:
        return "unmapped";
    case Kind::Refused:
        return "refused";
    case Kind::Joined:
        return "joined";
    case Kind::NotJoined:
        return "not_joined";
    case Kind::Disagreement:
        return "disagreement";
    case Kind::Assumption:
        return "assumption";
    }
    return "unmapped";
}

std::string DrawioImportReport::text() const {
    std::string out;
    for (const DrawioPageCounts& page : pages) {
        out += file + ": page \"" + page.page + "\": " + std::to_string(page.cells) +
               " shapes and edges read: " + std::to_string(page.steps) + " steps, " +
               std::to_string(page.dataBoxes) + " data boxes, " + std::to_string(page.waits) +
               " waits, " + std::to_string(page.parties) + " suppliers and customers, " +
               std::to_string(page.infoBoxes) + " information boxes, " +
               std::to_string(page.flows) + " flows, " + std::to_string(page.redPens) +
               " red pens, " + std::to_string(page.notes) + " notes; " +
               std::to_string(page.unmapped) + " shapes without a Gemba counterpart\n";
    }
    for (const DrawioReportItem& item : items) {
        out += file + ": page \"" + item.page + "\"";
        if (!item.cell.empty())
            out += ", cell " + item.cell;
        out += ": " + std::string(kindName(item.kind)) + ": " + item.message + "\n";
    }
    return out;
}

std::string DrawioImportReport::json() const {
    nlohmann::json out = nlohmann::json::object();
    out["file"] = file;
    out["pages"] = nlohmann::json::array();
    for (const DrawioPageCounts& page : pages)
        out["pages"].push_back({{"page", page.page},
                                {"cells", page.cells},
                                {"steps", page.steps},
                                {"data_boxes", page.dataBoxes},
                                {"waits", page.waits},
                                {"parties", page.parties},
                                {"info_boxes", page.infoBoxes},
                                {"flows", page.flows},
                                {"red_pens", page.redPens},
                                {"notes", page.notes},
                                {"unmapped", page.unmapped}});
    out["items"] = nlohmann::json::array();
    for (const DrawioReportItem& item : items)
        out["items"].push_back({{"kind", kindName(item.kind)},
                                {"page", item.page},
                                {"cell", item.cell},
                                {"message", item.message}});
    return out.dump(2);
}

std::vector<Id> importDrawio(model::Project& project, std::string_view bytes,
                             const std::string& file, const DrawioImportOptions& options,
                             DrawioImportReport& report) {
    report.file = file;
    if (bytes.size() > options.limits.maxFileBytes)
        throw InputError(file, "",
                         "the file is larger than " +
                             std::to_string(options.limits.maxFileBytes >> 20) + " MiB; not read");
    if (!detail::isValidUtf8(bytes))
        throw InputError(file, "", "the file is not UTF-8 text");
    const detail::DrawioDocument document = detail::readDrawioPages(bytes, file, options.limits);
    model::Project result = project;
    DrawioImportReport pageReport;
    pageReport.file = file;
    std::vector<Id> added;
    bool found = false;
    for (const detail::DrawioPage& page : document.pages) {
        if (options.page && page.name != *options.page)
            continue;
        found = true;
        // A Gemba-written file carries the project's calendar: a new project takes it.
        if (const XmlNode* root = page.model->child("root"); root && project.maps.empty())
            for (const auto& node : root->children)
                if (const std::string* map = node->attribute("gemba_map")) {
                    const auto data = nlohmann::json::parse(*map, nullptr, false);
                    if (data.is_object() && data.contains("hours_per_day") &&
                        data["hours_per_day"].is_number() && data.contains("days_per_week") &&
                        data["days_per_week"].is_number()) {
                        model::Calendar& calendar = result.props.calendar;
                        calendar.hoursPerDay = data["hours_per_day"].get<double>();
                        calendar.daysPerWeek = data["days_per_week"].get<double>();
                        // A diagram that does not give it keeps the month it was written with.
                        calendar.daysPerMonth =
                            data.contains("days_per_month") && data["days_per_month"].is_number()
                                ? data["days_per_month"].get<double>()
                                : model::Calendar::legacyDaysPerMonth(calendar.daysPerWeek);
                        result.props.currency = data.value("currency", result.props.currency);
                        result.props.defaultHourlyRate =
                            data.value("default_hourly_rate", result.props.defaultHourlyRate);
                    }
                }
        PageReader reader(result, page, file, options, pageReport);
        model::Map map = reader.read();
        map.props.name = uniqueName(result, map.props.name);
        added.push_back(map.id);
        result.maps.push_back(std::move(map));
    }
    if (!found) {
        std::string names;
        for (const auto& page : document.pages)
            names += (names.empty() ? "" : ", ") + ("\"" + page.name + "\"");
        throw InputError(file, "",
                         "has no page named \"" + *options.page + "\" (its pages: " + names + ")");
    }
    project = std::move(result);
    report.pages.insert(report.pages.end(), pageReport.pages.begin(), pageReport.pages.end());
    report.items.insert(report.items.end(), pageReport.items.begin(), pageReport.items.end());
    return added;
}

std::vector<Id> importDrawioFile(model::Project& project, const std::filesystem::path& file,
                                 const DrawioImportOptions& options, DrawioImportReport& report) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    if (ec)
        throw InputError(file.string(), "", "cannot be read: " + ec.message());
    if (size > options.limits.maxFileBytes)
        throw InputError(file.string(), "",
                         "the file is larger than " +
                             std::to_string(options.limits.maxFileBytes >> 20) + " MiB; not read");
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw InputError(file.string(), "", "cannot be opened");
    std::string bytes(static_cast<std::size_t>(size), '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(size));
    bytes.resize(static_cast<std::size_t>(in.gcount()));
    return importDrawio(project, bytes, file.string(), options, report);
}

} // namespace gemba::store
