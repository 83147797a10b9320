//! District and police-station selects for the pages outside the form engine (the FIR copy,
//! the station directory), over the same shared master lists as the forms
//! (`forms::masters`): names in the citizen's language, codes never shown.

use crate::components::field_group::{described_by, FieldGroup};
use crate::forms::masters::{use_masters, Load};
use crate::i18n::{keys::forms, use_i18n, Key, Lang};
use leptos::prelude::*;

/// `(code, name)` pairs for a select, in the current language.
type Options = Signal<Vec<(String, String)>>;

#[component]
fn Select(
    id: &'static str,
    label: Key,
    hint: Option<Key>,
    value: RwSignal<String>,
    error: Signal<Option<String>>,
    options: Options,
    placeholder: Signal<&'static str>,
    on_change: Callback<String>,
) -> impl IntoView {
    view! {
        <FieldGroup id=id.to_owned() label hint optional=false error>
            <select
                class="ns-select"
                class:ns-input--error=move || error.with(|e| e.is_some())
                id=id
                name=id
                autocomplete="off"
                aria-describedby=move || described_by(id, hint.is_some(), error.with(|e| e.is_some()))
                aria-invalid=move || error.with(|e| e.is_some()).then_some("true")
                on:change=move |ev| on_change.run(event_target_value(&ev))
            >
                <option value="" selected=move || value.get().is_empty()>{move || placeholder.get()}</option>
                {move || {
                    let current = value.get();
                    options
                        .get()
                        .into_iter()
                        .map(|(v, name)| {
                            let selected = v == current;
                            view! { <option value=v selected=selected>{name}</option> }
                        })
                        .collect_view()
                }}
            </select>
        </FieldGroup>
    }
}

/// "The list could not be loaded. Try again" under a select whose list failed.
#[component]
pub fn ListFailed(#[prop(into)] failed: Signal<bool>, retry: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Show when=move || failed.get()>
            <p class="ns-hint" role="status">
                {i18n.t(forms::LIST_FAILED)}
                " "
                <button type="button" class="ns-link-button" on:click=move |_| retry.run(())>
                    {i18n.t(forms::TRY_AGAIN)}
                </button>
            </p>
        </Show>
    }
}

/// The districts. Choosing another one empties `clears` (the station chosen in the old one).
#[component]
pub fn DistrictSelect(
    id: &'static str,
    label: Key,
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(optional)] clears: Option<RwSignal<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let masters = use_masters();
    masters.want_districts();
    let options = Signal::derive(move || {
        let hindi = i18n.lang.get() == Lang::Hi;
        masters.districts.with(|d| match d {
            Some(Load::Ready(list)) => list
                .iter()
                .map(|d| {
                    let name = if hindi { &d.name_hi } else { &d.name_en };
                    (d.code.to_string(), name.clone())
                })
                .collect(),
            _ => Vec::new(),
        })
    });
    let failed = Signal::derive(move || matches!(masters.districts.get(), Some(Load::Failed(_))));
    let placeholder = Signal::derive(move || match masters.districts.get() {
        Some(Load::Ready(_) | Load::Failed(_)) => i18n.get(forms::CHOOSE),
        _ => i18n.get(forms::LOADING_LIST),
    });
    let on_change = Callback::new(move |code: String| {
        if let Some(station) = clears {
            station.set(String::new());
        }
        value.set(code);
    });
    let retry = Callback::new(move |()| {
        masters.districts.set(None);
        masters.want_districts();
    });
    view! {
        <Select id label hint=None value error options placeholder on_change/>
        <ListFailed failed retry/>
    }
}

/// The stations of `district`, loaded when it is chosen.
#[component]
pub fn StationSelect(
    id: &'static str,
    label: Key,
    #[prop(into)] district: Signal<String>,
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let masters = use_masters();
    // Fetching a list is the outside world; the shared cache makes a second ask free.
    Effect::new(move |_| masters.want_stations(district.get()));
    let load = Signal::derive(move || {
        let d = district.get();
        masters.stations.with(|s| s.get(&d).cloned())
    });
    let options = Signal::derive(move || {
        let hindi = i18n.lang.get() == Lang::Hi;
        match load.get() {
            Some(Load::Ready(list)) => list
                .iter()
                .map(|s| {
                    let name = if hindi { &s.name_hi } else { &s.name_en };
                    (s.code.to_string(), name.clone())
                })
                .collect(),
            _ => Vec::new(),
        }
    });
    let failed = Signal::derive(move || matches!(load.get(), Some(Load::Failed(_))));
    let placeholder = Signal::derive(move || {
        if district.get().is_empty() {
            i18n.get(forms::CHOOSE_DISTRICT_FIRST)
        } else if matches!(load.get(), Some(Load::Loading) | None) {
            i18n.get(forms::LOADING_LIST)
        } else {
            i18n.get(forms::CHOOSE)
        }
    });
    let on_change = Callback::new(move |code: String| value.set(code));
    let retry = Callback::new(move |()| {
        let d = district.get_untracked();
        masters.stations.update(|s| {
            s.remove(&d);
        });
        masters.want_stations(d);
    });
    view! {
        <Select id label hint=None value error options placeholder on_change/>
        <ListFailed failed retry/>
    }
}
