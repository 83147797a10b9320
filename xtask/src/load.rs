//! `cargo xtask load` (also the last part of `cargo xtask bench`): the release server on a
//! throwaway database under two loads, each for 30 s, driven by Debian's `wrk` with the script
//! `load.lua` beside this file:
//!
//! 1. status polling: `GET /api/v1/status/{reference}` with the session cookie and
//!    `If-None-Match` set to the ETag the server gave, so every answer is a 304, over 1,000
//!    connections;
//! 2. filing: `POST /api/v1/services/complaint/submissions` of a valid complaint from a verified
//!    session, 50 connections, every request with its own `Idempotency-Key` (a repeated key is
//!    answered with the first filing, so it would measure replays, not filings).
//!
//! Then the database is checked: the filings of the load's mobile are exactly the references
//! answered 201, none repeats, and no reference number is used twice. Prints a table, writes
//! target/bench/load.json, and fails on any 5xx or a failed database check.
//!
//! Why wrk and not oha: oha (1.16) sends the same headers with every request, and the server
//! requires an Idempotency-Key; wrk's Lua `request()` makes one per request.

use crate::util::{fail, free_port, output, run, Ctx, Failure, Result, Server, TempDir};
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Each load runs this long.
const SECONDS: u64 = 30;
/// Filing: after the 30 s no request is sent; the ones in flight are answered within this.
const GRACE_SECONDS: u64 = 5;
/// wrk counts an answer slower than this as a timeout (and leaves it out of the latencies).
const TIMEOUT: &str = "10s";
/// wrk threads: one per core of the 2-core machines the project runs on.
const THREADS: usize = 2;
const POLL_CONNECTIONS: usize = 1000;
const FILE_CONNECTIONS: usize = 50;
const DEMO_OTP: &str = "135790";
/// The citizen whose one filing is polled, and the one who files under load.
const POLL_MOBILE: &str = "9876500001";
const FILE_MOBILE: &str = "9876500002";
const SCRIPT: &str = include_str!("load.lua");

