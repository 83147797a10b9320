//! Nagrik Seva: the citizen front-end. `main.rs` only calls [`start`]; everything lives here so
//! browser tests can mount [`App`].

pub mod api;
pub mod components;
pub mod forms;
pub mod hooks;
pub mod i18n;
pub mod journey;
pub mod json;
pub mod kiosk;
pub mod pages;
pub mod preferences;
pub mod pwa;
pub mod qr;
pub mod routes;
pub mod services;
pub mod storage;
pub mod time;

pub use hooks::use_online::use_online;

use components::{footer::Footer, header::Header};
use i18n::I18n;
use leptos::prelude::*;
use leptos_router::{
    components::Router,
    hooks::use_location,
    location::{BrowserUrl, LocationProvider},
};
use routes::AppRoute;
use wasm_bindgen::prelude::*;

/// The app is built as four bundles, each carrying one or more families of pages, so that every
/// page a citizen lands on loads only what it shows. A page a bundle does not carry is loaded
/// from the bundle that does (a full page load, see [`pages::hand_over`]). Which family a page
/// belongs to is [`routes::AppRoute::family`].
pub mod bundle {
    /// Home, helplines, information pages, and each service's start page.
    pub const HOME_PAGES: u8 = 1;
    /// Following a filing: the status lookup and a case's timeline.
    pub const STATUS_PAGES: u8 = 2;
    /// The pages that read the district and station lists: the FIR copy and the directory.
    pub const RECORD_PAGES: u8 = 4;
    /// The steps of every declared service.
    pub const FORM_PAGES: u8 = 8;
    /// The not-found page: every bundle shows it in place, at the address that was not found.
    pub const NOT_FOUND: u8 = 16;

    /// `index.html`: the first load.
    pub const LIGHT: u8 = HOME_PAGES | NOT_FOUND;
    /// `status/index.html`: what a slip's QR code and SMS open. Its pages link to the home
    /// page, which is one page load into the light bundle (6.5 KiB brotli less here).
    pub const LOOKUP: u8 = STATUS_PAGES | NOT_FOUND;
    /// `fir-copy/index.html`: the FIR copy and the police-station directory.
    pub const RECORDS: u8 = RECORD_PAGES | NOT_FOUND;
    /// `complaint/index.html`: every page, so a journey's steps, check and confirmation (and
    /// the status and FIR pages it links to) open without another page load.
    pub const FORMS: u8 = HOME_PAGES | STATUS_PAGES | RECORD_PAGES | FORM_PAGES | NOT_FOUND;

    /// Whether `bundle` carries the pages of `family`.
    pub const fn carries(bundle: u8, family: u8) -> bool {
        bundle & family != 0
    }

    /// The families whose pages have text fields: at a kiosk they need the on-screen keyboard.
    pub const TYPED_PAGES: u8 = STATUS_PAGES | RECORD_PAGES | FORM_PAGES;

    /// Whether `bundle` has the kiosk's idle reset and Finish button: the bundles that show a
    /// kiosk's home pages (the light one, where a kiosk starts and every reset lands, and the
    /// forms one). The status and records bundles show a kiosk nothing, so the citizens who
    /// open them on their own phones never download that code (5 KiB brotli of each).
    pub const fn has_kiosk_reset(bundle: u8) -> bool {
        carries(bundle, HOME_PAGES)
    }

    /// Whether `bundle` has the kiosk's on-screen keyboard: the forms one alone (it is 11 KiB
    /// brotli, used only at a kiosk).
    pub const fn has_keyboard(bundle: u8) -> bool {
        bundle == FORMS
    }

    /// Whether `bundle` shows the pages of `family` here (`kiosk`: this is a kiosk); else it
    /// hands them to the bundle that does. At a kiosk a bundle shows only what it has the
    /// kiosk's code for: its idle reset, and for a page with text fields its keyboard.
    pub const fn shows(bundle: u8, family: u8, kiosk: bool) -> bool {
        carries(bundle, family)
            && (!kiosk
                || (has_kiosk_reset(bundle) && (family & TYPED_PAGES == 0 || has_keyboard(bundle))))
    }

