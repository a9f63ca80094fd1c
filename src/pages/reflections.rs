//! My reflections: everything written in THINK, round by round, to edit or delete one by one;
//! starting a new round (earlier answers are kept); two rounds side by side.

use crate::components::title::Title;
use leptos::prelude::*;

use crate::components::export_reminder::ExportReminder;
use crate::components::hide_answers::{HideAnswersToggle, answers_hidden};
use crate::components::norm_details::NormDetails;
use crate::components::printable_reflections::{PrintableCopy, load_entries, load_notes};
use crate::components::save_error::SaveErrorMessage;
use crate::components::undoable_delete::{UndoableDelete, undo_offer};
use crate::components::written_field::{AnswerField, CardNoteField};
use crate::content::think;
use crate::i18n::{t, use_i18n};
use crate::model::aims::AimChoice;
use crate::model::answer::{Answer, CardNote, Written, answer_id};
use crate::model::norms::{Norm, NormList};
use crate::model::reflections::{Entry, by_round, compare, rounds_page};
use crate::model::rounds::Rounds;
use crate::state::{Synced, SyncedItem, load_collection};
use crate::storage::{ItemId, SaveError, StoredItem};
use crate::web::{focus_element, format_date, now_ms};
use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

#[component]
pub fn ReflectionsPage() -> impl IntoView {
    let i18n = use_i18n();
    let rounds = Synced::<Rounds>::open();
    let entries = load_entries();
    let norm_lists = load_collection::<NormList>();
    let aim_choices = load_collection::<AimChoice>();
    let notes = load_notes();
    // `/reflections?print` (the link on My data) opens the printable copy.
    let printing = RwSignal::new(
        leptos_router::hooks::use_location()
            .search
            .get_untracked()
            .contains("print"),
    );
    let changed_at: Vec<u64> = entries
        .iter()
        .map(|e| e.answer.updated_at)
        .chain(notes.iter().map(|(_, n, _)| n.updated_at))
        .collect();
    let nothing_yet = entries.is_empty()
        && notes.is_empty()
        && norm_lists.iter().all(|(_, l)| l.named().next().is_none())
        && aim_choices.iter().all(|(_, c)| c.chosen.is_empty());

    // Rounds are shown a page at a time (thousands of rounds would be thousands of fields).
    // Each page is built once: neither starting a new round nor showing older rounds rebuilds
    // (and so resets) the answers already on screen.
    let shelf = Arc::new(Shelf {
        order: rounds.value.get_untracked().newest_first(),
        current: rounds.value.get_untracked().current.max(1),
        answers: by_round(entries),
        norm_lists,
        aim_choices,
    });
    let pages = RwSignal::new(1_usize);
    let older = {
        let shelf = shelf.clone();
        move || rounds_page(&shelf.order, pages.get().saturating_sub(1)).1
    };
    let show_older = {
        let shelf = shelf.clone();
        move |_| {
            let next = pages.get_untracked();
            // The first newly shown round gets the focus, so a keyboard or screen reader
            // continues where the new rounds begin.
            if let Some(&first) = rounds_page(&shelf.order, next).0.first() {
                pages.set(next + 1);
                set_timeout(
                    move || focus_element(&format!("round-{first}")),
                    Duration::ZERO,
                );
            }
        }
    };

    view! {
        <Title text=tr!(reflections.title) />
        <h1>{tr!(reflections.heading)}</h1>
        <p class="lead">{tr!(reflections.intro)}</p>
        <ExportReminder changed_at />
        <div class="toolbar">
            <HideAnswersToggle />
            <button type="button" class="toggle" id="print-show" aria-pressed=move || printing.get().to_string()
                on:click=move |_| printing.update(|p| *p = !*p)>
                {tr!(my_data.print_show)}
            </button>
        </div>
        {move || printing.get().then(|| view! { <PrintableCopy /> })}
        {nothing_yet.then(|| view! {
            <p class="message">{tr!(reflections.empty)}" "<a href=crate::at("/think")>{tr!(reflections.go_think)}</a></p>
        })}
        <div class="answers" class:answers-hidden=answers_hidden()>
            <For each=move || 0..pages.get() key=|page| *page let:page>
                {shelf.page(page)}
            </For>
            {move || {
                let older = older();
                (older > 0).then(|| view! {
                    <p class="hint">{t!(i18n, reflections.older_count, n = move || older)}</p>
                    <p><button type="button" class="button button--quiet" on:click=show_older.clone()>
                        {tr!(reflections.show_older)}
                    </button></p>
                })
            }}
            <CardNotes notes />
            <Compare rounds />
        </div>
        <NewRound rounds />
        <p class="hint">{move || t!(i18n, reflections.round_count, n = move || rounds.value.get().current.max(1))}</p>
    }
}

