//! Master data (districts, police stations) fetched once and shared; names shown in the
//! citizen's language, codes never shown.

use crate::api::{self, ApiError};
use contract::{District, PoliceStation};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq)]
pub enum Load<T> {
    Loading,
    Ready(T),
    Failed(ApiError),
}

#[derive(Clone, Copy)]
pub struct Masters {
    pub districts: RwSignal<Option<Load<Vec<District>>>>,
    pub stations: RwSignal<HashMap<String, Load<Vec<PoliceStation>>>>,
}

impl Masters {
    pub fn new() -> Self {
        Self {
            districts: RwSignal::new(None),
            stations: RwSignal::new(HashMap::new()),
        }
    }

    /// Starts loading the district list unless it is loaded or loading.
    pub fn want_districts(self) {
        if matches!(
            self.districts.get_untracked(),
            Some(Load::Loading | Load::Ready(_))
        ) {
            return;
        }
        self.districts.set(Some(Load::Loading));
        spawn_local(async move {
            let result = api::districts().await;
            self.districts.set(Some(match result {
                Ok(d) => Load::Ready(d),
                Err(e) => Load::Failed(e),
            }));
        });
    }

    pub fn want_stations(self, district: String) {
        if district.is_empty() {
            return;
        }
        let current = self.stations.with_untracked(|s| s.get(&district).cloned());
        if matches!(current, Some(Load::Loading | Load::Ready(_))) {
            return;
        }
        self.stations.update(|s| {
            s.insert(district.clone(), Load::Loading);
        });
        spawn_local(async move {
            let result = api::police_stations(&district).await;
            self.stations.update(|s| {
                s.insert(
                    district,
                    match result {
                        Ok(list) => Load::Ready(list),
                        Err(e) => Load::Failed(e),
                    },
                );
            });
        });
    }

    /// Name of a district code in the chosen language, if the list is loaded.
    pub fn district_name(self, code: &str, hindi: bool) -> Option<String> {
        self.districts.with(|d| match d {
            Some(Load::Ready(list)) => list.iter().find(|x| x.code.as_str() == code).map(|x| {
                if hindi {
                    x.name_hi.clone()
                } else {
                    x.name_en.clone()
                }
            }),
            _ => None,
        })
    }

    pub fn station_name(self, district: &str, code: &str, hindi: bool) -> Option<String> {
        self.stations.with(|s| match s.get(district) {
            Some(Load::Ready(list)) => list.iter().find(|x| x.code.as_str() == code).map(|x| {
                if hindi {
                    x.name_hi.clone()
                } else {
                    x.name_en.clone()
                }
            }),
            _ => None,
        })
    }
}

impl Default for Masters {
    fn default() -> Self {
        Self::new()
    }
}

pub fn use_masters() -> Masters {
    expect_context::<Masters>()
}
