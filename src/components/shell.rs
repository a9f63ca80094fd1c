//! The frame around every page: skip links, quick exit, navigation, notices, main, footer.

use leptos::prelude::*;

use crate::components::{
    main_nav::MainNav, quick_exit::QuickExit, storage_notices::StorageNotices,
};

#[component]
pub fn Shell(children: Children) -> impl IntoView {
    view! {
        // The first Tab stop leads to quick exit, for people using a keyboard or a screen reader.
        <a class="skip-link" href="#quick-exit">{tr!(skip.to_exit)}</a>
        <a class="skip-link" href="#main">{tr!(skip.to_main)}</a>
        <header class="site-header">
            <div class="site-header__bar">
                <a class="brand" href="/">{tr!(app_name)}</a>
                <QuickExit />
            </div>
            <MainNav />
        </header>
        <StorageNotices />
        <main id="main" tabindex="-1">{children()}</main>
        <footer class="site-footer">
            <p>{tr!(footer.promise)}</p>
            <p>{tr!(footer.credit)}</p>
        </footer>
    }
}
