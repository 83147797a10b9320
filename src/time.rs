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
    use chrono::Datelike;
    day_text(d.year().into(), d.month(), d.day())
}

/// The year it is now in IST, read by hand from the browser's clock (no date library).
pub fn this_year_ist() -> i64 {
    wall_clock_ist(now_ms()).0
}

/// "28/11/2026, 21:05 IST": now, from the browser's clock (no date library).
pub fn now_text() -> String {
    let (y, mo, d, h, mi) = wall_clock_ist(now_ms());
    clock_text(y, mo, d, h, mi)
}

fn clock_text(y: i64, mo: u32, d: u32, h: u32, mi: u32) -> String {
    format!("{}, {h:02}:{mi:02} IST", day_text(y, mo, d))
}

/// The wall clock in IST at `ms` milliseconds since the epoch: year, month, day, hour, minute.
fn wall_clock_ist(ms: f64) -> (i64, u32, u32, u32, u32) {
    let minutes = (ms / 60_000.0).floor() as i64 + IST_MINUTES;
    let (y, mo, d) = civil_from_days(minutes.div_euclid(1440));
    let of_day = minutes.rem_euclid(1440);
    (y, mo, d, (of_day / 60) as u32, (of_day % 60) as u32)
}

/// "28/11/2026" from an RFC 3339 timestamp, its day in IST; the raw text if it cannot be read.
pub fn format_day(rfc3339: &str) -> String {
    match ist_wall_clock(rfc3339) {
        Some((y, mo, d, _, _)) => day_text(y, mo, d),
        None => rfc3339.to_owned(),
    }
}

/// "28/11/2026, 21:05 IST" from an RFC 3339 timestamp; the raw text if it cannot be read.
pub fn format_timestamp(rfc3339: &str) -> String {
    match ist_wall_clock(rfc3339) {
        Some((y, mo, d, h, mi)) => clock_text(y, mo, d, h, mi),
        None => rfc3339.to_owned(),
    }
}

/// "07/12/2026" from an ISO date ("2026-12-07"); the raw text if it cannot be read.
pub fn format_iso_date(iso: &str) -> String {
    match ist_wall_clock(&format!("{iso}T00:00:00+05:30")) {
        Some((y, mo, d, _, _)) if iso.len() == 10 => day_text(y, mo, d),
        _ => iso.to_owned(),
    }
}

fn day_text(y: i64, m: u32, d: u32) -> String {
    format!("{d:02}/{m:02}/{y:04}")
}

/// Minutes IST is ahead of UTC.
const IST_MINUTES: i64 = 5 * 60 + 30;

/// An RFC 3339 timestamp (`YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`) as the wall clock in
/// IST: year, month, day, hour, minute. Read by hand, not with chrono, so the status pages
/// (the only ones that show the server's timestamps without a form) carry no date library:
/// chrono was 26 KB of the status bundle's code before wasm-opt.
fn ist_wall_clock(text: &str) -> Option<(i64, u32, u32, u32, u32)> {
    let b = text.as_bytes();
    let num = |at: usize, len: usize| -> Option<i64> {
        let digits = b.get(at..at + len)?;
        digits.iter().try_fold(0i64, |n, c| {
            c.is_ascii_digit().then(|| n * 10 + i64::from(c - b'0'))
        })
    };
    let at = |i: usize, c: u8| b.get(i) == Some(&c);
    if !(at(4, b'-') && at(7, b'-') && at(13, b':') && at(16, b':')) {
        return None;
    }
    if !matches!(b.get(10), Some(b'T' | b't' | b' ')) {
        return None;
    }
    let (y, mo, d) = (num(0, 4)?, num(5, 2)?, num(8, 2)?);
    let (h, mi, sec) = (num(11, 2)?, num(14, 2)?, num(17, 2)?);
    let mut i = 19;
    if at(i, b'.') {
        i += 1;
        let first = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i == first {
            return None;
        }
    }
    let offset = match b.get(i)? {
        b'Z' | b'z' if i + 1 == b.len() => 0,
        sign @ (b'+' | b'-') if i + 6 == b.len() && at(i + 3, b':') => {
            let (oh, om) = (num(i + 1, 2)?, num(i + 4, 2)?);
            if oh > 23 || om > 59 {
                return None;
            }
            if *sign == b'-' {
                -(oh * 60 + om)
            } else {
                oh * 60 + om
            }
        }
        _ => return None,
    };
    let month = u32::try_from(mo).ok().filter(|m| (1..=12).contains(m))?;
    if d < 1 || d > days_in_month(y, month) || h > 23 || mi > 59 || sec > 60 {
        return None;
    }
    let minutes = days_from_civil(y, month, d as u32) * 1440 + h * 60 + mi - offset;
    Some(wall_clock_ist(minutes as f64 * 60_000.0))
}

