//! Employee verification: a shop or company asks the police to verify a new employee (UP,
//! Haryana, Kerala). The contact person applies for the organisation, and the filing goes to
//! the station of the workplace.

use crate::forms::{
    answer, concat_fields, AckSpec, Answers, Ctx, FieldSpec as F, InputMode, Problem, Routing,
    Rule, ServiceSpec, StepSpec, Widget,
};
use crate::rules::{date::DateBounds, RuleError};
use crate::services::blocks::{ADULT_BIRTH, BY_APPLICANT_MOBILE, ONE_PHOTO, PHOTO_STEP};
use crate::{any_address_fields, id_proof_fields, person_fields, station_address_fields};

pub const USUAL_DAYS: u32 = 8;
pub const JOINING_MAX_DAYS_AHEAD: u32 = 366;

const ORGANISATION: [F; 6] = concat_fields(
    [
        F::new("org_name", Widget::Text, Rule::Text { min: 2, max: 200 })
            .autocomplete("organization"),
    ],
    station_address_fields!("org_"),
);
const EMPLOYEE: [F; 9] = concat_fields(
    person_fields!("employee_", ADULT_BIRTH, false),
    concat_fields::<2, 2, 4>(
        [
            F::new("designation", Widget::Text, Rule::Text { min: 2, max: 100 }),
            F::new(
                "joined_on",
                Widget::Date,
                Rule::Date(DateBounds::up_to_days_ahead(JOINING_MAX_DAYS_AHEAD)),
            ),
        ],
        id_proof_fields!("employee_"),
    ),
);
const PERMANENT: [F; 5] = any_address_fields!("perm_");

pub const SPEC: ServiceSpec = ServiceSpec {
    steps: &[
        StepSpec {
            id: "organisation",
            fields: &ORGANISATION,
            groups: &[],
            checks: &[],
            notices: &[],
        },
        StepSpec {
            id: "contact",
            fields: &[
                F::new("contact_name", Widget::Text, Rule::Name).autocomplete("name"),
                F::new("mobile", Widget::Text, Rule::Mobile)
                    .input_mode(InputMode::Tel)
                    .autocomplete("tel-national"),
                F::new("email", Widget::Text, Rule::Email)
                    .optional()
                    .input_mode(InputMode::Email)
                    .autocomplete("email")
                    .text("person.email"),
            ],
            groups: &[],
            checks: &[],
            notices: &[],
        },
        StepSpec {
            id: "employee",
            fields: &EMPLOYEE,
            groups: &[],
            checks: &[employee_has_their_own_mobile],
            notices: &[],
        },
        StepSpec {
            id: "permanent-address",
            fields: &PERMANENT,
            groups: &[],
            checks: &[],
            notices: &[],
        },
        PHOTO_STEP,
    ],
    applicant: BY_APPLICANT_MOBILE,
    routing: Routing {
        district_field: "org_district",
        station_field: "org_station",
    },
    attachments: Some(ONE_PHOTO),
    acknowledgement: AckSpec {
        confirm_within_days: None,
        usual_days: Some(USUAL_DAYS),
        notices: &[],
        slip: &["org_name", "employee_name"],
    },
};

/// The police call the employee on their own number; the contact person's is a common slip.
fn employee_has_their_own_mobile(answers: &Answers, _ctx: &Ctx) -> Option<Problem> {
    let mobile = |k: &str| crate::rules::mobile::parse(answer(answers, k)).ok();
    let employee = mobile("employee_mobile")?;
    (mobile("mobile") == Some(employee))
        .then(|| Problem::new("employee_mobile", RuleError::SameAsOther))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::forms::{validate_service, Problem};
    use chrono::NaiveDate;

    fn valid() -> Answers {
        [
            ("org_name", "Sinha Medical Store"),
            ("org_house", "Shop 4, Market Complex"),
            ("org_locality", "Bailey Road"),
            ("org_district", "PAT"),
            ("org_station", "PAT-KOTWALI"),
            ("org_pin", "800014"),
            ("contact_name", "Rakesh Sinha"),
            ("mobile", "9876543210"),
            ("employee_name", "Md. Irfan"),
            ("employee_relative_name", "Md. Salim"),
            ("employee_gender", "male"),
            ("employee_dob", "2/2/1998"),
            ("employee_mobile", "9123456780"),
            ("designation", "Pharmacist"),
            ("joined_on", "20/11/2026"),
            ("employee_id_type", "passport"),
            ("employee_id_number", "K1234567"),
            ("perm_house", "Mohalla Alamganj"),
            ("perm_locality", "Near Masjid"),
            ("perm_town", "Patna"),
            ("perm_state", "Bihar"),
            ("perm_pin", "800007"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect()
    }

    fn problems(a: &Answers) -> Vec<Problem> {
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        validate_service(&SPEC, a, &Ctx::offline(today))
    }

    #[test]
    fn a_complete_request_passes() {
        assert_eq!(problems(&valid()), vec![]);
    }

    #[test]
    fn the_employee_mobile_is_not_the_contact_persons() {
        let mut a = valid();
        a.insert("employee_mobile".into(), "098765 43210".into());
        assert_eq!(
            problems(&a),
            vec![Problem {
                field: "employee_mobile".into(),
                error: RuleError::SameAsOther
            }]
        );
    }

    #[test]
    fn organisation_and_designation_are_required() {
        let mut a = valid();
        a.remove("org_name");
        a.remove("designation");
        let fields: Vec<_> = problems(&a).into_iter().map(|p| p.field).collect();
        assert_eq!(fields, ["org_name", "designation"]);
    }
}
