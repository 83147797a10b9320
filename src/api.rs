//! One async function per endpoint of the API contract (`contract/openapi.yaml`), over
//! same-origin `fetch`. Failures come back as [`ApiError`], which tells a dead network, an API
//! refusal (with its machine-readable code) and an answer we could not read apart.

use contract::firs::FirCopy;
use contract::services::ServiceId;
use contract::status::{StatusLookup, StatusView};
use contract::{
    Acknowledgement, ApiErrorBody, AttachmentUploaded, District, DistrictCode, ErrorCode,
    OtpRequest, OtpSent, OtpVerify, PoliceStation, Reference, SessionInfo, StationCode, Submission,
};
use gloo_net::http::{Request, RequestBuilder, Response};
use leptos::prelude::{set_timeout_with_handle, TimeoutHandle};
use serde::de::DeserializeOwned;
use std::time::Duration;

const BASE: &str = contract::API_PREFIX;

/// How long the app waits for the answer to a filing before it gives up and says so. A retry
/// sends the same `Idempotency-Key`, so giving up can never make a second filing.
pub const SUBMIT_TIMEOUT_SECS: u32 = 20;
/// How long an attachment upload may take: up to 1 MB, on a slow mobile connection.
pub const UPLOAD_TIMEOUT_SECS: u32 = 60;

#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// No answer: offline, DNS, connection reset.
    Network,
    /// No answer within `after_secs`: the request was given up (aborted).
    TimedOut { after_secs: u32 },
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

/// A JSON answer's body, read into `T` (see [`crate::json`]).
async fn json<T: DeserializeOwned>(response: &Response) -> Option<T> {
    crate::json::from_text(&response.text().await.ok()?)
}

async fn read<T: DeserializeOwned>(response: Response) -> Result<T, ApiError> {
    let status = response.status();
    if response.ok() {
        return json::<T>(&response)
            .await
            .ok_or(ApiError::BadData { status });
    }
    let retry_after_secs = response
        .headers()
        .get("retry-after")
        .and_then(|v| v.trim().parse::<u64>().ok());
    match json::<ApiErrorBody>(&response).await {
        Some(body) => Err(ApiError::Rejected {
            status,
            body,
            retry_after_secs,
        }),
        // A proxy's own "too many requests" or "unavailable" page: its status and Retry-After
        // say what to do even though its body is not ours.
        None if status == 429 || status == 503 => Err(ApiError::Rejected {
            status,
            body: ApiErrorBody::new(if status == 429 {
                ErrorCode::RateLimited
            } else {
                ErrorCode::Internal
            }),
            retry_after_secs,
        }),
        None => Err(ApiError::BadData { status }),
    }
}

/// A time limit for one request: its abort signal, and a timer that aborts it.
struct Deadline {
    controller: Option<web_sys::AbortController>,
    timer: Option<TimeoutHandle>,
    secs: u32,
}

impl Deadline {
    fn start(secs: u32) -> Self {
        let controller = web_sys::AbortController::new().ok();
        let timer = controller.clone().and_then(|c| {
            set_timeout_with_handle(move || c.abort(), Duration::from_secs(secs.into())).ok()
        });
        Self {
            controller,
            timer,
            secs,
        }
    }

    fn signal(&self) -> Option<web_sys::AbortSignal> {
        self.controller.as_ref().map(|c| c.signal())
    }

