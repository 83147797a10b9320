//! The acknowledgement: reference number, time in IST, police station, what happens next, a
//! printable slip with a QR code of the status link. Shown from the filing's own answer, else
//! loaded from the API by reference, so it survives a reload and can be bookmarked. An
//! anonymous tip's receipt is never given again: after a reload its page shows the number
//! from the address and what to do with it.

use crate::api;
use crate::components::page_title::PageTitle;
use crate::forms::text;
use crate::i18n::{keys::errors, keys::journey as c, plural, use_i18n, Lang};
use crate::routes::{AppRoute, StatusPage};
use contract::services::ServiceId;
use contract::{Acknowledgement, Reference};
use leptos::prelude::*;

/// The query that says the answers on screen were changed after this filing went through.
pub const ALREADY_SENT: &str = "already-sent=1";

#[component]
pub fn ConfirmationPage(service: ServiceId, reference: Reference) -> impl IntoView {
    let i18n = use_i18n();
    let already = window().location().search().is_ok_and(|q| {
        q.trim_start_matches('?')
            .split('&')
            .any(|p| p == ALREADY_SENT)
    });
    let form = crate::forms::use_form(service);
    let held = form
        .receipt
        .get_untracked()
        .filter(|a| a.reference == reference);
    if let Some(a) = held {
        return view! {
            {already.then(|| view! {
                <p class="ns-notice" role="status" data-testid="already-sent">{i18n.t(c::ALREADY_SENT)}</p>
            })}
            <Slip ack=a/>
        }
        .into_any();
    }
    if service.spec().applicant.is_anonymous() {
        return view! { <NumberOnly service reference already/> }.into_any();
    }
    let r = reference.clone();
    let ack = LocalResource::new(move || {
        let r = r.clone();
        async move { api::acknowledgement(&r).await }
    });
    view! {
        <Suspense fallback=move || view! { <p role="status">{i18n.t(crate::i18n::keys::common::LOADING)}</p> }>
            {move || {
                ack.get().map(|result| match result {
                    Ok(a) => view! {
                        {already.then(|| view! {
                            <p class="ns-notice" role="status" data-testid="already-sent">{i18n.t(c::ALREADY_SENT)}</p>
                        })}
                        <Slip ack=a/>
                    }.into_any(),
                    Err(api::ApiError::Rejected { status: 404, .. }) => view! {
                        <PageTitle key=text::service(service, "ack_title")/>
                        <p class="ns-notice">{i18n.t(c::DONE_NOT_FOUND)}</p>
                        <p>
                            <a href=AppRoute::Status(StatusPage::Lookup).path()>
                                {i18n.t(crate::i18n::keys::services::STATUS_TITLE)}
                            </a>
                        </p>
                    }.into_any(),
                    Err(_) => view! {
                        <PageTitle key=text::service(service, "ack_title")/>
                        <p class="ns-notice" role="alert">{i18n.t(errors::NETWORK)}</p>
                    }.into_any(),
                })
            }}
        </Suspense>
    }
    .into_any()
}

/// A tip's number and what to do with it, when its receipt is no longer in memory (a reload,
/// or answers changed after the first ones went through).
#[component]
fn NumberOnly(service: ServiceId, reference: Reference, already: bool) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        {already.then(|| view! {
            <p class="ns-notice" role="status" data-testid="already-sent">{i18n.t(c::ALREADY_SENT)}</p>
        })}
        <div class="ns-panel" data-testid="confirmation">
            <PageTitle key=text::service(service, "done_title")/>
            <p class="ns-panel__label">{i18n.t(c::DONE_TIP_NUMBER)}</p>
            <p class="ns-panel__reference" data-testid="reference">{reference.to_string()}</p>
        </div>
        <h2 class="ns-heading-m">{i18n.t(c::DONE_NEXT_HEADING)}</h2>
        <p data-testid="next-steps">{i18n.t(text::service(service, "done_next"))}</p>
        <p>{i18n.t(next_status(service))}</p>
    }
}

/// How the filing is followed: with its reference and mobile, unless the service says else.
fn next_status(service: ServiceId) -> crate::i18n::Key {
    text::service_optional(service, "done_next_status").unwrap_or(c::DONE_NEXT_STATUS)
}

/// A slip answer as printed: typed text as it is, a choice in the language on screen.
enum SlipValue {
    Typed(String),
    Chosen(crate::i18n::Key),
}

