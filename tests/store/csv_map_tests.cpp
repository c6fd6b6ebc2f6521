#include "gemba/metrics/metrics.h"
#include "gemba/store/csv_map.h"
#include "gemba/store/errors.h"
#include "gemba/store/project_file.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>

using namespace gemba;
using namespace gemba::model;

namespace {

Project example(const char* name) {
    return store::openProject(std::filesystem::path(GEMBA_SOURCE_DIR) / "examples" /
                              (std::string(name) + ".gemba"));
}

const Step* stepNamed(const Map& map, const std::string& name) {
    for (const auto& [id, step] : map.steps)
        if (step.name == name)
            return &step;
    return nullptr;
}

/// A step with its references made names and its ids cleared, to compare across maps.
struct PlainStep {
    Step step;
    std::vector<std::string> people;
    std::vector<std::string> systems;
    bool operator==(const PlainStep&) const = default;
};

PlainStep plain(const Project& project, Step step) {
    PlainStep out;
    for (Id id : step.people)
        out.people.push_back(project.people.at(id).name);
    for (Id id : step.systems)
        out.systems.push_back(project.systems.at(id).name);
    step.id = kNoId;
    step.origin = kNoId;
    step.people.clear();
    step.systems.clear();
    out.step = step;
    return out;
}

} // namespace

TEST_CASE("map table: every map of every example imports back to the same map and figures",
          "[store][csv]") {
    for (const char* name :
         {"production-line", "office-order-to-cash", "software-delivery", "insurance-claims"}) {
        const Project original = example(name);
        for (const Map& map : original.maps) {
            INFO(name << ": " << map.props.name);
            const std::string table = store::exportCsvMap(original, map);
            CHECK(store::isCsvMapTable(table));
            CHECK(table.find("\r\n") != std::string::npos);
            CHECK(table.find('\n') == table.find("\r\n") + 1); // CRLF line ends only

            Project back = original;
            std::vector<std::string> warnings;
            const Id id = store::importCsvMap(back, table, "map.csv", "Again", &warnings);
            CHECK(warnings.empty());
            const Map& again = *back.findMap(id);
            CHECK(again.props.name == "Again");
            MapProps props = map.props;
            props.name = "Again";
            props.madeFrom = again.props.madeFrom;
            CHECK(again.props == props);
            CHECK(again.steps.size() == map.steps.size());
            CHECK(again.waits.size() == map.waits.size());
            CHECK(again.parties.size() == map.parties.size());
            CHECK(again.flows.size() == map.flows.size());
            CHECK(again.infoBoxes.size() == map.infoBoxes.size());
            CHECK(again.notes.size() == map.notes.size());
            CHECK(again.redPens.size() == map.redPens.size());
            for (const auto& [stepId, step] : map.steps) {
                const Step* copy = stepNamed(again, step.name);
                REQUIRE(copy != nullptr);
                CHECK(plain(back, *copy) == plain(original, step));
                CHECK(copy->pos == step.pos);
            }

            // The figures are the same, to the last bit.
            const metrics::MapMetrics a = metrics::computeMetrics(original, map);
            const metrics::MapMetrics b = metrics::computeMetrics(back, again);
            CHECK(b.valid == a.valid);
            CHECK(b.leadTime == a.leadTime);
            CHECK(b.processTime == a.processTime);
            CHECK(b.cycleTime == a.cycleTime);
            CHECK(b.waitTime == a.waitTime);
            CHECK(b.rolledPca == a.rolledPca);
            CHECK(b.takt == a.takt);
            CHECK(b.wip == a.wip);
            CHECK(b.handoffs == a.handoffs);
            CHECK(b.frictionCostPerWeek == a.frictionCostPerWeek);
            CHECK(b.redPenCostPerYear == a.redPenCostPerYear);
            CHECK(b.totalLabour == a.totalLabour);
            CHECK(again.nameOf(b.bottleneck) == map.nameOf(a.bottleneck));
            REQUIRE(b.timeline.size() == a.timeline.size());
            for (std::size_t i = 0; i < a.timeline.size(); ++i) {
                CHECK(b.timeline[i].name == a.timeline[i].name);
                CHECK(b.timeline[i].visits == a.timeline[i].visits);
                CHECK(b.timeline[i].waitSeconds == a.timeline[i].waitSeconds);
            }
            CHECK(b.findings.size() == a.findings.size());

            // Into a new project: the table brings the calendar, rates and people it needs.
            Project fresh;
            const Id freshId = store::importCsvMap(fresh, table, "map.csv", "");
            const metrics::MapMetrics c = metrics::computeMetrics(fresh, *fresh.findMap(freshId));
            CHECK(fresh.props.calendar == original.props.calendar);
            CHECK(c.leadTime == a.leadTime);
            CHECK(c.takt == a.takt);
            CHECK(c.frictionCostPerWeek == a.frictionCostPerWeek);
            CHECK(c.handoffs == a.handoffs);
        }
    }
}

