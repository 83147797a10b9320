//! FIR copies over real HTTP (found, withheld, missing, bad parts, rate limits), the station
//! directory's phones in the masters, and the real binary's `import-firs`.

mod common;

use common::{error_of, Server};
use nagrik_server::routes::{
    FIR_DISTINCT_WINDOW_SECS, FIR_SEARCH_WINDOW_SECS, MAX_DISTINCT_FIRS, MAX_FIR_SEARCHES,
};
use reqwest::header::HeaderMap;
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::path::Path;
use std::process::{Command, Output};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_nagrik-server");

/// A client address no other search used, so each test (and the timing runs) has its own
/// rate limit: the server believes X-Forwarded-For from a loopback peer.
fn fresh_ip() -> String {
    static NEXT: AtomicU32 = AtomicU32::new(1);
    let n = NEXT.fetch_add(1, Ordering::SeqCst);
    format!("10.{}.{}.{}", n >> 16 & 255, n >> 8 & 255, n & 255)
}

async fn search(server: &Server, ip: &str, fir: &str) -> reqwest::Response {
    reqwest::Client::new()
        .get(server.url(&format!("/api/v1/firs/{fir}")))
        .header("x-forwarded-for", ip)
        .send()
        .await
        .unwrap()
}

fn header<'a>(headers: &'a HeaderMap, name: &str) -> &'a str {
    headers
        .get(name)
        .unwrap_or_else(|| panic!("no {name} header"))
        .to_str()
        .unwrap()
}

/// Every header but the ones that differ between any two answers (date) or follow the body's
/// length.
fn comparable(headers: &HeaderMap) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = headers
        .iter()
        .filter(|(name, _)| !matches!(name.as_str(), "date" | "content-length"))
        .map(|(n, v)| (n.to_string(), v.to_str().unwrap().to_owned()))
        .collect();
    out.sort();
    out
}

/// The keys of a JSON value, all the way down, with their types.
fn shape(value: &Value) -> Vec<String> {
    fn walk(prefix: &str, value: &Value, out: &mut Vec<String>) {
        match value {
            Value::Object(map) => {
                for (k, v) in map {
                    walk(&format!("{prefix}.{k}"), v, out);
                }
            }
            Value::String(_) => out.push(format!("{prefix}: string")),
            other => out.push(format!("{prefix}: {other}")),
        }
    }
    let mut out = Vec::new();
    walk("", value, &mut out);
    out
}

#[tokio::test]
async fn a_sample_fir_shows_its_public_summary_and_the_search_reference() {
    let server = Server::start().await;
    let response = search(&server, &fresh_ip(), "PAT/PAT-KOTWALI/2026/0012").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(header(response.headers(), "cache-control"), "no-store");
    assert_eq!(
        header(response.headers(), "content-type"),
        "application/json"
    );
    let copy: Value = response.json().await.unwrap();
    assert_eq!(copy["fir_number"], "12/2026");
    assert_eq!(copy["district"]["name_hi"], "पटना");
    assert_eq!(copy["station"]["name_en"], "Kotwali");
    assert_eq!(copy["station"]["name_hi"], "कोतवाली");
    assert_eq!(copy["registered_at"], "2026-03-14T10:20:00+05:30");
    assert_eq!(copy["law"], "bns");
    assert_eq!(copy["sections"], json!(["BNS 303(2)"]));
    assert_eq!(copy["occurred_from"], "2026-03-13");
    assert!(copy.get("occurred_to").is_none());
    assert_eq!(copy["complainant"], "सीता देवी");
    assert!(copy["facts"].as_str().unwrap().contains("मोबाइल फ़ोन"));
    assert_eq!(copy["officer_rank"], "पुलिस अवर निरीक्षक");
    assert_eq!(copy["stage"], "under_investigation");
    assert_eq!(copy["lang"], "hi");
    assert_eq!(copy["sample"], true);
    let reference = copy["search"]["reference"].as_str().unwrap();
    let year = server.today_ist().format("%Y").to_string();
    assert!(
        reference.starts_with(&format!("BR-FCP-{year}-")) && reference.len() == 18,
        "{reference}"
    );
    assert!(copy["search"]["at"].as_str().unwrap().ends_with("+05:30"));
    // The typed contract reads it too.
    let typed: contract::firs::FirCopy = serde_json::from_value(copy.clone()).unwrap();
    assert_eq!(typed.stage, contract::lifecycle::Status::UnderInvestigation);

    // An English one spanning two days, and one under the IPC from before July 2024.
    let english: Value = search(&server, &fresh_ip(), "PAT/PAT-GANDHI-MAIDAN/2026/7")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(english["lang"], "en");
    assert_eq!(english["occurred_to"], "2026-01-31");
    assert_eq!(english["stage"], "charge_sheeted");
    let older: Value = search(&server, &fresh_ip(), "PAT/PAT-KOTWALI/2023/45")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(older["law"], "ipc");
    assert_eq!(older["sections"], json!(["IPC 379"]));

    // Each copy served has its own reference, and only the copy is logged.
    assert_eq!(server.count("SELECT COUNT(*) FROM fir_copies"), 3);
    assert_eq!(
        server.count(&format!(
            "SELECT COUNT(*) FROM fir_copies WHERE reference = '{reference}' AND fir_number = 12"
        )),
        1
    );
}

