//! Live status over real HTTP: lookup by reference and mobile, polling with ETags, and the
//! real binary's `officer advance` writing to the database the server is using.

mod common;

use chrono::{Days, NaiveDate};
use common::{error_of, file_complaint, Server, MOBILE};
use reqwest::header::{HeaderMap, IF_NONE_MATCH, RETRY_AFTER, SET_COOKIE};
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::process::Output;
use std::time::Duration;

const BIN: &str = env!("CARGO_BIN_EXE_nagrik-server");
const OTHER_MOBILE: &str = "9123456789";

/// `nagrik-server officer advance --db <server's db> <args…>`, off the async threads.
async fn advance(server: &Server, args: &[&str]) -> Output {
    let mut command = std::process::Command::new(BIN);
    command
        .args(["officer", "advance", "--db"])
        .arg(&server.db)
        .args(args);
    tokio::task::spawn_blocking(move || command.output().unwrap())
        .await
        .unwrap()
}

async fn advance_ok(server: &Server, args: &[&str]) -> String {
    let out = advance(server, args).await;
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

async fn lookup(
    server: &Server,
    client: &reqwest::Client,
    reference: &str,
    mobile: &str,
) -> reqwest::Response {
    server
        .post(
            client,
            "/api/v1/status/lookup",
            json!({ "reference": reference, "mobile": mobile }),
        )
        .await
}

async fn get_status(
    server: &Server,
    client: &reqwest::Client,
    reference: &str,
    etag: Option<&str>,
) -> reqwest::Response {
    let mut request = client.get(server.url(&format!("/api/v1/status/{reference}")));
    if let Some(etag) = etag {
        request = request.header(IF_NONE_MATCH, etag);
    }
    request.send().await.unwrap()
}

/// A filed complaint's reference and a fresh browser that looked it up.
async fn filed_and_looked_up(server: &Server) -> (String, reqwest::Client) {
    let (_, ack) = file_complaint(server).await;
    let reference = ack["reference"].as_str().unwrap().to_owned();
    let browser = server.browser();
    let response = lookup(server, &browser, &reference, MOBILE).await;
    assert_eq!(response.status(), StatusCode::OK);
    (reference, browser)
}

fn header<'a>(headers: &'a HeaderMap, name: &str) -> &'a str {
    headers
        .get(name)
        .unwrap_or_else(|| panic!("no {name} header"))
        .to_str()
        .unwrap()
}

fn event_date(view: &Value, index: usize) -> NaiveDate {
    NaiveDate::parse_from_str(
        &view["events"][index]["at"].as_str().unwrap()[..10],
        "%Y-%m-%d",
    )
    .unwrap()
}

fn plus_days(date: NaiveDate, days: u64) -> String {
    date.checked_add_days(Days::new(days)).unwrap().to_string()
}

