//! `cargo xtask run` (release build served by the reference server) and `cargo xtask dev`
//! (trunk serve with live reload, proxying /api/ to the server).

use crate::setup::{setup, RELEASE_TOOLCHAIN};
use crate::util::{describe, exit_code, fail, ignore_ctrl_c, run, spawn, Ctx, Result, Server};
use std::fs;
use std::process::Command;

/// Builds the app in release mode and the server, the steps `run`, `test` and `bench` share.
pub fn build_release(ctx: &Ctx) -> Result {
    build_app(ctx)?;
    build_server(ctx)
}

/// The app's four bundles, each carrying one or more families of pages (see
/// `nagrik_seva::bundle`): the light one (`light.html`, written from `index.html` like the
/// others → `dist/`), the first load, which also answers each service's start page
/// (`dist/<slug>.html`); the status bundle (`lookup.html` → `dist/status/`), what a slip's QR
/// code opens; the records bundle (`records.html` → `dist/fir-copy/`), the FIR copy and the
/// station directory; and the forms bundle (`forms.html` → `dist/complaint/`), loaded when a
/// citizen presses Start. The light one goes first: Trunk replaces its whole `dist/` when it
/// finishes. Each entry page gets its stylesheets inline and loads its bundle after the first
/// paint (`write_bundle_html`, `paint_first`). Then `dist/sw.js`, the service worker that
/// precaches all four (see `pwa.rs`).
pub fn build_app(ctx: &Ctx) -> Result {
    write_bundle_html(ctx, &LIGHT, Build::Release)?;
    run(trunk_release(ctx)?.args(["build", LIGHT.html, "--release"]))?;
    minify_glue(ctx, &ctx.root.join("dist"), LIGHT.bin)?;
    paint_first(&ctx.root.join("dist/index.html"))?;
    strip_line_comments(&ctx.root.join("dist/pwa.js"))?;
    for bundle in BUNDLES.iter().filter(|b| b.bin != LIGHT.bin) {
        write_bundle_html(ctx, bundle, Build::Release)?;
        run(trunk_release(ctx)?.args([
            "build",
            bundle.html,
            "--release",
            "--dist",
            &format!("dist/{}", bundle.home),
            "--public-url",
            &format!("/{}/", bundle.home),
        ]))?;
        let dir = ctx.root.join("dist").join(bundle.home);
        minify_glue(ctx, &dir, bundle.bin)?;
        // The server (and the service worker, offline) answers /<section>/... with that
        // folder's copy of the bundle's entry page.
        let entry = dir.join("index.html");
        paint_first(&entry)?;
        for section in (bundle.sections)().filter(|s| *s != bundle.home) {
            let dir = ctx.root.join("dist").join(section);
            fs::create_dir_all(&dir)?;
            fs::copy(&entry, dir.join("index.html"))?;
        }
    }
    // A start page is the light bundle's: `/<slug>` is answered by `<slug>.html`, the way
    // static hosts answer a path without a trailing slash.
    for slug in start_pages() {
        fs::copy(
            ctx.root.join("dist/index.html"),
            ctx.root.join(format!("dist/{slug}.html")),
        )?;
    }
    for bundle in BUNDLES {
        check_built_by_nightly(&ctx.root.join("dist").join(bundle.home), bundle.bin)?;
    }
    // Last, so the service worker precaches exactly what this build wrote.
    crate::pwa::write_service_worker(&ctx.root.join("dist"))
}

/// The wasm-bindgen JavaScript of the bundle built into `dir`, minified in place, with the new
/// hash in its entry page's `integrity` attribute (`xtask/tools/minify-glue.mjs`, terser).
/// Trunk's own minifier gives up on it and ships it as it is: measured, about 1.5 KiB brotli
/// less in every bundle's first load.
fn minify_glue(ctx: &Ctx, dir: &std::path::Path, bin: &str) -> Result {
    let prefix = format!("{bin}-");
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.starts_with(&prefix) && name.ends_with(".js") {
            return run(ctx
                .cmd("node")
                .arg(
                    ctx.root
                        .join(crate::setup::TOOLS_NPM)
                        .join("minify-glue.mjs"),
                )
                .arg(&path)
                .arg(dir.join("index.html")));
        }
    }
    fail(format!("{}: no {prefix}*.js", dir.display()))
}

