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
    // Effects run in a microtask after a signal changes; the page below the header arrives
    // one task after the header (see `app`), so wait for a macrotask too.
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
            .unwrap();
    });
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

mod form_components {
    use super::*;
    use leptos::prelude::*;
    use nagrik_seva::components::error_summary::{ErrorSummary, SummaryItem};
    use nagrik_seva::i18n::I18n;

    /// Mounts `view` with the language context the components need.
    fn mount_with<V: IntoView + 'static>(
        view: impl FnOnce() -> V + 'static,
    ) -> web_sys::HtmlElement {
        let container: web_sys::HtmlElement = doc().create_element("div").unwrap().unchecked_into();
        doc().body().unwrap().append_child(&container).unwrap();
        leptos::mount::mount_to(container.clone(), move || {
            provide_context(I18n {
                lang: RwSignal::new(Lang::En),
            });
            view()
        })
        .forget();
        container
    }

    async fn frame() {
        // The summary focuses itself on the next animation frame.
        let p = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window()
                .unwrap()
                .request_animation_frame(&resolve)
                .unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
        tick().await;
    }

    /// A step of one declared text field with a hint: what the renderer draws for it.
    static NAME_STEP: contract::forms::StepSpec = contract::forms::StepSpec {
        id: "test",
        fields: &[contract::forms::FieldSpec::new(
            "name",
            contract::forms::Widget::Text,
            contract::forms::Rule::Name,
        )
        .text("person.name")],
        groups: &[],
        checks: &[],
        notices: &[],
    };

    #[wasm_bindgen_test]
    async fn the_renderer_wires_label_hint_and_error_to_the_control() {
        use contract::services::ServiceId;
        use nagrik_seva::forms::{renderer::StepFields, FormState};
        let form = RwSignal::new(None::<FormState>);
        let root = mount_with(move || {
            let state = FormState::new(ServiceId::Complaint, false);
            form.set(Some(state));
            view! { <StepFields state step=&NAME_STEP/> }
        });
        tick().await;
        let label = query(&root, "label[for='f-name']");
        assert_eq!(
            label.text_content().unwrap().trim(),
            text(Lang::En, keys::person::NAME)
        );
        let hint = query(&root, "#f-name-hint");
        assert_eq!(
            hint.text_content().unwrap(),
            text(Lang::En, keys::person::NAME_HINT)
        );
        let input = query(&root, "input#f-name");
        assert_eq!(
            input.get_attribute("aria-describedby").as_deref(),
            Some("f-name-hint"),
            "the hint only, before any Continue"
        );
        assert!(root.query_selector("#f-name-error").unwrap().is_none());

        // A failed Continue: the engine's own validation finds the empty name.
        let state = form.get_untracked().unwrap();
        assert!(!state.validate(&NAME_STEP));
        tick().await;
        let message = query(&root, "#f-name-error");
        let hidden = query(&root, "#f-name-error .ns-visually-hidden");
        assert_eq!(
            hidden.text_content().unwrap().trim(),
            text(Lang::En, keys::errors::ERROR_PREFIX)
        );
        assert!(message
            .text_content()
            .unwrap()
            .ends_with(text(Lang::En, keys::errors::REQUIRED)));
        assert!(query(&root, ".ns-field")
            .class_list()
            .contains("ns-field--error"));
        assert_eq!(
            input.get_attribute("aria-describedby").as_deref(),
            Some("f-name-hint f-name-error")
        );
        assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
        root.remove();
    }

    #[wasm_bindgen_test]
    async fn error_summary_takes_focus_and_each_link_focuses_its_field() {
        let items = RwSignal::new(Vec::<SummaryItem>::new());
        let attempt = RwSignal::new(0u32);
        let root = mount_with(move || {
            view! {
                <ErrorSummary items=items attempt=attempt/>
                <input id="f-one"/>
                <input id="f-two"/>
            }
        });
        tick().await;
        assert!(root
            .query_selector("[data-testid=error-summary]")
            .unwrap()
            .is_none());

        items.set(vec![
            SummaryItem {
                target: "f-one".into(),
                text: "Name: Fill this in".into(),
            },
            SummaryItem {
                target: "f-two".into(),
                text: "Mobile: Enter a 10-digit number".into(),
            },
        ]);
        attempt.set(1);
        tick().await;
        frame().await;
        let summary = query(&root, "[data-testid=error-summary]");
        assert_eq!(summary.get_attribute("role").as_deref(), Some("alert"));
        let active = doc().active_element().unwrap();
        assert_eq!(
            active,
            summary.clone().unchecked_into::<web_sys::Element>(),
            "summary is focused"
        );

        let links = summary.query_selector_all("a").unwrap();
        assert_eq!(links.length(), 2);
        let second: web_sys::HtmlElement = links.item(1).unwrap().unchecked_into();
        assert_eq!(
            second.text_content().unwrap(),
            "Mobile: Enter a 10-digit number"
        );
        second.click();
        assert_eq!(doc().active_element().unwrap().id(), "f-two");
        let first: web_sys::HtmlElement = links.item(0).unwrap().unchecked_into();
        first.click();
        assert_eq!(doc().active_element().unwrap().id(), "f-one");
        root.remove();
    }
}

