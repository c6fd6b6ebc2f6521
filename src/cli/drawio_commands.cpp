// draw.io interchange on the command line: import-drawio, and the .drawio branch of export.

#include "command.h"
#include "common.h"
#include "gemba/model/units.h"
#include "gemba/store/drawio.h"
#include "gemba/store/project_file.h"

#include <filesystem>
#include <ostream>

namespace gemba::cli {

namespace fs = std::filesystem;

namespace {

int runImportDrawio(const Args& args, Context& context) {
    const fs::path input = args.positional[0];
    const auto output = args.value("--output");
    if (!output || output->empty())
        throw UsageError("option -o FILE is required (the project to create or add to)");
    const fs::path file = *output;
    std::error_code ec;
    if (fs::is_directory(file, ec))
        throw Failure(file.string() + ": is a folder, not a project file");

    store::DrawioImportOptions options;
    if (auto page = args.value("--page"))
        options.page = *page;
    if (auto demand = args.value("--demand-per-day"))
        options.demandPerDay = positiveNumberOption("--demand-per-day", *demand);

    // Read everything first, so that a file that cannot be read changes nothing.
    const bool adding = fs::exists(file, ec);
    model::Project project;
    if (adding)
        project = store::openProject(file);
    else
        project.props.name = file.stem().string();
    store::DrawioImportReport report;
    const auto maps = store::importDrawioFile(project, input, options, report);
    store::saveProject(project, file);

    if (args.has("--json")) {
        context.out << report.json() << "\n";
    } else {
        context.err << report.text();
        for (model::Id id : maps) {
            const model::Map& map = *project.findMap(id);
            context.out << (adding ? "Added" : "Created") << " map \"" << map.props.name << "\" ("
                        << map.steps.size() << (map.steps.size() == 1 ? " step" : " steps") << ") "
                        << (adding ? "to " : "in ") << file.string() << "\n";
        }
    }
    using Kind = store::DrawioReportItem::Kind;
    return report.count(Kind::Refused) + report.count(Kind::NotJoined) > 0 ? kExitFindings
                                                                           : kExitOk;
}

} // namespace

int exportDrawioFile(const Args& args, Context& context, const std::string& file,
                     const std::string& output) {
    const model::Project project = readProject(file);
    std::vector<const model::Map*> maps;
    if (auto name = args.value("--map"))
        maps.push_back(&mapNamed(project, file, *name));
    else
        for (const model::Map& map : project.maps)
            maps.push_back(&map);
    store::writeDrawioFile(project, maps, output);
    context.out << "Wrote " << output << ": " << maps.size()
                << (maps.size() == 1 ? " page" : " pages") << " (";
    for (std::size_t i = 0; i < maps.size(); ++i)
        context.out << (i ? ", " : "") << "\"" << maps[i]->props.name << "\"";
    context.out << ")\n";
    return kExitOk;
}

Command importDrawioCommand() {
    return {
        "import-drawio",
        "add the maps of a draw.io diagram (lean-mapping shapes)",
        "FILE.drawio -o PROJECT [--page NAME] [--demand-per-day N] [--json]",
        "Reads a draw.io diagram (.drawio, .xml or .drawio.svg; pages compressed or not) drawn\n"
        "with the Lean Mapping shapes, and adds one map per page to PROJECT (created when it\n"
        "does not exist). Data boxes give the figures of their process (rules in\n"
        "docs/file-format.md). The import report goes to standard error (with --json, to\n"
        "standard output as JSON): counts per page, shapes without a Gemba counterpart, loose\n"
        "edge ends joined or left out, values refused (an ambiguous 'm', a number without a\n"
        "unit), and every place where the diagram's timeline or totals disagree with Gemba.\n"
        "Exits with 1 when values were refused or edges left out (the project is written),\n"
        "2 when the file cannot be read (nothing is written).",
        {{"--output", "-o", "PROJECT", "the project to add to or create"},
         {"--page", "", "NAME", "only the page with this name (default: every page)"},
         {"--demand-per-day", "", "N", "customer demand, items per working day"},
         {"--json", "", "", "the import report as JSON on standard output"}},
        1,
        1,
        runImportDrawio,
    };
}

} // namespace gemba::cli
