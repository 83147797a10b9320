//! Crash safety with the real binary: concurrent complaints with attachments are being filed
//! when the server is killed with SIGKILL; restarted on the same database, every filing that
//! was answered `201` is there with its files, none is half-written, references do not
//! repeat, and a request that got no answer, sent again with its `Idempotency-Key`, files
//! exactly once.

mod common;

use chrono::{Days, FixedOffset, Utc};
use common::{aadhaar, dmy};
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_nagrik-server");
const OTP: &str = "246810";
/// Browsers filing at once, each its own verified mobile.
const FILERS: usize = 8;
/// Each kill comes once this many filings have been answered `201` since the (re)start, or
/// after `KILL_AFTER`.
const KILL_AT_CREATED: usize = 60;
const KILL_AFTER: Duration = Duration::from_secs(8);
const PNG: &[u8] = &[
    0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D,
];
const PDF: &[u8] = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n";

/// A `serve` process on a database file; killed (SIGKILL) when dropped, if still running.
struct Served {
    child: Child,
    base: String,
}

impl Served {
    fn start(db: &Path, log: &Path) -> Served {
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(log)
            .unwrap();
        let no_dist = db.with_file_name("no-dist");
        let mut child = Command::new(BIN)
            .args(["serve", "--addr", "127.0.0.1:0", "--db"])
            .arg(db)
            .arg("--dist")
            .arg(no_dist)
            .args(["--demo-otp", OTP])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(log)
            .spawn()
            .unwrap();
        // "nagrik-server: serving http://127.0.0.1:PORT" once it listens.
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let base = line.trim().rsplit(' ').next().unwrap().to_owned();
        assert!(base.starts_with("http://127.0.0.1:"), "{line:?}");
        Served { child, base }
    }

