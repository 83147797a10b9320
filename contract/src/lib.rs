//! The API contract shared by the app (wasm32) and the reference server (native).
//!
//! `openapi.yaml` beside this crate describes the same API for other implementers; keep the two
//! in step (the server's tests check that every route it exposes is documented there).

pub mod errors;
pub mod firs;
pub mod forms;
pub mod ids;
pub mod lifecycle;
pub mod rules;
pub mod services;
pub mod status;
pub mod types;

pub use errors::{ApiErrorBody, ErrorCode, FieldError};
pub use ids::{DistrictCode, Reference, StationCode};
pub use types::*;

/// Every endpoint lives under this prefix; bump it only with a breaking change.
pub const API_PREFIX: &str = "/api/v1";
