//! An Indian mobile number.

use super::{all_digits, compact, RuleError};

/// A 10-digit Indian mobile number whose first digit is 6–9, stored without prefix or
/// separators ("9876543210").
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Mobile(String);

string_value!(Mobile.0, parse);

impl Mobile {
    /// Grouped 5-5 for reading aloud or on screen: "98765 43210".
    pub fn display(&self) -> String {
        format!("{} {}", &self.0[..5], &self.0[5..])
    }

    /// Only the last four digits shown, for screens others may see: "XXXXXX3210".
    pub fn masked(&self) -> String {
        format!("XXXXXX{}", &self.0[6..])
    }
}

/// The most characters a number may be typed with, separators and surrounding spaces
/// included (`MobileInput`'s `maxLength` in `contract/openapi.yaml`): room for
/// "+91 (0) 98765 43210" twice over.
pub const MAX_INPUT_CHARS: usize = 40;

/// Accepts the number as people write it: `+91`/`91` country code (when 12 digits), a leading
/// trunk `0` (when 11 digits, or after `+91`), spaces, dashes, dots, parentheses, Devanagari
/// digits. Blank → `Required`; longer than [`MAX_INPUT_CHARS`] or anything else that is not 10
/// digits starting 6–9 → `Invalid`.
pub fn parse(raw: &str) -> Result<Mobile, RuleError> {
    let s = compact(raw, |c| {
        c.is_whitespace() || matches!(c, '-' | '.' | '(' | ')')
    })?;
    if raw.chars().count() > MAX_INPUT_CHARS {
        return Err(RuleError::Invalid);
    }
    let national = if let Some(rest) = s.strip_prefix('+') {
        // After a `+` only India's country code makes an Indian mobile number.
        let rest = rest.strip_prefix("91").ok_or(RuleError::Invalid)?;
        match rest.len() {
            11 => rest.strip_prefix('0').ok_or(RuleError::Invalid)?,
            _ => rest,
        }
    } else {
        match s.len() {
            12 => s.strip_prefix("91").ok_or(RuleError::Invalid)?,
            11 => s.strip_prefix('0').ok_or(RuleError::Invalid)?,
            _ => &s,
        }
    };
    if national.len() == 10 && all_digits(national) && matches!(national.as_bytes()[0], b'6'..=b'9')
    {
        Ok(Mobile(national.to_owned()))
    } else {
        Err(RuleError::Invalid)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(raw: &str) -> String {
        parse(raw).unwrap_or_else(|e| panic!("{raw:?}: {e:?}")).0
    }

    #[test]
    fn accepts_the_ways_people_write_a_number() {
        for raw in [
            "9876543210",
            "98765 43210",
            "98765-43210",
            "+91 98765 43210",
            "+91-9876543210",
            "+919876543210",
            "919876543210",
            "09876543210",
            "098765 43210",
            "(+91) 98765.43210",
            "+91 (0) 98765 43210",
            "+9109876543210",
            "९८७६५४३२१०",
            "+९१ ९८७६५ ४३२१०",
            " \u{00A0}9876543210\u{00A0} ",
        ] {
            assert_eq!(ok(raw), "9876543210", "{raw:?}");
        }
        assert_eq!(ok("6000000000"), "6000000000");
        assert_eq!(ok("7 0 0 0 0 0 0 0 0 1"), "7000000001");
        // A landline with its STD code can look like 0 + a mobile number: "0612 2219999" is
        // accepted as 6122219999. Only the OTP can tell; the rule cannot.
        assert_eq!(ok("0612 2219999"), "6122219999");
    }

    #[test]
    fn rejects_landlines_short_long_and_foreign_numbers() {
        assert_eq!(parse(""), Err(RuleError::Required));
        assert_eq!(parse("   "), Err(RuleError::Required));
        for raw in [
            "5876543210",    // first digit 5
            "221 9999",      // landline without the STD code
            "987654321",     // 9 digits
            "98765432101",   // 11 digits without a leading 0
            "929876543210",  // 12 digits without 91
            "+1 9876543210", // another country
            "98765x43210",
            "98765_43210",
            "+",
            "--",
            "9876543210+",
            "+91 +91 9876543210",
        ] {
            assert_eq!(parse(raw), Err(RuleError::Invalid), "{raw:?}");
        }
        assert_eq!(parse("+91 0 98765 432101"), Err(RuleError::Invalid));
        // Counted in characters, surrounding spaces included, as the contract's maxLength.
        let spaced = format!("{}9876543210", " ".repeat(MAX_INPUT_CHARS - 10));
        assert_eq!(ok(&spaced), "9876543210");
        assert_eq!(parse(&format!(" {spaced}")), Err(RuleError::Invalid));
        let separated = format!("6{}", "\u{0085}0".repeat(9)) + &"\u{0085}".repeat(22);
        assert!(separated.len() <= 128 && separated.chars().count() > MAX_INPUT_CHARS);
        assert_eq!(parse(&separated), Err(RuleError::Invalid));
    }

    #[test]
    fn display_and_masking() {
        let m = parse("+91 98765-43210").unwrap();
        assert_eq!(m.as_str(), "9876543210");
        assert_eq!(m.display(), "98765 43210");
        assert_eq!(m.masked(), "XXXXXX3210");
        assert_eq!(m.to_string(), "9876543210");
        assert_eq!(serde_json::to_string(&m).unwrap(), "\"9876543210\"");
        let back: Mobile = serde_json::from_str("\"+91 98765 43210\"").unwrap();
        assert_eq!(back, m);
        assert!(serde_json::from_str::<Mobile>("\"12345\"").is_err());
    }
}
