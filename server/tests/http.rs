//! The server over real HTTP, against a real SQLite file and a fake dist in a temp dir.

use axum::routing::{get, post};
use axum::Router;
use nagrik_server::json::Json;
use nagrik_server::{app, with_common_layers, Config};
use reqwest::header::{HeaderMap, ACCEPT_ENCODING, CONTENT_TYPE};
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::io::Read;
use std::path::Path;
use tempfile::TempDir;

const PLACEHOLDER: &str = "{{__TRUNK NONCE__}}";
const WASM: &str = "nagrik-seva-0123456789abcdef_bg.wasm";
const CSS: &str = "main-fedcba9876543210.css";

fn index_html() -> String {
    format!(
        r#"<!DOCTYPE html><html lang="hi"><head><meta charset="utf-8">
<link rel="stylesheet" href="/{CSS}" nonce="{PLACEHOLDER}">
<link rel="manifest" href="/manifest.webmanifest">
<script nonce="{PLACEHOLDER}">window.nsBoot = 1;</script>
<script type="module" nonce="{PLACEHOLDER}">
import init from '/nagrik-seva-0123456789abcdef.js';
await init({{ module_or_path: '/{WASM}' }});
</script></head><body><noscript>Nagrik Seva needs JavaScript.</noscript></body></html>
"#
    )
}

fn write_dist(dir: &Path) {
    std::fs::create_dir_all(dir.join("icons")).unwrap();
    let files: [(&str, Vec<u8>); 7] = [
        ("index.html", index_html().into_bytes()),
        (
            CSS,
            "body { margin: 0; color: #222; }\n".repeat(50).into_bytes(),
        ),
        (
            "nagrik-seva-0123456789abcdef.js",
            "export default function init() {}\n"
                .repeat(40)
                .into_bytes(),
        ),
        (WASM, b"\0asm\x01\0\0\0".repeat(500)),
        (
            "manifest.webmanifest",
            br#"{"name":"Nagrik Seva","start_url":"/"}"#.to_vec(),
        ),
        (
            "sw.js",
            b"self.addEventListener('fetch', () => {});\n".to_vec(),
        ),
        (
            "icons/icon.svg",
            b"<svg xmlns='http://www.w3.org/2000/svg'/>".to_vec(),
        ),
    ];
    for (name, body) in files {
        std::fs::write(dir.join(name), body).unwrap();
    }
}

struct Server {
    base: String,
    dir: TempDir,
    http: reqwest::Client,
}

impl Server {
    async fn start() -> Self {
        let dir = tempfile::tempdir().unwrap();
        write_dist(&dir.path().join("dist"));
        Self::start_in(dir).await
    }

    async fn start_in(dir: TempDir) -> Self {
        let config = Config::new(
            dir.path().join("data/nagrik.sqlite3"),
            dir.path().join("dist"),
        );
        let base = spawn(app(config).await.unwrap()).await;
        Self {
            base,
            dir,
            http: reqwest::Client::new(),
        }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    async fn get(&self, path: &str) -> reqwest::Response {
        self.http.get(self.url(path)).send().await.unwrap()
    }

    async fn get_with(&self, path: &str, accept_encoding: &str) -> reqwest::Response {
        let request = self
            .http
            .get(self.url(path))
            .header(ACCEPT_ENCODING, accept_encoding);
        request.send().await.unwrap()
    }
}

async fn spawn(router: Router) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    format!("http://{addr}")
}

async fn error_code(response: reqwest::Response) -> Value {
    assert_eq!(
        response.headers()[CONTENT_TYPE],
        "application/json",
        "errors are JSON"
    );
    assert_eq!(response.headers()["cache-control"], "no-store");
    response.json::<Value>().await.unwrap()["error"].clone()
}

fn assert_security_headers(headers: &HeaderMap, what: &str) {
    let csp = headers["content-security-policy"].to_str().unwrap();
    for part in [
        "default-src 'self'",
        "'wasm-unsafe-eval'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        "img-src 'self' data: blob:",
    ] {
        assert!(csp.contains(part), "{what}: CSP lacks {part}: {csp}");
    }
    assert_eq!(headers["x-content-type-options"], "nosniff", "{what}");
    assert_eq!(headers["referrer-policy"], "no-referrer", "{what}");
    assert_eq!(headers["x-frame-options"], "DENY", "{what}");
    assert_eq!(
        headers["permissions-policy"],
        "camera=(self), geolocation=(), microphone=(), payment=(), usb=()",
        "{what}"
    );
}

