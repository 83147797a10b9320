//! Reading and checking `locales/{en,hi}/*.json`, shared by `build.rs` (which fails the build
//! on any problem) and `tests/locales.rs` (which shows that it does).

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

pub const LANGS: [&str; 2] = ["en", "hi"];

pub type Namespace = BTreeMap<String, String>;
/// One language's namespaces (file stem → key → text).
pub type Strings = BTreeMap<String, Namespace>;

/// Reads every `<root>/<lang>/*.json`, in `LANGS` order; the files read are returned too, for
/// `cargo:rerun-if-changed`. A file that is not a flat object of non-empty strings with
/// snake_case keys is an error.
pub fn load(root: &Path) -> Result<(Vec<Strings>, Vec<PathBuf>), String> {
    let mut langs = Vec::new();
    let mut files = Vec::new();
    for lang in LANGS {
        let dir = root.join(lang);
        files.push(dir.clone());
        let mut namespaces = BTreeMap::new();
        let mut entries: Vec<_> = fs::read_dir(&dir)
            .map_err(|e| format!("reading {}: {e}", dir.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        entries.sort();
        for path in entries {
            files.push(path.clone());
            let ns = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let text = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            let value: serde_json::Value = serde_json::from_str(&text)
                .map_err(|e| format!("{}: invalid JSON: {e}", path.display()))?;
            let obj = value
                .as_object()
                .ok_or_else(|| format!("{}: must be a flat object", path.display()))?;
            let mut map = Namespace::new();
            for (k, v) in obj {
                let v = v
                    .as_str()
                    .ok_or_else(|| format!("{}: {k} must be a string", path.display()))?;
                if v.trim().is_empty() {
                    return Err(format!("{}: {k} is empty", path.display()));
                }
                if !k
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
                {
                    return Err(format!("{}: key {k} must be snake_case", path.display()));
                }
                map.insert(k.clone(), v.to_owned());
            }
            namespaces.insert(ns, map);
        }
        langs.push(namespaces);
    }
    Ok((langs, files))
}

/// Everything that must fail the build: a namespace or key in one language only, different
/// placeholders, a plural without its `_other`, and any text the journey needs for a
/// declared service that does not exist.
pub fn problems(langs: &[Strings]) -> Vec<String> {
    let (en, hi) = (&langs[0], &langs[1]);
    let mut problems = Vec::new();
    let en_ns: BTreeSet<_> = en.keys().collect();
    let hi_ns: BTreeSet<_> = hi.keys().collect();
    for ns in en_ns.symmetric_difference(&hi_ns) {
        problems.push(format!("locales/{{en,hi}}/{ns}.json: in one language only"));
    }
    for (ns, en_map) in en {
        let Some(hi_map) = hi.get(ns) else { continue };
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
    for strings in langs {
        problems.extend(missing_service_text(strings));
    }
    problems.sort();
    problems.dedup();
    problems
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
fn missing_service_text(en: &Strings) -> Vec<String> {
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
        for n in spec.acknowledgement.notices {
            need(format!("{ns}.notice_{}", n.id), "acknowledgement notice");
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
            for n in step.notices {
                need(format!("{ns}.notice_{}", n.id), "step notice");
            }
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

pub fn placeholders(s: &str) -> BTreeSet<String> {
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
