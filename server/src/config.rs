//! What `serve` needs to run, independent of how it was asked for (CLI or tests).

use chrono::{DateTime, Utc};
use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

/// Where the server reads the time. Tests swap in a clock they can move forward (OTP and
/// session expiry); everything else uses the system clock.
#[derive(Clone)]
pub struct Clock(Arc<dyn Fn() -> DateTime<Utc> + Send + Sync>);

impl Clock {
    pub fn system() -> Self {
        Self(Arc::new(Utc::now))
    }

    pub fn new(now: impl Fn() -> DateTime<Utc> + Send + Sync + 'static) -> Self {
        Self(Arc::new(now))
    }

    pub fn now(&self) -> DateTime<Utc> {
        (self.0)()
    }
}

impl Default for Clock {
    fn default() -> Self {
        Self::system()
    }
}

impl fmt::Debug for Clock {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Clock")
    }
}

/// Seconds between a status page's polls unless `serve --poll-interval` says otherwise.
pub const DEFAULT_POLL_SECS: u64 = 15;

#[derive(Debug, Clone)]
pub struct Config {
    /// SQLite file; created (with its parent directory) when missing.
    pub db: PathBuf,
    /// Trunk's output directory. Missing is allowed: the API still runs.
    pub dist: PathBuf,
    /// A fixed OTP for demos and end-to-end tests instead of sending an SMS.
    pub demo_otp: Option<String>,
    /// How often clients should poll a filing's status (`X-Poll-Interval`, whole seconds,
    /// at least 1), and background jobs for work.
    pub poll_interval: Duration,
    /// Always mark the session cookie `Secure` (behind a TLS proxy that sends no
    /// `X-Forwarded-Proto`). Without it, `Secure` is set when that header says `https`.
    pub secure_cookies: bool,
    /// Anonymous requests (a tip, its file, its status) one client address may make in
    /// `limit::WINDOW_SECS`.
    pub anonymous_per_window: usize,
    pub clock: Clock,
}

impl Config {
    pub fn new(db: impl Into<PathBuf>, dist: impl Into<PathBuf>) -> Self {
        Self {
            db: db.into(),
            dist: dist.into(),
            demo_otp: None,
            poll_interval: Duration::from_secs(DEFAULT_POLL_SECS),
            secure_cookies: false,
            anonymous_per_window: crate::limit::MAX_PER_WINDOW,
            clock: Clock::system(),
        }
    }
}
