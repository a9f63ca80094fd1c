//! The card filter (a thematic area, words to look for) as it lives in the link, and the
//! controls that change it. The link is the one source of truth, so reload, Back and a shared
//! link all show the same cards.

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::model::deck::{CardFilter, FullDeck};

/// The filter the current link asks for (`?area=…&q=…`), among the areas of `deck_areas` (id, name).
pub fn use_card_filter(deck_areas: Vec<(String, String)>) -> Memo<CardFilter> {
    let query = use_query_map();
    Memo::new(move |_| {
        let ids: Vec<&str> = deck_areas.iter().map(|(id, _)| id.as_str()).collect();
        query.with(|q| CardFilter::from_link(q.get_str("area"), q.get_str("q"), &ids))
    })
}

/// The ids of the cards of `deck` the filter selects, in the deck's order.
pub fn use_selected_ids(
    filter: Memo<CardFilter>,
    deck: StoredValue<FullDeck>,
) -> Memo<Vec<String>> {
    Memo::new(move |_| {
        filter.with(|f| {
            deck.with_value(|d| {
                f.select(&d.cards)
                    .iter()
                    .map(|c| c.id().to_string())
                    .collect()
            })
        })
    })
}

/// A search box and one chip per thematic area, changing the link of the page at `path`.
#[component]
pub fn CardFilterControls(
    areas: Vec<(String, String)>,
    filter: Memo<CardFilter>,
    #[prop(default = "/cards")] path: &'static str,
) -> impl IntoView {
    // Shows the deck under a new filter: the link changes in place (no history entry per key).
    let navigate = use_navigate();
    let show = move |next: CardFilter| {
        navigate(
            &format!("{path}{}", next.link_query()),
            NavigateOptions {
                replace: true,
                scroll: false,
                ..Default::default()
            },
        )
    };
    let show_typed = show.clone();
    let on_search = move |event| {
        let mut next = filter.get_untracked();
        next.text = event_target_value(&event);
        show_typed(next);
    };
    let chip = move |id: Option<String>, name: String| {
        let pressed = {
            let id = id.clone();
            move || (filter.with(|f| f.area == id)).to_string()
        };
        let show = show.clone();
        let pick = move |_| {
            let mut next = filter.get_untracked();
            next.area = id.clone();
            show(next);
        };
        view! {
            <li><button type="button" class="chip" aria-pressed=pressed on:click=pick>{name}</button></li>
        }
    };
    view! {
        <div class="card-filter">
            <p class="card-filter__search">
                <label for="card-search">{tr!(cards.search_label)}</label>
                <input id="card-search" type="search" autocomplete="off" maxlength="200"
                    value=filter.get_untracked().text on:input=on_search />
            </p>
            <ul class="chips" aria-label=tr!(cards.areas_label)>
                {chip(None, tr!(cards.all_areas).to_string())}
                {areas.into_iter().map(|(id, name)| chip(Some(id), name)).collect_view()}
            </ul>
        </div>
    }
}
