//! OTP request and verify, the session cookie, and logout, over real HTTP.

mod common;

use common::{error_of, Server, DEMO_OTP, MOBILE};
use reqwest::StatusCode;
use serde_json::{json, Value};

#[tokio::test]
async fn request_then_verify_opens_a_session() {
    let server = Server::start().await;
    let browser = server.browser();
    let sent = server.request_otp(&browser, "+91 98765-43210").await;
    assert_eq!(sent.status(), StatusCode::OK);
    assert_eq!(sent.headers()["cache-control"], "no-store");
    assert_eq!(
        sent.json::<Value>().await.unwrap(),
        json!({"resend_after_secs": 30, "expires_in_secs": 600, "attempts_left": 5})
    );
    let session: Value = browser
        .get(server.url("/api/v1/session"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(session, json!({"verified_mobile": null}));

    // Devanagari digits and spaces in the code are fine.
    let verified = server.verify_otp(&browser, "९८७६५ ४३२१०", "२४६ ८१०").await;
    assert_eq!(verified.status(), StatusCode::OK);
    assert_eq!(
        verified.json::<Value>().await.unwrap(),
        json!({"verified_mobile": MOBILE})
    );
    let session: Value = browser
        .get(server.url("/api/v1/session"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(session, json!({"verified_mobile": MOBILE}));

    // A code works once.
    let again = server.verify_otp(&server.browser(), MOBILE, DEMO_OTP).await;
    assert_eq!(again.status(), StatusCode::BAD_REQUEST);
    assert_eq!(error_of(again).await, json!({"code": "otp_expired"}));
}

#[tokio::test]
async fn bad_mobiles_are_validation_errors() {
    let server = Server::start().await;
    let browser = server.browser();
    for (mobile, code) in [
        ("12345", "invalid"),
        ("5876543210", "invalid"),
        ("  ", "required"),
    ] {
        let response = server.request_otp(&browser, mobile).await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{mobile}");
        assert_eq!(
            error_of(response).await,
            json!({"code": "validation_failed", "fields": [{"field": "mobile", "code": code}]})
        );
    }
    let response = server.verify_otp(&browser, "123", DEMO_OTP).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert_eq!(error_of(response).await["fields"][0]["field"], "mobile");
}

#[tokio::test]
async fn wrong_codes_count_down_and_the_fifth_spends_the_code() {
    let server = Server::start().await;
    let browser = server.browser();
    server.request_otp(&browser, MOBILE).await;
    for left in (1..=4).rev() {
        let response = server.verify_otp(&browser, MOBILE, "000000").await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
        assert_eq!(
            error_of(response).await,
            json!({"code": "otp_wrong", "attempts_left": left})
        );
    }
    let fifth = server.verify_otp(&browser, MOBILE, "000000").await;
    assert_eq!(fifth.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(
        error_of(fifth).await,
        json!({"code": "otp_too_many_attempts"})
    );
    // Spent: even the right code is refused until a new one is requested.
    let right = server.verify_otp(&browser, MOBILE, DEMO_OTP).await;
    assert_eq!(right.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(
        error_of(right).await,
        json!({"code": "otp_too_many_attempts"})
    );

    server.advance(31);
    assert_eq!(
        server.request_otp(&browser, MOBILE).await.status(),
        StatusCode::OK
    );
    let verified = server.verify_otp(&browser, MOBILE, DEMO_OTP).await;
    assert_eq!(verified.status(), StatusCode::OK);
}

#[tokio::test]
async fn an_expired_or_never_sent_code_is_refused() {
    let server = Server::start().await;
    let browser = server.browser();
    let never = server.verify_otp(&browser, MOBILE, DEMO_OTP).await;
    assert_eq!(never.status(), StatusCode::BAD_REQUEST);
    assert_eq!(error_of(never).await, json!({"code": "otp_expired"}));

    server.request_otp(&browser, MOBILE).await;
    server.advance(599);
    let wrong = server.verify_otp(&browser, MOBILE, "111111").await;
    assert_eq!(error_of(wrong).await["code"], "otp_wrong", "still valid");
    server.advance(2);
    let late = server.verify_otp(&browser, MOBILE, DEMO_OTP).await;
    assert_eq!(late.status(), StatusCode::BAD_REQUEST);
    assert_eq!(error_of(late).await, json!({"code": "otp_expired"}));
}

#[tokio::test]
async fn resending_within_30_seconds_is_refused() {
    let server = Server::start().await;
    let browser = server.browser();
    assert_eq!(
        server.request_otp(&browser, MOBILE).await.status(),
        StatusCode::OK
    );
    server.advance(10);
    let retry_after = common::retry_after(server.request_otp(&browser, MOBILE).await).await;
    assert!((19..=20).contains(&retry_after), "{retry_after}");

    // Another mobile is not affected.
    assert_eq!(
        server.request_otp(&browser, "9123456789").await.status(),
        StatusCode::OK
    );
    server.advance(21);
    assert_eq!(
        server.request_otp(&browser, MOBILE).await.status(),
        StatusCode::OK
    );
}

#[tokio::test]
async fn a_fourth_send_within_15_minutes_is_rate_limited() {
    let server = Server::start().await;
    let browser = server.browser();
    for _ in 0..3 {
        assert_eq!(
            server.request_otp(&browser, MOBILE).await.status(),
            StatusCode::OK
        );
        server.advance(31);
    }
    let retry_after = common::retry_after(server.request_otp(&browser, MOBILE).await).await;
    // The first send leaves the 15-minute window 900 - 93 seconds from now.
    assert!((806..=807).contains(&retry_after), "{retry_after}");

    server.advance(retry_after as i64);
    assert_eq!(
        server.request_otp(&browser, MOBILE).await.status(),
        StatusCode::OK
    );
}

#[tokio::test]
async fn the_code_is_stored_only_hashed() {
    let server = Server::start().await;
    server.request_otp(&server.browser(), MOBILE).await;
    let conn = server.db();
    let mut stmt = conn.prepare("SELECT * FROM otp_codes").unwrap();
    let columns = stmt.column_count();
    let mut rows = stmt.query([]).unwrap();
    let mut seen = 0;
    while let Some(row) = rows.next().unwrap() {
        seen += 1;
        for i in 0..columns {
            let bytes: Vec<u8> = match row.get_ref(i).unwrap() {
                rusqlite::types::ValueRef::Text(t) | rusqlite::types::ValueRef::Blob(t) => {
                    t.to_vec()
                }
                rusqlite::types::ValueRef::Integer(n) => n.to_string().into_bytes(),
                _ => Vec::new(),
            };
            assert!(
                !bytes
                    .windows(DEMO_OTP.len())
                    .any(|w| w == DEMO_OTP.as_bytes()),
                "column {i} holds the plain code"
            );
        }
    }
    assert_eq!(seen, 1);
    let hash_len: i64 = conn
        .query_row("SELECT length(code_hash) FROM otp_codes", [], |r| r.get(0))
        .unwrap();
    assert_eq!(hash_len, 32);
}

fn set_cookie(response: &reqwest::Response) -> String {
    response.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .to_owned()
}

#[tokio::test]
async fn the_session_cookie_is_http_only_strict_and_secure_over_https() {
    let server = Server::start().await;
    let browser = server.browser();
    server.request_otp(&browser, MOBILE).await;
    let plain = server.verify_otp(&browser, MOBILE, DEMO_OTP).await;
    let cookie = set_cookie(&plain);
    assert!(cookie.starts_with("ns_session="), "{cookie}");
    let token = cookie["ns_session=".len()..].split(';').next().unwrap();
    assert!(token.len() >= 43, "32 random bytes: {cookie}");
    for part in ["HttpOnly", "SameSite=Strict", "Path=/api", "Max-Age=7200"] {
        assert!(cookie.split("; ").any(|p| p == part), "{part} in {cookie}");
    }
    assert!(!cookie.contains("Secure"), "not over plain http: {cookie}");

    // The token is stored only as its hash.
    let stored: i64 = server.count(&format!(
        "SELECT COUNT(*) FROM sessions WHERE CAST(token_hash AS TEXT) = '{token}'"
    ));
    assert_eq!(stored, 0);
    assert_eq!(server.count("SELECT COUNT(*) FROM sessions"), 1);

    server.advance(31);
    server.request_otp(&browser, MOBILE).await;
    let proxied = browser
        .post(server.url("/api/v1/otp/verify"))
        .header("x-forwarded-proto", "https")
        .json(&json!({"mobile": MOBILE, "code": DEMO_OTP}))
        .send()
        .await
        .unwrap();
    assert_eq!(proxied.status(), StatusCode::OK);
    assert!(set_cookie(&proxied).ends_with("; Secure"));

    let flagged = Server::start_with(|c| c.secure_cookies = true).await;
    let browser = flagged.browser();
    flagged.request_otp(&browser, MOBILE).await;
    let response = flagged.verify_otp(&browser, MOBILE, DEMO_OTP).await;
    assert!(set_cookie(&response).contains("; Secure"));
}

#[tokio::test]
async fn a_retried_logout_can_keep_the_site_data() {
    let server = Server::start().await;
    let browser = server.verified(MOBILE).await;
    let response = browser
        .delete(server.url("/api/v1/session?site_data=keep"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    assert!(response.headers().get("clear-site-data").is_none());
    assert!(set_cookie(&response).starts_with("ns_session=; Max-Age=0; Path=/api"));
    assert_eq!(server.count("SELECT COUNT(*) FROM sessions"), 0);
}

#[tokio::test]
async fn a_logout_with_any_other_site_data_is_refused_and_ends_nothing() {
    let server = Server::start().await;
    let browser = server.verified(MOBILE).await;
    for query in [
        "site_data=AAA",
        "site_data=",
        "site_data=keep&site_data=keep",
        "site_data=%FF",
    ] {
        let response = browser
            .delete(server.url(&format!("/api/v1/session?{query}")))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{query}");
        assert!(response.headers().get("set-cookie").is_none(), "{query}");
        assert_eq!(
            error_of(response).await,
            json!({"code": "validation_failed", "fields": [{"field": "site_data", "code": "invalid"}]}),
            "{query}"
        );
    }
    assert_eq!(server.count("SELECT COUNT(*) FROM sessions"), 1);
    // Other parameters are no business of the logout.
    let response = browser
        .delete(server.url("/api/v1/session?utm=x"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    assert_eq!(server.count("SELECT COUNT(*) FROM sessions"), 0);
}

#[tokio::test]
async fn logout_deletes_the_session_and_clears_the_kiosk() {
    let server = Server::start().await;
    let browser = server.verified(MOBILE).await;
    assert_eq!(server.count("SELECT COUNT(*) FROM sessions"), 1);

    let response = browser
        .delete(server.url("/api/v1/session"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        response.headers()["clear-site-data"],
        "\"cookies\", \"storage\""
    );
    let cookie = set_cookie(&response);
    assert!(
        cookie.starts_with("ns_session=; Max-Age=0; Path=/api"),
        "{cookie}"
    );
    assert_eq!(server.count("SELECT COUNT(*) FROM sessions"), 0);

    let session: Value = browser
        .get(server.url("/api/v1/session"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(session, json!({"verified_mobile": null}));

    // Logging out without a session is fine too.
    let again = server
        .browser()
        .delete(server.url("/api/v1/session"))
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), StatusCode::NO_CONTENT);
}

#[tokio::test]
async fn a_session_lasts_two_hours() {
    let server = Server::start().await;
    let browser = server.verified(MOBILE).await;
    server.advance(2 * 60 * 60 - 5);
    let session: Value = browser
        .get(server.url("/api/v1/session"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(session["verified_mobile"], MOBILE);
    server.advance(10);
    let session: Value = browser
        .get(server.url("/api/v1/session"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(session["verified_mobile"], Value::Null);
}
