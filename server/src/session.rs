//! Sessions: an `ns_session` cookie whose token is stored only as its SHA-256. A session is
//! verified when an OTP opened it (it has a mobile); a status lookup without one opens a
//! viewer session (no mobile) that may only follow the filings it looked up.

use crate::error::ApiError;
use crate::secrets;
use crate::AppState;
use axum::http::{header, HeaderMap, HeaderValue};
use contract::ErrorCode;
use rusqlite::{params, Connection, OptionalExtension};

pub const COOKIE: &str = "ns_session";
/// A verified session lasts two hours: long enough for one complaint, short on a kiosk.
pub const SESSION_SECS: i64 = 2 * 60 * 60;

/// A live verified session: who verified, and the hash that identifies the session in the
/// database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub token_hash: Vec<u8>,
    /// 10 digits.
    pub mobile: String,
}

pub fn token_hash(token: &str) -> Vec<u8> {
    secrets::sha256(&[token.as_bytes()]).to_vec()
}

/// The `ns_session` cookie's value, if the request carries one.
pub fn cookie_token(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, value)| *name == COOKIE && !value.is_empty())
        .map(|(_, value)| value.trim_matches('"').to_owned())
}

/// The verified session the request's cookie names, when it exists and has not expired.
pub async fn current(state: &AppState, headers: &HeaderMap) -> Result<Option<Session>, ApiError> {
    let Some(token) = cookie_token(headers) else {
        return Ok(None);
    };
    let hash = token_hash(&token);
    let now = state.config.clock.now().timestamp();
    state
        .db
        .run(move |conn| {
            let mobile: Option<String> = conn
                .query_row(
                    "SELECT mobile FROM sessions
                     WHERE token_hash = ?1 AND expires_at > ?2 AND mobile IS NOT NULL",
                    rusqlite::params![hash, now],
                    |row| row.get(0),
                )
                .optional()?;
            Ok(mobile.map(|mobile| Session {
                token_hash: hash,
                mobile,
            }))
        })
        .await
}

/// Any live session, verified or not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Viewer {
    pub token_hash: Vec<u8>,
    /// The verified mobile; `None` for a viewer session opened by a status lookup.
    pub mobile: Option<String>,
}

/// The live session (verified or viewer) whose token hashes to `token_hash`.
pub fn viewer(conn: &Connection, token_hash: &[u8], now: i64) -> rusqlite::Result<Option<Viewer>> {
    conn.query_row(
        "SELECT mobile FROM sessions WHERE token_hash = ?1 AND expires_at > ?2",
        rusqlite::params![token_hash, now],
        |row| row.get::<_, Option<String>>(0),
    )
    .optional()
    .map(|found| {
        found.map(|mobile| Viewer {
            token_hash: token_hash.to_vec(),
            mobile,
        })
    })
}

/// Opens a viewer session (no mobile) for two hours; answers its token for the cookie.
pub fn open_viewer(conn: &Connection, now: i64) -> rusqlite::Result<(String, Viewer)> {
    let token = secrets::url_token(&secrets::random_bytes::<32>());
    let hash = token_hash(&token);
    conn.execute(
        "INSERT INTO sessions (token_hash, mobile, created_at, expires_at)
         VALUES (?1, NULL, ?2, ?3)",
        rusqlite::params![hash, now, now + SESSION_SECS],
    )?;
    Ok((
        token,
        Viewer {
            token_hash: hash,
            mobile: None,
        },
    ))
}

/// The live session, or `401 not_verified`.
pub async fn require(state: &AppState, headers: &HeaderMap) -> Result<Session, ApiError> {
    current(state, headers)
        .await?
        .ok_or_else(|| ApiError::new(ErrorCode::NotVerified))
}

/// True when the request reached us over HTTPS (as a TLS proxy says) or the server is told
/// it always is.
pub fn is_https(state: &AppState, headers: &HeaderMap) -> bool {
    state.config.secure_cookies
        || headers
            .get("x-forwarded-proto")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(',').next())
            .is_some_and(|proto| proto.trim().eq_ignore_ascii_case("https"))
}

pub fn set_cookie(token: &str, secure: bool) -> HeaderValue {
    let secure = if secure { "; Secure" } else { "" };
    HeaderValue::from_str(&format!(
        "{COOKIE}={token}; HttpOnly; SameSite=Strict; Path=/api; Max-Age={SESSION_SECS}{secure}"
    ))
    .expect("the token is base64url")
}

pub fn clear_cookie(secure: bool) -> HeaderValue {
    let secure = if secure { "; Secure" } else { "" };
    HeaderValue::from_str(&format!(
        "{COOKIE}=; Max-Age=0; Path=/api; HttpOnly; SameSite=Strict{secure}"
    ))
    .expect("ASCII")
}

/// How often expired sessions are swept away.
pub const SWEEP_SECS: u64 = 10 * 60;

