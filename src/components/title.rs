//! The document title, "<page> — Think · Plan · Act", set while a page is shown. A few lines of
//! our own instead of leptos_meta, which cost the first download about 2 kB for this one use.

use leptos::prelude::*;

#[component]
pub fn Title(#[prop(into)] text: Signal<String>) -> impl IntoView {
    let app = tr!(app_name);
    // Rendered at build time (no effects run there): the title goes into the page's <head>.
    #[cfg(not(target_arch = "wasm32"))]
    crate::prerender::note_title(format!("{} — {app}", text.get_untracked()));
    Effect::new(move || {
        let page = text.get();
        if let Some(document) = crate::web::window().and_then(|w| w.document()) {
            document.set_title(&format!("{page} — {app}"));
        }
    });
}