    /// The request's result, as `TimedOut` when it failed because the time ran out (while
    /// waiting for the answer or while reading it).
    fn finish<T>(self, result: Result<T, ApiError>) -> Result<T, ApiError> {
        if let Some(t) = self.timer {
            t.clear();
        }
        let aborted = self.controller.is_some_and(|c| c.signal().aborted());
        match result {
            Err(_) if aborted => Err(ApiError::TimedOut {
                after_secs: self.secs,
            }),
            r => r,
        }
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
    let text = crate::json::to_text(body).ok_or(ApiError::BadData { status: 0 })?;
    let request = builder
        .header("Content-Type", "application/json")
        .body(text)
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
    crate::kiosk::new_session_started();
    send(Request::post(&format!("{BASE}/otp/verify")), &body).await
}

/// Uploads one file as the raw request body; the server decides its type from its content.
/// Gives up after [`UPLOAD_TIMEOUT_SECS`].
/// Sent for an anonymous service (a confidential tip) without the browser's cookies, so the
/// server cannot tie it to a session this browser verified earlier.
fn sender(builder: RequestBuilder, anonymous: bool) -> RequestBuilder {
    if anonymous {
        builder.credentials(web_sys::RequestCredentials::Omit)
    } else {
        builder
    }
}

pub async fn upload_attachment(
    bytes: &[u8],
    mime: &str,
    anonymous: bool,
) -> Result<AttachmentUploaded, ApiError> {
    let array = js_sys::Uint8Array::from(bytes);
    let deadline = Deadline::start(UPLOAD_TIMEOUT_SECS);
    let signal = deadline.signal();
    let request = sender(Request::post(&format!("{BASE}/attachments")), anonymous)
        .header("Content-Type", mime)
        .abort_signal(signal.as_ref())
        .body(array)
        .map_err(|_| ApiError::BadData { status: 0 })?;
    let result = match request.send().await {
        Ok(response) => read(response).await,
        Err(_) => Err(ApiError::Network),
    };
    deadline.finish(result)
}

/// Files a service's answers. The same `idempotency_key` on a retry returns the first filing's
/// receipt instead of filing twice. Gives up after [`SUBMIT_TIMEOUT_SECS`] with `TimedOut`.
pub async fn submit(
    service: ServiceId,
    submission: &Submission,
    idempotency_key: &str,
    anonymous: bool,
) -> Result<Acknowledgement, ApiError> {
    let deadline = Deadline::start(SUBMIT_TIMEOUT_SECS);
    let signal = deadline.signal();
    let builder = sender(
        Request::post(&format!("{BASE}/services/{service}/submissions")),
        anonymous,
    )
    .header("Idempotency-Key", idempotency_key)
    .abort_signal(signal.as_ref());
    deadline.finish(send(builder, submission).await)
}

pub async fn acknowledgement(reference: &Reference) -> Result<Acknowledgement, ApiError> {
    get(&format!("/acknowledgements/{reference}")).await
}

/// `POST /api/v1/status/lookup`: reference + the mobile it was filed with. A match also lets
/// this browser session follow the filing. A wrong reference and a wrong mobile look the same.
pub async fn status_lookup(reference: &str, mobile: &str) -> Result<StatusView, ApiError> {
    let body = StatusLookup {
        reference: reference.to_owned(),
        mobile: mobile.to_owned(),
    };
    send(Request::post(&format!("{BASE}/status/lookup")), &body).await
}

/// `POST /api/v1/status/{reference}/additions`: more for a tip, by its number, without the
/// browser's cookies. The same `idempotency_key` on a retry adds nothing twice.
pub async fn add_to_tip(
    reference: &Reference,
    text: &str,
    idempotency_key: &str,
) -> Result<contract::status::TipAdded, ApiError> {
    let body = contract::status::TipAddition {
        text: text.to_owned(),
    };
    let builder = sender(
        Request::post(&format!("{BASE}/status/{reference}/additions")),
        true,
    )
    .header("Idempotency-Key", idempotency_key);
    send(builder, &body).await
}

/// `GET /api/v1/firs/{district}/{station}/{year}/{number}`: an FIR's public summary. A
/// withheld FIR and a missing one both come back as `Rejected` 404, with the codes
/// `fir_withheld` and `fir_not_found`.
pub async fn fir_copy(
    district: &DistrictCode,
    station: &StationCode,
    year: u16,
    number: u32,
) -> Result<FirCopy, ApiError> {
    get(&contract::firs::path(district, station, year, number)).await
}

/// What one status poll found.
#[derive(Debug, Clone, PartialEq)]
pub enum Polled {
    Fresh {
        view: StatusView,
        etag: Option<String>,
        interval_ms: Option<f64>,
    },
    NotModified {
        interval_ms: Option<f64>,
    },
    /// 429 / 503: come back after `retry_after_ms` at the earliest.
    Throttled {
        retry_after_ms: Option<f64>,
    },
}

/// `GET /api/v1/status/{reference}` with `If-None-Match`, abortable when the page goes away.
pub async fn status(
    reference: &Reference,
    etag: Option<&str>,
    abort: Option<&web_sys::AbortSignal>,
) -> Result<Polled, ApiError> {
    let mut builder = Request::get(&format!("{BASE}/status/{reference}")).abort_signal(abort);
    if let Some(tag) = etag {
        builder = builder.header("If-None-Match", tag);
    }
    let response = builder.send().await.map_err(|_| ApiError::Network)?;
    let secs = |name: &str| {
        response
            .headers()
            .get(name)
            // Whole seconds, as the contract writes both headers (no float parser needed).
            .and_then(|v| v.trim().parse::<u32>().ok())
            .map(|s| f64::from(s) * 1000.0)
    };
    let interval_ms = secs("x-poll-interval");
    match response.status() {
        304 => Ok(Polled::NotModified { interval_ms }),
        429 | 503 => Ok(Polled::Throttled {
            retry_after_ms: secs("retry-after"),
        }),
        _ => {
            let etag = response.headers().get("etag");
            let view = read::<StatusView>(response).await?;
            Ok(Polled::Fresh {
                view,
                etag,
                interval_ms,
            })
        }
    }
}
