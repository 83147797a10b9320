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

pub fn load(service: &str) -> Option<Draft> {
    let raw = crate::storage::get(&key(service))?;
    match serde_json::from_str::<Draft>(&raw) {
        Ok(d) if crate::time::now_ms() - d.saved_at_ms < MAX_AGE_MS && !d.answers.is_empty() => {
            Some(d)
        }
        _ => {
            clear(service);
            None
        }
    }
}

/// Whether a draft is saved, without reading it (cheap enough for the light bundle).
pub fn exists(service: &str) -> bool {
    crate::storage::get(&key(service)).is_some()
}

pub fn save(service: &str, draft: &Draft) {
    if !enabled() {
        return;
    }
    if let Ok(json) = serde_json::to_string(draft) {
        crate::storage::set(&key(service), &json);
    }
}

pub fn clear(service: &str) {
    crate::storage::remove(&key(service));
}
