//! Domestic help verification: an employer asks the police to verify a domestic worker
//! (Bihar, UP, Delhi, Kerala). The filing goes to the station of the employer's home, where
//! the worker works.

use crate::forms::{
    answer, concat_fields, AckSpec, Answers, Ctx, FieldSpec as F, InputMode, Problem, Routing,
    Rule, ServiceSpec, StepSpec, Widget,
};
use crate::rules::{date::DateBounds, RuleError};
use crate::services::blocks::{
    ADULT_BIRTH, APPLICANT, APPLICANT_ADDRESS, BY_APPLICANT_MOBILE, ONE_PHOTO, PHOTO_STEP,
};
use crate::{any_address_fields, id_proof_fields, person_fields};

pub const USUAL_DAYS: u32 = 8;
pub const START_MAX_DAYS_AHEAD: u32 = 366;

const EMPLOYER: [F; 11] = concat_fields(APPLICANT, APPLICANT_ADDRESS);
const WORKER: [F; 7] = concat_fields(
    person_fields!("worker_", ADULT_BIRTH, true),
    id_proof_fields!("worker_"),
);
const PERMANENT: [F; 5] = any_address_fields!("perm_");

pub const SPEC: ServiceSpec = ServiceSpec {
    steps: &[
        StepSpec {
            id: "about-you",
            fields: &EMPLOYER,
            groups: &[],
            checks: &[],
            notices: &[],
        },
        StepSpec {
            id: "worker",
            fields: &WORKER,
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
            id: "work",
            fields: &[
                F::new(
                    "work_start",
                    Widget::Date,
                    Rule::Date(DateBounds::up_to_days_ahead(START_MAX_DAYS_AHEAD)),
                ),
                F::new("prev_employer_name", Widget::Text, Rule::Name).optional(),
                F::new("prev_employer_mobile", Widget::Text, Rule::Mobile)
                    .optional()
                    .input_mode(InputMode::Tel),
            ],
            groups: &[],
            checks: &[previous_employer_is_someone_else],
            notices: &[],
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
        slip: &["name", "worker_name"],
    },
};

/// The previous employer is asked about the worker: their number cannot be the worker's own
/// or the new employer's.
fn previous_employer_is_someone_else(answers: &Answers, _ctx: &Ctx) -> Option<Problem> {
    let mobile = |k: &str| crate::rules::mobile::parse(answer(answers, k)).ok();
    let previous = mobile("prev_employer_mobile")?;
    let clash = [mobile("worker_mobile"), mobile("mobile")].contains(&Some(previous));
    clash.then(|| Problem::new("prev_employer_mobile", RuleError::SameAsOther))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::forms::{validate_service, Problem};
    use chrono::NaiveDate;

    fn valid() -> Answers {
        [
            ("name", "Kavita Sinha"),
            ("relative_name", "Alok Sinha"),
            ("gender", "female"),
            ("dob", "10/10/1980"),
            ("mobile", "9876543210"),
            ("house", "House 5, Road 2"),
            ("locality", "Kankarbagh"),
            ("district", "PAT"),
            ("station", "PAT-KOTWALI"),
            ("pin", "800020"),
            ("worker_name", "गीता देवी"),
            ("worker_relative_name", "Shyam Das"),
            ("worker_gender", "female"),
            ("worker_dob", "1/1/1990"),
            ("worker_id_type", "epic"),
            ("worker_id_number", "ABC1234567"),
            ("perm_house", "Tola Bazar"),
            ("perm_locality", "Ward 7"),
            ("perm_town", "Hajipur"),
            ("perm_state", "Bihar"),
            ("perm_pin", "844101"),
            ("work_start", "1/12/2026"),
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
    fn a_complete_request_passes_without_the_optional_answers() {
        assert_eq!(problems(&valid()), vec![]);
    }

    #[test]
    fn the_previous_employer_is_not_the_worker_or_the_new_employer() {
        let mut a = valid();
        a.insert("prev_employer_mobile".into(), "+91 98765 43210".into());
        assert_eq!(
            problems(&a),
            vec![Problem {
                field: "prev_employer_mobile".into(),
                error: RuleError::SameAsOther
            }]
        );
        a.insert("worker_mobile".into(), "9123456780".into());
        a.insert("prev_employer_mobile".into(), "09123456780".into());
        assert_eq!(problems(&a)[0].error, RuleError::SameAsOther);
        a.insert("prev_employer_mobile".into(), "9000000001".into());
        assert_eq!(problems(&a), vec![]);
    }

    #[test]
    fn the_worker_is_an_adult() {
        let mut a = valid();
        a.insert("worker_dob".into(), "1/1/2012".into());
        assert_eq!(problems(&a)[0].error, RuleError::TooYoung { min_years: 18 });
    }
}