pub fn load(ctx: &Ctx) -> Result {
    println!("\n== load");
    let wrk = apt_tool(ctx, "wrk", "wrk")?;
    let sqlite = apt_tool(ctx, "sqlite3", "sqlite3")?;
    // 1,000 client sockets in wrk and as many in the server, plus files and slack.
    raise_open_files(4 * POLL_CONNECTIONS as u64);
    run(ctx
        .cmd("cargo")
        .args(["build", "--release", "-p", "nagrik-server"]))?;

    let out = ctx.root.join("target/bench");
    fs::create_dir_all(&out)?;
    let script = out.join("load.lua");
    fs::write(&script, SCRIPT)?;
    let tmp = TempDir::new("nagrik-load")?;
    let db = tmp.0.join("load.sqlite3");
    let port = free_port()?;
    let mut serve = ctx.cmd(ctx.root.join("target/release/nagrik-server"));
    // No app files: the API is what is measured, and an empty dist starts at once.
    serve
        .args(["serve", "--addr", &format!("127.0.0.1:{port}"), "--db"])
        .arg(&db)
        .arg("--dist")
        .arg(tmp.0.join("no-dist"))
        .args(["--demo-otp", DEMO_OTP]);
    let server = Server::start(serve, port, out.join("load-server.log"))?;
    let base = server.url();

    // Polling: one filing, its ETag, and a check that the server answers it with a 304.
    let poll_cookie = verified_cookie(port, POLL_MOBILE)?;
    let reference = file_one(port, &poll_cookie, &complaint(POLL_MOBILE, today_ist()))?;
    let status_path = format!("/api/v1/status/{reference}");
    let first = exchange(port, "GET", &status_path, &[("Cookie", &poll_cookie)], None)?;
    let etag = match (first.status, first.header("etag")) {
        (200, Some(tag)) => tag.to_owned(),
        _ => {
            return fail(format!(
                "GET {status_path}: {} without an ETag",
                first.status
            ))
        }
    };
    let again = exchange(
        port,
        "GET",
        &status_path,
        &[("Cookie", &poll_cookie), ("If-None-Match", &etag)],
        None,
    )?;
    if again.status != 304 {
        return fail(format!(
            "GET {status_path} with If-None-Match: {etag} answered {}, not 304",
            again.status
        ));
    }
    let poll_secs: u64 = first
        .header("x-poll-interval")
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);

    println!(
        "\n== status polling: {POLL_CONNECTIONS} connections, {SECONDS} s, If-None-Match {etag}"
    );
    let poll_report = out.join("load-poll.txt");
    let mut cmd = ctx.cmd(&wrk);
    cmd.args(wrk_args(POLL_CONNECTIONS, SECONDS, &script))
        .args(["-H", &format!("Cookie: {poll_cookie}")])
        .args(["-H", &format!("If-None-Match: {etag}")])
        .arg(format!("{base}{status_path}"))
        .env("NAGRIK_LOAD_OUT", &poll_report);
    run(&mut cmd)?;
    let poll = Scenario::read(&poll_report, 0)?;

    println!(
        "\n== filing: {FILE_CONNECTIONS} connections, {SECONDS} s, a new Idempotency-Key each"
    );
    let file_cookie = verified_cookie(port, FILE_MOBILE)?;
    let body = out.join("load-complaint.json");
    fs::write(&body, complaint(FILE_MOBILE, today_ist()))?;
    let file_report = out.join("load-file.txt");
    let nonce = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let mut cmd = ctx.cmd(&wrk);
    cmd.args(wrk_args(FILE_CONNECTIONS, SECONDS + GRACE_SECONDS, &script))
        .args(["-H", &format!("Cookie: {file_cookie}")])
        .args(["-H", "Content-Type: application/json"])
        .arg(format!("{base}/api/v1/services/complaint/submissions"))
        .env("NAGRIK_LOAD_OUT", &file_report)
        .env("NAGRIK_LOAD_BODY", &body)
        .env("NAGRIK_LOAD_KEYS", format!("load{nonce}"))
        .env("NAGRIK_LOAD_WINDOW_MS", (SECONDS * 1000).to_string());
    run(&mut cmd)?;
    let filing = Scenario::read(&file_report, SECONDS)?;

    // Stopped first, so nothing is written while the database is read.
    drop(server);
    let check = DbCheck::run(ctx, &sqlite, &db, &filing)?;

    // `wrk -v` prints its version, then its usage, and exits 1.
    let wrk_version = ctx
        .cmd(&wrk)
        .arg("-v")
        .output()
        .ok()
        .and_then(|o| {
            let text = String::from_utf8_lossy(&o.stdout).into_owned();
            text.lines().next().map(|l| l.trim().to_owned())
        })
        .unwrap_or_default();
    print_table(&poll, &filing, &check, poll_secs);
    let json = out.join("load.json");
    fs::write(
        &json,
        report_json(&wrk_version, poll_secs, &poll, &filing, &check),
    )?;
    println!("wrote {}", json.display());

    let mut problems = Vec::new();
    for (name, s) in [("status polling", &poll), ("filing", &filing)] {
        let server_errors: u64 = s.statuses.range(500..).map(|(_, n)| n).sum();
        if server_errors > 0 {
            problems.push(format!("{name}: {server_errors} answers were 5xx"));
        }
        if s.requests == 0 {
            problems.push(format!("{name}: no request was answered"));
        }
    }
    problems.extend(check.problems.iter().cloned());
    if problems.is_empty() {
        Ok(())
    } else {
        fail(format!("load: {}", problems.join("; ")))
    }
}

fn wrk_args(connections: usize, seconds: u64, script: &Path) -> Vec<String> {
    vec![
        format!("--threads={THREADS}"),
        format!("--connections={connections}"),
        format!("--duration={seconds}s"),
        format!("--timeout={TIMEOUT}"),
        format!("--script={}", script.display()),
    ]
}

/// `program` on PATH, or Debian's `package` installed with apt-get (the project's machines are
/// Debian and run as root). Only the load test needs these, so `setup` does not install them.
fn apt_tool(ctx: &Ctx, program: &str, package: &str) -> Result<String> {
    let found = |p: &str| output(ctx.cmd("sh").args(["-c", &format!("command -v {p}")]));
    if let Some(path) = found(program) {
        println!("ok: {program} present ({path})");
        return Ok(path);
    }
    println!("installing {package} with apt-get");
    run(ctx.cmd("apt-get").arg("update"))?;
    run(ctx
        .cmd("apt-get")
        .args(["install", "-y", package])
        .env("DEBIAN_FRONTEND", "noninteractive"))?;
    found(program).ok_or_else(|| Failure(format!("{program} is still missing after apt-get")))
}

