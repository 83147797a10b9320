//! Valid answers of the services added after the verifications, as in their own tests in
//! `contract/src/services/`, for a server whose clock says 1 December 2026 (IST). Shared by
//! `services.rs` (every service files) and `services_more.rs` (each one's own rules).

use contract::services::ServiceId;
use serde_json::{Map, Value};

fn object(pairs: &[(&str, &str)]) -> Value {
    let map: Map<String, Value> = pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), Value::from(*v)))
        .collect();
    Value::Object(map)
}

/// The valid answers of `service`; panics for a service that has none here.
pub fn answers(service: ServiceId) -> Value {
    match service {
        ServiceId::CharacterCertificate => object(&[
            ("name", "प्रिया कुमारी"),
            ("relative_name", "Arun Kumar"),
            ("gender", "female"),
            ("dob", "12/4/1998"),
            ("mobile", super::MOBILE),
            ("purpose", "job"),
            ("house", "House 21, Lane 3"),
            ("locality", "Rajendra Nagar"),
            ("district", "PAT"),
            ("station", "PAT-KOTWALI"),
            ("pin", "800016"),
            ("lived_since", "1/3/2024"),
            ("addresses", "1"),
            ("addresses.0.house", "Quarter 7, Railway Colony"),
            ("addresses.0.locality", "Station Road"),
            ("addresses.0.town", "Gaya"),
            ("addresses.0.state", "Bihar"),
            ("addresses.0.pin", "823001"),
            ("addresses.0.from", "1/6/2015"),
            ("addresses.0.to", "29/2/2024"),
            ("id_type", "pan"),
            ("id_number", "ABCPK1234D"),
            ("address_proof", "electricity_bill"),
            ("dob_proof", "school_certificate"),
            ("ref1_name", "Sunil Verma"),
            ("ref1_mobile", "9123456780"),
            ("ref1_address", "House 23, Lane 3, Rajendra Nagar"),
            ("ref2_name", "Meena Devi"),
            ("ref2_mobile", "9000000001"),
            ("ref2_address", "House 19, Lane 3, Rajendra Nagar"),
        ]),
        ServiceId::EventPermission => object(&[
            ("name", "Rajesh Yadav"),
            ("relative_name", "Ramdhari Yadav"),
            ("gender", "male"),
            ("dob", "5/5/1980"),
            ("mobile", super::MOBILE),
            ("house", "House 4, Ward 9"),
            ("locality", "Anisabad"),
            ("district", "PAT"),
            ("station", "PAT-KOTWALI"),
            ("pin", "800002"),
            ("organiser_type", "organisation"),
            ("org_name", "Anisabad Durga Puja Samiti"),
            ("event_type", "religious"),
            (
                "description",
                "Durga Puja pandal with evening aarti and bhajan.",
            ),
            ("attendance", "800"),
            ("start_date", "20/12/2026"),
            ("start_time", "17:00"),
            ("end_date", "20/12/2026"),
            ("end_time", "23:00"),
            ("event_district", "PAT"),
            ("event_station", "PAT-KOTWALI"),
            ("venue", "Community hall, Anisabad Chowk"),
            ("loudspeaker", "yes"),
            ("loudspeaker_from", "18:00"),
            ("loudspeaker_to", "21:30"),
        ]),
        ServiceId::MissingPerson => object(&[
            ("name", "Sunita Devi"),
            ("relative_name", "Ramesh Paswan"),
            ("gender", "female"),
            ("dob", "3/3/1985"),
            ("mobile", super::MOBILE),
            ("relation", "parent"),
            ("missing_name", "Rohit Kumar"),
            ("missing_relative_name", "Ramesh Paswan"),
            ("missing_gender", "male"),
            ("age_known", "age"),
            ("missing_age", "34"),
            ("missing_mobile", "9123456780"),
            ("languages", "Hindi, Magahi"),
            ("height_cm", "168"),
            ("build", "medium"),
            ("complexion", "wheatish"),
            ("clothes", "White kurta, brown trousers, black sandals"),
            ("last_seen_date", "30/11/2026"),
            ("last_seen_time", "16:30"),
            (
                "last_seen_place",
                "Rajendra Nagar railway station, platform 1",
            ),
            ("last_seen_district", "PAT"),
            ("last_seen_station", "PAT-KOTWALI"),
        ]),
        other => panic!("no sample answers for {other}"),
    }
}