    /// Where a kiosk's page goes when the running bundle does not show it: a home page by its
    /// own address (the server answers it with the light bundle, which shows it), any other to
    /// the forms bundle (see `pages::hand_over`).
    pub const fn kiosk_hands_to_forms(family: u8) -> bool {
        family != HOME_PAGES
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn each_page_is_shown_by_its_own_bundle_and_at_a_kiosk_by_one_with_the_kiosk_code() {
            let families = [
                HOME_PAGES,
                STATUS_PAGES,
                RECORD_PAGES,
                FORM_PAGES,
                NOT_FOUND,
            ];
            let shown = |bundle, kiosk| families.map(|f| shows(bundle, f, kiosk));
            assert_eq!(shown(LIGHT, false), [true, false, false, false, true]);
            assert_eq!(shown(LOOKUP, false), [false, true, false, false, true]);
            assert_eq!(shown(RECORDS, false), [false, false, true, false, true]);
            assert_eq!(shown(FORMS, false), [true; 5]);
            // A kiosk: home pages (and not-found) in the light bundle, which has the idle
            // reset; pages with text fields only in the forms bundle, which has the keyboard;
            // nothing in the status and records bundles, which have neither.
            assert_eq!(shown(LIGHT, true), [true, false, false, false, true]);
            assert_eq!(shown(LOOKUP, true), [false; 5]);
            assert_eq!(shown(RECORDS, true), [false; 5]);
            assert_eq!(shown(FORMS, true), [true; 5]);
            // Every page a kiosk is handed lands in a bundle that shows it there.
            for family in families {
                let to = if kiosk_hands_to_forms(family) {
                    FORMS
                } else {
                    LIGHT
                };
                assert!(shows(to, family, true), "{family}");
            }
        }
    }
}

/// Starts the light bundle (`index.html`), the first load.
pub fn start() {
    mount(app::<{ bundle::LIGHT }>);
}

/// Starts the status bundle (`status/index.html`): what the slip's QR code and SMS open.
pub fn start_lookup() {
    mount(app::<{ bundle::LOOKUP }>);
}

/// Starts the records bundle (`fir-copy/index.html`, copied to `police-stations/`).
pub fn start_records() {
    mount(app::<{ bundle::RECORDS }>);
}

/// Starts the forms bundle (`complaint/index.html`, copied to each journey's folder):
/// every page.
pub fn start_forms() {
    mount(app::<{ bundle::FORMS }>);
}

/// Replaces the static shell painted by the entry page with the app.
fn mount<V: IntoView + 'static>(app: impl FnOnce() -> V + 'static) {
    console_error_panic_hook::set_once();
    let Some(root) = document().get_element_by_id("app") else {
        return;
    };
    let root: web_sys::HtmlElement = root.unchecked_into();
    // A task of its own: on a slow phone, instantiating the module is already a long task,
    // and the first render after it in the same task would block a tap for longer. The static
    // shell stays on screen until then.
    set_timeout(
        move || {
            root.set_inner_html("");
            leptos::mount::mount_to(root, app).forget();
        },
        std::time::Duration::ZERO,
    );
}

/// Bytes of WebAssembly memory in use; read by `cargo xtask bench`.
#[wasm_bindgen]
pub fn wasm_memory_bytes() -> f64 {
    wasm_bindgen::memory()
        .unchecked_into::<js_sys::WebAssembly::Memory>()
        .buffer()
        .unchecked_into::<js_sys::ArrayBuffer>()
        .byte_length() as f64
}

/// The whole app, as the light bundle mounts it (used by the browser tests).
#[component]
pub fn App() -> impl IntoView {
    app::<{ bundle::LIGHT }>()
}

