use super::lookup::{check, error_of, failure, summary, MobileField, Problems};
use super::{last_lookup, remember};
use crate::api;
use crate::components::error_summary::ErrorSummary;
use crate::hooks::use_poll::use_status_poll;
use crate::i18n::keys::status_text;
use crate::i18n::{keys::status as s, plural, use_i18n, Key, Lang};
use crate::routes::{AppRoute, StatusPage};
use contract::Reference;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::time::Duration;

const LABELS: &[(&str, Key)] = &[("f-mobile", s::MOBILE)];

#[component]
pub fn CasePage(reference: Reference) -> impl IntoView {
    let i18n = use_i18n();
    let cache = last_lookup();
    let initial = cache.get_untracked().filter(|v| v.reference == reference);
    // Arriving from "Show status", focus goes to the answer, so a screen reader reads it out
    // (after the navigation's own focus on the page, hence the next task).
    let summary = NodeRef::<leptos::html::Div>::new();
    if initial.is_some() {
        set_timeout(
            move || {
                if let Some(el) = summary.get_untracked() {
                    let _ = el.focus();
                }
            },
            Duration::ZERO,
        );
    }
    // A tip opens by its number alone: nothing to ask for when it is not found.
    let tip = super::lookup::tip(reference.as_str()).is_some();
    let tip_reference = reference.clone();
    let poll = use_status_poll(reference.clone(), initial);
    let online = crate::use_online();
    let reference_text = reference.to_string();
    let title = {
        let r = reference.to_string();
        move || i18n.format(s::CASE_TITLE, &[("reference", &r)])
    };
    {
        let title = title.clone();
        Effect::new(move |_| {
            let app = i18n.get(crate::i18n::keys::common::APP_NAME);
            document().set_title(&format!("{} – {app}", title()));
        });
    }

    // "Updated 2 minutes ago" moves on by itself.
    let now = RwSignal::new(crate::time::now_ms());
    if let Ok(h) = set_interval_with_handle(
        move || now.set(crate::time::now_ms()),
        Duration::from_secs(20),
    ) {
        on_cleanup(move || h.clear());
    }
    let freshness = move || {
        let at = poll.checked_at.get()?;
        let minutes = ((now.get().max(at) - at) / 60_000.0).floor() as u64;
        Some(if minutes == 0 {
            i18n.get(s::UPDATED_NOW).to_owned()
        } else {
            plural(i18n.lang.get(), s::UPDATED_AGO, minutes)
        })
    };

    // Changes are announced politely, not the first render, in the language on screen.
    let announced = RwSignal::new(None::<contract::lifecycle::Status>);
    Effect::new(move |prev: Option<Option<u32>>| {
        let version = poll.view.with(|v| v.as_ref().map(|v| v.version));
        if let (Some(Some(before)), Some(now)) = (prev, version) {
            if now != before {
                let current = poll.view.with_untracked(|v| v.as_ref().map(|v| v.current));
                if current.is_some() {
                    announced.set(current);
                }
            }
        }
        version
    });

    view! {
        <h1 class="ns-heading-xl">{title}</h1>
        <div class="ns-visually-hidden" aria-live="polite" data-testid="announce">{move || announced.get().map(|c| i18n.format(s::ANNOUNCE, &[("status", i18n.get(status_text(c)))]))}</div>
        {tip.then(|| view! { <p class="ns-lead">{i18n.t(s::TIP_INTRO)}</p> })}
        // Room for the mobile form that replaces "Loading…" when the case is not open to this
        // browser, so the link and the footer below do not jump when it arrives.
        <div class="ns-case-body">
        <Show when=move || poll.view.with(|v| v.is_none()) && poll.denied.get() && tip>
            <p class="ns-notice" role="alert" data-testid="tip-not-found">{i18n.t(s::TIP_NOT_FOUND)}</p>
        </Show>
        <Show when=move || poll.view.with(|v| v.is_none()) && poll.denied.get() && !tip>
            <MobileGate reference=reference.clone() poll_refresh=poll.refresh view=poll.view/>
        </Show>
        <Show when=move || poll.view.with(|v| v.is_none()) && !online.get()>
            {
                let r = reference_text.clone();
                move || {
                    super::mine().into_iter().find(|m| m.reference == r).map(|m| {
                        let date = crate::time::format_timestamp(&m.at);
                        view! {
                            <p class="ns-notice" data-testid="last-known">
                                {move || i18n.format(s::LAST_KNOWN, &[("status", i18n.get(status_text(m.status))), ("date", &date)])}
                            </p>
                        }
                    })
                }
            }
        </Show>
        <Show when=move || poll.view.with(|v| v.is_none()) && !poll.denied.get() && online.get()>
            <p class="ns-boot" role="status">{i18n.t(crate::i18n::keys::common::LOADING)}</p>
        </Show>
        {move || poll.view.get().map(|view| {
            let hindi = i18n.lang.get() == Lang::Hi;
            let last = view.events.len().saturating_sub(1);
            let events = view.events.iter().enumerate().map(|(i, e)| {
                let office = if hindi { e.office_hi.clone() } else { e.office_en.clone() };
                let note = if hindi { e.note_hi.clone() } else { e.note_en.clone() };
                let current = i == last;
                view! {
                    <li class="ns-timeline__item" class:ns-timeline__item--current=current
                        aria-current=current.then_some("step") data-testid="timeline-event" data-status=e.status.code()>
                        <h3 class="ns-timeline__status">{i18n.get(status_text(e.status))}</h3>
                        <p class="ns-timeline__meta">{if tip { crate::time::format_day(&e.at) } else { crate::time::format_timestamp(&e.at) }} {(!office.is_empty()).then(|| format!(" · {office}"))}</p>
                        {note.map(|n| view! { <p class="ns-timeline__note">{n}</p> })}
                    </li>
                }
            }).collect_view();
            let service = crate::i18n::keys::service_name(view.service);
            let rejected = view.current == contract::lifecycle::Status::Rejected;
            let next = view.next.clone().map(|n| i18n.format(s::NEXT, &[("status", i18n.get(status_text(n.status))), ("date", &crate::time::format_iso_date(&n.by))]));
            let approved = view.current == contract::lifecycle::Status::Approved;
            view! {
                <div class="ns-status-summary" class:ns-status-summary--final=view.is_final && !rejected class:ns-status-summary--rejected=rejected data-testid="current-status" tabindex="-1" node_ref=summary>
                    <p class="ns-status-summary__label">{i18n.get(service)} " · " {i18n.get(s::CURRENT)}</p>
                    <p class="ns-status-summary__value">{i18n.get(status_text(view.current))}</p>
                    {view.fir_number.clone().map(|n| view! { <p data-testid="fir-number">{i18n.format(s::FIR_NUMBER, &[("number", &n)])}</p> })}
                    {view.is_final.then(|| view! { <p data-testid="final">{i18n.get(s::FINAL)}</p> })}
                    {next.map(|n| view! { <p>{n}</p> })}
                </div>
                {approved.then(|| view! {
                    <p class="ns-notice">{i18n.get(s::APPROVED_DOC)}</p>
                    <button type="button" class="ns-button ns-no-print" on:click=move |_| { let _ = window().print(); }>{i18n.get(s::PRINT)}</button>
                })}
                <h2 class="ns-heading-m">{i18n.get(s::TIMELINE)}</h2>
                <ol class="ns-timeline">{events}</ol>
            }
        })}
        </div>
        // Outside the view above, so that a new poll does not empty what is being typed.
        {tip.then(|| view! {
            <Show when=move || poll.view.with(|v| v.is_some())>
                <super::tip::AddToTip reference=tip_reference.clone()/>
            </Show>
        })}
        <Show when=move || poll.view.with(|v| v.is_some())>
            <div class="ns-freshness ns-no-print">
                <p class="ns-hint" data-testid="freshness">{freshness}</p>
                <Show when=move || poll.failing.get() && online.get()>
                    <p class="ns-notice" role="status" data-testid="retrying">{i18n.t(s::RETRYING)}</p>
                </Show>
                <Show when=move || !online.get()>
                    <p class="ns-notice" role="status">{i18n.t(s::OFFLINE)}</p>
                </Show>
                <button type="button" class="ns-button ns-button--secondary" data-testid="refresh"
                    on:click=move |_| poll.refresh.run(())>{i18n.t(s::REFRESH)}</button>
            </div>
        </Show>
        <p class="ns-no-print">
            <a href=AppRoute::Status(StatusPage::Lookup).path() class="ns-back-link">{i18n.t(crate::i18n::keys::services::STATUS_TITLE)}</a>
        </p>
    }
}