#[tokio::test]
async fn withheld_and_missing_firs_answer_the_same_status_shape_and_headers() {
    let server = Server::start().await;
    let withheld = search(&server, &fresh_ip(), "PAT/PAT-KOTWALI/2025/88").await;
    let missing = search(&server, &fresh_ip(), "PAT/PAT-KOTWALI/2025/89").await;
    assert_eq!(withheld.status(), StatusCode::NOT_FOUND);
    assert_eq!(missing.status(), withheld.status());
    assert_eq!(
        comparable(withheld.headers()),
        comparable(missing.headers())
    );
    let withheld_text = withheld.text().await.unwrap();
    let missing_text = missing.text().await.unwrap();
    let withheld: Value = serde_json::from_str(&withheld_text).unwrap();
    let missing: Value = serde_json::from_str(&missing_text).unwrap();
    assert_eq!(withheld, json!({"error": {"code": "fir_withheld"}}));
    assert_eq!(missing, json!({"error": {"code": "fir_not_found"}}));
    assert_eq!(shape(&withheld), shape(&missing));
    // Nothing of the FIR itself: not its text, its names, its sections or its dates.
    for secret in ["WITHHELD", "POCSO", "2025-06", "नमूना", "Kotwali", "कोतवाली"]
    {
        assert!(
            !withheld_text.contains(secret),
            "{secret} in {withheld_text}"
        );
    }
    // A withheld FIR in English and one a station marked, too; none gets a copy reference.
    for fir in ["PAT/PAT-PIRBAHORE/2025/3", "PAT/PAT-GANDHI-MAIDAN/2026/19"] {
        let response = search(&server, &fresh_ip(), fir).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{fir}");
        assert_eq!(error_of(response).await, json!({"code": "fir_withheld"}));
    }
    assert_eq!(server.count("SELECT COUNT(*) FROM fir_copies"), 0);
    // Another station's FIR number finds nothing at this one.
    let elsewhere = search(&server, &fresh_ip(), "PAT/PAT-KOTWALI/2026/7").await;
    assert_eq!(error_of(elsewhere).await, json!({"code": "fir_not_found"}));
}

#[tokio::test]
async fn withheld_and_missing_firs_take_the_same_time() {
    let server = Server::start().await;
    let mut withheld = Vec::new();
    let mut missing = Vec::new();
    // Warm up the connection pool, the statement cache and the pages of the table.
    for _ in 0..5 {
        search(&server, &fresh_ip(), "PAT/PAT-KOTWALI/2025/88").await;
        search(&server, &fresh_ip(), "PAT/PAT-KOTWALI/2025/89").await;
    }
    for i in 0..30 {
        // Interleaved, each first half the time, so drift in the machine's load hits both.
        let order = if i % 2 == 0 { [88, 89] } else { [89, 88] };
        for number in order {
            let started = Instant::now();
            let response = search(
                &server,
                &fresh_ip(),
                &format!("PAT/PAT-KOTWALI/2025/{number}"),
            )
            .await;
            assert_eq!(response.status(), StatusCode::NOT_FOUND);
            response.bytes().await.unwrap();
            let took = started.elapsed();
            if number == 88 {
                &mut withheld
            } else {
                &mut missing
            }
            .push(took);
        }
    }
    let median = |v: &mut Vec<Duration>| {
        v.sort();
        v[v.len() / 2]
    };
    let (w, m) = (median(&mut withheld), median(&mut missing));
    let gap = w.abs_diff(m);
    // The same work on both paths: any gap is noise, well under a network's jitter.
    let allowed = Duration::from_millis(2).max(w.max(m) / 4);
    assert!(
        gap <= allowed,
        "withheld median {w:?}, missing median {m:?}: gap {gap:?} > {allowed:?}"
    );
}

