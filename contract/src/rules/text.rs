//! Free text (descriptions, addresses, places): cleaning and length in visible characters.
//!
//! # Why a hand-written segmenter
//!
//! A length limit must count what a person sees: "क्षि" is one character to its writer, but four
//! `char`s (क ् ष ि). Unicode's answer is extended grapheme clusters (UAX #29), available as the
//! `unicode-segmentation` crate, whose property tables cost tens of kilobytes in the wasm binary.
//! [`visible_len`] instead hand-codes the cases this portal meets:
//!
//! - a base character plus any following combining marks: the general combining ranges
//!   (U+0300–U+036F, U+1AB0–U+1AFF, U+1DC0–U+1DFF, U+20D0–U+20FF, U+FE20–U+FE2F), variation
//!   selectors, emoji skin-tone modifiers and tag characters, ZWJ and ZWNJ;
//! - Devanagari: matras, virama, nukta, candrabindu, anusvara, visarga and the other signs
//!   extend the cluster, and a consonant after consonant + virama (+ nukta/ZWJ) joins it, so a
//!   conjunct such as क्ष or स्त्र counts once (Unicode 15.1's rule GB9c);
//! - emoji ZWJ sequences (👨‍👩‍👧 is one), flag pairs of regional indicators, and CR LF.
//!
//! Trade-off: combining marks of other scripts (Bengali, Gurmukhi, Arabic, Hebrew...) and Hangul
//! jamo sequences are counted one per `char`, so such text counts a little long; the count is
//! never below the true number of clusters' starts and never above `chars().count()`. For a
//! length limit on a Hindi/English portal that is the right trade for the bytes saved.

use super::RuleError;

const ZWJ: char = '\u{200D}';
const VIRAMA: char = '\u{094D}';
const NUKTA: char = '\u{093C}';

/// True for a character that never starts a visible character of its own: it extends the one
/// before it.
pub(crate) fn is_extender(c: char) -> bool {
    matches!(u32::from(c),
        // Devanagari signs: candrabindu, anusvara, visarga; oe/ooe, nukta; matras, virama and
        // the other dependent signs; stress marks; vocalic l/ll matras.
        0x0900..=0x0903 | 0x093A..=0x093C | 0x093E..=0x094F | 0x0951..=0x0957 | 0x0962..=0x0963
        // General combining marks.
        | 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F
        // Variation selectors, ZWNJ/ZWJ, emoji modifiers, tags.
        | 0xFE00..=0xFE0F | 0xE0100..=0xE01EF | 0x200C | 0x200D | 0x1F3FB..=0x1F3FF
        | 0xE0020..=0xE007F)
}

/// Devanagari consonants (including the nukta forms and the additional consonants).
pub(crate) fn is_devanagari_consonant(c: char) -> bool {
    matches!(u32::from(c), 0x0915..=0x0939 | 0x0958..=0x095F | 0x0978..=0x097F)
}

fn is_regional_indicator(c: char) -> bool {
    matches!(u32::from(c), 0x1F1E6..=0x1F1FF)
}

/// Roughly Unicode's Extended_Pictographic: the emoji and symbol blocks.
fn is_pictographic(c: char) -> bool {
    matches!(u32::from(c),
        0x00A9 | 0x00AE | 0x203C | 0x2049 | 0x2122 | 0x2139 | 0x2190..=0x21FF | 0x2300..=0x23FF
        | 0x24C2 | 0x25A0..=0x27BF | 0x2934..=0x2935 | 0x2B00..=0x2BFF | 0x3030 | 0x303D
        | 0x3297 | 0x3299 | 0x1F000..=0x1F1E5 | 0x1F200..=0x1F3FA | 0x1F400..=0x1FAFF
        | 0x1FC00..=0x1FFFD)
}

/// The number of characters a person sees in `s` (grapheme clusters, approximated as described
/// in the module documentation). Always `<= s.chars().count()`.
pub fn visible_len(s: &str) -> usize {
    let mut count = 0;
    let mut prev: Option<char> = None;
    // State of the current cluster.
    let mut has_consonant = false; // a Devanagari consonant, so a virama links the next one
    let mut linked = false; // consonant + virama (+ nukta/ZWJ) seen: a consonant joins
    let mut pictographic = false; // an emoji, so ZWJ + emoji joins
    let mut lone_ri = false; // an unpaired regional indicator, so the next one joins

    for c in s.chars() {
        let joins = match prev {
            None => false,
            Some('\r') => c == '\n',
            Some(p) if p.is_control() => false,
            Some(p) => {
                !c.is_control()
                    && (is_extender(c)
                        || (linked && is_devanagari_consonant(c))
                        || (p == ZWJ && pictographic && is_pictographic(c))
                        || (lone_ri && is_regional_indicator(c)))
            }
        };
        if !joins {
            count += 1;
            has_consonant = false;
            linked = false;
            pictographic = false;
            lone_ri = false;
        }

        if is_devanagari_consonant(c) {
            has_consonant = true;
            linked = false;
        } else if c == VIRAMA {
            linked = has_consonant;
        } else if c != NUKTA && c != ZWJ {
            linked = false;
        }
        pictographic |= is_pictographic(c);
        lone_ri = is_regional_indicator(c) && !(joins && lone_ri);
        prev = Some(c);
    }
    count
}

