use crate::i18n::{keys::common, use_i18n, Key};
use leptos::prelude::*;

/// A page's `<h1>`; also names the browser tab "<heading> – Nagrik Seva" in the current language.
#[component]
pub fn PageTitle(key: Key) -> impl IntoView {
    let i18n = use_i18n();
    Effect::new(move |_| {
        document().set_title(&format!(
            "{} – {}",
            i18n.get(key),
            i18n.get(common::APP_NAME)
        ));
    });
    view! { <h1 class="ns-heading-xl">{i18n.t(key)}</h1> }
}
