//! The police-station directory: choose a district, see its stations with their phone
//! numbers (`tel:` links) and e-mail, and narrow the list by a name typed in either script.
//!
//! The lists are the master data the forms use (`GET /api/v1/districts/{code}/police-stations`
//! carries each station's phone), which the service worker keeps stale-while-revalidate: a
//! district opened once works offline afterwards.

use crate::components::field_group::FieldGroup;
use crate::components::page_title::PageTitle;
use crate::forms::masters::{use_masters, Load};
use crate::i18n::{keys::common, keys::forms, keys::police_stations as p, use_i18n, Lang};
use crate::pages::masters_select::{DistrictSelect, ListFailed};
use contract::PoliceStation;
use leptos::prelude::*;

/// A name as compared by the search: lower case (as ASCII: the names are English or
/// Devanagari, which has no case, and Unicode's case tables are 3 KiB brotli of the bundle);
/// chandrabindu as anusvara and no nukta (a list may write कदमकुआं or कदमकुआँ, फ़ or फ);
/// hyphens and dots as spaces; spaces squeezed.
pub fn normalise(name: &str) -> String {
    let folded: String = name
        .to_ascii_lowercase()
        .chars()
        .filter(|&c| c != '\u{093C}')
        .map(|c| match c {
            '\u{0901}' => '\u{0902}',
            '-' | '.' | '_' => ' ',
            c => c,
        })
        .collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether a station's English or Hindi name contains what was typed ("kotwali", "KOTWALI"
/// and "कोतवा" all find Kotwali / कोतवाली); an empty search matches every station.
pub fn matches(station: &PoliceStation, query: &str) -> bool {
    let query = normalise(query);
    query.is_empty()
        || normalise(&station.name_en).contains(&query)
        || normalise(&station.name_hi).contains(&query)
}

/// `tel:` for a phone as the state writes it: only its digits and a leading `+`.
pub fn tel_href(phone: &str) -> String {
    let number: String = phone
        .chars()
        .enumerate()
        .filter(|&(i, c)| c.is_ascii_digit() || (c == '+' && i == 0))
        .map(|(_, c)| c)
        .collect();
    format!("tel:{number}")
}

#[component]
fn StationItem(station: PoliceStation) -> impl IntoView {
    let i18n = use_i18n();
    let PoliceStation {
        name_en,
        name_hi,
        phone,
        email,
        sample,
        ..
    } = station;
    let name = move || {
        let name = if i18n.lang.get() == Lang::Hi {
            &name_hi
        } else {
            &name_en
        };
        i18n.format(p::STATION_NAME, &[("station", name)])
    };
    view! {
        <li class="ns-station" data-testid="station">
            <h3 class="ns-station__name">{name}</h3>
            {match phone {
                Some(phone) => view! {
                    <p class="ns-station__phone">
                        <a class="ns-button ns-button--secondary ns-station__call" href=tel_href(&phone)>
                            {
                                let phone = phone.clone();
                                move || i18n.format(common::CALL_NUMBER, &[("number", &phone)])
                            }
                        </a>
                        {sample.then(|| view! { " " <span class="ns-tag">{i18n.t(p::SAMPLE)}</span> })}
                    </p>
                }.into_any(),
                None => view! { <p class="ns-hint">{i18n.t(p::NO_PHONE)}</p> }.into_any(),
            }}
            {email.map(|email| {
                let href = format!("mailto:{email}");
                view! {
                    <p class="ns-station__email">
                        <a href=href>{move || i18n.format(p::EMAIL, &[("email", &email)])}</a>
                    </p>
                }
            })}
        </li>
    }
}

#[component]
pub fn PoliceStationsPage() -> impl IntoView {
    let i18n = use_i18n();
    let masters = use_masters();
    let district = RwSignal::new(String::new());
    let query = RwSignal::new(String::new());
    // Fetching a list is the outside world; the shared cache makes a second ask free.
    Effect::new(move |_| masters.want_stations(district.get()));
    let load = Memo::new(move |_| {
        let d = district.get();
        masters.stations.with(|s| s.get(&d).cloned())
    });
    let shown = Memo::new(move |_| match load.get() {
        Some(Load::Ready(list)) => {
            let q = query.get();
            Some(
                list.into_iter()
                    .filter(|s| matches(s, &q))
                    .collect::<Vec<_>>(),
            )
        }
        _ => None,
    });
    let district_name = move || {
        masters
            .district_name(&district.get(), i18n.lang.get() == Lang::Hi)
            .unwrap_or_default()
    };
    // Always in the page, so that a screen reader hears each change as the list narrows.
    let count = move || match shown.get() {
        Some(list) if list.is_empty() && !query.with(|q| q.trim().is_empty()) => {
            i18n.format(p::NO_MATCH, &[("query", query.get().trim())])
        }
        Some(list) => i18n.format(p::COUNT, &[("count", &list.len().to_string())]),
        None => String::new(),
    };
    let failed = Signal::derive(move || matches!(load.get(), Some(Load::Failed(_))));
    let retry = Callback::new(move |()| {
        let d = district.get_untracked();
        masters.stations.update(|s| {
            s.remove(&d);
        });
        masters.want_stations(d);
    });
    let no_error = Signal::derive(|| None::<String>);
    view! {
        <PageTitle key=p::TITLE/>
        <p class="ns-lead">{i18n.t(p::INTRO)}</p>
        <div class="ns-form ns-station-filter" role="search">
            <DistrictSelect id="f-district" label=p::DISTRICT value=district error=no_error/>
            <FieldGroup id="f-search".to_owned() label=p::SEARCH hint=Some(p::SEARCH_HINT) optional=false error=no_error>
                <input class="ns-input" id="f-search" name="search" type="search" autocomplete="off"
                    spellcheck="false" aria-describedby="f-search-hint"
                    prop:value=move || query.get()
                    on:input=move |ev| query.set(event_target_value(&ev))/>
            </FieldGroup>
        </div>
        <p class="ns-hint" role="status" data-testid="station-count">{count}</p>
        {move || {
            if district.get().is_empty() {
                return view! { <p data-testid="choose-district">{i18n.t(p::CHOOSE_DISTRICT)}</p> }.into_any();
            }
            match shown.get() {
                Some(list) => view! {
                    <section aria-labelledby="ns-stations-title">
                        <h2 class="ns-heading-l" id="ns-stations-title">
                            {move || i18n.format(p::HEADING, &[("district", &district_name())])}
                        </h2>
                        <ul class="ns-stations" data-testid="stations">
                            {list.into_iter().map(|station| view! { <StationItem station/> }).collect_view()}
                        </ul>
                    </section>
                }.into_any(),
                None if failed.get() => ().into_any(),
                None => view! { <p class="ns-hint">{i18n.t(forms::LOADING_LIST)}</p> }.into_any(),
            }
        }}
        <ListFailed failed retry/>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use contract::{DistrictCode, StationCode};

    fn station(en: &str, hi: &str) -> PoliceStation {
        PoliceStation {
            code: StationCode::parse("PAT-X").unwrap(),
            district: DistrictCode::parse("PAT").unwrap(),
            name_en: en.into(),
            name_hi: hi.into(),
            sample: true,
            phone: None,
            email: None,
        }
    }

    #[test]
    fn a_station_is_found_by_its_name_in_either_script() {
        let kotwali = station("Kotwali", "कोतवाली");
        for query in [
            "kotwali",
            "KOTWALI",
            " Kotwali ",
            "kot",
            "कोतवाली",
            "कोतवा",
            "",
        ] {
            assert!(matches(&kotwali, query), "{query:?}");
        }
        for query in ["gandhi", "गांधी", "kotwali x"] {
            assert!(!matches(&kotwali, query), "{query:?}");
        }
        let maidan = station("Gandhi Maidan", "गांधी मैदान");
        assert!(matches(&maidan, "gandhi  maidan"));
        assert!(matches(&maidan, "Gandhi-Maidan"));
        assert!(matches(&maidan, "मैदान"));
        // Spelling variants of the same Hindi name.
        let kadamkuan = station("Kadamkuan", "कदमकुआं");
        assert!(matches(&kadamkuan, "कदमकुआँ"));
        let mahila = station("Gaya Mahila Thana", "गया महिला थाना");
        assert!(matches(&mahila, "mahila"));
        assert!(matches(&mahila, "महिला थाना"));
        assert!(matches(&station("Fatuha", "फ़तुहा"), "फतुहा"));
    }

    #[test]
    fn tel_links_keep_only_digits_and_a_leading_plus() {
        assert_eq!(tel_href("0612-2219810"), "tel:06122219810");
        assert_eq!(tel_href("+91 94318 22222"), "tel:+919431822222");
        assert_eq!(tel_href("0612 (221) 9810"), "tel:06122219810");
        assert_eq!(tel_href("0612+2219810"), "tel:06122219810");
    }
}
