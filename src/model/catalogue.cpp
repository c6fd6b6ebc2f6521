#include "gemba/model/catalogue.h"

#include "gemba/model/text.h"

#include <cctype>
#include <cstdint>
#include <random>
#include <set>

namespace gemba::model {

std::string_view catalogueKindName(CatalogueKind kind) {
    return kind == CatalogueKind::System ? "system" : "person";
}

std::optional<CatalogueKind> parseCatalogueKind(std::string_view text) {
    const std::string k = toLower(trim(text));
    if (k == "system")
        return CatalogueKind::System;
    if (k == "person")
        return CatalogueKind::Person;
    return std::nullopt;
}

std::string catalogueKey(std::string_view name) {
    std::string out;
    bool space = false;
    for (char c : toLower(trim(name))) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = true;
            continue;
        }
        if (space)
            out += ' ';
        space = false;
        out += c;
    }
    return out;
}

std::string duplicateFold(std::string_view name) {
    std::string out;
    for (char c : toLower(name)) {
        const auto byte = static_cast<unsigned char>(c);
        // Bytes of UTF-8 sequences (>= 0x80) are letters of other alphabets: kept.
        if (byte >= 0x80 || std::isalnum(byte))
            out += c;
    }
    return out;
}

namespace {

std::string quoted(std::string_view text) {
    return "\"" + std::string(text) + "\"";
}

} // namespace

std::string Catalogue::newId(CatalogueKind kind) const {
    static thread_local std::mt19937_64 random{std::random_device{}()};
    const char* digits = "0123456789abcdef";
    for (;;) {
        std::string id = kind == CatalogueKind::System ? "sys-" : "per-";
        std::uint64_t bits = random();
        for (int i = 0; i < 16; ++i, bits >>= 4)
            id += digits[bits & 0xf];
        if (!m_entries.count(id) && !m_merged.count(id))
            return id;
    }
}

const CatalogueEntry* Catalogue::taken(CatalogueKind kind, const std::string& key) const {
    auto it = m_byKey.find({kind, key});
    return it == m_byKey.end() ? nullptr : &m_entries.at(it->second);
}

void Catalogue::index(const CatalogueEntry& entry) {
    // The first entry to claim a spelling keeps it; add() and the readers refuse a second.
    m_byKey.try_emplace({entry.kind, catalogueKey(entry.name)}, entry.id);
    for (const std::string& alias : entry.aliases)
        m_byKey.try_emplace({entry.kind, catalogueKey(alias)}, entry.id);
}

const CatalogueEntry& Catalogue::add(CatalogueKind kind, std::string name,
                                     std::vector<std::string> aliases, std::string role) {
    CatalogueEntry entry;
    entry.id = newId(kind);
    entry.kind = kind;
    entry.name = std::string(trim(name));
    entry.role = kind == CatalogueKind::Person ? std::string(trim(role)) : std::string();
    std::set<std::string> keys;
    auto check = [&](const std::string& text) {
        const std::string key = catalogueKey(text);
        if (key.empty())
            throw CatalogueError("a " + std::string(catalogueKindName(kind)) +
                                 " of the catalogue needs a name, and aliases cannot be empty");
        if (const CatalogueEntry* other = taken(kind, key))
            throw CatalogueError(quoted(trim(text)) + " already names the " +
                                 std::string(catalogueKindName(kind)) + " " + quoted(other->name) +
                                 " (" + other->id + ")");
        return keys.insert(key).second;
    };
    check(entry.name);
    for (const std::string& alias : aliases)
        if (check(alias))
            entry.aliases.emplace_back(trim(alias));
    auto [it, added] = m_entries.emplace(entry.id, std::move(entry));
    index(it->second);
    return it->second;
}

void Catalogue::insert(CatalogueEntry entry) {
    if (trim(entry.id).empty())
        throw CatalogueError("a catalogue entry needs an id");
    if (m_entries.count(entry.id) || m_merged.count(entry.id))
        throw CatalogueError("the catalogue id " + entry.id + " is used twice");
    const std::string id = entry.id;
    index(m_entries.emplace(id, std::move(entry)).first->second);
}

