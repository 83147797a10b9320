//! e-complaint: what the citizen is asked, step by step, and the rules for each answer.
//! The app's pages live in `src/pages/complaint/`; the server validates submissions with this.

use super::blocks::{APPLICANT, APPLICANT_ADDRESS, APPLICANT_ID};
use crate::forms::{
    answer, concat_fields, parse_date_answer, AckSpec, Answers, Applicant, AttachmentSpec, Ctx,
    FieldSpec as F, GroupSpec, InputMode, Problem, Routing, Rule, ServiceSpec, ShownWhen, StepSpec,
    Widget,
};
use crate::rules::{date::DateBounds, RuleError};

pub const CATEGORIES: &[&str] = &[
    "theft",
    "vehicle_theft",
    "mobile_phone",
    "cyber_fraud",
    "cheating",
    "harassment",
    "assault",
    "threat",
    "domestic_violence",
    "missing_document",
    "other",
];
pub const DATE_KNOWN: &[&str] = &["exact", "approximate"];
pub const SUSPECT_KNOWN: &[&str] = &["known", "unknown"];

/// A complaint filed more than this many days after the incident must say why (BNSS practice).
pub const LATE_AFTER_DAYS: i64 = 3;
pub const DESCRIPTION_MIN: usize = 20;
pub const DESCRIPTION_MAX: usize = 4000;
pub const MAX_ATTACHMENTS: usize = 5;
/// Days the complainant has to sign the complaint at the police station (BNSS section 173).
pub const CONFIRM_WITHIN_DAYS: u64 = 3;

const PAST: DateBounds = DateBounds::past();

const ABOUT_YOU_FIELDS: [F; 13] = concat_fields(
    APPLICANT,
    concat_fields::<5, 2, 7>(APPLICANT_ADDRESS, APPLICANT_ID),
);

/// The applicant block, their home address and their ID proof.
pub const ABOUT_YOU: StepSpec = StepSpec {
    id: "about-you",
    fields: &ABOUT_YOU_FIELDS,
    groups: &[],
    checks: &[],
    notices: &[],
};

pub const WHAT_HAPPENED: StepSpec = StepSpec {
    id: "what-happened",
    fields: &[
        F::new("category", Widget::Select, Rule::Choice).options(CATEGORIES),
        F::new("date_known", Widget::Radios, Rule::Choice).options(DATE_KNOWN),
        F::new("incident_date", Widget::Date, Rule::Date(PAST)),
        F::new("incident_time", Widget::Time, Rule::Time)
            .shown_when(ShownWhen::Equals("date_known", "exact")),
        F::new("place", Widget::Text, Rule::Text { min: 2, max: 300 }),
        F::new("incident_district", Widget::District, Rule::District),
        F::new(
            "incident_station",
            Widget::Station {
                district_field: "incident_district",
            },
            Rule::Station,
        ),
        F::new(
            "description",
            Widget::Textarea,
            Rule::Text {
                min: DESCRIPTION_MIN,
                max: DESCRIPTION_MAX,
            },
        ),
        F::new(
            "delay_reason",
            Widget::Textarea,
            Rule::Text { min: 10, max: 1000 },
        )
        .shown_when(ShownWhen::DateOlderThan("incident_date", LATE_AFTER_DAYS)),
    ],
    groups: &[],
    checks: &[incident_not_before_birth, incident_not_later_today],
    notices: &[],
};