fn days_in_month(y: i64, m: u32) -> i64 {
    match m {
        2 if y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (i64::from(m) + 9) % 12;
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date `days` after 1970-01-01 (H. Hinnant's `civil_from_days`).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (
        if m <= 2 {
            yoe + era * 400 + 1
        } else {
            yoe + era * 400
        },
        m,
        d,
    )
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

    /// The browser's clock read by hand gives chrono's wall clock in IST, before and after
    /// midnight, month and year ends, leap days, and before the epoch.
    #[test]
    fn the_clock_read_by_hand_as_chrono_reads_it() {
        let start = DateTime::parse_from_rfc3339("1969-12-31T00:00:00Z").unwrap();
        for step in 0..6000i64 {
            // Steps of 9 h 17 min 3.25 s: every minute of the day comes round.
            let ms = start.timestamp_millis() + step * 33_423_250;
            let by_chrono = DateTime::<Utc>::from_timestamp_millis(ms)
                .unwrap()
                .with_timezone(&ist())
                .format("%d/%m/%Y, %H:%M IST")
                .to_string();
            let (y, mo, d, h, mi) = wall_clock_ist(ms as f64);
            assert_eq!(clock_text(y, mo, d, h, mi), by_chrono, "{ms}");
        }
    }

    /// The hand-written reader agrees with chrono's, valid or not, across years, offsets,
    /// fractions, month ends and leap days.
    #[test]
    fn timestamps_read_by_hand_as_chrono_reads_them() {
        let with_chrono = |t: &str| match DateTime::parse_from_rfc3339(t) {
            Ok(t) => t
                .with_timezone(&ist())
                .format("%d/%m/%Y, %H:%M IST")
                .to_string(),
            Err(_) => t.to_owned(),
        };
        let mut cases = vec![
            "2026-11-28T15:35:00Z".to_owned(),
            "2026-11-28T18:29:59.999Z".into(),
            "2026-11-28T18:30:00Z".into(),
            "2026-12-31T18:30:00Z".into(),
            "2024-02-28T20:00:00Z".into(),
            "2023-02-28T20:00:00Z".into(),
            "2024-02-29T12:00:00+05:30".into(),
            "2023-02-29T12:00:00Z".into(),
            "2100-02-28T23:00:00-01:00".into(),
            "2000-02-29T00:00:00.5+14:00".into(),
            "0001-01-01T00:00:00Z".into(),
            "9999-12-31T12:00:00Z".into(),
            "2026-11-28t15:35:00z".into(),
            "2026-11-28 15:35:00Z".into(),
            "2026-11-28T15:35:60Z".into(),
            "2026-13-01T00:00:00Z".into(),
            "2026-04-31T00:00:00Z".into(),
            "2026-11-28T24:00:00Z".into(),
            "2026-11-28T15:35:00".into(),
            "2026-11-28T15:35:00.Z".into(),
            "2026-11-28T15:35:00+0530".into(),
            "2026-11-28T15:35:00+24:00".into(),
            "2026-11-28".into(),
            "".into(),
            "not a date".into(),
        ];
        for day in (0..800).map(|i| i * 37) {
            for (h, off) in [(0, "Z"), (7, "+05:30"), (23, "-09:45"), (18, "+00:00")] {
                let date =
                    NaiveDate::from_ymd_opt(1999, 1, 1).unwrap() + chrono::Duration::days(day);
                cases.push(format!(
                    "{}T{h:02}:{:02}:07{off}",
                    date.format("%Y-%m-%d"),
                    day % 60
                ));
            }
        }
        for t in &cases {
            assert_eq!(format_timestamp(t), with_chrono(t), "{t:?}");
        }
        assert_eq!(format_day("2026-11-28T18:30:00Z"), "29/11/2026");
        assert_eq!(format_day("garbled"), "garbled");
        assert_eq!(format_iso_date("2026-12-07"), "07/12/2026");
        assert_eq!(format_iso_date("2028-02-29"), "29/02/2028");
        assert_eq!(format_iso_date("2026-02-29"), "2026-02-29");
        assert_eq!(
            format_iso_date("2026-12-07T00:00:00Z"),
            "2026-12-07T00:00:00Z"
        );
    }
}
