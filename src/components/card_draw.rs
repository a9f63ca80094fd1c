//! "Draw a card": a random card from the current selection, no repeats until every card of it
//! has come up, then an offer to reshuffle. The pile lives for the visit (until the tab closes),
//! shared by the deck and the card pages.

use std::cell::RefCell;

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use rand::SeedableRng;
use rand::rngs::SmallRng;

use crate::i18n::{t, use_i18n};
use crate::model::deck::CardFilter;
use crate::model::draw::{DrawPile, Drawn};
use crate::web::now_ms;

thread_local! {
    static PILE: RefCell<(DrawPile, SmallRng)> = RefCell::new((DrawPile::default(), new_rng()));
}

/// Seeded from the browser's crypto random source; the clock only if that is missing (the
/// draw needs to feel random, not to be secret).
fn new_rng() -> SmallRng {
    SmallRng::try_from_rng(&mut rand::rngs::SysRng)
        .unwrap_or_else(|_| SmallRng::seed_from_u64(now_ms()))
}

fn as_strs(ids: &[String]) -> Vec<&str> {
    ids.iter().map(String::as_str).collect()
}

/// What the last press of the button led to, when it did not open a card.
#[derive(Clone, Copy, PartialEq)]
enum Outcome {
    None,
    AllSeen,
    Nothing,
    Reshuffled,
}

/// The draw button with its count, for the cards `selection` of `filter`; `children` are more
/// buttons for the same row.
#[component]
pub fn DrawCard(
    selection: Signal<Vec<String>>,
    filter: Memo<CardFilter>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    // Bumped after every draw or reshuffle, so the count (read from the pile) follows.
    let changed = RwSignal::new(0u32);
    let outcome = RwSignal::new(Outcome::None);
    let seen = move || {
        changed.track();
        selection.with(|ids| PILE.with_borrow(|(pile, _)| pile.seen_in(&as_strs(ids))))
    };
    let total = move || selection.with(Vec::len);

    let draw = move |_| {
        let drawn = selection.with_untracked(|ids| {
            PILE.with_borrow_mut(|(pile, rng)| match pile.draw(&as_strs(ids), rng) {
                Drawn::Card(id) => Drawn::Card(id.to_string()),
                Drawn::AllSeen => Drawn::AllSeen,
                Drawn::Nothing => Drawn::Nothing,
            })
        });
        changed.update(|n| *n += 1);
        match drawn {
            Drawn::Card(id) => {
                outcome.set(Outcome::None);
                let query = filter.with_untracked(CardFilter::link_query);
                navigate(&format!("/cards/{id}{query}"), Default::default());
            }
            Drawn::AllSeen => outcome.set(Outcome::AllSeen),
            Drawn::Nothing => outcome.set(Outcome::Nothing),
        }
    };
    let reshuffle = move |_| {
        selection
            .with_untracked(|ids| PILE.with_borrow_mut(|(pile, _)| pile.reshuffle(&as_strs(ids))));
        changed.update(|n| *n += 1);
        outcome.set(Outcome::Reshuffled);
    };

    view! {
        <div class="draw">
            <p class="draw__buttons">
                <button type="button" class="button" id="draw-card" on:click=draw>{tr!(cards.draw)}</button>
                <button type="button" class="button button--quiet" id="reshuffle" on:click=reshuffle
                    hidden=move || seen() == 0>{tr!(cards.reshuffle)}</button>
                {children.map(|c| c())}
            </p>
            <p class="draw__count" role="status">
                {move || match outcome.get() {
                    Outcome::AllSeen => t!(i18n, cards.all_seen, n = total).into_any(),
                    Outcome::Nothing => tr!(cards.nothing_to_draw).into_any(),
                    Outcome::Reshuffled => t!(i18n, cards.reshuffled, n = total).into_any(),
                    Outcome::None if seen() == 0 => ().into_any(),
                    Outcome::None => t!(i18n, cards.seen_count, seen, n = total).into_any(),
                }}
            </p>
        </div>
    }
}
