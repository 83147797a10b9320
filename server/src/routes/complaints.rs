//! `POST /api/v1/complaints` (file an e-complaint) and `GET /api/v1/acknowledgements/{reference}`
//! (its receipt).

use crate::error::ApiError;
use crate::json::Json;
use crate::session::{self, Session};
use crate::{secrets, time, AppState};
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Datelike, Days, Utc};
use contract::forms::{retain_declared, validate_service, Ctx};
use contract::services::complaint::{MAX_ATTACHMENTS, SPEC};
use contract::{
    Acknowledgement, ComplaintSubmission, District, DistrictCode, ErrorCode, FieldError,
    PoliceStation, Reference, StationCode,
};
use rusqlite::{params, Connection, OptionalExtension, Transaction, TransactionBehavior};
use std::collections::BTreeSet;

/// The state part of every reference.
const STATE: &str = "BR";
/// Days the complainant has to sign the complaint at the police station (BNSS section 173).
pub const CONFIRM_WITHIN_DAYS: u64 = 3;
pub const IDEMPOTENCY_HEADER: &str = "idempotency-key";

/// The service part of a reference (`BR-CMP-2026-000123`).
fn service_code(service: &str) -> &'static str {
    match service {
        "complaint" => "CMP",
        _ => "SRV",
    }
}

/// 8–64 characters of `[A-Za-z0-9_-]`, as a client makes from a UUID or random bytes.
fn idempotency_key(headers: &HeaderMap) -> Result<String, ApiError> {
    let key = headers
        .get(IDEMPOTENCY_HEADER)
        .and_then(|v| v.to_str().ok())
        .filter(|k| {
            (8..=64).contains(&k.len())
                && k.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
        })
        .ok_or_else(|| ApiError::new(ErrorCode::MissingHeader))?;
    Ok(key.to_owned())
}

fn invalid(field: &str, code: &str) -> FieldError {
    FieldError {
        field: field.into(),
        code: code.into(),
    }
}

fn unprocessable(fields: Vec<FieldError>) -> ApiError {
    ApiError::fields(ErrorCode::ValidationFailed, fields)
        .with_status(StatusCode::UNPROCESSABLE_ENTITY)
}

fn created(ack: Acknowledgement, replayed: bool) -> Response {
    let mut response = (StatusCode::CREATED, axum::Json(ack)).into_response();
    if replayed {
        response
            .headers_mut()
            .insert("idempotent-replayed", HeaderValue::from_static("true"));
    }
    response
}

/// `POST /api/v1/complaints`
pub async fn submit(
    State(state): State<AppState>,
    headers: HeaderMap,
    Json(submission): Json<ComplaintSubmission>,
) -> Result<Response, ApiError> {
    let session = session::require(&state, &headers).await?;
    let key = idempotency_key(&headers)?;
    let canonical = serde_json::to_vec(&submission).map_err(|_| ApiError::internal())?;
    let body_hash = secrets::sha256(&[&canonical]).to_vec();
    let now = state.config.clock.now();
    // Check, validate and insert under the one connection's lock and in one transaction, so
    // concurrent retries of the same submission file it once.
    let (ack, replayed) = state
        .db
        .run(move |conn| file_complaint(conn, &session, &key, &body_hash, &submission, now))
        .await?;
    Ok(created(ack, replayed))
}

