#pragma once

#include "gemba/metrics/portfolio.h"
#include "gemba/model/catalogue.h"

#include <map>
#include <string>
#include <vector>

/// How the streams of a portfolio use the organisation's catalogue: which streams refer to each
/// entry, which systems and people match none, and which look like duplicates.
namespace gemba::metrics {

/// A system or person of the streams as one thing: a catalogue entry, or a name no entry
/// resolves (grouped by model::catalogueKey).
struct CatalogueItem {
    model::CatalogueKind kind = model::CatalogueKind::System;
    std::string entryId; ///< empty: no entry resolves the name
    std::string name;    ///< the entry's name, else the name as first written
    /// The names the streams wrote, each once (by model::catalogueKey), in order of sight.
    std::vector<std::string> spellings;
    std::vector<std::size_t> streams; ///< indexes into the sources, ascending, each once
};

struct CatalogueUsage {
    /// Every entry of the catalogue (used or not), then every name no entry resolves; each
    /// kind by name.
    std::vector<CatalogueItem> items;
};

/// Resolves every system and person of each project (its lists, whether or not a step uses
/// them) against `catalogue`.
CatalogueUsage catalogueUsage(const model::Catalogue& catalogue,
                              const std::vector<PortfolioSource>& sources);

/// Items whose names fold alike (model::duplicateFold: case, spaces and punctuation ignored)
/// but that are not one entry: "E-Mail" in one stream and "email" in another, or two catalogue
/// entries "SAP ERP" and "sap-erp". Each suggestion lists two or more items of one kind.
struct DuplicateSuggestion {
    model::CatalogueKind kind = model::CatalogueKind::System;
    std::string fold; ///< what their names fold to
    std::vector<CatalogueItem> items;
};

std::vector<DuplicateSuggestion> suggestDuplicates(const CatalogueUsage& usage);

} // namespace gemba::metrics
