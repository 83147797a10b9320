//! The installable, offline-first app: writes `dist/sw.js` after every build.
//!
//! The service worker precaches every file the build produced (every bundle, each copy of its
//! entry page, icons, manifest), and its `VERSION` is a hash of all of them, so any change to the build is
//! a new worker and the old caches are dropped when it activates. The worker's behaviour lives
//! in `sw.js.template` next to this file.
//!
//! The icons (`public/icon-192.png`, `public/icon-512.png`, `public/icon-maskable-512.png`) are
//! committed, rendered once from `public/icon.svg` and `public/icon-maskable.svg` with Debian's
//! librsvg, then shrunk with pngquant (`apt-get install -y librsvg2-bin pngquant`; the
//! Devanagari glyph needs `fonts-noto-core`). `icon-192.png` is also the apple-touch-icon, so
//! it counts towards the first-load budget:
//!
//! ```sh
//! cd public
//! rsvg-convert -w 192 -h 192 icon.svg -o icon-192.png
//! rsvg-convert -w 512 -h 512 icon.svg -o icon-512.png
//! rsvg-convert -w 512 -h 512 icon-maskable.svg -o icon-maskable-512.png
//! for f in icon-192 icon-512 icon-maskable-512; do
//!   pngquant --quality 80-100 --strip --speed 1 -f -o $f.png $f.png
//! done
//! ```
//!
//! Re-run those after changing either SVG; the build itself never needs librsvg.

use crate::util::Result;
use std::fs;
use std::path::Path;

/// The worker's own file: never in its own precache.
pub const SERVICE_WORKER: &str = "sw.js";
const TEMPLATE: &str = include_str!("sw.js.template");

/// Writes `dist/sw.js` listing every file under `dist` and versioned by their contents.
pub fn write_service_worker(dist: &Path) -> Result {
    let files = precache_files(dist)?;
    let version = version(&files);
    let urls: Vec<String> = files.iter().map(|(path, _)| url_for(path)).collect();
    let script = render(&version, &urls);
    fs::write(dist.join(SERVICE_WORKER), script)?;
    println!(
        "wrote {}/{SERVICE_WORKER}: version {version}, {} files precached",
        dist.display(),
        urls.len()
    );
    Ok(())
}

/// Folders of `dist` the worker does not precache: the Devanagari web font is only for a
/// device with no Devanagari font of its own, so every other phone would download it for
/// nothing (a phone that needs it fetches it with the first Hindi page).
pub const NOT_PRECACHED: &[&str] = &[".stage", "fonts"];

/// Every file under `dir` as (path relative to `dir` with `/`, contents), sorted by path;
/// without `sw.js` itself and the folders named in [`NOT_PRECACHED`].
pub fn precache_files(dir: &Path) -> Result<Vec<(String, Vec<u8>)>> {
    fn walk(dir: &Path, prefix: &str, out: &mut Vec<(String, Vec<u8>)>) -> Result {
        for entry in fs::read_dir(dir)? {
            let entry = entry?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let path = format!("{prefix}{name}");
            if entry.file_type()?.is_dir() {
                if !NOT_PRECACHED.contains(&name.as_str()) {
                    walk(&entry.path(), &format!("{path}/"), out)?;
                }
            } else if path != SERVICE_WORKER {
                out.push((path, fs::read(entry.path())?));
            }
        }
        Ok(())
    }
    let mut out = Vec::new();
    walk(dir, "", &mut out)?;
    out.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(out)
}

/// 64-bit FNV-1a over every (path, length, contents), as 16 hex digits: a renamed, added,
/// removed or changed file changes it.
pub fn version(files: &[(String, Vec<u8>)]) -> String {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0100_0000_01b3;
    let mut hash = OFFSET;
    let mut feed = |bytes: &[u8]| {
        for &b in bytes {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(PRIME);
        }
    };
    for (path, data) in files {
        feed(path.as_bytes());
        feed(&[0]);
        feed(&(data.len() as u64).to_le_bytes());
        feed(data);
    }
    format!("{hash:016x}")
}

/// The URL path a file is served at: `/` + its path, percent-encoded outside `[A-Za-z0-9-._~/]`.
pub fn url_for(path: &str) -> String {
    let mut url = String::from("/");
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            url.push(char::from(b));
        } else {
            url.push_str(&format!("%{b:02X}"));
        }
    }
    url
}

/// The template with its two placeholders filled in; the list is valid JSON, one URL a line.
fn render(version: &str, urls: &[String]) -> String {
    let list = urls
        .iter()
        .map(|u| format!("  \"{u}\""))
        .collect::<Vec<_>>()
        .join(",\n");
    TEMPLATE
        .replace("{{VERSION}}", version)
        .replace("{{PRECACHE}}", &format!("[\n{list}\n]"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_changes_with_any_byte_or_name() {
        let a = vec![("index.html".to_owned(), b"<html>".to_vec())];
        let b = vec![("index.html".to_owned(), b"<html> ".to_vec())];
        let c = vec![("index.htm".to_owned(), b"<html>".to_vec())];
        assert_eq!(version(&a).len(), 16);
        assert_eq!(version(&a), version(&a.clone()));
        assert_ne!(version(&a), version(&b));
        assert_ne!(version(&a), version(&c));
    }

    #[test]
    fn urls_are_paths_from_the_root() {
        assert_eq!(url_for("index.html"), "/index.html");
        assert_eq!(url_for("complaint/index.html"), "/complaint/index.html");
        assert_eq!(url_for("a b.js"), "/a%20b.js");
    }

    #[test]
    fn the_fallback_font_and_trunks_work_folders_are_not_precached() {
        let dist = crate::util::TempDir::new("nagrik-precache").unwrap();
        for file in [
            "index.html",
            "complaint/index.html",
            "fonts/a.woff2",
            ".stage/x.js",
        ] {
            let path = dist.0.join(file);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, file).unwrap();
        }
        let names: Vec<String> = precache_files(&dist.0)
            .unwrap()
            .into_iter()
            .map(|(name, _)| name)
            .collect();
        assert_eq!(names, ["complaint/index.html", "index.html"]);
    }

    #[test]
    fn the_template_is_filled_in() {
        let js = render("0123456789abcdef", &["/index.html".to_owned()]);
        assert!(js.contains("const VERSION = \"0123456789abcdef\";"));
        assert!(js.contains("const PRECACHE = [\n  \"/index.html\"\n];"));
        assert!(!js.contains("{{"));
    }
}
