//! Live status: polls a filing while the page is visible, online and the case is not final,
//! paced by the server (see `poll_schedule`). Conditional requests make an unchanged case cost
//! a bodyless 304. Leaving the page aborts the request in flight and stops the timer.

use super::poll_schedule::{Outcome, Schedule};
use super::{use_online::use_online, use_visible::use_visible};
use crate::api::{self, ApiError, Polled};
use contract::status::StatusView;
use contract::Reference;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::time::Duration;

/// What the status page shows, kept up to date.
#[derive(Clone, Copy)]
pub struct StatusPoll {
    pub view: RwSignal<Option<StatusView>>,
    /// When the server last answered (ms since epoch), for "updated 2 minutes ago".
    pub checked_at: RwSignal<Option<f64>>,
    /// The last try failed; what is shown is kept, and we will retry.
    pub failing: RwSignal<bool>,
    /// The server does not let this session see the case (needs the mobile).
    pub denied: RwSignal<bool>,
    /// Ask now (the Refresh button, coming back online or visible).
    pub refresh: Callback<()>,
}

pub fn use_status_poll(reference: Reference, initial: Option<StatusView>) -> StatusPoll {
    let view = RwSignal::new(initial.clone());
    let checked_at = RwSignal::new(initial.as_ref().map(|_| crate::time::now_ms()));
    let failing = RwSignal::new(false);
    let denied = RwSignal::new(false);
    let visible = use_visible();
    let online = use_online();

    let schedule = StoredValue::new(Schedule::default());
    let etag = StoredValue::new(None::<String>);
    let timer = StoredValue::new(None::<TimeoutHandle>);
    let in_flight = StoredValue::new_local(None::<web_sys::AbortController>);
    let alive = StoredValue::new(true);

    let stop = move || {
        if let Some(t) = timer.try_get_value().flatten() {
            t.clear();
        }
        timer.try_set_value(None);
        if let Some(c) = in_flight.try_get_value().flatten() {
            c.abort();
        }
        in_flight.try_set_value(None);
    };

    // `poll` schedules itself; a StoredValue breaks the recursion between the two closures.
    let poll_fn: StoredValue<Option<std::sync::Arc<dyn Fn() + Send + Sync>>> =
        StoredValue::new(None);
    let poll_now = move || {
        if let Some(f) = poll_fn.try_get_value().flatten() {
            f();
        }
    };
    let poll = move || {
        stop();
        let is_final = view.with_untracked(|v| v.as_ref().is_some_and(|v| v.is_final));
        if !alive.try_get_value().unwrap_or(false) || is_final || denied.get_untracked() {
            return;
        }
        if !visible.get_untracked() || !online.get_untracked() {
            return; // resumes when the page is visible and online again
        }
        let controller = web_sys::AbortController::new().ok();
        let signal = controller.as_ref().map(|c| c.signal());
        in_flight.set_value(controller);
        let reference = reference.clone();
        spawn_local(async move {
            let tag = etag.get_value();
            let result = api::status(&reference, tag.as_deref(), signal.as_ref()).await;
            // The page may have gone while we waited: its values are then disposed.
            if !alive.try_get_value().unwrap_or(false) {
                return;
            }
            in_flight.set_value(None);
            let (outcome, interval) = match result {
                Ok(Polled::Fresh {
                    view: fresh,
                    etag: tag,
                    interval_ms,
                }) => {
                    let changed = view
                        .with_untracked(|v| v.as_ref().map(|v| v.version) != Some(fresh.version));
                    etag.set_value(tag);
                    if changed {
                        crate::pages::status::remember(&fresh);
                        view.set(Some(fresh));
                    }
                    failing.set(false);
                    checked_at.set(Some(crate::time::now_ms()));
                    (
                        if changed {
                            Outcome::Changed
                        } else {
                            Outcome::Unchanged
                        },
                        interval_ms,
                    )
                }
                Ok(Polled::NotModified { interval_ms }) => {
                    failing.set(false);
                    checked_at.set(Some(crate::time::now_ms()));
                    (Outcome::Unchanged, interval_ms)
                }
                Ok(Polled::Throttled { retry_after_ms }) => {
                    failing.set(true);
                    (Outcome::Throttled { retry_after_ms }, None)
                }
                Err(ApiError::Rejected { status: 404, .. }) => {
                    denied.set(true);
                    return;
                }
                Err(_) => {
                    failing.set(true);
                    (Outcome::NetworkError, None)
                }
            };
            let jitter = js_sys::Math::random();
            let (next, delay) = schedule.get_value().next(outcome, interval, jitter);
            schedule.set_value(next);
            if view.with_untracked(|v| v.as_ref().is_some_and(|v| v.is_final)) {
                return; // a final state: nothing more will come
            }
            let handle =
                set_timeout_with_handle(poll_now, Duration::from_millis(delay as u64)).ok();
            timer.set_value(handle);
        });
    };
    poll_fn.set_value(Some(std::sync::Arc::new(poll)));

    // Start now, pause while hidden or offline, and fetch at once on coming back.
    Effect::new(move |_| {
        let active = visible.get() && online.get();
        if active {
            poll_now();
        } else {
            stop();
        }
    });
    on_cleanup(move || {
        alive.set_value(false);
        stop();
    });

    StatusPoll {
        view,
        checked_at,
        failing,
        denied,
        refresh: Callback::new(move |_| {
            denied.set(false);
            poll_now();
        }),
    }
}
