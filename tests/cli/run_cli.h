#pragma once

#include "files.h"

#include <filesystem>
#include <string>
#include <vector>

/// Runs the real gemba-cli binary, as a user or a script would, and captures what it says.
namespace gemba::cli::test {

struct CliResult {
    int exitCode = -1;
    bool crashed = false; ///< ended by a signal (a crash or an abort)
    std::string out;
    std::string err;
};

/// Runs gemba-cli with `arguments` in the folder `cwd`. `environment` entries ("LC_ALL=de_DE")
/// are added to the test's own environment.
CliResult runCli(const std::vector<std::string>& arguments, const std::filesystem::path& cwd,
                 const std::vector<std::string>& environment = {});

using gemba::test::readFile;
using gemba::test::TempDir;
using gemba::test::writeFile;

} // namespace gemba::cli::test
