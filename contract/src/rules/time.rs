//! Times of day, 24-hour (incident time, event start/end).

use super::digits::ascii_digits;
use super::RuleError;
use chrono::{NaiveTime, Timelike};

/// Parses a box of 1 or 2 digits (exactly 2 when `exact2`), Devanagari digits allowed.
fn number(raw: &str, exact2: bool) -> Option<u32> {
    let s = ascii_digits(raw.trim());
    let len_ok = if exact2 {
        s.len() == 2
    } else {
        (1..=2).contains(&s.len())
    };
    (len_ok && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// A time from its hour (0–23) and minute (0–59) boxes. Both blank → `Required`; one blank, not
/// numeric or out of range → `InvalidTime`.
pub fn parse_hm(hour: &str, minute: &str) -> Result<NaiveTime, RuleError> {
    if hour.trim().is_empty() && minute.trim().is_empty() {
        return Err(RuleError::Required);
    }
    let h = number(hour, false).ok_or(RuleError::InvalidTime)?;
    let m = number(minute, false).ok_or(RuleError::InvalidTime)?;
    NaiveTime::from_hms_opt(h, m, 0).ok_or(RuleError::InvalidTime)
}

/// A time written "HH:MM" (also "H:MM", and "HH.MM" as often written in India). Blank →
/// `Required`; anything else that is not a 24-hour time with 2-digit minutes → `InvalidTime`.
pub fn parse_hhmm(raw: &str) -> Result<NaiveTime, RuleError> {
    let s = raw.trim();
    if s.is_empty() {
        return Err(RuleError::Required);
    }
    let (h, m) = s
        .split_once(':')
        .or_else(|| s.split_once('.'))
        .ok_or(RuleError::InvalidTime)?;
    let h = number(h, false).ok_or(RuleError::InvalidTime)?;
    let m = number(m, true).ok_or(RuleError::InvalidTime)?;
    NaiveTime::from_hms_opt(h, m, 0).ok_or(RuleError::InvalidTime)
}

/// "HH:MM", 24-hour.
pub fn format_hm(t: NaiveTime) -> String {
    format!("{:02}:{:02}", t.hour(), t.minute())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hm(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    #[test]
    fn hour_and_minute_boxes() {
        assert_eq!(parse_hm("0", "0"), Ok(hm(0, 0)));
        assert_eq!(parse_hm("23", "59"), Ok(hm(23, 59)));
        assert_eq!(parse_hm(" 09 ", "05"), Ok(hm(9, 5)));
        assert_eq!(parse_hm("२१", "३०"), Ok(hm(21, 30)));
        assert_eq!(parse_hm("", " "), Err(RuleError::Required));
        for (h, m) in [
            ("24", "00"),
            ("12", "60"),
            ("", "30"),
            ("12", ""),
            ("1a", "0"),
            ("123", "0"),
            ("-1", "0"),
            ("12", "5."),
        ] {
            assert_eq!(parse_hm(h, m), Err(RuleError::InvalidTime), "{h}:{m}");
        }
    }

    #[test]
    fn colon_form() {
        assert_eq!(parse_hhmm("14:30"), Ok(hm(14, 30)));
        assert_eq!(parse_hhmm("9:05"), Ok(hm(9, 5)));
        assert_eq!(parse_hhmm(" 09.05 "), Ok(hm(9, 5)));
        assert_eq!(parse_hhmm("००:००"), Ok(hm(0, 0)));
        assert_eq!(parse_hhmm(""), Err(RuleError::Required));
        for raw in [
            "1430", "24:00", "12:60", "12:5", "12:", ":30", "12:30:00", "12:30 PM", "ab:cd",
            "1:2:3",
        ] {
            assert_eq!(parse_hhmm(raw), Err(RuleError::InvalidTime), "{raw:?}");
        }
        assert_eq!(format_hm(hm(9, 5)), "09:05");
        assert_eq!(format_hm(parse_hhmm("23:59").unwrap()), "23:59");
    }
}
