//! FIR copies without a login: `GET /api/v1/firs/{district}/{station}/{year}/{number}`.
//!
//! A withheld FIR (`sensitive`) and a missing one answer the same `404` with the same body
//! shape and headers, told apart only by the code (`fir_withheld`, `fir_not_found`). Both take
//! the same path through here: the same queries, a copy built and serialised (from a decoy row
//! when there is none), and only a visible FIR's bytes are ever sent. Nothing of a withheld FIR
//! reaches the answer, a header or the log.

use super::status::client_ip;
use crate::error::ApiError;
use crate::{time, AppState};
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::{header, Extensions, HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use contract::firs::{self, FirCopy, FirSearch, Law, TextLang};
use contract::lifecycle::Status;
use contract::{
    District, DistrictCode, ErrorCode, FieldError, PoliceStation, Reference, StationCode,
};
use rusqlite::{params, Connection, OptionalExtension, Transaction, TransactionBehavior};

/// At most this many searches per client address in [`SEARCH_WINDOW_SECS`]...
pub const MAX_SEARCHES: usize = 10;
pub const SEARCH_WINDOW_SECS: i64 = 600;
/// ...and at most this many different FIRs in [`DISTINCT_WINDOW_SECS`] (looking one up again
/// does not count as another), so numbers cannot be walked through one by one.
pub const MAX_DISTINCT_FIRS: usize = 5;
pub const DISTINCT_WINDOW_SECS: i64 = 60;

const STATE: &str = "BR";

fn corrupt(what: &str) -> ApiError {
    eprintln!("nagrik-server: invalid {what} in the firs table");
    ApiError::internal()
}

/// What the search asked for, each part checked.
struct Query {
    district: DistrictCode,
    station: StationCode,
    year: u16,
    number: u32,
}

impl Query {
    /// The rate limit's name for this FIR.
    fn key(&self) -> String {
        format!(
            "{}/{}/{}/{}",
            self.district, self.station, self.year, self.number
        )
    }
}

fn parse_query(raw: [&str; 4], this_year: u16) -> Result<Query, ApiError> {
    let [district, station, year, number] = raw;
    let mut fields = Vec::new();
    let mut fail = |field: &str, code: &str| {
        fields.push(FieldError {
            field: field.into(),
            code: code.into(),
        })
    };
    let district = DistrictCode::parse(district)
        .map_err(|_| fail("district", "invalid"))
        .ok();
    let station = StationCode::parse(station)
        .map_err(|_| fail("station", "invalid"))
        .ok();
    let year = firs::parse_year(year, this_year)
        .map_err(|e| fail("year", e.code()))
        .ok();
    let number = firs::parse_number(number)
        .map_err(|e| fail("number", e.code()))
        .ok();
    match (district, station, year, number) {
        (Some(district), Some(station), Some(year), Some(number)) => Ok(Query {
            district,
            station,
            year,
            number,
        }),
        _ => Err(ApiError::fields(ErrorCode::ValidationFailed, fields)),
    }
}

/// A district and a station of it, from the masters or from FIRs loaded for a station an
/// `import-masters` has since retired. Either unknown is a `400` on its field.
fn check_station(conn: &Connection, q: &Query) -> Result<(), ApiError> {
    let (district, station): (bool, bool) = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM districts WHERE code = ?1),
                EXISTS (SELECT 1 FROM police_stations WHERE code = ?2 AND district_code = ?1)
                OR EXISTS (SELECT 1 FROM firs WHERE station_code = ?2 AND district_code = ?1)",
        [q.district.as_str(), q.station.as_str()],
        |row| Ok((row.get(0)?, row.get(1)?)),
    )?;
    if !district {
        return Err(ApiError::field(
            ErrorCode::ValidationFailed,
            "district",
            "invalid",
        ));
    }
    if !station {
        return Err(ApiError::field(
            ErrorCode::ValidationFailed,
            "station",
            "invalid",
        ));
    }
    Ok(())
}