fn nonce_of(csp: &str) -> String {
    let start = csp.find("'nonce-").expect("CSP carries a nonce") + "'nonce-".len();
    csp[start..start + csp[start..].find('\'').unwrap()].to_owned()
}

#[tokio::test]
async fn health_reports_ok_and_the_version() {
    let server = Server::start().await;
    let response = server.get("/api/v1/health").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["cache-control"], "no-store");
    let health: contract::Health = response.json().await.unwrap();
    assert_eq!(health.status, "ok");
    assert_eq!(health.version, env!("CARGO_PKG_VERSION"));
}

#[tokio::test]
async fn all_38_districts_with_hindi_names_sorted_by_english_name() {
    let server = Server::start().await;
    let response = server.get("/api/v1/districts").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["cache-control"], "public, max-age=3600");
    let districts: Vec<contract::District> = response.json().await.unwrap();
    assert_eq!(districts.len(), 38);
    let names: Vec<&str> = districts.iter().map(|d| d.name_en.as_str()).collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted);
    assert_eq!(names.first(), Some(&"Araria"));
    assert_eq!(names.last(), Some(&"West Champaran"));
    for d in &districts {
        assert!(
            d.name_hi
                .chars()
                .any(|c| ('\u{0900}'..='\u{097F}').contains(&c)),
            "{} has no Hindi name",
            d.name_en
        );
    }
    let patna = districts.iter().find(|d| d.code.as_str() == "PAT").unwrap();
    assert_eq!(
        (patna.name_en.as_str(), patna.name_hi.as_str()),
        ("Patna", "पटना")
    );
    let gaya = districts.iter().find(|d| d.code.as_str() == "GAY").unwrap();
    assert_eq!(gaya.name_hi, "गया");
}

#[tokio::test]
async fn police_stations_of_a_district_are_the_marked_sample() {
    let server = Server::start().await;
    let response = server.get("/api/v1/districts/PAT/police-stations").await;
    assert_eq!(response.status(), StatusCode::OK);
    let stations: Vec<contract::PoliceStation> = response.json().await.unwrap();
    let names: Vec<&str> = stations.iter().map(|s| s.name_en.as_str()).collect();
    assert_eq!(
        names,
        ["Gandhi Maidan", "Kadamkuan", "Kotwali", "Pirbahore"]
    );
    assert!(stations
        .iter()
        .all(|s| s.sample && s.district.as_str() == "PAT"));

    let gaya: Vec<contract::PoliceStation> = server
        .get("/api/v1/districts/GAY/police-stations")
        .await
        .json()
        .await
        .unwrap();
    assert!((2..=4).contains(&gaya.len()));
    assert!(gaya.iter().any(|s| s.name_hi.contains("थाना")));
}

#[tokio::test]
async fn unknown_and_invalid_district_codes() {
    let server = Server::start().await;
    let unknown = server.get("/api/v1/districts/ZZZ/police-stations").await;
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
    assert_eq!(error_code(unknown).await, json!({"code": "unknown_code"}));

    let invalid = server.get("/api/v1/districts/pat!/police-stations").await;
    assert_eq!(invalid.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        error_code(invalid).await,
        json!({"code": "validation_failed", "fields": [{"field": "district", "code": "invalid"}]})
    );
}

#[tokio::test]
async fn path_segments_that_are_not_utf8_get_each_routes_json_error() {
    let server = Server::start().await;
    let district = server.get("/api/v1/districts/%FF/police-stations").await;
    assert_eq!(district.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        error_code(district).await,
        json!({"code": "validation_failed", "fields": [{"field": "district", "code": "invalid"}]})
    );
    let ack = server.get("/api/v1/acknowledgements/%FF").await;
    assert_eq!(ack.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        error_code(ack).await,
        json!({"code": "validation_failed", "fields": [{"field": "reference", "code": "invalid"}]})
    );
    let status = server.get("/api/v1/status/%FF").await;
    assert_eq!(status.status(), StatusCode::NOT_FOUND);
    assert_eq!(error_code(status).await, json!({"code": "not_found"}));
}

