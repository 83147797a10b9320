//! Kiosk mode for shared terminals in police stations, started by opening the portal with
//! `?kiosk=1` and kept for that browser session. One citizen follows another at a kiosk, so:
//! nothing personal is ever written to the browser (drafts, "My applications" and the install
//! button are off), an idle screen is cleared after a warning ([`idle`]), "Finish" clears it at
//! once, and every text field gets an on-screen Hindi/English keyboard ([`keyboard`]).
//!
//! Options, all in the address the kiosk opens: `idle=<seconds>` before the "Are you still
//! there?" warning (default 120, 30 to 3600), `lang=hi|en` for the language each new citizen
//! starts in (default Hindi).

pub mod idle;
pub mod keyboard;
pub mod layouts;

use crate::i18n::Lang;
use crate::storage::session;

const SESSION_KEY: &str = "ns.kiosk";
const CONFIG_KEY: &str = "ns.kiosk.config";
/// Set when a reset could not reach the server; `public/pwa.js` keeps ending that session.
const LOGOUT_PENDING_KEY: &str = "ns.kiosk.logout-pending";

/// Seconds without input before the warning, unless the address says otherwise.
pub const DEFAULT_IDLE_SECS: u32 = 120;
/// How long the warning counts down before the reset (WCAG 2.2.1 asks for at least 20 s).
pub const WARNING_SECS: u32 = 30;
/// After an acknowledgement, the screen clears this long after the last input (warning
/// included), so the next citizen never finds the previous one's slip.
pub const AFTER_CONFIRMATION_SECS: u32 = 60;
const IDLE_RANGE: std::ops::RangeInclusive<u32> = 30..=3600;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KioskConfig {
    pub idle_secs: u32,
    pub lang: Lang,
}

impl Default for KioskConfig {
    fn default() -> Self {
        KioskConfig {
            idle_secs: DEFAULT_IDLE_SECS,
            lang: Lang::Hi,
        }
    }
}

impl KioskConfig {
    /// Reads `kiosk=1&idle=…&lang=…` from a query string (with or without the `?`); `None`
    /// unless it has `kiosk=1`. A missing or unreadable option keeps its default; an idle time
    /// outside 30–3600 s is brought into that range.
    pub fn from_query(query: &str) -> Option<Self> {
        let pairs = || crate::routes::query_pairs(query);
        if !pairs().any(|(k, v)| k == "kiosk" && v == "1") {
            return None;
        }
        let mut config = KioskConfig::default();
        for (k, v) in pairs() {
            match k {
                "idle" => {
                    if let Ok(secs) = v.parse::<u32>() {
                        config.idle_secs = secs.clamp(*IDLE_RANGE.start(), *IDLE_RANGE.end());
                    }
                }
                "lang" => config.lang = Lang::from_code(v).unwrap_or(config.lang),
                _ => {}
            }
        }
        Some(config)
    }

    pub fn to_query(self) -> String {
        format!("kiosk=1&idle={}&lang={}", self.idle_secs, self.lang.code())
    }

    /// Where a reset lands: the home page, with the options that keep the kiosk a kiosk.
    pub fn home_url(self) -> String {
        format!("/?{}", self.to_query())
    }
}

fn url_config() -> Option<KioskConfig> {
    KioskConfig::from_query(&web_sys::window()?.location().search().ok()?)
}

fn read_config() -> Option<KioskConfig> {
    if let Some(config) = url_config() {
        return Some(config);
    }
    let s = session()?;
    if s.get_item(SESSION_KEY).ok().flatten().as_deref() != Some("1") {
        return None;
    }
    let stored = s.get_item(CONFIG_KEY).ok().flatten().unwrap_or_default();
    Some(KioskConfig::from_query(&stored).unwrap_or_default())
}

/// The kiosk options when this browser session is a kiosk: read once per page and kept in
/// memory, so a late `Clear-Site-Data` answer emptying sessionStorage cannot turn kiosk mode
/// off mid-visit (and [`remember`] writes them back for the next page). Only the options are
/// kept; never anything the citizen entered.
pub fn config() -> Option<KioskConfig> {
    static CONFIG: std::sync::OnceLock<Option<KioskConfig>> = std::sync::OnceLock::new();
    *CONFIG.get_or_init(|| {
        let config = read_config();
        if let Some(c) = config {
            store(c);
        }
        config
    })
}

