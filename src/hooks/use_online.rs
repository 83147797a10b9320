use leptos::ev;
use leptos::prelude::*;

/// Whether the browser believes it is online, updated on `online` / `offline` events.
#[derive(Clone, Copy)]
pub struct Online(pub Signal<bool>);

pub fn provide_online() {
    let online = RwSignal::new(window().navigator().on_line());
    let a = window_event_listener(ev::online, move |_| online.set(true));
    let b = window_event_listener(ev::offline, move |_| online.set(false));
    on_cleanup(move || {
        a.remove();
        b.remove();
    });
    provide_context(Online(online.into()));
}

pub fn use_online() -> Signal<bool> {
    use_context::<Online>().map_or_else(|| Signal::stored(true), |o| o.0)
}
