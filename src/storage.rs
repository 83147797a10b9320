//! Small preferences kept on the device (language, text size). Never personal data.
//! Storage can be missing or full (private mode, quota); the app then simply forgets.

pub fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// This tab's sessionStorage (the kiosk's options, the forms handover), when there is one.
pub fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

pub fn get(key: &str) -> Option<String> {
    local()?.get_item(key).ok().flatten()
}

pub fn set(key: &str, value: &str) {
    if let Some(s) = local() {
        let _ = s.set_item(key, value);
    }
}

pub const LANG_KEY: &str = "ns.lang";
pub const TEXT_SIZE_KEY: &str = "ns.text-size";

pub fn remove(key: &str) {
    if let Some(s) = local() {
        let _ = s.remove_item(key);
    }
}