    /// SIGKILL: no shutdown, no flush, requests cut off wherever they are.
    fn kill_9(&mut self) {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One verified browser: its session cookie, sent by hand so that it also reaches the
/// restarted server (another port).
#[derive(Clone)]
struct Filer {
    http: reqwest::Client,
    mobile: String,
    cookie: String,
}

impl Filer {
    async fn verify(http: reqwest::Client, base: &str, mobile: String) -> Filer {
        let sent = http
            .post(format!("{base}/api/v1/otp/request"))
            .json(&json!({ "mobile": mobile }))
            .send()
            .await
            .unwrap();
        assert_eq!(sent.status(), StatusCode::OK);
        let verified = http
            .post(format!("{base}/api/v1/otp/verify"))
            .json(&json!({ "mobile": mobile, "code": OTP }))
            .send()
            .await
            .unwrap();
        assert_eq!(verified.status(), StatusCode::OK);
        let set_cookie = verified.headers()["set-cookie"].to_str().unwrap();
        let cookie = set_cookie.split(';').next().unwrap().to_owned();
        Filer {
            http,
            mobile,
            cookie,
        }
    }

    async fn upload(&self, base: &str, file: &[u8]) -> reqwest::Result<Option<String>> {
        let response = self
            .http
            .post(format!("{base}/api/v1/attachments"))
            .header("cookie", &self.cookie)
            .header("content-type", "application/octet-stream")
            .body(file.to_vec())
            .send()
            .await?;
        if response.status() != StatusCode::CREATED {
            return Ok(None);
        }
        let body: Value = response.json().await?;
        Ok(Some(body["id"].as_str().unwrap().to_owned()))
    }

    async fn submit(&self, base: &str, key: &str, body: &Value) -> reqwest::Result<Answer> {
        let response = self
            .http
            .post(format!("{base}/api/v1/services/complaint/submissions"))
            .header("cookie", &self.cookie)
            .header("idempotency-key", key)
            .json(body)
            .send()
            .await?;
        let status = response.status();
        let replayed = response.headers().contains_key("idempotent-replayed");
        let body: Value = response.json().await?;
        Ok(Answer {
            status,
            replayed,
            body,
        })
    }
}

struct Answer {
    status: StatusCode,
    replayed: bool,
    body: Value,
}

/// A complaint from `mobile`, different for each `n`.
fn complaint(mobile: &str, n: usize, attachments: &[String]) -> Value {
    let ist = FixedOffset::east_opt(19_800).unwrap();
    let yesterday = Utc::now()
        .with_timezone(&ist)
        .date_naive()
        .checked_sub_days(Days::new(1))
        .unwrap();
    json!({
        "answers": {
            "name": "सीता देवी",
            "relative_name": "Ram Kumar",
            "gender": "female",
            "dob": "5/3/1990",
            "mobile": mobile,
            "house": format!("House {n}"),
            "locality": "Kankarbagh",
            "district": "PAT",
            "station": "PAT-KOTWALI",
            "pin": "800020",
            "id_type": "aadhaar",
            "id_number": aadhaar(),
            "category": "theft",
            "date_known": "exact",
            "incident_date": dmy(yesterday),
            "incident_time": "06:30",
            "place": "Near Gandhi Maidan",
            "incident_district": "PAT",
            "incident_station": "PAT-GANDHI-MAIDAN",
            "description": format!("Complaint number {n}: my bag was snatched near the gate."),
        },
        "attachments": attachments,
    })
}

/// What one browser saw: filings answered 201 (reference → attachment ids) and requests
/// that got no answer (key, body).
#[derive(Default)]
struct Outcome {
    attempted: usize,
    created: BTreeMap<String, Vec<String>>,
    unanswered: Vec<(String, Value)>,
}

/// Files complaints with one or two attachments until the server goes away.
async fn file_until_killed(
    filer: Filer,
    base: String,
    index: usize,
    created: Arc<AtomicUsize>,
) -> Outcome {
    let mut outcome = Outcome::default();
    for n in 0.. {
        let files: &[&[u8]] = if n % 2 == 0 { &[PNG] } else { &[PNG, PDF] };
        let mut ids = Vec::new();
        for file in files {
            match filer.upload(&base, file).await {
                Ok(Some(id)) => ids.push(id),
                Ok(None) => panic!("an upload was refused"),
                // The server is gone; a file it stored unfiled is swept with the session.
                Err(_) => return outcome,
            }
        }
        let key = format!("crash-{index}-{n:05}");
        let body = complaint(&filer.mobile, index * 100_000 + n, &ids);
        outcome.attempted += 1;
        match filer.submit(&base, &key, &body).await {
            Ok(answer) => {
                assert_eq!(answer.status, StatusCode::CREATED, "{}", answer.body);
                assert!(!answer.replayed);
                assert_eq!(answer.body["attachments"], ids.len());
                let reference = answer.body["reference"].as_str().unwrap().to_owned();
                outcome.created.insert(reference, ids);
                created.fetch_add(1, Ordering::SeqCst);
            }
            Err(_) => {
                outcome.unanswered.push((key, body));
                return outcome;
            }
        }
    }
    unreachable!()
}

fn count(conn: &rusqlite::Connection, sql: &str) -> i64 {
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

fn column(conn: &rusqlite::Connection, sql: &str) -> Vec<String> {
    conn.prepare(sql)
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

/// Counts of the whole run, for the summary line.
#[derive(Default)]
struct Tally {
    attempted: usize,
    created: usize,
    found: usize,
    retried: usize,
    filed_before_kill: usize,
}

/// Every filing answered 201 is there, with exactly the files it was answered with; none is
/// half-written; references are 1, 2, 3... without repeat or gap. Answers the filings count.
fn check_database(conn: &rusqlite::Connection, answered: &BTreeMap<String, Vec<String>>) -> i64 {
    assert_eq!(
        conn.query_row("PRAGMA integrity_check", [], |r| r.get::<_, String>(0))
            .unwrap(),
        "ok"
    );
    let broken = column(conn, "SELECT \"table\" FROM pragma_foreign_key_check");
    assert!(broken.is_empty(), "broken foreign keys in {broken:?}");

    let stored: BTreeSet<String> = column(conn, "SELECT reference FROM filings")
        .into_iter()
        .collect();
    for (reference, ids) in answered {
        assert!(
            stored.contains(reference),
            "{reference} answered 201, then lost"
        );
        let files = column(
            conn,
            &format!(
                "SELECT id FROM attachments WHERE filing_reference = '{reference}' ORDER BY id"
            ),
        );
        let mut sent = ids.clone();
        sent.sort();
        assert_eq!(files, sent, "{reference}'s files");
    }

    // Each filing has its first step, its key and the files it counts; no step, key or file
    // points at a filing that is not there.
    assert_eq!(
        count(
            conn,
            "SELECT COUNT(*) FROM filings f WHERE
                 (SELECT COUNT(*) FROM status_events e WHERE e.reference = f.reference
                  AND e.version = 1 AND e.status = 'submitted') != 1
              OR (SELECT COUNT(*) FROM idempotency_keys k WHERE k.reference = f.reference) != 1
              OR (SELECT COUNT(*) FROM attachments a WHERE a.filing_reference = f.reference)
                  != f.attachments"
        ),
        0,
        "a filing without its first step, its key or its files"
    );
    assert_eq!(
        count(
            conn,
            "SELECT COUNT(*) FROM attachments WHERE filing_reference IS NOT NULL
             AND filing_reference NOT IN (SELECT reference FROM filings)"
        ),
        0,
        "files of a filing that is not there"
    );
    for table in ["status_events", "idempotency_keys"] {
        let sql = format!(
            "SELECT COUNT(*) FROM {table} WHERE reference NOT IN (SELECT reference FROM filings)"
        );
        assert_eq!(
            count(conn, &sql),
            0,
            "{table} of a filing that is not there"
        );
    }
    let (n, distinct, max): (i64, i64, i64) = conn
        .query_row(
            "SELECT COUNT(*), COUNT(DISTINCT seq), COALESCE(MAX(seq), 0) FROM filings
             WHERE service = 'complaint'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(
        (n, distinct),
        (max, max),
        "sequence 1..{max}, no repeat, no gap"
    );
    n
}

/// Sends each request that got no answer again, with its key and body, on the restarted
/// server: it files exactly once, whether or not it had been filed before the kill.
async fn retry_unanswered(
    conn: &rusqlite::Connection,
    base: &str,
    filers: &[Filer],
    outcomes: &[Outcome],
    answered: &mut BTreeMap<String, Vec<String>>,
    tally: &mut Tally,
) {
    let before = count(conn, "SELECT COUNT(*) FROM filings");
    let mut filed_now = 0;
    for (filer, outcome) in filers.iter().zip(outcomes) {
        for (key, body) in &outcome.unanswered {
            let keyed = || {
                column(
                    conn,
                    &format!(
                        "SELECT reference FROM idempotency_keys
                         WHERE mobile = '{}' AND key = '{key}'",
                        filer.mobile
                    ),
                )
            };
            let had = keyed();
            let answer = filer.submit(base, key, body).await.unwrap();
            assert_eq!(answer.status, StatusCode::CREATED, "{}", answer.body);
            let reference = answer.body["reference"].as_str().unwrap().to_owned();
            assert_eq!(answer.replayed, !had.is_empty(), "{key}");
            match had.first() {
                Some(earlier) => {
                    assert_eq!(&reference, earlier, "{key}");
                    tally.filed_before_kill += 1;
                }
                None => filed_now += 1,
            }
            let again = filer.submit(base, key, body).await.unwrap();
            assert!(again.replayed, "{key}");
            assert_eq!(again.body["reference"], reference.as_str());
            assert_eq!(
                keyed(),
                std::slice::from_ref(&reference),
                "{key} files exactly once"
            );
            let ids = body["attachments"].as_array().unwrap();
            let ids = ids.iter().map(|id| id.as_str().unwrap().to_owned());
            answered.insert(reference, ids.collect());
            tally.retried += 1;
        }
    }
    let after = count(conn, "SELECT COUNT(*) FROM filings");
    assert_eq!(
        after - before,
        filed_now,
        "a retry files only what the kill had not"
    );
}

/// Kills and restarts this many times.
const ROUNDS: usize = 5;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_killed_server_loses_no_answered_filing_and_half_writes_none() {
    let started = Instant::now();
    let dir = tempfile::tempdir().unwrap();
    let db: PathBuf = dir.path().join("nagrik.sqlite3");
    let log = dir.path().join("server.log");
    let mut server = Served::start(&db, &log);
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap();
    let mut filers = Vec::new();
    for i in 0..FILERS {
        let mobile = format!("98765432{:02}", 10 + i);
        filers.push(Filer::verify(http.clone(), &server.base, mobile).await);
    }
    let mut answered: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut tally = Tally::default();
    for round in 0..ROUNDS {
        let created = Arc::new(AtomicUsize::new(0));
        let tasks: Vec<_> = filers
            .iter()
            .cloned()
            .enumerate()
            .map(|(i, filer)| {
                let base = server.base.clone();
                let created = Arc::clone(&created);
                tokio::spawn(file_until_killed(filer, base, round * FILERS + i, created))
            })
            .collect();
        let deadline = Instant::now() + KILL_AFTER;
        while created.load(Ordering::SeqCst) < KILL_AT_CREATED && Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(2)).await;
        }
        // Mid-way: every browser has a request in flight.
        server.kill_9();
        let mut outcomes = Vec::new();
        for task in tasks {
            outcomes.push(task.await.unwrap());
        }
        tally.attempted += outcomes.iter().map(|o| o.attempted).sum::<usize>();
        let created_now: usize = outcomes.iter().map(|o| o.created.len()).sum();
        assert!(
            created_now >= FILERS,
            "round {round}: {created_now} filings before the kill"
        );
        tally.created += created_now;
        for outcome in &outcomes {
            answered.extend(outcome.created.clone());
        }

        // Restarted on the same database; the sessions are still there.
        server = Served::start(&db, &log);
        let conn = rusqlite::Connection::open(&db).unwrap();
        check_database(&conn, &answered);
        tally.found = answered.len();
        retry_unanswered(
            &conn,
            &server.base,
            &filers,
            &outcomes,
            &mut answered,
            &mut tally,
        )
        .await;
        check_database(&conn, &answered);
    }
    assert!(tally.retried >= 1, "no kill cut a filing off");
    let conn = rusqlite::Connection::open(&db).unwrap();
    let filings = count(&conn, "SELECT COUNT(*) FROM filings");
    // Each filing was answered 201 or retried (filed before the kill or by the retry).
    assert_eq!(filings as usize, tally.created + tally.retried);
    assert_eq!(filings as usize, answered.len());
    println!(
        "crash: {FILERS} browsers, {ROUNDS} kills; {} filings attempted, {} answered 201, all \
         {} found after the restarts; {} unanswered retried ({} had been filed before the \
         kill, {} filed by the retry, each once); {filings} filings; {:.1} s",
        tally.attempted,
        tally.created,
        tally.created,
        tally.retried,
        tally.filed_before_kill,
        tally.retried - tally.filed_before_kill,
        started.elapsed().as_secs_f64()
    );
    assert!(started.elapsed() < Duration::from_secs(30));
}
