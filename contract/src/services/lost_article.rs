//! Lost article or document report: a citizen reports what they lost, where and when, and
//! gets a numbered report at once (`BR-LR-…`), as Delhi Police's lost report works, to show a
//! bank, a mobile operator or the passport office. The report carries each item's identifier
//! in the form those institutions check: a phone by its IMEI (Luhn-checked), a document by its
//! type and number (an Aadhaar number kept and printed only as its last four digits), a
//! vehicle by its registration, a bank card by its last four digits only (a full card number
//! is refused, so it is never stored).

use crate::forms::{
    concat_fields, AckSpec, FieldSpec as F, GroupSpec, InputMode, Routing, Rule, ServiceSpec,
    ShownWhen, StepSpec, Widget,
};
use crate::rules::date::DateBounds;
use crate::services::blocks::{APPLICANT, APPLICANT_ADDRESS, BY_APPLICANT_MOBILE};

/// What was lost. The document kinds are the ID types whose number rules the forms engine
/// already knows (`forms::ID_TYPES`), so `doc_number` is checked as that document's number.
pub const KINDS: &[&str] = &[
    "mobile_phone",
    "aadhaar",
    "pan",
    "passport",
    "driving_licence",
    "vehicle_rc",
    "bank_card",
    "other",
];
/// The documents identified by a number checked by its own rule.
const NUMBERED_DOCUMENTS: &[&str] = &["aadhaar", "pan", "passport", "driving_licence"];
/// The day is known, or only roughly ("I don't know exactly").
pub const DATE_KNOWN: &[&str] = &["exact", "not_sure"];
/// More items after the first.
pub const MORE_ITEMS_MAX: usize = 9;

/// One lost item: its kind and the identifier that kind has. Used for the first item and for
/// each further one, with the same text (`lost_article.item_*`).
const ITEM: [F; 6] = [
    F::new("kind", Widget::Select, Rule::Choice)
        .options(KINDS)
        .text("lost_article.item_kind"),
    F::new("imei", Widget::Text, Rule::Imei)
        .input_mode(InputMode::Numeric)
        .shown_when(ShownWhen::Equals("kind", "mobile_phone"))
        .text("lost_article.item_imei"),
    F::new(
        "doc_number",
        Widget::Text,
        Rule::IdNumber { type_field: "kind" },
    )
    .masked()
    .shown_when(ShownWhen::OneOf("kind", NUMBERED_DOCUMENTS))
    .text("lost_article.item_doc_number"),
    F::new("registration", Widget::Text, Rule::Vehicle)
        .shown_when(ShownWhen::Equals("kind", "vehicle_rc"))
        .text("lost_article.item_registration"),
    F::new("card_last4", Widget::Text, Rule::CardLast4)
        .input_mode(InputMode::Numeric)
        .shown_when(ShownWhen::Equals("kind", "bank_card"))
        .text("lost_article.item_card_last4"),
    F::new(
        "item_description",
        Widget::Textarea,
        Rule::Text { min: 2, max: 300 },
    )
    .shown_when(ShownWhen::Equals("kind", "other"))
    .text("lost_article.item_description"),
];

const ABOUT_YOU: [F; 11] = concat_fields(APPLICANT, APPLICANT_ADDRESS);