/// What the rounds' pages are built from, read once when the page opens.
struct Shelf {
    /// Every round, newest first.
    order: Vec<u32>,
    current: u32,
    answers: BTreeMap<u32, Vec<Entry>>,
    norm_lists: Vec<(ItemId, NormList)>,
    aim_choices: Vec<(ItemId, AimChoice)>,
}

impl Shelf {
    /// The rounds of one page (0 = the newest), each as a [`RoundSection`].
    fn page(&self, page: usize) -> impl IntoView + use<> {
        rounds_page(&self.order, page)
            .0
            .iter()
            .map(|&round| {
                let id = round.to_string();
                let answers = self.answers.get(&round).cloned().unwrap_or_default();
                let norms: Vec<Norm> = self
                    .norm_lists
                    .iter()
                    .filter(|(list, _)| list.as_str() == id)
                    .flat_map(|(_, l)| l.named().cloned().collect::<Vec<_>>())
                    .collect();
                let aims: Vec<&'static str> = self
                    .aim_choices
                    .iter()
                    .filter(|(choice, _)| choice.as_str() == id)
                    .flat_map(|(_, c)| c.chosen.clone())
                    .filter_map(|aim| {
                        think(crate::current_lang())
                            .aims
                            .iter()
                            .find(|a| a.id == aim)
                            .map(|a| a.title)
                    })
                    .collect();
                let current = round == self.current;
                view! { <RoundSection round current answers norms aims /> }
            })
            .collect_view()
    }
}

#[component]
fn RoundSection(
    round: u32,
    current: bool,
    answers: Vec<Entry>,
    norms: Vec<Norm>,
    aims: Vec<&'static str>,
) -> impl IntoView {
    let i18n = use_i18n();
    let content = think(crate::current_lang());
    let heading = format!("round-{round}");
    let empty = answers.is_empty() && norms.is_empty() && aims.is_empty();
    view! {
        <section class="round" aria-labelledby=heading.clone()>
            <h2 id=heading.clone() tabindex="-1">
                {t!(i18n, think.round_n, n = move || round)}
                {current.then(|| view! { " " <span class="badge">{tr!(reflections.current)}</span> })}
            </h2>
            {empty.then(|| view! { <p class="hint">{tr!(reflections.round_empty)}</p> })}
            {(!norms.is_empty()).then(|| view! {
                <h3>{tr!(reflections.norms_heading)}</h3>
                // Each norm with everything written about it (whom it affects, where, its level…).
                <ol class="answer-text norms-written">{norms.into_iter().map(|norm| view! {
                    <li><span class="norms-written__name">{norm.text.clone()}</span><NormDetails norm /></li>
                }).collect_view()}</ol>
                <p class="hint">{tr!(reflections.norms_edit)}" "<a href=crate::at("/think")>{tr!(reflections.go_think)}</a></p>
            })}
            {(!aims.is_empty()).then(|| view! {
                <h3>{tr!(reflections.aims_heading)}</h3>
                <ul class="answer-text">{aims.into_iter().map(|a| view! { <li>{a}</li> }).collect_view()}</ul>
            })}
            {answers.into_iter().map(|entry| {
                let label = content.question_text(&entry.question).unwrap_or("");
                view! { <ReflectionEntry entry label /> }
            }).collect_view()}
        </section>
    }
}

