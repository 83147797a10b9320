//! Property tests of the shared validation rules (`contract::rules`).

use chrono::{Datelike, NaiveDate};
use contract::rules::{
    aadhaar, date, driving_licence, email, epic, file, imei, mobile, name, pan, passport, pin,
    text, time, vehicle, FileKind, RuleError,
};
use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;

/// Digits as a string, optionally written in Devanagari.
fn digits_string(digits: &[u8], devanagari: bool) -> String {
    digits
        .iter()
        .map(|&d| {
            if devanagari {
                char::from_u32(0x0966 + u32::from(d)).unwrap()
            } else {
                char::from(b'0' + d)
            }
        })
        .collect()
}

/// 11 random digits (first 2–9) followed by their Verhoeff check digit.
fn valid_aadhaar() -> impl Strategy<Value = String> {
    (2u8..=9, prop::collection::vec(0u8..=9, 10)).prop_map(|(first, rest)| {
        let mut s = char::from(b'0' + first).to_string();
        s.push_str(&digits_string(&rest, false));
        let check = aadhaar::verhoeff_check_digit(&s);
        s.push(char::from(b'0' + check));
        s
    })
}

/// 14 random digits followed by their Luhn check digit.
fn valid_imei() -> impl Strategy<Value = String> {
    prop::collection::vec(0u8..=9, 14).prop_map(|d| {
        let mut s = digits_string(&d, false);
        let check = imei::luhn_check_digit(&s);
        s.push(char::from(b'0' + check));
        s
    })
}

/// Characters from the ranges the rules care about: Devanagari (letters, signs, digits),
/// Latin and Latin-1, general combining marks, joiners, controls, separators and symbols.
fn interesting_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => proptest::char::range('\u{0900}', '\u{097F}'),
        3 => proptest::char::range('a', 'z'),
        2 => proptest::char::range('A', 'Z'),
        2 => proptest::char::range('0', '9'),
        1 => proptest::char::range('\u{00A0}', '\u{00FF}'),
        1 => proptest::char::range('\u{0100}', '\u{024F}'),
        1 => proptest::char::range('\u{0300}', '\u{036F}'),
        1 => proptest::char::range('\u{1AB0}', '\u{1AFF}'),
        1 => proptest::char::range('\u{FE00}', '\u{FE2F}'),
        1 => proptest::char::range('\u{1F1E6}', '\u{1F64F}'),
        1 => proptest::char::range('\u{0000}', '\u{001F}'),
        1 => proptest::char::range('\u{007F}', '\u{009F}'),
        1 => proptest::char::range('\u{2000}', '\u{206F}'),
        3 => prop::sample::select(vec![
            ' ', ' ', '-', '.', '\'', '/', '+', '@', '(', ')', ':', '\u{200C}', '\u{200D}',
            '\u{094D}', '\r', '\n', '\t', '\u{FEFF}',
        ]),
    ]
}

fn interesting_string() -> impl Strategy<Value = String> {
    prop::collection::vec(interesting_char(), 0..40).prop_map(String::from_iter)
}

/// Strings that are often valid names: words of Devanagari or Latin letters and signs.
fn name_like() -> impl Strategy<Value = String> {
    let ch = prop_oneof![
        4 => proptest::char::range('\u{0905}', '\u{0939}'),
        2 => proptest::char::range('\u{093E}', '\u{094D}'),
        1 => prop::sample::select(vec!['\u{093C}', '\u{0902}', '\u{0901}', '\u{200D}']),
        4 => proptest::char::range('a', 'z'),
        1 => proptest::char::range('A', 'Z'),
        1 => proptest::char::range('\u{00C0}', '\u{00FF}'),
        1 => proptest::char::range('\u{0300}', '\u{0330}'),
        1 => prop::sample::select(vec![' ', ' ', '.', '\'', '-', '\u{2019}', '\t']),
    ];
    prop::collection::vec(ch, 1..30).prop_map(String::from_iter)
}

