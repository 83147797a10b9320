//! Text for declared fields. A field's text lives under a base name: `{ns}.{field}` for a
//! service's own field (`{ns}.{group}_{field}` inside a repeatable group), or the shared
//! block's name it declares (`person.name`). From the base: the label, `{base}_hint`,
//! `{base}_{option}`; a service may override a block's label or hint with `{ns}.{field}` /
//! `{ns}.{field}_hint`. Error messages go from the most specific to the most general:
//! `{ns}.{field}_{code}`, `{base}_{code}`, `errors.rule_{rule}_{code}`, `errors.{code}`.
//! `build.rs` checks, for every service in the registry, that every key the journey needs
//! exists in both languages, so a missing one fails the build.

use crate::i18n::{self, keys, Key, Lang};
use contract::forms::{answer, Answers, FieldSpec, GroupSpec, Rule, StepSpec, Widget};
use contract::rules::RuleError;
use contract::services::ServiceId;

/// The text key for a field inside a group: `suspects.0.name` → `suspects_name`.
pub fn field_key(answer_key: &str) -> String {
    let mut parts = answer_key.split('.');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(group), Some(_), Some(field)) => format!("{group}_{field}"),
        _ => answer_key.to_owned(),
    }
}

fn lookup(name: &str) -> Option<Key> {
    keys::by_name(name)
}

/// Where a field's text lives (see the module docs).
pub fn base(ns: &str, spec: &FieldSpec, answer_key: &str) -> String {
    spec.text
        .map_or_else(|| format!("{ns}.{}", field_key(answer_key)), str::to_owned)
}

pub fn label(ns: &str, spec: &FieldSpec, answer_key: &str) -> Key {
    lookup(&format!("{ns}.{}", field_key(answer_key)))
        .or_else(|| lookup(&base(ns, spec, answer_key)))
        .unwrap_or(keys::forms::NOT_GIVEN)
}

pub fn hint(ns: &str, spec: &FieldSpec, answer_key: &str) -> Option<Key> {
    lookup(&format!("{ns}.{}_hint", field_key(answer_key)))
        .or_else(|| lookup(&format!("{}_hint", base(ns, spec, answer_key))))
}

/// The hint with a variant per choice, where one is written: `{base}_hint_{choice}` (an ID
/// number's hint for the ID type chosen), else the field's hint.
pub fn hint_for(ns: &str, spec: &FieldSpec, answer_key: &str, choice: Option<&str>) -> Option<Key> {
    choice
        .filter(|c| !c.is_empty())
        .and_then(|c| lookup(&format!("{}_hint_{c}", base(ns, spec, answer_key))))
        .or_else(|| hint(ns, spec, answer_key))
}

pub fn option(ns: &str, spec: &FieldSpec, answer_key: &str, value: &str) -> Key {
    lookup(&format!("{}_{value}", base(ns, spec, answer_key))).unwrap_or(keys::forms::NOT_GIVEN)
}

/// A repeatable group's `heading`, `add`, `item` or `remove` text.
pub fn group(ns: &str, group: &GroupSpec, suffix: &str) -> Key {
    lookup(&format!("{ns}.{}_{suffix}", group.id)).unwrap_or(keys::forms::NOT_GIVEN)
}

/// A step's title: `{ns}.step_{id}` with `-` as `_`.
pub fn step_title(ns: &str, step: &StepSpec) -> Key {
    lookup(&format!("{ns}.step_{}", step.id.replace('-', "_"))).unwrap_or(keys::forms::NOT_GIVEN)
}

/// A step's optional introduction, `{ns}.step_{id}_intro`.
pub fn step_intro(ns: &str, step: &StepSpec) -> Option<Key> {
    lookup(&format!("{ns}.step_{}_intro", step.id.replace('-', "_")))
}

/// The journey's text a service must have (`name`, `start_intro`, ...; see `build.rs`).
pub fn service(service: ServiceId, name: &str) -> Key {
    lookup(&format!("{}.{name}", service.ns())).unwrap_or(keys::forms::NOT_GIVEN)
}

/// A service's optional text, such as `start_emergency`.
pub fn service_optional(service: ServiceId, name: &str) -> Option<Key> {
    lookup(&format!("{}.{name}", service.ns()))
}

/// The message for a problem with a form's files (`attachments`): a photo, or documents.
pub fn attachments_error(photos_only: bool, error: RuleError) -> Key {
    match error {
        RuleError::Required if photos_only => keys::forms::PHOTO_REQUIRED,
        RuleError::Required => keys::forms::FILES_REQUIRED,
        RuleError::WrongFileType => keys::errors::WRONG_FILE_TYPE,
        _ => keys::errors::INVALID,
    }
}

