//! The app's static files: read once at start, pre-compressed, served with the right type,
//! encoding and caching, with `index.html` as the fallback for the app's own routes.

use crate::headers::{csp, new_nonce, NONCE_PLACEHOLDER};
use crate::AppState;
use axum::body::Body;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::Path;

pub const INDEX: &str = "index.html";
const IMMUTABLE: &str = "public, max-age=31536000, immutable";
const NO_CACHE: &str = "no-cache";

/// Brotli at its best quality; what both the server and `asset-report` measure.
pub fn brotli(data: &[u8]) -> Vec<u8> {
    brotli_at(data, 11)
}

/// The quality of an entry page (`.html`), compressed afresh for each response because each
/// carries its own CSP nonce. With the stylesheet inline, brotli 11 took ~200 ms per page view
/// for the largest page (21 KB of HTML); quality 5 takes ~9 ms for 0.5 KB more. The server and
/// `asset-report` both use it, so the size gate counts what is sent.
pub const ENTRY_QUALITY: i32 = 5;

fn brotli_at(data: &[u8], quality: i32) -> Vec<u8> {
    let params = brotli::enc::BrotliEncoderParams {
        quality,
        lgwin: 22,
        size_hint: data.len(),
        ..Default::default()
    };
    let mut out = Vec::with_capacity(data.len() / 3 + 64);
    brotli::BrotliCompress(&mut &data[..], &mut out, &params).expect("writing to a Vec");
    out
}

pub fn gzip(data: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(
        Vec::with_capacity(data.len() / 2 + 64),
        flate2::Compression::best(),
    );
    encoder.write_all(data).expect("writing to a Vec");
    encoder.finish().expect("writing to a Vec")
}

/// One file under dist, in every encoding it is served in.
pub struct Asset {
    pub raw: Vec<u8>,
    pub gzip: Vec<u8>,
    pub brotli: Vec<u8>,
}

impl Asset {
    pub fn new(raw: Vec<u8>) -> Self {
        Self {
            gzip: gzip(&raw),
            brotli: brotli(&raw),
            raw,
        }
    }

    /// A file at `path`: an entry page is compressed as each response will be.
    pub fn at(path: &str, raw: Vec<u8>) -> Self {
        if path.ends_with(".html") {
            Self {
                gzip: gzip(&raw),
                brotli: brotli_at(&raw, ENTRY_QUALITY),
                raw,
            }
        } else {
            Self::new(raw)
        }
    }
}

/// Every file under `dir`, keyed by its path relative to `dir` with `/` separators.
pub fn read_dir_files(dir: &Path) -> io::Result<BTreeMap<String, Vec<u8>>> {
    fn walk(dir: &Path, prefix: &str, out: &mut BTreeMap<String, Vec<u8>>) -> io::Result<()> {
        for entry in std::fs::read_dir(dir)? {
            let entry = entry?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let key = format!("{prefix}{name}");
            if entry.file_type()?.is_dir() {
                walk(&entry.path(), &format!("{key}/"), out)?;
            } else {
                out.insert(key, std::fs::read(entry.path())?);
            }
        }
        Ok(())
    }
    let mut out = BTreeMap::new();
    walk(dir, "", &mut out)?;
    Ok(out)
}

