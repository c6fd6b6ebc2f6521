#include "drawio_xml.h"

#include "gemba/store/errors.h"

#include <array>
#include <cstring>
#include <expat.h>
#include <zlib.h>

namespace gemba::store::detail {

const std::string* XmlNode::attribute(std::string_view key) const {
    for (const auto& [name, value] : attributes)
        if (name == key)
            return &value;
    return nullptr;
}

std::string XmlNode::attributeOr(std::string_view key, std::string_view fallback) const {
    const std::string* value = attribute(key);
    return value ? *value : std::string(fallback);
}

const XmlNode* XmlNode::child(std::string_view childName) const {
    for (const auto& node : children)
        if (node->name == childName)
            return node.get();
    return nullptr;
}

namespace {

/// The state of one expat parse: the open elements and the first reason to stop.
struct ParseState {
    XML_Parser parser = nullptr;
    const DrawioLimits* limits = nullptr;
    std::unique_ptr<XmlNode> root;
    std::vector<XmlNode*> open;
    std::size_t elements = 0;
    std::string problem; ///< set when a handler stopped the parser
    XML_Size line = 0;
    XML_Size column = 0;

    void stop(std::string why) {
        if (problem.empty()) {
            problem = std::move(why);
            line = XML_GetCurrentLineNumber(parser);
            column = XML_GetCurrentColumnNumber(parser) + 1;
        }
        XML_StopParser(parser, XML_FALSE);
    }
};

void XMLCALL onStart(void* data, const XML_Char* name, const XML_Char** attributes) {
    auto& state = *static_cast<ParseState*>(data);
    if (static_cast<int>(state.open.size()) >= state.limits->maxDepth)
        return state.stop("elements are nested more than " +
                          std::to_string(state.limits->maxDepth) + " deep");
    if (++state.elements > state.limits->maxElements)
        return state.stop("more than " + std::to_string(state.limits->maxElements) + " elements");
    auto node = std::make_unique<XmlNode>();
    node->name = name;
    for (const XML_Char** a = attributes; a[0] != nullptr; a += 2)
        node->attributes.emplace_back(a[0], a[1]);
    XmlNode* raw = node.get();
    if (state.open.empty()) {
        if (state.root)
            return state.stop("more than one root element");
        state.root = std::move(node);
    } else {
        state.open.back()->children.push_back(std::move(node));
    }
    state.open.push_back(raw);
}

void XMLCALL onEnd(void* data, const XML_Char*) {
    auto& state = *static_cast<ParseState*>(data);
    if (!state.open.empty())
        state.open.pop_back();
}

void XMLCALL onText(void* data, const XML_Char* text, int length) {
    auto& state = *static_cast<ParseState*>(data);
    if (!state.open.empty())
        state.open.back()->text.append(text, static_cast<std::size_t>(length));
}

// A DTD is where entity expansion (billion laughs, external entities) lives; draw.io never
// writes one, so any DOCTYPE is refused before its content is read.
void XMLCALL onDoctype(void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
    static_cast<ParseState*>(data)->stop("a DOCTYPE declaration (draw.io files have none; "
                                         "entities are not read)");
}

void XMLCALL onEntity(void* data, const XML_Char*, int, const XML_Char*, int, const XML_Char*,
                      const XML_Char*, const XML_Char*, const XML_Char*) {
    static_cast<ParseState*>(data)->stop("an entity declaration (entities are not read)");
}

struct ParserFree {
    void operator()(XML_Parser parser) const { XML_ParserFree(parser); }
};

} // namespace

std::unique_ptr<XmlNode> parseXml(std::string_view bytes, const std::string& file,
                                  const DrawioLimits& limits) {
    std::unique_ptr<std::remove_pointer_t<XML_Parser>, ParserFree> parser(
        XML_ParserCreate("UTF-8"));
    if (!parser)
        throw InputError(file, "", "out of memory while reading XML");
    ParseState state;
    state.parser = parser.get();
    state.limits = &limits;
    XML_SetUserData(parser.get(), &state);
    XML_SetElementHandler(parser.get(), onStart, onEnd);
    XML_SetCharacterDataHandler(parser.get(), onText);
    XML_SetStartDoctypeDeclHandler(parser.get(), onDoctype);
    XML_SetEntityDeclHandler(parser.get(), onEntity);
    XML_SetParamEntityParsing(parser.get(), XML_PARAM_ENTITY_PARSING_NEVER);

    // Fed in pieces: expat's length is an int.
    constexpr std::size_t kChunk = 1u << 20;
    std::size_t offset = 0;
    bool ok = true;
    do {
        const std::size_t size = std::min(kChunk, bytes.size() - offset);
        const bool last = offset + size == bytes.size();
        ok = XML_Parse(parser.get(), bytes.data() + offset, static_cast<int>(size),
                       last ? XML_TRUE : XML_FALSE) == XML_STATUS_OK;
        offset += size;
    } while (ok && offset < bytes.size());
    if (!ok || !state.problem.empty()) {
        std::string problem = state.problem;
        XML_Size line = state.line;
        XML_Size column = state.column;
        if (problem.empty()) {
            problem = XML_ErrorString(XML_GetErrorCode(parser.get()));
            line = XML_GetCurrentLineNumber(parser.get());
            column = XML_GetCurrentColumnNumber(parser.get()) + 1;
        }
        throw InputError(file,
                         "line " + std::to_string(line) + ", column " + std::to_string(column),
                         "not readable XML: " + problem);
    }
    if (!state.root)
        throw InputError(file, "", "the file is empty");
    return std::move(state.root);
}

std::optional<std::string> decodeBase64(std::string_view text) {
    static const auto table = [] {
        std::array<int, 256> t{};
        t.fill(-1);
        const char* alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < 64; ++i)
            t[static_cast<unsigned char>(alphabet[i])] = i;
        return t;
    }();
    std::string out;
    out.reserve(text.size() / 4 * 3);
    unsigned buffer = 0;
    int bits = 0;
    std::size_t symbols = 0;
    std::size_t padding = 0;
    for (char c : text) {
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t')
            continue;
        if (c == '=') {
            ++padding;
            ++symbols;
            continue;
        }
        const int value = table[static_cast<unsigned char>(c)];
        if (value < 0 || padding > 0)
            return std::nullopt; // not base64, or data after the padding
        buffer = (buffer << 6) | static_cast<unsigned>(value);
        bits += 6;
        ++symbols;
        if (bits >= 8) {
            bits -= 8;
            out.push_back(static_cast<char>((buffer >> bits) & 0xFF));
        }
    }
    if (symbols % 4 != 0 || padding > 2 || symbols == 0)
        return std::nullopt;
    return out;
}

