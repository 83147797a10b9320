//! The form engine: one state type, one renderer and one set of text lookups for every
//! service declared in `contract::services`. A service's pages only say which declaration
//! they show; validation, drafts and check-answers come from here.

pub mod draft;
pub mod files;
pub mod masters;
pub mod renderer;
pub mod text;

use contract::forms::{validate_step, Answers, Ctx, Problem, ServiceSpec, StepSpec, Widget};
use contract::services::ServiceId;
use leptos::prelude::*;

/// A file chosen for upload; kept in memory and, outside a kiosk, in this tab's session storage
/// ([`files`]), never in the draft on the device.
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
    pub service: ServiceId,
    pub spec: &'static ServiceSpec,
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
    /// The reference these answers were filed under, kept after the form is emptied, so that
    /// Back from the acknowledgement says they were sent instead of inviting a second filing.
    pub sent: RwSignal<Option<contract::Reference>>,
    /// The receipt the filing answered with, in memory only: the acknowledgement shows it
    /// without asking again (an anonymous tip's is never given again).
    pub receipt: RwSignal<Option<contract::Acknowledgement>>,
    /// Another tab or window of this browser saved a draft of this form while answers were
    /// typed here: the two would replace each other's draft, so the citizen is told.
    pub other_tab: RwSignal<bool>,
}

impl FormState {
    pub fn new(service: ServiceId, drafts_enabled: bool) -> Self {
        let offer = if drafts_enabled {
            draft::load(service.slug())
        } else {
            None
        };
        let state = Self {
            service,
            spec: service.spec(),
            answers: RwSignal::new(Answers::new()),
            problems: RwSignal::new(Vec::new()),
            failed_submits: RwSignal::new(0),
            files: RwSignal::new(Vec::new()),
            idempotency_key: RwSignal::new(None),
            returning_to_check: RwSignal::new(false),
            draft_offer: RwSignal::new(offer),
            sent: RwSignal::new(None),
            receipt: RwSignal::new(None),
            other_tab: RwSignal::new(false),
        };
        if drafts_enabled {
            state.keep_draft();
            state.keep_files();
        }
        state
    }

    /// Namespace of the service's own text (labels, options, messages).
    pub fn ns(&self) -> &'static str {
        self.service.ns()
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

    /// Runs the step's rules, and on the files step the declared minimum of files; true when
    /// it may be left.
    pub fn validate(&self, step: &StepSpec) -> bool {
        let mut problems = self
            .answers
            .with_untracked(|a| validate_step(step, a, &client_ctx()));
        if let Some(a) = self.spec.attachments.filter(|a| a.step == step.id) {
            if self.files.with_untracked(|f| f.len()) < a.min {
                problems.push(Problem {
                    field: contract::forms::ATTACHMENTS_FIELD.to_owned(),
                    error: contract::rules::RuleError::Required,
                });
            }
        }
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
        self.sent.set(None);
        self.receipt.set(None);
        draft::clear(self.service.slug());
        files::clear(self.service.slug());
    }

    /// Forgets the answers once they are filed, remembering under which reference and the
    /// receipt the server answered with.
    pub fn filed(&self, receipt: contract::Acknowledgement) {
        self.reset();
        self.sent.set(Some(receipt.reference.clone()));
        self.receipt.set(Some(receipt));
    }

    /// Forgets answers changed after the filing `reference` went through with the first ones.
    pub fn already_filed(&self, reference: contract::Reference) {
        self.reset();
        self.sent.set(Some(reference));
    }

    /// Takes up the saved draft. Anything typed while the offer was on screen is kept: it
    /// wins over the draft's answer to the same question.
    pub fn restore_draft(&self) {
        if let Some(d) = self.draft_offer.get_untracked() {
            self.answers.update(|typed| {
                let mut merged = d.answers;
                merged.append(typed);
                *typed = merged;
            });
            if self.idempotency_key.get_untracked().is_none() {
                self.idempotency_key.set(d.idempotency_key);
            }
            if self.files.with_untracked(|f| f.is_empty()) {
                self.files.set(files::load(self.service.slug()));
            }
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
            draft::save(this.service.slug(), &draft::Draft::new(answers, key));
        });
    }

    /// Keeps the chosen files in this tab as they change, on the same terms as the draft:
    /// not while an earlier draft (with its files) is still offered.
    fn keep_files(&self) {
        let this = *self;
        Effect::new(move |_| {
            this.files.track();
            if this.draft_offer.with(|o| o.is_some()) {
                return;
            }
            this.files
                .with_untracked(|f| files::save(this.service.slug(), f));
        });
    }
}

/// What the browser can check: today and the time now in IST, no master lists (the selects
/// only offer valid pairs and the server checks again).
pub fn client_ctx() -> Ctx<'static> {
    Ctx::at(crate::time::now_ist().naive_local())
}

/// Every service's form, made once when the forms bundle starts so answers outlive the pages
/// (moving between steps, Back and Forward, a language switch keep them).
#[derive(Clone, Copy)]
pub struct Forms(StoredValue<Vec<FormState>>);

impl Forms {
    pub fn provide() {
        let drafts = draft::enabled();
        // An anonymous service keeps nothing on the device: no draft, no files in the tab.
        let all = contract::services::ALL
            .into_iter()
            .map(|s| {
                let anonymous = s.spec().applicant.is_anonymous();
                FormState::new(s, drafts && !anonymous)
            })
            .collect();
        let forms = Forms(StoredValue::new(all));
        provide_context(forms);
        if drafts {
            forms.watch_other_tabs();
        }
    }

    /// The browser tells every other tab when one saves to local storage: a draft of a form
    /// that has answers here means the same form is open twice.
    fn watch_other_tabs(self) {
        let handle = window_event_listener(leptos::ev::storage, move |ev| {
            let (Some(key), Some(_)) = (ev.key(), ev.new_value()) else {
                return;
            };
            self.0.with_value(|all| {
                for form in all {
                    if key == draft::key(form.service.slug())
                        && form.answers.with_untracked(|a| !a.is_empty())
                    {
                        form.other_tab.set(true);
                    }
                }
            });
        });
        // Lives as long as the app.
        std::mem::forget(handle);
    }
}

/// The form of one service.
pub fn use_form(service: ServiceId) -> FormState {
    let forms = expect_context::<Forms>();
    forms.0.with_value(|all| {
        *all.iter()
            .find(|f| f.service == service)
            .expect("every service has a form")
    })
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