#[tokio::test]
async fn lookup_with_the_right_mobile_answers_the_view_and_opens_a_viewer_session() {
    let server = Server::start().await;
    let (_, ack) = file_complaint(&server).await;
    let reference = ack["reference"].as_str().unwrap();
    let browser = server.browser();
    // As typed from an SMS: lower case, Devanagari digits with the country code.
    let response = lookup(
        &server,
        &browser,
        &format!(" {} ", reference.to_lowercase()),
        "+९१ ९८७६५ ४३२१०",
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK);
    let cookie = header(response.headers(), "set-cookie").to_owned();
    assert!(cookie.starts_with("ns_session="), "{cookie}");
    for flag in ["HttpOnly", "SameSite=Strict", "Path=/api", "Max-Age=7200"] {
        assert!(cookie.contains(flag), "{cookie}");
    }
    assert!(!cookie.contains("Secure"), "plain HTTP: {cookie}");
    assert_eq!(
        header(response.headers(), "etag"),
        format!("\"{reference}-v1\"")
    );
    assert_eq!(header(response.headers(), "x-poll-interval"), "15");
    assert_eq!(header(response.headers(), "cache-control"), "no-store");
    let view: Value = response.json().await.unwrap();
    assert_eq!(view["reference"], reference);
    assert_eq!(view["service"], "complaint");
    assert_eq!(view["current"], "submitted");
    assert_eq!(view["is_final"], false);
    assert_eq!(view["version"], 1);
    assert_eq!(view["fir_number"], Value::Null);
    let events = view["events"].as_array().unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0]["status"], "submitted");
    assert_eq!(events[0]["at"], ack["filed_at"]);
    assert!(events[0]["at"].as_str().unwrap().ends_with("+05:30"));
    assert_eq!(events[0]["office_en"], "Gandhi Maidan");
    assert_eq!(events[0]["office_hi"], "गांधी मैदान");
    assert_eq!(events[0]["note_en"], "Complaint received online.");
    assert_eq!(events[0]["note_hi"], "शिकायत ऑनलाइन प्राप्त हुई।");
    assert_eq!(view["next"]["status"], "received");
    assert_eq!(view["next"]["by"], plus_days(event_date(&view, 0), 1));
    serde_json::from_value::<contract::status::StatusView>(view).unwrap();

    // The viewer session is not a verified one: it cannot file, and a file it sends is an
    // anonymous one (only a tip may take it), not the session's.
    let session: Value = browser
        .get(server.url("/api/v1/session"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(session["verified_mobile"], Value::Null);
    let upload = browser
        .post(server.url("/api/v1/attachments"))
        .body(b"%PDF-1.7\n".to_vec())
        .send()
        .await
        .unwrap();
    assert_eq!(upload.status(), StatusCode::CREATED);
    assert_eq!(
        server.count("SELECT COUNT(*) FROM attachments WHERE session_hash IS NOT NULL"),
        0
    );

    // A second lookup in the same browser keeps its session.
    let again = lookup(&server, &browser, reference, MOBILE).await;
    assert_eq!(again.status(), StatusCode::OK);
    assert!(again.headers().get(SET_COOKIE).is_none());

    // Over HTTPS (as a proxy says) the cookie is Secure.
    let https = server
        .browser()
        .post(server.url("/api/v1/status/lookup"))
        .header("x-forwarded-proto", "https")
        .json(&json!({ "reference": reference, "mobile": MOBILE }))
        .send()
        .await
        .unwrap();
    assert!(header(https.headers(), "set-cookie").contains("; Secure"));
}

#[tokio::test]
async fn wrong_mobile_and_unknown_or_malformed_references_are_the_same_404() {
    let server = Server::start().await;
    let (_, ack) = file_complaint(&server).await;
    let reference = ack["reference"].as_str().unwrap();
    let unknown = format!("{}999", &reference[..reference.len() - 3]);
    let browser = server.browser();
    let mut bodies = Vec::new();
    for (reference, mobile) in [
        (reference, OTHER_MOBILE),
        (unknown.as_str(), MOBILE),
        ("BR-CMP-26-1", MOBILE),
        ("", MOBILE),
    ] {
        let response = lookup(&server, &browser, reference, mobile).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{reference}");
        assert!(response.headers().get(SET_COOKIE).is_none());
        assert_eq!(header(response.headers(), "cache-control"), "no-store");
        bodies.push(response.text().await.unwrap());
    }
    assert!(
        bodies
            .iter()
            .all(|b| b == r#"{"error":{"code":"not_found"}}"#),
        "{bodies:?}"
    );

    // A mobile that is not a mobile number says so (it reveals nothing about the filing).
    let bad = lookup(&server, &browser, reference, "12345").await;
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
    let error = error_of(bad).await;
    assert_eq!(error["code"], "validation_failed");
    assert_eq!(error["fields"][0]["field"], "mobile");
    assert_eq!(error["fields"][0]["code"], "invalid");

    // Nothing was granted: the browser has no session and sees nothing.
    let get = get_status(&server, &browser, reference, None).await;
    assert_eq!(get.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn get_needs_a_lookup_in_this_session_or_the_filings_verified_mobile() {
    let server = Server::start().await;
    let (filer, ack) = file_complaint(&server).await;
    let reference = ack["reference"].as_str().unwrap();
    let not_found = r#"{"error":{"code":"not_found"}}"#;

    let stranger = server.browser();
    let other_mobile = server.verified(OTHER_MOBILE).await;
    for client in [&stranger, &other_mobile] {
        let response = get_status(&server, client, reference, None).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
        assert_eq!(response.text().await.unwrap(), not_found);
    }
    // The other mobile's verified session cannot look up with its own number either.
    let response = lookup(&server, &other_mobile, reference, OTHER_MOBILE).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);

    // The browser that filed it (verified for the filing's mobile) sees it without a lookup.
    let response = get_status(&server, &filer, reference, None).await;
    assert_eq!(response.status(), StatusCode::OK);
    // Unknown and malformed references answer the same 404 as "not yours".
    for bad in ["BR-CMP-2020-000001", "not-a-reference"] {
        let response = get_status(&server, &filer, bad, None).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
        assert_eq!(response.text().await.unwrap(), not_found);
    }

    // Looking up with the right mobile in a verified session for another mobile grants it.
    let response = lookup(&server, &other_mobile, reference, MOBILE).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        response.headers().get(SET_COOKIE).is_none(),
        "the existing session is kept"
    );
    let response = get_status(&server, &other_mobile, reference, None).await;
    assert_eq!(response.status(), StatusCode::OK);
}

#[tokio::test]
async fn polling_answers_etags_and_304_until_something_changes() {
    let server = Server::start().await;
    let (reference, browser) = filed_and_looked_up(&server).await;
    let response = get_status(&server, &browser, &reference, None).await;
    assert_eq!(response.status(), StatusCode::OK);
    let headers = response.headers().clone();
    let etag = header(&headers, "etag").to_owned();
    assert_eq!(etag, format!("\"{reference}-v1\""));
    assert_eq!(header(&headers, "cache-control"), "no-cache, private");
    assert_eq!(header(&headers, "x-poll-interval"), "15");
    assert_eq!(header(&headers, "content-type"), "application/json");
    let exposed = header(&headers, "access-control-expose-headers");
    assert!(exposed.contains("ETag") && exposed.contains("X-Poll-Interval"));
    let view: Value = response.json().await.unwrap();
    assert_eq!(view["events"].as_array().unwrap().len(), 1);

    let response = get_status(&server, &browser, &reference, Some(&etag)).await;
    assert_eq!(response.status(), StatusCode::NOT_MODIFIED);
    assert_eq!(header(response.headers(), "etag"), etag);
    assert_eq!(header(response.headers(), "x-poll-interval"), "15");
    assert_eq!(
        header(response.headers(), "cache-control"),
        "no-cache, private"
    );
    assert!(response.bytes().await.unwrap().is_empty());
    // A weak or listed tag matches too; another version does not.
    let listed = format!("\"x\", W/{etag}");
    let response = get_status(&server, &browser, &reference, Some(&listed)).await;
    assert_eq!(response.status(), StatusCode::NOT_MODIFIED);
    let stale = format!("\"{reference}-v0\"");
    let response = get_status(&server, &browser, &reference, Some(&stale)).await;
    assert_eq!(response.status(), StatusCode::OK);
    // A 304 is never a way round access.
    let stranger = server.browser();
    let response = get_status(&server, &stranger, &reference, Some(&etag)).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);

    // The officer records the next step while the server runs.
    let out = advance_ok(&server, &[&reference, "received"]).await;
    assert_eq!(out, format!("{reference}: submitted → received\n"));
    let response = get_status(&server, &browser, &reference, Some(&etag)).await;
    assert_eq!(response.status(), StatusCode::OK);
    let new_etag = header(response.headers(), "etag").to_owned();
    assert_eq!(new_etag, format!("\"{reference}-v2\""));
    let view: Value = response.json().await.unwrap();
    assert_eq!(view["version"], 2);
    assert_eq!(view["current"], "received");
    let events = view["events"].as_array().unwrap();
    assert_eq!(events.len(), 2);
    assert_eq!(events[0]["status"], "submitted");
    assert_eq!(events[1]["status"], "received");
    assert!(events[1]["at"].as_str().unwrap().ends_with("+05:30"));
    assert_eq!(events[1]["office_en"], "Gandhi Maidan");
    assert_eq!(
        events[1]["note_en"],
        "Your complaint has reached Gandhi Maidan police station."
    );
    assert_eq!(
        events[1]["note_hi"],
        "आपकी शिकायत गांधी मैदान थाने में पहुँच गई है।"
    );
    assert_eq!(view["next"]["status"], "under_enquiry");
    assert_eq!(view["next"]["by"], plus_days(event_date(&view, 1), 3));
    let response = get_status(&server, &browser, &reference, Some(&new_etag)).await;
    assert_eq!(response.status(), StatusCode::NOT_MODIFIED);
}

#[tokio::test]
async fn officer_advance_refuses_impossible_steps_and_follows_the_complaint_to_its_end() {
    let server = Server::start().await;
    let (reference, browser) = filed_and_looked_up(&server).await;
    advance_ok(&server, &[&reference, "received"]).await;
    let events = || server.count("SELECT COUNT(*) FROM status_events");
    assert_eq!(events(), 2);

    for (args, message) in [
        (
            vec![reference.as_str(), "approved"],
            format!("cannot move {reference} from received to approved"),
        ),
        (
            vec![reference.as_str(), "submitted"],
            format!("cannot move {reference} from received to submitted"),
        ),
        (
            vec![
                reference.as_str(),
                "fir_registered",
                "--fir-number",
                "1/2026",
            ],
            format!("cannot move {reference} from received to fir_registered"),
        ),
        (
            vec!["BR-CMP-2026-999999", "under_enquiry"],
            "unknown reference BR-CMP-2026-999999".to_owned(),
        ),
        (
            vec![reference.as_str(), "promoted"],
            "unknown status \"promoted\"".to_owned(),
        ),
        (
            vec![
                reference.as_str(),
                "under_enquiry",
                "--office",
                "PAT-NOWHERE",
            ],
            "unknown office PAT-NOWHERE".to_owned(),
        ),
        (
            vec![
                reference.as_str(),
                "under_enquiry",
                "--fir-number",
                "1/2026",
            ],
            "--fir-number goes with fir_registered only".to_owned(),
        ),
    ] {
        let out = advance(&server, &args).await;
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(&message), "{args:?}: {stderr}");
        assert!(out.stdout.is_empty());
    }
    assert_eq!(events(), 2, "refused steps change nothing");
    let etag = format!("\"{reference}-v2\"");
    let response = get_status(&server, &browser, &reference, Some(&etag)).await;
    assert_eq!(response.status(), StatusCode::NOT_MODIFIED);

    advance_ok(&server, &[&reference, "under_enquiry"]).await;
    let out = advance(&server, &[&reference, "fir_registered"]).await;
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("fir_registered needs --fir-number"));
    assert_eq!(events(), 3);

    let out = advance_ok(
        &server,
        &[
            &reference,
            "fir_registered",
            "--fir-number",
            "214/2026",
            "--note-en",
            "FIR registered under BNS section 304.",
            "--note-hi",
            "बीएनएस धारा 304 के अंतर्गत प्राथमिकी दर्ज।",
        ],
    )
    .await;
    assert_eq!(
        out,
        format!("{reference}: under_enquiry → fir_registered\n")
    );
    let view: Value = get_status(&server, &browser, &reference, None)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(view["fir_number"], "214/2026");
    assert_eq!(view["current"], "fir_registered");
    assert_eq!(
        view["events"][3]["note_en"],
        "FIR registered under BNS section 304."
    );
    assert_eq!(
        view["events"][3]["note_hi"],
        "बीएनएस धारा 304 के अंतर्गत प्राथमिकी दर्ज।"
    );
    assert_eq!(view["next"]["status"], "under_investigation");
    assert_eq!(view["next"]["by"], plus_days(event_date(&view, 3), 7));

    advance_ok(&server, &[&reference, "under_investigation"]).await;
    let view: Value = get_status(&server, &browser, &reference, None)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(view["next"], Value::Null, "no fixed timeline");
    assert_eq!(view["is_final"], false);

    advance_ok(&server, &[&reference, "charge_sheeted"]).await;
    let response = get_status(&server, &browser, &reference, None).await;
    assert_eq!(
        header(response.headers(), "etag"),
        format!("\"{reference}-v6\"")
    );
    let view: Value = response.json().await.unwrap();
    assert_eq!(view["current"], "charge_sheeted");
    assert_eq!(view["is_final"], true);
    assert_eq!(view["next"], Value::Null);
    assert_eq!(view["fir_number"], "214/2026");
    assert_eq!(view["events"].as_array().unwrap().len(), 6);
    serde_json::from_value::<contract::status::StatusView>(view).unwrap();

    let out = advance(&server, &[&reference, "final_report"]).await;
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains(&format!(
        "cannot move {reference} from charge_sheeted to final_report"
    )));
    assert_eq!(events(), 6);
}

