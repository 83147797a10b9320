//! Drafts: answers saved on this device while they are typed, offered back after a reload,
//! a crash or a failed request; gone after 7 days or once the form is sent.

use contract::forms::Answers;
use serde::{Deserialize, Serialize};

const MAX_AGE_MS: f64 = 7.0 * 24.0 * 3600.0 * 1000.0;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    pub saved_at_ms: f64,
    pub answers: Answers,
    #[serde(default)]
    pub idempotency_key: Option<String>,
}

impl Draft {
    pub fn new(answers: Answers, idempotency_key: Option<String>) -> Self {
        Self {
            saved_at_ms: crate::time::now_ms(),
            answers,
            idempotency_key,
        }
    }
}

pub fn key(service: &str) -> String {
    format!("ns.draft.{service}")
}

/// Whether drafts may be written at all (not on a shared kiosk).
pub fn enabled() -> bool {
    !crate::kiosk::is_kiosk()
}

/// Whether a draft saved at `saved_at_ms` is offered back: it has answers and is under a week
/// old.
fn offered(saved_at_ms: f64, answered: bool) -> bool {
    answered && crate::time::now_ms() - saved_at_ms < MAX_AGE_MS
}

pub fn load(service: &str) -> Option<Draft> {
    let raw = crate::storage::get(&key(service))?;
    match crate::json::from_text::<Draft>(&raw) {
        Some(d) if offered(d.saved_at_ms, !d.answers.is_empty()) => Some(d),
        _ => {
            clear(service);
            None
        }
    }
}

/// Whether a draft that [`load`] would offer back is saved: one not yet expired, with answers.
/// Read with the browser's JSON parser and no `Draft` type, so the bundles without forms
/// (whose "back online" notice asks this) carry no deserialiser for it.
pub fn waiting(service: &str) -> bool {
    use wasm_bindgen::{JsCast, JsValue};
    let Some(draft) = crate::storage::get(&key(service))
        .and_then(|raw| js_sys::JSON::parse(&raw).ok())
        .filter(JsValue::is_object)
    else {
        return false;
    };
    let field = |name: &str| js_sys::Reflect::get(&draft, &JsValue::from_str(name)).ok();
    let answered = field("answers")
        .filter(JsValue::is_object)
        .is_some_and(|a| js_sys::Object::keys(a.unchecked_ref::<js_sys::Object>()).length() > 0);
    field("saved_at_ms")
        .and_then(|v| v.as_f64())
        .is_some_and(|saved| offered(saved, answered))
}

pub fn save(service: &str, draft: &Draft) {
    if !enabled() {
        return;
    }
    if let Some(json) = crate::json::to_text(draft) {
        crate::storage::set(&key(service), &json);
    }
}

pub fn clear(service: &str) {
    crate::storage::remove(&key(service));
}
