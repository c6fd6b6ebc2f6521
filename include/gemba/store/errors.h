#pragma once

#include <stdexcept>
#include <string>

namespace gemba::store {

/// Input that Gemba refuses, with the place it was found. what() is the whole message, ready
/// for a user: "steps.csv: row 4, column 'process time': '30' has no unit".
class InputError : public std::runtime_error {
public:
    InputError(std::string file, std::string place, std::string problem);
    const std::string& file() const { return m_file; }
    const std::string& place() const {
        return m_place;
    } ///< "row 4, column 'x'", "/maps/0/steps/2/name"
    const std::string& problem() const { return m_problem; }

private:
    std::string m_file;
    std::string m_place;
    std::string m_problem;
};

} // namespace gemba::store
