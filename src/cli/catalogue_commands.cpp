// catalogue: the organisation's catalogue of systems and people of a folder or repository:
// list it, add to it, merge duplicates, and see the duplicates it would suggest.
#include "command.h"
#include "common.h"
#include "gemba/metrics/catalogue_use.h"
#include "gemba/model/catalogue.h"
#include "gemba/store/portfolio_sources.h"
#include "gemba/store/project_file.h"
#include "gemba/store/repository.h"
#include "text_table.h"

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <ostream>

namespace gemba::cli {

namespace {

using metrics::CatalogueItem;
using model::CatalogueKind;

struct Portfolio {
    std::string where;
    std::vector<metrics::PortfolioSource> sources;
    store::PortfolioCatalogue catalogue;
};

/// The catalogue of `where`, and the streams when `withStreams` (list and duplicates; add and
/// merge need none, and skip reading every project).
Portfolio readAll(const std::string& where, bool withStreams, Context& context) {
    Portfolio p{where, {}, store::readPortfolioCatalogue(where)};
    if (!withStreams)
        return p;
    std::vector<store::SkippedSource> skipped;
    p.sources = store::readPortfolioSources(where, skipped);
    for (const store::SkippedSource& s : skipped)
        context.err << s.source << ": skipped: " << s.error << "\n";
    return p;
}

std::string streamNames(const std::vector<std::size_t>& streams, const Portfolio& p) {
    std::string out;
    for (std::size_t s : streams)
        out += (out.empty() ? "" : ", ") + p.sources[s].source;
    return out.empty() ? "-" : out;
}

nlohmann::json itemJson(const CatalogueItem& item, const Portfolio& p) {
    nlohmann::json streams = nlohmann::json::array();
    for (std::size_t s : item.streams)
        streams.push_back(p.sources[s].source);
    nlohmann::json j = {{"kind", model::catalogueKindName(item.kind)},
                        {"name", item.name},
                        {"spellings", item.spellings},
                        {"streams", streams}};
    j["id"] = item.entryId.empty() ? nlohmann::json(nullptr) : nlohmann::json(item.entryId);
    if (const model::CatalogueEntry* entry = p.catalogue.catalogue.find(item.entryId)) {
        j["aliases"] = entry->aliases;
        if (entry->kind == CatalogueKind::Person)
            j["role"] = entry->role;
    }
    return j;
}

std::string place(const Portfolio& p) {
    return store::urlForDisplay(p.catalogue.place);
}

int list(const Args& args, Context& context, const Portfolio& p) {
    const metrics::CatalogueUsage usage = metrics::catalogueUsage(p.catalogue.catalogue, p.sources);
    if (args.has("--json")) {
        nlohmann::json entries = nlohmann::json::array();
        nlohmann::json unmatched = nlohmann::json::array();
        for (const CatalogueItem& item : usage.items)
            (item.entryId.empty() ? unmatched : entries).push_back(itemJson(item, p));
        nlohmann::json merged = nlohmann::json::array();
        for (const auto& [id, into] : p.catalogue.catalogue.merged())
            merged.push_back({{"id", id}, {"into", into}});
        context.out << nlohmann::json{{"entries", entries},
                                      {"unmatched", unmatched},
                                      {"merged", merged}}
                           .dump(2)
                    << "\n";
        return kExitOk;
    }
    if (!p.catalogue.stored)
        context.out << "No catalogue yet (" << place(p) << "); `catalogue ... add` starts one.\n";
    TextTable table({TextTable::Align::Left, TextTable::Align::Left, TextTable::Align::Left,
                     TextTable::Align::Left, TextTable::Align::Left});
    table.addRow({"Kind", "Name", "Id", "Also written", "Streams"});
    for (const CatalogueItem& item : usage.items) {
        std::string also;
        std::vector<std::string> spellings = item.spellings;
        if (const model::CatalogueEntry* entry = p.catalogue.catalogue.find(item.entryId))
            spellings.insert(spellings.end(), entry->aliases.begin(), entry->aliases.end());
        std::vector<std::string> seen{model::catalogueKey(item.name)};
        for (const std::string& s : spellings)
            if (std::find(seen.begin(), seen.end(), model::catalogueKey(s)) == seen.end()) {
                seen.push_back(model::catalogueKey(s));
                also += (also.empty() ? "" : ", ") + s;
            }
        table.addRow({std::string(model::catalogueKindName(item.kind)), item.name,
                      item.entryId.empty() ? "(not in the catalogue)" : item.entryId,
                      also.empty() ? "-" : also, streamNames(item.streams, p)});
    }
    context.out << table.render();
    return kExitOk;
}

int duplicates(const Args& args, Context& context, const Portfolio& p) {
    const auto suggestions =
        metrics::suggestDuplicates(metrics::catalogueUsage(p.catalogue.catalogue, p.sources));
    if (args.has("--json")) {
        nlohmann::json out = nlohmann::json::array();
        for (const metrics::DuplicateSuggestion& s : suggestions) {
            nlohmann::json items = nlohmann::json::array();
            for (const CatalogueItem& item : s.items)
                items.push_back(itemJson(item, p));
            out.push_back(
                {{"kind", model::catalogueKindName(s.kind)}, {"fold", s.fold}, {"items", items}});
        }
        context.out << out.dump(2) << "\n";
        return kExitOk;
    }
    if (suggestions.empty()) {
        context.out << "No duplicates: no two systems or people are named alike once case, "
                       "spaces and punctuation are ignored.\n";
        return kExitOk;
    }
    for (const metrics::DuplicateSuggestion& s : suggestions) {
        context.out << "Possibly one " << model::catalogueKindName(s.kind) << ":\n";
        for (const CatalogueItem& item : s.items)
            context.out << "  \"" << item.name << "\" "
                        << (item.entryId.empty() ? "(not in the catalogue)" : item.entryId)
                        << " in " << streamNames(item.streams, p) << "\n";
    }
    context.out << "Merge two entries with `catalogue FOLDER merge KEEP DUPLICATE`; add a name "
                   "that is not in the catalogue first with `add`.\n";
    return kExitOk;
}

int add(const Args& args, Context& context, Portfolio& p) {
    if (args.positional.size() != 4)
        throw UsageError("catalogue add needs a kind (system or person) and a name");
    const auto kind = model::parseCatalogueKind(args.positional[2]);
    if (!kind)
        throw UsageError("catalogue add: the kind is system or person, not '" + args.positional[2] +
                         "'");
    const std::string role = args.value("--role").value_or("");
    if (!role.empty() && *kind != CatalogueKind::Person)
        throw UsageError("catalogue add: --role is for people");
    std::vector<std::string> aliases;
    if (auto it = args.lists.find("--alias"); it != args.lists.end())
        aliases = it->second;
    const model::CatalogueEntry& entry =
        p.catalogue.catalogue.add(*kind, args.positional[3], aliases, role);
    const std::string id = entry.id;
    const std::string name = entry.name;
    store::writePortfolioCatalogue(p.where, p.catalogue);
    context.out << "Added the " << model::catalogueKindName(*kind) << " \"" << name << "\" as "
                << id << " to " << place(p) << ".\n";
    return kExitOk;
}

int merge(Context& context, Portfolio& p, const Args& args) {
    if (args.positional.size() != 4)
        throw UsageError("catalogue merge needs the entry to keep and its duplicate");
    const model::CatalogueEntry& duplicate = p.catalogue.catalogue.lookupAny(args.positional[3]);
    const std::string duplicateText = "\"" + duplicate.name + "\" (" + duplicate.id + ")";
    const model::CatalogueEntry& kept =
        p.catalogue.catalogue.merge(args.positional[2], args.positional[3]);
    const std::string keptText = "\"" + kept.name + "\" (" + kept.id + ")";
    store::writePortfolioCatalogue(p.where, p.catalogue);
    context.out << "Merged " << duplicateText << " into " << keptText
                << "; projects referring to either now count as one.\n";
    return kExitOk;
}

/// The system or person of `project` named `name` (ignoring case and spaces); the name must
/// pick exactly one.
template <class Entities>
auto& namedIn(Entities& entities, const std::string& name, const std::string& what,
              const std::string& file) {
    typename Entities::mapped_type* found = nullptr;
    for (auto& [id, entity] : entities)
        if (model::catalogueKey(entity.name) == model::catalogueKey(name)) {
            if (found)
                throw Failure(file + ": more than one " + what + " is named '" + name +
                              "'; rename one first");
            found = &entity;
        }
    if (!found)
        throw Failure(file + ": no " + what + " is named '" + name + "'");
    return *found;
}

/// link: a project's system or person refers to a catalogue entry from now on; unlink: it is
/// matched by its name again. The project file is saved in place.
int link(const Args& args, Context& context, Portfolio& p) {
    const bool linking = args.positional[1] == "link";
    if (args.positional.size() != (linking ? 6u : 5u))
        throw UsageError(linking ? "catalogue link needs a project, a kind (system or person), "
                                   "its name there and the catalogue entry"
                                 : "catalogue unlink needs a project, a kind (system or person) "
                                   "and its name there");
    const std::filesystem::path file = args.positional[2];
    const auto kind = model::parseCatalogueKind(args.positional[3]);
    if (!kind)
        throw UsageError("catalogue " + args.positional[1] + ": the kind is system or person, " +
                         "not '" + args.positional[3] + "'");
    const std::string& name = args.positional[4];
    model::Project project = store::openProject(file);
    std::string* reference = nullptr;
    std::string shown; // as the project writes it
    if (*kind == CatalogueKind::System) {
        model::System& system = namedIn(project.systems, name, "system", file.string());
        reference = &system.catalogue;
        shown = system.name;
    } else {
        model::Person& person = namedIn(project.people, name, "person", file.string());
        reference = &person.catalogue;
        shown = person.name;
    }
    const model::CatalogueEntry* entry =
        linking ? &p.catalogue.catalogue.lookup(*kind, args.positional[5]) : nullptr;
    *reference = entry ? entry->id : std::string();
    store::saveProject(project, file);
    if (entry)
        context.out << "The " << model::catalogueKindName(*kind) << " \"" << shown << "\" of "
                    << file.string() << " is \"" << entry->name << "\" (" << entry->id
                    << ") of the catalogue.\n";
    else
        context.out << "The " << model::catalogueKindName(*kind) << " \"" << shown << "\" of "
                    << file.string() << " is matched to the catalogue by its name again.\n";
    return kExitOk;
}

int runCatalogue(const Args& args, Context& context) {
    const std::string& action = args.positional.at(1);
    const bool listing = action == "list" || action == "duplicates";
    if (listing && args.positional.size() != 2)
        throw UsageError("catalogue " + action + " takes no further arguments");
    if (!listing && action != "add" && action != "merge" && action != "link" && action != "unlink")
        throw UsageError("unknown catalogue action '" + action +
                         "' (expected list, add, merge, duplicates, link or unlink)");
    if (args.has("--json") && !listing)
        throw UsageError("--json is for list and duplicates");
    if ((args.has("--alias") || args.has("--role")) && action != "add")
        throw UsageError("--alias and --role are for add");
    Portfolio p = readAll(args.positional[0], listing, context);
    try {
        if (action == "list")
            return list(args, context, p);
        if (action == "duplicates")
            return duplicates(args, context, p);
        if (action == "add")
            return add(args, context, p);
        if (action == "link" || action == "unlink")
            return link(args, context, p);
        return merge(context, p, args);
    } catch (const model::CatalogueError& e) {
        throw Failure(place(p) + ": " + e.what());
    }
}

} // namespace

Command catalogueCommand() {
    return {
        "catalogue",
        "keep the organisation's systems and people in one catalogue, and merge duplicates",
        "FOLDER|postgresql://REPOSITORY list [--json] | add system|person NAME [--alias A]... "
        "[--role R] | merge KEEP DUPLICATE | duplicates [--json] | link PROJECT "
        "system|person NAME ENTRY | unlink PROJECT system|person NAME",
        "The catalogue of a folder of projects (its catalogue.json) or of the repository:\n"
        "one entry per system and person of the organisation, with other spellings as\n"
        "aliases, so that the portfolio counts \"ERP\" and \"SAP ERP\" as one system.\n"
        "  list                 every entry with the streams that use it, then the systems\n"
        "                       and people of the streams that no entry matches\n"
        "  add KIND NAME        a new entry (KIND: system or person) with a new id\n"
        "  merge KEEP DUPLICATE keep KEEP, add DUPLICATE's name and aliases to its aliases;\n"
        "                       projects referring to DUPLICATE then count as KEEP\n"
        "  duplicates           entries and names that are alike once case, spaces and\n"
        "                       punctuation are ignored (\"E-Mail\", \"email\")\n"
        "  link PROJECT KIND NAME ENTRY\n"
        "                       the system or person NAME of the project file refers to\n"
        "                       ENTRY from now on (\"Nav 2009\" is the ERP)\n"
        "  unlink PROJECT KIND NAME\n"
        "                       it is matched by its name again\n"
        "KEEP, DUPLICATE and ENTRY are ids or names. A project's system or person belongs to an\n"
        "entry by its catalogue reference, else by name or alias, ignoring case and spaces.",
        {{"--json", "", "", "list, duplicates: JSON"},
         {"--alias", "", "NAME", "add: another spelling of the name", true},
         {"--role", "", "ROLE", "add person: the role or team"}},
        2,
        6,
        runCatalogue};
}

} // namespace gemba::cli