/// Records this search for `ip`, or answers `rate_limited` with the seconds until it would
/// be allowed. A refused search is not recorded.
pub fn rate_limit(conn: &Connection, ip: &str, fir: &str, now: i64) -> Result<(), ApiError> {
    conn.execute(
        "DELETE FROM fir_searches WHERE at <= ?1",
        [now - SEARCH_WINDOW_SECS],
    )?;
    let mut wait = 0;
    let recent: Vec<i64> = conn
        .prepare_cached("SELECT at FROM fir_searches WHERE ip = ?1 ORDER BY at DESC LIMIT ?2")?
        .query_map(params![ip, MAX_SEARCHES as i64], |row| row.get(0))?
        .collect::<Result<_, _>>()?;
    if recent.len() >= MAX_SEARCHES {
        // The oldest of the last MAX_SEARCHES must leave the window.
        wait = recent[MAX_SEARCHES - 1] + SEARCH_WINDOW_SECS - now;
    }
    let distinct: Vec<(String, i64)> = conn
        .prepare_cached(
            "SELECT fir, MAX(at) FROM fir_searches WHERE ip = ?1 AND at > ?2 GROUP BY fir",
        )?
        .query_map(params![ip, now - DISTINCT_WINDOW_SECS], |row| {
            Ok((row.get(0)?, row.get(1)?))
        })?
        .collect::<Result<_, _>>()?;
    if distinct.len() >= MAX_DISTINCT_FIRS && !distinct.iter().any(|(f, _)| f == fir) {
        // Enough FIRs must leave the minute for this one to be the fifth.
        let mut last: Vec<i64> = distinct.iter().map(|(_, at)| *at).collect();
        last.sort_unstable();
        wait = wait.max(last[distinct.len() - MAX_DISTINCT_FIRS] + DISTINCT_WINDOW_SECS - now);
    }
    if wait > 0 {
        return Err(ApiError::rate_limited(wait.unsigned_abs()));
    }
    conn.execute(
        "INSERT INTO fir_searches (ip, fir, at) VALUES (?1, ?2, ?3)",
        params![ip, fir, now],
    )?;
    Ok(())
}

/// One row of `firs` with its district's names.
struct Row {
    district_name_en: String,
    district_name_hi: String,
    station_name_en: String,
    station_name_hi: String,
    registered_at: String,
    law: String,
    sections: String,
    occurred_from: String,
    occurred_to: Option<String>,
    place: String,
    complainant: String,
    facts: String,
    officer_rank: String,
    officer_name: String,
    stage: String,
    lang: String,
    sensitive: bool,
    sample: bool,
}

/// Stands in for a missing FIR so that it goes through the same work as a withheld one.
fn decoy() -> Row {
    let text = || "-".repeat(200);
    Row {
        district_name_en: text(),
        district_name_hi: text(),
        station_name_en: text(),
        station_name_hi: text(),
        registered_at: "2000-01-01T00:00:00Z".into(),
        law: "bns".into(),
        sections: r#"["-"]"#.into(),
        occurred_from: "2000-01-01".into(),
        occurred_to: None,
        place: text(),
        complainant: text(),
        facts: "-".repeat(1000),
        officer_rank: text(),
        officer_name: text(),
        stage: "under_investigation".into(),
        lang: "en".into(),
        sensitive: true,
        sample: false,
    }
}

