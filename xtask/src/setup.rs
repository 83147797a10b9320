//! `cargo xtask setup`: installs what the build and the tests need, skipping what is present.
//! Every step checks first, so running it again only prints "ok" lines.

use crate::util::{fail, output, run, Ctx, Result};
use std::fs;
use std::path::Path;
use std::time::SystemTime;

const TRUNK_VERSION: &str = "0.21.14";
const WASM_TARGET: &str = "wasm32-unknown-unknown";
/// The toolchain of release bundles (see `run::trunk_release`): a dated nightly, so every
/// machine builds the same bytes. Dev builds, tests and the server use the stable default.
pub const RELEASE_TOOLCHAIN: &str = "nightly-2026-05-20";
/// Contract fuzzing (`cargo xtask test`, layer "schemathesis"), from PyPI.
pub const SCHEMATHESIS_VERSION: &str = "4.32.5";
/// Its own Python virtual environment, so nothing is installed into the system's Python.
pub const SCHEMATHESIS_VENV: &str = "target/schemathesis-venv";

/// npm folders with a committed package.json + package-lock.json.
pub const TOOLS_NPM: &str = "xtask/tools";
pub const E2E_NPM: &str = "tests/e2e";
pub const BENCH_NPM: &str = "xtask/bench";

pub fn setup(ctx: &Ctx) -> Result {
    println!("== setup");
    wasm_target(ctx)?;
    release_toolchain(ctx)?;
    trunk(ctx)?;
    wasm_bindgen(ctx)?;
    npm_install(ctx, TOOLS_NPM)?;
    npm_install(ctx, E2E_NPM)?;
    chromium(ctx)?;
    schemathesis(ctx)?;
    Ok(())
}

fn ok(what: &str) {
    println!("ok: {what} present");
}

fn wasm_target(ctx: &Ctx) -> Result {
    let installed =
        output(ctx.cmd("rustup").args(["target", "list", "--installed"])).unwrap_or_default();
    if installed.lines().any(|l| l.trim() == WASM_TARGET) {
        ok(&format!("rust target {WASM_TARGET}"));
        return Ok(());
    }
    println!("installing rust target {WASM_TARGET}");
    run(ctx.cmd("rustup").args(["target", "add", WASM_TARGET]))
}

/// The release toolchain and its standard library's source, which release builds compile with
/// the bundle's own profile (`-Zbuild-std`), so no wasm32 target download is needed for it.
fn release_toolchain(ctx: &Ctx) -> Result {
    let components = output(ctx.cmd("rustup").args([
        "component",
        "list",
        "--installed",
        "--toolchain",
        RELEASE_TOOLCHAIN,
    ]))
    .unwrap_or_default();
    if components.lines().any(|l| l.trim() == "rust-src") {
        ok(&format!("rust toolchain {RELEASE_TOOLCHAIN} with rust-src"));
        return Ok(());
    }
    println!("installing rust toolchain {RELEASE_TOOLCHAIN} with rust-src (about 100 MB)");
    run(ctx.cmd("rustup").args([
        "toolchain",
        "install",
        RELEASE_TOOLCHAIN,
        "--profile",
        "minimal",
        "--component",
        "rust-src",
    ]))
}

fn trunk(ctx: &Ctx) -> Result {
    let version = output(ctx.cmd("trunk").arg("--version")).unwrap_or_default();
    if version.split_whitespace().any(|w| w == TRUNK_VERSION) {
        ok(&format!("trunk {TRUNK_VERSION}"));
        return Ok(());
    }
    println!("installing trunk {TRUNK_VERSION} (several minutes; found: {version:?})");
    run(ctx
        .cmd("cargo")
        .args(["install", "trunk", "--version", TRUNK_VERSION, "--locked"]))
}

/// wasm-bindgen-cli must equal the `wasm-bindgen` crate in Cargo.lock exactly, or the
/// generated JS glue does not match the compiled wasm.
fn wasm_bindgen(ctx: &Ctx) -> Result {
    let lock = ctx.root.join("Cargo.lock");
    if !lock.exists() {
        println!("Cargo.lock missing; generating it to learn the wasm-bindgen version");
        run(ctx.cmd("cargo").arg("generate-lockfile"))?;
    }
    let want = match locked_version(&fs::read_to_string(&lock)?, "wasm-bindgen") {
        Some(v) => v,
        None => return fail("Cargo.lock has no `wasm-bindgen` package"),
    };
    let have = output(ctx.cmd("wasm-bindgen").arg("--version")).unwrap_or_default();
    let runner = output(ctx.cmd("wasm-bindgen-test-runner").arg("--version")).unwrap_or_default();
    let matches = |v: &str| v.split_whitespace().nth(1) == Some(want.as_str());
    if matches(&have) && matches(&runner) {
        ok(&format!("wasm-bindgen-cli {want}"));
        return Ok(());
    }
    println!("installing wasm-bindgen-cli {want} (found: {have:?})");
    // Not --locked: the lock file shipped in wasm-bindgen-cli names a crate version that the
    // registry no longer has.
    run(ctx
        .cmd("cargo")
        .args(["install", "wasm-bindgen-cli", "--version", &want]))
}

