//! e-complaint: start page, the declared steps (`contract::services::complaint`), check your
//! answers, mobile verification and sending, and the acknowledgement.

mod check;
mod confirmation;
mod start;
mod step;
mod verify;

use crate::forms::FormState;
use crate::routes::{AppRoute, ComplaintPage};
use contract::services::complaint::SPEC;
use leptos::prelude::*;

/// The complaint being filled in, shared by all its pages.
#[derive(Clone, Copy)]
pub struct ComplaintForm(pub FormState);

pub fn new_form() -> ComplaintForm {
    ComplaintForm(FormState::new(
        &SPEC,
        "complaint",
        crate::forms::draft::enabled(),
    ))
}

pub fn use_form() -> FormState {
    expect_context::<ComplaintForm>().0
}

/// Pages shown with a step indicator: the declared steps plus check and verify.
pub const TOTAL_STEPS: usize = SPEC.steps.len() + 2;

pub fn step_path(i: usize) -> String {
    AppRoute::Complaint(ComplaintPage::Step(i)).path()
}

pub fn view_for(page: ComplaintPage) -> AnyView {
    match page {
        ComplaintPage::Start => start::StartPage().into_any(),
        ComplaintPage::Step(i) => view! { <step::StepPage index=i/> }.into_any(),
        ComplaintPage::Check => check::CheckPage().into_any(),
        ComplaintPage::Verify => verify::VerifyPage().into_any(),
        ComplaintPage::Confirmation(reference) => {
            view! { <confirmation::ConfirmationPage reference/> }.into_any()
        }
    }
}

/// Offers back a saved draft: continue it, or start again.
#[component]
pub fn DraftBanner() -> impl IntoView {
    use crate::i18n::{keys::forms, use_i18n};
    let i18n = use_i18n();
    let form = use_form();
    view! {
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
