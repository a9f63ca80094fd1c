//! Bringing a copy of everything back: pick a file, read it (`model::data_file`), compare it with
//! what is stored (`storage::everything::plan_import`), show what it holds, then write it all or
//! nothing in the way the person chose (add, or replace everything).

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::lock_settings::PassphraseField;
use crate::model::lock::Sealed;
use crate::web_crypto::{self, CryptoError};

use crate::components::save_error::SaveErrorMessage;
use crate::i18n::{t, use_i18n};
use crate::model::data_file::{FileError, MAX_FILE_BYTES, parse, short_key};
use crate::state::everything as stored;
use crate::storage::SaveError;
use crate::storage::everything::{EntryProblem, ImportMode, ImportPlan, Imported, Incoming, Kind};
use crate::web::{focus_element, read_file_text};

/// What a kind of stored value is called on "My data".
pub fn kind_words(kind: Kind) -> &'static str {
    match kind {
        Kind::Answers => tr!(my_data.kind_answers),
        Kind::NormLists => tr!(my_data.kind_norms),
        Kind::Aims => tr!(my_data.kind_aims),
        Kind::CardNotes => tr!(my_data.kind_notes),
        Kind::OwnCards => tr!(my_data.kind_cards),
        Kind::Plans => tr!(my_data.kind_plans),
        Kind::SupportServices => tr!(my_data.kind_services),
        Kind::Settings => tr!(my_data.kind_settings),
    }
}

fn file_error_words(error: &FileError) -> &'static str {
    match error {
        FileError::TooLarge { .. } => tr!(my_data.file_too_large),
        FileError::Empty => tr!(my_data.file_empty),
        FileError::Unreadable => tr!(my_data.file_unreadable),
        FileError::Truncated => tr!(my_data.file_truncated),
        FileError::NotDataFile { is_card_file: true } => tr!(my_data.file_cards),
        FileError::NotDataFile { .. } => tr!(my_data.file_not_data),
        FileError::NewerVersion { .. } => tr!(my_data.file_newer),
        FileError::TooManyEntries { .. } => tr!(my_data.file_too_many),
    }
}

/// Where a picked file has got to.
#[derive(Clone)]
enum Step {
    Reading,
    Refused(FileError),
    /// The browser could not read the file, or storage could not be opened.
    Failed,
    /// A copy locked with a passphrase: asked for before the file is read any further.
    Locked(Arc<Sealed>),
    Preview(ImportPlan),
    /// What was written, and whether the file held nothing but what is here already.
    Done((Imported, bool)),
}

/// A copy's text, read and compared with what is stored.
fn read_copy(text: &str) -> Step {
    match parse(text) {
        Err(error) => Step::Refused(error),
        Ok(file) => match stored::plan_import(&file) {
            Ok(plan) => Step::Preview(plan),
            Err(_) => Step::Failed,
        },
    }
}

/// The passphrase of a locked copy. A wrong one changes nothing and lets the person try again.
#[component]
fn LockedCopy(sealed: Arc<Sealed>, step: RwSignal<Option<Step>>) -> impl IntoView {
    let passphrase = RwSignal::new(String::new());
    let trying = RwSignal::new(false);
    let failed = RwSignal::new(None::<CryptoError>);
    let sealed = StoredValue::new(sealed);
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if trying.get_untracked() {
            return;
        }
        trying.set(true);
        let typed = passphrase.get_untracked();
        let sealed = sealed.get_value();
        leptos::task::spawn_local(async move {
            let opened = web_crypto::open_text(&typed, &sealed).await;
            trying.set(false);
            match opened {
                Ok(text) => step.set(Some(read_copy(&text))),
                Err(e) => {
                    failed.set(Some(e));
                    focus_element("data-file-passphrase");
                }
            }
        });
    };
    view! {
        <form class="form" id="data-file-locked" on:submit=on_submit>
            <p class="hint" id="data-file-locked-hint">{tr!(my_data.file_locked)}</p>
            <PassphraseField id="data-file-passphrase" label=tr!(lock.passphrase) value=passphrase
                autocomplete="off" described_by="data-file-locked-hint"
                invalid=Signal::derive(move || failed.get().is_some()) />
            <button type="submit" class="button" id="data-file-open">
                {move || if trying.get() { tr!(my_data.file_opening) } else { tr!(my_data.file_open) }}
            </button>
        </form>
        {move || failed.get().map(|e| view! {
            <p id="data-import-message" class="message message--error" role="alert">{match e {
                CryptoError::Wrong => tr!(my_data.file_wrong),
                CryptoError::Unavailable => tr!(lock.error_no_crypto),
            }}</p>
        })}
    }
}

