//! ID newtypes: a district or police-station code is never confused with free text.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Parse failure for a master-data code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidCode;

macro_rules! code_newtype {
    ($(#[$doc:meta])* $name:ident, $max:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            /// Upper-case ASCII letters, digits and `-`, 1 to
            #[doc = stringify!($max)]
            /// characters.
            pub fn parse(raw: &str) -> Result<Self, InvalidCode> {
                let raw = raw.trim();
                let ok = !raw.is_empty()
                    && raw.len() <= $max
                    && raw
                        .bytes()
                        .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-');
                if ok {
                    Ok(Self(raw.to_owned()))
                } else {
                    Err(InvalidCode)
                }
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl TryFrom<String> for $name {
            type Error = String;
            fn try_from(value: String) -> Result<Self, Self::Error> {
                Self::parse(&value).map_err(|_| format!("invalid {}: {value:?}", stringify!($name)))
            }
        }

        impl From<$name> for String {
            fn from(value: $name) -> Self {
                value.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

code_newtype!(
    /// A district code from the state's records, e.g. `PAT` for Patna.
    DistrictCode,
    8
);
code_newtype!(
    /// A police-station code from the state's records, e.g. `PAT-KOTWALI`.
    StationCode,
    32
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_accept_record_style_and_reject_the_rest() {
        assert_eq!(DistrictCode::parse(" PAT ").unwrap().as_str(), "PAT");
        assert!(DistrictCode::parse("").is_err());
        assert!(DistrictCode::parse("pat").is_err());
        assert!(DistrictCode::parse("PATNA-CITY").is_err(), "longer than 8");
        assert!(StationCode::parse("PAT-KOTWALI").is_ok());
        assert!(StationCode::parse("PAT KOTWALI").is_err());
    }

    #[test]
    fn serde_rejects_invalid_codes() {
        let ok: DistrictCode = serde_json::from_str("\"GAY\"").unwrap();
        assert_eq!(ok.as_str(), "GAY");
        assert!(serde_json::from_str::<DistrictCode>("\"<script>\"").is_err());
    }
}

/// A filing's reference number, e.g. `BR-CMP-2026-000123`: state, service, year, sequence.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Reference(String);

impl Reference {
    pub fn new(state: &str, service: &str, year: i32, seq: u32) -> Self {
        Self(format!("{state}-{service}-{year:04}-{seq:06}"))
    }

    /// The most characters a reference may be typed with, spaces included
    /// (`ReferenceInput`'s `maxLength` in `contract/openapi.yaml`).
    pub const MAX_INPUT_CHARS: usize = 128;

    /// Accepts lower case, spaces anywhere and Devanagari digits, as people type it from a
    /// slip or an SMS on a Hindi keyboard ("br-cmp-2026-००००१२"), in at most
    /// [`Self::MAX_INPUT_CHARS`] characters.
    pub fn parse(raw: &str) -> Result<Self, InvalidCode> {
        if raw.len() > 4 * Self::MAX_INPUT_CHARS || raw.chars().count() > Self::MAX_INPUT_CHARS {
            return Err(InvalidCode);
        }
        let upper: String = crate::rules::digits::ascii_digits(raw)
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_uppercase();
        let parts: Vec<&str> = upper.split('-').collect();
        let ok = parts.len() == 4
            && parts[0].len() == 2
            && parts[0].bytes().all(|b| b.is_ascii_uppercase())
            && (2..=4).contains(&parts[1].len())
            && parts[1].bytes().all(|b| b.is_ascii_uppercase())
            && parts[2].len() == 4
            && parts[2].bytes().all(|b| b.is_ascii_digit())
            && parts[3].len() == 6
            && parts[3].bytes().all(|b| b.is_ascii_digit());
        if ok {
            Ok(Self(upper))
        } else {
            Err(InvalidCode)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Reference {
    type Error = String;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value).map_err(|_| format!("invalid reference: {value:?}"))
    }
}

impl From<Reference> for String {
    fn from(value: Reference) -> Self {
        value.0
    }
}

impl fmt::Display for Reference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod reference_tests {
    use super::*;

    #[test]
    fn reference_formats_and_parses() {
        let r = Reference::new("BR", "CMP", 2026, 123);
        assert_eq!(r.as_str(), "BR-CMP-2026-000123");
        assert_eq!(Reference::parse(" br-cmp-2026-000123 ").unwrap(), r);
        assert_eq!(Reference::parse("BR-CMP-2026-०००१२३").unwrap(), r);
        assert_eq!(Reference::parse("BR - CMP - 2026 - 000 123").unwrap(), r);
        for bad in [
            "",
            "BR-CMP-2026-123",
            "BR-CMP-26-000123",
            "B1-CMP-2026-000123",
            "BR-CMP-2026-000123-X",
        ] {
            assert!(Reference::parse(bad).is_err(), "{bad}");
        }
        // At most MAX_INPUT_CHARS characters, spaces included, whatever their bytes.
        let pad = |n: usize| format!("{}BR-CMP-2026-000123", "\u{3000}".repeat(n));
        let most = Reference::MAX_INPUT_CHARS - 18;
        assert_eq!(pad(most).chars().count(), Reference::MAX_INPUT_CHARS);
        assert!(pad(most).len() > 128, "three bytes each");
        assert_eq!(Reference::parse(&pad(most)).unwrap(), r);
        assert!(Reference::parse(&pad(most + 1)).is_err());
        let spaces = format!("{}BR-CMP-2026-000123", " ".repeat(most + 1));
        assert!(Reference::parse(&spaces).is_err());
    }
}
