//! `cargo xtask bench`: Lighthouse (mobile, simulated throttling) on every entry page of the
//! app and, in the same run, on a baseline (`xtask/bench/baseline/`: a minimal Leptos CSR app
//! with a router and one page of text, built with the same release profile and served by the
//! same server). Rounds are interleaved (baseline, then each page) so that a slow moment of the
//! machine hits both sides, and each figure is the median of the rounds. Then the memory after
//! a full complaint journey and the first-load sizes. Everything goes to target/bench/;
//! xtask/bench/report.mjs computes the ratios to the baseline, the verdict and report.json.
//! Last, the load test of the API (`load.rs`, target/bench/load.json).

use crate::run::build_release;
use crate::setup::{npm_install, setup, BENCH_NPM, E2E_NPM};
use crate::util::{
    check, describe, fail, free_port, http_status, run, spawn, tail, Ctx, Result, TempDir,
};
use std::fs;
use std::path::Path;
use std::process::{Child, Stdio};
use std::thread;
use std::time::{Duration, Instant};

const CHROME_FLAGS: &str = "--headless=new --no-sandbox --disable-gpu \
     --disable-background-networking --disable-component-update --disable-sync";

/// The fonts a phone has (a system Devanagari font), as the e2e browser gets them
/// (tests/e2e/browser.ts): without one, every Hindi page would also fetch the fallback web font.
const PHONE_FONTS: &str = "tests/e2e/fonts/phone.conf";
/// Lighthouse rounds; every figure is a median over them.
const ROUNDS: usize = 3;

/// The OTP the bench's server accepts, so the memory probe can verify the complaint's mobile.
const DEMO_OTP: &str = "123456";

/// The baseline crate, its own Trunk.toml and index.html.
const BASELINE: &str = "xtask/bench/baseline";
const BASELINE_DIST: &str = "target/bench/baseline-dist";

/// A page Lighthouse audits: a name for its files and the path on the server.
struct Page {
    name: String,
    path: String,
}

/// Every page a citizen can land on: home, status (lookup and a case), helplines, each service's
/// start page, the FIR copy and the police-station directory. `reference` is a real filing, so
/// the case page shows a case.
fn entry_pages(reference: &str) -> Vec<Page> {
    let page = |name: &str, path: String| Page {
        name: name.to_owned(),
        path,
    };
    let mut pages = vec![
        page("home", "/".to_owned()),
        page("status", "/status".to_owned()),
        page("status-case", format!("/status/{reference}")),
        page("helplines", "/helplines".to_owned()),
    ];
    pages.extend(contract::services::ALL.map(|s| page(s.slug(), format!("/{}", s.slug()))));
    pages.push(page("fir-copy", "/fir-copy".to_owned()));
    pages.push(page("police-stations", "/police-stations".to_owned()));
    pages
}

