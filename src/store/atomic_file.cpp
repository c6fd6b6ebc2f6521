#include "atomic_file.h"

#include "gemba/store/errors.h"

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <random>
#include <string>
#include <sys/file.h>
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

namespace {

/// True for ".<name>.<16 hex digits>.tmp": the temporary files of saves of `name`.
bool isTempNameOf(const std::string& candidate, const std::string& name) {
    const std::string prefix = "." + name + ".";
    constexpr std::size_t kHex = 16;
    if (candidate.size() != prefix.size() + kHex + 4 || candidate.rfind(prefix, 0) != 0 ||
        !candidate.ends_with(".tmp"))
        return false;
    for (std::size_t i = prefix.size(); i < prefix.size() + kHex; ++i)
        if (!std::isxdigit(static_cast<unsigned char>(candidate[i])))
            return false;
    return true;
}

} // namespace

int removeStaleTempFiles(const fs::path& target) {
    const fs::path resolved = resolveTarget(target);
    fs::path directory = resolved.parent_path();
    if (directory.empty())
        directory = ".";
    const std::string name = resolved.filename().string();
    std::error_code ec;
    fs::directory_iterator it(directory, ec);
    int removed = 0;
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
        const fs::path path = it->path();
        if (!isTempNameOf(path.filename().string(), name))
            continue;
        // A live save holds a lock on its temporary file for as long as it exists; the lock
        // goes with the process, so a file nobody locks was left by a save that was killed.
        const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
        if (fd < 0)
            continue;
        struct stat opened {};
        if (::flock(fd, LOCK_EX | LOCK_NB) == 0 && ::fstat(fd, &opened) == 0 &&
            S_ISREG(opened.st_mode) && ::unlink(path.c_str()) == 0)
            ++removed;
        ::close(fd);
    }
    return removed;
}

namespace {

/// True when the file exists and is marked read-only: no write permission for anyone (what
/// "chmod a-w" and file managers set; it binds root too), or on a read-only file system.
bool isReadOnly(const fs::path& file) {
    struct stat existing {};
    if (::stat(file.c_str(), &existing) != 0 || !S_ISREG(existing.st_mode))
        return false;
    if ((existing.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0)
        return true;
    return ::access(file.c_str(), W_OK) != 0 && errno == EROFS;
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
    if (isReadOnly(m_target))
        throw InputError(target.string(), "",
                         "cannot save: the file is read-only (allow writing to it, or save "
                         "under another name)");
    removeStaleTempFiles(m_target);

    std::random_device seed;
    std::mt19937_64 random(seed());
    for (int attempt = 0; attempt < 100; ++attempt) {
        char suffix[32];
        std::snprintf(suffix, sizeof suffix, ".%016llx.tmp",
                      static_cast<unsigned long long>(random()));
        fs::path candidate = directory / ("." + m_target.filename().string() + suffix);
        // 0666 lets the umask decide, as for any new file the user creates. The file keeps
        // that mode while it is written; the old file's mode is given to it at commit().
        const int fd = ::open(candidate.c_str(), O_CREAT | O_EXCL | O_RDWR | O_CLOEXEC, 0666);
        if (fd < 0) {
            if (errno == EEXIST)
                continue;
            throwSystemError(target, "cannot save", errno);
        }
        // Held until the file is renamed or removed: it tells removeStaleTempFiles of another
        // save that this one is alive. (flock, not fcntl: SQLite's own fcntl locks on the file
        // are released whenever it closes a descriptor of it, flock's are not.) A stale-file
        // sweep could remove the file between open and flock: then it is gone, try another.
        struct stat named {};
        struct stat opened {};
        if (::flock(fd, LOCK_EX) != 0 || ::fstat(fd, &opened) != 0 ||
            ::stat(candidate.c_str(), &named) != 0 || named.st_ino != opened.st_ino ||
            named.st_dev != opened.st_dev) {
            ::close(fd);
            continue;
        }
        m_fd = fd;
        m_path = std::move(candidate);
        return;
    }
    throw InputError(target.string(), "", "cannot save: no free temporary file name");
}

TempFile::~TempFile() {
    if (!m_committed && !m_path.empty())
        ::unlink(m_path.c_str());
    if (m_fd >= 0)
        ::close(m_fd);
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
    // Keep the permissions of the file being replaced, now that the writing is done.
    struct stat existing {};
    if (::stat(m_target.c_str(), &existing) == 0)
        ::chmod(m_path.c_str(), existing.st_mode & 07777);
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
