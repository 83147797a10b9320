//! Mobile verification by one-time code, and the session it opens.

use crate::error::ApiError;
use crate::json::Json;
use crate::session::{self, Session, SESSION_SECS};
use crate::{secrets, AppState};
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use contract::rules::{self, Mobile};
use contract::{ErrorCode, OtpRequest, OtpSent, OtpVerify, SessionInfo};
use rusqlite::{params, OptionalExtension};

/// A code is valid for ten minutes.
pub const CODE_TTL_SECS: i64 = 10 * 60;
/// "Send again" waits this long after a send.
pub const RESEND_AFTER_SECS: i64 = 30;
/// Wrong tries before a code is spent.
pub const MAX_ATTEMPTS: u32 = 5;
/// At most `MAX_SENDS` codes to one mobile in any `SEND_WINDOW_SECS`.
pub const MAX_SENDS: usize = 3;
pub const SEND_WINDOW_SECS: i64 = 15 * 60;

fn parse_mobile(raw: &str) -> Result<Mobile, ApiError> {
    rules::mobile::parse(raw)
        .map_err(|err| ApiError::field(ErrorCode::ValidationFailed, "mobile", err.code()))
}

fn code_hash(secret: &[u8; 32], mobile: &Mobile, code: &str) -> Vec<u8> {
    secrets::sha256(&[secret, mobile.as_str().as_bytes(), b":", code.as_bytes()]).to_vec()
}

/// How long to wait before another send, given this mobile's sends still in the window
/// (oldest first); 0 when a send may go now.
fn wait_secs(sends: &[i64], now: i64) -> i64 {
    let mut wait = 0;
    if let Some(&last) = sends.last() {
        wait = wait.max(last + RESEND_AFTER_SECS - now);
    }
    if sends.len() >= MAX_SENDS {
        // The send that must leave the window before the count drops below the limit.
        let blocking = sends[sends.len() - MAX_SENDS];
        wait = wait.max(blocking + SEND_WINDOW_SECS - now);
    }
    wait
}

/// `POST /api/v1/otp/request`
pub async fn request(
    State(state): State<AppState>,
    Json(body): Json<OtpRequest>,
) -> Result<Json<OtpSent>, ApiError> {
    let mobile = parse_mobile(&body.mobile)?;
    let code = match &state.config.demo_otp {
        Some(code) => rules::digits::ascii_digits(code.trim()).into_owned(),
        None => secrets::otp_code(),
    };
    let hash = code_hash(&state.secret, &mobile, &code);
    let now = state.config.clock.now().timestamp();
    let number = mobile.as_str().to_owned();
    state
        .db
        .run(move |conn| {
            let tx = conn.unchecked_transaction()?;
            tx.execute(
                "DELETE FROM otp_sends WHERE mobile = ?1 AND sent_at <= ?2",
                params![number, now - SEND_WINDOW_SECS],
            )?;
            let sends = {
                let mut stmt = tx.prepare_cached(
                    "SELECT sent_at FROM otp_sends WHERE mobile = ?1 ORDER BY sent_at",
                )?;
                let rows = stmt.query_map([&number], |row| row.get::<_, i64>(0))?;
                rows.collect::<rusqlite::Result<Vec<i64>>>()?
            };
            let wait = wait_secs(&sends, now);
            if wait > 0 {
                return Err(ApiError::rate_limited(wait.unsigned_abs()));
            }
            tx.execute(
                "INSERT INTO otp_sends (mobile, sent_at) VALUES (?1, ?2)",
                params![number, now],
            )?;
            tx.execute(
                "INSERT INTO otp_codes (mobile, code_hash, expires_at, attempts_left)
                 VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (mobile) DO UPDATE SET code_hash = excluded.code_hash,
                     expires_at = excluded.expires_at, attempts_left = excluded.attempts_left",
                params![number, hash, now + CODE_TTL_SECS, MAX_ATTEMPTS],
            )?;
            tx.commit()?;
            Ok(())
        })
        .await?;
    if state.config.demo_otp.is_none() {
        // No SMS gateway here: the code goes to the operator's log.
        eprintln!("OTP for {}: {code}", mobile.masked());
    }
    Ok(Json(OtpSent {
        resend_after_secs: RESEND_AFTER_SECS as u32,
        expires_in_secs: CODE_TTL_SECS as u32,
        attempts_left: MAX_ATTEMPTS,
    }))
}

