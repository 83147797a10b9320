//! `POST /api/v1/services/{service}/submissions` (file any service, driven by its
//! `ServiceSpec`) and `GET /api/v1/acknowledgements/{reference}` (the receipt).
//!
//! Nothing here names a service or a field of one: who applies, where the filing goes, what
//! may be attached, which answers are masked and what the receipt promises all come from the
//! service's declaration.

use crate::error::ApiError;
use crate::json::Json;
use crate::session::{self, Session};
use crate::{officer, secrets, time, AppState};
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::Extensions;
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Datelike, Days, Utc};
use contract::forms::{
    retain_declared, validate_service, Answers, Applicant, Ctx, ServiceSpec, ATTACHMENTS_FIELD,
};
use contract::rules::{FileKind, RuleError};
use contract::services::ServiceId;
use contract::{
    Acknowledgement, District, DistrictCode, ErrorCode, FieldError, PoliceStation, Reference,
    SlipLine, StationCode, Submission,
};
use rusqlite::{params, Connection, OptionalExtension, Transaction, TransactionBehavior};
use std::collections::BTreeSet;

/// The state part of every reference.
const STATE: &str = "BR";
pub const IDEMPOTENCY_HEADER: &str = "idempotency-key";
/// The field code of an answer key that no declared field of the service has.
pub const UNKNOWN_FIELD: &str = "unknown_field";
/// The field code of more attachments than the service takes.
pub const TOO_MANY: &str = "too_many";

/// 8–64 characters of `[A-Za-z0-9_-]`, as a client makes from a UUID or random bytes.
pub(super) fn idempotency_key(headers: &HeaderMap) -> Result<String, ApiError> {
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

/// Counts an anonymous request from this client in memory, or answers `rate_limited`.
pub fn limit_anonymous(
    state: &AppState,
    extensions: &Extensions,
    headers: &HeaderMap,
) -> Result<(), ApiError> {
    let address = super::status::client_ip(extensions, headers);
    state
        .anonymous
        .hit(&address, state.config.clock.now().timestamp())
        .map_err(ApiError::rate_limited)
}

/// `POST /api/v1/services/{service}/submissions`
pub async fn submit(
    State(state): State<AppState>,
    slug: Result<Path<String>, PathRejection>,
    extensions: Extensions,
    headers: HeaderMap,
    body: Result<Json<Submission>, ApiError>,
) -> Result<Response, ApiError> {
    // An unknown service is a missing route, whatever the body or the session.
    let service = slug
        .ok()
        .and_then(|Path(slug)| ServiceId::from_slug(&slug))
        .ok_or_else(|| ApiError::new(ErrorCode::UnknownService))?;
    let session = match service.spec().applicant {
        // Nobody is known, whatever cookie comes along: it is not read, and the tip is not
        // linked to it.
        Applicant::Anonymous => {
            limit_anonymous(&state, &extensions, &headers)?;
            None
        }
        Applicant::Verified { .. } => Some(session::require(&state, &headers).await?),
    };
    let Json(submission) = body?;
    let key = idempotency_key(&headers)?;
    let canonical = serde_json::to_vec(&submission).map_err(|_| ApiError::internal())?;
    let body_hash = secrets::sha256(&[&canonical]).to_vec();
    let now = state.config.clock.now();
    // Check, validate and insert under the one connection's lock and in one transaction, so
    // concurrent retries of the same submission file it once.
    let (ack, replayed) = state
        .db
        .run(move |conn| {
            let filing = Filing {
                service,
                session: session.as_ref(),
                key: &key,
                body_hash: &body_hash,
                submission: &submission,
                now,
            };
            filing.file(conn)
        })
        .await?;
    Ok(created(ack, replayed))
}

/// Answer keys that no declared field of the service could have (`group.N.field` needs a
/// declared group, an index below its maximum written as `N`, and a field of that group).
/// Declared fields that are not shown are not unknown: they are dropped by `retain_declared`.
fn unknown_keys(spec: &ServiceSpec, answers: &Answers) -> Vec<FieldError> {
    let declared = |key: &str| {
        let parts: Vec<&str> = key.split('.').collect();
        match parts.as_slice() {
            [id] => spec.steps.iter().any(|s| {
                s.fields.iter().any(|f| f.id == *id) || s.groups.iter().any(|g| g.id == *id)
            }),
            [group, index, field] => spec
                .steps
                .iter()
                .flat_map(|s| s.groups)
                .filter(|g| g.id == *group && g.fields.iter().any(|f| f.id == *field))
                .any(|g| {
                    index
                        .parse::<usize>()
                        .is_ok_and(|i| i < g.max && i.to_string() == *index)
                }),
            _ => false,
        }
    };
    answers
        .keys()
        .filter(|key| !declared(key))
        .map(|key| invalid(key, UNKNOWN_FIELD))
        .collect()
}

/// One submission being filed, inside the connection's lock.
struct Filing<'a> {
    service: ServiceId,
    /// `None` for an anonymous service.
    session: Option<&'a Session>,
    key: &'a str,
    body_hash: &'a [u8],
    submission: &'a Submission,
    now: DateTime<Utc>,
}

