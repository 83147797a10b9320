//! Live status: `POST /api/v1/status/lookup` (reference + mobile → the view, and this browser
//! may follow the filing) and `GET /api/v1/status/{reference}` (polled, with an `ETag`).
//!
//! Whatever is wrong (reference unknown or malformed, mobile not the filing's, no access) the
//! answer is the same `404 not_found`, so neither can be guessed one at a time.
//!
//! A confidential tip has no mobile: its number alone opens its status, which says only
//! "received" or "action taken" and when (no station, no notes), and every answer other than a
//! `304` counts against the client's address in memory, as the tip itself did.

use crate::error::ApiError;
use crate::json::Json;
use crate::session::{self, Viewer};
use crate::{secrets, time, AppState};
use axum::extract::connect_info::ConnectInfo;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::{header, Extensions, HeaderMap, HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Days, Utc};
use contract::lifecycle::Status;
use contract::rules;
use contract::services::tip_off;
use contract::services::ServiceId;
use contract::status::{NextStep, StatusEvent, StatusLookup, StatusView, TipAdded, TipAddition};
use contract::{ErrorCode, Reference};
use rusqlite::{params, Connection, OptionalExtension, Transaction, TransactionBehavior};
use std::net::SocketAddr;

/// At most this many lookups per client address, and per session, in any window.
pub const MAX_LOOKUPS: usize = 10;
pub const LOOKUP_WINDOW_SECS: i64 = 60;
pub const POLL_INTERVAL_HEADER: &str = "x-poll-interval";

fn not_found() -> ApiError {
    ApiError::new(ErrorCode::NotFound)
}

fn corrupt(what: &str) -> ApiError {
    eprintln!("nagrik-server: invalid {what} in the status tables");
    ApiError::internal()
}

/// `"BR-CMP-2026-000001-v3"`
pub fn etag(reference: &Reference, version: u32) -> String {
    format!("\"{reference}-v{version}\"")
}

/// True when `If-None-Match` lists `etag` (weak or strong) or is `*`.
fn not_modified(headers: &HeaderMap, etag: &str) -> bool {
    headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .map(|tag| tag.trim())
        .any(|tag| tag == "*" || tag.strip_prefix("W/").unwrap_or(tag) == etag)
}

/// The client's address for the rate limit: the peer, or the last hop a local proxy added.
pub(super) fn client_ip(extensions: &Extensions, headers: &HeaderMap) -> String {
    let Some(ConnectInfo(peer)) = extensions.get::<ConnectInfo<SocketAddr>>() else {
        return "unknown".into();
    };
    if peer.ip().is_loopback() {
        let forwarded = headers
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.rsplit(',').next())
            .map(str::trim)
            .filter(|ip| !ip.is_empty());
        if let Some(ip) = forwarded {
            return ip.to_owned();
        }
    }
    peer.ip().to_string()
}

/// Records a lookup under each key, or answers `rate_limited` when any key is at its limit.
fn rate_limit(conn: &Connection, keys: &[String], now: i64) -> Result<(), ApiError> {
    let tx = Transaction::new_unchecked(conn, TransactionBehavior::Immediate)?;
    tx.execute(
        "DELETE FROM status_lookups WHERE at <= ?1",
        [now - LOOKUP_WINDOW_SECS],
    )?;
    let mut wait = 0;
    for key in keys {
        let mut stmt = tx.prepare_cached(
            "SELECT at FROM status_lookups WHERE key = ?1 ORDER BY at DESC LIMIT ?2",
        )?;
        let recent: Vec<i64> = stmt
            .query_map(params![key, MAX_LOOKUPS as i64], |row| row.get(0))?
            .collect::<Result<_, _>>()?;
        if recent.len() >= MAX_LOOKUPS {
            // The oldest of the last MAX_LOOKUPS must leave the window.
            wait = wait.max(recent[MAX_LOOKUPS - 1] + LOOKUP_WINDOW_SECS - now);
        }
    }
    if wait > 0 {
        return Err(ApiError::rate_limited(wait.unsigned_abs()));
    }
    for key in keys {
        tx.execute(
            "INSERT INTO status_lookups (key, at) VALUES (?1, ?2)",
            params![key, now],
        )?;
    }
    tx.commit()?;
    Ok(())
}

