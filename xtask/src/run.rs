//! `cargo xtask run` (release build served by the reference server) and `cargo xtask dev`
//! (trunk serve with live reload, proxying /api/ to the server).

use crate::setup::setup;
use crate::util::{describe, exit_code, ignore_ctrl_c, run, spawn, Ctx, Result, Server};
use std::fs;

/// Builds the app in release mode and the server, the steps `run`, `test` and `bench` share.
pub fn build_release(ctx: &Ctx) -> Result {
    build_app(ctx)?;
    build_server(ctx)
}

/// Both bundles of the app: the light one (`index.html` → `dist/`), which is the first load,
/// and the forms one (`forms.html` → `dist/complaint/`), loaded when a citizen opens a form.
/// The light one goes first: Trunk replaces its whole `dist/` when it finishes. Then
/// `dist/sw.js`, the service worker that precaches both (see `pwa.rs`).
pub fn build_app(ctx: &Ctx) -> Result {
    run(ctx.cmd("trunk").args(["build", "--release"]))?;
    write_forms_html(ctx, false)?;
    run(ctx.cmd("trunk").args([
        "build",
        "forms.html",
        "--release",
        "--dist",
        &format!("dist/{FORMS_HOME}"),
        "--public-url",
        &format!("/{FORMS_HOME}/"),
    ]))?;
    // Every journey of the registry and the status pages run in the forms bundle: the server
    // (and the service worker, offline) answers /<slug>/... with that folder's copy.
    let forms = ctx.root.join(format!("dist/{FORMS_HOME}/index.html"));
    for section in forms_sections().filter(|s| *s != FORMS_HOME) {
        let dir = ctx.root.join("dist").join(section);
        fs::create_dir_all(&dir)?;
        fs::copy(&forms, dir.join("index.html"))?;
    }
    // Last, so the service worker precaches exactly what this build wrote.
    crate::pwa::write_service_worker(&ctx.root.join("dist"))
}

/// The folder the forms bundle is built into (its files are served from there).
pub const FORMS_HOME: &str = "complaint";

/// The first path segments whose pages need the forms bundle: every declared service, status,
/// and the pages that load district and station lists (FIR copy, police-station directory).
pub fn forms_sections() -> impl Iterator<Item = &'static str> {
    contract::services::ALL
        .into_iter()
        .map(|s| s.slug())
        .chain(["status", "fir-copy", "police-stations"])
}

pub fn build_server(ctx: &Ctx) -> Result {
    run(ctx.cmd("cargo").args(["build", "-p", "nagrik-server"]))
}

pub fn run_app(ctx: &Ctx, port: u16) -> Result<i32> {
    setup(ctx)?;
    build_release(ctx)?;
    fs::create_dir_all(ctx.root.join(".data"))?;
    let addr = format!("127.0.0.1:{port}");
    let mut cmd = ctx.cmd(ctx.server_bin());
    cmd.args([
        "serve",
        "--addr",
        &addr,
        "--db",
        ".data/nagrik.sqlite3",
        "--dist",
        "dist",
    ]);
    println!("$ {}", describe(&cmd));
    let mut server = spawn(&mut cmd)?;
    ignore_ctrl_c();
    println!("\nNagrik Seva: http://{addr}/  (Ctrl-C stops it)\n");
    let status = server.wait()?;
    Ok(exit_code(status))
}

/// A line of index.html that only the forms bundle loads: `<!-- forms only: <link …> -->` is
/// a comment to the light bundle and the `<link …>` in forms.html, so styles of pages that
/// exist only in the forms bundle stay out of the first load.
const FORMS_ONLY: &str = "<!-- forms only: ";

/// The forms bundle's entry page is index.html with the other binary: written here, never
/// kept in git, so the two pages cannot drift apart. For a release build the files copied from
/// public/ are left out: they are served from the root (`/manifest.webmanifest`, `/pwa.js`) and
/// a second copy under /complaint/ would only be precached twice by the service worker.
fn write_forms_html(ctx: &Ctx, keep_public: bool) -> Result {
    let index = fs::read_to_string(ctx.root.join("index.html"))?;
    let light = r#"data-bin="nagrik-seva""#;
    if !index.contains(light) {
        return crate::util::fail(format!("index.html no longer has {light}"));
    }
    let forms: String = index
        .replace(light, r#"data-bin="nagrik-seva-forms""#)
        .lines()
        .filter(|line| keep_public || !line.contains(r#"rel="copy-file""#))
        .map(|line| {
            let forms_only = line.trim_start().strip_prefix(FORMS_ONLY);
            match forms_only.and_then(|rest| rest.strip_suffix(" -->")) {
                Some(link) => format!("  {link}\n"),
                None => format!("{line}\n"),
            }
        })
        .collect();
    fs::write(ctx.root.join("forms.html"), forms)?;
    Ok(())
}

pub fn dev(ctx: &Ctx) -> Result<i32> {
    setup(ctx)?;
    build_server(ctx)?;
    fs::create_dir_all(ctx.root.join(".data"))?;
    let mut api = ctx.cmd(ctx.server_bin());
    api.args([
        "serve",
        "--addr",
        "127.0.0.1:8081",
        "--db",
        ".data/dev.sqlite3",
    ]);
    let log = ctx.root.join("target/dev-server.log");
    let _server = Server::start(api, 8081, log)?;
    // The forms bundle carries every page, so one `trunk serve` covers the whole app in dev.
    write_forms_html(ctx, true)?;
    let mut trunk = ctx.cmd("trunk");
    trunk.args(["serve", "forms.html", "--port", "8080"]);
    println!("$ {}", describe(&trunk));
    let mut trunk = spawn(&mut trunk)?;
    ignore_ctrl_c();
    println!("\nNagrik Seva (dev): http://127.0.0.1:8080/  API on :8081  (Ctrl-C stops both)\n");
    let status = trunk.wait()?;
    // `_server` is dropped here, which kills the API server.
    Ok(exit_code(status))
}
