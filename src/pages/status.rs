//! Track an application: look it up by reference and mobile, then watch its timeline move as
//! the police act (live polling paced by the server). "My applications" lists what this phone
//! filed or looked up: reference, service, last status and date, nothing personal.

mod case;
mod lookup;
mod tip;

use crate::routes::StatusPage;
use contract::lifecycle::Status;
use contract::status::StatusView;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

pub fn view_for(page: StatusPage) -> AnyView {
    match page {
        StatusPage::Lookup => lookup::LookupPage().into_any(),
        StatusPage::Case(reference) => view! { <case::CasePage reference/> }.into_any(),
    }
}

/// A view just fetched by the lookup page, handed to the case page so it shows at once.
#[derive(Clone, Copy)]
pub struct LastLookup(pub RwSignal<Option<StatusView>>);

impl LastLookup {
    /// Provided once for the app: a page's own signals go when the page goes.
    pub fn provide() {
        provide_context(LastLookup(RwSignal::new(None)));
    }
}

pub fn last_lookup() -> RwSignal<Option<StatusView>> {
    expect_context::<LastLookup>().0
}

/// One line of "My applications".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mine {
    pub reference: String,
    pub service: contract::services::ServiceId,
    pub status: Status,
    /// RFC 3339 time of the last status.
    pub at: String,
}

const MINE_KEY: &str = "ns.my-applications";
const MINE_MAX: usize = 20;

pub fn mine() -> Vec<Mine> {
    if crate::kiosk::is_kiosk() {
        return Vec::new();
    }
    crate::storage::get(MINE_KEY)
        .and_then(|raw| crate::json::from_text(&raw))
        .unwrap_or_default()
}

/// Notes a filing's latest status on this phone (never on a kiosk).
pub fn remember(view: &StatusView) {
    let at = view.events.last().map(|e| e.at.clone()).unwrap_or_default();
    remember_mine(Mine {
        reference: view.reference.to_string(),
        service: view.service,
        status: view.current,
        at,
    });
}

/// Whether `service` is a confidential tip's: nothing of it is kept on the phone. (The tip
/// lifecycle is the anonymous service's, as `contract::services` checks; this reads the
/// cheap `lifecycle` rather than linking the declarations into this bundle.)
pub fn is_tip(service: contract::services::ServiceId) -> bool {
    service.lifecycle() == contract::lifecycle::Lifecycle::Tip
}

pub fn remember_mine(entry: Mine) {
    if crate::kiosk::is_kiosk() || is_tip(entry.service) {
        return;
    }
    let mut list = mine();
    list.retain(|m| m.reference != entry.reference);
    list.insert(0, entry);
    list.truncate(MINE_MAX);
    if let Some(json) = crate::json::to_text(&list) {
        crate::storage::set(MINE_KEY, &json);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_has_its_own_text() {
        for status in Status::ALL {
            let name = format!("status.code_{}", status.code());
            assert!(
                crate::i18n::keys::by_name(&name).is_some(),
                "missing {name}"
            );
        }
    }
}