/// Headers of a view (200) or of its `304`.
fn view_headers(headers: &mut HeaderMap, etag: &str, poll_secs: u64) {
    headers.insert(
        header::ETAG,
        HeaderValue::from_str(etag).expect("a reference is ASCII"),
    );
    headers.insert(
        HeaderName::from_static(POLL_INTERVAL_HEADER),
        HeaderValue::from(poll_secs),
    );
    headers.insert(
        header::ACCESS_CONTROL_EXPOSE_HEADERS,
        HeaderValue::from_static("ETag, X-Poll-Interval"),
    );
}

fn poll_secs(state: &AppState) -> u64 {
    state.config.poll_interval.as_secs().max(1)
}

/// `POST /api/v1/status/lookup`
pub async fn lookup(
    State(state): State<AppState>,
    extensions: Extensions,
    headers: HeaderMap,
    Json(body): Json<StatusLookup>,
) -> Result<Response, ApiError> {
    let now = state.config.clock.now().timestamp();
    let token_hash = session::cookie_token(&headers).map(|t| session::token_hash(&t));
    let mut keys = vec![format!("ip:{}", client_ip(&extensions, &headers))];
    if let Some(hash) = &token_hash {
        keys.push(format!("session:{}", secrets::url_token(hash)));
    }
    state
        .db
        .run(move |conn| rate_limit(conn, &keys, now))
        .await?;

    let mobile = rules::mobile::parse(&body.mobile)
        .map_err(|err| ApiError::field(ErrorCode::ValidationFailed, "mobile", err.code()))?;
    let reference = Reference::parse(&body.reference).map_err(|_| not_found())?;
    let (view, new_token) = state
        .db
        .run(move |conn| {
            let tx = Transaction::new_unchecked(conn, TransactionBehavior::Immediate)?;
            // NULL for a filing without a verified applicant: no mobile finds it.
            let filed_by: Option<Option<String>> = tx
                .query_row(
                    "SELECT mobile FROM filings WHERE reference = ?1",
                    [reference.as_str()],
                    |row| row.get(0),
                )
                .optional()?;
            // Compared whole and in constant time; an unknown reference compares too.
            let filed_by = filed_by.flatten().unwrap_or_default();
            if !secrets::ct_eq(filed_by.as_bytes(), mobile.as_str().as_bytes()) {
                return Err(not_found());
            }
            let existing = match &token_hash {
                Some(hash) => session::viewer(&tx, hash, now)?,
                None => None,
            };
            let (viewer, new_token) = match existing {
                Some(viewer) => (viewer, None),
                None => {
                    let (token, viewer) = session::open_viewer(&tx, now)?;
                    (viewer, Some(token))
                }
            };
            let Viewer { token_hash, .. } = viewer;
            tx.execute(
                "INSERT OR IGNORE INTO status_access (session_hash, reference, granted_at)
                 VALUES (?1, ?2, ?3)",
                params![token_hash, reference.as_str(), now],
            )?;
            let view = load_view(&tx, &reference)?.ok_or_else(ApiError::internal)?;
            tx.commit()?;
            Ok((view, new_token))
        })
        .await?;
    let tag = etag(&view.reference, view.version);
    let mut response = axum::Json(view).into_response();
    view_headers(response.headers_mut(), &tag, poll_secs(&state));
    if let Some(token) = new_token {
        let secure = session::is_https(&state, &headers);
        response
            .headers_mut()
            .insert(header::SET_COOKIE, session::set_cookie(&token, secure));
    }
    Ok(response)
}

enum Found {
    View(Box<StatusView>),
    NotModified(String),
}

/// Whether `reference` is a tip's, opened by its number alone.
fn is_tip(reference: &Reference) -> bool {
    ServiceId::from_reference(reference).is_some_and(|s| s.spec().applicant.is_anonymous())
}

