//! The build's locale check (`build/locales.rs`, run by `build.rs`) refuses what would show a
//! citizen a missing text: shown here on copies of the real locale files with one text taken out.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../build/locales.rs"]
mod locales;

use std::fs;
use std::path::{Path, PathBuf};

/// A copy of `locales/` in a fresh temporary folder.
fn copy_locales(name: &str) -> PathBuf {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    let dst = std::env::temp_dir().join(format!("ns-locales-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dst);
    for lang in locales::LANGS {
        fs::create_dir_all(dst.join(lang)).unwrap();
        for entry in fs::read_dir(src.join(lang)).unwrap() {
            let path = entry.unwrap().path();
            fs::copy(&path, dst.join(lang).join(path.file_name().unwrap())).unwrap();
        }
    }
    dst
}

fn remove_key(root: &Path, lang: &str, ns: &str, key: &str) {
    let path = root.join(lang).join(format!("{ns}.json"));
    let mut map: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
    assert!(map.remove(key).is_some(), "{lang}/{ns}.json has no {key}");
    fs::write(&path, serde_json::to_string(&map).unwrap()).unwrap();
}

fn problems_of(root: &Path) -> Vec<String> {
    let (langs, _) = locales::load(root).unwrap();
    let problems = locales::problems(&langs);
    let _ = fs::remove_dir_all(root);
    problems
}

#[test]
fn the_real_locale_files_pass() {
    let (langs, _) = locales::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("locales")).unwrap();
    assert_eq!(locales::problems(&langs), Vec::<String>::new());
}

#[test]
fn a_label_missing_in_one_language_fails_the_build() {
    let root = copy_locales("hi-label");
    remove_key(&root, "hi", "tenant_verification", "family_age");
    let problems = problems_of(&root);
    assert!(
        problems.contains(&"tenant_verification.family_age missing in hi".to_owned()),
        "{problems:?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with("tenant_verification.family_age missing (field label)")),
        "{problems:?}"
    );
}

#[test]
fn a_declared_field_without_any_label_fails_the_build() {
    let root = copy_locales("no-label");
    for lang in locales::LANGS {
        remove_key(&root, lang, "driver_verification", "licence_number");
        remove_key(&root, lang, "address", "town");
    }
    let problems = problems_of(&root);
    for expected in [
        "driver_verification.licence_number missing (field label)",
        "address.town missing (field label)",
    ] {
        assert!(
            problems.iter().any(|p| p == expected),
            "{expected}: {problems:?}"
        );
    }
}

#[test]
fn a_step_title_or_option_or_journey_text_missing_fails_the_build() {
    let root = copy_locales("step");
    for lang in locales::LANGS {
        remove_key(&root, lang, "employee_verification", "step_contact");
        remove_key(&root, lang, "id_proof", "id_type_pan");
        remove_key(&root, lang, "domestic_help_verification", "done_next");
    }
    let problems = problems_of(&root);
    for expected in [
        "employee_verification.step_contact missing (step title)",
        "id_proof.id_type_pan missing (option)",
        "domestic_help_verification.done_next missing (journey text of every service)",
    ] {
        assert!(
            problems.iter().any(|p| p == expected),
            "{expected}: {problems:?}"
        );
    }
}