/// Calls every parse function of the rules on `s`; none may panic.
fn call_every_rule(s: &str) {
    let _ = name::parse(s);
    let _ = mobile::parse(s);
    let _ = email::parse(s);
    let _ = aadhaar::parse(s);
    let _ = aadhaar::verhoeff_valid(s);
    let _ = aadhaar::verhoeff_check_digit(s);
    let _ = pin::parse(s);
    let _ = pan::parse(s);
    let _ = epic::parse(s);
    let _ = passport::parse(s);
    let _ = driving_licence::parse(s);
    let _ = vehicle::parse(s);
    let _ = imei::parse(s);
    let _ = imei::luhn_valid(s);
    let _ = imei::luhn_check_digit(s);
    let _ = text::parse(s, 1, 20);
    let _ = text::clean(s);
    let _ = text::visible_len(s);
    let _ = time::parse_hhmm(s);
    let _ = file::sniff(s.as_bytes());
    let _ = file::check(s.as_bytes(), &[FileKind::Jpeg, FileKind::Pdf], 10);
    // Split the input in three for the multi-box rules.
    let chars: Vec<char> = s.chars().collect();
    let third = chars.len() / 3;
    let part = |a: usize, b: usize| chars[a..b].iter().collect::<String>();
    let (a, b, c) = (
        part(0, third),
        part(third, 2 * third),
        part(2 * third, chars.len()),
    );
    let _ = date::parse_dmy(&a, &b, &c);
    let _ = time::parse_hm(&a, &b);
}

/// Parsing the normalised form of an accepted value gives the same value (so `Deserialize`,
/// which re-runs the rule on the stored string, round-trips).
fn check_renormalises(s: &str) -> Result<(), TestCaseError> {
    macro_rules! same {
        ($m:ident) => {
            if let Ok(v) = $m::parse(s) {
                prop_assert_eq!($m::parse(v.as_str()), Ok(v.clone()));
                prop_assert_eq!(v.to_string(), v.as_str());
            }
        };
    }
    same!(name);
    same!(mobile);
    same!(email);
    same!(aadhaar);
    same!(pin);
    same!(pan);
    same!(passport);
    same!(driving_licence);
    same!(vehicle);
    same!(imei);
    if let Ok((v, w)) = epic::parse(s) {
        prop_assert_eq!(epic::parse(v.as_str()), Ok((v.clone(), w)));
    }
    Ok(())
}

/// An independent oracle for full years of age: birthdays passed, a 29 February birthday
/// falling on 1 March in common years.
fn age_by_counting(born: NaiveDate, today: NaiveDate) -> i32 {
    if today < born {
        return -1; // only used with born <= today
    }
    (born.year() + 1..=today.year())
        .filter(|&y| {
            let birthday = NaiveDate::from_ymd_opt(y, born.month(), born.day())
                .unwrap_or_else(|| NaiveDate::from_ymd_opt(y, 3, 1).unwrap());
            birthday <= today
        })
        .count() as i32
}

