//! The document title, "<page> — Think · Plan · Act", set while a page is shown. A few lines of
//! our own instead of leptos_meta, which cost the first download about 2 kB for this one use.

use leptos::prelude::*;

#[component]
pub fn Title(#[prop(into)] text: Signal<String>) -> impl IntoView {
    let app = tr!(app_name);
    Effect::new(move || {
        let page = text.get();
        if let Some(document) = crate::web::window().and_then(|w| w.document()) {
            document.set_title(&format!("{page} — {app}"));
        }
    });
}
