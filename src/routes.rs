//! Every page the app has, as a value that knows its path. Links and the router use this enum;
//! no other code spells a path.

use crate::services::Service;
use contract::Reference;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AppRoute {
    Home,
    Service(Service),
    Complaint(ComplaintPage),
    Status(StatusPage),
    NotFound,
}

/// Following a filing: ask for reference and mobile, or show one case's timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StatusPage {
    Lookup,
    Case(Reference),
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
const STATUS: &str = "status";

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
            AppRoute::Status(StatusPage::Lookup) => format!("/{STATUS}"),
            AppRoute::Status(StatusPage::Case(r)) => format!("/{STATUS}/{r}"),
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
            [STATUS] => AppRoute::Status(StatusPage::Lookup),
            // Status links from slips, QR codes and SMS.
            [STATUS, r] => Reference::parse(r).map_or(AppRoute::NotFound, |r| {
                AppRoute::Status(StatusPage::Case(r))
            }),
            [slug] => Service::from_slug(slug)
                .filter(|s| !matches!(s, Service::Complaint | Service::Status))
                .map_or(AppRoute::NotFound, AppRoute::Service),
            _ => AppRoute::NotFound,
        }
    }

    /// Where a home-page card leads.
    pub fn for_service(service: Service) -> Self {
        match service {
            Service::Complaint => AppRoute::Complaint(ComplaintPage::Start),
            Service::Status => AppRoute::Status(StatusPage::Lookup),
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
        let r = Reference::parse("BR-CMP-2026-000123").unwrap();
        routes.push(AppRoute::Complaint(ComplaintPage::Confirmation(r.clone())));
        routes.push(AppRoute::Status(StatusPage::Case(r)));
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
            AppRoute::from_path("/status/br-cmp-2026-000123"),
            AppRoute::Status(StatusPage::Case(
                Reference::parse("BR-CMP-2026-000123").unwrap()
            ))
        );
        assert_eq!(AppRoute::from_path("/status/nonsense"), AppRoute::NotFound);
    }
}
