#include "gemba/store/catalogue_file.h"

#include "atomic_file.h"
#include "gemba/store/errors.h"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace gemba::store {

using nlohmann::json;

namespace {

nlohmann::ordered_json entryJson(const model::CatalogueEntry& entry) {
    nlohmann::ordered_json out = {{"id", entry.id}, {"name", entry.name}};
    if (!entry.role.empty())
        out["role"] = entry.role;
    if (!entry.aliases.empty())
        out["aliases"] = entry.aliases;
    return out;
}

/// Reads one JSON document of the catalogue, naming the JSON path of what is wrong.
class CatalogueReader {
public:
    explicit CatalogueReader(std::string file)
        : m_file(std::move(file)) {}

    model::Catalogue read(const json& root) {
        if (!root.is_object())
            fail("", "expected a JSON object, found " + typeName(root));
        allowOnly(root, "", {"format", "version", "systems", "people", "merged"});
        if (text(root, "", "format", true) != kCatalogueFormatName)
            fail("/format", std::string("expected \"") + kCatalogueFormatName +
                                "\": this is no catalogue of Gemba");
        const json* version = root.contains("version") ? &root["version"] : nullptr;
        if (!version || !version->is_number_integer())
            fail("/version", "expected a whole number");
        const auto number = version->get<long long>();
        if (number > kCatalogueFormatVersion)
            fail("/version", "made by a newer version of Gemba: catalogue format " +
                                 std::to_string(number) + ", this Gemba reads up to " +
                                 std::to_string(kCatalogueFormatVersion));
        if (number < 1)
            fail("/version", "unknown catalogue format " + std::to_string(number));
        readEntries(root, "systems", model::CatalogueKind::System);
        readEntries(root, "people", model::CatalogueKind::Person);
        if (root.contains("merged")) {
            const json& merged = array(root["merged"], "/merged");
            for (std::size_t i = 0; i < merged.size(); ++i) {
                const std::string ptr = "/merged/" + std::to_string(i);
                const json& item = merged[i];
                if (!item.is_object())
                    fail(ptr, "expected an object, found " + typeName(item));
                allowOnly(item, ptr, {"id", "into"});
                const std::string id = text(item, ptr, "id", true);
                const std::string into = text(item, ptr, "into", true);
                guard(ptr, [&] { m_catalogue.recordMerge(id, into); });
            }
            // Every merged id must lead to an entry in the end.
            for (std::size_t i = 0; i < merged.size(); ++i) {
                const std::string id = merged[i]["id"].get<std::string>();
                if (!m_catalogue.find(id))
                    fail("/merged/" + std::to_string(i) + "/into",
                         "\"" + id + "\" was merged into an id that is no entry of the catalogue");
            }
        }
        return std::move(m_catalogue);
    }

private:
    [[noreturn]] void fail(const std::string& ptr, const std::string& problem) const {
        throw InputError(m_file, ptr.empty() ? "/" : ptr, problem);
    }

    static std::string typeName(const json& value) {
        return value.is_null() ? "null" : std::string(value.type_name());
    }

    template <class F> void guard(const std::string& ptr, F&& f) const {
        try {
            f();
        } catch (const model::CatalogueError& e) {
            fail(ptr, e.what());
        }
    }

    void allowOnly(const json& object, const std::string& ptr,
                   std::initializer_list<std::string_view> keys) const {
        for (const auto& [key, value] : object.items())
            if (std::find(keys.begin(), keys.end(), key) == keys.end())
                fail(ptr + "/" + key, "unknown field");
    }

    const json& array(const json& value, const std::string& ptr) const {
        if (!value.is_array())
            fail(ptr, "expected an array, found " + typeName(value));
        return value;
    }

    std::string text(const json& object, const std::string& ptr, const char* key,
                     bool required) const {
        auto it = object.find(key);
        if (it == object.end()) {
            if (required)
                fail(ptr + "/" + key, "missing");
            return {};
        }
        if (!it->is_string())
            fail(ptr + "/" + key, "expected text, found " + typeName(*it));
        const std::string value = it->get<std::string>();
        if (required && value.find_first_not_of(" \t\r\n") == std::string::npos)
            fail(ptr + "/" + key, "must not be empty");
        return value;
    }

