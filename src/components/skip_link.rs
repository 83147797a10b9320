use crate::i18n::{keys::common, use_i18n};
use leptos::prelude::*;

/// First Tab stop on every page: jumps past the header to the page content.
#[component]
pub fn SkipLink() -> impl IntoView {
    let i18n = use_i18n();
    view! { <a class="ns-skip-link" href="#main">{i18n.t(common::SKIP_TO_CONTENT)}</a> }
}
