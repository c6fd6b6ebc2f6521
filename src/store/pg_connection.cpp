#include "pg_connection.h"

#include "gemba/store/repository.h"

#include <algorithm>
#include <charconv>

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
    {
        PgResult start(PQexec(m_conn.get(), sql.c_str()));
        if (PQresultStatus(start.get()) != PGRES_COPY_IN)
            fail("COPY", start.get());
    }
    constexpr std::size_t kChunk = 1 << 20;
    for (std::size_t at = 0; at < data.size(); at += kChunk) {
        const std::size_t n = std::min(kChunk, data.size() - at);
        if (PQputCopyData(m_conn.get(), data.data() + at, static_cast<int>(n)) != 1)
            fail("COPY");
    }
    if (PQputCopyEnd(m_conn.get(), nullptr) != 1)
        fail("COPY");
    PgResult end(PQgetResult(m_conn.get()));
    if (PQresultStatus(end.get()) != PGRES_COMMAND_OK)
        fail("COPY", end.get());
    while (PGresult* rest = PQgetResult(m_conn.get()))
        PQclear(rest);
}

std::string PgConnection::copyOut(const std::string& sql) {
    {
        PgResult start(PQexec(m_conn.get(), sql.c_str()));
        if (PQresultStatus(start.get()) != PGRES_COPY_OUT)
            fail("COPY", start.get());
    }
    std::string out;
    for (;;) {
        char* buffer = nullptr;
        const int n = PQgetCopyData(m_conn.get(), &buffer, 0);
        if (n > 0) {
            out.append(buffer, static_cast<std::size_t>(n));
            PQfreemem(buffer);
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
