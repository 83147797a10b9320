//! The confidential tip-off over real HTTP: filed with no session and no mobile, stored with
//! nothing of its sender (no mobile, no session, no address), rate-limited by address in
//! memory, its one optional file sent without a session, and its status opened by its number
//! alone, saying only "received" or "action taken".

mod common;

use common::{error_of, submit, Server, MOBILE};
use contract::services::ServiceId;
use reqwest::StatusCode;
use serde_json::{json, Value};

const PNG: &[u8] = &[
    0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D,
];
const BIN: &str = env!("CARGO_BIN_EXE_nagrik-server");
const SLUG: &str = "tip-off";
/// The sender's address, as a local proxy passes it on.
const ADDRESS: &str = "203.0.113.77";

fn tip() -> Value {
    json!({ "answers": common::more_samples::answers(ServiceId::TipOff), "attachments": [] })
}

/// A client that comes through a local proxy from `address` (no cookies unless `verified`).
fn from(address: &str) -> reqwest::Client {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert("x-forwarded-for", address.parse().unwrap());
    reqwest::Client::builder()
        .default_headers(headers)
        .build()
        .unwrap()
}

/// The id of a file uploaded by `client`.
async fn uploaded(server: &Server, client: &reqwest::Client) -> String {
    let response = upload(server, client).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    response.json::<Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

async fn upload(server: &Server, client: &reqwest::Client) -> reqwest::Response {
    client
        .post(server.url("/api/v1/attachments"))
        .header("content-type", "application/octet-stream")
        .body(PNG.to_vec())
        .send()
        .await
        .unwrap()
}

/// Every text value of every row of every table, with the table's name.
fn everything(server: &Server) -> String {
    let conn = server.db();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let mut out = String::new();
    for table in tables {
        let mut stmt = conn.prepare(&format!("SELECT * FROM \"{table}\"")).unwrap();
        let columns = stmt.column_count();
        let mut rows = stmt.query([]).unwrap();
        while let Some(row) = rows.next().unwrap() {
            for i in 0..columns {
                if let Ok(rusqlite::types::ValueRef::Text(t)) = row.get_ref(i) {
                    out.push_str(&format!("{table}: {}\n", String::from_utf8_lossy(t)));
                }
            }
        }
    }
    out
}

#[tokio::test]
async fn a_tip_is_filed_with_no_session_and_keeps_nothing_of_its_sender() {
    let server = Server::start().await;
    // Even a browser that verified a mobile earlier is not known when it sends a tip.
    let verified = server.verified(MOBILE).await;
    let response = verified
        .post(server.url("/api/v1/services/tip-off/submissions"))
        .header("Idempotency-Key", "tip-key-0001")
        .header("x-forwarded-for", ADDRESS)
        .json(&tip())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
    assert!(response.headers().get("set-cookie").is_none());
    let ack: Value = response.json().await.unwrap();
    let year = server.now().format("%Y").to_string();
    let reference = format!("BR-TIP-{year}-000001");
    assert_eq!(ack["reference"], reference);
    assert_eq!(ack["service"], SLUG);
    assert_eq!(ack["confirm_by"], Value::Null);
    // The slip names what the tip is about, nothing of who sent it.
    assert_eq!(
        ack["slip"],
        json!([{ "field": "category", "value": "illegal_liquor" }])
    );

    let (mobile, status): (Option<String>, String) = server
        .db()
        .query_row(
            "SELECT f.mobile, e.status FROM filings f
             JOIN status_events e ON e.reference = f.reference WHERE f.reference = ?1",
            [&reference],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((mobile, status.as_str()), (None, "received"));
    // Its key is linked to no mobile; no session may read it.
    assert_eq!(
        server.count(&format!(
            "SELECT COUNT(*) FROM idempotency_keys WHERE reference = '{reference}' AND mobile = ''"
        )),
        1
    );
    assert_eq!(
        server.count(&format!(
            "SELECT COUNT(*) FROM status_access WHERE reference = '{reference}'"
        )),
        0
    );
    let stored = everything(&server);
    assert!(
        !stored.contains(ADDRESS),
        "the address is stored:\n{stored}"
    );
    assert!(!stored.contains("127.0.0.1"), "an address is stored");
    let tip_rows: Vec<&str> = stored.lines().filter(|l| l.contains("BR-TIP")).collect();
    assert!(tip_rows.iter().all(|l| !l.contains(MOBILE)), "{tip_rows:?}");
    // The receipt is given once, in the answer: later it opens for no one.
    let later = verified
        .get(server.url(&format!("/api/v1/acknowledgements/{reference}")))
        .send()
        .await
        .unwrap();
    assert_eq!(later.status(), StatusCode::NOT_FOUND);

    // A retry with the same key (the answer was lost) gets the same tip number; a changed
    // tip under that key is told which number its key filed.
    let anonymous = from(ADDRESS);
    let again = submit(&server, &anonymous, SLUG, Some("tip-key-0001"), &tip()).await;
    assert_eq!(again.status(), StatusCode::CREATED);
    assert_eq!(again.json::<Value>().await.unwrap()["reference"], reference);
    let mut changed = tip();
    changed["answers"]["place"] = json!("Near the river ghat, Bihta");
    let conflict = submit(&server, &anonymous, SLUG, Some("tip-key-0001"), &changed).await;
    assert_eq!(conflict.status(), StatusCode::CONFLICT);
    let error = error_of(conflict).await;
    assert_eq!(error["code"], "idempotency_conflict");
    assert_eq!(error["reference"], reference);
    assert_eq!(
        server.count("SELECT COUNT(*) FROM filings WHERE service = 'tip-off'"),
        1
    );
}

#[tokio::test]
async fn a_tip_is_checked_like_any_filing() {
    let server = Server::start().await;
    let client = from(ADDRESS);
    let mut body = tip();
    body["answers"]["category"] = json!("other");
    body["answers"]["description"] = json!("short");
    body["answers"]["mobile"] = json!(MOBILE);
    let response = submit(&server, &client, SLUG, Some("tip-key-0002"), &body).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let error = error_of(response).await;
    // A mobile is not a question a tip asks: it is refused, never stored. (Unknown keys come
    // first, then the declared fields in their order.)
    assert_eq!(
        error["fields"],
        json!([
            { "field": "mobile", "code": "unknown_field" },
            { "field": "other_category", "code": "required" },
            { "field": "description", "code": "too_short" },
        ])
    );
    let missing = submit(&server, &client, SLUG, None, &tip()).await;
    assert_eq!(missing.status(), StatusCode::BAD_REQUEST);
    assert_eq!(error_of(missing).await["code"], "missing_header");
    assert_eq!(server.count("SELECT COUNT(*) FROM filings"), 0);
}

#[tokio::test]
async fn a_tips_file_is_sent_without_a_session_and_only_a_tip_takes_it() {
    let server = Server::start().await;
    let anonymous = from(ADDRESS);
    let file = uploaded(&server, &anonymous).await;
    let stored: (Option<Vec<u8>>, Option<String>) = server
        .db()
        .query_row(
            "SELECT session_hash, mobile FROM attachments WHERE id = ?1",
            [&file],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(stored, (None, None));

    // A verified filing cannot take a file sent without its session.
    let verified = server.verified(MOBILE).await;
    let complaint = json!({
        "answers": common::complaint_answers(&server),
        "attachments": [file],
    });
    let refused = submit(
        &server,
        &verified,
        "complaint",
        Some("cmp-key-0001"),
        &complaint,
    )
    .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        error_of(refused).await["fields"],
        json!([{ "field": "attachments", "code": "invalid" }])
    );
    // Nor a tip a file of a verified session (it would tie the tip to a mobile).
    let theirs = uploaded(&server, &verified).await;
    let mut body = tip();
    body["attachments"] = json!([theirs]);
    let refused = submit(&server, &anonymous, SLUG, Some("tip-key-0003"), &body).await;
    assert_eq!(
        error_of(refused).await["fields"],
        json!([{ "field": "attachments", "code": "invalid" }])
    );
    // Two files are one too many.
    let second = uploaded(&server, &anonymous).await;
    body["attachments"] = json!([file, second]);
    let refused = submit(&server, &anonymous, SLUG, Some("tip-key-0004"), &body).await;
    assert_eq!(
        error_of(refused).await["fields"],
        json!([{ "field": "attachments", "code": "too_many" }])
    );
    body["attachments"] = json!([file]);
    let filed = submit(&server, &anonymous, SLUG, Some("tip-key-0005"), &body).await;
    assert_eq!(filed.status(), StatusCode::CREATED);
    let ack: Value = filed.json().await.unwrap();
    assert_eq!(ack["attachments"], 1);
    assert_eq!(
        server.count(&format!(
            "SELECT COUNT(*) FROM attachments WHERE filing_reference = '{}' AND session_hash IS NULL",
            ack["reference"].as_str().unwrap()
        )),
        1
    );
}

#[tokio::test]
async fn too_many_tips_from_one_address_wait_and_another_address_does_not() {
    let server = Server::start_with(|c| c.anonymous_per_window = 3).await;
    let busy = from(ADDRESS);
    for i in 0..3 {
        let key = format!("tip-limit-{i:04}");
        let response = submit(&server, &busy, SLUG, Some(&key), &tip()).await;
        assert_eq!(response.status(), StatusCode::CREATED, "tip {i}");
    }
    let held = submit(&server, &busy, SLUG, Some("tip-limit-0009"), &tip()).await;
    let wait = common::retry_after(held).await;
    assert!((1..=600).contains(&wait), "{wait}");
    // A file from that address waits too; another address is not held up.
    assert_eq!(
        upload(&server, &busy).await.status(),
        StatusCode::TOO_MANY_REQUESTS
    );
    let other = submit(
        &server,
        &from("198.51.100.20"),
        SLUG,
        Some("tip-limit-0010"),
        &tip(),
    )
    .await;
    assert_eq!(other.status(), StatusCode::CREATED);
    // The limit is in memory: nothing of it is in the database.
    assert!(!everything(&server).contains(ADDRESS));
    // A verified citizen's filings do not count against it.
    let verified = server.verified(MOBILE).await;
    let complaint = json!({ "answers": common::complaint_answers(&server) });
    let response = verified
        .post(server.url("/api/v1/services/complaint/submissions"))
        .header("Idempotency-Key", "cmp-limit-0001")
        .header("x-forwarded-for", ADDRESS)
        .json(&complaint)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
}

#[tokio::test]
async fn a_tips_status_opens_by_its_number_and_says_only_received_or_action_taken() {
    let server = Server::start().await;
    let client = from(ADDRESS);
    let ack: Value = submit(&server, &client, SLUG, Some("tip-key-0006"), &tip())
        .await
        .json()
        .await
        .unwrap();
    let reference = ack["reference"].as_str().unwrap().to_owned();
    let url = server.url(&format!("/api/v1/status/{reference}"));
    let response = client.get(&url).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let etag = response.headers()["etag"].to_str().unwrap().to_owned();
    let view: Value = response.json().await.unwrap();
    assert_eq!(view["service"], SLUG);
    assert_eq!(view["current"], "received");
    assert_eq!(view["is_final"], false);
    assert_eq!(view["next"], Value::Null);
    assert_eq!(view["fir_number"], Value::Null);
    let events = view["events"].as_array().unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0]["status"], "received");
    // The day only, not the time it was sent.
    let day = server
        .now()
        .with_timezone(&chrono::FixedOffset::east_opt(19_800).unwrap());
    assert_eq!(
        events[0]["at"],
        format!("{}T00:00:00+05:30", day.format("%Y-%m-%d"))
    );
    // No station, no note: nothing but the step and its day.
    assert_eq!(events[0]["office_en"], "");
    assert_eq!(events[0]["office_hi"], "");
    assert_eq!(events[0]["note_en"], Value::Null);
    // Polling with the tag costs nothing; `*` is not a tag.
    let same = client
        .get(&url)
        .header("if-none-match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(same.status(), StatusCode::NOT_MODIFIED);
    let star = client
        .get(&url)
        .header("if-none-match", "*")
        .send()
        .await
        .unwrap();
    assert_eq!(star.status(), StatusCode::OK);

    let mut command = std::process::Command::new(BIN);
    command
        .args(["officer", "advance", "--db"])
        .arg(&server.db)
        .args([reference.as_str(), "action_taken"]);
    let out = tokio::task::spawn_blocking(move || command.output().unwrap())
        .await
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let view: Value = client.get(&url).send().await.unwrap().json().await.unwrap();
    assert_eq!(view["current"], "action_taken");
    assert_eq!(view["is_final"], true);
    assert_eq!(view["events"][1]["note_hi"], Value::Null);
    assert_eq!(view["events"][1]["office_en"], "");

    // An unknown tip number, and a lookup by mobile, find nothing.
    let unknown = client
        .get(server.url("/api/v1/status/BR-TIP-2026-999999"))
        .send()
        .await
        .unwrap();
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
    let lookup = server
        .post(
            &client,
            "/api/v1/status/lookup",
            json!({ "reference": reference, "mobile": MOBILE }),
        )
        .await;
    assert_eq!(lookup.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn more_is_added_to_a_tip_by_its_number_alone_and_only_to_a_tip() {
    // Twenty additions and the rest from one address: more than its anonymous limit.
    let server = Server::start_with(|c| c.anonymous_per_window = 1000).await;
    let client = from(ADDRESS);
    let ack: Value = submit(&server, &client, SLUG, Some("tip-key-0007"), &tip())
        .await
        .json()
        .await
        .unwrap();
    let reference = ack["reference"].as_str().unwrap().to_owned();
    let add = |path: String, key: Option<&'static str>, text: &str| {
        let mut request = client
            .post(server.url(&path))
            .json(&json!({ "text": text }));
        if let Some(key) = key {
            request = request.header("Idempotency-Key", key);
        }
        request.send()
    };
    let path = format!("/api/v1/status/{reference}/additions");
    let more = " The truck comes every night at 2 a.m. from the river side.\u{202E} ";

    let response = add(path.clone(), Some("more-key-0001"), more)
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
    let added: Value = response.json().await.unwrap();
    assert!(added["added_at"].as_str().unwrap().ends_with("+05:30"));
    // A retry whose answer was lost adds nothing twice.
    let again: Value = add(path.clone(), Some("more-key-0001"), more)
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(again, added);
    let stored: Vec<String> = server
        .db()
        .prepare("SELECT text FROM tip_additions WHERE reference = ?1")
        .unwrap()
        .query_map([&reference], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(
        stored,
        ["The truck comes every night at 2 a.m. from the river side."]
    );
    assert!(!everything(&server).contains(ADDRESS));
    // The tip's status says nothing of it.
    let view: Value = client
        .get(server.url(&format!("/api/v1/status/{reference}")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(view["events"].as_array().unwrap().len(), 1);
    assert!(!view.to_string().contains("truck"));

    // Checked as the description is; a key is needed.
    let short = add(path.clone(), Some("more-key-0002"), "ट्रक")
        .await
        .unwrap();
    assert_eq!(short.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        error_of(short).await["fields"],
        json!([{ "field": "text", "code": "too_short" }])
    );
    let keyless = add(path.clone(), None, more).await.unwrap();
    assert_eq!(keyless.status(), StatusCode::BAD_REQUEST);
    assert_eq!(error_of(keyless).await["code"], "missing_header");

    // Only a tip that exists: anything else is the same 404.
    let (_, complaint) = common::file_complaint(&server).await;
    for other in [
        format!(
            "/api/v1/status/{}/additions",
            complaint["reference"].as_str().unwrap()
        ),
        "/api/v1/status/BR-TIP-2026-999999/additions".to_owned(),
        "/api/v1/status/not-a-reference/additions".to_owned(),
    ] {
        let response = add(other.clone(), Some("more-key-0003"), more)
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{other}");
        assert_eq!(error_of(response).await["code"], "not_found");
    }

    // At most MAX_ADDITIONS to one tip.
    for i in 2..=contract::services::tip_off::MAX_ADDITIONS {
        let key: &'static str = Box::leak(format!("more-fill-{i:04}").into_boxed_str());
        let response = add(path.clone(), Some(key), more).await.unwrap();
        assert_eq!(response.status(), StatusCode::CREATED, "addition {i}");
    }
    let full = add(path.clone(), Some("more-key-0099"), more)
        .await
        .unwrap();
    assert_eq!(
        error_of(full).await["fields"],
        json!([{ "field": "text", "code": "too_many" }])
    );
}