/// The case is not open to this browser yet: ask for the mobile it was filed with.
#[component]
fn MobileGate(
    reference: Reference,
    poll_refresh: Callback<()>,
    view: RwSignal<Option<contract::status::StatusView>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let mobile = RwSignal::new(String::new());
    let problems = RwSignal::new(Problems::new());
    let attempts = RwSignal::new(0u32);
    let busy = RwSignal::new(false);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let found = check(reference.as_str(), &mobile.get_untracked());
        if !found.is_empty() {
            problems.set(found);
            attempts.update(|n| *n += 1);
            return;
        }
        busy.set(true);
        let reference = reference.clone();
        spawn_local(async move {
            match api::status_lookup(reference.as_str(), &mobile.get_untracked()).await {
                Ok(v) => {
                    remember(&v);
                    view.set(Some(v));
                    poll_refresh.run(());
                }
                Err(e) => {
                    let (_, key) = failure(&e);
                    problems.set(vec![("f-mobile", key)]);
                    attempts.update(|n| *n += 1);
                }
            }
            busy.try_set(false);
        });
    };
    let error = error_of(i18n, problems, "f-mobile");
    view! {
        <ErrorSummary items=summary(i18n, problems, LABELS) attempt=attempts/>
        <p class="ns-lead">{i18n.t(s::CASE_INTRO_MOBILE)}</p>
        <form class="ns-form" novalidate on:submit=on_submit>
            <MobileField mobile error/>
            <button type="submit" class="ns-button" data-testid="show-status">{i18n.t(s::SHOW)}</button>
        </form>
    }
}
