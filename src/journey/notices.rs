//! Notices a service declares (`StepSpec::notices`, `AckSpec::notices`): on a step while an
//! answer calls for one (a large event), on the acknowledgement when the server says the filing
//! does (a missing child). Each one's text is the service's `notice_{id}`.

use crate::forms::{text, FormState};
use crate::i18n::use_i18n;
use contract::forms::{notices_shown, StepSpec};
use contract::services::ServiceId;
use leptos::prelude::*;

fn notice_text(service: ServiceId, id: &str) -> Option<crate::i18n::Key> {
    text::service_optional(service, &format!("notice_{id}"))
}

/// The step's notices whose condition the answers meet, in a live region that is there from
/// the start, so a notice that appears while the citizen types is read out.
#[component]
pub fn StepNotices(form: FormState, step: &'static StepSpec) -> impl IntoView {
    let i18n = use_i18n();
    let service = form.service;
    let shown = move || {
        let today = crate::time::today_ist();
        form.answers
            .with(|a| notices_shown(step.notices, a, today))
            .into_iter()
            .filter_map(|id| notice_text(service, id).map(|k| (id, k)))
            .map(|(id, k)| {
                view! { <p class="ns-notice" data-testid=format!("notice-{id}")>{i18n.t(k)}</p> }
            })
            .collect_view()
    };
    (!step.notices.is_empty()).then(|| view! { <div aria-live="polite">{shown}</div> })
}

/// The acknowledgement's notices the server found the filing calls for.
#[component]
pub fn AckNotices(service: ServiceId, ids: Vec<String>) -> impl IntoView {
    let i18n = use_i18n();
    ids.into_iter()
        .filter_map(|id| notice_text(service, &id).map(|k| (id, k)))
        .map(|(id, k)| {
            view! {
                <p class="ns-notice ns-notice--emergency" data-testid=format!("notice-{id}")>{i18n.t(k)}</p>
            }
        })
        .collect_view()
}
