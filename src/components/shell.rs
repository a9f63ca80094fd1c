//! The frame around every page: skip links, the header (the app's mark, Menu on a phone, quick
//! exit), navigation, notices, main, footer.

use leptos::prelude::*;

use crate::components::{
    main_nav::MainNav, quick_exit::QuickExit, storage_notices::StorageNotices,
};
use crate::web::focus_element;

/// A skip link that moves keyboard focus. The router intercepts `#fragment` links and only
/// scrolls, so the focus is moved here by hand.
#[component]
fn SkipLink(target: &'static str, children: Children) -> impl IntoView {
    view! {
        <a
            class="skip-link"
            href=format!("#{target}")
            on:click=move |event| {
                event.prevent_default();
                focus_element(target);
            }
        >
            {children()}
        </a>
    }
}

#[component]
pub fn Shell(children: Children) -> impl IntoView {
    view! {
        // The first Tab stop leads to quick exit, for people using a keyboard or a screen reader.
        <SkipLink target="quick-exit">{tr!(skip.to_exit)}</SkipLink>
        <SkipLink target="main">{tr!(skip.to_main)}</SkipLink>
        // The bar is a direct child of the page, so `position: sticky` keeps quick exit in view
        // however far the page scrolls. On a narrow screen it is one row: the app's mark (its
        // name stays for screen readers), Menu, then quick exit at the far end.
        <header class="site-header">
            <a class="brand" href=crate::at("/")><span class="brand__name">{tr!(app_name)}</span></a>
            // GOV.UK's header pattern: Menu unfolds the navigation below the bar on a narrow
            // screen (hidden on a wide one). public/shell.js works it, here and in the static
            // shell alike, so none of it is in the wasm: it keeps `aria-expanded` and the
            // navigation's `is-open`, folds on Esc, on a link and on Back, and keeps the state
            // when the app draws the frame anew (a change of language).
            <button type="button" id="menu-toggle" class="menu-toggle" aria-controls="main-nav" aria-expanded="false">
                {tr!(nav.menu)}
            </button>
            <QuickExit />
        </header>
        <MainNav />
        <StorageNotices />
        <main id="main" tabindex="-1">{children()}</main>
        <footer class="site-footer">
            <p>{tr!(footer.promise)}</p>
            <p>{tr!(footer.credit)}</p>
        </footer>
    }
}