/// Which rule's messages apply; for an ID number, the chosen ID type's.
fn rule_name(field: &FieldSpec, answers: &Answers, prefix: &str) -> Option<String> {
    Some(
        match field.rule {
            Rule::Name => "name",
            Rule::Mobile => "mobile",
            Rule::Email => "email",
            Rule::Pin => "pin",
            Rule::DrivingLicence => "driving_licence",
            Rule::Vehicle => "vehicle",
            Rule::Imei => "imei",
            Rule::CardLast4 => "card_last4",
            Rule::IdNumber { type_field } => {
                return Some(answer(answers, &format!("{prefix}{type_field}")).to_owned())
            }
            _ => return None,
        }
        .to_owned(),
    )
}

/// The message for a problem, in `lang`, with the rule's limits filled in (`{min}`, `{max}`).
pub fn message(
    lang: Lang,
    ns: &str,
    field: &FieldSpec,
    answer_key: &str,
    answers: &Answers,
    error: RuleError,
) -> String {
    let code = error.code();
    let fkey = field_key(answer_key);
    let prefix = answer_key.strip_suffix(field.id).unwrap_or("");
    let choice = matches!(
        field.widget,
        Widget::Radios | Widget::Select | Widget::District | Widget::Station { .. }
    );
    let key = lookup(&format!("{ns}.{fkey}_{code}"))
        .or_else(|| lookup(&format!("{}_{code}", base(ns, field, answer_key))))
        .or_else(|| {
            rule_name(field, answers, prefix)
                .and_then(|r| lookup(&format!("errors.rule_{r}_{code}")))
        })
        .or_else(|| {
            (error == RuleError::Required && choice).then_some(keys::errors::REQUIRED_CHOICE)
        })
        .or_else(|| lookup(&format!("errors.{code}")))
        .unwrap_or(keys::errors::INVALID);
    // The wire code carries no limits (from the server they are 0): the declaration has them.
    let (min, max) = match (error, field.rule) {
        (_, Rule::Text { min, max }) => (min, max),
        (_, Rule::Number { min, max }) => (min as usize, max as usize),
        (RuleError::TooShort { min }, _) => (min, 0),
        (RuleError::TooLong { max }, _) => (0, max),
        (RuleError::TooSoon { .. }, Rule::Date(bounds)) => {
            (bounds.min_days_ahead.unwrap_or(0) as usize, 0)
        }
        (_, Rule::Date(bounds)) => (bounds.min_age_years.unwrap_or(0) as usize, 0),
        (RuleError::TooYoung { min_years }, _) => (min_years as usize, 0),
        _ => (0, 0),
    };
    i18n::format(
        lang,
        key,
        &[("min", &min.to_string()), ("max", &max.to_string())],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use contract::services::complaint;

    fn field(step: &StepSpec, id: &str) -> &'static FieldSpec {
        let fields: &'static [FieldSpec] = step.fields;
        fields.iter().find(|f| f.id == id).unwrap()
    }

    #[test]
    fn every_rule_error_code_has_a_general_message() {
        for e in RuleError::ALL {
            assert!(
                lookup(&format!("errors.{}", e.code())).is_some(),
                "errors.{}",
                e.code()
            );
        }
    }

    #[test]
    fn block_fields_read_the_block_text_and_service_fields_their_own() {
        let name = field(&complaint::ABOUT_YOU, "name");
        assert_eq!(base("complaint", name, "name"), "person.name");
        assert_eq!(label("complaint", name, "name"), keys::person::NAME);
        let category = field(&complaint::WHAT_HAPPENED, "category");
        assert_eq!(
            base("complaint", category, "category"),
            "complaint.category"
        );
        assert_eq!(
            option("complaint", category, "category", "theft"),
            keys::complaint::CATEGORY_THEFT
        );
    }

    #[test]
    fn messages_go_from_specific_to_general() {
        let spec = &complaint::ABOUT_YOU;
        let mobile = field(spec, "mobile");
        let answers = Answers::new();
        let m = message(
            Lang::En,
            "complaint",
            mobile,
            "mobile",
            &answers,
            RuleError::Invalid,
        );
        assert!(m.contains("10-digit"), "{m}");
        let m = message(
            Lang::Hi,
            "complaint",
            mobile,
            "mobile",
            &answers,
            RuleError::Required,
        );
        assert_eq!(m, "यह भरना ज़रूरी है");
        let gender = field(spec, "gender");
        let m = message(
            Lang::En,
            "complaint",
            gender,
            "gender",
            &answers,
            RuleError::Required,
        );
        assert_eq!(m, "Choose one option");
        let id = field(spec, "id_number");
        let mut a = Answers::new();
        a.insert("id_type".into(), "aadhaar".into());
        let m = message(
            Lang::En,
            "complaint",
            id,
            "id_number",
            &a,
            RuleError::Checksum,
        );
        assert!(m.contains("Aadhaar"), "{m}");
        let d = field(&complaint::WHAT_HAPPENED, "description");
        let m = message(
            Lang::En,
            "complaint",
            d,
            "description",
            &a,
            RuleError::TooShort { min: 20 },
        );
        assert_eq!(m, "Write at least 20 characters");
    }

    #[test]
    fn group_fields_use_the_group_text() {
        assert_eq!(field_key("suspects.3.name"), "suspects_name");
        assert_eq!(field_key("name"), "name");
    }
}
