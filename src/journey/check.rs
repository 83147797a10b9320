use super::{just_sent, path, step_path, total_steps, AlreadySent, DraftBanner};
use crate::components::page_title::PageTitle;
use crate::components::step_nav::{BackLink, StepIndicator};
use crate::forms::{dom_id, masters::use_masters, text, FormState};
use crate::i18n::{keys::forms, use_i18n, Lang};
use crate::routes::JourneyPage;
use contract::forms::{answer, group_len, Answers, FieldSpec, Rule, Widget};
use leptos::prelude::*;

/// An answer as the citizen should read it back: option labels, district and station names,
/// dd/mm/yyyy dates, and an Aadhaar number masked to its last four digits.
fn display(form: FormState, spec: &FieldSpec, key: &str, answers: &Answers, lang: Lang) -> String {
    let raw = answer(answers, key);
    let prefix = key.strip_suffix(spec.id).unwrap_or("");
    let hindi = lang == Lang::Hi;
    let masters = use_masters();
    if let Some(masked) = form.spec.masked_value(answers, key) {
        return masked;
    }
    match (spec.widget, spec.rule) {
        (Widget::Radios | Widget::Select, _) => {
            crate::i18n::text(lang, text::option(form.ns(), spec, key, raw)).to_owned()
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
        (_, Rule::Mobile) => {
            contract::rules::mobile::parse(raw).map_or_else(|_| raw.to_owned(), |m| m.display())
        }
        _ => raw.to_owned(),
    }
}

/// The rows of one step: (label, value, answer key for the Change link).
fn rows(form: FormState, step_index: usize, lang: Lang) -> Vec<(String, String, String)> {
    let step = &form.spec.steps[step_index];
    let today = crate::time::today_ist();
    let ns = form.ns();
    form.answers.with(|a| {
        let mut out = Vec::new();
        let label =
            |f: &FieldSpec, k: &str| crate::i18n::text(lang, text::label(ns, f, k)).to_owned();
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
            out.push((label(f, f.id), value, f.id.to_owned()));
        }
        for g in step
            .groups
            .iter()
            .filter(|g| g.shown_when.holds(a, "", today))
        {
            let n = group_len(a, g);
            if n == 0 {
                let none = crate::i18n::text(lang, forms::NONE_ADDED).to_owned();
                let heading = crate::i18n::text(lang, text::group(ns, g, "heading")).to_owned();
                out.push((heading, none, g.id.to_owned()));
            }
            for i in 0..n {
                let prefix = format!("{}.{i}.", g.id);
                let item = crate::i18n::format(
                    lang,
                    text::group(ns, g, "item"),
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
                    let value = display(form, f, &key, a, lang);
                    out.push((format!("{item}: {}", label(f, &key)), value, key));
                }
            }
        }
        out
    })
}

#[component]
pub fn CheckPage(form: FormState) -> impl IntoView {
    let i18n = use_i18n();
    let masters = use_masters();
    let (service, spec) = (form.service, form.spec);
    // Names for the codes chosen (lists may not be loaded after a reload).
    masters.want_districts();
    Effect::new(move |_| {
        for step in spec.steps {
            for f in step.fields {
                if let Widget::Station { district_field } = f.widget {
                    masters.want_stations(form.get(district_field));
                }
            }
        }
    });
    let sections = (0..spec.steps.len())
        .map(|si| {
            let step = &spec.steps[si];
            let title = text::step_title(form.ns(), step);
            let has_files = spec.attachments.is_some_and(|a| a.step == step.id);
            view! {
                <h2 class="ns-heading-m">{i18n.t(title)}</h2>
                <dl class="ns-summary-list">
                    {move || {
                        rows(form, si, i18n.lang.get())
                            .into_iter()
                            .map(|(label, value, key)| {
                                let href = format!("{}#{}", step_path(service, si), dom_id(&key));
                                let hidden = label.clone();
                                view! {
                                    <div class="ns-summary-list__row">
                                        <dt class="ns-summary-list__key">{label}</dt>
                                        <dd class="ns-summary-list__value">{value}</dd>
                                        <dd class="ns-summary-list__actions">
                                            <a href=href on:click=move |_| form.returning_to_check.set(true)>
                                                {i18n.t(forms::CHANGE)}
                                                <span class="ns-visually-hidden">" " {hidden}</span>
                                            </a>
                                        </dd>
                                    </div>
                                }
                            })
                            .collect_view()
                    }}
                    {has_files.then(|| view! {
                        <div class="ns-summary-list__row">
                            <dt class="ns-summary-list__key">{i18n.t(forms::FILES_ADDED)}</dt>
                            <dd class="ns-summary-list__value">
                                {move || {
                                    let names: Vec<String> = form.files.with(|f| f.iter().map(|a| a.name.clone()).collect());
                                    if names.is_empty() { i18n.get(forms::NONE_ADDED).to_owned() } else { names.join(", ") }
                                }}
                            </dd>
                            <dd class="ns-summary-list__actions">
                                <a href=step_path(service, si) on:click=move |_| form.returning_to_check.set(true)>
                                    {i18n.t(forms::CHANGE)}
                                    <span class="ns-visually-hidden">" " {i18n.t(forms::FILES_ADDED)}</span>
                                </a>
                            </dd>
                        </div>
                    })}
                </dl>
            }
        })
        .collect_view();
    view! {
        <BackLink href=step_path(service, spec.steps.len() - 1)/>
        <StepIndicator current=total_steps(service) - 1 total=total_steps(service)/>
        <DraftBanner form/>
        <PageTitle key=forms::CHECK_TITLE/>
        <AlreadySent form/>
        <Show when=move || !just_sent(form).get()>
            <p class="ns-lead">{i18n.t(forms::CHECK_INTRO)}</p>
        </Show>
        <div hidden=move || just_sent(form).get()>{sections}</div>
        <Show when=move || !just_sent(form).get()>
            <a href=path(service, JourneyPage::Verify) class="ns-button" data-testid="check-continue">
                {i18n.t(forms::CHECK_CONTINUE)}
            </a>
        </Show>
    }
}
