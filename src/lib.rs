//! Think · Plan · Act — an offline-first workshop toolkit built on the OSCE guidance
//! "Engaging young men in the promotion of gender equality".
//!
//! The pure rooms (`content`, `model`, `storage` rules) build on every target and are tested
//! natively. The rooms that touch the browser are compiled for wasm32 only: that keeps the
//! native test build small and proves the pure logic has no web dependency.
//!
//! With the `prerender` feature the browser rooms also build natively, to render the pages to
//! HTML at build time (`prerender`, issue 20); every browser call is skipped there
//! (`web::window` is `None`).

// Rendering the views to HTML natively (the `prerender` feature) nests types deeper than the
// default limit allows.
#![cfg_attr(feature = "prerender", recursion_limit = "256")]

/// Interface text in the current language: `tr!(nav.home)`, `tr!(storage.error_other, detail = d)`.
///
/// Returns a plain string instead of the reactive view `t!` makes: every `t!` call site becomes its
/// own reactive closure type, which cost about 100 kB of wasm for this app. The tree is rebuilt when
/// the language changes instead (see `app.rs`). Call it where the i18n context is provided.
/// Keys with `{{ placeholders }}` use `t!(i18n, key, name = value)`: the `load_locales!` macro
/// cannot generate string interpolation.
#[cfg(any(target_arch = "wasm32", feature = "prerender"))]
#[macro_export]
macro_rules! tr {
    ($($key:tt)*) => {
        $crate::i18n::td_string!($crate::i18n::use_i18n().get_locale_untracked(), $($key)*)
    };
}

pub mod content;
pub mod model;
pub mod storage;

// The generated `i18n` module (typed keys from `locales/*.json`). The macro is marked deprecated in
// favour of build.rs code generation, but that path compiles icu_provider_source with its networking
// stack into every build; the macro gives the same compile-time checked keys at a fraction of the cost.
#[cfg(any(target_arch = "wasm32", feature = "prerender"))]
#[allow(deprecated)]
mod generated_i18n {
    leptos_i18n::load_locales!();
}
#[cfg(any(target_arch = "wasm32", feature = "prerender"))]
pub use generated_i18n::i18n;

#[cfg(any(target_arch = "wasm32", feature = "prerender"))]
thread_local! {
    static CURRENT_LANG: std::cell::Cell<content::Lang> = const { std::cell::Cell::new(content::Lang::En) };
}

/// The language the interface speaks now, for the content modules (`content::think(lang)`).
/// A plain value rather than the i18n context, so it can be read anywhere, event handlers too;
/// `app.rs` sets it each time it builds the tree (a change of language rebuilds it).
#[cfg(any(target_arch = "wasm32", feature = "prerender"))]
pub fn current_lang() -> content::Lang {
    CURRENT_LANG.with(std::cell::Cell::get)
}

#[cfg(any(target_arch = "wasm32", feature = "prerender"))]
pub fn set_current_lang(lang: content::Lang) {
    CURRENT_LANG.with(|current| current.set(lang));
}

/// The address of an app path in the language shown now (`at("/think")` → `/ru/think`), for
/// plain links: the router's `<A>` and `navigate` add the language themselves (its `base`).
#[cfg(any(target_arch = "wasm32", feature = "prerender"))]
pub fn at(path: &str) -> String {
    model::pages::localized(current_lang(), path)
}

/// The content language of an interface locale (`locales/<code>.json` ↔ `content::<code>`).
#[cfg(any(target_arch = "wasm32", feature = "prerender"))]
pub fn lang_of(locale: i18n::Locale) -> content::Lang {
    content::Lang::from_code(i18n::I18nLocaleTrait::as_str(locale)).unwrap_or(content::Lang::En)
}

/// The interface locale of a content language; a test checks every language has both.
#[cfg(any(target_arch = "wasm32", feature = "prerender"))]
pub fn locale_of(lang: content::Lang) -> i18n::Locale {
    use i18n::I18nLocaleTrait;
    i18n::Locale::get_all()
        .iter()
        .copied()
        .find(|locale| locale.as_str() == lang.code())
        .unwrap_or_default()
}

#[cfg(any(target_arch = "wasm32", feature = "prerender"))]
pub mod app;
#[cfg(any(target_arch = "wasm32", feature = "prerender"))]
pub mod components;
#[cfg(any(target_arch = "wasm32", feature = "prerender"))]
pub mod durability;
#[cfg(any(target_arch = "wasm32", feature = "prerender"))]
pub mod language_pack;
#[cfg(any(target_arch = "wasm32", feature = "prerender"))]
pub mod live_show;
#[cfg(any(target_arch = "wasm32", feature = "prerender"))]
pub mod lock_session;
#[cfg(any(target_arch = "wasm32", feature = "prerender"))]
pub mod pages;
#[cfg(all(not(target_arch = "wasm32"), feature = "prerender"))]
pub mod prerender;
#[cfg(any(target_arch = "wasm32", feature = "prerender"))]
pub mod state;
#[cfg(any(target_arch = "wasm32", feature = "prerender"))]
pub mod web;
#[cfg(any(target_arch = "wasm32", feature = "prerender"))]
pub mod web_crypto;
