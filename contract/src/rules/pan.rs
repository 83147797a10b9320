//! Permanent Account Number (income tax).

use super::{all_digits, all_upper, compact, RuleError};

/// Holder types allowed as the PAN's 4th letter: Person, Company, HUF, Firm, Association of
/// persons, Trust, Body of individuals, Local authority, artificial Juridical person,
/// Government.
const HOLDER_TYPES: &[u8] = b"PCHFATBLJG";

/// A PAN such as "ABCPK1234F": 5 letters, 4 digits, 1 letter, upper case.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Pan(String);

string_value!(Pan.0, parse);

impl Pan {
    /// The holder-type letter (4th character), e.g. `'P'`.
    pub fn holder_type(&self) -> char {
        char::from(self.0.as_bytes()[3])
    }

    /// True for an individual's PAN (4th letter `P`).
    pub fn is_person(&self) -> bool {
        self.holder_type() == 'P'
    }
}

/// Accepts lower case and spaces. Blank → `Required`; not 5 letters + 4 digits + 1 letter, or a
/// 4th letter that is not a holder type → `Invalid`.
pub fn parse(raw: &str) -> Result<Pan, RuleError> {
    let s = compact(raw, char::is_whitespace)?;
    let ok = s.len() == 10
        && all_upper(&s[..5])
        && all_digits(&s[5..9])
        && all_upper(&s[9..])
        && HOLDER_TYPES.contains(&s.as_bytes()[3]);
    if ok {
        Ok(Pan(s))
    } else {
        Err(RuleError::Invalid)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_and_upper_cases() {
        let p = parse("abcpk1234f").unwrap();
        assert_eq!(p.as_str(), "ABCPK1234F");
        assert!(p.is_person());
        assert_eq!(parse(" ABCPK 1234 F ").unwrap(), p);
        assert_eq!(parse("ABCPK१२३४F").unwrap(), p);
        let company = parse("AAACB1234C").unwrap();
        assert!(!company.is_person());
        assert_eq!(company.holder_type(), 'C');
        for t in "PCHFATBLJG".chars() {
            assert!(parse(&format!("ABC{t}K1234F")).is_ok(), "{t}");
        }
    }

    #[test]
    fn rejects_wrong_shapes_and_holder_types() {
        assert_eq!(parse(" "), Err(RuleError::Required));
        for raw in [
            "ABCXK1234F", // X is not a holder type
            "ABCDK1234F", // nor D
            "ABCPK1234",
            "ABCPK12345F",
            "ABCP11234F",
            "ABCPK123AF",
            "ABCPK12341",
            "ABC-PK-1234-F",
            "ÀBCPK1234F",
            "अबकपक1234F",
        ] {
            assert_eq!(parse(raw), Err(RuleError::Invalid), "{raw:?}");
        }
    }

    #[test]
    fn serde_reruns_the_rule() {
        let p: Pan = serde_json::from_str("\"abcpk1234f\"").unwrap();
        assert_eq!(serde_json::to_string(&p).unwrap(), "\"ABCPK1234F\"");
        assert!(serde_json::from_str::<Pan>("\"ABCXK1234F\"").is_err());
    }
}
