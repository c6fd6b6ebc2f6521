#pragma once

/// The repository's presence table: who has which project open in an editor. Kept apart from
/// the other migrations so that its number is one line to change (kMigrations in
/// repository.cpp and the version it sets below).
namespace gemba::store::detail {

/// Migration 4: presence. A row per editor that has a project open (the PostgreSQL user, the
/// machine, the editor's process), with the time it opened it and its latest heartbeat. A
/// user sees the rows of the projects they may read, and writes only their own.
inline constexpr const char* kRepositoryPresenceMigration = R"sql(
CREATE TABLE presence (
    project bigint NOT NULL REFERENCES project ON DELETE CASCADE,
    user_name text NOT NULL DEFAULT session_user,
    host text NOT NULL,
    pid bigint NOT NULL,
    since timestamptz NOT NULL DEFAULT now(),
    heartbeat timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (project, user_name, host, pid)
);
GRANT SELECT, INSERT, UPDATE, DELETE ON presence TO gemba_user;
ALTER TABLE presence ENABLE ROW LEVEL SECURITY;
CREATE POLICY readable ON presence FOR SELECT
    USING (EXISTS (SELECT 1 FROM project p WHERE p.id = project));
CREATE POLICY own_rows ON presence
    USING (user_name = session_user AND EXISTS (SELECT 1 FROM project p WHERE p.id = project))
    WITH CHECK (user_name = session_user
                AND EXISTS (SELECT 1 FROM project p WHERE p.id = project));
UPDATE gemba_repository SET value = '4' WHERE key = 'schema_version';
)sql";

} // namespace gemba::store::detail
