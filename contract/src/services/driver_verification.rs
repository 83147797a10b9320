//! Driver verification: an employer asks the police to verify a driver they hire (Bihar).
//! The filing goes to the station of the employer's home.

use crate::forms::{
    answer, concat_fields, parse_date_answer, AckSpec, Answers, Ctx, FieldSpec as F, Problem,
    Routing, Rule, ServiceSpec, StepSpec, Widget,
};
use crate::rules::RuleError;
use crate::services::blocks::{
    ADULT_BIRTH, APPLICANT, APPLICANT_ADDRESS, BY_APPLICANT_MOBILE, ONE_PHOTO, PHOTO_STEP,
};
use crate::{any_address_fields, id_proof_fields, person_fields};
use chrono::Datelike;

pub const USUAL_DAYS: u32 = 8;
/// A licence to drive a car for hire is issued from this age.
pub const LICENCE_MIN_AGE: u32 = 18;

const EMPLOYER: [F; 11] = concat_fields(APPLICANT, APPLICANT_ADDRESS);
const DRIVER: [F; 7] = concat_fields(
    person_fields!("driver_", ADULT_BIRTH, false),
    id_proof_fields!("driver_"),
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
            id: "driver",
            fields: &DRIVER,
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
            id: "licence",
            fields: &[
                F::new("licence_number", Widget::Text, Rule::DrivingLicence),
                F::new("vehicle", Widget::Text, Rule::Vehicle).optional(),
            ],
            groups: &[],
            checks: &[licence_belongs_to_an_adult_driver],
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
        slip: &["name", "driver_name"],
    },
};

/// The licence number carries its year of issue: not after this year, and not before the
/// driver (by the date of birth given) was old enough to hold one.
fn licence_belongs_to_an_adult_driver(answers: &Answers, ctx: &Ctx) -> Option<Problem> {
    let licence = crate::rules::driving_licence::parse(answer(answers, "licence_number")).ok()?;
    let issued = i32::try_from(licence.year()).ok()?;
    if issued > ctx.today.year() {
        return Some(Problem::new("licence_number", RuleError::InFuture));
    }
    let born = parse_date_answer(answer(answers, "driver_dob"))?;
    (issued < born.year() + LICENCE_MIN_AGE as i32).then(|| {
        Problem::new(
            "licence_number",
            RuleError::TooYoung {
                min_years: LICENCE_MIN_AGE,
            },
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::forms::{validate_service, Problem};
    use chrono::NaiveDate;

    fn valid() -> Answers {
        [
            ("name", "Prakash Jha"),
            ("relative_name", "Vinod Jha"),
            ("gender", "male"),
            ("dob", "3/4/1975"),
            ("mobile", "9876543210"),
            ("house", "House 9"),
            ("locality", "Civil Lines"),
            ("district", "GAY"),
            ("station", "GAY-TOWN"),
            ("pin", "823001"),
            ("driver_name", "Raju Kumar"),
            ("driver_relative_name", "Bhola Ram"),
            ("driver_gender", "male"),
            ("driver_dob", "20/5/1992"),
            ("driver_mobile", "9123456780"),
            ("driver_id_type", "aadhaar"),
            ("driver_id_number", "2345 6789 0124"),
            ("perm_house", "Village Belaganj"),
            ("perm_locality", "Ward 3"),
            ("perm_town", "Gaya"),
            ("perm_state", "Bihar"),
            ("perm_pin", "804403"),
            ("licence_number", "BR02 20150012345"),
            ("vehicle", "BR 02 AB 1234"),
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
    fn licence_and_vehicle_numbers_follow_their_rules() {
        let mut a = valid();
        a.insert("licence_number".into(), "BR02 2015".into());
        a.insert("vehicle".into(), "12345".into());
        let fields: Vec<_> = problems(&a).into_iter().map(|p| p.field).collect();
        assert_eq!(fields, ["licence_number", "vehicle"]);
    }

    #[test]
    fn a_licence_issued_before_the_driver_was_18_is_refused() {
        let mut a = valid();
        a.insert("licence_number".into(), "BR02 20050012345".into());
        assert_eq!(
            problems(&a),
            vec![Problem {
                field: "licence_number".into(),
                error: RuleError::TooYoung { min_years: 18 }
            }]
        );
        a.insert("licence_number".into(), "BR02 20280012345".into());
        assert_eq!(problems(&a)[0].error, RuleError::InFuture);
    }
}