fn load(conn: &Connection, q: &Query) -> rusqlite::Result<Option<Row>> {
    conn.prepare_cached(
        "SELECT d.name_en, d.name_hi, f.station_name_en, f.station_name_hi, f.registered_at,
                f.law, f.sections, f.occurred_from, f.occurred_to, f.place, f.complainant,
                f.facts, f.officer_rank, f.officer_name, f.stage, f.lang, f.sensitive, f.sample
         FROM firs f JOIN districts d ON d.code = f.district_code
         WHERE f.district_code = ?1 AND f.station_code = ?2 AND f.year = ?3 AND f.number = ?4",
    )?
    .query_row(
        params![q.district.as_str(), q.station.as_str(), q.year, q.number],
        |r| {
            Ok(Row {
                district_name_en: r.get(0)?,
                district_name_hi: r.get(1)?,
                station_name_en: r.get(2)?,
                station_name_hi: r.get(3)?,
                registered_at: r.get(4)?,
                law: r.get(5)?,
                sections: r.get(6)?,
                occurred_from: r.get(7)?,
                occurred_to: r.get(8)?,
                place: r.get(9)?,
                complainant: r.get(10)?,
                facts: r.get(11)?,
                officer_rank: r.get(12)?,
                officer_name: r.get(13)?,
                stage: r.get(14)?,
                lang: r.get(15)?,
                sensitive: r.get(16)?,
                sample: r.get(17)?,
            })
        },
    )
    .optional()
}

fn copy_of(row: Row, q: &Query, search: FirSearch) -> Result<FirCopy, ApiError> {
    let date = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| corrupt("date"));
    let registered_at = DateTime::parse_from_rfc3339(&row.registered_at)
        .map_err(|_| corrupt("registered_at"))?
        .with_timezone(&Utc);
    let stage = Status::from_code(&row.stage)
        .filter(|s| firs::STAGES.contains(s))
        .ok_or_else(|| corrupt("stage"))?;
    Ok(FirCopy {
        fir_number: firs::display_number(q.number, q.year),
        year: q.year,
        number: q.number,
        district: District {
            code: q.district.clone(),
            name_en: row.district_name_en,
            name_hi: row.district_name_hi,
        },
        station: PoliceStation {
            code: q.station.clone(),
            district: q.district.clone(),
            name_en: row.station_name_en,
            name_hi: row.station_name_hi,
            sample: row.sample,
            phone: None,
            email: None,
        },
        registered_at: time::rfc3339_ist(registered_at),
        law: Law::from_code(&row.law).ok_or_else(|| corrupt("law"))?,
        sections: serde_json::from_str(&row.sections).map_err(|_| corrupt("sections"))?,
        occurred_from: date(&row.occurred_from)?.to_string(),
        occurred_to: row
            .occurred_to
            .as_deref()
            .map(date)
            .transpose()?
            .map(|d| d.to_string()),
        place: row.place,
        complainant: row.complainant,
        facts: row.facts,
        officer_rank: row.officer_rank,
        officer_name: row.officer_name,
        stage,
        lang: TextLang::from_code(&row.lang).ok_or_else(|| corrupt("lang"))?,
        sample: row.sample,
        search,
    })
}

/// The JSON of the copy, or why there is none.
fn search(conn: &Connection, q: &Query, ip: &str, now: DateTime<Utc>) -> Result<Vec<u8>, ApiError> {
    let tx = Transaction::new_unchecked(conn, TransactionBehavior::Immediate)?;
    check_station(&tx, q)?;
    rate_limit(&tx, ip, &q.key(), now.timestamp())?;
    let found = load(&tx, q)?;
    let exists = found.is_some();
    let row = found.unwrap_or_else(decoy);
    let visible = exists && !row.sensitive;
    // The copy's reference, asked for every search alike; only a copy served takes it.
    let year = time::today_ist(now).year();
    let seq: u32 = tx.query_row(
        "SELECT COALESCE(MAX(seq), 0) + 1 FROM fir_copies WHERE year = ?1",
        [year],
        |r| r.get(0),
    )?;
    let reference = Reference::new(STATE, firs::SEARCH_CODE, year, seq);
    let copy = copy_of(
        row,
        q,
        FirSearch {
            reference: reference.clone(),
            at: time::rfc3339_ist(now),
        },
    );
    let body = copy.and_then(|c| serde_json::to_vec(&c).map_err(|_| ApiError::internal()));
    if !visible {
        // The search counts towards the limits; nothing else was written.
        tx.commit()?;
        return Err(ApiError::new(if exists {
            ErrorCode::FirWithheld
        } else {
            ErrorCode::FirNotFound
        }));
    }
    let body = body?;
    tx.execute(
        "INSERT INTO fir_copies (reference, year, seq, station_code, fir_year, fir_number,
             served_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            reference.as_str(),
            year,
            seq,
            q.station.as_str(),
            q.year,
            q.number,
            time::rfc3339_utc(now)
        ],
    )?;
    tx.commit()?;
    Ok(body)
}

