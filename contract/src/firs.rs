//! FIR copies: `GET /api/v1/firs/{district}/{station}/{year}/{number}`, no login.
//!
//! A registered FIR is a public document (Supreme Court, Youth Bar Association v. Union of
//! India, 2016), except the ones a station withholds: sexual offences, offences against
//! children (POCSO), insurgency, terrorism and other national-security matters, and any FIR a
//! station marks sensitive. A withheld FIR answers exactly like a missing one (`404`, the same
//! body shape) except for its code, [`ErrorCode::FirWithheld`](crate::ErrorCode::FirWithheld)
//! against [`ErrorCode::FirNotFound`](crate::ErrorCode::FirNotFound): none of its details ever
//! leave the server.

use crate::ids::Reference;
use crate::lifecycle::Status;
use crate::rules::{digits::ascii_digits, RuleError};
use crate::{District, DistrictCode, PoliceStation, StationCode};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The earliest registration year the search accepts.
pub const FIRST_YEAR: u16 = 1950;
/// FIR numbers restart at 1 every year at every station; no station reaches this.
pub const MAX_NUMBER: u32 = 99_999;
/// The service code of a search's reference: `BR-FCP-2026-000001`.
pub const SEARCH_CODE: &str = "FCP";
/// The Bharatiya Nyaya Sanhita (BNS) and the Bharatiya Nagarik Suraksha Sanhita (BNSS)
/// replaced the IPC and the CrPC for FIRs registered from this day.
pub fn new_laws_from() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 7, 1).expect("a real date")
}

/// The stages an FIR's investigation can be at, as the status pages name them.
pub const STAGES: [Status; 5] = [
    Status::FirRegistered,
    Status::UnderInvestigation,
    Status::ChargeSheeted,
    Status::FinalReport,
    Status::Transferred,
];

/// The year an FIR was registered in, as typed: four digits (Devanagari digits accepted),
/// from [`FIRST_YEAR`] to `this_year`.
pub fn parse_year(raw: &str, this_year: u16) -> Result<u16, RuleError> {
    let s = ascii_digits(raw.trim());
    if s.is_empty() {
        return Err(RuleError::Required);
    }
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(RuleError::Invalid);
    }
    if s.len() <= 2 {
        return Err(RuleError::YearNotFourDigits);
    }
    let year: u16 = match (s.len(), s.parse()) {
        (4, Ok(year)) => year,
        _ => return Err(RuleError::Invalid),
    };
    if (FIRST_YEAR..=this_year).contains(&year) {
        Ok(year)
    } else {
        Err(RuleError::OutOfRange)
    }
}

/// The FIR's number within its station and year, as typed: 1 to [`MAX_NUMBER`], leading
/// zeros and Devanagari digits accepted ("0042" and "४२" are 42).
pub fn parse_number(raw: &str) -> Result<u32, RuleError> {
    let s = ascii_digits(raw.trim());
    // Leading zeros are how CCTNS prints numbers; they do not count towards the length.
    let significant = s.trim_start_matches('0');
    if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) && significant.len() > 5 {
        return Err(RuleError::OutOfRange);
    }
    crate::rules::number::parse(
        if significant.is_empty() {
            &s
        } else {
            significant
        },
        1,
        MAX_NUMBER,
    )
}

/// `"42/2026"`: the number as the FIR and the court papers print it.
pub fn display_number(number: u32, year: u16) -> String {
    format!("{number}/{year}")
}

/// The API path of one FIR, under [`crate::API_PREFIX`].
pub fn path(district: &DistrictCode, station: &StationCode, year: u16, number: u32) -> String {
    format!("/firs/{district}/{station}/{year}/{number}")
}

/// Which code of law the FIR's sections belong to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Law {
    /// Bharatiya Nyaya Sanhita / Bharatiya Nagarik Suraksha Sanhita (from 1 July 2024).
    Bns,
    /// Indian Penal Code / Code of Criminal Procedure (FIRs before 1 July 2024).
    Ipc,
}

impl Law {
    pub fn code(self) -> &'static str {
        match self {
            Law::Bns => "bns",
            Law::Ipc => "ipc",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "bns" => Some(Law::Bns),
            "ipc" => Some(Law::Ipc),
            _ => None,
        }
    }
}

/// The language an FIR was written in; the app marks its text with this `lang`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TextLang {
    Hi,
    En,
}

impl TextLang {
    pub fn code(self) -> &'static str {
        match self {
            TextLang::Hi => "hi",
            TextLang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "hi" => Some(TextLang::Hi),
            "en" => Some(TextLang::En),
            _ => None,
        }
    }
}

/// This search, for the printed copy: the portal's reference and when the server answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FirSearch {
    /// `BR-FCP-<IST year>-<sequence>`, one per copy served.
    pub reference: Reference,
    /// RFC 3339 with the IST offset.
    pub at: String,
}

