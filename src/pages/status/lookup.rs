use super::{last_lookup, mine, remember};
use crate::api::{self, ApiError};
use crate::components::error_summary::{ErrorSummary, SummaryItem};
use crate::components::field_group::FieldGroup;
use crate::components::page_title::PageTitle;
use crate::i18n::keys::status_text;
use crate::i18n::{keys::errors, keys::services, keys::status as s, use_i18n, I18n, Key};
use crate::routes::{AppRoute, StatusPage};
use contract::Reference;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

/// Problems with the lookup form: which field, which message.
pub type Problems = Vec<(&'static str, Key)>;

/// The tip a typed reference names, if it is a tip number (opened with no mobile).
pub fn tip(reference: &str) -> Option<Reference> {
    Reference::parse(reference)
        .ok()
        .filter(|r| contract::services::ServiceId::from_reference(r).is_some_and(super::is_tip))
}

/// Checks reference and mobile as typed; the same rules the server runs. A tip number needs
/// no mobile.
pub fn check(reference: &str, mobile: &str) -> Problems {
    let mut p = Vec::new();
    if reference.trim().is_empty() {
        p.push(("f-reference", errors::REQUIRED));
    } else if Reference::parse(reference).is_err() {
        p.push(("f-reference", s::REFERENCE_INVALID));
    }
    if tip(reference).is_some() {
        return p;
    }
    match contract::rules::mobile::parse(mobile) {
        Ok(_) => {}
        Err(contract::rules::RuleError::Required) => p.push(("f-mobile", errors::REQUIRED)),
        Err(_) => p.push(("f-mobile", errors::RULE_MOBILE_INVALID)),
    }
    p
}

/// The failure of a lookup, as a problem on the form.
pub fn failure(e: &ApiError) -> (&'static str, Key) {
    match e {
        ApiError::Rejected { status: 404, .. } => ("f-reference", s::NOT_FOUND),
        ApiError::Rejected { status: 429, .. } => ("f-reference", s::TOO_MANY_LOOKUPS),
        ApiError::Network => ("f-reference", errors::NETWORK),
        _ => ("f-reference", errors::SERVER),
    }
}

pub fn summary(
    i18n: I18n,
    problems: RwSignal<Problems>,
    labels: &'static [(&'static str, Key)],
) -> Signal<Vec<SummaryItem>> {
    Signal::derive(move || {
        problems
            .get()
            .into_iter()
            .map(|(field, msg)| {
                let label = labels
                    .iter()
                    .find(|(f, _)| *f == field)
                    .map_or("", |(_, k)| i18n.get(*k));
                SummaryItem {
                    target: field.to_owned(),
                    text: i18n.format(
                        errors::SUMMARY_ITEM,
                        &[("label", label), ("message", i18n.get(msg))],
                    ),
                }
            })
            .collect()
    })
}

pub fn error_of(
    i18n: I18n,
    problems: RwSignal<Problems>,
    field: &'static str,
) -> Signal<Option<String>> {
    Signal::derive(move || {
        problems.with(|p| {
            p.iter()
                .find(|(f, _)| *f == field)
                .map(|(_, k)| i18n.get(*k).to_owned())
        })
    })
}

const LABELS: &[(&str, Key)] = &[("f-reference", s::REFERENCE), ("f-mobile", s::MOBILE)];

/// The mobile a filing was made with: asked on the lookup page and by a status link.
#[component]
pub fn MobileField(mobile: RwSignal<String>, error: Signal<Option<String>>) -> impl IntoView {
    view! {
        <FieldGroup id="f-mobile".to_string() label=s::MOBILE hint=Some(s::MOBILE_HINT) optional=false error>
            <input class="ns-input" id="f-mobile" name="mobile" type="tel" inputmode="tel" autocomplete="tel-national"
                aria-describedby=move || if error.with(|e| e.is_some()) { "f-mobile-hint f-mobile-error" } else { "f-mobile-hint" }
                aria-invalid=move || error.with(|e| e.is_some()).then_some("true")
                prop:value=move || mobile.get()
                on:input=move |ev| mobile.set(event_target_value(&ev))/>
        </FieldGroup>
    }
}