proptest! {
    // No regression files written into the source tree; failures print the minimal input.
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn every_generated_aadhaar_passes(a in valid_aadhaar(), spaced in any::<bool>(), deva in any::<bool>()) {
        prop_assert!(aadhaar::verhoeff_valid(&a));
        let mut raw = a.clone();
        if spaced {
            raw = format!("{} {} {}", &a[..4], &a[4..8], &a[8..]);
        }
        if deva {
            raw = raw.chars().map(|c| c.to_digit(10).map_or(c, |d| char::from_u32(0x0966 + d).unwrap())).collect();
        }
        let parsed = aadhaar::parse(&raw).unwrap();
        prop_assert_eq!(parsed.as_str(), a.as_str());
        prop_assert_eq!(parsed.masked(), format!("XXXX XXXX {}", &a[8..]));
    }

    #[test]
    fn every_single_digit_substitution_fails(a in valid_aadhaar(), pos in 0usize..12, delta in 1u8..=9) {
        let mut b = a.into_bytes();
        b[pos] = b'0' + (b[pos] - b'0' + delta) % 10;
        let changed = String::from_utf8(b).unwrap();
        prop_assert!(!aadhaar::verhoeff_valid(&changed));
        let err = aadhaar::parse(&changed).unwrap_err();
        prop_assert!(matches!(err, RuleError::Checksum | RuleError::Invalid), "{:?}", err);
        if pos > 0 {
            prop_assert_eq!(err, RuleError::Checksum);
        }
    }

    #[test]
    fn every_adjacent_transposition_fails(a in valid_aadhaar(), pos in 0usize..11) {
        let mut b = a.into_bytes();
        if b[pos] == b[pos + 1] {
            return Ok(()); // swapping equal digits changes nothing
        }
        b.swap(pos, pos + 1);
        let changed = String::from_utf8(b).unwrap();
        prop_assert!(!aadhaar::verhoeff_valid(&changed));
        prop_assert!(aadhaar::parse(&changed).is_err());
    }

    #[test]
    fn every_generated_imei_passes_and_single_changes_fail(i in valid_imei(), pos in 0usize..15, delta in 1u8..=9) {
        prop_assert!(imei::luhn_valid(&i));
        let parsed = imei::parse(&i).unwrap();
        prop_assert_eq!(parsed.as_str(), i.as_str());
        let mut b = i.into_bytes();
        b[pos] = b'0' + (b[pos] - b'0' + delta) % 10;
        let changed = String::from_utf8(b).unwrap();
        prop_assert!(!imei::luhn_valid(&changed));
        prop_assert_eq!(imei::parse(&changed), Err(RuleError::Checksum));
    }

    #[test]
    fn no_rule_panics_on_any_string(s in any::<String>()) {
        call_every_rule(&s);
        check_renormalises(&s)?;
    }

    #[test]
    fn no_rule_panics_on_script_and_control_mixes(s in interesting_string()) {
        call_every_rule(&s);
        check_renormalises(&s)?;
    }

    #[test]
    fn no_file_check_panics(bytes in prop::collection::vec(any::<u8>(), 0..64), max in 0usize..100) {
        let _ = file::sniff(&bytes);
        if let Ok(kind) = file::check(&bytes, &[FileKind::Jpeg, FileKind::Png, FileKind::Pdf], max) {
            prop_assert_eq!(file::sniff(&bytes), Some(kind));
            prop_assert!(bytes.len() <= max);
        }
    }

    #[test]
    fn name_normalisation_is_idempotent(s in prop_oneof![name_like(), interesting_string()]) {
        if let Ok(n) = name::parse(&s) {
            prop_assert_eq!(name::parse(n.as_str()), Ok(n.clone()));
            let len = text::visible_len(n.as_str());
            prop_assert!((name::MIN_LEN..=name::MAX_LEN).contains(&len));
            prop_assert!(!n.as_str().contains("  "));
            prop_assert_eq!(n.as_str().trim(), n.as_str());
        }
    }

    #[test]
    fn hand_rolled_nfc_matches_the_crate(s in prop_oneof![any::<String>(), interesting_string(), name_like()]) {
        let ours = name::nfc(&s);
        prop_assert_eq!(&ours, &s.nfc().collect::<String>());
        prop_assert_eq!(name::nfc(&ours), ours);
    }

    #[test]
    fn clean_is_idempotent(s in prop_oneof![any::<String>(), interesting_string()]) {
        let once = text::clean(&s);
        prop_assert_eq!(text::clean(&once), once.clone());
        prop_assert!(!once.contains('\r'));
        prop_assert_eq!(once.trim(), once.as_str());
    }

    #[test]
    fn visible_len_never_exceeds_chars(s in prop_oneof![any::<String>(), interesting_string(), name_like()]) {
        let n = text::visible_len(&s);
        prop_assert!(n <= s.chars().count());
        prop_assert_eq!(n == 0, s.is_empty());
    }

    #[test]
    fn text_parse_respects_limits(s in interesting_string(), min in 0usize..10, extra in 0usize..20) {
        let max = min + extra;
        match text::parse(&s, min, max) {
            Ok(t) => {
                let n = text::visible_len(&t);
                prop_assert!(n >= min && n <= max);
                prop_assert_eq!(t, text::clean(&s));
            }
            Err(RuleError::Required) => prop_assert!(text::clean(&s).is_empty()),
            Err(RuleError::TooShort { min: m }) => prop_assert_eq!(m, min),
            Err(RuleError::TooLong { max: m }) => prop_assert_eq!(m, max),
            Err(e) => prop_assert!(false, "unexpected {:?}", e),
        }
    }

    #[test]
    fn mobile_accepts_every_number_as_written(
        first in 6u8..=9,
        rest in prop::collection::vec(0u8..=9, 9),
        prefix in prop::sample::select(vec!["", "+91", "+91 ", "+91-", "91", "91 ", "0", "0 ", "(+91) ", "+91 (0) ", "+91 0"]),
        sep in prop::sample::select(vec!["", " ", "-", ".", " - "]),
        split in 1usize..10,
        deva in any::<bool>(),
        pad in prop::sample::select(vec!["", " ", "\t", "\u{00A0}"]),
    ) {
        let mut digits = vec![first];
        digits.extend(rest);
        let national = digits_string(&digits, false);
        let written = digits_string(&digits, deva);
        let (a, b) = written.split_at(written.char_indices().nth(split).unwrap().0);
        let raw = format!("{pad}{prefix}{a}{sep}{b}{pad}");
        let m = mobile::parse(&raw).map_err(|e| TestCaseError::fail(format!("{raw:?}: {e:?}")))?;
        prop_assert_eq!(m.as_str(), national.as_str());
        prop_assert_eq!(m.masked(), format!("XXXXXX{}", &national[6..]));
    }

    #[test]
    fn mobile_rejects_first_digit_below_6(first in 0u8..=5, rest in prop::collection::vec(0u8..=9, 9)) {
        let mut digits = vec![first];
        digits.extend(rest);
        let s = digits_string(&digits, false);
        prop_assert_eq!(mobile::parse(&s), Err(RuleError::Invalid));
        prop_assert_eq!(mobile::parse(&format!("+91 {s}")), Err(RuleError::Invalid));
    }

    #[test]
    fn vehicle_numbers_from_parts(
        state in prop::sample::select(vec!["BR", "UP", "JH", "WB", "MH", "KA", "TN"]),
        rto in 1u8..=99,
        series in "[A-Z]{0,3}",
        number in 1u16..=9999,
        lower in any::<bool>(),
        sep in prop::sample::select(vec![" ", "-", ""]),
    ) {
        let rto = format!("{rto:02}");
        let mut raw = [state, rto.as_str(), series.as_str(), &number.to_string()]
            .iter()
            .filter(|s| !s.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(sep);
        if lower {
            raw = raw.to_lowercase();
        }
        let v = vehicle::parse(&raw).map_err(|e| TestCaseError::fail(format!("{raw:?}: {e:?}")))?;
        prop_assert_eq!(v.as_str(), format!("{state}{rto}{series}{number}"));
        let spaced: Vec<String> = [state.to_owned(), rto.clone(), series.clone(), number.to_string()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect();
        prop_assert_eq!(v.display(), spaced.join(" "));
    }

    #[test]
    fn dates_round_trip_through_dmy(days in 0i64..(200 * 366)) {
        let d = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap() + chrono::Duration::days(days);
        let shown = date::format_dmy(d);
        let parts: Vec<&str> = shown.split('/').collect();
        prop_assert_eq!(date::parse_dmy(parts[0], parts[1], parts[2]), Ok(d));
    }

    #[test]
    fn age_matches_counting_birthdays(born_days in 0i64..(120 * 366), gap in 0i64..(100 * 366)) {
        let born = NaiveDate::from_ymd_opt(1904, 1, 1).unwrap() + chrono::Duration::days(born_days);
        let today = born + chrono::Duration::days(gap);
        let age = date::age_in_years(born, today);
        prop_assert_eq!(age, age_by_counting(born, today));
        let years = u32::try_from(age).unwrap();
        let exact = date::DateBounds::birth(Some(years), Some(years));
        prop_assert_eq!(date::check(born, today, &exact), Ok(born));
        prop_assert_eq!(
            date::check(born, today, &date::DateBounds::birth(Some(years + 1), None)),
            Err(RuleError::TooYoung { min_years: years + 1 })
        );
    }

    #[test]
    fn times_round_trip(h in 0u32..24, m in 0u32..60) {
        let t = time::parse_hm(&h.to_string(), &m.to_string()).unwrap();
        prop_assert_eq!(time::parse_hhmm(&time::format_hm(t)), Ok(t));
    }
}
