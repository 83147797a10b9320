//! The API router. `API_ROUTES` is the one list of what the server exposes: the router is
//! built from it and the tests check it against `contract/openapi.yaml`.

mod attachments;
mod firs;
mod masters;
mod otp;
mod status;
mod submissions;

pub use attachments::MAX_BYTES as MAX_ATTACHMENT_BYTES;
pub use firs::{
    DISTINCT_WINDOW_SECS as FIR_DISTINCT_WINDOW_SECS, MAX_DISTINCT_FIRS,
    MAX_SEARCHES as MAX_FIR_SEARCHES, SEARCH_WINDOW_SECS as FIR_SEARCH_WINDOW_SECS,
};
pub use status::{LOOKUP_WINDOW_SECS, MAX_LOOKUPS};
pub use submissions::load_ack;

use crate::error::ApiError;
use crate::json::Json;
use crate::AppState;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, delete, get, post, MethodRouter};
use axum::Router;
use contract::{ErrorCode, Health};

/// (method, path template) of every API route, in axum's `{param}` syntax (as OpenAPI's).
pub const API_ROUTES: &[(&str, &str)] = &[
    ("GET", "/api/v1/health"),
    ("GET", "/api/v1/districts"),
    ("GET", "/api/v1/districts/{code}/police-stations"),
    ("POST", "/api/v1/otp/request"),
    ("POST", "/api/v1/otp/verify"),
    ("GET", "/api/v1/session"),
    ("DELETE", "/api/v1/session"),
    ("POST", "/api/v1/attachments"),
    ("POST", "/api/v1/services/{service}/submissions"),
    ("GET", "/api/v1/acknowledgements/{reference}"),
    ("POST", "/api/v1/status/lookup"),
    ("GET", "/api/v1/status/{reference}"),
    ("POST", "/api/v1/status/{reference}/additions"),
    ("GET", "/api/v1/firs/{district}/{station}/{year}/{number}"),
];

fn handler(method: &str, path: &str) -> MethodRouter<AppState> {
    match (method, path) {
        ("GET", "/api/v1/health") => get(health),
        ("GET", "/api/v1/districts") => get(masters::districts),
        ("GET", "/api/v1/districts/{code}/police-stations") => get(masters::police_stations),
        ("POST", "/api/v1/otp/request") => post(otp::request),
        ("POST", "/api/v1/otp/verify") => post(otp::verify),
        ("GET", "/api/v1/session") => get(otp::get_session),
        ("DELETE", "/api/v1/session") => delete(otp::delete_session),
        ("POST", "/api/v1/attachments") => attachments::route(),
        // A complaint at every declared maximum (4000-character description, ten suspects
        // and ten witnesses in Devanagari) is larger than the default JSON limit.
        ("POST", "/api/v1/services/{service}/submissions") => {
            post(submissions::submit).layer(axum::extract::DefaultBodyLimit::max(256 * 1024))
        }
        ("GET", "/api/v1/acknowledgements/{reference}") => get(submissions::acknowledgement),
        ("POST", "/api/v1/status/lookup") => post(status::lookup),
        ("GET", "/api/v1/status/{reference}") => get(status::get),
        ("POST", "/api/v1/status/{reference}/additions") => post(status::add_to_tip),
        ("GET", "/api/v1/firs/{district}/{station}/{year}/{number}") => get(firs::get),
        _ => unreachable!("API_ROUTES lists {method} {path} but no handler serves it"),
    }
}

pub fn api_router() -> Router<AppState> {
    API_ROUTES
        .iter()
        .fold(Router::new(), |router, &(method, path)| {
            // One path may serve several methods (GET and DELETE /session).
            router.route(path, handler(method, path))
        })
        // Unknown API paths get JSON, never the app's index.html.
        .route("/api", any(not_found))
        .route("/api/{*rest}", any(not_found))
        .layer(middleware::from_fn(api_responses))
}

async fn not_found() -> ApiError {
    ApiError::new(ErrorCode::NotFound)
}

/// axum answers a wrong method with an empty 405; the contract wants JSON (axum's `Allow`
/// header is kept). API answers default to `no-store`: they are personal or change.
async fn api_responses(req: Request, next: Next) -> Response {
    let mut response = next.run(req).await;
    if response.status() == StatusCode::METHOD_NOT_ALLOWED
        && !response.headers().contains_key(header::CONTENT_TYPE)
    {
        let allow = response.headers().get(header::ALLOW).cloned();
        response = ApiError::new(ErrorCode::MethodNotAllowed).into_response();
        if let Some(allow) = allow {
            response.headers_mut().insert(header::ALLOW, allow);
        }
    }
    response
        .headers_mut()
        .entry(header::CACHE_CONTROL)
        .or_insert(HeaderValue::from_static("no-store"));
    response
}

async fn health(State(state): State<AppState>) -> Result<Json<Health>, ApiError> {
    state
        .db
        .run(|conn| Ok(conn.query_row("SELECT 1", [], |row| row.get::<_, i64>(0))?))
        .await?;
    Ok(Json(Health {
        status: "ok".into(),
        version: env!("CARGO_PKG_VERSION").into(),
    }))
}
