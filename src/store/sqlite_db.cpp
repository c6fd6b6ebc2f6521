#include "sqlite_db.h"

#include <utility>

namespace gemba::store::detail {

Database::Database(const std::string& path, int flags) {
    // A connection lives within one call on one thread, so it needs no lock of its own around
    // every call (SQLite's default would take one for each value read).
    const int rc = sqlite3_open_v2(path.c_str(), &m_db, flags | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        const std::string message = m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc);
        sqlite3_close(m_db);
        m_db = nullptr;
        throw SqliteError(rc, message);
    }
    sqlite3_extended_result_codes(m_db, 1);
}

Database::~Database() {
    if (m_db)
        sqlite3_close_v2(m_db);
}

Database::Database(Database&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)) {}

Database& Database::operator=(Database&& other) noexcept {
    if (this != &other) {
        if (m_db)
            sqlite3_close_v2(m_db);
        m_db = std::exchange(other.m_db, nullptr);
    }
    return *this;
}

void Database::check(int code, std::string_view what) const {
    if (code == SQLITE_OK || code == SQLITE_ROW || code == SQLITE_DONE)
        return;
    std::string message(what);
    message += ": ";
    message += m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(code);
    throw SqliteError(code, message);
}

void Database::exec(const std::string& sql) {
    char* error = nullptr;
    const int rc = sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &error);
    if (rc != SQLITE_OK) {
        std::string message = error ? error : sqlite3_errstr(rc);
        sqlite3_free(error);
        throw SqliteError(rc, message);
    }
}

std::int64_t Database::queryInt(const std::string& sql) {
    Statement statement(*this, sql);
    if (!statement.step() || statement.columnType(0) != SQLITE_INTEGER)
        throw SqliteError(SQLITE_MISMATCH, "'" + sql + "' gave no integer");
    return statement.columnInt(0);
}

void Database::close() {
    if (!m_db)
        return;
    const int rc = sqlite3_close(m_db);
    if (rc != SQLITE_OK) {
        const std::string message = sqlite3_errmsg(m_db);
        sqlite3_close_v2(m_db);
        m_db = nullptr;
        throw SqliteError(rc, "closing the database: " + message);
    }
    m_db = nullptr;
}

Statement::Statement(Database& db, std::string_view sql)
    : m_db(db) {
    const int rc =
        sqlite3_prepare_v2(db.get(), sql.data(), static_cast<int>(sql.size()), &m_stmt, nullptr);
    db.check(rc, "preparing '" + std::string(sql.substr(0, 60)) + "'");
}

Statement::~Statement() {
    sqlite3_finalize(m_stmt);
}

void Statement::bindInt(int index, std::int64_t value) {
    m_db.check(sqlite3_bind_int64(m_stmt, index, value), "binding");
}

void Statement::bindDouble(int index, double value) {
    m_db.check(sqlite3_bind_double(m_stmt, index, value), "binding");
}

void Statement::bindText(int index, std::string_view value) {
    m_db.check(
        sqlite3_bind_text64(m_stmt, index, value.data(), value.size(), SQLITE_STATIC, SQLITE_UTF8),
        "binding");
}

void Statement::bindNull(int index) {
    m_db.check(sqlite3_bind_null(m_stmt, index), "binding");
}

void Statement::bindOptDouble(int index, const std::optional<double>& value) {
    if (value)
        bindDouble(index, *value);
    else
        bindNull(index);
}

void Statement::bindId(int index, std::uint64_t id) {
    if (id == 0)
        bindNull(index);
    else
        bindInt(index, static_cast<std::int64_t>(id));
}

bool Statement::step() {
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    m_db.check(rc, "running '" + std::string(sqlite3_sql(m_stmt)).substr(0, 60) + "'");
    return false;
}

void Statement::run() {
    while (step()) {
    }
    reset();
}

void Statement::reset() {
    sqlite3_reset(m_stmt);
}

std::string Statement::columnText(int column) const {
    return std::string(columnTextView(column));
}

std::string_view Statement::columnTextView(int column) const {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
    const int size = sqlite3_column_bytes(m_stmt, column);
    return text ? std::string_view(text, static_cast<std::size_t>(size)) : std::string_view();
}

} // namespace gemba::store::detail