/// What the app keeps on the phone goes through the browser's JSON (`nagrik_seva::json`): a
/// draft's answers stay an object, drafts written by earlier versions (serde_json) still load,
/// and the "back online" notice sees a waiting draft without reading it as a `Draft`.
mod kept_on_the_phone {
    use super::*;
    use contract::forms::Answers;
    use nagrik_seva::forms::draft::{self, Draft};
    use nagrik_seva::json;

    const SERVICE: &str = "json-test";

    fn answers(pairs: &[(&str, &str)]) -> Answers {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[wasm_bindgen_test]
    fn a_draft_is_written_as_json_objects_and_read_back() {
        let draft = Draft::new(
            answers(&[("name", "आशा \"देवी\""), ("pin", "800001")]),
            Some("k-1".into()),
        );
        let text = json::to_text(&draft).unwrap();
        assert!(
            text.contains(r#""answers":{"name":"आशा \"देवी\"","pin":"800001"}"#),
            "{text}"
        );
        assert_eq!(json::from_text::<Draft>(&text), Some(draft.clone()));
        // As the app wrote drafts before (serde_json): still read after an update.
        let earlier = serde_json::to_string(&draft).unwrap();
        assert_eq!(json::from_text::<Draft>(&earlier), Some(draft));
        assert_eq!(json::from_text::<Draft>("{not json"), None);
        assert_eq!(json::from_text::<Draft>(r#"{"answers":{}}"#), None);
    }

    #[wasm_bindgen_test]
    fn a_draft_waits_while_it_has_answers_and_is_not_a_week_old() {
        web_sys::window()
            .unwrap()
            .local_storage()
            .unwrap()
            .unwrap()
            .clear()
            .unwrap();
        assert!(!draft::waiting(SERVICE), "nothing saved");
        let fresh = Draft::new(answers(&[("name", "Asha")]), None);
        draft::save(SERVICE, &fresh);
        assert!(draft::waiting(SERVICE));
        assert_eq!(draft::load(SERVICE), Some(fresh.clone()));

        let week = 7.0 * 24.0 * 3600.0 * 1000.0;
        let stale = Draft {
            saved_at_ms: fresh.saved_at_ms - week - 1000.0,
            ..fresh.clone()
        };
        draft::save(SERVICE, &stale);
        assert!(!draft::waiting(SERVICE), "a week old");
        let almost = Draft {
            saved_at_ms: fresh.saved_at_ms - week + 60_000.0,
            ..fresh.clone()
        };
        draft::save(SERVICE, &almost);
        assert!(draft::waiting(SERVICE), "a minute short of a week");

        draft::save(SERVICE, &Draft::new(Answers::new(), None));
        assert!(!draft::waiting(SERVICE), "no answers");
        nagrik_seva::storage::set(&draft::key(SERVICE), "{broken");
        assert!(!draft::waiting(SERVICE), "not JSON");
        draft::clear(SERVICE);
    }
}
