//! One module per page; a page with several parts gets its own folder (`pages/<page>/`).
//! The journeys' pages are in [`crate::journey`].

pub mod fir_copy;
pub mod hand_over;
pub mod helplines;
pub mod home;
mod masters_select;
pub mod not_found;
pub mod police_stations;
pub mod status;

use crate::routes::AppRoute;
use crate::services::Service;
use leptos::prelude::*;

/// The page for a route, if this bundle (one of [`crate::bundle`]) carries it; else a hand-over
/// to the bundle that does, with a full page load. The other bundles' code is compiled out.
pub fn view_for<const BUNDLE: u8>(route: AppRoute) -> AnyView {
    use crate::bundle::{carries, shows, FORM_PAGES, HOME_PAGES, RECORD_PAGES, STATUS_PAGES};
    if !shows(BUNDLE, route.family(), crate::kiosk::is_kiosk()) {
        return view! { <hand_over::HandOver route/> }.into_any();
    }
    match route {
        AppRoute::Home if carries(BUNDLE, HOME_PAGES) => home::HomePage().into_any(),
        AppRoute::Service(Service::Helplines) if carries(BUNDLE, HOME_PAGES) => {
            helplines::HelplinesPage().into_any()
        }
        AppRoute::Service(Service::FirCopy) if carries(BUNDLE, RECORD_PAGES) => {
            fir_copy::FirCopyPage().into_any()
        }
        AppRoute::PoliceStations if carries(BUNDLE, RECORD_PAGES) => {
            police_stations::PoliceStationsPage().into_any()
        }
        AppRoute::Journey(service, page) if carries(BUNDLE, FORM_PAGES) => {
            crate::journey::view_for(service, page)
        }
        AppRoute::Journey(service, _) if carries(BUNDLE, HOME_PAGES) => {
            crate::journey::start_page(service, None)
        }
        AppRoute::Status(page) if carries(BUNDLE, STATUS_PAGES) => status::view_for(page),
        // A bundle that lacks a page handed it over above; only not-found pages get here.
        AppRoute::NotFound
        | AppRoute::Home
        | AppRoute::Journey(..)
        | AppRoute::Service(_)
        | AppRoute::Status(_)
        | AppRoute::PoliceStations => not_found::NotFound().into_any(),
    }
}
