//! The one API error type: every failure becomes `contract::ApiErrorBody` with a fitting status.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use contract::{ApiErrorBody, ErrorCode, FieldError};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub body: ApiErrorBody,
    /// Overrides the code's usual status (e.g. 422 or 415 for `validation_failed`).
    status: Option<StatusCode>,
}

impl ApiError {
    pub fn new(code: ErrorCode) -> Self {
        Self {
            body: ApiErrorBody::new(code),
            status: None,
        }
    }

    pub fn field(code: ErrorCode, field: &str, field_code: &str) -> Self {
        Self::fields(
            code,
            vec![FieldError {
                field: field.into(),
                code: field_code.into(),
            }],
        )
    }

    pub fn fields(code: ErrorCode, fields: Vec<FieldError>) -> Self {
        Self {
            body: ApiErrorBody::with_fields(code, fields),
            status: None,
        }
    }

    /// `rate_limited` (429) with `retry_after_secs` and a matching `Retry-After` header.
    pub fn rate_limited(retry_after_secs: u64) -> Self {
        let mut err = Self::new(ErrorCode::RateLimited);
        err.body.error.retry_after_secs = Some(retry_after_secs.max(1));
        err
    }

    pub fn with_attempts_left(mut self, attempts_left: u32) -> Self {
        self.body.error.attempts_left = Some(attempts_left);
        self
    }

    /// `idempotency_conflict` names the filing its key already made.
    pub fn with_reference(mut self, reference: contract::Reference) -> Self {
        self.body.error.reference = Some(reference);
        self
    }

    pub fn with_status(mut self, status: StatusCode) -> Self {
        self.status = Some(status);
        self
    }

    pub fn internal() -> Self {
        Self::new(ErrorCode::Internal)
    }

    pub fn code(&self) -> ErrorCode {
        self.body.error.code
    }

    pub fn status(&self) -> StatusCode {
        if let Some(status) = self.status {
            return status;
        }
        match self.body.error.code {
            ErrorCode::MalformedJson
            | ErrorCode::ValidationFailed
            | ErrorCode::OtpWrong
            | ErrorCode::OtpExpired
            | ErrorCode::MissingHeader => StatusCode::BAD_REQUEST,
            ErrorCode::NotVerified => StatusCode::UNAUTHORIZED,
            ErrorCode::IdempotencyConflict => StatusCode::CONFLICT,
            ErrorCode::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ErrorCode::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ErrorCode::NotFound
            | ErrorCode::UnknownCode
            | ErrorCode::UnknownService
            | ErrorCode::FirNotFound
            | ErrorCode::FirWithheld => StatusCode::NOT_FOUND,
            ErrorCode::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ErrorCode::RateLimited | ErrorCode::OtpTooManyAttempts => StatusCode::TOO_MANY_REQUESTS,
            ErrorCode::Internal | ErrorCode::Unknown => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = (self.status(), axum::Json(&self.body)).into_response();
        let headers = response.headers_mut();
        // An error must never be cached, even where the success of the same route may be.
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        if let Some(secs) = self.body.error.retry_after_secs {
            headers.insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
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
