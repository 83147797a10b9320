//! Request and response bodies.

use crate::ids::{DistrictCode, StationCode};
use serde::{Deserialize, Serialize};

/// `GET /api/v1/health`
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Health {
    /// `"ok"` when the server can read its database.
    pub status: String,
    /// Server build version.
    pub version: String,
}

/// One district, with its name in both languages. `GET /api/v1/districts`
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct District {
    pub code: DistrictCode,
    pub name_en: String,
    pub name_hi: String,
}

/// One police station (थाना). `GET /api/v1/districts/{code}/police-stations`
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PoliceStation {
    pub code: StationCode,
    pub district: DistrictCode,
    pub name_en: String,
    pub name_hi: String,
    /// True for the shipped sample list; a state's imported list sets this false.
    #[serde(default)]
    pub sample: bool,
    /// The station's phone number as the state lists it, e.g. `0612-2219810`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn station_round_trips_through_json() {
        let s = PoliceStation {
            code: StationCode::parse("PAT-KOTWALI").unwrap(),
            district: DistrictCode::parse("PAT").unwrap(),
            name_en: "Kotwali".into(),
            name_hi: "कोतवाली".into(),
            sample: true,
            phone: None,
            email: None,
        };
        let json = serde_json::to_string(&s).unwrap();
        assert!(json.contains("\"name_hi\":\"कोतवाली\""));
        assert!(!json.contains("phone") && !json.contains("email"), "{json}");
        assert_eq!(serde_json::from_str::<PoliceStation>(&json).unwrap(), s);
        let with_phone = PoliceStation {
            phone: Some("0612-2219810".into()),
            email: Some("kotwali@example.invalid".into()),
            ..s
        };
        let json = serde_json::to_string(&with_phone).unwrap();
        assert!(json.contains("\"phone\":\"0612-2219810\""), "{json}");
        assert_eq!(
            serde_json::from_str::<PoliceStation>(&json).unwrap(),
            with_phone
        );
    }

    #[test]
    fn health_round_trips() {
        let h = Health {
            status: "ok".into(),
            version: "0.1.0".into(),
        };
        let back: Health = serde_json::from_str(&serde_json::to_string(&h).unwrap()).unwrap();
        assert_eq!(back, h);
    }
}

/// `POST /api/v1/otp/request`: send a one-time code to this mobile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OtpRequest {
    pub mobile: String,
}

/// A code was sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OtpSent {
    /// Seconds before "Send again" may be used.
    pub resend_after_secs: u32,
    /// Seconds the code stays valid.
    pub expires_in_secs: u32,
    /// Wrong tries allowed for this code.
    pub attempts_left: u32,
}

/// `POST /api/v1/otp/verify`: the code the citizen received. Success sets the session cookie.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OtpVerify {
    pub mobile: String,
    pub code: String,
}

/// `GET /api/v1/session`: which mobile this browser session has verified, if any.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct SessionInfo {
    /// The verified mobile, 10 digits; the person who verified it typed it.
    pub verified_mobile: Option<String>,
}

/// `POST /api/v1/attachments` answers this; the file itself is the raw request body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttachmentUploaded {
    pub id: String,
    /// `image/jpeg`, `image/png` or `application/pdf`, from the file's content.
    pub mime: String,
    pub bytes: usize,
}

/// `POST /api/v1/services/{service}/submissions` (with an `Idempotency-Key` header).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Submission {
    /// Answer key → answer, as declared in the service's `ServiceSpec`.
    pub answers: crate::forms::Answers,
    /// Ids from `AttachmentUploaded`, as many as the service's `AttachmentSpec` allows.
    #[serde(default)]
    pub attachments: Vec<String>,
}

/// A filing's receipt: no personal details, so it may be shown to whoever holds the reference.
/// `GET /api/v1/acknowledgements/{reference}`
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Acknowledgement {
    pub reference: crate::ids::Reference,
    pub service: crate::services::ServiceId,
    /// RFC 3339 with the IST offset, e.g. `2026-11-28T21:05:00+05:30`.
    pub filed_at: String,
    pub station: PoliceStation,
    pub district: District,
    /// Last day to confirm in person at the police station (a complaint's signature, BNSS
    /// section 173: filed + 3 days); `null` for services that need no visit.
    pub confirm_by: Option<chrono::NaiveDate>,
    pub attachments: u32,
    /// Ids of the service's declared acknowledgement notices that the filed answers call
    /// for (a missing child: report to 112 or 1098 at once); the app shows each one's text.
    /// Carries no answer itself. Absent from older servers: empty.
    #[serde(default)]
    pub notices: Vec<String>,
    /// The answers the service prints on its slip (who filed, and what about: the
    /// declaration's `AckSpec::slip`), answered only to the session that filed it; empty to
    /// anyone else, so a reference alone reveals nothing personal.
    #[serde(default)]
    pub slip: Vec<SlipLine>,
}

/// One answer printed on the slip: the answer key and the stored value (an option's code for
/// a choice; the app shows its text).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlipLine {
    pub field: String,
    pub value: String,
}
