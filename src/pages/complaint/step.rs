use super::{step_path, use_form, DraftBanner, TOTAL_STEPS};
use crate::components::error_summary::{ErrorSummary, SummaryItem};
use crate::components::file_upload::FileUpload;
use crate::components::page_title::PageTitle;
use crate::components::step_nav::{BackLink, StepIndicator};
use crate::forms::{dom_id, renderer::StepFields, text, FormState};
use crate::i18n::{keys::complaint as c, keys::errors, keys::forms, use_i18n, I18n};
use crate::routes::{AppRoute, ComplaintPage};
use contract::forms::{FieldSpec, StepSpec};
use contract::services::complaint::{ATTACHMENTS, MAX_ATTACHMENTS, SPEC};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

fn title_key(step: &StepSpec) -> crate::i18n::Key {
    text::label("complaint", &format!("step_{}", step.id.replace('-', "_")))
}

/// The declared field an answer key belongs to (`suspects.0.name` → the group's `name`).
pub fn field_spec(key: &str) -> Option<&'static FieldSpec> {
    let mut parts = key.split('.');
    let first = parts.next()?;
    let last = parts.next_back();
    SPEC.steps.iter().find_map(|s| match last {
        None => s.fields.iter().find(|f| f.id == first),
        Some(field) => s
            .groups
            .iter()
            .find(|g| g.id == first)
            .and_then(|g| g.fields.iter().find(|f| f.id == field)),
    })
}

/// The error summary's entries for the problems now shown.
pub fn summary_items(form: FormState, i18n: I18n) -> Signal<Vec<SummaryItem>> {
    Signal::derive(move || {
        let lang = i18n.lang.get();
        let problems = form.problems.get();
        form.answers.with(|answers| {
            problems
                .iter()
                .map(|p| {
                    let label = field_spec(&p.field).map_or_else(
                        || i18n.get(text::label(form.ns, &p.field)).to_owned(),
                        |_| {
                            i18n.get(text::label(form.ns, &text::field_key(&p.field)))
                                .to_owned()
                        },
                    );
                    let message = match field_spec(&p.field) {
                        Some(spec) => {
                            text::message(lang, form.ns, spec, &p.field, answers, p.error)
                        }
                        None => i18n.get(errors::INVALID).to_owned(),
                    };
                    SummaryItem {
                        target: dom_id(&p.field),
                        text: crate::i18n::format(
                            lang,
                            errors::SUMMARY_ITEM,
                            &[("label", &label), ("message", &message)],
                        ),
                    }
                })
                .collect()
        })
    })
}

#[component]
pub fn StepPage(index: usize) -> impl IntoView {
    let i18n = use_i18n();
    let form = use_form();
    let navigate = use_navigate();
    let step: &'static StepSpec = &SPEC.steps[index];
    let back = if index == 0 {
        AppRoute::Complaint(ComplaintPage::Start).path()
    } else {
        step_path(index - 1)
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !form.validate(step) {
            return;
        }
        let next = if form.returning_to_check.get_untracked() || index + 1 == SPEC.steps.len() {
            form.returning_to_check.set(false);
            AppRoute::Complaint(ComplaintPage::Check).path()
        } else {
            step_path(index + 1)
        };
        navigate(&next, NavigateOptions::default());
    };
    // Problems from another step (or an earlier visit) are not this page's to show; errors the
    // server found on this step are.
    form.problems.update(|p| {
        p.retain(|x| contract::forms::step_of(&SPEC, &x.field).is_some_and(|s| s.id == step.id))
    });
    let has_errors = Signal::derive(move || form.problems.with(|p| !p.is_empty()));
    let intro = match step.id {
        "people" => Some(c::PEOPLE_INTRO),
        "attachments" => Some(c::ATTACHMENTS_INTRO),
        _ => None,
    };
    view! {
        <BackLink href=back/>
        <DraftBanner/>
        <ErrorSummary items=summary_items(form, i18n) attempt=form.failed_submits/>
        <StepIndicator current=index + 1 total=TOTAL_STEPS/>
        <PageTitle key=title_key(step) error=has_errors/>
        {intro.map(|k| view! { <p class="ns-lead">{i18n.t(k)}</p> })}
        <form class="ns-form" novalidate on:submit=on_submit>
            <StepFields state=form step/>
            {(step.id == ATTACHMENTS.id).then(|| view! { <FileUpload files=form.files max=MAX_ATTACHMENTS/> })}
            <button type="submit" class="ns-button" data-testid="continue">
                {i18n.t(forms::CONTINUE)}
            </button>
        </form>
    }
}
