#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace gemba::store::detail {

/// Text that is not JSON: what is wrong and at which byte.
class JsonSyntaxError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// One value of a JsonTape. Its members are named as nlohmann::json's (type(), is_string(),
/// get<T>(), dump()) so that one reader serves both. A container's children follow it on the
/// tape, each child's own subtree before the next child.
class JsonNode {
public:
    using value_t = nlohmann::json::value_t;

    value_t type() const { return m_type; }
    bool is_null() const { return m_type == value_t::null; }
    bool is_boolean() const { return m_type == value_t::boolean; }
    bool is_string() const { return m_type == value_t::string; }
    bool is_object() const { return m_type == value_t::object; }
    bool is_array() const { return m_type == value_t::array; }
    bool is_number_unsigned() const { return m_type == value_t::number_unsigned; }
    bool is_number_integer() const {
        return m_type == value_t::number_integer || m_type == value_t::number_unsigned;
    }
    bool is_number() const { return is_number_integer() || m_type == value_t::number_float; }

    /// The value as T (std::string, std::string_view, bool, std::int64_t, std::uint64_t or
    /// double), converted as nlohmann::json::get converts; callers check the type first.
    template <class T> T get() const;
    /// The value as nlohmann::json writes it (for messages).
    std::string dump() const;
    /// The value as a nlohmann::json document.
    nlohmann::json toJson() const;

    /// The key this value stands under in its object; empty in a list.
    std::string_view key() const { return m_key.view(); }
    /// Members of an object or elements of a list.
    std::size_t size() const { return m_size; }
    /// The member under `key` (the last one when a key appears twice, as in nlohmann::json);
    /// nullptr when there is none.
    const JsonNode* member(std::string_view key) const;
    /// Calls f(child) for each member or element, in the order written.
    template <class F> void forEachChild(F&& f) const {
        const JsonNode* child = this + 1;
        for (std::uint32_t i = 0; i < m_size; ++i, child += child->m_span)
            f(*child);
    }

private:
    friend class JsonTape;
    friend class JsonTapeParser;

    value_t m_type = value_t::null;
    std::uint32_t m_span = 1; // nodes of its subtree, itself included
    std::uint32_t m_size = 0;
    /// Text in the parsed document itself, or, when it had escapes to decode, in the tape's
    /// text (an offset while parsing, made a pointer when parsing ends).
    struct Text {
        std::uintptr_t at = 0;
        std::uint32_t length = 0;
        bool decoded = false;
        std::string_view view() const { return {reinterpret_cast<const char*>(at), length}; }
    };
    Text m_key;
    Text m_text; // a string's
    union {
        bool boolean;
        std::int64_t integer;
        std::uint64_t unsignedInteger;
        double floating;
    } m_number{};
};

/// Parses JSON documents into one flat array of nodes that keeps its capacity from one document
/// to the next: reading the thousands of small documents of a file's workshop rows allocates
/// almost nothing, where a nlohmann::json document allocates every object, list and long text.
/// It accepts exactly RFC 8259 JSON, as nlohmann::json::parse does: no comments, no trailing
/// commas, strings of valid UTF-8 with valid escapes.
class JsonTape {
public:
    /// Parses `text`, a whole document; the result lives until the next parse and refers to
    /// `text`, which must live as long. Throws JsonSyntaxError on anything that is not JSON.
    const JsonNode& parse(std::string_view text);

private:
    friend class JsonTapeParser;
    std::vector<JsonNode> m_nodes;
    std::string m_text;                // strings with escapes, decoded
    std::vector<std::uint32_t> m_open; // containers not yet closed
};

// What a reader needs of a JSON value that nlohmann::json and JsonNode name differently: one
// reader (the interchange's, the workshop's) then serves documents and a store's rows alike.

/// The value's type as a message names it ("text", "a list"...).
template <class Json> std::string typeName(const Json& value) {
    switch (value.type()) {
    case nlohmann::json::value_t::null:
        return "null";
    case nlohmann::json::value_t::boolean:
        return "true/false";
    case nlohmann::json::value_t::string:
        return "text";
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned:
    case nlohmann::json::value_t::number_float:
        return "a number";
    case nlohmann::json::value_t::object:
        return "an object";
    case nlohmann::json::value_t::array:
        return "a list";
    default:
        return "a value of another type";
    }
}
inline const nlohmann::json* memberOf(const nlohmann::json& object, const char* key) {
    const auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
}
inline const JsonNode* memberOf(const JsonNode& object, const char* key) {
    return object.member(key);
}
/// Calls f(key, value) for each member of an object.
template <class F> void forEachMember(const nlohmann::json& object, F&& f) {
    for (const auto& [key, value] : object.items())
        f(std::string_view(key), value);
}
template <class F> void forEachMember(const JsonNode& object, F&& f) {
    object.forEachChild([&](const JsonNode& child) { f(child.key(), child); });
}
/// Calls f(element, index) for each element of a list.
template <class F> void forEachElement(const nlohmann::json& list, F&& f) {
    for (std::size_t i = 0; i < list.size(); ++i)
        f(list[i], i);
}
template <class F> void forEachElement(const JsonNode& list, F&& f) {
    std::size_t i = 0;
    list.forEachChild([&](const JsonNode& child) { f(child, i++); });
}

} // namespace gemba::store::detail
