//! Dates entered as three boxes (day, month, year), as GOV.UK and UX4G recommend, and shown
//! dd/mm/yyyy. "Today" is always passed in (the caller computes the date in Indian Standard
//! Time), so the rules stay pure and testable.

use super::digits::ascii_digits;
use super::RuleError;
use chrono::{Datelike, NaiveDate};

/// Parses one box: trimmed, Devanagari digits allowed, `min_len..=max_len` ASCII digits.
fn number(raw: &str, min_len: usize, max_len: usize) -> Option<u32> {
    let s = ascii_digits(raw.trim());
    let ok = (min_len..=max_len).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    ok.then(|| s.parse().ok()).flatten()
}

/// A date from its day, month and year boxes. All three blank → `Required`; any box blank or
/// not numeric, a day or month of more than 2 digits, a year of 3 or 5+ digits (or starting with
/// 0), or an impossible date such as 31/04 or 29/02/2025 → `InvalidDate`; a year of 1 or 2
/// digits → `YearNotFourDigits`.
pub fn parse_dmy(day: &str, month: &str, year: &str) -> Result<NaiveDate, RuleError> {
    if [day, month, year].iter().all(|s| s.trim().is_empty()) {
        return Err(RuleError::Required);
    }
    let d = number(day, 1, 2).ok_or(RuleError::InvalidDate)?;
    let m = number(month, 1, 2).ok_or(RuleError::InvalidDate)?;
    // "26" for 2026 is the commonest slip: say what is wrong with it.
    if number(year, 1, 2).is_some() {
        return Err(RuleError::YearNotFourDigits);
    }
    let y = number(year, 4, 4)
        .filter(|&y| y >= 1000)
        .ok_or(RuleError::InvalidDate)?;
    // y < 10_000, so the cast is lossless.
    NaiveDate::from_ymd_opt(y as i32, m, d).ok_or(RuleError::InvalidDate)
}

/// Limits on a date relative to today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DateBounds {
    /// Refuse dates after today (`InFuture`): dates of birth, incidents, losses.
    pub not_future: bool,
    /// Refuse people younger than this many full years (`TooYoung`).
    pub min_age_years: Option<u32>,
    /// Refuse people older than this many full years (`TooOld`).
    pub max_age_years: Option<u32>,
    /// Refuse dates more than this many days after today (`TooFarAhead`): a start date
    /// that may be soon but not far off.
    pub max_days_ahead: Option<u32>,
    /// Refuse dates fewer than this many days after today (`TooSoon`): an event the police
    /// must hear of in good time.
    pub min_days_ahead: Option<u32>,
}

impl DateBounds {
    /// A date of birth: not in the future, optionally with age limits.
    pub const fn birth(min_age_years: Option<u32>, max_age_years: Option<u32>) -> Self {
        Self {
            not_future: true,
            min_age_years,
            max_age_years,
            max_days_ahead: None,
            min_days_ahead: None,
        }
    }

    /// A past event (incident, loss): not in the future.
    pub const fn past() -> Self {
        Self {
            not_future: true,
            min_age_years: None,
            max_age_years: None,
            max_days_ahead: None,
            min_days_ahead: None,
        }
    }

    /// A start date: any day up to `days_ahead` days after today.
    pub const fn up_to_days_ahead(days_ahead: u32) -> Self {
        Self {
            not_future: false,
            min_age_years: None,
            max_age_years: None,
            max_days_ahead: Some(days_ahead),
            min_days_ahead: None,
        }
    }

    /// A planned date: from `min` to `max` days after today (an event's start, with notice).
    pub const fn days_ahead(min: u32, max: u32) -> Self {
        Self {
            not_future: false,
            min_age_years: None,
            max_age_years: None,
            max_days_ahead: Some(max),
            min_days_ahead: Some(min),
        }
    }
}

/// Full years from `born` to `today` (negative if `born` is later). A birthday counts from the
/// same month and day; someone born on 29 February has their birthday on 1 March in common
/// years (they turn 18 on 1 March, not 28 February).
pub fn age_in_years(born: NaiveDate, today: NaiveDate) -> i32 {
    let years = today.year() - born.year();
    if (today.month(), today.day()) < (born.month(), born.day()) {
        years - 1
    } else {
        years
    }
}

