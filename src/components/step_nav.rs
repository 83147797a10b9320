//! Step indicator ("Step 2 of 5") and back link.

use crate::i18n::{keys::forms, use_i18n};
use leptos::prelude::*;

#[component]
pub fn StepIndicator(current: usize, total: usize) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="ns-step-indicator" data-testid="step-indicator">
            {move || {
                i18n.format(
                    forms::STEP_OF,
                    &[("current", &current.to_string()), ("total", &total.to_string())],
                )
            }}
        </p>
    }
}

#[component]
pub fn BackLink(href: String) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <a href=href class="ns-back-link">
            {i18n.t(forms::BACK)}
        </a>
    }
}
