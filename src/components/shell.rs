//! The frame around every page: skip links, quick exit, navigation, notices, main, footer.

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
        // however far the page scrolls.
        <header class="site-header">
            <a class="brand" href="/">{tr!(app_name)}</a>
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
