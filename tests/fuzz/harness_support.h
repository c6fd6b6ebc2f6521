#pragma once

#include "gemba/metrics/metrics.h"
#include "gemba/model/project.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

/// What every harness checks beyond "no crash": helpers shared by the fuzz harnesses.
namespace gemba::fuzz {

/// The input as text, as a reader gets it.
inline std::string_view asText(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

/// Stops the run (a finding) with a message on standard error.
[[noreturn]] void fail(const char* harness, const char* what);

/// Every number a reader put into the steps and waits of the project is finite.
void checkFinite(const char* harness, const model::Project& project);

/// checkFinite, then every map's figures: never throws, and a figure shown for a valid map is
/// finite.
void checkMetrics(const char* harness, const model::Project& project);

} // namespace gemba::fuzz
