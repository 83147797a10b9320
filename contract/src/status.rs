//! Live status of a filing: `POST /api/v1/status/lookup` and `GET /api/v1/status/{reference}`.

use crate::ids::Reference;
use crate::lifecycle::Status;
use serde::{Deserialize, Serialize};

/// `POST /api/v1/status/lookup`: the reference and the mobile it was filed with, as typed
/// (`+91`/`0` prefixes, spaces and Devanagari digits are accepted). A match answers the view
/// and lets this browser session follow the filing with `GET /api/v1/status/{reference}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusLookup {
    pub reference: String,
    pub mobile: String,
}

/// `POST /api/v1/status/{reference}/additions`: more for a confidential tip, by its number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TipAddition {
    pub text: String,
}

/// The answer to a [`TipAddition`]: when it was added (RFC 3339, IST).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TipAdded {
    pub added_at: String,
}

/// One step of a filing's life.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusEvent {
    pub status: Status,
    /// RFC 3339 with the IST offset, e.g. `2026-11-28T21:05:00+05:30`.
    pub at: String,
    /// The office (usually a police station) where the step happened.
    pub office_en: String,
    pub office_hi: String,
    /// A note for the citizen, in both languages (both or neither).
    pub note_en: Option<String>,
    pub note_hi: Option<String>,
}

/// The step expected next and the day it is usually done by.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NextStep {
    pub status: Status,
    /// IST date, `YYYY-MM-DD`: the last event's IST date plus `Lifecycle::next_expected`'s
    /// days. Text, not a chrono date, so the status pages (which only show it) carry no date
    /// parser; the server writes it from a `NaiveDate`.
    pub by: String,
}

/// `GET /api/v1/status/{reference}` (and a successful lookup).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusView {
    pub reference: Reference,
    /// Its lifecycle (`ServiceId::lifecycle`) tells which steps apply.
    pub service: crate::services::ServiceId,
    /// The last event's status.
    pub current: Status,
    /// No further step will come: stop polling.
    pub is_final: bool,
    /// Oldest first; the first is always `submitted` (a tip's `received`).
    pub events: Vec<StatusEvent>,
    /// Set once an FIR is registered.
    pub fir_number: Option<String>,
    /// `None` when final, or when the current step has no usual duration.
    pub next: Option<NextStep>,
    /// 1 with the first event, then one more with each new event (the `ETag`'s `v<version>`).
    pub version: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_view_round_trips_with_the_documented_shape() {
        let view = StatusView {
            reference: Reference::parse("BR-CMP-2026-000001").unwrap(),
            service: crate::services::ServiceId::Complaint,
            current: Status::FirRegistered,
            is_final: false,
            events: vec![
                StatusEvent {
                    status: Status::Submitted,
                    at: "2026-11-28T21:05:00+05:30".into(),
                    office_en: "Gandhi Maidan".into(),
                    office_hi: "गांधी मैदान".into(),
                    note_en: Some("Complaint received online.".into()),
                    note_hi: Some("शिकायत ऑनलाइन प्राप्त हुई।".into()),
                },
                StatusEvent {
                    status: Status::FirRegistered,
                    at: "2026-11-30T10:00:00+05:30".into(),
                    office_en: "Gandhi Maidan".into(),
                    office_hi: "गांधी मैदान".into(),
                    note_en: None,
                    note_hi: None,
                },
            ],
            fir_number: Some("123/2026".into()),
            next: Some(NextStep {
                status: Status::UnderInvestigation,
                by: "2026-12-07".into(),
            }),
            version: 2,
        };
        let json = serde_json::to_value(&view).unwrap();
        assert_eq!(json["reference"], "BR-CMP-2026-000001");
        assert_eq!(json["current"], "fir_registered");
        assert_eq!(json["events"][0]["status"], "submitted");
        assert_eq!(json["events"][1]["note_en"], serde_json::Value::Null);
        assert_eq!(json["next"]["status"], "under_investigation");
        assert_eq!(json["next"]["by"], "2026-12-07");
        assert_eq!(json["next"]["by"], "2026-12-07");
        assert_eq!(json["version"], 2);
        assert_eq!(serde_json::from_value::<StatusView>(json).unwrap(), view);

        let lookup = StatusLookup {
            reference: "br-cmp-2026-000001".into(),
            mobile: "९८७६५ ४३२१०".into(),
        };
        let back: StatusLookup =
            serde_json::from_str(&serde_json::to_string(&lookup).unwrap()).unwrap();
        assert_eq!(back, lookup);
    }
}
