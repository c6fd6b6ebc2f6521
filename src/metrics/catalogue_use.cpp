#include "gemba/metrics/catalogue_use.h"

#include "gemba/model/text.h"

#include <algorithm>
#include <set>

namespace gemba::metrics {

namespace {

using model::CatalogueKind;

void noteUse(CatalogueItem& item, const std::string& written, std::size_t stream) {
    const std::string trimmed(model::trim(written));
    const std::string key = model::catalogueKey(trimmed);
    if (std::none_of(item.spellings.begin(), item.spellings.end(),
                     [&](const std::string& s) { return model::catalogueKey(s) == key; }))
        item.spellings.push_back(trimmed);
    if (item.streams.empty() || item.streams.back() != stream)
        item.streams.push_back(stream);
}

bool byKindAndName(const CatalogueItem& a, const CatalogueItem& b) {
    return std::make_tuple(a.kind, model::catalogueKey(a.name), a.entryId) <
           std::make_tuple(b.kind, model::catalogueKey(b.name), b.entryId);
}

} // namespace

CatalogueUsage catalogueUsage(const model::Catalogue& catalogue,
                              const std::vector<PortfolioSource>& sources) {
    std::map<std::string, CatalogueItem> entries;
    for (const auto& [id, entry] : catalogue.entries())
        entries[id] = CatalogueItem{entry.kind, id, entry.name, {}, {}};
    std::map<std::pair<CatalogueKind, std::string>, CatalogueItem> unmatched;
    auto see = [&](CatalogueKind kind, const std::string& reference, const std::string& name,
                   std::size_t stream) {
        if (const model::CatalogueEntry* entry = catalogue.resolve(kind, reference, name)) {
            noteUse(entries.at(entry->id), name, stream);
            return;
        }
        const std::string key = model::catalogueKey(name);
        if (key.empty())
            return; // an unnamed system or person is nothing to list or merge
        auto [it, added] = unmatched.try_emplace({kind, key});
        if (added)
            it->second = CatalogueItem{kind, {}, std::string(model::trim(name)), {}, {}};
        noteUse(it->second, name, stream);
    };
    for (std::size_t i = 0; i < sources.size(); ++i) {
        const model::Project& project = sources[i].project;
        for (const auto& [id, system] : project.systems)
            see(CatalogueKind::System, system.catalogue, system.name, i);
        for (const auto& [id, person] : project.people)
            see(CatalogueKind::Person, person.catalogue, person.name, i);
    }
    CatalogueUsage usage;
    for (auto& [id, item] : entries)
        usage.items.push_back(std::move(item));
    std::sort(usage.items.begin(), usage.items.end(), byKindAndName);
    const std::size_t firstUnmatched = usage.items.size();
    for (auto& [k, item] : unmatched)
        usage.items.push_back(std::move(item));
    std::sort(usage.items.begin() + static_cast<std::ptrdiff_t>(firstUnmatched), usage.items.end(),
              byKindAndName);
    return usage;
}

std::vector<DuplicateSuggestion> suggestDuplicates(const CatalogueUsage& usage) {
    // Each item under the fold of its name and every spelling; an item once per fold.
    std::map<std::pair<CatalogueKind, std::string>, std::vector<std::size_t>> byFold;
    for (std::size_t i = 0; i < usage.items.size(); ++i) {
        const CatalogueItem& item = usage.items[i];
        std::set<std::string> folds{model::duplicateFold(item.name)};
        for (const std::string& spelling : item.spellings)
            folds.insert(model::duplicateFold(spelling));
        for (const std::string& fold : folds)
            if (!fold.empty())
                byFold[{item.kind, fold}].push_back(i);
    }
    std::vector<DuplicateSuggestion> out;
    std::set<std::vector<std::size_t>> suggested;
    for (const auto& [where, items] : byFold) {
        if (items.size() < 2 || !suggested.insert(items).second)
            continue;
        DuplicateSuggestion suggestion{where.first, where.second, {}};
        for (std::size_t i : items)
            suggestion.items.push_back(usage.items[i]);
        out.push_back(std::move(suggestion));
    }
    return out;
}

} // namespace gemba::metrics
