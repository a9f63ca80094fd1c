//! Placeholder: the full page arrives with its own issue. The shell, title and wording are real.

use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn CardsPage() -> impl IntoView {
    view! {
        <Title text=tr!(cards.title) />
        <h1>{tr!(cards.heading)}</h1>
        <p class="lead">{tr!(cards.intro)}</p>
        <p class="coming">{tr!(cards.coming)}</p>
    }
}
