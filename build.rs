//! Turns `locales/{en,hi}/*.json` into typed translation keys (`OUT_DIR/i18n.rs`), and checks
//! that every text the journey looks up for a declared service exists: for each service in
//! `contract::services::ALL`, its own keys (`name`, `start_intro`, ...), each step's title, each
//! field's label and options, each group's texts. A missing or misspelt key fails the build.
//!
//! Why not leptos_i18n: measured on this toolchain it adds ~20 KB brotli to the first load and
//! a heavy proc-macro build; a key table keeps the same guarantee (a missing or misspelt key is
//! a compile error, both languages must have the same keys and placeholders) for a few hundred
//! bytes.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

const LANGS: [&str; 2] = ["en", "hi"];

type Namespace = BTreeMap<String, String>;

fn main() {
    println!("cargo:rerun-if-changed=locales");
    let mut langs: Vec<BTreeMap<String, Namespace>> = Vec::new();
    for lang in LANGS {
        let dir = Path::new("locales").join(lang);
        println!("cargo:rerun-if-changed={}", dir.display());
        let mut namespaces = BTreeMap::new();
        let mut entries: Vec<_> = fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()))
            .map(|e| e.expect("dir entry").path())
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        entries.sort();
        for path in entries {
            println!("cargo:rerun-if-changed={}", path.display());
            let ns = path.file_stem().unwrap().to_string_lossy().into_owned();
            let text = fs::read_to_string(&path).unwrap();
            let value: serde_json::Value = serde_json::from_str(&text)
                .unwrap_or_else(|e| panic!("{}: invalid JSON: {e}", path.display()));
            let obj = value
                .as_object()
                .unwrap_or_else(|| panic!("{}: must be a flat object", path.display()));
            let mut map = Namespace::new();
            for (k, v) in obj {
                let v = v
                    .as_str()
                    .unwrap_or_else(|| panic!("{}: {k} must be a string", path.display()));
                assert!(!v.trim().is_empty(), "{}: {k} is empty", path.display());
                assert!(
                    k.bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
                    "{}: key {k} must be snake_case",
                    path.display()
                );
                map.insert(k.clone(), v.to_owned());
            }
            namespaces.insert(ns, map);
        }
        langs.push(namespaces);
    }

    let (en, hi) = (&langs[0], &langs[1]);
    let en_ns: BTreeSet<_> = en.keys().collect();
    let hi_ns: BTreeSet<_> = hi.keys().collect();
    assert_eq!(
        en_ns, hi_ns,
        "locales/en and locales/hi must have the same namespace files"
    );
    let mut problems = Vec::new();
    for (ns, en_map) in en {
        let hi_map = &hi[ns];
        for k in en_map.keys().filter(|k| !hi_map.contains_key(*k)) {
            problems.push(format!("{ns}.{k} missing in hi"));
        }
        for k in hi_map.keys().filter(|k| !en_map.contains_key(*k)) {
            problems.push(format!("{ns}.{k} missing in en"));
        }
        for (k, v) in en_map {
            if let Some(h) = hi_map.get(k) {
                if placeholders(v) != placeholders(h) {
                    problems.push(format!("{ns}.{k}: placeholders differ between en and hi"));
                }
            }
        }
        for k in en_map.keys() {
            if let Some(stem) = k.strip_suffix("_one") {
                if !en_map.contains_key(&format!("{stem}_other")) {
                    problems.push(format!("{ns}.{k}: plural without {stem}_other"));
                }
            }
        }
    }
    problems.extend(missing_service_text(en));
    assert!(
        problems.is_empty(),
        "locale problems:\n{}",
        problems.join("\n")
    );

    // Each key is a reference to its own pair of strings, so a bundle links only the text it
    // can show: the light bundle carries no form text. `ALL` (tests) and `NAMES` (text chosen
    // by declaration ids, forms bundle) list every key.
    let mut out = String::new();
    let mut names: Vec<(String, String)> = Vec::new();
    let mut all = Vec::new();
    for (ns, en_map) in en {
        writeln!(
            out,
            "#[allow(dead_code, unused_imports)]\npub mod {ns} {{\n    use super::{{Key, Plural}};"
        )
        .unwrap();
        for (k, v) in en_map {
            let upper = k.to_ascii_uppercase();
            writeln!(
                out,
                "    static S_{upper}: [&str; 2] = [{:?}, {v:?}];\n    pub const {upper}: Key = Key(&S_{upper});",
                hi[ns][k]
            )
            .unwrap();
            names.push((format!("{ns}.{k}"), format!("{ns}::{upper}")));
            all.push(format!("{ns}::{upper}"));
        }
        for k in en_map.keys() {
            if let Some(stem) = k.strip_suffix("_one") {
                writeln!(
                    out,
                    "    pub const {}: Plural = Plural {{ one: {}, other: {} }};",
                    stem.to_ascii_uppercase(),
                    k.to_ascii_uppercase(),
                    format!("{stem}_other").to_ascii_uppercase()
                )
                .unwrap();
            }
        }
        out.push_str("}\n");
    }
    names.sort();
    writeln!(out, "static NAMES: [(&str, Key); {}] = [", names.len()).unwrap();
    for (n, k) in &names {
        writeln!(out, "    ({n:?}, {k}),").unwrap();
    }
    out.push_str("];\n");
    writeln!(
        out,
        "#[cfg(test)]\npub(crate) static ALL: [Key; {}] = [",
        all.len()
    )
    .unwrap();
    for k in &all {
        writeln!(out, "    {k},").unwrap();
    }
    out.push_str("];\n");
    let dest = Path::new(&env::var("OUT_DIR").unwrap()).join("i18n.rs");
    fs::write(dest, out).unwrap();
}