/// `POST /api/v1/otp/verify`: a right code opens a session (cookie) for that mobile.
pub async fn verify(
    State(state): State<AppState>,
    headers: HeaderMap,
    Json(body): Json<OtpVerify>,
) -> Result<Response, ApiError> {
    let mobile = parse_mobile(&body.mobile)?;
    let code: String = rules::digits::ascii_digits(&body.code)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if code.is_empty() {
        return Err(ApiError::field(
            ErrorCode::ValidationFailed,
            "code",
            "required",
        ));
    }
    let candidate = code_hash(&state.secret, &mobile, &code);
    let token = secrets::url_token(&secrets::random_bytes::<32>());
    let new_hash = session::token_hash(&token);
    let old_hash = session::cookie_token(&headers).map(|t| session::token_hash(&t));
    let now = state.config.clock.now().timestamp();
    let number = mobile.as_str().to_owned();
    state
        .db
        .run(move |conn| {
            let tx = conn.unchecked_transaction()?;
            let row: Option<(Vec<u8>, i64, u32)> = tx
                .query_row(
                    "SELECT code_hash, expires_at, attempts_left FROM otp_codes WHERE mobile = ?1",
                    [&number],
                    |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
                )
                .optional()?;
            let Some((stored, expires_at, attempts_left)) = row else {
                return Err(ApiError::new(ErrorCode::OtpExpired));
            };
            if attempts_left == 0 {
                return Err(ApiError::new(ErrorCode::OtpTooManyAttempts));
            }
            if expires_at <= now {
                return Err(ApiError::new(ErrorCode::OtpExpired));
            }
            if !secrets::ct_eq(&stored, &candidate) {
                let left = attempts_left - 1;
                tx.execute(
                    "UPDATE otp_codes SET attempts_left = ?2 WHERE mobile = ?1",
                    params![number, left],
                )?;
                tx.commit()?;
                return Err(if left == 0 {
                    ApiError::new(ErrorCode::OtpTooManyAttempts)
                } else {
                    ApiError::new(ErrorCode::OtpWrong).with_attempts_left(left)
                });
            }
            // A code works once.
            tx.execute("DELETE FROM otp_codes WHERE mobile = ?1", [&number])?;
            tx.execute("DELETE FROM sessions WHERE expires_at <= ?1", [now])?;
            tx.execute(
                "INSERT INTO sessions (token_hash, mobile, created_at, expires_at)
                 VALUES (?1, ?2, ?3, ?4)",
                params![new_hash, number, now, now + SESSION_SECS],
            )?;
            if let Some(old) = old_hash {
                // Verifying again in a live session keeps the files already uploaded for the
                // same mobile; a different mobile starts afresh. (Files of a session that has
                // expired are removed by the sweep; the app uploads again after verifying.)
                tx.execute(
                    "UPDATE attachments SET session_hash = ?2
                     WHERE session_hash = ?1 AND mobile = ?3 AND filing_reference IS NULL",
                    params![old, new_hash, number],
                )?;
                // Filings this browser looked up (reference and mobile) stay viewable.
                tx.execute(
                    "UPDATE status_access SET session_hash = ?2 WHERE session_hash = ?1",
                    params![old, new_hash],
                )?;
                end_session(&tx, &old)?;
            }
            tx.commit()?;
            Ok(())
        })
        .await?;
    let secure = session::is_https(&state, &headers);
    let mut response = Json(SessionInfo {
        verified_mobile: Some(mobile.as_str().to_owned()),
    })
    .into_response();
    response
        .headers_mut()
        .insert(header::SET_COOKIE, session::set_cookie(&token, secure));
    Ok(response)
}

