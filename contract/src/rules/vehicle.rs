//! Vehicle registration numbers (stolen/lost vehicle reports, driver verification).

use super::{all_digits, all_upper, compact, RuleError};

/// Two-letter codes of Indian states and union territories on number plates, including codes
/// still on older plates (DN before the 2020 merger into DD, OR before OD, UA before UK, TS as
/// well as TG). Packed two bytes per code to keep the wasm small.
const STATE_CODES: &[u8] =
    b"ANAPARASBRCGCHDDDLDNGAGJHPHRJHJKKAKLLALDMHMLMNMPMZNLODORPBPYRJSKTNTRTSTGUKUAUPWB";

/// True for a known state or union-territory code such as "BR".
pub fn is_state_code(code: &str) -> bool {
    code.len() == 2 && STATE_CODES.chunks_exact(2).any(|c| c == code.as_bytes())
}

/// A registration number, stored without separators ("BR01AB1234", "22BH1234AA").
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct VehicleRegistration {
    compact: String,
    spaced: String,
}

string_value!(VehicleRegistration.compact, parse);

impl VehicleRegistration {
    /// As written on the plate, groups separated by spaces: "BR 01 AB 1234", "DL 3C AB 1234",
    /// "22 BH 1234 AA".
    pub fn display(&self) -> &str {
        &self.spaced
    }

    /// True for a Bharat (BH) series number, valid in every state.
    pub fn is_bh_series(&self) -> bool {
        self.compact.as_bytes().get(2..4) == Some(b"BH")
    }
}

/// Splits the longest prefix of `s` whose bytes satisfy `f`.
fn take_while(s: &str, f: impl Fn(u8) -> bool) -> (&str, &str) {
    let n = s.bytes().take_while(|&b| f(b)).count();
    s.split_at(n)
}

/// `YY BH #### XX`: year of registration, BH, 4 digits, 1–2 letters.
fn parse_bh(s: &str) -> Option<VehicleRegistration> {
    let ok = (9..=10).contains(&s.len())
        && all_digits(&s[..2])
        && &s[2..4] == "BH"
        && all_digits(s.get(4..8)?)
        && all_upper(&s[8..]);
    ok.then(|| VehicleRegistration {
        compact: s.to_owned(),
        spaced: format!("{} BH {} {}", &s[..2], &s[4..8], &s[8..]),
    })
}

/// State code, RTO number (1–2 digits), 0–3 series letters (Delhi: an optional category letter
/// after the RTO number, then the series), 1–4 digit number. Without series letters the RTO
/// number is taken to have 2 digits (as written on such plates) when the digits allow it.
fn parse_state(s: &str) -> Option<VehicleRegistration> {
    let state = s.get(..2)?;
    if !is_state_code(state) {
        return None;
    }
    let (mut rto, rest) = take_while(&s[2..], |b| b.is_ascii_digit());
    let (letters, mut number) = take_while(rest, |b| b.is_ascii_uppercase());
    if letters.is_empty() && number.is_empty() {
        // No series: the RTO number and the vehicle number run together ("BR061234"). Plates
        // without a series write the RTO number with 2 digits ("BR 06 1234").
        (rto, number) = rto.split_at(rto.len().saturating_sub(1).min(2));
    }
    let rto_ok = (1..=2).contains(&rto.len()) && rto.bytes().any(|b| b != b'0');
    let number_ok =
        (1..=4).contains(&number.len()) && all_digits(number) && number.bytes().any(|b| b != b'0');
    if !rto_ok || !number_ok {
        return None;
    }
    // Delhi plates carry a vehicle-category letter after the RTO number ("DL 3C AB 1234"). It
    // is told apart from the series by a one-digit RTO number or a fourth letter.
    let category = state == "DL" && !letters.is_empty() && (rto.len() == 1 || letters.len() == 4);
    let (category, series) = letters.split_at(usize::from(category));
    if series.len() > 3 {
        return None;
    }
    let mut spaced = format!("{state} {rto}{category}");
    for group in [series, number] {
        if !group.is_empty() {
            spaced.push(' ');
            spaced.push_str(group);
        }
    }
    Some(VehicleRegistration {
        compact: s.to_owned(),
        spaced,
    })
}