pub fn bench(ctx: &Ctx) -> Result {
    let started = Instant::now();
    setup(ctx)?;
    npm_install(ctx, BENCH_NPM)?;
    build_release(ctx)?;
    let out = ctx.root.join("target/bench");
    clear_previous(&out)?;
    build_baseline(ctx)?;
    let budgeted = asset_report(ctx, &out)?;

    let tmp = TempDir::new("nagrik-bench")?;
    let app = serve(
        ctx,
        &tmp.0.join("app.sqlite3"),
        "dist",
        &out.join("server.log"),
    )?;
    let baseline = serve(
        ctx,
        &tmp.0.join("baseline.sqlite3"),
        BASELINE_DIST,
        &out.join("baseline-server.log"),
    )?;

    // First, so the case page below can show the complaint this journey files.
    println!("\n== memory after a complaint journey");
    let memory = out.join("memory.json");
    let mut probe = ctx.cmd("node");
    probe
        .current_dir(ctx.root.join(E2E_NPM))
        .arg("bench-memory.mjs")
        .arg(app.url())
        .arg(&memory)
        .env("FONTCONFIG_FILE", ctx.root.join(PHONE_FONTS));
    // A failed journey is reported with the rest; the Lighthouse figures are still worth having.
    if let Err(e) = run(&mut probe) {
        println!("{e}");
    }
    let reference = filed_reference(&memory).unwrap_or_else(|| {
        println!("no reference from the memory probe: /status/<reference> shows an unknown one");
        "BR-CMP-2026-000001".to_owned()
    });

    let pages = entry_pages(&reference);
    let mut targets = vec![("baseline".to_owned(), baseline.url() + "/")];
    targets.extend(
        pages
            .iter()
            .map(|p| (p.name.clone(), format!("{}{}", app.url(), p.path))),
    );
    write_plan(&out, &targets, &reference, &budgeted)?;
    let lighthouse = ctx
        .root
        .join(BENCH_NPM)
        .join("node_modules/.bin/lighthouse");
    for round in 1..=ROUNDS {
        for (name, url) in &targets {
            println!("\n== lighthouse {url}  (round {round} of {ROUNDS})");
            let json = out.join(format!("lighthouse-{name}-{round}.json"));
            let mut cmd = ctx.cmd(&lighthouse);
            cmd.arg(url)
                .arg("--output=json")
                .arg(format!("--output-path={}", json.display()))
                .arg("--only-categories=performance")
                // The trace (lighthouse-<name>-<round>-0.trace.json) names the elements that
                // shifted and the LCP element: Lighthouse 12.2's own audits for them fail on
                // this Chromium's traces ("frame_sequence").
                .arg("--save-assets")
                .arg(format!("--chrome-flags={CHROME_FLAGS}"))
                .arg("--quiet")
                .env("CHROME_PATH", "/usr/bin/chromium")
                .env("FONTCONFIG_FILE", ctx.root.join(PHONE_FONTS));
            // One retry: a Chromium that fails to start is not the page's fault. A run that
            // fails twice is missing from the medians, and report.mjs fails the page.
            if run(&mut cmd).is_err() {
                let _ = fs::remove_file(&json);
                if let Err(e) = run(&mut cmd) {
                    println!("{e}");
                    let _ = fs::remove_file(&json);
                }
            }
        }
    }
    drop(app);
    drop(baseline);

    println!("\n== report");
    let mut verdict = ctx.cmd("node");
    verdict
        .arg(ctx.root.join(BENCH_NPM).join("report.mjs"))
        .arg(&out);
    let result = run(&mut verdict);
    // The API under load, whatever the verdict above: its figures are worth having either way.
    let load = crate::load::load(ctx);
    let secs = started.elapsed().as_secs();
    println!("bench wall time: {}m {:02}s", secs / 60, secs % 60);
    result.and(load)
}

/// Removes the files of an earlier run, so a run that fails now is not read as passing.
fn clear_previous(out: &Path) -> Result {
    fs::create_dir_all(out)?;
    for entry in fs::read_dir(out)? {
        let path = entry?.path();
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let ours = name.starts_with("lighthouse-") && name.ends_with(".json")
            || [
                "report.json",
                "memory.json",
                "assets.json",
                "asset-report.txt",
                "plan.json",
            ]
            .contains(&name.as_ref());
        if ours {
            fs::remove_file(&path)?;
        }
    }
    Ok(())
}

/// The baseline, built like the app's light bundle: `trunk build --release` with wasm-opt -Oz,
/// the workspace's release profile and toolchain, and target/.
fn build_baseline(ctx: &Ctx) -> Result {
    println!("\n== baseline build");
    let mut trunk = crate::run::trunk_release(ctx)?;
    trunk
        .current_dir(ctx.root.join(BASELINE))
        .args(["build", "--release", "--dist"])
        .arg(ctx.root.join(BASELINE_DIST));
    run(&mut trunk)
}

/// The server's size report for the entry pages, each held to the budget as the size gate of
/// `cargo xtask test` holds them. Returns the entries held to the budget.
fn asset_report(ctx: &Ctx, out: &Path) -> Result<Vec<String>> {
    println!("\n== first-load size");
    let budgeted: Vec<String> = crate::run::entry_pages().collect();
    let mut report = ctx.cmd(ctx.server_bin());
    report
        .args(["asset-report", "--dist", "dist", "--json"])
        .arg(out.join("assets.json"));
    for entry in &budgeted {
        report.args(["--entry", entry]);
    }
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
    Ok(budgeted)
}

