//! "Hide my answers": blurs answer text on screen against people looking over a shoulder.
//! The choice is a setting, so it stays on for the next visit on a shared device.

use leptos::prelude::*;

use crate::model::settings::Settings;
use crate::state::Synced;

/// Whether answers are hidden now; pages put `answers-hidden` on the element around answers.
pub fn answers_hidden() -> Signal<bool> {
    let settings = expect_context::<Synced<Settings>>();
    Signal::derive(move || settings.value.with(|s| s.hide_answers))
}

#[component]
pub fn HideAnswersToggle() -> impl IntoView {
    let settings = expect_context::<Synced<Settings>>();
    let hidden = answers_hidden();
    let toggle = move |_| {
        let mut next = settings.value.get_untracked();
        next.hide_answers = !next.hide_answers;
        // If the setting cannot be stored, it still applies to this visit.
        if settings.save(next.clone()).is_err() {
            settings.value.set(next);
        }
    };
    view! {
        <button type="button" class="toggle" aria-pressed=move || hidden.get().to_string() on:click=toggle>
            {tr!(answer.hide)}": "
            <span class="toggle__state">
                {move || if hidden.get() { tr!(answer.hide_on) } else { tr!(answer.hide_off) }}
            </span>
        </button>
    }
}
