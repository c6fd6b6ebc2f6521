#pragma once

#include "gemba/metrics/portfolio.h"
#include "gemba/model/catalogue.h"

#include <string>
#include <vector>

/// Where a portfolio's projects come from: a folder of .gemba files, or the repository.
namespace gemba::store {

/// A project that could not be read, and why.
struct SkippedSource {
    std::string source;
    std::string error;
};

/// Every project of the repository when `where` is a postgresql:// URL, by name; else every
/// .gemba file of the folder `where` (not its subfolders), by file name. A file that cannot be
/// read is added to `skipped` with its message. Throws InputError when `where` is neither a
/// folder nor a repository that can be read.
std::vector<metrics::PortfolioSource> readPortfolioSources(const std::string& where,
                                                           std::vector<SkippedSource>& skipped);

/// The organisation's catalogue of a portfolio: the folder's catalogue.json, or the
/// repository's catalogue.
struct PortfolioCatalogue {
    model::Catalogue catalogue;
    bool stored = false;   ///< false: there is none yet (an empty catalogue)
    long long version = 0; ///< the repository's version it was read at
    std::string place;     ///< the file, or "repository", for messages
};

/// Reads the catalogue of `where` (a folder or a postgresql:// URL). Throws InputError.
PortfolioCatalogue readPortfolioCatalogue(const std::string& where);
/// Saves it back, atomically. The repository refuses (InputError naming who saved it and when)
/// a save over a catalogue saved by someone else after it was read.
void writePortfolioCatalogue(const std::string& where, PortfolioCatalogue& catalogue);

} // namespace gemba::store
