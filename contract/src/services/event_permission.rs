//! Event, procession or loudspeaker permission: an organiser asks the police station of the
//! venue for permission at least 7 days ahead (Rajasthan's rule; UP, Haryana and Kerala ask
//! the same), with the route for a procession, the expected crowd, any loudspeaker's hours
//! (never between 22:00 and 06:00, the noise rules) and the venue owner's consent attached.

use crate::forms::{
    concat_fields, AckSpec, Answers, AttachmentSpec, Ctx, FieldSpec as F, GroupSpec, InputMode,
    Notice, Problem, Routing, Rule, ServiceSpec, ShownWhen, StepSpec, Widget,
};
use crate::rules::date::DateBounds;
use crate::services::blocks::{ADULT_APPLICANT, APPLICANT_ADDRESS, BY_APPLICANT_MOBILE};
use crate::services::checks::{ends_after_start, window_outside, Hours};
use chrono::NaiveTime;

pub const ORGANISERS: &[&str] = &["person", "organisation"];
pub const EVENT_TYPES: &[&str] = &[
    "procession",
    "public_meeting",
    "religious",
    "wedding",
    "protest",
    "other",
];
pub const YES_NO: &[&str] = &["yes", "no"];
/// Days of notice the police need.
pub const NOTICE_DAYS: u32 = 7;
/// How far ahead an event may be asked for.
pub const MAX_DAYS_AHEAD: u32 = 366;
/// Above this many people the police station may ask for more (a larger-event notice).
pub const LARGE_EVENT: u32 = 5_000;
pub const MAX_ATTENDANCE: u32 = 10_000_000;
pub const MAX_STOPS: usize = 20;
/// Venue owner's consent: a letter as a photo or PDF, a page or a few.
pub const MAX_FILES: usize = 3;
/// The usual time to a decision (Rajasthan asks for 7 days' notice for it).
pub const USUAL_DAYS: u32 = 7;

/// No loudspeaker at night (Noise Pollution Rules, 2000): from 22:00 to 06:00.
pub const NIGHT: Hours = Hours {
    start: NaiveTime::from_hms_opt(22, 0, 0).unwrap(),
    end: NaiveTime::from_hms_opt(6, 0, 0).unwrap(),
};

const PLACE: Rule = Rule::Text { min: 2, max: 200 };
const PROCESSION: ShownWhen = ShownWhen::Equals("event_type", "procession");

const ABOUT_YOU: [F; 11] = concat_fields(ADULT_APPLICANT, APPLICANT_ADDRESS);

pub const SPEC: ServiceSpec = ServiceSpec {
    steps: &[
        StepSpec {
            id: "about-you",
            fields: &ABOUT_YOU,
            ..StepSpec::EMPTY
        },
        StepSpec {
            id: "organiser",
            fields: &[
                F::new("organiser_type", Widget::Radios, Rule::Choice).options(ORGANISERS),
                F::new("org_name", Widget::Text, PLACE)
                    .shown_when(ShownWhen::Equals("organiser_type", "organisation")),
                F::new(
                    "org_registration",
                    Widget::Text,
                    Rule::Text { min: 2, max: 60 },
                )
                .optional()
                .shown_when(ShownWhen::Equals("organiser_type", "organisation")),
            ],
            ..StepSpec::EMPTY
        },
        StepSpec {
            id: "event",
            fields: &[
                F::new("event_type", Widget::Radios, Rule::Choice).options(EVENT_TYPES),
                F::new("event_type_detail", Widget::Text, PLACE)
                    .shown_when(ShownWhen::Equals("event_type", "other")),
                F::new(
                    "description",
                    Widget::Textarea,
                    Rule::Text { min: 10, max: 1000 },
                ),
                F::new(
                    "attendance",
                    Widget::Text,
                    Rule::Number {
                        min: 1,
                        max: MAX_ATTENDANCE,
                    },
                )
                .input_mode(InputMode::Numeric),
            ],
            groups: &[],
            checks: &[],
            notices: &[Notice {
                id: "large_event",
                when: ShownWhen::NumberAbove("attendance", LARGE_EVENT),
            }],
        },
        StepSpec {
            id: "when",
            fields: &[
                F::new(
                    "start_date",
                    Widget::Date,
                    Rule::Date(DateBounds::days_ahead(NOTICE_DAYS, MAX_DAYS_AHEAD)),
                ),
                F::new("start_time", Widget::Time, Rule::Time),
                F::new(
                    "end_date",
                    Widget::Date,
                    Rule::Date(DateBounds::up_to_days_ahead(MAX_DAYS_AHEAD + 30)),
                ),
                F::new("end_time", Widget::Time, Rule::Time),
            ],
            checks: &[event_ends_after_it_starts],
            ..StepSpec::EMPTY
        },
        StepSpec {
            id: "place",
            fields: &[
                F::new("event_district", Widget::District, Rule::District),
                F::new(
                    "event_station",
                    Widget::Station {
                        district_field: "event_district",
                    },
                    Rule::Station,
                ),
                F::new("venue", Widget::Text, PLACE)
                    .shown_when(ShownWhen::NotEquals("event_type", "procession")),
                F::new("route_start", Widget::Text, PLACE).shown_when(PROCESSION),
                F::new("route_end", Widget::Text, PLACE).shown_when(PROCESSION),
            ],
            groups: &[GroupSpec {
                id: "stops",
                fields: &[F::new("place", Widget::Text, PLACE)],
                max: MAX_STOPS,
                shown_when: PROCESSION,
            }],
            checks: &[],
            notices: &[],
        },
        StepSpec {
            id: "loudspeaker",
            fields: &[
                F::new("loudspeaker", Widget::Radios, Rule::Choice).options(YES_NO),
                F::new("loudspeaker_from", Widget::Time, Rule::Time)
                    .shown_when(ShownWhen::Equals("loudspeaker", "yes")),
                F::new("loudspeaker_to", Widget::Time, Rule::Time)
                    .shown_when(ShownWhen::Equals("loudspeaker", "yes")),
            ],
            checks: &[loudspeaker_not_at_night],
            ..StepSpec::EMPTY
        },
        StepSpec {
            id: "consent",
            ..StepSpec::EMPTY
        },
    ],
    applicant: BY_APPLICANT_MOBILE,
    routing: Routing {
        district_field: "event_district",
        station_field: "event_station",
    },
    attachments: Some(AttachmentSpec {
        step: "consent",
        min: 1,
        max: MAX_FILES,
        photos_only: false,
    }),
    acknowledgement: AckSpec {
        confirm_within_days: None,
        usual_days: Some(USUAL_DAYS),
        notices: &[],
        slip: &["name", "event_type"],
    },
};

