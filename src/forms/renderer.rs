//! Draws any declared step: one component per widget kind, all wired the same way (label,
//! hint, error, `aria-describedby`, answer kept in [`FormState`]).

use super::masters::{use_masters, Load};
use super::{dom_id, text, FormState};
use crate::components::field_group::{described_by, FieldGroup, FieldSet};
use crate::i18n::{keys::forms, plural, use_i18n, Lang};
use contract::forms::{group_len, FieldSpec, GroupSpec, InputMode, Rule, StepSpec, Widget};
use leptos::prelude::*;
use std::time::Duration;

/// Everything one field's view needs.
#[derive(Clone)]
struct FieldCtx {
    state: FormState,
    spec: &'static FieldSpec,
    /// Key in the answers map (`suspects.0.name`).
    key: String,
    dom: String,
}

impl FieldCtx {
    fn new(state: FormState, spec: &'static FieldSpec, prefix: &str) -> Self {
        let key = format!("{prefix}{}", spec.id);
        Self {
            state,
            spec,
            dom: dom_id(&key),
            key,
        }
    }

    fn error(&self) -> Signal<Option<String>> {
        let (state, spec, key) = (self.state, self.spec, self.key.clone());
        let i18n = use_i18n();
        Signal::derive(move || {
            let lang = i18n.lang.get();
            let error = state
                .problems
                .with(|p| p.iter().find(|p| p.field == key).map(|p| p.error));
            error.map(|e| {
                state
                    .answers
                    .with(|a| text::message(lang, state.ns(), spec, &key, a, e))
            })
        })
    }

    fn label(&self) -> crate::i18n::Key {
        text::label(self.state.ns(), self.spec, &self.key)
    }

    /// The hint, which for an ID number follows the chosen ID type (`{base}_hint_{type}`).
    fn hint(&self) -> Signal<Option<crate::i18n::Key>> {
        let (state, spec, key) = (self.state, self.spec, self.key.clone());
        let type_key = match spec.rule {
            Rule::IdNumber { type_field } => Some(format!(
                "{}{type_field}",
                key.strip_suffix(spec.id).unwrap_or("")
            )),
            _ => None,
        };
        Signal::derive(move || {
            let chosen = type_key.as_deref().map(|k| state.get(k));
            text::hint_for(state.ns(), spec, &key, chosen.as_deref())
        })
    }

    fn option(&self, value: &str) -> crate::i18n::Key {
        text::option(self.state.ns(), self.spec, &self.key, value)
    }

    fn value(&self) -> impl Fn() -> String + Clone + Send + Sync + 'static {
        let (state, key) = (self.state, self.key.clone());
        move || state.get(&key)
    }

    fn setter(&self) -> impl Fn(String) + Clone + 'static {
        let (state, key) = (self.state, self.key.clone());
        move |v: String| state.set(&key, v)
    }

    fn describedby(&self) -> impl Fn() -> Option<String> + Clone + Send + Sync + 'static {
        let (dom, hint, error) = (self.dom.clone(), self.hint(), self.error());
        move || {
            described_by(
                &dom,
                hint.with(|h| h.is_some()),
                error.with(|e| e.is_some()),
            )
        }
    }
}

/// All fields and repeatable groups of one step.
#[component]
pub fn StepFields(state: FormState, step: &'static StepSpec) -> impl IntoView {
    let fields = step
        .fields
        .iter()
        .map(|f| view! { <Field state spec=f prefix=String::new()/> });
    // A group shown only for some answers (a procession's stops) is drawn while they hold.
    let groups = step.groups.iter().map(|g| {
        let shown = move || {
            let today = crate::time::today_ist();
            state.answers.with(|a| g.shown_when.holds(a, "", today))
        };
        view! { <Show when=shown><Group state group=g/></Show> }
    });
    view! { {fields.collect_view()} {groups.collect_view()} }
}

/// One field, shown only while its `shown_when` holds.
#[component]
fn Field(state: FormState, spec: &'static FieldSpec, prefix: String) -> impl IntoView {
    let shown = {
        let prefix = prefix.clone();
        move || {
            let today = crate::time::today_ist();
            state
                .answers
                .with(|a| spec.shown_when.holds(a, &prefix, today))
        }
    };
    let ctx = FieldCtx::new(state, spec, &prefix);
    view! {
        <Show when=shown>
            {
                let ctx = ctx.clone();
                move || match ctx.spec.widget {
                    Widget::Text => text_input(ctx.clone()).into_any(),
                    Widget::Textarea => textarea(ctx.clone()).into_any(),
                    Widget::Radios => radios(ctx.clone()).into_any(),
                    Widget::Select => select(ctx.clone()).into_any(),
                    Widget::District => district_select(ctx.clone()).into_any(),
                    Widget::Station { district_field } => {
                        station_select(ctx.clone(), district_field).into_any()
                    }
                    Widget::Date => date_input(ctx.clone()).into_any(),
                    Widget::Time => time_input(ctx.clone()).into_any(),
                    Widget::Checkbox => checkbox(ctx.clone()).into_any(),
                }
            }
        </Show>
    }
}

