#include "map_generator.h"

#include <array>
#include <string>
#include <vector>

namespace gemba::bench {

namespace {

using model::Id;

/// SplitMix64: tiny, fast and the same everywhere (the standard distributions are not).
class Random {
public:
    explicit Random(std::uint64_t seed)
        : m_state(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (m_state += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        return z ^ (z >> 31);
    }
    /// An integer in [lo, hi].
    int between(int lo, int hi) {
        return lo + static_cast<int>(next() % static_cast<std::uint64_t>(hi - lo + 1));
    }
    /// A real number in [0, 1).
    double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    bool chance(double p) { return unit() < p; }

private:
    std::uint64_t m_state;
};

constexpr std::array kRoles = {"Sales",   "Order desk", "Engineering", "Quality",
                               "Finance", "Logistics",  "Support",     "Legal"};
constexpr std::array kVerbs = {"Review", "Enter",   "Check",  "Approve", "Copy",
                               "Send",   "Prepare", "Verify", "Update",  "Assemble"};
constexpr std::array kObjects = {"order",  "quote",    "contract", "invoice", "drawing",
                                 "report", "shipment", "request",  "form",    "record"};

constexpr double kMinute = 60;

class Generator {
public:
    Generator(model::Project& project, const MapShape& shape, MapCounts& counts)
        : m_project(project)
        , m_shape(shape)
        , m_counts(counts)
        , m_random(shape.seed) {
        for (const auto& [id, person] : project.people)
            m_people.push_back(id);
        for (const auto& [id, system] : project.systems)
            m_systems.push_back(id);
    }

    model::Map run() {
        m_map.id = m_project.allocateId();
        m_map.props.name = "Current state";
        m_map.props.trigger = "Customer order received";
        m_map.props.done = "Order delivered and invoiced";
        // Two a day: takt 4 h, above every generated cycle time.
        m_map.props.demand = model::Demand{10, model::DemandPeriod::Week};

        model::InfoBox control;
        control.id = m_project.allocateId();
        control.name = "Production control";
        control.pos = {0, -300};
        m_map.infoBoxes.emplace(control.id, control);
        m_control = control.id;

        Id tail = party("Customer order", model::PartyKind::Supplier);
        while (m_counts.steps < m_shape.steps) {
            const std::size_t left = m_shape.steps - m_counts.steps;
            const double pick = m_random.unit();
            if (left < 8 || pick < 0.50)
                tail = linear(tail);
            else if (pick < 0.60)
                tail = queued(tail);
            else if (pick < 0.72)
                tail = split(tail, false);
            else if (pick < 0.84)
                tail = split(tail, true);
            else if (pick < 0.95)
                tail = rework(tail);
            else
                information(tail);
        }
        flow(tail, party("Customer", model::PartyKind::Customer));
        redPensAndNotes();
        m_counts.waits = m_map.waits.size();
        m_counts.flows = m_map.flows.size();
        return std::move(m_map);
    }

private:
    model::Point place(double row = 0) { return {m_column * 180.0, row * 160.0}; }

    Id party(const char* name, model::PartyKind kind) {
        model::Party p;
        p.id = m_project.allocateId();
        p.name = name;
        p.kind = kind;
        p.pos = place();
        ++m_column;
        m_map.parties.emplace(p.id, p);
        return p.id;
    }

    Id step(double row) {
        model::Step s;
        s.id = m_project.allocateId();
        s.name = std::string(kVerbs[m_random.next() % kVerbs.size()]) + " " +
                 kObjects[m_random.next() % kObjects.size()] + " " +
                 std::to_string(m_counts.steps + 1);
        s.role = kRoles[m_random.next() % kRoles.size()];
        s.headcount = m_random.chance(0.8) ? 1 : 2;
        const double pt = m_random.between(1, 120) * kMinute;
        s.processTime = pt;
        if (m_random.chance(0.3)) {
            s.processTimeMin = pt * 0.5;
            s.processTimeMax = pt * 2;
        }
        if (m_random.chance(0.5))
            s.leadTime = pt * m_random.between(1, 10);
        if (m_random.chance(0.4))
            s.pca = m_random.between(70, 100);
        if (m_random.chance(0.2))
            s.uptime = m_random.between(80, 100);
        if (m_random.chance(0.1))
            s.defectRate = m_random.between(0, 10);
        if (m_random.chance(0.1))
            s.batchSize = m_random.between(1, 50);
        const double value = m_random.unit();
        s.value = value < 0.4   ? model::ValueClass::ValueAdding
                  : value < 0.8 ? model::ValueClass::NecessaryNonValueAdding
                                : model::ValueClass::Waste;
        if (s.value != model::ValueClass::ValueAdding)
            s.wastes = static_cast<unsigned>(m_random.next()) & model::kAllWasteKinds;
        if (!m_people.empty()) {
            s.people.push_back(m_people[m_random.next() % m_people.size()]);
            if (m_random.chance(0.2)) {
                const Id second = m_people[m_random.next() % m_people.size()];
                if (second != s.people.front())
                    s.people.push_back(second);
            }
        }
        if (!m_systems.empty() && m_random.chance(0.7))
            s.systems.push_back(m_systems[m_random.next() % m_systems.size()]);
        if (m_random.chance(0.1))
            s.frictions.push_back({"Re-typing from email", double(m_random.between(1, 30)),
                                   double(m_random.between(1, 40))});
        if (m_random.chance(0.1))
            s.artifacts.push_back("Checklist");
        if (m_random.chance(0.2))
            s.sources[model::Figure::ProcessTime] = {model::Basis::Measured, "time study",
                                                     "2024-05-14"};
        s.pos = place(row);
        m_map.steps.emplace(s.id, s);
        ++m_counts.steps;
        return s.id;
    }

