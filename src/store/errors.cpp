#include "gemba/store/errors.h"

#include <utility>

namespace gemba::store {

namespace {
std::string compose(const std::string& file, const std::string& place, const std::string& problem) {
    std::string out = file;
    for (const std::string* part : {&place, &problem}) {
        if (part->empty())
            continue;
        if (!out.empty())
            out += ": ";
        out += *part;
    }
    return out;
}
} // namespace

InputError::InputError(std::string file, std::string place, std::string problem)
    : std::runtime_error(compose(file, place, problem))
    , m_file(std::move(file))
    , m_place(std::move(place))
    , m_problem(std::move(problem)) {}

} // namespace gemba::store