/// True for the invisible characters [`clean`] removes: control characters other than `\n` and
/// `\t`, bidirectional embedding/override/isolate controls (they can make stored text display
/// differently from what was typed), and the byte-order mark.
fn is_removed(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// `s` with `\r\n` and lone `\r` turned into `\n`, the characters described at [`is_removed`]
/// dropped, and leading/trailing whitespace trimmed. ZWJ and ZWNJ stay: Devanagari needs them.
/// Idempotent.
pub fn clean(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            out.push('\n');
        } else if !is_removed(c) {
            out.push(c);
        }
    }
    let trimmed = out.trim();
    if trimmed.len() == out.len() {
        out
    } else {
        trimmed.to_owned()
    }
}

/// A free-text field: [`clean`]ed, then `min..=max` visible characters ([`visible_len`]).
/// Empty after cleaning → `Required`.
pub fn parse(raw: &str, min: usize, max: usize) -> Result<String, RuleError> {
    let cleaned = clean(raw);
    if cleaned.is_empty() {
        return Err(RuleError::Required);
    }
    let len = visible_len(&cleaned);
    if len < min {
        Err(RuleError::TooShort { min })
    } else if len > max {
        Err(RuleError::TooLong { max })
    } else {
        Ok(cleaned)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_and_latin_combining_marks() {
        assert_eq!(visible_len(""), 0);
        assert_eq!(visible_len("Patna"), 5);
        assert_eq!(visible_len("José"), 4);
        assert_eq!(visible_len("Jose\u{301}"), 4, "e + combining acute");
        assert_eq!(visible_len("a\u{301}\u{323}"), 1, "two marks on one base");
        assert_eq!(
            visible_len("\u{301}a"),
            2,
            "a leading mark counts on its own"
        );
    }

    #[test]
    fn devanagari_matras_signs_and_conjuncts() {
        assert_eq!(visible_len("राम"), 2, "रा + म");
        assert_eq!(visible_len("पटना"), 3);
        assert_eq!(visible_len("हिंदी"), 2, "हिं + दी");
        assert_eq!(visible_len("चाँद"), 2, "candrabindu");
        assert_eq!(visible_len("दुःख"), 2, "visarga");
        assert_eq!(visible_len("क्षत्रिय"), 3, "क्ष + त्रि + य");
        assert_eq!(visible_len("स्त्री"), 1, "three-consonant conjunct");
        assert_eq!(visible_len("ज़िला"), 2, "nukta");
        assert_eq!(visible_len("क्\u{200D}ष"), 1, "ZWJ keeps the link");
        assert_eq!(visible_len("क्\u{200C}ष"), 2, "ZWNJ asks for no conjunct");
        assert_eq!(visible_len("अं"), 1);
        assert_eq!(visible_len("अ्क"), 2, "virama on a vowel links nothing");
        assert_eq!(visible_len("राम कुमार"), 6);
        assert_eq!(visible_len("बिहार पुलिस, पटना"), 12);
    }

    #[test]
    fn emoji_flags_and_line_ends() {
        assert_eq!(visible_len("👍"), 1);
        assert_eq!(visible_len("👍🏽"), 1, "skin tone");
        assert_eq!(visible_len("👨\u{200D}👩\u{200D}👧"), 1, "family");
        assert_eq!(visible_len("❤\u{FE0F}"), 1);
        assert_eq!(visible_len("🇮🇳"), 1);
        assert_eq!(visible_len("🇮🇳🇮"), 2);
        assert_eq!(visible_len("a\r\nb"), 3);
        assert_eq!(
            visible_len("\n\u{301}"),
            2,
            "a mark does not attach to a control"
        );
    }

    #[test]
    fn clean_removes_controls_keeps_newlines_tabs_and_joiners() {
        assert_eq!(
            clean("  चोरी हुई \r\nमोबाइल\rफोन\t ok \u{0}\u{7}  "),
            "चोरी हुई \nमोबाइल\nफोन\t ok"
        );
        assert_eq!(clean("a\u{202E}b\u{2066}c\u{FEFF}"), "abc");
        assert_eq!(clean("क्\u{200D}ष"), "क्\u{200D}ष");
        assert_eq!(clean("\r\n\r\n"), "");
        assert_eq!(clean("\u{1b}[31mred"), "[31mred");
    }

    #[test]
    fn parse_checks_visible_length() {
        assert_eq!(parse("  \r\n\t ", 1, 10), Err(RuleError::Required));
        assert_eq!(parse("\u{0}", 1, 10), Err(RuleError::Required));
        assert_eq!(
            parse("मेरा फोन चोरी", 20, 2000),
            Err(RuleError::TooShort { min: 20 })
        );
        assert_eq!(parse("स्त्री", 1, 1).as_deref(), Ok("स्त्री"));
        assert_eq!(parse("abcd", 1, 3), Err(RuleError::TooLong { max: 3 }));
        assert_eq!(
            parse(" गांधी मैदान, पटना \r\n", 5, 100).as_deref(),
            Ok("गांधी मैदान, पटना")
        );
    }
}
