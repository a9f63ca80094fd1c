//! The main navigation (`A` marks the current page with `aria-current="page"`), and the
//! language switcher at its end. On a narrow screen it is folded behind the header's Menu
//! button (`open`); Esc inside it folds it and gives the focus back to the button.

use leptos::prelude::*;
use leptos_router::components::A;
use wasm_bindgen::JsCast;

use crate::components::language_switcher::LanguageSwitcher;

#[component]
pub fn MainNav(open: RwSignal<bool>, on_escape: Callback<()>) -> impl IntoView {
    view! {
        <nav
            id="main-nav"
            class="main-nav"
            class:is-open=move || open.get()
            aria-label=move || tr!(nav.label)
            on:keydown=move |event| {
                if event.key() == "Escape" {
                    on_escape.run(());
                }
            }
            // A link to the page already shown changes no address, yet the menu should fold.
            on:click=move |event| {
                let on_link = event
                    .target()
                    .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
                    .and_then(|element| element.closest("a").ok().flatten())
                    .is_some();
                if on_link {
                    open.set(false);
                }
            }
        >
            <ul>
                <li><A href="/" exact=true>{tr!(nav.home)}</A></li>
                <li><A href="/think">{tr!(nav.think)}</A></li>
                <li><A href="/cards">{tr!(nav.cards)}</A></li>
                <li><A href="/present">{tr!(nav.present)}</A></li>
                <li><A href="/reflections">{tr!(nav.reflections)}</A></li>
                <li><A href="/my-data">{tr!(nav.my_data)}</A></li>
                <li><A href="/about">{tr!(nav.about)}</A></li>
                <li><A href="/safety">{tr!(nav.safety)}</A></li>
                <li class="language-item"><LanguageSwitcher /></li>
            </ul>
        </nav>
    }
}
