use crate::components::page_title::PageTitle;
use crate::i18n::{
    keys::{common, services},
    use_i18n,
};
use crate::routes::AppRoute;
use crate::services::Service;
use leptos::prelude::*;
use leptos_router::components::A;

/// A service whose pages are not built yet: says so, and where to go instead. No fake form.
#[component]
pub fn NotBuilt(service: Service) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageTitle key=service.title()/>
        <p class="ns-lead">{i18n.t(service.summary())}</p>
        <div class="ns-notice" data-testid="not-built">
            <p>{i18n.t(services::NOT_BUILT_BODY)}</p>
            <p>{i18n.t(services::NOT_BUILT_MEANWHILE)}</p>
        </div>
        <p>
            <A href=AppRoute::Home.path() attr:class="ns-back-link">{i18n.t(common::BACK_TO_SERVICES)}</A>
        </p>
    }
}
