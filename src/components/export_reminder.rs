//! A quiet line after much writing: a copy in a file keeps it safe. Shown once enough answers or
//! notes changed since the last export (`ExportMark::reminder_due`); "Not now" rests it until
//! there is as much new writing again. Never a pop-up, never repeated on every visit.

use leptos::prelude::*;

use crate::model::data_file::ExportMark;
use crate::state::Synced;
use crate::web::now_ms;

/// `changed_at`: when each answer or note last changed.
#[component]
pub fn ExportReminder(changed_at: Vec<u64>) -> impl IntoView {
    let mark = Synced::<ExportMark>::open();
    let due = move || {
        mark.value
            .with(|m| m.reminder_due(changed_at.iter().copied()))
    };
    let not_now = move |_| {
        mark.save_latest_or_hold(mark.value.get_untracked().dismissed(now_ms()));
    };
    move || {
        due().then(|| {
            view! {
                <p class="notice" id="export-reminder">
                    {tr!(my_data.reminder)}" "
                    <a href=crate::at("/my-data")>{tr!(my_data.reminder_go)}</a>" "
                    <button type="button" class="link-button" on:click=not_now>{tr!(my_data.reminder_later)}</button>
                </p>
            }
        })
    }
}
