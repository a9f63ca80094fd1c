//! What a scenario card says: its content note, example, questions and entry points. Shown on
//! the card's page and on the printed sheets. Every text is the guidance's (or the person's own,
//! for their cards), shown as plain text, never as markup.

use leptos::prelude::*;

use crate::content::Deck;
use crate::model::deck::AnyCard;

/// The card below its topic. `printed` uses small labels instead of headings (a printed sheet
/// holds four cards).
#[component]
pub fn CardFace(card: AnyCard, guide: &'static Deck, printed: bool) -> impl IntoView {
    let label = move |text: &'static str| {
        if printed {
            view! { <p class="card-face__label">{text}</p> }.into_any()
        } else {
            view! { <h2 class="card-face__label">{text}</h2> }.into_any()
        }
    };
    let ways_in = card
        .entry_points()
        .iter()
        .map(|e| guide.entry_point_name(*e))
        .collect::<Vec<_>>()
        .join(" · ");
    // An own card written in another language says so, for screen readers and hyphenation.
    let lang = card.written_in(crate::current_lang());
    let note = card.content_note().map(str::to_string);
    let example = card.example().to_string();
    let questions: Vec<String> = card.questions().into_iter().map(String::from).collect();
    view! {
        {note.map(|note| view! {
            <p class="content-note"><strong>{tr!(cards.content_note)}</strong>" "<span lang=lang.clone()>{note}</span></p>
        })}
        {(!example.is_empty()).then(|| view! {
            {label(tr!(cards.example))}
            <p class="card-face__example" lang=lang.clone()>{example}</p>
        })}
        {label(tr!(cards.questions))}
        <ul class="card-face__questions" lang=lang.clone()>
            {questions.into_iter().map(|q| view! { <li>{q}</li> }).collect_view()}
        </ul>
        {(!ways_in.is_empty()).then(|| view! {
            <p class="card-face__ways"><span class="card-face__ways-label">{tr!(cards.ways_in)}</span>" "{ways_in}</p>
        })}
    }
}
