//! Every page the app has, as a value that knows its path. Links and the router use this enum;
//! no other code spells a path. A journey's paths come from the registry: the service's slug,
//! then its declared step ids.

use crate::services::Service;
use contract::services::ServiceId;
use contract::Reference;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AppRoute {
    Home,
    Service(Service),
    Journey(ServiceId, JourneyPage),
    Status(StatusPage),
    /// The police-station directory: each district's stations with their phone numbers.
    PoliceStations,
    NotFound,
}

/// Following a filing: ask for reference and mobile, or show one case's timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StatusPage {
    Lookup,
    Case(Reference),
}

/// The pages of the one journey every filing service runs, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JourneyPage {
    Start,
    /// A declared step of the service's spec, by index.
    Step(usize),
    Check,
    Verify,
    Confirmation(Reference),
}

/// The `name=value` pairs of an address's query (with or without its `?`), as written: a
/// value that needs it is decoded by its reader.
pub fn query_pairs(query: &str) -> impl Iterator<Item = (&str, &str)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| pair.split_once('='))
}

const CHECK: &str = "check";
const VERIFY: &str = "verify";
const CONFIRMATION: &str = "confirmation";
const STATUS: &str = "status";
const POLICE_STATIONS: &str = "police-stations";

impl AppRoute {
    pub fn path(&self) -> String {
        match self {
            AppRoute::Home => "/".to_owned(),
            AppRoute::Service(s) => format!("/{}", s.slug()),
            AppRoute::Journey(service, page) => {
                let slug = service.slug();
                match page {
                    JourneyPage::Start => format!("/{slug}"),
                    JourneyPage::Step(i) => {
                        let id = service.step_ids().get(*i).copied().unwrap_or("");
                        format!("/{slug}/{id}")
                    }
                    JourneyPage::Check => format!("/{slug}/{CHECK}"),
                    JourneyPage::Verify => format!("/{slug}/{VERIFY}"),
                    JourneyPage::Confirmation(r) => format!("/{slug}/{CONFIRMATION}/{r}"),
                }
            }
            AppRoute::Status(StatusPage::Lookup) => format!("/{STATUS}"),
            AppRoute::Status(StatusPage::Case(r)) => format!("/{STATUS}/{r}"),
            AppRoute::PoliceStations => format!("/{POLICE_STATIONS}"),
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
        if let Some(service) = segments.first().and_then(|s| ServiceId::from_slug(s)) {
            let page = match &segments[1..] {
                [] => Some(JourneyPage::Start),
                [CHECK] => Some(JourneyPage::Check),
                [VERIFY] => Some(JourneyPage::Verify),
                [CONFIRMATION, r] => Reference::parse(r).ok().map(JourneyPage::Confirmation),
                [step] => service
                    .step_ids()
                    .iter()
                    .position(|id| id == step)
                    .map(JourneyPage::Step),
                _ => None,
            };
            return page.map_or(AppRoute::NotFound, |p| AppRoute::Journey(service, p));
        }
        match segments.as_slice() {
            [STATUS] => AppRoute::Status(StatusPage::Lookup),
            [POLICE_STATIONS] => AppRoute::PoliceStations,
            // Status links from slips, QR codes and SMS.
            [STATUS, r] => Reference::parse(r).map_or(AppRoute::NotFound, |r| {
                AppRoute::Status(StatusPage::Case(r))
            }),
            [slug] => Service::from_slug(slug)
                .filter(|s| !matches!(s, Service::Journey(_) | Service::Status))
                .map_or(AppRoute::NotFound, AppRoute::Service),
            _ => AppRoute::NotFound,
        }
    }

    /// The family of pages (one of [`crate::bundle`]'s) this page belongs to: a start page is
    /// static text and a Start link, so it opens as fast as the home page; following a filing
    /// needs the status pages; the FIR copy and the directory read the district and station
    /// lists; a form's pages need the form engine; every bundle says "not found" itself.
    pub const fn family(&self) -> u8 {
        use crate::bundle::{FORM_PAGES, HOME_PAGES, NOT_FOUND, RECORD_PAGES, STATUS_PAGES};
        match self {
            AppRoute::NotFound => NOT_FOUND,
            AppRoute::Home => HOME_PAGES,
            AppRoute::Service(Service::FirCopy) => RECORD_PAGES,
            AppRoute::Service(_) => HOME_PAGES,
            AppRoute::Journey(_, JourneyPage::Start) => HOME_PAGES,
            AppRoute::Journey(..) => FORM_PAGES,
            AppRoute::Status(_) => STATUS_PAGES,
            AppRoute::PoliceStations => RECORD_PAGES,
        }
    }

    /// Where a home-page card leads.
    pub fn for_service(service: Service) -> Self {
        match service {
            Service::Journey(id) => AppRoute::Journey(id, JourneyPage::Start),
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
        let r = Reference::parse("BR-CMP-2026-000123").unwrap();
        for service in contract::services::ALL {
            let steps = service.step_ids().len();
            routes.extend((0..steps).map(|i| AppRoute::Journey(service, JourneyPage::Step(i))));
            routes.push(AppRoute::Journey(service, JourneyPage::Check));
            routes.push(AppRoute::Journey(service, JourneyPage::Verify));
            routes.push(AppRoute::Journey(
                service,
                JourneyPage::Confirmation(r.clone()),
            ));
        }
        routes.push(AppRoute::Status(StatusPage::Case(r)));
        routes.push(AppRoute::PoliceStations);
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
            "/tenant-verification/about-you/x",
            "/tenant-verification/what-happened",
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

    #[test]
    fn a_deep_link_opens_a_declared_step_of_any_service() {
        assert_eq!(
            AppRoute::from_path("/tenant-verification/family"),
            AppRoute::Journey(ServiceId::TenantVerification, JourneyPage::Step(5))
        );
    }
}