/// Raises this process's soft limit of open files (children inherit it) to `want`, or as far
/// as the hard limit allows.
fn raise_open_files(want: u64) {
    #[cfg(target_os = "linux")]
    {
        #[repr(C)]
        struct Rlimit {
            cur: u64,
            max: u64,
        }
        const RLIMIT_NOFILE: i32 = 7;
        extern "C" {
            fn getrlimit(resource: i32, rlim: *mut Rlimit) -> i32;
            fn setrlimit(resource: i32, rlim: *const Rlimit) -> i32;
        }
        let mut limit = Rlimit { cur: 0, max: 0 };
        // SAFETY: both calls only read or write the struct passed, which outlives them.
        unsafe {
            if getrlimit(RLIMIT_NOFILE, &mut limit) != 0 || limit.cur >= want {
                return;
            }
            let raised = Rlimit {
                cur: want.min(limit.max),
                max: limit.max,
            };
            if setrlimit(RLIMIT_NOFILE, &raised) == 0 {
                println!(
                    "open-file limit raised from {} to {}",
                    limit.cur, raised.cur
                );
            }
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = want;
}

/// An HTTP/1.1 answer: status, headers (names in lower case) and body.
#[derive(Debug)]
struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Reply {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// One request on its own connection to 127.0.0.1:port, read to the end.
fn exchange(
    port: u16,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: Option<&str>,
) -> Result<Reply> {
    let mut stream = TcpStream::connect(("127.0.0.1", port))?;
    stream.set_read_timeout(Some(Duration::from_secs(30)))?;
    let mut request =
        format!("{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n");
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    if let Some(body) = body {
        request.push_str(&format!(
            "Content-Type: application/json\r\nContent-Length: {}\r\n",
            body.len()
        ));
    }
    request.push_str("\r\n");
    request.push_str(body.unwrap_or(""));
    stream.write_all(request.as_bytes())?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw)?;
    parse_reply(&raw).ok_or_else(|| Failure(format!("{method} {path}: not an HTTP answer")))
}

fn parse_reply(raw: &[u8]) -> Option<Reply> {
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n")?;
    let head = std::str::from_utf8(&raw[..split]).ok()?;
    let mut lines = head.split("\r\n");
    let status = lines.next()?.split_whitespace().nth(1)?.parse().ok()?;
    let headers: Vec<(String, String)> = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    let mut body = raw[split + 4..].to_vec();
    let chunked = headers
        .iter()
        .any(|(n, v)| n == "transfer-encoding" && v.eq_ignore_ascii_case("chunked"));
    if chunked {
        body = dechunk(&body)?;
    }
    Some(Reply {
        status,
        headers,
        body: String::from_utf8_lossy(&body).into_owned(),
    })
}

fn dechunk(mut raw: &[u8]) -> Option<Vec<u8>> {
    let mut body = Vec::new();
    loop {
        let end = raw.windows(2).position(|w| w == b"\r\n")?;
        let size_line = std::str::from_utf8(&raw[..end]).ok()?;
        let size = usize::from_str_radix(size_line.split(';').next()?.trim(), 16).ok()?;
        if size == 0 {
            return Some(body);
        }
        let chunk = raw.get(end + 2..end + 2 + size)?;
        body.extend_from_slice(chunk);
        raw = raw.get(end + 2 + size + 2..)?;
    }
}

/// The string value of `"key"` in a JSON text (the first one; enough for the server's answers).
fn json_string<'a>(json: &'a str, key: &str) -> Option<&'a str> {
    let at = json.find(&format!("\"{key}\""))? + key.len() + 2;
    let rest = json[at..].trim_start().strip_prefix(':')?.trim_start();
    let rest = rest.strip_prefix('"')?;
    Some(&rest[..rest.find('"')?])
}