fn file_complaint(
    conn: &Connection,
    session: &Session,
    key: &str,
    body_hash: &[u8],
    submission: &ComplaintSubmission,
    now: DateTime<Utc>,
) -> Result<(Acknowledgement, bool), ApiError> {
    // IMMEDIATE: the write lock is taken before the idempotency check, so even another
    // process on the same file cannot file the same submission in between.
    let tx = Transaction::new_unchecked(conn, TransactionBehavior::Immediate)?;
    let earlier: Option<(Vec<u8>, String)> = tx
        .query_row(
            "SELECT body_hash, reference FROM idempotency_keys WHERE mobile = ?1 AND key = ?2",
            params![session.mobile, key],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .optional()?;
    if let Some((hash, reference)) = earlier {
        if !secrets::ct_eq(&hash, body_hash) {
            return Err(ApiError::new(ErrorCode::IdempotencyConflict));
        }
        let ack = load_ack(&tx, &reference)?.ok_or_else(ApiError::internal)?;
        return Ok((ack, true));
    }

    let answers = &submission.answers;
    let today = time::today_ist(now);
    let station_in_district = |district: &str, station: &str| {
        tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM police_stations WHERE code = ?1 AND district_code = ?2)",
            [station, district],
            |row| row.get::<_, bool>(0),
        )
        .unwrap_or(false)
    };
    let district_exists = |district: &str| {
        tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM districts WHERE code = ?1)",
            [district],
            |row| row.get::<_, bool>(0),
        )
        .unwrap_or(false)
    };
    let ctx = Ctx {
        today,
        station_in_district: Some(&station_in_district),
        district_exists: Some(&district_exists),
    };
    let mut problems: Vec<FieldError> = validate_service(&SPEC, answers, &ctx)
        .into_iter()
        .map(|p| invalid(&p.field, p.error.code()))
        .collect();
    let unique: BTreeSet<&String> = submission.attachments.iter().collect();
    let attachments_ok = submission.attachments.len() <= MAX_ATTACHMENTS
        && unique.len() == submission.attachments.len()
        && submission.attachments.iter().all(|id| {
            tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM attachments
                 WHERE id = ?1 AND session_hash = ?2 AND filing_reference IS NULL)",
                params![id, session.token_hash],
                |row| row.get::<_, bool>(0),
            )
            .unwrap_or(false)
        });
    if !attachments_ok {
        problems.push(invalid("attachments", "invalid"));
    }
    if !problems.is_empty() {
        return Err(unprocessable(problems));
    }
    // The complaint must come from the mobile this session verified.
    let mobile = contract::rules::mobile::parse(answers.get("mobile").map_or("", |s| s))
        .map_err(|_| ApiError::new(ErrorCode::NotVerified))?;
    if mobile.as_str() != session.mobile {
        return Err(ApiError::new(ErrorCode::NotVerified));
    }

    let mut kept = retain_declared(&SPEC, answers, today);
    kept.insert("mobile".into(), mobile.as_str().to_owned());
    if kept.get("id_type").map(String::as_str) == Some("aadhaar") {
        if let Some(number) = kept.get("id_number") {
            let masked = contract::rules::aadhaar::parse(number)
                .map_err(|_| ApiError::internal())?
                .masked();
            kept.insert("id_number".into(), masked);
        }
    }
    let answers_json = serde_json::to_string(&kept).map_err(|_| ApiError::internal())?;

    // The complaint goes to the station where it happened.
    let station_code = kept.get("incident_station").cloned().unwrap_or_default();
    let district_code = kept.get("incident_district").cloned().unwrap_or_default();
    let (station_en, station_hi, sample): (String, String, bool) = tx.query_row(
        "SELECT name_en, name_hi, sample FROM police_stations WHERE code = ?1",
        [&station_code],
        |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
    )?;
    let (district_en, district_hi): (String, String) = tx.query_row(
        "SELECT name_en, name_hi FROM districts WHERE code = ?1",
        [&district_code],
        |row| Ok((row.get(0)?, row.get(1)?)),
    )?;

    let service = SPEC.id;
    let year = now.with_timezone(&time::ist()).year();
    let seq: u32 = tx.query_row(
        "SELECT COALESCE(MAX(seq), 0) + 1 FROM filings WHERE service = ?1 AND year = ?2",
        params![service, year],
        |row| row.get(0),
    )?;
    let reference = Reference::new(STATE, service_code(service), year, seq);
    let filed_at = time::rfc3339_utc(now);
    tx.execute(
        "INSERT INTO filings (reference, service, year, seq, mobile, answers,
             station_code, station_name_en, station_name_hi, station_sample,
             district_code, district_name_en, district_name_hi, filed_at, attachments)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
        params![
            reference.as_str(),
            service,
            year,
            seq,
            mobile.as_str(),
            answers_json,
            station_code,
            station_en,
            station_hi,
            sample,
            district_code,
            district_en,
            district_hi,
            filed_at,
            submission.attachments.len() as i64,
        ],
    )?;
    tx.execute(
        "INSERT INTO status_events
             (reference, status, at, office, office_en, office_hi, note_en, note_hi, version)
         VALUES (?1, 'submitted', ?2, ?3, ?4, ?5, ?6, ?7, 1)",
        params![
            reference.as_str(),
            filed_at,
            station_code,
            station_en,
            station_hi,
            "Complaint received online.",
            "शिकायत ऑनलाइन प्राप्त हुई।",
        ],
    )?;
    tx.execute(
        "INSERT INTO idempotency_keys (mobile, key, body_hash, reference, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![session.mobile, key, body_hash, reference.as_str(), filed_at],
    )?;
    for id in &submission.attachments {
        tx.execute(
            "UPDATE attachments SET filing_reference = ?2 WHERE id = ?1",
            params![id, reference.as_str()],
        )?;
    }
    let ack = load_ack(&tx, reference.as_str())?.ok_or_else(ApiError::internal)?;
    tx.commit()?;
    Ok((ack, false))
}

