#pragma once

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

/// A fresh, empty folder under the system's temporary folder, removed by the destructor.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return m_path; }
    std::filesystem::path operator/(const std::string& name) const { return m_path / name; }

private:
    std::filesystem::path m_path;
};

std::string readFile(const std::filesystem::path& file);
void writeFile(const std::filesystem::path& file, const std::string& text);

} // namespace gemba::cli::test
