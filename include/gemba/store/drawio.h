#pragma once

#include "gemba/model/project.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

/// Interchange with draw.io (diagrams.net) value stream maps drawn with its "Lean Mapping"
/// shapes: reading .drawio, .xml and .drawio.svg files into maps, and writing maps back as
/// .drawio files. The mapping, shape by shape, and the rules for data-box text are in
/// docs/file-format.md.
namespace gemba::store {

/// Bounds that keep a hostile file from taking unbounded memory or time.
struct DrawioLimits {
    std::uintmax_t maxFileBytes = 32u << 20;  ///< the file as stored
    std::size_t maxInflatedBytes = 64u << 20; ///< all compressed pages once inflated
    int maxDepth = 64;                        ///< XML elements inside each other
    std::size_t maxElements = 400000;         ///< XML elements in one document
};

struct DrawioImportOptions {
    std::optional<std::string> page; ///< import only the page with this name
    std::optional<double> demandPerDay;
    DrawioLimits limits;
};

/// One line of an import report.
struct DrawioReportItem {
    enum class Kind {
        Unmapped,     ///< a shape with no Gemba counterpart (kept as a note when it has text)
        Refused,      ///< a value that was not read (an ambiguous unit, a number without one)
        Joined,       ///< a loose edge end joined to the shape it touches
        NotJoined,    ///< an edge left out: an end touches no shape, or it loops on one
        Disagreement, ///< the diagram's own timeline or totals differ from Gemba's figures
        Assumption,   ///< a reading rule that decided something the diagram left open
    };
    Kind kind = Kind::Unmapped;
    std::string page;
    std::string cell; ///< the draw.io cell id, or empty for the page
    std::string message;
};

/// What one page turned into.
struct DrawioPageCounts {
    std::string page;
    model::Id map = model::kNoId;
    std::size_t cells = 0; ///< vertices and edges read
    std::size_t steps = 0;
    std::size_t waits = 0;
    std::size_t parties = 0;
    std::size_t infoBoxes = 0;
    std::size_t notes = 0;
    std::size_t redPens = 0;
    std::size_t flows = 0;
    std::size_t dataBoxes = 0;
    std::size_t unmapped = 0;
};

struct DrawioImportReport {
    std::string file;
    std::vector<DrawioPageCounts> pages;
    std::vector<DrawioReportItem> items;

    std::size_t count(DrawioReportItem::Kind kind) const;
    /// The report as lines a person reads: counts per page, then every item.
    std::string text() const;
    /// The report as JSON (the CLI's --json): {"file", "pages": [...], "items": [...]}.
    std::string json() const;
};

/// The name of a report item's kind: "unmapped", "refused", "joined", "not_joined",
/// "disagreement", "assumption".
std::string_view kindName(DrawioReportItem::Kind kind);

/// Adds one map per page of the draw.io document `bytes` to `project` (names made unique),
/// with any people and systems a Gemba-written file names that the project lacks. Throws
/// InputError naming `file` (and the page and cell) when the file cannot be read; the project
/// is then unchanged. Values that cannot be read are left empty and listed in `report`.
/// Returns the ids of the new maps, in page order.
std::vector<model::Id> importDrawio(model::Project& project, std::string_view bytes,
                                    const std::string& file, const DrawioImportOptions& options,
                                    DrawioImportReport& report);

/// importDrawio on a file, refusing one larger than options.limits.maxFileBytes before reading.
std::vector<model::Id> importDrawioFile(model::Project& project, const std::filesystem::path& file,
                                        const DrawioImportOptions& options,
                                        DrawioImportReport& report);

/// A .drawio document with one page per map: lean-mapping shapes, data boxes as draw.io users
/// write them, inventories with their quantities, flows of their kinds, red pens as kaizen
/// bursts and a timeline with Gemba's computed figures. Fields draw.io has no shape for (roles,
/// value classes, frictions...) ride along as the shapes' data, so that importing the file
/// gives back the same maps.
std::string exportDrawio(const model::Project& project, const std::vector<const model::Map*>& maps);

/// exportDrawio written atomically to `file`. Throws InputError.
void writeDrawioFile(const model::Project& project, const std::vector<const model::Map*>& maps,
                     const std::filesystem::path& file);

} // namespace gemba::store
