//! The SQLite database: opening it, migrating it, and running queries off the async threads.

use crate::error::ApiError;
use crate::BoxError;
use rusqlite::Connection;
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
pub fn migrate(conn: &mut Connection) -> rusqlite::Result<()> {
    conn.execute_batch(
        "CREATE TABLE IF NOT EXISTS schema_migrations (
            version    INTEGER PRIMARY KEY NOT NULL,
            name       TEXT NOT NULL,
            applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
        ) STRICT;",
    )?;
    for &(version, name, sql) in MIGRATIONS {
        let tx = conn.transaction()?;
        let applied: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM schema_migrations WHERE version = ?1)",
            [version],
            |row| row.get(0),
        )?;
        if !applied {
            tx.execute_batch(sql)?;
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
}
