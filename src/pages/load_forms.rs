use crate::i18n::{keys::common, use_i18n};
use crate::routes::AppRoute;
use leptos::prelude::*;

/// In the light bundle, a form's address: load the forms bundle for it (a full page load, so
/// the server answers with the forms' entry page). Shown only for that moment.
#[component]
pub fn LoadForms(route: AppRoute) -> impl IntoView {
    let i18n = use_i18n();
    let path = route.path();
    Effect::new(move |_| {
        let _ = window().location().assign(&path);
    });
    view! { <p class="ns-boot" role="status">{i18n.t(common::LOADING)}</p> }
}
