#pragma once

#include <functional>
#include <libpq-fe.h>
#include <memory>
#include <optional>
#include <string>
#include <vector>

/// A thin layer over libpq for the repository: a connection, results that free themselves,
/// statements whose values are always bound parameters (never spliced into the SQL text), and
/// COPY in and out. Every failure throws RepositoryError with the server's message.
namespace gemba::store::detail {

class PgResult {
public:
    explicit PgResult(PGresult* result)
        : m_result(result, &PQclear) {}
    int rows() const { return PQntuples(m_result.get()); }
    bool isNull(int row, int column) const { return PQgetisnull(m_result.get(), row, column); }
    std::string text(int row, int column) const {
        return std::string(PQgetvalue(m_result.get(), row, column),
                           static_cast<std::size_t>(PQgetlength(m_result.get(), row, column)));
    }
    long long integer(int row, int column) const;
    double number(int row, int column) const;
    PGresult* get() const { return m_result.get(); }

private:
    std::unique_ptr<PGresult, void (*)(PGresult*)> m_result;
};

/// A parameter: text, or SQL NULL.
using PgParam = std::optional<std::string>;

class PgConnection {
public:
    /// Connects with a postgresql:// URL or "key=value" string; an empty one takes every
    /// setting from the PG* environment variables and ~/.pgpass, as psql does.
    explicit PgConnection(const std::string& url);
    PgConnection(PgConnection&&) = default;

    PgResult exec(const std::string& sql, const std::vector<PgParam>& params = {});
    /// Runs several statements of fixed SQL (a migration); takes no parameters.
    void execScript(const std::string& sql);
    /// Runs COPY ... FROM STDIN and sends `data` (COPY's text format) in chunks.
    void copyIn(const std::string& sql, const std::string& data);
    /// Runs COPY ... TO STDOUT and calls `row` with each line it sends (without its newline)
    /// as it arrives, so that the caller reads one row while the server writes the next.
    void copyOut(const std::string& sql, const std::function<void(std::string_view)>& row);
    /// Runs COPY ... TO STDOUT and returns all it sends.
    std::string copyOut(const std::string& sql);
    /// The server process of this connection (for pg_terminate_backend in tests).
    int backendPid() const { return PQbackendPID(m_conn.get()); }
    PGconn* raw() { return m_conn.get(); }

private:
    friend class CopyIn;
    [[noreturn]] void fail(const std::string& what, const PGresult* result = nullptr);
    std::unique_ptr<PGconn, void (*)(PGconn*)> m_conn;
};

/// A COPY ... FROM STDIN under way. Rows appended to rows() (COPY's text format) are sent a
/// chunk at a time as they are ended, so the server parses and stores them while the next are
/// being made. Left without finish() (an exception while making rows), it ends the COPY as
/// failed: the server keeps none of its rows and the connection stays usable.
class CopyIn {
public:
    CopyIn(PgConnection& db, const std::string& sql);
    ~CopyIn();
    CopyIn(const CopyIn&) = delete;
    CopyIn& operator=(const CopyIn&) = delete;

    std::string& rows() { return m_rows; }
    /// Called after a whole row (its newline included) was appended.
    void rowEnded() {
        if (m_rows.size() >= kRowsUnsent) {
            put(m_rows);
            m_rows.clear();
        }
    }
    /// Sends whole rows made elsewhere, at once.
    void put(std::string_view rows);
    /// Sends the rest and ends the COPY; throws RepositoryError when the server refused a row.
    void finish();

private:
    /// Rows kept before they are sent: small, so that the server is never left waiting long
    /// for the next (docs/performance.md, the repository).
    static constexpr std::size_t kRowsUnsent = 64 * 1024;
    PgConnection& m_db;
    std::string m_rows;
    bool m_open = true;
};

/// A value written into COPY's text format: backslash, tab, newline and carriage return
/// escaped.
void appendCopyField(std::string& out, const std::string& value);

} // namespace gemba::store::detail
