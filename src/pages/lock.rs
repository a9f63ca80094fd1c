//! The passphrase lock: what it does, what a forgotten passphrase means (said before anyone
//! needs to know), and its settings.

use crate::components::title::Title;
use leptos::prelude::*;

use crate::components::lock_settings::LockSettings;

#[component]
pub fn LockPage() -> impl IntoView {
    view! {
        <Title text=tr!(lock.heading) />
        <h1>{tr!(lock.heading)}</h1>
        <p class="lead">{tr!(lock.text)}</p>
        <p class="notice notice--warning" id="lock-warning">{tr!(lock.warning)}</p>
        <LockSettings />
    }
}
