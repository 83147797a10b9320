//! A person's name (applicant, father's/husband's name, tenant...), in Devanagari, Latin or
//! Urdu (Arabic) script, or a mix: Urdu is Bihar's second official language.

use super::text::{is_extender, visible_len};
use super::RuleError;
use unicode_normalization::char::{canonical_combining_class, compose, decompose_canonical};

/// Fewest visible characters in a name.
pub const MIN_LEN: usize = 2;
/// Most visible characters in a name.
pub const MAX_LEN: usize = 100;
/// Most `char`s in a name (a visible character is rarely more than 3).
const MAX_CHARS: usize = 4 * MAX_LEN;
/// Longest raw input looked at.
const MAX_INPUT_BYTES: usize = 16 * 1024;

/// A person's name: trimmed, inner whitespace runs collapsed to one space, typographic
/// apostrophes (’ ‘) made `'`, Unicode NFC; letters of Devanagari or Latin script, spaces, `.`,
/// `'` and `-`; 2 to 100 visible characters.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PersonName(String);

string_value!(PersonName.0, parse);

/// What the previous character was, for the rule that a combining mark needs a base of its
/// own script before it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Prev {
    Start,
    Devanagari,
    Latin,
    Arabic,
    Other,
}

/// Arabic-script letters used for Urdu (the Arabic block less its digits, punctuation and
/// marks), and the Arabic Presentation Forms a keyboard may type.
fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0620}'..='\u{064A}' | '\u{066E}'..='\u{066F}' | '\u{0671}'..='\u{06D3}'
        | '\u{06D5}' | '\u{06EE}'..='\u{06EF}' | '\u{06FA}'..='\u{06FC}' | '\u{06FF}')
}

/// Arabic vowel marks (harakat), shadda and the superscript alef: they follow a letter.
fn is_arabic_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}')
}

fn is_devanagari(c: char) -> bool {
    ('\u{0900}'..='\u{097F}').contains(&c)
}

/// Devanagari characters a name may hold: the block less its digits and dandas.
fn is_devanagari_name_char(c: char) -> bool {
    is_devanagari(c) && !('\u{0964}'..='\u{096F}').contains(&c)
}

/// Latin letters: ASCII, Latin-1 (less × and ÷), Latin Extended-A/B and Latin Extended
/// Additional (precomposed letters with dots and macrons, as in transliterated names).
fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || (matches!(c, '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}')
            && c != '\u{00D7}'
            && c != '\u{00F7}')
}

fn is_latin_combining(c: char) -> bool {
    ('\u{0300}'..='\u{036F}').contains(&c)
}

/// True when `s` (already collapsed and NFC) holds only name characters, starts with a letter
/// and has every combining mark after a base of its own script.
fn valid_chars(s: &str) -> bool {
    let mut prev = Prev::Start;
    for c in s.chars() {
        prev = if is_devanagari_name_char(c) {
            let is_mark = is_extender(c);
            if is_mark && prev != Prev::Devanagari {
                return false;
            }
            // Abbreviation sign and high dot are punctuation-like: not a first letter.
            if prev == Prev::Start && matches!(c, '\u{0970}' | '\u{0971}') {
                return false;
            }
            Prev::Devanagari
        } else if is_latin_letter(c) {
            Prev::Latin
        } else if is_latin_combining(c) {
            if prev != Prev::Latin {
                return false;
            }
            Prev::Latin
        } else if is_arabic_letter(c) {
            Prev::Arabic
        } else if is_arabic_mark(c) {
            if prev != Prev::Arabic {
                return false;
            }
            Prev::Arabic
        } else if c == '\u{200C}' || c == '\u{200D}' {
            // ZWNJ/ZWJ choose Devanagari half forms, and Urdu letter joining.
            if !matches!(prev, Prev::Devanagari | Prev::Arabic) {
                return false;
            }
            prev
        } else if matches!(c, ' ' | '.' | '\'' | '-') && prev != Prev::Start {
            Prev::Other
        } else {
            return false;
        };
    }
    true
}

