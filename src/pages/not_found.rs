use crate::components::page_title::PageTitle;
use crate::i18n::{
    keys::{common, errors},
    use_i18n,
};
use crate::routes::AppRoute;
use leptos::prelude::*;

#[component]
pub fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageTitle key=errors::NOT_FOUND_TITLE/>
        <p>{i18n.t(errors::NOT_FOUND_BODY)}</p>
        <p>
            <a href=AppRoute::Home.path() class="ns-back-link">{i18n.t(common::BACK_TO_SERVICES)}</a>
        </p>
    }
}
