//! Character certificate (police clearance): an adult asks the police to certify that it has
//! nothing against them (UP, Haryana, Delhi, Maharashtra). The police check every address of
//! the last five years, three documents and two neighbours, so the form asks for all of them.
//! The filing goes to the station of the current address.

use crate::any_address_fields;
use crate::forms::{
    answer, concat_fields, group_len, parse_date_answer, AckSpec, Answers, Ctx, FieldSpec as F,
    GroupSpec, InputMode, Problem, Routing, Rule, ServiceSpec, ShownWhen, StepSpec, Widget,
};
use crate::rules::{date::DateBounds, RuleError};
use crate::services::blocks::{
    ADDRESS_LINE, ADULT_APPLICANT, APPLICANT_ADDRESS, APPLICANT_ID, BY_APPLICANT_MOBILE, ONE_PHOTO,
    PHOTO_STEP,
};
use crate::services::checks::{covers, first_repeat, same_mobile_as_any, Period};
use chrono::Months;

pub const PURPOSES: &[&str] = &["job", "passport", "visa", "other"];
/// Documents that show where the applicant lives.
pub const ADDRESS_PROOFS: &[&str] = &[
    "aadhaar",
    "epic",
    "passport",
    "driving_licence",
    "electricity_bill",
    "ration_card",
    "bank_passbook",
    "rent_agreement",
];
/// Documents that show the date of birth.
pub const DOB_PROOFS: &[&str] = &[
    "birth_certificate",
    "school_certificate",
    "aadhaar",
    "pan",
    "passport",
    "driving_licence",
    "epic",
];
/// The addresses must cover this many years up to today...
pub const HISTORY_YEARS: u32 = 5;
/// ...leaving no more than this many days without an address anywhere.
pub const MAX_GAP_DAYS: i64 = 30;
/// Earlier addresses a citizen may list.
pub const MAX_ADDRESSES: usize = 10;
/// UP Police's published turnaround (Delhi's PCC: 7).
pub const USUAL_DAYS: u32 = 6;

const PAST: DateBounds = DateBounds::past();

/// One earlier address: where, and from when to when.
const ADDRESS_ENTRY: [F; 7] = concat_fields(
    any_address_fields!(""),
    [
        F::new("from", Widget::Date, Rule::Date(PAST)),
        F::new("to", Widget::Date, Rule::Date(PAST)),
    ],
);

const ADDRESSES: GroupSpec = GroupSpec {
    id: "addresses",
    fields: &ADDRESS_ENTRY,
    max: MAX_ADDRESSES,
    shown_when: ShownWhen::Always,
};

const DOCUMENTS: [F; 4] = concat_fields(
    APPLICANT_ID,
    [
        F::new("address_proof", Widget::Select, Rule::Choice).options(ADDRESS_PROOFS),
        F::new("dob_proof", Widget::Select, Rule::Choice).options(DOB_PROOFS),
    ],
);

const NEIGHBOURS: [F; 6] = [
    F::new("ref1_name", Widget::Text, Rule::Name),
    F::new("ref1_mobile", Widget::Text, Rule::Mobile).input_mode(InputMode::Tel),
    F::new("ref1_address", Widget::Text, ADDRESS_LINE),
    F::new("ref2_name", Widget::Text, Rule::Name),
    F::new("ref2_mobile", Widget::Text, Rule::Mobile).input_mode(InputMode::Tel),
    F::new("ref2_address", Widget::Text, ADDRESS_LINE),
];

pub const SPEC: ServiceSpec = ServiceSpec {
    steps: &[
        StepSpec {
            id: "about-you",
            fields: &ADULT_APPLICANT,
            ..StepSpec::EMPTY
        },
        StepSpec {
            id: "purpose",
            fields: &[
                F::new("purpose", Widget::Radios, Rule::Choice).options(PURPOSES),
                F::new(
                    "purpose_detail",
                    Widget::Text,
                    Rule::Text { min: 2, max: 200 },
                )
                .shown_when(ShownWhen::Equals("purpose", "other")),
            ],
            ..StepSpec::EMPTY
        },
        StepSpec {
            id: "address",
            fields: &APPLICANT_ADDRESS,
            ..StepSpec::EMPTY
        },
        StepSpec {
            id: "address-history",
            fields: &[F::new("lived_since", Widget::Date, Rule::Date(PAST))],
            groups: &[ADDRESSES],
            checks: &[addresses_cover_five_years],
            ..StepSpec::EMPTY
        },
        StepSpec {
            id: "documents",
            fields: &DOCUMENTS,
            checks: &[three_different_documents],
            ..StepSpec::EMPTY
        },
        StepSpec {
            id: "neighbours",
            fields: &NEIGHBOURS,
            checks: &[
                first_neighbour_is_someone_else,
                second_neighbour_is_someone_else,
            ],
            ..StepSpec::EMPTY
        },
        PHOTO_STEP,
    ],
    applicant: BY_APPLICANT_MOBILE,
    routing: Routing {
        district_field: "district",
        station_field: "station",
    },
    attachments: Some(ONE_PHOTO),
    acknowledgement: AckSpec {
        confirm_within_days: None,
        usual_days: Some(USUAL_DAYS),
        notices: &[],
        slip: &["name", "purpose"],
    },
};

