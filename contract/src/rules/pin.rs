//! Postal Index Number (PIN code).

use super::{all_digits, compact, RuleError};

/// A 6-digit PIN code whose first digit is 1–9 ("800001").
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Pin(String);

string_value!(Pin.0, parse);

impl Pin {
    /// True for Bihar's PIN codes, which start with 80–85.
    pub fn is_bihar(&self) -> bool {
        matches!(self.0.as_bytes()[..2], [b'8', b'0'..=b'5'])
    }
}

/// Accepts spaces (as in "800 001") and Devanagari digits. Blank → `Required`; anything but 6
/// digits starting 1–9 → `Invalid`.
pub fn parse(raw: &str) -> Result<Pin, RuleError> {
    let s = compact(raw, char::is_whitespace)?;
    if s.len() == 6 && all_digits(&s) && s.as_bytes()[0] != b'0' {
        Ok(Pin(s))
    } else {
        Err(RuleError::Invalid)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_six_digits_and_knows_bihar() {
        let patna = parse("800001").unwrap();
        assert!(patna.is_bihar());
        assert_eq!(parse(" ८०० ००१ ").unwrap(), patna);
        assert!(parse("823001").unwrap().is_bihar(), "Gaya");
        assert!(parse("855107").unwrap().is_bihar(), "Kishanganj");
        assert!(parse("845401").unwrap().is_bihar(), "Motihari");
        assert!(!parse("110001").unwrap().is_bihar(), "Delhi");
        assert!(!parse("860001").unwrap().is_bihar());
        assert!(!parse("700001").unwrap().is_bihar(), "Kolkata");
        assert!(!parse("226001").unwrap().is_bihar(), "Lucknow");
    }

    #[test]
    fn rejects_the_rest() {
        assert_eq!(parse(""), Err(RuleError::Required));
        for raw in ["080001", "80001", "8000011", "80000A", "800-001", "८००००"] {
            assert_eq!(parse(raw), Err(RuleError::Invalid), "{raw:?}");
        }
    }

    #[test]
    fn serde_reruns_the_rule() {
        assert_eq!(
            serde_json::from_str::<Pin>("\"800 001\"").unwrap().as_str(),
            "800001"
        );
        assert!(serde_json::from_str::<Pin>("\"000000\"").is_err());
    }
}
