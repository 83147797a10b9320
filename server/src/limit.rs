//! The in-memory rate limit of anonymous requests (a confidential tip, its file, its status):
//! counted per client address and forgotten when the window passes or the server restarts,
//! so no address is ever written to the database next to a tip.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;

/// Anonymous requests one address may make in [`WINDOW_SECS`] unless the server is told
/// otherwise (`Config::anonymous_per_window`). Generous, because a mobile operator puts many
/// phones behind one address (carrier-grade NAT).
pub const MAX_PER_WINDOW: usize = 30;
pub const WINDOW_SECS: i64 = 600;

pub struct Limiter {
    max: usize,
    hits: Mutex<HashMap<String, VecDeque<i64>>>,
}

impl Limiter {
    pub fn new(max: usize) -> Self {
        Self {
            max,
            hits: Mutex::default(),
        }
    }

    /// Counts a request from `address` at `now` (Unix seconds), or says how many seconds to
    /// wait when the address is at its limit (the request is then not counted).
    pub fn hit(&self, address: &str, now: i64) -> Result<(), u64> {
        let mut hits = self.hits.lock().unwrap_or_else(|e| e.into_inner());
        // Forget every address whose window has passed, so the map stays small.
        hits.retain(|_, times| {
            while times.front().is_some_and(|&t| t <= now - WINDOW_SECS) {
                times.pop_front();
            }
            !times.is_empty()
        });
        let times = hits.entry(address.to_owned()).or_default();
        if times.len() >= self.max {
            let oldest = times.front().copied().unwrap_or(now);
            return Err((oldest + WINDOW_SECS - now).max(1).unsigned_abs());
        }
        times.push_back(now);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_per_address_and_says_when_the_oldest_leaves_the_window() {
        let limiter = Limiter::new(MAX_PER_WINDOW);
        for i in 0..MAX_PER_WINDOW as i64 {
            assert_eq!(limiter.hit("203.0.113.7", 1000 + i), Ok(()));
        }
        assert_eq!(
            limiter.hit("203.0.113.7", 1100),
            Err((1000 + WINDOW_SECS - 1100) as u64)
        );
        // Another address is not held up.
        assert_eq!(limiter.hit("198.51.100.2", 1100), Ok(()));
        // Once the first request leaves the window, one more is allowed.
        assert_eq!(limiter.hit("203.0.113.7", 1000 + WINDOW_SECS), Ok(()));
        assert!(limiter.hit("203.0.113.7", 1000 + WINDOW_SECS).is_err());
        // Long after, the address is forgotten altogether.
        assert_eq!(limiter.hit("198.51.100.9", 10_000), Ok(()));
        assert_eq!(limiter.hits.lock().unwrap().len(), 1);
    }
}
