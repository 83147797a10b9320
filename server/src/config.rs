//! What `serve` needs to run, independent of how it was asked for (CLI or tests).

use std::path::PathBuf;
use std::time::Duration;

#[derive(Debug, Clone)]
pub struct Config {
    /// SQLite file; created (with its parent directory) when missing.
    pub db: PathBuf,
    /// Trunk's output directory. Missing is allowed: the API still runs.
    pub dist: PathBuf,
    /// A fixed OTP for demos and end-to-end tests instead of sending an SMS.
    pub demo_otp: Option<String>,
    /// How often background jobs poll for work.
    pub poll_interval: Duration,
}

impl Config {
    pub fn new(db: impl Into<PathBuf>, dist: impl Into<PathBuf>) -> Self {
        Self {
            db: db.into(),
            dist: dist.into(),
            demo_otp: None,
            poll_interval: Duration::from_secs(5),
        }
    }
}
