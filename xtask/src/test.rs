//! `cargo xtask test`: the CI gate. Layers run cheapest first and the first failure stops the
//! run; a summary of every layer's result is printed either way.

use crate::run::{build_release, build_server};
use crate::setup::{setup, E2E_NPM};
use crate::util::{fail, run, Ctx, Result, Server, TempDir};
use std::env;
use std::time::Instant;

const SIZE_BUDGET_KIB: &str = "150";

type Layer = fn(&Ctx) -> Result;

const LAYERS: &[(&str, Layer)] = &[
    ("setup", setup),
    ("rustfmt", fmt),
    ("clippy (native)", clippy_native),
    ("clippy (wasm32)", clippy_wasm),
    ("cargo test (native)", native_tests),
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

/// The light bundle's entry pages fit the budget: the home page (`index.html`, which also
/// answers helplines and information pages) and each service's start page. The status
/// bundle's pages do not yet (issue 13); `cargo xtask bench` measures them against it.
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
    for entry in crate::run::light_entries() {
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
