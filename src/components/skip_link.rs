use crate::i18n::{keys::common, use_i18n};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// First Tab stop on every page: jumps past the header to the page content. Focus is moved
/// by hand because browsers do not focus a `tabindex="-1"` target on their own (GOV.UK does
/// the same).
#[component]
pub fn SkipLink() -> impl IntoView {
    let i18n = use_i18n();
    let skip = |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        if let Some(main) = document().get_element_by_id("main") {
            let _ = main.unchecked_into::<web_sys::HtmlElement>().focus();
        }
    };
    view! { <a class="ns-skip-link" href="#main" on:click=skip>{i18n.t(common::SKIP_TO_CONTENT)}</a> }
}
