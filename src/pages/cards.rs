//! The scenario cards of Annex 2: grouped by thematic area, filtered by area and searched, drawn
//! at random, and printed as cuttable cards.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::card_draw::DrawCard;
use crate::components::card_face::CardFace;
use crate::components::card_filter::{CardFilterControls, use_card_filter};
use crate::content::{Area, Card, Deck, Lang, deck, source};
use crate::i18n::{t, use_i18n};
use crate::model::deck::CardFilter;
use crate::web::print_page;

/// Cards per printed A4 sheet (two by two, with cut lines between them).
const CARDS_PER_SHEET: usize = 4;

#[component]
pub fn CardsPage() -> impl IntoView {
    let i18n = use_i18n();
    let deck = deck(Lang::En);
    let filter = use_card_filter();
    let selected = Memo::new(move |_| filter.with(|f| f.select(deck.cards)));
    let selection =
        Signal::derive(move || selected.with(|cards| cards.iter().map(|c| c.id).collect()));
    let shown = move || selected.with(Vec::len);

    let count = move || {
        if shown() == 0 {
            view! { <span>{tr!(cards.no_match)}</span> }.into_any()
        } else {
            t!(i18n, cards.shown_count, shown, n = move || deck.cards.len()).into_any()
        }
    };
    let groups = move || {
        let query = filter.with(CardFilter::link_query);
        let cards = selected.get();
        Area::ALL
            .into_iter()
            .filter(|area| cards.iter().any(|c| c.area == *area))
            .map(|area| {
                let tiles = cards
                    .iter()
                    .filter(|c| c.area == area)
                    .map(|card| view! { <CardTile card query=query.clone() /> })
                    .collect_view();
                let heading = format!("area-{}", area.id());
                let labelled_by = heading.clone();
                view! {
                    <section class="area" aria-labelledby=labelled_by>
                        <h2 id=heading>{deck.area_name(area)}</h2>
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
            <p class="lead">{tr!(cards.intro)}</p>
            <CardFilterControls deck filter />
            <p class="card-count" id="card-count" role="status">{count}</p>
            <DrawCard selection filter>
                <button type="button" class="button button--quiet" id="print-cards" on:click=move |_| print_page()
                    disabled=move || shown() == 0>
                    {tr!(cards.print)}
                </button>
            </DrawCard>
            {groups}
            <p class="credit">{tr!(cards.credit)}" "<cite>{source(Lang::En).title}</cite>" (OSCE)."</p>
        </div>
        <PrintSheets deck cards=selected />
    }
}

/// One card in the grid: its topic is the link, the whole tile is the target.
#[component]
fn CardTile(card: &'static Card, query: String) -> impl IntoView {
    view! {
        <li class="card-tile">
            <a class="card-tile__link" href=format!("/cards/{}{query}", card.id)>{card.topic}</a>
            <p class="card-tile__example">{card.example}</p>
        </li>
    }
}

/// The selection as sheets of four cuttable cards, for paper only (hidden on screen).
#[component]
fn PrintSheets(deck: &'static Deck, cards: Memo<Vec<&'static Card>>) -> impl IntoView {
    let credit = format!(
        "{} “{}” (OSCE)",
        tr!(cards.print_credit),
        source(Lang::En).title
    );
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
                                <p class="print-card__area">{deck.area_name(card.area)}</p>
                                <h2 class="print-card__topic">{card.topic}</h2>
                                <CardFace card deck printed=true />
                                <p class="print-card__credit">{credit.clone()}</p>
                            </article>
                        }
                    })
                    .collect_view();
                view! { <div class="print-sheet">{faces}</div> }
            })
            .collect_view()
    }
}
