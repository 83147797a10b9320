//! Language and text size: chosen in the header, remembered on the device, mirrored onto
//! `<html>` (`lang` for screen readers and fonts, a class for the text size).

use crate::i18n::Lang;
use crate::storage;
use leptos::prelude::*;

/// Three text-size steps; the CSS scales the root font size for each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TextSize(pub u8);

impl TextSize {
    pub const STEPS: [TextSize; 3] = [TextSize(0), TextSize(1), TextSize(2)];

    pub fn parse(s: &str) -> Option<Self> {
        Self::STEPS.into_iter().find(|t| t.0.to_string() == s)
    }

    pub fn class(self) -> &'static str {
        match self.0 {
            1 => "ns-text-1",
            2 => "ns-text-2",
            _ => "ns-text-0",
        }
    }
}

/// The language chosen last on this device, if one was.
pub fn stored_lang() -> Option<Lang> {
    storage::get(storage::LANG_KEY).and_then(|c| Lang::from_code(&c))
}

pub fn stored_text_size() -> TextSize {
    storage::get(storage::TEXT_SIZE_KEY)
        .and_then(|s| TextSize::parse(&s))
        .unwrap_or_default()
}

/// Whether the page on screen is a confidential tip's (its form or its status): choices made
/// there are not written to the device, so nothing on the phone tells that a tip was sent.
fn on_a_tip_page() -> bool {
    use crate::routes::{AppRoute, StatusPage};
    use contract::lifecycle::Lifecycle;
    use contract::services::ServiceId;
    let path = window().location().pathname().unwrap_or_default();
    let service = match AppRoute::from_path(&path) {
        AppRoute::Journey(service, _) => Some(service),
        AppRoute::Status(StatusPage::Case(r)) => ServiceId::from_reference(&r),
        _ => None,
    };
    service.is_some_and(|s| s.lifecycle() == Lifecycle::Tip)
}

/// Keeps `<html lang>`, the text-size class and storage in step with the two signals.
pub fn sync_to_document(lang: RwSignal<Lang>, size: RwSignal<TextSize>) {
    Effect::new(move |_| {
        let lang = lang.get();
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", lang.code());
        }
        if !on_a_tip_page() {
            storage::set(storage::LANG_KEY, lang.code());
        }
    });
    Effect::new(move |_| {
        let size = size.get();
        if let Some(html) = document().document_element() {
            let classes = html.class_list();
            for step in TextSize::STEPS {
                let _ = classes.remove_1(step.class());
            }
            let _ = classes.add_1(size.class());
        }
        if !on_a_tip_page() {
            storage::set(storage::TEXT_SIZE_KEY, &size.0.to_string());
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_size_parses_only_its_three_steps() {
        assert_eq!(TextSize::parse("0"), Some(TextSize(0)));
        assert_eq!(TextSize::parse("2"), Some(TextSize(2)));
        assert_eq!(TextSize::parse("3"), None);
        assert_eq!(TextSize::parse(""), None);
    }
}
