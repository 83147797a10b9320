//! What a search found: the FIR's public summary (printable: one A4 page, with the search's
//! reference and the time it was printed, IST), or the notice that it is withheld.

use super::{Search, RESULT_TITLE};
use crate::forms::masters::{use_masters, Load};
use crate::i18n::keys::status_text;
use crate::i18n::{keys::common, keys::fir_copy as f, use_i18n, Key};
use crate::pages::police_stations::tel_href;
use crate::time::{format_iso_date, format_timestamp, now_text};
use contract::firs::{FirCopy, Law, TextLang};
use leptos::prelude::*;

/// One row: the page's own word for it, then the value.
#[component]
fn Row(key: Key, children: Children) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="ns-summary-list__row">
            <dt class="ns-summary-list__key">{i18n.t(key)}</dt>
            {children()}
        </div>
    }
}

#[component]
pub fn FirCopyView(fir: FirCopy, #[prop(into)] hindi: Signal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    // When it was printed: now, and again whenever the browser is about to print.
    let printed = RwSignal::new(now_text());
    let handle = window_event_listener_untyped("beforeprint", move |_| {
        printed.try_set(now_text());
    });
    on_cleanup(move || handle.remove());

    // The FIR's own text is as the station wrote it, marked with its language.
    let lang = fir.lang.code();
    let number = fir.fir_number.clone();
    let registered = format_timestamp(&fir.registered_at);
    let occurred = fir
        .occurred_to
        .as_deref()
        .map(|to| (format_iso_date(&fir.occurred_from), format_iso_date(to)));
    let occurred_from = format_iso_date(&fir.occurred_from);
    let district = fir.district.clone();
    let station = fir.station.clone();
    let law = match fir.law {
        Law::Bns => f::LAW_BNS,
        Law::Ipc => f::LAW_IPC,
    };
    let written_in = match fir.lang {
        TextLang::Hi => f::WRITTEN_IN_HI,
        TextLang::En => f::WRITTEN_IN_EN,
    };
    let stage = status_text(fir.stage);
    let reference = fir.search.reference.to_string();
    let searched = format_timestamp(&fir.search.at);
    let sections = fir
        .sections
        .iter()
        .map(|s| view! { <li>{s.clone()}</li> })
        .collect_view();
    let officer = format!("{} {}", fir.officer_rank, fir.officer_name);
    let print = move |_| {
        printed.set(now_text());
        let _ = window().print();
    };
    view! {
        <article class="ns-fir" data-testid="fir-copy" aria-labelledby=RESULT_TITLE>
            {fir.sample.then(|| view! {
                <p class="ns-fir__sample" data-testid="fir-sample">{i18n.t(f::SAMPLE)}</p>
            })}
            <h2 class="ns-heading-l ns-fir__title" id=RESULT_TITLE tabindex="-1">
                {move || i18n.format(f::COPY_TITLE, &[("number", &number)])}
            </h2>
            <p class="ns-hint">{i18n.t(written_in)}</p>
            <dl class="ns-summary-list ns-fir__list">
                <Row key=f::ROW_NUMBER_DATE>
                    <dd class="ns-summary-list__value" data-testid="fir-number">
                        {
                            let number = fir.fir_number.clone();
                            move || i18n.format(f::NUMBER_AND_DATE, &[("number", &number), ("date", &registered)])
                        }
                    </dd>
                </Row>
                <Row key=f::ROW_DISTRICT>
                    <dd class="ns-summary-list__value">
                        {move || if hindi.get() { district.name_hi.clone() } else { district.name_en.clone() }}
                    </dd>
                </Row>
                <Row key=f::ROW_STATION>
                    <dd class="ns-summary-list__value" data-testid="fir-station">
                        {move || if hindi.get() { station.name_hi.clone() } else { station.name_en.clone() }}
                    </dd>
                </Row>
                <Row key=f::ROW_SECTIONS>
                    <dd class="ns-summary-list__value">
                        <span class="ns-fir__law">{i18n.t(law)}</span>
                        <ul class="ns-fir__sections" lang=lang data-testid="fir-sections">{sections}</ul>
                    </dd>
                </Row>
                <Row key=f::ROW_OCCURRED>
                    <dd class="ns-summary-list__value">
                        {move || match &occurred {
                            Some((from, to)) => i18n.format(f::OCCURRED_SPAN, &[("from", from), ("to", to)]),
                            None => occurred_from.clone(),
                        }}
                    </dd>
                </Row>
                <Row key=f::ROW_PLACE>
                    <dd class="ns-summary-list__value" lang=lang>{fir.place}</dd>
                </Row>
                <Row key=f::ROW_COMPLAINANT>
                    <dd class="ns-summary-list__value" lang=lang>{fir.complainant}</dd>
                </Row>
                <Row key=f::ROW_FACTS>
                    <dd class="ns-summary-list__value" lang=lang data-testid="fir-facts">{fir.facts}</dd>
                </Row>
                <Row key=f::ROW_OFFICER>
                    <dd class="ns-summary-list__value" lang=lang>{officer}</dd>
                </Row>
                <Row key=f::ROW_STAGE>
                    <dd class="ns-summary-list__value" data-testid="fir-stage">{i18n.t(stage)}</dd>
                </Row>
            </dl>
            <p class="ns-fir__meta" data-testid="fir-reference">
                {move || i18n.format(f::SEARCH_REFERENCE, &[("reference", &reference)])}
            </p>
            <p class="ns-fir__meta">{move || i18n.format(f::SEARCHED_AT, &[("time", &searched)])}</p>
            <p class="ns-fir__meta ns-print-only" data-testid="fir-printed">
                {move || i18n.format(f::PRINTED_AT, &[("time", &printed.get())])}
            </p>
            <p class="ns-fir__note">{i18n.t(f::NOT_CERTIFIED)}</p>
            <div class="ns-no-print">
                <button type="button" class="ns-button" data-testid="print-fir" on:click=print>
                    {i18n.t(f::PRINT)}
                </button>
                <p class="ns-hint">{i18n.t(f::PRINT_HINT)}</p>
            </div>
        </article>
    }
}

