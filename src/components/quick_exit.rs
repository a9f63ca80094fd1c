//! Quick exit, after the GOV.UK "Exit this page" pattern: a button at the top of every page and
//! Shift pressed three times within five seconds. The counting rules live in `model::quick_exit`.

use std::time::Duration;

use leptos::prelude::*;

use crate::i18n::{t, use_i18n};

use crate::model::quick_exit::{KeyPress, PRESSES_NEEDED, ShiftTrigger, WINDOW_MS};
use crate::model::settings::Settings;
use crate::state::Synced;
use crate::web::{leave_for, listen_while_alive, monotonic_ms};

#[component]
pub fn QuickExit() -> impl IntoView {
    let i18n = use_i18n();
    let settings = expect_context::<Synced<Settings>>();
    let destination = move || settings.value.with(Settings::exit_destination);
    let leave = move || {
        // In shared-device mode, what this tab kept is forgotten before the page goes.
        crate::storage::browser::forget_tab();
        leave_for(&settings.value.with_untracked(Settings::exit_destination));
    };

    let trigger = StoredValue::new(ShiftTrigger::default());
    let progress = RwSignal::new(0usize);

    listen_while_alive(leptos::ev::keydown, move |event| {
        let key = if event.key() == "Shift" && !event.repeat() {
            KeyPress::Shift
        } else {
            KeyPress::Other
        };
        let now = monotonic_ms();
        let fired = trigger
            .try_update_value(|t| t.press(key, now))
            .unwrap_or(false);
        if fired {
            leave();
            return;
        }
        progress.set(trigger.with_value(|t| t.progress(now)));
        // Let the indicator fade once the five seconds have passed. `try_`: the component may be
        // gone by then (a new page tree after a change of language), and that must not panic.
        set_timeout(
            move || {
                if let Some(count) = trigger.try_with_value(|t| t.progress(monotonic_ms())) {
                    progress.try_set(count);
                }
            },
            Duration::from_millis(WINDOW_MS as u64 + 50),
        );
    });

    view! {
        <div class="quick-exit">
            <a
                id="quick-exit"
                class="quick-exit__button"
                href=destination
                rel="noreferrer"
                on:click=move |event| {
                    event.prevent_default();
                    leave();
                }
            >
                {tr!(quick_exit.button)}
            </a>
            <p id="quick-exit-progress" class="quick-exit__progress" aria-live="polite">
                {move || {
                    let count = progress.get();
                    (count > 0).then(|| t!(i18n, quick_exit.progress, count, needed = || PRESSES_NEEDED))
                }}
            </p>
        </div>
    }
}
