//! Missing person report: someone reports a person missing to the station of the place where
//! they were last seen, with what the police search by (NCRB, Tamil Nadu: gender, age,
//! height, build, complexion, marks, clothes, a photo). No waiting period applies, and a
//! missing child is reported to 112 or 1098 at once: the start page says so first, and the
//! acknowledgement of a report about a child (under 18) says it again.

use crate::forms::{
    answer, concat_fields, parse_date_answer, AckSpec, Answers, Ctx, FieldSpec as F, InputMode,
    Notice, Problem, Routing, Rule, ServiceSpec, ShownWhen, StepSpec, Widget,
};
use crate::rules::{date::DateBounds, RuleError};
use crate::services::blocks::{
    APPLICANT, BIRTH, BY_APPLICANT_MOBILE, GENDERS, ONE_PHOTO, PHOTO_STEP,
};
use crate::services::checks::{not_later_than_now, same_mobile_as_any};

/// The reporter's relationship to the missing person.
pub const RELATIONS: &[&str] = &[
    "parent",
    "spouse",
    "child",
    "sibling",
    "relative",
    "friend",
    "neighbour",
    "other",
];
/// A date of birth, or only an age.
pub const AGE_KNOWN: &[&str] = &["dob", "age"];
pub const BUILDS: &[&str] = &["thin", "medium", "heavy"];
pub const COMPLEXIONS: &[&str] = &["fair", "wheatish", "dark"];
/// Younger than this is a child: 112 or 1098 at once.
pub const CHILD_UNDER: u32 = 18;

const ABOUT_YOU: [F; 7] = concat_fields(
    APPLICANT,
    [F::new("relation", Widget::Select, Rule::Choice).options(RELATIONS)],
);

const DESCRIBED: Rule = Rule::Text { min: 2, max: 500 };

pub const SPEC: ServiceSpec = ServiceSpec {
    steps: &[
        StepSpec {
            id: "about-you",
            fields: &ABOUT_YOU,
            ..StepSpec::EMPTY
        },
        StepSpec {
            id: "person",
            fields: &[
                F::new("missing_name", Widget::Text, Rule::Name).text("person.name"),
                F::new("missing_relative_name", Widget::Text, Rule::Name)
                    .text("person.relative_name"),
                F::new("missing_gender", Widget::Radios, Rule::Choice)
                    .options(GENDERS)
                    .text("person.gender"),
                F::new("age_known", Widget::Radios, Rule::Choice).options(AGE_KNOWN),
                F::new("missing_dob", Widget::Date, Rule::Date(BIRTH))
                    .shown_when(ShownWhen::Equals("age_known", "dob"))
                    .text("person.dob"),
                F::new(
                    "missing_age",
                    Widget::Text,
                    Rule::Number { min: 0, max: 120 },
                )
                .input_mode(InputMode::Numeric)
                .shown_when(ShownWhen::Equals("age_known", "age")),
                F::new("missing_mobile", Widget::Text, Rule::Mobile)
                    .optional()
                    .input_mode(InputMode::Tel)
                    .text("person.mobile"),
                F::new("languages", Widget::Text, Rule::Text { min: 2, max: 200 }),
            ],
            checks: &[their_mobile_is_not_the_reporters],
            ..StepSpec::EMPTY
        },
        StepSpec {
            id: "description",
            fields: &[
                F::new(
                    "height_cm",
                    Widget::Text,
                    Rule::Number { min: 30, max: 250 },
                )
                .input_mode(InputMode::Numeric),
                F::new("build", Widget::Radios, Rule::Choice).options(BUILDS),
                F::new("complexion", Widget::Radios, Rule::Choice).options(COMPLEXIONS),
                F::new("marks", Widget::Textarea, DESCRIBED).optional(),
                F::new("clothes", Widget::Textarea, DESCRIBED),
            ],
            ..StepSpec::EMPTY
        },
        StepSpec {
            id: "last-seen",
            fields: &[
                F::new(
                    "last_seen_date",
                    Widget::Date,
                    Rule::Date(DateBounds::past()),
                ),
                F::new("last_seen_time", Widget::Time, Rule::Time).optional(),
                F::new(
                    "last_seen_place",
                    Widget::Text,
                    Rule::Text { min: 2, max: 300 },
                ),
                F::new("last_seen_district", Widget::District, Rule::District),
                F::new(
                    "last_seen_station",
                    Widget::Station {
                        district_field: "last_seen_district",
                    },
                    Rule::Station,
                ),
            ],
            groups: &[],
            checks: &[seen_after_birth, seen_no_later_than_now],
            notices: &[],
        },
        PHOTO_STEP,
    ],
    applicant: BY_APPLICANT_MOBILE,
    routing: Routing {
        district_field: "last_seen_district",
        station_field: "last_seen_station",
    },
    attachments: Some(ONE_PHOTO),
    acknowledgement: AckSpec {
        confirm_within_days: None,
        // A search promises no usual time.
        usual_days: None,
        notices: &[
            Notice {
                id: "child",
                when: ShownWhen::AgeUnder("missing_dob", CHILD_UNDER),
            },
            Notice {
                id: "child",
                when: ShownWhen::NumberBelow("missing_age", CHILD_UNDER),
            },
        ],
        slip: &["name", "missing_name"],
    },
};

/// The police call the missing person's number to trace them: the reporter's own is a slip.
fn their_mobile_is_not_the_reporters(answers: &Answers, _ctx: &Ctx) -> Option<Problem> {
    same_mobile_as_any(answers, "missing_mobile", &["mobile"])
        .then(|| Problem::new("missing_mobile", RuleError::SameAsOther))
}

