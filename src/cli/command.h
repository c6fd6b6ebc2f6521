#pragma once

#include <iosfwd>
#include <map>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

/// The command table of gemba-cli. A command is one entry: its name, its usage and options (for
/// the parser and for `help`), and one handler function. To add a command, write its handler
/// in a new source file, declare it in commands.cpp and add one row to the table there.
namespace gemba::cli {

/// The exit codes every command keeps to.
enum ExitCode : int {
    kExitOk = 0,
    kExitFindings = 1, ///< the input was read, and validation found errors in a map
    kExitUsage = 2,    ///< bad usage, or input that cannot be read or used
};

/// Bad usage: an unknown option, a missing or extra argument, a value that is not a number.
/// gemba-cli prints the message and the command's usage, and exits with kExitUsage.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Input that was read but cannot be used (a map name that does not exist, a file that would
/// be overwritten). The message names the file; gemba-cli exits with kExitUsage.
class Failure : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// An option a command accepts: a flag (`--json`) or an option with a value (`--map NAME`).
struct OptionSpec {
    std::string_view name;      ///< with the dashes: "--map"
    std::string_view shortName; ///< "-o", or empty
    std::string_view valueName; ///< "NAME"; empty for a flag
    std::string_view help;
    bool repeatable = false; ///< may be given more than once (`--what-if A --what-if B`)
    bool takesValue() const { return !valueName.empty(); }
};

/// A command line after parsing against a command's options.
class Args {
public:
    std::vector<std::string> positional;
    std::map<std::string, std::string, std::less<>> values; ///< option name -> value ("" for flags)
    /// Every value of a repeatable option, in the order given.
    std::map<std::string, std::vector<std::string>, std::less<>> lists;

    bool has(std::string_view option) const { return values.find(option) != values.end(); }
    std::optional<std::string> value(std::string_view option) const;
};

/// Where a command writes: its results to `out`, messages to `err`.
struct Context {
    std::ostream& out;
    std::ostream& err;
};

struct Command {
    std::string_view name;
    std::string_view summary; ///< one line, for the list of commands
    std::string_view usage;   ///< the arguments after the command's name
    std::string_view help;    ///< what it does, in a few lines, for `help COMMAND`
    std::vector<OptionSpec> options;
    std::size_t minPositional = 0;
    std::size_t maxPositional = 0;
    int (*run)(const Args& args, Context& context) = nullptr;
};

/// Every command, in the order `--help` lists them.
const std::vector<Command>& commands();
const Command* findCommand(std::string_view name);

/// Reads `arguments` (what follows the command's name) against the command's options. Accepts
/// `--opt value`, `--opt=value`, short names, and `--` before positional arguments that start
/// with a dash. Throws UsageError.
Args parseArgs(const Command& command, std::span<const std::string> arguments);

} // namespace gemba::cli
