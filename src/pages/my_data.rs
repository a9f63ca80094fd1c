//! My data: what is kept in this browser, whether the browser will keep it, a copy to take away
//! (export), a copy to bring back (import), a printable copy of one's reflections, and erasing
//! everything. Storage is reached only through `state::everything`.

use crate::components::title::Title;
use leptos::prelude::*;

use crate::components::confirm::ConfirmPanel;
use crate::components::data_import::{DataImport, kind_words};
use crate::components::lock_settings::{PassphraseField, passphrase_problem_words};
use crate::durability::{self, Estimate};
use crate::i18n::{t, use_i18n};
use crate::model::data_file::{ExportMark, file_name, locked_file_name, size_words};
use crate::model::settings::Settings;
use crate::state::{Notices, StorageAvailable, Synced, everything as stored};
use crate::storage::StoreError;
use crate::storage::everything::{Kind, Summary};
use crate::storage::lock::{PassphraseProblem, check_new_passphrase};
use crate::web::{download, focus_element, format_date, now_ms, today_iso};
use crate::web_crypto;

#[component]
pub fn MyDataPage() -> impl IntoView {
    let available = use_context::<StorageAvailable>().is_none_or(|a| a.0);
    // Read again after an import or erase, so every section shows what is stored now.
    let summary = RwSignal::new(stored::summary());
    // Taken here: event handlers cannot look up context.
    let settings = expect_context::<Synced<Settings>>();
    let notices = expect_context::<Notices>();
    let mark = Synced::<ExportMark>::open();
    let refresh = Callback::new(move |()| {
        summary.set(stored::summary());
        // What the whole app shows (settings, notices about unreadable text) follows the change.
        settings.reload();
        mark.reload();
        notices.0.set(Vec::new());
    });
    view! {
        <Title text=tr!(my_data.title) />
        <h1>{tr!(my_data.heading)}</h1>
        <p class="lead">{tr!(my_data.intro)}</p>
        {crate::storage::browser::shared_device().then(|| view! { <p class="message">{tr!(my_data.shared_on)}</p> })}
        {if available {
            view! {
                <StoredSummary summary />
                <KeepingIt />
                <ExportSection summary mark />
                <section aria-labelledby="import-heading">
                    <h2 id="import-heading">{tr!(my_data.import_heading)}</h2>
                    <p>{tr!(my_data.import_text)}</p>
                    <DataImport on_changed=refresh />
                </section>
                <PrintSection />
                <EraseSection summary on_erased=refresh />
            }
            .into_any()
        } else {
            view! { <p class="message" id="data-blocked">{tr!(my_data.blocked)}</p> }.into_any()
        }}
    }
}

fn error_detail(error: StoreError) -> String {
    match error {
        StoreError::Unavailable(d) | StoreError::Other(d) => d,
        StoreError::QuotaExceeded => "quota".into(),
    }
}

fn storage_error_words(error: StoreError) -> AnyView {
    let i18n = use_i18n();
    let detail = error_detail(error);
    t!(i18n, my_data.storage_error, detail = move || detail.clone()).into_any()
}