/// Writes the kiosk options back to sessionStorage if something emptied it, so the next page
/// load (the other bundle, a reload) is a kiosk too. The idle guard calls it as the page is
/// left (`pagehide`), the forms handover just before it leaves.
pub fn remember() {
    if let Some(c) = config() {
        store(c);
    }
}

/// Keeps `config` as this browser session's kiosk options (also for the forms bundle, opened
/// by a kiosk's hand-over whose address carries them).
pub fn store(config: KioskConfig) {
    let Some(s) = session() else { return };
    if s.get_item(SESSION_KEY).ok().flatten().as_deref() != Some("1") {
        let _ = s.set_item(SESSION_KEY, "1");
    }
    let query = config.to_query();
    if s.get_item(CONFIG_KEY).ok().flatten().as_deref() != Some(query.as_str()) {
        let _ = s.set_item(CONFIG_KEY, &query);
    }
}

/// True when this browser session was opened with `?kiosk=1`.
pub fn is_kiosk() -> bool {
    config().is_some()
}

/// The language a page starts in: a kiosk opened (or reset) just now starts in its own
/// language, everyone else in the one they chose last; a kiosk with none chosen (its storage
/// emptied, for instance by a late `Clear-Site-Data` answer) in its own language again.
pub fn start_lang(stored: impl FnOnce() -> Option<Lang>) -> Lang {
    url_config()
        .map(|c| c.lang)
        .or_else(stored)
        .or_else(|| config().map(|c| c.lang))
        .unwrap_or_default()
}

/// Ends this citizen's visit: `public/pwa.js` ends the server session (whose answer carries
/// `Clear-Site-Data`), empties local and session storage, IndexedDB, the site's cookies and
/// caches, then opens the kiosk's home page as a new document, so no signal or form survives
/// either. Only the first call counts (a double tap on Finish, or Finish as the countdown
/// ends): a second one would no longer find the kiosk's options.
pub fn reset() {
    use std::sync::atomic::{AtomicBool, Ordering};
    static RESETTING: AtomicBool = AtomicBool::new(false);
    if RESETTING.swap(true, Ordering::SeqCst) {
        return;
    }
    let home = config().unwrap_or_default().home_url();
    if crate::pwa::call_with("wipe", &home) {
        return;
    }
    // pwa.js did not load: clear what the app can reach and let the next page's pwa.js end
    // the server session.
    if let Some(l) = crate::storage::local() {
        let _ = l.clear();
    }
    if let Some(s) = session() {
        let _ = s.clear();
        let _ = s.set_item(LOGOUT_PENDING_KEY, "1");
    }
    if let Some(w) = web_sys::window() {
        let _ = w.location().replace(&home);
    }
}

/// A new OTP session replaces the cookie of one a reset could not end: stop ending it (and
/// abort an attempt in flight), or the retry would end the new citizen's session instead.
pub fn new_session_started() {
    if !crate::pwa::call_with("cancelPendingLogout", "") {
        if let Some(s) = session() {
            let _ = s.remove_item(LOGOUT_PENDING_KEY);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kiosk_needs_kiosk_1() {
        assert_eq!(KioskConfig::from_query(""), None);
        assert_eq!(KioskConfig::from_query("?kiosk=0"), None);
        assert_eq!(KioskConfig::from_query("?xkiosk=1"), None);
        assert_eq!(
            KioskConfig::from_query("?kiosk=1"),
            Some(KioskConfig::default())
        );
        assert_eq!(
            KioskConfig::from_query("?a=b&kiosk=1"),
            Some(KioskConfig::default())
        );
    }

    #[test]
    fn options_are_read_and_bounded() {
        let c = KioskConfig::from_query("?kiosk=1&idle=45&lang=en").unwrap();
        assert_eq!((c.idle_secs, c.lang), (45, Lang::En));
        let c = KioskConfig::from_query("kiosk=1&idle=5&lang=fr").unwrap();
        assert_eq!((c.idle_secs, c.lang), (30, Lang::Hi));
        let c = KioskConfig::from_query("kiosk=1&idle=99999").unwrap();
        assert_eq!(c.idle_secs, 3600);
        let c = KioskConfig::from_query("kiosk=1&idle=soon").unwrap();
        assert_eq!(c.idle_secs, DEFAULT_IDLE_SECS);
    }

    #[test]
    fn the_home_address_keeps_the_options() {
        let c = KioskConfig {
            idle_secs: 90,
            lang: Lang::En,
        };
        assert_eq!(c.home_url(), "/?kiosk=1&idle=90&lang=en");
        assert_eq!(KioskConfig::from_query(&c.to_query()), Some(c));
    }
}
