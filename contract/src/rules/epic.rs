//! Voter ID (EPIC, Elector's Photo Identity Card) number.

use super::{all_digits, all_upper, compact, RuleError, Warning};

/// Fewest characters of any EPIC format accepted.
pub const MIN_LEN: usize = 6;
/// Most characters of any EPIC format accepted.
pub const MAX_LEN: usize = 16;

/// A voter ID number, upper case, spaces removed. Usually 3 letters + 7 digits ("ABC1234567");
/// older cards carry other formats (such as "BR/04/024/123456"), which are accepted with a
/// warning.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Epic(String);

string_value!(Epic.0, |raw| parse(raw).map(|(epic, _)| epic));

impl Epic {
    /// True for the standard format, 3 letters + 7 digits.
    pub fn is_standard(&self) -> bool {
        is_standard(&self.0)
    }
}

fn is_standard(s: &str) -> bool {
    s.len() == 10 && all_upper(&s[..3]) && all_digits(&s[3..])
}

/// Accepts lower case, spaces and Devanagari digits. Blank → `Required`. 3 letters + 7 digits →
/// no warning. Any other 6 to 16 characters of letters, digits and `/`, with at least one digit
/// (every format has a serial number) → accepted with [`Warning::UnusualFormat`]. Anything else
/// → `Invalid`.
pub fn parse(raw: &str) -> Result<(Epic, Option<Warning>), RuleError> {
    let s = compact(raw, char::is_whitespace)?;
    if is_standard(&s) {
        return Ok((Epic(s), None));
    }
    let ok = (MIN_LEN..=MAX_LEN).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'/')
        && s.bytes().any(|b| b.is_ascii_digit());
    if ok {
        Ok((Epic(s), Some(Warning::UnusualFormat)))
    } else {
        Err(RuleError::Invalid)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standard_format_has_no_warning() {
        let (e, w) = parse("abc1234567").unwrap();
        assert_eq!((e.as_str(), w), ("ABC1234567", None));
        assert!(e.is_standard());
        assert_eq!(parse(" ABC 1234567 ").unwrap().0, e);
        assert_eq!(parse("ABC१२३४५६७").unwrap(), (e, None));
    }

    #[test]
    fn older_formats_warn() {
        for (raw, want) in [
            ("BR/04/024/123456", "BR/04/024/123456"),
            ("br/04/024/123456", "BR/04/024/123456"),
            ("AB12345678", "AB12345678"),
            ("ABCD123456", "ABCD123456"),
            ("UP123456", "UP123456"),
            ("123456", "123456"),
        ] {
            let (e, w) = parse(raw).unwrap_or_else(|err| panic!("{raw:?}: {err:?}"));
            assert_eq!((e.as_str(), w), (want, Some(Warning::UnusualFormat)));
            assert!(!e.is_standard());
        }
    }

    #[test]
    fn rejects_symbols_and_wrong_lengths() {
        assert_eq!(parse(""), Err(RuleError::Required));
        for raw in [
            "ABC12",
            "ABC1234567890ABCD",
            "ABC-1234567",
            "ABC_1234567",
            "ABC.1234567",
            "ABCDEFGH",
            "//////",
            "अबस1234567",
        ] {
            assert_eq!(parse(raw), Err(RuleError::Invalid), "{raw:?}");
        }
    }

    #[test]
    fn serde_reruns_the_rule_without_the_warning() {
        let e: Epic = serde_json::from_str("\"br/04/024/123456\"").unwrap();
        assert_eq!(serde_json::to_string(&e).unwrap(), "\"BR/04/024/123456\"");
        assert!(serde_json::from_str::<Epic>("\"ABC-1234567\"").is_err());
    }
}
