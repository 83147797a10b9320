use super::{step_path, DraftBanner};
use crate::components::page_title::PageTitle;
use crate::forms::FormState;
use crate::i18n::{keys, keys::forms, keys::journey, use_i18n};
use crate::services::Service;
use contract::services::ServiceId;
use leptos::prelude::*;

/// What the service is, what the citizen needs at hand, and Start. `form` is `None` in the
/// light bundle, which has no drafts to offer.
#[component]
pub fn StartPage(service: ServiceId, form: Option<FormState>) -> impl IntoView {
    let i18n = use_i18n();
    let text = keys::start_text(service);
    view! {
        {form.map(|form| view! { <DraftBanner form/> })}
        <PageTitle key=Service::Journey(service).title()/>
        // What must not wait (call 112, a missing child) comes before anything else.
        {text.emergency.map(|k| view! {
            <p class="ns-notice ns-notice--emergency"><a href="tel:112">{i18n.t(k)}</a></p>
        })}
        <p class="ns-lead">{i18n.t(text.intro)}</p>
        <p>{i18n.t(text.need)}</p>
        {crate::forms::draft::enabled().then(|| view! { <p class="ns-hint">{i18n.t(forms::DRAFT_NOTE)}</p> })}
        <a href=step_path(service, 0) class="ns-button ns-button--start" role="button" draggable="false">
            {i18n.t(journey::START_BUTTON)}
        </a>
    }
}