impl Filing<'_> {
    fn file(&self, conn: &Connection) -> Result<(Acknowledgement, bool), ApiError> {
        let Filing {
            service,
            session,
            key,
            body_hash,
            submission,
            now,
        } = *self;
        let spec = service.spec();
        // Keys are per verified mobile; an anonymous filing's are in a space of their own
        // (the empty mobile), linked to no one.
        let key_owner = session.map_or("", |s| s.mobile.as_str());
        let reader = Reader::Sender;
        // IMMEDIATE: the write lock is taken before the idempotency check, so even another
        // process on the same file cannot file the same submission in between.
        let tx = Transaction::new_unchecked(conn, TransactionBehavior::Immediate)?;
        let earlier: Option<(Vec<u8>, String)> = tx
            .query_row(
                "SELECT body_hash, reference FROM idempotency_keys
                 WHERE mobile = ?1 AND service = ?2 AND key = ?3",
                params![key_owner, service.slug(), key],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()?;
        if let Some((hash, reference)) = earlier {
            if !secrets::ct_eq(&hash, body_hash) {
                // The key already filed something: name it, so a citizen whose first answer
                // was lost (and who then changed an answer) learns of the filing. Keys are per
                // verified mobile, so only the mobile that filed it is told.
                let reference = Reference::parse(&reference).map_err(|_| corrupt("reference"))?;
                return Err(ApiError::new(ErrorCode::IdempotencyConflict).with_reference(reference));
            }
            let ack = load_ack(&tx, &reference, reader)?.ok_or_else(ApiError::internal)?;
            return Ok((ack, true));
        }

        let answers = &submission.answers;
        let ist_now = now.with_timezone(&time::ist());
        let today = ist_now.date_naive();
        let station_in_district = |district: &str, station: &str| {
            tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM police_stations
                                WHERE code = ?1 AND district_code = ?2)",
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
            time_now: Some(ist_now.time()),
            station_in_district: Some(&station_in_district),
            district_exists: Some(&district_exists),
        };
        let mut problems: Vec<FieldError> = unknown_keys(spec, answers);
        problems.extend(
            validate_service(spec, answers, &ctx)
                .into_iter()
                .map(|p| invalid(&p.field, p.error.code())),
        );
        if let Some(code) = self.attachments_problem(&tx, spec)? {
            problems.push(invalid(ATTACHMENTS_FIELD, code));
        }
        if !problems.is_empty() {
            return Err(unprocessable(problems));
        }
        // Declared and shown answers only, masked where declared so.
        let mut kept = retain_declared(spec, answers, today);
        // A verified filing must come from the mobile this session verified.
        let mobile = match (spec.applicant, session) {
            (Applicant::Verified { mobile_field }, Some(session)) => {
                let mobile =
                    contract::rules::mobile::parse(answers.get(mobile_field).map_or("", |s| s))
                        .map_err(|_| ApiError::new(ErrorCode::NotVerified))?;
                if mobile.as_str() != session.mobile {
                    return Err(ApiError::new(ErrorCode::NotVerified));
                }
                kept.insert(mobile_field.to_owned(), mobile.as_str().to_owned());
                Some(mobile.as_str().to_owned())
            }
            (Applicant::Verified { .. }, None) => {
                return Err(ApiError::new(ErrorCode::NotVerified))
            }
            (Applicant::Anonymous, _) => None,
        };
        let answers_json = serde_json::to_string(&kept).map_err(|_| ApiError::internal())?;

        // The filing goes to the station its declared routing fields name (validated above:
        // the station exists and is in the district).
        let routed = |field: &str| -> Result<String, ApiError> {
            kept.get(field)
                .cloned()
                .ok_or_else(|| unprocessable(vec![invalid(field, RuleError::Required.code())]))
        };
        let station_code = routed(spec.routing.station_field)?;
        let district_code = routed(spec.routing.district_field)?;
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

        // Numbered per service and IST year: `BR-TNV-2026-000001`.
        let year = ist_now.year();
        let seq: u32 = tx.query_row(
            "SELECT COALESCE(MAX(seq), 0) + 1 FROM filings WHERE service = ?1 AND year = ?2",
            params![service.slug(), year],
            |row| row.get(0),
        )?;
        let reference = Reference::new(STATE, service.code(), year, seq);
        let filed_at = time::rfc3339_utc(now);
        tx.execute(
            "INSERT INTO filings (reference, service, year, seq, mobile, answers,
                 station_code, station_name_en, station_name_hi, station_sample,
                 district_code, district_name_en, district_name_hi, filed_at, attachments)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
            params![
                reference.as_str(),
                service.slug(),
                year,
                seq,
                mobile,
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
        let first = service.lifecycle().first();
        let (note_en, note_hi) =
            officer::default_notes(service.lifecycle(), first, &station_en, &station_hi, None);
        tx.execute(
            "INSERT INTO status_events
                 (reference, status, at, office, office_en, office_hi, note_en, note_hi, version)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 1)",
            params![
                reference.as_str(),
                first.code(),
                filed_at,
                station_code,
                station_en,
                station_hi,
                note_en,
                note_hi,
            ],
        )?;
        tx.execute(
            "INSERT INTO idempotency_keys (mobile, service, key, body_hash, reference, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                key_owner,
                service.slug(),
                key,
                body_hash,
                reference.as_str(),
                filed_at
            ],
        )?;
        for id in &submission.attachments {
            tx.execute(
                "UPDATE attachments SET filing_reference = ?2 WHERE id = ?1",
                params![id, reference.as_str()],
            )?;
        }
        let ack = load_ack(&tx, reference.as_str(), reader)?.ok_or_else(ApiError::internal)?;
        tx.commit()?;
        Ok((ack, false))
    }

    /// The field code of what is wrong with the submission's attachment ids, if anything:
    /// more than the service takes (`too_many`; any at all when it takes none), repeated,
    /// unknown, already filed or another session's (`invalid`), not a photo where only photos
    /// are taken (`wrong_file_type`), fewer than it needs (`required`).
    fn attachments_problem(
        &self,
        tx: &Transaction,
        spec: &ServiceSpec,
    ) -> Result<Option<&'static str>, ApiError> {
        let ids = &self.submission.attachments;
        let Some(policy) = spec.attachments else {
            return Ok((!ids.is_empty()).then_some(TOO_MANY));
        };
        if ids.len() > policy.max {
            return Ok(Some(TOO_MANY));
        }
        let unique: BTreeSet<&String> = ids.iter().collect();
        if unique.len() != ids.len() {
            return Ok(Some(RuleError::Invalid.code()));
        }
        let mut mimes = Vec::with_capacity(ids.len());
        // A verified filing takes its own session's files; an anonymous one only files sent
        // without a session (`session_hash` NULL), whose unguessable id is all that names them.
        let owner = self.session.map(|s| s.token_hash.clone());
        for id in ids {
            let mime: Option<String> = tx
                .query_row(
                    "SELECT mime FROM attachments
                     WHERE id = ?1 AND session_hash IS ?2 AND filing_reference IS NULL",
                    params![id, owner],
                    |row| row.get(0),
                )
                .optional()?;
            match mime {
                Some(mime) => mimes.push(mime),
                None => return Ok(Some(RuleError::Invalid.code())),
            }
        }
        let photo = |mime: &String| {
            [FileKind::Jpeg, FileKind::Png]
                .iter()
                .any(|k| k.mime() == mime)
        };
        if policy.photos_only && !mimes.iter().all(photo) {
            return Ok(Some(RuleError::WrongFileType.code()));
        }
        if ids.len() < policy.min {
            return Ok(Some(RuleError::Required.code()));
        }
        Ok(None)
    }
}

