//! The frame around every page: skip links, the header (the app's mark, Menu on a phone, quick
//! exit), navigation, notices, main, footer.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

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

/// The id of the Menu button, where focus returns when Esc closes the menu.
const MENU_BUTTON_ID: &str = "menu-toggle";

/// `menu_open`: whether the navigation is unfolded on a narrow screen (GOV.UK's header pattern:
/// a Menu button with `aria-expanded`); wide screens show the navigation whatever it says.
#[component]
pub fn Shell(menu_open: RwSignal<bool>, children: Children) -> impl IntoView {
    // Any change of page folds it again (a link in it, Back, a link in the page); not the first
    // run, which is the tree being built (again, after a change of language).
    let location = use_location();
    Effect::new(move |built: Option<()>| {
        location.pathname.track();
        if built.is_some() {
            menu_open.set(false);
        }
    });
    let close_menu = Callback::new(move |_: ()| {
        if menu_open.get_untracked() {
            menu_open.set(false);
            focus_element(MENU_BUTTON_ID);
        }
    });
    view! {
        // The first Tab stop leads to quick exit, for people using a keyboard or a screen reader.
        <SkipLink target="quick-exit">{tr!(skip.to_exit)}</SkipLink>
        <SkipLink target="main">{tr!(skip.to_main)}</SkipLink>
        // The bar is a direct child of the page, so `position: sticky` keeps quick exit in view
        // however far the page scrolls. On a phone it is one row: the app's mark (its name stays
        // for screen readers), Menu, then quick exit at the far end.
        <header class="site-header">
            <a class="brand" href="/"><span class="brand__name">{tr!(app_name)}</span></a>
            <button
                type="button"
                id=MENU_BUTTON_ID
                class="menu-toggle"
                aria-controls="main-nav"
                aria-expanded=move || menu_open.get().to_string()
                on:click=move |_| menu_open.update(|open| *open = !*open)
                on:keydown=move |event| {
                    if event.key() == "Escape" {
                        close_menu.run(());
                    }
                }
            >
                {tr!(nav.menu)}
            </button>
            <QuickExit />
        </header>
        <MainNav open=menu_open on_escape=close_menu />
        <StorageNotices />
        <main id="main" tabindex="-1">{children()}</main>
        <footer class="site-footer">
            <p>{tr!(footer.promise)}</p>
            <p>{tr!(footer.credit)}</p>
        </footer>
    }
}