/// One stored answer, as a [`WrittenEntry`].
#[component]
fn ReflectionEntry(entry: Entry, label: &'static str) -> impl IntoView {
    let question: &'static str = think(crate::current_lang())
        .question_ids()
        .into_iter()
        .find(|q| *q == entry.question)
        .unwrap_or("");
    let round = entry.round;
    ItemId::new(&answer_id(round, &entry.question)).map(|id| {
        let item = SyncedItem::<Answer>::open(id);
        let undo_id = format!("undo-{round}-{question}");
        let field = ViewFn::from(move || view! { <AnswerField round question label /> });
        view! { <WrittenEntry item updated_at=entry.answer.updated_at undo_id field /> }
    })
}

/// A note on a card, as a [`WrittenEntry`] labelled with the card's topic.
#[component]
fn NoteEntry(card: ItemId, note: CardNote, topic: String) -> impl IntoView {
    let item = SyncedItem::<CardNote>::open(card.clone());
    let undo_id = format!("undo-note-{}", card.as_str());
    let href = crate::at(&format!("/cards/{}", card.as_str()));
    let field = ViewFn::from(move || {
        view! {
            <CardNoteField card=card.clone() label=topic.clone() />
            <p class="entry__link"><a href=href.clone()>{tr!(reflections.open_card)}</a></p>
        }
    });
    view! { <WrittenEntry item updated_at=note.updated_at undo_id field /> }
}

/// One written text (an answer, a card note): editable in place through `field`, with its
/// date and a delete button that can be undone (focus moves to Undo, whose id is `undo_id`).
#[component]
fn WrittenEntry<T>(
    item: SyncedItem<T>,
    updated_at: u64,
    undo_id: String,
    field: ViewFn,
) -> impl IntoView
where
    T: StoredItem + Written + Send + Sync + 'static,
{
    let i18n = use_i18n();
    let deletion = UndoableDelete::new(item);
    let locale = leptos_i18n::Locale::as_str(i18n.get_locale_untracked());
    let date = format_date(updated_at, locale);
    let undo_button_id = undo_id.clone();
    let delete_id = undo_id.replacen("undo", "delete", 1);
    let after_undo = delete_id.clone();
    let delete = move |_| deletion.delete(&undo_id);
    view! {
        <article class="entry">
            {move || match deletion.deleted.with(Option::is_some) {
                // Undo writes the text back with today's date.
                true => {
                    let focus = after_undo.clone();
                    undo_offer(tr!(reflections.deleted), undo_button_id.clone(), move || {
                        deletion.undo(|value| T::written(value.text().to_string(), now_ms()), &focus)
                    })
                    .into_any()
                }
                false => view! {
                    {field.run()}
                    <p class="entry__meta">
                        {t!(i18n, reflections.changed_on, date = date.clone())}" "
                        <button type="button" class="button button--quiet" id=delete_id.clone() on:click=delete.clone()>{tr!(reflections.delete)}</button>
                    </p>
                }.into_any(),
            }}
            {move || deletion.error.get().map(|error| view! { <SaveErrorMessage error /> })}
        </article>
    }
}

/// The person's notes on scenario cards.
#[component]
fn CardNotes(notes: Vec<(ItemId, CardNote, String)>) -> impl IntoView {
    (!notes.is_empty()).then(|| {
        view! {
            <section class="round" aria-labelledby="notes-heading">
                <h2 id="notes-heading">{tr!(reflections.notes_heading)}</h2>
                {notes.into_iter().map(|(card, note, topic)| view! { <NoteEntry card note topic /> }).collect_view()}
            </section>
        }
    })
}

