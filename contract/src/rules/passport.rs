//! Indian passport number.

use super::{all_digits, compact, RuleError};

/// A passport number such as "K1234567": one letter and seven digits, upper case.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Passport(String);

string_value!(Passport.0, parse);

/// Accepts lower case and spaces. Blank → `Required`; anything but 1 letter + 7 digits →
/// `Invalid`.
pub fn parse(raw: &str) -> Result<Passport, RuleError> {
    let s = compact(raw, char::is_whitespace)?;
    if s.len() == 8 && s.as_bytes()[0].is_ascii_uppercase() && all_digits(&s[1..]) {
        Ok(Passport(s))
    } else {
        Err(RuleError::Invalid)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_one_letter_seven_digits() {
        assert_eq!(parse("K1234567").unwrap().as_str(), "K1234567");
        assert_eq!(parse(" z 123 4567 ").unwrap().as_str(), "Z1234567");
        assert_eq!(parse("M१२३४५६७").unwrap().as_str(), "M1234567");
    }

    #[test]
    fn rejects_the_rest() {
        assert_eq!(parse(""), Err(RuleError::Required));
        for raw in [
            "12345678",
            "K123456",
            "K12345678",
            "KL123456",
            "K123456A",
            "K-1234567",
            "क1234567",
        ] {
            assert_eq!(parse(raw), Err(RuleError::Invalid), "{raw:?}");
        }
        assert!(serde_json::from_str::<Passport>("\"K123\"").is_err());
        assert_eq!(
            serde_json::from_str::<Passport>("\"k1234567\"")
                .unwrap()
                .to_string(),
            "K1234567"
        );
    }
}
