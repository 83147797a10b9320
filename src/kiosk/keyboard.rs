//! The kiosk's on-screen keyboard: Hindi (InScript), English (QWERTY) and digits, for every
//! text field. Many citizens cannot type Hindi on the kiosk's physical keyboard, and some
//! kiosks have only a touch screen. The keys never take focus from the field, so the caret
//! stays where the citizen put it; the physical keyboard keeps working alongside.

use super::layouts::{self, Layout};
use crate::i18n::{keys::kiosk as k, use_i18n, Lang};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};

/// A field the keyboard can type into.
#[derive(Clone)]
enum Field {
    Input(HtmlInputElement),
    Area(HtmlTextAreaElement),
}

/// Shown under a vowel sign on its key (◌ि), hidden from screen readers.
const DOTTED_CIRCLE: &str = "◌";
/// Drawn before the Backspace key's name, hidden from screen readers.
const ERASE_SIGN: &str = "⌫ ";

const TEXT_TYPES: [&str; 7] = ["text", "tel", "email", "search", "number", "url", ""];

impl Field {
    fn from_target(target: Option<web_sys::EventTarget>) -> Option<Field> {
        let target = target?;
        if let Some(input) = target.dyn_ref::<HtmlInputElement>() {
            let kind = input.get_attribute("type").unwrap_or_default();
            (TEXT_TYPES.contains(&kind.as_str()) && !input.read_only() && !input.disabled())
                .then(|| Field::Input(input.clone()))
        } else {
            let area = target.dyn_into::<HtmlTextAreaElement>().ok()?;
            (!area.read_only() && !area.disabled()).then_some(Field::Area(area))
        }
    }

    fn element(&self) -> &web_sys::HtmlElement {
        match self {
            Field::Input(i) => i,
            Field::Area(a) => a,
        }
    }

    /// The layout a field opens with: digits for numbers, English for e-mail addresses and
    /// reference numbers, otherwise the language the citizen is reading.
    fn layout(&self, lang: Lang) -> Layout {
        let el = self.element();
        let attr = |name| el.get_attribute(name).unwrap_or_default();
        let (kind, mode) = (attr("type"), attr("inputmode"));
        if ["numeric", "tel", "decimal"].contains(&mode.as_str())
            || kind == "tel"
            || kind == "number"
        {
            Layout::Digits
        } else if kind == "email" || mode == "email" || attr("autocapitalize") == "characters" {
            Layout::English
        } else if lang == Lang::Hi {
            Layout::Hindi
        } else {
            Layout::English
        }
    }

    fn value(&self) -> Vec<u16> {
        match self {
            Field::Input(i) => i.value(),
            Field::Area(a) => a.value(),
        }
        .encode_utf16()
        .collect()
    }

    /// The selection in UTF-16 units; fields without one (e-mail) count as "at the end".
    fn selection(&self, len: usize) -> (usize, usize) {
        let (start, end) = match self {
            Field::Input(i) => (i.selection_start(), i.selection_end()),
            Field::Area(a) => (a.selection_start(), a.selection_end()),
        };
        match (start.ok().flatten(), end.ok().flatten()) {
            (Some(s), Some(e)) => (s as usize, e as usize),
            _ => (len, len),
        }
    }

    fn max_length(&self) -> Option<usize> {
        let max = match self {
            Field::Input(i) => i.max_length(),
            Field::Area(a) => a.max_length(),
        };
        usize::try_from(max).ok()
    }

    /// Writes the new text, puts the caret back and tells the form, exactly as typing does.
    fn write(&self, value: &[u16], caret: usize) {
        let text = String::from_utf16_lossy(value);
        let caret = caret as u32;
        match self {
            Field::Input(i) => {
                i.set_value(&text);
                let _ = i.set_selection_range(caret, caret);
            }
            Field::Area(a) => {
                a.set_value(&text);
                let _ = a.set_selection_range(caret, caret);
            }
        }
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        if let Ok(event) = web_sys::Event::new_with_event_init_dict("input", &init) {
            let _ = self.element().dispatch_event(&event);
        }
    }