/// `nagrik-server serve` on a free port, with brotli, the CSP nonce and index.html as the
/// fallback: the app and the baseline are served the same way. The server compresses all of
/// dist (four bundles, each wasm at brotli 11) before it answers, which takes well over a
/// minute on a busy 2-core machine: longer than `util::Server` waits, hence this guard.
fn serve(ctx: &Ctx, db: &Path, dist: &str, log: &Path) -> Result<Served> {
    if !ctx.root.join(dist).join("index.html").exists() {
        return fail(format!("{dist} has no index.html"));
    }
    let port = free_port()?;
    let mut cmd = ctx.cmd(ctx.server_bin());
    cmd.args(["serve", "--addr", &format!("127.0.0.1:{port}"), "--db"])
        .arg(db)
        .args(["--dist", dist, "--demo-otp", DEMO_OTP]);
    let file = fs::File::create(log)?;
    cmd.stdin(Stdio::null())
        .stdout(file.try_clone()?)
        .stderr(file);
    println!("$ {}  (log: {})", describe(&cmd), log.display());
    let started = Instant::now();
    let mut server = Served {
        child: spawn(&mut cmd)?,
        port,
    };
    loop {
        if http_status(port, "/api/v1/health") == Some(200) {
            let secs = started.elapsed().as_secs();
            println!("server ready on {} after {secs} s", server.url());
            return Ok(server);
        }
        if let Some(status) = server.child.try_wait()? {
            return fail(format!(
                "server exited during start-up ({status}); its log:\n{}",
                tail(log, 40)
            ));
        }
        if started.elapsed() > SERVER_START {
            return fail(format!(
                "server did not answer GET /api/v1/health with 200 within {}s; its log:\n{}",
                SERVER_START.as_secs(),
                tail(log, 40)
            ));
        }
        thread::sleep(Duration::from_millis(500));
    }
}

/// How long a bench server may take to compress dist and answer.
const SERVER_START: Duration = Duration::from_secs(300);

/// A server the bench started; killed when dropped, failure or not.
struct Served {
    child: Child,
    port: u16,
}

impl Served {
    fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The reference the memory probe's complaint was filed under, from its JSON.
fn filed_reference(memory: &Path) -> Option<String> {
    let text = fs::read_to_string(memory).ok()?;
    let start = text.find("\"reference\": \"")? + "\"reference\": \"".len();
    let len = text[start..].find('"')?;
    let reference = &text[start..start + len];
    let ok = !reference.is_empty()
        && reference
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-');
    ok.then(|| reference.to_owned())
}

/// What report.mjs reads the runs by: the rounds, each target's name and URL (the baseline
/// first), and which entry pages of the asset report are held to the size budget.
fn write_plan(
    out: &Path,
    targets: &[(String, String)],
    reference: &str,
    budgeted: &[String],
) -> Result {
    let quote = |s: &str| format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""));
    let items: Vec<String> = targets
        .iter()
        .map(|(name, url)| {
            format!(
                "    {{ \"name\": {}, \"url\": {} }}",
                quote(name),
                quote(url)
            )
        })
        .collect();
    let budgeted: Vec<String> = budgeted.iter().map(|e| quote(e)).collect();
    let json = format!(
        "{{\n  \"rounds\": {ROUNDS},\n  \"reference\": {},\n  \"budgetedEntries\": [{}],\n  \
         \"targets\": [\n{}\n  ]\n}}\n",
        quote(reference),
        budgeted.join(", "),
        items.join(",\n")
    );
    fs::write(out.join("plan.json"), json)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{filed_reference, write_plan};
    use crate::util::TempDir;
    use std::fs;

    #[test]
    fn the_plan_is_the_json_report_mjs_reads() {
        let tmp = TempDir::new("nagrik-bench-plan").unwrap();
        let targets = [
            ("baseline".to_owned(), "http://127.0.0.1:1/".to_owned()),
            ("home".to_owned(), "http://127.0.0.1:2/".to_owned()),
        ];
        let budgeted = ["index.html".to_owned(), "complaint.html".to_owned()];
        write_plan(&tmp.0, &targets, "BR-CMP-2026-000001", &budgeted).unwrap();
        let plan = fs::read_to_string(tmp.0.join("plan.json")).unwrap();
        assert_eq!(
            plan,
            "{\n  \"rounds\": 3,\n  \"reference\": \"BR-CMP-2026-000001\",\n  \
             \"budgetedEntries\": [\"index.html\", \"complaint.html\"],\n  \"targets\": [\n    \
             { \"name\": \"baseline\", \"url\": \"http://127.0.0.1:1/\" },\n    \
             { \"name\": \"home\", \"url\": \"http://127.0.0.1:2/\" }\n  ]\n}\n"
        );
    }

    #[test]
    fn the_reference_comes_from_the_memory_probe() {
        let tmp = TempDir::new("nagrik-bench-memory").unwrap();
        let file = tmp.0.join("memory.json");
        fs::write(
            &file,
            "{\n  \"journey\": \"complaint\",\n  \"reference\": \"BR-CMP-2026-000007\"\n}\n",
        )
        .unwrap();
        assert_eq!(
            filed_reference(&file).as_deref(),
            Some("BR-CMP-2026-000007")
        );
        fs::write(&file, "{ \"error\": \"after \\\"verify\\\"\" }").unwrap();
        assert_eq!(filed_reference(&file), None);
    }
}
