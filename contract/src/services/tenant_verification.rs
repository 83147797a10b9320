//! Tenant verification: a landlord asks the police to verify a tenant before or as they move
//! in (Bihar, UP, Delhi). The filing goes to the station of the rented property.

use crate::forms::{
    answer, concat_fields, AckSpec, Answers, Ctx, FieldSpec as F, GroupSpec, Problem, Routing,
    Rule, ServiceSpec, ShownWhen, StepSpec, Widget,
};
use crate::rules::{date::DateBounds, RuleError};
use crate::services::blocks::{
    same_address, ADULT_BIRTH, APPLICANT, BY_APPLICANT_MOBILE, ONE_PHOTO, PHOTO_STEP,
};
use crate::{any_address_fields, id_proof_fields, person_fields, station_address_fields};

pub const RELATIONS: &[&str] = &["spouse", "child", "parent", "sibling", "other"];
/// A tenancy may be registered up to a year before it starts.
pub const START_MAX_DAYS_AHEAD: u32 = 366;
/// UP Police's published turnaround.
pub const USUAL_DAYS: u32 = 8;

const PROPERTY: [F; 5] = station_address_fields!("property_");
const TENANT: [F; 7] = concat_fields(
    person_fields!("tenant_", ADULT_BIRTH, false),
    id_proof_fields!("tenant_"),
);
const PERMANENT: [F; 5] = any_address_fields!("perm_");
const PREVIOUS: [F; 5] = any_address_fields!("prev_");

pub const SPEC: ServiceSpec = ServiceSpec {
    steps: &[
        StepSpec {
            id: "about-you",
            fields: &APPLICANT,
            groups: &[],
            checks: &[],
            notices: &[],
        },
        StepSpec {
            id: "property",
            fields: &PROPERTY,
            groups: &[],
            checks: &[],
            notices: &[],
        },
        StepSpec {
            id: "tenant",
            fields: &TENANT,
            groups: &[],
            checks: &[],
            notices: &[],
        },
        StepSpec {
            id: "permanent-address",
            fields: &PERMANENT,
            groups: &[],
            checks: &[],
            notices: &[],
        },
        StepSpec {
            id: "previous-address",
            fields: &PREVIOUS,
            groups: &[],
            checks: &[previous_is_not_the_rented_address],
            notices: &[],
        },
        StepSpec {
            id: "family",
            fields: &[],
            groups: &[GroupSpec {
                id: "family",
                max: 10,
                shown_when: ShownWhen::Always,
                fields: &[
                    F::new("name", Widget::Text, Rule::Name),
                    F::new("relation", Widget::Select, Rule::Choice).options(RELATIONS),
                    F::new("age", Widget::Text, Rule::Number { min: 0, max: 120 })
                        .input_mode(crate::forms::InputMode::Numeric),
                ],
            }],
            checks: &[],
            notices: &[],
        },
        StepSpec {
            id: "tenancy",
            fields: &[F::new(
                "tenancy_start",
                Widget::Date,
                Rule::Date(DateBounds::up_to_days_ahead(START_MAX_DAYS_AHEAD)),
            )],
            groups: &[],
            checks: &[],
            notices: &[],
        },
        PHOTO_STEP,
    ],
    applicant: BY_APPLICANT_MOBILE,
    routing: Routing {
        district_field: "property_district",
        station_field: "property_station",
    },
    attachments: Some(ONE_PHOTO),
    acknowledgement: AckSpec {
        confirm_within_days: None,
        usual_days: Some(USUAL_DAYS),
        notices: &[],
        slip: &["name", "tenant_name"],
    },
};