pub const SPEC: ServiceSpec = ServiceSpec {
    steps: &[
        StepSpec {
            id: "about-you",
            fields: &ABOUT_YOU,
            ..StepSpec::EMPTY
        },
        StepSpec {
            id: "items",
            fields: &ITEM,
            groups: &[GroupSpec {
                id: "more_items",
                fields: &ITEM,
                max: MORE_ITEMS_MAX,
                shown_when: ShownWhen::Always,
            }],
            ..StepSpec::EMPTY
        },
        StepSpec {
            id: "where-when",
            fields: &[
                F::new("date_known", Widget::Radios, Rule::Choice).options(DATE_KNOWN),
                F::new("lost_date", Widget::Date, Rule::Date(DateBounds::past()))
                    .shown_when(ShownWhen::Equals("date_known", "exact")),
                F::new("lost_period", Widget::Text, Rule::Text { min: 2, max: 200 })
                    .shown_when(ShownWhen::Equals("date_known", "not_sure")),
                F::new("lost_place", Widget::Text, Rule::Text { min: 2, max: 300 }),
                F::new("lost_district", Widget::District, Rule::District),
                F::new(
                    "lost_station",
                    Widget::Station {
                        district_field: "lost_district",
                    },
                    Rule::Station,
                ),
                F::new(
                    "description",
                    Widget::Textarea,
                    Rule::Text { min: 10, max: 2000 },
                ),
            ],
            ..StepSpec::EMPTY
        },
    ],
    applicant: BY_APPLICANT_MOBILE,
    routing: Routing {
        district_field: "lost_district",
        station_field: "lost_station",
    },
    attachments: None,
    acknowledgement: AckSpec {
        confirm_within_days: None,
        // The report is issued at once; no decision to wait for.
        usual_days: None,
        notices: &[],
        slip: &[
            "name",
            "kind",
            "imei",
            "doc_number",
            "registration",
            "card_last4",
            "item_description",
            "more_items",
            "lost_place",
        ],
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
            ("name", "Sita Devi"),
            ("relative_name", "Ram Kumar"),
            ("gender", "female"),
            ("dob", "5/3/1990"),
            ("mobile", "9876543210"),
            ("email", ""),
            ("house", "House 12"),
            ("locality", "Kankarbagh"),
            ("district", "PAT"),
            ("station", "PAT-KOTWALI"),
            ("pin", "800020"),
            ("kind", "mobile_phone"),
            ("imei", "490154203237518"),
            ("date_known", "not_sure"),
            ("lost_period", "Between 28 and 30 November"),
            ("lost_place", "Between Patna Junction and Boring Road"),
            ("lost_district", "PAT"),
            ("lost_station", "PAT-GANDHI-MAIDAN"),
            ("description", "Lost from my bag in an auto-rickshaw."),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect()
    }

    fn problems(a: &Answers) -> Vec<(String, RuleError)> {
        validate_service(&SPEC, a, &ctx())
            .into_iter()
            .map(|p| (p.field, p.error))
            .collect()
    }

    fn with(changes: &[(&str, &str)]) -> Answers {
        let mut a = valid();
        for (k, v) in changes {
            a.insert((*k).to_owned(), (*v).to_owned());
        }
        a
    }

    #[test]
    fn a_complete_report_with_a_rough_date_passes() {
        assert_eq!(problems(&valid()), vec![]);
    }

    #[test]
    fn a_phone_needs_an_imei_with_its_check_digit() {
        assert_eq!(
            problems(&with(&[("imei", "490154203237517")])),
            vec![("imei".into(), RuleError::Checksum)]
        );
        assert_eq!(
            problems(&with(&[("imei", "")])),
            vec![("imei".into(), RuleError::Required)]
        );
    }

    #[test]
    fn a_document_is_checked_as_its_own_kind() {
        let aadhaar = with(&[("kind", "aadhaar"), ("doc_number", "234567890123")]);
        assert_eq!(
            problems(&aadhaar),
            vec![("doc_number".into(), RuleError::Checksum)]
        );
        let pan = with(&[("kind", "pan"), ("doc_number", "ABCPE1234F")]);
        assert_eq!(problems(&pan), vec![]);
        let passport = with(&[("kind", "passport"), ("doc_number", "ABCDE1234F")]);
        assert_eq!(
            problems(&passport),
            vec![("doc_number".into(), RuleError::Invalid)]
        );
    }

    #[test]
    fn a_bank_card_takes_only_its_last_four_digits() {
        let card = |n: &str| with(&[("kind", "bank_card"), ("card_last4", n)]);
        assert_eq!(problems(&card("4321")), vec![]);
        assert_eq!(
            problems(&card("4111 1111 1111 1111")),
            vec![("card_last4".into(), RuleError::FullCardNumber)]
        );
        assert_eq!(
            problems(&card("43210")),
            vec![("card_last4".into(), RuleError::Invalid)]
        );
    }

    #[test]
    fn further_items_are_checked_like_the_first() {
        let more = with(&[
            ("more_items", "2"),
            ("more_items.0.kind", "vehicle_rc"),
            ("more_items.0.registration", "BR 01 AB 1234"),
            ("more_items.1.kind", "bank_card"),
            ("more_items.1.card_last4", "4111111111111111"),
        ]);
        assert_eq!(
            problems(&more),
            vec![("more_items.1.card_last4".into(), RuleError::FullCardNumber)]
        );
    }

    #[test]
    fn an_exact_date_is_a_past_date() {
        let exact = |d: &str| with(&[("date_known", "exact"), ("lost_date", d)]);
        assert_eq!(problems(&exact("1/12/2026")), vec![]);
        assert_eq!(
            problems(&exact("3/12/2026")),
            vec![("lost_date".into(), RuleError::InFuture)]
        );
    }

    #[test]
    fn the_slip_carries_each_items_identifier_and_no_other_answer() {
        let a = with(&[
            ("more_items", "2"),
            ("more_items.0.kind", "aadhaar"),
            ("more_items.0.doc_number", "XXXX XXXX 9012"),
            ("more_items.1.kind", "bank_card"),
            ("more_items.1.card_last4", "4321"),
        ]);
        let keys: Vec<String> = SPEC.slip_answers(&a).into_iter().map(|(k, _)| k).collect();
        assert_eq!(
            keys,
            [
                "name",
                "kind",
                "imei",
                "more_items.0.kind",
                "more_items.0.doc_number",
                "more_items.1.kind",
                "more_items.1.card_last4",
                "lost_place",
            ]
        );
    }
}
