// Commands that measure maps from event logs: import-events, refresh, flow.

#include "command.h"
#include "common.h"
#include "gemba/metrics/flow.h"
#include "gemba/model/text.h"
#include "gemba/model/units.h"
#include "gemba/store/errors.h"
#include "gemba/store/event_mapping.h"
#include "gemba/store/events.h"
#include "gemba/store/project_file.h"
#include "text_table.h"

#include <filesystem>
#include <nlohmann/json.hpp>
#include <ostream>

namespace gemba::cli {

namespace fs = std::filesystem;

namespace {

/// Everything the three commands read the same way: the log, its mapping and the calendar.
struct Measured {
    model::EventLog log;
    model::EventMapping mapping;
    model::WorkingHours hours = model::WorkingHours::office();
    metrics::FlowOptions options;
};

model::DayNumber dateOption(const std::string& option, const std::string& text) {
    const auto day = model::parseIsoDate(text);
    if (!day)
        throw UsageError("option " + option + " needs a date like 2026-03-04, not '" + text + "'");
    return *day;
}

/// Reads the log with the options given; the mapping and calendar not given come from the
/// project's (`saved`), else the mapping is guessed and the calendar is office hours.
Measured readMeasured(const fs::path& logFile, const Args& args,
                      const model::ProjectProps* saved = nullptr) {
    Measured m;
    if (saved)
        m.hours = saved->workingHours;
    store::EventReadOptions read;
    if (auto columns = args.value("--columns")) {
        const auto parsed = store::parseEventColumns(*columns);
        if (!parsed.ok())
            throw UsageError("option --columns: " + parsed.error());
        read.columns = parsed.value();
    }
    if (auto order = args.value("--date-order")) {
        const std::string o = model::toLower(*order);
        if (o == "dmy")
            read.dateOrder = store::DateOrder::DayFirst;
        else if (o == "mdy")
            read.dateOrder = store::DateOrder::MonthFirst;
        else
            throw UsageError("option --date-order needs dmy or mdy, not '" + *order + "'");
    }
    std::optional<store::EventSettings> settings;
    if (auto mapping = args.value("--mapping"))
        settings = store::readEventSettingsJson(readTextFile(*mapping), *mapping);
    if (settings && settings->hours)
        m.hours = *settings->hours;
    if (auto calendar = args.value("--calendar")) {
        std::error_code ec;
        const std::string spec = fs::is_regular_file(*calendar, ec)
                                     ? std::string(model::trim(readTextFile(*calendar)))
                                     : *calendar;
        const auto hours = model::parseWorkingHours(spec);
        if (!hours.ok())
            throw UsageError("option --calendar: " + hours.error());
        m.hours = hours.value();
    }
    read.defaultUtcOffsetMinutes = m.hours.utcOffsetMinutes;
    store::EventFormat format = store::eventFormatOfFile(logFile);
    if (auto name = args.value("--format")) {
        const auto f = store::eventFormatFromName(*name);
        if (!f)
            throw UsageError("option --format needs csv, status or xes, not '" + *name + "'");
        format = *f;
    }
    std::error_code ec;
    if (!fs::exists(logFile, ec))
        throw store::InputError(logFile.string(), "", "no such file");
    m.log = store::readEventLogFile(logFile, format, read);
    // Without a mapping every name is guessed; with one, names it lacks stay unmapped.
    if (settings)
        m.mapping = settings->mapping;
    else if (saved && !saved->eventMapping.states.empty())
        m.mapping = saved->eventMapping;
    else
        m.mapping = metrics::completeMapping(m.log);
    if (auto share = args.value("--min-route-share")) {
        const auto value = model::parseNumber(*share);
        if (!value || *value < 0 || *value >= 1)
            throw UsageError("option --min-route-share needs a share from 0 to below 1, not '" +
                             *share + "'");
        m.options.minRouteShare = *value;
    }
    if (auto from = args.value("--from"))
        m.options.from = metrics::dayStart(dateOption("--from", *from), m.hours);
    if (auto to = args.value("--to")) // the whole day of --to is included
        m.options.to = metrics::dayStart(dateOption("--to", *to) + 1, m.hours);
    if (auto type = args.value("--type"))
        m.options.itemType = *type;
    return m;
}

std::string hoursText(double seconds) {
    return count(seconds / 3600.0) + " h";
}

nlohmann::json distributionJson(const metrics::Distribution& d) {
    return {{"count", d.count}, {"min", d.min}, {"p50", d.p50},  {"p85", d.p85},
            {"p95", d.p95},     {"max", d.max}, {"mean", d.mean}};
}

nlohmann::json reportJson(const metrics::FlowReport& r, const model::WorkingHours& hours) {
    nlohmann::json steps = nlohmann::json::array();
    for (const auto& s : r.steps)
        steps.push_back({{"name", s.name},
                         {"role", s.role},
                         {"visits", s.visits},
                         {"items", s.items},
                         {"process_time_seconds", distributionJson(s.processTime)},
                         {"lead_time_seconds", distributionJson(s.leadTime)},
                         {"wait_before_seconds", distributionJson(s.waitBefore)},
                         {"return_share", s.returnShare},
                         {"pca_estimate", s.pcaEstimate},
                         {"pca_basis", std::to_string(s.returns) + " of " +
                                           std::to_string(s.departures) + " departures went back"},
                         {"folded", s.folded}});
    auto node = [&](int n) -> nlohmann::json {
        if (n == metrics::kArrival)
            return "(arrival)";
        if (n == metrics::kFinish)
            return "(finish)";
        return r.steps[static_cast<std::size_t>(n)].name;
    };
    nlohmann::json routes = nlohmann::json::array();
    for (const auto& route : r.routes)
        routes.push_back({{"from", node(route.from)},
                          {"to", node(route.to)},
                          {"transitions", route.transitions},
                          {"items", route.items},
                          {"share", route.share ? nlohmann::json(*route.share) : nlohmann::json()},
                          {"parallel", route.parallel},
                          {"rework", route.rework},
                          {"folded", route.folded},
                          {"wait_seconds", distributionJson(route.wait)}});
    nlohmann::json unmapped = nlohmann::json::array();
    for (const auto& [name, count] : r.unmapped)
        unmapped.push_back({{"name", name}, {"events", count}});
    return {{"provenance",
             {{"basis", "measured"},
              {"source", r.provenance()},
              {"file", r.file},
              {"items", r.itemsUsed},
              {"from", model::isoTimestamp(r.firstInstant)},
              {"to", model::isoTimestamp(r.lastInstant)}}},
            {"calendar", model::formatWorkingHours(hours)},
            {"events", r.events},
            {"items_in_log", r.itemsInLog},
            {"items", r.itemsUsed},
            {"items_finished", r.itemsFinished},
            {"items_in_progress", r.itemsInProgress},
            {"items_on_folded_routes", r.foldedItems},
            {"duplicates_dropped", r.duplicatesDropped},
            {"lead_time_seconds", distributionJson(r.itemLeadTime)},
            {"active_time_seconds", distributionJson(r.itemActiveTime)},
            {"flow_efficiency", r.flowEfficiency},
            {"throughput_per_working_day", r.throughputPerDay},
            {"working_days", r.workingDays},
            {"average_wip", r.averageWip},
            {"steps", steps},
            {"routes", routes},
            {"unmapped", unmapped},
            {"notes", r.notes}};
}

std::string reportText(const metrics::FlowReport& r) {
    std::string out = "Measured from " + r.provenance() + "\n";
    out += count(static_cast<double>(r.itemsFinished)) + " finished, " +
           count(static_cast<double>(r.itemsInProgress)) + " in progress; lead time P50 " +
           hoursText(r.itemLeadTime.p50) + ", P85 " + hoursText(r.itemLeadTime.p85) +
           " (working time); flow efficiency " + model::formatPercent(r.flowEfficiency) +
           "; throughput " + count(r.throughputPerDay) + " items per working day\n";
    using A = TextTable::Align;
    TextTable table(
        {A::Left, A::Right, A::Right, A::Right, A::Right, A::Right, A::Right, A::Right, A::Left});
    table.addRow(
        {"step", "visits", "PT P50", "PT P85", "LT P50", "LT P85", "wait P50", "%C&A est.", ""});
    for (const auto& s : r.steps)
        table.addRow({s.name, count(static_cast<double>(s.visits)), hoursText(s.processTime.p50),
                      hoursText(s.processTime.p85), hoursText(s.leadTime.p50),
                      hoursText(s.leadTime.p85), hoursText(s.waitBefore.p50),
                      model::formatNumber(s.pcaEstimate, 1) + "%", s.folded ? "folded" : ""});
    out += table.render();
    for (const auto& [name, events] : r.unmapped)
        out += "unmapped: \"" + name + "\" (" + count(static_cast<double>(events)) +
               " events), counted as waiting\n";
    for (const auto& note : r.notes)
        out += "note: " + note + "\n";
    return out;
}

} // namespace

int runImportEvents(const Args& args, Context& context) {
    const fs::path logFile = args.positional[0];
    const auto output = args.value("--output");
    if (!output)
        throw UsageError("option -o PROJECT is required (the project to create or add to)");
    const fs::path file = *output;
    std::error_code ec;
    if (fs::is_directory(file, ec))
        throw Failure(file.string() + ": is a folder, not a project file");
    const std::string mapName = args.value("--map").value_or("Measured state");
    if (mapName.empty())
        throw UsageError("option --map needs a map name");
    const bool adding = fs::exists(file, ec);
    model::Project project;
    if (adding)
        project = store::openProject(file);
    const Measured m = readMeasured(logFile, args, adding ? &project.props : nullptr);
    if (adding) {
        if (project.findMapByName(mapName))
            throw Failure(file.string() + ": already has a map named \"" + mapName +
                          "\"; choose another name with --map, or use refresh");
    } else {
        project.props.name = file.stem().string();
    }
    const metrics::FlowReport report = metrics::deriveFlow(m.log, m.mapping, m.hours, m.options);
    if (report.itemsUsed == 0)
        throw Failure(logFile.string() + ": no item to measure (" +
                      std::to_string(m.log.items.size()) + " in the log, none passes the filters)");
    project.maps.push_back(metrics::measuredMap(report, mapName, project.nextId));
    // The project keeps the mapping and the working hours, for refresh and flow.
    project.props.eventMapping = m.mapping;
    project.props.workingHours = m.hours;
    store::saveProject(project, file);
    if (args.has("--json"))
        context.out << reportJson(report, m.hours).dump(2) << "\n";
    else
        context.out << reportText(report) << (adding ? "Added" : "Created") << " map \"" << mapName
                    << "\" (" << project.maps.back().steps.size() << " steps) "
                    << (adding ? "to " : "in ") << file.string() << "\n";
    return kExitOk;
}

int runRefresh(const Args& args, Context& context) {
    const fs::path file = args.positional[0];
    const fs::path logFile = args.positional[1];
    const auto mapName = args.value("--map");
    if (!mapName)
        throw UsageError("option --map NAME is required (the map to refresh)");
    model::Project project = store::openProject(file);
    const model::Map& existing = mapNamed(project, file.string(), *mapName);
    const Measured m = readMeasured(logFile, args, &project.props);
    const metrics::FlowReport report = metrics::deriveFlow(m.log, m.mapping, m.hours, m.options);
    if (report.itemsUsed == 0)
        throw Failure(logFile.string() + ": no item to measure");
    std::vector<std::string> lines;
    std::string what;
    if (auto beside = args.value("--as-new")) {
        if (project.findMapByName(*beside))
            throw Failure(file.string() + ": already has a map named \"" + *beside + "\"");
        // A copy of the map with new ids that remember where they came from, measured.
        model::Map copy = existing;
        copy.id = project.allocateId();
        copy.props.name = *beside;
        copy.props.state = model::MapState::Current;
        copy.props.madeFrom = existing.id;
        std::map<model::Id, model::Id> newId;
        auto renumber = [&](auto& collection) {
            std::remove_reference_t<decltype(collection)> out;
            for (auto [id, element] : collection) {
                element.origin = id;
                element.id = newId[id] = project.allocateId();
                out[element.id] = element;
            }
            collection = std::move(out);
        };
        renumber(copy.steps);
        renumber(copy.waits);
        renumber(copy.parties);
        renumber(copy.infoBoxes);
        renumber(copy.notes);
        renumber(copy.redPens);
        renumber(copy.flows);
        for (auto& [id, flow] : copy.flows) {
            flow.from = newId[flow.from];
            flow.to = newId[flow.to];
        }
        for (auto& [id, pen] : copy.redPens)
            for (auto& target : pen.targets)
                target = newId.count(target) ? newId[target] : target;
        lines = metrics::refreshMap(copy, report);
        project.maps.push_back(std::move(copy));
        what = "Added measured map \"" + *beside + "\" beside \"" + *mapName + "\"";
    } else {
        model::Map* map = project.findMap(existing.id);
        lines = metrics::refreshMap(*map, report);
        what = "Refreshed map \"" + *mapName + "\"";
    }
    store::saveProject(project, file);
    if (args.has("--json")) {
        nlohmann::json json = reportJson(report, m.hours);
        json["refresh"] = lines;
        context.out << json.dump(2) << "\n";
        return kExitOk;
    }
    context.out << reportText(report);
    for (const auto& line : lines)
        context.out << line << "\n";
    context.out << what << " in " << file.string() << "\n";
    return kExitOk;
}

int runFlow(const Args& args, Context& context) {
    // flow LOG, or flow PROJECT LOG with the project's mapping and working hours.
    const fs::path logFile = args.positional.back();
    std::optional<model::Project> project;
    if (args.positional.size() == 2)
        project = readProject(args.positional[0]);
    const Measured m = readMeasured(logFile, args, project ? &project->props : nullptr);
    metrics::FlowPeriod period = metrics::FlowPeriod::Week;
    if (auto p = args.value("--period")) {
        if (*p == "month")
            period = metrics::FlowPeriod::Month;
        else if (*p != "week")
            throw UsageError("option --period needs week or month, not '" + *p + "'");
    }
    const auto periods = metrics::flowOverTime(m.log, m.mapping, m.hours, period, m.options);
    if (args.has("--json")) {
        nlohmann::json array = nlohmann::json::array();
        for (const auto& p : periods)
            array.push_back({{"period", p.label},
                             {"throughput", p.throughput},
                             {"lead_time_p50_seconds", p.leadTime.p50},
                             {"lead_time_p85_seconds", p.leadTime.p85},
                             {"wip_at_end", p.wipAtEnd},
                             {"flow_efficiency", p.flowEfficiency}});
        context.out << nlohmann::json{{"file", m.log.file},
                                      {"calendar", model::formatWorkingHours(m.hours)},
                                      {"periods", array}}
                           .dump(2)
                    << "\n";
    } else if (args.has("--csv")) {
        context.out << "period,throughput,lead_time_p50_hours,lead_time_p85_hours,wip_at_end,"
                       "flow_efficiency\n";
        for (const auto& p : periods)
            context.out << p.label << "," << p.throughput << ","
                        << model::formatNumber(p.leadTime.p50 / 3600.0, 4) << ","
                        << model::formatNumber(p.leadTime.p85 / 3600.0, 4) << "," << p.wipAtEnd
                        << "," << model::formatNumber(p.flowEfficiency, 4) << "\n";
    } else {
        using A = TextTable::Align;
        TextTable table({A::Left, A::Right, A::Right, A::Right, A::Right, A::Right});
        table.addRow({"period", "throughput", "LT P50", "LT P85", "WIP", "flow eff."});
        for (const auto& p : periods)
            table.addRow({p.label, count(static_cast<double>(p.throughput)),
                          hoursText(p.leadTime.p50), hoursText(p.leadTime.p85),
                          count(static_cast<double>(p.wipAtEnd)),
                          model::formatPercent(p.flowEfficiency)});
        context.out << table.render();
    }
    return kExitOk;
}

namespace {

const std::vector<OptionSpec> kReadOptions = {
    {"--format", "", "csv|status|xes", "the log's format (default: xes for .xes, else csv)"},
    {"--mapping", "", "MAPPING.json", "what each activity or status is (step, wait, done, ignore)"},
    {"--calendar", "", "HOURS", "working hours, like \"Mon-Fri 09:00-17:00; holidays 2026-12-25\""},
    {"--columns", "", "ROLE=HEADER,...", "the log's column names: item=Key,activity=Status..."},
    {"--date-order", "", "dmy|mdy", "the order of dates written 04/03/2026"},
    {"--from", "", "DATE", "only items arriving on or after this date"},
    {"--to", "", "DATE", "only items arriving on or before this date"},
    {"--type", "", "TYPE", "only items of this type"},
    {"--min-route-share", "", "SHARE", "fold routes taken by fewer items (default 0.02)"},
};

std::vector<OptionSpec> withRead(std::vector<OptionSpec> extra) {
    std::vector<OptionSpec> all = kReadOptions;
    all.insert(all.end(), extra.begin(), extra.end());
    return all;
}

} // namespace

Command importEventsCommand() {
    return {"import-events",
            "add a map measured from an event log",
            "LOG -o PROJECT [--format csv|status|xes] [--mapping M.json] [--calendar HOURS] "
            "[--map NAME] [--json]",
            "Reads an event log (event CSV, status-history CSV or XES), derives each step's\n"
            "process time, lead time and waiting in working time, the routes with their shares,\n"
            "parallel work and rework loops, and adds the measured map to PROJECT (created when\n"
            "missing). Prints the distributions (P50, P85) and what was folded or unmapped.\n"
            "A bad row is reported with its row and column, and no file is changed. The project\n"
            "keeps the mapping and working hours used.",
            withRead({{"--output", "-o", "PROJECT", "the project to add to or create"},
                      {"--map", "", "NAME", "the new map's name (default: \"Measured state\")"},
                      {"--json", "", "", "the report as JSON"}}),
            1,
            1,
            runImportEvents};
}

Command refreshCommand() {
    return {"refresh",
            "update a map's figures from a newer event log",
            "PROJECT LOG --map NAME [--as-new NAME] [options of import-events]",
            "Updates process time, lead time, %C&A, flow shares and waits of the steps of the\n"
            "map whose names match measured steps, and the demand; keeps the layout, red pens\n"
            "and everything else. With --as-new, adds a measured copy beside the map instead\n"
            "(its steps remember the map's, for compare). The project's mapping and working\n"
            "hours are used unless --mapping or --calendar is given.",
            withRead({{"--map", "", "NAME", "the map to refresh"},
                      {"--as-new", "", "NAME", "add a measured copy with this name instead"},
                      {"--json", "", "", "the report as JSON"}}),
            2,
            2,
            runRefresh};
}

Command flowCommand() {
    return {"flow",
            "flow over time from an event log: throughput, lead time, WIP",
            "[PROJECT] LOG [--period week|month] [--json|--csv] [options of import-events]",
            "Per week (from Monday) or month: items finished, their lead time P50 and P85 in\n"
            "working time, work in process at the period's end, and flow efficiency (active\n"
            "time / lead time). With PROJECT, its mapping and working hours are used.",
            withRead({{"--period", "", "week|month", "the length of a period (default week)"},
                      {"--json", "", "", "JSON"},
                      {"--csv", "", "", "CSV"}}),
            1,
            2,
            runFlow};
}

} // namespace gemba::cli
