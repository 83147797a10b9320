//! `asset-report`: what each file in dist costs over the wire, and whether the first load
//! (index.html and everything it pulls in) fits the budget that low-end phones need, and so
//! does every other entry page named with `--entry` (a page a citizen can land on).

use crate::assets::{self, Asset, INDEX};
use crate::BoxError;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::ExitCode;

#[derive(Debug, Serialize)]
pub struct FileSizes {
    pub path: String,
    pub raw: usize,
    pub gzip: usize,
    pub brotli: usize,
}

#[derive(Debug, Serialize)]
pub struct Report {
    pub files: Vec<FileSizes>,
    /// index.html first, then what it references, in name order.
    pub first_load_files: Vec<String>,
    pub first_load_brotli_bytes: usize,
    pub first_load_brotli_kib: f64,
    pub budget_kib: f64,
    /// Every entry page measured: index.html, then the ones asked for.
    pub entries: Vec<EntryLoad>,
    /// Whether every entry page fits the budget.
    pub within_budget: bool,
}

/// One entry page and what it pulls in.
#[derive(Debug, Serialize)]
pub struct EntryLoad {
    pub entry: String,
    pub files: Vec<String>,
    pub brotli_bytes: usize,
    pub brotli_kib: f64,
    pub within_budget: bool,
}

fn entry_load(
    files: &BTreeMap<String, Asset>,
    entry: &str,
    budget_kib: f64,
) -> Result<EntryLoad, BoxError> {
    let page = files
        .get(entry)
        .ok_or_else(|| format!("dist has no {entry}: build the app first"))?;
    let html = String::from_utf8_lossy(&page.raw);
    let mut load = vec![entry.to_owned()];
    load.extend(
        referenced_paths(&html, |p| files.contains_key(p))
            .into_iter()
            .filter(|p| p != entry),
    );
    let brotli_bytes: usize = load
        .iter()
        .filter_map(|p| files.get(p))
        .map(|a| a.brotli.len())
        .sum();
    let brotli_kib = brotli_bytes as f64 / 1024.0;
    Ok(EntryLoad {
        entry: entry.to_owned(),
        files: load,
        brotli_bytes,
        brotli_kib,
        within_budget: brotli_kib <= budget_kib,
    })
}

/// Local paths (relative to dist) that `index_html` refers to: attribute values and any
/// quoted `/…` URL, such as the `.wasm` path inside Trunk's inline loader script. The page's
/// inline stylesheet is read as a linked stylesheet was: its only URL is the fallback web font,
/// which a browser fetches only when no system font has Devanagari (page-weight.spec.ts
/// measures what a phone transfers).
pub fn referenced_paths(index_html: &str, exists: impl Fn(&str) -> bool) -> BTreeSet<String> {
    let index_html = &without_style_elements(index_html);
    let mut found = BTreeSet::new();
    let mut consider = |candidate: &str| {
        let path = candidate
            .split(['?', '#'])
            .next()
            .unwrap_or("")
            .trim_start_matches("./")
            .trim_start_matches('/');
        if !path.is_empty() && path != INDEX && exists(path) {
            found.insert(path.to_owned());
        }
    };
    let bytes = index_html.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        let opens = matches!(b, b'"' | b'\'' | b'`' | b'(');
        if opens && bytes.get(i + 1) == Some(&b'/') && bytes.get(i + 2) != Some(&b'/') {
            let rest = &index_html[i + 1..];
            let end = rest
                .find(|c: char| matches!(c, '"' | '\'' | '`' | ')' | '>') || c.is_whitespace())
                .unwrap_or(rest.len());
            consider(&rest[..end]);
        }
    }
    // Attribute values, quoted or not (a minified page writes `href=main.css`); relative ones
    // resolve against the root, where index is.
    for attr in ["href=", "src="] {
        for (at, _) in index_html.match_indices(attr) {
            let rest = &index_html[at + attr.len()..];
            let (value, ends): (&str, &[char]) = match rest.chars().next() {
                Some('"') => (&rest[1..], &['"']),
                Some('\'') => (&rest[1..], &['\'']),
                _ => (rest, &[' ', '\t', '\n', '\r', '>']),
            };
            let value = &value[..value.find(ends).unwrap_or(value.len())];
            if !value.contains(':') {
                consider(value);
            }
        }
    }
    found
}

fn without_style_elements(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find("<style") {
        out.push_str(&rest[..open]);
        match rest[open..].find("</style>") {
            Some(close) => rest = &rest[open + close + "</style>".len()..],
            None => return out,
        }
    }
    out.push_str(rest);
    out
}

