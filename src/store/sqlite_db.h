#pragma once

#include <cstdint>
#include <optional>
#include <sqlite3.h>
#include <stdexcept>
#include <string>
#include <string_view>

/// Thin RAII wrappers over SQLite's C API, used only inside the store.
namespace gemba::store::detail {

/// A failed SQLite call; the store turns it into an InputError naming the file.
class SqliteError : public std::runtime_error {
public:
    SqliteError(int code, const std::string& message)
        : std::runtime_error(message)
        , m_code(code) {}
    int code() const { return m_code; }

private:
    int m_code;
};

/// One connection; closed by the destructor.
class Database {
public:
    Database() = default;
    /// Opens `path` with sqlite3_open_v2 flags; throws SqliteError.
    Database(const std::string& path, int flags);
    ~Database();
    Database(Database&& other) noexcept;
    Database& operator=(Database&& other) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    sqlite3* get() const { return m_db; }
    /// Runs SQL that returns no rows of interest; throws SqliteError.
    void exec(const std::string& sql);
    /// The single integer a statement such as "PRAGMA user_version" returns.
    std::int64_t queryInt(const std::string& sql);
    /// Closes now, reporting an error the destructor would have to swallow.
    void close();
    /// Throws SqliteError for `code` when it is not SQLITE_OK/ROW/DONE.
    void check(int code, std::string_view what) const;

private:
    sqlite3* m_db = nullptr;
};

/// A prepared statement; finalized by the destructor.
class Statement {
public:
    Statement(Database& db, std::string_view sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    sqlite3_stmt* get() const { return m_stmt; }

    void bindInt(int index, std::int64_t value);
    void bindDouble(int index, double value);
    void bindText(int index, std::string_view value);
    void bindNull(int index);
    void bindOptDouble(int index, const std::optional<double>& value);
    /// Binds an id, or NULL for kNoId.
    void bindId(int index, std::uint64_t id);

    /// Steps once: true when a row is ready, false when done. Throws SqliteError.
    bool step();
    /// Runs a statement that returns no rows, then resets it for the next binding.
    void run();
    void reset();

    int columnType(int column) const { return sqlite3_column_type(m_stmt, column); }
    std::int64_t columnInt(int column) const { return sqlite3_column_int64(m_stmt, column); }
    double columnDouble(int column) const { return sqlite3_column_double(m_stmt, column); }
    std::string columnText(int column) const;
    /// The text of a column, valid until the statement steps or resets.
    std::string_view columnTextView(int column) const;

private:
    Database& m_db;
    sqlite3_stmt* m_stmt = nullptr;
};

} // namespace gemba::store::detail
