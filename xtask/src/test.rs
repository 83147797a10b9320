//! `cargo xtask test`: the CI gate. Layers run cheapest first and the first failure stops the
//! run; a summary of every layer's result is printed either way.

use crate::run::{build_release, build_server};
use crate::setup::{schemathesis_bin, setup, E2E_NPM};
use crate::util::{fail, free_port, run, Ctx, Result, Server, TempDir};
use std::env;
use std::fs;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

const SIZE_BUDGET_KIB: &str = "150";

type Layer = fn(&Ctx) -> Result;

const LAYERS: &[(&str, Layer)] = &[
    ("setup", setup),
    ("rustfmt", fmt),
    ("clippy (native)", clippy_native),
    ("clippy (wasm32)", clippy_wasm),
    ("cargo test (native)", native_tests),
    ("schemathesis (contract fuzzing)", contract_fuzzing),
    ("wasm-bindgen tests (headless chromium)", wasm_tests),
    ("trunk build --release", trunk_release),
    ("size budget (every entry page)", size_gate),
    ("playwright e2e + axe", |ctx| e2e(ctx, &[])),
];

/// Runs every layer; `from` (a layer name's start, e.g. "clippy" or "playwright") skips the
/// layers before it, except setup, to rerun from a failure.
pub fn test(ctx: &Ctx, from: Option<&str>) -> Result {
    let first = match from {
        None => 0,
        Some(prefix) => match LAYERS.iter().position(|(name, _)| name.starts_with(prefix)) {
            Some(i) => i,
            None => {
                let names: Vec<&str> = LAYERS.iter().map(|(name, _)| *name).collect();
                return fail(format!(
                    "no layer starts with {prefix:?}; layers: {names:?}"
                ));
            }
        },
    };
    let mut summary = Vec::new();
    let mut failure = None;
    for (i, (name, layer)) in LAYERS.iter().enumerate() {
        if i > 0 && i < first {
            summary.push(format!("  skip  {name} (--from)"));
            continue;
        }
        println!("\n== {name}");
        let start = Instant::now();
        let result = layer(ctx);
        let secs = start.elapsed().as_secs();
        match result {
            Ok(()) => summary.push(format!("  pass  {name} ({secs}s)")),
            Err(e) => {
                summary.push(format!("  FAIL  {name} ({secs}s)"));
                failure = Some((name, e));
                break;
            }
        }
    }
    for (name, _) in &LAYERS[summary.len()..] {
        summary.push(format!("  skip  {name}"));
    }
    println!("\n== summary\n{}", summary.join("\n"));
    match failure {
        None => {
            println!("\nall layers passed");
            Ok(())
        }
        Some((name, e)) => fail(format!("layer `{name}` failed: {e}")),
    }
}

/// Only the Playwright layer, for iterating on journeys.
/// `cargo xtask e2e [playwright args]`, e.g. `cargo xtask e2e specs/kiosk.spec.ts -g Finish`.
pub fn e2e_only(ctx: &Ctx, playwright_args: &[String]) -> Result {
    setup(ctx)?;
    build_release(ctx)?;
    e2e(ctx, playwright_args)
}

/// Only the schemathesis layer (`cargo xtask fuzz`), for iterating on the contract.
pub fn fuzz_only(ctx: &Ctx) -> Result {
    crate::setup::schemathesis(ctx)?;
    contract_fuzzing(ctx)
}

fn fmt(ctx: &Ctx) -> Result {
    run(ctx.cmd("cargo").args(["fmt", "--all", "--check"]))
}

fn clippy_native(ctx: &Ctx) -> Result {
    run(ctx.cmd("cargo").args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))
}

fn clippy_wasm(ctx: &Ctx) -> Result {
    run(ctx.cmd("cargo").args([
        "clippy",
        "-p",
        "nagrik-seva",
        "--target",
        "wasm32-unknown-unknown",
        "--",
        "-D",
        "warnings",
    ]))
}

fn native_tests(ctx: &Ctx) -> Result {
    run(ctx.cmd("cargo").args(["test", "--workspace"]))
}

/// Schemathesis's settings: what a schema cannot say, and the stateful phase's numbers.
const FUZZ_CONFIG: &str = "contract/schemathesis.toml";
/// The code the throwaway servers accept for every mobile (`--demo-otp`).
const DEMO_OTP: &str = "123456";
/// Test cases per operation and phase; both runs together take about two minutes on 2 cores.
const FUZZ_EXAMPLES: &str = "30";
const FUZZ_SEED: &str = "1";
/// Who the verified run is, and a second session for the operations that end the one they
/// are sent with (see contract/schemathesis.toml).
const FUZZ_MOBILE: &str = "9876543210";
const SPARE_MOBILE: &str = "9876543211";

