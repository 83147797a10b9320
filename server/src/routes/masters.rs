//! Master data: districts and their police stations.

use crate::error::ApiError;
use crate::AppState;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use contract::{District, DistrictCode, ErrorCode, PoliceStation, StationCode};
use rusqlite::Connection;

/// Master data changes only on an import, so browsers may keep it for an hour.
fn cacheable<T: serde::Serialize>(body: T) -> Response {
    let mut response = axum::Json(body).into_response();
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=3600"),
    );
    response
}

fn code<T>(
    raw: String,
    parse: impl Fn(&str) -> Result<T, contract::ids::InvalidCode>,
) -> rusqlite::Result<T> {
    // The database only holds codes that parsed on the way in; a bad one means corruption.
    parse(&raw).map_err(|_| {
        rusqlite::Error::FromSqlConversionFailure(
            0,
            rusqlite::types::Type::Text,
            format!("invalid code in database: {raw:?}").into(),
        )
    })
}

pub fn all_districts(conn: &Connection) -> rusqlite::Result<Vec<District>> {
    let mut stmt =
        conn.prepare_cached("SELECT code, name_en, name_hi FROM districts ORDER BY name_en")?;
    let rows = stmt.query_map([], |row| {
        Ok(District {
            code: code(row.get(0)?, DistrictCode::parse)?,
            name_en: row.get(1)?,
            name_hi: row.get(2)?,
        })
    })?;
    rows.collect()
}

pub async fn districts(State(state): State<AppState>) -> Result<Response, ApiError> {
    let districts = state.db.run(|conn| Ok(all_districts(conn)?)).await?;
    Ok(cacheable(districts))
}

pub async fn police_stations(
    State(state): State<AppState>,
    raw: Result<Path<String>, PathRejection>,
) -> Result<Response, ApiError> {
    // A segment that is not UTF-8 once decoded is not a district code either.
    let district = raw
        .ok()
        .and_then(|Path(raw)| DistrictCode::parse(&raw).ok())
        .ok_or_else(|| ApiError::field(ErrorCode::ValidationFailed, "district", "invalid"))?;
    let stations = state
        .db
        .run(move |conn| {
            let known: bool = conn.query_row(
                "SELECT EXISTS (SELECT 1 FROM districts WHERE code = ?1)",
                [district.as_str()],
                |row| row.get(0),
            )?;
            if !known {
                return Err(ApiError::new(ErrorCode::UnknownCode));
            }
            let mut stmt = conn.prepare_cached(
                "SELECT code, name_en, name_hi, sample, phone, email FROM police_stations
                 WHERE district_code = ?1 ORDER BY name_en",
            )?;
            let rows = stmt.query_map([district.as_str()], |row| {
                Ok(PoliceStation {
                    code: code(row.get(0)?, StationCode::parse)?,
                    district: district.clone(),
                    name_en: row.get(1)?,
                    name_hi: row.get(2)?,
                    sample: row.get(3)?,
                    phone: row.get(4)?,
                    email: row.get(5)?,
                })
            })?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        })
        .await?;
    Ok(cacheable(stations))
}
