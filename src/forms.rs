//! The form engine: one state type, one renderer and one set of text lookups for every
//! service declared in `contract::services`. A service's pages only say which declaration
//! they show; validation, drafts and check-answers come from here.

pub mod draft;
pub mod masters;
pub mod renderer;
pub mod text;

use contract::forms::{validate_step, Answers, Ctx, Problem, ServiceSpec, StepSpec, Widget};
use leptos::prelude::*;

/// A file chosen for upload; kept in memory only (never in a draft).
#[derive(Debug, Clone, PartialEq)]
pub struct Attachment {
    pub name: String,
    pub mime: String,
    pub bytes: Vec<u8>,
    /// The server's id once uploaded in the current session: a retried submission reuses it
    /// instead of uploading the file again. Cleared when a new OTP session starts.
    pub uploaded: Option<String>,
}

/// Everything a citizen has entered for one service, shared by all its pages so that moving
/// between steps, browser back/forward and a language switch keep every answer.
#[derive(Clone, Copy)]
pub struct FormState {
    pub spec: &'static ServiceSpec,
    /// Namespace of the service's translations (labels, options, messages).
    pub ns: &'static str,
    pub answers: RwSignal<Answers>,
    /// Problems shown on the current step; empty until a Continue fails.
    pub problems: RwSignal<Vec<Problem>>,
    /// Bumped on every failed Continue so the error summary takes focus again.
    pub failed_submits: RwSignal<u32>,
    pub files: RwSignal<Vec<Attachment>>,
    /// Sent with the submission so a retry never files twice.
    pub idempotency_key: RwSignal<Option<String>>,
    /// Set by a Change link on the check page: Continue goes back there.
    pub returning_to_check: RwSignal<bool>,
    /// A saved draft not yet taken up or discarded.
    pub draft_offer: RwSignal<Option<draft::Draft>>,
}

impl FormState {
    pub fn new(spec: &'static ServiceSpec, ns: &'static str, drafts_enabled: bool) -> Self {
        let offer = if drafts_enabled {
            draft::load(spec.id)
        } else {
            None
        };
        let state = Self {
            spec,
            ns,
            answers: RwSignal::new(Answers::new()),
            problems: RwSignal::new(Vec::new()),
            failed_submits: RwSignal::new(0),
            files: RwSignal::new(Vec::new()),
            idempotency_key: RwSignal::new(None),
            returning_to_check: RwSignal::new(false),
            draft_offer: RwSignal::new(offer),
        };
        if drafts_enabled {
            state.keep_draft();
        }
        state
    }

    /// The answer to `key`, tracked.
    pub fn get(&self, key: &str) -> String {
        self.answers
            .with(|a| a.get(key).cloned().unwrap_or_default())
    }

    /// Records an answer. After a failed Continue, re-checks that field at once so a fixed
    /// error disappears (GOV.UK: validate on submit, then on change).
    pub fn set(&self, key: &str, value: String) {
        self.answers.update(|a| {
            if value.is_empty() {
                a.remove(key);
            } else {
                a.insert(key.to_owned(), value);
            }
            // A station belongs to a district: a new district clears the old station.
            for step in self.spec.steps {
                for f in step.fields {
                    if let Widget::Station { district_field } = f.widget {
                        if district_field == key {
                            a.remove(f.id);
                        }
                    }
                }
            }
        });
        if !self.problems.with_untracked(|p| p.is_empty()) {
            self.recheck(key);
        }
    }

    fn recheck(&self, key: &str) {
        let Some(step) = contract::forms::step_of(self.spec, key) else {
            return;
        };
        let fresh = self
            .answers
            .with_untracked(|a| validate_step(step, a, &client_ctx()));
        self.problems.update(|shown| {
            let was_shown: Vec<String> = shown.iter().map(|p| p.field.clone()).collect();
            *shown = fresh
                .into_iter()
                .filter(|p| p.field != key && was_shown.contains(&p.field))
                .collect();
        });
    }

    /// Runs the step's rules; true when it may be left.
    pub fn validate(&self, step: &StepSpec) -> bool {
        let problems = self
            .answers
            .with_untracked(|a| validate_step(step, a, &client_ctx()));
        let ok = problems.is_empty();
        self.problems.set(problems);
        if !ok {
            self.failed_submits.update(|n| *n += 1);
        }
        ok
    }

    /// Forgets everything entered (after a filing, "Start again", or a kiosk reset).
    pub fn reset(&self) {
        self.answers.set(Answers::new());
        self.problems.set(Vec::new());
        self.files.set(Vec::new());
        self.idempotency_key.set(None);
        self.returning_to_check.set(false);
        self.draft_offer.set(None);
        draft::clear(self.spec.id);
    }

    pub fn restore_draft(&self) {
        if let Some(d) = self.draft_offer.get_untracked() {
            self.answers.set(d.answers);
            self.idempotency_key.set(d.idempotency_key);
        }
        self.draft_offer.set(None);
    }

    pub fn discard_draft(&self) {
        self.reset();
    }

    /// Saves answers on the device as they change, once the citizen has taken up or discarded
    /// any earlier draft (so an empty new form never overwrites a saved one).
    fn keep_draft(&self) {
        let this = *self;
        Effect::new(move |_| {
            let answers = this.answers.get();
            let key = this.idempotency_key.get();
            if this.draft_offer.with(|o| o.is_some()) || answers.is_empty() {
                return;
            }
            draft::save(this.spec.id, &draft::Draft::new(answers, key));
        });
    }
}

/// What the browser can check: no master lists (the selects only offer valid pairs and the
/// server checks again).
pub fn client_ctx() -> Ctx<'static> {
    Ctx::offline(crate::time::today_ist())
}

/// The DOM id of an answer's input: `suspects.0.name` → `f-suspects-0-name`.
pub fn dom_id(key: &str) -> String {
    format!("f-{}", key.replace('.', "-"))
}

/// A random key for idempotent submission.
pub fn new_idempotency_key() -> String {
    let mut s = String::with_capacity(32);
    for _ in 0..4 {
        let n = (js_sys::Math::random() * 4_294_967_296.0) as u64;
        s.push_str(&format!("{n:08x}"));
    }
    s
}