/// The file picker and what follows. `on_changed` runs after a successful import.
#[component]
pub fn DataImport(on_changed: Callback<()>) -> impl IntoView {
    let step = RwSignal::new(None::<Step>);
    let on_pick = move |e: leptos::ev::Event| {
        let input = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        let Some(file) = input
            .as_ref()
            .and_then(|i| i.files())
            .and_then(|f| f.get(0))
        else {
            return;
        };
        // Refused before reading: a large photo or video is never loaded into memory.
        if file.size() > MAX_FILE_BYTES as f64 {
            step.set(Some(Step::Refused(FileError::TooLarge {
                bytes: file.size() as usize,
                max: MAX_FILE_BYTES,
            })));
            return;
        }
        step.set(Some(Step::Reading));
        // No interface words in here: an async task has no context to look them up in.
        leptos::task::spawn_local(async move {
            let next = match read_file_text(file).await {
                None => Step::Refused(FileError::Unreadable),
                // Its method and number of rounds are checked before any key is derived.
                Some(text) if Sealed::is_sealed(&text) => match Sealed::from_json(&text) {
                    Ok(sealed) => Step::Locked(Arc::new(sealed)),
                    Err(_) => Step::Refused(FileError::Unreadable),
                },
                Some(text) => read_copy(&text),
            };
            step.set(Some(next));
        });
        // The same file can be picked again after a change of mind.
        if let Some(input) = input {
            input.set_value("");
        }
    };
    view! {
        <p class="form">
            <label for="data-file">{tr!(my_data.import_label)}</label>
            <input id="data-file" type="file" accept=".json,application/json" on:change=on_pick />
        </p>
        {move || step.get().map(|s| match s {
            Step::Reading => view! { <p class="hint" role="status">{tr!(my_data.reading)}</p> }.into_any(),
            Step::Refused(error) => view! {
                <p id="data-import-message" class="message message--error" role="alert">
                    {file_error_words(&error)}" "{tr!(my_data.nothing_changed)}
                </p>
            }.into_any(),
            Step::Failed => view! {
                <p id="data-import-message" class="message message--error" role="alert">
                    {tr!(my_data.blocked)}" "{tr!(my_data.nothing_changed)}
                </p>
            }.into_any(),
            Step::Done((done, all_same)) => view! { <ImportDone done all_same /> }.into_any(),
            Step::Locked(sealed) => view! { <LockedCopy sealed step /> }.into_any(),
            Step::Preview(plan) => {
                let on_done = Callback::new(move |done: (Imported, bool)| {
                    step.set(Some(Step::Done(done)));
                    on_changed.run(());
                    // The preview (and the button that had focus) is gone: the result takes it.
                    request_animation_frame(|| focus_element("data-import-message"));
                });
                let on_cancel = Callback::new(move |()| step.set(None));
                view! { <ImportPreview plan on_done on_cancel /> }.into_any()
            }
        })}
    }
}

#[component]
fn ImportDone(done: Imported, all_same: bool) -> impl IntoView {
    let i18n = use_i18n();
    let Imported { written, removed } = done;
    let text = if written + removed == 0 && all_same {
        tr!(my_data.import_nothing).into_any()
    } else if written + removed == 0 {
        tr!(my_data.import_nothing_kept).into_any()
    } else {
        t!(
            i18n,
            my_data.imported,
            written = move || written,
            removed = move || removed
        )
        .into_any()
    };
    view! { <p id="data-import-message" class="message message--ok" role="status" tabindex="-1">{text}</p> }
}

fn problem_words(problem: &EntryProblem) -> &'static str {
    match problem {
        EntryProblem::UnknownKey => tr!(my_data.problem_unknown),
        EntryProblem::TooLarge => tr!(my_data.problem_large),
        EntryProblem::Unreadable(_) => tr!(my_data.problem_unreadable),
        EntryProblem::NotAllowed => tr!(my_data.problem_not_allowed),
    }
}

