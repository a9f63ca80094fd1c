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

/// A page whose text in the interface language is not on this device: opened offline, in a
/// language not used here before (`language_pack`). Words, not an empty page.
#[component]
pub fn NotKeptPage() -> impl IntoView {
    view! {
        <Title text=tr!(not_kept.title) />
        <h1>{tr!(not_kept.heading)}</h1>
        <p>{tr!(not_kept.text)}</p>
        <p><a href=crate::at("/")>{tr!(not_found.home_link)}</a></p>
    }
}
