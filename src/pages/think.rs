//! Placeholder: the full page arrives with its own issue. The shell, title and wording are real.

use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn ThinkPage() -> impl IntoView {
    view! {
        <Title text=tr!(think.title) />
        <h1>{tr!(think.heading)}</h1>
        <p class="lead">{tr!(think.intro)}</p>
        <p class="coming">{tr!(think.coming)}</p>
    }
}