/// The current address (from `lived_since` to today) and the earlier ones together cover the
/// last five years without a gap of more than 30 days and without overlapping; the problem is
/// shown on the address that breaks it. Skipped while a date is missing or invalid: that
/// date's own error is shown instead.
fn addresses_cover_five_years(answers: &Answers, ctx: &Ctx) -> Option<Problem> {
    let date = |key: &str| parse_date_answer(answer(answers, key));
    let mut periods = vec![Period {
        from_field: "lived_since".into(),
        to_field: None,
        from: date("lived_since")?,
        to: ctx.today,
    }];
    for i in 0..group_len(answers, &ADDRESSES) {
        let (from, to) = (format!("addresses.{i}.from"), format!("addresses.{i}.to"));
        periods.push(Period {
            from: date(&from)?,
            to: date(&to)?,
            from_field: from,
            to_field: Some(to),
        });
    }
    let start = ctx
        .today
        .checked_sub_months(Months::new(12 * HISTORY_YEARS))?;
    covers(&periods, start, ctx.today, MAX_GAP_DAYS)
}

/// The ID, address and date-of-birth proofs are three different documents: one Aadhaar card
/// does not count three times.
fn three_different_documents(answers: &Answers, _ctx: &Ctx) -> Option<Problem> {
    first_repeat(answers, &["id_type", "address_proof", "dob_proof"])
        .map(|field| Problem::new(field, RuleError::SameAsOther))
}

/// A neighbour vouches for the applicant: their number cannot be the applicant's own.
fn first_neighbour_is_someone_else(answers: &Answers, _ctx: &Ctx) -> Option<Problem> {
    same_mobile_as_any(answers, "ref1_mobile", &["mobile"])
        .then(|| Problem::new("ref1_mobile", RuleError::SameAsOther))
}