pub const PEOPLE: StepSpec = StepSpec {
    id: "people",
    fields: &[],
    groups: &[
        GroupSpec {
            id: "suspects",
            max: 10,
            shown_when: ShownWhen::Always,
            fields: &[
                F::new("known", Widget::Radios, Rule::Choice).options(SUSPECT_KNOWN),
                F::new("name", Widget::Text, Rule::Name)
                    .shown_when(ShownWhen::Equals("known", "known")),
                F::new(
                    "details",
                    Widget::Textarea,
                    Rule::Text { min: 2, max: 1000 },
                )
                .optional(),
            ],
        },
        GroupSpec {
            id: "witnesses",
            max: 10,
            shown_when: ShownWhen::Always,
            fields: &[
                F::new("name", Widget::Text, Rule::Name),
                F::new("mobile", Widget::Text, Rule::Mobile)
                    .optional()
                    .input_mode(InputMode::Tel),
                F::new(
                    "details",
                    Widget::Textarea,
                    Rule::Text { min: 2, max: 1000 },
                )
                .optional(),
            ],
        },
    ],
    checks: &[],
    notices: &[],
};

/// Files are sent separately (see `AttachmentUpload`); the step has no typed answers.
pub const ATTACHMENTS: StepSpec = StepSpec {
    id: "attachments",
    fields: &[],
    groups: &[],
    checks: &[],
    notices: &[],
};

pub const SPEC: ServiceSpec = ServiceSpec {
    steps: &[ABOUT_YOU, WHAT_HAPPENED, PEOPLE, ATTACHMENTS],
    applicant: Applicant::Verified {
        mobile_field: "mobile",
    },
    // A complaint goes to the station where it happened, not the complainant's own.
    routing: Routing {
        district_field: "incident_district",
        station_field: "incident_station",
    },
    attachments: Some(AttachmentSpec {
        step: "attachments",
        min: 0,
        max: MAX_ATTACHMENTS,
        photos_only: false,
    }),
    acknowledgement: AckSpec {
        confirm_within_days: Some(CONFIRM_WITHIN_DAYS),
        usual_days: None,
        notices: &[],
        slip: &["name", "category"],
    },
};

/// An incident cannot predate the complainant's birth; caught here because each date alone
/// is valid.
fn incident_not_before_birth(answers: &Answers, _ctx: &Ctx) -> Option<Problem> {
    let dob = parse_date_answer(answer(answers, "dob"))?;
    let incident = parse_date_answer(answer(answers, "incident_date"))?;
    (incident < dob).then(|| Problem::new("incident_date", RuleError::EndBeforeStart))
}

