use crate::components::page_title::PageTitle;
use crate::i18n::{keys::home, use_i18n};
use crate::routes::AppRoute;
use crate::services::Service;
use leptos::prelude::*;

#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    let cards = Service::ALL
        .into_iter()
        .map(|service| {
            view! {
                <li class="ns-card">
                    <a
                        href=AppRoute::for_service(service).path()
                        class="ns-card__link"
                        data-testid="service-card"
                    >
                        <h3 class="ns-card__title">{i18n.t(service.title())}</h3>
                        <p class="ns-card__summary">{i18n.t(service.summary())}</p>
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <PageTitle key=home::TITLE/>
        <p class="ns-lead">{i18n.t(home::INTRO)}</p>
        <p class="ns-notice ns-notice--emergency">
            <a href="tel:112">{i18n.t(home::EMERGENCY)}</a>
        </p>
        <h2 class="ns-heading-l">{i18n.t(home::SERVICES_HEADING)}</h2>
        <ul class="ns-cards">{cards}</ul>
    }
}
