//! Placeholder: the full page arrives with its own issue. The shell, title and wording are real.

use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn PresentPage() -> impl IntoView {
    view! {
        <Title text=tr!(present.title) />
        <h1>{tr!(present.heading)}</h1>
        <p class="lead">{tr!(present.intro)}</p>
        <p class="coming">{tr!(present.coming)}</p>
    }
}
