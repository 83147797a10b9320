//! A page the running bundle does not show is handed to the bundle that does, with one full
//! page load (see [`crate::bundle`]).

use crate::i18n::{keys::common, keys::errors, use_i18n};
use crate::routes::{AppRoute, JourneyPage};
use crate::storage::session;
use contract::services::ServiceId;
use leptos::prelude::*;

/// Set just before handing a path to another bundle; the bundle that shows it clears it on
/// start. Finding it already set for the same path means the server answered with a bundle
/// that does not show it again (a misconfigured host): say so instead of reloading for ever.
const HANDOVER_KEY: &str = "ns.forms-handover";

/// Called by a bundle that starts on a page it shows.
pub fn handover_done() {
    if let Some(s) = session() {
        let _ = s.remove_item(HANDOVER_KEY);
    }
}

/// The address whose answer is the forms bundle whatever page it is for: its own entry page.
/// A kiosk loads it for a page another bundle would answer (see [`crate::bundle::shows`]).
fn kiosk_entry() -> String {
    let journey = AppRoute::Journey(ServiceId::Complaint, JourneyPage::Start);
    format!("{}/index.html", journey.path())
}

/// The query parameter of a kiosk's hand-over address that names the page handed over.
const PAGE_PARAM: &str = "page";

/// Where a kiosk hands the page at `address` (path, query and fragment): [`kiosk_entry`],
/// with the kiosk's options and the page in its query. Both travel in the address rather
/// than in sessionStorage, which a late `Clear-Site-Data` answer (a reset's logout) may empty
/// on the way.
fn kiosk_handover_address(config: crate::kiosk::KioskConfig, address: &str) -> String {
    let page = String::from(js_sys::encode_uri_component(address));
    format!(
        "{}?{}&{PAGE_PARAM}={page}",
        kiosk_entry(),
        config.to_query()
    )
}

/// In the forms bundle, first thing, when a kiosk's hand-over opened it (see
/// [`kiosk_handover_address`]): keeps the kiosk's options in this session again and puts the
/// page's own address back before anything reads it, so the citizen sees (and Back and reload
/// use) that address. Only a path of this app is taken.
pub fn restore_kiosk_address() {
    let location = window().location();
    if location.pathname().ok() != Some(kiosk_entry()) {
        return;
    }
    let search = location.search().unwrap_or_default();
    let Some(config) = crate::kiosk::KioskConfig::from_query(&search) else {
        return;
    };
    let Some(page) = crate::routes::query_pairs(&search)
        .find_map(|(name, value)| (name == PAGE_PARAM).then_some(value))
        .and_then(|p| js_sys::decode_uri_component(p).ok())
        .map(String::from)
    else {
        return;
    };
    let path = page.split(['?', '#']).next().unwrap_or_default();
    if !page.starts_with('/')
        || page.starts_with("//")
        || AppRoute::from_path(path) == AppRoute::NotFound
    {
        return;
    }
    crate::kiosk::store(config);
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&page));
    }
}

/// A page this bundle does not show: load the bundle that does (a full page load, so the
/// server answers with that bundle's entry page; at a kiosk, the forms bundle's entry page for
/// every page but a home page). Shown only for that moment.
#[component]
pub fn HandOver(route: AppRoute) -> impl IntoView {
    let i18n = use_i18n();
    // The page's address as it was opened, query and fragment too (a kiosk's options).
    let location = window().location();
    let path = format!(
        "{}{}{}",
        route.path(),
        location.search().unwrap_or_default(),
        location.hash().unwrap_or_default()
    );
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
        let to = match crate::kiosk::config() {
            Some(config) if crate::bundle::kiosk_hands_to_forms(route.family()) => {
                kiosk_handover_address(config, &path)
            }
            _ => path.clone(),
        };
        // Replace, not assign: the router already added this address to the history, and a
        // second entry would make Back land here and load the bundle again (a Back trap).
        let _ = window().location().replace(&to);
    });
    view! { <p class="ns-boot" role="status">{i18n.t(common::LOADING)}</p> }.into_any()
}
