#include "json_tape.h"

#include <array>
#include <charconv>
#include <cstring>
#include <limits>

namespace gemba::store::detail {

using value_t = nlohmann::json::value_t;

template <> std::string JsonNode::get<std::string>() const {
    return std::string(m_text.view());
}
template <> std::string_view JsonNode::get<std::string_view>() const {
    return m_text.view();
}
template <> bool JsonNode::get<bool>() const {
    return m_number.boolean;
}
template <> double JsonNode::get<double>() const {
    switch (m_type) {
    case value_t::number_integer:
        return static_cast<double>(m_number.integer);
    case value_t::number_unsigned:
        return static_cast<double>(m_number.unsignedInteger);
    default:
        return m_number.floating;
    }
}
template <> std::int64_t JsonNode::get<std::int64_t>() const {
    switch (m_type) {
    case value_t::number_unsigned:
        return static_cast<std::int64_t>(m_number.unsignedInteger);
    case value_t::number_float:
        return static_cast<std::int64_t>(m_number.floating);
    default:
        return m_number.integer;
    }
}
template <> std::uint64_t JsonNode::get<std::uint64_t>() const {
    switch (m_type) {
    case value_t::number_integer:
        return static_cast<std::uint64_t>(m_number.integer);
    case value_t::number_float:
        return static_cast<std::uint64_t>(m_number.floating);
    default:
        return m_number.unsignedInteger;
    }
}

const JsonNode* JsonNode::member(std::string_view key) const {
    const JsonNode* found = nullptr;
    if (m_type == value_t::object)
        forEachChild([&](const JsonNode& child) {
            if (child.key() == key)
                found = &child;
        });
    return found;
}

nlohmann::json JsonNode::toJson() const {
    switch (m_type) {
    case value_t::boolean:
        return m_number.boolean;
    case value_t::number_integer:
        return m_number.integer;
    case value_t::number_unsigned:
        return m_number.unsignedInteger;
    case value_t::number_float:
        return m_number.floating;
    case value_t::string:
        return get<std::string>();
    case value_t::object: {
        nlohmann::json out = nlohmann::json::object();
        forEachChild(
            [&](const JsonNode& child) { out[std::string(child.key())] = child.toJson(); });
        return out;
    }
    case value_t::array: {
        nlohmann::json out = nlohmann::json::array();
        forEachChild([&](const JsonNode& child) { out.push_back(child.toJson()); });
        return out;
    }
    default:
        return nullptr;
    }
}

std::string JsonNode::dump() const {
    return toJson().dump();
}

namespace {
/// Bytes a string holds as they are: printable ASCII but the quote and the backslash.
constexpr auto kPlain = [] {
    std::array<bool, 256> plain{};
    for (int c = 0x20; c < 0x80; ++c)
        plain[static_cast<std::size_t>(c)] = c != '"' && c != '\\';
    return plain;
}();
} // namespace

/// A strict RFC 8259 reader that appends each value to the tape as it meets it.
class JsonTapeParser {
public:
    JsonTapeParser(JsonTape& tape, std::string_view text)
        : m_tape(tape)
        , m_at(text.data())
        , m_begin(text.data())
        , m_end(text.data() + text.size()) {}

    void parse() {
        skipSpace();
        value();
        // Inside containers, without recursion however deep they nest: a member or element,
        // then ',' and the next, or the container's end.
        while (!m_tape.m_open.empty()) {
            // By index: reading a value grows the tape and moves its nodes.
            const std::uint32_t open = m_tape.m_open.back();
            const bool isObject = m_tape.m_nodes[open].m_type == value_t::object;
            const char close = isObject ? '}' : ']';
            skipSpace();
            if (peek() == close) {
                ++m_at;
                m_tape.m_nodes[open].m_span =
                    static_cast<std::uint32_t>(m_tape.m_nodes.size() - open);
                m_tape.m_open.pop_back();
                continue;
            }
            if (m_tape.m_nodes[open].m_size > 0) {
                if (peek() != ',')
                    fail(isObject ? "expected ',' or '}'" : "expected ',' or ']'");
                ++m_at;
                skipSpace();
            }
            if (isObject)
                key();
            value();
        }
        skipSpace();
        if (m_at != m_end)
            fail("unexpected text after the end of the document");
    }

private:
    [[noreturn]] void fail(const std::string& problem) const {
        throw JsonSyntaxError("syntax error at byte " + std::to_string(m_at - m_begin + 1) + ": " +
                              problem);
    }
    char peek() const { return m_at < m_end ? *m_at : '\0'; }
    void skipSpace() {
        while (m_at < m_end && (*m_at == ' ' || *m_at == '\n' || *m_at == '\r' || *m_at == '\t'))
            ++m_at;
    }

