//! The scenario cards of Annex 2 and the person's own: grouped by thematic area, filtered by
//! area and searched, drawn at random, and printed as cuttable cards.

use crate::components::title::Title;
use leptos::prelude::*;

use crate::components::card_draw::DrawCard;
use crate::components::card_face::CardFace;
use crate::components::card_filter::{CardFilterControls, use_card_filter};
use crate::content::{Deck, cards_help, source};
use crate::i18n::{t, use_i18n};
use crate::model::deck::{AnyCard, CardFilter};
use crate::state::load_full_deck;
use crate::web::print_page;

/// Cards per printed A4 sheet (two by two, with cut lines between them).
const CARDS_PER_SHEET: usize = 4;

#[component]
pub fn CardsPage() -> impl IntoView {
    let i18n = use_i18n();
    let deck = load_full_deck();
    let guide = deck.guide;
    let areas = deck.areas();
    let total = deck.cards.len();
    let deck = StoredValue::new(deck);
    let filter = use_card_filter(areas.clone());
    let selected = Memo::new(move |_| {
        filter.with(|f| {
            deck.with_value(|d| f.select(&d.cards).into_iter().cloned().collect::<Vec<_>>())
        })
    });
    let selection = Signal::derive(move || {
        selected.with(|cards| cards.iter().map(|c| c.id().to_string()).collect())
    });
    let shown = move || selected.with(Vec::len);

    let count = move || {
        if shown() == 0 {
            view! { <span>{tr!(cards.no_match)}</span> }.into_any()
        } else {
            t!(i18n, cards.shown_count, shown, n = move || total).into_any()
        }
    };
    let group_areas = areas.clone();
    let groups = move || {
        let query = filter.with(CardFilter::link_query);
        let cards = selected.get();
        group_areas
            .iter()
            .filter(|(id, _)| cards.iter().any(|c| c.area_id() == id))
            .map(|(id, name)| {
                let tiles = cards
                    .iter()
                    .filter(|c| c.area_id() == id)
                    .map(|card| view! { <CardTile card=card.clone() query=query.clone() /> })
                    .collect_view();
                let heading = format!("area-{id}");
                let labelled_by = heading.clone();
                view! {
                    <section class="area" aria-labelledby=labelled_by>
                        <h2 id=heading>{name.clone()}</h2>
                        <ul class="card-grid">{tiles}</ul>
                    </section>
                }
            })
            .collect_view()
    };

    view! {
        <Title text=tr!(cards.title) />
        <div class="screen-only">
            <h1>{tr!(cards.heading)}</h1>
            <p class="lead">{cards_help(crate::current_lang()).intro}</p>
            <CardFilterControls areas=areas.clone() filter />
            <p class="card-count" id="card-count" role="status">{count}</p>
            <DrawCard selection filter>
                <button type="button" class="button button--quiet" id="print-cards" on:click=move |_| print_page()
                    disabled=move || shown() == 0>
                    {tr!(cards.print)}
                </button>
            </DrawCard>
            {groups}
            <section class="own-cards-link" aria-labelledby="own-heading">
                <h2 id="own-heading">{tr!(cards.own_heading)}</h2>
                <p>{cards_help(crate::current_lang()).own_cards}</p>
                <p><a class="button" href=crate::at("/my-cards")>{tr!(cards.own_link)}</a></p>
            </section>
            <p class="credit">{tr!(cards.credit)}" "<cite>{source(crate::current_lang()).title}</cite>" ("{source(crate::current_lang()).publisher_short}")."</p>
        </div>
        <PrintSheets guide deck_areas=areas cards=selected />
    }
}

/// One card in the grid: its topic is the link, the whole tile is the target.
#[component]
fn CardTile(card: AnyCard, query: String) -> impl IntoView {
    let own = card.own().is_some();
    let written_in = card.written_in(crate::current_lang());
    view! {
        <li class="card-tile" class:card-tile--own=own>
            <a class="card-tile__link" href=crate::at(&format!("/cards/{}{query}", card.id())) lang=written_in.clone()>{card.topic().to_string()}</a>
            {own.then(|| view! { <p class="badge">{tr!(cards.own_badge)}</p> })}
            <p class="card-tile__example" lang=written_in>{card.example().to_string()}</p>
        </li>
    }
}

/// The credit line printed on a card: the guidance's, adapted from it, or the person's own.
pub fn credit_line(card: &AnyCard) -> String {
    let guide = source(crate::current_lang());
    let (title, short) = (guide.quoted_title(), guide.publisher_short);
    match card.own() {
        None => format!("{} {title} ({short})", tr!(cards.print_credit)),
        Some(own) if own.based_on.is_some() => {
            format!("{} {title} ({short})", tr!(cards.print_credit_adapted))
        }
        Some(_) => tr!(cards.print_credit_own).to_string(),
    }
}

/// The selection as sheets of four cuttable cards, for paper only (hidden on screen).
#[component]
fn PrintSheets(
    guide: &'static Deck,
    deck_areas: Vec<(String, String)>,
    cards: Memo<Vec<AnyCard>>,
) -> impl IntoView {
    let area_name = move |id: &str| {
        deck_areas
            .iter()
            .find(|(a, _)| a == id)
            .map(|(_, n)| n.clone())
            .unwrap_or_default()
    };
    move || {
        cards
            .get()
            .chunks(CARDS_PER_SHEET)
            .map(|sheet| {
                let faces = sheet
                    .iter()
                    .map(|card| {
                        view! {
                            <article class="print-card">
                                <p class="print-card__area">{area_name(card.area_id())}</p>
                                <h2 class="print-card__topic" lang=card.written_in(crate::current_lang())>{card.topic().to_string()}</h2>
                                <CardFace card=card.clone() guide printed=true />
                                <p class="print-card__credit">{credit_line(card)}</p>
                            </article>
                        }
                    })
                    .collect_view();
                view! { <div class="print-sheet">{faces}</div> }
            })
            .collect_view()
    }
}
