//! Nagrik Seva: the citizen front-end. `main.rs` only calls [`start`]; everything lives here so
//! browser tests can mount [`App`].

pub mod api;
pub mod components;
pub mod forms;
pub mod hooks;
pub mod i18n;
pub mod journey;
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
    components::{Route, Router, Routes},
    hooks::use_location,
    WildcardSegment,
};
use routes::AppRoute;
use wasm_bindgen::prelude::*;

/// Starts the light bundle (`index.html`): home, helplines and information pages. It leaves
/// the forms out so the first load stays small on a weak signal; a form's address is loaded
/// from the forms bundle instead.
pub fn start() {
    mount(app::<false>);
}

/// Starts the forms bundle (`forms/index.html`, copied to each journey's and status's folder):
/// everything the light bundle has, plus the services' forms.
pub fn start_forms() {
    mount(app::<true>);
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
    app::<false>()
}

/// `FORMS` says whether this bundle carries the forms; the other branch is compiled out.
pub fn app<const FORMS: bool>() -> impl IntoView {
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
    if FORMS {
        pages::load_forms::handover_done();
        provide_context(forms::masters::Masters::new());
        forms::Forms::provide();
        pages::status::LastLookup::provide();
    }

    let page = page::<FORMS>;
    // One catch-all route: `AppRoute` decides what each path shows; `Routes` is there so
    // that the router completes each navigation (address bar, history).
    // The header paints in the first task and the page in the next, so a slow phone's main
    // thread is never blocked long enough to miss a tap (Total Blocking Time). Nothing below
    // the header exists yet, so nothing shifts when the page arrives.
    let page_ready = RwSignal::new(false);
    set_timeout(move || page_ready.set(true), std::time::Duration::ZERO);
    view! {
        <Router>
            <components::skip_link::SkipLink/>
            <Header/>
            {move || {
                page_ready.get().then(|| {
                    view! {
                        <pwa::ConnectionNotices/>
                        <pwa::UpdateBanner/>
                        <main id="main" class="ns-main" tabindex="-1">
                            <Routes fallback=page>
                                <Route path=WildcardSegment("any") view=page/>
                            </Routes>
                        </main>
                        <Footer/>
                        {in_kiosk.then(|| view! {
                            <kiosk::idle::IdleGuard/>
                            {FORMS.then(|| view! { <kiosk::keyboard::OnScreenKeyboard/> })}
                        })}
                    }
                })
            }}
        </Router>
    }
}

fn page<const FORMS: bool>() -> impl IntoView {
    let location = use_location();
    let route = Memo::new(move |_| AppRoute::from_path(&location.pathname.get()));
    focus_main_on_navigation(route);
    move || pages::view_for::<FORMS>(route.get())
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