std::string encodeBase64(std::string_view data) {
    const char* alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((data.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 2 < data.size(); i += 3) {
        const unsigned n = (static_cast<unsigned char>(data[i]) << 16) |
                           (static_cast<unsigned char>(data[i + 1]) << 8) |
                           static_cast<unsigned char>(data[i + 2]);
        for (int shift : {18, 12, 6, 0})
            out.push_back(alphabet[(n >> shift) & 63]);
    }
    if (i < data.size()) {
        unsigned n = static_cast<unsigned char>(data[i]) << 16;
        if (i + 1 < data.size())
            n |= static_cast<unsigned char>(data[i + 1]) << 8;
        out.push_back(alphabet[(n >> 18) & 63]);
        out.push_back(alphabet[(n >> 12) & 63]);
        out.push_back(i + 1 < data.size() ? alphabet[(n >> 6) & 63] : '=');
        out.push_back('=');
    }
    return out;
}

std::string inflateRaw(std::string_view data, std::size_t maxBytes, const std::string& file,
                       const std::string& place) {
    z_stream stream{};
    if (inflateInit2(&stream, -MAX_WBITS) != Z_OK)
        throw InputError(file, place, "cannot start inflating");
    std::string out;
    std::array<char, 64 * 1024> buffer{};
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    stream.avail_in = static_cast<uInt>(data.size());
    int status = Z_OK;
    while (status != Z_STREAM_END) {
        stream.next_out = reinterpret_cast<Bytef*>(buffer.data());
        stream.avail_out = static_cast<uInt>(buffer.size());
        status = inflate(&stream, Z_NO_FLUSH);
        if (status != Z_OK && status != Z_STREAM_END) {
            inflateEnd(&stream);
            throw InputError(file, place,
                             status == Z_BUF_ERROR ? "the compressed page is cut short"
                                                   : "the compressed page is damaged");
        }
        const std::size_t produced = buffer.size() - stream.avail_out;
        if (out.size() + produced > maxBytes) {
            inflateEnd(&stream);
            throw InputError(file, place,
                             "the compressed page inflates to more than " +
                                 std::to_string(maxBytes >> 20) + " MiB; not read");
        }
        out.append(buffer.data(), produced);
        if (status == Z_OK && produced == 0 && stream.avail_in == 0) {
            inflateEnd(&stream);
            throw InputError(file, place, "the compressed page is cut short");
        }
    }
    inflateEnd(&stream);
    return out;
}

std::string deflateRaw(std::string_view data) {
    z_stream stream{};
    deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
    std::string out(deflateBound(&stream, static_cast<uLong>(data.size())), '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    stream.avail_in = static_cast<uInt>(data.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    deflate(&stream, Z_FINISH);
    out.resize(stream.total_out);
    deflateEnd(&stream);
    return out;
}

std::optional<std::string> decodeUrl(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    auto hex = [](char c) -> int {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '%') {
            out.push_back(text[i]);
            continue;
        }
        if (i + 2 >= text.size())
            return std::nullopt;
        const int high = hex(text[i + 1]);
        const int low = hex(text[i + 2]);
        if (high < 0 || low < 0)
            return std::nullopt;
        out.push_back(static_cast<char>(high * 16 + low));
        i += 2;
    }
    return out;
}

namespace {

std::string pageName(const XmlNode& diagram, std::size_t index) {
    std::string name = diagram.attributeOr("name");
    return name.empty() ? "Page-" + std::to_string(index + 1) : name;
}

/// The pages of an <mxfile> (or of a bare <mxGraphModel>), added to `document`.
void addPages(DrawioDocument& document, const XmlNode& root, const std::string& file,
              const DrawioLimits& limits) {
    if (root.name == "mxGraphModel") {
        document.pages.push_back({"Page-1", &root});
        return;
    }
    if (root.name != "mxfile")
        throw InputError(file, "<" + root.name + ">",
                         "not a draw.io file (its root is neither <mxfile> nor <mxGraphModel>)");
    std::size_t inflated = 0;
    std::size_t index = 0;
    for (const auto& node : root.children) {
        if (node->name != "diagram")
            continue;
        DrawioPage page;
        page.name = pageName(*node, index++);
        const std::string place = "page \"" + page.name + "\"";
        if (const XmlNode* model = node->child("mxGraphModel")) {
            page.model = model;
        } else {
            // Compressed: base64, then raw deflate, then URL-encoding.
            const std::string_view payload = node->text;
            if (payload.find_first_not_of(" \t\r\n") == std::string_view::npos)
                throw InputError(file, place, "the page is empty");
            const auto raw = decodeBase64(payload);
            if (!raw)
                throw InputError(file, place, "the compressed page is not valid base64; not read");
            std::string xml = inflateRaw(*raw, limits.maxInflatedBytes - inflated, file, place);
            inflated += xml.size();
            const auto decoded = decodeUrl(xml);
            if (!decoded)
                throw InputError(file, place, "the compressed page has a malformed %-escape");
            auto tree = parseXml(*decoded, file + " (" + place + ")", limits);
            if (tree->name != "mxGraphModel")
                throw InputError(file, place,
                                 "the compressed page holds <" + tree->name +
                                     ">, not <mxGraphModel>");
            page.model = tree.get();
            document.trees.push_back(std::move(tree));
        }
        document.pages.push_back(std::move(page));
    }
    if (document.pages.empty())
        throw InputError(file, "<mxfile>", "the file has no pages (<diagram> elements)");
}

} // namespace

DrawioDocument readDrawioPages(std::string_view bytes, const std::string& file,
                               const DrawioLimits& limits) {
    DrawioDocument document;
    document.trees.push_back(parseXml(bytes, file, limits));
    const XmlNode* root = document.trees.front().get();
    if (root->name == "svg") {
        // A .drawio.svg keeps the whole <mxfile> in the content attribute of its root.
        const std::string* content = root->attribute("content");
        if (!content || content->empty())
            throw InputError(file, "<svg>",
                             "an SVG without draw.io content (no 'content' attribute)");
        document.trees.push_back(parseXml(*content, file + " (<svg content>)", limits));
        root = document.trees.back().get();
    }
    addPages(document, *root, file, limits);
    return document;
}

} // namespace gemba::store::detail
