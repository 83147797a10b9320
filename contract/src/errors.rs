//! Machine-readable error codes. The server answers them; the app maps each to a translation
//! key at the view edge only.
//!
//! Wire shape: `{"error":{"code":"…","fields":[{"field":"…","code":"…"}]}}`

use serde::{Deserialize, Serialize};

/// Top-level error codes. Unknown codes from a newer server deserialise as `Unknown` so an old
/// app still shows a generic message instead of failing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// Body was not valid JSON or did not match the expected shape.
    MalformedJson,
    /// `Content-Type` was not `application/json`.
    UnsupportedMediaType,
    /// Body larger than the server's limit.
    PayloadTooLarge,
    /// One or more fields failed validation; see `fields`.
    ValidationFailed,
    /// No such API route.
    NotFound,
    /// Route exists but not for this method.
    MethodNotAllowed,
    /// A referenced record (district, station, reference) does not exist.
    UnknownCode,
    /// Too many requests; `Retry-After` says when to try again.
    RateLimited,
    /// Server-side failure; the request may be retried.
    Internal,
    /// The one-time code does not match; `attempts_left` says how many tries remain.
    OtpWrong,
    /// The code has expired or was never sent; ask for a new one.
    OtpExpired,
    /// Too many wrong codes: this code is spent; ask for a new one.
    OtpTooManyAttempts,
    /// The action needs a mobile verified by OTP in this session.
    NotVerified,
    /// The same `Idempotency-Key` was used for a different submission.
    IdempotencyConflict,
    /// A required header (such as `Idempotency-Key`) is missing or malformed.
    MissingHeader,
    /// No service has this slug (`POST /api/v1/services/{service}/submissions`).
    UnknownService,
    /// No FIR with this district, station, year and number (`GET /api/v1/firs/...`).
    FirNotFound,
    /// The FIR exists but cannot be shown online (sexual offences, POCSO, national security,
    /// or marked sensitive by the station). The same status and shape as `FirNotFound`.
    FirWithheld,
    #[serde(other)]
    Unknown,
}

impl ErrorCode {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::MalformedJson => "malformed_json",
            Self::UnsupportedMediaType => "unsupported_media_type",
            Self::PayloadTooLarge => "payload_too_large",
            Self::ValidationFailed => "validation_failed",
            Self::NotFound => "not_found",
            Self::MethodNotAllowed => "method_not_allowed",
            Self::UnknownCode => "unknown_code",
            Self::RateLimited => "rate_limited",
            Self::Internal => "internal",
            Self::OtpWrong => "otp_wrong",
            Self::OtpExpired => "otp_expired",
            Self::OtpTooManyAttempts => "otp_too_many_attempts",
            Self::NotVerified => "not_verified",
            Self::IdempotencyConflict => "idempotency_conflict",
            Self::MissingHeader => "missing_header",
            Self::UnknownService => "unknown_service",
            Self::FirNotFound => "fir_not_found",
            Self::FirWithheld => "fir_withheld",
            Self::Unknown => "unknown",
        }
    }
}

/// A problem with one field; `code` is a rule's error code such as `required` or `too_long`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub code: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiError {
    pub code: ErrorCode,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldError>,
    /// With `otp_wrong`: tries left for this code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attempts_left: Option<u32>,
    /// With `rate_limited`: seconds to wait (also sent as `Retry-After`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_after_secs: Option<u64>,
    /// With `idempotency_conflict`: the filing this `Idempotency-Key` already made, so a
    /// citizen whose first answer was lost is shown it rather than stranded. Only ever sent to
    /// the verified mobile that filed it (keys are per mobile).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<crate::ids::Reference>,
}

/// The JSON body of every non-2xx API response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiErrorBody {
    pub error: ApiError,
}

impl ApiErrorBody {
    pub fn new(code: ErrorCode) -> Self {
        Self::with_fields(code, Vec::new())
    }

    pub fn with_fields(code: ErrorCode, fields: Vec<FieldError>) -> Self {
        Self {
            error: ApiError {
                code,
                fields,
                attempts_left: None,
                retry_after_secs: None,
                reference: None,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_shape_matches_the_contract() {
        let body = ApiErrorBody::with_fields(
            ErrorCode::ValidationFailed,
            vec![FieldError {
                field: "mobile".into(),
                code: "invalid".into(),
            }],
        );
        assert_eq!(
            serde_json::to_string(&body).unwrap(),
            r#"{"error":{"code":"validation_failed","fields":[{"field":"mobile","code":"invalid"}]}}"#
        );
        assert_eq!(
            serde_json::from_str::<ApiErrorBody>(&serde_json::to_string(&body).unwrap()).unwrap(),
            body
        );
    }

    #[test]
    fn fields_are_omitted_when_empty_and_unknown_codes_survive() {
        assert_eq!(
            serde_json::to_string(&ApiErrorBody::new(ErrorCode::NotFound)).unwrap(),
            r#"{"error":{"code":"not_found"}}"#
        );
        let from_newer: ApiErrorBody =
            serde_json::from_str(r#"{"error":{"code":"something_new"}}"#).unwrap();
        assert_eq!(from_newer.error.code, ErrorCode::Unknown);
    }

    #[test]
    fn a_conflict_carries_the_reference_the_key_filed() {
        let mut body = ApiErrorBody::new(ErrorCode::IdempotencyConflict);
        body.error.reference = Some(crate::Reference::new("BR", "TNV", 2026, 7));
        let json = serde_json::to_string(&body).unwrap();
        assert_eq!(
            json,
            r#"{"error":{"code":"idempotency_conflict","reference":"BR-TNV-2026-000007"}}"#
        );
        assert_eq!(serde_json::from_str::<ApiErrorBody>(&json).unwrap(), body);
    }

    #[test]
    fn as_str_matches_serde() {
        for code in [
            ErrorCode::MalformedJson,
            ErrorCode::UnsupportedMediaType,
            ErrorCode::PayloadTooLarge,
            ErrorCode::ValidationFailed,
            ErrorCode::NotFound,
            ErrorCode::MethodNotAllowed,
            ErrorCode::UnknownCode,
            ErrorCode::RateLimited,
            ErrorCode::Internal,
            ErrorCode::OtpWrong,
            ErrorCode::OtpExpired,
            ErrorCode::OtpTooManyAttempts,
            ErrorCode::NotVerified,
            ErrorCode::IdempotencyConflict,
            ErrorCode::MissingHeader,
            ErrorCode::UnknownService,
            ErrorCode::FirNotFound,
            ErrorCode::FirWithheld,
        ] {
            assert_eq!(
                serde_json::to_string(&code).unwrap(),
                format!("\"{}\"", code.as_str())
            );
        }
    }
}
