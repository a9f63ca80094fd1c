//! What a scenario card says: its content note, example, questions and entry points. Shown on
//! the card's page and on the printed sheets. Every text is the guidance's (or the person's own,
//! for their cards), shown as plain text, never as markup.

use leptos::prelude::*;

use crate::content::{Card, Deck};

/// The card below its topic. `printed` uses small labels instead of headings (a printed sheet
/// holds four cards).
#[component]
pub fn CardFace(card: &'static Card, deck: &'static Deck, printed: bool) -> impl IntoView {
    let label = move |text: &'static str| {
        if printed {
            view! { <p class="card-face__label">{text}</p> }.into_any()
        } else {
            view! { <h2 class="card-face__label">{text}</h2> }.into_any()
        }
    };
    let ways_in = card
        .entry_points
        .iter()
        .map(|e| deck.entry_point_name(*e))
        .collect::<Vec<_>>()
        .join(" · ");
    view! {
        {card.content_note.map(|note| view! {
            <p class="content-note"><strong>{tr!(cards.content_note)}</strong>" "{note}</p>
        })}
        {label(tr!(cards.example))}
        <p class="card-face__example">{card.example}</p>
        {label(tr!(cards.questions))}
        <ul class="card-face__questions">
            {card.questions.iter().map(|q| view! { <li>{*q}</li> }).collect_view()}
        </ul>
        <p class="card-face__ways"><span class="card-face__ways-label">{tr!(cards.ways_in)}</span>" "{ways_in}</p>
    }
}