void Catalogue::recordMerge(const std::string& duplicate, const std::string& kept) {
    if (m_entries.count(duplicate))
        throw CatalogueError("the catalogue id " + duplicate + " is an entry and merged both");
    if (m_merged.count(duplicate))
        throw CatalogueError("the catalogue id " + duplicate + " is merged twice");
    // Following `kept` must never lead back to `duplicate`.
    std::string at = kept;
    for (std::size_t hops = 0; hops <= m_merged.size(); ++hops) {
        if (at == duplicate)
            throw CatalogueError("the merges of the catalogue ids " + duplicate + " and " + kept +
                                 " form a cycle");
        auto next = m_merged.find(at);
        if (next == m_merged.end())
            break;
        at = next->second;
    }
    m_merged.emplace(duplicate, kept);
}

const CatalogueEntry* Catalogue::find(std::string_view id) const {
    std::string at(id);
    // A chain is at most as long as the merges; the bound also stops a cycle read from a store
    // whose records were not checked.
    for (std::size_t hops = 0; hops <= m_merged.size(); ++hops) {
        if (auto entry = m_entries.find(at); entry != m_entries.end())
            return &entry->second;
        auto next = m_merged.find(at);
        if (next == m_merged.end())
            return nullptr;
        at = next->second;
    }
    return nullptr;
}

const CatalogueEntry* Catalogue::match(CatalogueKind kind, std::string_view name) const {
    const std::string key = catalogueKey(name);
    return key.empty() ? nullptr : taken(kind, key);
}

const CatalogueEntry* Catalogue::resolve(CatalogueKind kind, std::string_view reference,
                                         std::string_view name) const {
    if (!reference.empty())
        if (const CatalogueEntry* entry = find(reference); entry && entry->kind == kind)
            return entry;
    return match(kind, name);
}

const CatalogueEntry& Catalogue::lookup(CatalogueKind kind, std::string_view what) const {
    if (const CatalogueEntry* entry = find(trim(what)); entry && entry->kind == kind)
        return *entry;
    if (const CatalogueEntry* entry = match(kind, what))
        return *entry;
    throw CatalogueError("the catalogue has no " + std::string(catalogueKindName(kind)) + " " +
                         quoted(trim(what)));
}

const CatalogueEntry& Catalogue::lookupAny(std::string_view what) const {
    if (const CatalogueEntry* entry = find(trim(what)))
        return *entry;
    const CatalogueEntry* system = match(CatalogueKind::System, what);
    const CatalogueEntry* person = match(CatalogueKind::Person, what);
    if (system && person)
        throw CatalogueError(quoted(trim(what)) + " names a system (" + system->id +
                             ") and a person (" + person->id + "): give the id");
    if (system || person)
        return system ? *system : *person;
    throw CatalogueError("the catalogue has no entry " + quoted(trim(what)));
}

const CatalogueEntry& Catalogue::merge(const std::string& keep, const std::string& duplicate) {
    const CatalogueEntry& kept = lookupAny(keep);
    const CatalogueEntry& dup = lookupAny(duplicate);
    if (kept.id == dup.id)
        throw CatalogueError(quoted(trim(keep)) + " and " + quoted(trim(duplicate)) +
                             " are one entry already (" + kept.id + "): nothing to merge");
    if (kept.kind != dup.kind)
        throw CatalogueError("cannot merge the " + std::string(catalogueKindName(dup.kind)) + " " +
                             quoted(dup.name) + " into the " +
                             std::string(catalogueKindName(kept.kind)) + " " + quoted(kept.name));
    CatalogueEntry& target = m_entries.at(kept.id);
    std::set<std::string> keys{catalogueKey(target.name)};
    for (const std::string& alias : target.aliases)
        keys.insert(catalogueKey(alias));
    std::vector<std::string> spellings{dup.name};
    spellings.insert(spellings.end(), dup.aliases.begin(), dup.aliases.end());
    for (const std::string& spelling : spellings)
        if (keys.insert(catalogueKey(spelling)).second)
            target.aliases.push_back(spelling);
    if (target.role.empty())
        target.role = dup.role;
    const std::string dupId = dup.id;
    for (auto& [key, id] : m_byKey)
        if (id == dupId)
            id = target.id;
    m_entries.erase(dupId);
    m_merged.emplace(dupId, target.id);
    return target;
}

} // namespace gemba::model