/// Two references, two people: the second's number is neither the applicant's nor the first's.
fn second_neighbour_is_someone_else(answers: &Answers, _ctx: &Ctx) -> Option<Problem> {
    same_mobile_as_any(answers, "ref2_mobile", &["mobile", "ref1_mobile"])
        .then(|| Problem::new("ref2_mobile", RuleError::SameAsOther))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::forms::validate_service;
    use chrono::NaiveDate;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
    }

    fn valid() -> Answers {
        [
            ("name", "प्रिया कुमारी"),
            ("relative_name", "Arun Kumar"),
            ("gender", "female"),
            ("dob", "12/4/1998"),
            ("mobile", "9876543210"),
            ("purpose", "job"),
            ("house", "House 21, Lane 3"),
            ("locality", "Rajendra Nagar"),
            ("district", "PAT"),
            ("station", "PAT-KOTWALI"),
            ("pin", "800016"),
            ("lived_since", "1/3/2024"),
            ("addresses", "1"),
            ("addresses.0.house", "Quarter 7, Railway Colony"),
            ("addresses.0.locality", "Station Road"),
            ("addresses.0.town", "Gaya"),
            ("addresses.0.state", "Bihar"),
            ("addresses.0.pin", "823001"),
            ("addresses.0.from", "1/6/2015"),
            ("addresses.0.to", "29/2/2024"),
            ("id_type", "pan"),
            ("id_number", "ABCPK1234D"),
            ("address_proof", "electricity_bill"),
            ("dob_proof", "school_certificate"),
            ("ref1_name", "Sunil Verma"),
            ("ref1_mobile", "9123456780"),
            ("ref1_address", "House 23, Lane 3, Rajendra Nagar"),
            ("ref2_name", "Meena Devi"),
            ("ref2_mobile", "9000000001"),
            ("ref2_address", "House 19, Lane 3, Rajendra Nagar"),
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

    #[test]
    fn a_complete_application_passes() {
        assert_eq!(problems(&valid()), vec![]);
    }

    #[test]
    fn the_applicant_is_an_adult_and_other_purpose_says_which() {
        let mut a = valid();
        a.insert("dob".into(), "2/12/2008".into());
        a.insert("purpose".into(), "other".into());
        assert_eq!(
            problems(&a),
            vec![
                ("dob".to_owned(), RuleError::TooYoung { min_years: 18 }),
                ("purpose_detail".to_owned(), RuleError::Required),
            ]
        );
        // 18 today.
        a.insert("dob".into(), "1/12/2008".into());
        a.insert(
            "purpose_detail".into(),
            "Admission to a nursing course".into(),
        );
        assert_eq!(problems(&a), vec![]);
    }

    #[test]
    fn five_years_at_one_address_need_no_earlier_one() {
        let mut a = valid();
        a.insert("lived_since".into(), "1/12/2021".into());
        a.remove("addresses");
        assert_eq!(problems(&a), vec![]);
        // One day short of five years, which the 30 days allow.
        a.insert("lived_since".into(), "2/12/2021".into());
        assert_eq!(problems(&a), vec![]);
        // Less than five years, and nothing before it.
        a.insert("lived_since".into(), "1/1/2022".into());
        assert_eq!(problems(&a), one("lived_since", RuleError::Gap));
    }

    #[test]
    fn a_gap_of_more_than_30_days_is_shown_on_the_address_after_it() {
        let mut a = valid();
        // 30 days with no address (30/1 to 29/2) is allowed...
        a.insert("addresses.0.to".into(), "30/1/2024".into());
        assert_eq!(problems(&a), vec![]);
        // ...31 are not: shown on the current address, which starts after the gap.
        a.insert("addresses.0.to".into(), "29/1/2024".into());
        assert_eq!(problems(&a), one("lived_since", RuleError::Gap));
        // A gap between two earlier addresses is on the later one, whatever the order given.
        let mut a = valid();
        for (k, v) in [
            ("addresses", "2"),
            ("addresses.0.from", "1/9/2020"),
            ("addresses.1.house", "Room 4, Sinha Lodge"),
            ("addresses.1.locality", "Boring Road"),
            ("addresses.1.town", "Patna"),
            ("addresses.1.state", "Bihar"),
            ("addresses.1.pin", "800001"),
            ("addresses.1.from", "1/1/2016"),
            ("addresses.1.to", "30/6/2020"),
        ] {
            a.insert(k.into(), v.into());
        }
        assert_eq!(problems(&a), one("addresses.0.from", RuleError::Gap));
        a.insert("addresses.0.from".into(), "1/7/2020".into());
        assert_eq!(problems(&a), vec![]);
    }

    #[test]
    fn addresses_that_do_not_reach_back_five_years_or_overlap_are_refused() {
        let mut a = valid();
        a.insert("addresses.0.from".into(), "1/6/2022".into());
        assert_eq!(problems(&a), one("addresses.0.from", RuleError::Gap));
        let mut a = valid();
        a.insert("addresses.0.to".into(), "1/6/2024".into());
        assert_eq!(problems(&a), one("lived_since", RuleError::Overlap));
        let mut a = valid();
        a.insert("addresses.0.to".into(), "1/6/2014".into());
        assert_eq!(
            problems(&a),
            one("addresses.0.to", RuleError::EndBeforeStart)
        );
        // A date that is not a date is that field's error, not the history's.
        let mut a = valid();
        a.insert("addresses.0.from".into(), "31/2/2015".into());
        assert_eq!(
            problems(&a),
            one("addresses.0.from", RuleError::InvalidDate)
        );
    }

    #[test]
    fn the_three_documents_are_different() {
        let mut a = valid();
        a.insert("id_type".into(), "aadhaar".into());
        a.insert("id_number".into(), "2345 6789 0124".into());
        a.insert("address_proof".into(), "aadhaar".into());
        assert_eq!(problems(&a), one("address_proof", RuleError::SameAsOther));
        a.insert("address_proof".into(), "passport".into());
        a.insert("dob_proof".into(), "passport".into());
        assert_eq!(problems(&a), one("dob_proof", RuleError::SameAsOther));
        a.insert("dob_proof".into(), "aadhaar".into());
        assert_eq!(problems(&a), one("dob_proof", RuleError::SameAsOther));
        a.insert("dob_proof".into(), "birth_certificate".into());
        assert_eq!(problems(&a), vec![]);
    }

    #[test]
    fn neither_neighbour_has_the_applicants_number_nor_each_others() {
        let mut a = valid();
        a.insert("ref1_mobile".into(), "+91 98765 43210".into());
        a.insert("ref2_mobile".into(), "09123456780".into());
        assert_eq!(problems(&a), one("ref1_mobile", RuleError::SameAsOther));
        a.insert("ref1_mobile".into(), "9123456780".into());
        assert_eq!(problems(&a), one("ref2_mobile", RuleError::SameAsOther));
        a.insert("ref2_mobile".into(), "98765-43210".into());
        assert_eq!(problems(&a), one("ref2_mobile", RuleError::SameAsOther));
    }
}
