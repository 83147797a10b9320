//! Nagrik Seva reference server: the JSON API under `/api/v1`, the master data behind it, and
//! the built app's static files. `main.rs` only parses the command line.

pub mod assets;
pub mod config;
pub mod db;
pub mod error;
pub mod firs;
pub mod headers;
pub mod import;
pub mod json;
pub mod limit;
pub mod officer;
pub mod report;
pub mod routes;
pub mod secrets;
pub mod session;
pub mod time;

use axum::extract::DefaultBodyLimit;
use axum::{middleware, Router};
use std::future::Future;
use std::sync::Arc;
use tokio::net::TcpListener;
use tower_http::catch_panic::CatchPanicLayer;

pub use config::Config;
pub use routes::API_ROUTES;

pub type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub db: db::Db,
    /// `None` when dist is missing: the API still runs and pages say to build the app.
    pub assets: Option<Arc<assets::Assets>>,
    pub config: Arc<Config>,
    /// A random secret made at start and never stored: mixed into every OTP hash, so a copy
    /// of the database alone cannot be searched for codes. A restart voids pending codes.
    pub secret: Arc<[u8; 32]>,
    /// Anonymous requests per client address, in memory only.
    pub anonymous: Arc<limit::Limiter>,
}

/// Opens and migrates the database, loads dist, and builds the whole router.
pub async fn app(config: Config) -> Result<Router, BoxError> {
    let state = tokio::task::spawn_blocking(move || -> Result<AppState, BoxError> {
        let conn = db::open(&config.db)?;
        let assets = if config.dist.is_dir() {
            Some(Arc::new(assets::Assets::load(&config.dist)?))
        } else {
            eprintln!(
                "nagrik-server: {} not found; serving the API only (build the app first)",
                config.dist.display()
            );
            None
        };
        Ok(AppState {
            db: db::Db::new(conn),
            assets,
            anonymous: Arc::new(limit::Limiter::new(config.anonymous_per_window)),
            config: Arc::new(config),
            secret: Arc::new(secrets::random_bytes()),
        })
    })
    .await??;
    session::spawn_sweeper(state.clone());
    Ok(router(state))
}

pub fn router(state: AppState) -> Router {
    let app = routes::api_router()
        .fallback(assets::serve)
        .with_state(state);
    with_common_layers(app)
}

/// The layers every route shares, public so tests can wrap a router of their own in them.
/// Order matters: the security headers sit outside the panic catcher so a 500 from a panic
/// carries them too.
pub fn with_common_layers(router: Router) -> Router {
    router
        .layer(DefaultBodyLimit::max(json::BODY_LIMIT))
        .layer(CatchPanicLayer::custom(error::panic_response))
        .layer(middleware::from_fn(headers::security_headers))
}

/// Serves `router` on `listener` until `shutdown` resolves, letting requests in flight finish.
pub async fn serve(
    listener: TcpListener,
    router: Router,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    // The peer's address feeds the status lookup rate limit.
    let service = router.into_make_service_with_connect_info::<std::net::SocketAddr>();
    axum::serve(listener, service)
        .with_graceful_shutdown(shutdown)
        .await
}

/// Resolves on Ctrl-C or, on Unix, SIGTERM (what service managers and containers send).
pub async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
    eprintln!("nagrik-server: shutting down");
}