/// Nobody is seen before they are born (a date of birth and a last-seen date each valid).
fn seen_after_birth(answers: &Answers, _ctx: &Ctx) -> Option<Problem> {
    if answer(answers, "age_known") != "dob" {
        return None;
    }
    let born = parse_date_answer(answer(answers, "missing_dob"))?;
    let seen = parse_date_answer(answer(answers, "last_seen_date"))?;
    (seen < born).then(|| Problem::new("last_seen_date", RuleError::EndBeforeStart))
}

/// Last seen today at a time that has not come yet (IST).
fn seen_no_later_than_now(answers: &Answers, ctx: &Ctx) -> Option<Problem> {
    not_later_than_now(answers, ctx, "last_seen_date", "last_seen_time")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::forms::{notices_shown, retain_declared, validate_service};
    use chrono::NaiveDate;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
    }

    fn valid() -> Answers {
        [
            ("name", "Sunita Devi"),
            ("relative_name", "Ramesh Paswan"),
            ("gender", "female"),
            ("dob", "3/3/1985"),
            ("mobile", "9876543210"),
            ("relation", "parent"),
            ("missing_name", "Rohit Kumar"),
            ("missing_relative_name", "Ramesh Paswan"),
            ("missing_gender", "male"),
            ("age_known", "dob"),
            ("missing_dob", "10/6/2014"),
            ("missing_mobile", "9123456780"),
            ("languages", "Hindi, Magahi"),
            ("height_cm", "142"),
            ("build", "thin"),
            ("complexion", "wheatish"),
            ("marks", "A small scar above the right eyebrow"),
            ("clothes", "Blue school shirt, grey trousers, black sandals"),
            ("last_seen_date", "30/11/2026"),
            ("last_seen_time", "16:30"),
            ("last_seen_place", "Outside the school gate, Kankarbagh"),
            ("last_seen_district", "PAT"),
            ("last_seen_station", "PAT-KOTWALI"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect()
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

    /// The acknowledgement's notices, as the server decides them from what it keeps.
    fn ack_notices(a: &Answers, on: NaiveDate) -> Vec<&'static str> {
        let kept = retain_declared(&SPEC, a, on);
        notices_shown(SPEC.acknowledgement.notices, &kept, on)
    }

    #[test]
    fn a_complete_report_passes_with_an_age_or_a_date_of_birth() {
        assert_eq!(problems(&valid()), vec![]);
        let mut a = valid();
        a.insert("age_known".into(), "age".into());
        assert_eq!(problems(&a), one("missing_age", RuleError::Required));
        a.insert("missing_age".into(), "१२".into());
        assert_eq!(problems(&a), vec![]);
        // Marks, a time and their own mobile may be unknown.
        for k in ["marks", "last_seen_time", "missing_mobile"] {
            a.remove(k);
        }
        assert_eq!(problems(&a), vec![]);
    }

    #[test]
    fn height_is_a_number_in_centimetres() {
        let mut a = valid();
        a.insert("height_cm".into(), "4 feet 8".into());
        assert_eq!(problems(&a), one("height_cm", RuleError::Invalid));
        a.insert("height_cm".into(), "20".into());
        assert_eq!(problems(&a), one("height_cm", RuleError::OutOfRange));
    }

    #[test]
    fn last_seen_is_not_before_birth_nor_later_than_now() {
        let mut a = valid();
        a.insert("last_seen_date".into(), "1/1/2010".into());
        assert_eq!(
            problems(&a),
            one("last_seen_date", RuleError::EndBeforeStart)
        );
        // With only an age there is no birth date to compare.
        a.insert("age_known".into(), "age".into());
        a.insert("missing_age".into(), "12".into());
        assert_eq!(problems(&a), vec![]);
        // Today at 16:30 is later than 16:00 in India.
        let mut a = valid();
        a.insert("last_seen_date".into(), "1/12/2026".into());
        let step = SPEC.step("last-seen").unwrap();
        let at = |h, m| Ctx::at(today().and_hms_opt(h, m, 0).unwrap());
        assert_eq!(
            crate::forms::validate_step(step, &a, &at(16, 0)),
            vec![Problem::new("last_seen_time", RuleError::LaterThanNow)]
        );
        assert_eq!(crate::forms::validate_step(step, &a, &at(16, 30)), vec![]);
    }

    #[test]
    fn their_mobile_is_not_the_reporters_own() {
        let mut a = valid();
        a.insert("missing_mobile".into(), "+91 98765 43210".into());
        assert_eq!(problems(&a), one("missing_mobile", RuleError::SameAsOther));
    }

    #[test]
    fn a_child_under_18_brings_the_112_1098_notice_to_the_acknowledgement() {
        // Born 10/6/2014: 12.
        assert_eq!(ack_notices(&valid(), today()), ["child"]);
        // 18 on the day of the report is not a child; 17 the day before is.
        let mut a = valid();
        a.insert("missing_dob".into(), "1/12/2008".into());
        assert!(ack_notices(&a, today()).is_empty());
        a.insert("missing_dob".into(), "2/12/2008".into());
        assert_eq!(ack_notices(&a, today()), ["child"]);
        // By age: 17 is a child, 18 is not.
        a.insert("age_known".into(), "age".into());
        a.insert("missing_age".into(), "17".into());
        assert_eq!(ack_notices(&a, today()), ["child"]);
        a.insert("missing_age".into(), "18".into());
        assert!(ack_notices(&a, today()).is_empty());
        // A date of birth no longer shown (an age was chosen) does not count.
        a.insert("missing_dob".into(), "1/1/2015".into());
        assert!(ack_notices(&a, today()).is_empty());
    }
}
