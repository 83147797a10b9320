//! GOV.UK field pattern: label (or legend), hint, error message, then the control; the
//! control's `aria-describedby` names `{id}-hint` and `{id}-error` when they are shown.

use crate::i18n::{keys::errors, keys::forms, use_i18n, Key};
use leptos::prelude::*;

/// `aria-describedby` for a control with this id.
pub fn described_by(id: &str, has_hint: bool, has_error: bool) -> Option<String> {
    let mut ids = Vec::new();
    if has_hint {
        ids.push(format!("{id}-hint"));
    }
    if has_error {
        ids.push(format!("{id}-error"));
    }
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// The hint and error lines shared by single controls and fieldsets.
#[component]
fn HintAndError(
    id: String,
    hint: Signal<Option<Key>>,
    error: Signal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    view! {
        {move || hint.get().map(|h| view! { <div id=hint_id.clone() class="ns-hint">{i18n.t(h)}</div> })}
        {move || {
            error
                .get()
                .map(|msg| {
                    view! {
                        <p id=error_id.clone() class="ns-error-message">
                            <span class="ns-visually-hidden">{i18n.t(errors::ERROR_PREFIX)}" "</span>
                            {msg}
                        </p>
                    }
                })
        }}
    }
}

/// "(optional)" after a label or legend.
#[component]
fn OptionalMark() -> impl IntoView {
    let i18n = use_i18n();
    view! { " " <span class="ns-label__optional">{i18n.t(forms::OPTIONAL)}</span> }
}

/// One control with a `<label for>`.
#[component]
pub fn FieldGroup(
    id: String,
    label: Key,
    /// May change with another answer (an ID number's hint follows the chosen ID type).
    #[prop(into)]
    hint: Signal<Option<Key>>,
    optional: bool,
    #[prop(into)] error: Signal<Option<String>>,
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="ns-field" class:ns-field--error=move || error.with(|e| e.is_some())>
            <label class="ns-label" for=id.clone()>
                {i18n.t(label)}
                {optional.then(OptionalMark)}
            </label>
            <HintAndError id=id hint error/>
            {children()}
        </div>
    }
}

/// Several controls answering one question (radios, a date) in a `<fieldset>` with a legend.
#[component]
pub fn FieldSet(
    id: String,
    label: Key,
    #[prop(into)] hint: Signal<Option<Key>>,
    optional: bool,
    #[prop(into)] error: Signal<Option<String>>,
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let describedby = {
        let id = id.clone();
        move || described_by(&id, hint.with(|h| h.is_some()), error.with(|e| e.is_some()))
    };
    view! {
        <div class="ns-field" class:ns-field--error=move || error.with(|e| e.is_some())>
            <fieldset class="ns-fieldset" aria-describedby=describedby>
                <legend class="ns-fieldset__legend">
                    {i18n.t(label)}
                    {optional.then(OptionalMark)}
                </legend>
                <HintAndError id=id hint error/>
                {children()}
            </fieldset>
        </div>
    }
}
