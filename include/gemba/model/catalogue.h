#pragma once

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

/// The organisation-wide catalogue of systems and people that projects refer to, so that "ERP"
/// is one system in every value stream. Each entry has a stable text id that is never reused;
/// merging a duplicate into an entry keeps the entry, adds the duplicate's name and aliases to
/// its aliases, and records the duplicate's id as merged, so that a project still referring to
/// the duplicate resolves to the entry kept. Rules: docs/user-guide.md, "The catalogue".
namespace gemba::model {

enum class CatalogueKind { System, Person };

/// "system" or "person".
std::string_view catalogueKindName(CatalogueKind kind);
/// The kind named by "system" or "person"; nothing for any other text.
std::optional<CatalogueKind> parseCatalogueKind(std::string_view text);

struct CatalogueEntry {
    std::string id; ///< stable, never reused: "sys-6f1c0e2a9b3d4c57"
    CatalogueKind kind = CatalogueKind::System;
    std::string name;
    std::vector<std::string> aliases; ///< other spellings, matched like the name
    std::string role;                 ///< people only: role or team
    bool operator==(const CatalogueEntry&) const = default;
};

/// A catalogue operation that cannot be done (an unknown id, a merge of an entry into itself or
/// of a system into a person, a name already taken). what() names the entries.
class CatalogueError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// How names are matched: ASCII case ignored, leading and trailing space dropped, runs of
/// spaces inside counted as one ("  SAP   erp " matches "sap ERP").
std::string catalogueKey(std::string_view name);
/// How duplicates are suggested: as catalogueKey, and every ASCII character that is not a
/// letter or digit dropped too ("E-Mail", "e mail" and "email" fold alike).
std::string duplicateFold(std::string_view name);

class Catalogue {
public:
    /// Adds an entry with a new id and returns it. Throws CatalogueError when the name or an
    /// alias is empty or already names another entry of the kind.
    const CatalogueEntry& add(CatalogueKind kind, std::string name,
                              std::vector<std::string> aliases = {}, std::string role = {});
    /// Adds an entry as read from a store, with its own id. Throws CatalogueError when the id
    /// is empty or in use (as an entry or as a merged id).
    void insert(CatalogueEntry entry);
    /// Records that `duplicate` was merged into `kept`, as read from a store. Throws
    /// CatalogueError when `duplicate` is an entry or already merged, or when the record would
    /// close a cycle.
    void recordMerge(const std::string& duplicate, const std::string& kept);

    /// Merges entry `duplicate` into entry `keep` (either given by id, a merged id, or a name
    /// or alias of `kind`): `keep` stays, gains the duplicate's name and aliases as aliases, and
    /// the duplicate's id resolves to it from now on. Throws CatalogueError for an unknown
    /// entry, for two entries of different kinds, and for an entry merged into itself (which
    /// covers every cycle: a merged id is no entry any more). Returns the entry kept.
    const CatalogueEntry& merge(const std::string& keep, const std::string& duplicate);

    /// The entry an id stands for, following merges (A <- B <- C: C finds A); null when the id
    /// is unknown.
    const CatalogueEntry* find(std::string_view id) const;
    /// The entry of `kind` whose name or alias matches `name` (catalogueKey); null when none.
    const CatalogueEntry* match(CatalogueKind kind, std::string_view name) const;
    /// What a project's system or person stands for: its explicit reference when that is known,
    /// else its name or alias; null when neither.
    const CatalogueEntry* resolve(CatalogueKind kind, std::string_view reference,
                                  std::string_view name) const;
    /// An id, a merged id, or a name or alias of `kind`; throws CatalogueError naming `what`
    /// when none matches.
    const CatalogueEntry& lookup(CatalogueKind kind, std::string_view what) const;
    /// As lookup, of either kind; refuses a name that is a system and a person both.
    const CatalogueEntry& lookupAny(std::string_view what) const;

    const std::map<std::string, CatalogueEntry>& entries() const { return m_entries; }
    /// Merged id -> the id it was merged into (which may itself be merged later).
    const std::map<std::string, std::string>& merged() const { return m_merged; }
    bool empty() const { return m_entries.empty() && m_merged.empty(); }
    bool operator==(const Catalogue&) const = default;

private:
    std::string newId(CatalogueKind kind) const;
    /// The entry of `kind` that a name or alias key names.
    const CatalogueEntry* taken(CatalogueKind kind, const std::string& key) const;
    void index(const CatalogueEntry& entry);

    std::map<std::string, CatalogueEntry> m_entries;
    std::map<std::string, std::string> m_merged;
    /// (kind, catalogueKey of a name or alias) -> entry id: matching by name is a lookup, as
    /// the portfolio resolves every system of every step.
    std::map<std::pair<CatalogueKind, std::string>, std::string> m_byKey;
};

} // namespace gemba::model
