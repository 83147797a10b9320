//! Kiosk mode for shared terminals in police stations (`?kiosk=1`): nothing personal may be
//! written to the browser. The full kiosk experience (idle reset, on-screen keyboard) builds
//! on this switch.

const SESSION_KEY: &str = "ns.kiosk";

/// True when this browser session was opened with `?kiosk=1`.
pub fn is_kiosk() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let from_url = window
        .location()
        .search()
        .map(|s| s.split(['?', '&']).any(|p| p == "kiosk=1"))
        .unwrap_or(false);
    let session = window.session_storage().ok().flatten();
    if from_url {
        if let Some(s) = &session {
            let _ = s.set_item(SESSION_KEY, "1");
        }
        return true;
    }
    session
        .and_then(|s| s.get_item(SESSION_KEY).ok().flatten())
        .is_some_and(|v| v == "1")
}