/// `BUNDLE` (one of [`bundle`]) says which pages this bundle carries; the others' code is
/// compiled out.
pub fn app<const BUNDLE: u8>() -> impl IntoView {
    // Before anything reads the address or the kiosk's options (see `restore_kiosk_address`).
    if BUNDLE == bundle::FORMS {
        pages::hand_over::restore_kiosk_address();
    }
    let i18n = I18n {
        lang: RwSignal::new(kiosk::start_lang(preferences::stored_lang)),
    };
    let in_kiosk = kiosk::is_kiosk();
    if in_kiosk {
        if let Some(html) = document().document_element() {
            let _ = html.class_list().add_1("ns-kiosk");
        }
    }
    provide_context(i18n);
    let text_size = RwSignal::new(preferences::stored_text_size());
    provide_context(text_size);
    preferences::sync_to_document(i18n.lang, text_size);
    hooks::use_online::provide_online();
    pwa::provide_pwa();
    let here = AppRoute::from_path(&window().location().pathname().unwrap_or_default());
    if bundle::shows(BUNDLE, here.family(), in_kiosk) {
        pages::hand_over::handover_done();
    }
    if bundle::carries(BUNDLE, bundle::STATUS_PAGES) {
        pages::status::LastLookup::provide();
    }
    if bundle::carries(BUNDLE, bundle::RECORD_PAGES) {
        provide_context(forms::masters::Masters::new());
    }
    if bundle::carries(BUNDLE, bundle::FORM_PAGES) {
        forms::Forms::provide();
    }

    // The header paints in the first task and the page in the next, so a slow phone's main
    // thread is never blocked long enough to miss a tap (Total Blocking Time). Nothing below
    // the header exists yet, so nothing shifts when the page arrives.
    let page_ready = RwSignal::new(false);
    set_timeout(move || page_ready.set(true), std::time::Duration::ZERO);
    // `bundle::has_kiosk_reset(BUNDLE)` and `has_keyboard(BUNDLE)` stay written where they are
    // used, not in a `let` above: inside the page's closure only a constant lets the compiler
    // drop a bundle's unused kiosk code (a captured bool cost the light bundle 12 KiB brotli).
    view! {
        <Router>
            <components::skip_link::SkipLink/>
            <Header finish=(bundle::has_kiosk_reset(BUNDLE) && in_kiosk).then(|| view! { <kiosk::idle::FinishButton/> }.into_any())/>
            {move || {
                page_ready.get().then(|| {
                    view! {
                        <pwa::ConnectionNotices/>
                        <pwa::UpdateBanner/>
                        <main id="main" class="ns-main" tabindex="-1">
                            {page::<BUNDLE>()}
                        </main>
                        <Footer/>
                        {(bundle::has_kiosk_reset(BUNDLE) && in_kiosk).then(|| view! { <kiosk::idle::IdleGuard/> })}
                        {(bundle::has_keyboard(BUNDLE) && in_kiosk).then(|| view! { <kiosk::keyboard::OnScreenKeyboard/> })}
                    }
                })
            }}
        </Router>
    }
}

/// The page at the current address. `AppRoute` decides what each path shows, so the router is
/// used for its location and its handling of links and history alone, not for matching:
/// `<Router>` without `<Routes>` (whose matching and async route loading were 12 KiB brotli of
/// every bundle). A followed link's address goes into the bar (history) when the page says it
/// is ready, as `<Routes>` would say once its view is built.
fn page<const BUNDLE: u8>() -> impl IntoView {
    let location = use_location();
    let route = Memo::new(move |_| AppRoute::from_path(&location.pathname.get()));
    focus_main_on_navigation(route);
    let browser = use_context::<BrowserUrl>();
    Effect::new(move |_| {
        location.pathname.track();
        if let Some(b) = &browser {
            b.ready_to_complete();
        }
    });
    move || pages::view_for::<BUNDLE>(route.get())
}

/// After an in-app navigation, move focus to the new page so screen-reader users hear it;
/// the first render keeps the browser's own focus.
fn focus_main_on_navigation(route: Memo<AppRoute>) {
    Effect::new(move |prev: Option<AppRoute>| {
        let now = route.get();
        if prev.is_some_and(|p| p != now) {
            if let Some(main) = document().get_element_by_id("main") {
                let _ = main.unchecked_into::<web_sys::HtmlElement>().focus();
            }
            window().scroll_to_with_x_and_y(0.0, 0.0);
        }
        now
    });
}
