//! When to ask the server again: a pure function, so the pacing rules are tested natively.
//!
//! - The server sets the pace (`X-Poll-Interval`); we never ask sooner than that.
//! - ±20% jitter spreads many phones out, applied only above the server's pace.
//! - While nothing changes (or the network fails) the delay doubles, up to 5 minutes; a change
//!   brings it straight back to the server's pace.
//! - `Retry-After` on 429/503 is a floor: we wait at least that long.

/// Longest wait between two polls while nothing changes.
pub const MAX_DELAY_MS: f64 = 5.0 * 60.0 * 1000.0;
/// Used until the server has said its interval.
pub const DEFAULT_INTERVAL_MS: f64 = 15_000.0;

/// What the last poll found.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Outcome {
    /// New status: 200 with a new version.
    Changed,
    /// 304 Not Modified.
    Unchanged,
    /// 429 or 503; `Retry-After` in milliseconds, when given.
    Throttled { retry_after_ms: Option<f64> },
    /// No answer: offline, timeout, reset.
    NetworkError,
}

/// Pacing state carried from one poll to the next.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Schedule {
    /// The server's pace, from the last `X-Poll-Interval`.
    pub interval_ms: f64,
    /// Polls in a row without a change (or with an error).
    pub quiet: u32,
}

impl Default for Schedule {
    fn default() -> Self {
        Self {
            interval_ms: DEFAULT_INTERVAL_MS,
            quiet: 0,
        }
    }
}

impl Schedule {
    /// Records an outcome (and the server's interval when it sent one) and returns the new
    /// state with the delay before the next poll. `jitter` is a random number in `[0, 1)`.
    pub fn next(
        self,
        outcome: Outcome,
        server_interval_ms: Option<f64>,
        jitter: f64,
    ) -> (Self, f64) {
        let interval_ms = server_interval_ms
            .filter(|ms| *ms >= 1000.0)
            .unwrap_or(self.interval_ms);
        let quiet = match outcome {
            Outcome::Changed => 0,
            _ => self.quiet.saturating_add(1),
        };
        // The first quiet poll keeps the server's pace; each further one doubles it.
        let backoff = 2f64.powi(quiet.saturating_sub(1).min(16) as i32);
        let base = (interval_ms * backoff).min(MAX_DELAY_MS.max(interval_ms));
        let jittered = base * (0.8 + 0.4 * jitter.clamp(0.0, 1.0));
        let mut delay = jittered.max(interval_ms);
        if let Outcome::Throttled {
            retry_after_ms: Some(ms),
        } = outcome
        {
            delay = delay.max(ms);
        }
        (Self { interval_ms, quiet }, delay)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const S: f64 = 1000.0;

    #[test]
    fn never_faster_than_the_server_and_jitter_within_20_percent() {
        let s = Schedule::default();
        for j in [0.0, 0.25, 0.5, 0.99] {
            let (_, d) = s.next(Outcome::Changed, Some(10.0 * S), j);
            assert!(d >= 10.0 * S, "{d}");
            assert!(d <= 12.0 * S, "{d}");
        }
    }

    #[test]
    fn quiet_polls_double_up_to_five_minutes_and_a_change_resets() {
        let mut s = Schedule::default();
        let mut delays = Vec::new();
        for _ in 0..12 {
            let (next, d) = s.next(Outcome::Unchanged, Some(15.0 * S), 0.5);
            s = next;
            delays.push(d);
        }
        assert_eq!(
            &delays[..5],
            &[15.0 * S, 30.0 * S, 60.0 * S, 120.0 * S, 240.0 * S]
        );
        assert!(delays[5..].iter().all(|d| *d == MAX_DELAY_MS), "{delays:?}");
        let (s, d) = s.next(Outcome::Changed, Some(15.0 * S), 0.5);
        assert_eq!((s.quiet, d), (0, 15.0 * S));
    }

    #[test]
    fn retry_after_is_a_floor_and_network_errors_back_off() {
        let s = Schedule {
            interval_ms: S,
            quiet: 0,
        };
        let (s1, d) = s.next(
            Outcome::Throttled {
                retry_after_ms: Some(5.0 * S),
            },
            None,
            0.0,
        );
        assert!(d >= 5.0 * S);
        let (s2, d2) = s1.next(Outcome::NetworkError, None, 0.5);
        let (_, d3) = s2.next(Outcome::NetworkError, None, 0.5);
        assert!(d3 > d2, "{d2} then {d3}");
    }

    #[test]
    fn the_server_can_slow_us_down_beyond_five_minutes() {
        let (_, d) = Schedule::default().next(Outcome::Unchanged, Some(600.0 * S), 0.0);
        assert_eq!(d, 600.0 * S);
    }

    #[test]
    fn nonsense_intervals_are_ignored() {
        let (s, _) = Schedule::default().next(Outcome::Changed, Some(0.0), 0.5);
        assert_eq!(s.interval_ms, DEFAULT_INTERVAL_MS);
    }
}