/// Keys every journey service must have in its namespace.
const SERVICE_KEYS: &[&str] = &[
    "service_name",
    "start_intro",
    "start_need",
    "done_title",
    "done_next",
    "ack_title",
];

/// Every key the journey (`src/forms/text.rs`, `src/journey/`) will look up for the declared
/// services and cannot find; both languages hold the same keys, so English is checked.
fn missing_service_text(en: &BTreeMap<String, Namespace>) -> Vec<String> {
    use contract::forms::FieldSpec;
    let has = |name: &str| {
        name.split_once('.')
            .is_some_and(|(ns, k)| en.get(ns).is_some_and(|m| m.contains_key(k)))
    };
    let mut missing = Vec::new();
    let mut need = |name: String, why: &str| {
        if !has(&name) {
            missing.push(format!("{name} missing ({why})"));
        }
    };
    let field_base = |ns: &str, f: &FieldSpec, key: &str| {
        f.text.map_or_else(|| format!("{ns}.{key}"), str::to_owned)
    };
    for service in contract::services::ALL {
        let ns = service.ns();
        let spec = service.spec();
        for k in SERVICE_KEYS {
            need(format!("{ns}.{k}"), "journey text of every service");
        }
        if spec.acknowledgement.confirm_within_days.is_some() {
            need(
                format!("{ns}.done_next_visit"),
                "the acknowledgement's visit",
            );
        }
        for step in spec.steps {
            need(
                format!("{ns}.step_{}", step.id.replace('-', "_")),
                "step title",
            );
            let mut fields: Vec<(String, &FieldSpec)> =
                step.fields.iter().map(|f| (f.id.to_owned(), f)).collect();
            for g in step.groups {
                for suffix in ["heading", "add", "item", "remove"] {
                    need(format!("{ns}.{}_{suffix}", g.id), "repeatable group");
                }
                fields.extend(g.fields.iter().map(|f| (format!("{}_{}", g.id, f.id), f)));
            }
            for (key, f) in fields {
                let base = field_base(ns, f, &key);
                if !has(&format!("{ns}.{key}")) {
                    need(base.clone(), "field label");
                }
                for o in f.options {
                    need(format!("{base}_{o}"), "option");
                }
            }
        }
    }
    missing
}

fn placeholders(s: &str) -> BTreeSet<String> {
    let mut set = BTreeSet::new();
    let mut rest = s;
    while let Some(start) = rest.find('{') {
        let Some(len) = rest[start..].find('}') else {
            break;
        };
        set.insert(rest[start + 1..start + len].to_owned());
        rest = &rest[start + len + 1..];
    }
    set
}