/// How long a file sent without a session (a tip's) waits for its tip.
pub const ANONYMOUS_FILE_SECS: i64 = 60 * 60;

/// Deletes the sessions that have expired and the files uploaded in a session that ended
/// without filing them (a citizen who gave up, a kiosk left alone), or sent without a session
/// more than [`ANONYMOUS_FILE_SECS`] ago and never filed: evidence photos must not outlive
/// the visit. Files that joined a filing stay. Answers how many rows went.
pub fn sweep(conn: &Connection, now: i64) -> rusqlite::Result<usize> {
    let files = conn.execute(
        "DELETE FROM attachments WHERE filing_reference IS NULL
             AND CASE WHEN session_hash IS NULL THEN uploaded_at <= ?2
                      ELSE session_hash NOT IN
                               (SELECT token_hash FROM sessions WHERE expires_at > ?1)
                 END",
        params![now, now - ANONYMOUS_FILE_SECS],
    )?;
    // Their status_access rows go with them (ON DELETE CASCADE).
    let sessions = conn.execute("DELETE FROM sessions WHERE expires_at <= ?1", [now])?;
    Ok(files + sessions)
}

/// Runs [`sweep`] at start and every [`SWEEP_SECS`] for as long as the server runs.
pub fn spawn_sweeper(state: AppState) {
    tokio::spawn(async move {
        let mut every = tokio::time::interval(std::time::Duration::from_secs(SWEEP_SECS));
        loop {
            every.tick().await;
            let now = state.config.clock.now().timestamp();
            if let Err(e) = state.db.run(move |conn| Ok(sweep(conn, now)?)).await {
                eprintln!("nagrik-server: session sweep failed: {e:?}");
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sweep_removes_expired_sessions_and_their_unfiled_files_only() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "foreign_keys", "ON").unwrap();
        crate::db::migrate(&mut conn).unwrap();
        conn.execute_batch(
            "INSERT INTO sessions VALUES (x'01', '9876543210', 0, 100);  -- expired
             INSERT INTO sessions VALUES (x'02', '9876543211', 0, 5000); -- live
             INSERT INTO attachments VALUES ('a', x'01', '9876543210', 'image/png', 1, x'00', 10, NULL);
             INSERT INTO attachments VALUES ('b', x'02', '9876543211', 'image/png', 1, x'00', 10, NULL);
             INSERT INTO attachments VALUES ('c', x'01', '9876543210', 'image/png', 1, x'00', 10, 'BR-CMP-2026-000001');
             INSERT INTO attachments VALUES ('d', x'09', '9876543212', 'image/png', 1, x'00', 10, NULL);
             -- Sent without a session: an hour's wait for its tip, then gone.
             INSERT INTO attachments VALUES ('e', NULL, NULL, 'image/png', 1, x'00', 500, NULL);
             INSERT INTO attachments VALUES ('f', NULL, NULL, 'image/png', 1, x'00', 10, NULL);
             INSERT INTO attachments VALUES ('g', NULL, NULL, 'image/png', 1, x'00', 10, 'BR-TIP-2026-000001');",
        )
        .unwrap();
        // 100 s before "e" has waited its hour; "f" waited longer.
        assert_eq!(sweep(&conn, 500 + ANONYMOUS_FILE_SECS - 100).unwrap(), 4);
        let left: Vec<String> = conn
            .prepare("SELECT id FROM attachments ORDER BY id")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(left, ["b", "c", "e", "g"]);
        let sessions: i64 = conn
            .query_row("SELECT COUNT(*) FROM sessions", [], |r| r.get(0))
            .unwrap();
        assert_eq!(sessions, 1);
        assert_eq!(sweep(&conn, 1000).unwrap(), 0);
        // With no session left at all, a fresh anonymous file still waits for its tip.
        conn.execute("DELETE FROM sessions", []).unwrap();
        conn.execute(
            "INSERT INTO attachments VALUES ('h', NULL, NULL, 'image/png', 1, x'00', 990, NULL)",
            [],
        )
        .unwrap();
        sweep(&conn, 1000).unwrap();
        assert_eq!(
            conn.query_row("SELECT COUNT(*) FROM attachments WHERE id = 'h'", [], |r| r
                .get::<_, i64>(0))
                .unwrap(),
            1
        );
    }

    #[test]
    fn finds_the_cookie_among_others() {
        let mut headers = HeaderMap::new();
        headers.append(
            header::COOKIE,
            HeaderValue::from_static("a=1; ns_session=abc"),
        );
        assert_eq!(cookie_token(&headers).as_deref(), Some("abc"));
        let mut headers = HeaderMap::new();
        headers.append(header::COOKIE, HeaderValue::from_static("ns_session=; b=2"));
        assert_eq!(cookie_token(&headers), None);
        assert_eq!(cookie_token(&HeaderMap::new()), None);
    }
}