/// Fails unless the bundle's WebAssembly in `dir` was compiled by a nightly: its `producers`
/// section names the compiler. A release built with stable would still work and still fit the
/// light bundle's budget, only 9% larger, so nothing else would notice.
fn check_built_by_nightly(dir: &std::path::Path, bin: &str) -> Result {
    let prefix = format!("{bin}-");
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.starts_with(&prefix) && name.ends_with("_bg.wasm") {
            return if names_a_nightly(&fs::read(&path)?) {
                Ok(())
            } else {
                fail(format!(
                    "{}: not compiled by {RELEASE_TOOLCHAIN} (release builds go through trunk_release)",
                    path.display()
                ))
            };
        }
    }
    fail(format!("{}: no {prefix}*_bg.wasm", dir.display()))
}

/// Whether a module's bytes name a nightly rustc (`1.97.0-nightly (e50aa6fba 2026-05-19)`).
fn names_a_nightly(wasm: &[u8]) -> bool {
    wasm.windows(b"-nightly (".len())
        .any(|w| w == b"-nightly (")
}

/// `trunk` for a release build: cargo runs the pinned nightly ([`RELEASE_TOOLCHAIN`]), which
/// compiles the standard library with the bundle's own profile (`-Zbuild-std`) and makes a
/// panic abort at once instead of formatting a message no citizen sees
/// (`-Cpanic=immediate-abort`). Measured on the three bundles, brotli of the wasm: light
/// 132.8 → 120.8 KiB, status 227.4 → 208.4, forms 409.5 → 385.0. The wasm32 flags of
/// `.cargo/config.toml` are kept: the variable set here replaces them.
pub fn trunk_release(ctx: &Ctx) -> Result<Command> {
    let config = fs::read_to_string(ctx.root.join(".cargo/config.toml"))?;
    let Some(mut flags) = wasm_rustflags(&config) else {
        return fail(".cargo/config.toml has no [target.wasm32-unknown-unknown] rustflags");
    };
    flags.extend(RELEASE_RUSTFLAGS.iter().map(|f| f.to_string()));
    let mut trunk = ctx.cmd("trunk");
    trunk
        .env("RUSTUP_TOOLCHAIN", RELEASE_TOOLCHAIN)
        .env("CARGO_UNSTABLE_BUILD_STD", "std,panic_abort")
        .env(
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS",
            flags.join(" "),
        );
    Ok(trunk)
}

const RELEASE_RUSTFLAGS: &[&str] = &["-Zunstable-options", "-Cpanic=immediate-abort"];

/// The `rustflags` of `[target.wasm32-unknown-unknown]` in a `.cargo/config.toml` (one line,
/// a list of quoted strings).
fn wasm_rustflags(config: &str) -> Option<Vec<String>> {
    let section = config.split("[target.wasm32-unknown-unknown]").nth(1)?;
    let line = section
        .lines()
        .take_while(|l| !l.trim_start().starts_with('['))
        .find_map(|l| l.trim().strip_prefix("rustflags"))?;
    let list = line.trim_start().strip_prefix('=')?.trim();
    let inner = list.strip_prefix('[')?.strip_suffix(']')?;
    Some(
        inner
            .split(',')
            .map(|f| f.trim().trim_matches('"').to_string())
            .filter(|f| !f.is_empty())
            .collect(),
    )
}

/// What Trunk's loader awaits before it fetches the WebAssembly: the start of the second frame,
/// so the entry page's own text (header and lead, the largest thing on screen) is painted
/// first instead of sharing a slow line with the bundle. A hidden tab paints no frames, so a
/// timer starts it there.
const AFTER_PAINT: &str = "await new Promise(r=>{requestAnimationFrame(()=>\
     requestAnimationFrame(()=>setTimeout(r)));setTimeout(r,500)});";

