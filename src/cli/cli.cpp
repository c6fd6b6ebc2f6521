#include "cli.h"

#include "command.h"
#include "gemba/store/errors.h"
#include "gemba/store/json_format.h"
#include "gemba/store/project_file.h"
#include "text_table.h"

#include <exception>
#include <filesystem>
#include <new>
#include <ostream>

#ifndef GEMBA_VERSION
#error "GEMBA_VERSION must be defined by the build (the project version)"
#endif

namespace gemba::cli {

namespace {

constexpr std::string_view kProgram = "gemba-cli";

std::string usageLine(const Command& command) {
    return "usage: " + std::string(kProgram) + " " + std::string(command.name) + " " +
           std::string(command.usage) + "\n";
}

std::string commandHelp(const Command& command) {
    std::string out = usageLine(command) + "\n" + std::string(command.help) + "\n\noptions:\n";
    TextTable options({TextTable::Align::Left, TextTable::Align::Left});
    for (const OptionSpec& option : command.options) {
        std::string names = option.shortName.empty()
                                ? std::string(option.name)
                                : std::string(option.shortName) + ", " + std::string(option.name);
        if (option.takesValue())
            names += " " + std::string(option.valueName);
        options.addRow({names, std::string(option.help)});
    }
    options.addRow({"-h, --help", "show this help"});
    return out + options.render();
}

std::string programHelp() {
    std::string out = "usage: " + std::string(kProgram) +
                      " COMMAND [ARGUMENTS]\n\n"
                      "Works on Gemba value stream projects (.gemba files) without a display.\n\n"
                      "commands:\n";
    TextTable table({TextTable::Align::Left, TextTable::Align::Left});
    for (const Command& command : commands())
        table.addRow({std::string(command.name), std::string(command.summary)});
    table.addRow({"help COMMAND", "show the options of a command (or: COMMAND --help)"});
    out += table.render();
    out += "\noptions:\n"
           "  -h, --help     show this help\n"
           "  --version      show the version\n\n"
           "Commands that read a project take a .gemba file, or a Gemba JSON file (*.json).\n"
           "Exit codes: 0 success; 1 a map has validation errors (metrics, compare, validate);\n"
           "2 bad usage, or a file that cannot be read or used. Messages go to standard error.\n";
    return out;
}

bool asksForHelp(const std::vector<std::string>& arguments) {
    for (std::size_t i = 1; i < arguments.size(); ++i) {
        if (arguments[i] == "--")
            return false;
        if (arguments[i] == "--help" || arguments[i] == "-h")
            return true;
    }
    return false;
}

std::string tryHelp(const std::string& command) {
    return "run '" + std::string(kProgram) + " " +
           (command.empty() ? std::string("--help") : "help " + command) + "' for more\n";
}

int dispatch(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err) {
    if (arguments.empty()) {
        err << programHelp();
        return kExitUsage;
    }
    const std::string& first = arguments[0];
    if (first == "--help" || first == "-h") {
        out << programHelp();
        return kExitOk;
    }
    if (first == "--version") {
        out << kProgram << " " << GEMBA_VERSION << " (project files: schema "
            << store::currentSchemaVersion() << "; JSON format " << store::kJsonFormatVersion
            << ")\n";
        return kExitOk;
    }
    if (first == "help") {
        if (arguments.size() == 1) {
            out << programHelp();
            return kExitOk;
        }
        const Command* command = findCommand(arguments[1]);
        if (!command || arguments.size() > 2) {
            err << kProgram << ": "
                << (command ? "'help' takes one command" : "unknown command '" + arguments[1] + "'")
                << "\n"
                << tryHelp("");
            return kExitUsage;
        }
        out << commandHelp(*command);
        return kExitOk;
    }
    const Command* command = findCommand(first);
    if (!command) {
        err << kProgram << ": unknown " << (first.starts_with("-") ? "option" : "command") << " '"
            << first << "'\n"
            << tryHelp("");
        return kExitUsage;
    }
    if (asksForHelp(arguments)) {
        out << commandHelp(*command);
        return kExitOk;
    }
    Args args;
    try {
        args = parseArgs(*command, std::span(arguments).subspan(1));
    } catch (const UsageError& e) {
        err << kProgram << " " << command->name << ": " << e.what() << "\n"
            << usageLine(*command) << tryHelp(std::string(command->name));
        return kExitUsage;
    }
    Context context{out, err};
    try {
        return command->run(args, context);
    } catch (const UsageError& e) {
        err << kProgram << " " << command->name << ": " << e.what() << "\n"
            << usageLine(*command) << tryHelp(std::string(command->name));
    } catch (const Failure& e) {
        err << e.what() << "\n";
    } catch (const store::InputError& e) {
        err << e.what() << "\n";
    } catch (const std::filesystem::filesystem_error& e) {
        err << kProgram << " " << command->name << ": " << e.what() << "\n";
    }
    return kExitUsage;
}

} // namespace

int run(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err) {
    try {
        return dispatch(arguments, out, err);
    } catch (const std::bad_alloc&) {
        err << kProgram << ": out of memory\n";
    } catch (const std::exception& e) {
        err << kProgram << ": unexpected error: " << e.what() << "\n";
    } catch (...) {
        err << kProgram << ": unexpected error\n";
    }
    return kExitUsage;
}

} // namespace gemba::cli