pub fn build(
    files: &BTreeMap<String, Asset>,
    budget_kib: f64,
    entries: &[String],
) -> Result<Report, BoxError> {
    let mut loads = vec![entry_load(files, INDEX, budget_kib)?];
    for entry in entries.iter().filter(|e| *e != INDEX) {
        loads.push(entry_load(files, entry, budget_kib)?);
    }
    let first = &loads[0];
    Ok(Report {
        files: files
            .iter()
            .map(|(path, a)| FileSizes {
                path: path.clone(),
                raw: a.raw.len(),
                gzip: a.gzip.len(),
                brotli: a.brotli.len(),
            })
            .collect(),
        first_load_files: first.files.clone(),
        first_load_brotli_bytes: first.brotli_bytes,
        first_load_brotli_kib: first.brotli_kib,
        budget_kib,
        within_budget: loads.iter().all(|l| l.within_budget),
        entries: loads,
    })
}

pub fn run(
    dist: &Path,
    budget_kib: f64,
    entries: &[String],
    json: Option<&Path>,
) -> Result<ExitCode, BoxError> {
    let files = assets::read_dir_files(dist)
        .map_err(|err| format!("cannot read {}: {err}", dist.display()))?;
    let report = build(&assets::compress_all(files), budget_kib, entries)?;
    let width = report
        .files
        .iter()
        .map(|f| f.path.len())
        .max()
        .unwrap_or(4)
        .max(4);
    println!(
        "{:<width$}  {:>10}  {:>10}  {:>10}",
        "file", "raw", "gzip", "brotli"
    );
    for f in &report.files {
        let mark = if report.first_load_files.contains(&f.path) {
            " *"
        } else {
            ""
        };
        println!(
            "{:<width$}  {:>10}  {:>10}  {:>10}{mark}",
            f.path, f.raw, f.gzip, f.brotli
        );
    }
    println!("(* = part of the first load)");
    println!(
        "first-load: {:.1} KiB brotli (budget {} KiB)",
        report.first_load_brotli_kib, report.budget_kib
    );
    for load in &report.entries[1..] {
        println!(
            "entry {}: {:.1} KiB brotli (budget {} KiB)",
            load.entry, load.brotli_kib, report.budget_kib
        );
    }
    if let Some(path) = json {
        std::fs::write(path, serde_json::to_string_pretty(&report)?)
            .map_err(|err| format!("cannot write {}: {err}", path.display()))?;
    }
    for load in report.entries.iter().filter(|l| !l.within_budget) {
        eprintln!(
            "{} loads over budget by {:.1} KiB",
            load.entry,
            load.brotli_kib - report.budget_kib
        );
    }
    Ok(if report.within_budget {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_inline_stylesheet_is_read_as_a_linked_one_was() {
        let html = r#"<style nonce="n">@font-face{src:local("X"),url(/fonts/f.woff2)}</style>
<link href=/app.css rel=stylesheet>"#;
        let found = referenced_paths(html, |_| true);
        assert_eq!(found, ["app.css".to_owned()].into_iter().collect());
    }

    #[test]
    fn reads_a_minified_page_with_unquoted_attributes() {
        let html = "<link href=/base-0123456789abcdef.css rel=stylesheet><link href=card.css rel=stylesheet>\
<script defer src=/pwa.js></script><link href=https://example.org/x.css rel=stylesheet>";
        let found: Vec<_> = referenced_paths(html, |_| true).into_iter().collect();
        assert_eq!(found, ["base-0123456789abcdef.css", "card.css", "pwa.js"]);
    }

    #[test]
    fn finds_links_scripts_and_the_wasm_in_the_loader() {
        let html = r#"<link rel="stylesheet" href="/main-0123456789abcdef.css" integrity="x">
<link rel="modulepreload" href="/app-0123456789abcdef.js">
<link rel="manifest" href="manifest.webmanifest">
<script type="module" nonce="{{__TRUNK NONCE__}}">
import init, * as bindings from '/app-0123456789abcdef.js';
const wasm = await init({ module_or_path: '/app-0123456789abcdef_bg.wasm' });
</script><a href="https://example.org/x.js">x</a><a href="/missing.js">"#;
        let exists = |p: &str| !p.starts_with("missing");
        let found: Vec<_> = referenced_paths(html, exists).into_iter().collect();
        assert_eq!(
            found,
            [
                "app-0123456789abcdef.js",
                "app-0123456789abcdef_bg.wasm",
                "main-0123456789abcdef.css",
                "manifest.webmanifest"
            ]
        );
    }
}
