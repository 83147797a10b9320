//! The error summary at the top of a page: announced (role alert), takes focus, and each link
//! moves focus to its field (GOV.UK `error-summary`).

use crate::i18n::{keys::forms, use_i18n};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// One entry: the DOM id of the field, and the text of the link.
#[derive(Debug, Clone, PartialEq)]
pub struct SummaryItem {
    pub target: String,
    pub text: String,
}

/// Focuses the field with this id (the first box of a date, the first radio) and brings its
/// question into view.
pub fn focus_field(id: &str) {
    let Some(el) = document().get_element_by_id(id) else {
        return;
    };
    let question = el
        .closest(".ns-field")
        .ok()
        .flatten()
        .unwrap_or_else(|| el.clone());
    question.scroll_into_view();
    if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
        let _ = el.focus();
    }
}

#[component]
pub fn ErrorSummary(
    #[prop(into)] items: Signal<Vec<SummaryItem>>,
    /// Changes on every failed submit so focus returns to the summary each time.
    #[prop(into)]
    attempt: Signal<u32>,
) -> impl IntoView {
    let i18n = use_i18n();
    let node = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        attempt.track();
        if items.with_untracked(|i| i.is_empty()) {
            return;
        }
        // The summary renders in the same tick; focus it once it is in the document.
        request_animation_frame(move || {
            if let Some(el) = node.get_untracked() {
                let _ = el.focus();
                el.scroll_into_view();
            }
        });
    });
    view! {
        <Show when=move || items.with(|i| !i.is_empty())>
            <div
                class="ns-error-summary"
                role="alert"
                tabindex="-1"
                node_ref=node
                data-testid="error-summary"
                aria-labelledby="ns-error-summary-title"
            >
                <h2 class="ns-error-summary__title" id="ns-error-summary-title">
                    {i18n.t(forms::ERROR_SUMMARY_TITLE)}
                </h2>
                <ul class="ns-error-summary__list">
                    {move || {
                        items
                            .get()
                            .into_iter()
                            .map(|item| {
                                let target = item.target.clone();
                                view! {
                                    <li>
                                        <a
                                            href=format!("#{}", item.target)
                                            on:click=move |ev| {
                                                ev.prevent_default();
                                                focus_field(&target);
                                            }
                                        >
                                            {item.text}
                                        </a>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </div>
        </Show>
    }
}
