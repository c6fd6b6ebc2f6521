#include "sample_projects.h"

#include "gemba/model/operations.h"
#include "gemba/render/geometry.h"

#include <string>

namespace gemba::render::test {

namespace {

constexpr double kMin = 60;
constexpr double kHour = 3600;
constexpr double kDay = 8 * kHour; // the projects keep the default 8-hour working day

using model::Id;

/// Adds elements to one map of a project, then lays it out the way the editor's Auto Layout
/// does.
class Builder {
public:
    Builder(model::Project& project, model::Map& map)
        : m_project(project)
        , m_map(map) {}

    Id step(std::string name, std::string role, double pt, double lt,
            std::optional<double> pca = std::nullopt,
            model::ValueClass value = model::ValueClass::ValueAdding) {
        model::Step s;
        s.id = m_project.allocateId();
        s.name = std::move(name);
        s.role = std::move(role);
        s.processTime = pt;
        s.leadTime = lt;
        s.pca = pca;
        s.value = value;
        m_map.steps.emplace(s.id, s);
        return s.id;
    }
    model::Step& at(Id id) { return m_map.steps.at(id); }

    Id queue(std::string label, double seconds) {
        model::Wait w;
        w.id = m_project.allocateId();
        w.label = std::move(label);
        w.time = seconds;
        m_map.waits.emplace(w.id, w);
        return w.id;
    }
    Id inventory(std::string label, double items) {
        model::Wait w;
        w.id = m_project.allocateId();
        w.kind = model::WaitKind::Inventory;
        w.label = std::move(label);
        w.quantity = items;
        m_map.waits.emplace(w.id, w);
        return w.id;
    }
    Id party(std::string name, model::PartyKind kind) {
        model::Party p;
        p.id = m_project.allocateId();
        p.name = std::move(name);
        p.kind = kind;
        m_map.parties.emplace(p.id, p);
        return p.id;
    }
    Id infoBox(std::string name, std::string notes) {
        model::InfoBox b;
        b.id = m_project.allocateId();
        b.name = std::move(name);
        b.notes = std::move(notes);
        m_map.infoBoxes.emplace(b.id, b);
        return b.id;
    }
    Id note(std::string text) {
        model::Note n;
        n.id = m_project.allocateId();
        n.text = std::move(text);
        m_map.notes.emplace(n.id, n);
        return n.id;
    }
    Id flow(Id from, Id to, model::FlowKind kind = model::FlowKind::Push, std::string label = {}) {
        model::Flow f;
        f.id = m_project.allocateId();
        f.from = from;
        f.to = to;
        f.kind = kind;
        f.label = std::move(label);
        m_map.flows.emplace(f.id, f);
        return f.id;
    }
    Id redPen(std::vector<Id> targets, std::string reason, std::optional<double> cost) {
        model::RedPen r;
        r.id = m_project.allocateId();
        r.targets = std::move(targets);
        r.reason = std::move(reason);
        r.cost = cost;
        m_map.redPens.emplace(r.id, r);
        return r.id;
    }
    void layOut() {
        for (const auto& [id, pos] : autoLayout(m_map))
            model::visitElement(m_map, id, [&](const auto& element) {
                using T = std::decay_t<decltype(element)>;
                if constexpr (!std::is_same_v<T, model::Flow>)
                    const_cast<T&>(element).pos = pos;
            });
    }

private:
    model::Project& m_project;
    model::Map& m_map;
};

Id person(model::Project& project, std::string name, std::string role, double rate) {
    model::Person p;
    p.id = project.allocateId();
    p.name = std::move(name);
    p.role = std::move(role);
    p.hourlyCost = rate;
    project.people.emplace(p.id, p);
    return p.id;
}

Id system(model::Project& project, std::string name, model::SystemKind kind) {
    model::System s;
    s.id = project.allocateId();
    s.name = std::move(name);
    s.kind = kind;
    project.systems.emplace(s.id, s);
    return s.id;
}

model::Map& newMap(model::Project& project, std::string name) {
    model::Map map;
    map.id = project.allocateId();
    map.props.name = std::move(name);
    project.maps.push_back(std::move(map));
    return project.maps.back();
}

} // namespace

model::Project changeRequests() {
    model::Project project;
    project.props.name = "Change requests";
    project.props.defaultHourlyRate = 60;
    const Id anna = person(project, "Anna Berg", "Service desk", 55);
    const Id omar = person(project, "Omar Haddad", "Team lead", 80);
    const Id lena = person(project, "Lena Vogt", "Finance", 70);
    const Id kai = person(project, "Kai Moreau", "Developer", 75);
    const Id ida = person(project, "Ida Lund", "Tester", 65);
    project.props.team.processOwner = omar;
    const Id tickets = system(project, "Ticket system", model::SystemKind::Application);
    const Id sheet = system(project, "Budget sheet", model::SystemKind::Spreadsheet);
    const Id mail = system(project, "Email", model::SystemKind::Email);
    const Id git = system(project, "Git", model::SystemKind::Application);

    {
        model::Map& map = newMap(project, "Current state");
        map.props.trigger = "A business user asks for a change";
        map.props.done = "The change runs in production";
        map.props.demand = model::Demand{6, model::DemandPeriod::Day};
        Builder b(project, map);
        const Id user = b.party("Business user", model::PartyKind::Supplier);
        const Id log = b.step("Log ticket", "Service desk", 10 * kMin, 2 * kHour, 80);
        b.at(log).people = {anna};
        b.at(log).systems = {tickets};
        const Id triageQueue = b.queue("Triage queue", 1 * kDay);
        const Id triage = b.step("Triage and estimate", "Team lead", 30 * kMin, 4 * kHour, 90);
        b.at(triage).people = {omar};
        b.at(triage).systems = {tickets};
        const Id backlog = b.inventory("Backlog", 12);
        const Id copy = b.step("Copy into spreadsheet", "Team lead", 20 * kMin, 1 * kDay, 75,
                               model::ValueClass::Waste);
        b.at(copy).people = {omar};
        b.at(copy).systems = {tickets, sheet};
        b.at(copy).frictions = {{"Re-typing ticket fields", 20, 30}};
        b.at(copy).wastes = static_cast<unsigned>(model::WasteKind::OverProcessing) |
                            static_cast<unsigned>(model::WasteKind::Defects);
        const Id approve = b.step("Approve budget", "Finance", 15 * kMin, 3 * kDay, 70,
                                  model::ValueClass::NecessaryNonValueAdding);
        b.at(approve).people = {lena};
        b.at(approve).systems = {sheet, mail};
        const Id develop = b.step("Develop change", "Developer", 2 * kDay, 5 * kDay, 85);
        b.at(develop).people = {kai};
        b.at(develop).systems = {git};
        b.at(develop).headcount = 2;
        const Id data = b.step("Prepare test data", "Tester", 4 * kHour, 1 * kDay, 95);
        b.at(data).people = {ida};
        const Id test = b.step("Test", "Tester", 1 * kDay, 2 * kDay, 85);
        b.at(test).people = {ida};
        b.at(test).artifacts = {"Test report"};
        const Id deploy = b.step("Deploy", "Operations", 1 * kHour, 1 * kDay, 98);
        b.at(deploy).systems = {git};
        const Id customer = b.party("Business user", model::PartyKind::Customer);
        const Id planning = b.infoBox("Release planning", "Weekly release train");
        b.note("Figures from the March workshop; lead times are working days.");

        b.flow(user, log, model::FlowKind::ManualInformation, "email");
        b.flow(log, triageQueue);
        b.flow(triageQueue, triage, model::FlowKind::Pull);
        b.flow(triage, backlog);
        b.flow(backlog, copy);
        const Id toApprove = b.flow(copy, approve, model::FlowKind::Push, "sheet by email");
        b.flow(approve, develop);
        b.flow(approve, data);
        b.flow(develop, test);
        b.flow(data, test);
        b.flow(test, deploy, model::FlowKind::Fifo);
        map.flows.at(b.flow(deploy, customer, model::FlowKind::Shipment)).label = "release";
        b.flow(planning, triage, model::FlowKind::ElectronicInformation);
        b.flow(planning, deploy, model::FlowKind::ElectronicInformation);
        b.redPen({copy}, "Re-typing ticket data into the budget sheet", 18000);
        b.redPen({toApprove, approve}, "Waiting days for a budget sign-off", 9500);
        b.layOut();
    }
    {
        // The future state: made from the current one, so steps match through their origin.
        const model::Map& current = project.maps.front();
        model::Map future = model::deriveMap(model::idsOf(project), current, "Future state",
                                             model::MapState::Future);
        Id copy = model::kNoId;
        Id approve = model::kNoId;
        Id data = model::kNoId;
        Id test = model::kNoId;
        for (auto& [id, step] : future.steps) {
            if (step.name == "Copy into spreadsheet")
                copy = id;
            if (step.name == "Approve budget")
                approve = id;
            if (step.name == "Prepare test data")
                data = id;
            if (step.name == "Test")
                test = id;
        }
        // The copy step goes: its flows are rejoined around it, and its red pen goes too.
        Id before = model::kNoId;
        for (const auto& [id, flow] : future.flows)
            if (flow.to == copy)
                before = flow.from;
        std::erase_if(future.flows,
                      [&](const auto& f) { return f.second.from == copy || f.second.to == copy; });
        std::erase_if(future.redPens, [&](const auto& r) {
            return std::find(r.second.targets.begin(), r.second.targets.end(), copy) !=
                   r.second.targets.end();
        });
        future.steps.erase(copy);
        for (auto& [id, pen] : future.redPens) // targets that went with the copy step
            std::erase_if(pen.targets, [&](Id target) { return !future.contains(target); });
        future.steps.at(approve).leadTime = 1 * kDay;
        future.steps.at(approve).name = "Approve budget in ticket";
        future.steps.at(approve).systems = {tickets};
        future.steps.at(test).processTime = 6 * kHour;
        future.steps.at(test).leadTime = 1 * kDay;
        Builder b(project, future);
        const Id automate = b.step("Automated checks", "Developer", 10 * kMin, 1 * kHour, 95);
        b.at(automate).systems = {git};
        b.flow(before, approve);
        std::erase_if(future.flows,
                      [&](const auto& f) { return f.second.from == data && f.second.to == test; });
        b.flow(data, automate);
        b.flow(automate, test);
        b.layOut();
        project.maps.push_back(std::move(future));
    }
    return project;
}

model::Project longStream(std::size_t steps) {
    model::Project project;
    project.props.name = "Claims handling";
    const Id clerk = person(project, "Maria Castillo-Hernández", "Claims clerk", 50);
    const Id portal = system(project, "Claims portal", model::SystemKind::Application);
    const Id sheet = system(project, "Shared tracking spreadsheet", model::SystemKind::Spreadsheet);
    model::Map& map = newMap(project, "Long stream");
    Builder b(project, map);
    Id previous = b.party("Policy holder", model::PartyKind::Supplier);
    for (std::size_t i = 0; i < steps; ++i) {
        const Id s =
            b.step("Check claim document number " + std::to_string(i + 1) +
                       " against the policy and the previous correspondence",
                   i % 3 == 0 ? "Claims clerk" : "Senior claims assessor",
                   (5 + static_cast<double>(i % 7)) * kMin,
                   (1 + static_cast<double>(i % 4)) * kHour, 90 + static_cast<double>(i % 10));
        b.at(s).people = {clerk};
        b.at(s).systems = {portal, sheet};
        b.flow(previous, s);
        previous = s;
    }
    b.flow(previous, b.party("Policy holder", model::PartyKind::Customer),
           model::FlowKind::Shipment);
    b.layOut();
    return project;
}

model::Project brokenMap() {
    model::Project project;
    project.props.name = "Broken";
    model::Map& map = newMap(project, "Current state");
    Builder b(project, map);
    const Id a = b.step("Receive order", "Sales", 30 * kMin, 10 * kMin); // LT below PT
    const Id c = b.step("Ship order", "Warehouse", 1 * kHour, 2 * kHour);
    b.flow(a, c);
    b.layOut();
    return project;
}

} // namespace gemba::render::test