#[tokio::test]
async fn bad_parts_answer_400_with_a_code_for_each() {
    let server = Server::start().await;
    let ip = fresh_ip();
    let fields = |body: Value| -> Vec<(String, String)> {
        body["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                (
                    f["field"].as_str().unwrap().to_owned(),
                    f["code"].as_str().unwrap().to_owned(),
                )
            })
            .collect()
    };
    let pair = |f: &str, c: &str| (f.to_owned(), c.to_owned());
    let all_bad = search(&server, &ip, "pat/PAT%20KOTWALI/26/0").await;
    assert_eq!(all_bad.status(), StatusCode::BAD_REQUEST);
    let body = error_of(all_bad).await;
    assert_eq!(body["code"], "validation_failed");
    assert_eq!(
        fields(body),
        [
            pair("district", "invalid"),
            pair("station", "invalid"),
            pair("year", "year_not_four_digits"),
            pair("number", "out_of_range"),
        ]
    );
    for (fir, field, code) in [
        ("ZZZ/PAT-KOTWALI/2026/12", "district", "invalid"),
        ("PAT/PAT-NOPE/2026/12", "station", "invalid"),
        ("GAY/PAT-KOTWALI/2026/12", "station", "invalid"),
        ("PAT/PAT-KOTWALI/2999/12", "year", "out_of_range"),
        ("PAT/PAT-KOTWALI/1949/12", "year", "out_of_range"),
        ("PAT/PAT-KOTWALI/20x6/12", "year", "invalid"),
        ("PAT/PAT-KOTWALI/2026/12a", "number", "invalid"),
        ("PAT/PAT-KOTWALI/2026/100000", "number", "out_of_range"),
    ] {
        let response = search(&server, &ip, fir).await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{fir}");
        assert_eq!(
            fields(error_of(response).await),
            [pair(field, code)],
            "{fir}"
        );
    }
    // Bad searches do not use up the limit.
    assert_eq!(
        server.count("SELECT COUNT(*) FROM fir_searches"),
        0,
        "nothing recorded"
    );
    // A wrong number of parts is no route at all.
    let short = search(&server, &ip, "PAT/PAT-KOTWALI/2026").await;
    assert_eq!(error_of(short).await, json!({"code": "not_found"}));
}

#[tokio::test]
async fn ten_searches_per_address_in_ten_minutes() {
    let server = Server::start().await;
    let ip = fresh_ip();
    for i in 0..MAX_FIR_SEARCHES {
        // Found, withheld and missing all count; the same FIR again counts too.
        let fir = ["PAT/PAT-KOTWALI/2026/12", "PAT/PAT-KOTWALI/2025/88"][i % 2];
        let status = search(&server, &ip, fir).await.status();
        assert_ne!(status, StatusCode::TOO_MANY_REQUESTS, "search {i}");
    }
    let refused = search(&server, &ip, "PAT/PAT-KOTWALI/2026/12").await;
    assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
    let wait: i64 = header(refused.headers(), "retry-after").parse().unwrap();
    assert!(
        (FIR_SEARCH_WINDOW_SECS - 5..=FIR_SEARCH_WINDOW_SECS).contains(&wait),
        "{wait}"
    );
    let body = error_of(refused).await;
    assert_eq!(body["code"], "rate_limited");
    assert_eq!(body["retry_after_secs"], wait);
    // Another address is not held back; this one is, until the window has passed.
    let other = search(&server, &fresh_ip(), "PAT/PAT-KOTWALI/2026/12").await;
    assert_eq!(other.status(), StatusCode::OK);
    server.advance(FIR_SEARCH_WINDOW_SECS - 30);
    let still = search(&server, &ip, "PAT/PAT-KOTWALI/2026/12").await;
    assert_eq!(still.status(), StatusCode::TOO_MANY_REQUESTS);
    server.advance(30 + 1);
    let again = search(&server, &ip, "PAT/PAT-KOTWALI/2026/12").await;
    assert_eq!(again.status(), StatusCode::OK);
}

