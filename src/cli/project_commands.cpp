// Commands that make and convert project files: new, import-csv, import-json, export-json.

#include "command.h"
#include "common.h"
#include "gemba/model/units.h"
#include "gemba/store/csv_map.h"
#include "gemba/store/csv_steps.h"
#include "gemba/store/errors.h"
#include "gemba/store/json_format.h"
#include "gemba/store/project_file.h"

#include <filesystem>
#include <ostream>

namespace gemba::cli {

namespace fs = std::filesystem;

namespace {

bool fileExists(const fs::path& file) {
    std::error_code ec;
    return fs::exists(file, ec);
}

void refuseFolder(const fs::path& file) {
    std::error_code ec;
    if (fs::is_directory(file, ec))
        throw Failure(file.string() + ": is a folder, not a project file");
}

std::string countOf(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string summary(const model::Project& project) {
    std::size_t steps = 0;
    for (const model::Map& map : project.maps)
        steps += map.steps.size();
    return countOf(project.maps.size(), "map", "maps") + ", " + countOf(steps, "step", "steps");
}

} // namespace

int runNew(const Args& args, Context& context) {
    const fs::path file = args.positional[0];
    refuseFolder(file);
    if (fileExists(file) && !args.has("--force"))
        throw Failure(file.string() + ": already exists; use --force to replace it");
    model::Project project;
    project.props.name = args.value("--name").value_or(file.stem().string());
    if (project.props.name.empty())
        throw UsageError("option --name needs a project name");
    model::Map map;
    map.id = project.allocateId();
    map.props.name = "Current state";
    map.props.state = model::MapState::Current;
    project.maps.push_back(std::move(map));
    store::saveProject(project, file);
    context.out << "Created " << file.string() << ": project \"" << project.props.name
                << "\" with an empty map \"Current state\"\n";
    return kExitOk;
}

int runImportCsv(const Args& args, Context& context) {
    const fs::path csv = args.positional[0];
    const auto output = args.value("--output");
    if (!output)
        throw UsageError("option -o FILE is required (the project to create or add to)");
    const fs::path file = *output;
    refuseFolder(file);

    store::CsvImportOptions options;
    if (auto name = args.value("--map"))
        options.mapName = *name;
    if (options.mapName.empty())
        throw UsageError("option --map needs a map name");
    if (auto demand = args.value("--demand-per-day"))
        options.demandPerDay = positiveNumberOption("--demand-per-day", *demand);
    if (auto hours = args.value("--hours-per-day")) {
        options.hoursPerDay = positiveNumberOption("--hours-per-day", *hours);
        if (*options.hoursPerDay > 24)
            throw UsageError("option --hours-per-day needs a number of hours up to 24, not '" +
                             *hours + "'");
    }

    // Read everything first, so that a bad table changes no file.
    const std::string text = readTextFile(csv);
    const bool adding = fileExists(file);
    const bool mapTable = store::isCsvMapTable(text);
    model::Project project;
    if (adding) {
        project = store::openProject(file);
        // A map table names its map itself; its import refuses a name already taken.
        if ((!mapTable || args.value("--map")) && project.findMapByName(options.mapName))
            throw Failure(file.string() + ": already has a map named \"" + options.mapName +
                          "\"; choose another name with --map");
    } else {
        project.props.name = file.stem().string();
    }
    const model::Calendar before = project.props.calendar;
    std::vector<std::string> warnings;
    model::Id id = model::kNoId;
    if (mapTable) {
        // A map table carries its own map name, demand and calendar.
        if (options.demandPerDay || options.hoursPerDay)
            throw UsageError("a map table (with a type column) carries its demand and working "
                             "day; --demand-per-day and --hours-per-day apply to step tables");
        id = store::importCsvMap(project, text, csv.string(), args.value("--map").value_or(""),
                                 &warnings);
    } else {
        id = store::importCsvSteps(project, text, csv.string(), options, &warnings);
    }
    for (const std::string& warning : warnings)
        context.err << "warning: " << warning << "\n";
    store::saveProject(project, file);

    const model::Map& map = *project.findMap(id);
    if (adding && !(project.props.calendar == before))
        context.err << file.string() << ": the project's working day is now "
                    << model::formatNumber(project.props.calendar.hoursPerDay) << " h (it was "
                    << model::formatNumber(before.hoursPerDay)
                    << " h); every map's days now count in it\n";
    context.out << (adding ? "Added" : "Created") << " map \"" << map.props.name << "\" ("
                << countOf(map.steps.size(), "step", "steps") << ") " << (adding ? "to " : "in ")
                << file.string() << "\n";
    return kExitOk;
}

int runImportJson(const Args& args, Context& context) {
    const fs::path json = args.positional[0];
    const auto output = args.value("--output");
    if (!output)
        throw UsageError("option -o FILE is required (the project file to write)");
    const fs::path file = *output;
    refuseFolder(file);
    const model::Project project = store::readJsonFile(json);
    store::saveProject(project, file);
    context.out << "Wrote " << file.string() << ": " << summary(project) << "\n";
    return kExitOk;
}

int runExportJson(const Args& args, Context& context) {
    const fs::path file = args.positional[0];
    const auto output = args.value("--output");
    if (!output)
        throw UsageError("option -o OUT.json is required (or -o - for standard output)");
    const model::Project project = readProject(file);
    if (*output == "-") {
        context.out << store::toJson(project).dump(2) << "\n";
        return kExitOk;
    }
    refuseFolder(*output);
    store::writeJsonFile(project, *output);
    context.out << "Wrote " << *output << ": " << summary(project) << "\n";
    return kExitOk;
}

} // namespace gemba::cli
