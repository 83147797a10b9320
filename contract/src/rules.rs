//! Field validation rules, shared by the app (wasm32, in the browser) and the server.
//!
//! Validation is plain Rust, tested natively: each field rule is a function from the raw input
//! to a typed value or a typed [`RuleError`]. The same function runs on both sides, so what the
//! browser accepts the server accepts, and a server that deserialises a typed value re-runs the
//! rule (every typed value's `Deserialize` goes through its `parse`).
//!
//! Conventions shared by every rule:
//! - empty or whitespace-only input is [`RuleError::Required`] (the form engine skips optional
//!   empty fields before calling a rule);
//! - numeric rules first turn Devanagari digits (०–९) into ASCII digits, because Hindi keyboards
//!   type them ([`digits::ascii_digits`]);
//! - identifiers accept the separators people type (spaces, dashes) and lower case, and keep a
//!   normalised form (`as_str()`); `Display` shows that same normalised string.
//!
//! Size matters in the browser: no `regex`, no big tables. The only extra dependency is
//! `unicode-normalization` (NFC for person names, [`name`]).

use std::fmt;

/// Implements `as_str`, `AsRef<str>`, `Display`, `FromStr`, `Serialize` (as the normalised
/// string) and `Deserialize` (through the rule, so a server deserialising the type re-runs it).
macro_rules! string_value {
    ($name:ident . $field:tt, $parse:expr) => {
        impl $name {
            /// The normalised value.
            pub fn as_str(&self) -> &str {
                &self.$field
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                self.as_str()
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = $crate::rules::RuleError;
            fn from_str(raw: &str) -> Result<Self, Self::Err> {
                let rule: fn(&str) -> Result<$name, $crate::rules::RuleError> = $parse;
                rule(raw)
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let raw = <String as ::serde::Deserialize>::deserialize(d)?;
                raw.parse::<$name>()
                    .map_err(|e| <D::Error as ::serde::de::Error>::custom(e.code()))
            }
        }
    };
}

pub mod aadhaar;
pub mod card;
pub mod date;
pub mod digits;
pub mod driving_licence;
pub mod email;
pub mod epic;
pub mod file;
pub mod imei;
pub mod mobile;
pub mod name;
pub mod number;
pub mod pan;
pub mod passport;
pub mod pin;
pub mod text;
pub mod time;
pub mod vehicle;

pub use aadhaar::Aadhaar;
pub use driving_licence::DrivingLicence;
pub use email::Email;
pub use epic::Epic;
pub use file::FileKind;
pub use imei::Imei;
pub use mobile::Mobile;
pub use name::PersonName;
pub use pan::Pan;
pub use passport::Passport;
pub use pin::Pin;
pub use vehicle::VehicleRegistration;

/// Why a field's input was refused. `code()` is the wire code in
/// [`FieldError::code`](crate::FieldError); the app maps it to a translation key at the view
/// edge only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RuleError {
    /// Empty or whitespace-only.
    Required,
    /// Not in the expected shape (characters, length of an identifier, prefix digit...).
    Invalid,
    /// Fewer than `min` visible characters.
    TooShort { min: usize },
    /// More than `max` visible characters (or bytes for an e-mail address).
    TooLong { max: usize },
    /// The shape is right but the check digit is not (Aadhaar, IMEI): probably a typo.
    Checksum,
    /// A date after today where only past dates make sense.
    InFuture,
    /// Younger than `min_years` full years.
    TooYoung { min_years: u32 },
    /// Older than `max_years` full years.
    TooOld { max_years: u32 },
    /// Not a calendar date (missing part, not numeric, 31/04, 29/02 in a common year...).
    InvalidDate,
    /// Not a 24-hour time.
    InvalidTime,
    /// An end date or time before its start.
    EndBeforeStart,
    /// A file that is not one of the allowed kinds (judged by its content, not its name).
    WrongFileType,
    /// A file larger than `max_bytes`.
    FileTooLarge { max_bytes: usize },
    /// A number outside the range the field allows.
    OutOfRange,
    /// A date further ahead than the field allows.
    TooFarAhead,
    /// The same as another answer it must differ from (a previous address, a reference's
    /// mobile); the message names which.
    SameAsOther,
    /// A time later than now, today.
    LaterThanNow,
    /// A year written with 1 or 2 digits ("26"): it needs all four.
    YearNotFourDigits,
    /// A date sooner than `min_days` days from today (an event the police need notice of).
    TooSoon { min_days: u32 },
    /// Periods that should follow one another leave too long a gap (an address history).
    Gap,
    /// Periods that should follow one another overlap.
    Overlap,
    /// A time inside hours the rules forbid (a loudspeaker at night).
    OutsideHours,
    /// A full card number where only its last four digits may be written.
    FullCardNumber,
}

