//! The services added after the verifications (character certificate, event permission,
//! missing person) through `POST /api/v1/services/{service}/submissions` over real HTTP: one
//! valid filing each, and each of their own rules refused on the field that breaks it, as
//! their declarations in `contract/src/services/` say.

mod common;

use chrono::{DateTime, TimeZone, Utc};
use common::more_samples::answers;
use common::{error_of, submit, Server, MOBILE};
use contract::services::ServiceId;
use reqwest::StatusCode;
use serde_json::{json, Value};

const PNG: &[u8] = &[
    0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D,
];
const PDF: &[u8] = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n";

/// Noon IST on the day the sample answers were written for (2026-12-01).
fn noon() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 1, 6, 30, 0).unwrap()
}

async fn upload(server: &Server, client: &reqwest::Client, bytes: &[u8]) -> String {
    let response = client
        .post(server.url("/api/v1/attachments"))
        .header("content-type", "application/octet-stream")
        .body(bytes.to_vec())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
    response.json::<Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// The sample answers with `changes` applied (an empty value removes the answer), and
/// `files` freshly uploaded.
async fn body(
    server: &Server,
    client: &reqwest::Client,
    service: ServiceId,
    changes: &[(&str, &str)],
    files: &[&[u8]],
) -> Value {
    let mut answers = answers(service);
    for (key, value) in changes {
        let map = answers.as_object_mut().unwrap();
        if value.is_empty() {
            map.remove(*key);
        } else {
            map.insert((*key).to_owned(), json!(value));
        }
    }
    let mut ids = Vec::new();
    for f in files {
        ids.push(upload(server, client, f).await);
    }
    json!({ "answers": answers, "attachments": ids })
}

/// A 422's field errors as (field, code) pairs.
async fn field_errors(response: reqwest::Response) -> Vec<(String, String)> {
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let error = error_of(response).await;
    assert_eq!(error["code"], "validation_failed");
    error["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["field"].as_str().unwrap().to_owned(),
                e["code"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn pair(field: &str, code: &str) -> Vec<(String, String)> {
    vec![(field.to_owned(), code.to_owned())]
}

/// Answers changed from the sample ones, and the one field and code they must be refused with.
type Case<'a> = (&'a [(&'a str, &'a str)], &'a str, &'a str);

/// Sends each case as its own submission and expects exactly its one field error; nothing
/// is filed.
async fn refused(
    server: &Server,
    client: &reqwest::Client,
    service: ServiceId,
    cases: &[Case<'_>],
) {
    for (i, (changes, field, code)) in cases.iter().enumerate() {
        let files: &[&[u8]] = if service.spec().attachments.is_some() {
            &[PNG]
        } else {
            &[]
        };
        let body = body(server, client, service, changes, files).await;
        let key = format!("{service}-refused-{i}");
        let response = submit(server, client, service.slug(), Some(&key), &body).await;
        assert_eq!(
            field_errors(response).await,
            pair(field, code),
            "{service}: {changes:?}"
        );
    }
    assert_eq!(
        server.count(&format!(
            "SELECT COUNT(*) FROM filings WHERE service = '{}'",
            service.slug()
        )),
        0
    );
}

/// Files the sample answers and answers the receipt.
async fn file(
    server: &Server,
    client: &reqwest::Client,
    service: ServiceId,
    changes: &[(&str, &str)],
    files: &[&[u8]],
    key: &str,
) -> Value {
    let body = body(server, client, service, changes, files).await;
    let response = submit(server, client, service.slug(), Some(key), &body).await;
    assert_eq!(response.status(), StatusCode::CREATED, "{service}");
    response.json().await.unwrap()
}

fn stored(server: &Server, reference: &str) -> Value {
    let answers: String = server
        .db()
        .query_row(
            "SELECT answers FROM filings WHERE reference = ?1",
            [reference],
            |r| r.get(0),
        )
        .unwrap();
    serde_json::from_str(&answers).unwrap()
}

#[tokio::test]
async fn a_character_certificate_files_with_its_address_history() {
    let server = Server::start_at(noon()).await;
    let browser = server.verified(MOBILE).await;
    let service = ServiceId::CharacterCertificate;
    let ack = file(&server, &browser, service, &[], &[PNG], "chc-key-1").await;
    assert_eq!(ack["reference"], "BR-CHC-2026-000001");
    assert_eq!(ack["service"], "character-certificate");
    assert_eq!(ack["station"]["code"], "PAT-KOTWALI");
    assert_eq!(ack["confirm_by"], Value::Null);
    assert_eq!(ack["notices"], json!([]));
    let kept = stored(&server, "BR-CHC-2026-000001");
    assert_eq!(kept["addresses.0.from"], "1/6/2015");
    assert_eq!(kept["ref2_mobile"], "9000000001");
    // Five years at the current address need no earlier one.
    let ack = file(
        &server,
        &browser,
        service,
        &[("lived_since", "1/12/2021"), ("addresses", "")],
        &[PNG],
        "chc-key-2",
    )
    .await;
    assert_eq!(ack["reference"], "BR-CHC-2026-000002");
}

#[tokio::test]
async fn a_character_certificates_own_rules_are_refused_on_their_field() {
    let server = Server::start_at(noon()).await;
    let browser = server.verified(MOBILE).await;
    // A second earlier address, for gaps and overlaps between two entries.
    let second: &[(&str, &str)] = &[
        ("addresses", "2"),
        ("addresses.1.house", "Room 4, Sinha Lodge"),
        ("addresses.1.locality", "Boring Road"),
        ("addresses.1.town", "Patna"),
        ("addresses.1.state", "Bihar"),
        ("addresses.1.pin", "800001"),
        ("addresses.0.from", "1/9/2020"),
        ("addresses.1.from", "1/1/2016"),
    ];
    let with = |extra: (&'static str, &'static str)| {
        let mut v = second.to_vec();
        v.push(extra);
        v
    };
    let gap_between = with(("addresses.1.to", "30/6/2020"));
    let overlap_between = with(("addresses.1.to", "30/9/2020"));
    refused(
        &server,
        &browser,
        ServiceId::CharacterCertificate,
        &[
            // 17 years old.
            (&[("dob", "2/12/2008")], "dob", "too_young"),
            // Moved here less than 5 years ago, nothing before.
            (
                &[("lived_since", "1/1/2022"), ("addresses", "")],
                "lived_since",
                "gap",
            ),
            // 31 days between the earlier address and this one.
            (&[("addresses.0.to", "29/1/2024")], "lived_since", "gap"),
            // The earlier address ends after the move here.
            (&[("addresses.0.to", "1/6/2024")], "lived_since", "overlap"),
            (
                &[("addresses.0.to", "1/1/2015")],
                "addresses.0.to",
                "end_before_start",
            ),
            (gap_between.as_slice(), "addresses.0.from", "gap"),
            (overlap_between.as_slice(), "addresses.0.from", "overlap"),
            (
                &[
                    ("id_type", "passport"),
                    ("id_number", "K1234567"),
                    ("dob_proof", "passport"),
                ],
                "dob_proof",
                "same_as_other",
            ),
            // Not an address proof at all.
            (&[("address_proof", "pan")], "address_proof", "invalid"),
            (
                &[("ref1_mobile", "+91 98765 43210")],
                "ref1_mobile",
                "same_as_other",
            ),
            (
                &[("ref2_mobile", "09123456780")],
                "ref2_mobile",
                "same_as_other",
            ),
        ],
    )
    .await;
    // The photo must be a photo.
    let body = body(
        &server,
        &browser,
        ServiceId::CharacterCertificate,
        &[],
        &[PDF],
    )
    .await;
    let response = submit(
        &server,
        &browser,
        "character-certificate",
        Some("chc-key-pdf"),
        &body,
    )
    .await;
    assert_eq!(
        field_errors(response).await,
        pair("attachments", "wrong_file_type")
    );
}

#[tokio::test]
async fn an_event_permission_files_with_a_pdf_consent_and_a_procession_its_route() {
    let server = Server::start_at(noon()).await;
    let browser = server.verified(MOBILE).await;
    let service = ServiceId::EventPermission;
    let ack = file(&server, &browser, service, &[], &[PDF], "evp-key-1").await;
    assert_eq!(ack["reference"], "BR-EVP-2026-000001");
    assert_eq!(ack["station"]["code"], "PAT-KOTWALI");
    assert_eq!(ack["attachments"], 1);
    let procession: &[(&str, &str)] = &[
        ("event_type", "procession"),
        ("venue", ""),
        ("route_start", "Anisabad Chowk"),
        ("route_end", "Gandhi Maidan"),
        ("stops", "2"),
        ("stops.0.place", "Gardanibagh"),
        ("stops.1.place", "Income Tax Golambar"),
        ("event_station", "PAT-GANDHI-MAIDAN"),
        ("attendance", "12000"),
    ];
    let ack = file(
        &server,
        &browser,
        service,
        procession,
        &[PNG, PDF],
        "evp-key-2",
    )
    .await;
    assert_eq!(ack["reference"], "BR-EVP-2026-000002");
    assert_eq!(ack["station"]["code"], "PAT-GANDHI-MAIDAN");
    let kept = stored(&server, "BR-EVP-2026-000002");
    assert_eq!(kept["stops.1.place"], "Income Tax Golambar");
    assert_eq!(kept["route_end"], "Gandhi Maidan");
    // A public meeting keeps its venue, and no route left over from a procession.
    let mut meeting = procession.to_vec();
    meeting.extend([("event_type", "public_meeting"), ("venue", "Gandhi Maidan")]);
    let ack = file(&server, &browser, service, &meeting, &[PDF], "evp-key-3").await;
    let kept = stored(&server, ack["reference"].as_str().unwrap());
    assert_eq!(kept["venue"], "Gandhi Maidan");
    assert!(
        kept.get("stops").is_none() && kept.get("route_start").is_none(),
        "{kept}"
    );
}

#[tokio::test]
async fn an_events_own_rules_are_refused_on_their_field() {
    let server = Server::start_at(noon()).await;
    let browser = server.verified(MOBILE).await;
    refused(
        &server,
        &browser,
        ServiceId::EventPermission,
        &[
            // 6 days ahead.
            (
                &[("start_date", "7/12/2026"), ("end_date", "7/12/2026")],
                "start_date",
                "too_soon",
            ),
            (&[("end_time", "16:30")], "end_time", "end_before_start"),
            (
                &[("end_date", "19/12/2026")],
                "end_date",
                "end_before_start",
            ),
            (
                &[("loudspeaker_to", "22:30")],
                "loudspeaker_to",
                "outside_hours",
            ),
            (
                &[("loudspeaker_from", "23:00"), ("loudspeaker_to", "01:00")],
                "loudspeaker_from",
                "outside_hours",
            ),
            // Across midnight from the evening into the morning.
            (
                &[("loudspeaker_from", "20:00"), ("loudspeaker_to", "07:00")],
                "loudspeaker_to",
                "outside_hours",
            ),
            (&[("attendance", "a few hundred")], "attendance", "invalid"),
            (
                &[
                    ("event_type", "procession"),
                    ("venue", ""),
                    ("route_start", "Chowk"),
                ],
                "route_end",
                "required",
            ),
        ],
    )
    .await;
    // The venue owner's consent is required.
    let body = body(&server, &browser, ServiceId::EventPermission, &[], &[]).await;
    let response = submit(
        &server,
        &browser,
        "event-permission",
        Some("evp-key-none"),
        &body,
    )
    .await;
    assert_eq!(
        field_errors(response).await,
        pair("attachments", "required")
    );
}

/// 7 days' notice counts whole days in India: 8 December is 7 days away until midnight IST
/// on 1 December (18:30 UTC), then 6.
#[tokio::test]
async fn an_events_7_day_notice_turns_at_midnight_in_india() {
    let before = Utc.with_ymd_and_hms(2026, 12, 1, 18, 29, 0).unwrap();
    let server = Server::start_at(before).await;
    let browser = server.verified(MOBILE).await;
    let eighth: &[(&str, &str)] = &[("start_date", "8/12/2026"), ("end_date", "8/12/2026")];
    let ack = file(
        &server,
        &browser,
        ServiceId::EventPermission,
        eighth,
        &[PDF],
        "evp-boundary-1",
    )
    .await;
    assert!(ack["filed_at"]
        .as_str()
        .unwrap()
        .starts_with("2026-12-01T23:59"));
    server.advance(60);
    let body = body(
        &server,
        &browser,
        ServiceId::EventPermission,
        eighth,
        &[PDF],
    )
    .await;
    let response = submit(
        &server,
        &browser,
        "event-permission",
        Some("evp-boundary-2"),
        &body,
    )
    .await;
    assert_eq!(field_errors(response).await, pair("start_date", "too_soon"));
}

#[tokio::test]
async fn a_missing_child_report_carries_the_112_1098_notice_and_an_adults_does_not() {
    let server = Server::start_at(noon()).await;
    let browser = server.verified(MOBILE).await;
    let service = ServiceId::MissingPerson;
    // The sample is a missing adult (34): no notice.
    let ack = file(&server, &browser, service, &[], &[PNG], "msp-key-1").await;
    assert_eq!(ack["reference"], "BR-MSP-2026-000001");
    assert_eq!(ack["station"]["code"], "PAT-KOTWALI");
    assert_eq!(ack["notices"], json!([]));
    // A child by age, and a child by date of birth (17 until tomorrow).
    for (i, changes) in [
        &[("missing_age", "12")][..],
        &[
            ("age_known", "dob"),
            ("missing_age", ""),
            ("missing_dob", "2/12/2008"),
        ][..],
    ]
    .into_iter()
    .enumerate()
    {
        let key = format!("msp-child-{i}");
        let ack = file(&server, &browser, service, changes, &[PNG], &key).await;
        assert_eq!(ack["notices"], json!(["child"]), "{changes:?}");
        // The receipt read by whoever found the filing says so too, and names no answer.
        let reference = ack["reference"].as_str().unwrap();
        let public: Value = server
            .looked_up(reference, MOBILE)
            .await
            .get(server.url(&format!("/api/v1/acknowledgements/{reference}")))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(public["notices"], ack["notices"]);
        assert_eq!(public["slip"], json!([]));
        assert!(!public.to_string().contains("Rohit"), "{public}");
    }
    // 18 on the day of the report is not a child.
    let ack = file(
        &server,
        &browser,
        service,
        &[
            ("age_known", "dob"),
            ("missing_age", ""),
            ("missing_dob", "1/12/2008"),
        ],
        &[PNG],
        "msp-key-adult",
    )
    .await;
    assert_eq!(ack["notices"], json!([]));
}

#[tokio::test]
async fn a_missing_persons_own_rules_are_refused_on_their_field() {
    let server = Server::start_at(noon()).await;
    let browser = server.verified(MOBILE).await;
    let today = common::dmy(server.today_ist());
    refused(
        &server,
        &browser,
        ServiceId::MissingPerson,
        &[
            (&[("height_cm", "5 feet")], "height_cm", "invalid"),
            (&[("height_cm", "400")], "height_cm", "out_of_range"),
            (
                &[
                    ("age_known", "dob"),
                    ("missing_age", ""),
                    ("missing_dob", "1/1/2015"),
                    ("last_seen_date", "1/1/2014"),
                ],
                "last_seen_date",
                "end_before_start",
            ),
            // The server's clock says noon (IST): 16:30 today has not come yet.
            (
                &[("last_seen_date", today.as_str())],
                "last_seen_time",
                "later_than_now",
            ),
            (
                &[("missing_mobile", "098765 43210")],
                "missing_mobile",
                "same_as_other",
            ),
            (
                &[("age_known", "dob"), ("missing_age", "")],
                "missing_dob",
                "required",
            ),
        ],
    )
    .await;
    // Their photo is required, and must be a photo.
    for (files, code) in [(&[][..], "required"), (&[PDF][..], "wrong_file_type")] {
        let body = body(&server, &browser, ServiceId::MissingPerson, &[], files).await;
        let key = format!("msp-photo-{code}");
        let response = submit(&server, &browser, "missing-person", Some(&key), &body).await;
        assert_eq!(field_errors(response).await, pair("attachments", code));
    }
}

#[tokio::test]
async fn a_lost_report_is_numbered_at_once_with_each_items_identifier() {
    let server = Server::start_at(noon()).await;
    let browser = server.verified(MOBILE).await;
    let ack = file(
        &server,
        &browser,
        ServiceId::LostArticle,
        &[],
        &[],
        "lost-report-0001",
    )
    .await;
    let reference = ack["reference"].as_str().unwrap();
    assert!(reference.starts_with("BR-LR-2026-"), "{reference}");
    // The slip carries the IMEI in full, the Aadhaar only masked, the card by its last 4.
    let slip: Vec<(&str, &str)> = ack["slip"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| (l["field"].as_str().unwrap(), l["value"].as_str().unwrap()))
        .collect();
    let last4 = &common::aadhaar()[8..];
    let masked = format!("XXXX XXXX {last4}");
    assert!(slip.contains(&("imei", "490154203237518")), "{slip:?}");
    assert!(
        slip.contains(&("more_items.0.doc_number", masked.as_str())),
        "{slip:?}"
    );
    assert!(
        slip.contains(&("more_items.1.card_last4", "4321")),
        "{slip:?}"
    );
    let stored = stored(&server, reference).to_string();
    assert!(!stored.contains(&common::aadhaar()), "{stored}");
}

#[tokio::test]
async fn a_lost_reports_own_rules_are_refused_on_their_field() {
    let server = Server::start_at(noon()).await;
    let browser = server.verified(MOBILE).await;
    refused(
        &server,
        &browser,
        ServiceId::LostArticle,
        &[
            // A full card number is refused, and so never stored.
            (
                &[("more_items.1.card_last4", "4111 1111 1111 1111")],
                "more_items.1.card_last4",
                "full_card_number",
            ),
            (&[("imei", "490154203237517")], "imei", "checksum"),
            (
                &[("kind", "passport"), ("imei", ""), ("doc_number", "12345")],
                "doc_number",
                "invalid",
            ),
            (
                &[
                    ("date_known", "exact"),
                    ("lost_period", ""),
                    ("lost_date", ""),
                ],
                "lost_date",
                "required",
            ),
        ],
    )
    .await;
    let stored: i64 = server.count("SELECT COUNT(*) FROM filings WHERE answers LIKE '%4111%'");
    assert_eq!(stored, 0);
}
