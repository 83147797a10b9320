//! The acknowledgement: reference number, time in IST, police station, what happens next, a
//! printable slip with a QR code of the status link. Loaded from the API by reference, so it
//! survives a reload and can be bookmarked.

use crate::api;
use crate::components::page_title::PageTitle;
use crate::i18n::{keys::complaint as c, keys::errors, use_i18n, Lang};
use crate::routes::{AppRoute, StatusPage};
use contract::{Acknowledgement, Reference};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn ConfirmationPage(reference: Reference) -> impl IntoView {
    let i18n = use_i18n();
    let r = reference.clone();
    let ack = LocalResource::new(move || {
        let r = r.clone();
        async move { api::acknowledgement(&r).await }
    });
    view! {
        <Suspense fallback=move || view! { <p role="status">{i18n.t(crate::i18n::keys::common::LOADING)}</p> }>
            {move || {
                ack.get().map(|result| match result {
                    Ok(a) => view! { <Slip ack=a/> }.into_any(),
                    Err(api::ApiError::Rejected { status: 404, .. }) => view! {
                        <PageTitle key=c::ACK_TITLE/>
                        <p class="ns-notice">{i18n.t(c::DONE_NOT_FOUND)}</p>
                    }.into_any(),
                    Err(_) => view! {
                        <PageTitle key=c::ACK_TITLE/>
                        <p class="ns-notice" role="alert">{i18n.t(errors::NETWORK)}</p>
                    }.into_any(),
                })
            }}
        </Suspense>
    }
}

#[component]
fn Slip(ack: Acknowledgement) -> impl IntoView {
    let i18n = use_i18n();
    let status_path = format!("/status/{}", ack.reference);
    let origin = window().location().origin().unwrap_or_default();
    let qr = crate::qr::svg_path(&format!("{origin}{status_path}"));
    let filed = crate::time::format_timestamp(&ack.filed_at);
    let confirm_by = crate::time::format_date(ack.confirm_by);
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
    let next_sign = {
        let station = station.clone();
        move || {
            i18n.format(
                c::DONE_NEXT_SIGN,
                &[("station", &station()), ("date", &confirm_by)],
            )
        }
    };
    let reference = ack.reference.to_string();
    crate::pages::status::remember_mine(crate::pages::status::Mine {
        reference: reference.clone(),
        service: ack.service.clone(),
        status: contract::lifecycle::Status::Submitted,
        at: ack.filed_at.clone(),
    });
    view! {
        <div class="ns-panel" data-testid="confirmation">
            <PageTitle key=c::DONE_TITLE/>
            <p class="ns-panel__label">{i18n.t(c::DONE_REFERENCE)}</p>
            <p class="ns-panel__reference" data-testid="reference">{reference.clone()}</p>
        </div>
        <section class="ns-slip" aria-labelledby="ns-slip-title">
            <h2 class="ns-heading-m" id="ns-slip-title">{i18n.t(c::ACK_TITLE)}</h2>
            <dl class="ns-summary-list">
                <div class="ns-summary-list__row">
                    <dt class="ns-summary-list__key">{i18n.t(c::DONE_REFERENCE)}</dt>
                    <dd class="ns-summary-list__value ns-slip__reference">{reference}</dd>
                </div>
                <div class="ns-summary-list__row">
                    <dt class="ns-summary-list__key">{i18n.t(c::DONE_FILED_AT)}</dt>
                    <dd class="ns-summary-list__value">{filed}</dd>
                </div>
                <div class="ns-summary-list__row">
                    <dt class="ns-summary-list__key">{i18n.t(c::DONE_STATION)}</dt>
                    <dd class="ns-summary-list__value" data-testid="station">{station.clone()}", "{district}</dd>
                </div>
                <div class="ns-summary-list__row">
                    <dt class="ns-summary-list__key">{i18n.t(c::DONE_ATTACHMENTS)}</dt>
                    <dd class="ns-summary-list__value">{ack.attachments}</dd>
                </div>
            </dl>
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
        <p>{next_sign}</p>
        <p>{i18n.t(c::DONE_NEXT_STATUS)}</p>
        <div class="ns-button-group ns-no-print">
            <button type="button" class="ns-button" data-testid="print" on:click=move |_| { let _ = window().print(); }>
                {i18n.t(c::DONE_PRINT)}
            </button>
            <A href=AppRoute::Status(StatusPage::Case(ack.reference.clone())).path() attr:class="ns-button ns-button--secondary" attr:data-testid="track">
                {i18n.t(c::DONE_TRACK)}
            </A>
        </div>
    }
}
