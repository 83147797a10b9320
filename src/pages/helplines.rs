use crate::components::page_title::PageTitle;
use crate::i18n::{
    keys::{common as c, police_stations, services},
    use_i18n,
};
use crate::routes::AppRoute;
use crate::services::{Helpline, HELPLINES};
use leptos::prelude::*;

/// Helplines shown on this page only: the footer, on every page, keeps to the four most
/// urgent, so these cost no first-load markup on every other page.
const MORE_HELPLINES: [Helpline; 2] = [
    Helpline {
        number: "181",
        name: c::HELPLINE_181,
        detail: c::HELPLINE_181_DETAIL,
    },
    Helpline {
        number: "1076",
        name: c::HELPLINE_1076,
        detail: c::HELPLINE_1076_DETAIL,
    },
];

#[component]
pub fn HelplinesPage() -> impl IntoView {
    let i18n = use_i18n();
    let rows = HELPLINES
        .into_iter()
        .chain(MORE_HELPLINES)
        .map(|h| {
            view! {
                <li class="ns-helpline">
                    <h2 class="ns-helpline__name">{i18n.t(h.name)}</h2>
                    <p class="ns-helpline__detail">{i18n.t(h.detail)}</p>
                    <a class="ns-button ns-helpline__call" href=format!("tel:{}", h.number)>
                        {move || i18n.format(c::CALL_NUMBER, &[("number", h.number)])}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <PageTitle key=services::HELPLINES_TITLE/>
        <p class="ns-lead">{i18n.t(services::HELPLINES_INTRO)}</p>
        <p>
            <a href=AppRoute::PoliceStations.path() class="ns-button ns-button--secondary" data-testid="stations-link">
                {i18n.t(police_stations::LINK)}
            </a>
        </p>
        <ul class="ns-helplines">{rows}</ul>
    }
}
