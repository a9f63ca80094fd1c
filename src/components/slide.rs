//! One item of a presentation as the room sees it: a THINK question, a card with the questions
//! revealed so far, a break or a free item. The presenter's view shows the same with the hidden
//! questions greyed (`preview`). Only the guidance's texts, the cards and the plan are used here:
//! nothing a person wrote about them.

use leptos::prelude::*;

use crate::content::think;
use crate::i18n::{t, use_i18n};
use crate::model::agenda::{AgendaItem, ItemKind};
use crate::model::deck::{AnyCard, FullDeck};
use crate::model::presenter::{OnScreen, Show};

/// The item on screen. In `preview` (the presenter's view) its title is an `h3` and hidden
/// questions are shown greyed; on the projector the title is the page's `h1`.
#[component]
pub fn Slide(show: Signal<Show>, deck: StoredValue<FullDeck>, preview: bool) -> impl IntoView {
    // Rebuilt when the item or the number of questions shown changes (not on timer ticks).
    let key = Memo::new(move |_| {
        show.with(|s| {
            let what = match s.on_screen() {
                OnScreen::Item(item) => Some((item.kind.clone(), false)),
                OnScreen::Drawn(card) => Some((ItemKind::Card(card.to_string()), true)),
                OnScreen::Nothing => None,
            };
            (what, s.revealed, s.position)
        })
    });
    move || {
        let (what, revealed, _) = key.get();
        let body = match what {
            None => view! { <NothingToShow preview /> }.into_any(),
            Some((ItemKind::Card(card), drawn)) => {
                match deck.with_value(|d| d.card(&card).cloned()) {
                    Some(card) => {
                        view! { <CardSlide card deck revealed drawn preview /> }.into_any()
                    }
                    None => title(preview, tr!(present.card_missing).to_string(), "").into_any(),
                }
            }
            Some((ItemKind::Question(step), _)) => {
                view! { <QuestionSlide step preview /> }.into_any()
            }
            Some((ItemKind::Break, _)) => title(
                preview,
                tr!(present.break_title).to_string(),
                "slide--break",
            )
            .into_any(),
            Some((ItemKind::Free(text), _)) => title(preview, text, "slide--free").into_any(),
        };
        view! { <div class="slide" class:slide--preview=preview>{body}</div> }
    }
}

/// The slide's main line: the page's heading on the projector, a sub-heading in the preview.
fn heading(preview: bool, text: String) -> AnyView {
    if preview {
        view! { <h3 class="slide__title" id="slide-title">{text}</h3> }.into_any()
    } else {
        view! { <h1 class="slide__title" id="slide-title">{text}</h1> }.into_any()
    }
}

fn title(preview: bool, text: String, class: &'static str) -> impl IntoView {
    view! { <div class=format!("slide__single {class}")>{heading(preview, text)}</div> }
}

#[component]
fn CardSlide(
    card: AnyCard,
    deck: StoredValue<FullDeck>,
    revealed: usize,
    drawn: bool,
    preview: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let area = deck.with_value(|d| d.area_name(card.area_id()));
    let questions: Vec<String> = card.questions().into_iter().map(String::from).collect();
    let total = questions.len();
    let example = card.example().to_string();
    let shown = questions
        .into_iter()
        .enumerate()
        .filter(|(i, _)| preview || *i < revealed)
        .map(|(i, q)| {
            let hidden = i >= revealed;
            view! { <li class:slide__question--hidden=hidden>{q}</li> }
        })
        .collect_view();
    view! {
        <p class="slide__kicker">
            {area}
            {drawn.then(|| format!(" · {}", tr!(present.drawn_kicker)))}
        </p>
        {heading(preview, card.topic().to_string())}
        {(!example.is_empty()).then(|| view! { <p class="slide__text">{example}</p> })}
        <ol class="slide__questions">{shown}</ol>
        {preview.then(|| view! {
            <p class="slide__count">{t!(i18n, present.questions_shown, n = move || revealed, total = move || total)}</p>
        })}
    }
}

#[component]
fn QuestionSlide(step: String, preview: bool) -> impl IntoView {
    let i18n = use_i18n();
    let content = think(crate::current_lang());
    let index = content.steps.iter().position(|s| s.id == step);
    let total = content.steps.len();
    match index.map(|i| (i + 1, &content.steps[i])) {
        Some((n, step)) => view! {
            <p class="slide__kicker">{t!(i18n, present.question_kicker, n = move || n, total = move || total)}</p>
            <p class="slide__text slide__lead">{step.explanation}</p>
            {heading(preview, step.question.to_string())}
        }
        .into_any(),
        None => heading(preview, tr!(present.card_missing).to_string()),
    }
}

#[component]
fn NothingToShow(preview: bool) -> AnyView {
    // Rendered at build time, nothing is stored, so nothing is known yet: the page's name
    // stands there until the app shows what is being presented (never "nothing to present" on
    // the projector for a moment).
    if crate::web::rendering_at_build_time() {
        return heading(preview, tr!(present.stage_title).to_string());
    }
    view! {
        {heading(preview, tr!(present.nothing_title).to_string())}
        <p class="slide__text"><a href=crate::at("/present")>{tr!(present.nothing_link)}</a></p>
    }
    .into_any()
}

/// A short name for an item in lists ("Card: Parental leave", "Break").
pub fn item_name(item: &AgendaItem, deck: &FullDeck) -> String {
    match &item.kind {
        ItemKind::Question(step) => {
            let content = think(crate::current_lang());
            let n = content
                .steps
                .iter()
                .position(|s| s.id == *step)
                .map_or(0, |i| i + 1);
            let question = content.question_text(step).unwrap_or_default();
            format!("{} {n}: {question}", tr!(present.kind_question))
        }
        ItemKind::Card(card) => format!(
            "{}: {}",
            tr!(present.kind_card),
            deck.card(card)
                .map(AnyCard::topic)
                .unwrap_or(tr!(present.card_missing))
        ),
        ItemKind::Break => tr!(present.break_title).to_string(),
        ItemKind::Free(title) => title.clone(),
    }
}
