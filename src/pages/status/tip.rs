//! More for a confidential tip, with its number alone: a tip's status page offers it. Checked
//! as the tip's description is (`contract::services::tip_off::addition`), sent without the
//! browser's cookies, kept nowhere on the phone.

use crate::api::{self, ApiError};
use crate::components::error_summary::{ErrorSummary, SummaryItem};
use crate::components::field_group::{described_by, FieldGroup};
use crate::i18n::{keys::errors, keys::status as s, use_i18n, I18n};
use contract::rules::RuleError;
use contract::Reference;
use leptos::prelude::*;
use leptos::task::spawn_local;

const FIELD: &str = "f-tip-more";
const SEND: &str = "ns-tip-send";

#[derive(Debug, Clone, PartialEq)]
enum Problem {
    Rule(RuleError),
    /// The tip has all the additions it may take.
    Full,
    RateLimited(u64),
    Network,
    Server,
}

impl Problem {
    fn of(e: &ApiError) -> Self {
        match e {
            ApiError::Rejected {
                status: 422, body, ..
            } => match body.error.fields.first().map(|f| f.code.as_str()) {
                Some("too_many") => Problem::Full,
                Some(code) => {
                    Problem::Rule(RuleError::from_code(code).unwrap_or(RuleError::Invalid))
                }
                None => Problem::Server,
            },
            ApiError::Rejected {
                status: 429,
                body,
                retry_after_secs,
            } => Problem::RateLimited(
                retry_after_secs
                    .or(body.error.retry_after_secs)
                    .unwrap_or(60),
            ),
            ApiError::Network | ApiError::TimedOut { .. } => Problem::Network,
            _ => Problem::Server,
        }
    }

    /// Where the summary's link goes: the box for what is wrong with the text, else Send.
    fn target(&self) -> &'static str {
        match self {
            Problem::Rule(_) | Problem::Full => FIELD,
            _ => SEND,
        }
    }

    fn message(&self, i18n: I18n) -> String {
        match self {
            Problem::Rule(RuleError::TooShort { min }) => {
                i18n.format(errors::TOO_SHORT, &[("min", &min.to_string())])
            }
            Problem::Rule(RuleError::TooLong { max }) => {
                i18n.format(errors::TOO_LONG, &[("max", &max.to_string())])
            }
            Problem::Rule(_) => i18n.get(errors::REQUIRED).to_owned(),
            Problem::Full => i18n.get(s::TIP_ADD_FULL).to_owned(),
            Problem::RateLimited(secs) => {
                i18n.format(errors::RATE_LIMITED, &[("seconds", &secs.to_string())])
            }
            Problem::Network => i18n.get(errors::NETWORK).to_owned(),
            Problem::Server => i18n.get(errors::SERVER).to_owned(),
        }
    }
}

#[component]
pub fn AddToTip(reference: Reference) -> impl IntoView {
    let i18n = use_i18n();
    let text = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<Problem>);
    let attempts = RwSignal::new(0u32);
    let busy = RwSignal::new(false);
    let added = RwSignal::new(None::<String>);
    // One key per addition: a retry after a lost answer adds nothing twice.
    let key = StoredValue::new(crate::forms::new_idempotency_key());
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        if let Err(e) = contract::services::tip_off::addition(&text.get_untracked()) {
            problem.set(Some(Problem::Rule(e)));
            attempts.update(|n| *n += 1);
            return;
        }
        busy.set(true);
        problem.set(None);
        added.set(None);
        let reference = reference.clone();
        spawn_local(async move {
            match api::add_to_tip(&reference, &text.get_untracked(), &key.get_value()).await {
                Ok(done) => {
                    added.set(Some(crate::time::format_timestamp(&done.added_at)));
                    text.set(String::new());
                    key.set_value(crate::forms::new_idempotency_key());
                }
                Err(e) => {
                    problem.set(Some(Problem::of(&e)));
                    attempts.update(|n| *n += 1);
                }
            }
            busy.try_set(false);
        });
    };
    let items = Signal::derive(move || {
        problem
            .get()
            .map(|p| {
                vec![SummaryItem {
                    target: p.target().to_owned(),
                    text: i18n.format(
                        errors::SUMMARY_ITEM,
                        &[
                            ("label", i18n.get(s::TIP_ADD_LABEL)),
                            ("message", &p.message(i18n)),
                        ],
                    ),
                }]
            })
            .unwrap_or_default()
    });
    let field_error = Signal::derive(move || {
        problem
            .get()
            .filter(|p| p.target() == FIELD)
            .map(|p| p.message(i18n))
    });
    view! {
        <section class="ns-no-print" aria-labelledby="ns-tip-more-title" data-testid="add-to-tip">
            <h2 class="ns-heading-m" id="ns-tip-more-title">{i18n.t(s::TIP_ADD_TITLE)}</h2>
            <ErrorSummary items attempt=attempts/>
            {move || added.get().map(|date| view! {
                <p class="ns-notice" role="status" data-testid="tip-added">
                    {move || i18n.format(s::TIP_ADDED, &[("date", &date)])}
                </p>
            })}
            <form class="ns-form" novalidate on:submit=on_submit>
                <FieldGroup id=FIELD.to_owned() label=s::TIP_ADD_LABEL hint=Some(s::TIP_ADD_HINT) optional=false error=field_error>
                    <textarea class="ns-textarea" id=FIELD name="more" rows="5"
                        class:ns-input--error=move || field_error.with(|e| e.is_some())
                        aria-describedby=move || described_by(FIELD, true, field_error.with(|e| e.is_some()))
                        aria-invalid=move || field_error.with(|e| e.is_some()).then_some("true")
                        prop:value=move || text.get()
                        on:input=move |ev| text.set(event_target_value(&ev))></textarea>
                </FieldGroup>
                <button type="submit" class="ns-button" id=SEND data-testid="tip-send"
                    aria-disabled=move || busy.get().then_some("true")>
                    {i18n.t(s::TIP_ADD_SEND)}
                </button>
            </form>
        </section>
    }
}