fn corrupt(what: &str) -> ApiError {
    eprintln!("nagrik-server: invalid {what} in the filings table");
    ApiError::internal()
}

/// A filing's receipt, built from what was stored when it was filed.
pub fn load_ack(conn: &Connection, reference: &str) -> Result<Option<Acknowledgement>, ApiError> {
    type Row = (
        String,
        String,
        String,
        String,
        bool,
        String,
        String,
        String,
        String,
        u32,
    );
    let row: Option<Row> = conn
        .query_row(
            "SELECT service, station_code, station_name_en, station_name_hi, station_sample,
                    district_code, district_name_en, district_name_hi, filed_at, attachments
             FROM filings WHERE reference = ?1",
            [reference],
            |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                    r.get(6)?,
                    r.get(7)?,
                    r.get(8)?,
                    r.get(9)?,
                ))
            },
        )
        .optional()?;
    let Some((service, station, st_en, st_hi, sample, district, d_en, d_hi, filed_at, files)) = row
    else {
        return Ok(None);
    };
    let filed_at = DateTime::parse_from_rfc3339(&filed_at)
        .map_err(|_| corrupt("filed_at"))?
        .with_timezone(&Utc);
    let district = DistrictCode::parse(&district).map_err(|_| corrupt("district"))?;
    let confirm_by = time::today_ist(filed_at)
        .checked_add_days(Days::new(CONFIRM_WITHIN_DAYS))
        .ok_or_else(|| corrupt("filed_at"))?;
    Ok(Some(Acknowledgement {
        reference: Reference::parse(reference).map_err(|_| corrupt("reference"))?,
        service,
        filed_at: time::rfc3339_ist(filed_at),
        station: PoliceStation {
            code: StationCode::parse(&station).map_err(|_| corrupt("station"))?,
            district: district.clone(),
            name_en: st_en,
            name_hi: st_hi,
            sample,
        },
        district: District {
            code: district,
            name_en: d_en,
            name_hi: d_hi,
        },
        confirm_by,
        attachments: files,
    }))
}

/// `GET /api/v1/acknowledgements/{reference}`: public, as it carries no personal details.
pub async fn acknowledgement(
    State(state): State<AppState>,
    Path(raw): Path<String>,
) -> Result<axum::Json<Acknowledgement>, ApiError> {
    let reference = Reference::parse(&raw)
        .map_err(|_| ApiError::field(ErrorCode::ValidationFailed, "reference", "invalid"))?;
    let ack = state
        .db
        .run(move |conn| load_ack(conn, reference.as_str()))
        .await?
        .ok_or_else(|| ApiError::new(ErrorCode::UnknownCode))?;
    Ok(axum::Json(ack))
}