/// An exact time today cannot be later than now (in IST): each answer alone is valid.
fn incident_not_later_today(answers: &Answers, ctx: &Ctx) -> Option<Problem> {
    let now = ctx.time_now?;
    if answer(answers, "date_known") != "exact" {
        return None;
    }
    let date = parse_date_answer(answer(answers, "incident_date"))?;
    let time = crate::rules::time::parse_hhmm(answer(answers, "incident_time")).ok()?;
    (date == ctx.today && time > now)
        .then(|| Problem::new("incident_time", RuleError::LaterThanNow))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::forms::{validate_service, validate_step, Problem};
    use chrono::NaiveDate;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
    }

    fn valid() -> Answers {
        [
            ("name", "सीता देवी"),
            ("relative_name", "Ram Kumar"),
            ("gender", "female"),
            ("dob", "5/3/1990"),
            ("mobile", "+91 98765-43210"),
            ("house", "House 12, Ward 4"),
            ("locality", "Kankarbagh"),
            ("district", "PAT"),
            ("station", "PAT-KOTWALI"),
            ("pin", "८०००२०"),
            ("id_type", "aadhaar"),
            ("id_number", "2345 6789 0124"),
            ("category", "theft"),
            ("date_known", "exact"),
            ("incident_date", "27/11/2026"),
            ("incident_time", "21:30"),
            ("place", "Near Gandhi Maidan bus stand"),
            ("incident_district", "PAT"),
            ("incident_station", "PAT-GANDHI-MAIDAN"),
            (
                "description",
                "My bag with a phone and Rs 2000 was snatched by two men on a bike.",
            ),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect()
    }

    fn fields(problems: &[Problem]) -> Vec<&str> {
        problems.iter().map(|p| p.field.as_str()).collect()
    }

    #[test]
    fn a_complete_complaint_passes() {
        let problems = validate_service(&SPEC, &valid(), &Ctx::offline(today()));
        assert!(problems.is_empty(), "{problems:?}");
    }

    #[test]
    fn empty_about_you_reports_every_required_field_in_order() {
        let problems = validate_step(&ABOUT_YOU, &Answers::new(), &Ctx::offline(today()));
        assert_eq!(
            fields(&problems),
            [
                "name",
                "relative_name",
                "gender",
                "dob",
                "mobile",
                "house",
                "locality",
                "district",
                "station",
                "pin",
                "id_type",
                "id_number"
            ]
        );
        assert!(problems.iter().all(|p| p.error == RuleError::Required));
    }

    #[test]
    fn late_report_needs_a_reason_and_time_only_when_exact() {
        let mut a = valid();
        a.insert("incident_date".into(), "1/11/2026".into());
        let p = validate_step(&WHAT_HAPPENED, &a, &Ctx::offline(today()));
        assert_eq!(fields(&p), ["delay_reason"]);
        a.insert("date_known".into(), "approximate".into());
        a.remove("incident_time");
        a.insert(
            "delay_reason".into(),
            "I was in hospital until yesterday.".into(),
        );
        assert!(validate_step(&WHAT_HAPPENED, &a, &Ctx::offline(today())).is_empty());
    }

    #[test]
    fn station_must_belong_to_the_district_when_lists_are_known() {
        let in_district = |d: &str, s: &str| s.starts_with(&format!("{d}-"));
        let ctx = Ctx {
            today: today(),
            time_now: None,
            station_in_district: Some(&in_district),
            district_exists: None,
        };
        let mut a = valid();
        a.insert("station".into(), "GAY-TOWN".into());
        assert_eq!(fields(&validate_step(&ABOUT_YOU, &a, &ctx)), ["station"]);
    }

    #[test]
    fn repeatable_groups_are_checked_per_entry() {
        let mut a = valid();
        a.insert("suspects".into(), "2".into());
        a.insert("suspects.0.known".into(), "unknown".into());
        a.insert("suspects.1.known".into(), "known".into());
        let p = validate_step(&PEOPLE, &a, &Ctx::offline(today()));
        assert_eq!(fields(&p), ["suspects.1.name"]);
    }

    #[test]
    fn an_exact_time_later_today_is_refused_at_the_ist_boundary() {
        let mut a = valid();
        a.insert("incident_date".into(), "28/11/2026".into());
        a.insert("incident_time".into(), "23:45".into());
        let now = |h, m| today().and_hms_opt(h, m, 0).unwrap();
        let p = validate_step(&WHAT_HAPPENED, &a, &Ctx::at(now(3, 21)));
        assert_eq!(
            p,
            vec![Problem {
                field: "incident_time".into(),
                error: RuleError::LaterThanNow
            }]
        );
        assert!(validate_step(&WHAT_HAPPENED, &a, &Ctx::at(now(23, 45))).is_empty());
        // Yesterday at 23:45 is in the past whatever the time now.
        a.insert("incident_date".into(), "27/11/2026".into());
        assert!(validate_step(&WHAT_HAPPENED, &a, &Ctx::at(now(0, 5))).is_empty());
        // An approximate date keeps no time to compare.
        a.insert("incident_date".into(), "28/11/2026".into());
        a.insert("date_known".into(), "approximate".into());
        assert!(validate_step(&WHAT_HAPPENED, &a, &Ctx::at(now(3, 21))).is_empty());
    }

    #[test]
    fn incident_before_birth_is_refused() {
        let mut a = valid();
        a.insert("incident_date".into(), "1/1/1980".into());
        a.insert("delay_reason".into(), "Reporting an old matter now.".into());
        let p = validate_step(&WHAT_HAPPENED, &a, &Ctx::offline(today()));
        assert_eq!(
            p,
            vec![Problem {
                field: "incident_date".into(),
                error: RuleError::EndBeforeStart
            }]
        );
    }
}
