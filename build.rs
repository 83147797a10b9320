//! Turns `locales/{en,hi}/*.json` into typed translation keys (`OUT_DIR/i18n.rs`), and checks
//! that every text the journey looks up for a declared service exists: for each service in
//! `contract::services::ALL`, its own keys (`name`, `start_intro`, ...), each step's title, each
//! field's label and options, each group's texts. A missing or misspelt key fails the build.
//!
//! Why not leptos_i18n: measured on this toolchain it adds ~20 KB brotli to the first load and
//! a heavy proc-macro build; a key table keeps the same guarantee (a missing or misspelt key is
//! a compile error, both languages must have the same keys and placeholders) for a few hundred
//! bytes.

use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

#[path = "build/locales.rs"]
mod locales;

fn main() {
    println!("cargo:rerun-if-changed=locales");
    println!("cargo:rerun-if-changed=build/locales.rs");
    let (langs, files) = locales::load(Path::new("locales")).unwrap_or_else(|e| panic!("{e}"));
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
    }
    let problems = locales::problems(&langs);
    assert!(
        problems.is_empty(),
        "locale problems:\n{}",
        problems.join("\n")
    );
    let (en, hi) = (&langs[0], &langs[1]);

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
    start_texts(&mut out, en);
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

/// `start_text(service)` and `service_name(service)`: each declared service's start-page text
/// and name as a `match`, so the light and status bundles link these keys and not the whole
/// `NAMES` table.
fn start_texts(out: &mut String, en: &locales::Strings) {
    out.push_str(
        "/// A declared service's start-page text (generated from the registry).\n\
         pub fn start_text(service: contract::services::ServiceId) -> StartText {\n    \
         use contract::services::ServiceId as S;\n    match service {\n",
    );
    for service in contract::services::ALL {
        let ns = service.ns();
        let emergency = if en[ns].contains_key("start_emergency") {
            format!("Some({ns}::START_EMERGENCY)")
        } else {
            "None".to_owned()
        };
        writeln!(
            out,
            "        S::{service:?} => StartText {{ intro: {ns}::START_INTRO, need: {ns}::START_NEED, emergency: {emergency} }},"
        )
        .unwrap();
    }
    out.push_str("    }\n}\n");
    out.push_str(
        "/// A declared service's name, as the status pages show it (generated from the registry).\n\
         pub fn service_name(service: contract::services::ServiceId) -> Key {\n    \
         use contract::services::ServiceId as S;\n    match service {\n",
    );
    for service in contract::services::ALL {
        writeln!(
            out,
            "        S::{service:?} => {}::SERVICE_NAME,",
            service.ns()
        )
        .unwrap();
    }
    out.push_str("    }\n}\n");
    out.push_str(
        "/// A status's text, `status.code_<code>` (generated from `Status::ALL`, so a bundle \
         links the status texts alone).\n\
         pub fn status_text(status: contract::lifecycle::Status) -> Key {\n    \
         use contract::lifecycle::Status as S;\n    match status {\n",
    );
    for status in contract::lifecycle::Status::ALL {
        let key = format!("code_{}", status.code());
        assert!(
            en["status"].contains_key(&key),
            "locales: status.{key} is missing (the text of status {status:?})"
        );
        writeln!(
            out,
            "        S::{status:?} => status::{},",
            key.to_ascii_uppercase()
        )
        .unwrap();
    }
    out.push_str("    }\n}\n");
}
