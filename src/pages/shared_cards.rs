//! Cards that arrived in a share link (`/shared#cards=…`). The cards travel in the part of the
//! address after `#`, which the browser never sends to a server: reading them needs no network.

use crate::components::title::Title;
use leptos::prelude::*;

use crate::content::cards_help;

use crate::components::card_import::{ImportErrorMessage, ImportPreview};
use crate::model::card_exchange::from_link_fragment;
use crate::state::load_full_deck;
use crate::web::location_hash;

#[component]
pub fn SharedCardsPage() -> impl IntoView {
    let hash = location_hash();
    let deck = load_full_deck();
    let areas = deck.areas();
    let ids: Vec<&str> = areas.iter().map(|(id, _)| id.as_str()).collect();
    let body = if hash.len() <= 1 {
        view! { <p class="message" role="status">{cards_help(crate::current_lang()).shared_empty}</p> }
            .into_any()
    } else {
        match from_link_fragment(&hash, &ids) {
            Ok(file) => {
                let cards = file
                    .cards
                    .iter()
                    .map(|c| {
                        let area = deck.area_name(&c.area);
                        let area = if area.is_empty() {
                            file.areas
                                .iter()
                                .find(|a| a.id == c.area)
                                .map(|a| a.name.clone())
                                .unwrap_or_default()
                        } else {
                            area
                        };
                        view! {
                            <article class="shared-card">
                                <p class="card-view__area">{area}</p>
                                <h2>{c.topic.clone()}</h2>
                                <p>{c.example.clone()}</p>
                                <ul>{c.questions.iter().map(|q| view! { <li>{q.clone()}</li> }).collect_view()}</ul>
                            </article>
                        }
                    })
                    .collect_view();
                view! {
                    <div class="shared-cards">{cards}</div>
                    <ImportPreview file />
                }
                .into_any()
            }
            Err(error) => view! { <ImportErrorMessage error /> }.into_any(),
        }
    };
    view! {
        <Title text=tr!(shared.title) />
        <h1>{tr!(shared.heading)}</h1>
        <p class="lead">{cards_help(crate::current_lang()).shared_intro}</p>
        {body}
    }
}