#[component]
pub fn LookupPage() -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let reference = RwSignal::new(String::new());
    let mobile = RwSignal::new(String::new());
    let problems = RwSignal::new(Problems::new());
    let attempts = RwSignal::new(0u32);
    let busy = RwSignal::new(false);
    let cache = last_lookup();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let found = check(&reference.get_untracked(), &mobile.get_untracked());
        if !found.is_empty() {
            problems.set(found);
            attempts.update(|n| *n += 1);
            return;
        }
        // A tip's status opens by its number: nothing is sent until its page asks.
        if let Some(r) = tip(&reference.get_untracked()) {
            navigate(
                &AppRoute::Status(StatusPage::Case(r)).path(),
                NavigateOptions::default(),
            );
            return;
        }
        busy.set(true);
        let navigate = navigate.clone();
        spawn_local(async move {
            match api::status_lookup(&reference.get_untracked(), &mobile.get_untracked()).await {
                Ok(view) => {
                    remember(&view);
                    let path = AppRoute::Status(StatusPage::Case(view.reference.clone())).path();
                    cache.set(Some(view));
                    navigate(&path, NavigateOptions::default());
                }
                Err(e) => {
                    problems.set(vec![failure(&e)]);
                    attempts.update(|n| *n += 1);
                }
            }
            busy.try_set(false);
        });
    };
    let has_errors = Signal::derive(move || problems.with(|p| !p.is_empty()));
    let ref_error = error_of(i18n, problems, "f-reference");
    let mob_error = error_of(i18n, problems, "f-mobile");
    let mine = mine();
    view! {
        <ErrorSummary items=summary(i18n, problems, LABELS) attempt=attempts/>
        <PageTitle key=services::STATUS_TITLE error=has_errors/>
        <p class="ns-lead">{i18n.t(s::LOOKUP_INTRO)}</p>
        <p class="ns-hint">{i18n.t(s::TIP_NO_MOBILE)}</p>
        <form class="ns-form" novalidate on:submit=on_submit>
            <FieldGroup id="f-reference".to_string() label=s::REFERENCE hint=Some(s::REFERENCE_HINT) optional=false error=ref_error>
                <input class="ns-input" id="f-reference" name="reference" type="text" autocapitalize="characters"
                    spellcheck="false" autocomplete="off"
                    aria-describedby=move || if ref_error.with(|e| e.is_some()) { "f-reference-hint f-reference-error" } else { "f-reference-hint" }
                    aria-invalid=move || ref_error.with(|e| e.is_some()).then_some("true")
                    prop:value=move || reference.get()
                    on:input=move |ev| reference.set(event_target_value(&ev))/>
            </FieldGroup>
            <MobileField mobile error=mob_error/>
            <button type="submit" class="ns-button" data-testid="show-status" aria-disabled=move || busy.get().then_some("true")>
                {i18n.t(s::SHOW)}
            </button>
        </form>
        {(!mine.is_empty()).then(|| view! {
            <section aria-labelledby="ns-mine-title" data-testid="my-applications">
                <h2 class="ns-heading-m" id="ns-mine-title">{i18n.t(s::MINE_TITLE)}</h2>
                <p class="ns-hint">{i18n.t(s::MINE_INTRO)}</p>
                <ul class="ns-mine">
                    {mine.into_iter().map(|m| {
                        let reference = Reference::parse(&m.reference).ok();
                        let href = reference.map(|r| AppRoute::Status(StatusPage::Case(r)).path()).unwrap_or_default();
                        let service = crate::i18n::keys::service_name(m.service);
                        let date = crate::time::format_timestamp(&m.at);
                        view! {
                            <li class="ns-mine__item">
                                <a href=href>{m.reference.clone()}</a>
                                " – " {i18n.t(service)} ": "
                                {move || i18n.format(s::MINE_LAST, &[("status", i18n.get(status_text(m.status))), ("date", &date)])}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        })}
    }
}
