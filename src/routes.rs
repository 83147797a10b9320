//! Every page the app has, as a value that knows its path. Links and the router use this enum;
//! no other code spells a path.

use crate::services::Service;
use contract::Reference;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AppRoute {
    Home,
    Service(Service),
    Complaint(ComplaintPage),
    NotFound,
}

/// The pages of the e-complaint journey, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ComplaintPage {
    Start,
    /// A step of `contract::services::complaint::SPEC`, by index.
    Step(usize),
    Check,
    Verify,
    Confirmation(Reference),
}

const COMPLAINT: &str = "complaint";
const CHECK: &str = "check";
const VERIFY: &str = "verify";
const CONFIRMATION: &str = "confirmation";

impl AppRoute {
    pub fn path(&self) -> String {
        match self {
            AppRoute::Home => "/".to_owned(),
            AppRoute::Service(s) => format!("/{}", s.slug()),
            AppRoute::Complaint(page) => match page {
                ComplaintPage::Start => format!("/{COMPLAINT}"),
                ComplaintPage::Step(i) => {
                    let id = contract::services::complaint::SPEC
                        .steps
                        .get(*i)
                        .map_or("", |s| s.id);
                    format!("/{COMPLAINT}/{id}")
                }
                ComplaintPage::Check => format!("/{COMPLAINT}/{CHECK}"),
                ComplaintPage::Verify => format!("/{COMPLAINT}/{VERIFY}"),
                ComplaintPage::Confirmation(r) => format!("/{COMPLAINT}/{CONFIRMATION}/{r}"),
            },
            // Not a place anyone links to; kept so every value has a path.
            AppRoute::NotFound => "/404".to_owned(),
        }
    }

    /// The route for a location's pathname. A trailing slash is forgiven.
    pub fn from_path(path: &str) -> Self {
        let trimmed = path.trim_end_matches('/');
        if trimmed.is_empty() {
            return AppRoute::Home;
        }
        let segments: Vec<&str> = trimmed.trim_start_matches('/').split('/').collect();
        match segments.as_slice() {
            [COMPLAINT] => AppRoute::Complaint(ComplaintPage::Start),
            [COMPLAINT, CHECK] => AppRoute::Complaint(ComplaintPage::Check),
            [COMPLAINT, VERIFY] => AppRoute::Complaint(ComplaintPage::Verify),
            [COMPLAINT, CONFIRMATION, r] => Reference::parse(r).map_or(AppRoute::NotFound, |r| {
                AppRoute::Complaint(ComplaintPage::Confirmation(r))
            }),
            [COMPLAINT, step] => contract::services::complaint::SPEC
                .steps
                .iter()
                .position(|s| s.id == *step)
                .map_or(AppRoute::NotFound, |i| {
                    AppRoute::Complaint(ComplaintPage::Step(i))
                }),
            // Status links from slips and SMS; the status pages come with live tracking.
            ["status", r] if Reference::parse(r).is_ok() => AppRoute::Service(Service::Status),
            [slug] => Service::from_slug(slug)
                .filter(|s| *s != Service::Complaint)
                .map_or(AppRoute::NotFound, AppRoute::Service),
            _ => AppRoute::NotFound,
        }
    }

    /// Where a home-page card leads.
    pub fn for_service(service: Service) -> Self {
        match service {
            Service::Complaint => AppRoute::Complaint(ComplaintPage::Start),
            other => AppRoute::Service(other),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_routes() -> Vec<AppRoute> {
        let mut routes = vec![AppRoute::Home];
        routes.extend(Service::ALL.into_iter().map(AppRoute::for_service));
        let steps = contract::services::complaint::SPEC.steps.len();
        routes.extend((0..steps).map(|i| AppRoute::Complaint(ComplaintPage::Step(i))));
        routes.push(AppRoute::Complaint(ComplaintPage::Check));
        routes.push(AppRoute::Complaint(ComplaintPage::Verify));
        routes.push(AppRoute::Complaint(ComplaintPage::Confirmation(
            Reference::parse("BR-CMP-2026-000123").unwrap(),
        )));
        routes
    }

    #[test]
    fn every_route_round_trips_through_its_path() {
        for r in all_routes() {
            assert_eq!(AppRoute::from_path(&r.path()), r, "{}", r.path());
            assert_eq!(AppRoute::from_path(&format!("{}/", r.path())), r);
        }
    }

    #[test]
    fn unknown_paths_are_not_found() {
        for p in [
            "/nope",
            "/complaint/extra/deep/er",
            "/complaint/nope",
            "/complaint/confirmation/not-a-ref",
            "/api/v1/health",
            "/404",
            "//x",
        ] {
            assert_eq!(AppRoute::from_path(p), AppRoute::NotFound, "{p}");
        }
        assert_eq!(AppRoute::from_path(""), AppRoute::Home);
    }

    #[test]
    fn status_links_from_slips_open_the_status_service() {
        assert_eq!(
            AppRoute::from_path("/status/BR-CMP-2026-000123"),
            AppRoute::Service(Service::Status)
        );
    }
}
