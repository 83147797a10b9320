//! Aadhaar number (UIDAI): 12 digits, first 2–9, last a Verhoeff check digit.

use super::{all_digits, compact, is_space_or_dash, RuleError};

/// An Aadhaar number, stored as 12 digits ("234567890124"). Show it [`masked`](Self::masked)
/// wherever someone else may see the screen.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Aadhaar(String);

string_value!(Aadhaar.0, parse);

impl Aadhaar {
    /// Only the last four digits: "XXXX XXXX 0124".
    pub fn masked(&self) -> String {
        format!("XXXX XXXX {}", &self.0[8..])
    }

    /// Grouped 4-4-4 as printed on the card: "2345 6789 0124".
    pub fn grouped(&self) -> String {
        format!("{} {} {}", &self.0[..4], &self.0[4..8], &self.0[8..])
    }
}

/// Verhoeff's multiplication table of the dihedral group D5.
const D: [[u8; 10]; 10] = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
    [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
    [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
    [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
    [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
    [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
    [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
    [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
    [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];

/// Verhoeff's position permutations (row `i % 8` for the digit `i` places from the right): the
/// powers of σ = row 1 (a test checks this; a one-cell slip here lets transpositions through).
const P: [[u8; 10]; 8] = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
    [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
    [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
    [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
    [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
    [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
    [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];

/// Inverses in D5.
const INV: [u8; 10] = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9];

/// Runs Verhoeff's checksum over the ASCII digits of `digits` (anything else is skipped),
/// numbering positions from the right starting at `offset`.
fn verhoeff(digits: &str, offset: usize) -> u8 {
    digits
        .bytes()
        .rev()
        .filter(u8::is_ascii_digit)
        .enumerate()
        .fold(0, |c, (i, b)| {
            D[usize::from(c)][usize::from(P[(i + offset) % 8][usize::from(b - b'0')])]
        })
}

/// The Verhoeff check digit (0–9) to append to `digits`. Characters other than ASCII digits
/// are ignored. For tests and generators of sample data.
pub fn verhoeff_check_digit(digits: &str) -> u8 {
    INV[usize::from(verhoeff(digits, 1))]
}

/// True when `digits` is non-empty, all ASCII digits, and its last digit is the Verhoeff check
/// digit of the others. Verhoeff catches every single-digit error and every transposition of
/// adjacent digits.
pub fn verhoeff_valid(digits: &str) -> bool {
    all_digits(digits) && verhoeff(digits, 0) == 0
}

/// Accepts spaces, dashes and Devanagari digits. Blank → `Required`; not 12 digits or first
/// digit 0/1 → `Invalid`; wrong check digit → `Checksum`.
pub fn parse(raw: &str) -> Result<Aadhaar, RuleError> {
    let s = compact(raw, is_space_or_dash)?;
    if s.len() != 12 || !all_digits(&s) || matches!(s.as_bytes()[0], b'0' | b'1') {
        return Err(RuleError::Invalid);
    }
    if !verhoeff_valid(&s) {
        return Err(RuleError::Checksum);
    }
    Ok(Aadhaar(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn permutation_rows_are_powers_of_sigma() {
        for i in 1..8 {
            let next: Vec<u8> = P[i - 1].iter().map(|&x| P[1][usize::from(x)]).collect();
            assert_eq!(P[i].as_slice(), next.as_slice(), "row {i}");
        }
        let back: Vec<u8> = P[7].iter().map(|&x| P[1][usize::from(x)]).collect();
        assert_eq!(back.as_slice(), P[0].as_slice(), "σ has order 8");
        for (x, &inv) in INV.iter().enumerate() {
            assert_eq!(D[x][usize::from(inv)], 0, "inverse of {x}");
        }
    }

    #[test]
    fn verhoeff_known_values() {
        // The textbook example: 236 → check digit 3.
        assert_eq!(verhoeff_check_digit("236"), 3);
        assert!(verhoeff_valid("2363"));
        assert!(!verhoeff_valid("2364"));
        assert!(!verhoeff_valid("2633"), "adjacent transposition");
        assert_eq!(verhoeff_check_digit("23456789012"), 4);
        assert_eq!(
            verhoeff_check_digit("2345 6789 012"),
            4,
            "separators ignored"
        );
        assert_eq!(verhoeff_check_digit("49911899990"), 6);
        assert!(!verhoeff_valid(""));
        assert!(!verhoeff_valid("23a63"));
    }

    #[test]
    fn accepts_valid_numbers_as_written() {
        for raw in [
            "234567890124",
            "2345 6789 0124",
            "2345-6789-0124",
            " 2345  6789  0124 ",
            "२३४५ ६७८९ ०१२४",
        ] {
            assert_eq!(parse(raw).unwrap().as_str(), "234567890124", "{raw:?}");
        }
        assert!(parse("4991 1899 9906").is_ok());
        assert!(parse("8765 4321 0988").is_ok());
        assert!(parse("7531 0864 2081").is_ok());
    }

    #[test]
    fn distinguishes_shape_errors_from_typos() {
        assert_eq!(parse(""), Err(RuleError::Required));
        assert_eq!(parse("  "), Err(RuleError::Required));
        assert_eq!(parse("2345 6789 012"), Err(RuleError::Invalid), "11 digits");
        assert_eq!(
            parse("2345 6789 01245"),
            Err(RuleError::Invalid),
            "13 digits"
        );
        assert_eq!(
            parse("1234 5678 9012"),
            Err(RuleError::Invalid),
            "starts with 1"
        );
        assert_eq!(
            parse("0345 6789 0124"),
            Err(RuleError::Invalid),
            "starts with 0"
        );
        assert_eq!(parse("2345 6789 O124"), Err(RuleError::Invalid), "letter O");
        assert_eq!(parse("2345/6789/0124"), Err(RuleError::Invalid));
        assert_eq!(
            parse("2345 6789 0125"),
            Err(RuleError::Checksum),
            "last digit"
        );
        assert_eq!(
            parse("2345 6789 1024"),
            Err(RuleError::Checksum),
            "transposed"
        );
        assert_eq!(
            parse("2345 6788 0124"),
            Err(RuleError::Checksum),
            "one digit"
        );
    }

    #[test]
    fn masked_grouped_and_serde() {
        let a = parse("२३४५६७८९०१२४").unwrap();
        assert_eq!(a.grouped(), "2345 6789 0124");
        assert_eq!(a.masked(), "XXXX XXXX 0124");
        assert_eq!(a.to_string(), "234567890124");
        assert_eq!(serde_json::to_string(&a).unwrap(), "\"234567890124\"");
        assert_eq!(
            serde_json::from_str::<Aadhaar>("\"2345 6789 0124\"").unwrap(),
            a
        );
        let err = serde_json::from_str::<Aadhaar>("\"2345 6789 0125\"").unwrap_err();
        assert!(err.to_string().contains("checksum"), "{err}");
    }
}
