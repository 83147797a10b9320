//! Developer tasks for Nagrik Seva, run as `cargo xtask <task>` from anywhere in the workspace.
//! Std only, so it compiles in seconds on a fresh machine.

mod bench;
mod load;
mod pwa;
mod run;
mod setup;
mod test;
mod util;

use std::process::ExitCode;
use util::{Ctx, Failure};

const USAGE: &str = "\
usage: cargo xtask <task>

tasks:
  setup           install the toolchain pieces (idempotent; the other tasks run it first)
  run [--port N]  release build of the app, then serve it with the reference server
                  on http://127.0.0.1:8080 (or port N); the database is .data/nagrik.sqlite3
  test            every check CI runs, stopping at the first failing layer
  test --from L   the same, starting at the layer whose name starts with L (after setup)
  e2e [args]      only the Playwright layer (after a release build of the app and server);
                  args go to `playwright test`, e.g. `specs/kiosk.spec.ts -g Finish`
  fuzz            only the schemathesis layer: contract/openapi.yaml against a throwaway
                  server, anonymously and with a verified session
  bench           Lighthouse, memory and size figures against the budget, then `load`
  load            the release server under load (wrk): status polling with If-None-Match
                  at 1,000 connections and filing at 50, 30 s each, then a database check
                  (filings = 201s, no repeated reference); target/bench/load.json
  dev             trunk serve on :8080 with the API server on :8081 (live reload)
  sw              rewrite dist/sw.js for the files now in dist (every build already does)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let ctx = Ctx::new();
    let result = match args.first().map(String::as_str) {
        Some("setup") => setup::setup(&ctx).map(|()| 0),
        Some("run") => parse_port(&args[1..]).and_then(|port| run::run_app(&ctx, port)),
        Some("test") => match &args[1..] {
            [] => test::test(&ctx, None),
            [flag, layer] if flag == "--from" => test::test(&ctx, Some(layer)),
            _ => Err(Failure(format!("unexpected arguments {args:?}\n\n{USAGE}"))),
        }
        .map(|()| 0),
        Some("e2e") => test::e2e_only(&ctx, &args[1..]).map(|()| 0),
        Some("fuzz") => test::fuzz_only(&ctx).map(|()| 0),
        Some("bench") => bench::bench(&ctx).map(|()| 0),
        Some("load") => load::load(&ctx).map(|()| 0),
        Some("dev") => run::dev(&ctx),
        Some("sw") => pwa::write_service_worker(&ctx.root.join("dist")).map(|()| 0),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            Ok(0)
        }
        _ => {
            eprintln!("{USAGE}");
            Ok(2)
        }
    };
    match result {
        Ok(code) => ExitCode::from(code.clamp(0, 255) as u8),
        Err(Failure(msg)) => {
            eprintln!("\nerror: {msg}");
            ExitCode::FAILURE
        }
    }
}

fn parse_port(args: &[String]) -> util::Result<u16> {
    match args {
        [] => Ok(8080),
        [flag, n] if flag == "--port" => n
            .parse()
            .map_err(|_| Failure(format!("--port wants a number, got {n:?}"))),
        [arg] if arg.starts_with("--port=") => arg["--port=".len()..]
            .parse()
            .map_err(|_| Failure(format!("--port wants a number, got {arg:?}"))),
        _ => Err(Failure(format!("unexpected arguments {args:?}\n\n{USAGE}"))),
    }
}
