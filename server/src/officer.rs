//! `officer advance`: record a filing's next step from the command line, on the same SQLite
//! file a running server uses (WAL and a busy timeout let both write). A stand-in for the
//! station's CCTNS until a state connects its own.

use crate::{db, time, BoxError};
use chrono::{DateTime, Utc};
use contract::lifecycle::{Lifecycle, Status};
use contract::services::ServiceId;
use contract::{Reference, StationCode};
use rusqlite::{params, OptionalExtension, Transaction, TransactionBehavior};
use std::path::Path;
use std::process::ExitCode;

/// A note for the citizen: at most this many characters.
pub const MAX_NOTE_CHARS: usize = 1000;
/// An FIR number as the station writes it, e.g. `123/2026`: at most this many characters.
pub const MAX_FIR_CHARS: usize = 40;

/// What the officer asked for, as typed.
#[derive(Debug, Clone, Default)]
pub struct Advance {
    pub reference: String,
    pub status: String,
    pub note_en: Option<String>,
    pub note_hi: Option<String>,
    pub fir_number: Option<String>,
    /// A police-station code; the filing's own station when `None`.
    pub office: Option<String>,
}

/// Runs `officer advance` and prints `BR-CMP-2026-000001: received → under_enquiry`.
pub fn run(db_path: &Path, request: &Advance) -> Result<ExitCode, BoxError> {
    let line = advance(db_path, request, Utc::now())?;
    println!("{line}");
    Ok(ExitCode::SUCCESS)
}

/// Checks and records the step at `now`; answers the line to print.
pub fn advance(db_path: &Path, request: &Advance, now: DateTime<Utc>) -> Result<String, BoxError> {
    if !db_path.is_file() {
        return Err(format!("no database at {}", db_path.display()).into());
    }
    let to = Status::from_code(request.status.trim()).ok_or_else(|| {
        let codes: Vec<&str> = Status::ALL.iter().map(|s| s.code()).collect();
        format!(
            "unknown status {:?} (one of: {})",
            request.status,
            codes.join(", ")
        )
    })?;
    let reference = Reference::parse(&request.reference)
        .map_err(|_| format!("unknown reference {}", request.reference.trim()))?;
    let fir_number = clean(request.fir_number.as_deref(), "--fir-number", MAX_FIR_CHARS)?;
    let note_en = clean(request.note_en.as_deref(), "--note-en", MAX_NOTE_CHARS)?;
    let note_hi = clean(request.note_hi.as_deref(), "--note-hi", MAX_NOTE_CHARS)?;
    if note_en.is_some() != note_hi.is_some() {
        return Err("give both --note-en and --note-hi, or neither for the default notes".into());
    }
    match (to, &fir_number) {
        (Status::FirRegistered, None) => return Err("fir_registered needs --fir-number".into()),
        (Status::FirRegistered, Some(_)) | (_, None) => {}
        (_, Some(_)) => return Err("--fir-number goes with fir_registered only".into()),
    }

    let conn = db::open(db_path)?;
    // IMMEDIATE: the current step is read under the write lock, so two officers (or a
    // retried command) cannot both move the filing from the same step.
    let tx = Transaction::new_unchecked(&conn, TransactionBehavior::Immediate)?;
    let filing: Option<(String, String, String, String)> = tx
        .query_row(
            "SELECT service, station_code, station_name_en, station_name_hi
             FROM filings WHERE reference = ?1",
            [reference.as_str()],
            |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?)),
        )
        .optional()?;
    let Some((service, station, station_en, station_hi)) = filing else {
        return Err(format!("unknown reference {reference}").into());
    };
    let (current, version): (String, u32) = tx.query_row(
        "SELECT status, version FROM status_events WHERE reference = ?1
         ORDER BY version DESC LIMIT 1",
        [reference.as_str()],
        |row| Ok((row.get(0)?, row.get(1)?)),
    )?;
    let current = Status::from_code(&current)
        .ok_or_else(|| format!("{reference} has an unknown status {current:?} stored"))?;
    let lifecycle = ServiceId::from_slug(&service)
        .ok_or_else(|| format!("{reference} has an unknown service {service:?} stored"))?
        .lifecycle();
    if !lifecycle.can_move(current, to) {
        return Err(format!("cannot move {reference} from {current} to {to}").into());
    }

    let (office, office_en, office_hi) = match request.office.as_deref() {
        None => (station, station_en, station_hi),
        Some(raw) => {
            let unknown = || format!("unknown office {}", raw.trim());
            let code = StationCode::parse(raw).map_err(|_| unknown())?;
            let names: Option<(String, String)> = tx
                .query_row(
                    "SELECT name_en, name_hi FROM police_stations WHERE code = ?1",
                    [code.as_str()],
                    |row| Ok((row.get(0)?, row.get(1)?)),
                )
                .optional()?;
            let (en, hi) = names.ok_or_else(unknown)?;
            (code.as_str().to_owned(), en, hi)
        }
    };
    let (note_en, note_hi) = match (note_en, note_hi) {
        (Some(en), Some(hi)) => (en, hi),
        _ => default_notes(lifecycle, to, &office_en, &office_hi, fir_number.as_deref()),
    };
    tx.execute(
        "INSERT INTO status_events
             (reference, status, at, office, office_en, office_hi, note_en, note_hi, version)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            reference.as_str(),
            to.code(),
            time::rfc3339_utc(now),
            office,
            office_en,
            office_hi,
            note_en,
            note_hi,
            version + 1,
        ],
    )?;
    if let Some(fir) = &fir_number {
        tx.execute(
            "UPDATE filings SET fir_number = ?2 WHERE reference = ?1",
            params![reference.as_str(), fir],
        )?;
    }
    tx.commit()?;
    Ok(format!("{reference}: {current} → {to}"))
}

