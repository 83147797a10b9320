use crate::i18n::{keys::common, keys::errors, use_i18n, Key};
use leptos::prelude::*;

/// A page's `<h1>`; also names the browser tab "<heading> – Nagrik Seva" in the current
/// language, prefixed "Error: " while the page shows errors (so screen readers hear it first).
#[component]
pub fn PageTitle(key: Key, #[prop(optional, into)] error: Option<Signal<bool>>) -> impl IntoView {
    let i18n = use_i18n();
    Effect::new(move |_| {
        let prefix = if error.is_some_and(|e| e.get()) {
            format!("{} ", i18n.get(errors::ERROR_PREFIX))
        } else {
            String::new()
        };
        document().set_title(&format!(
            "{prefix}{} – {}",
            i18n.get(key),
            i18n.get(common::APP_NAME)
        ));
    });
    view! { <h1 class="ns-heading-xl">{i18n.t(key)}</h1> }
}