/// `GET /api/v1/status/{reference}`
pub async fn get(
    State(state): State<AppState>,
    raw: Result<Path<String>, PathRejection>,
    extensions: Extensions,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    // Not UTF-8 once decoded: malformed, so the same 404 as any other.
    let reference = raw
        .ok()
        .and_then(|Path(raw)| Reference::parse(&raw).ok())
        .ok_or_else(not_found)?;
    if is_tip(&reference) {
        return get_tip(state, reference, extensions, headers).await;
    }
    let token_hash = session::cookie_token(&headers)
        .map(|t| session::token_hash(&t))
        .ok_or_else(not_found)?;
    let now = state.config.clock.now().timestamp();
    let request_headers = headers.clone();
    let found = state
        .db
        .run(move |conn| {
            // One read transaction: the access check, the version and the view see one
            // snapshot even while `officer advance` writes.
            let tx = conn.unchecked_transaction()?;
            let viewer = session::viewer(&tx, &token_hash, now)?.ok_or_else(not_found)?;
            let version: Option<u32> = tx
                .query_row(
                    "SELECT (SELECT MAX(version) FROM status_events e
                             WHERE e.reference = f.reference)
                     FROM filings f
                     WHERE f.reference = ?1
                       AND (f.mobile = ?2 OR EXISTS (SELECT 1 FROM status_access a
                            WHERE a.session_hash = ?3 AND a.reference = f.reference))",
                    params![reference.as_str(), viewer.mobile, viewer.token_hash],
                    |row| row.get(0),
                )
                .optional()?
                .flatten();
            let version = version.ok_or_else(not_found)?;
            let tag = etag(&reference, version);
            if not_modified(&request_headers, &tag) {
                return Ok(Found::NotModified(tag));
            }
            let view = load_view(&tx, &reference)?.ok_or_else(not_found)?;
            Ok(Found::View(Box::new(view)))
        })
        .await?;
    let poll = poll_secs(&state);
    let mut response = match found {
        Found::NotModified(tag) => {
            let mut response = StatusCode::NOT_MODIFIED.into_response();
            view_headers(response.headers_mut(), &tag, poll);
            response
        }
        Found::View(view) => {
            let tag = etag(&view.reference, view.version);
            let mut response = axum::Json(*view).into_response();
            view_headers(response.headers_mut(), &tag, poll);
            response
        }
    };
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("no-cache, private"),
    );
    Ok(response)
}

/// A tip's status by its number: no session, no mobile.
async fn get_tip(
    state: AppState,
    reference: Reference,
    extensions: Extensions,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let poll = poll_secs(&state);
    let lookup = reference.clone();
    let version: Option<u32> = state
        .db
        .run(move |conn| {
            Ok(conn
                .query_row(
                    "SELECT MAX(version) FROM status_events WHERE reference = ?1",
                    [lookup.as_str()],
                    |row| row.get(0),
                )
                .optional()?
                .flatten())
        })
        .await?;
    // Only the tag of a tip that exists saves a count: `*` would tell a number exists.
    if let Some(tag) = version.map(|v| etag(&reference, v)) {
        let asked = headers
            .get_all(header::IF_NONE_MATCH)
            .iter()
            .any(|v| v.to_str().is_ok_and(|v| v != "*"));
        if asked && not_modified(&headers, &tag) {
            let mut response = StatusCode::NOT_MODIFIED.into_response();
            view_headers(response.headers_mut(), &tag, poll);
            return Ok(response);
        }
    }
    super::submissions::limit_anonymous(&state, &extensions, &headers)?;
    let view = state
        .db
        .run(move |conn| load_view(conn, &reference))
        .await?
        .ok_or_else(not_found)?;
    let tag = etag(&view.reference, view.version);
    let mut response = axum::Json(view).into_response();
    view_headers(response.headers_mut(), &tag, poll);
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("no-cache, private"),
    );
    Ok(response)
}

/// `POST /api/v1/status/{reference}/additions`: more for a tip, by its number alone. Anything
/// but a tip that exists is the same `404 not_found`; counted against the client's address in
/// memory; an `Idempotency-Key` retried answers the first addition's time.
pub async fn add_to_tip(
    State(state): State<AppState>,
    raw: Result<Path<String>, PathRejection>,
    extensions: Extensions,
    headers: HeaderMap,
    body: Result<Json<TipAddition>, ApiError>,
) -> Result<Response, ApiError> {
    let reference = raw
        .ok()
        .and_then(|Path(raw)| Reference::parse(&raw).ok())
        .filter(is_tip)
        .ok_or_else(not_found)?;
    super::submissions::limit_anonymous(&state, &extensions, &headers)?;
    let key = super::submissions::idempotency_key(&headers)?;
    let Json(body) = body?;
    let text = tip_off::addition(&body.text).map_err(|e| {
        ApiError::field(ErrorCode::ValidationFailed, "text", e.code())
            .with_status(StatusCode::UNPROCESSABLE_ENTITY)
    })?;
    let now = state.config.clock.now();
    let added_at = state
        .db
        .run(move |conn| {
            let tx = Transaction::new_unchecked(conn, TransactionBehavior::Immediate)?;
            let exists: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM filings WHERE reference = ?1)",
                [reference.as_str()],
                |row| row.get(0),
            )?;
            if !exists {
                return Err(not_found());
            }
            let earlier: Option<String> = tx
                .query_row(
                    "SELECT added_at FROM tip_additions WHERE reference = ?1 AND key = ?2",
                    params![reference.as_str(), key],
                    |row| row.get(0),
                )
                .optional()?;
            if let Some(at) = earlier {
                return Ok(at);
            }
            let count: i64 = tx.query_row(
                "SELECT COUNT(*) FROM tip_additions WHERE reference = ?1",
                [reference.as_str()],
                |row| row.get(0),
            )?;
            if count >= tip_off::MAX_ADDITIONS as i64 {
                return Err(
                    ApiError::field(ErrorCode::ValidationFailed, "text", "too_many")
                        .with_status(StatusCode::UNPROCESSABLE_ENTITY),
                );
            }
            let at = time::rfc3339_utc(now);
            tx.execute(
                "INSERT INTO tip_additions (reference, seq, key, text, added_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![reference.as_str(), count + 1, key, text, at],
            )?;
            tx.commit()?;
            Ok(at)
        })
        .await?;
    let added_at = DateTime::parse_from_rfc3339(&added_at)
        .map_err(|_| corrupt("added_at"))?
        .with_timezone(&Utc);
    let answer = TipAdded {
        added_at: time::rfc3339_ist(added_at),
    };
    Ok((StatusCode::CREATED, axum::Json(answer)).into_response())
}

