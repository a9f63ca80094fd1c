//! The language switcher, on every page: each language named in itself, so a person finds theirs
//! whatever the page speaks now. The choice is a setting: kept on this device, and the page's address
//! changes to the same page in that language (`/en/think` → `/ru/think`).

use leptos::prelude::*;

use crate::content::Lang;
use crate::model::settings::Settings;
use crate::state::Synced;

#[component]
pub fn LanguageSwitcher() -> impl IntoView {
    let choice = expect_context::<crate::app::LanguageChoice>();
    let settings = expect_context::<Synced<Settings>>();
    let now = crate::current_lang();
    // Words for the question, taken now: an event handler has no i18n context.
    let lose_typed = tr!(language.lose_typed);
    let choose = move |lang: Lang| {
        if lang == now {
            return;
        }
        // A form that does not save by itself (a card being written, a new support service)
        // would lose its text in the rebuilt page: the person decides.
        if crate::web::unsaved_form_text() && !crate::web::confirm(lose_typed) {
            return;
        }
        // The page is rebuilt in the new language: what is being typed is saved first, and if
        // it cannot be (storage full), the field says so and the page stays as it is.
        if !crate::web::save_everything_now() {
            return;
        }
        let code = lang.code().to_string();
        // The choice applies at once; it is kept for the next visit if storage takes it (if
        // not, it still holds for this visit).
        settings.value.update(|s| s.language = Some(code.clone()));
        // The same page in the new language: its address first, so the router built anew for
        // the language (app.rs, `base`) finds the page (in place: Back leads where it did).
        crate::web::replace_address(&crate::web::current_address_in(lang));
        choice.0.set(crate::locale_of(lang));
        leptos::task::spawn_local(async move {
            if crate::state::keep_language(code).await {
                settings.reload();
            }
        });
        // The button that was pressed is rebuilt too: keyboard focus goes to its new self.
        request_animation_frame(move || crate::web::focus_element(&button_id(lang)));
    };
    view! {
        <div class="language-switcher" role="group" aria-label=tr!(language.label)>
            {Lang::ALL
                .into_iter()
                .map(|lang| {
                    view! {
                        <button
                            type="button"
                            id=button_id(lang)
                            lang=lang.code()
                            aria-pressed=(lang == now).to_string()
                            on:click=move |_| choose(lang)
                        >
                            {lang.native_name()}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}

fn button_id(lang: Lang) -> String {
    format!("language-{}", lang.code())
}