#[tokio::test]
async fn a_transfer_names_the_station_it_went_to() {
    let server = Server::start().await;
    let (reference, browser) = filed_and_looked_up(&server).await;
    advance_ok(&server, &[&reference, "received"]).await;
    advance_ok(&server, &[&reference, "under_enquiry"]).await;
    advance_ok(
        &server,
        &[&reference, "transferred", "--office", "PAT-KOTWALI"],
    )
    .await;
    let view: Value = get_status(&server, &browser, &reference, None)
        .await
        .json()
        .await
        .unwrap();
    let last = &view["events"][3];
    assert_eq!(last["status"], "transferred");
    assert_eq!(last["office_en"], "Kotwali");
    assert_eq!(last["office_hi"], "कोतवाली");
    assert!(last["note_en"]
        .as_str()
        .unwrap()
        .contains("Kotwali police station"));
    assert!(last["note_hi"].as_str().unwrap().contains("कोतवाली थाने"));
    assert_eq!(view["is_final"], true);
    assert_eq!(view["events"][2]["office_en"], "Gandhi Maidan");
}

#[tokio::test]
async fn the_poll_header_follows_the_configured_interval() {
    let server = Server::start_with(|config| config.poll_interval = Duration::from_secs(3)).await;
    let (reference, browser) = filed_and_looked_up(&server).await;
    let response = get_status(&server, &browser, &reference, None).await;
    assert_eq!(header(response.headers(), "x-poll-interval"), "3");
    let etag = header(response.headers(), "etag").to_owned();
    let response = get_status(&server, &browser, &reference, Some(&etag)).await;
    assert_eq!(response.status(), StatusCode::NOT_MODIFIED);
    assert_eq!(header(response.headers(), "x-poll-interval"), "3");
}

