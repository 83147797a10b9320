//! The on-screen keyboard's layouts. Each key is (plain, with Shift), as on a physical
//! keyboard. Hindi is InScript (the Government of India standard, IS 13194), so a citizen who
//! learnt it at a cyber café finds every letter where they expect it.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Hindi, InScript.
    Hindi,
    /// English, QWERTY.
    English,
    /// Digits, for mobile numbers, PIN codes and dates.
    Digits,
}

pub type Row = &'static [(&'static str, &'static str)];

impl Layout {
    pub const ALL: [Layout; 3] = [Layout::Hindi, Layout::English, Layout::Digits];

    pub fn rows(self) -> &'static [Row] {
        match self {
            Layout::Hindi => INSCRIPT,
            Layout::English => QWERTY,
            Layout::Digits => DIGITS,
        }
    }

    pub fn has_shift(self) -> bool {
        self != Layout::Digits
    }
}

const INSCRIPT: &[Row] = &[
    &[
        ("ॊ", "ऒ"),
        ("१", "ऍ"),
        ("२", "ॅ"),
        ("३", "्र"),
        ("४", "र्"),
        ("५", "ज्ञ"),
        ("६", "त्र"),
        ("७", "क्ष"),
        ("८", "श्र"),
        ("९", "("),
        ("०", ")"),
        ("-", "ः"),
        ("ृ", "ऋ"),
    ],
    &[
        ("ौ", "औ"),
        ("ै", "ऐ"),
        ("ा", "आ"),
        ("ी", "ई"),
        ("ू", "ऊ"),
        ("ब", "भ"),
        ("ह", "ङ"),
        ("ग", "घ"),
        ("द", "ध"),
        ("ज", "झ"),
        ("ड", "ढ"),
        ("़", "ञ"),
        ("ॉ", "ऑ"),
    ],
    &[
        ("ो", "ओ"),
        ("े", "ए"),
        ("्", "अ"),
        ("ि", "इ"),
        ("ु", "उ"),
        ("प", "फ"),
        ("र", "ऱ"),
        ("क", "ख"),
        ("त", "थ"),
        ("च", "छ"),
        ("ट", "ठ"),
    ],
    &[
        ("ॆ", "ऎ"),
        ("ं", "ँ"),
        ("म", "ण"),
        ("न", "ऩ"),
        ("व", "ऴ"),
        ("ल", "ळ"),
        ("स", "श"),
        (",", "ष"),
        (".", "।"),
        ("य", "य़"),
    ],
];

const QWERTY: &[Row] = &[
    &[
        ("1", "!"),
        ("2", "@"),
        ("3", "#"),
        ("4", "$"),
        ("5", "%"),
        ("6", "^"),
        ("7", "&"),
        ("8", "*"),
        ("9", "("),
        ("0", ")"),
        ("-", "_"),
    ],
    &[
        ("q", "Q"),
        ("w", "W"),
        ("e", "E"),
        ("r", "R"),
        ("t", "T"),
        ("y", "Y"),
        ("u", "U"),
        ("i", "I"),
        ("o", "O"),
        ("p", "P"),
    ],
    &[
        ("a", "A"),
        ("s", "S"),
        ("d", "D"),
        ("f", "F"),
        ("g", "G"),
        ("h", "H"),
        ("j", "J"),
        ("k", "K"),
        ("l", "L"),
        ("'", "\""),
    ],
    &[
        ("z", "Z"),
        ("x", "X"),
        ("c", "C"),
        ("v", "V"),
        ("b", "B"),
        ("n", "N"),
        ("m", "M"),
        (",", ";"),
        (".", ":"),
        ("@", "/"),
    ],
];

const DIGITS: &[Row] = &[
    &[("1", "1"), ("2", "2"), ("3", "3")],
    &[("4", "4"), ("5", "5"), ("6", "6")],
    &[("7", "7"), ("8", "8"), ("9", "9")],
    &[("0", "0")],
];

/// True for a vowel sign, virama, nukta or other mark that joins the letter before it; the
/// keyboard shows it on a dotted circle (◌ि) so it can be seen on its own.
pub fn is_combining(key: &str) -> bool {
    key.chars().next().is_some_and(|c| {
        matches!(c, '\u{0900}'..='\u{0903}' | '\u{093A}'..='\u{094F}' | '\u{0951}'..='\u{0957}' | '\u{0962}' | '\u{0963}')
    })
}