fn corrupt(what: &str) -> ApiError {
    eprintln!("nagrik-server: invalid {what} in the filings table");
    ApiError::internal()
}

/// Who is reading a receipt, for its slip's answers.
#[derive(Clone, Copy)]
pub enum Reader<'a> {
    /// The answer to the filing itself (or its retry): whoever sent it.
    Sender,
    /// A later read, by a session that verified this mobile (or none).
    Verified(Option<&'a str>),
}

/// A filing's receipt, built from what was stored when it was filed. The slip's answers go
/// only to its sender: in the answer to the filing, or later to the mobile that filed it.
pub fn load_ack(
    conn: &Connection,
    reference: &str,
    reader: Reader,
) -> Result<Option<Acknowledgement>, ApiError> {
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
        String,
        Option<String>,
    );
    let row: Option<Row> = conn
        .query_row(
            "SELECT service, station_code, station_name_en, station_name_hi, station_sample,
                    district_code, district_name_en, district_name_hi, filed_at, attachments,
                    answers, mobile
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
                    r.get(10)?,
                    r.get(11)?,
                ))
            },
        )
        .optional()?;
    let Some((
        service,
        station,
        st_en,
        st_hi,
        sample,
        district,
        d_en,
        d_hi,
        filed_at,
        files,
        answers,
        mobile,
    )) = row
    else {
        return Ok(None);
    };
    let filed_at = DateTime::parse_from_rfc3339(&filed_at)
        .map_err(|_| corrupt("filed_at"))?
        .with_timezone(&Utc);
    let district = DistrictCode::parse(&district).map_err(|_| corrupt("district"))?;
    let service = ServiceId::from_slug(&service).ok_or_else(|| corrupt("service"))?;
    // A visit to the station only where the service asks for one (a complaint's signature).
    let confirm_by = match service.spec().acknowledgement.confirm_within_days {
        None => None,
        Some(days) => Some(
            time::today_ist(filed_at)
                .checked_add_days(Days::new(days))
                .ok_or_else(|| corrupt("filed_at"))?,
        ),
    };
    // Notices the stored answers call for, judged on the day of filing (a child then).
    let answers: Answers = serde_json::from_str(&answers).map_err(|_| corrupt("answers"))?;
    let notices = contract::forms::notices_shown(
        service.spec().acknowledgement.notices,
        &answers,
        time::today_ist(filed_at),
    )
    .into_iter()
    .map(str::to_owned)
    .collect();
    let filer = match reader {
        Reader::Sender => true,
        Reader::Verified(viewer) => mobile.is_some() && mobile.as_deref() == viewer,
    };
    let slip = if filer {
        service
            .spec()
            .slip_answers(&answers)
            .into_iter()
            .map(|(field, value)| SlipLine { field, value })
            .collect()
    } else {
        Vec::new()
    };
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
            phone: None,
            email: None,
        },
        district: District {
            code: district,
            name_en: d_en,
            name_hi: d_hi,
        },
        confirm_by,
        attachments: files,
        notices,
        slip,
    }))
}