/// Deletes a session, the files it uploaded but never filed and the filings it looked up.
fn end_session(conn: &rusqlite::Connection, token_hash: &[u8]) -> rusqlite::Result<()> {
    conn.execute(
        "DELETE FROM attachments WHERE session_hash = ?1 AND filing_reference IS NULL",
        [token_hash],
    )?;
    conn.execute(
        "DELETE FROM status_access WHERE session_hash = ?1",
        [token_hash],
    )?;
    conn.execute("DELETE FROM sessions WHERE token_hash = ?1", [token_hash])?;
    Ok(())
}

/// `GET /api/v1/session`
pub async fn get_session(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Json<SessionInfo>, ApiError> {
    let session = session::current(&state, &headers).await?;
    Ok(Json(SessionInfo {
        verified_mobile: session.map(|s: Session| s.mobile),
    }))
}

/// `DELETE /api/v1/session`: log out and, on a shared kiosk, clear what the browser kept.
/// `?site_data=keep` leaves out `Clear-Site-Data`: a kiosk page ending a session that an
/// earlier page could not reach asks this way, because its storage was emptied already and
/// clearing it again would unregister the service worker under the page as it loads.
pub async fn delete_session(
    State(state): State<AppState>,
    Query(query): Query<Vec<(String, String)>>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    // Checked before anything ends: a logout asked for wrongly ends nothing.
    let keep = keep_site_data(&query)?;
    if let Some(token) = session::cookie_token(&headers) {
        let hash = session::token_hash(&token);
        state
            .db
            .run(move |conn| Ok(end_session(conn, &hash)?))
            .await?;
    }
    let secure = session::is_https(&state, &headers);
    let mut response = StatusCode::NO_CONTENT.into_response();
    let headers = response.headers_mut();
    headers.insert(header::SET_COOKIE, session::clear_cookie(secure));
    if !keep {
        headers.insert(
            "clear-site-data",
            axum::http::HeaderValue::from_static("\"cookies\", \"storage\""),
        );
    }
    Ok(response)
}

/// `site_data` is absent or exactly one `keep`; any other value, or two of them, is
/// `validation_failed` on `site_data` (code `invalid`). Other query parameters are ignored.
/// (Pairs, not a struct: a repeated key or bytes that are not UTF-8 never become axum's
/// plain-text rejection.)
fn keep_site_data(query: &[(String, String)]) -> Result<bool, ApiError> {
    let values: Vec<&str> = query
        .iter()
        .filter(|(key, _)| key == "site_data")
        .map(|(_, value)| value.as_str())
        .collect();
    match values.as_slice() {
        [] => Ok(false),
        ["keep"] => Ok(true),
        _ => Err(ApiError::field(
            ErrorCode::ValidationFailed,
            "site_data",
            "invalid",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_data_is_absent_or_keep() {
        let q = |pairs: &[(&str, &str)]| {
            let pairs: Vec<(String, String)> = pairs
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect();
            keep_site_data(&pairs).map_err(|e| e.body)
        };
        assert_eq!(q(&[]), Ok(false));
        assert_eq!(q(&[("other", "x")]), Ok(false));
        assert_eq!(q(&[("site_data", "keep")]), Ok(true));
        for bad in [
            &[("site_data", "AAA")][..],
            &[("site_data", "")],
            &[("site_data", "KEEP")],
            &[("site_data", "keep"), ("site_data", "keep")],
        ] {
            let body = q(bad).unwrap_err();
            assert_eq!(body.error.code, ErrorCode::ValidationFailed, "{bad:?}");
            assert_eq!(body.error.fields[0].field, "site_data");
        }
    }

    #[test]
    fn waits_for_resend_and_for_the_window() {
        assert_eq!(wait_secs(&[], 1000), 0);
        assert_eq!(wait_secs(&[990], 1000), 20);
        assert_eq!(wait_secs(&[900], 1000), 0);
        // Three sends in the window: wait until the oldest leaves it.
        assert_eq!(
            wait_secs(&[100, 400, 700], 1000),
            100 + SEND_WINDOW_SECS - 1000
        );
    }
}