/// `GET /api/v1/firs/{district}/{station}/{year}/{number}`
pub async fn get(
    State(state): State<AppState>,
    extensions: Extensions,
    headers: HeaderMap,
    path: Result<Path<(String, String, String, String)>, PathRejection>,
) -> Result<Response, ApiError> {
    let now = state.config.clock.now();
    let this_year = u16::try_from(time::today_ist(now).year()).unwrap_or(u16::MAX);
    let query = match &path {
        Ok(Path((d, s, y, n))) => parse_query([d, s, y, n], this_year)?,
        // Not UTF-8 after percent-decoding: no part of it can be right.
        Err(_) => parse_query(["", "", "", ""], this_year)?,
    };
    let ip = client_ip(&extensions, &headers);
    let body = state
        .db
        .run(move |conn| search(conn, &query, &ip, now))
        .await?;
    let mut response = body.into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bad_part_is_named() {
        let err = parse_query(["pat", "PAT KOTWALI", "26", "0"], 2026)
            .err()
            .unwrap();
        let fields: Vec<(String, String)> = err
            .body
            .error
            .fields
            .iter()
            .map(|f| (f.field.clone(), f.code.clone()))
            .collect();
        assert_eq!(
            fields,
            [
                ("district".into(), "invalid".into()),
                ("station".into(), "invalid".into()),
                ("year".into(), "year_not_four_digits".into()),
                ("number".into(), "out_of_range".into()),
            ]
        );
        let q = parse_query(["PAT", "PAT-KOTWALI", "2026", "०१२"], 2026)
            .ok()
            .unwrap();
        assert_eq!(q.key(), "PAT/PAT-KOTWALI/2026/12");
    }

    #[test]
    fn the_decoy_makes_a_copy_like_any_row() {
        let q = parse_query(["PAT", "PAT-KOTWALI", "2026", "1"], 2026)
            .ok()
            .unwrap();
        let search = FirSearch {
            reference: Reference::new(STATE, firs::SEARCH_CODE, 2026, 1),
            at: "2026-01-01T00:00:00+05:30".into(),
        };
        assert!(copy_of(decoy(), &q, search).is_ok());
    }

    #[test]
    fn rate_limit_counts_searches_and_different_firs() {
        let mut conn = Connection::open_in_memory().unwrap();
        crate::db::migrate(&mut conn).unwrap();
        let ip = "1.2.3.4";
        // Five different FIRs in a minute, then a sixth waits for the first to leave it.
        for i in 0..5 {
            rate_limit(&conn, ip, &format!("fir-{i}"), 1000 + i).unwrap();
        }
        let err = rate_limit(&conn, ip, "fir-5", 1010).unwrap_err();
        assert_eq!(err.code(), ErrorCode::RateLimited);
        assert_eq!(err.body.error.retry_after_secs, Some(50));
        // Looking one of them up again is fine, up to ten searches in ten minutes.
        for i in 0..5 {
            rate_limit(&conn, ip, "fir-0", 1011 + i).unwrap();
        }
        let err = rate_limit(&conn, ip, "fir-0", 1020).unwrap_err();
        assert_eq!(err.body.error.retry_after_secs, Some(580));
        // Another address is not affected; after the window this one recovers.
        rate_limit(&conn, "5.6.7.8", "fir-5", 1020).unwrap();
        rate_limit(&conn, ip, "fir-5", 1600).unwrap();
    }
}
