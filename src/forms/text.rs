//! Text for declared fields, found by the field's id in the service's namespace:
//! `{ns}.{field}` label, `{ns}.{field}_hint`, `{ns}.{field}_{option}`, and error messages from
//! the most specific to the most general: `{ns}.{field}_{code}`, `errors.rule_{rule}_{code}`,
//! `errors.{code}`. `tests` checks every declared field has its keys in both languages.

use crate::i18n::{self, keys, Key, Lang};
use contract::forms::{answer, Answers, FieldSpec, Rule, Widget};
use contract::rules::RuleError;

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

pub fn label(ns: &str, fkey: &str) -> Key {
    lookup(&format!("{ns}.{fkey}")).unwrap_or(keys::forms::NOT_GIVEN)
}

pub fn hint(ns: &str, fkey: &str) -> Option<Key> {
    lookup(&format!("{ns}.{fkey}_hint"))
}

pub fn option(ns: &str, fkey: &str, value: &str) -> Key {
    lookup(&format!("{ns}.{fkey}_{value}")).unwrap_or(keys::forms::NOT_GIVEN)
}

/// Which rule's messages apply; for an ID number, the chosen ID type's.
fn rule_name(field: &FieldSpec, answers: &Answers, prefix: &str) -> Option<String> {
    Some(
        match field.rule {
            Rule::Name => "name",
            Rule::Mobile => "mobile",
            Rule::Email => "email",
            Rule::Pin => "pin",
            Rule::IdNumber { type_field } => {
                return Some(answer(answers, &format!("{prefix}{type_field}")).to_owned())
            }
            _ => return None,
        }
        .to_owned(),
    )
}

/// The message for a problem, in `lang`.
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
    let specific = lookup(&format!("{ns}.{fkey}_{code}"))
        .or_else(|| {
            rule_name(field, answers, prefix)
                .and_then(|r| lookup(&format!("errors.rule_{r}_{code}")))
        })
        .or_else(|| {
            let choice = matches!(
                field.widget,
                Widget::Radios | Widget::Select | Widget::District | Widget::Station { .. }
            );
            (error == RuleError::Required && choice).then_some(keys::errors::REQUIRED_CHOICE)
        });
    if let Some(key) = specific {
        return i18n::text(lang, key).to_owned();
    }
    let key = lookup(&format!("errors.{code}")).unwrap_or(keys::errors::INVALID);
    let (min, max) = match (error, field.rule) {
        (RuleError::TooShort { min }, _) => (min, 0),
        (RuleError::TooLong { max }, _) => (0, max),
        (_, Rule::Text { min, max }) => (min, max),
        _ => (0, 0),
    };
    let min_years = match error {
        RuleError::TooYoung { min_years } => min_years as usize,
        _ => min,
    };
    i18n::format(
        lang,
        key,
        &[("min", &min_years.to_string()), ("max", &max.to_string())],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use contract::forms::ServiceSpec;

    fn every_field(spec: &ServiceSpec) -> Vec<(String, &'static FieldSpec)> {
        let mut out = Vec::new();
        for step in spec.steps {
            for f in step.fields {
                out.push((f.id.to_owned(), f));
            }
            for g in step.groups {
                for f in g.fields {
                    out.push((format!("{}_{}", g.id, f.id), f));
                }
                for suffix in ["heading", "add", "item", "remove"] {
                    assert!(
                        lookup(&format!("{}.{}_{suffix}", "complaint", g.id)).is_some(),
                        "missing complaint.{}_{suffix}",
                        g.id
                    );
                }
            }
        }
        out
    }

    #[test]
    fn every_declared_field_and_option_has_text() {
        let spec = &contract::services::complaint::SPEC;
        for (fkey, f) in every_field(spec) {
            assert!(
                lookup(&format!("complaint.{fkey}")).is_some(),
                "missing label complaint.{fkey}"
            );
            for o in f.options {
                let ok = lookup(&format!("complaint.{fkey}_{o}")).is_some();
                assert!(ok, "missing option complaint.{fkey}_{o}");
            }
        }
        for step in spec.steps {
            let name = format!("complaint.step_{}", step.id.replace('-', "_"));
            assert!(lookup(&name).is_some(), "missing {name}");
        }
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
    fn messages_go_from_specific_to_general() {
        let spec = &contract::services::complaint::ABOUT_YOU;
        let mobile = spec.fields.iter().find(|f| f.id == "mobile").unwrap();
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
        let gender = spec.fields.iter().find(|f| f.id == "gender").unwrap();
        let m = message(
            Lang::En,
            "complaint",
            gender,
            "gender",
            &answers,
            RuleError::Required,
        );
        assert_eq!(m, "Choose one option");
        let id = spec.fields.iter().find(|f| f.id == "id_number").unwrap();
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
        let what = &contract::services::complaint::WHAT_HAPPENED;
        let d = what.fields.iter().find(|f| f.id == "description").unwrap();
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
