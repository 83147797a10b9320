//! Dates and times as citizens read them: Indian Standard Time, dd/mm/yyyy.

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};

/// IST is UTC+05:30 all year (no daylight saving).
pub fn ist() -> FixedOffset {
    FixedOffset::east_opt(5 * 3600 + 30 * 60).expect("valid offset")
}

/// Milliseconds since the epoch from the browser's clock (chrono's own clock is not wired to
/// the browser on wasm32-unknown-unknown).
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

pub fn now_ist() -> DateTime<FixedOffset> {
    DateTime::<Utc>::from_timestamp_millis(now_ms() as i64)
        .unwrap_or_default()
        .with_timezone(&ist())
}

pub fn today_ist() -> NaiveDate {
    now_ist().date_naive()
}

pub fn format_date(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// "28/11/2026" from an RFC 3339 timestamp, its day in IST; the raw text if it cannot be read.
pub fn format_day(rfc3339: &str) -> String {
    match DateTime::parse_from_rfc3339(rfc3339) {
        Ok(t) => format_date(t.with_timezone(&ist()).date_naive()),
        Err(_) => rfc3339.to_owned(),
    }
}

/// "28/11/2026, 21:05 IST" from an RFC 3339 timestamp; the raw text if it cannot be read.
pub fn format_timestamp(rfc3339: &str) -> String {
    match DateTime::parse_from_rfc3339(rfc3339) {
        Ok(t) => t
            .with_timezone(&ist())
            .format("%d/%m/%Y, %H:%M IST")
            .to_string(),
        Err(_) => rfc3339.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_are_shown_in_ist() {
        assert_eq!(
            format_timestamp("2026-11-28T15:35:00Z"),
            "28/11/2026, 21:05 IST"
        );
        assert_eq!(
            format_timestamp("2026-11-28T21:05:00+05:30"),
            "28/11/2026, 21:05 IST"
        );
        assert_eq!(
            format_date(NaiveDate::from_ymd_opt(2026, 3, 5).unwrap()),
            "05/03/2026"
        );
    }
}
