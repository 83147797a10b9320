use super::step::field_spec;
use super::{step_path, use_form, TOTAL_STEPS};
use crate::components::page_title::PageTitle;
use crate::components::step_nav::{BackLink, StepIndicator};
use crate::forms::{dom_id, masters::use_masters, text, FormState};
use crate::i18n::{keys::forms, use_i18n, Lang};
use crate::routes::{AppRoute, ComplaintPage};
use contract::forms::{answer, group_len, Answers, FieldSpec, Rule, Widget};
use contract::services::complaint::SPEC;
use leptos::prelude::*;
use leptos_router::components::A;

/// An answer as the citizen should read it back: option labels, district and station names,
/// dd/mm/yyyy dates, and an Aadhaar number masked to its last four digits.
fn display(form: FormState, spec: &FieldSpec, key: &str, answers: &Answers, lang: Lang) -> String {
    let raw = answer(answers, key);
    let prefix = key.strip_suffix(spec.id).unwrap_or("");
    let hindi = lang == Lang::Hi;
    let masters = use_masters();
    match (spec.widget, spec.rule) {
        (Widget::Radios | Widget::Select, _) => {
            crate::i18n::text(lang, text::option(form.ns, &text::field_key(key), raw)).to_owned()
        }
        (Widget::District, _) => masters
            .district_name(raw, hindi)
            .unwrap_or_else(|| raw.to_owned()),
        (Widget::Station { district_field }, _) => {
            let district = answer(answers, &format!("{prefix}{district_field}"));
            masters
                .station_name(district, raw, hindi)
                .unwrap_or_else(|| raw.to_owned())
        }
        (Widget::Date, _) => contract::forms::parse_date_answer(raw)
            .map_or_else(|| raw.to_owned(), crate::time::format_date),
        (_, Rule::IdNumber { type_field })
            if answer(answers, &format!("{prefix}{type_field}")) == "aadhaar" =>
        {
            contract::rules::aadhaar::parse(raw).map_or_else(|_| raw.to_owned(), |a| a.masked())
        }
        (_, Rule::Mobile) => {
            contract::rules::mobile::parse(raw).map_or_else(|_| raw.to_owned(), |m| m.display())
        }
        _ => raw.to_owned(),
    }
}

/// The rows of one step: (label, value, answer key for the Change link).
fn rows(form: FormState, step_index: usize, lang: Lang) -> Vec<(String, String, String)> {
    let step = &SPEC.steps[step_index];
    let today = crate::time::today_ist();
    form.answers.with(|a| {
        let mut out = Vec::new();
        let label = |k: &str| crate::i18n::text(lang, text::label(form.ns, k)).to_owned();
        for f in step
            .fields
            .iter()
            .filter(|f| f.shown_when.holds(a, "", today))
        {
            let value = if answer(a, f.id).is_empty() {
                crate::i18n::text(lang, forms::NOT_GIVEN).to_owned()
            } else {
                display(form, f, f.id, a, lang)
            };
            out.push((label(f.id), value, f.id.to_owned()));
        }
        for g in step.groups {
            let n = group_len(a, g);
            if n == 0 {
                let none = crate::i18n::text(lang, forms::NONE_ADDED).to_owned();
                out.push((label(&format!("{}_heading", g.id)), none, g.id.to_owned()));
            }
            for i in 0..n {
                let prefix = format!("{}.{i}.", g.id);
                let item = crate::i18n::format(
                    lang,
                    text::label(form.ns, &format!("{}_item", g.id)),
                    &[("n", &(i + 1).to_string())],
                );
                for f in g
                    .fields
                    .iter()
                    .filter(|f| f.shown_when.holds(a, &prefix, today))
                {
                    let key = format!("{prefix}{}", f.id);
                    if answer(a, &key).is_empty() {
                        continue;
                    }
                    let value = field_spec(&key)
                        .map_or_else(String::new, |s| display(form, s, &key, a, lang));
                    out.push((
                        format!("{item}: {}", label(&format!("{}_{}", g.id, f.id))),
                        value,
                        key,
                    ));
                }
            }
        }
        out
    })
}

#[component]
pub fn CheckPage() -> impl IntoView {
    let i18n = use_i18n();
    let form = use_form();
    let masters = use_masters();
    // Names for the codes chosen (lists may not be loaded after a reload).
    masters.want_districts();
    Effect::new(move |_| {
        for key in ["district", "incident_district"] {
            masters.want_stations(form.get(key));
        }
    });
    let sections = (0..SPEC.steps.len())
        .map(|si| {
            let step = &SPEC.steps[si];
            let title = text::label(form.ns, &format!("step_{}", step.id.replace('-', "_")));
            view! {
                <h2 class="ns-heading-m">{i18n.t(title)}</h2>
                <dl class="ns-summary-list">
                    {move || {
                        rows(form, si, i18n.lang.get())
                            .into_iter()
                            .map(|(label, value, key)| {
                                let href = format!("{}#{}", step_path(si), dom_id(&key));
                                let hidden = label.clone();
                                view! {
                                    <div class="ns-summary-list__row">
                                        <dt class="ns-summary-list__key">{label}</dt>
                                        <dd class="ns-summary-list__value">{value}</dd>
                                        <dd class="ns-summary-list__actions">
                                            <A href=href on:click=move |_| form.returning_to_check.set(true)>
                                                {i18n.t(forms::CHANGE)}
                                                <span class="ns-visually-hidden">" " {hidden}</span>
                                            </A>
                                        </dd>
                                    </div>
                                }
                            })
                            .collect_view()
                    }}
                    {(step.id == "attachments").then(|| view! {
                        <div class="ns-summary-list__row">
                            <dt class="ns-summary-list__key">{i18n.t(forms::FILES_ADDED)}</dt>
                            <dd class="ns-summary-list__value">
                                {move || {
                                    let names: Vec<String> = form.files.with(|f| f.iter().map(|a| a.name.clone()).collect());
                                    if names.is_empty() { i18n.get(forms::NONE_ADDED).to_owned() } else { names.join(", ") }
                                }}
                            </dd>
                            <dd class="ns-summary-list__actions">
                                <A href=step_path(si) on:click=move |_| form.returning_to_check.set(true)>
                                    {i18n.t(forms::CHANGE)}
                                    <span class="ns-visually-hidden">" " {i18n.t(forms::FILES_ADDED)}</span>
                                </A>
                            </dd>
                        </div>
                    })}
                </dl>
            }
        })
        .collect_view();
    view! {
        <BackLink href=step_path(SPEC.steps.len() - 1)/>
        <StepIndicator current=TOTAL_STEPS - 1 total=TOTAL_STEPS/>
        <PageTitle key=forms::CHECK_TITLE/>
        <p class="ns-lead">{i18n.t(forms::CHECK_INTRO)}</p>
        {sections}
        <A href=AppRoute::Complaint(ComplaintPage::Verify).path() attr:class="ns-button" attr:data-testid="check-continue">
            {i18n.t(forms::CHECK_CONTINUE)}
        </A>
    }
}
