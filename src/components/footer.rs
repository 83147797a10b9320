use crate::i18n::{keys::common, use_i18n};
use crate::services::HELPLINES;
use leptos::prelude::*;

#[component]
pub fn Footer() -> impl IntoView {
    let i18n = use_i18n();
    let helplines = HELPLINES
        .into_iter()
        .map(|h| {
            view! {
                <li class="ns-footer__helpline">
                    <a class="ns-footer__tel" href=format!("tel:{}", h.number)>
                        <span class="ns-footer__number">{h.number}</span>
                        " "
                        <span>{i18n.t(h.name)}</span>
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <footer class="ns-footer">
            <div class="ns-footer__inner">
                <h2 class="ns-footer__heading">{i18n.t(common::FOOTER_HELPLINES_HEADING)}</h2>
                <ul class="ns-footer__helplines">{helplines}</ul>
                <crate::pwa::InstallOffer/>
                <p class="ns-footer__about">{i18n.t(common::FOOTER_ABOUT)}</p>
            </div>
        </footer>
    }
}
