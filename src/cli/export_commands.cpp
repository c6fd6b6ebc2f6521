// Commands that draw: export (PDF, SVG, PNG, CSV) and report (the PDF report, with a
// comparison). They start Qt (as simulate --report does), and they need no display.

#include "command.h"
#include "common.h"
#include "gemba/metrics/metrics.h"
#include "gemba/model/text.h"
#include "gemba/model/units.h"
#include "gemba/render/export.h"
#include "gemba/render/report.h"
#include "gemba/render/summary.h"
#include "gemba/store/csv_map.h"
#include "gemba/store/figures_csv.h"
#include "gui.h"

#include <QGuiApplication>
#include <QString>
#include <algorithm>
#include <cctype>
#include <clocale>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <ostream>
#include <stdexcept>

namespace gemba::cli {

namespace fs = std::filesystem;

std::unique_ptr<QGuiApplication> startGui() {
    if (QGuiApplication::instance())
        return nullptr;
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    static int argc = 1;
    static char name[] = "gemba-cli";
    static char* argv[] = {name, nullptr};
    auto app = std::make_unique<QGuiApplication>(argc, argv);
    // QGuiApplication takes the user's locale; gemba-cli writes numbers the same in all.
    std::setlocale(LC_ALL, "C");
    return app;
}

namespace {

QString qs(const std::string& text) {
    return QString::fromStdString(text);
}

std::string lowerExtension(const fs::path& file) {
    return model::toLower(file.extension().string());
}

std::string requiredOutput(const Args& args, const char* example) {
    const auto output = args.value("--output");
    if (!output || output->empty())
        throw UsageError(std::string("option -o ") + example + " is required");
    std::error_code ec;
    if (fs::is_directory(*output, ec))
        throw Failure(*output + ": is a folder, not a file to write");
    return *output;
}

/// The map of a drawing command: --map (or its alias), else the project's only map.
const model::Map& chosenMap(const model::Project& project, const std::string& file,
                            const std::optional<std::string>& name, const char* option) {
    if (name)
        return mapNamed(project, file, *name);
    if (project.maps.size() == 1)
        return project.maps.front();
    throw UsageError(std::string("option ") + option + " MAP is required (" + file + " has " +
                     std::to_string(project.maps.size()) + " maps: " + listMapNames(project) + ")");
}

/// --page (or its long form --page-size): the paper, else `fallback`.
render::PageSize pageOption(const Args& args, render::PageSize fallback) {
    if (args.has("--page") && args.has("--page-size"))
        throw UsageError("give --page or --page-size, not both (they are the same option)");
    const char* option = args.has("--page-size") ? "--page-size" : "--page";
    const auto page = args.value(option);
    if (!page)
        return fallback;
    const auto size = render::pageSizeFromName(qs(*page));
    if (!size)
        throw UsageError(std::string("option ") + option + " takes A4, A3 or Letter, not '" +
                         *page + "'");
    return *size;
}

/// --date: a real calendar day, or empty for today.
std::string dateOption(const Args& args) {
    const auto date = args.value("--date");
    if (!date)
        return {};
    if (!model::isIsoDate(*date))
        throw UsageError("option --date takes a calendar date YYYY-MM-DD, not '" + *date + "'");
    return *date;
}

render::ReportOptions reportOptions(const Args& args, const model::Project& project,
                                    const std::string& file) {
    render::ReportOptions options;
    options.pageSize = pageOption(args, options.pageSize);
    options.landscape = !args.has("--portrait");
    if (auto scale = args.value("--scale"); scale && *scale != "fit") {
        std::string number = *scale;
        if (!number.empty() && number.back() == '%')
            number.pop_back();
        const auto percent = model::parseNumber(number);
        if (!percent || !(*percent >= 1 && *percent <= 1000))
            throw UsageError("option --scale takes 'fit' or a percentage from 1 to 1000, not '" +
                             *scale + "'");
        options.scalePercent = *percent;
    }
    options.wrapLongStream = !args.has("--no-wrap");
    options.steps = !args.has("--no-steps");
    options.redPens = !args.has("--no-red-pen");
    options.findings = !args.has("--no-findings");
    if (auto author = args.value("--author"))
        options.author = *author;
    options.date = dateOption(args);
    if (auto from = args.value("--from"))
        options.compareFrom = mapNamed(project, file, *from).id;
    return options;
}

/// Errors of the maps drawn, on standard error; true when there are any.
bool reportErrors(Context& context, const std::string& file,
                  const std::vector<const model::Map*>& maps, const model::Project& project) {
    bool errors = false;
    for (const model::Map* map : maps)
        for (const metrics::Finding& finding : metrics::validate(project, *map))
            if (finding.severity == metrics::Severity::Error) {
                errors = true;
                context.err << findingLine(file, *map, finding) << "\n";
            }
    if (errors)
        context.err << file << ": the file was written, without the figures of a map with errors\n";
    return errors;
}

int writeReport(Context& context, const std::string& file, const model::Project& project,
                const model::Map& map, const render::ReportOptions& options,
                const std::string& output) {
    if (options.compareFrom == map.id)
        throw UsageError("--from and --to name the same map, \"" + map.props.name + "\"");
    std::unique_ptr<render::Report> report;
    try {
        report = std::make_unique<render::Report>(project, map, options);
    } catch (const std::invalid_argument& e) {
        throw UsageError(e.what());
    }
    render::writePdfReport(qs(output), *report);
    context.out << "Wrote " << output << ": " << report->pageCount()
                << (report->pageCount() == 1 ? " page, " : " pages, ")
                << render::pageSizeName(options.pageSize).toStdString()
                << (options.landscape ? " landscape" : " portrait") << "\n";
    std::vector<const model::Map*> maps{&map};
    if (options.compareFrom != model::kNoId)
        maps.insert(maps.begin(), project.findMap(options.compareFrom));
    return reportErrors(context, file, maps, project) ? kExitFindings : kExitOk;
}

int exportMap(const Args& args, Context& context, const std::string& file,
              const model::Project& project, const model::Map& map, const std::string& output,
              const std::string& extension);

/// Which table a CSV export writes: --table, or --metrics for the figures.
std::string csvTableOption(const Args& args) {
    if (args.has("--metrics") && args.has("--table"))
        throw UsageError("give --metrics or --table, not both (--metrics is --table figures)");
    if (args.has("--metrics"))
        return "figures";
    const std::string table = args.value("--table").value_or("steps");
    for (const char* known : {"steps", "map", "figures", "step-figures"})
        if (table == known)
            return table;
    throw UsageError("option --table needs steps, map, figures or step-figures, not '" + table +
                     "'");
}

} // namespace

int exportDrawioFile(const Args& args, Context& context, const std::string& file,
                     const std::string& output); // drawio_commands.cpp

namespace {

int runExport(const Args& args, Context& context) {
    const std::string file = args.positional[0];
    const std::string output = requiredOutput(args, "OUT.pdf|.svg|.png|.csv|.drawio");
    const std::string extension = lowerExtension(output);
    if (extension != ".pdf" && extension != ".svg" && extension != ".png" && extension != ".csv" &&
        extension != ".drawio")
        throw UsageError("cannot tell the format of '" + output +
                         "': end it in .pdf, .svg, .png, .csv or .drawio");
    // Options that only one format reads are refused elsewhere, so that nothing is ignored.
    const auto only = [&](const char* option, const char* format) {
        if (args.has(option) && extension != format)
            throw UsageError(std::string("option ") + option + " applies to " + (format + 1) +
                             " files only");
    };
    for (const char* option : {"--dpi", "--width", "--transparent"})
        only(option, ".png");
    for (const char* option : {"--metrics", "--table", "--bom"})
        only(option, ".csv");
    for (const char* option : {"--page", "--portrait", "--scale", "--no-wrap", "--no-steps",
                               "--no-red-pen", "--no-findings", "--author", "--date", "--from"})
        only(option, ".pdf");
    if (args.has("--dpi") && args.has("--width"))
        throw UsageError("give --dpi or --width, not both");
    if (extension == ".csv")
        csvTableOption(args);   // a bad --table is bad usage, before any file is read
    if (extension == ".drawio") // no drawing: no Qt
        return exportDrawioFile(args, context, file, output);

    const model::Project project = readProject(file);
    const model::Map& map = chosenMap(project, file, args.value("--map"), "--map");
    const auto gui = startGui();
    try {
        return exportMap(args, context, file, project, map, output, extension);
    } catch (const render::ExportError& e) {
        throw Failure(e.what());
    }
}

int exportMap(const Args& args, Context& context, const std::string& file,
              const model::Project& project, const model::Map& map, const std::string& output,
              const std::string& extension) {
    if (extension == ".pdf")
        return writeReport(context, file, project, map, reportOptions(args, project, file), output);
    if (extension == ".csv") {
        const std::string table = csvTableOption(args);
        std::string text = args.has("--bom") ? std::string(store::kUtf8Bom) : std::string();
        std::string what;
        if (table == "map") {
            text += store::exportCsvMap(project, map);
            what = "every element of ";
        } else if (table == "figures") {
            text += render::metricsCsv(project, map, metrics::computeMetrics(project, map));
            what = "the figures of ";
        } else if (table == "step-figures") {
            text += store::stepFiguresCsv(project, map, metrics::computeMetrics(project, map));
            what = "the figures of each step of ";
        } else {
            text += render::stepsCsv(project, map);
            what = std::to_string(map.steps.size()) + " steps of ";
        }
        render::writeTextFile(qs(output), text);
        context.out << "Wrote " << output << ": " << what << "\"" << map.props.name << "\"\n";
    } else if (extension == ".svg") {
        render::writeSvg(qs(output), project, map);
        context.out << "Wrote " << output << ": \"" << map.props.name << "\" with its timeline\n";
    } else {
        render::ImageOptions options;
        if (auto dpi = args.value("--dpi"))
            options.dpi = positiveNumberOption("--dpi", *dpi);
        if (auto width = args.value("--width")) {
            const double pixels = positiveNumberOption("--width", *width);
            if (pixels != std::floor(pixels) || pixels > render::kMaxImageSide)
                throw UsageError("option --width needs a whole number of pixels up to " +
                                 std::to_string(render::kMaxImageSide) + ", not '" + *width + "'");
            options.width = static_cast<int>(pixels);
        }
        options.transparent = args.has("--transparent");
        render::writePng(qs(output), project, map, options);
        const metrics::MapMetrics figures = metrics::computeMetrics(project, map);
        const QRectF rect = render::mapPictureRect(map, figures);
        const double dpi = render::imageDpi(map, figures, options);
        context.out << "Wrote " << output << ": "
                    << count(options.width ? *options.width : std::ceil(rect.width() * dpi / 96), 0)
                    << " × " << count(std::ceil(rect.height() * dpi / 96), 0) << " pixels at "
                    << count(dpi, 1) << " dpi\n";
    }
    return reportErrors(context, file, {&map}, project) ? kExitFindings : kExitOk;
}

/// The one-page summary: --from the current state, --to the future state (each found when
/// left out, as the summary's options say).
int writeSummary(const Args& args, Context& context, const std::string& file,
                 const model::Project& project, const std::string& output) {
    for (const char* option :
         {"--scale", "--no-wrap", "--no-steps", "--no-red-pen", "--no-findings"})
        if (args.has(option))
            throw UsageError(std::string("option ") + option +
                             " is for the full report, not the one-page --summary");
    render::SummaryOptions options;
    options.pageSize = pageOption(args, render::PageSize::A3);
    options.landscape = !args.has("--portrait");
    if (auto from = args.value("--from"))
        options.current = mapNamed(project, file, *from).id;
    if (auto to = args.has("--to") ? args.value("--to") : args.value("--map"))
        options.future = mapNamed(project, file, *to).id;
    if (options.current != model::kNoId && options.current == options.future)
        throw UsageError("--from and --to name the same map");
    if (auto author = args.value("--author"))
        options.author = *author;
    options.date = dateOption(args);
    const auto gui = startGui();
    std::unique_ptr<render::SummaryReport> summary;
    try {
        summary = std::make_unique<render::SummaryReport>(project, options);
    } catch (const std::invalid_argument& e) {
        throw UsageError(e.what());
    }
    try {
        render::writePdfReport(qs(output), *summary);
    } catch (const render::ExportError& e) {
        throw Failure(e.what());
    }
    const model::Map* current = project.findMap(summary->currentMap());
    const model::Map* future = project.findMap(summary->futureMap());
    context.out << "Wrote " << output << ": one-page summary of \"" << current->props.name << "\""
                << (future ? " → \"" + future->props.name + "\"" : std::string()) << ", "
                << render::pageSizeName(options.pageSize).toStdString()
                << (options.landscape ? " landscape" : " portrait") << "\n";
    std::vector<const model::Map*> maps{current};
    if (future)
        maps.push_back(future);
    return reportErrors(context, file, maps, project) ? kExitFindings : kExitOk;
}

int runReport(const Args& args, Context& context) {
    const std::string file = args.positional[0];
    const std::string output = requiredOutput(args, "REPORT.pdf");
    if (lowerExtension(output) != ".pdf")
        throw UsageError("a report is a PDF: end '" + output + "' in .pdf");
    if (args.has("--map") && args.has("--to"))
        throw UsageError("give --map or --to, not both (they name the same map)");
    const model::Project project = readProject(file);
    if (args.has("--summary"))
        return writeSummary(args, context, file, project, output);
    auto name = args.has("--to") ? args.value("--to") : args.value("--map");
    const auto from = args.value("--from");
    // As in `compare`: of two maps, --from names one and the report is about the other.
    if (!name && from && project.maps.size() == 2)
        name = project.maps[project.maps[0].props.name == *from ? 1 : 0].props.name;
    const model::Map& map = chosenMap(project, file, name, from ? "--to" : "--map");
    const render::ReportOptions options = reportOptions(args, project, file);
    const auto gui = startGui();
    try {
        return writeReport(context, file, project, map, options, output);
    } catch (const render::ExportError& e) {
        throw Failure(e.what());
    }
}

const std::vector<OptionSpec>& reportOptionSpecs() {
    static const std::vector<OptionSpec> specs = {
        {"--page", "", "SIZE", "A4 (default; A3 for --summary), A3 or Letter"},
        {"--page-size", "", "SIZE", "the same as --page"},
        {"--portrait", "", "", "portrait pages (default: landscape)"},
        {"--scale", "", "fit|PERCENT",
         "fit the map to its page (default), or draw it at PERCENT over several pages"},
        {"--no-wrap", "", "",
         "fitted, keep a long stream as drawn (default: wrap it onto rows when its figures "
         "would be too small to read)"},
        {"--no-steps", "", "", "leave out the step table"},
        {"--no-red-pen", "", "", "leave out the red-pen list"},
        {"--no-findings", "", "", "leave out the validation findings"},
        {"--author", "", "NAME", "the author in the title block (default: the process owner)"},
        {"--date", "", "YYYY-MM-DD",
         "the date in the title block (default: today; an impossible date is refused)"},
    };
    return specs;
}

std::vector<OptionSpec> withReportOptions(std::vector<OptionSpec> options) {
    const auto& report = reportOptionSpecs();
    options.insert(options.end(), report.begin(), report.end());
    return options;
}

} // namespace

Command exportCommand() {
    return {
        "export",
        "draw a map as PDF, SVG or PNG, write its steps or figures as CSV, or maps as draw.io",
        "FILE [--map NAME] -o OUT.pdf|OUT.svg|OUT.png|OUT.csv|OUT.drawio [options]",
        "Writes one map in the format OUT's extension names:\n"
        "  .pdf  the report (as `report` writes it; its options apply)\n"
        "  .svg  the map and its timeline, in vector form\n"
        "  .png  the map and its timeline: --dpi N (default 96: 100%) or --width PIXELS,\n"
        "        --transparent for no background\n"
        "  .csv  --table steps (default): the step table in flow order, as import-csv reads\n"
        "        it; --table map: every element of the map, a row each with its type, which\n"
        "        import-csv reads back to the same map and figures; --table figures (or\n"
        "        --metrics): a row per figure: key, label, value, unit (seconds, ratio 0-1);\n"
        "        --table step-figures: a row per step with the engine's figures. CRLF line\n"
        "        ends; --bom starts the file with a UTF-8 byte-order mark (for Excel)\n"
        "  .drawio  a draw.io diagram with one page per map (every map without --map):\n"
        "        lean-mapping shapes, data boxes, and the timeline with Gemba's figures\n"
        "--map may be left out when the project has one map. The file is written whole or\n"
        "not at all. Exits with 1 when the map has errors (the file is written, without\n"
        "figures), 2 for bad usage or a file that cannot be read or written.\n"
        "Needs no display: Qt draws offscreen unless QT_QPA_PLATFORM says otherwise.",
        withReportOptions({
            {"--output", "-o", "OUT", "the file to write; its extension sets the format"},
            {"--map", "", "NAME", "the map to draw"},
            {"--dpi", "", "N", "PNG: pixels per inch (96 draws the map at 100%)"},
            {"--width", "", "PIXELS", "PNG: the image's width (sets the resolution)"},
            {"--transparent", "", "", "PNG: no background"},
            {"--metrics", "", "", "CSV: the map's figures instead of its steps"},
            {"--table", "", "KIND", "CSV: steps (default), map, figures or step-figures"},
            {"--bom", "", "", "CSV: begin with a UTF-8 byte-order mark"},
            {"--from", "", "MAP", "PDF: add a comparison with this map (as-is)"},
        }),
        1,
        1,
        runExport,
    };
}

Command reportCommand() {
    return {
        "report",
        "write the PDF report of a map, optionally compared with another",
        "FILE [--to MAP] [--from MAP] -o REPORT.pdf [options]",
        "Writes the report a process owner hands round. Page 1: title block (project, map,\n"
        "state, date, author), the map fitted to the page (wrapped onto rows when its figures\n"
        "would be too small to read, unless --no-wrap; or at --scale over tiles labelled\n"
        "A1, B1..., after an overview page), the timeline, the figures (lead time, process\n"
        "time, waiting, activity ratio, PCE, rolled %C&A, takt, bottleneck, handoffs, friction\n"
        "cost) and a legend of the symbols the map uses; a ladder too long to show its\n"
        "figures there follows in full. Then, each unless left out: the step table, the\n"
        "red-pen list with reasons and costs, the findings (\"No findings\" is a line).\n"
        "With --from the report opens with the comparison: figures before and after, what\n"
        "they rest on (demand, available time, scope, notes, the workshop team), lead time\n"
        "by segment, the lead-time waterfall, the steps added, removed and changed; then\n"
        "both maps' pages and both red-pen lists. The PDF has an outline entry per section.\n"
        "--to (or --map) may be left out when the project has one map, or two and --from\n"
        "names the other.\n"
        "--summary writes the one-page summary instead (A3 landscape unless --page says\n"
        "otherwise): the case for change and goals, the current (--from) and future (--to)\n"
        "maps side by side with their ladders, the key figures before and after, the top red\n"
        "pens with their cost, the selected ideas, the actions with owners and due dates and\n"
        "the next review after --date. Maps left out are found: the future state made from\n"
        "the current one.\n"
        "Exits with 1 when a map has errors (the report is written, without its figures), 2\n"
        "for bad usage.",
        withReportOptions({
            {"--summary", "", "", "the one-page summary of the workshop"},
            {"--output", "-o", "REPORT.pdf", "the PDF to write"},
            {"--to", "", "MAP", "the map the report is about (to-be, when comparing)"},
            {"--map", "", "MAP", "the same as --to"},
            {"--from", "", "MAP", "compare with this map (as-is)"},
        }),
        1,
        1,
        runReport,
    };
}

} // namespace gemba::cli
