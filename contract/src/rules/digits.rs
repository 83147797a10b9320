//! Devanagari digits (०–९, U+0966–U+096F) as ASCII digits: Hindi keyboards type them, and every
//! numeric rule calls [`ascii_digits`] first.

use std::borrow::Cow;

/// `s` with each Devanagari digit replaced by the ASCII digit of the same value; borrowed
/// (no allocation) when there is none.
pub fn ascii_digits(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_devanagari_digit) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| match devanagari_digit_value(c) {
                Some(v) => char::from(b'0' + v),
                None => c,
            })
            .collect(),
    )
}

/// True for ० (U+0966) to ९ (U+096F).
pub fn is_devanagari_digit(c: char) -> bool {
    ('\u{0966}'..='\u{096F}').contains(&c)
}

fn devanagari_digit_value(c: char) -> Option<u8> {
    // The range check guarantees the difference is 0..=9.
    is_devanagari_digit(c).then(|| (u32::from(c) - 0x0966) as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_every_devanagari_digit() {
        assert_eq!(ascii_digits("०१२३४५६७८९"), "0123456789");
        assert_eq!(ascii_digits("+९१ ९८७६५-४३२१०"), "+91 98765-43210");
        assert_eq!(ascii_digits("पिन ८०००१"), "पिन 80001");
    }

    #[test]
    fn borrows_when_nothing_to_convert() {
        assert!(matches!(ascii_digits("98765 43210"), Cow::Borrowed(_)));
        assert!(matches!(ascii_digits("राम"), Cow::Borrowed(_)));
        assert!(matches!(ascii_digits("९"), Cow::Owned(_)));
        assert!(!is_devanagari_digit('\u{0965}') && !is_devanagari_digit('\u{0970}'));
    }
}