    fn type_text(&self, text: &str) {
        let value = self.value();
        let (start, end) = self.selection(value.len());
        let (start, end) = (start.min(end), end.max(start).min(value.len()));
        let add: Vec<u16> = text.encode_utf16().collect();
        if self
            .max_length()
            .is_some_and(|max| value.len() - (end - start) + add.len() > max)
        {
            return;
        }
        let mut out = value[..start].to_vec();
        out.extend_from_slice(&add);
        out.extend_from_slice(&value[end..]);
        self.write(&out, start + add.len());
    }

    fn backspace(&self) {
        let value = self.value();
        let (start, end) = self.selection(value.len());
        let (out, caret) = layouts::backspace(&value, start, end);
        if out != value {
            self.write(&out, caret);
        }
    }
}

/// Docked at the foot of the screen while a text field is in use; in kiosk mode only.
#[component]
pub fn OnScreenKeyboard() -> impl IntoView {
    if !super::is_kiosk() {
        return ().into_any();
    }
    let i18n = use_i18n();
    let field = StoredValue::new_local(None::<Field>);
    let open = RwSignal::new(false);
    let layout = RwSignal::new(Layout::Hindi);
    let shift = RwSignal::new(false);
    // "Hide" closes the keyboard until the field is tapped again (focus alone, which Hide
    // gives back to the field, does not reopen it).
    let dismissed = StoredValue::new(false);
    let close = move || {
        open.set(false);
        field.set_value(None);
    };
    let unshift = move || {
        if shift.get_untracked() {
            shift.set(false);
        }
    };

    let on_focus = move |e: web_sys::Event, tapped: bool| {
        let target = e.target();
        match Field::from_target(target.clone()) {
            Some(f) => {
                let same = field
                    .with_value(|old| old.as_ref().is_some_and(|o| o.element() == f.element()));
                // Nothing typed at a kiosk is offered to the next citizen by autofill.
                let _ = f.element().set_attribute("autocomplete", "off");
                if !same {
                    layout.set(f.layout(i18n.lang.get_untracked()));
                    unshift();
                    field.set_value(Some(f));
                    dismissed.set_value(false);
                } else if tapped {
                    dismissed.set_value(false);
                }
                if !dismissed.get_value() && !open.get_untracked() {
                    open.set(true);
                    field.with_value(|f| {
                        if let Some(f) = f {
                            // Keep the field above the keyboard (scroll-padding in kiosk.css).
                            let options = web_sys::ScrollIntoViewOptions::new();
                            options.set_block(web_sys::ScrollLogicalPosition::Nearest);
                            f.element()
                                .scroll_into_view_with_scroll_into_view_options(&options);
                        }
                    });
                }
            }
            // Focus on a radio, a select, a button or the page (after a step): the keyboard
            // goes, so it can never type into a field the citizen has left. Its own keys keep it.
            None if !tapped => {
                let in_keyboard = target
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .and_then(|el| el.closest(".ns-keyboard").ok().flatten())
                    .is_some();
                if !in_keyboard {
                    close();
                }
            }
            None => {}
        }
    };
    let listeners = [
        window_event_listener_untyped("focusin", move |e| on_focus(e, false)),
        window_event_listener_untyped("click", move |e| on_focus(e, true)),
    ];
    on_cleanup(move || listeners.into_iter().for_each(|l| l.remove()));
    // Room below the page for the keyboard, from its first use until the next page. Not
    // removed when it closes: the page would get shorter under the citizen's finger and a tap
    // on Continue could land elsewhere.
    let padded = RwSignal::new(false);
    let location = leptos_router::hooks::use_location();
    Effect::new(move |prev: Option<String>| {
        let path = location.pathname.get();
        if prev.is_some_and(|p| p != path) {
            close();
            padded.set(false);
        }
        path
    });
    Effect::new(move |_| {
        if open.get() {
            padded.set(true);
        }
    });
    Effect::new(move |_| {
        if let Some(body) = document().body() {
            let _ = body
                .class_list()
                .toggle_with_force("ns-with-keyboard", padded.get());
        }
    });

    // A pointer press on a key must not move focus out of the field (the caret would be lost
    // on a touch screen); keyboard and screen-reader users still reach every key by Tab.
    let keep_focus = |e: web_sys::MouseEvent| e.prevent_default();
    let with_field = move |act: &dyn Fn(&Field), e: &web_sys::MouseEvent| {
        field.with_value(|f| {
            let Some(f) = f.as_ref().filter(|f| f.element().is_connected()) else {
                return;
            };
            act(f);
            // A tap or click (not Enter on a focused key) returns focus to the field.
            if e.detail() > 0 {
                let _ = f.element().focus();
            }
        });
    };

    // The grid is rebuilt only when the layout changes; Shift only relabels the keys, so a
    // key pressed with Enter keeps its focus.
    let keys = move || {
        layout
            .get()
            .rows()
            .iter()
            .map(|row| {
                let row = row
                    .iter()
                    .map(|&(plain, upper)| {
                        let ch = move || if shift.get() { upper } else { plain };
                        let mark = move || {
                            layouts::is_combining(ch())
                                .then(|| view! { <span aria-hidden="true">{DOTTED_CIRCLE}</span> })
                        };
                        view! {
                            <button type="button" class="ns-key" on:mousedown=keep_focus
                                on:click=move |e| {
                                    let text = if shift.get_untracked() { upper } else { plain };
                                    with_field(&|f| f.type_text(text), &e);
                                    unshift();
                                }>
                                {mark}{ch}
                            </button>
                        }
                    })
                    .collect_view();
                view! { <div class="ns-keyboard__row">{row}</div> }
            })
            .collect_view()
    };

    let switches = move || {
        Layout::ALL
            .into_iter()
            .map(|l| {
                let (lang, label) = match l {
                    Layout::Hindi => ("hi", k::LAYOUT_HINDI),
                    Layout::English => ("en", k::LAYOUT_ENGLISH),
                    Layout::Digits => ("en", k::LAYOUT_DIGITS),
                };
                view! {
                    <button type="button" class="ns-key ns-key--wide" lang=lang on:mousedown=keep_focus
                        aria-pressed=move || (layout.get() == l).to_string()
                        on:click=move |_| { layout.set(l); unshift(); }>
                        {i18n.t(label)}
                    </button>
                }
            })
            .collect_view()
    };

    let hide = move |_| {
        dismissed.set_value(true);
        open.set(false);
        field.with_value(|f| {
            if let Some(f) = f.as_ref().filter(|f| f.element().is_connected()) {
                let _ = f.element().focus();
            }
        });
    };

    (move || {
        open.get().then(|| {
            view! {
                <aside class="ns-keyboard ns-no-print" aria-label=i18n.t(k::KEYBOARD) data-testid="keyboard" data-layout=move || format!("{:?}", layout.get()).to_lowercase()>
                    <div class="ns-keyboard__keys" lang=move || if layout.get() == Layout::Hindi { "hi" } else { "en" }>
                        {keys}
                    </div>
                    <div class="ns-keyboard__row">
                        {move || layout.get().has_shift().then(|| view! {
                            <button type="button" class="ns-key ns-key--wide" on:mousedown=keep_focus
                                aria-pressed=move || shift.get().to_string()
                                on:click=move |_| shift.update(|s| *s = !*s)>
                                {i18n.t(k::SHIFT)}
                            </button>
                        })}
                        {switches}
                        <button type="button" class="ns-key ns-key--space" on:mousedown=keep_focus
                            on:click=move |e| with_field(&|f| f.type_text(" "), &e)>
                            {i18n.t(k::SPACE)}
                        </button>
                        <button type="button" class="ns-key ns-key--wide" data-testid="key-backspace" on:mousedown=keep_focus
                            on:click=move |e| with_field(&|f| f.backspace(), &e)>
                            <span aria-hidden="true">{ERASE_SIGN}</span>{i18n.t(k::BACKSPACE)}
                        </button>
                        <button type="button" class="ns-key ns-key--wide" on:mousedown=keep_focus on:click=hide>
                            {i18n.t(k::HIDE)}
                        </button>
                    </div>
                </aside>
            }
        })
    })
    .into_any()
}