TEST_CASE("map table: a new project takes the table's calendar; a differing one is warned about",
          "[store][csv]") {
    Project original = example("office-order-to-cash");
    original.props.calendar.hoursPerDay = 7.5;
    const std::string table = store::exportCsvMap(original, original.maps.front());

    Project fresh;
    std::vector<std::string> warnings;
    store::importCsvMap(fresh, table, "map.csv", "", &warnings);
    CHECK(fresh.props.calendar.hoursPerDay == 7.5);
    CHECK(fresh.maps.front().props.name == original.maps.front().props.name);
    CHECK(warnings.empty());

    Project other = example("office-order-to-cash"); // 8 h days
    store::importCsvMap(other, table, "map.csv", "Copy", &warnings);
    CHECK(other.props.calendar.hoursPerDay == 8);
    REQUIRE(warnings.size() == 1);
    CHECK_THAT(warnings[0], Catch::Contains("row 2") && Catch::Contains("7.5 h a day"));
}

TEST_CASE("map table: bad rows are refused with their row and column, the project unchanged",
          "[store][csv]") {
    const std::string header = "type,ref,name,from,to,process time s,kind\r\n";
    auto failure = [&](const std::string& rows) {
        Project project;
        const Project before = project;
        try {
            store::importCsvMap(project, header + rows, "map.csv", "");
        } catch (const store::InputError& error) {
            CHECK(project == before);
            return std::string(error.what());
        }
        FAIL("no error for " << rows);
        return std::string();
    };
    CHECK_THAT(failure("step,step-1,A,,,30\r\nflow,,,step-1,step-9,,push\r\n"),
               Catch::Contains("row 3, column E 'to'") && Catch::Contains("'step-9'"));
    CHECK_THAT(failure("step,s,A,,,-5\r\n"), Catch::Contains("row 2, column F 'process time s'"));
    CHECK_THAT(failure("step,s,A\r\nstep,s,B\r\n"),
               Catch::Contains("row 3, column B 'ref'") && Catch::Contains("twice"));
    CHECK_THAT(failure("lorry,x,A\r\n"),
               Catch::Contains("row 2, column A 'type'") && Catch::Contains("unknown type"));
    CHECK_THAT(failure("step,s,A\r\nflow,,,s,s,,teleport\r\n"),
               Catch::Contains("row 3, column G 'kind'") && Catch::Contains("push"));
}

TEST_CASE("map table: a table written by hand reads readable durations and any column order",
          "[store][csv]") {
    Project project;
    const Id id = store::importCsvMap(project,
                                      "ref;type;name;process time;from;to;kind;quantity\n"
                                      ";map;Desk;;;;;\n"
                                      "s1;supplier;Post;;;;;\n"
                                      "a;step;Open;1 h 30 min;;;;\n"
                                      "i;wait;;;;;inventory;1.250\n"
                                      "b;step;Scan;1,5 min;;;;\n"
                                      ";flow;;;s1;a;push;\n"
                                      ";flow;;;a;i;push;\n"
                                      ";flow;;;i;b;fifo;\n",
                                      "desk.csv", "");
    const Map& map = *project.findMap(id);
    CHECK(map.props.name == "Desk");
    CHECK(stepNamed(map, "Open")->processTime == 5400.0);
    CHECK(stepNamed(map, "Scan")->processTime == 90.0);
    REQUIRE(map.waits.size() == 1);
    CHECK(map.waits.begin()->second.quantity == 1250.0);
    CHECK(map.flows.size() == 3);
    CHECK(map.parties.size() == 1);
}