impl RuleError {
    /// The wire code, e.g. `"too_short"`.
    pub fn code(self) -> &'static str {
        match self {
            Self::Required => "required",
            Self::Invalid => "invalid",
            Self::TooShort { .. } => "too_short",
            Self::TooLong { .. } => "too_long",
            Self::Checksum => "checksum",
            Self::InFuture => "in_future",
            Self::TooYoung { .. } => "too_young",
            Self::TooOld { .. } => "too_old",
            Self::InvalidDate => "invalid_date",
            Self::InvalidTime => "invalid_time",
            Self::EndBeforeStart => "end_before_start",
            Self::WrongFileType => "wrong_file_type",
            Self::FileTooLarge { .. } => "file_too_large",
            Self::OutOfRange => "out_of_range",
            Self::TooFarAhead => "too_far_ahead",
            Self::SameAsOther => "same_as_other",
            Self::LaterThanNow => "later_than_now",
            Self::YearNotFourDigits => "year_not_four_digits",
            Self::TooSoon { .. } => "too_soon",
            Self::Gap => "gap",
            Self::Overlap => "overlap",
            Self::OutsideHours => "outside_hours",
            Self::FullCardNumber => "full_card_number",
        }
    }

    /// The error for a wire code (server → app). The code carries no parameters, so `min`,
    /// `max`, `min_years`, `max_years`, `max_bytes` and `min_days` come back as 0; the app knows the real
    /// limits from its own copy of the field's rule. `None` for a code this build doesn't know.
    pub fn from_code(code: &str) -> Option<Self> {
        Some(match code {
            "required" => Self::Required,
            "invalid" => Self::Invalid,
            "too_short" => Self::TooShort { min: 0 },
            "too_long" => Self::TooLong { max: 0 },
            "checksum" => Self::Checksum,
            "in_future" => Self::InFuture,
            "too_young" => Self::TooYoung { min_years: 0 },
            "too_old" => Self::TooOld { max_years: 0 },
            "invalid_date" => Self::InvalidDate,
            "invalid_time" => Self::InvalidTime,
            "end_before_start" => Self::EndBeforeStart,
            "wrong_file_type" => Self::WrongFileType,
            "file_too_large" => Self::FileTooLarge { max_bytes: 0 },
            "out_of_range" => Self::OutOfRange,
            "too_far_ahead" => Self::TooFarAhead,
            "same_as_other" => Self::SameAsOther,
            "later_than_now" => Self::LaterThanNow,
            "year_not_four_digits" => Self::YearNotFourDigits,
            "too_soon" => Self::TooSoon { min_days: 0 },
            "gap" => Self::Gap,
            "overlap" => Self::Overlap,
            "outside_hours" => Self::OutsideHours,
            "full_card_number" => Self::FullCardNumber,
            _ => return None,
        })
    }
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl std::error::Error for RuleError {}

/// Accepted input that deserves a second look by the person typing it (shown, never blocking).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Warning {
    /// Not the usual format of this identifier (e.g. an old-style voter ID).
    UnusualFormat,
}

impl Warning {
    /// The wire code, e.g. `"unusual_format"`.
    pub fn code(self) -> &'static str {
        match self {
            Self::UnusualFormat => "unusual_format",
        }
    }
}