    void readEntries(const json& root, const char* key, model::CatalogueKind kind) {
        if (!root.contains(key))
            return;
        const std::string listPtr = std::string("/") + key;
        const json& list = array(root[key], listPtr);
        for (std::size_t i = 0; i < list.size(); ++i) {
            const std::string ptr = listPtr + "/" + std::to_string(i);
            const json& item = list[i];
            if (!item.is_object())
                fail(ptr, "expected an object, found " + typeName(item));
            if (kind == model::CatalogueKind::Person)
                allowOnly(item, ptr, {"id", "name", "role", "aliases"});
            else
                allowOnly(item, ptr, {"id", "name", "aliases"});
            model::CatalogueEntry entry;
            entry.kind = kind;
            entry.id = text(item, ptr, "id", true);
            entry.name = text(item, ptr, "name", true);
            entry.role = text(item, ptr, "role", false);
            if (item.contains("aliases")) {
                const json& aliases = array(item["aliases"], ptr + "/aliases");
                for (std::size_t a = 0; a < aliases.size(); ++a) {
                    const std::string aPtr = ptr + "/aliases/" + std::to_string(a);
                    if (!aliases[a].is_string())
                        fail(aPtr, "expected text, found " + typeName(aliases[a]));
                    entry.aliases.push_back(aliases[a].get<std::string>());
                }
            }
            // Two entries of a kind answering to one spelling would make matching by name a
            // guess.
            for (const std::string& spelling : spellingsOf(entry))
                if (const model::CatalogueEntry* other = m_catalogue.match(kind, spelling))
                    fail(ptr, "\"" + spelling + "\" names this entry and " + other->id + " both");
            guard(ptr + "/id", [&] { m_catalogue.insert(std::move(entry)); });
        }
    }

    static std::vector<std::string> spellingsOf(const model::CatalogueEntry& entry) {
        std::vector<std::string> out{entry.name};
        out.insert(out.end(), entry.aliases.begin(), entry.aliases.end());
        return out;
    }

    std::string m_file;
    model::Catalogue m_catalogue;
};

} // namespace

nlohmann::ordered_json catalogueToJson(const model::Catalogue& catalogue) {
    using ordered = nlohmann::ordered_json;
    ordered systems = ordered::array();
    ordered people = ordered::array();
    for (const auto& [id, entry] : catalogue.entries())
        (entry.kind == model::CatalogueKind::System ? systems : people).push_back(entryJson(entry));
    ordered merged = ordered::array();
    for (const auto& [id, into] : catalogue.merged())
        merged.push_back({{"id", id}, {"into", into}});
    return ordered{{"format", kCatalogueFormatName},
                   {"version", kCatalogueFormatVersion},
                   {"systems", std::move(systems)},
                   {"people", std::move(people)},
                   {"merged", std::move(merged)}};
}

model::Catalogue catalogueFromJson(const json& json, const std::string& file) {
    return CatalogueReader(file).read(json);
}

model::Catalogue readCatalogueText(std::string_view text, const std::string& file) {
    json document;
    try {
        document = json::parse(text);
    } catch (const json::parse_error& e) {
        const std::size_t offset = std::min<std::size_t>(e.byte == 0 ? 0 : e.byte - 1, text.size());
        std::size_t line = 1;
        for (std::size_t i = 0; i < offset; ++i)
            line += text[i] == '\n';
        std::string problem = e.what();
        if (const auto at = problem.rfind(": "); at != std::string::npos)
            problem = problem.substr(at + 2);
        throw InputError(file, "line " + std::to_string(line), "not valid JSON: " + problem);
    }
    return catalogueFromJson(document, file);
}

std::filesystem::path catalogueFileOf(const std::filesystem::path& folder) {
    return folder / kCatalogueFileName;
}

std::optional<model::Catalogue> readCatalogueFile(const std::filesystem::path& file) {
    const std::string name = file.string();
    std::error_code ec;
    if (!std::filesystem::exists(file, ec))
        return std::nullopt;
    if (std::filesystem::is_directory(file, ec))
        throw InputError(name, "", "is a folder, not a catalogue file");
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw InputError(name, "", "cannot read the file");
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return readCatalogueText(buffer.str(), name);
}

void writeCatalogueFile(const model::Catalogue& catalogue, const std::filesystem::path& file) {
    detail::writeFileAtomically(file, catalogueToJson(catalogue).dump(2) + "\n");
}

} // namespace gemba::store
