//! Everything written in THINK and on cards, as plain text: the printable copy of "My
//! reflections" (which shows the same things editable above it), and the loaders both use.

use leptos::prelude::*;

use crate::components::hide_answers::answers_hidden;
use crate::components::norm_details::details_in_words;
use crate::content::think;
use crate::i18n::{t, use_i18n};
use crate::model::aims::AimChoice;
use crate::model::answer::{Answer, CardNote};
use crate::model::norms::NormList;
use crate::model::reflections::{
    Entry, PrintLine, PrintNorm, PrintRound, parse_answer_id, print_lines, sort_entries,
};
use crate::state::{load_collection, load_full_deck};
use crate::storage::ItemId;
use crate::web::print_page;

/// Every stored THINK answer, newest round first, in the journey's order.
pub fn load_entries() -> Vec<Entry> {
    let order = think(crate::current_lang()).question_ids();
    let mut entries: Vec<Entry> = load_collection::<Answer>()
        .into_iter()
        .filter_map(|(id, answer)| {
            let (round, question) = parse_answer_id(id.as_str())?;
            Some(Entry {
                round,
                question: question.to_string(),
                answer,
            })
        })
        .collect();
    sort_entries(&mut entries, &order);
    entries
}

/// Every stored card note with its card's topic, in the order of the deck (the guidance's
/// cards, then the person's own; notes on cards no longer here last).
pub fn load_notes() -> Vec<(ItemId, CardNote, String)> {
    let deck = load_full_deck();
    let position = |id: &ItemId| deck.cards.iter().position(|c| c.id() == id.as_str());
    let mut notes: Vec<_> = load_collection::<CardNote>()
        .into_iter()
        .map(|(id, note)| {
            let topic = deck.card(id.as_str()).map(|c| c.topic().to_string());
            let topic = topic.unwrap_or_else(|| tr!(reflections.note_card_gone).to_string());
            (id, note, topic)
        })
        .collect();
    notes.sort_by_key(|(id, _, _)| position(id).unwrap_or(usize::MAX));
    notes
}

/// Everything written, as the lines of the printable copy (`model::reflections::print_lines`).
fn printable_lines() -> Vec<PrintLine> {
    let content = think(crate::current_lang());
    let mut rounds: Vec<PrintRound> = Vec::new();
    let mut round = |n: u32| -> usize {
        match rounds.iter().position(|r| r.round == n) {
            Some(i) => i,
            None => {
                rounds.push(PrintRound {
                    round: n,
                    ..PrintRound::default()
                });
                rounds.len() - 1
            }
        }
    };
    let mut at = Vec::new();
    for entry in load_entries() {
        let question = content.question_text(&entry.question).unwrap_or("");
        at.push((round(entry.round), question.to_string(), entry.answer.text));
    }
    let mut norms = Vec::new();
    for (id, list) in load_collection::<NormList>() {
        if let Ok(n) = id.as_str().parse() {
            let named = list.named().map(|norm| PrintNorm {
                text: norm.text.clone(),
                details: details_in_words(norm)
                    .into_iter()
                    .map(|(label, value)| (label.to_string(), value))
                    .collect(),
            });
            norms.push((round(n), named.collect::<Vec<_>>()));
        }
    }
    let mut aims = Vec::new();
    for (id, choice) in load_collection::<AimChoice>() {
        if let Ok(n) = id.as_str().parse() {
            let titles = choice.chosen.iter().filter_map(|id| {
                content
                    .aims
                    .iter()
                    .find(|a| a.id == id)
                    .map(|a| a.title.to_string())
            });
            aims.push((round(n), titles.collect::<Vec<_>>()));
        }
    }
    for (i, question, text) in at {
        rounds[i].answers.push((question, text));
    }
    for (i, list) in norms {
        rounds[i].norms = list;
    }
    for (i, list) in aims {
        rounds[i].aims = list;
    }
    let notes = load_notes()
        .into_iter()
        .map(|(_, note, topic)| (topic, note.text))
        .collect();
    print_lines(rounds, notes)
}

/// The copy with its Print button; while it is open, print shows only the copy (think.css).
#[component]
pub fn PrintableCopy() -> impl IntoView {
    let i18n = use_i18n();
    let lines = printable_lines();
    let body = if lines.is_empty() {
        view! { <p>{tr!(my_data.print_empty)}</p> }.into_any()
    } else {
        lines
            .into_iter()
            .map(|line| match line {
                PrintLine::Round(n) => {
                    view! { <h3>{t!(i18n, think.round_n, n = move || n)}</h3> }.into_any()
                }
                PrintLine::NormsHeading => {
                    view! { <h4>{tr!(reflections.norms_heading)}</h4> }.into_any()
                }
                PrintLine::AimsHeading => {
                    view! { <h4>{tr!(reflections.aims_heading)}</h4> }.into_any()
                }
                PrintLine::NotesHeading => view! { <h3>{tr!(my_data.print_notes)}</h3> }.into_any(),
                PrintLine::Question(text) | PrintLine::Card(text) => {
                    view! { <h4>{text}</h4> }.into_any()
                }
                PrintLine::Norm(text) | PrintLine::Aim(text) => {
                    view! { <p class="printable__item">{text}</p> }.into_any()
                }
                PrintLine::NormDetail(label, value) => view! {
                    <p class="printable__detail"><span class="printable__label">{label}</span>" "{value}</p>
                }
                .into_any(),
                PrintLine::Text(text) => {
                    view! { <p class="printable__text answer-text">{text}</p> }.into_any()
                }
            })
            .collect_view()
            .into_any()
    };
    view! {
        // "Hide my answers" blurs the copy on screen too (never on paper: think.css).
        <article class="printable" class:answers-hidden=answers_hidden() id="printable-reflections" aria-labelledby="printable-title">
            <p class="toolbar">
                <button type="button" class="button" id="print-now" on:click=move |_| print_page()>
                    {tr!(my_data.print_button)}
                </button>
            </p>
            <h2 class="printable__title" id="printable-title">{tr!(my_data.print_title)}</h2>
            {body}
        </article>
    }
}