    /// Adds a node under the container being read, with the key read before it.
    JsonNode& add(value_t type) {
        if (!m_tape.m_open.empty())
            ++m_tape.m_nodes[m_tape.m_open.back()].m_size;
        JsonNode& node = m_tape.m_nodes.emplace_back();
        node.m_type = type;
        node.m_key = m_key;
        m_key = {};
        return node;
    }

    void key() {
        if (peek() != '"')
            fail("expected a key in quotes");
        m_key = string();
        skipSpace();
        if (peek() != ':')
            fail("expected ':' after the key");
        ++m_at;
        skipSpace();
    }

    /// One value; a container is only opened.
    void value() {
        switch (peek()) {
        case '{':
        case '[':
            // Opened here, its members read and closed by parse().
            add(*m_at++ == '{' ? value_t::object : value_t::array);
            m_tape.m_open.push_back(static_cast<std::uint32_t>(m_tape.m_nodes.size() - 1));
            return;
        case '"': {
            const JsonNode::Text text = string();
            add(value_t::string).m_text = text;
            return;
        }
        case 't':
            literal("true");
            add(value_t::boolean).m_number.boolean = true;
            return;
        case 'f':
            literal("false");
            add(value_t::boolean).m_number.boolean = false;
            return;
        case 'n':
            literal("null");
            add(value_t::null);
            return;
        default:
            if (peek() == '-' || (peek() >= '0' && peek() <= '9'))
                return number();
            fail(m_at == m_end ? "unexpected end of the text" : "expected a value");
        }
    }

    void literal(const char* word) {
        const std::size_t length = std::strlen(word);
        if (static_cast<std::size_t>(m_end - m_at) < length || std::memcmp(m_at, word, length) != 0)
            fail("expected a value");
        m_at += length;
    }

    void number() {
        const char* start = m_at;
        auto digits = [&] {
            const char* first = m_at;
            while (m_at < m_end && *m_at >= '0' && *m_at <= '9')
                ++m_at;
            return m_at - first;
        };
        if (peek() == '-')
            ++m_at;
        if (peek() == '0')
            ++m_at;
        else if (digits() == 0)
            fail("expected a digit");
        bool whole = true;
        if (peek() == '.') {
            ++m_at;
            whole = false;
            if (digits() == 0)
                fail("expected a digit after '.'");
        }
        if (peek() == 'e' || peek() == 'E') {
            ++m_at;
            whole = false;
            if (peek() == '+' || peek() == '-')
                ++m_at;
            if (digits() == 0)
                fail("expected a digit in the exponent");
        }
        // As nlohmann::json: a whole number that does not fit 64 bits is read as a float.
        if (whole) {
            if (*start == '-') {
                std::int64_t value = 0;
                if (std::from_chars(start, m_at, value).ec == std::errc()) {
                    add(value_t::number_integer).m_number.integer = value;
                    return;
                }
            } else {
                std::uint64_t value = 0;
                if (std::from_chars(start, m_at, value).ec == std::errc()) {
                    add(value_t::number_unsigned).m_number.unsignedInteger = value;
                    return;
                }
            }
        }
        double value = 0;
        const auto result = std::from_chars(start, m_at, value);
        if (result.ec == std::errc::result_out_of_range)
            fail("the number " + std::string(start, m_at) + " is out of range");
        add(value_t::number_float).m_number.floating = value;
    }

    /// Reads a string, checking its escapes and that it is UTF-8. A string without escapes
    /// (nearly all) stays where it is in the document; one with escapes is decoded into the
    /// tape's text.
    JsonNode::Text string() {
        ++m_at; // the opening quote
        const char* start = m_at;
        std::string* out = nullptr; // the decoded text, once an escape is met
        std::size_t offset = 0;
        for (;;) {
            const char* run = m_at;
            while (m_at < m_end && kPlain[static_cast<unsigned char>(*m_at)])
                ++m_at;
            if (out)
                out->append(run, m_at);
            if (m_at == m_end)
                fail("the text ends inside a string");
            const auto byte = static_cast<unsigned char>(*m_at);
            if (byte == '"')
                break;
            if (byte == '\\') {
                if (!out) {
                    out = &m_tape.m_text;
                    offset = out->size();
                    out->append(start, m_at);
                }
                escape(*out);
            } else if (byte < 0x20) {
                fail("control character in a string (must be escaped)");
            } else {
                const char* sequence = m_at;
                utf8Sequence();
                if (out)
                    out->append(sequence, m_at);
            }
        }
        JsonNode::Text text;
        if (out) {
            text.at = offset;
            text.length = static_cast<std::uint32_t>(out->size() - offset);
            text.decoded = true;
            m_decoded = true;
        } else {
            text.at = reinterpret_cast<std::uintptr_t>(start);
            text.length = static_cast<std::uint32_t>(m_at - start);
        }
        ++m_at; // the closing quote
        return text;
    }

