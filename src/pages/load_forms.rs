use crate::i18n::{keys::common, keys::errors, use_i18n};
use crate::routes::AppRoute;
use crate::storage::session;
use leptos::prelude::*;

/// Set just before handing a path to the forms bundle; the forms bundle clears it on start.
/// Finding it already set for the same path means the server answered with the light bundle
/// again (a misconfigured host): say so instead of reloading for ever.
const HANDOVER_KEY: &str = "ns.forms-handover";

/// Called by the forms bundle when it starts.
pub fn handover_done() {
    if let Some(s) = session() {
        let _ = s.remove_item(HANDOVER_KEY);
    }
}

/// In the light bundle, a form's address: load the forms bundle for it (a full page load, so
/// the server answers with the forms' entry page). Shown only for that moment.
#[component]
pub fn LoadForms(route: AppRoute) -> impl IntoView {
    let i18n = use_i18n();
    let path = route.path();
    let looped = session()
        .and_then(|s| s.get_item(HANDOVER_KEY).ok().flatten())
        .is_some_and(|p| p == path);
    if looped {
        handover_done();
        return view! { <p class="ns-notice" role="alert">{i18n.t(errors::SERVER)}</p> }.into_any();
    }
    Effect::new(move |_| {
        if let Some(s) = session() {
            let _ = s.set_item(HANDOVER_KEY, &path);
        }
        crate::kiosk::remember();
        // Replace, not assign: the router already added this address to the history, and a
        // second entry would make Back land here and load the bundle again (a Back trap).
        let _ = window().location().replace(&path);
    });
    view! { <p class="ns-boot" role="status">{i18n.t(common::LOADING)}</p> }.into_any()
}