/// The public summary of an FIR. The FIR's own text (place, names, facts, rank) is as the
/// station wrote it, in [`FirCopy::lang`]; the app translates only its own words and the codes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FirCopy {
    /// `"42/2026"`
    pub fir_number: String,
    pub year: u16,
    pub number: u32,
    pub district: District,
    /// The station's names as recorded with the FIR (no phone or e-mail here).
    pub station: PoliceStation,
    /// RFC 3339 with the IST offset.
    pub registered_at: String,
    pub law: Law,
    /// As the FIR cites them, e.g. `["BNS 303(2)", "BNS 3(5)"]`.
    pub sections: Vec<String>,
    /// The day of the occurrence, or the first day of a span: `YYYY-MM-DD`, as the server
    /// writes it (kept as text so the app's FIR pages carry no date library).
    pub occurred_from: String,
    /// The last day, when the occurrence spans several (`YYYY-MM-DD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub occurred_to: Option<String>,
    pub place: String,
    pub complainant: String,
    /// The brief facts, as written in the FIR.
    pub facts: String,
    pub officer_rank: String,
    pub officer_name: String,
    /// One of [`STAGES`].
    pub stage: Status,
    pub lang: TextLang,
    /// True for the shipped sample FIRs.
    #[serde(default)]
    pub sample: bool,
    pub search: FirSearch,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_are_four_digits_up_to_this_year() {
        assert_eq!(parse_year(" 2026 ", 2026), Ok(2026));
        assert_eq!(parse_year("२०२५", 2026), Ok(2025));
        assert_eq!(parse_year("", 2026), Err(RuleError::Required));
        assert_eq!(parse_year("26", 2026), Err(RuleError::YearNotFourDigits));
        assert_eq!(parse_year("202", 2026), Err(RuleError::Invalid));
        assert_eq!(parse_year("20266", 2026), Err(RuleError::Invalid));
        assert_eq!(parse_year("2027", 2026), Err(RuleError::OutOfRange));
        assert_eq!(parse_year("1949", 2026), Err(RuleError::OutOfRange));
        assert_eq!(parse_year("20x6", 2026), Err(RuleError::Invalid));
    }

    #[test]
    fn numbers_take_leading_zeros_and_devanagari_digits() {
        assert_eq!(parse_number("42"), Ok(42));
        assert_eq!(parse_number(" 0042 "), Ok(42));
        assert_eq!(parse_number("४२"), Ok(42));
        assert_eq!(parse_number("99999"), Ok(99_999));
        assert_eq!(parse_number("000000099999"), Ok(99_999));
        assert_eq!(parse_number("100000"), Err(RuleError::OutOfRange));
        assert_eq!(parse_number("0"), Err(RuleError::OutOfRange));
        assert_eq!(parse_number(""), Err(RuleError::Required));
        assert_eq!(parse_number("42/2026"), Err(RuleError::Invalid));
        assert_eq!(parse_number("-4"), Err(RuleError::Invalid));
        assert_eq!(display_number(42, 2026), "42/2026");
    }

    #[test]
    fn a_copy_round_trips_and_leaves_out_an_open_span() {
        let copy = FirCopy {
            fir_number: "12/2026".into(),
            year: 2026,
            number: 12,
            district: District {
                code: DistrictCode::parse("PAT").unwrap(),
                name_en: "Patna".into(),
                name_hi: "पटना".into(),
            },
            station: PoliceStation {
                code: StationCode::parse("PAT-KOTWALI").unwrap(),
                district: DistrictCode::parse("PAT").unwrap(),
                name_en: "Kotwali".into(),
                name_hi: "कोतवाली".into(),
                sample: true,
                phone: None,
                email: None,
            },
            registered_at: "2026-03-14T10:20:00+05:30".into(),
            law: Law::Bns,
            sections: vec!["BNS 303(2)".into()],
            occurred_from: "2026-03-13".into(),
            occurred_to: None,
            place: "गांधी मैदान के पास".into(),
            complainant: "सीता देवी".into(),
            facts: "मोबाइल फ़ोन चोरी हो गया।".into(),
            officer_rank: "पुलिस अवर निरीक्षक".into(),
            officer_name: "रमेश कुमार".into(),
            stage: Status::UnderInvestigation,
            lang: TextLang::Hi,
            sample: true,
            search: FirSearch {
                reference: Reference::new("BR", SEARCH_CODE, 2026, 1),
                at: "2026-11-28T21:05:00+05:30".into(),
            },
        };
        let json = serde_json::to_string(&copy).unwrap();
        assert!(json.contains(r#""law":"bns""#), "{json}");
        assert!(json.contains(r#""lang":"hi""#), "{json}");
        assert!(json.contains(r#""stage":"under_investigation""#), "{json}");
        assert!(
            json.contains(r#""reference":"BR-FCP-2026-000001""#),
            "{json}"
        );
        assert!(!json.contains("occurred_to"), "{json}");
        assert!(!json.contains("phone"), "{json}");
        assert_eq!(serde_json::from_str::<FirCopy>(&json).unwrap(), copy);
    }

    #[test]
    fn codes_round_trip() {
        for law in [Law::Bns, Law::Ipc] {
            assert_eq!(Law::from_code(law.code()), Some(law));
        }
        for lang in [TextLang::Hi, TextLang::En] {
            assert_eq!(TextLang::from_code(lang.code()), Some(lang));
        }
        assert!(STAGES.iter().all(|s| Status::ALL.contains(s)));
    }
}
