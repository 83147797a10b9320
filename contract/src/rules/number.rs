//! A whole number typed by a person: an age, a count. Devanagari digits and surrounding spaces
//! are accepted.

use super::{digits::ascii_digits, RuleError};

/// A number from `min` to `max`; `Invalid` when it is not a whole number, `OutOfRange` when it
/// is one outside the range.
pub fn parse(raw: &str, min: u32, max: u32) -> Result<u32, RuleError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err(RuleError::Required);
    }
    let digits = ascii_digits(raw);
    if digits.len() > 9 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(RuleError::Invalid);
    }
    let n: u32 = digits.parse().map_err(|_| RuleError::Invalid)?;
    if (min..=max).contains(&n) {
        Ok(n)
    } else {
        Err(RuleError::OutOfRange)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_numbers_in_range_in_either_script() {
        assert_eq!(parse(" 42 ", 0, 120), Ok(42));
        assert_eq!(parse("४२", 0, 120), Ok(42));
        assert_eq!(parse("0", 0, 120), Ok(0));
        assert_eq!(parse("121", 0, 120), Err(RuleError::OutOfRange));
        assert_eq!(parse("4.5", 0, 120), Err(RuleError::Invalid));
        assert_eq!(parse("-3", 0, 120), Err(RuleError::Invalid));
        assert_eq!(parse("forty", 0, 120), Err(RuleError::Invalid));
        assert_eq!(parse("", 0, 120), Err(RuleError::Required));
        assert_eq!(parse("99999999999", 0, 120), Err(RuleError::Invalid));
    }
}