#[tokio::test]
async fn five_different_firs_per_address_in_a_minute() {
    let server = Server::start().await;
    let ip = fresh_ip();
    for n in 1..=MAX_DISTINCT_FIRS {
        let response = search(&server, &ip, &format!("PAT/PAT-KOTWALI/2024/{n}")).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "FIR {n}");
    }
    let sixth = search(&server, &ip, "PAT/PAT-KOTWALI/2024/6").await;
    assert_eq!(sixth.status(), StatusCode::TOO_MANY_REQUESTS);
    let wait: i64 = header(sixth.headers(), "retry-after").parse().unwrap();
    assert!((1..=FIR_DISTINCT_WINDOW_SECS).contains(&wait), "{wait}");
    // One already searched can be searched again.
    let again = search(&server, &ip, "PAT/PAT-KOTWALI/2024/3").await;
    assert_eq!(again.status(), StatusCode::NOT_FOUND);
    server.advance(FIR_DISTINCT_WINDOW_SECS + 1);
    let later = search(&server, &ip, "PAT/PAT-KOTWALI/2024/6").await;
    assert_eq!(later.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_masters_carry_each_stations_phone_and_email() {
    let server = Server::start().await;
    let patna: Vec<contract::PoliceStation> =
        reqwest::get(server.url("/api/v1/districts/PAT/police-stations"))
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
    for station in &patna {
        let phone = station.phone.as_deref().unwrap();
        // Sample numbers: the subscriber part starts with 0, so none can ring anyone.
        assert!(phone.starts_with("0612-0"), "{phone}");
        assert!(station.sample);
        assert!(station
            .email
            .as_deref()
            .unwrap()
            .ends_with("@police.example"));
    }
    let kotwali = patna.iter().find(|s| s.name_en == "Kotwali").unwrap();
    assert_eq!(
        kotwali.email.as_deref(),
        Some("kotwali.patna@police.example")
    );
    let gaya: Value = reqwest::get(server.url("/api/v1/districts/GAY/police-stations"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    for station in gaya.as_array().unwrap() {
        assert!(station["phone"].is_string(), "{station}");
        assert!(station.get("email").is_none(), "no e-mail key: {station}");
    }
}

fn run(args: &[&str]) -> Output {
    Command::new(BIN).args(args).output().unwrap()
}

fn import(db: &Path, file: &Path) -> Output {
    run(&[
        "import-firs",
        "--db",
        db.to_str().unwrap(),
        file.to_str().unwrap(),
    ])
}

const HEADER: &str = "district_code,station_code,year,number,registered_at,law,sections,\
    occurred_from,occurred_to,place,complainant,facts,officer_rank,officer_name,stage,lang,\
    sensitive";

#[tokio::test]
async fn import_firs_loads_csv_and_json_and_the_server_serves_them() {
    let server = Server::start().await;
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("firs.csv");
    std::fs::write(
        &csv,
        format!(
            "{HEADER}\n\
             PAT,PAT-KOTWALI,2026,300,2026-05-02 09:15,BNS,\"BNS 305(a); BNS 331(4)\",\
             2026-05-01,,\"Rajendra Nagar, Patna\",Sunil Kumar,\"A house was broken into at \
             night,\nand jewellery taken.\",Sub-Inspector,Kavita Singh,fir_registered,en,no\n\
             PAT,PAT-KOTWALI,2026,301,2026-05-03 11:00,BNS,BNS 64,2026-05-02,,x,y,z,r,n,\
             under_investigation,en,yes\n"
        ),
    )
    .unwrap();
    let out = import(&server.db, &csv);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("imported 2 FIRs (1 withheld) for 1 police stations"),
        "{stdout}"
    );
    // Patna's samples went with the first real import for Patna; Gaya's stayed.
    assert_eq!(
        server.count("SELECT COUNT(*) FROM firs WHERE sample = 1 AND district_code = 'PAT'"),
        0
    );
    assert_eq!(
        server.count("SELECT COUNT(*) FROM firs WHERE sample = 1 AND district_code = 'GAY'"),
        1
    );
    let copy: Value = search(&server, &fresh_ip(), "PAT/PAT-KOTWALI/2026/300")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(copy["sample"], false);
    assert_eq!(copy["sections"], json!(["BNS 305(a)", "BNS 331(4)"]));
    assert_eq!(
        copy["facts"],
        "A house was broken into at night,\nand jewellery taken."
    );
    let withheld = search(&server, &fresh_ip(), "PAT/PAT-KOTWALI/2026/301").await;
    assert_eq!(error_of(withheld).await, json!({"code": "fir_withheld"}));

    // JSON, replacing one already loaded: now marked sensitive, it is withheld.
    let json_file = dir.path().join("firs.json");
    std::fs::write(
        &json_file,
        serde_json::to_string_pretty(&json!([{
            "district_code": "PAT", "station_code": "PAT-KOTWALI", "year": 2026,
            "number": 300, "registered_at": "2026-05-02T09:15:00+05:30", "law": "BNS",
            "sections": ["BNS 305(a)"], "occurred_from": "2026-05-01", "occurred_to": null,
            "place": "राजेंद्र नगर", "complainant": "सुनील कुमार",
            "facts": "रात में घर का ताला तोड़कर गहने चोरी किए गए।",
            "officer_rank": "पुलिस अवर निरीक्षक", "officer_name": "कविता सिंह",
            "stage": "under_investigation", "lang": "hi", "sensitive": true
        }]))
        .unwrap(),
    )
    .unwrap();
    let out = import(&server.db, &json_file);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let now_withheld = search(&server, &fresh_ip(), "PAT/PAT-KOTWALI/2026/300").await;
    assert_eq!(
        error_of(now_withheld).await,
        json!({"code": "fir_withheld"})
    );
    assert_eq!(
        server
            .count("SELECT COUNT(*) FROM firs WHERE station_code = 'PAT-KOTWALI' AND number = 300"),
        1
    );
}

#[test]
fn import_firs_reports_every_bad_record_and_imports_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("nagrik.sqlite3");
    nagrik_server::db::open(&db).unwrap();
    let count = || -> i64 {
        rusqlite::Connection::open(&db)
            .unwrap()
            .query_row("SELECT COUNT(*) FROM firs", [], |r| r.get(0))
            .unwrap()
    };
    let before = count();
    let csv = dir.path().join("firs.csv");
    std::fs::write(
        &csv,
        format!(
            "{HEADER}\n\
             PAT,PAT-KOTWALI,2026,400,2026-05-02 09:15,BNS,BNS 303(2),2026-05-01,,p,c,f,r,n,\
             fir_registered,en,no\n\
             PAT,PAT-KOTWALI,2026,401,2026-05-02 09:15,BNS,BNS 303(2),2026-05-01,,p,c,f,r,n,\
             fir_registered,en,\n\
             XYZ,XYZ-ONE,2026,1,2026-05-02 09:15,BNS,BNS 303(2),2026-05-01,,p,c,f,r,n,\
             fir_registered,en,no\n\
             PAT,PAT-KOTWALI,2026,402,someday,BNS,BNS 303(2),2026-05-01,,p,c,f,r,n,\
             fir_registered,en,no\n"
        ),
    )
    .unwrap();
    let out = import(&db, &csv);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("line 3: sensitive is required"), "{stderr}");
    assert!(stderr.contains("line 4: unknown station code"), "{stderr}");
    assert!(stderr.contains("line 5: invalid registered_at"), "{stderr}");
    assert!(!stderr.contains("line 2:"), "{stderr}");
    assert!(
        stderr.contains("nothing imported: 3 bad record(s)"),
        "{stderr}"
    );
    assert_eq!(count(), before, "nothing imported");

    let json_file = dir.path().join("firs.json");
    std::fs::write(&json_file, "[\n  {\"district_code\": \"PAT\"},\n  42\n]\n").unwrap();
    let out = import(&db, &json_file);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("line 2: "), "{stderr}");
    assert!(
        stderr.contains("line 3: FIR 2 is not an object"),
        "{stderr}"
    );
    assert_eq!(count(), before);
}

#[test]
fn import_masters_takes_phone_and_email_columns() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("nagrik.sqlite3");
    let csv = dir.path().join("stations.csv");
    std::fs::write(
        &csv,
        "district_code,station_code,name_en,name_hi,phone,email\n\
         GAY,GAY-BODHGAYA,Bodh Gaya,बोधगया,0631-2200981,sho-bodhgaya@bihar.example\n\
         GAY,GAY-CIVIL-LINES,Civil Lines,सिविल लाइंस,,\n",
    )
    .unwrap();
    let out = run(&[
        "import-masters",
        "--db",
        db.to_str().unwrap(),
        csv.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let conn = rusqlite::Connection::open(&db).unwrap();
    let row: (Option<String>, Option<String>, bool) = conn
        .query_row(
            "SELECT phone, email, sample FROM police_stations WHERE code = 'GAY-BODHGAYA'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(
        row,
        (
            Some("0631-2200981".into()),
            Some("sho-bodhgaya@bihar.example".into()),
            false
        )
    );
    let blank: (Option<String>, Option<String>) = conn
        .query_row(
            "SELECT phone, email FROM police_stations WHERE code = 'GAY-CIVIL-LINES'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(blank, (None, None));
}
