//! Blocks of questions that several services ask: the applicant, a person (tenant, worker,
//! driver, employee), a Bihar address that routes to a police station, an address anywhere,
//! an ID proof. Each is declared once, with its text written once in its own namespace
//! (`person`, `address`, `id_proof`); a service's step joins blocks with
//! [`concat_fields`](crate::forms::concat_fields).
//!
//! Blocks asked about someone other than the applicant take a prefix for their answer keys
//! (`tenant_` → `tenant_name`), so one step, or one service, can hold several of them.

use crate::forms::{FieldSpec as F, InputMode, Rule, Widget};
use crate::rules::date::DateBounds;

pub const GENDERS: &[&str] = &["female", "male", "transgender"];
/// A house or locality line.
pub const ADDRESS_LINE: Rule = Rule::Text { min: 2, max: 200 };
/// Nobody alive is older.
pub const BIRTH: DateBounds = DateBounds::birth(None, Some(120));
/// An adult: tenants, workers, drivers and employees being verified.
pub const ADULT_BIRTH: DateBounds = DateBounds::birth(Some(18), Some(120));

/// Name, father's or husband's name, gender, date of birth and mobile of a person other than
/// the applicant, with answer keys `{prefix}name`, ...; `$mobile_optional`: the person may have
/// no mobile of their own.
#[macro_export]
macro_rules! person_fields {
    ($prefix:literal, $birth:expr, $mobile_optional:expr) => {{
        use $crate::forms::{FieldSpec as F, InputMode, Rule, Widget};
        [
            F::new(concat!($prefix, "name"), Widget::Text, Rule::Name).text("person.name"),
            F::new(concat!($prefix, "relative_name"), Widget::Text, Rule::Name)
                .text("person.relative_name"),
            F::new(concat!($prefix, "gender"), Widget::Radios, Rule::Choice)
                .options($crate::services::blocks::GENDERS)
                .text("person.gender"),
            F::new(concat!($prefix, "dob"), Widget::Date, Rule::Date($birth)).text("person.dob"),
            F {
                optional: $mobile_optional,
                ..F::new(concat!($prefix, "mobile"), Widget::Text, Rule::Mobile)
                    .input_mode(InputMode::Tel)
                    .text("person.mobile")
            },
        ]
    }};
}

/// An address in the state, with the district and police station that cover it:
/// `{prefix}house`, `{prefix}locality`, `{prefix}district`, `{prefix}station`, `{prefix}pin`.
#[macro_export]
macro_rules! station_address_fields {
    ($prefix:literal) => {{
        use $crate::forms::{FieldSpec as F, InputMode, Rule, Widget};
        use $crate::services::blocks::ADDRESS_LINE;
        [
            F::new(concat!($prefix, "house"), Widget::Text, ADDRESS_LINE).text("address.house"),
            F::new(concat!($prefix, "locality"), Widget::Text, ADDRESS_LINE)
                .text("address.locality"),
            F::new(
                concat!($prefix, "district"),
                Widget::District,
                Rule::District,
            )
            .text("address.district"),
            F::new(
                concat!($prefix, "station"),
                Widget::Station {
                    district_field: concat!($prefix, "district"),
                },
                Rule::Station,
            )
            .text("address.station"),
            F::new(concat!($prefix, "pin"), Widget::Text, Rule::Pin)
                .input_mode(InputMode::Numeric)
                .text("address.pin"),
        ]
    }};
}

/// An address anywhere in India (a permanent or previous address may be in another state):
/// `{prefix}house`, `{prefix}locality`, `{prefix}town`, `{prefix}state`, `{prefix}pin`.
#[macro_export]
macro_rules! any_address_fields {
    ($prefix:literal) => {{
        use $crate::forms::{FieldSpec as F, InputMode, Rule, Widget};
        use $crate::services::blocks::ADDRESS_LINE;
        [
            F::new(concat!($prefix, "house"), Widget::Text, ADDRESS_LINE).text("address.house"),
            F::new(concat!($prefix, "locality"), Widget::Text, ADDRESS_LINE)
                .text("address.locality"),
            F::new(concat!($prefix, "town"), Widget::Text, ADDRESS_LINE).text("address.town"),
            F::new(
                concat!($prefix, "state"),
                Widget::Text,
                Rule::Text { min: 2, max: 60 },
            )
            .text("address.state"),
            F::new(concat!($prefix, "pin"), Widget::Text, Rule::Pin)
                .input_mode(InputMode::Numeric)
                .text("address.pin"),
        ]
    }};
}