/// Schemathesis against `contract/openapi.yaml` and a throwaway API server (no app, no SMS),
/// once anonymously and once with a verified session: every operation, every check, a fixed
/// seed. Any failure fails the layer.
fn contract_fuzzing(ctx: &Ctx) -> Result {
    build_server(ctx)?;
    let bin = schemathesis_bin(ctx);
    let work = ctx.root.join("target/schemathesis");
    fs::create_dir_all(&work)?;
    let config = fs::read_to_string(ctx.root.join(FUZZ_CONFIG))?;
    for verified in [false, true] {
        let run_name = if verified { "verified" } else { "anonymous" };
        println!("\n-- schemathesis, {run_name}");
        // A fresh database each time: one run's rate limits and filings are not the other's.
        let tmp = TempDir::new("nagrik-fuzz")?;
        let port = free_port()?;
        let addr = format!("127.0.0.1:{port}");
        let mut serve = ctx.cmd(ctx.server_bin());
        serve
            .args(["serve", "--addr", &addr, "--db"])
            .arg(tmp.0.join("fuzz.sqlite3"))
            // No app: the API alone (the server says so and serves it).
            .arg("--dist")
            .arg(tmp.0.join("no-dist"))
            .args(["--demo-otp", DEMO_OTP])
            // Every tip, file and tip status the fuzzer sends comes from one address: without
            // this, the anonymous limit (30 in 10 minutes) would answer 429 to almost all of
            // them and leave the logic behind untested. 429 itself is tested natively.
            .args(["--anonymous-limit", "1000000"]);
        let server = Server::start(serve, port, work.join(format!("server-{run_name}.log")))?;
        // A code waiting for each number the config's `mobiles` dictionary names.
        for mobile in fuzz_mobiles(&config)? {
            request_code(port, &mobile)?;
        }
        let mut cmd = ctx.cmd(&bin);
        cmd.current_dir(&work)
            .arg("--config-file")
            .arg(ctx.root.join(FUZZ_CONFIG))
            .arg("run")
            .arg(ctx.root.join("contract/openapi.yaml"))
            .args(["--url", &server.url(), "--checks", "all"])
            .args(["--seed", FUZZ_SEED, "--max-examples", FUZZ_EXAMPLES])
            .args(["--generation-database", "none", "--report", "junit,ndjson"])
            .arg("--report-junit-path")
            .arg(work.join(format!("{run_name}.junit.xml")))
            .arg("--report-ndjson-path")
            .arg(work.join(format!("{run_name}.ndjson")));
        if verified {
            let session = verified_session(port, FUZZ_MOBILE)?;
            let spare = verified_session(port, SPARE_MOBILE)?;
            cmd.args(["-H", &format!("Cookie: ns_session={session}")])
                .env("NAGRIK_SPARE_SESSION", spare);
        } else {
            cmd.env("NAGRIK_SPARE_SESSION", "");
        }
        let result = run(&mut cmd);
        if result.is_err() {
            println!("server log: {}", server.log.display());
        }
        drop(server);
        result?;
    }
    Ok(())
}

/// The numbers in the `[dictionaries.mobiles]` table of the schemathesis config.
fn fuzz_mobiles(config: &str) -> Result<Vec<String>> {
    let table = config
        .split("[dictionaries.mobiles]")
        .nth(1)
        .and_then(|rest| rest.split("values = [").nth(1))
        .and_then(|rest| rest.split(']').next());
    let Some(values) = table else {
        return fail(format!(
            "{FUZZ_CONFIG} has no [dictionaries.mobiles] values"
        ));
    };
    Ok(values
        .split(',')
        .map(|v| v.trim().trim_matches('"').to_owned())
        .filter(|v| !v.is_empty())
        .collect())
}