/// The version of package `name` in a Cargo.lock.
fn locked_version(lock: &str, name: &str) -> Option<String> {
    let wanted = format!("name = \"{name}\"");
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == wanted {
            let version = lines.next()?.trim().strip_prefix("version = ")?;
            return Some(version.trim_matches('"').to_string());
        }
    }
    None
}

/// `npm ci` when node_modules is missing or older than the lock file.
pub fn npm_install(ctx: &Ctx, dir: &str) -> Result {
    let folder = ctx.root.join(dir);
    let lock = folder.join("package-lock.json");
    // npm rewrites this file on every install, so its age is the age of node_modules.
    let marker = folder.join("node_modules/.package-lock.json");
    let fresh = match (modified(&marker), modified(&lock)) {
        (Some(installed), Some(locked)) => installed >= locked,
        _ => false,
    };
    if fresh {
        ok(&format!("npm packages in {dir}"));
        return Ok(());
    }
    let verb = if lock.exists() { "ci" } else { "install" };
    println!("installing npm packages in {dir} (npm {verb})");
    let mut cmd = ctx.cmd("npm");
    cmd.current_dir(&folder)
        .args([verb, "--no-audit", "--no-fund"]);
    run(&mut cmd)
}

fn modified(path: &Path) -> Option<SystemTime> {
    fs::metadata(path).ok()?.modified().ok()
}

/// Debian's chromium and chromedriver: Playwright's and Puppeteer's own browser downloads are
/// unreachable from these machines.
fn chromium(ctx: &Ctx) -> Result {
    if Path::new("/usr/bin/chromium").exists() && Path::new("/usr/bin/chromedriver").exists() {
        ok("chromium + chromedriver (/usr/bin)");
        return Ok(());
    }
    println!("installing chromium and chromium-driver with apt-get");
    run(ctx.cmd("apt-get").arg("update"))?;
    run(ctx
        .cmd("apt-get")
        .args(["install", "-y", "chromium", "chromium-driver"])
        .env("DEBIAN_FRONTEND", "noninteractive"))
}

/// The schemathesis program in its virtual environment.
pub fn schemathesis_bin(ctx: &Ctx) -> std::path::PathBuf {
    ctx.root.join(SCHEMATHESIS_VENV).join("bin/schemathesis")
}

/// Schemathesis, pinned, in a virtual environment under `target/` (`python3 -m venv`, then its
/// own pip): the machines reach PyPI, and a venv needs no root and leaves the system alone.
pub fn schemathesis(ctx: &Ctx) -> Result {
    let venv = ctx.root.join(SCHEMATHESIS_VENV);
    let have = output(ctx.cmd(schemathesis_bin(ctx)).arg("--version")).unwrap_or_default();
    if have.split_whitespace().last() == Some(SCHEMATHESIS_VERSION) {
        ok(&format!(
            "schemathesis {SCHEMATHESIS_VERSION} ({SCHEMATHESIS_VENV})"
        ));
        return Ok(());
    }
    let python = venv.join("bin/python");
    if !python.exists() {
        println!("creating a Python virtual environment in {SCHEMATHESIS_VENV}");
        run(ctx.cmd("python3").args(["-m", "venv"]).arg(&venv))?;
    }
    println!("installing schemathesis {SCHEMATHESIS_VERSION} from PyPI (found: {have:?})");
    run(ctx.cmd(&python).args([
        "-m",
        "pip",
        "install",
        "--disable-pip-version-check",
        "--quiet",
        &format!("schemathesis=={SCHEMATHESIS_VERSION}"),
    ]))
}

#[cfg(test)]
mod tests {
    use super::locked_version;

    #[test]
    fn reads_a_package_version_from_cargo_lock() {
        let lock = "[[package]]\nname = \"wasm-bindgen\"\nversion = \"0.2.130\"\n\
                    [[package]]\nname = \"wasm-bindgen-test\"\nversion = \"0.3.80\"\n";
        assert_eq!(
            locked_version(lock, "wasm-bindgen").as_deref(),
            Some("0.2.130")
        );
        assert_eq!(
            locked_version(lock, "wasm-bindgen-test").as_deref(),
            Some("0.3.80")
        );
        assert_eq!(locked_version(lock, "leptos"), None);
    }
}
