//! The last four digits of a lost bank card: never the full number. A report of a lost card
//! names the card by its last four digits, as banks do; a full card number typed there is
//! refused (and so never stored or sent), with a message that says why.

use super::{all_digits, compact, RuleError};

/// Card numbers are 12 to 19 digits: anything this long is a full number, not its last four.
const FULL_NUMBER_FROM: usize = 12;

/// Four digits (spaces and Devanagari digits accepted) → the digits. A full card number →
/// `FullCardNumber`; anything else that is not four digits → `Invalid`.
pub fn parse_last4(raw: &str) -> Result<String, RuleError> {
    let s = compact(raw, |c| c.is_whitespace() || c == '-')?;
    if all_digits(&s) && s.len() >= FULL_NUMBER_FROM {
        return Err(RuleError::FullCardNumber);
    }
    if s.len() != 4 || !all_digits(&s) {
        return Err(RuleError::Invalid);
    }
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn four_digits_as_written() {
        assert_eq!(parse_last4("4321").unwrap(), "4321");
        assert_eq!(parse_last4(" 43 21 ").unwrap(), "4321");
        assert_eq!(parse_last4("४३२१").unwrap(), "4321");
    }

    #[test]
    fn a_full_card_number_is_refused_as_such() {
        for full in [
            "4111111111111111",
            "4111 1111 1111 1111",
            "4111-1111-1111-1111",
            "378282246310005",
            "6521 1234 5678 9012 345",
            "४१११ ११११ ११११ ११११",
        ] {
            assert_eq!(parse_last4(full), Err(RuleError::FullCardNumber), "{full}");
        }
    }

    #[test]
    fn other_shapes_are_invalid() {
        for bad in ["123", "12345", "12a4", "abcd", "12345678"] {
            assert_eq!(parse_last4(bad), Err(RuleError::Invalid), "{bad}");
        }
        assert_eq!(parse_last4("  "), Err(RuleError::Required));
    }
}
