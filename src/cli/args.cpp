#include "command.h"

#include <algorithm>

namespace gemba::cli {

std::optional<std::string> Args::value(std::string_view option) const {
    auto it = values.find(option);
    if (it == values.end())
        return std::nullopt;
    return it->second;
}

const Command* findCommand(std::string_view name) {
    for (const Command& command : commands())
        if (command.name == name)
            return &command;
    return nullptr;
}

namespace {

const OptionSpec* findOption(const Command& command, std::string_view name) {
    for (const OptionSpec& option : command.options)
        if (option.name == name || (!option.shortName.empty() && option.shortName == name))
            return &option;
    return nullptr;
}

std::string quoted(std::string_view text) {
    return "'" + std::string(text) + "'";
}

} // namespace

Args parseArgs(const Command& command, std::span<const std::string> arguments) {
    Args args;
    bool optionsEnded = false;
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        const std::string& argument = arguments[i];
        // A lone "-" is a positional argument (standard output or input, where a command
        // accepts it); "--" ends the options.
        if (optionsEnded || argument.size() < 2 || argument[0] != '-') {
            // Every positional argument names a file: an empty one is a slip of the shell.
            if (argument.empty())
                throw UsageError("an argument is empty (a file name was expected)");
            args.positional.push_back(argument);
            continue;
        }
        if (argument == "--") {
            optionsEnded = true;
            continue;
        }
        std::string_view name = argument;
        std::optional<std::string> inlineValue;
        if (const auto equals = argument.find('=');
            argument.starts_with("--") && equals != std::string::npos) {
            name = std::string_view(argument).substr(0, equals);
            inlineValue = argument.substr(equals + 1);
        }
        const OptionSpec* option = findOption(command, name);
        if (!option)
            throw UsageError("unknown option " + quoted(name) + " for '" +
                             std::string(command.name) + "'");
        const std::string key(option->name);
        if (option->repeatable) {
            if (!inlineValue && i + 1 >= arguments.size())
                throw UsageError("option " + key + " needs a value (" +
                                 std::string(option->valueName) + ")");
            std::string value = inlineValue ? *inlineValue : arguments[++i];
            args.values.try_emplace(key, value);
            args.lists[key].push_back(std::move(value));
            continue;
        }
        if (args.has(key))
            throw UsageError("option " + key + " is given twice");
        if (!option->takesValue()) {
            if (inlineValue)
                throw UsageError("option " + key + " takes no value");
            args.values.emplace(key, std::string());
            continue;
        }
        if (inlineValue) {
            args.values.emplace(key, *inlineValue);
            continue;
        }
        if (i + 1 >= arguments.size())
            throw UsageError("option " + key + " needs a value (" + std::string(option->valueName) +
                             ")");
        args.values.emplace(key, arguments[++i]);
    }
    if (args.positional.size() < command.minPositional)
        throw UsageError("'" + std::string(command.name) + "' needs " +
                         (command.minPositional == 1
                              ? std::string("an argument")
                              : std::to_string(command.minPositional) + " arguments"));
    if (args.positional.size() > command.maxPositional)
        throw UsageError("unexpected argument " + quoted(args.positional[command.maxPositional]) +
                         " for '" + std::string(command.name) + "'");
    return args;
}

} // namespace gemba::cli
