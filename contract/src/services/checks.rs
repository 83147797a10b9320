//! Cross-field rules that any service can use: pure functions over the answers, which a
//! service's [`CrossCheck`](crate::forms::CrossCheck) calls with its own field ids. Each
//! returns the [`Problem`] to show, on the field (or the group entry) that breaks the rule.

use crate::forms::{answer, parse_date_answer, Answers, Ctx, Problem};
use crate::rules::{self, RuleError};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime, Timelike};

/// A date answer and a time answer together; `None` unless both are valid.
pub fn date_time(answers: &Answers, date: &str, time: &str) -> Option<NaiveDateTime> {
    let day = parse_date_answer(answer(answers, date))?;
    let at = rules::time::parse_hhmm(answer(answers, time)).ok()?;
    Some(day.and_time(at))
}

/// An end (date and time fields) that must come after its start: `EndBeforeStart` on the
/// end date when it is an earlier day, else on the end time (the same moment is not after).
pub fn ends_after_start(
    answers: &Answers,
    start: (&str, &str),
    end: (&'static str, &'static str),
) -> Option<Problem> {
    let from = date_time(answers, start.0, start.1)?;
    let to = date_time(answers, end.0, end.1)?;
    if to > from {
        return None;
    }
    let field = if to.date() < from.date() {
        end.0
    } else {
        end.1
    };
    Some(Problem::new(field, RuleError::EndBeforeStart))
}

/// A time given for today that is later than now (IST): `LaterThanNow` on the time field.
/// Skipped where the time now is not known (`Ctx::offline`).
pub fn not_later_than_now(
    answers: &Answers,
    ctx: &Ctx,
    date: &str,
    time: &'static str,
) -> Option<Problem> {
    let now = ctx.time_now?;
    let at = date_time(answers, date, time)?;
    (at.date() == ctx.today && at.time() > now).then(|| Problem::new(time, RuleError::LaterThanNow))
}

/// Hours of every day in which something is not allowed, from `start` up to `end`; they
/// cross midnight when `end` is earlier than `start` (the noise rules' 22:00 to 06:00).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hours {
    pub start: NaiveTime,
    pub end: NaiveTime,
}

/// Which end of a daily time window to blame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WindowEnd {
    From,
    To,
}

const MINUTES_A_DAY: u32 = 24 * 60;

fn minute_of_day(t: NaiveTime) -> u32 {
    t.hour() * 60 + t.minute()
}

impl Hours {
    /// Is the minute starting at `m` (minutes after midnight) inside these hours?
    fn holds_minute(self, m: u32) -> bool {
        let (start, end) = (minute_of_day(self.start), minute_of_day(self.end));
        if start <= end {
            (start..end).contains(&m)
        } else {
            m >= start || m < end
        }
    }

    /// Does a daily window from `from` to `to` (crossing midnight when `to` is earlier)
    /// stay out of these hours? `Err(From)` when it starts inside them, `Err(To)` when it
    /// runs into them; a window may end exactly when they begin. `from == to` is a whole day.
    pub fn window_clear(self, from: NaiveTime, to: NaiveTime) -> Result<(), WindowEnd> {
        let (a, b) = (minute_of_day(from), minute_of_day(to));
        let len = match (b + MINUTES_A_DAY - a) % MINUTES_A_DAY {
            0 => MINUTES_A_DAY,
            n => n,
        };
        if self.holds_minute(a) {
            return Err(WindowEnd::From);
        }
        // At most 1,440 steps: clearer than interval arithmetic on a circle.
        if (0..len).any(|i| self.holds_minute((a + i) % MINUTES_A_DAY)) {
            Err(WindowEnd::To)
        } else {
            Ok(())
        }
    }
}

/// A daily window given as two time fields that must stay out of `hours`:
/// `OutsideHours` on the end that breaks it, `EndBeforeStart` on `to` for an empty window.
pub fn window_outside(
    answers: &Answers,
    from: &'static str,
    to: &'static str,
    hours: Hours,
) -> Option<Problem> {
    let start = rules::time::parse_hhmm(answer(answers, from)).ok()?;
    let end = rules::time::parse_hhmm(answer(answers, to)).ok()?;
    if start == end {
        return Some(Problem::new(to, RuleError::EndBeforeStart));
    }
    match hours.window_clear(start, end) {
        Ok(()) => None,
        Err(WindowEnd::From) => Some(Problem::new(from, RuleError::OutsideHours)),
        Err(WindowEnd::To) => Some(Problem::new(to, RuleError::OutsideHours)),
    }
}

