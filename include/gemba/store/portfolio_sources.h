#pragma once

#include "gemba/metrics/portfolio.h"

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

} // namespace gemba::store
