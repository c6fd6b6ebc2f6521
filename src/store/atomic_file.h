#pragma once

#include <filesystem>
#include <string_view>

/// Atomic replacement of a file: write a temporary file beside it, sync it, rename it over the
/// target, sync the directory. A reader sees the old file or the new one, never a mix.
namespace gemba::store::detail {

/// A new, empty temporary file in the target's directory (hidden: ".<name>.<16 hex>.tmp"),
/// locked (flock) for as long as it exists, so that other saves see it is alive. The destructor
/// removes it unless commit() renamed it over the target. Throws InputError naming the target
/// when the file cannot be created or the target is read-only. Stale temporary files of the
/// target are removed first.
class TempFile {
public:
    explicit TempFile(const std::filesystem::path& target);
    ~TempFile();
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;

    const std::filesystem::path& path() const { return m_path; }
    const std::filesystem::path& target() const { return m_target; }

    /// Flushes the temporary file's data to disk (fsync).
    void sync();
    /// Renames the temporary file over the target, then syncs the directory.
    void commit();

private:
    std::filesystem::path m_target;
    std::filesystem::path m_path;
    bool m_committed = false;
    int m_fd = -1; ///< holds the lock
};

/// Removes the temporary files of saves of `target` that no live process holds (left by a
/// save that was killed), and returns how many. Never throws: a file it cannot remove stays.
int removeStaleTempFiles(const std::filesystem::path& target);

/// Writes `bytes` to `target` through a TempFile. Throws InputError.
void writeFileAtomically(const std::filesystem::path& target, std::string_view bytes);

/// The message of a failed system call: "cannot save: Permission denied".
[[noreturn]] void throwSystemError(const std::filesystem::path& file, const char* action,
                                   int error);

} // namespace gemba::store::detail