TEST_CASE("map table without flows: a line in row order, with suppliers, customers and a last "
          "wait",
          "[store][csv]") {
    Project project;
    const Id id = store::importCsvMap(project,
                                      "type,name,process time,wait,kind,quantity\n"
                                      "supplier,Post,,,,\n"
                                      "step,Open,5 min,,,\n"
                                      "wait,,,1 h,,\n"
                                      "step,Scan,2 min,,,\n"
                                      "wait,,,2 d,,\n"
                                      "customer,Client,,,,\n",
                                      "line.csv", "Line");
    const Map& map = *project.findMap(id);
    CHECK(map.parties.size() == 2);
    CHECK(map.waits.size() == 2);
    CHECK(map.flows.size() == 5);
    const metrics::MapMetrics m = metrics::computeMetrics(project, map);
    REQUIRE(m.valid);
    // 5 min + 1 h + 2 min + 2 working days of 8 h = 300 + 3600 + 120 + 57600 s.
    CHECK(m.leadTime == 61620.0);
    CHECK(m.processTime == 420.0);
    // Laid out left to right, 240 units apart.
    CHECK(stepNamed(map, "Scan")->pos == Point{720, 0});
}

TEST_CASE("map table: breakdowns and wait ranges come back, and a half-given pair is refused",
          "[store][csv][breakdown]") {
    Project original = example("office-order-to-cash");
    Map& map = original.maps.front();
    Step& step = map.steps.begin()->second;
    step.breakdown = Breakdown{8 * 3600.0, 1800.5};
    Wait* wait = nullptr;
    for (auto& [id, w] : map.waits)
        if (w.kind == WaitKind::Time && w.time)
            wait = &w;
    REQUIRE(wait != nullptr);
    wait->timeMin = *wait->time / 2;
    wait->timeMax = *wait->time * 3;

    const std::string table = store::exportCsvMap(original, map);
    CHECK_THAT(table, Catch::Contains("mtbf s") && Catch::Contains("wait max s"));
    Project back;
    const Map& again = *back.findMap(store::importCsvMap(back, table, "map.csv", ""));
    const Step* copy = stepNamed(again, step.name);
    REQUIRE(copy != nullptr);
    CHECK(copy->breakdown == step.breakdown);
    std::size_t ranged = 0;
    for (const auto& [id, w] : again.waits)
        if (w.timeMin || w.timeMax) {
            ++ranged;
            CHECK(w.time == wait->time);
            CHECK(w.timeMin == wait->timeMin);
            CHECK(w.timeMax == wait->timeMax);
        }
    CHECK(ranged == 1);

    // A table of hand, or of an older Gemba, without the columns: no breakdowns, no ranges.
    Project old;
    const Map& plainMap = *old.findMap(store::importCsvMap(
        old, "type,ref,name,process time s,wait s\r\nstep,a,A,60,\r\nwait,w,,,120\r\n", "old.csv",
        ""));
    CHECK_FALSE(stepNamed(plainMap, "A")->breakdown);
    CHECK_FALSE(plainMap.waits.begin()->second.timeMin);

    auto failure = [](const std::string& text) {
        Project project;
        try {
            store::importCsvMap(project, text, "map.csv", "");
        } catch (const store::InputError& error) {
            CHECK(project.maps.empty());
            return std::string(error.what());
        }
        FAIL("no error for " << text);
        return std::string();
    };
    CHECK_THAT(failure("type,ref,name,mtbf s,mttr s\r\nstep,a,A,3600,\r\n"),
               Catch::Contains("row 2, column E 'mttr s'") &&
                   Catch::Contains("mean time to repair"));
    CHECK_THAT(failure("type,ref,name,mtbf s,mttr s\r\nstep,a,A,,60\r\n"),
               Catch::Contains("row 2, column D 'mtbf s'"));
    CHECK_THAT(failure("type,ref,name,mtbf s,mttr s\r\nstep,a,A,soon,60\r\n"),
               Catch::Contains("row 2, column D 'mtbf s'") && Catch::Contains("not a number"));
    CHECK_THAT(failure("type,ref,kind,wait s,wait min s\r\nwait,w,time,60,-1\r\n"),
               Catch::Contains("row 2, column E 'wait min s'"));
}
