//! The main navigation. `A` marks the current page with `aria-current="page"`.

use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn MainNav() -> impl IntoView {
    view! {
        <nav class="main-nav" aria-label=move || tr!(nav.label)>
            <ul>
                <li><A href="/" exact=true>{tr!(nav.home)}</A></li>
                <li><A href="/think">{tr!(nav.think)}</A></li>
                <li><A href="/cards">{tr!(nav.cards)}</A></li>
                <li><A href="/present">{tr!(nav.present)}</A></li>
                <li><A href="/reflections">{tr!(nav.reflections)}</A></li>
                <li><A href="/my-data">{tr!(nav.my_data)}</A></li>
                <li><A href="/about">{tr!(nav.about)}</A></li>
                <li><A href="/safety">{tr!(nav.safety)}</A></li>
            </ul>
        </nav>
    }
}
