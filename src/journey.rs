//! The one journey every filing service runs, read from its declaration in
//! `contract::services`: start page, each declared step, check your answers, verify the mobile
//! and send, and the acknowledgement. No page here knows a service or a field by name.

mod check;
mod confirmation;
mod notices;
mod start;
mod step;
mod verify;

use crate::forms::{use_form, FormState};
use crate::routes::{AppRoute, JourneyPage};
use contract::services::ServiceId;
use leptos::prelude::*;

/// Pages shown with a step indicator: the declared steps plus check and verify.
pub fn total_steps(service: ServiceId) -> usize {
    service.spec().steps.len() + 2
}

pub fn path(service: ServiceId, page: JourneyPage) -> String {
    AppRoute::Journey(service, page).path()
}

pub fn step_path(service: ServiceId, i: usize) -> String {
    path(service, JourneyPage::Step(i))
}

/// The index of the step a problem's field belongs to (the first step when none).
pub fn step_index_of(form: FormState, field: &str) -> usize {
    contract::forms::step_of(form.spec, field)
        .and_then(|s| form.spec.steps.iter().position(|x| x.id == s.id))
        .unwrap_or(0)
}

pub fn view_for(service: ServiceId, page: JourneyPage) -> AnyView {
    let form = use_form(service);
    match page {
        JourneyPage::Start => start_page(service, Some(form)),
        JourneyPage::Step(index) => view! { <step::StepPage form index/> }.into_any(),
        JourneyPage::Check => view! { <check::CheckPage form/> }.into_any(),
        JourneyPage::Verify => view! { <verify::VerifyPage form/> }.into_any(),
        JourneyPage::Confirmation(reference) => {
            view! { <confirmation::ConfirmationPage service reference/> }.into_any()
        }
    }
}

/// A service's start page. The light bundle shows it without a form (it has no forms code):
/// static text and a Start link into the forms bundle, so a shared link opens at once. The
/// step pages then offer a saved draft.
pub fn start_page(service: ServiceId, form: Option<FormState>) -> AnyView {
    view! { <start::StartPage service form/> }.into_any()
}

/// After a filing, on a page of the emptied form (Back from the acknowledgement): says the
/// answers were sent and links to the acknowledgement. `true` while it is shown.
#[component]
pub fn AlreadySent(form: FormState) -> impl IntoView {
    use crate::i18n::{keys::journey, use_i18n};
    let i18n = use_i18n();
    let shown = move || {
        form.sent
            .get()
            .filter(|_| form.answers.with(|a| a.is_empty()))
    };
    move || {
        shown().map(|reference| {
            let href = path(form.service, JourneyPage::Confirmation(reference.clone()));
            view! {
                <div class="ns-notice" role="status" data-testid="already-filed">
                    <p>{move || i18n.format(journey::SENT_BODY, &[("reference", reference.as_str())])}</p>
                    <a href=href>{i18n.t(journey::SENT_LINK)}</a>
                </div>
            }
        })
    }
}

/// Whether the form was just filed and emptied (its pages then offer no way to send again).
pub fn just_sent(form: FormState) -> Signal<bool> {
    Signal::derive(move || form.sent.with(|s| s.is_some()) && form.answers.with(|a| a.is_empty()))
}

/// Offers back a saved draft: continue it, or start again. Says so when the same form is
/// open in another tab, whose draft and this one's would replace each other.
#[component]
pub fn DraftBanner(form: FormState) -> impl IntoView {
    use crate::i18n::{keys::forms, use_i18n};
    let i18n = use_i18n();
    view! {
        <Show when=move || form.other_tab.get()>
            <div class="ns-notice" role="status" data-testid="other-tab">
                <p>{i18n.t(forms::OTHER_TAB)}</p>
            </div>
        </Show>
        <Show when=move || form.draft_offer.with(|d| d.is_some())>
            <div class="ns-notice" role="region" aria-labelledby="ns-draft-title" data-testid="draft-banner">
                <h2 class="ns-heading-m" id="ns-draft-title">{i18n.t(forms::DRAFT_FOUND)}</h2>
                <div class="ns-button-group">
                    <button type="button" class="ns-button" on:click=move |_| form.restore_draft()>
                        {i18n.t(forms::DRAFT_CONTINUE)}
                    </button>
                    <button type="button" class="ns-button ns-button--secondary" on:click=move |_| form.discard_draft()>
                        {i18n.t(forms::DRAFT_RESTART)}
                    </button>
                </div>
            </div>
        </Show>
    }
}