/// Accepts spaces, dashes, dots, lower case and Devanagari digits. Blank → `Required`; anything
/// that is neither a state-series nor a BH-series number → `Invalid`. An RTO number or vehicle
/// number of all zeros is `Invalid`.
pub fn parse(raw: &str) -> Result<VehicleRegistration, RuleError> {
    let s = compact(raw, |c| c.is_whitespace() || c == '-' || c == '.')?;
    if s.get(2..4) == Some("BH") && s.get(..2).is_some_and(all_digits) {
        parse_bh(&s)
    } else {
        parse_state(&s)
    }
    .ok_or(RuleError::Invalid)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(raw: &str) -> VehicleRegistration {
        parse(raw).unwrap_or_else(|e| panic!("{raw:?}: {e:?}"))
    }

    #[test]
    fn state_series_as_written() {
        for raw in [
            "BR 01 AB 1234",
            "br01ab1234",
            "BR-01-AB-1234",
            "BR.01.AB.1234",
            " br 01ab 1234 ",
            "BR 01 AB १२३४",
        ] {
            let v = ok(raw);
            assert_eq!(v.as_str(), "BR01AB1234", "{raw:?}");
            assert_eq!(v.display(), "BR 01 AB 1234", "{raw:?}");
            assert!(!v.is_bh_series());
        }
        assert_eq!(ok("BR1A1").display(), "BR 1 A 1");
        assert_eq!(ok("BR 06 1234").display(), "BR 06 1234", "no series");
        assert_eq!(ok("BR061").display(), "BR 06 1");
        assert_eq!(ok("BR11").display(), "BR 1 1");
        assert_eq!(ok("BR 06 PA 4321").display(), "BR 06 PA 4321");
        assert_eq!(
            ok("UP 32 ABC 7").display(),
            "UP 32 ABC 7",
            "three series letters"
        );
        assert_eq!(ok("MH12DE1433").display(), "MH 12 DE 1433");
        assert_eq!(ok("OD 02 AB 1234").as_str(), "OD02AB1234");
        assert_eq!(ok("TS 09 EA 1234").as_str(), "TS09EA1234");
    }

    #[test]
    fn delhi_category_letter() {
        assert_eq!(ok("DL 3C AB 1234").display(), "DL 3C AB 1234");
        assert_eq!(ok("dl3cab1234").as_str(), "DL3CAB1234");
        assert_eq!(ok("DL 8C 1234").display(), "DL 8C 1234");
        assert_eq!(ok("DL 1S ABC 1").display(), "DL 1S ABC 1");
        assert_eq!(ok("DL 10 CA 1234").display(), "DL 10 CA 1234");
        assert_eq!(ok("DL 12C ABC 1234").display(), "DL 12C ABC 1234");
        assert_eq!(
            parse("DL 3C ABCD 1234"),
            Err(RuleError::Invalid),
            "5 letters"
        );
        assert_eq!(
            parse("BR 3C ABC 1234"),
            Err(RuleError::Invalid),
            "only Delhi"
        );
    }

    #[test]
    fn bh_series() {
        for raw in [
            "22 BH 1234 AA",
            "22bh1234aa",
            "22-BH-1234-AA",
            "२२ BH १२३४ AA",
        ] {
            let v = ok(raw);
            assert_eq!(v.as_str(), "22BH1234AA", "{raw:?}");
            assert_eq!(v.display(), "22 BH 1234 AA");
            assert!(v.is_bh_series());
        }
        assert_eq!(ok("23 BH 0001 A").display(), "23 BH 0001 A");
        for raw in [
            "22 BH 123 AA",
            "22 BH 12345 AA",
            "22 BH 1234",
            "22 BH 1234 AAA",
            "2 BH 1234 AA",
            "22 BH 1234 A1",
        ] {
            assert_eq!(parse(raw), Err(RuleError::Invalid), "{raw:?}");
        }
    }

    #[test]
    fn rejects_the_rest() {
        assert_eq!(parse(""), Err(RuleError::Required));
        assert_eq!(parse(" - "), Err(RuleError::Invalid));
        for raw in [
            "XX 01 AB 1234", // no such state
            "BH 01 AB 1234", // BH is not a state
            "BR AB 1234",    // no RTO number
            "BR 001 AB 1234",
            "BR 00 AB 1234",
            "BR 01 ABCD 1234",
            "BR 01 AB 12345",
            "BR 01 AB",
            "BR 01 12345",
            "BR 1",
            "BR",
            "BR 01 AB 0000",
            "BR 01 AB 1234 X",
            "BR 01 AB 12A4",
            "BR/01/AB/1234",
            "बिहार 01 AB 1234",
            "B",
        ] {
            assert_eq!(parse(raw), Err(RuleError::Invalid), "{raw:?}");
        }
    }

    #[test]
    fn state_codes() {
        assert!(is_state_code("BR") && is_state_code("WB") && is_state_code("AN"));
        assert!(!is_state_code("NA"), "codes are matched on pair boundaries");
        assert!(!is_state_code("B") && !is_state_code("BRR") && !is_state_code(""));
    }

    #[test]
    fn serde_reruns_the_rule() {
        let v: VehicleRegistration = serde_json::from_str("\"br 01 ab 1234\"").unwrap();
        assert_eq!(serde_json::to_string(&v).unwrap(), "\"BR01AB1234\"");
        assert_eq!(v.to_string(), "BR01AB1234");
        assert!(serde_json::from_str::<VehicleRegistration>("\"ZZ01AB1234\"").is_err());
    }
}