/// Unicode Normalization Form C (UAX #15): canonical decomposition, canonical ordering, canonical
/// composition. Idempotent.
///
/// Written over `unicode_normalization::char`'s per-character functions rather than its
/// `nfc()` iterator: the iterator decides between canonical and compatibility decomposition at
/// run time, which links the compatibility tables and its quick-check tables too (about 100 KB
/// more wasm). The property tests check this function against `nfc()` on arbitrary strings.
pub fn nfc(s: &str) -> String {
    // Decompose.
    let mut chars: Vec<char> = Vec::with_capacity(s.len());
    for c in s.chars() {
        decompose_canonical(c, |d| chars.push(d));
    }
    // Order each run of non-starters by combining class (a stable sort keeps equal classes in
    // their original order, as the algorithm requires).
    let mut i = 0;
    while i < chars.len() {
        let start = i;
        while i < chars.len() && canonical_combining_class(chars[i]) != 0 {
            i += 1;
        }
        chars[start..i].sort_by_key(|&c| canonical_combining_class(c));
        i += 1;
    }
    // Compose: each character with the last starter, unless a character in between blocks it
    // (a starter, or a mark of the same or a higher class).
    let mut out: Vec<char> = Vec::with_capacity(chars.len());
    let mut starter: Option<usize> = None;
    let mut last_class: Option<u8> = None; // class of the last character kept after the starter
    for c in chars {
        let class = canonical_combining_class(c);
        if let Some(at) = starter {
            let blocked = last_class.is_some_and(|last| last == 0 || last >= class);
            if !blocked {
                if let Some(composed) = compose(out[at], c) {
                    out[at] = composed;
                    continue;
                }
            }
        }
        if class == 0 {
            starter = Some(out.len());
            last_class = None;
        } else {
            last_class = Some(class);
        }
        out.push(c);
    }
    out.into_iter().collect()
}