/// Compresses files on all cores: brotli 11 on a multi-megabyte wasm takes seconds.
pub fn compress_all(files: BTreeMap<String, Vec<u8>>) -> BTreeMap<String, Asset> {
    let workers = std::thread::available_parallelism().map_or(1, usize::from);
    let mut buckets: Vec<Vec<(String, Vec<u8>)>> = (0..workers).map(|_| Vec::new()).collect();
    // Largest first, round-robin, so no worker is left with all the big files.
    let mut files: Vec<_> = files.into_iter().collect();
    files.sort_by_key(|(_, data)| std::cmp::Reverse(data.len()));
    for (i, file) in files.into_iter().enumerate() {
        buckets[i % workers].push(file);
    }
    std::thread::scope(|scope| {
        let handles: Vec<_> = buckets
            .into_iter()
            .map(|bucket| {
                scope.spawn(move || {
                    bucket
                        .into_iter()
                        .map(|(path, raw)| {
                            let asset = Asset::at(&path, raw);
                            (path, asset)
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("compression does not panic"))
            .collect()
    })
}

pub struct Assets {
    files: BTreeMap<String, Asset>,
    /// Each entry page as text, by its path in dist, so each response can carry its own nonce:
    /// `index.html` (the light bundle), `<section>/index.html` (another bundle, answering every
    /// deep link under `/<section>/`) and `<page>.html` (answering `/<page>` itself).
    entries: BTreeMap<String, String>,
}

impl Assets {
    pub fn load(dir: &Path) -> io::Result<Self> {
        let files = compress_all(read_dir_files(dir)?);
        let entries = files
            .iter()
            .filter(|(path, _)| path.ends_with(".html"))
            .map(|(path, asset)| {
                (
                    path.clone(),
                    String::from_utf8_lossy(&asset.raw).into_owned(),
                )
            })
            .collect();
        Ok(Self { files, entries })
    }

    /// The entry page for a path, the way static hosts answer one: `/<page>` by `<page>.html`
    /// if the build has one (a service's start page is the light bundle's), else by the folder
    /// named by its first segment (`<section>/index.html`), else the app's `index.html`.
    fn entry_for(&self, path: &str) -> Option<&String> {
        let trimmed = path.trim_end_matches('/');
        let first = trimmed.split('/').next().unwrap_or("");
        let page = (!trimmed.contains('/') && !first.is_empty())
            .then(|| self.entries.get(&format!("{first}.html")))
            .flatten();
        self.entries
            .get(trimmed)
            .or(page)
            .or_else(|| self.entries.get(&format!("{first}/{INDEX}")))
            .or_else(|| self.entries.get(INDEX))
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}

pub fn content_type(path: &str) -> &'static str {
    let ext = path.rsplit_once('.').map_or("", |(_, ext)| ext);
    match ext.to_ascii_lowercase().as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "wasm" => "application/wasm",
        "webmanifest" => "application/manifest+json",
        "json" | "map" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "txt" => "text/plain; charset=utf-8",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        _ => "application/octet-stream",
    }
}

/// True when the file name carries Trunk's content hash (`name-<hex>` before `.` or `_bg`), so
/// a new build always has a new name and the old one can be cached forever.
pub fn is_hashed(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    if is_service_worker(name) || name == INDEX || name == "manifest.webmanifest" {
        return false;
    }
    // Trunk hashes file names and, for wasm-bindgen snippets, directory names.
    path.split('/').any(|segment| {
        let stem = segment.split('.').next().unwrap_or(segment);
        stem.split('-').skip(1).any(|part| {
            let hex = part.split('_').next().unwrap_or(part);
            // Trunk prints a u64 in hex without padding: 16 digits, rarely a few fewer.
            (12..=16).contains(&hex.len())
                && hex
                    .bytes()
                    .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        })
    })
}

/// A service worker must be re-checked on every load, or a broken one could never be replaced.
fn is_service_worker(name: &str) -> bool {
    name.starts_with("sw.") || name.starts_with("sw-") || name.contains("service-worker")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Brotli,
    Gzip,
    Identity,
}

/// br > gzip > identity, honouring `q=0` as a refusal.
pub fn choose_encoding(headers: &HeaderMap) -> Encoding {
    let (mut br, mut gz) = (false, false);
    for value in headers.get_all(header::ACCEPT_ENCODING) {
        let Ok(value) = value.to_str() else { continue };
        for item in value.split(',') {
            let mut parts = item.split(';');
            let name = parts.next().unwrap_or("").trim().to_ascii_lowercase();
            let refused = parts.any(|p| {
                p.trim()
                    .strip_prefix("q=")
                    .and_then(|q| q.trim().parse::<f32>().ok())
                    == Some(0.0)
            });
            if refused {
                continue;
            }
            match name.as_str() {
                "br" => br = true,
                "gzip" | "x-gzip" => gz = true,
                "*" => (br, gz) = (true, true),
                _ => {}
            }
        }
    }
    if br {
        Encoding::Brotli
    } else if gz {
        Encoding::Gzip
    } else {
        Encoding::Identity
    }
}

fn encoded_response(
    raw: &[u8],
    gzip: &[u8],
    brotli: &[u8],
    encoding: Encoding,
    content_type: &'static str,
    cache: &'static str,
) -> Response {
    // Compressing a PNG can make it larger; then identity is the better answer.
    let (body, name) = match encoding {
        Encoding::Brotli if brotli.len() < raw.len() => (brotli, Some("br")),
        Encoding::Gzip if gzip.len() < raw.len() => (gzip, Some("gzip")),
        _ => (raw, None),
    };
    let mut response = Response::new(Body::from(body.to_vec()));
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    headers.insert(header::VARY, HeaderValue::from_static("Accept-Encoding"));
    if let Some(name) = name {
        headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static(name));
    }
    response
}

fn index_response(template: &str, encoding: Encoding) -> Response {
    let nonce = new_nonce();
    let html = template.replace(NONCE_PLACEHOLDER, &nonce);
    let (gz, br) = match encoding {
        Encoding::Brotli => (Vec::new(), brotli_at(html.as_bytes(), ENTRY_QUALITY)),
        Encoding::Gzip => (gzip(html.as_bytes()), Vec::new()),
        Encoding::Identity => (Vec::new(), Vec::new()),
    };
    let mut response = encoded_response(
        html.as_bytes(),
        &gz,
        &br,
        encoding,
        content_type(INDEX),
        NO_CACHE,
    );
    let policy = HeaderValue::from_str(&csp(Some(&nonce))).expect("CSP is ASCII");
    response
        .headers_mut()
        .insert(header::CONTENT_SECURITY_POLICY, policy);
    response
}

/// The fallback for every non-API path: a file from dist, else index.html so that a deep
/// link such as `/complaint/about-you` survives a reload.
pub async fn serve(
    State(state): State<AppState>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    if method != Method::GET && method != Method::HEAD {
        let mut response = (StatusCode::METHOD_NOT_ALLOWED, "Method not allowed\n").into_response();
        response
            .headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return response;
    }
    let Some(assets) = state.assets.as_deref() else {
        return not_built(&state.config.dist);
    };
    let encoding = choose_encoding(&headers);
    let path = uri.path().trim_start_matches('/');
    // Entry pages always go through `entry_for`, which fills in the nonce.
    if !path.is_empty() && !path.ends_with(".html") {
        if let Some(asset) = assets.files.get(path) {
            let cache = if is_hashed(path) { IMMUTABLE } else { NO_CACHE };
            return encoded_response(
                &asset.raw,
                &asset.gzip,
                &asset.brotli,
                encoding,
                content_type(path),
                cache,
            );
        }
    }
    match assets.entry_for(path) {
        Some(template) => index_response(template, encoding),
        None => not_built(&state.config.dist),
    }
}

fn not_built(dist: &Path) -> Response {
    let message = format!(
        "The Nagrik Seva app has not been built: {} has no index.html.\n\
         Build the app first (trunk build), then restart nagrik-server. The API under /api/v1 \
         is running.\n",
        dist.display()
    );
    let mut response = (StatusCode::SERVICE_UNAVAILABLE, message).into_response();
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_path_gets_its_bundles_entry_page() {
        let entries = [
            "index.html",
            "complaint.html",
            "complaint/index.html",
            "status/index.html",
        ]
        .map(|p| (p.to_owned(), p.to_owned()))
        .into();
        let assets = Assets {
            files: BTreeMap::new(),
            entries,
        };
        for (path, entry) in [
            ("", "index.html"),
            ("helplines", "index.html"),
            ("complaint", "complaint.html"),
            ("complaint/", "complaint.html"),
            ("complaint/what-happened", "complaint/index.html"),
            (
                "complaint/confirmation/BR-CMP-2026-000001",
                "complaint/index.html",
            ),
            ("status", "status/index.html"),
            ("status/BR-CMP-2026-000001", "status/index.html"),
            ("nope/deeper", "index.html"),
            ("complaint.html", "complaint.html"),
            ("status/index.html", "status/index.html"),
        ] {
            assert_eq!(
                assets.entry_for(path).map(String::as_str),
                Some(entry),
                "{path}"
            );
        }
    }

    #[test]
    fn trunk_hashes_are_recognised() {
        assert!(is_hashed("nagrik-seva-3f2a9c1d2e4b5a6f_bg.wasm"));
        assert!(is_hashed("nagrik-seva-3f2a9c1d2e4b5a6f.js"));
        assert!(is_hashed("main-0123456789abcdef.css"));
        assert!(is_hashed(
            "snippets/nagrik-seva-0123456789abcdef/inline0.js"
        ));
        assert!(!is_hashed("index.html"));
        assert!(!is_hashed("sw.js"));
        assert!(!is_hashed("manifest.webmanifest"));
        assert!(!is_hashed("icons/icon-192.png"));
        assert!(!is_hashed("nagrik-seva.js"));
    }

    #[test]
    fn encoding_prefers_brotli_and_respects_refusals() {
        let pick = |value: &str| {
            let mut h = HeaderMap::new();
            h.insert(
                header::ACCEPT_ENCODING,
                HeaderValue::from_str(value).unwrap(),
            );
            choose_encoding(&h)
        };
        assert_eq!(pick("gzip, deflate, br"), Encoding::Brotli);
        assert_eq!(pick("gzip"), Encoding::Gzip);
        assert_eq!(pick("br;q=0, gzip"), Encoding::Gzip);
        assert_eq!(pick("identity"), Encoding::Identity);
        assert_eq!(choose_encoding(&HeaderMap::new()), Encoding::Identity);
    }

    #[test]
    fn content_types() {
        assert_eq!(content_type("a_bg.wasm"), "application/wasm");
        assert_eq!(
            content_type("manifest.webmanifest"),
            "application/manifest+json"
        );
        assert!(content_type("a.js").starts_with("text/javascript"));
    }
}
