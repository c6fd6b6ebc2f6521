#include "sqlite_baseline.h"

#include <memory>
#include <sqlite3.h>
#include <stdexcept>

namespace gemba::bench {

namespace {

struct CloseDb {
    void operator()(sqlite3* db) const { sqlite3_close(db); }
};
struct Finalize {
    void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
};
using Db = std::unique_ptr<sqlite3, CloseDb>;
using Statement = std::unique_ptr<sqlite3_stmt, Finalize>;

[[noreturn]] void fail(sqlite3* db, const std::string& what) {
    throw std::runtime_error(what + ": " + (db ? sqlite3_errmsg(db) : "out of memory"));
}

Db open(const std::filesystem::path& file, int flags) {
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(file.c_str(), &raw, flags, nullptr);
    Db db(raw);
    if (rc != SQLITE_OK)
        fail(raw, "cannot open " + file.string());
    return db;
}

Statement prepare(sqlite3* db, const std::string& sql) {
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &raw, nullptr) != SQLITE_OK)
        fail(db, "cannot prepare \"" + sql + "\"");
    return Statement(raw);
}

void exec(sqlite3* db, const std::string& sql) {
    if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK)
        fail(db, "cannot run \"" + sql + "\"");
}

std::string quotedName(const std::string& name) {
    std::string out = "\"";
    for (char c : name) {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + "\"";
}

SqlValue readCell(sqlite3_stmt* statement, int column) {
    switch (sqlite3_column_type(statement, column)) {
    case SQLITE_INTEGER:
        return static_cast<std::int64_t>(sqlite3_column_int64(statement, column));
    case SQLITE_FLOAT:
        return sqlite3_column_double(statement, column);
    case SQLITE_NULL:
        return std::monostate{};
    default: {
        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, column));
        return std::string(text ? text : "",
                           static_cast<std::size_t>(sqlite3_column_bytes(statement, column)));
    }
    }
}

std::string selectAllSql(const TableCopy& table) {
    std::string sql = "SELECT ";
    for (std::size_t c = 0; c < table.columns.size(); ++c)
        sql += (c ? ", " : "") + quotedName(table.columns[c]);
    return sql + " FROM " + quotedName(table.name);
}

} // namespace

std::size_t DatabaseCopy::rows() const {
    std::size_t n = 0;
    for (const TableCopy& table : tables)
        n += table.rows;
    return n;
}

DatabaseCopy copyDatabase(const std::filesystem::path& file) {
    Db db = open(file, SQLITE_OPEN_READONLY);
    DatabaseCopy copy;
    {
        // In the order the tables were created: a table comes after those it refers to.
        Statement names =
            prepare(db.get(), "SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND "
                              "name NOT LIKE 'sqlite_%' ORDER BY rowid");
        while (sqlite3_step(names.get()) == SQLITE_ROW) {
            TableCopy table;
            table.name = reinterpret_cast<const char*>(sqlite3_column_text(names.get(), 0));
            table.createSql = reinterpret_cast<const char*>(sqlite3_column_text(names.get(), 1));
            copy.tables.push_back(std::move(table));
        }
    }
    for (TableCopy& table : copy.tables) {
        Statement info = prepare(db.get(), "PRAGMA table_info(" + quotedName(table.name) + ")");
        while (sqlite3_step(info.get()) == SQLITE_ROW) {
            table.columns.emplace_back(
                reinterpret_cast<const char*>(sqlite3_column_text(info.get(), 1)));
            const auto* type = reinterpret_cast<const char*>(sqlite3_column_text(info.get(), 2));
            table.types.emplace_back(type ? type : "");
        }
        Statement rows = prepare(db.get(), selectAllSql(table));
        const int columns = static_cast<int>(table.columns.size());
        int rc = SQLITE_ROW;
        while ((rc = sqlite3_step(rows.get())) == SQLITE_ROW) {
            for (int c = 0; c < columns; ++c)
                table.cells.push_back(readCell(rows.get(), c));
            ++table.rows;
        }
        if (rc != SQLITE_DONE)
            fail(db.get(), "cannot read table " + table.name);
    }
    return copy;
}

void writeBaseline(const DatabaseCopy& copy, const std::filesystem::path& file,
                   BaselineSchema schema) {
    Db db = open(file, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    if (schema == BaselineSchema::Original)
        exec(db.get(), "PRAGMA foreign_keys = ON");
    exec(db.get(), "BEGIN");
    for (const TableCopy& table : copy.tables) {
        std::string create = "CREATE TABLE " + quotedName(table.name) + " (";
        std::string insert = "INSERT INTO " + quotedName(table.name) + " VALUES (";
        for (std::size_t c = 0; c < table.columns.size(); ++c) {
            create += (c ? ", " : "") + quotedName(table.columns[c]) + " " + table.types[c];
            insert += c ? ", ?" : "?";
        }
        exec(db.get(), schema == BaselineSchema::Original ? table.createSql : create + ")");
        Statement statement = prepare(db.get(), insert + ")");
        const std::size_t columns = table.columns.size();
        for (std::size_t r = 0; r < table.rows; ++r) {
            for (std::size_t c = 0; c < columns; ++c) {
                const SqlValue& value = table.cells[r * columns + c];
                const int index = static_cast<int>(c) + 1;
                if (const auto* i = std::get_if<std::int64_t>(&value))
                    sqlite3_bind_int64(statement.get(), index, *i);
                else if (const auto* d = std::get_if<double>(&value))
                    sqlite3_bind_double(statement.get(), index, *d);
                else if (const auto* s = std::get_if<std::string>(&value))
                    sqlite3_bind_text(statement.get(), index, s->data(),
                                      static_cast<int>(s->size()), SQLITE_STATIC);
                else
                    sqlite3_bind_null(statement.get(), index);
            }
            if (sqlite3_step(statement.get()) != SQLITE_DONE)
                fail(db.get(), "cannot insert into " + table.name);
            sqlite3_reset(statement.get());
        }
    }
    exec(db.get(), "COMMIT");
}

std::size_t readBaseline(const DatabaseCopy& copy, const std::filesystem::path& file) {
    Db db = open(file, SQLITE_OPEN_READONLY);
    std::size_t rows = 0;
    for (const TableCopy& table : copy.tables) {
        Statement statement = prepare(db.get(), selectAllSql(table));
        const int columns = static_cast<int>(table.columns.size());
        std::vector<SqlValue> cells;
        cells.reserve(table.cells.size());
        int rc = SQLITE_ROW;
        while ((rc = sqlite3_step(statement.get())) == SQLITE_ROW) {
            for (int c = 0; c < columns; ++c)
                cells.push_back(readCell(statement.get(), c));
            ++rows;
        }
        if (rc != SQLITE_DONE)
            fail(db.get(), "cannot read table " + table.name);
    }
    return rows;
}

} // namespace gemba::bench
