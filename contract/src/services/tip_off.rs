//! Confidential tip-off: anyone tells the police about a crime (drugs, illegal liquor, arms,
//! gambling, trafficking, cyber crime) without saying who they are. No name, no mobile, no OTP
//! ([`Applicant::Anonymous`]); the answer is a tip number (`BR-TIP-…`), whose status says only
//! "received" or "action taken" ([`crate::lifecycle::Lifecycle::Tip`]). With the number alone,
//! more may be added to the tip later ([`addition`]).

use crate::forms::{
    AckSpec, Applicant, AttachmentSpec, FieldSpec as F, Routing, Rule, ServiceSpec, ShownWhen,
    StepSpec, Widget,
};
use crate::rules::RuleError;

/// What the tip says, and each thing added to it later by its number.
pub const DESCRIPTION: Rule = Rule::Text { min: 10, max: 2000 };
/// Additions one tip may get.
pub const MAX_ADDITIONS: usize = 20;

/// More for a tip, checked and cleaned as its description is.
pub fn addition(raw: &str) -> Result<String, RuleError> {
    let Rule::Text { min, max } = DESCRIPTION else {
        unreachable!("a tip's description is free text")
    };
    crate::rules::text::parse(raw, min, max)
}

pub const CATEGORIES: &[&str] = &[
    "drugs",
    "illegal_liquor",
    "illegal_arms",
    "gambling",
    "human_trafficking",
    "cyber_crime",
    "other",
];

pub const SPEC: ServiceSpec = ServiceSpec {
    steps: &[
        StepSpec {
            id: "tip",
            fields: &[
                F::new("category", Widget::Radios, Rule::Choice).options(CATEGORIES),
                F::new(
                    "other_category",
                    Widget::Text,
                    Rule::Text { min: 2, max: 100 },
                )
                .shown_when(ShownWhen::Equals("category", "other")),
                F::new("place", Widget::Text, Rule::Text { min: 2, max: 300 }),
                F::new("district", Widget::District, Rule::District),
                F::new(
                    "station",
                    Widget::Station {
                        district_field: "district",
                    },
                    Rule::Station,
                ),
                F::new("description", Widget::Textarea, DESCRIPTION),
            ],
            ..StepSpec::EMPTY
        },
        StepSpec {
            id: "attachment",
            ..StepSpec::EMPTY
        },
    ],
    applicant: Applicant::Anonymous,
    routing: Routing {
        district_field: "district",
        station_field: "station",
    },
    attachments: Some(AttachmentSpec {
        step: "attachment",
        min: 0,
        max: 1,
        photos_only: false,
    }),
    acknowledgement: AckSpec {
        confirm_within_days: None,
        // Nobody is told more than "received" or "action taken"; no time is promised.
        usual_days: None,
        notices: &[],
        // The slip names what the tip is about; nothing of the sender.
        slip: &["category"],
    },
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::forms::{validate_service, Answers, Ctx};
    use crate::rules::RuleError;
    use chrono::NaiveDate;

    fn ctx() -> Ctx<'static> {
        Ctx::at(
            NaiveDate::from_ymd_opt(2026, 12, 2)
                .unwrap()
                .and_hms_opt(10, 0, 0)
                .unwrap(),
        )
    }

    fn valid() -> Answers {
        [
            ("category", "illegal_liquor"),
            ("place", "Behind the old bus stand, Bihta"),
            ("district", "PAT"),
            ("station", "PAT-KOTWALI"),
            (
                "description",
                "Liquor is sold from a tea stall every evening after 8.",
            ),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect()
    }

    fn errors(answers: &Answers) -> Vec<(String, RuleError)> {
        validate_service(&SPEC, answers, &ctx())
            .into_iter()
            .map(|p| (p.field, p.error))
            .collect()
    }

    #[test]
    fn a_tip_needs_no_name_or_mobile_and_declares_none() {
        assert_eq!(errors(&valid()), vec![]);
        assert_eq!(SPEC.applicant.mobile_field(), None);
        for step in SPEC.steps {
            for f in step.fields {
                assert!(
                    !matches!(f.rule, Rule::Mobile | Rule::Name | Rule::Email),
                    "{}: a tip asks nothing that identifies the sender",
                    f.id
                );
            }
        }
    }

    #[test]
    fn other_needs_its_kind_and_the_description_its_length() {
        let mut a = valid();
        a.insert("category".into(), "other".into());
        a.insert("description".into(), "short".into());
        assert_eq!(
            errors(&a),
            vec![
                ("other_category".into(), RuleError::Required),
                ("description".into(), RuleError::TooShort { min: 10 })
            ]
        );
        a.insert("other_category".into(), "Sand mining at night".into());
        a.insert(
            "description".into(),
            "Trucks take sand from the river bed at night.".into(),
        );
        assert_eq!(errors(&a), vec![]);
        a.insert("category".into(), "bribery".into());
        assert_eq!(errors(&a), vec![("category".into(), RuleError::Invalid)]);
    }

    #[test]
    fn an_addition_is_checked_and_cleaned_as_the_description_is() {
        assert_eq!(addition("  "), Err(RuleError::Required));
        assert_eq!(addition("छोटा"), Err(RuleError::TooShort { min: 10 }));
        assert_eq!(
            addition(&"क".repeat(2001)),
            Err(RuleError::TooLong { max: 2000 })
        );
        assert_eq!(
            addition(" The truck comes at 2 a.m.\u{202E} "),
            Ok("The truck comes at 2 a.m.".to_owned())
        );
    }

    #[test]
    fn at_most_one_file_and_none_needed() {
        let a = SPEC.attachments.unwrap();
        assert_eq!((a.min, a.max, a.photos_only), (0, 1, false));
    }
}
