use crate::components::title::Title;
use leptos::prelude::*;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    message_page(
        tr!(not_found.title),
        tr!(not_found.heading),
        tr!(not_found.text),
    )
}

/// A page whose text in the interface language is not on this device: opened offline, in a
/// language not used here before (`language_pack`). Words, not an empty page.
#[component]
pub fn NotKeptPage() -> impl IntoView {
    message_page(
        tr!(not_kept.title),
        tr!(not_kept.heading),
        tr!(not_kept.text),
    )
}

/// A page that is only a message, and the way home.
fn message_page(title: &'static str, heading: &'static str, text: &'static str) -> impl IntoView {
    view! {
        <Title text=title />
        <h1>{heading}</h1>
        <p>{text}</p>
        <p><a href=crate::at("/")>{tr!(not_found.home_link)}</a></p>
    }
}
