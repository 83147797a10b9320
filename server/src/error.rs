//! The one API error type: every failure becomes `contract::ApiErrorBody` with a fitting status.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use contract::{ApiErrorBody, ErrorCode, FieldError};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError(pub ApiErrorBody);

impl ApiError {
    pub fn new(code: ErrorCode) -> Self {
        Self(ApiErrorBody::new(code))
    }

    pub fn field(code: ErrorCode, field: &str, field_code: &str) -> Self {
        Self(ApiErrorBody::with_fields(
            code,
            vec![FieldError {
                field: field.into(),
                code: field_code.into(),
            }],
        ))
    }

    pub fn internal() -> Self {
        Self::new(ErrorCode::Internal)
    }

    pub fn status(&self) -> StatusCode {
        match self.0.error.code {
            ErrorCode::MalformedJson | ErrorCode::ValidationFailed => StatusCode::BAD_REQUEST,
            ErrorCode::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ErrorCode::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ErrorCode::NotFound | ErrorCode::UnknownCode => StatusCode::NOT_FOUND,
            ErrorCode::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ErrorCode::RateLimited => StatusCode::TOO_MANY_REQUESTS,
            ErrorCode::Internal | ErrorCode::Unknown => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = (self.status(), axum::Json(&self.0)).into_response();
        // An error must never be cached, even where the success of the same route may be.
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        response
    }
}

impl From<rusqlite::Error> for ApiError {
    fn from(err: rusqlite::Error) -> Self {
        eprintln!("nagrik-server: database error: {err}");
        Self::internal()
    }
}

impl From<tokio::task::JoinError> for ApiError {
    fn from(err: tokio::task::JoinError) -> Self {
        eprintln!("nagrik-server: background task failed: {err}");
        Self::internal()
    }
}

/// Turns a caught panic into the same JSON as any other internal error, so the client sees a
/// response instead of a dropped connection.
pub fn panic_response(_panic: Box<dyn std::any::Any + Send + 'static>) -> Response {
    eprintln!("nagrik-server: a request handler panicked");
    ApiError::internal().into_response()
}
