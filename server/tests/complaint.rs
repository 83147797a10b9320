//! Attachments, e-complaints and their acknowledgements, over real HTTP.

mod common;

use chrono::Days;
use common::{aadhaar, complaint_answers as answers, dmy, error_of, Server, MOBILE};
use reqwest::StatusCode;
use serde_json::{json, Value};

const PNG: &[u8] = &[
    0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D,
];
const JPEG: &[u8] = &[0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, b'J', b'F', b'I', b'F', 0];
const PDF: &[u8] = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n";

async fn submit(
    server: &Server,
    client: &reqwest::Client,
    key: Option<&str>,
    body: &Value,
) -> reqwest::Response {
    common::submit(server, client, "complaint", key, body).await
}

async fn upload(
    server: &Server,
    client: &reqwest::Client,
    body: Vec<u8>,
    content_type: &str,
) -> reqwest::Response {
    client
        .post(server.url("/api/v1/attachments"))
        .header("content-type", content_type)
        .body(body)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_valid_complaint_is_filed_with_a_reference_and_masked_aadhaar() {
    let server = Server::start().await;
    let browser = server.verified(MOBILE).await;
    let body = json!({ "answers": answers(&server) });
    let response = submit(&server, &browser, Some("key-00000001"), &body).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let ack: Value = response.json().await.unwrap();
    let today = server.today_ist();
    let year = today.format("%Y").to_string();
    assert_eq!(ack["reference"], format!("BR-CMP-{year}-000001"));
    assert_eq!(ack["service"], "complaint");
    let filed_at = ack["filed_at"].as_str().unwrap();
    assert!(filed_at.ends_with("+05:30"), "{filed_at}");
    assert!(filed_at.starts_with(&today.format("%Y-%m-%d").to_string()));
    assert_eq!(
        ack["confirm_by"],
        today.checked_add_days(Days::new(3)).unwrap().to_string()
    );
    assert_eq!(ack["station"]["code"], "PAT-GANDHI-MAIDAN");
    assert_eq!(ack["station"]["name_hi"], "गांधी मैदान");
    assert_eq!(ack["district"]["code"], "PAT");
    assert_eq!(ack["district"]["name_en"], "Patna");
    assert_eq!(ack["attachments"], 0);
    // The typed contract parses it.
    serde_json::from_value::<contract::Acknowledgement>(ack.clone()).unwrap();

    let conn = server.db();
    let (stored, mobile, filed_utc): (String, String, String) = conn
        .query_row("SELECT answers, mobile, filed_at FROM filings", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .unwrap();
    assert_eq!(mobile, MOBILE);
    assert!(filed_utc.ends_with('Z'), "{filed_utc}");
    let stored: Value = serde_json::from_str(&stored).unwrap();
    let last4 = &aadhaar()[8..];
    assert_eq!(stored["id_number"], format!("XXXX XXXX {last4}"));
    assert!(!stored.to_string().contains(&aadhaar()));
    assert_eq!(stored["name"], "सीता देवी");
    assert_eq!(stored["mobile"], MOBILE, "stored as verified");
    let (status, at, office, version): (String, String, String, i64) = conn
        .query_row(
            "SELECT status, at, office, version FROM status_events",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .unwrap();
    assert_eq!(
        (status.as_str(), at.as_str(), office.as_str(), version),
        ("submitted", filed_utc.as_str(), "PAT-GANDHI-MAIDAN", 1)
    );

    // The next complaint gets the next number.
    let mut second = body.clone();
    second["answers"]["description"] = json!("Another matter entirely, reported separately.");
    let response = submit(&server, &browser, Some("key-00000002"), &second).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let ack2: Value = response.json().await.unwrap();
    assert_eq!(ack2["reference"], format!("BR-CMP-{year}-000002"));

    // The slip names who filed it and what about, for the session that filed it.
    assert_eq!(
        ack["slip"],
        json!([{"field": "name", "value": "सीता देवी"}, {"field": "category", "value": "theft"}])
    );
    let reference = ack["reference"].as_str().unwrap();
    let path = format!("/api/v1/acknowledgements/{}", reference.to_lowercase());
    let again: Value = browser
        .get(server.url(&path))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(again, ack);

    // References are sequential, so the receipt is not public: a browser without a session,
    // and another verified mobile, get the answer a reference never issued gets.
    let stranger = server.browser();
    let other_mobile = server.verified("9123456780").await;
    for client in [&stranger, &other_mobile] {
        let hidden = client.get(server.url(&path)).send().await.unwrap();
        assert_eq!(hidden.status(), StatusCode::NOT_FOUND);
        assert_eq!(error_of(hidden).await, json!({"code": "unknown_code"}));
    }
    // Whoever finds the filing by its reference and mobile (the QR code's status page) reads
    // it too, without the slip's answers.
    let looked_up = server
        .post(
            &stranger,
            "/api/v1/status/lookup",
            json!({ "reference": reference, "mobile": MOBILE }),
        )
        .await;
    assert_eq!(looked_up.status(), StatusCode::OK);
    let public = stranger.get(server.url(&path)).send().await.unwrap();
    assert_eq!(public.status(), StatusCode::OK);
    let mut expected = ack.clone();
    expected["slip"] = json!([]);
    assert_eq!(public.json::<Value>().await.unwrap(), expected);
}

#[tokio::test]
async fn acknowledgement_lookups_of_bad_and_unknown_references() {
    let server = Server::start().await;
    let client = server.browser();
    let bad = client
        .get(server.url("/api/v1/acknowledgements/BR-CMP-26-1"))
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        error_of(bad).await,
        json!({"code": "validation_failed", "fields": [{"field": "reference", "code": "invalid"}]})
    );
    let unknown = client
        .get(server.url("/api/v1/acknowledgements/BR-CMP-2026-999999"))
        .send()
        .await
        .unwrap();
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
    assert_eq!(error_of(unknown).await, json!({"code": "unknown_code"}));
}

#[tokio::test]
async fn each_kind_of_invalid_answer_is_a_422_on_its_field() {
    let server = Server::start().await;
    let browser = server.verified(MOBILE).await;
    let tomorrow = dmy(server.today_ist().checked_add_days(Days::new(1)).unwrap());
    let cases: [(&str, Value, &str, &str); 6] = [
        ("name", json!(""), "name", "required"),
        ("mobile", json!("12345"), "mobile", "invalid"),
        (
            "incident_date",
            json!(tomorrow),
            "incident_date",
            "in_future",
        ),
        (
            "description",
            json!("too short"),
            "description",
            "too_short",
        ),
        ("station", json!("GAY-TOWN"), "station", "invalid"),
        (
            "incident_district",
            json!("ZZZ"),
            "incident_district",
            "invalid",
        ),
    ];
    for (i, (field, value, blamed, code)) in cases.into_iter().enumerate() {
        let mut body = json!({ "answers": answers(&server) });
        body["answers"][field] = value;
        let response = submit(&server, &browser, Some(&format!("invalid-{i:04}")), &body).await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{field}"
        );
        let error = error_of(response).await;
        assert_eq!(error["code"], "validation_failed", "{field}");
        assert!(
            error["fields"]
                .as_array()
                .unwrap()
                .contains(&json!({"field": blamed, "code": code})),
            "{field}: {error}"
        );
    }
    assert_eq!(server.count("SELECT COUNT(*) FROM filings"), 0);
    assert_eq!(server.count("SELECT COUNT(*) FROM idempotency_keys"), 0);
}

#[tokio::test]
async fn filing_needs_a_session_for_the_complaints_mobile_and_a_key() {
    let server = Server::start().await;
    let body = json!({ "answers": answers(&server) });

    let anonymous = submit(&server, &server.browser(), Some("key-00000001"), &body).await;
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(error_of(anonymous).await, json!({"code": "not_verified"}));

    let other = server.verified("9123456789").await;
    let response = submit(&server, &other, Some("key-00000001"), &body).await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(error_of(response).await, json!({"code": "not_verified"}));

    let browser = server.verified(MOBILE).await;
    for key in [
        None,
        Some("short"),
        Some("has spaces in it"),
        Some(&"x".repeat(65)[..]),
    ] {
        let response = submit(&server, &browser, key, &body).await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{key:?}");
        assert_eq!(error_of(response).await, json!({"code": "missing_header"}));
    }
    assert_eq!(server.count("SELECT COUNT(*) FROM filings"), 0);
}

#[tokio::test]
async fn a_replay_answers_the_same_receipt_and_a_changed_body_conflicts() {
    let server = Server::start().await;
    let browser = server.verified(MOBILE).await;
    let body = json!({ "answers": answers(&server) });
    let first = submit(&server, &browser, Some("retry-key-1"), &body).await;
    assert_eq!(first.status(), StatusCode::CREATED);
    let first = first.bytes().await.unwrap();
    let reference = serde_json::from_slice::<Value>(&first).unwrap()["reference"].clone();

    server.advance(5);
    let replay = submit(&server, &browser, Some("retry-key-1"), &body).await;
    assert_eq!(replay.status(), StatusCode::CREATED);
    assert_eq!(replay.headers()["idempotent-replayed"], "true");
    assert_eq!(replay.bytes().await.unwrap(), first, "the same body");
    assert_eq!(server.count("SELECT COUNT(*) FROM filings"), 1);

    let mut changed = body.clone();
    changed["answers"]["place"] = json!("Somewhere else");
    let conflict = submit(&server, &browser, Some("retry-key-1"), &changed).await;
    assert_eq!(conflict.status(), StatusCode::CONFLICT);
    assert_eq!(
        error_of(conflict).await,
        json!({"code": "idempotency_conflict", "reference": reference})
    );
    assert_eq!(server.count("SELECT COUNT(*) FROM filings"), 1);
}

#[tokio::test]
async fn ten_concurrent_identical_submissions_file_one_complaint() {
    let server = Server::start().await;
    let browser = server.verified(MOBILE).await;
    let body = json!({ "answers": answers(&server) });
    let url = server.url("/api/v1/services/complaint/submissions");
    let tasks: Vec<_> = (0..10)
        .map(|_| {
            let (client, url, body) = (browser.clone(), url.clone(), body.clone());
            tokio::spawn(async move {
                let response = client
                    .post(url)
                    .header("Idempotency-Key", "same-key-for-all")
                    .json(&body)
                    .send()
                    .await
                    .unwrap();
                assert_eq!(response.status(), StatusCode::CREATED);
                response.json::<Value>().await.unwrap()["reference"].clone()
            })
        })
        .collect();
    let mut references = Vec::new();
    for task in tasks {
        references.push(task.await.unwrap());
    }
    assert!(references.iter().all(|r| *r == references[0]));
    assert_eq!(server.count("SELECT COUNT(*) FROM filings"), 1);
    assert_eq!(server.count("SELECT COUNT(*) FROM status_events"), 1);
}

#[tokio::test]
async fn attachments_are_typed_by_content_and_limited_to_1_mib() {
    let server = Server::start().await;
    // Without a session a file is anonymous (a tip's): kept with no session and no mobile,
    // and no complaint may take it (server/tests/tip_off.rs).
    let anonymous = upload(&server, &server.browser(), PNG.to_vec(), "image/png").await;
    assert_eq!(anonymous.status(), StatusCode::CREATED);
    assert_eq!(
        server.count(
            "SELECT COUNT(*) FROM attachments WHERE session_hash IS NULL AND mobile IS NULL"
        ),
        1
    );

    let browser = server.verified(MOBILE).await;
    // The declared type is ignored both ways.
    for (bytes, declared, mime) in [
        (PNG, "application/octet-stream", "image/png"),
        (JPEG, "image/png", "image/jpeg"),
        (PDF, "text/plain", "application/pdf"),
    ] {
        let response = upload(&server, &browser, bytes.to_vec(), declared).await;
        assert_eq!(response.status(), StatusCode::CREATED, "{mime}");
        let uploaded: contract::AttachmentUploaded = response.json().await.unwrap();
        assert_eq!(uploaded.mime, mime);
        assert_eq!(uploaded.bytes, bytes.len());
        assert!(uploaded.id.len() >= 16);
        assert!(uploaded
            .id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
    }
    let mut exe = b"MZ\x90\x00\x03\x00\x00\x00".to_vec();
    exe.extend_from_slice(&[0; 100]);
    for fake in [exe, b"just some text, honestly a picture".to_vec()] {
        let response = upload(&server, &browser, fake, "image/png").await;
        assert_eq!(response.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
        assert_eq!(
            error_of(response).await,
            json!({"code": "validation_failed", "fields": [{"field": "attachment", "code": "wrong_file_type"}]})
        );
    }

    let mut largest = PNG.to_vec();
    largest.resize(1024 * 1024, 0);
    let response = upload(&server, &browser, largest.clone(), "image/png").await;
    assert_eq!(response.status(), StatusCode::CREATED, "exactly 1 MiB");
    largest.push(0);
    let response = upload(&server, &browser, largest, "image/png").await;
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(
        error_of(response).await,
        json!({"code": "payload_too_large"})
    );

    let empty = upload(&server, &browser, Vec::new(), "image/png").await;
    assert_eq!(empty.status(), StatusCode::BAD_REQUEST);
    // The session's three and one of exactly 1 MiB, and the anonymous one.
    assert_eq!(server.count("SELECT COUNT(*) FROM attachments"), 5);
}

#[tokio::test]
async fn a_session_cannot_pile_up_unfiled_files() {
    let server = Server::start().await;
    let browser = server.verified(MOBILE).await;
    for _ in 0..20 {
        let response = upload(&server, &browser, PNG.to_vec(), "image/png").await;
        assert_eq!(response.status(), StatusCode::CREATED);
    }
    let response = upload(&server, &browser, PNG.to_vec(), "image/png").await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        error_of(response).await,
        json!({"code": "validation_failed", "fields": [{"field": "attachment", "code": "too_many"}]})
    );
    assert_eq!(server.count("SELECT COUNT(*) FROM attachments"), 20);
    // Another citizen's session is not affected.
    let other = server.verified("9123456780").await;
    let response = upload(&server, &other, PNG.to_vec(), "image/png").await;
    assert_eq!(response.status(), StatusCode::CREATED);
}

async fn upload_id(server: &Server, client: &reqwest::Client, bytes: &[u8]) -> String {
    let response = upload(server, client, bytes.to_vec(), "image/png").await;
    assert_eq!(response.status(), StatusCode::CREATED);
    response.json::<Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[tokio::test]
async fn a_complaint_takes_its_sessions_unused_attachments_only() {
    let server = Server::start().await;
    let browser = server.verified(MOBILE).await;
    let photo = upload_id(&server, &browser, PNG).await;
    let scan = upload_id(&server, &browser, PDF).await;

    // Another browser's file (even for the same mobile) is not this session's.
    server.advance(31);
    let kiosk = server.verified(MOBILE).await;
    let theirs = upload_id(&server, &kiosk, JPEG).await;
    let mut body = json!({ "answers": answers(&server), "attachments": [photo, theirs] });
    let response = submit(&server, &browser, Some("attach-key-1"), &body).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        error_of(response).await,
        json!({"code": "validation_failed", "fields": [{"field": "attachments", "code": "invalid"}]})
    );

    for bad in [
        json!(["no-such-id"]),
        json!([photo, photo]),
        json!([photo, scan, "a", "b", "c", "d"]),
    ] {
        body["attachments"] = bad.clone();
        let response = submit(&server, &browser, Some("attach-key-2"), &body).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "{bad}");
    }

    body["attachments"] = json!([photo, scan]);
    let response = submit(&server, &browser, Some("attach-key-3"), &body).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let ack: Value = response.json().await.unwrap();
    assert_eq!(ack["attachments"], 2);
    let linked = server.count(&format!(
        "SELECT COUNT(*) FROM attachments WHERE filing_reference = '{}'",
        ack["reference"].as_str().unwrap()
    ));
    assert_eq!(linked, 2);

    // A used file cannot join a second complaint.
    body["attachments"] = json!([photo]);
    body["answers"]["description"] = json!("A second complaint about something different.");
    let response = submit(&server, &browser, Some("attach-key-4"), &body).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // Logging out drops the session's unfiled files, never filed ones.
    kiosk
        .delete(server.url("/api/v1/session"))
        .send()
        .await
        .unwrap();
    assert_eq!(server.count("SELECT COUNT(*) FROM attachments"), 2);
}
