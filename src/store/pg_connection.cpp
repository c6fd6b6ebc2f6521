#include "pg_connection.h"

#include "gemba/store/repository.h"

#include <algorithm>
#include <charconv>
#include <exception>

namespace gemba::store::detail {

namespace {

/// The server's message without libpq's trailing newline.
std::string message(const char* text) {
    std::string m = text ? text : "";
    while (!m.empty() && (m.back() == '\n' || m.back() == ' '))
        m.pop_back();
    return m;
}

} // namespace

long long PgResult::integer(int row, int column) const {
    const std::string value = text(row, column);
    long long out = 0;
    std::from_chars(value.data(), value.data() + value.size(), out);
    return out;
}

double PgResult::number(int row, int column) const {
    return std::stod(text(row, column));
}

PgConnection::PgConnection(const std::string& url)
    : m_conn(PQconnectdb(url.c_str()), &PQfinish) {
    if (!m_conn)
        throw RepositoryError("cannot connect to the repository: out of memory");
    if (PQstatus(m_conn.get()) != CONNECTION_OK)
        throw RepositoryError("cannot connect to the repository: " +
                              message(PQerrorMessage(m_conn.get())));
    // Messages and dates the same wherever the server runs.
    exec("SET client_min_messages = warning");
    exec("SET TIME ZONE 'UTC'");
}

void PgConnection::fail(const std::string& what, const PGresult* result) {
    std::string m = result ? message(PQresultErrorMessage(result)) : "";
    if (m.empty())
        m = message(PQerrorMessage(m_conn.get()));
    if (PQstatus(m_conn.get()) != CONNECTION_OK)
        throw RepositoryError("the connection to the repository was lost during " + what + ": " +
                              m);
    throw RepositoryError("the repository refused " + what + ": " + m);
}

PgResult PgConnection::exec(const std::string& sql, const std::vector<PgParam>& params) {
    std::vector<const char*> values;
    values.reserve(params.size());
    for (const PgParam& p : params)
        values.push_back(p ? p->c_str() : nullptr);
    PgResult result(PQexecParams(m_conn.get(), sql.c_str(), static_cast<int>(values.size()),
                                 nullptr, values.data(), nullptr, nullptr, 0));
    const ExecStatusType status = PQresultStatus(result.get());
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
        fail("a statement", result.get());
    return result;
}

void PgConnection::execScript(const std::string& sql) {
    PgResult result(PQexec(m_conn.get(), sql.c_str()));
    if (PQresultStatus(result.get()) != PGRES_COMMAND_OK &&
        PQresultStatus(result.get()) != PGRES_TUPLES_OK)
        fail("a schema migration", result.get());
}

void PgConnection::copyIn(const std::string& sql, const std::string& data) {
    CopyIn copy(*this, sql);
    copy.put(data);
    copy.finish();
}

CopyIn::CopyIn(PgConnection& db, const std::string& sql)
    : m_db(db) {
    PgResult start(PQexec(m_db.raw(), sql.c_str()));
    if (PQresultStatus(start.get()) != PGRES_COPY_IN)
        m_db.fail("COPY", start.get());
    m_rows.reserve(2 * kRowsUnsent);
}

CopyIn::~CopyIn() {
    if (!m_open)
        return;
    // Abandoned: the server discards the rows and reports the COPY failed.
    PQputCopyEnd(m_db.raw(), "abandoned by the client");
    while (PGresult* rest = PQgetResult(m_db.raw()))
        PQclear(rest);
}

void CopyIn::put(std::string_view rows) {
    constexpr std::size_t kChunk = 1 << 20; // libpq takes an int
    for (std::size_t at = 0; at < rows.size(); at += kChunk) {
        const std::size_t n = std::min(kChunk, rows.size() - at);
        if (PQputCopyData(m_db.raw(), rows.data() + at, static_cast<int>(n)) != 1)
            m_db.fail("COPY");
    }
}

void CopyIn::finish() {
    put(m_rows);
    m_rows.clear();
    m_open = false;
    if (PQputCopyEnd(m_db.raw(), nullptr) != 1)
        m_db.fail("COPY");
    PgResult end(PQgetResult(m_db.raw()));
    if (PQresultStatus(end.get()) != PGRES_COMMAND_OK)
        m_db.fail("COPY", end.get());
    while (PGresult* rest = PQgetResult(m_db.raw()))
        PQclear(rest);
}

void PgConnection::copyOut(const std::string& sql,
                           const std::function<void(std::string_view)>& row) {
    {
        PgResult start(PQexec(m_conn.get(), sql.c_str()));
        if (PQresultStatus(start.get()) != PGRES_COPY_OUT)
            fail("COPY", start.get());
    }
    // libpq returns one row per call, its newline included. A row the caller refuses (it
    // throws) ends the reading, but the rest is still received: the connection stays usable.
    std::exception_ptr refused;
    std::unique_ptr<char, void (*)(void*)> line(nullptr, &PQfreemem);
    for (;;) {
        char* buffer = nullptr;
        const int n = PQgetCopyData(m_conn.get(), &buffer, 0);
        line.reset(buffer);
        if (n > 0) {
            std::string_view text(buffer, static_cast<std::size_t>(n));
            if (text.ends_with('\n'))
                text.remove_suffix(1);
            if (!refused) {
                try {
                    row(text);
                } catch (...) {
                    refused = std::current_exception();
                }
            }
            continue;
        }
        if (n == -2)
            fail("COPY");
        break;
    }
    PgResult end(PQgetResult(m_conn.get()));
    if (PQresultStatus(end.get()) != PGRES_COMMAND_OK)
        fail("COPY", end.get());
    while (PGresult* rest = PQgetResult(m_conn.get()))
        PQclear(rest);
    if (refused)
        std::rethrow_exception(refused);
}

std::string PgConnection::copyOut(const std::string& sql) {
    std::string out;
    copyOut(sql, [&](std::string_view line) {
        out += line;
        out += '\n';
    });
    return out;
}

void appendCopyField(std::string& out, const std::string& value) {
    for (char c : value) {
        switch (c) {
        case '\\':
            out += "\\\\";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        default:
            out += c;
        }
    }
}

} // namespace gemba::store::detail