/// A "previous" address that is the rented one says nothing about where the tenant lived.
fn previous_is_not_the_rented_address(answers: &Answers, _ctx: &Ctx) -> Option<Problem> {
    (!answer(answers, "prev_house").is_empty() && same_address(answers, "prev_", "property_"))
        .then(|| Problem::new("prev_house", RuleError::SameAsOther))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::forms::{validate_service, Problem};
    use chrono::NaiveDate;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
    }

    fn valid() -> Answers {
        [
            ("name", "Ramesh Prasad"),
            ("relative_name", "Suresh Prasad"),
            ("gender", "male"),
            ("dob", "1/1/1970"),
            ("mobile", "9876543210"),
            ("property_house", "Flat 3, Shanti Niwas"),
            ("property_locality", "Boring Road"),
            ("property_district", "PAT"),
            ("property_station", "PAT-KOTWALI"),
            ("property_pin", "800001"),
            ("tenant_name", "अनिल कुमार"),
            ("tenant_relative_name", "Mohan Lal"),
            ("tenant_gender", "male"),
            ("tenant_dob", "15/8/1995"),
            ("tenant_mobile", "9123456780"),
            ("tenant_id_type", "pan"),
            ("tenant_id_number", "ABCPK1234D"),
            ("perm_house", "Village Rampur"),
            ("perm_locality", "Post Bihta"),
            ("perm_town", "Bihta"),
            ("perm_state", "Bihar"),
            ("perm_pin", "801103"),
            ("prev_house", "Room 12, Gupta Lodge"),
            ("prev_locality", "Rajendra Nagar"),
            ("prev_town", "Patna"),
            ("prev_state", "Bihar"),
            ("prev_pin", "800016"),
            ("family", "1"),
            ("family.0.name", "Sunita Devi"),
            ("family.0.relation", "spouse"),
            ("family.0.age", "27"),
            ("tenancy_start", "1/1/2027"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect()
    }

    fn problems(a: &Answers) -> Vec<Problem> {
        validate_service(&SPEC, a, &Ctx::offline(today()))
    }

    #[test]
    fn a_complete_request_passes() {
        assert_eq!(problems(&valid()), vec![]);
    }

    #[test]
    fn the_tenant_is_an_adult_with_a_valid_id_and_family_ages_are_numbers() {
        let mut a = valid();
        a.insert("tenant_dob".into(), "2/12/2008".into());
        a.insert("tenant_id_number".into(), "ABCDE1234".into());
        a.insert("family.0.age".into(), "two hundred".into());
        let p = problems(&a);
        let got: Vec<_> = p.iter().map(|p| (p.field.as_str(), p.error)).collect();
        assert_eq!(
            got,
            [
                ("tenant_dob", RuleError::TooYoung { min_years: 18 }),
                ("tenant_id_number", RuleError::Invalid),
                ("family.0.age", RuleError::Invalid),
            ]
        );
    }

    #[test]
    fn the_previous_address_is_not_the_rented_one() {
        let mut a = valid();
        a.insert("prev_house".into(), "flat 3,  shanti niwas".into());
        a.insert("prev_locality".into(), "BORING ROAD".into());
        a.insert("prev_pin".into(), "८००००१".into());
        assert_eq!(
            problems(&a),
            vec![Problem {
                field: "prev_house".into(),
                error: RuleError::SameAsOther
            }]
        );
    }

    #[test]
    fn the_tenancy_starts_within_a_year() {
        let mut a = valid();
        a.insert("tenancy_start".into(), "3/12/2027".into());
        assert_eq!(problems(&a)[0].error, RuleError::TooFarAhead);
        a.insert("tenancy_start".into(), "1/6/2020".into());
        assert_eq!(problems(&a), vec![]);
    }

    #[test]
    fn an_aadhaar_number_is_kept_masked() {
        let mut a = valid();
        a.insert("tenant_id_type".into(), "aadhaar".into());
        a.insert("tenant_id_number".into(), "2345 6789 0124".into());
        assert_eq!(problems(&a), vec![]);
        let kept = crate::forms::retain_declared(&SPEC, &a, today());
        assert_eq!(kept["tenant_id_number"], "XXXX XXXX 0124");
        assert_eq!(kept["tenant_name"], "अनिल कुमार");
    }
}