/// Checks `date` against `bounds`: after `today` with `not_future` → `InFuture`; more than
/// `max_days_ahead` days after today → `TooFarAhead`; fewer than `min_days_ahead` →
/// `TooSoon`; fewer full years than `min_age_years` → `TooYoung`; more than `max_age_years` →
/// `TooOld`.
pub fn check(
    date: NaiveDate,
    today: NaiveDate,
    bounds: &DateBounds,
) -> Result<NaiveDate, RuleError> {
    if bounds.not_future && date > today {
        return Err(RuleError::InFuture);
    }
    if let Some(days) = bounds.max_days_ahead {
        if (date - today).num_days() > i64::from(days) {
            return Err(RuleError::TooFarAhead);
        }
    }
    if let Some(min_days) = bounds.min_days_ahead {
        if (date - today).num_days() < i64::from(min_days) {
            return Err(RuleError::TooSoon { min_days });
        }
    }
    let age = age_in_years(date, today);
    if let Some(min_years) = bounds.min_age_years {
        if age < i32::try_from(min_years).unwrap_or(i32::MAX) {
            return Err(RuleError::TooYoung { min_years });
        }
    }
    if let Some(max_years) = bounds.max_age_years {
        if age > i32::try_from(max_years).unwrap_or(i32::MAX) {
            return Err(RuleError::TooOld { max_years });
        }
    }
    Ok(date)
}

/// `end` before `start` → `EndBeforeStart`; the same day is fine.
pub fn check_range(start: NaiveDate, end: NaiveDate) -> Result<(), RuleError> {
    if end < start {
        Err(RuleError::EndBeforeStart)
    } else {
        Ok(())
    }
}

