#include "gemba/store/portfolio_sources.h"

#include "gemba/store/catalogue_file.h"
#include "gemba/store/errors.h"
#include "gemba/store/project_file.h"
#include "gemba/store/repository.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace gemba::store {

namespace {

bool isRepository(const std::string& where) {
    return where.rfind("postgresql://", 0) == 0 || where.rfind("postgres://", 0) == 0;
}

} // namespace

std::vector<metrics::PortfolioSource> readPortfolioSources(const std::string& where,
                                                           std::vector<SkippedSource>& skipped) {
    namespace fs = std::filesystem;
    if (isRepository(where)) {
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

PortfolioCatalogue readPortfolioCatalogue(const std::string& where) {
    PortfolioCatalogue out;
    if (isRepository(where)) {
        out.place = "repository";
        try {
            RepositoryCatalogue read = Repository(where).readCatalogue();
            out.catalogue = std::move(read.catalogue);
            out.version = read.version;
            out.stored = true;
        } catch (const RepositoryError& e) {
            throw InputError("", "repository", e.what()); // the URL may hold a password
        }
        return out;
    }
    std::error_code error;
    if (!std::filesystem::is_directory(where, error))
        throw InputError(where, "", "not a folder");
    const std::filesystem::path file = catalogueFileOf(where);
    out.place = file.string();
    if (auto read = readCatalogueFile(file)) {
        out.catalogue = std::move(*read);
        out.stored = true;
    }
    return out;
}

void writePortfolioCatalogue(const std::string& where, PortfolioCatalogue& catalogue) {
    if (isRepository(where)) {
        try {
            catalogue.version =
                Repository(where).saveCatalogue(catalogue.catalogue, catalogue.version);
        } catch (const RepositoryError& e) {
            throw InputError("", "repository", e.what());
        }
    } else {
        writeCatalogueFile(catalogue.catalogue, catalogueFileOf(where));
    }
    catalogue.stored = true;
}

} // namespace gemba::store