fn text_input(ctx: FieldCtx) -> impl IntoView {
    let (kind, mode) = match ctx.spec.input_mode {
        InputMode::Text => ("text", "text"),
        InputMode::Numeric => ("text", "numeric"),
        InputMode::Tel => ("tel", "tel"),
        InputMode::Email => ("email", "email"),
    };
    let spellcheck = matches!(ctx.spec.rule, Rule::Text { .. }).to_string();
    let error = ctx.error();
    let set = ctx.setter();
    let warning = id_warning(&ctx);
    view! {
        <FieldGroup id=ctx.dom.clone() label=ctx.label() hint=ctx.hint() optional=ctx.spec.optional error>
            <input
                class="ns-input"
                class:ns-input--error=move || error.with(|e| e.is_some())
                id=ctx.dom.clone()
                name=ctx.key.clone()
                type=kind
                inputmode=mode
                spellcheck=spellcheck
                autocomplete=ctx.spec.autocomplete.unwrap_or("off")
                aria-describedby=ctx.describedby()
                aria-invalid=move || error.with(|e| e.is_some()).then_some("true")
                prop:value=ctx.value()
                on:input=move |ev| set(event_target_value(&ev))
            />
            {move || warning().map(|w| view! { <p class="ns-hint ns-warning" role="status">{w}</p> })}
        </FieldGroup>
    }
}

/// An accepted ID number in an older format (voter IDs): a warning to check it, not an error.
fn id_warning(ctx: &FieldCtx) -> impl Fn() -> Option<&'static str> + Send + Sync + 'static {
    let i18n = use_i18n();
    let (state, value) = (ctx.state, ctx.value());
    let type_key = match ctx.spec.rule {
        Rule::IdNumber { type_field } => Some(format!(
            "{}{type_field}",
            ctx.key.strip_suffix(ctx.spec.id).unwrap_or("")
        )),
        _ => None,
    };
    move || {
        let type_key = type_key.as_deref()?;
        if state.get(type_key) != "epic" {
            return None;
        }
        match contract::rules::epic::parse(&value()) {
            Ok((_, Some(_))) => Some(i18n.get(crate::i18n::keys::errors::EPIC_UNUSUAL)),
            _ => None,
        }
    }
}

fn textarea(ctx: FieldCtx) -> impl IntoView {
    let i18n = use_i18n();
    let error = ctx.error();
    let set = ctx.setter();
    let value = ctx.value();
    let (min, max) = match ctx.spec.rule {
        Rule::Text { min, max } => (min, max),
        _ => (0, 0),
    };
    let count_text = {
        let value = value.clone();
        move |lang: Lang| {
            let used = contract::rules::text::visible_len(&value());
            if used > max {
                plural(lang, forms::CHARS_OVER, (used - max) as u64)
            } else {
                plural(lang, forms::CHARS_LEFT, (max - used) as u64)
            }
        }
    };
    let over = {
        let value = value.clone();
        move || contract::rules::text::visible_len(&value()) > max
    };
    // Screen readers hear the count once typing pauses, not on every key (GOV.UK pattern).
    let announced = RwSignal::new(String::new());
    let pending = StoredValue::new(None::<TimeoutHandle>);
    let announce = {
        let count_text = count_text.clone();
        move || {
            if let Some(h) = pending.get_value() {
                h.clear();
            }
            let count_text = count_text.clone();
            let handle = set_timeout_with_handle(
                move || announced.set(count_text(i18n.lang.get_untracked())),
                Duration::from_millis(1000),
            )
            .ok();
            pending.set_value(handle);
        }
    };
    on_cleanup(move || {
        if let Some(h) = pending.get_value() {
            h.clear();
        }
    });
    let info_id = format!("{}-info", ctx.dom);
    let describedby = {
        let d = ctx.describedby();
        let info_id = info_id.clone();
        move || Some(d().map_or(info_id.clone(), |d| format!("{d} {info_id}")))
    };
    view! {
        <FieldGroup id=ctx.dom.clone() label=ctx.label() hint=ctx.hint() optional=ctx.spec.optional error>
            <textarea
                class="ns-textarea"
                class:ns-input--error=move || error.with(|e| e.is_some())
                id=ctx.dom.clone()
                name=ctx.key.clone()
                rows="6"
                aria-describedby=describedby
                aria-invalid=move || error.with(|e| e.is_some()).then_some("true")
                prop:value=value
                on:input=move |ev| {
                    set(event_target_value(&ev));
                    announce();
                }
            ></textarea>
            <div id=info_id class="ns-hint ns-char-count" class:ns-char-count--over=over aria-hidden="true">
                {move || count_text(i18n.lang.get())}
                // "Write at least N" is for a required answer; an optional one may stay empty.
                {(min > 0 && !ctx.spec.optional).then(|| view! {
                    " "
                    {move || i18n.format(forms::CHARS_MIN, &[("count", &min.to_string())])}
                })}
            </div>
            <div class="ns-visually-hidden" aria-live="polite">{move || announced.get()}</div>
        </FieldGroup>
    }
}