/// The rows of what is stored, kind by kind ("Answers: 12").
fn kind_rows(summary: &Summary) -> Vec<(&'static str, usize)> {
    let mut rows: Vec<(&'static str, usize)> = Kind::ALL
        .into_iter()
        .map(|kind| (kind_words(kind), summary.count(kind)))
        .filter(|(_, n)| *n > 0)
        .collect();
    if summary.copies > 0 {
        rows.push((tr!(my_data.kind_copies), summary.copies));
    }
    rows
}

#[component]
fn StoredSummary(summary: RwSignal<Result<Summary, StoreError>>) -> impl IntoView {
    let i18n = use_i18n();
    let estimate = RwSignal::new(None::<Estimate>);
    leptos::task::spawn_local(async move { estimate.set(durability::estimate().await) });
    view! {
        <section aria-labelledby="stored-heading">
            <h2 id="stored-heading">{tr!(my_data.stored_heading)}</h2>
            {move || match summary.get() {
                // Rendered at build time (no browser, nothing stored): what is kept is only
                // known once the app runs; a line for the sizes keeps the section's height.
                _ if crate::web::rendering_at_build_time() => view! {
                    <p>{tr!(my_data.stored_counting)}</p>
                    <p class="hint">"…"</p>
                }.into_any(),
                Err(e) => view! { <p class="message message--error">{storage_error_words(e)}</p> }.into_any(),
                Ok(s) if s.is_empty() => view! { <p id="stored-empty">{tr!(my_data.stored_empty)}</p> }.into_any(),
                Ok(s) => {
                    let size = size_words(s.bytes as f64, crate::current_lang());
                    view! {
                        <dl class="data-summary" id="stored-summary">
                            {kind_rows(&s).into_iter().map(|(what, n)| view! {
                                <div><dt>{what}</dt><dd>{n}</dd></div>
                            }).collect_view()}
                        </dl>
                        <p>{t!(i18n, my_data.bytes, size = move || size.clone())}</p>
                    }.into_any()
                }
            }}
            // Chromium leaves localStorage out of `usage`: the used part is shown only when counted.
            {move || estimate.get().map(|Estimate { usage, quota }| view! {
                <p class="hint" id="storage-estimate">
                    {t!(i18n, my_data.estimate_quota, quota = move || size_words(quota, crate::current_lang()))}
                    {(usage > 0.0).then(|| view! { " " {t!(i18n, my_data.estimate_used, used = move || size_words(usage, crate::current_lang()))} })}
                </p>
            })}
        </section>
    }
}

/// Whether the browser will keep the data, and asking it to.
#[component]
fn KeepingIt() -> impl IntoView {
    let kept = RwSignal::new(None::<bool>);
    let asked = RwSignal::new(false);
    leptos::task::spawn_local(async move { kept.set(durability::persisted().await) });
    let ask = move |_| {
        leptos::task::spawn_local(async move {
            let granted = durability::persist().await;
            kept.set(granted.or(kept.get_untracked()));
            asked.set(true);
        });
    };
    view! {
        <section aria-labelledby="keep-heading">
            <h2 id="keep-heading">{tr!(my_data.keep_heading)}</h2>
            <p id="keep-status" role="status">{move || match kept.get() {
                Some(true) => tr!(my_data.kept_yes),
                Some(false) => tr!(my_data.kept_no),
                None => tr!(my_data.kept_unknown),
            }}</p>
            {move || (kept.get() != Some(true)).then(|| view! {
                <p><button type="button" class="button" id="ask-keep" on:click=ask>{tr!(my_data.ask_keep)}</button></p>
                {move || (asked.get() && kept.get() != Some(true)).then(|| view! {
                    <p class="hint" id="ask-refused">{tr!(my_data.ask_refused)}</p>
                })}
            })}
            {durability::is_safari().then(|| view! { <p>{tr!(my_data.safari)}</p> })}
            <p class="hint">{tr!(my_data.private)}</p>
        </section>
    }
}

/// Why no copy was saved. Nothing changed in any of these.
#[derive(Clone)]
enum ExportFailure {
    /// Storage could not be read.
    Store(StoreError),
    /// The browser refused the download.
    Download,
    Passphrase(PassphraseProblem),
    NoCrypto,
}

#[component]
fn ExportSection(
    summary: RwSignal<Result<Summary, StoreError>>,
    mark: Synced<ExportMark>,
) -> impl IntoView {
    let i18n = use_i18n();
    let failed = RwSignal::new(None::<ExportFailure>);
    let locked = RwSignal::new(false);
    let passphrase = RwSignal::new(String::new());
    let repeated = RwSignal::new(String::new());
    let locking = RwSignal::new(false);
    let save = move |text: &str, name: String| {
        if !download(text, "application/json;charset=utf-8", &name) {
            return failed.set(Some(ExportFailure::Download));
        }
        mark.save_latest_or_hold(mark.value.get_untracked().exported(now_ms()));
        failed.set(None);
        summary.set(stored::summary());
    };
    let export = move |_| {
        if locking.get_untracked() {
            return;
        }
        let file = match stored::export() {
            Ok(file) => file,
            Err(e) => return failed.set(Some(ExportFailure::Store(e))),
        };
        let json = file.to_json();
        if !locked.get_untracked() {
            return save(&json, file_name(&today_iso()));
        }
        let typed = passphrase.get_untracked();
        if let Err(problem) = check_new_passphrase(&typed, &repeated.get_untracked()) {
            return failed.set(Some(ExportFailure::Passphrase(problem)));
        }
        locking.set(true);
        let name = locked_file_name(&today_iso());
        leptos::task::spawn_local(async move {
            let sealed = web_crypto::seal_text(&typed, &json).await;
            locking.set(false);
            match sealed {
                Ok(sealed) => save(&sealed, name),
                Err(_) => failed.set(Some(ExportFailure::NoCrypto)),
            }
        });
    };
    view! {
        <section aria-labelledby="export-heading">
            <h2 id="export-heading">{tr!(my_data.export_heading)}</h2>
            <p>{tr!(my_data.export_text)}</p>
            <p class="choice">
                <input type="checkbox" id="export-locked" prop:checked=move || locked.get()
                    on:change=move |e| locked.set(event_target_checked(&e)) />
                <label for="export-locked">{tr!(my_data.export_lock)}</label>
            </p>
            {move || locked.get().then(|| view! {
                <div class="form">
                    <p class="hint" id="export-lock-hint">{tr!(my_data.export_lock_hint)}</p>
                    <PassphraseField id="export-passphrase" label=tr!(lock.passphrase) value=passphrase
                        autocomplete="new-password" described_by="export-lock-hint" />
                    <PassphraseField id="export-repeat" label=tr!(my_data.export_repeat) value=repeated
                        autocomplete="new-password" />
                </div>
            })}
            <p><button type="button" class="button" id="export-all" on:click=export>
                {move || if locking.get() { tr!(my_data.export_locking) } else { tr!(my_data.export_button) }}
            </button></p>
            <p class="hint" id="exported-at">{move || match mark.value.get().exported_at {
                0 => tr!(my_data.exported_never).into_any(),
                at => {
                    let date = format_date(at, crate::current_lang().code());
                    t!(i18n, my_data.exported_at, date = move || date.clone()).into_any()
                }
            }}</p>
            {move || failed.get().map(|error| view! {
                <p class="message message--error" role="alert" id="export-message">{match error {
                    ExportFailure::Store(e) => storage_error_words(e),
                    ExportFailure::Download => tr!(my_data.export_failed).into_any(),
                    ExportFailure::Passphrase(problem) => passphrase_problem_words(problem).into_any(),
                    ExportFailure::NoCrypto => tr!(lock.error_no_crypto).into_any(),
                }}</p>
            })}
        </section>
    }
}

/// The printable copy lives with the reflections it prints (My reflections): a pointer here.
#[component]
fn PrintSection() -> impl IntoView {
    view! {
        <section aria-labelledby="print-heading">
            <h2 id="print-heading">{tr!(my_data.print_heading)}</h2>
            <p>{tr!(my_data.print_text)}" "<a href=crate::at("/reflections?print") id="print-link">{tr!(my_data.print_go)}</a></p>
        </section>
    }
}

#[component]
fn EraseSection(
    summary: RwSignal<Result<Summary, StoreError>>,
    on_erased: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let confirming = RwSignal::new(false);
    let outcome = RwSignal::new(None::<Result<(), String>>);
    let erase = move |()| {
        let result = stored::erase().map_err(error_detail);
        confirming.set(false);
        // The confirmation (and the button that had focus) is gone: the outcome takes it.
        request_animation_frame(|| focus_element("erase-outcome"));
        if result.is_ok() {
            // Offline copies of the app's files too (not the person's data, but made by the app).
            leptos::task::spawn_local(async move {
                durability::clear_caches().await;
            });
        }
        outcome.set(Some(result.map(|_| ())));
        on_erased.run(());
    };
    let rows = move || summary.with(|s| s.as_ref().map(kind_rows).unwrap_or_default());
    view! {
        <section aria-labelledby="erase-heading">
            <h2 id="erase-heading">{tr!(my_data.erase_heading)}</h2>
            <p>{tr!(my_data.erase_text)}</p>
            {move || if confirming.get() {
                view! {
                    <ConfirmPanel prefix="erase" question=tr!(my_data.erase_confirm) yes=tr!(my_data.erase_yes)
                        danger=true on_yes=Callback::new(erase) back_to="erase-all"
                        on_cancel=Callback::new(move |()| confirming.set(false))>
                        <ul>{rows().into_iter().map(|(what, n)| view! {
                            <li>{t!(i18n, my_data.kind_count, what = move || what, count = move || n)}</li>
                        }).collect_view()}</ul>
                    </ConfirmPanel>
                }.into_any()
            } else {
                view! {
                    <p><button type="button" class="button" id="erase-all"
                        on:click=move |_| {
                            outcome.set(None);
                            confirming.set(true);
                        }>{tr!(my_data.erase_button)}</button></p>
                }.into_any()
            }}
            {move || outcome.get().map(|result| match result {
                Ok(()) => view! {
                    <div id="erase-outcome" tabindex="-1">
                        <p class="message message--ok" role="status" id="erased">{tr!(my_data.erased)}</p>
                    </div>
                }.into_any(),
                Err(detail) => view! {
                    <div id="erase-outcome" tabindex="-1">
                        <p class="message message--error" role="alert">
                            {t!(i18n, my_data.erase_failed, detail = move || detail.clone())}
                        </p>
                    </div>
                }.into_any(),
            })}
        </section>
    }
}
