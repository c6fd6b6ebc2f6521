#pragma once

#include "gemba/store/drawio.h"

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

/// Reading draw.io files down to their pages: the XML (expat, with no DTD and so no entities),
/// base64, raw deflate (zlib) and URL-encoding, each within the limits of DrawioLimits.
namespace gemba::store::detail {

/// One element of an XML document: its name, attributes in document order, children and
/// character data.
struct XmlNode {
    std::string name;
    std::vector<std::pair<std::string, std::string>> attributes;
    std::vector<std::unique_ptr<XmlNode>> children;
    std::string text;

    /// The attribute's value, or null when the element has none by that name.
    const std::string* attribute(std::string_view key) const;
    std::string attributeOr(std::string_view key, std::string_view fallback = {}) const;
    const XmlNode* child(std::string_view childName) const;
};

/// Parses a whole document. Throws InputError naming `file` and the line and column of the
/// first problem, including a DOCTYPE (refused: draw.io never writes one, and it is where
/// entity bombs live) and a document deeper or larger than the limits.
std::unique_ptr<XmlNode> parseXml(std::string_view bytes, const std::string& file,
                                  const DrawioLimits& limits);

/// One page of a draw.io file: its name and its <mxGraphModel>.
struct DrawioPage {
    std::string name;
    const XmlNode* model = nullptr;
};

/// The pages of a file and the XML trees they point into (the file's, and one per page that
/// was stored compressed).
struct DrawioDocument {
    std::vector<std::unique_ptr<XmlNode>> trees;
    std::vector<DrawioPage> pages;
};

/// The pages of a .drawio, draw.io .xml or .drawio.svg file, in order. Throws InputError.
DrawioDocument readDrawioPages(std::string_view bytes, const std::string& file,
                               const DrawioLimits& limits);

/// Strict base64 (whitespace allowed between characters). Nothing when the text is not base64.
std::optional<std::string> decodeBase64(std::string_view text);
/// Raw deflate data inflated, refusing output beyond maxBytes. Throws InputError.
std::string inflateRaw(std::string_view data, std::size_t maxBytes, const std::string& file,
                       const std::string& place);
/// The bytes deflated raw (for tests and for writing compressed pages).
std::string deflateRaw(std::string_view data);
std::string encodeBase64(std::string_view data);
/// %XX sequences decoded (as JavaScript's decodeURIComponent). Nothing when one is malformed.
std::optional<std::string> decodeUrl(std::string_view text);

} // namespace gemba::store::detail
