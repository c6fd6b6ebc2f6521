#pragma once

#include <iosfwd>
#include <string>
#include <vector>

/// gemba-cli's entry point, apart from main() so that it can be driven with any streams.
namespace gemba::cli {

/// Runs the command line `arguments` (without the program name) and returns the exit code.
/// Never throws: every error becomes a message on `err` and exit code 2.
int run(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err);

} // namespace gemba::cli
