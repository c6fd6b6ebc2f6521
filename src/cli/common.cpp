#include "common.h"

#include "command.h"
#include "gemba/model/text.h"
#include "gemba/model/units.h"
#include "gemba/store/errors.h"
#include "gemba/store/json_format.h"
#include "gemba/store/project_file.h"

#include <cctype>
#include <fstream>
#include <sstream>

namespace gemba::cli {

namespace {

bool endsWithJson(const std::filesystem::path& file) {
    return model::toLower(file.extension().string()) == ".json";
}

} // namespace

model::Project readProject(const std::filesystem::path& file) {
    if (endsWithJson(file))
        return store::readJsonFile(file);
    return store::openProject(file);
}

std::string readTextFile(const std::filesystem::path& file) {
    const std::string name = file.string();
    std::error_code ec;
    if (!std::filesystem::exists(file, ec))
        throw store::InputError(name, "", "no such file");
    if (std::filesystem::is_directory(file, ec))
        throw store::InputError(name, "", "is a folder, not a file");
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw store::InputError(name, "", "cannot read the file");
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad())
        throw store::InputError(name, "", "cannot read the file");
    return buffer.str();
}

std::string listMapNames(const model::Project& project) {
    std::string out;
    for (const model::Map& map : project.maps) {
        if (!out.empty())
            out += ", ";
        out += "\"" + map.props.name + "\"";
    }
    return out;
}

const model::Map& mapNamed(const model::Project& project, const std::string& file,
                           const std::string& name) {
    if (const model::Map* map = project.findMapByName(name))
        return *map;
    if (project.maps.empty())
        throw Failure(file + ": no map named \"" + name + "\"; the project has no maps");
    throw Failure(file + ": no map named \"" + name + "\"; the maps are " + listMapNames(project));
}

std::vector<const model::Map*> selectMaps(const model::Project& project, const std::string& file,
                                          const std::optional<std::string>& name) {
    std::vector<const model::Map*> maps;
    if (name) {
        maps.push_back(&mapNamed(project, file, *name));
        return maps;
    }
    for (const model::Map& map : project.maps)
        maps.push_back(&map);
    return maps;
}

double positiveNumberOption(const std::string& option, const std::string& text) {
    const auto number = model::parseNumber(text);
    if (!number || !(*number > 0))
        throw UsageError("option " + option + " needs a number above 0, not '" + text + "'");
    return *number;
}

std::string percentNumber(double value) {
    std::string text = model::formatPercent(value / 100);
    text.pop_back(); // the '%'
    return text;
}

std::string count(double value, int decimals) {
    return model::formatCount(value, decimals);
}

std::string percent(double ratio) {
    return model::formatPercent(ratio);
}

std::string duration(double seconds, const model::Calendar& calendar) {
    return model::formatDuration(seconds, calendar);
}

std::string_view severityName(metrics::Severity severity) {
    switch (severity) {
    case metrics::Severity::Error:
        return "error";
    case metrics::Severity::Warning:
        return "warning";
    case metrics::Severity::Info:
        return "info";
    }
    return "info";
}

std::string findingLine(const std::string& file, const model::Map& map,
                        const metrics::Finding& finding) {
    return file + ": map \"" + map.props.name +
           "\": " + std::string(severityName(finding.severity)) + ": " + finding.message;
}

std::string findingCounts(const std::vector<metrics::Finding>& findings) {
    int counts[3] = {0, 0, 0};
    for (const metrics::Finding& finding : findings)
        ++counts[static_cast<int>(finding.severity)];
    const auto count = [](int n, const char* one, const char* many) {
        return std::to_string(n) + " " + (n == 1 ? one : many);
    };
    return count(counts[0], "error", "errors") + ", " + count(counts[1], "warning", "warnings") +
           ", " + count(counts[2], "note", "notes");
}

} // namespace gemba::cli
