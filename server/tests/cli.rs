//! The real `nagrik-server` binary: import-masters, asset-report and serve.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_nagrik-server");

fn run(args: &[&str]) -> Output {
    Command::new(BIN).args(args).output().unwrap()
}

fn stations(db: &Path, district: &str) -> Vec<(String, String, bool)> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut stmt = conn
        .prepare("SELECT code, name_hi, sample FROM police_stations WHERE district_code = ?1 ORDER BY code")
        .unwrap();
    let rows = stmt
        .query_map([district], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap();
    rows.map(Result::unwrap).collect()
}

#[test]
fn import_masters_replaces_the_samples_of_covered_districts() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db/nagrik.sqlite3");
    let csv = dir.path().join("stations.csv");
    std::fs::write(
        &csv,
        "district_code,station_code,name_en,name_hi\n\
         GAY,GAY-BODHGAYA,Bodh Gaya,बोधगया\n\
         GAY,GAY-CIVIL-LINES,\"Civil Lines, Gaya\",सिविल लाइंस\n\
         PAT,PAT-SACHIVALAYA,Sachivalaya,सचिवालय\n",
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
    assert!(String::from_utf8_lossy(&out.stdout).contains("imported 3 police stations"));

    let gaya = stations(&db, "GAY");
    assert_eq!(gaya.len(), 2);
    assert_eq!(gaya[0], ("GAY-BODHGAYA".into(), "बोधगया".into(), false));
    assert_eq!(stations(&db, "PAT").len(), 1, "Patna's samples are gone");
    let nalanda = stations(&db, "NAL");
    assert!(
        !nalanda.is_empty() && nalanda.iter().all(|s| s.2),
        "uncovered samples stay"
    );
}

#[test]
fn a_bad_csv_reports_every_bad_line_and_imports_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("nagrik.sqlite3");
    let csv = dir.path().join("stations.csv");
    std::fs::write(
        &csv,
        "district_code,station_code,name_en,name_hi\n\
         GAY,GAY-BODHGAYA,Bodh Gaya,बोधगया\n\
         XYZ,XYZ-ONE,One,एक\n\
         GAY,gay one,One,एक\n\
         GAY,GAY-TWO,Two,Two\n\
         GAY,GAY-BODHGAYA,Again,फिर\n\
         GAY,GAY-THREE,,तीन\n",
    )
    .unwrap();
    nagrik_server::db::open(&db).unwrap();
    let before = stations(&db, "GAY");
    let out = run(&[
        "import-masters",
        "--db",
        db.to_str().unwrap(),
        csv.to_str().unwrap(),
    ]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    for line in 3..=7 {
        assert!(
            stderr.contains(&format!("line {line}: ")),
            "line {line} missing in:\n{stderr}"
        );
    }
    assert!(!stderr.contains("line 2:"), "{stderr}");
    assert!(
        stderr.contains("unknown district") && stderr.contains("Devanagari"),
        "{stderr}"
    );
    assert_eq!(stations(&db, "GAY"), before, "nothing imported");
    assert!(before.iter().all(|s| s.2));
}

fn write_fake_dist(dist: &Path) {
    std::fs::create_dir_all(dist).unwrap();
    std::fs::write(
        dist.join("index.html"),
        "<!DOCTYPE html><html><head>\
         <link rel=\"stylesheet\" href=\"/main-0123456789abcdef.css\">\
         <script type=\"module\" nonce=\"{{__TRUNK NONCE__}}\">\
         import init from '/app-0123456789abcdef.js';\
         await init({ module_or_path: '/app-0123456789abcdef_bg.wasm' });</script>\
         </head><body></body></html>",
    )
    .unwrap();
    std::fs::write(
        dist.join("main-0123456789abcdef.css"),
        "body{margin:0}".repeat(100),
    )
    .unwrap();
    std::fs::write(
        dist.join("app-0123456789abcdef.js"),
        "export default 1;".repeat(100),
    )
    .unwrap();
    // Random-ish bytes so brotli cannot shrink the wasm away.
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    let wasm: Vec<u8> = (0..8192)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed as u8
        })
        .collect();
    std::fs::write(dist.join("app-0123456789abcdef_bg.wasm"), wasm).unwrap();
    std::fs::write(dist.join("unreferenced.txt"), "x".repeat(100_000)).unwrap();
}

#[test]
fn asset_report_measures_the_first_load_against_the_budget() {
    let dir = tempfile::tempdir().unwrap();
    let dist = dir.path().join("dist");
    write_fake_dist(&dist);
    let json = dir.path().join("report.json");
    let out = run(&[
        "asset-report",
        "--dist",
        dist.to_str().unwrap(),
        "--json",
        json.to_str().unwrap(),
    ]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("unreferenced.txt"),
        "every file is listed:\n{stdout}"
    );
    assert!(stdout.contains("KiB brotli (budget 150 KiB)"), "{stdout}");

    let report: serde_json::Value = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    let first: Vec<&str> = report["first_load_files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(
        first,
        [
            "index.html",
            "app-0123456789abcdef.js",
            "app-0123456789abcdef_bg.wasm",
            "main-0123456789abcdef.css"
        ]
    );
    let files = report["files"].as_array().unwrap();
    let brotli_of = |name: &str| {
        files.iter().find(|f| f["path"] == name).unwrap()["brotli"]
            .as_u64()
            .unwrap()
    };
    let expected: u64 = first.iter().map(|f| brotli_of(f)).sum();
    assert_eq!(
        report["first_load_brotli_bytes"].as_u64().unwrap(),
        expected
    );
    assert!(expected > 8000, "the wasm counts: {expected}");

    let out = run(&[
        "asset-report",
        "--dist",
        dist.to_str().unwrap(),
        "--budget-kib",
        "1",
    ]);
    assert!(!out.status.success(), "over a 1 KiB budget must fail");
    assert!(String::from_utf8_lossy(&out.stdout).contains("(budget 1 KiB)"));
}

#[test]
fn serve_creates_the_database_answers_and_stops_on_sigterm() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("new/dir/nagrik.sqlite3");
    let mut child = Command::new(BIN)
        .args([
            "serve",
            "--addr",
            "127.0.0.1:0",
            "--db",
            db.to_str().unwrap(),
        ])
        .args(["--dist", dir.path().join("no-dist").to_str().unwrap()])
        .args(["--demo-otp", "1234", "--poll-interval", "1"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let url = line.trim().rsplit(' ').next().unwrap().to_owned();
    assert!(url.starts_with("http://127.0.0.1:"), "{line}");
    assert!(db.exists());

    let runtime = tokio::runtime::Runtime::new().unwrap();
    let status = runtime.block_on(async {
        reqwest::get(format!("{url}/api/v1/health"))
            .await
            .unwrap()
            .status()
    });
    assert_eq!(status, reqwest::StatusCode::OK);

    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    assert!(child.wait().unwrap().success(), "graceful shutdown exits 0");
}
