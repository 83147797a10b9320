//! Component tests in headless Chromium (`wasm-bindgen-test`): mount the real app shell and
//! check what a user would notice: the language switch changes every string and `<html lang>`
//! and keeps the page; the text-size control marks one step pressed.
#![cfg(target_arch = "wasm32")]

use nagrik_seva::i18n::{keys, text, Lang};
use nagrik_seva::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn doc() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Mounts the app into a fresh container and returns it.
fn mount() -> web_sys::HtmlElement {
    let window = web_sys::window().unwrap();
    window.local_storage().unwrap().unwrap().clear().unwrap();
    let container: web_sys::HtmlElement = doc().create_element("div").unwrap().unchecked_into();
    doc().body().unwrap().append_child(&container).unwrap();
    leptos::mount::mount_to(container.clone(), App).forget();
    container
}

fn query(root: &web_sys::HtmlElement, selector: &str) -> web_sys::HtmlElement {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("{selector} not found"))
        .unchecked_into()
}

async fn tick() {
    // Effects run in a microtask after a signal changes.
    let p = js_sys::Promise::resolve(&wasm_bindgen::JsValue::NULL);
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
    leptos::task::tick().await;
}

#[wasm_bindgen_test]
async fn language_switch_changes_text_and_html_lang() {
    let root = mount();
    tick().await;
    let html = doc().document_element().unwrap();
    let name = query(&root, ".ns-header__name");
    assert_eq!(
        html.get_attribute("lang").as_deref(),
        Some("hi"),
        "Hindi first"
    );
    assert_eq!(
        name.text_content().unwrap(),
        text(Lang::Hi, keys::common::APP_NAME)
    );
    let switch = query(&root, "[data-testid=lang-switch]");
    assert_eq!(switch.text_content().unwrap(), "English");

    switch.click();
    tick().await;
    assert_eq!(html.get_attribute("lang").as_deref(), Some("en"));
    assert_eq!(
        name.text_content().unwrap(),
        text(Lang::En, keys::common::APP_NAME)
    );
    assert_eq!(switch.text_content().unwrap(), "हिन्दी");
    assert_eq!(
        switch.get_attribute("lang").as_deref(),
        Some("hi"),
        "names itself in its language"
    );
    let skip = query(&root, ".ns-skip-link");
    assert_eq!(
        skip.text_content().unwrap(),
        text(Lang::En, keys::common::SKIP_TO_CONTENT)
    );
    let stored = web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .get_item("ns.lang");
    assert_eq!(stored.unwrap().as_deref(), Some("en"), "choice persists");

    // The same DOM nodes were updated in place: nothing was re-mounted.
    assert!(root.contains(Some(&name)));
    switch.click();
    tick().await;
    assert_eq!(html.get_attribute("lang").as_deref(), Some("hi"));
    root.remove();
}

#[wasm_bindgen_test]
async fn text_size_control_has_three_steps_and_one_pressed() {
    let root = mount();
    tick().await;
    let group = query(&root, "[data-testid=text-size]");
    let buttons = group.query_selector_all("button").unwrap();
    assert_eq!(buttons.length(), 3);
    let pressed = |i: u32| {
        buttons
            .item(i)
            .unwrap()
            .unchecked_into::<web_sys::Element>()
            .get_attribute("aria-pressed")
    };
    assert_eq!(pressed(0).as_deref(), Some("true"));
    buttons
        .item(2)
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
    tick().await;
    assert_eq!(pressed(0).as_deref(), Some("false"));
    assert_eq!(pressed(2).as_deref(), Some("true"));
    let html = doc().document_element().unwrap();
    assert!(html.class_list().contains("ns-text-2"));
    buttons
        .item(0)
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
    tick().await;
    assert!(!html.class_list().contains("ns-text-2"));
    root.remove();
}

#[wasm_bindgen_test]
async fn footer_lists_the_four_helplines_as_tel_links() {
    let root = mount();
    tick().await;
    for n in ["112", "1930", "1091", "1098"] {
        let link = query(&root, &format!(".ns-footer a[href='tel:{n}']"));
        assert!(link.text_content().unwrap().contains(n));
    }
    root.remove();
}