/// The ID proof's type and number, the number checked by the type's rule and stored masked
/// when it is an Aadhaar number: `{prefix}id_type`, `{prefix}id_number`.
#[macro_export]
macro_rules! id_proof_fields {
    ($prefix:literal) => {{
        use $crate::forms::{FieldSpec as F, Rule, Widget, ID_TYPES};
        [
            F::new(concat!($prefix, "id_type"), Widget::Select, Rule::Choice)
                .options(ID_TYPES)
                .text("id_proof.id_type"),
            F::new(
                concat!($prefix, "id_number"),
                Widget::Text,
                Rule::IdNumber {
                    type_field: concat!($prefix, "id_type"),
                },
            )
            .masked()
            .text("id_proof.id_number"),
        ]
    }};
}

/// The person filing: their own details, so the browser may fill them in (WCAG 1.3.5). The
/// mobile is the one verified by OTP.
pub const APPLICANT: [F; 6] = [
    F::new("name", Widget::Text, Rule::Name)
        .autocomplete("name")
        .text("person.name"),
    F::new("relative_name", Widget::Text, Rule::Name).text("person.relative_name"),
    F::new("gender", Widget::Radios, Rule::Choice)
        .options(GENDERS)
        .autocomplete("sex")
        .text("person.gender"),
    F::new("dob", Widget::Date, Rule::Date(BIRTH))
        .autocomplete("bday")
        .text("person.dob"),
    F::new("mobile", Widget::Text, Rule::Mobile)
        .input_mode(InputMode::Tel)
        .autocomplete("tel-national")
        .text("person.own_mobile"),
    F::new("email", Widget::Text, Rule::Email)
        .optional()
        .input_mode(InputMode::Email)
        .autocomplete("email")
        .text("person.email"),
];

/// The applicant of a service only adults may ask for (a character certificate, an event's
/// organiser): the same questions, and a date of birth that makes them at least 18, whose
/// hint says so (`person.adult_dob`).
pub const ADULT_APPLICANT: [F; 6] = {
    let mut a = APPLICANT;
    a[3] = F::new("dob", Widget::Date, Rule::Date(ADULT_BIRTH))
        .autocomplete("bday")
        .text("person.adult_dob");
    a
};

/// The applicant's own home address, with browser autofill.
pub const APPLICANT_ADDRESS: [F; 5] = {
    let mut a = station_address_fields!("");
    a[0].autocomplete = Some("address-line1");
    a[1].autocomplete = Some("address-line2");
    a[4].autocomplete = Some("postal-code");
    a
};

/// The applicant's ID proof.
pub const APPLICANT_ID: [F; 2] = id_proof_fields!("");

/// The applicant verifies the mobile they typed in the applicant block (`mobile`).
pub const BY_APPLICANT_MOBILE: crate::forms::Applicant = crate::forms::Applicant::Verified {
    mobile_field: "mobile",
};

/// A step of its own for one photo of the person the service is about.
pub const PHOTO_STEP: crate::forms::StepSpec = crate::forms::StepSpec {
    id: "photo",
    ..crate::forms::StepSpec::EMPTY
};

/// Exactly one photo, on [`PHOTO_STEP`].
pub const ONE_PHOTO: crate::forms::AttachmentSpec = crate::forms::AttachmentSpec {
    step: PHOTO_STEP.id,
    min: 1,
    max: 1,
    photos_only: true,
};

/// A same-address check for cross-field rules: house, locality and PIN equal after folding
/// case and white space.
pub fn same_address(answers: &crate::forms::Answers, a_prefix: &str, b_prefix: &str) -> bool {
    let fold = |s: &str| {
        s.split_whitespace()
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
            .join(" ")
    };
    let pin = |prefix: &str| {
        crate::rules::pin::parse(crate::forms::answer(answers, &format!("{prefix}pin"))).ok()
    };
    let same_pin = matches!((pin(a_prefix), pin(b_prefix)), (Some(a), Some(b)) if a == b);
    same_pin
        && ["house", "locality"].iter().all(|part| {
            let a = crate::forms::answer(answers, &format!("{a_prefix}{part}"));
            let b = crate::forms::answer(answers, &format!("{b_prefix}{part}"));
            !a.is_empty() && fold(a) == fold(b)
        })
}