/// Trunk preloads the bundle from `<head>` (`<link rel=preload as=fetch … .wasm>`) and fetches
/// it as soon as the loader runs; on a phone on a slow network that download competes with the
/// page's first paint (Lighthouse's LCP counts every request started before it). The entry page
/// is rewritten so the download starts after the first paint. Fails if Trunk's output changes
/// shape, rather than quietly shipping the old order.
fn paint_first(path: &std::path::Path) -> Result {
    let html = fs::read_to_string(path)?;
    match without_early_wasm(&html) {
        Some(lean) => Ok(fs::write(path, lean)?),
        None => crate::util::fail(format!(
            "{}: Trunk's wasm preload or loader is not where paint_first expects it",
            path.display()
        )),
    }
}

fn without_early_wasm(html: &str) -> Option<String> {
    let at = html.find("type=application/wasm>")?;
    let start = html[..at].rfind("<link ")?;
    let end = at + "type=application/wasm>".len();
    let rest = format!("{}{}", &html[..start], &html[end..]);
    let init = "const wasm = await init(";
    (rest.matches(init).count() == 1).then(|| rest.replace(init, &format!("{AFTER_PAINT}\n{init}")))
}

/// `public/pwa.js` explains itself in comments; phones need none of them (−1.1 KiB brotli of
/// the first load). Whole-line `//` comments, blank lines and indentation go; the file is ES5
/// without template literals, so no string spans lines.
fn strip_line_comments(path: &std::path::Path) -> Result {
    let source = fs::read_to_string(path)?;
    let lean: String = source
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with("//"))
        .map(|line| format!("{line}\n"))
        .collect();
    fs::write(path, lean)?;
    Ok(())
}

/// A bundle built from its own entry page, written from `index.html` with another binary.
pub struct Bundle {
    /// What `index.html`'s `<!-- only in … -->` lines call it (see [`ONLY_IN`]).
    name: &'static str,
    /// The binary (`src/bin/…`) Trunk builds.
    bin: &'static str,
    /// The entry page xtask writes (never kept in git).
    html: &'static str,
    /// The folder under `dist/` it is built into.
    pub home: &'static str,
    /// The first path segments whose pages it answers.
    pub sections: fn() -> Box<dyn Iterator<Item = &'static str>>,
}

/// Every bundle, in the order they are built (the light one first, see [`build_app`]).
const BUNDLES: [Bundle; 4] = [LIGHT, LOOKUP, RECORDS, FORMS];

/// The first load: home, each service's start page, helplines (built into `dist/` itself).
const LIGHT: Bundle = Bundle {
    name: "light",
    bin: "nagrik-seva",
    html: "light.html",
    home: "",
    sections: || Box::new(std::iter::empty()),
};

/// Following a filing: the status lookup and each case's timeline.
pub const LOOKUP: Bundle = Bundle {
    name: "status",
    bin: "nagrik-seva-lookup",
    html: "lookup.html",
    home: "status",
    sections: || Box::new(["status"].into_iter()),
};

/// The pages that read the district and station lists: the FIR copy and the police-station
/// directory.
pub const RECORDS: Bundle = Bundle {
    name: "records",
    bin: "nagrik-seva-records",
    html: "records.html",
    home: "fir-copy",
    sections: || Box::new(["fir-copy", "police-stations"].into_iter()),
};

/// The steps of every declared service (the bundle carries every page, so a journey never
/// reloads on its way to the status or FIR pages).
pub const FORMS: Bundle = Bundle {
    name: "forms",
    bin: "nagrik-seva-forms",
    html: "forms.html",
    home: "complaint",
    sections: || Box::new(contract::services::ALL.into_iter().map(|s| s.slug())),
};

/// The services whose start page the light bundle answers (`dist/<slug>.html`).
pub fn start_pages() -> impl Iterator<Item = &'static str> {
    contract::services::ALL.into_iter().map(|s| s.slug())
}

