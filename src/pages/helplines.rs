use crate::components::page_title::PageTitle;
use crate::i18n::{
    keys::{common, services},
    use_i18n,
};
use crate::services::HELPLINES;
use leptos::prelude::*;

#[component]
pub fn HelplinesPage() -> impl IntoView {
    let i18n = use_i18n();
    let rows = HELPLINES
        .into_iter()
        .map(|h| {
            view! {
                <li class="ns-helpline">
                    <h2 class="ns-helpline__name">{i18n.t(h.name)}</h2>
                    <p class="ns-helpline__detail">{i18n.t(h.detail)}</p>
                    <a class="ns-button ns-helpline__call" href=format!("tel:{}", h.number)>
                        {move || i18n.format(common::CALL_NUMBER, &[("number", h.number)])}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <PageTitle key=services::HELPLINES_TITLE/>
        <p class="ns-lead">{i18n.t(services::HELPLINES_INTRO)}</p>
        <ul class="ns-helplines">{rows}</ul>
    }
}
