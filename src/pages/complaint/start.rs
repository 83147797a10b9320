use super::{step_path, DraftBanner};
use crate::components::page_title::PageTitle;
use crate::i18n::{keys::complaint as c, keys::forms, keys::services, use_i18n};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn StartPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <DraftBanner/>
        <PageTitle key=services::COMPLAINT_TITLE/>
        <p class="ns-lead">{i18n.t(c::START_INTRO)}</p>
        <p>{i18n.t(c::START_NEED)}</p>
        <p class="ns-notice ns-notice--emergency"><a href="tel:112">{i18n.t(c::START_EMERGENCY)}</a></p>
        {crate::forms::draft::enabled().then(|| view! { <p class="ns-hint">{i18n.t(forms::DRAFT_NOTE)}</p> })}
        <A href=step_path(0) attr:class="ns-button ns-button--start" attr:role="button" attr:draggable="false">
            {i18n.t(c::START_BUTTON)}
        </A>
    }
}