/// "dd/mm/yyyy", the Government of India web guidelines' date format.
pub fn format_dmy(date: NaiveDate) -> String {
    format!("{:02}/{:02}/{:04}", date.day(), date.month(), date.year())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn parses_three_boxes() {
        assert_eq!(parse_dmy("15", "8", "1947"), Ok(ymd(1947, 8, 15)));
        assert_eq!(parse_dmy(" 05 ", "01", "2000"), Ok(ymd(2000, 1, 5)));
        assert_eq!(parse_dmy("२६", "०१", "१९५०"), Ok(ymd(1950, 1, 26)));
        assert_eq!(parse_dmy("29", "2", "2024"), Ok(ymd(2024, 2, 29)));
        assert_eq!(parse_dmy("31", "12", "9999"), Ok(ymd(9999, 12, 31)));
    }

    #[test]
    fn rejects_missing_parts_and_impossible_dates() {
        assert_eq!(parse_dmy("", "", ""), Err(RuleError::Required));
        assert_eq!(parse_dmy(" ", "\t", " "), Err(RuleError::Required));
        for (d, m, y) in [
            ("31", "04", "2024"), // April has 30 days
            ("31", "02", "2024"),
            ("29", "02", "2025"), // not a leap year
            ("29", "02", "1900"), // century, not a leap year
            ("0", "1", "2000"),
            ("1", "0", "2000"),
            ("1", "13", "2000"),
            ("32", "1", "2000"),
            ("", "1", "2000"),
            ("1", "", "2000"),
            ("1", "1", ""),
            ("1", "1", "0985"), // leading zero
            ("1", "1", "20000"),
            ("001", "1", "2000"),
            ("1a", "1", "2000"),
            ("-1", "1", "2000"),
            ("+1", "1", "2000"),
            ("1.", "1", "2000"),
            ("१", "जन", "2000"),
        ] {
            assert_eq!(
                parse_dmy(d, m, y),
                Err(RuleError::InvalidDate),
                "{d}/{m}/{y}"
            );
        }
        assert_eq!(
            parse_dmy("29", "02", "2000"),
            Ok(ymd(2000, 2, 29)),
            "400-year leap"
        );
        // A 1- or 2-digit year gets its own message; 3 digits is no year at all.
        for y in ["26", "5", "२६"] {
            assert_eq!(
                parse_dmy("1", "1", y),
                Err(RuleError::YearNotFourDigits),
                "{y}"
            );
        }
        assert_eq!(parse_dmy("1", "1", "202"), Err(RuleError::InvalidDate));
    }

    #[test]
    fn future_dates() {
        let today = ymd(2025, 6, 10);
        let past = DateBounds::past();
        assert_eq!(check(today, today, &past), Ok(today));
        assert_eq!(
            check(ymd(2025, 6, 11), today, &past),
            Err(RuleError::InFuture)
        );
        assert_eq!(
            check(ymd(2025, 6, 11), today, &DateBounds::default()),
            Ok(ymd(2025, 6, 11))
        );
    }

    #[test]
    fn age_17_or_18_around_the_birthday() {
        let adult = DateBounds::birth(Some(18), None);
        let born = ymd(2007, 6, 10);
        assert_eq!(
            check(born, ymd(2025, 6, 9), &adult),
            Err(RuleError::TooYoung { min_years: 18 }),
            "the day before the 18th birthday"
        );
        assert_eq!(
            check(born, ymd(2025, 6, 10), &adult),
            Ok(born),
            "on the birthday"
        );
        assert_eq!(check(born, ymd(2025, 6, 11), &adult), Ok(born));
        assert_eq!(age_in_years(born, ymd(2025, 6, 9)), 17);
        assert_eq!(age_in_years(born, ymd(2025, 6, 10)), 18);
        // Year-end boundary.
        assert_eq!(age_in_years(ymd(2000, 12, 31), ymd(2018, 12, 30)), 17);
        assert_eq!(age_in_years(ymd(2000, 12, 31), ymd(2018, 12, 31)), 18);
        assert_eq!(age_in_years(ymd(2000, 1, 1), ymd(2017, 12, 31)), 17);
    }

    #[test]
    fn born_on_29_february() {
        let adult = DateBounds::birth(Some(18), None);
        let born = ymd(2008, 2, 29);
        // 2026 is a common year: 18 on 1 March.
        assert_eq!(
            check(born, ymd(2026, 2, 28), &adult),
            Err(RuleError::TooYoung { min_years: 18 })
        );
        assert_eq!(check(born, ymd(2026, 3, 1), &adult), Ok(born));
        // In a leap year the birthday itself exists.
        assert_eq!(age_in_years(born, ymd(2028, 2, 28)), 19);
        assert_eq!(age_in_years(born, ymd(2028, 2, 29)), 20);
        assert_eq!(age_in_years(born, born), 0);
        assert_eq!(age_in_years(ymd(2025, 1, 1), ymd(2024, 1, 1)), -1);
    }

    #[test]
    fn maximum_age() {
        let b = DateBounds::birth(None, Some(120));
        let today = ymd(2025, 6, 10);
        assert_eq!(
            check(ymd(1905, 6, 11), today, &b),
            Ok(ymd(1905, 6, 11)),
            "119"
        );
        assert_eq!(
            check(ymd(1905, 6, 10), today, &b),
            Ok(ymd(1905, 6, 10)),
            "120"
        );
        assert_eq!(
            check(ymd(1904, 6, 10), today, &b),
            Err(RuleError::TooOld { max_years: 120 })
        );
        let huge = DateBounds::birth(Some(u32::MAX), Some(u32::MAX));
        assert_eq!(
            check(ymd(1904, 6, 10), today, &huge),
            Err(RuleError::TooYoung {
                min_years: u32::MAX
            })
        );
    }

    #[test]
    fn a_date_with_notice_counts_whole_days_from_today() {
        let b = DateBounds::days_ahead(7, 366);
        let today = ymd(2026, 12, 1);
        assert_eq!(
            check(ymd(2026, 12, 7), today, &b),
            Err(RuleError::TooSoon { min_days: 7 }),
            "6 days"
        );
        assert_eq!(check(ymd(2026, 12, 8), today, &b), Ok(ymd(2026, 12, 8)));
        assert_eq!(
            check(today, today, &b),
            Err(RuleError::TooSoon { min_days: 7 })
        );
        assert_eq!(
            check(ymd(2026, 11, 30), today, &b),
            Err(RuleError::TooSoon { min_days: 7 }),
            "the past is sooner still"
        );
        assert_eq!(check(ymd(2027, 12, 2), today, &b), Ok(ymd(2027, 12, 2)));
        assert_eq!(
            check(ymd(2027, 12, 3), today, &b),
            Err(RuleError::TooFarAhead)
        );
        // Across a year end: 25/12 + 7 = 1/1.
        let today = ymd(2026, 12, 25);
        assert_eq!(check(ymd(2027, 1, 1), today, &b), Ok(ymd(2027, 1, 1)));
        assert_eq!(
            check(ymd(2026, 12, 31), today, &b),
            Err(RuleError::TooSoon { min_days: 7 })
        );
    }

    #[test]
    fn ranges_and_formatting() {
        assert_eq!(check_range(ymd(2025, 1, 1), ymd(2025, 1, 1)), Ok(()));
        assert_eq!(check_range(ymd(2025, 1, 1), ymd(2025, 1, 2)), Ok(()));
        assert_eq!(
            check_range(ymd(2025, 1, 2), ymd(2025, 1, 1)),
            Err(RuleError::EndBeforeStart)
        );
        assert_eq!(format_dmy(ymd(2025, 1, 5)), "05/01/2025");
        assert_eq!(format_dmy(ymd(1947, 8, 15)), "15/08/1947");
    }
}
