// repo: the shared repository on PostgreSQL: init, list, push, pull, history.
#include "command.h"
#include "common.h"
#include "gemba/store/errors.h"
#include "gemba/store/project_file.h"
#include "gemba/store/repository.h"
#include "text_table.h"

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <ostream>

namespace gemba::cli {

namespace {

namespace fs = std::filesystem;
using store::Repository;

/// Beside a project file: the repository name and version it was last pushed or pulled as,
/// so that the next push states the version it started from. Never the URL or credentials.
fs::path originFile(const fs::path& project) {
    return project.string() + ".repo.json";
}

struct Origin {
    std::string name;
    long long version = 0;
};

std::optional<Origin> readOrigin(const fs::path& project) {
    const fs::path file = originFile(project);
    if (!fs::exists(file))
        return std::nullopt;
    try {
        const auto j = nlohmann::json::parse(readTextFile(file));
        return Origin{j.at("name").get<std::string>(), j.at("version").get<long long>()};
    } catch (const nlohmann::json::exception& e) {
        throw Failure(file.string() + ": not a repository origin (" + e.what() +
                      "); remove it to push as a new project");
    }
}

void writeOrigin(const fs::path& project, const Origin& origin) {
    std::ofstream out(originFile(project), std::ios::binary | std::ios::trunc);
    out << nlohmann::json{{"name", origin.name}, {"version", origin.version}}.dump(2) << "\n";
    if (!out)
        throw Failure(originFile(project).string() + ": cannot write");
}

std::string urlOf(const Args& args) {
    return args.value("--url").value_or("");
}

void requireArgument(const Args& args, std::size_t count, const char* what) {
    if (args.positional.size() != count)
        throw UsageError(std::string("repo ") + args.positional[0] + " needs " + what);
}

void writeEntries(std::ostream& out, const std::vector<store::RepositoryEntry>& entries,
                  bool history) {
    TextTable table({TextTable::Align::Left, TextTable::Align::Right, TextTable::Align::Left,
                     TextTable::Align::Left, TextTable::Align::Right, TextTable::Align::Right,
                     TextTable::Align::Left});
    table.addRow(
        {history ? "project" : "name", "version", "saved by", "saved at", "maps", "steps", "team"});
    for (const auto& e : entries)
        table.addRow({e.name, std::to_string(e.version), e.savedBy, e.savedAt, count(e.maps),
                      count(e.steps), e.team});
    out << table.render();
}

nlohmann::json entriesJson(const std::vector<store::RepositoryEntry>& entries) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& e : entries)
        out.push_back({{"name", e.name},
                       {"team", e.team},
                       {"version", e.version},
                       {"saved_by", e.savedBy},
                       {"saved_at", e.savedAt},
                       {"maps", e.maps},
                       {"steps", e.steps}});
    return out;
}

int repoInit(const Args& args, Context& context) {
    Repository repo(urlOf(args));
    const int before = repo.schemaVersion();
    repo.init();
    if (before == store::kRepositorySchemaVersion)
        context.out << "The repository is up to date (schema version " << before << ").\n";
    else
        context.out << "The repository is at schema version " << store::kRepositorySchemaVersion
                    << (before == 0 ? " (created)"
                                    : " (migrated from " + std::to_string(before) + ")")
                    << ".\n";
    return kExitOk;
}

int repoPush(const Args& args, Context& context) {
    requireArgument(args, 2, "the project file to push");
    const fs::path file = args.positional[1];
    const model::Project project = readProject(file);
    const std::optional<Origin> origin = readOrigin(file);
    std::string name = args.value("--name").value_or(origin ? origin->name : file.stem().string());
    long long startedFrom = origin && origin->name == name ? origin->version : 0;
    if (const auto copy = args.value("--as-copy")) {
        name = *copy; // save as a copy: a new project beside the one that was changed
        startedFrom = 0;
    }
    Repository repo(urlOf(args));
    const long long version =
        repo.push(name, project, startedFrom, args.value("--team").value_or(""));
    writeOrigin(file, {name, version});
    context.out << "Saved '" << name << "' as version " << version << ".\n";
    return kExitOk;
}

int repoPull(const Args& args, Context& context) {
    requireArgument(args, 2, "the name of a project in the repository");
    const auto output = args.value("--output");
    if (!output)
        throw UsageError("repo pull needs -o PROJECT.gemba");
    const fs::path file = *output;
    if (fs::exists(file) && !args.has("--force"))
        throw Failure(file.string() + ": exists; give --force to replace it");
    Repository repo(urlOf(args));
    const store::PulledProject pulled = repo.pull(args.positional[1]);
    store::saveProject(pulled.project, file);
    writeOrigin(file, {args.positional[1], pulled.version});
    context.out << "Wrote version " << pulled.version << " of '" << args.positional[1] << "' to "
                << file.string() << ".\n";
    return kExitOk;
}

int runRepo(const Args& args, Context& context) {
    const std::string& action = args.positional[0];
    try {
        if (action == "init") {
            requireArgument(args, 1, "no other argument");
            return repoInit(args, context);
        }
        if (action == "list" || action == "history") {
            Repository repo(urlOf(args));
            std::vector<store::RepositoryEntry> entries;
            if (action == "list") {
                requireArgument(args, 1, "no other argument");
                entries = repo.list();
            } else {
                requireArgument(args, 2, "the name of a project in the repository");
                entries = repo.history(args.positional[1]);
            }
            if (args.has("--json"))
                context.out << entriesJson(entries).dump(2) << "\n";
            else
                writeEntries(context.out, entries, action == "history");
            return kExitOk;
        }
        if (action == "push")
            return repoPush(args, context);
        if (action == "pull")
            return repoPull(args, context);
    } catch (const store::RepositoryError& e) {
        throw Failure(std::string("repository: ") + e.what());
    }
    throw UsageError("unknown repo action '" + action +
                     "'; the actions are init, list, push, pull and history");
}

} // namespace

Command repoCommand() {
    return {"repo",
            "keep projects in a shared repository on PostgreSQL",
            "init | list | push FILE | pull NAME -o FILE | history NAME  [--url URL]",
            "The shared repository (docs/repository.md). The server, user, password and TLS\n"
            "settings come from --url (a postgresql:// URL), else from the PG* environment\n"
            "variables and ~/.pgpass; they are never written into a project file.\n"
            "  init          create the repository's tables, or migrate them\n"
            "  list          the projects you may read, with their version and who saved it\n"
            "  push FILE     save FILE (as --name, else the name it was pulled as, else its\n"
            "                file name); refused when someone saved a newer version since\n"
            "  pull NAME     write the latest version of NAME to -o FILE\n"
            "  history NAME  who saved which version when\n"
            "push and pull note the name and version in FILE.repo.json beside the file.",
            {{"--url", "", "URL", "the repository, e.g. postgresql://host/gemba?sslmode=require"},
             {"--name", "", "NAME", "push: the project's name in the repository"},
             {"--as-copy", "", "NAME", "push: save as a new project NAME (after a refusal)"},
             {"--team", "", "ROLE", "push, new projects: the team (PostgreSQL role) it belongs to"},
             {"--output", "-o", "FILE", "pull: the project file to write"},
             {"--force", "", "", "pull: replace FILE if it exists"},
             {"--json", "", "", "list, history: JSON"}},
            1,
            2,
            runRepo};
}

} // namespace gemba::cli