    Id flow(Id from, Id to, std::optional<double> share = std::nullopt,
            model::FlowKind kind = model::FlowKind::Push) {
        model::Flow f;
        f.id = m_project.allocateId();
        f.from = from;
        f.to = to;
        f.kind = kind;
        f.share = share;
        if (kind == model::FlowKind::Push && m_random.chance(0.15))
            f.wait = m_random.between(5, 240) * kMinute;
        m_map.flows.emplace(f.id, f);
        return f.id;
    }

    Id linear(Id tail) {
        const Id s = step(0);
        ++m_column;
        flow(tail, s, std::nullopt,
             m_random.chance(0.1) ? model::FlowKind::Fifo : model::FlowKind::Push);
        if (m_map.flows.rbegin()->second.kind == model::FlowKind::Fifo)
            m_map.flows.rbegin()->second.fifoMax = m_random.between(2, 20);
        return s;
    }

    /// A queue (time) or an inventory (count), then a step.
    Id queued(Id tail) {
        model::Wait w;
        w.id = m_project.allocateId();
        if (m_random.chance(0.5)) {
            w.kind = model::WaitKind::Time;
            w.label = "In-tray";
            w.time = m_random.between(1, 48) * 3600.0;
        } else {
            w.kind = model::WaitKind::Inventory;
            w.label = "Backlog";
            w.quantity = m_random.between(1, 20);
        }
        w.pos = place(-0.5);
        m_map.waits.emplace(w.id, w);
        flow(tail, w.id);
        return linear(w.id);
    }

    /// Two branches of one to three steps that meet again: parallel work, or alternative
    /// routes with shares.
    Id split(Id tail, bool alternative) {
        const double share = 0.05 * m_random.between(2, 18);
        const int lengths[2] = {m_random.between(1, 3), m_random.between(1, 3)};
        const int startColumn = m_column;
        std::vector<Id> ends;
        for (int branch = 0; branch < 2; ++branch) {
            m_column = startColumn;
            Id previous = tail;
            for (int i = 0; i < lengths[branch]; ++i) {
                const Id s = step(branch == 0 ? 0 : 1);
                ++m_column;
                const bool first = i == 0;
                flow(previous, s,
                     first && alternative ? std::optional<double>(branch == 0 ? share : 1 - share)
                                          : std::nullopt);
                previous = s;
            }
            ends.push_back(previous);
        }
        m_column = startColumn + std::max(lengths[0], lengths[1]);
        const Id join = step(0);
        ++m_column;
        for (Id end : ends)
            flow(end, join);
        ++(alternative ? m_counts.alternativeSplits : m_counts.parallelSplits);
        return join;
    }

    /// Do, check, and send a share back: then carry on.
    Id rework(Id tail) {
        const Id work = step(0);
        ++m_column;
        const Id check = step(0);
        ++m_column;
        const Id next = step(0);
        ++m_column;
        const double back = 0.05 * m_random.between(1, 8); // 5-40% comes back
        flow(tail, work);
        flow(work, check);
        flow(check, work, back);
        flow(check, next, 1 - back);
        ++m_counts.reworkLoops;
        return next;
    }

    /// Production control tells a step what to do next.
    void information(Id tail) {
        if (m_map.steps.contains(tail))
            flow(m_control, tail, std::nullopt, model::FlowKind::ElectronicInformation);
    }

    /// A few red-pen circles and notes, as a workshop leaves them.
    void redPensAndNotes() {
        std::size_t i = 0;
        for (const auto& [id, s] : m_map.steps) {
            if (i++ % 500 != 0)
                continue;
            model::RedPen pen;
            pen.id = m_project.allocateId();
            pen.targets = {id};
            pen.reason = "Copying between systems";
            pen.cost = 12000;
            pen.pos = {s.pos.x, s.pos.y - 80};
            m_map.redPens.emplace(pen.id, pen);
            model::Note note;
            note.id = m_project.allocateId();
            note.text = "Ask the team about " + s.name;
            note.pos = {s.pos.x, s.pos.y + 100};
            m_map.notes.emplace(note.id, note);
        }
    }

    model::Project& m_project;
    const MapShape& m_shape;
    MapCounts& m_counts;
    Random m_random;
    model::Map m_map;
    std::vector<Id> m_people;
    std::vector<Id> m_systems;
    Id m_control = model::kNoId;
    int m_column = 0;
};

} // namespace

model::Id addGeneratedMap(model::Project& project, const MapShape& shape, MapCounts* counts) {
    MapCounts local;
    MapCounts& out = counts ? *counts : local;
    out = {};
    Generator generator(project, shape, out);
    project.maps.push_back(generator.run());
    return project.maps.back().id;
}

model::Project generateProject(const MapShape& shape, MapCounts* counts) {
    model::Project project;
    project.props.name = "Generated value stream";
    project.props.description = "A generated map for benchmarks";
    project.props.defaultHourlyRate = 55;
    Random random(shape.seed ^ 0x5eed);
    for (int i = 0; i < 40; ++i) {
        model::Person person;
        person.id = project.allocateId();
        person.name = "Person " + std::to_string(i + 1);
        person.role = kRoles[static_cast<std::size_t>(i) % kRoles.size()];
        if (random.chance(0.8))
            person.hourlyCost = random.between(35, 120);
        project.people.emplace(person.id, person);
    }
    const std::array systems = {"ERP", "CRM", "Spreadsheet", "Email", "Ticket system"};
    for (const char* name : systems) {
        model::System system;
        system.id = project.allocateId();
        system.name = name;
        project.systems.emplace(system.id, system);
    }
    addGeneratedMap(project, shape, counts);
    return project;
}

} // namespace gemba::bench
