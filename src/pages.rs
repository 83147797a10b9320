//! One module per page. A service gets its own folder (`pages/<service>/`) when it is built;
//! until then it shows [`not_built`], which says so plainly.

pub mod helplines;
pub mod home;
pub mod not_built;
pub mod not_found;

use crate::routes::AppRoute;
use crate::services::Service;
use leptos::prelude::*;

pub fn view_for(route: AppRoute) -> AnyView {
    match route {
        AppRoute::Home => home::HomePage().into_any(),
        AppRoute::Service(Service::Helplines) => helplines::HelplinesPage().into_any(),
        AppRoute::Service(service) => view! { <not_built::NotBuilt service/> }.into_any(),
        AppRoute::NotFound => not_found::NotFound().into_any(),
    }
}