/// Longest raw input (in bytes) an identifier rule looks at; anything longer is `Invalid`
/// without further work. Generous: 16 Devanagari digits with separators fit many times over.
const MAX_ID_INPUT_BYTES: usize = 128;

/// Shared first step of the identifier rules: blank → `Required`; Devanagari digits → ASCII;
/// characters for which `is_sep` holds removed; ASCII letters upper-cased; any other non-ASCII
/// character left → `Invalid`.
pub(crate) fn compact(raw: &str, is_sep: impl Fn(char) -> bool) -> Result<String, RuleError> {
    let t = raw.trim();
    if t.is_empty() {
        return Err(RuleError::Required);
    }
    if t.len() > MAX_ID_INPUT_BYTES {
        return Err(RuleError::Invalid);
    }
    let s: String = digits::ascii_digits(t)
        .chars()
        .filter(|&c| !is_sep(c))
        .map(|c| c.to_ascii_uppercase())
        .collect();
    // Identifiers are ASCII; this also makes byte slicing in the rules safe.
    if s.is_ascii() {
        Ok(s)
    } else {
        Err(RuleError::Invalid)
    }
}

/// Whitespace or `-`: the separators every identifier accepts.
pub(crate) fn is_space_or_dash(c: char) -> bool {
    c.is_whitespace() || c == '-'
}

/// True when every byte of `s` is an ASCII digit (and `s` is not empty).
pub(crate) fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// True when every byte of `s` is an ASCII upper-case letter (and `s` is not empty).
pub(crate) fn all_upper(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_uppercase())
}

impl RuleError {
    /// One of each kind (parameters zero), for code tables and tests that must cover them all.
    pub const ALL: [RuleError; 23] = [
        RuleError::Required,
        RuleError::Invalid,
        RuleError::TooShort { min: 0 },
        RuleError::TooLong { max: 0 },
        RuleError::Checksum,
        RuleError::InFuture,
        RuleError::TooYoung { min_years: 0 },
        RuleError::TooOld { max_years: 0 },
        RuleError::InvalidDate,
        RuleError::InvalidTime,
        RuleError::EndBeforeStart,
        RuleError::WrongFileType,
        RuleError::FileTooLarge { max_bytes: 0 },
        RuleError::OutOfRange,
        RuleError::TooFarAhead,
        RuleError::SameAsOther,
        RuleError::LaterThanNow,
        RuleError::YearNotFourDigits,
        RuleError::TooSoon { min_days: 0 },
        RuleError::Gap,
        RuleError::Overlap,
        RuleError::OutsideHours,
        RuleError::FullCardNumber,
    ];
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_with_params_defaulting_to_zero() {
        for e in RuleError::ALL {
            assert_eq!(RuleError::from_code(e.code()), Some(e), "{e:?}");
            assert_eq!(e.to_string(), e.code());
        }
        assert_eq!(
            RuleError::from_code(RuleError::TooShort { min: 2 }.code()),
            Some(RuleError::TooShort { min: 0 })
        );
        assert_eq!(RuleError::from_code("something_new"), None);
        assert_eq!(RuleError::from_code(""), None);
    }

    #[test]
    fn codes_are_distinct_snake_case() {
        let mut codes: Vec<_> = RuleError::ALL.iter().map(|e| e.code()).collect();
        assert!(codes
            .iter()
            .all(|c| c.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')));
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), RuleError::ALL.len());
        assert_eq!(Warning::UnusualFormat.code(), "unusual_format");
    }

    #[test]
    fn compact_strips_separators_and_upper_cases() {
        assert_eq!(compact("  ", is_space_or_dash), Err(RuleError::Required));
        assert_eq!(compact("br-01 ab", is_space_or_dash).unwrap(), "BR01AB");
        assert_eq!(compact("९८७ ६५", is_space_or_dash).unwrap(), "98765");
        assert_eq!(
            compact(&"1".repeat(200), is_space_or_dash),
            Err(RuleError::Invalid)
        );
        assert_eq!(compact("क1", is_space_or_dash), Err(RuleError::Invalid));
        assert_eq!(compact("1\u{00A0}2", is_space_or_dash).unwrap(), "12");
    }
}