/// The session cookie (`name=value`) of a new session that verified `mobile` with the demo OTP.
fn verified_cookie(port: u16, mobile: &str) -> Result<String> {
    let asked = exchange(
        port,
        "POST",
        "/api/v1/otp/request",
        &[],
        Some(&format!(r#"{{"mobile":"{mobile}"}}"#)),
    )?;
    if asked.status != 200 {
        return fail(format!(
            "OTP request answered {}: {}",
            asked.status, asked.body
        ));
    }
    let verified = exchange(
        port,
        "POST",
        "/api/v1/otp/verify",
        &[],
        Some(&format!(r#"{{"mobile":"{mobile}","code":"{DEMO_OTP}"}}"#)),
    )?;
    let cookie = verified
        .header("set-cookie")
        .and_then(|c| c.split(';').next())
        .filter(|c| c.contains('='));
    match (verified.status, cookie) {
        (200, Some(cookie)) => Ok(cookie.to_owned()),
        _ => fail(format!(
            "OTP verify answered {} without a session cookie: {}",
            verified.status, verified.body
        )),
    }
}

/// Files `body` once and returns its reference.
fn file_one(port: u16, cookie: &str, body: &str) -> Result<String> {
    let filed = exchange(
        port,
        "POST",
        "/api/v1/services/complaint/submissions",
        &[("Cookie", cookie), ("Idempotency-Key", "load-poll-filing")],
        Some(body),
    )?;
    match (filed.status, json_string(&filed.body, "reference")) {
        (201, Some(reference)) => Ok(reference.to_owned()),
        _ => fail(format!(
            "the complaint to poll was answered {}: {}",
            filed.status, filed.body
        )),
    }
}

/// A complaint that passes every rule, from `mobile`, about yesterday (`today` is IST).
fn complaint(mobile: &str, today: (i64, u32, u32)) -> String {
    let (y, m, d) = civil_from_days(days_from_civil(today) - 1);
    let first = "23456789012";
    let aadhaar = format!(
        "{first}{}",
        contract::rules::aadhaar::verhoeff_check_digit(first)
    );
    format!(
        r#"{{"answers":{{"name":"सीता देवी","relative_name":"Ram Kumar","gender":"female","dob":"5/3/1990","mobile":"{mobile}","house":"House 12","locality":"Kankarbagh","district":"PAT","station":"PAT-KOTWALI","pin":"800020","id_type":"aadhaar","id_number":"{aadhaar}","category":"theft","date_known":"exact","incident_date":"{d}/{m}/{y}","incident_time":"06:30","place":"Near Gandhi Maidan","incident_district":"PAT","incident_station":"PAT-GANDHI-MAIDAN","description":"My bag with a phone and Rs 2000 was snatched by two men on a bike."}},"attachments":[]}}"#
    )
}

/// Today's date in India (UTC+5:30) as (year, month, day).
fn today_ist() -> (i64, u32, u32) {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    civil_from_days((secs + 19_800).div_euclid(86_400))
}

/// Days since 1970-01-01 → (year, month, day), proleptic Gregorian (H. Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

fn days_from_civil((year, month, day): (i64, u32, u32)) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// What one wrk run measured, from the report load.lua writes.
#[derive(Debug, Default, PartialEq)]
struct Scenario {
    /// Answers received (wrk's count).
    requests: u64,
    duration_us: u64,
    /// The seconds requests were sent in (0: all of wrk's run): the filing run goes on a
    /// little longer, for the answers still in flight, but sends nothing after it.
    window_secs: u64,
    p50_us: u64,
    p90_us: u64,
    p99_us: u64,
    mean_us: u64,
    max_us: u64,
    /// Socket errors by kind (connect, read, write, timeout) and wrk's count of status > 399.
    errors: BTreeMap<String, u64>,
    statuses: BTreeMap<u16, u64>,
    /// Calls of the script's request() (filing only): the requests sent, plus the one call wrk
    /// makes at its start to look at the request.
    sent: u64,
    /// 201s marked `Idempotent-Replayed` (must be none: every key is new).
    replayed: u64,
    /// The references answered 201, in no particular order.
    references: Vec<String>,
}

impl Scenario {
    fn read(path: &Path, window_secs: u64) -> Result<Scenario> {
        let text = fs::read_to_string(path)
            .map_err(|e| Failure(format!("wrk wrote no report to {}: {e}", path.display())))?;
        let mut s = parse_report(&text).map_err(Failure)?;
        s.window_secs = window_secs;
        Ok(s)
    }

    /// The seconds the rate is over: the sending window if there is one, else wrk's run.
    fn seconds(&self) -> f64 {
        if self.window_secs > 0 {
            self.window_secs as f64
        } else {
            self.duration_us as f64 / 1e6
        }
    }

    fn requests_per_sec(&self) -> f64 {
        let secs = self.seconds();
        if secs > 0.0 {
            self.requests as f64 / secs
        } else {
            0.0
        }
    }

    fn socket_errors(&self) -> u64 {
        ["connect", "read", "write", "timeout"]
            .iter()
            .filter_map(|k| self.errors.get(*k))
            .sum()
    }
}

/// Parses load.lua's report: `key value` lines, `status CODE COUNT`, `reference REF`.
fn parse_report(text: &str) -> std::result::Result<Scenario, String> {
    let mut s = Scenario::default();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let parts: Vec<&str> = line.split_whitespace().collect();
        let number = |i: usize| -> std::result::Result<u64, String> {
            parts
                .get(i)
                .and_then(|v| v.parse::<f64>().ok())
                .filter(|v| *v >= 0.0)
                .map(|v| v.round() as u64)
                .ok_or_else(|| format!("bad line in the wrk report: {line:?}"))
        };
        match parts[0] {
            "status" => {
                let code = parts
                    .get(1)
                    .and_then(|c| c.parse().ok())
                    .ok_or_else(|| format!("bad status line: {line:?}"))?;
                *s.statuses.entry(code).or_default() += number(2)?;
            }
            "reference" => match parts.get(1) {
                Some(r) => s.references.push((*r).to_owned()),
                None => return Err(format!("bad reference line: {line:?}")),
            },
            key => {
                let value = number(1)?;
                match key {
                    "requests" => s.requests = value,
                    "duration_us" => s.duration_us = value,
                    "p50_us" => s.p50_us = value,
                    "p90_us" => s.p90_us = value,
                    "p99_us" => s.p99_us = value,
                    "mean_us" => s.mean_us = value,
                    "max_us" => s.max_us = value,
                    "sent" => s.sent = value,
                    "replayed" => s.replayed = value,
                    "bytes" => {}
                    _ => match key.strip_prefix("errors_") {
                        Some(kind) => {
                            s.errors.insert(kind.to_owned(), value);
                        }
                        None => return Err(format!("unknown line in the wrk report: {line:?}")),
                    },
                }
            }
        }
    }
    if s.duration_us == 0 {
        return Err("the wrk report has no duration".to_owned());
    }
    Ok(s)
}

/// The database after the filing run, against what wrk was answered.
#[derive(Debug, Default)]
struct DbCheck {
    /// Filings of the load's mobile in the database.
    filings: u64,
    /// 201 answers, and how many distinct references they carried.
    created: u64,
    distinct_answered: u64,
    /// Answered 201 but not in the database, and in the database but never answered.
    missing: u64,
    unanswered: u64,
    /// Idempotency keys the database holds for the load's mobile (one per filing).
    keys: u64,
    /// Filings in the whole database whose (service, year, sequence) repeats another's.
    duplicate_numbers: u64,
    problems: Vec<String>,
}

impl DbCheck {
    fn run(ctx: &Ctx, sqlite: &str, db: &Path, filing: &Scenario) -> Result<DbCheck> {
        let query = |sql: &str| -> Result<String> {
            let out = ctx.cmd(sqlite).arg("-batch").arg(db).arg(sql).output()?;
            if !out.status.success() {
                return fail(format!(
                    "sqlite3 {sql:?}: {}",
                    String::from_utf8_lossy(&out.stderr)
                ));
            }
            Ok(String::from_utf8_lossy(&out.stdout).into_owned())
        };
        let count = |sql: &str| -> Result<u64> {
            let text = query(sql)?;
            text.trim()
                .parse()
                .map_err(|_| Failure(format!("sqlite3 {sql:?} printed {text:?}")))
        };
        let in_db: BTreeSet<String> = query(&format!(
            "SELECT reference FROM filings WHERE mobile = '{FILE_MOBILE}'"
        ))?
        .lines()
        .map(str::to_owned)
        .collect();
        let keys = count(&format!(
            "SELECT COUNT(*) FROM idempotency_keys WHERE mobile = '{FILE_MOBILE}'"
        ))?;
        let duplicate_numbers = count(
            "SELECT COUNT(*) - (SELECT COUNT(*) FROM (SELECT DISTINCT service, year, seq FROM filings)) FROM filings",
        )?;
        Ok(compare(filing, &in_db, keys, duplicate_numbers))
    }
}

fn compare(
    filing: &Scenario,
    in_db: &BTreeSet<String>,
    keys: u64,
    duplicate_numbers: u64,
) -> DbCheck {
    let filings = in_db.len() as u64;
    let created = filing.statuses.get(&201).copied().unwrap_or(0);
    let answered: BTreeSet<&str> = filing.references.iter().map(String::as_str).collect();
    let missing = answered.iter().filter(|r| !in_db.contains(**r)).count() as u64;
    let unanswered = in_db
        .iter()
        .filter(|r| !answered.contains(r.as_str()))
        .count() as u64;
    let mut check = DbCheck {
        filings,
        created,
        distinct_answered: answered.len() as u64,
        missing,
        unanswered,
        keys,
        duplicate_numbers,
        problems: Vec::new(),
    };
    let mut problem = |p: String| check.problems.push(p);
    if filings != created {
        problem(format!(
            "{filings} filings in the database but {created} answers 201"
        ));
    }
    if answered.len() as u64 != created || filing.references.len() as u64 != created {
        problem(format!(
            "{created} answers 201 carried {} distinct references",
            answered.len()
        ));
    }
    if missing > 0 {
        problem(format!(
            "{missing} references answered 201 are not in the database"
        ));
    }
    if unanswered > 0 {
        problem(format!(
            "{unanswered} filings in the database were never answered 201"
        ));
    }
    if keys != filings {
        problem(format!("{keys} idempotency keys for {filings} filings"));
    }
    if duplicate_numbers > 0 {
        problem(format!(
            "{duplicate_numbers} filings repeat a reference number"
        ));
    }
    if filing.replayed > 0 {
        problem(format!(
            "{} answers were replays of an earlier key",
            filing.replayed
        ));
    }
    check
}

fn ms(us: u64) -> String {
    format!("{:.1} ms", us as f64 / 1000.0)
}

fn statuses(s: &Scenario) -> String {
    let codes: Vec<String> = s
        .statuses
        .iter()
        .map(|(c, n)| format!("{c}: {n}"))
        .collect();
    if codes.is_empty() {
        "none".to_owned()
    } else {
        codes.join(", ")
    }
}

fn errors(s: &Scenario) -> String {
    if s.socket_errors() == 0 {
        return "0".to_owned();
    }
    let kinds: Vec<String> = s
        .errors
        .iter()
        .filter(|(k, n)| **n > 0 && k.as_str() != "status")
        .map(|(k, n)| format!("{k} {n}"))
        .collect();
    kinds.join(", ")
}

fn print_table(poll: &Scenario, filing: &Scenario, check: &DbCheck, poll_secs: u64) {
    println!("\n== load results ({} cores)", cores());
    println!(
        "{:<16} {:>6} {:>5} {:>9} {:>10} {:>9} {:>9} {:>9}  {:<16} socket errors",
        "scenario", "conns", "secs", "answers", "req/s", "p50", "p99", "max", "status codes"
    );
    for (name, conns, s) in [
        ("status polling", POLL_CONNECTIONS, poll),
        ("filing", FILE_CONNECTIONS, filing),
    ] {
        println!(
            "{:<16} {:>6} {:>5.1} {:>9} {:>10.1} {:>9} {:>9} {:>9}  {:<16} {}",
            name,
            conns,
            s.seconds(),
            s.requests,
            s.requests_per_sec(),
            ms(s.p50_us),
            ms(s.p99_us),
            ms(s.max_us),
            statuses(s),
            errors(s)
        );
    }
    println!(
        "database: {} filings of the load's mobile, {} answers 201 ({} distinct references), \
         {} answered but missing, {} filed but unanswered, {} idempotency keys, \
         {} repeated reference numbers, {} replays",
        check.filings,
        check.created,
        check.distinct_answered,
        check.missing,
        check.unanswered,
        check.keys,
        check.duplicate_numbers,
        filing.replayed
    );
    if poll_secs > 0 {
        println!(
            "polling: one open status page asks every {poll_secs} s = {:.3} requests/s per citizen; \
             {:.0} req/s is about {:.0} citizens watching at once",
            1.0 / poll_secs as f64,
            poll.requests_per_sec(),
            poll.requests_per_sec() * poll_secs as f64
        );
    }
    if check.problems.is_empty() {
        println!("database check: ok");
    } else {
        println!("database check FAILED: {}", check.problems.join("; "));
    }
}

fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

fn scenario_json(s: &Scenario, connections: usize) -> String {
    let map = |m: Vec<(String, u64)>| {
        m.iter()
            .map(|(k, v)| format!("\"{k}\": {v}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let statuses = map(s
        .statuses
        .iter()
        .map(|(c, n)| (c.to_string(), *n))
        .collect());
    let errors = map(s.errors.iter().map(|(k, n)| (k.clone(), *n)).collect());
    format!(
        "{{\"connections\": {connections}, \"seconds\": {:.2}, \"answers\": {}, \
         \"requests_per_sec\": {:.1}, \"latency_ms\": {{\"p50\": {:.2}, \"p90\": {:.2}, \
         \"p99\": {:.2}, \"mean\": {:.2}, \"max\": {:.2}}}, \"status\": {{{statuses}}}, \
         \"errors\": {{{errors}}}}}",
        s.seconds(),
        s.requests,
        s.requests_per_sec(),
        s.p50_us as f64 / 1000.0,
        s.p90_us as f64 / 1000.0,
        s.p99_us as f64 / 1000.0,
        s.mean_us as f64 / 1000.0,
        s.max_us as f64 / 1000.0,
    )
}

fn report_json(
    wrk: &str,
    poll_secs: u64,
    poll: &Scenario,
    filing: &Scenario,
    check: &DbCheck,
) -> String {
    let problems: Vec<String> = check
        .problems
        .iter()
        .map(|p| format!("\"{}\"", p.replace('\\', "\\\\").replace('"', "\\\"")))
        .collect();
    format!(
        "{{\n  \"tool\": \"{}\",\n  \"cores\": {},\n  \"poll_interval_secs\": {poll_secs},\n  \
         \"status_polling\": {},\n  \"filing\": {},\n  \"database\": {{\"filings\": {}, \
         \"created\": {}, \"distinct_references\": {}, \"missing\": {}, \"unanswered\": {}, \
         \"idempotency_keys\": {}, \"repeated_numbers\": {}, \"replayed\": {}, \"ok\": {}, \
         \"problems\": [{}]}}\n}}\n",
        wrk.replace('"', "'"),
        cores(),
        scenario_json(poll, POLL_CONNECTIONS),
        scenario_json(filing, FILE_CONNECTIONS),
        check.filings,
        check.created,
        check.distinct_answered,
        check.missing,
        check.unanswered,
        check.keys,
        check.duplicate_numbers,
        filing.replayed,
        check.problems.is_empty(),
        problems.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const REPORT: &str = "requests 1200\nduration_us 35004321\nbytes 99\n\
        errors_connect 0\nerrors_read 2\nerrors_write 0\nerrors_status 0\nerrors_timeout 1\n\
        p50_us 12345\np90_us 20000\np99_us 45678.4\nmean_us 13000.6\nmax_us 90000\n\
        reference BR-CMP-2026-000002\nreference BR-CMP-2026-000003\n\
        status 201 2\nstatus 304 1198\nsent 1200\nreplayed 0\n";

    #[test]
    fn reads_the_report_load_lua_writes() {
        let s = parse_report(REPORT).unwrap();
        assert_eq!(s.requests, 1200);
        assert_eq!(s.duration_us, 35_004_321);
        assert_eq!((s.p50_us, s.p90_us, s.p99_us), (12_345, 20_000, 45_678));
        assert_eq!((s.mean_us, s.max_us), (13_001, 90_000));
        assert_eq!(s.statuses, BTreeMap::from([(201, 2), (304, 1198)]));
        assert_eq!(s.errors["read"], 2);
        assert_eq!(s.socket_errors(), 3);
        assert_eq!(s.references, ["BR-CMP-2026-000002", "BR-CMP-2026-000003"]);
        assert_eq!((s.sent, s.replayed), (1200, 0));
    }

    #[test]
    fn requests_per_second_counts_the_sending_window_when_there_is_one() {
        let mut s = parse_report(REPORT).unwrap();
        assert!((s.requests_per_sec() - 1200.0 / 35.004321).abs() < 1e-6);
        s.window_secs = 30;
        assert!((s.requests_per_sec() - 40.0).abs() < 1e-9);
    }

    #[test]
    fn a_report_that_is_not_load_lua_s_is_refused() {
        assert!(parse_report("").is_err());
        assert!(parse_report("requests many\nduration_us 1\n").is_err());
        assert!(parse_report("status 201\nduration_us 1\n").is_err());
        assert!(parse_report("latency 1\nduration_us 1\n").is_err());
    }

    #[test]
    fn the_database_check_matches_filings_to_answers() {
        let mut s = parse_report(REPORT).unwrap();
        let both: BTreeSet<String> = s.references.iter().cloned().collect();
        let ok = compare(&s, &both, 2, 0);
        assert!(ok.problems.is_empty(), "{:?}", ok.problems);

        // A filing the server made whose answer nobody saw, and a reference answered twice.
        let mut three = both.clone();
        three.insert("BR-CMP-2026-000004".to_owned());
        let extra = compare(&s, &three, 3, 0);
        assert_eq!(extra.unanswered, 1);
        assert_eq!(extra.problems.len(), 2, "{:?}", extra.problems);

        s.references[1] = s.references[0].clone();
        let twice = compare(&s, &both, 2, 1);
        assert_eq!((twice.distinct_answered, twice.unanswered), (1, 1));
        assert!(twice.problems.iter().any(|p| p.contains("distinct")));
        assert!(twice.problems.iter().any(|p| p.contains("repeat")));
    }

    #[test]
    fn parses_an_answer_with_and_without_chunks() {
        let plain = b"HTTP/1.1 201 Created\r\nContent-Type: application/json\r\n\
            Set-Cookie: nagrik_session=abc; HttpOnly; Path=/api\r\nContent-Length: 13\r\n\r\n\
            {\"a\": \"b c\"}\n";
        let reply = parse_reply(plain).unwrap();
        assert_eq!(reply.status, 201);
        assert_eq!(
            reply.header("Set-Cookie"),
            Some("nagrik_session=abc; HttpOnly; Path=/api")
        );
        assert_eq!(json_string(&reply.body, "a"), Some("b c"));

        let chunked = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nETag: \"x-1\"\r\n\r\n\
            4\r\n{\"re\r\n10\r\nference\":\"BR-1\"}\r\n0\r\n\r\n";
        let reply = parse_reply(chunked).unwrap();
        assert_eq!(reply.header("etag"), Some("\"x-1\""));
        assert_eq!(reply.body, "{\"reference\":\"BR-1\"}");
        assert_eq!(json_string(&reply.body, "reference"), Some("BR-1"));
        assert_eq!(json_string(&reply.body, "code"), None);

        assert!(parse_reply(b"HTTP/1.1 200 OK\r\n").is_none());
    }

    #[test]
    fn dates_count_across_months_years_and_leap_days() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(
            civil_from_days(days_from_civil((2024, 3, 1)) - 1),
            (2024, 2, 29)
        );
        assert_eq!(
            civil_from_days(days_from_civil((2026, 1, 1)) - 1),
            (2025, 12, 31)
        );
        assert_eq!(days_from_civil((2000, 2, 29)), 11_016);
        assert!(complaint("9876500002", (2026, 3, 1)).contains(r#""incident_date":"28/2/2026""#));
    }
}