/// Two rounds side by side, question by question.
#[component]
fn Compare(rounds: Synced<Rounds>) -> impl IntoView {
    let current = move || rounds.value.get().current.max(1);
    let left = RwSignal::new(current().saturating_sub(1).max(1));
    let right = RwSignal::new(current());
    let content = think(crate::current_lang());
    let select = |id: &'static str, label: &'static str, value: RwSignal<u32>| {
        let options = move || {
            rounds.value.get().newest_first().into_iter().map(|r| {
                view! { <option value=r.to_string() selected=move || value.get() == r>{r}</option> }
            }).collect_view()
        };
        view! {
            <label for=id>{label}</label>
            <select id=id on:change=move |e| {
                if let Ok(r) = event_target_value(&e).parse() {
                    value.set(r);
                }
            }>{options}</select>
        }
    };
    let rows = move || {
        // Read again, so answers edited on this page show up.
        let entries = load_entries();
        let order = content.question_ids();
        let (l, r) = (left.get(), right.get());
        let rows: Vec<_> = compare(&entries, &order, l, r)
            .into_iter()
            .map(|c| {
                let text = |a: Option<&Answer>| {
                    a.map(|a| a.text.clone())
                        .unwrap_or_else(|| tr!(reflections.no_answer).to_string())
                };
                view! {
                    <div class="compare__row">
                        <h3>{content.question_text(c.question).unwrap_or("")}</h3>
                        <div class="compare__cols">
                            <p class="answer-text">{text(c.left)}</p>
                            <p class="answer-text">{text(c.right)}</p>
                        </div>
                    </div>
                }
            })
            .collect::<Vec<_>>();
        if rows.is_empty() {
            view! { <p class="hint">{tr!(reflections.compare_empty)}</p> }.into_any()
        } else {
            rows.collect_view().into_any()
        }
    };
    view! {
        <section class="compare" aria-labelledby="compare-heading" hidden=move || current() < 2>
            <h2 id="compare-heading">{tr!(reflections.compare_heading)}</h2>
            <div class="compare__pick">
                {select("compare-left", tr!(reflections.compare_left), left)}
                {select("compare-right", tr!(reflections.compare_right), right)}
            </div>
            {rows}
        </section>
    }
}

/// "Start a new round", with a second step so a slip of the finger changes nothing.
#[component]
fn NewRound(rounds: Synced<Rounds>) -> impl IntoView {
    let i18n = use_i18n();
    let asking = RwSignal::new(false);
    let started = RwSignal::new(None::<u32>);
    let error = RwSignal::new(None::<SaveError>);
    let start = move |_| {
        let mut next = rounds.value.get_untracked();
        let round = next.start_new(now_ms());
        match rounds.save(next) {
            Ok(()) => {
                started.set(Some(round));
                error.set(None);
            }
            Err(e) => error.set(Some(e)),
        }
        asking.set(false);
    };
    view! {
        <section class="new-round" aria-labelledby="new-round-heading">
            <h2 id="new-round-heading">{tr!(reflections.new_round_heading)}</h2>
            <p>{tr!(reflections.new_round_text)}</p>
            {move || if asking.get() {
                view! {
                    <p>
                        <button type="button" class="button" on:click=start>{tr!(reflections.new_round_confirm)}</button>" "
                        <button type="button" class="button button--quiet" on:click=move |_| asking.set(false)>{tr!(reflections.cancel)}</button>
                    </p>
                }.into_any()
            } else {
                view! {
                    <p><button type="button" class="button" on:click=move |_| asking.set(true)>{tr!(reflections.new_round)}</button></p>
                }.into_any()
            }}
            {move || started.get().map(|round| view! {
                <p class="message message--ok" role="status">
                    {t!(i18n, reflections.new_round_done, n = move || round)}" "<a href=crate::at("/think")>{tr!(reflections.go_think)}</a>
                </p>
            })}
            {move || error.get().map(|error| view! { <SaveErrorMessage error /> })}
        </section>
    }
}
