//! India Standard Time: dates the citizen sees and reference years are IST (UTC+05:30).

use chrono::{DateTime, FixedOffset, NaiveDate, SecondsFormat, Utc};

pub fn ist() -> FixedOffset {
    FixedOffset::east_opt(5 * 3600 + 30 * 60).expect("a valid offset")
}

pub fn today_ist(now: DateTime<Utc>) -> NaiveDate {
    now.with_timezone(&ist()).date_naive()
}

/// `2026-11-28T21:05:00+05:30`
pub fn rfc3339_ist(at: DateTime<Utc>) -> String {
    at.with_timezone(&ist())
        .to_rfc3339_opts(SecondsFormat::Secs, false)
}

/// `2026-11-28T15:35:00Z`, as stored.
pub fn rfc3339_utc(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn ist_is_five_and_a_half_hours_ahead() {
        let at = Utc.with_ymd_and_hms(2026, 11, 28, 19, 0, 0).unwrap();
        assert_eq!(rfc3339_ist(at), "2026-11-29T00:30:00+05:30");
        assert_eq!(rfc3339_utc(at), "2026-11-28T19:00:00Z");
        assert_eq!(
            today_ist(at),
            NaiveDate::from_ymd_opt(2026, 11, 29).unwrap()
        );
    }
}
