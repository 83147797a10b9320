//! The SQLite database: opening it, migrating it, and running queries off the async threads.

use crate::error::ApiError;
use crate::BoxError;
use rusqlite::{Connection, OptionalExtension};
use std::path::Path;
use std::sync::{Arc, Mutex};

/// Migrations in the order they apply. A migration never changes once shipped: fix forward.
const MIGRATIONS: &[(i64, &str, &str)] = &[
    (1, "masters", include_str!("../migrations/0001_masters.sql")),
    (
        2,
        "bihar_districts",
        include_str!("../migrations/0002_bihar_districts.sql"),
    ),
    (
        3,
        "sample_police_stations",
        include_str!("../migrations/0003_sample_police_stations.sql"),
    ),
    (
        4,
        "otp_and_sessions",
        include_str!("../migrations/0004_otp_and_sessions.sql"),
    ),
    (5, "filings", include_str!("../migrations/0005_filings.sql")),
    (6, "status", include_str!("../migrations/0006_status.sql")),
    (
        7,
        "services",
        include_str!("../migrations/0007_services.sql"),
    ),
    (
        8,
        "firs_and_station_contacts",
        include_str!("../migrations/0008_firs_and_station_contacts.sql"),
    ),
    (
        9,
        "anonymous_attachments",
        include_str!("../migrations/0009_anonymous_attachments.sql"),
    ),
    (
        10,
        "tip_additions",
        include_str!("../migrations/0010_tip_additions.sql"),
    ),
];

/// Opens (creating if needed) the database at `path` and brings it up to date.
pub fn open(path: &Path) -> Result<Connection, BoxError> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)
            .map_err(|err| format!("cannot create {}: {err}", parent.display()))?;
    }
    let mut conn = Connection::open(path)?;
    // WAL lets `import-masters` run while a server reads; the timeout covers its commit.
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    migrate(&mut conn)?;
    Ok(conn)
}

/// Applies every migration not yet recorded, each in its own transaction.
///
/// Foreign-key enforcement is off while they run (SQLite ignores the pragma inside a
/// transaction, and a table that others refer to can only be rebuilt without it) and every
/// key is checked before each migration commits, as SQLite's table-rebuild procedure asks;
/// the connection's own setting is restored afterwards.
pub fn migrate(conn: &mut Connection) -> rusqlite::Result<()> {
    let enforced: bool = conn.query_row("PRAGMA foreign_keys", [], |row| row.get(0))?;
    if enforced {
        conn.pragma_update(None, "foreign_keys", false)?;
    }
    let result = apply(conn, MIGRATIONS);
    if enforced {
        conn.pragma_update(None, "foreign_keys", true)?;
    }
    result
}

fn apply(conn: &mut Connection, migrations: &[(i64, &str, &str)]) -> rusqlite::Result<()> {
    conn.execute_batch(
        "CREATE TABLE IF NOT EXISTS schema_migrations (
            version    INTEGER PRIMARY KEY NOT NULL,
            name       TEXT NOT NULL,
            applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
        ) STRICT;",
    )?;
    for &(version, name, sql) in migrations {
        let tx = conn.transaction()?;
        let applied: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM schema_migrations WHERE version = ?1)",
            [version],
            |row| row.get(0),
        )?;
        if !applied {
            tx.execute_batch(sql)?;
            let broken: Option<String> = tx
                .query_row("PRAGMA foreign_key_check", [], |row| row.get(0))
                .optional()?;
            if let Some(table) = broken {
                return Err(rusqlite::Error::SqliteFailure(
                    rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CONSTRAINT_FOREIGNKEY),
                    Some(format!(
                        "migration {version} ({name}) leaves a broken foreign key in {table}"
                    )),
                ));
            }
            tx.execute(
                "INSERT INTO schema_migrations (version, name) VALUES (?1, ?2)",
                rusqlite::params![version, name],
            )?;
        }
        tx.commit()?;
    }
    Ok(())
}

/// A shared connection. One connection is plenty for master-data reads; queries run on the
/// blocking pool so a slow disk never stalls the async workers.
#[derive(Clone)]
pub struct Db(Arc<Mutex<Connection>>);

impl Db {
    pub fn new(conn: Connection) -> Self {
        Self(Arc::new(Mutex::new(conn)))
    }

