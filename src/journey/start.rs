use super::{step_path, DraftBanner};
use crate::components::page_title::PageTitle;
use crate::forms::{text, FormState};
use crate::i18n::{keys::forms, keys::journey, use_i18n};
use crate::services::Service;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn StartPage(form: FormState) -> impl IntoView {
    let i18n = use_i18n();
    let service = form.service;
    let emergency = text::service_optional(service, "start_emergency");
    view! {
        <DraftBanner form/>
        <PageTitle key=Service::Journey(service).title()/>
        // What must not wait (call 112, a missing child) comes before anything else.
        {emergency.map(|k| view! {
            <p class="ns-notice ns-notice--emergency"><a href="tel:112">{i18n.t(k)}</a></p>
        })}
        <p class="ns-lead">{i18n.t(text::service(service, "start_intro"))}</p>
        <p>{i18n.t(text::service(service, "start_need"))}</p>
        {crate::forms::draft::enabled().then(|| view! { <p class="ns-hint">{i18n.t(forms::DRAFT_NOTE)}</p> })}
        <A href=step_path(service, 0) attr:class="ns-button ns-button--start" attr:role="button" attr:draggable="false">
            {i18n.t(journey::START_BUTTON)}
        </A>
    }
}