/// Asks the server to send `mobile` a code (the demo code).
fn request_code(port: u16, mobile: &str) -> Result {
    let body = format!(r#"{{"mobile":"{mobile}"}}"#);
    match post_json(port, "/api/v1/otp/request", &body)? {
        (200, _) => Ok(()),
        (status, _) => fail(format!(
            "POST /api/v1/otp/request for {mobile} answered {status}"
        )),
    }
}

/// The `ns_session` token of a session verified for `mobile` with the demo code.
fn verified_session(port: u16, mobile: &str) -> Result<String> {
    request_code(port, mobile)?;
    let body = format!(r#"{{"mobile":"{mobile}","code":"{DEMO_OTP}"}}"#);
    let (status, head) = post_json(port, "/api/v1/otp/verify", &body)?;
    let token = head.lines().find_map(|line| {
        let (name, value) = line.split_once(':')?;
        let cookie = value.trim().strip_prefix("ns_session=")?;
        name.eq_ignore_ascii_case("set-cookie")
            .then(|| cookie.split(';').next().unwrap_or_default().to_owned())
    });
    match token {
        Some(token) if status == 200 && !token.is_empty() => Ok(token),
        _ => fail(format!(
            "POST /api/v1/otp/verify answered {status} without a session cookie"
        )),
    }
}

/// `POST path` with a JSON body on 127.0.0.1:port: the status and the response head.
fn post_json(port: u16, path: &str, body: &str) -> Result<(u16, String)> {
    let mut stream = TcpStream::connect(("127.0.0.1", port))?;
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    write!(
        stream,
        "POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )?;
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer)?;
    let answer = String::from_utf8_lossy(&answer);
    let head = answer
        .split("\r\n\r\n")
        .next()
        .unwrap_or_default()
        .to_owned();
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|code| code.parse().ok())
        .unwrap_or(0);
    Ok((status, head))
}

fn wasm_tests(ctx: &Ctx) -> Result {
    let mut cmd = ctx.cmd("cargo");
    cmd.args([
        "test",
        "-p",
        "nagrik-seva",
        "--target",
        "wasm32-unknown-unknown",
        "--test",
        "web",
    ])
    .env(
        "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
        "wasm-bindgen-test-runner",
    )
    .env("CHROMEDRIVER", "/usr/bin/chromedriver")
    // Chromium refuses to start as root without --no-sandbox; the runner also reads
    // ./webdriver.json from the package root, which is the same file.
    .env(
        "WASM_BINDGEN_TEST_WEBDRIVER_JSON",
        ctx.root.join("webdriver.json"),
    );
    if env::var_os("WASM_BINDGEN_TEST_TIMEOUT").is_none() {
        cmd.env("WASM_BINDGEN_TEST_TIMEOUT", "120");
    }
    run(&mut cmd)
}

fn trunk_release(ctx: &Ctx) -> Result {
    crate::run::build_app(ctx)
}

/// Every entry page fits the budget: the home page (`index.html`, which also answers helplines
/// and information pages), each service's start page, the status pages and the FIR copy and
/// station directory.
fn size_gate(ctx: &Ctx) -> Result {
    build_server(ctx)?;
    let mut cmd = ctx.cmd(ctx.server_bin());
    cmd.args([
        "asset-report",
        "--dist",
        "dist",
        "--budget-kib",
        SIZE_BUDGET_KIB,
    ]);
    for entry in crate::run::entry_pages() {
        cmd.args(["--entry", &entry]);
    }
    run(&mut cmd)
}

/// Starts a throwaway server with a fixed demo OTP and runs Playwright against it.
fn e2e(ctx: &Ctx, playwright_args: &[String]) -> Result {
    build_server(ctx)?;
    let tmp = TempDir::new("nagrik-e2e")?;
    let db = tmp.0.join("e2e.sqlite3");
    let port = crate::util::free_port()?;
    let addr = format!("127.0.0.1:{port}");
    let mut cmd = ctx.cmd(ctx.server_bin());
    cmd.args(["serve", "--addr", &addr, "--db"]).arg(&db).args([
        "--dist",
        "dist",
        "--demo-otp",
        "123456",
        "--poll-interval",
        "1",
    ]);
    let server = Server::start(cmd, port, ctx.root.join("target/e2e-server.log"))?;
    let mut playwright = ctx.cmd("npx");
    playwright
        .current_dir(ctx.root.join(E2E_NPM))
        .args(["playwright", "test"])
        .args(playwright_args)
        .env("BASE_URL", server.url())
        .env("NAGRIK_DB", &db)
        .env("NAGRIK_SERVER_BIN", ctx.server_bin())
        .env("REPO_ROOT", &ctx.root);
    let result = run(&mut playwright);
    if result.is_err() {
        println!("server log: {}", server.log.display());
    }
    // The server guard is dropped before the temp dir, so the DB is closed before removal.
    drop(server);
    result
}

#[cfg(test)]
mod tests {
    use super::{fuzz_mobiles, FUZZ_CONFIG, FUZZ_MOBILE, SPARE_MOBILE};

    #[test]
    fn the_fuzz_config_names_distinct_mobiles_apart_from_the_sessions() {
        let config =
            std::fs::read_to_string(crate::util::workspace_root().join(FUZZ_CONFIG)).unwrap();
        let mobiles = fuzz_mobiles(&config).unwrap();
        assert!(mobiles.len() >= 20, "{mobiles:?}");
        let mut unique = mobiles.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), mobiles.len());
        for mobile in &mobiles {
            assert!(
                mobile.len() == 10 && mobile.bytes().all(|b| b.is_ascii_digit()),
                "{mobile}"
            );
            assert!(mobile != FUZZ_MOBILE && mobile != SPARE_MOBILE);
        }
    }
}