/// Validates and normalises a name. Blank → `Required`; a character that is not a name
/// character, a leading mark or punctuation → `Invalid`; fewer than [`MIN_LEN`] / more than
/// [`MAX_LEN`] visible characters → `TooShort` / `TooLong`.
pub fn parse(raw: &str) -> Result<PersonName, RuleError> {
    let mut collapsed = String::with_capacity(raw.len());
    for word in raw.split_whitespace() {
        if !collapsed.is_empty() {
            collapsed.push(' ');
        }
        collapsed.extend(word.chars().map(|c| match c {
            '\u{2018}' | '\u{2019}' => '\'',
            c => c,
        }));
    }
    if collapsed.is_empty() {
        return Err(RuleError::Required);
    }
    // Bounds the work on hostile input before normalising; far above any accepted name.
    if collapsed.len() > MAX_INPUT_BYTES {
        return Err(RuleError::TooLong { max: MAX_LEN });
    }
    let normalised = nfc(&collapsed);
    // A name of at most MAX_LEN visible characters has far fewer than MAX_CHARS chars; this
    // refuses a letter with hundreds of combining marks. Counted after NFC (which can add
    // chars) so that parsing an accepted name again accepts it again.
    if normalised.chars().count() > MAX_CHARS {
        return Err(RuleError::TooLong { max: MAX_LEN });
    }
    if !valid_chars(&normalised) {
        return Err(RuleError::Invalid);
    }
    match visible_len(&normalised) {
        n if n < MIN_LEN => Err(RuleError::TooShort { min: MIN_LEN }),
        n if n > MAX_LEN => Err(RuleError::TooLong { max: MAX_LEN }),
        _ => Ok(PersonName(normalised)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(raw: &str) -> String {
        parse(raw).unwrap_or_else(|e| panic!("{raw:?}: {e:?}")).0
    }

    #[test]
    fn accepts_hindi_english_and_mixed_names() {
        assert_eq!(ok("राम कुमार"), "राम कुमार");
        assert_eq!(ok("  सुनीता   देवी \t"), "सुनीता देवी");
        assert_eq!(ok("Ramesh Kumar Singh"), "Ramesh Kumar Singh");
        assert_eq!(ok("S. K. Jha"), "S. K. Jha");
        assert_eq!(ok("D’Souza"), "D'Souza");
        assert_eq!(ok("Abdul-Karim"), "Abdul-Karim");
        assert_eq!(ok("मो. इरफ़ान"), "मो. इरफ़ान");
        assert_eq!(ok("श्रीकृष्ण प्रसाद"), "श्रीकृष्ण प्रसाद");
        assert_eq!(ok("राम Kumar"), "राम Kumar");
        assert_eq!(ok("Ṛṣi Śarmā"), "Ṛṣi Śarmā");
        assert_eq!(ok("Zoë"), "Zoë");
        assert_eq!(ok("डॉ॰ अंसारी"), "डॉ॰ अंसारी");
        assert_eq!(ok("क्\u{200D}षमा"), "क्\u{200D}षमा");
    }

    #[test]
    fn accepts_names_in_urdu_script() {
        for raw in ["محمد عرفان", "نسرین بانو", "Md. عرفان", "عائشہ"] {
            let n = parse(raw).unwrap_or_else(|e| panic!("{raw:?}: {e:?}"));
            assert_eq!(n.as_str(), raw);
        }
        // Digits, punctuation and a stray mark are still not a name.
        for raw in ["محمد ١٢", "محمد؟", "\u{064E}محمد"] {
            assert_eq!(parse(raw), Err(RuleError::Invalid), "{raw:?}");
        }
    }

    #[test]
    fn normalises_to_nfc() {
        assert_eq!(nfc("e\u{301}"), "\u{e9}");
        assert_eq!(
            nfc("a\u{323}\u{302}"),
            "\u{1EAD}",
            "ậ: dot below first, then circumflex"
        );
        assert_eq!(
            nfc("a\u{302}\u{323}"),
            "\u{1EAD}",
            "marks reordered by class"
        );
        assert_eq!(nfc("\u{212B}"), "\u{C5}", "Angstrom sign is a singleton");
        assert_eq!(nfc("\u{0928}\u{093C}"), "\u{0929}", "ऩ composes");
        assert_eq!(
            nfc("\u{0915}\u{094D}\u{093C}"),
            "\u{0915}\u{093C}\u{094D}",
            "nukta before virama"
        );
        assert_eq!(nfc("\u{1100}\u{1161}\u{11A8}"), "\u{AC01}", "Hangul");
        assert_eq!(nfc("\u{301}a"), "\u{301}a");
        assert_eq!(nfc(""), "");
        assert_eq!(ok("Jose\u{301}"), "José");
        // Nukta letters are composition exclusions: NFC keeps base + nukta.
        assert_eq!(ok("\u{095B}ाकिर"), "\u{091C}\u{093C}ाकिर");
        assert_eq!(ok("\u{091C}\u{093C}ाकिर"), "\u{091C}\u{093C}ाकिर");
    }

    #[test]
    fn rejects_digits_symbols_and_stray_marks() {
        assert_eq!(parse(""), Err(RuleError::Required));
        assert_eq!(parse(" \u{00A0}\n "), Err(RuleError::Required));
        assert_eq!(parse("Ramesh2"), Err(RuleError::Invalid));
        assert_eq!(parse("राम१"), Err(RuleError::Invalid), "Devanagari digit");
        assert_eq!(parse("राम।"), Err(RuleError::Invalid), "danda");
        assert_eq!(parse("ram@kumar"), Err(RuleError::Invalid));
        assert_eq!(parse("ि राम"), Err(RuleError::Invalid), "matra first");
        assert_eq!(
            parse("राम ्श्याम"),
            Err(RuleError::Invalid),
            "virama after space"
        );
        assert_eq!(
            parse("A\u{093E}"),
            Err(RuleError::Invalid),
            "matra on Latin"
        );
        assert_eq!(
            parse("र\u{301}म"),
            Err(RuleError::Invalid),
            "Latin mark on Devanagari"
        );
        assert_eq!(parse("\u{200D}राम"), Err(RuleError::Invalid));
        assert_eq!(parse(".Ram"), Err(RuleError::Invalid));
        assert_eq!(parse("Ram×"), Err(RuleError::Invalid));
        assert_eq!(parse("Раман"), Err(RuleError::Invalid), "Cyrillic");
        assert_eq!(parse("Ram\u{0}"), Err(RuleError::Invalid));
    }

    #[test]
    fn length_is_in_visible_characters() {
        assert_eq!(parse("A"), Err(RuleError::TooShort { min: 2 }));
        assert_eq!(parse("क्ष"), Err(RuleError::TooShort { min: 2 }));
        assert_eq!(ok("Om"), "Om");
        assert_eq!(ok("राम"), "राम");
        assert!(parse(&"a".repeat(100)).is_ok());
        assert_eq!(
            parse(&"a".repeat(101)),
            Err(RuleError::TooLong { max: 100 })
        );
        // 100 conjuncts of 3 chars each: 300 chars, 100 visible.
        assert!(parse(&"क्ष".repeat(100)).is_ok());
        assert_eq!(
            parse(&format!("a{}", "\u{301}".repeat(500))),
            Err(RuleError::TooLong { max: 100 })
        );
    }

    #[test]
    fn serde_round_trip_reruns_the_rule() {
        let n = parse(" राम  कुमार ").unwrap();
        let json = serde_json::to_string(&n).unwrap();
        assert_eq!(json, "\"राम कुमार\"");
        assert_eq!(serde_json::from_str::<PersonName>(&json).unwrap(), n);
        assert_eq!(
            serde_json::from_str::<PersonName>("\"  Ram   Lal \"")
                .unwrap()
                .as_str(),
            "Ram Lal"
        );
        assert!(serde_json::from_str::<PersonName>("\"R2D2\"").is_err());
        assert_eq!(n.to_string(), "राम कुमार");
    }
}
