//! One module per page. A service gets its own folder (`pages/<service>/`) when it is built;
//! until then it shows [`not_built`], which says so plainly.

pub mod fir_copy;
pub mod helplines;
pub mod home;
pub mod load_forms;
mod masters_select;
pub mod not_built;
pub mod not_found;
pub mod police_stations;
pub mod status;

use crate::routes::AppRoute;
use crate::services::Service;
use leptos::prelude::*;

/// The page for a route. In the light bundle (`FORMS = false`) a form's route hands over to
/// the forms bundle with a full page load; the forms' code is compiled out of that bundle.
/// The FIR copy and the police-station directory load district and station lists, so they
/// live in the forms bundle too.
pub fn view_for<const FORMS: bool>(route: AppRoute) -> AnyView {
    match route {
        AppRoute::Home => home::HomePage().into_any(),
        AppRoute::Service(Service::Helplines) => helplines::HelplinesPage().into_any(),
        AppRoute::Service(Service::FirCopy) if FORMS => fir_copy::FirCopyPage().into_any(),
        AppRoute::PoliceStations if FORMS => police_stations::PoliceStationsPage().into_any(),
        AppRoute::Journey(service, page) if FORMS => crate::journey::view_for(service, page),
        AppRoute::Status(page) if FORMS => status::view_for(page),
        route @ (AppRoute::Journey(..)
        | AppRoute::Status(_)
        | AppRoute::Service(Service::FirCopy)
        | AppRoute::PoliceStations) => view! { <load_forms::LoadForms route/> }.into_any(),
        AppRoute::Service(service) => view! { <not_built::NotBuilt service/> }.into_any(),
        AppRoute::NotFound => not_found::NotFound().into_any(),
    }
}
