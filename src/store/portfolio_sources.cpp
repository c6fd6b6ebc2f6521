#include "gemba/store/portfolio_sources.h"

#include "gemba/store/errors.h"
#include "gemba/store/project_file.h"
#include "gemba/store/repository.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace gemba::store {

std::vector<metrics::PortfolioSource> readPortfolioSources(const std::string& where,
                                                           std::vector<SkippedSource>& skipped) {
    namespace fs = std::filesystem;
    if (where.rfind("postgresql://", 0) == 0 || where.rfind("postgres://", 0) == 0) {
        try {
            std::vector<metrics::PortfolioSource> sources;
            for (auto& [name, project] : Repository(where).pullAll())
                sources.push_back({name, std::move(project)});
            return sources;
        } catch (const RepositoryError& e) {
            throw InputError("", "repository", e.what()); // the URL may hold a password
        }
    }
    std::error_code error;
    if (!fs::is_directory(where, error))
        throw InputError(where, "", "not a folder");
    std::vector<fs::path> files;
    for (const fs::directory_entry& entry : fs::directory_iterator(where, error))
        if (entry.path().extension() == ".gemba" && entry.is_regular_file(error))
            files.push_back(entry.path());
    if (error)
        throw InputError(where, "", "cannot list the folder: " + error.message());
    std::sort(files.begin(), files.end());
    std::vector<metrics::PortfolioSource> sources;
    for (const fs::path& file : files) {
        try {
            sources.push_back({file.filename().string(), openProject(file)});
        } catch (const InputError& e) {
            skipped.push_back({file.filename().string(), e.what()});
        }
    }
    return sources;
}

} // namespace gemba::store
