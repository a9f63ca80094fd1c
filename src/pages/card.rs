//! One scenario card at its own address (`/cards/<id>`, keeping the deck's filter in the link):
//! the card, previous and next within the filter, drawing on, and a private note.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::components::card_draw::DrawCard;
use crate::components::card_face::CardFace;
use crate::components::card_filter::use_card_filter;
use crate::components::hide_answers::{HideAnswersToggle, answers_hidden};
use crate::components::written_field::CardNoteField;
use crate::content::{Card, Deck, Lang, deck, source};
use crate::i18n::{t, use_i18n};
use crate::model::deck::{CardFilter, neighbours};
use crate::storage::ItemId;
use crate::web::focus_element;

#[component]
pub fn CardPage() -> impl IntoView {
    let deck = deck(Lang::En);
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    let filter = use_card_filter();
    let selection = Signal::derive(move || {
        filter.with(|f| {
            f.select(deck.cards)
                .iter()
                .map(|c| c.id)
                .collect::<Vec<_>>()
        })
    });
    // Previous, next or a drawn card opens here without leaving the page: tell screen readers
    // (and keyboards) that the card changed by moving focus to its topic.
    Effect::watch(
        move || id.get(),
        |_, _, _| request_animation_frame(|| focus_element("card-topic")),
        false,
    );
    move || match deck.card(&id.get()) {
        Some(card) => view! { <CardView card deck filter selection /> }.into_any(),
        None => view! { <MissingCard /> }.into_any(),
    }
}

#[component]
fn CardView(
    card: &'static Card,
    deck: &'static Deck,
    filter: Memo<CardFilter>,
    selection: Signal<Vec<&'static str>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let query = filter.with_untracked(CardFilter::link_query);
    // Within the filter, unless this card is outside it (a link from elsewhere): then the deck.
    let mut order = selection.get_untracked();
    if !order.contains(&card.id) {
        order = deck.cards.iter().map(|c| c.id).collect();
    }
    let (previous, next) = neighbours(&order, card.id);
    let position = order.iter().position(|id| *id == card.id).unwrap_or(0) + 1;
    let total = order.len();
    let link = |id: &str, rel: &'static str, label: &'static str| {
        let topic = deck.card(id).map(|c| c.topic).unwrap_or_default();
        view! {
            <a class=format!("pager__{rel}") rel=rel href=format!("/cards/{id}{query}")>
                <span class="pager__label">{label}</span>" "{topic}
            </a>
        }
    };
    let note_id = ItemId::new(card.id);

    view! {
        <Title text=card.topic />
        <p class="back-link"><a href=format!("/cards{query}")>{tr!(cards.all_cards)}</a></p>
        <article class="card-view">
            <p class="card-view__area">{deck.area_name(card.area)}</p>
            <h1 id="card-topic" tabindex="-1">{card.topic}</h1>
            <CardFace card deck printed=false />
        </article>
        <nav class="pager" aria-label=tr!(cards.pager_label)>
            {previous.map(|id| link(id, "prev", tr!(cards.previous)))}
            <span class="pager__position">{t!(i18n, cards.position, n = move || position, total = move || total)}</span>
            {next.map(|id| link(id, "next", tr!(cards.next)))}
        </nav>
        <DrawCard selection filter />
        <section class="card-note" aria-labelledby="note-heading">
            <h2 id="note-heading">{tr!(cards.note_heading)}</h2>
            <p class="hint">{tr!(cards.note_hint)}</p>
            <div class="toolbar"><HideAnswersToggle /></div>
            <div class="answers" class:answers-hidden=answers_hidden()>
                {note_id.map(|card| view! { <CardNoteField card label=tr!(cards.note_label) /> })}
            </div>
        </section>
        <p class="credit">{tr!(cards.credit)}" "<cite>{source(Lang::En).title}</cite>" (OSCE)."</p>
    }
}

/// A link to a card that does not exist (mistyped, or a card since removed).
#[component]
fn MissingCard() -> impl IntoView {
    view! {
        <Title text=tr!(cards.missing_title) />
        <h1 id="card-topic" tabindex="-1">{tr!(cards.missing_title)}</h1>
        <p>{tr!(cards.missing_text)}</p>
        <p><a href="/cards">{tr!(cards.all_cards)}</a></p>
    }
}
