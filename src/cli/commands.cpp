#include "command.h"

namespace gemba::cli {

// Handlers, one per command, each in the source file of its group.
int runNew(const Args& args, Context& context);
int runImportCsv(const Args& args, Context& context);
int runImportJson(const Args& args, Context& context);
int runExportJson(const Args& args, Context& context);
int runMetrics(const Args& args, Context& context);
int runCompare(const Args& args, Context& context);
int runValidate(const Args& args, Context& context);
Command exportCommand();       // export_commands.cpp
Command reportCommand();       // export_commands.cpp
Command importDrawioCommand(); // drawio_commands.cpp
Command simulateCommand();     // simulate_commands.cpp
Command importEventsCommand(); // event_commands.cpp
Command refreshCommand();      // event_commands.cpp
Command flowCommand();         // event_commands.cpp
Command portfolioCommand();    // portfolio_commands.cpp
Command catalogueCommand();    // catalogue_commands.cpp
Command repoCommand();         // repo_commands.cpp
/// `rows` followed by the workshop's commands (ideas, actions, reviews, summary, export-plan).
std::vector<Command> withWorkshopCommands(std::vector<Command> rows); // workshop_commands.cpp

namespace {

const OptionSpec kOutput{"--output", "-o", "FILE", "the file to write"};
const OptionSpec kMap{"--map", "", "NAME", "only the map with this name (default: every map)"};
const OptionSpec kJson{"--json", "", "", "JSON instead of a readable report"};

} // namespace

const std::vector<Command>& commands() {
    static const std::vector<Command> table = {
        {"new",
         "create a project with one empty map",
         "FILE [--name NAME] [--force]",
         "Creates a project file holding one empty current-state map called \"Current "
         "state\".\nRefuses to replace an existing file unless --force is given.",
         {{"--name", "", "NAME", "the project's name (default: the file name without .gemba)"},
          {"--force", "", "", "replace FILE if it exists"}},
         1,
         1,
         runNew},
        {"import-csv",
         "add a map made from a CSV step table",
         "TABLE.csv -o FILE [--map NAME] [--demand-per-day N] [--hours-per-day H]",
         "Reads a step table (one row per step, in flow order; columns in docs/file-format.md)\n"
         "or a map table (a row per element with a `type` column, as `export --table map`\n"
         "writes it) into a new map, and adds it to FILE when FILE exists, else creates the\n"
         "project. A bad cell is reported with its row and column, and no file is changed;\n"
         "what was read but may not be meant (%C&A written as fractions, an inventory without\n"
         "demand) is warned about on standard error.",
         {{"--output", "-o", "FILE", "the project to add to or create"},
          {"--map", "", "NAME", "the new map's name (default: \"Current state\")"},
          {"--demand-per-day", "", "N", "customer demand, items per working day"},
          {"--hours-per-day", "", "H",
           "hours per working day: sets the project's calendar (1.5 d = 1.5 x H hours)"}},
         1,
         1,
         runImportCsv},
        {"import-json",
         "write a project file from a Gemba JSON file",
         "IN.json -o FILE",
         "Reads a project in Gemba's JSON format (durations may be written \"30 min\") and\n"
         "writes it as a .gemba project file, replacing FILE. Errors name the JSON path.",
         {kOutput},
         1,
         1,
         runImportJson},
        {"export-json",
         "write a project as JSON",
         "FILE -o OUT.json",
         "Writes the whole project in Gemba's JSON format, durations in seconds.\n"
         "-o - writes to standard output.",
         {{"--output", "-o", "OUT.json", "the JSON file to write, or - for standard output"}},
         1,
         1,
         runExportJson},
        {"metrics",
         "show the figures of each map",
         "FILE [--map NAME] [--json]",
         "Shows lead time, process time, activity ratio, process cycle efficiency, rolled\n"
         "%C&A, takt, bottleneck, handoffs, the timeline and the findings of every map, in\n"
         "the units of the project's working calendar.\n"
         "With --json: a JSON array with one object per map, in tab order; with --map as\n"
         "well, that map's object alone. Keys are those of `compare --json` (lead_time_seconds,\n"
         "lead_time_days, process_time_seconds, activity_ratio, rolled_pca, takt_seconds ...);\n"
         "ratios are 0-1, durations seconds, and figures of a map with errors are null.\n"
         "Exits with 1 when a map has errors (they are also written to standard error).",
         {kMap, kJson},
         1,
         1,
         runMetrics},
        {"compare",
         "compare two maps: figures, steps, waterfall",
         "FILE --from MAP --to MAP [--json|--csv [--bom]]",
         "Every figure before and after, its change and percentage; the steps added, removed\n"
         "and changed (field by field), matched through the steps they were made from; and\n"
         "the lead-time waterfall. --from and --to may be left out when the project has\n"
         "exactly two maps. --csv writes the same as a CSV table (a row per figure, per bar\n"
         "of the waterfall with its running lead time, per step added, removed or changed;\n"
         "seconds, ratios 0-1, CRLF line ends). Exits with 1 when either map has errors.",
         {{"--from", "", "MAP", "the map before (as-is)"},
          {"--to", "", "MAP", "the map after (to-be)"},
          kJson,
          {"--csv", "", "", "CSV instead of text"},
          {"--bom", "", "", "CSV: begin with a UTF-8 byte-order mark (for Excel)"}},
         1,
         1,
         runCompare},
        {"validate",
         "list every finding of each map",
         "FILE [--map NAME]",
         "Writes every finding, one per line:\n"
         "  FILE: map \"NAME\": error: MESSAGE\n"
         "then, without --map, the workshop's (ideas, actions, reviews that refer to what\n"
         "no longer exists, dates that are not dates):\n"
         "  FILE: workshop: error: MESSAGE\n"
         "and a count on standard error. Exits with 1 when any finding is an error.",
         {kMap},
         1,
         1,
         runValidate},
        importDrawioCommand(),
        exportCommand(),
        reportCommand(),
        simulateCommand(),
        importEventsCommand(),
        refreshCommand(),
        flowCommand(),
        portfolioCommand(),
        catalogueCommand(),
        repoCommand(),
    };
    static const std::vector<Command> all = withWorkshopCommands(table);
    return all;
}

} // namespace gemba::cli
