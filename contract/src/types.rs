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
        };
        let json = serde_json::to_string(&s).unwrap();
        assert!(json.contains("\"name_hi\":\"कोतवाली\""));
        assert_eq!(serde_json::from_str::<PoliceStation>(&json).unwrap(), s);
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
