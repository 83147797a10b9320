//! `cargo xtask bench`: Lighthouse (mobile, default throttling) on two pages, JS heap and WASM
//! memory after boot, and the first-load size, checked against the budget. The figures go to
//! target/bench/report.json; xtask/bench/report.mjs does the JSON reading and the verdict.

use crate::run::build_release;
use crate::setup::{npm_install, setup, BENCH_NPM, E2E_NPM};
use crate::util::{check, describe, free_port, run, Ctx, Result, Server, TempDir};
use std::fs;

const CHROME_FLAGS: &str = "--headless=new --no-sandbox --disable-gpu \
     --disable-background-networking --disable-component-update --disable-sync";

/// (name, path) of every page Lighthouse audits.
const PAGES: &[(&str, &str)] = &[("home", "/"), ("complaint", "/complaint")];

pub fn bench(ctx: &Ctx) -> Result {
    setup(ctx)?;
    npm_install(ctx, BENCH_NPM)?;
    build_release(ctx)?;
    let out = ctx.root.join("target/bench");
    fs::create_dir_all(&out)?;

    println!("\n== first-load size");
    let _ = fs::remove_file(out.join("assets.json"));
    let mut report = ctx.cmd(ctx.server_bin());
    report
        .args(["asset-report", "--dist", "dist", "--json"])
        .arg(out.join("assets.json"));
    println!("$ {}", describe(&report));
    let assets = report.output()?;
    let text = String::from_utf8_lossy(&assets.stdout);
    print!("{text}");
    eprint!("{}", String::from_utf8_lossy(&assets.stderr));
    fs::write(out.join("asset-report.txt"), text.as_bytes())?;
    // Over budget exits non-zero; keep measuring and let the final verdict say so.
    if !out.join("assets.json").exists() {
        check(&report, assets.status)?;
    }

    let tmp = TempDir::new("nagrik-bench")?;
    let port = free_port()?;
    let mut serve = ctx.cmd(ctx.server_bin());
    serve
        .args(["serve", "--addr", &format!("127.0.0.1:{port}"), "--db"])
        .arg(tmp.0.join("bench.sqlite3"))
        .args(["--dist", "dist"]);
    let server = Server::start(serve, port, out.join("server.log"))?;

    let lighthouse = ctx
        .root
        .join(BENCH_NPM)
        .join("node_modules/.bin/lighthouse");
    for (name, path) in PAGES {
        println!("\n== lighthouse {path}");
        let mut cmd = ctx.cmd(&lighthouse);
        cmd.arg(format!("{}{path}", server.url()))
            .arg("--output=json")
            .arg(format!(
                "--output-path={}",
                out.join(format!("lighthouse-{name}.json")).display()
            ))
            .arg("--only-categories=performance,accessibility,best-practices")
            .arg(format!("--chrome-flags={CHROME_FLAGS}"))
            .arg("--quiet")
            .env("CHROME_PATH", "/usr/bin/chromium");
        run(&mut cmd)?;
    }

    println!("\n== memory after boot");
    let mut memory = ctx.cmd("node");
    memory
        .current_dir(ctx.root.join(E2E_NPM))
        .arg("bench-memory.mjs")
        .arg(server.url())
        .arg(out.join("memory.json"));
    run(&mut memory)?;
    drop(server);

    println!("\n== report");
    let mut verdict = ctx.cmd("node");
    verdict
        .arg(ctx.root.join(BENCH_NPM).join("report.mjs"))
        .arg(&out);
    run(&mut verdict)
}
