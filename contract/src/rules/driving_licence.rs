//! Indian driving licence number (Sarathi format).

use super::{all_digits, compact, is_space_or_dash, vehicle::is_state_code, RuleError};

/// Earliest year of issue accepted.
pub const MIN_YEAR: u32 = 1950;
/// Latest year of issue accepted (kept fixed so the rule does not depend on the clock).
pub const MAX_YEAR: u32 = 2099;

/// A driving licence number: state code, 2-digit RTO, 4-digit year of issue, 7-digit serial,
/// stored without separators ("BR0120190012345").
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DrivingLicence(String);

string_value!(DrivingLicence.0, parse);

impl DrivingLicence {
    /// As printed: "BR01 20190012345".
    pub fn display(&self) -> String {
        format!("{} {}", &self.0[..4], &self.0[4..])
    }

    /// The year of issue.
    pub fn year(&self) -> u32 {
        self.0[4..8].parse().unwrap_or_default()
    }
}

/// Accepts spaces, dashes, lower case and Devanagari digits. Blank → `Required`; not a state
/// code + 2-digit RTO + year (1950–2099) + 7 digits → `Invalid`.
pub fn parse(raw: &str) -> Result<DrivingLicence, RuleError> {
    let s = compact(raw, is_space_or_dash)?;
    let ok = s.len() == 15
        && is_state_code(&s[..2])
        && all_digits(&s[2..])
        && s[4..8]
            .parse::<u32>()
            .is_ok_and(|y| (MIN_YEAR..=MAX_YEAR).contains(&y));
    if ok {
        Ok(DrivingLicence(s))
    } else {
        Err(RuleError::Invalid)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_as_written() {
        for raw in [
            "BR01 20190012345",
            "BR0120190012345",
            "br-01-2019-0012345",
            "BR01-20190012345",
            "BR 01 2019 0012345",
            "BR01 २०१९००१२३४५",
        ] {
            let dl = parse(raw).unwrap_or_else(|e| panic!("{raw:?}: {e:?}"));
            assert_eq!(dl.as_str(), "BR0120190012345");
            assert_eq!(dl.display(), "BR01 20190012345");
            assert_eq!(dl.year(), 2019);
        }
        assert!(parse("DL04 19500000001").is_ok());
        assert!(parse("UP32 20990000001").is_ok());
    }

    #[test]
    fn rejects_the_rest() {
        assert_eq!(parse("  "), Err(RuleError::Required));
        for raw in [
            "XX01 20190012345", // no such state
            "BR01 19490012345", // year before 1950
            "BR01 21000012345",
            "BR01 2019001234",
            "BR01 201900123456",
            "BR1 20190012345",
            "BR01/20190012345",
            "BRO1 20190012345", // letter O for zero
            "B1R0 20190012345",
        ] {
            assert_eq!(parse(raw), Err(RuleError::Invalid), "{raw:?}");
        }
        assert!(serde_json::from_str::<DrivingLicence>("\"BR01 1800\"").is_err());
        assert_eq!(
            serde_json::to_string(&parse("br01 20190012345").unwrap()).unwrap(),
            "\"BR0120190012345\""
        );
    }
}
