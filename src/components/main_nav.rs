//! The main navigation (`A` marks the current page with `aria-current="page"`), and the
//! language switcher at its end. On a narrow screen it is folded behind the header's Menu button
//! (public/shell.js unfolds it, style/main.css hides it).

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::language_switcher::LanguageSwitcher;

#[component]
pub fn MainNav() -> impl IntoView {
    view! {
        <nav id="main-nav" class="main-nav" aria-label=move || tr!(nav.label)>
            <ul>
                <li><A href=crate::at("/") exact=true>{tr!(nav.home)}</A></li>
                <li><A href=crate::at("/think")>{tr!(nav.think)}</A></li>
                <li><A href=crate::at("/cards")>{tr!(nav.cards)}</A></li>
                <li><A href=crate::at("/present")>{tr!(nav.present)}</A></li>
                <li><A href=crate::at("/reflections")>{tr!(nav.reflections)}</A></li>
                <li><A href=crate::at("/my-data")>{tr!(nav.my_data)}</A></li>
                <li><A href=crate::at("/about")>{tr!(nav.about)}</A></li>
                <li><A href=crate::at("/safety")>{tr!(nav.safety)}</A></li>
                <li class="language-item"><LanguageSwitcher /></li>
            </ul>
        </nav>
    }
}