#[component]
fn ImportPreview(
    plan: ImportPlan,
    on_done: Callback<(Imported, bool)>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let replace_all = RwSignal::new(false);
    let take_changed = RwSignal::new(false);
    let error = RwSignal::new(None::<SaveError>);
    let rows = Kind::ALL
        .into_iter()
        .filter(|kind| plan.entries.iter().any(|e| Kind::of(&e.key) == *kind))
        .map(|kind| {
            let count = |incoming| plan.count_kind(kind, incoming);
            view! {
                <tr>
                    <th scope="row">{kind_words(kind)}</th>
                    <td>{count(Incoming::New)}</td>
                    <td>{count(Incoming::Changed)}</td>
                    <td>{count(Incoming::Same)}</td>
                </tr>
            }
        })
        .collect_view();
    let left_out = plan.problems.len();
    let problems = plan
        .problems
        .iter()
        .take(10)
        .map(|(key, problem)| {
            view! { <li><code>{short_key(key)}</code>": "{problem_words(problem)}</li> }
        })
        .collect_view();
    let copies = plan.copies;
    let only_here = plan.only_here.len();
    let changed = plan.count(Incoming::Changed);
    let all_same = plan.count(Incoming::Same) == plan.entries.len() && plan.problems.is_empty();
    let plan = StoredValue::new(plan);
    let bring_in = move |_| {
        let mode = if replace_all.get_untracked() {
            ImportMode::Replace
        } else {
            ImportMode::Merge {
                replace_changed: take_changed.get_untracked(),
            }
        };
        match plan.with_value(|plan| stored::apply_import(plan, mode)) {
            Ok(done) => on_done.run((done, all_same)),
            Err(e) => error.set(Some(e)),
        }
    };
    view! {
        <section class="data-preview" aria-labelledby="preview-heading">
            <h3 id="preview-heading">{tr!(my_data.preview_heading)}</h3>
            <table class="data-table">
                <thead><tr>
                    <th scope="col">{tr!(my_data.col_kind)}</th>
                    <th scope="col">{tr!(my_data.col_new)}</th>
                    <th scope="col">{tr!(my_data.col_changed)}</th>
                    <th scope="col">{tr!(my_data.col_same)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
            {(left_out > 0).then(|| view! {
                <p id="data-left-out">{t!(i18n, my_data.left_out, count = move || left_out)}</p>
                <ul class="data-problems">{problems}</ul>
            })}
            {(copies > 0).then(|| view! {
                <p class="hint">{t!(i18n, my_data.copies_in_file, count = move || copies)}</p>
            })}
            <fieldset class="choices">
                <legend>{tr!(my_data.mode_legend)}</legend>
                <p class="choice">
                    <input type="radio" id="mode-merge" name="import-mode" checked
                        on:change=move |_| replace_all.set(false) />
                    <label for="mode-merge">{tr!(my_data.mode_merge)}</label>
                </p>
                <p class="hint">{tr!(my_data.mode_merge_hint)}</p>
                {(changed > 0).then(|| view! {
                    <p class="choice choice--nested">
                        <input type="checkbox" id="take-changed" prop:disabled=move || replace_all.get()
                            on:change=move |e| take_changed.set(event_target_checked(&e)) />
                        <label for="take-changed">{t!(i18n, my_data.replace_changed, count = move || changed)}</label>
                    </p>
                })}
                <p class="choice">
                    <input type="radio" id="mode-replace" name="import-mode"
                        on:change=move |_| replace_all.set(true) />
                    <label for="mode-replace">{tr!(my_data.mode_replace)}</label>
                </p>
                <p class="hint">{t!(i18n, my_data.mode_replace_hint, count = move || only_here)}</p>
            </fieldset>
            {move || error.get().map(|error| match error {
                SaveError::Conflict { .. } => view! {
                    <p id="data-import-error" class="message message--error" role="alert">{tr!(my_data.import_stale)}</p>
                }.into_any(),
                error => view! { <SaveErrorMessage error id="data-import-error" /> }.into_any(),
            })}
            <p class="toolbar">
                <button type="button" class="button" id="data-import" on:click=bring_in>
                    {tr!(my_data.import_button)}
                </button>
                <button type="button" class="button button--quiet" on:click=move |_| on_cancel.run(())>
                    {tr!(my_data.cancel)}
                </button>
            </p>
        </section>
    }
}
