//! The card filter (a thematic area, words to look for) as it lives in the link, and the
//! controls that change it. The link is the one source of truth, so reload, Back and a shared
//! link all show the same cards.

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::content::{Area, Deck};
use crate::model::deck::CardFilter;

fn area_ids() -> Vec<&'static str> {
    Area::ALL.iter().map(|a| a.id()).collect()
}

/// The filter the current link asks for (`?area=…&q=…`).
pub fn use_card_filter() -> Memo<CardFilter> {
    let query = use_query_map();
    Memo::new(move |_| {
        query.with(|q| CardFilter::from_link(q.get_str("area"), q.get_str("q"), &area_ids()))
    })
}

/// A search box and one chip per thematic area.
#[component]
pub fn CardFilterControls(deck: &'static Deck, filter: Memo<CardFilter>) -> impl IntoView {
    // Shows the deck under a new filter: the link changes in place (no history entry per key).
    let navigate = use_navigate();
    let show = move |next: CardFilter| {
        navigate(
            &format!("/cards{}", next.link_query()),
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
    let chip = move |area: Option<Area>, name: &'static str| {
        let id = area.map(Area::id);
        let pressed = move || (filter.with(|f| f.area.as_deref() == id)).to_string();
        let show = show.clone();
        let pick = move |_| {
            let mut next = filter.get_untracked();
            next.area = id.map(str::to_string);
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
                {chip(None, tr!(cards.all_areas))}
                {Area::ALL.into_iter().map(|a| chip(Some(a), deck.area_name(a))).collect_view()}
            </ul>
        </div>
    }
}