/// Trimmed; `None` when absent. Blank, too long or with control characters is an error.
fn clean(raw: Option<&str>, flag: &str, max_chars: usize) -> Result<Option<String>, BoxError> {
    let Some(raw) = raw else {
        return Ok(None);
    };
    let text = raw.trim();
    if text.is_empty() {
        return Err(format!("{flag} is empty").into());
    }
    if text.chars().count() > max_chars {
        return Err(format!("{flag} is longer than {max_chars} characters").into());
    }
    if text.chars().any(char::is_control) {
        return Err(format!("{flag} has control characters").into());
    }
    Ok(Some(text.to_owned()))
}

/// The note a citizen reads when the officer wrote none, in English and Hindi. `station` is
/// the office's name (for `transferred`, the station the complaint went to).
pub fn default_notes(
    lifecycle: Lifecycle,
    status: Status,
    station_en: &str,
    station_hi: &str,
    fir_number: Option<&str>,
) -> (String, String) {
    let fir = fir_number.unwrap_or("—");
    let (en, hi) = match (lifecycle, status) {
        (Lifecycle::Complaint, Status::Submitted) => (
            "Complaint received online.".to_owned(),
            "शिकायत ऑनलाइन प्राप्त हुई।".to_owned(),
        ),
        (Lifecycle::ServiceRequest, Status::Submitted) => (
            "Request received online.".to_owned(),
            "अनुरोध ऑनलाइन प्राप्त हुआ।".to_owned(),
        ),
        // A tip's steps say nothing of a station or of anyone's case.
        (Lifecycle::Tip, Status::Received) => {
            ("Tip received.".to_owned(), "सूचना प्राप्त हुई।".to_owned())
        }
        (Lifecycle::Tip, _) | (_, Status::ActionTaken) => (
            "Action has been taken on this tip.".to_owned(),
            "इस सूचना पर कार्रवाई की गई है।".to_owned(),
        ),
        (_, Status::Received) => (
            format!("Your complaint has reached {station_en} police station."),
            format!("आपकी शिकायत {station_hi} थाने में पहुँच गई है।"),
        ),
        (_, Status::UnderEnquiry) => (
            format!("{station_en} police station is enquiring into your complaint."),
            format!("{station_hi} थाना आपकी शिकायत की प्रारंभिक जाँच कर रहा है।"),
        ),
        (_, Status::FirRegistered) => (
            format!(
                "An FIR has been registered at {station_en} police station. FIR number: {fir}."
            ),
            format!("{station_hi} थाने में प्राथमिकी (FIR) दर्ज हो गई है। प्राथमिकी संख्या: {fir}।"),
        ),
        (_, Status::UnderInvestigation) => (
            format!("{station_en} police station is investigating your case."),
            format!("{station_hi} थाना आपके मामले का अनुसंधान कर रहा है।"),
        ),
        (_, Status::ChargeSheeted) => (
            "The investigation is complete and a charge sheet has been filed in court.".to_owned(),
            "अनुसंधान पूरा हो गया है और न्यायालय में आरोप-पत्र दाखिल कर दिया गया है।".to_owned(),
        ),
        (_, Status::FinalReport) => (
            "The investigation is complete and a final report has been sent to the court."
                .to_owned(),
            "अनुसंधान पूरा हो गया है और न्यायालय को अंतिम प्रतिवेदन भेज दिया गया है।".to_owned(),
        ),
        (_, Status::Transferred) => (
            format!(
                "A zero FIR was registered and your complaint has been sent to {station_en} \
                 police station, which covers the place of the incident."
            ),
            format!(
                "शून्य प्राथमिकी (ज़ीरो FIR) दर्ज कर आपकी शिकायत घटनास्थल वाले {station_hi} \
                 थाने को भेज दी गई है।"
            ),
        ),
        (_, Status::Closed) => (
            format!(
                "Your complaint has been closed after enquiry. For details, contact \
                 {station_en} police station."
            ),
            format!(
                "जाँच के बाद आपकी शिकायत बंद कर दी गई है। जानकारी के लिए {station_hi} थाने से \
                 संपर्क करें।"
            ),
        ),
        (Lifecycle::Complaint, Status::Rejected) => (
            format!(
                "Your complaint could not be taken up. To know why, contact {station_en} \
                 police station."
            ),
            format!(
                "आपकी शिकायत पर कार्रवाई नहीं हो सकी। कारण जानने के लिए {station_hi} थाने से \
                 संपर्क करें।"
            ),
        ),
        (Lifecycle::ServiceRequest, Status::Rejected) => (
            format!(
                "Your request has been rejected. To know why, contact {station_en} police \
                 station."
            ),
            format!(
                "आपका अनुरोध अस्वीकार कर दिया गया है। कारण जानने के लिए {station_hi} थाने से \
                 संपर्क करें।"
            ),
        ),
        (_, Status::PendingAtStation) => (
            format!("Your request has reached {station_en} police station."),
            format!("आपका अनुरोध {station_hi} थाने में पहुँच गया है।"),
        ),
        (_, Status::VerificationInProgress) => (
            format!("{station_en} police station is doing the police verification."),
            format!("{station_hi} थाना पुलिस सत्यापन कर रहा है।"),
        ),
        (_, Status::Approved) => (
            "Your request has been approved.".to_owned(),
            "आपका अनुरोध स्वीकृत हो गया है।".to_owned(),
        ),
    };
    (en, hi)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_has_notes_in_both_languages() {
        for lifecycle in [Lifecycle::Complaint, Lifecycle::ServiceRequest] {
            for &status in lifecycle.statuses() {
                let (en, hi) =
                    default_notes(lifecycle, status, "Kotwali", "कोतवाली", Some("7/2026"));
                assert!(en.is_ascii() && !en.is_empty(), "{status}: {en}");
                assert!(
                    hi.chars().any(|c| ('\u{0900}'..='\u{097F}').contains(&c)),
                    "{status}: {hi}"
                );
                assert!(!en.contains("  ") && !hi.contains("  "), "{status}");
            }
        }
        let (en, hi) = default_notes(
            Lifecycle::Complaint,
            Status::Received,
            "Kotwali",
            "कोतवाली",
            None,
        );
        assert_eq!(en, "Your complaint has reached Kotwali police station.");
        assert_eq!(hi, "आपकी शिकायत कोतवाली थाने में पहुँच गई है।");
        let (en, hi) = default_notes(
            Lifecycle::Complaint,
            Status::FirRegistered,
            "Kotwali",
            "कोतवाली",
            Some("7/2026"),
        );
        assert!(en.contains("FIR number: 7/2026."), "{en}");
        assert!(hi.contains("प्राथमिकी संख्या: 7/2026।"), "{hi}");
    }

    #[test]
    fn flags_are_trimmed_and_checked() {
        assert_eq!(clean(None, "--x", 5).unwrap(), None);
        assert_eq!(
            clean(Some(" ab "), "--x", 5).unwrap().as_deref(),
            Some("ab")
        );
        assert!(clean(Some("  "), "--x", 5).is_err());
        assert!(clean(Some("abcdef"), "--x", 5).is_err());
        assert!(clean(Some("a\u{7}b"), "--x", 5).is_err());
        assert_eq!(
            clean(Some("कोतवाली"), "--x", 7).unwrap().as_deref(),
            Some("कोतवाली")
        );
    }
}