/// One period of a history (an address lived at), with the fields its dates came from;
/// `to_field` is `None` for a period that runs up to today (the current address).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Period {
    pub from_field: String,
    pub to_field: Option<String>,
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// Periods that together must cover `span_start..=span_end`, leaving no more than
/// `max_gap_days` days uncovered anywhere (before the first, between two, after the last)
/// and not overlapping (a shared moving day is fine). The problem is on the period that
/// breaks it: an end before its own start (`EndBeforeStart` on its end); the start of the
/// earliest when the history does not reach back far enough, and the start of a period that
/// begins too long after the one before (`Gap`); the start of a period that begins inside an
/// earlier one (`Overlap`); the end of the latest when it stops too long before the span does.
pub fn covers(
    periods: &[Period],
    span_start: NaiveDate,
    span_end: NaiveDate,
    max_gap_days: i64,
) -> Option<Problem> {
    let end_field = |p: &Period| p.to_field.clone().unwrap_or_else(|| p.from_field.clone());
    if let Some(p) = periods.iter().find(|p| p.to < p.from) {
        return Some(Problem::new(end_field(p), RuleError::EndBeforeStart));
    }
    let mut sorted: Vec<&Period> = periods.iter().collect();
    sorted.sort_by_key(|p| (p.from, p.to));
    let first = sorted.first()?;
    if (first.from - span_start).num_days() > max_gap_days {
        return Some(Problem::new(first.from_field.clone(), RuleError::Gap));
    }
    let mut reach = *first;
    for p in &sorted[1..] {
        if p.from < reach.to {
            return Some(Problem::new(p.from_field.clone(), RuleError::Overlap));
        }
        // Days with no period between the two: none when one ends the day before.
        if (p.from - reach.to).num_days() - 1 > max_gap_days {
            return Some(Problem::new(p.from_field.clone(), RuleError::Gap));
        }
        if p.to > reach.to {
            reach = p;
        }
    }
    ((span_end - reach.to).num_days() > max_gap_days)
        .then(|| Problem::new(end_field(reach), RuleError::Gap))
}

