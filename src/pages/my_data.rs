//! Placeholder: the full page arrives with its own issue. The shell, title and wording are real.

use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn MyDataPage() -> impl IntoView {
    view! {
        <Title text=tr!(my_data.title) />
        <h1>{tr!(my_data.heading)}</h1>
        <p class="lead">{tr!(my_data.intro)}</p>
        <p class="coming">{tr!(my_data.coming)}</p>
    }
}
