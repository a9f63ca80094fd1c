use crate::components::title::Title;
use leptos::prelude::*;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <Title text=tr!(not_found.title) />
        <h1>{tr!(not_found.heading)}</h1>
        <p>{tr!(not_found.text)}</p>
        <p><a href=crate::at("/")>{tr!(not_found.home_link)}</a></p>
    }
}
