//! Tells the person when stored data could not be read, and offers the untouched text as a download.

use leptos::prelude::*;

use crate::i18n::{t, use_i18n};

use crate::model::schema::Unreadable;
use crate::state::{Notices, StorageAvailable};
use crate::storage::{Collection, Key, LoadProblem};
use crate::web::{download_url, revoke_download_url};

#[component]
pub fn StorageNotices() -> impl IntoView {
    let notices = expect_context::<Notices>();
    let available = use_context::<StorageAvailable>().is_none_or(|a| a.0);
    let shared = crate::storage::browser::shared_device();
    view! {
        // One notice about where things are kept (one view: the first download is tight). Switching
        // shared-device mode reloads the page, so reading it once is enough.
        {(!available || shared).then(|| {
            let (id, text) = if available {
                ("shared-device-on", tr!(storage.shared_on))
            } else {
                ("storage-unavailable", tr!(storage.unavailable))
            };
            view! { <p id=id class="notice notice--bar" role="status">{text}</p> }
        })}
        // On a phone these sit at the bottom of the screen (style/main.css), so the page's own
        // heading stays in sight above them.
        // A plain list instead of a keyed <For>: notices are rare, and keyed diffing would pull
        // hash maps into the wasm for nothing.
        {move || {
            let all = notices.0.get();
            (!all.is_empty()).then(|| view! {
                <div id="storage-notice" role="alert">
                    {all.into_iter().map(|problem| {
                        let shown = problem.clone();
                        let dismiss = move || notices.0.update(|all| all.retain(|p| p != &shown));
                        view! { <UnreadableNotice problem on_dismiss=dismiss /> }
                    }).collect_view()}
                </div>
            })
        }}
    }
}

#[component]
pub fn UnreadableNotice(problem: LoadProblem, on_dismiss: impl Fn() + 'static) -> impl IntoView {
    let i18n = use_i18n();
    let what = match &problem.key {
        Key::Settings => tr!(storage.what_settings),
        Key::Journey => tr!(storage.what_journey),
        Key::Item(Collection::Answer, _) => tr!(storage.what_answer),
        Key::Item(Collection::Norms, _) => tr!(storage.what_norms),
        Key::Rounds => tr!(storage.what_rounds),
        Key::Item(Collection::Aims, _) => tr!(storage.what_aims),
        Key::Item(Collection::CardNote, _) => tr!(storage.what_card_note),
        Key::Item(Collection::CustomCard, _) => tr!(storage.what_custom_card),
        Key::CustomAreas => tr!(storage.what_custom_areas),
        Key::Show => tr!(storage.what_show),
        Key::SupportServices => tr!(storage.what_services),
        Key::ExportMark => tr!(storage.what_export_mark),
        Key::Item(Collection::Agenda, _) => tr!(storage.what_agenda),
    };
    let message = match problem.reason {
        Unreadable::Corrupt(_) => t!(i18n, storage.unreadable_corrupt, what).into_any(),
        Unreadable::NewerSchema { .. } => t!(i18n, storage.unreadable_newer, what).into_any(),
        Unreadable::MigrationFailed { .. } => {
            t!(i18n, storage.unreadable_migration, what).into_any()
        }
    };
    let kept = if problem.backup.is_ok() {
        tr!(storage.kept).into_any()
    } else {
        tr!(storage.not_kept).into_any()
    };
    let file_name = format!(
        "think-plan-act-{}-copy.json",
        problem.key.name().replace(':', "-")
    );
    let href = download_url(&problem.raw, "application/json;charset=utf-8");
    if let Some(url) = href.clone() {
        // Release the copy held in memory for the link once the notice is gone.
        on_cleanup(move || revoke_download_url(&url));
    }
    view! {
        <div class="notice notice--warning">
            <p>{message}</p>
            <p>{kept}</p>
            <p class="notice__actions">
                {href.map(|href| view! {
                    <a class="button" href=href download=file_name>{tr!(storage.download)}</a>
                })}
                <button type="button" class="button button--quiet" on:click=move |_| on_dismiss()>
                    {tr!(storage.dismiss)}
                </button>
            </p>
        </div>
    }
}
