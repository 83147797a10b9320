//! `POST /api/v1/attachments`: one file as the raw request body, kept until it joins a filing.
//! With a verified session the file is that session's; without one it is anonymous (for a
//! confidential tip): no session, no mobile, rate-limited in memory by the client's address,
//! and only a filing of an anonymous service may take it.

use crate::error::ApiError;
use crate::{secrets, session, AppState};
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{Extensions, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{post, MethodRouter};
use contract::rules::{file, FileKind, RuleError};
use contract::{AttachmentUploaded, ErrorCode};
use rusqlite::params;

/// The largest file this route takes (1 MiB); larger answers 413 `payload_too_large`.
pub const MAX_BYTES: usize = 1024 * 1024;
const ALLOWED: &[FileKind] = &[FileKind::Jpeg, FileKind::Png, FileKind::Pdf];
/// Files a session may hold that have not joined a filing: four times the most any service
/// takes (a failed submission uploads them again), so this leaves room for retries while
/// bounding what one session can store. A test keeps it in step with the declarations.
pub const MAX_UNFILED_PER_SESSION: i64 = 20;

/// The route with its own body limit, above the JSON routes' 64 KiB.
pub fn route() -> MethodRouter<AppState> {
    post(upload).layer(DefaultBodyLimit::max(MAX_BYTES))
}

async fn upload(
    State(state): State<AppState>,
    extensions: Extensions,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let session = session::current(&state, &headers).await?;
    if session.is_none() {
        super::submissions::limit_anonymous(&state, &extensions, &headers)?;
    }
    let body = body.map_err(|rejection| match rejection.status() {
        StatusCode::PAYLOAD_TOO_LARGE => ApiError::new(ErrorCode::PayloadTooLarge),
        status if status.is_server_error() => ApiError::internal(),
        _ => ApiError::field(ErrorCode::ValidationFailed, "attachment", "invalid"),
    })?;
    // The content decides, never the declared Content-Type or a file name.
    let kind = file::check(&body, ALLOWED, MAX_BYTES).map_err(|err| match err {
        RuleError::FileTooLarge { .. } => ApiError::new(ErrorCode::PayloadTooLarge),
        RuleError::WrongFileType => {
            ApiError::field(ErrorCode::ValidationFailed, "attachment", err.code())
                .with_status(StatusCode::UNSUPPORTED_MEDIA_TYPE)
        }
        _ => ApiError::field(ErrorCode::ValidationFailed, "attachment", err.code()),
    })?;
    let id = secrets::url_token(&secrets::random_bytes::<16>());
    let uploaded = AttachmentUploaded {
        id: id.clone(),
        mime: kind.mime().to_owned(),
        bytes: body.len(),
    };
    let mime = uploaded.mime.clone();
    let now = state.config.clock.now().timestamp();
    state
        .db
        .run(move |conn| {
            let (token_hash, mobile) = match session {
                Some(s) => (Some(s.token_hash), Some(s.mobile)),
                None => (None, None),
            };
            let unfiled: i64 = conn.query_row(
                "SELECT COUNT(*) FROM attachments
                 WHERE session_hash = ?1 AND filing_reference IS NULL",
                [&token_hash],
                |row| row.get(0),
            )?;
            if unfiled >= MAX_UNFILED_PER_SESSION {
                return Err(ApiError::field(
                    ErrorCode::ValidationFailed,
                    "attachment",
                    "too_many",
                ));
            }
            conn.execute(
                "INSERT INTO attachments
                     (id, session_hash, mobile, mime, bytes, data, uploaded_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    id,
                    token_hash,
                    mobile,
                    mime,
                    body.len() as i64,
                    &body[..],
                    now
                ],
            )?;
            Ok(())
        })
        .await?;
    Ok((StatusCode::CREATED, axum::Json(uploaded)).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_session_may_hold_four_filings_worth_of_the_largest_service() {
        let largest = contract::services::ALL
            .iter()
            .filter_map(|s| s.spec().attachments)
            .map(|a| a.max)
            .max()
            .unwrap();
        assert_eq!(MAX_UNFILED_PER_SESSION, 4 * largest as i64);
    }
}
