use leptos::ev;
use leptos::prelude::*;

/// Whether the page is visible (Page Visibility API), updated on `visibilitychange`.
pub fn use_visible() -> Signal<bool> {
    let visible = RwSignal::new(document().visibility_state() == web_sys::VisibilityState::Visible);
    let handle = window_event_listener(ev::visibilitychange, move |_| {
        visible.set(document().visibility_state() == web_sys::VisibilityState::Visible);
    });
    on_cleanup(move || handle.remove());
    visible.into()
}