#[tokio::test]
async fn lookups_are_rate_limited_per_client() {
    let server = Server::start().await;
    let (_, ack) = file_complaint(&server).await;
    let reference = ack["reference"].as_str().unwrap();
    let browser = server.browser();
    for _ in 0..10 {
        let response = lookup(&server, &browser, reference, OTHER_MOBILE).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
    }
    // The eleventh within the minute waits, even with the right mobile.
    let response = lookup(&server, &browser, reference, MOBILE).await;
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    let retry: u64 = header(response.headers(), RETRY_AFTER.as_str())
        .parse()
        .unwrap();
    assert!((1..=60).contains(&retry), "{retry}");
    let error = error_of(response).await;
    assert_eq!(error["code"], "rate_limited");
    assert_eq!(error["retry_after_secs"], retry);

    server.advance(61);
    let response = lookup(&server, &browser, reference, MOBILE).await;
    assert_eq!(response.status(), StatusCode::OK);
}

#[tokio::test]
async fn logging_out_ends_access_and_verifying_keeps_it() {
    let server = Server::start().await;
    let (reference, browser) = filed_and_looked_up(&server).await;

    // Verifying a mobile in the same browser carries the looked-up filing over.
    let verified = server
        .verify_otp(&browser, OTHER_MOBILE, common::DEMO_OTP)
        .await;
    assert_eq!(
        verified.status(),
        StatusCode::BAD_REQUEST,
        "no code was sent yet"
    );
    assert_eq!(
        server.request_otp(&browser, OTHER_MOBILE).await.status(),
        StatusCode::OK
    );
    let verified = server
        .verify_otp(&browser, OTHER_MOBILE, common::DEMO_OTP)
        .await;
    assert_eq!(verified.status(), StatusCode::OK);
    let response = get_status(&server, &browser, &reference, None).await;
    assert_eq!(response.status(), StatusCode::OK);

    let logout = browser
        .delete(server.url("/api/v1/session"))
        .send()
        .await
        .unwrap();
    assert_eq!(logout.status(), StatusCode::NO_CONTENT);
    let response = get_status(&server, &browser, &reference, None).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert_eq!(server.count("SELECT COUNT(*) FROM status_access"), 0);

    // A viewer session expires like any other.
    let response = lookup(&server, &browser, &reference, MOBILE).await;
    assert_eq!(response.status(), StatusCode::OK);
    server.advance(2 * 60 * 60 + 1);
    let response = get_status(&server, &browser, &reference, None).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
}
