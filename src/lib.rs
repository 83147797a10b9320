//! Nagrik Seva: the citizen front-end. `main.rs` only calls [`start`]; everything lives here so
//! browser tests can mount [`App`].

pub mod components;
pub mod i18n;
pub mod pages;
pub mod preferences;
pub mod routes;
pub mod services;
pub mod storage;

use components::{footer::Footer, header::Header};
use i18n::I18n;
use leptos::prelude::*;
use leptos_router::{components::Router, hooks::use_location};
use routes::AppRoute;
use wasm_bindgen::prelude::*;

/// Replaces the static shell painted by `index.html` with the app.
pub fn start() {
    console_error_panic_hook::set_once();
    let Some(root) = document().get_element_by_id("app") else {
        return;
    };
    root.set_inner_html("");
    let root: web_sys::HtmlElement = root.unchecked_into();
    leptos::mount::mount_to(root, App).forget();
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

#[component]
pub fn App() -> impl IntoView {
    let i18n = I18n {
        lang: RwSignal::new(preferences::stored_lang()),
    };
    provide_context(i18n);
    let text_size = RwSignal::new(preferences::stored_text_size());
    provide_context(text_size);
    preferences::sync_to_document(i18n.lang, text_size);

    view! {
        <Router>
            <Shell/>
        </Router>
    }
}

#[component]
fn Shell() -> impl IntoView {
    let location = use_location();
    let route = Memo::new(move |_| AppRoute::from_path(&location.pathname.get()));
    focus_main_on_navigation(route);

    view! {
        <components::skip_link::SkipLink/>
        <Header/>
        <main id="main" class="ns-main" tabindex="-1">
            {move || pages::view_for(route.get())}
        </main>
        <Footer/>
    }
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
