use crate::i18n::{keys::common, use_i18n};
use crate::preferences::TextSize;
use crate::routes::AppRoute;
use leptos::prelude::*;

/// The page header: the portal's name (a link home), and its tools: text size, language, and
/// `finish`, the kiosk's "Finish" button (given at a kiosk by the bundles that have it, see
/// `bundle::has_kiosk_reset`; else none).
#[component]
pub fn Header(finish: Option<AnyView>) -> impl IntoView {
    let i18n = use_i18n();
    let switch_lang = move |_| i18n.lang.update(|l| *l = l.other());
    view! {
        <header class="ns-header">
            <div class="ns-header__inner">
                <a href=AppRoute::Home.path() class="ns-header__brand">
                    <span class="ns-header__name">{i18n.t(common::APP_NAME)}</span>
                    <span class="ns-header__tagline">{i18n.t(common::APP_TAGLINE)}</span>
                </a>
                <div class="ns-header__tools">
                    {finish}
                    <TextSizeControl/>
                    <button
                        type="button"
                        class="ns-header__lang"
                        data-testid="lang-switch"
                        lang=move || i18n.lang.get().other().code()
                        title=i18n.t(common::SWITCH_LANGUAGE_LABEL)
                        on:click=switch_lang
                    >
                        {i18n.t(common::SWITCH_LANGUAGE)}
                    </button>
                </div>
            </div>
        </header>
    }
}

#[component]
fn TextSizeControl() -> impl IntoView {
    let i18n = use_i18n();
    let size = expect_context::<RwSignal<TextSize>>();
    let labels = [
        (common::TEXT_SIZE_0_SHORT, common::TEXT_SIZE_0),
        (common::TEXT_SIZE_1_SHORT, common::TEXT_SIZE_1),
        (common::TEXT_SIZE_2_SHORT, common::TEXT_SIZE_2),
    ];
    let buttons = TextSize::STEPS
        .into_iter()
        .zip(labels)
        .map(|(step, (short, long))| {
            view! {
                <button
                    type="button"
                    class="ns-text-size__button"
                    aria-pressed=move || (size.get() == step).to_string()
                    on:click=move |_| size.set(step)
                >
                    <span aria-hidden="true">{i18n.t(short)}</span>
                    <span class="ns-visually-hidden">{i18n.t(long)}</span>
                </button>
            }
        })
        .collect_view();
    view! {
        <div
            class="ns-text-size"
            role="group"
            data-testid="text-size"
            aria-label=i18n.t(common::TEXT_SIZE_LABEL)
        >
            {buttons}
        </div>
    }
}
