//! The installable app: the update banner, the install button and the offline notices.
//! `public/pwa.js` registers the service worker and reports through `window.nsPwa` and the
//! `ns-pwa-*` events; this module turns those into translated UI. Nothing reloads by itself:
//! a new version waits until the citizen presses Reload, so no form is lost mid-way.

use crate::i18n::{keys::common as c, use_i18n};
use crate::routes::{AppRoute, JourneyPage};
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

fn ns_pwa() -> Option<JsValue> {
    js_sys::Reflect::get(&window(), &JsValue::from_str("nsPwa"))
        .ok()
        .filter(|v| v.is_object())
}

fn flag(name: &str) -> bool {
    ns_pwa()
        .and_then(|p| js_sys::Reflect::get(&p, &JsValue::from_str(name)).ok())
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

fn call(name: &str) {
    call_with(name, "");
}

/// Calls `window.nsPwa[name](arg)`; false when `pwa.js` did not load or has no such function.
pub fn call_with(name: &str, arg: &str) -> bool {
    let Some(p) = ns_pwa() else { return false };
    js_sys::Reflect::get(&p, &JsValue::from_str(name))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .is_some_and(|f| f.call1(&p, &JsValue::from_str(arg)).is_ok())
}

#[derive(Clone, Copy)]
pub struct Pwa {
    pub update_ready: RwSignal<bool>,
    pub can_install: RwSignal<bool>,
    pub installed: RwSignal<bool>,
}

pub fn provide_pwa() {
    let pwa = Pwa {
        update_ready: RwSignal::new(flag("updateReady")),
        can_install: RwSignal::new(flag("canInstall") && !crate::kiosk::is_kiosk()),
        installed: RwSignal::new(flag("installed")),
    };
    let handles = [
        window_event_listener(
            ev::Custom::new("ns-pwa-update"),
            move |_: web_sys::Event| pwa.update_ready.set(true),
        ),
        window_event_listener(
            ev::Custom::new("ns-pwa-installable"),
            move |_: web_sys::Event| pwa.can_install.set(!crate::kiosk::is_kiosk()),
        ),
        window_event_listener(
            ev::Custom::new("ns-pwa-installed"),
            move |_: web_sys::Event| {
                pwa.installed.set(true);
                pwa.can_install.set(false);
            },
        ),
    ];
    on_cleanup(move || handles.into_iter().for_each(|h| h.remove()));
    provide_context(pwa);
}

fn use_pwa() -> Option<Pwa> {
    use_context::<Pwa>()
}

/// "A new version is available — Reload", above the page content.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let i18n = use_i18n();
    let Some(pwa) = use_pwa() else {
        return ().into_any();
    };
    (move || {
        pwa.update_ready.get().then(|| {
            view! {
                <div class="ns-banner" role="status" data-testid="update-banner">
                    <span>{i18n.t(c::UPDATE_AVAILABLE)}</span>
                    " "
                    <button type="button" class="ns-button ns-button--secondary" on:click=move |_| call("applyUpdate")>
                        {i18n.t(c::UPDATE_RELOAD)}
                    </button>
                </div>
            }
        })
    })
    .into_any()
}

/// The footer's way to install: a button once the browser offers installation, else help for
/// browsers that never offer the prompt ("Add to Home screen"); nothing on a kiosk. In the
/// footer, not the header: the offer comes a moment after the page is drawn, and a header that
/// grew a button then would push the whole page down (a layout shift the bench measured).
#[component]
pub fn InstallOffer() -> impl IntoView {
    let i18n = use_i18n();
    let Some(pwa) = use_pwa() else {
        return ().into_any();
    };
    if crate::kiosk::is_kiosk() {
        return ().into_any();
    }
    (move || {
        if pwa.installed.get() {
            ().into_any()
        } else if pwa.can_install.get() {
            view! {
                <p class="ns-install-offer">
                    <button type="button" class="ns-button ns-button--secondary" data-testid="install" on:click=move |_| call("install")>
                        {i18n.t(c::INSTALL)}
                    </button>
                </p>
            }
            .into_any()
        } else {
            view! {
                <details class="ns-install-help" data-testid="install-help">
                    <summary>{i18n.t(c::INSTALL_HELP_SUMMARY)}</summary>
                    <p>{i18n.t(c::INSTALL_HELP)}</p>
                </details>
            }
            .into_any()
        }
    })
    .into_any()
}

/// The header's offline badge, and on reconnecting a way back to an unfinished complaint.
#[component]
pub fn ConnectionNotices() -> impl IntoView {
    let i18n = use_i18n();
    let online = crate::use_online();
    let was_offline = RwSignal::new(false);
    // The service with an unfinished draft to go back to, if any.
    let back = RwSignal::new(None::<contract::services::ServiceId>);
    Effect::new(move |_| {
        if online.get() {
            if was_offline.get_untracked() {
                back.set(
                    contract::services::ALL
                        .into_iter()
                        .find(|s| crate::forms::draft::waiting(s.slug())),
                );
            }
        } else {
            was_offline.set(true);
            back.set(None);
        }
    });
    move || {
        if !online.get() {
            Some(
                view! {
                    <p class="ns-banner ns-banner--offline" role="status" data-testid="offline">
                        <strong>{i18n.t(c::OFFLINE)}</strong> " " {i18n.t(c::OFFLINE_DETAIL)}
                    </p>
                }
                .into_any(),
            )
        } else {
            back.get().map(|service| view! {
                <p class="ns-banner" role="status" data-testid="back-online">
                    {i18n.t(c::BACK_ONLINE)} " "
                    <a href=AppRoute::Journey(service, JourneyPage::Check).path() on:click=move |_| back.set(None)>
                        {i18n.t(c::BACK_ONLINE_LINK)}
                    </a>
                </p>
            }.into_any())
        }
    }
}