/// True when the session `token_hash` may read the receipt of `reference`: it verified the
/// mobile that filed it, or it found the filing by reference and mobile (`status_access`).
/// References are sequential, so a receipt open to anyone would let anyone count filings per
/// station and day and read when each was filed.
fn may_read(
    conn: &Connection,
    reference: &str,
    token_hash: &[u8],
    now: i64,
) -> rusqlite::Result<bool> {
    let Some(viewer) = session::viewer(conn, token_hash, now)? else {
        return Ok(false);
    };
    conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM filings f WHERE f.reference = ?1
             AND ((f.mobile IS NOT NULL AND f.mobile = ?2)
                  OR EXISTS (SELECT 1 FROM status_access a
                             WHERE a.session_hash = ?3 AND a.reference = f.reference)))",
        params![reference, viewer.mobile, viewer.token_hash],
        |row| row.get(0),
    )
}

/// `GET /api/v1/acknowledgements/{reference}`: only to a session that filed it or found it
/// by reference and mobile (anyone else: the same `unknown_code` as for no such filing); the
/// session that filed it also gets the slip's answers (the name and what it is about).
pub async fn acknowledgement(
    State(state): State<AppState>,
    raw: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
) -> Result<axum::Json<Acknowledgement>, ApiError> {
    // A segment that is not UTF-8 once decoded is as much "not a reference" as any other.
    let reference = raw
        .ok()
        .and_then(|Path(raw)| Reference::parse(&raw).ok())
        .ok_or_else(|| ApiError::field(ErrorCode::ValidationFailed, "reference", "invalid"))?;
    let unknown = || ApiError::new(ErrorCode::UnknownCode);
    let token_hash = session::cookie_token(&headers)
        .map(|t| session::token_hash(&t))
        .ok_or_else(unknown)?;
    let viewer = session::current(&state, &headers).await?.map(|s| s.mobile);
    let now = state.config.clock.now().timestamp();
    let ack = state
        .db
        .run(move |conn| {
            if !may_read(conn, reference.as_str(), &token_hash, now)? {
                return Ok(None);
            }
            load_ack(
                conn,
                reference.as_str(),
                Reader::Verified(viewer.as_deref()),
            )
        })
        .await?
        .ok_or_else(unknown)?;
    Ok(axum::Json(ack))
}
