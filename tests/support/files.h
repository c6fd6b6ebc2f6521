#pragma once

#include <filesystem>
#include <string>

/// Files for tests that need real ones: a temporary folder and whole-file reads and writes.
namespace gemba::test {

/// A fresh, empty folder under the system's temporary folder, removed (with anything a test
/// made read-only in it) by the destructor.
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

/// The bytes of a file (empty when it cannot be read).
std::string readFile(const std::filesystem::path& file);
/// Replaces a file's bytes; throws std::runtime_error when it cannot.
void writeFile(const std::filesystem::path& file, const std::string& bytes);

} // namespace gemba::test
