#include "atomic_file.h"

#include "gemba/store/errors.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <random>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace gemba::store::detail {

namespace fs = std::filesystem;

void throwSystemError(const fs::path& file, const char* action, int error) {
    throw InputError(file.string(), "", std::string(action) + ": " + std::strerror(error));
}

namespace {

/// The file a save really replaces: a symbolic link is followed, so that saving through it
/// updates the file it points to instead of replacing the link.
fs::path resolveTarget(const fs::path& target) {
    std::error_code ec;
    if (fs::is_symlink(target, ec)) {
        fs::path resolved = fs::weakly_canonical(target, ec);
        if (!ec)
            return resolved;
    }
    return target;
}

} // namespace

TempFile::TempFile(const fs::path& target)
    : m_target(resolveTarget(target)) {
    fs::path directory = m_target.parent_path();
    if (directory.empty())
        directory = ".";
    std::error_code ec;
    const bool isFolder = fs::is_directory(directory, ec);
    if (ec && ec != std::errc::no_such_file_or_directory)
        throw InputError(target.string(), "", "cannot save: " + ec.message());
    if (!isFolder)
        throw InputError(target.string(), "",
                         "cannot save: the folder " + directory.string() + " does not exist");
    if (fs::is_directory(m_target, ec))
        throw InputError(target.string(), "", "cannot save: it is a folder");

    std::random_device seed;
    std::mt19937_64 random(seed());
    for (int attempt = 0; attempt < 100; ++attempt) {
        char suffix[32];
        std::snprintf(suffix, sizeof suffix, ".%016llx.tmp",
                      static_cast<unsigned long long>(random()));
        fs::path candidate = directory / ("." + m_target.filename().string() + suffix);
        // 0666 lets the umask decide, as for any new file the user creates.
        const int fd = ::open(candidate.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0666);
        if (fd < 0) {
            if (errno == EEXIST)
                continue;
            throwSystemError(target, "cannot save", errno);
        }
        // Keep the permissions of the file being replaced.
        struct stat existing {};
        if (::stat(m_target.c_str(), &existing) == 0)
            ::fchmod(fd, existing.st_mode & 07777);
        ::close(fd);
        m_path = std::move(candidate);
        return;
    }
    throw InputError(target.string(), "", "cannot save: no free temporary file name");
}

TempFile::~TempFile() {
    if (!m_committed && !m_path.empty())
        ::unlink(m_path.c_str());
}

void TempFile::sync() {
    const int fd = ::open(m_path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        throwSystemError(m_target, "cannot save (opening to sync)", errno);
    const int rc = ::fsync(fd);
    const int error = errno;
    ::close(fd);
    if (rc != 0)
        throwSystemError(m_target, "cannot save (sync)", error);
}

void TempFile::commit() {
    if (::rename(m_path.c_str(), m_target.c_str()) != 0)
        throwSystemError(m_target, "cannot save (rename)", errno);
    m_committed = true;
    fs::path directory = m_target.parent_path();
    if (directory.empty())
        directory = ".";
    // The new file is in place and a rename cannot be taken back, so a failed directory sync
    // is not reported as a failed save: a throw must always mean "the old file is intact".
    const int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

void writeFileAtomically(const fs::path& target, std::string_view bytes) {
    TempFile temp(target);
    const int fd = ::open(temp.path().c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
    if (fd < 0)
        throwSystemError(target, "cannot save", errno);
    std::size_t written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            const int error = errno;
            ::close(fd);
            throwSystemError(target, "cannot save", error);
        }
        written += static_cast<std::size_t>(n);
    }
    const int rc = ::fsync(fd);
    const int error = errno;
    if (::close(fd) != 0 || rc != 0)
        throwSystemError(target, "cannot save (sync)", rc != 0 ? error : errno);
    temp.commit();
}

} // namespace gemba::store::detail
