//! The kiosk's idle reset: after the idle time without touch, key or pointer input, a modal
//! "Are you still there?" dialog counts down [`WARNING_SECS`]; "Continue" (or Escape) gives the
//! citizen their time back, reaching zero clears everything ([`super::reset`]).

use super::{config, AFTER_CONFIRMATION_SECS, WARNING_SECS};
use crate::i18n::{keys::kiosk as k, use_i18n};
use crate::routes::{AppRoute, JourneyPage};
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// What the screen should show after `idle_ms` without input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    Active,
    /// The warning, with whole seconds left before the reset (never 0).
    Warning(u32),
    Reset,
}

pub fn phase(idle_ms: f64, idle_secs: u32) -> Phase {
    let warn_at = f64::from(idle_secs) * 1000.0;
    let reset_at = warn_at + f64::from(WARNING_SECS) * 1000.0;
    if idle_ms < warn_at {
        Phase::Active
    } else if idle_ms < reset_at {
        Phase::Warning(((reset_at - idle_ms) / 1000.0).ceil() as u32)
    } else {
        Phase::Reset
    }
}

// WCAG 2.2.1: at least 20 seconds to answer the warning.
const _: () = assert!(WARNING_SECS >= 20);

/// Input that shows someone is using the kiosk.
const ACTIVITY: [&str; 5] = [
    "pointerdown",
    "pointermove",
    "keydown",
    "wheel",
    "afterprint",
];

/// Watches for input and shows the warning; renders nothing outside kiosk mode.
#[component]
pub fn IdleGuard() -> impl IntoView {
    let Some(config) = config() else {
        return ().into_any();
    };
    let i18n = use_i18n();
    let location = use_location();
    let confirmation = Memo::new(move |_| {
        matches!(
            AppRoute::from_path(&location.pathname.get()),
            AppRoute::Journey(_, JourneyPage::Confirmation(_))
        )
    });
    let last_input = StoredValue::new(js_sys::Date::now());
    let now = RwSignal::new(js_sys::Date::now());
    let state = Memo::new(move |_| {
        let idle_secs = if confirmation.get() {
            AFTER_CONFIRMATION_SECS - WARNING_SECS
        } else {
            config.idle_secs
        };
        phase(now.get() - last_input.get_value(), idle_secs)
    });
    let keep = move || {
        let t = js_sys::Date::now();
        last_input.set_value(t);
        now.set(t);
    };

    let ticker = set_interval_with_handle(
        move || now.set(js_sys::Date::now()),
        std::time::Duration::from_secs(1),
    )
    .ok();
    let listeners: Vec<_> = ACTIVITY
        .iter()
        .map(|name| {
            window_event_listener_untyped(name, move |_| {
                // During the warning only "Continue" counts: a stray tap on the dimmed page
                // must not silently keep the previous citizen's answers on screen.
                if state.get_untracked() == Phase::Active {
                    last_input.set_value(js_sys::Date::now());
                }
            })
        })
        .collect();
    // Whatever emptied sessionStorage meanwhile (a late Clear-Site-Data answer), the next
    // page must still be a kiosk.
    let leaving = window_event_listener_untyped("pagehide", |_| super::remember());
    on_cleanup(move || {
        leaving.remove();
        if let Some(t) = ticker {
            t.clear();
        }
        listeners.into_iter().for_each(|l| l.remove());
    });

    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let resetting = StoredValue::new(false);
    Effect::new(move |_| {
        let state = state.get();
        let Some(d) = dialog.get() else { return };
        match state {
            Phase::Active if d.open() => d.close(),
            Phase::Warning(_) if !d.open() => {
                let _ = d.show_modal();
            }
            Phase::Reset if !resetting.get_value() => {
                resetting.set_value(true);
                super::reset();
            }
            _ => {}
        }
    });
    let seconds = move || match state.get() {
        Phase::Warning(s) => s,
        Phase::Active => WARNING_SECS,
        Phase::Reset => 0,
    };
    let clearing = move || state.get() == Phase::Reset;
    // The countdown itself is silent (a number read out every second would drown the page);
    // screen readers hear the time left at 20, 10 and 5 seconds.
    let announce = move || {
        let at = match seconds() {
            16..=20 => 20,
            6..=10 => 10,
            1..=5 => 5,
            _ => return String::new(),
        };
        crate::i18n::plural(i18n.lang.get(), k::CLEARS_IN, at)
    };
    view! {
        <dialog
            node_ref=dialog
            class="ns-dialog"
            aria-labelledby="ns-idle-title"
            aria-describedby="ns-idle-text"
            data-testid="idle-dialog"
            on:cancel=move |e: web_sys::Event| {
                e.prevent_default();
                if !clearing() {
                    keep();
                }
            }
        >
            <h2 class="ns-heading-l" id="ns-idle-title">{i18n.t(k::STILL_THERE)}</h2>
            <p id="ns-idle-text">{move || crate::i18n::plural(i18n.lang.get(), k::CLEARS_IN, seconds().into())}</p>
            <p class="ns-visually-hidden" aria-live="polite">{announce}</p>
            <p>{i18n.t(k::CLEARS_DETAIL)}</p>
            <div class="ns-button-group">
                <button type="button" class="ns-button" data-testid="idle-continue" autofocus
                    disabled=clearing on:click=move |_| keep()>
                    {i18n.t(k::CONTINUE)}
                </button>
                <FinishButton/>
            </div>
        </dialog>
    }
    .into_any()
}

/// "Finish": clears this citizen's visit at once. Shown in the header and the warning.
#[component]
pub fn FinishButton() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <button type="button" class="ns-button ns-button--secondary ns-finish" data-testid="finish"
            on:click=move |e| {
                super::reset();
                // Once is enough: the page is being cleared.
                let _ = event_target::<web_sys::Element>(&e).set_attribute("disabled", "");
            }>
            {i18n.t(k::FINISH)}
        </button>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn warns_after_the_idle_time_and_resets_after_the_warning() {
        assert_eq!(phase(0.0, 120), Phase::Active);
        assert_eq!(phase(119_999.0, 120), Phase::Active);
        assert_eq!(phase(120_000.0, 120), Phase::Warning(30));
        assert_eq!(phase(120_001.0, 120), Phase::Warning(30));
        assert_eq!(phase(129_000.0, 120), Phase::Warning(21));
        assert_eq!(phase(149_999.0, 120), Phase::Warning(1));
        assert_eq!(phase(150_000.0, 120), Phase::Reset);
    }

    #[test]
    fn an_acknowledgement_clears_a_minute_after_the_last_input() {
        assert_eq!(
            phase(
                f64::from(AFTER_CONFIRMATION_SECS) * 1000.0,
                AFTER_CONFIRMATION_SECS - WARNING_SECS
            ),
            Phase::Reset
        );
    }
}