    /// Runs `f` on the blocking pool with the connection to itself: whatever `f` checks and
    /// writes is atomic with respect to every other request.
    pub async fn run<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> Result<T, ApiError> + Send + 'static,
    {
        let conn = Arc::clone(&self.0);
        tokio::task::spawn_blocking(move || {
            // A panic while holding the lock leaves the connection itself intact.
            let conn = conn.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            f(&conn)
        })
        .await?
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_idempotent_and_seed_the_masters() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn).unwrap();
        migrate(&mut conn).unwrap();
        let count = |sql: &str| conn.query_row(sql, [], |r| r.get::<_, i64>(0)).unwrap();
        assert_eq!(count("SELECT COUNT(*) FROM districts"), 38);
        assert_eq!(
            count("SELECT COUNT(*) FROM schema_migrations"),
            MIGRATIONS.len() as i64
        );
        assert_eq!(
            count("SELECT COUNT(*) FROM police_stations WHERE sample = 0"),
            0
        );
        assert_eq!(
            count("SELECT COUNT(DISTINCT district_code) FROM police_stations"),
            38
        );
    }

    #[test]
    fn the_status_migration_keeps_sessions_and_history() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "foreign_keys", "ON").unwrap();
        for &(_, _, sql) in &MIGRATIONS[..5] {
            conn.execute_batch(sql).unwrap();
        }
        conn.execute_batch(
            "INSERT INTO sessions VALUES (x'01', '9876543210', 1, 2);
             INSERT INTO filings (reference, service, year, seq, mobile, answers, station_code,
                 station_name_en, station_name_hi, station_sample, district_code,
                 district_name_en, district_name_hi, filed_at)
             VALUES ('BR-CMP-2026-000001', 'complaint', 2026, 1, '9876543210', '{}',
                 'PAT-KOTWALI', 'Kotwali', 'कोतवाली', 1, 'PAT', 'Patna', 'पटना',
                 '2026-01-01T00:00:00Z');
             INSERT INTO status_events (reference, status, at, office, version)
             VALUES ('BR-CMP-2026-000001', 'submitted', '2026-01-01T00:00:00Z', 'PAT-KOTWALI', 1);
             CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY NOT NULL,
                 name TEXT NOT NULL, applied_at TEXT NOT NULL DEFAULT '');
             INSERT INTO schema_migrations (version, name) VALUES (1, ''), (2, ''), (3, ''),
                 (4, ''), (5, '');",
        )
        .unwrap();
        migrate(&mut conn).unwrap();
        let mobile: String = conn
            .query_row(
                "SELECT mobile FROM sessions WHERE token_hash = x'01'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(mobile, "9876543210");
        // Viewer sessions have no mobile, and their grants go with them.
        conn.execute_batch(
            "INSERT INTO sessions VALUES (x'02', NULL, 1, 2);
             INSERT INTO status_access VALUES (x'02', 'BR-CMP-2026-000001', 1);
             DELETE FROM sessions WHERE token_hash = x'02';",
        )
        .unwrap();
        let count = |sql: &str| conn.query_row(sql, [], |r| r.get::<_, i64>(0)).unwrap();
        assert_eq!(count("SELECT COUNT(*) FROM status_access"), 0);
        assert_eq!(
            count("SELECT COUNT(*) FROM status_events WHERE office_en IS NULL"),
            1
        );
        assert_eq!(
            count("SELECT COUNT(*) FROM filings WHERE fir_number IS NULL"),
            1
        );
    }

    /// A database as migration 6 left it, with one filing of every kind of row around it.
    fn at_version_6() -> Connection {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "foreign_keys", "ON").unwrap();
        apply(&mut conn, &MIGRATIONS[..6]).unwrap();
        conn.execute_batch(
            "INSERT INTO sessions VALUES (x'01', '9876543210', 1, 2);
             INSERT INTO filings (reference, service, year, seq, mobile, answers, station_code,
                 station_name_en, station_name_hi, station_sample, district_code,
                 district_name_en, district_name_hi, filed_at, attachments, fir_number)
             VALUES ('BR-CMP-2026-000001', 'complaint', 2026, 1, '9876543210', '{}',
                 'PAT-KOTWALI', 'Kotwali', 'कोतवाली', 1, 'PAT', 'Patna', 'पटना',
                 '2026-01-01T00:00:00Z', 1, '7/2026');
             INSERT INTO status_events (reference, status, at, office, version)
             VALUES ('BR-CMP-2026-000001', 'submitted', '2026-01-01T00:00:00Z', 'PAT-KOTWALI', 1);
             INSERT INTO status_access VALUES (x'01', 'BR-CMP-2026-000001', 1);
             INSERT INTO idempotency_keys VALUES ('9876543210', 'key-00000001', x'aa',
                 'BR-CMP-2026-000001', '2026-01-01T00:00:00Z');
             INSERT INTO attachments VALUES ('file1', x'01', '9876543210', 'image/png', 3,
                 x'000000', 1, 'BR-CMP-2026-000001');",
        )
        .unwrap();
        conn
    }

    #[test]
    fn the_services_migration_keeps_every_row_and_every_foreign_key() {
        let mut conn = at_version_6();
        migrate(&mut conn).unwrap();
        let fk: bool = conn
            .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
            .unwrap();
        assert!(fk, "enforcement is back on");
        let count = |sql: &str| conn.query_row(sql, [], |r| r.get::<_, i64>(0)).unwrap();
        assert_eq!(
            count(
                "SELECT COUNT(*) FROM filings WHERE service = 'complaint' AND seq = 1
                 AND mobile = '9876543210' AND fir_number = '7/2026' AND attachments = 1
                 AND station_name_hi = 'कोतवाली'"
            ),
            1
        );
        assert_eq!(count("SELECT COUNT(*) FROM status_events"), 1);
        assert_eq!(count("SELECT COUNT(*) FROM status_access"), 1);
        assert_eq!(
            count("SELECT COUNT(*) FROM idempotency_keys WHERE service = 'complaint'"),
            1
        );
        // The children still point at `filings`, and it is still enforced.
        for table in ["status_events", "status_access", "idempotency_keys"] {
            let parent: String = conn
                .query_row(
                    &format!(
                        "SELECT \"table\" FROM pragma_foreign_key_list('{table}')
                              WHERE \"from\" = 'reference'"
                    ),
                    [],
                    |r| r.get(0),
                )
                .unwrap();
            assert_eq!(parent, "filings", "{table}");
        }
        let orphan = conn.execute(
            "INSERT INTO status_events (reference, status, at, office, version)
             VALUES ('BR-TNV-2026-000009', 'submitted', 'x', 'PAT-KOTWALI', 1)",
            [],
        );
        assert!(orphan.is_err(), "a step of no filing is refused");
        // A filing may have no mobile; a key is per mobile, service and key.
        conn.execute_batch(
            "INSERT INTO filings (reference, service, year, seq, mobile, answers, station_code,
                 station_name_en, station_name_hi, station_sample, district_code,
                 district_name_en, district_name_hi, filed_at)
             VALUES ('BR-TNV-2026-000001', 'tenant-verification', 2026, 1, NULL, '{}',
                 'PAT-KOTWALI', 'Kotwali', 'कोतवाली', 1, 'PAT', 'Patna', 'पटना',
                 '2026-01-02T00:00:00Z');
             INSERT INTO idempotency_keys VALUES ('9876543210', 'tenant-verification',
                 'key-00000001', x'bb', 'BR-TNV-2026-000001', '2026-01-02T00:00:00Z');",
        )
        .unwrap();
        let again = conn.execute(
            "INSERT INTO idempotency_keys VALUES ('9876543210', 'tenant-verification',
                 'key-00000001', x'cc', 'BR-TNV-2026-000001', 'x')",
            [],
        );
        assert!(again.is_err());
        assert_eq!(
            count("SELECT COUNT(*) FROM filings WHERE mobile IS NULL"),
            1
        );
        assert_eq!(
            count("SELECT COUNT(*) FROM sqlite_master WHERE name = 'filings_by_mobile'"),
            1
        );
    }

    #[test]
    fn a_migration_that_breaks_a_foreign_key_is_rolled_back() {
        let mut conn = at_version_6();
        let broken: &[(i64, &str, &str)] = &[(
            8,
            "broken",
            "INSERT INTO status_events (reference, status, at, office, version)
             VALUES ('BR-CMP-2026-000099', 'submitted', 'x', 'PAT-KOTWALI', 1);",
        )];
        conn.pragma_update(None, "foreign_keys", false).unwrap();
        let err = apply(&mut conn, broken).unwrap_err();
        assert!(err.to_string().contains("status_events"), "{err}");
        let count = |sql: &str| conn.query_row(sql, [], |r| r.get::<_, i64>(0)).unwrap();
        assert_eq!(count("SELECT COUNT(*) FROM status_events"), 1);
        assert_eq!(
            count("SELECT COUNT(*) FROM schema_migrations WHERE version = 8"),
            0
        );
    }
}