#[component]
fn Slip(ack: Acknowledgement) -> impl IntoView {
    let i18n = use_i18n();
    let status_path = format!("/status/{}", ack.reference);
    let origin = window().location().origin().unwrap_or_default();
    let qr = crate::qr::svg_path(&format!("{origin}{status_path}"));
    let service = ack.service;
    let promise = service.spec().acknowledgement;
    let filed = crate::time::format_timestamp(&ack.filed_at);
    let confirm_by = ack.confirm_by.map(crate::time::format_date);
    let (st_en, st_hi) = (ack.station.name_en.clone(), ack.station.name_hi.clone());
    let station = move || {
        if i18n.lang.get() == Lang::Hi {
            st_hi.clone()
        } else {
            st_en.clone()
        }
    };
    let (d_en, d_hi) = (ack.district.name_en.clone(), ack.district.name_hi.clone());
    let district = move || {
        if i18n.lang.get() == Lang::Hi {
            d_hi.clone()
        } else {
            d_en.clone()
        }
    };
    // A visit in person, where the service needs one (the complaint's signature).
    let next_visit = confirm_by.map(|date| {
        let station = station.clone();
        move || {
            i18n.format(
                text::service(service, "done_next_visit"),
                &[("station", &station()), ("date", &date)],
            )
        }
    });
    let usual = promise
        .usual_days
        .map(|days| move || plural(i18n.lang.get(), c::DONE_USUAL, u64::from(days)));
    // Who filed and what about, where the server sent them (to the session that filed it).
    let ns = service.ns();
    let slip_lines = ack
        .slip
        .iter()
        .filter_map(|line| {
            let spec = service.spec().field(&line.field)?;
            let label = text::label(ns, spec, &line.field);
            let value = if spec.options.is_empty() {
                SlipValue::Typed(line.value.clone())
            } else {
                SlipValue::Chosen(text::option(ns, spec, &line.field, &line.value))
            };
            Some(view! {
                <div class="ns-summary-list__row">
                    <dt class="ns-summary-list__key">{i18n.t(label)}</dt>
                    <dd class="ns-summary-list__value" data-testid=format!("slip-{}", line.field)>
                        {move || match &value {
                            SlipValue::Typed(v) => v.clone(),
                            SlipValue::Chosen(k) => i18n.get(*k).to_owned(),
                        }}
                    </dd>
                </div>
            })
        })
        .collect_view();
    let reference = ack.reference.to_string();
    let reference_label = if service.spec().applicant.is_anonymous() {
        c::DONE_TIP_NUMBER
    } else {
        c::DONE_REFERENCE
    };
    crate::pages::status::remember_mine(crate::pages::status::Mine {
        reference: reference.clone(),
        service: ack.service,
        status: ack.service.lifecycle().first(),
        at: ack.filed_at.clone(),
    });
    view! {
        <div class="ns-panel" data-testid="confirmation">
            <PageTitle key=text::service(service, "done_title")/>
            <p class="ns-panel__label">{i18n.t(reference_label)}</p>
            <p class="ns-panel__reference" data-testid="reference">{reference.clone()}</p>
        </div>
        <section class="ns-slip" aria-labelledby="ns-slip-title">
            <p class="ns-slip__issuer" data-testid="slip-issuer">{i18n.t(c::SLIP_ISSUER)}</p>
            <h2 class="ns-heading-m" id="ns-slip-title">{i18n.t(text::service(service, "ack_title"))}</h2>
            <dl class="ns-summary-list">
                <div class="ns-summary-list__row">
                    <dt class="ns-summary-list__key">{i18n.t(reference_label)}</dt>
                    <dd class="ns-summary-list__value ns-slip__reference">{reference}</dd>
                </div>
                {slip_lines}
                <div class="ns-summary-list__row">
                    <dt class="ns-summary-list__key">{i18n.t(c::DONE_FILED_AT)}</dt>
                    <dd class="ns-summary-list__value">{filed}</dd>
                </div>
                <div class="ns-summary-list__row">
                    <dt class="ns-summary-list__key">{i18n.t(c::DONE_STATION)}</dt>
                    <dd class="ns-summary-list__value" data-testid="station">{station.clone()}", "{district}</dd>
                </div>
                {service.spec().attachments.is_some().then(|| view! {
                    <div class="ns-summary-list__row">
                        <dt class="ns-summary-list__key">{i18n.t(c::DONE_ATTACHMENTS)}</dt>
                        <dd class="ns-summary-list__value">{ack.attachments}</dd>
                    </div>
                })}
            </dl>
            {text::service_optional(service, "slip_note").map(|k| view! {
                <p class="ns-slip__note" data-testid="slip-note">{i18n.t(k)}</p>
            })}
            {qr.map(|(d, side)| view! {
                <figure class="ns-slip__qr">
                    <svg
                        xmlns="http://www.w3.org/2000/svg"
                        viewBox=format!("0 0 {side} {side}")
                        width="160"
                        height="160"
                        role="img"
                        aria-labelledby="ns-qr-caption"
                        data-testid="qr"
                        shape-rendering="crispEdges"
                    >
                        <rect width="100%" height="100%" fill="#fff"></rect>
                        <path d=d fill="#000"></path>
                    </svg>
                    <figcaption id="ns-qr-caption">{i18n.t(c::DONE_QR)}</figcaption>
                </figure>
            })}
        </section>
        {crate::kiosk::is_kiosk().then(|| view! {
            <p class="ns-notice ns-no-print" data-testid="kiosk-clears">{i18n.t(crate::i18n::keys::kiosk::AFTER_CONFIRMATION)}</p>
        })}
        <h2 class="ns-heading-m">{i18n.t(c::DONE_NEXT_HEADING)}</h2>
        {next_visit.map(|text| view! { <p data-testid="next-visit">{text}</p> })}
        <super::notices::AckNotices service ids=ack.notices.clone()/>
        <p data-testid="next-steps">{i18n.t(text::service(service, "done_next"))}</p>
        {usual.map(|text| view! { <p data-testid="usual-time">{text}</p> })}
        <p>{i18n.t(next_status(service))}</p>
        <div class="ns-button-group ns-no-print">
            <button type="button" class="ns-button" data-testid="print" on:click=move |_| { let _ = window().print(); }>
                {i18n.t(c::DONE_PRINT)}
            </button>
            <a href=AppRoute::Status(StatusPage::Case(ack.reference.clone())).path() class="ns-button ns-button--secondary" data-testid="track">
                {i18n.t(c::DONE_TRACK)}
            </a>
        </div>
    }
}
