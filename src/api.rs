//! One async function per endpoint of the API contract (`contract/openapi.yaml`), over
//! same-origin `fetch`. Failures come back as [`ApiError`], which tells a dead network, an API
//! refusal (with its machine-readable code) and an answer we could not read apart.

use contract::{
    Acknowledgement, ApiErrorBody, AttachmentUploaded, ComplaintSubmission, District, ErrorCode,
    OtpRequest, OtpSent, OtpVerify, PoliceStation, Reference, SessionInfo,
};
use gloo_net::http::{Request, RequestBuilder, Response};
use serde::de::DeserializeOwned;

const BASE: &str = contract::API_PREFIX;

#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// No answer: offline, DNS, timeout, connection reset.
    Network,
    /// The API answered with an error body.
    Rejected {
        status: u16,
        body: ApiErrorBody,
        retry_after_secs: Option<u64>,
    },
    /// An answer we could not understand (a proxy's HTML error page, a truncated body).
    BadData { status: u16 },
}

impl ApiError {
    pub fn code(&self) -> Option<ErrorCode> {
        match self {
            ApiError::Rejected { body, .. } => Some(body.error.code),
            _ => None,
        }
    }
}

async fn read<T: DeserializeOwned>(response: Response) -> Result<T, ApiError> {
    let status = response.status();
    if response.ok() {
        return response
            .json::<T>()
            .await
            .map_err(|_| ApiError::BadData { status });
    }
    let retry_after_secs = response
        .headers()
        .get("retry-after")
        .and_then(|v| v.trim().parse::<u64>().ok());
    match response.json::<ApiErrorBody>().await {
        Ok(body) => Err(ApiError::Rejected {
            status,
            body,
            retry_after_secs,
        }),
        Err(_) => Err(ApiError::BadData { status }),
    }
}

async fn get<T: DeserializeOwned>(path: &str) -> Result<T, ApiError> {
    let response = Request::get(&format!("{BASE}{path}"))
        .send()
        .await
        .map_err(|_| ApiError::Network)?;
    read(response).await
}

async fn send<T: DeserializeOwned>(
    builder: RequestBuilder,
    body: &impl serde::Serialize,
) -> Result<T, ApiError> {
    let request = builder
        .json(body)
        .map_err(|_| ApiError::BadData { status: 0 })?;
    let response = request.send().await.map_err(|_| ApiError::Network)?;
    read(response).await
}

pub async fn districts() -> Result<Vec<District>, ApiError> {
    get("/districts").await
}

pub async fn police_stations(district: &str) -> Result<Vec<PoliceStation>, ApiError> {
    get(&format!("/districts/{district}/police-stations")).await
}

pub async fn session() -> Result<SessionInfo, ApiError> {
    get("/session").await
}

pub async fn request_otp(mobile: &str) -> Result<OtpSent, ApiError> {
    send(
        Request::post(&format!("{BASE}/otp/request")),
        &OtpRequest {
            mobile: mobile.to_owned(),
        },
    )
    .await
}

pub async fn verify_otp(mobile: &str, code: &str) -> Result<SessionInfo, ApiError> {
    let body = OtpVerify {
        mobile: mobile.to_owned(),
        code: code.to_owned(),
    };
    send(Request::post(&format!("{BASE}/otp/verify")), &body).await
}

/// Uploads one file as the raw request body; the server decides its type from its content.
pub async fn upload_attachment(bytes: &[u8], mime: &str) -> Result<AttachmentUploaded, ApiError> {
    let array = js_sys::Uint8Array::from(bytes);
    let request = Request::post(&format!("{BASE}/attachments"))
        .header("Content-Type", mime)
        .body(array)
        .map_err(|_| ApiError::BadData { status: 0 })?;
    let response = request.send().await.map_err(|_| ApiError::Network)?;
    read(response).await
}

/// Files a complaint. The same `idempotency_key` on a retry returns the first filing's receipt
/// instead of creating a second complaint.
pub async fn submit_complaint(
    submission: &ComplaintSubmission,
    idempotency_key: &str,
) -> Result<Acknowledgement, ApiError> {
    let builder =
        Request::post(&format!("{BASE}/complaints")).header("Idempotency-Key", idempotency_key);
    send(builder, submission).await
}

pub async fn acknowledgement(reference: &Reference) -> Result<Acknowledgement, ApiError> {
    get(&format!("/acknowledgements/{reference}")).await
}