fn radios(ctx: FieldCtx) -> impl IntoView {
    let i18n = use_i18n();
    let error = ctx.error();
    let items = ctx
        .spec
        .options
        .iter()
        .enumerate()
        .map(|(i, option)| {
            let id = if i == 0 {
                ctx.dom.clone()
            } else {
                format!("{}-{option}", ctx.dom)
            };
            let value = ctx.value();
            let set = ctx.setter();
            let label = ctx.option(option);
            view! {
                <div class="ns-radios__item">
                    <input
                        class="ns-radios__input"
                        type="radio"
                        id=id.clone()
                        name=ctx.key.clone()
                        value=*option
                        prop:checked=move || value() == *option
                        on:change=move |_| set((*option).to_owned())
                    />
                    <label class="ns-radios__label" for=id>{i18n.t(label)}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <FieldSet id=ctx.dom.clone() label=ctx.label() hint=ctx.hint() optional=ctx.spec.optional error>
            <div class="ns-radios">{items}</div>
        </FieldSet>
    }
}

/// A `<select>` over (value, label) pairs; the first option invites a choice. It is never
/// disabled, even while its list is loading or waiting for a district: a disabled control
/// cannot take focus, so the error summary's link to it would lead nowhere.
fn select_view(
    ctx: FieldCtx,
    options: Signal<Vec<(String, String)>>,
    placeholder: Signal<&'static str>,
) -> impl IntoView {
    let error = ctx.error();
    let set = ctx.setter();
    let value = ctx.value();
    view! {
        <FieldGroup id=ctx.dom.clone() label=ctx.label() hint=ctx.hint() optional=ctx.spec.optional error>
            <select
                class="ns-select"
                class:ns-input--error=move || error.with(|e| e.is_some())
                id=ctx.dom.clone()
                name=ctx.key.clone()
                autocomplete=ctx.spec.autocomplete.unwrap_or("off")
                aria-describedby=ctx.describedby()
                aria-invalid=move || error.with(|e| e.is_some()).then_some("true")
                on:change=move |ev| set(event_target_value(&ev))
            >
                <option value="" selected={
                    let value = value.clone();
                    move || value().is_empty()
                }>{move || placeholder.get()}</option>
                {move || {
                    let current = value();
                    options
                        .get()
                        .into_iter()
                        .map(|(v, label)| {
                            let selected = v == current;
                            view! { <option value=v selected=selected>{label}</option> }
                        })
                        .collect_view()
                }}
            </select>
        </FieldGroup>
    }
}

fn select(ctx: FieldCtx) -> impl IntoView {
    let i18n = use_i18n();
    let field = ctx.clone();
    let options = Signal::derive(move || {
        field
            .spec
            .options
            .iter()
            .map(|o| ((*o).to_owned(), i18n.get(field.option(o)).to_owned()))
            .collect()
    });
    select_view(
        ctx,
        options,
        Signal::derive(move || i18n.get(forms::CHOOSE)),
    )
}

/// Shows why a master list is empty and offers a retry.
fn list_status(
    failed: Signal<bool>,
    retry: impl Fn() + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Show when=move || failed.get()>
            <p class="ns-hint" role="status">
                {i18n.t(forms::LIST_FAILED)}
                " "
                <button type="button" class="ns-link-button" on:click={
                    let retry = retry.clone();
                    move |_| retry()
                }>{i18n.t(forms::TRY_AGAIN)}</button>
            </p>
        </Show>
    }
}

fn district_select(ctx: FieldCtx) -> impl IntoView {
    let i18n = use_i18n();
    let masters = use_masters();
    masters.want_districts();
    let options = Signal::derive(move || {
        let hindi = i18n.lang.get() == Lang::Hi;
        masters.districts.with(|d| match d {
            Some(Load::Ready(list)) => list
                .iter()
                .map(|d| {
                    let name = if hindi {
                        d.name_hi.clone()
                    } else {
                        d.name_en.clone()
                    };
                    (d.code.to_string(), name)
                })
                .collect(),
            _ => Vec::new(),
        })
    });
    let loading = Signal::derive(move || !matches!(masters.districts.get(), Some(Load::Ready(_))));
    let failed = Signal::derive(move || matches!(masters.districts.get(), Some(Load::Failed(_))));
    let placeholder = Signal::derive(move || {
        if loading.get() && !failed.get() {
            i18n.get(forms::LOADING_LIST)
        } else {
            i18n.get(forms::CHOOSE)
        }
    });
    view! {
        {select_view(ctx.clone(), options, placeholder)}
        {list_status(failed, move || {
            masters.districts.set(None);
            masters.want_districts();
        })}
    }
}

fn station_select(ctx: FieldCtx, district_field: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let masters = use_masters();
    let state = ctx.state;
    let prefix = ctx.key.strip_suffix(ctx.spec.id).unwrap_or("").to_owned();
    let district_key = format!("{prefix}{district_field}");
    let district = Memo::new(move |_| state.get(&district_key));
    Effect::new(move |_| masters.want_stations(district.get()));
    let load = Signal::derive(move || {
        let d = district.get();
        masters.stations.with(|s| s.get(&d).cloned())
    });
    let options = Signal::derive(move || {
        let hindi = i18n.lang.get() == Lang::Hi;
        match load.get() {
            Some(Load::Ready(list)) => list
                .iter()
                .map(|s| {
                    let name = if hindi {
                        s.name_hi.clone()
                    } else {
                        s.name_en.clone()
                    };
                    (s.code.to_string(), name)
                })
                .collect(),
            _ => Vec::new(),
        }
    });
    let failed = Signal::derive(move || matches!(load.get(), Some(Load::Failed(_))));
    let placeholder = Signal::derive(move || {
        if district.get().is_empty() {
            i18n.get(forms::CHOOSE_DISTRICT_FIRST)
        } else if matches!(load.get(), Some(Load::Loading) | None) {
            i18n.get(forms::LOADING_LIST)
        } else {
            i18n.get(forms::CHOOSE)
        }
    });
    view! {
        {select_view(ctx.clone(), options, placeholder)}
        {list_status(failed, move || {
            let d = district.get_untracked();
            masters.stations.update(|s| {
                s.remove(&d);
            });
            masters.want_stations(d);
        })}
    }
}

/// Boxes of one composite answer (a date's day/month/year) stored as `a/b/c`.
fn part_inputs(
    ctx: &FieldCtx,
    parts: &'static [(&'static str, crate::i18n::Key, &'static str, u8)],
    separator: char,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = ctx.error();
    let bday = ctx.spec.autocomplete == Some("bday");
    parts
        .iter()
        .enumerate()
        .map(|(i, (suffix, label, auto, width))| {
            let id = if i == 0 { ctx.dom.clone() } else { format!("{}-{suffix}", ctx.dom) };
            let (value, set) = (ctx.value(), ctx.setter());
            let value_now = value.clone();
            let n = parts.len();
            let part = move || value().split(separator).nth(i).unwrap_or("").to_owned();
            let on_input = move |ev| {
                let current = value_now();
                let mut pieces: Vec<String> =
                    current.split(separator).map(str::to_owned).collect();
                pieces.resize(n, String::new());
                pieces[i] = event_target_value(&ev).trim().to_owned();
                let joined = if pieces.iter().all(String::is_empty) {
                    String::new()
                } else {
                    pieces.join(&separator.to_string())
                };
                set(joined);
            };
            view! {
                <div class="ns-date-input__item">
                    <label class="ns-label ns-date-input__label" for=id.clone()>{i18n.t(*label)}</label>
                    <input
                        class=format!("ns-input ns-input--width-{width}")
                        class:ns-input--error=move || error.with(|e| e.is_some())
                        id=id
                        name=format!("{}-{suffix}", ctx.key)
                        type="text"
                        inputmode="numeric"
                        autocomplete=if bday { *auto } else { "off" }
                        aria-invalid=move || error.with(|e| e.is_some()).then_some("true")
                        prop:value=part
                        on:input=on_input
                    />
                </div>
            }
        })
        .collect_view()
}

fn date_input(ctx: FieldCtx) -> impl IntoView {
    const PARTS: &[(&str, crate::i18n::Key, &str, u8)] = &[
        ("day", forms::DAY, "bday-day", 2),
        ("month", forms::MONTH, "bday-month", 2),
        ("year", forms::YEAR, "bday-year", 4),
    ];
    let error = ctx.error();
    view! {
        <FieldSet id=ctx.dom.clone() label=ctx.label() hint=ctx.hint() optional=ctx.spec.optional error>
            <div class="ns-date-input">{part_inputs(&ctx, PARTS, '/')}</div>
        </FieldSet>
    }
}

fn time_input(ctx: FieldCtx) -> impl IntoView {
    const PARTS: &[(&str, crate::i18n::Key, &str, u8)] = &[
        ("hour", forms::HOUR, "off", 2),
        ("minute", forms::MINUTE, "off", 2),
    ];
    let error = ctx.error();
    view! {
        <FieldSet id=ctx.dom.clone() label=ctx.label() hint=ctx.hint() optional=ctx.spec.optional error>
            <div class="ns-date-input">{part_inputs(&ctx, PARTS, ':')}</div>
        </FieldSet>
    }
}

fn checkbox(ctx: FieldCtx) -> impl IntoView {
    let i18n = use_i18n();
    let error = ctx.error();
    let (value, set) = (ctx.value(), ctx.setter());
    view! {
        <div class="ns-field" class:ns-field--error=move || error.with(|e| e.is_some())>
            <div class="ns-checkboxes__item">
                <input
                    class="ns-checkboxes__input"
                    type="checkbox"
                    id=ctx.dom.clone()
                    name=ctx.key.clone()
                    aria-describedby=ctx.describedby()
                    prop:checked=move || value() == "yes"
                    on:change=move |ev| set(if event_target_checked(&ev) { "yes".into() } else { String::new() })
                />
                <label class="ns-checkboxes__label" for=ctx.dom.clone()>{i18n.t(ctx.label())}</label>
            </div>
        </div>
    }
}

/// A repeatable group: entries with a Remove button each, and an Add button.
#[component]
fn Group(state: FormState, group: &'static GroupSpec) -> impl IntoView {
    let i18n = use_i18n();
    let ns = state.ns();
    let count = Memo::new(move |_| state.answers.with(|a| group_len(a, group)));
    let key = |suffix: &str| text::group(ns, group, suffix);
    let (heading, add, item, remove) = (key("heading"), key("add"), key("item"), key("remove"));
    let add_entry = move |_| {
        let n = count.get_untracked();
        if n < group.max {
            state.set(group.id, (n + 1).to_string());
            request_animation_frame(move || {
                let first = format!("{}.{n}.{}", group.id, group.fields[0].id);
                crate::components::error_summary::focus_field(&dom_id(&first));
            });
        }
    };
    let remove_entry = move |i: usize| {
        state.answers.update(|a| {
            let n = group_len(a, group);
            for j in i..n {
                for f in group.fields {
                    let from = format!("{}.{}.{}", group.id, j + 1, f.id);
                    let to = format!("{}.{j}.{}", group.id, f.id);
                    match a.remove(&from) {
                        Some(v) => a.insert(to, v),
                        None => a.remove(&to),
                    };
                }
            }
            if n <= 1 {
                a.remove(group.id);
            } else {
                a.insert(group.id.to_owned(), (n - 1).to_string());
            }
        });
        state.problems.set(Vec::new());
        // The entry and its button are gone: focus goes to the Add button, not the page top.
        request_animation_frame(move || {
            crate::components::error_summary::focus_field(&format!("g-{}-add", group.id));
        });
    };
    view! {
        <section class="ns-group" aria-labelledby=format!("g-{}", group.id)>
            <h2 class="ns-heading-m" id=format!("g-{}", group.id)>{i18n.t(heading)}</h2>
            <For each=move || 0..count.get() key=|i| *i let:i>
                <fieldset class="ns-group__entry">
                    <legend class="ns-fieldset__legend">
                        {move || i18n.format(item, &[("n", &(i + 1).to_string())])}
                    </legend>
                    {group
                        .fields
                        .iter()
                        .map(|f| view! { <Field state spec=f prefix=format!("{}.{i}.", group.id)/> })
                        .collect_view()}
                    <button type="button" class="ns-button ns-button--secondary" on:click=move |_| remove_entry(i)>
                        {move || i18n.format(remove, &[("n", &(i + 1).to_string())])}
                    </button>
                </fieldset>
            </For>
            <Show when=move || { count.get() < group.max }>
                <button type="button" class="ns-button ns-button--secondary" id=format!("g-{}-add", group.id) on:click=add_entry>
                    {i18n.t(add)}
                </button>
            </Show>
        </section>
    }
}
