//! A server over real HTTP against a temp SQLite file, with a clock the test can move and
//! cookie-keeping clients (one per "browser").

#![allow(dead_code)]

pub mod more_samples;

use chrono::{DateTime, Days, Duration, FixedOffset, NaiveDate, Utc};
use nagrik_server::config::Clock;
use nagrik_server::{app, Config};
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::path::PathBuf;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;
use tempfile::TempDir;

pub const DEMO_OTP: &str = "246810";
pub const MOBILE: &str = "9876543210";

pub struct Server {
    pub base: String,
    pub db: PathBuf,
    /// Seconds added to the real time: `advance` moves the server's clock.
    offset: Arc<AtomicI64>,
    _dir: TempDir,
}

impl Server {
    pub async fn start() -> Self {
        Self::start_with(|_| {}).await
    }

    /// A server whose clock starts at `at` (then runs on, and `advance` moves it).
    pub async fn start_at(at: DateTime<Utc>) -> Self {
        let server = Self::start().await;
        server.advance((at - Utc::now()).num_seconds());
        server
    }

    pub async fn start_with(tweak: impl FnOnce(&mut Config)) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("data/nagrik.sqlite3");
        let mut config = Config::new(&db, dir.path().join("dist"));
        config.demo_otp = Some(DEMO_OTP.into());
        let offset = Arc::new(AtomicI64::new(0));
        let clock_offset = Arc::clone(&offset);
        config.clock =
            Clock::new(move || Utc::now() + Duration::seconds(clock_offset.load(Ordering::SeqCst)));
        tweak(&mut config);
        let router = app(config).await.unwrap();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let service = router.into_make_service_with_connect_info::<std::net::SocketAddr>();
        tokio::spawn(async move { axum::serve(listener, service).await.unwrap() });
        Self {
            base: format!("http://{addr}"),
            db,
            offset,
            _dir: dir,
        }
    }

    pub fn advance(&self, secs: i64) {
        self.offset.fetch_add(secs, Ordering::SeqCst);
    }

    pub fn now(&self) -> DateTime<Utc> {
        Utc::now() + Duration::seconds(self.offset.load(Ordering::SeqCst))
    }

    pub fn today_ist(&self) -> NaiveDate {
        let ist = FixedOffset::east_opt(19_800).unwrap();
        self.now().with_timezone(&ist).date_naive()
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// A new "browser": its own cookie jar.
    pub fn browser(&self) -> reqwest::Client {
        reqwest::Client::builder()
            .cookie_store(true)
            .build()
            .unwrap()
    }

    pub async fn post(
        &self,
        client: &reqwest::Client,
        path: &str,
        body: Value,
    ) -> reqwest::Response {
        client
            .post(self.url(path))
            .json(&body)
            .send()
            .await
            .unwrap()
    }

    pub async fn request_otp(&self, client: &reqwest::Client, mobile: &str) -> reqwest::Response {
        self.post(client, "/api/v1/otp/request", json!({ "mobile": mobile }))
            .await
    }

    pub async fn verify_otp(
        &self,
        client: &reqwest::Client,
        mobile: &str,
        code: &str,
    ) -> reqwest::Response {
        self.post(
            client,
            "/api/v1/otp/verify",
            json!({ "mobile": mobile, "code": code }),
        )
        .await
    }

    /// A browser whose session has verified `mobile`.
    pub async fn verified(&self, mobile: &str) -> reqwest::Client {
        let client = self.browser();
        assert_eq!(
            self.request_otp(&client, mobile).await.status(),
            StatusCode::OK
        );
        let verified = self.verify_otp(&client, mobile, DEMO_OTP).await;
        assert_eq!(verified.status(), StatusCode::OK);
        client
    }

    /// A new browser that found `reference` by its mobile, as the QR code's status page does:
    /// it may read that filing's status and receipt, and nothing else.
    pub async fn looked_up(&self, reference: &str, mobile: &str) -> reqwest::Client {
        let client = self.browser();
        let body = serde_json::json!({ "reference": reference, "mobile": mobile });
        let found = self.post(&client, "/api/v1/status/lookup", body).await;
        assert_eq!(found.status(), StatusCode::OK, "{reference}");
        client
    }

    pub fn db(&self) -> rusqlite::Connection {
        rusqlite::Connection::open(&self.db).unwrap()
    }

    pub fn count(&self, sql: &str) -> i64 {
        self.db().query_row(sql, [], |r| r.get(0)).unwrap()
    }
}

/// The error object of a JSON error response, checking it is one.
pub async fn error_of(response: reqwest::Response) -> Value {
    assert_eq!(response.headers()["content-type"], "application/json");
    assert_eq!(response.headers()["cache-control"], "no-store");
    response.json::<Value>().await.unwrap()["error"].clone()
}

/// The wait a `429 rate_limited` answer asks for, checking that its `Retry-After` header and
/// its body's `retry_after_secs` say the same.
pub async fn retry_after(response: reqwest::Response) -> u64 {
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    let header: u64 = response.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    let error = error_of(response).await;
    assert_eq!(error["code"], "rate_limited");
    assert_eq!(error["retry_after_secs"], header);
    header
}

/// `d/m/yyyy`, as the complaint form takes dates.
pub fn dmy(date: NaiveDate) -> String {
    date.format("%-d/%-m/%Y").to_string()
}

/// A valid Aadhaar number: 11 digits and their Verhoeff check digit.
pub fn aadhaar() -> String {
    let first = "23456789012";
    let check = contract::rules::aadhaar::verhoeff_check_digit(first);
    format!("{first}{check}")
}

/// A complaint's answers that pass every rule.
pub fn complaint_answers(server: &Server) -> Value {
    let yesterday = server.today_ist().checked_sub_days(Days::new(1)).unwrap();
    json!({
        "name": "सीता देवी",
        "relative_name": "Ram Kumar",
        "gender": "female",
        "dob": "5/3/1990",
        "mobile": MOBILE,
        "house": "House 12",
        "locality": "Kankarbagh",
        "district": "PAT",
        "station": "PAT-KOTWALI",
        "pin": "800020",
        "id_type": "aadhaar",
        "id_number": aadhaar(),
        "category": "theft",
        "date_known": "exact",
        "incident_date": dmy(yesterday),
        "incident_time": "21:30",
        "place": "Near Gandhi Maidan",
        "incident_district": "PAT",
        "incident_station": "PAT-GANDHI-MAIDAN",
        "description": "My bag with a phone and Rs 2000 was snatched by two men on a bike."
    })
}

/// `POST /api/v1/services/{slug}/submissions` with this key (none: no header) and body.
pub async fn submit(
    server: &Server,
    client: &reqwest::Client,
    slug: &str,
    key: Option<&str>,
    body: &Value,
) -> reqwest::Response {
    let path = format!("/api/v1/services/{slug}/submissions");
    let mut request = client.post(server.url(&path)).json(body);
    if let Some(key) = key {
        request = request.header("Idempotency-Key", key);
    }
    request.send().await.unwrap()
}

/// Files a valid complaint from a browser verified for `MOBILE`; answers that browser and
/// the receipt.
pub async fn file_complaint(server: &Server) -> (reqwest::Client, Value) {
    let browser = server.verified(MOBILE).await;
    let body = json!({ "answers": complaint_answers(server) });
    let response = submit(
        server,
        &browser,
        "complaint",
        Some("key-status-0001"),
        &body,
    )
    .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    (browser, response.json().await.unwrap())
}