/// The event ends after it starts (overnight into the next day is fine).
fn event_ends_after_it_starts(answers: &Answers, _ctx: &Ctx) -> Option<Problem> {
    ends_after_start(
        answers,
        ("start_date", "start_time"),
        ("end_date", "end_time"),
    )
}

/// A loudspeaker's daily hours stay out of 22:00–06:00, also when they cross midnight.
fn loudspeaker_not_at_night(answers: &Answers, _ctx: &Ctx) -> Option<Problem> {
    if crate::forms::answer(answers, "loudspeaker") != "yes" {
        return None;
    }
    window_outside(answers, "loudspeaker_from", "loudspeaker_to", NIGHT)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::forms::{notices_shown, retain_declared, validate_service, validate_step};
    use crate::rules::RuleError;
    use chrono::NaiveDate;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
    }

    fn valid() -> Answers {
        [
            ("name", "Rajesh Yadav"),
            ("relative_name", "Ramdhari Yadav"),
            ("gender", "male"),
            ("dob", "5/5/1980"),
            ("mobile", "9876543210"),
            ("house", "House 4, Ward 9"),
            ("locality", "Anisabad"),
            ("district", "PAT"),
            ("station", "PAT-KOTWALI"),
            ("pin", "800002"),
            ("organiser_type", "organisation"),
            ("org_name", "Anisabad Durga Puja Samiti"),
            ("event_type", "religious"),
            (
                "description",
                "Durga Puja pandal with evening aarti and bhajan.",
            ),
            ("attendance", "800"),
            ("start_date", "20/12/2026"),
            ("start_time", "17:00"),
            ("end_date", "20/12/2026"),
            ("end_time", "23:00"),
            ("event_district", "PAT"),
            ("event_station", "PAT-KOTWALI"),
            ("venue", "Community hall, Anisabad Chowk"),
            ("loudspeaker", "yes"),
            ("loudspeaker_from", "18:00"),
            ("loudspeaker_to", "21:30"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect()
    }

    fn procession() -> Answers {
        let mut a = valid();
        a.remove("venue");
        for (k, v) in [
            ("event_type", "procession"),
            ("route_start", "Anisabad Chowk"),
            ("route_end", "Gandhi Maidan"),
            ("stops", "2"),
            ("stops.0.place", "Gardanibagh"),
            ("stops.1.place", "Income Tax Golambar"),
        ] {
            a.insert(k.into(), v.into());
        }
        a
    }

    fn problems(a: &Answers) -> Vec<(String, RuleError)> {
        validate_service(&SPEC, a, &Ctx::offline(today()))
            .into_iter()
            .map(|p| (p.field, p.error))
            .collect()
    }

    fn one(field: &str, error: RuleError) -> Vec<(String, RuleError)> {
        vec![(field.to_owned(), error)]
    }

    #[test]
    fn an_event_and_a_procession_pass() {
        assert_eq!(problems(&valid()), vec![]);
        assert_eq!(problems(&procession()), vec![]);
        // A person organises without an organisation's name.
        let mut a = valid();
        a.insert("organiser_type".into(), "person".into());
        a.remove("org_name");
        assert_eq!(problems(&a), vec![]);
    }

    #[test]
    fn a_procession_gives_its_route_and_other_events_their_venue() {
        let mut a = procession();
        a.remove("route_end");
        a.insert("stops.1.place".into(), "".into());
        assert_eq!(
            problems(&a),
            vec![
                ("route_end".to_owned(), RuleError::Required),
                ("stops.1.place".to_owned(), RuleError::Required),
            ]
        );
        // The route is not kept for a meeting, whose venue is asked instead.
        let mut a = procession();
        a.insert("event_type".into(), "public_meeting".into());
        assert_eq!(problems(&a), one("venue", RuleError::Required));
        a.insert("venue".into(), "Gandhi Maidan".into());
        let kept = retain_declared(&SPEC, &a, today());
        assert!(kept
            .keys()
            .all(|k| !k.starts_with("stops") && !k.starts_with("route")));
    }

    #[test]
    fn the_start_is_at_least_7_days_ahead_at_the_ist_day_boundary() {
        let mut a = valid();
        a.insert("start_date".into(), "7/12/2026".into());
        assert_eq!(
            problems(&a),
            one("start_date", RuleError::TooSoon { min_days: 7 })
        );
        // 8 December is 7 days after 1 December until midnight in India, then 6.
        a.insert("start_date".into(), "8/12/2026".into());
        a.insert("end_date".into(), "8/12/2026".into());
        let step = SPEC.step("when").unwrap();
        let at = |d, h, m| {
            let t = NaiveDate::from_ymd_opt(2026, 12, d).unwrap();
            Ctx::at(t.and_hms_opt(h, m, 0).unwrap())
        };
        assert_eq!(validate_step(step, &a, &at(1, 23, 59)), vec![]);
        assert_eq!(
            validate_step(step, &a, &at(2, 0, 0)),
            vec![Problem::new(
                "start_date",
                RuleError::TooSoon { min_days: 7 }
            )]
        );
    }

    #[test]
    fn the_event_ends_after_it_starts() {
        let mut a = valid();
        a.insert("end_time".into(), "16:00".into());
        assert_eq!(problems(&a), one("end_time", RuleError::EndBeforeStart));
        a.insert("end_time".into(), "17:00".into());
        assert_eq!(problems(&a), one("end_time", RuleError::EndBeforeStart));
        a.insert("end_date".into(), "19/12/2026".into());
        a.insert("end_time".into(), "23:00".into());
        assert_eq!(problems(&a), one("end_date", RuleError::EndBeforeStart));
        // Through the night into the next day.
        a.insert("end_date".into(), "21/12/2026".into());
        a.insert("end_time".into(), "02:00".into());
        assert_eq!(problems(&a), vec![]);
    }

    #[test]
    fn no_loudspeaker_between_22_and_6_even_across_midnight() {
        let with = |from: &str, to: &str| {
            let mut a = valid();
            a.insert("loudspeaker_from".into(), from.into());
            a.insert("loudspeaker_to".into(), to.into());
            problems(&a)
        };
        assert_eq!(with("06:00", "22:00"), vec![]);
        assert_eq!(
            with("21:00", "22:30"),
            one("loudspeaker_to", RuleError::OutsideHours)
        );
        assert_eq!(
            with("05:30", "09:00"),
            one("loudspeaker_from", RuleError::OutsideHours)
        );
        assert_eq!(
            with("23:00", "01:00"),
            one("loudspeaker_from", RuleError::OutsideHours)
        );
        assert_eq!(
            with("21:00", "01:00"),
            one("loudspeaker_to", RuleError::OutsideHours)
        );
        assert_eq!(
            with("20:00", "07:00"),
            one("loudspeaker_to", RuleError::OutsideHours)
        );
        assert_eq!(
            with("19:00", "19:00"),
            one("loudspeaker_to", RuleError::EndBeforeStart)
        );
        // No loudspeaker: its hours are neither asked nor checked.
        let mut a = valid();
        a.insert("loudspeaker".into(), "no".into());
        a.insert("loudspeaker_to".into(), "23:59".into());
        assert_eq!(problems(&a), vec![]);
    }

    #[test]
    fn attendance_is_a_number_and_above_5000_shows_the_larger_event_notice() {
        let step = SPEC.step("event").unwrap();
        let mut a = valid();
        a.insert("attendance".into(), "about 800".into());
        assert_eq!(problems(&a), one("attendance", RuleError::Invalid));
        a.insert("attendance".into(), "0".into());
        assert_eq!(problems(&a), one("attendance", RuleError::OutOfRange));
        a.insert("attendance".into(), "5000".into());
        assert!(notices_shown(step.notices, &a, today()).is_empty());
        a.insert("attendance".into(), "५००१".into());
        assert_eq!(problems(&a), vec![]);
        assert_eq!(notices_shown(step.notices, &a, today()), ["large_event"]);
    }
}