/// `2026-12-02T00:00:00+05:30` for any RFC 3339 time on that IST day.
fn start_of_ist_day(at: &str) -> Result<String, ApiError> {
    let day = DateTime::parse_from_rfc3339(at)
        .map_err(|_| corrupt("at"))?
        .with_timezone(&time::ist())
        .date_naive();
    let midnight = day
        .and_hms_opt(0, 0, 0)
        .and_then(|t| t.and_local_timezone(time::ist()).single())
        .ok_or_else(|| corrupt("at"))?;
    Ok(time::rfc3339_ist(midnight.with_timezone(&Utc)))
}

/// A filing's status view, or `None` when there is no such filing.
pub fn load_view(conn: &Connection, reference: &Reference) -> Result<Option<StatusView>, ApiError> {
    let filing: Option<(String, Option<String>)> = conn
        .query_row(
            "SELECT service, fir_number FROM filings WHERE reference = ?1",
            [reference.as_str()],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .optional()?;
    let Some((service, fir_number)) = filing else {
        return Ok(None);
    };
    // Office names: as recorded with the step; before they were, the filing's own station
    // names, then the masters, then the bare code.
    let mut stmt = conn.prepare_cached(
        "SELECT e.status, e.at,
                COALESCE(e.office_en,
                         CASE WHEN e.office = f.station_code THEN f.station_name_en END,
                         ps.name_en, e.office),
                COALESCE(e.office_hi,
                         CASE WHEN e.office = f.station_code THEN f.station_name_hi END,
                         ps.name_hi, e.office),
                e.note_en, e.note_hi, e.version
         FROM status_events e
         JOIN filings f ON f.reference = e.reference
         LEFT JOIN police_stations ps ON ps.code = e.office
         WHERE e.reference = ?1
         ORDER BY e.version",
    )?;
    type Row = (
        String,
        String,
        String,
        String,
        Option<String>,
        Option<String>,
        u32,
    );
    let rows: Vec<Row> = stmt
        .query_map([reference.as_str()], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
            ))
        })?
        .collect::<Result<_, _>>()?;
    let mut events = Vec::with_capacity(rows.len());
    let mut last: Option<(DateTime<Utc>, u32)> = None;
    for (status, at, office_en, office_hi, note_en, note_hi, version) in rows {
        let status = Status::from_code(&status).ok_or_else(|| corrupt("status"))?;
        let at = DateTime::parse_from_rfc3339(&at)
            .map_err(|_| corrupt("at"))?
            .with_timezone(&Utc);
        last = Some((at, version));
        events.push(StatusEvent {
            status,
            at: time::rfc3339_ist(at),
            office_en,
            office_hi,
            note_en,
            note_hi,
        });
    }
    let (Some(current), Some((last_at, version))) = (events.last().map(|e| e.status), last) else {
        return Err(corrupt("history (no events)"));
    };
    let service = ServiceId::from_slug(&service).ok_or_else(|| corrupt("service"))?;
    let lifecycle = service.lifecycle();
    if lifecycle == contract::lifecycle::Lifecycle::Tip {
        // A tip's steps and their days only: no station, no notes, no expected date, and no
        // time of day (a number alone must not tell when a tip was sent to the minute).
        for e in &mut events {
            e.office_en.clear();
            e.office_hi.clear();
            e.note_en = None;
            e.note_hi = None;
            e.at = start_of_ist_day(&e.at)?;
        }
        return Ok(Some(StatusView {
            reference: reference.clone(),
            service,
            current,
            is_final: lifecycle.is_final(current),
            events,
            fir_number: None,
            next: None,
            version,
        }));
    }
    let next = lifecycle.next_expected(current).and_then(|(status, days)| {
        let by = time::today_ist(last_at).checked_add_days(Days::new(days.into()))?;
        Some(NextStep {
            status,
            by: by.to_string(),
        })
    });
    Ok(Some(StatusView {
        reference: reference.clone(),
        service,
        current,
        is_final: lifecycle.is_final(current),
        events,
        fir_number,
        next,
        version,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn if_none_match_accepts_lists_weak_tags_and_star() {
        let tag = "\"BR-CMP-2026-000001-v2\"";
        let with = |value: &'static str| {
            let mut headers = HeaderMap::new();
            headers.insert(header::IF_NONE_MATCH, HeaderValue::from_static(value));
            not_modified(&headers, tag)
        };
        assert!(with("\"BR-CMP-2026-000001-v2\""));
        assert!(with("W/\"BR-CMP-2026-000001-v2\""));
        assert!(with("\"x\", \"BR-CMP-2026-000001-v2\""));
        assert!(with("*"));
        assert!(!with("\"BR-CMP-2026-000001-v1\""));
        assert!(!with("BR-CMP-2026-000001-v2"));
        assert!(!not_modified(&HeaderMap::new(), tag));
    }

    #[test]
    fn older_steps_without_office_names_take_the_filings_or_the_masters() {
        let mut conn = Connection::open_in_memory().unwrap();
        crate::db::migrate(&mut conn).unwrap();
        conn.execute_batch(
            "INSERT INTO filings (reference, service, year, seq, mobile, answers, station_code,
                 station_name_en, station_name_hi, station_sample, district_code,
                 district_name_en, district_name_hi, filed_at)
             VALUES ('BR-TNV-2026-000001', 'tenant-verification', 2026, 1, '9876543210',
                 '{}', 'PAT-GANDHI-MAIDAN', 'Gandhi Maidan (then)', 'गांधी मैदान', 1, 'PAT',
                 'Patna', 'पटना', '2026-01-01T20:00:00Z');
             INSERT INTO status_events (reference, status, at, office, version) VALUES
                 ('BR-TNV-2026-000001', 'submitted', '2026-01-01T20:00:00Z',
                  'PAT-GANDHI-MAIDAN', 1),
                 ('BR-TNV-2026-000001', 'pending_at_station', '2026-01-02T05:00:00Z',
                  'PAT-KOTWALI', 2);",
        )
        .unwrap();
        let reference = Reference::parse("BR-TNV-2026-000001").unwrap();
        let view = load_view(&conn, &reference).unwrap().unwrap();
        assert_eq!(view.events[0].office_en, "Gandhi Maidan (then)");
        assert_eq!(view.events[0].at, "2026-01-02T01:30:00+05:30");
        assert_eq!(view.events[1].office_en, "Kotwali");
        assert_eq!(view.events[1].office_hi, "कोतवाली");
        assert_eq!(view.current, Status::PendingAtStation);
        assert!(!view.is_final);
        assert_eq!(view.version, 2);
        let next = view.next.unwrap();
        assert_eq!(next.status, Status::VerificationInProgress);
        assert_eq!(next.by.to_string(), "2026-01-04");
        let unknown = Reference::parse("BR-TNV-2026-000002").unwrap();
        assert_eq!(load_view(&conn, &unknown).unwrap(), None);
    }

    #[test]
    fn rate_limit_counts_per_key_and_says_when() {
        let mut conn = Connection::open_in_memory().unwrap();
        crate::db::migrate(&mut conn).unwrap();
        let keys = vec!["ip:1.2.3.4".to_owned()];
        for i in 0..MAX_LOOKUPS as i64 {
            rate_limit(&conn, &keys, 1000 + i).unwrap();
        }
        let err = rate_limit(&conn, &keys, 1010).unwrap_err();
        assert_eq!(err.code(), ErrorCode::RateLimited);
        assert_eq!(err.body.error.retry_after_secs, Some(50));
        // Another key is not affected, and the first recovers when the window moves on.
        rate_limit(&conn, &["ip:5.6.7.8".to_owned()], 1010).unwrap();
        rate_limit(&conn, &keys, 1060).unwrap();
    }
}