/// Removes one character before the caret (or the selection), the way Backspace does on a
/// phone: a vowel sign or virama goes on its own, leaving its consonant. Works in UTF-16
/// units, as the browser's caret does; returns the new value and caret.
pub fn backspace(value: &[u16], start: usize, end: usize) -> (Vec<u16>, usize) {
    let (start, end) = (start.min(value.len()), end.min(value.len()));
    let (from, to) = if start < end {
        (start, end)
    } else if start == 0 {
        return (value.to_vec(), 0);
    } else {
        let low_surrogate = (0xDC00..=0xDFFF).contains(&value[start - 1]);
        let width = if low_surrogate && start >= 2 { 2 } else { 1 };
        (start - width, start)
    };
    let mut out = value[..from].to_vec();
    out.extend_from_slice(&value[to..]);
    (out, from)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(s: &str) -> Vec<u16> {
        s.encode_utf16().collect()
    }

    #[test]
    fn kitab_is_typed_from_inscript_keys() {
        let find = |c: &str| {
            INSCRIPT
                .iter()
                .flat_map(|r| r.iter())
                .any(|(plain, _)| *plain == c)
        };
        for c in ["क", "ि", "त", "ा", "ब"] {
            assert!(find(c), "{c} is not on the plain InScript layer");
        }
        // InScript's home row: k = क, l = त, f = ि; e = ा and y = ब on the row above.
        assert_eq!(INSCRIPT[2][7].0, "क");
        assert_eq!(INSCRIPT[2][8].0, "त");
        assert_eq!(INSCRIPT[2][3].0, "ि");
        assert_eq!(INSCRIPT[1][2].0, "ा");
        assert_eq!(INSCRIPT[1][5].0, "ब");
    }

    #[test]
    fn every_key_types_something_and_no_layer_repeats_a_key() {
        for layout in Layout::ALL {
            let mut seen = std::collections::HashSet::new();
            for (plain, shifted) in layout.rows().iter().flat_map(|r| r.iter()) {
                assert!(!plain.is_empty() && !shifted.is_empty());
                assert!(seen.insert(*plain), "{layout:?}: {plain} twice");
            }
        }
        let digits: String = DIGITS.iter().flat_map(|r| r.iter().map(|k| k.0)).collect();
        assert_eq!(digits, "1234567890");
    }

    #[test]
    fn marks_are_combining_and_letters_are_not() {
        for m in ["ि", "ा", "्", "ं", "ँ", "़", "ृ", "ॅ"] {
            assert!(is_combining(m), "{m}");
        }
        for l in ["क", "अ", "१", "a", "-", "्र", "ज्ञ"] {
            assert_eq!(is_combining(l), l == "्र", "{l}");
        }
    }

    #[test]
    fn backspace_removes_one_character_even_a_matra() {
        let v = units("किताब");
        let (out, caret) = backspace(&v, v.len(), v.len());
        assert_eq!(String::from_utf16(&out).unwrap(), "किता");
        assert_eq!(caret, out.len());
        let (out, _) = backspace(&out, out.len(), out.len());
        assert_eq!(String::from_utf16(&out).unwrap(), "कित");
        // "कि": the vowel sign goes, the consonant stays.
        let v = units("कि");
        assert_eq!(String::from_utf16(&backspace(&v, 2, 2).0).unwrap(), "क");
    }

    #[test]
    fn backspace_in_the_middle_at_the_start_and_over_a_selection() {
        let v = units("abcd");
        let (out, caret) = backspace(&v, 2, 2);
        assert_eq!(
            (String::from_utf16(&out).unwrap(), caret),
            ("acd".into(), 1)
        );
        assert_eq!(backspace(&v, 0, 0), (v.clone(), 0));
        let (out, caret) = backspace(&v, 1, 3);
        assert_eq!((String::from_utf16(&out).unwrap(), caret), ("ad".into(), 1));
        let e = units("a😀");
        assert_eq!(String::from_utf16(&backspace(&e, 3, 3).0).unwrap(), "a");
    }
}