#[tokio::test]
async fn unknown_api_paths_and_wrong_methods_answer_json() {
    let server = Server::start().await;
    for path in [
        "/api/v1/nope",
        "/api",
        "/api/v2/districts",
        "/api/v1/districts/PAT/x",
    ] {
        let response = server.get(path).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{path}");
        assert_security_headers(response.headers(), path);
        assert_eq!(
            error_code(response).await,
            json!({"code": "not_found"}),
            "{path}"
        );
    }
    let response = server
        .http
        .post(server.url("/api/v1/health"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert!(response.headers()["allow"]
        .to_str()
        .unwrap()
        .contains("GET"));
    assert_eq!(
        error_code(response).await,
        json!({"code": "method_not_allowed"})
    );
}

async fn test_router() -> (String, reqwest::Client) {
    async fn echo(Json(body): Json<Value>) -> Json<Value> {
        Json(body)
    }
    async fn boom() -> &'static str {
        panic!("a handler bug")
    }
    let router = Router::new()
        .route("/echo", post(echo))
        .route("/boom", get(boom));
    (
        spawn(with_common_layers(router)).await,
        reqwest::Client::new(),
    )
}

#[tokio::test]
async fn json_extractor_maps_rejections_to_contract_codes() {
    let (base, http) = test_router().await;
    let send = |body: Vec<u8>, content_type: &'static str| {
        let request = http
            .post(format!("{base}/echo"))
            .header(CONTENT_TYPE, content_type);
        request.body(body).send()
    };

    let ok = send(br#"{"a":1}"#.to_vec(), "application/json")
        .await
        .unwrap();
    assert_eq!(ok.status(), StatusCode::OK);
    assert_eq!(ok.json::<Value>().await.unwrap(), json!({"a": 1}));

    let malformed = send(b"{\"a\":".to_vec(), "application/json").await.unwrap();
    assert_eq!(malformed.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        error_code(malformed).await,
        json!({"code": "malformed_json"})
    );

    let wrong_type = send(br#"{"a":1}"#.to_vec(), "text/plain").await.unwrap();
    assert_eq!(wrong_type.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(
        error_code(wrong_type).await,
        json!({"code": "unsupported_media_type"})
    );

    let big = format!("{{\"a\":\"{}\"}}", "x".repeat(70 * 1024)).into_bytes();
    let too_large = send(big, "application/json").await.unwrap();
    assert_eq!(too_large.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(
        error_code(too_large).await,
        json!({"code": "payload_too_large"})
    );
}

#[tokio::test]
async fn a_panic_becomes_a_500_json_response_with_headers() {
    let (base, http) = test_router().await;
    let response = http.get(format!("{base}/boom")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert_security_headers(response.headers(), "panic");
    assert_eq!(error_code(response).await, json!({"code": "internal"}));
}

#[tokio::test]
async fn every_kind_of_response_carries_the_security_headers() {
    let server = Server::start().await;
    for path in [
        "/api/v1/health",
        "/api/v1/districts",
        &format!("/{CSS}"),
        "/",
        "/complaint/about-you",
    ] {
        let response = server.get(path).await;
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        assert_security_headers(response.headers(), path);
    }
}

#[tokio::test]
async fn index_html_gets_a_fresh_nonce_in_body_and_csp() {
    let server = Server::start().await;
    let mut nonces = Vec::new();
    for _ in 0..2 {
        let response = server.get("/").await;
        assert_eq!(response.status(), StatusCode::OK);
        let csp = response.headers()["content-security-policy"]
            .to_str()
            .unwrap()
            .to_owned();
        assert!(csp.contains("script-src 'self' 'nonce-"), "{csp}");
        let nonce = nonce_of(&csp);
        assert_eq!(nonce.len(), 24, "base64 of 16 bytes");
        let body = response.text().await.unwrap();
        assert!(!body.contains(PLACEHOLDER));
        assert_eq!(body.matches(&format!("nonce=\"{nonce}\"")).count(), 3);
        nonces.push(nonce);
    }
    assert_ne!(nonces[0], nonces[1]);

    let asset = server.get(&format!("/{CSS}")).await;
    let csp = asset.headers()["content-security-policy"].to_str().unwrap();
    assert!(!csp.contains("nonce"), "only index.html gets a nonce");
}

#[tokio::test]
async fn caching_follows_trunk_hashes() {
    let server = Server::start().await;
    let immutable = "public, max-age=31536000, immutable";
    let cases = [
        (format!("/{WASM}"), immutable, "application/wasm"),
        (format!("/{CSS}"), immutable, "text/css; charset=utf-8"),
        (
            "/nagrik-seva-0123456789abcdef.js".into(),
            immutable,
            "text/javascript; charset=utf-8",
        ),
        ("/".into(), "no-cache", "text/html; charset=utf-8"),
        ("/index.html".into(), "no-cache", "text/html; charset=utf-8"),
        (
            "/manifest.webmanifest".into(),
            "no-cache",
            "application/manifest+json",
        ),
        (
            "/sw.js".into(),
            "no-cache",
            "text/javascript; charset=utf-8",
        ),
        ("/icons/icon.svg".into(), "no-cache", "image/svg+xml"),
    ];
    for (path, cache, content_type) in cases {
        let response = server.get(&path).await;
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        assert_eq!(response.headers()["cache-control"], cache, "{path}");
        assert_eq!(response.headers()[CONTENT_TYPE], content_type, "{path}");
        assert_eq!(response.headers()["vary"], "Accept-Encoding", "{path}");
    }
}

#[tokio::test]
async fn brotli_and_gzip_are_served_when_accepted() {
    let server = Server::start().await;
    let dir = server.dir.path().join("dist");
    for (path, file) in [(format!("/{CSS}"), CSS), ("/".to_owned(), "index.html")] {
        let original = std::fs::read(dir.join(file)).unwrap();

        let response = server.get_with(&path, "gzip, deflate, br").await;
        assert_eq!(response.headers()["content-encoding"], "br", "{path}");
        let compressed = response.bytes().await.unwrap();
        assert!(compressed.len() < original.len());
        let mut decoded = Vec::new();
        brotli::Decompressor::new(&compressed[..], 4096)
            .read_to_end(&mut decoded)
            .unwrap();
        if file == "index.html" {
            let text = String::from_utf8(decoded).unwrap();
            assert!(text.contains("Nagrik Seva needs JavaScript") && !text.contains(PLACEHOLDER));
        } else {
            assert_eq!(decoded, original);
        }

        let response = server.get_with(&path, "gzip").await;
        assert_eq!(response.headers()["content-encoding"], "gzip", "{path}");

        let response = server.get(&path).await;
        assert!(
            response.headers().get("content-encoding").is_none(),
            "{path}"
        );
    }
}

#[tokio::test]
async fn deep_links_fall_back_to_index_html() {
    let server = Server::start().await;
    for path in ["/complaint/about-you", "/status?ref=BR123", "/hi/complaint"] {
        let response = server.get(path).await;
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        assert_eq!(response.headers()["cache-control"], "no-cache");
        assert!(response.headers()["content-security-policy"]
            .to_str()
            .unwrap()
            .contains("'nonce-"));
        assert!(response
            .text()
            .await
            .unwrap()
            .contains("<noscript>Nagrik Seva"));
    }
}

#[tokio::test]
async fn without_dist_the_api_runs_and_pages_say_to_build_the_app() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start_in(dir).await;
    assert_eq!(server.get("/api/v1/health").await.status(), StatusCode::OK);
    let page = server.get("/complaint").await;
    assert_eq!(page.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_security_headers(page.headers(), "503");
    assert!(page.text().await.unwrap().contains("has not been built"));
}

#[tokio::test]
async fn restarting_on_the_same_database_keeps_its_data() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("data/nagrik.sqlite3");
    let first = Server::start_in(dir).await;
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute(
            "INSERT INTO police_stations (code, district_code, name_en, name_hi, sample)
             VALUES ('GAY-BODHGAYA', 'GAY', 'Bodh Gaya', 'बोधगया', 0)",
            [],
        )
        .unwrap();
    }
    let second = Server::start_in(first.dir).await;
    let stations: Vec<contract::PoliceStation> = second
        .get("/api/v1/districts/GAY/police-stations")
        .await
        .json()
        .await
        .unwrap();
    assert!(stations
        .iter()
        .any(|s| s.code.as_str() == "GAY-BODHGAYA" && !s.sample));
    let conn = rusqlite::Connection::open(&db).unwrap();
    let (migrations, districts): (i64, i64) = conn
        .query_row(
            "SELECT (SELECT COUNT(*) FROM schema_migrations), (SELECT COUNT(*) FROM districts)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((migrations, districts), (10, 38));
}