/// A withheld FIR: nothing of it is known here but that it exists; where to get a copy.
#[component]
pub fn Withheld(search: Search, #[prop(into)] hindi: Signal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let masters = use_masters();
    let district = search.district.to_string();
    let code = search.station.to_string();
    let station = Signal::derive(move || {
        masters.stations.with(|s| match s.get(&district) {
            Some(Load::Ready(list)) => list.iter().find(|s| s.code.as_str() == code).cloned(),
            _ => None,
        })
    });
    let name = move || {
        station.with(|s| {
            s.as_ref().map_or_else(String::new, |s| {
                if hindi.get() {
                    s.name_hi.clone()
                } else {
                    s.name_en.clone()
                }
            })
        })
    };
    let phone = move || station.with(|s| s.as_ref().and_then(|s| s.phone.clone()));
    view! {
        <section class="ns-notice ns-fir-withheld" data-testid="fir-withheld" aria-labelledby=RESULT_TITLE>
            <h2 class="ns-heading-l" id=RESULT_TITLE tabindex="-1">{i18n.t(f::WITHHELD_TITLE)}</h2>
            <p>{i18n.t(f::WITHHELD_BODY)}</p>
            <p>{move || i18n.format(f::WITHHELD_HOW, &[("station", &name())])}</p>
            {move || phone().map(|phone| view! {
                <p>
                    {i18n.t(f::WITHHELD_PHONE)}
                    " "
                    <a href=tel_href(&phone) class="ns-fir-withheld__tel">
                        {i18n.format(common::CALL_NUMBER, &[("number", &phone)])}
                    </a>
                </p>
            })}
        </section>
    }
}