/// Every page a citizen can land on, as its entry page's path in `dist`: the light bundle's
/// (the home page, which also answers helplines, and each service's start page) and the status
/// and records bundles' (a form's steps are reached from a start page, not landed on).
pub fn entry_pages() -> impl Iterator<Item = String> {
    let light =
        std::iter::once("index.html".to_owned()).chain(start_pages().map(|s| format!("{s}.html")));
    let others = [LOOKUP, RECORDS]
        .into_iter()
        .flat_map(|b| (b.sections)().map(|s| format!("{s}/index.html")));
    light.chain(others)
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

/// A line of index.html for some bundles only: `<!-- only in status, forms: <link …> -->` is
/// the `<link …>` in those bundles' entry pages and a comment in the others', so each entry
/// page carries the styles of its own pages and no others (they are inline in it).
const ONLY_IN: &str = "<!-- only in ";

/// What a line of index.html is in `bundle`'s entry page: itself, or for an [`ONLY_IN`] line
/// the element it names, if `bundle` is one of those it names. A name that is no bundle's
/// fails, so a typo cannot leave a stylesheet out unnoticed.
fn line_for(line: &str, bundle: &Bundle) -> Result<Option<String>> {
    let Some(rest) = line.trim_start().strip_prefix(ONLY_IN) else {
        return Ok(Some(line.to_owned()));
    };
    let Some((names, element)) = rest.strip_suffix(" -->").and_then(|r| r.split_once(": ")) else {
        return fail(format!(
            "index.html: {line:?} is not `{ONLY_IN}<bundles>: <element> -->`"
        ));
    };
    let mut wanted = false;
    for name in names.split(", ") {
        if !BUNDLES.iter().any(|b| b.name == name) {
            return fail(format!("index.html: {line:?} names no bundle {name:?}"));
        }
        wanted |= name == bundle.name;
    }
    Ok(wanted.then(|| format!("  {element}")))
}

/// What an entry page is written for.
#[derive(Clone, Copy, PartialEq)]
enum Build {
    /// `cargo xtask dev`: Trunk serves the page and watches each stylesheet on its own.
    Dev,
    /// A release build: the bundle's stylesheets in the entry page itself, so a phone on a
    /// slow line paints with the HTML alone instead of waiting for six or ten more requests;
    /// and no second copy of the files from public/ (see below).
    Release,
}

/// A bundle's entry page is index.html with the bundle's binary: written here, never kept in
/// git, so the pages cannot drift apart. For a release build the files copied from public/ are
/// left out of all but the light bundle: they are served from the root (`/manifest.webmanifest`,
/// `/pwa.js`) and a second copy under the bundle's folder would only be precached twice by the
/// service worker.
fn write_bundle_html(ctx: &Ctx, bundle: &Bundle, build: Build) -> Result {
    let index = fs::read_to_string(ctx.root.join("index.html"))?;
    let light = r#"data-bin="nagrik-seva""#;
    if !index.contains(light) {
        return crate::util::fail(format!("index.html no longer has {light}"));
    }
    let is_light = bundle.bin == LIGHT.bin;
    let mut lines = Vec::new();
    for line in index
        .replace(light, &format!(r#"data-bin="{}""#, bundle.bin))
        .lines()
        .filter(|line| {
            is_light
                || build == Build::Dev
                || !(line.contains(r#"rel="copy-file""#) || line.contains(r#"rel="copy-dir""#))
        })
    {
        lines.extend(line_for(line, bundle)?);
    }
    let lines = match build {
        Build::Dev => lines,
        Build::Release => one_stylesheet(ctx, lines)?,
    };
    let page: String = lines.iter().map(|line| format!("{line}\n")).collect();
    fs::write(ctx.root.join(bundle.html), page)?;
    Ok(())
}

/// The stylesheet links of an entry page (`<link data-trunk rel="css" href="…">`), in their
/// order, replaced by one `<style>` element with their contents, which keeps the cascade as it
/// was. It carries Trunk's nonce placeholder, which the server swaps for the nonce its
/// Content-Security-Policy allows (see `nagrik_server::headers::csp`).
fn one_stylesheet(ctx: &Ctx, lines: Vec<String>) -> Result<Vec<String>> {
    let href_of = |line: &str| -> Option<String> {
        let line = line.trim();
        if !line.starts_with("<link data-trunk") || !line.contains(r#"rel="css""#) {
            return None;
        }
        let rest = &line[line.find(r#"href=""#)? + 6..];
        Some(rest[..rest.find('"')?].to_owned())
    };
    let mut css = String::new();
    let mut at = None;
    let mut out = Vec::with_capacity(lines.len());
    for line in lines {
        match href_of(&line) {
            Some(href) => {
                at.get_or_insert(out.len());
                let sheet = fs::read_to_string(ctx.root.join(&href))?;
                if sheet.contains("</") {
                    return crate::util::fail(format!("{href} has '</', which would end <style>"));
                }
                css.push_str(&sheet);
                css.push('\n');
            }
            None => out.push(line),
        }
    }
    let Some(at) = at else {
        return crate::util::fail("index.html has no stylesheet links to inline");
    };
    out.insert(
        at,
        format!(r#"  <style nonce="{{{{__TRUNK NONCE__}}}}">{css}</style>"#),
    );
    Ok(out)
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
    write_bundle_html(ctx, &FORMS, Build::Dev)?;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_for_some_bundles_is_an_element_in_theirs_and_nothing_in_the_others() {
        let line = r#"  <!-- only in status, forms: <link data-trunk rel="css" href="s.css"> -->"#;
        let element = r#"  <link data-trunk rel="css" href="s.css">"#;
        assert_eq!(line_for(line, &LOOKUP).unwrap().as_deref(), Some(element));
        assert_eq!(line_for(line, &FORMS).unwrap().as_deref(), Some(element));
        assert_eq!(line_for(line, &LIGHT).unwrap(), None);
        assert_eq!(line_for(line, &RECORDS).unwrap(), None);
        assert_eq!(
            line_for("  <p>hi</p>", &LIGHT).unwrap().as_deref(),
            Some("  <p>hi</p>")
        );
        assert!(line_for("  <!-- only in stauts: <link> -->", &LIGHT).is_err());
        assert!(line_for("  <!-- only in status <link> -->", &LIGHT).is_err());
    }

    #[test]
    fn every_line_for_some_bundles_in_index_html_names_real_bundles() {
        let index = fs::read_to_string(crate::util::workspace_root().join("index.html")).unwrap();
        let mut marked = 0;
        for line in index.lines().filter(|l| l.contains(ONLY_IN)) {
            marked += 1;
            for bundle in &BUNDLES {
                line_for(line, bundle).unwrap();
            }
        }
        assert!(marked > 0);
    }

    #[test]
    fn a_nightly_is_recognised_by_the_name_it_leaves_in_the_module() {
        assert!(names_a_nightly(
            b"\0asm\x01\0\0\0...\x05rustc\x251.97.0-nightly (e50aa6fba 2026-05-19)..."
        ));
        assert!(!names_a_nightly(
            b"\0asm\x01\0\0\0...\x05rustc\x0c1.95.0 (59807616e 2026-04-14)"
        ));
    }

    #[test]
    fn release_builds_keep_the_wasm_flags_of_the_cargo_config() {
        let root = crate::util::workspace_root();
        let config = fs::read_to_string(root.join(".cargo/config.toml")).unwrap();
        let flags = wasm_rustflags(&config).unwrap();
        assert_eq!(flags, ["--cfg", "erase_components"]);
        let other = "[target.x]\nrustflags = [\"a\"]\n[target.wasm32-unknown-unknown]\n\
                     rustflags = [\"--cfg\", \"b\"]\n[alias]\nx = \"y\"\n";
        assert_eq!(wasm_rustflags(other).unwrap(), ["--cfg", "b"]);
        assert_eq!(wasm_rustflags("[alias]\nx = 1\n"), None);
    }

    #[test]
    fn the_bundle_is_fetched_after_the_first_paint_and_not_preloaded() {
        let trunk = "<script nonce=n type=module>import init, * as bindings from '/a.js';\n\
                     const wasm = await init({ module_or_path: '/a_bg.wasm' });</script>\
                     <link nonce=n crossorigin href=/a.js rel=modulepreload>\
                     <link nonce=n as=fetch crossorigin href=/a_bg.wasm integrity=sha384-x \
                     rel=preload type=application/wasm></head>";
        let lean = without_early_wasm(trunk).unwrap();
        assert!(!lean.contains("a_bg.wasm integrity"), "{lean}");
        assert!(lean.contains("rel=modulepreload></head>"), "{lean}");
        let wait = lean.find(AFTER_PAINT).unwrap();
        assert!(wait < lean.find("const wasm = await init(").unwrap());
        assert!(without_early_wasm("<html></html>").is_none());
    }
}
