//! Every page the app has, as a value that knows its path. Links and the router use this enum;
//! no other code spells a path.

use crate::services::Service;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AppRoute {
    Home,
    Service(Service),
    NotFound,
}

impl AppRoute {
    pub fn path(self) -> String {
        match self {
            AppRoute::Home => "/".to_owned(),
            AppRoute::Service(s) => format!("/{}", s.slug()),
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
        let mut segments = trimmed.trim_start_matches('/').split('/');
        match (segments.next(), segments.next()) {
            (Some(slug), None) => {
                Service::from_slug(slug).map_or(AppRoute::NotFound, AppRoute::Service)
            }
            _ => AppRoute::NotFound,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_round_trips_through_its_path() {
        assert_eq!(AppRoute::from_path(&AppRoute::Home.path()), AppRoute::Home);
        for s in Service::ALL {
            let r = AppRoute::Service(s);
            assert_eq!(AppRoute::from_path(&r.path()), r);
            assert_eq!(AppRoute::from_path(&format!("{}/", r.path())), r);
        }
    }

    #[test]
    fn unknown_paths_are_not_found() {
        for p in [
            "/nope",
            "/complaint/extra/deep",
            "/api/v1/health",
            "/404",
            "//x",
        ] {
            assert_eq!(AppRoute::from_path(p), AppRoute::NotFound, "{p}");
        }
        assert_eq!(AppRoute::from_path(""), AppRoute::Home);
    }
}