/// The first of `keys` whose answer repeats an earlier one's (the same document given twice);
/// blank answers are not compared.
pub fn first_repeat(answers: &Answers, keys: &[&'static str]) -> Option<&'static str> {
    keys.iter().enumerate().find_map(|(i, k)| {
        let v = answer(answers, k);
        (!v.is_empty() && keys[..i].iter().any(|e| answer(answers, e) == v)).then_some(*k)
    })
}

/// Is the mobile in `key` the same number as the one in any of `others`, however typed
/// (`+91`, a leading 0, spaces)? False when it is not a valid number.
pub fn same_mobile_as_any(answers: &Answers, key: &str, others: &[&str]) -> bool {
    let mobile = |k: &str| rules::mobile::parse(answer(answers, k)).ok();
    mobile(key).is_some_and(|m| others.iter().any(|o| mobile(o).as_ref() == Some(&m)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn answers(pairs: &[(&str, &str)]) -> Answers {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    const NIGHT: Hours = Hours {
        start: NaiveTime::from_hms_opt(22, 0, 0).unwrap(),
        end: NaiveTime::from_hms_opt(6, 0, 0).unwrap(),
    };

    #[test]
    fn a_window_may_fill_the_day_but_not_touch_the_night() {
        use WindowEnd::{From, To};
        for (from, to, want) in [
            (t(6, 0), t(22, 0), Ok(())),
            (t(9, 30), t(12, 0), Ok(())),
            (t(21, 59), t(22, 0), Ok(())),
            (t(21, 0), t(22, 1), Err(To)),
            (t(5, 59), t(7, 0), Err(From)),
            (t(22, 0), t(23, 0), Err(From)),
            (t(23, 0), t(1, 0), Err(From)),
            // Crossing midnight from the evening: it runs into the night.
            (t(21, 0), t(1, 0), Err(To)),
            (t(20, 0), t(7, 0), Err(To)),
            (t(7, 0), t(6, 0), Err(To)),
            (t(0, 0), t(5, 0), Err(From)),
            // A whole day (from == to) has its night.
            (t(12, 0), t(12, 0), Err(To)),
        ] {
            assert_eq!(NIGHT.window_clear(from, to), want, "{from}–{to}");
        }
        // Hours that do not cross midnight work the same way.
        let lunch = Hours {
            start: t(13, 0),
            end: t(14, 0),
        };
        assert_eq!(lunch.window_clear(t(9, 0), t(13, 0)), Ok(()));
        assert_eq!(lunch.window_clear(t(9, 0), t(13, 30)), Err(To));
        assert_eq!(lunch.window_clear(t(14, 0), t(13, 30)), Err(To));
        assert_eq!(lunch.window_clear(t(14, 0), t(12, 0)), Ok(()));
    }

    #[test]
    fn a_window_blames_the_field_of_the_end_that_breaks_it() {
        let a = answers(&[("from", "23:00"), ("to", "01:00")]);
        let p = window_outside(&a, "from", "to", NIGHT);
        assert_eq!(p, Some(Problem::new("from", RuleError::OutsideHours)));
        let a = answers(&[("from", "18:00"), ("to", "23:30")]);
        let p = window_outside(&a, "from", "to", NIGHT);
        assert_eq!(p, Some(Problem::new("to", RuleError::OutsideHours)));
        let a = answers(&[("from", "18:00"), ("to", "18:00")]);
        let p = window_outside(&a, "from", "to", NIGHT);
        assert_eq!(p, Some(Problem::new("to", RuleError::EndBeforeStart)));
        let a = answers(&[("from", "18:00"), ("to", "21:45")]);
        assert_eq!(window_outside(&a, "from", "to", NIGHT), None);
        // An invalid time is its own field's problem.
        let a = answers(&[("from", "18:00"), ("to", "25:00")]);
        assert_eq!(window_outside(&a, "from", "to", NIGHT), None);
    }

    #[test]
    fn an_end_comes_after_its_start() {
        let at = |sd, st, ed, et| {
            let a = answers(&[("sd", sd), ("st", st), ("ed", ed), ("et", et)]);
            ends_after_start(&a, ("sd", "st"), ("ed", "et")).map(|p| p.field)
        };
        assert_eq!(at("10/1/2027", "18:00", "10/1/2027", "21:00"), None);
        // Overnight into the next day is after.
        assert_eq!(at("10/1/2027", "18:00", "11/1/2027", "02:00"), None);
        assert_eq!(
            at("10/1/2027", "18:00", "10/1/2027", "18:00"),
            Some("et".into())
        );
        assert_eq!(
            at("10/1/2027", "18:00", "10/1/2027", "09:00"),
            Some("et".into())
        );
        assert_eq!(
            at("10/1/2027", "18:00", "9/1/2027", "23:00"),
            Some("ed".into())
        );
        assert_eq!(
            at("10/1/2027", "", "9/1/2027", "23:00"),
            None,
            "no start time"
        );
    }

    #[test]
    fn a_time_later_today_is_refused_only_today() {
        let a = answers(&[("d", "1/12/2026"), ("t", "18:00")]);
        let at = |d, h, m| Ctx::at(ymd(2026, 12, d).and_hms_opt(h, m, 0).unwrap());
        assert_eq!(
            not_later_than_now(&a, &at(1, 17, 59), "d", "t"),
            Some(Problem::new("t", RuleError::LaterThanNow))
        );
        assert_eq!(not_later_than_now(&a, &at(1, 18, 0), "d", "t"), None);
        assert_eq!(not_later_than_now(&a, &at(2, 0, 1), "d", "t"), None);
        assert_eq!(
            not_later_than_now(&a, &Ctx::offline(ymd(2026, 12, 1)), "d", "t"),
            None
        );
    }

    fn period(i: usize, from: NaiveDate, to: NaiveDate) -> Period {
        Period {
            from_field: format!("a.{i}.from"),
            to_field: Some(format!("a.{i}.to")),
            from,
            to,
        }
    }

    fn current(from: NaiveDate) -> Period {
        Period {
            from_field: "since".into(),
            to_field: None,
            from,
            to: TODAY,
        }
    }

    const TODAY: NaiveDate = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    const FIVE_YEARS_AGO: NaiveDate = NaiveDate::from_ymd_opt(2021, 12, 1).unwrap();

    fn blame(periods: &[Period]) -> Option<(String, RuleError)> {
        covers(periods, FIVE_YEARS_AGO, TODAY, 30).map(|p| (p.field, p.error))
    }

    #[test]
    fn five_years_exactly_covered_in_any_order() {
        assert_eq!(blame(&[current(FIVE_YEARS_AGO)]), None);
        assert_eq!(blame(&[current(ymd(2010, 1, 1))]), None);
        // Moving day shared, or the next day: both continuous.
        let history = [
            current(ymd(2024, 3, 1)),
            period(0, ymd(2022, 6, 2), ymd(2024, 3, 1)),
            period(1, FIVE_YEARS_AGO, ymd(2022, 6, 1)),
        ];
        assert_eq!(blame(&history), None);
        // 30 days with no address is allowed, at the start or between two.
        let history = [
            current(ymd(2024, 3, 1)),
            period(0, ymd(2021, 12, 31), ymd(2024, 1, 30)),
        ];
        assert_eq!(blame(&history), None);
    }

    #[test]
    fn a_gap_is_shown_on_the_address_after_it() {
        // 31 days between 30/1 and 1/3 (2024 is a leap year: 30 days of February).
        let history = [
            current(ymd(2024, 3, 2)),
            period(0, FIVE_YEARS_AGO, ymd(2024, 1, 30)),
        ];
        assert_eq!(blame(&history), Some(("since".into(), RuleError::Gap)));
        let history = [
            current(ymd(2024, 3, 1)),
            period(0, ymd(2022, 9, 1), ymd(2024, 3, 1)),
            period(1, FIVE_YEARS_AGO, ymd(2022, 6, 1)),
        ];
        assert_eq!(blame(&history), Some(("a.0.from".into(), RuleError::Gap)));
    }

    #[test]
    fn not_reaching_back_five_years_is_a_gap_on_the_earliest_address() {
        assert_eq!(
            blame(&[current(ymd(2022, 1, 1))]),
            Some(("since".into(), RuleError::Gap))
        );
        let history = [
            current(ymd(2024, 3, 1)),
            period(0, ymd(2022, 1, 1), ymd(2024, 3, 1)),
        ];
        assert_eq!(blame(&history), Some(("a.0.from".into(), RuleError::Gap)));
    }

    #[test]
    fn overlaps_are_shown_on_the_later_address() {
        let history = [
            current(ymd(2024, 3, 1)),
            period(0, FIVE_YEARS_AGO, ymd(2024, 5, 1)),
        ];
        assert_eq!(blame(&history), Some(("since".into(), RuleError::Overlap)));
        // An address inside another one.
        let history = [
            current(ymd(2024, 3, 1)),
            period(0, ymd(2019, 1, 1), ymd(2024, 3, 1)),
            period(1, ymd(2020, 1, 1), ymd(2020, 6, 1)),
        ];
        assert_eq!(
            blame(&history),
            Some(("a.1.from".into(), RuleError::Overlap))
        );
    }

    #[test]
    fn an_address_that_ends_before_it_starts_or_too_early_is_blamed_on_its_end() {
        let history = [
            current(ymd(2024, 3, 1)),
            period(0, ymd(2024, 3, 1), FIVE_YEARS_AGO),
        ];
        assert_eq!(
            blame(&history),
            Some(("a.0.to".into(), RuleError::EndBeforeStart))
        );
        // Without a current address the last must reach today.
        let old = [period(0, FIVE_YEARS_AGO, ymd(2026, 10, 1))];
        assert_eq!(blame(&old), Some(("a.0.to".into(), RuleError::Gap)));
        assert_eq!(blame(&[]), None);
    }

    #[test]
    fn repeats_and_the_same_mobile() {
        let a = answers(&[
            ("id", "aadhaar"),
            ("address", "passport"),
            ("dob", "aadhaar"),
            ("m1", "+91 98765 43210"),
            ("m2", "09876543210"),
            ("m3", "9123456780"),
            ("bad", "12345"),
        ]);
        assert_eq!(first_repeat(&a, &["id", "address", "dob"]), Some("dob"));
        assert_eq!(first_repeat(&a, &["id", "address"]), None);
        assert_eq!(first_repeat(&a, &["id", "none", "other"]), None);
        assert!(same_mobile_as_any(&a, "m2", &["m3", "m1"]));
        assert!(!same_mobile_as_any(&a, "m3", &["m1", "m2"]));
        assert!(!same_mobile_as_any(&a, "bad", &["bad"]));
    }
}