    void escape(std::string& out) {
        ++m_at;
        if (m_at == m_end)
            fail("the text ends inside a string");
        const char c = *m_at++;
        switch (c) {
        case '"':
        case '\\':
        case '/':
            out += c;
            return;
        case 'b':
            out += '\b';
            return;
        case 'f':
            out += '\f';
            return;
        case 'n':
            out += '\n';
            return;
        case 'r':
            out += '\r';
            return;
        case 't':
            out += '\t';
            return;
        case 'u':
            break;
        default:
            --m_at;
            fail("invalid escape in a string");
        }
        std::uint32_t code = hex4();
        if (code >= 0xD800 && code <= 0xDBFF) {
            if (m_end - m_at < 2 || m_at[0] != '\\' || m_at[1] != 'u')
                fail("a high surrogate \\u escape must be followed by a low one");
            m_at += 2;
            const std::uint32_t low = hex4();
            if (low < 0xDC00 || low > 0xDFFF)
                fail("a high surrogate \\u escape must be followed by a low one");
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
        } else if (code >= 0xDC00 && code <= 0xDFFF) {
            fail("a low surrogate \\u escape without a high one");
        }
        if (code < 0x80) {
            out += static_cast<char>(code);
        } else if (code < 0x800) {
            out += static_cast<char>(0xC0 | (code >> 6));
            out += static_cast<char>(0x80 | (code & 0x3F));
        } else if (code < 0x10000) {
            out += static_cast<char>(0xE0 | (code >> 12));
            out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (code & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (code >> 18));
            out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (code & 0x3F));
        }
    }

    std::uint32_t hex4() {
        if (m_end - m_at < 4)
            fail("the text ends inside a \\u escape");
        std::uint32_t code = 0;
        for (int i = 0; i < 4; ++i, ++m_at) {
            const char c = *m_at;
            code <<= 4;
            if (c >= '0' && c <= '9')
                code |= static_cast<std::uint32_t>(c - '0');
            else if (c >= 'a' && c <= 'f')
                code |= static_cast<std::uint32_t>(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F')
                code |= static_cast<std::uint32_t>(c - 'A' + 10);
            else
                fail("expected four hexadecimal digits after \\u");
        }
        return code;
    }

    /// One multi-byte UTF-8 character, checked as RFC 3629 defines it (no overlong forms, no
    /// surrogates, nothing above U+10FFFF).
    void utf8Sequence() {
        const auto* at = reinterpret_cast<const unsigned char*>(m_at);
        const auto* end = reinterpret_cast<const unsigned char*>(m_end);
        const unsigned char lead = at[0];
        int length = 0;
        unsigned char low = 0x80;
        unsigned char high = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            if (lead == 0xE0)
                low = 0xA0;
            else if (lead == 0xED)
                high = 0x9F;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            if (lead == 0xF0)
                low = 0x90;
            else if (lead == 0xF4)
                high = 0x8F;
        } else {
            fail("invalid UTF-8 in a string");
        }
        if (end - at < length)
            fail("invalid UTF-8 in a string");
        if (at[1] < low || at[1] > high)
            fail("invalid UTF-8 in a string");
        for (int i = 2; i < length; ++i)
            if (at[i] < 0x80 || at[i] > 0xBF)
                fail("invalid UTF-8 in a string");
        m_at += length;
    }

    JsonTape& m_tape;
    const char* m_at;
    const char* m_begin;
    const char* m_end;
    JsonNode::Text m_key;   // the key read for the next value
    bool m_decoded = false; // whether any string went into the tape's text
    friend class JsonTape;
};

const JsonNode& JsonTape::parse(std::string_view text) {
    if (text.size() >= std::numeric_limits<std::uint32_t>::max())
        throw JsonSyntaxError("the text is too long");
    m_nodes.clear();
    m_text.clear();
    m_open.clear();
    JsonTapeParser parser(*this, text);
    parser.parse();
    if (parser.m_decoded) {
        const auto base = reinterpret_cast<std::uintptr_t>(m_text.data());
        for (JsonNode& node : m_nodes) {
            if (node.m_key.decoded)
                node.m_key.at += base;
            if (node.m_text.decoded)
                node.m_text.at += base;
        }
    }
    return m_nodes.front();
}

} // namespace gemba::store::detail
