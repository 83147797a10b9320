use super::{path, step_path, total_steps, DraftBanner};
use crate::components::error_summary::{ErrorSummary, SummaryItem};
use crate::components::file_upload::FileUpload;
use crate::components::page_title::PageTitle;
use crate::components::step_nav::{BackLink, StepIndicator};
use crate::forms::{dom_id, renderer::StepFields, text, FormState};
use crate::i18n::{keys::errors, keys::forms, use_i18n, I18n};
use crate::routes::JourneyPage;
use contract::forms::{StepSpec, ATTACHMENTS_FIELD};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

/// The error summary's entries for the problems now shown.
pub fn summary_items(form: FormState, i18n: I18n) -> Signal<Vec<SummaryItem>> {
    Signal::derive(move || {
        let lang = i18n.lang.get();
        let problems = form.problems.get();
        let ns = form.ns();
        let photos_only = form.spec.attachments.is_some_and(|a| a.photos_only);
        form.answers.with(|answers| {
            problems
                .iter()
                .map(|p| {
                    let (label, message) = match form.spec.field(&p.field) {
                        Some(spec) => (
                            i18n.get(text::label(ns, spec, &p.field)).to_owned(),
                            text::message(lang, ns, spec, &p.field, answers, p.error),
                        ),
                        None if p.field == ATTACHMENTS_FIELD => (
                            i18n.get(forms::FILES_ADDED).to_owned(),
                            crate::i18n::text(lang, text::attachments_error(photos_only, p.error))
                                .to_owned(),
                        ),
                        None => (String::new(), i18n.get(errors::INVALID).to_owned()),
                    };
                    SummaryItem {
                        target: dom_id(&p.field),
                        text: summary_text(lang, &label, &message),
                    }
                })
                .collect()
        })
    })
}

/// "Label: message"; a label that is a question ("What happened?", "क्या हुआ?") or a sentence
/// is not followed by a colon.
fn summary_text(lang: crate::i18n::Lang, label: &str, message: &str) -> String {
    let label = label.trim_end();
    if label.ends_with(['?', '।', '.']) {
        format!("{label} {message}")
    } else {
        crate::i18n::format(
            lang,
            errors::SUMMARY_ITEM,
            &[("label", label), ("message", message)],
        )
    }
}

#[component]
pub fn StepPage(form: FormState, index: usize) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let service = form.service;
    let spec = form.spec;
    let step: &'static StepSpec = &spec.steps[index];
    let back = if index == 0 {
        path(service, JourneyPage::Start)
    } else {
        step_path(service, index - 1)
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !form.validate(step) {
            return;
        }
        let next = if form.returning_to_check.get_untracked() || index + 1 == spec.steps.len() {
            form.returning_to_check.set(false);
            path(service, JourneyPage::Check)
        } else {
            step_path(service, index + 1)
        };
        navigate(&next, NavigateOptions::default());
    };
    // Problems from another step (or an earlier visit) are not this page's to show; errors the
    // server found on this step are.
    form.problems.update(|p| {
        p.retain(|x| contract::forms::step_of(spec, &x.field).is_some_and(|s| s.id == step.id))
    });
    let has_errors = Signal::derive(move || form.problems.with(|p| !p.is_empty()));
    let intro = text::step_intro(form.ns(), step);
    // A Change link from the check page names the field: focus it (GOV.UK), not only scroll.
    request_animation_frame(|| {
        if let Ok(hash) = window().location().hash() {
            let id = hash.trim_start_matches('#');
            if !id.is_empty() {
                crate::components::error_summary::focus_field(id);
            }
        }
    });
    let upload = spec.attachments.filter(|a| a.step == step.id);
    view! {
        <BackLink href=back/>
        <DraftBanner form/>
        <ErrorSummary items=summary_items(form, i18n) attempt=form.failed_submits/>
        <StepIndicator current=index + 1 total=total_steps(service)/>
        <PageTitle key=text::step_title(form.ns(), step) error=has_errors/>
        {intro.map(|k| view! { <p class="ns-lead">{i18n.t(k)}</p> })}
        <form class="ns-form" novalidate on:submit=on_submit>
            <StepFields state=form step/>
            <super::notices::StepNotices form step/>
            {upload.map(|a| view! { <FileUpload form policy=a/> })}
            <button type="submit" class="ns-button" data-testid="continue">
                {i18n.t(forms::CONTINUE)}
            </button>
        </form>
    }
}
