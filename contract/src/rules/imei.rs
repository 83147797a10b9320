//! Mobile handset IMEI (lost/stolen phone reports).

use super::{all_digits, compact, RuleError};

/// A 15-digit IMEI whose last digit is its Luhn check digit ("490154203237518").
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Imei(String);

string_value!(Imei.0, parse);

/// The Luhn sum of the ASCII digits of `digits` (other characters skipped), doubling every
/// second digit from the right starting with the rightmost when `double_first`.
fn luhn_sum(digits: &str, double_first: bool) -> u32 {
    digits
        .bytes()
        .rev()
        .filter(u8::is_ascii_digit)
        .enumerate()
        .map(|(i, b)| {
            let v = u32::from(b - b'0');
            if (i % 2 == 0) == double_first {
                let d = v * 2;
                if d > 9 {
                    d - 9
                } else {
                    d
                }
            } else {
                v
            }
        })
        .sum()
}

/// True when `digits` is non-empty, all ASCII digits, and passes the Luhn check (catches every
/// single-digit error and most adjacent transpositions).
pub fn luhn_valid(digits: &str) -> bool {
    all_digits(digits) && luhn_sum(digits, false).is_multiple_of(10)
}

/// The Luhn check digit to append to `digits` (other characters ignored). For tests and
/// generators of sample data.
pub fn luhn_check_digit(digits: &str) -> u8 {
    // The sum mod 10 is below 10, so the cast cannot truncate.
    ((10 - luhn_sum(digits, true) % 10) % 10) as u8
}

/// Accepts spaces, dashes, `/` (as printed on some boxes) and Devanagari digits. Blank →
/// `Required`; not 15 digits → `Invalid`; wrong check digit → `Checksum`.
pub fn parse(raw: &str) -> Result<Imei, RuleError> {
    let s = compact(raw, |c| c.is_whitespace() || c == '-' || c == '/')?;
    if s.len() != 15 || !all_digits(&s) {
        return Err(RuleError::Invalid);
    }
    if !luhn_valid(&s) {
        return Err(RuleError::Checksum);
    }
    Ok(Imei(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn luhn_known_values() {
        assert_eq!(luhn_check_digit("49015420323751"), 8);
        assert_eq!(luhn_check_digit("35693803564380"), 9);
        assert_eq!(luhn_check_digit("7992739871"), 3, "the textbook example");
        assert!(luhn_valid("79927398713"));
        assert!(!luhn_valid("79927398710"));
        assert!(!luhn_valid(""));
        assert!(!luhn_valid("4901 5420"));
    }

    #[test]
    fn accepts_imeis_as_written() {
        for raw in [
            "490154203237518",
            "49-015420-323751-8",
            "49 015420 323751 8",
            "490154/20/323751/8",
            "४९०१५४२०३२३७५१८",
        ] {
            assert_eq!(parse(raw).unwrap().as_str(), "490154203237518", "{raw:?}");
        }
        assert!(parse("356938035643809").is_ok());
    }

    #[test]
    fn shape_errors_and_typos() {
        assert_eq!(parse(""), Err(RuleError::Required));
        assert_eq!(
            parse("49015420323751"),
            Err(RuleError::Invalid),
            "14 digits"
        );
        assert_eq!(
            parse("4901542032375180"),
            Err(RuleError::Invalid),
            "16 digits"
        );
        assert_eq!(parse("49015420323751X"), Err(RuleError::Invalid));
        assert_eq!(parse("490154203237519"), Err(RuleError::Checksum));
        assert_eq!(
            parse("490154203273518"),
            Err(RuleError::Checksum),
            "transposed"
        );
        assert!(serde_json::from_str::<Imei>("\"490154203237519\"").is_err());
        assert_eq!(
            serde_json::from_str::<Imei>("\"49 015420 323751 8\"")
                .unwrap()
                .to_string(),
            "490154203237518"
        );
    }
}
