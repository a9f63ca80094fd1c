//! One scenario card at its own address (`/cards/<id>`, keeping the deck's filter in the link):
//! the card, previous and next within the filter, drawing on, a private note, and — for the
//! guidance's cards — "adapt", for the person's own cards edit and delete.

use crate::components::title::Title;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::components::card_draw::DrawCard;
use crate::components::card_face::CardFace;
use crate::components::card_filter::{use_card_filter, use_selected_ids};
use crate::components::hide_answers::{HideAnswersToggle, answers_hidden};
use crate::components::save_error::SaveErrorMessage;
use crate::components::undoable_delete::{UndoableDelete, undo_offer};
use crate::components::written_field::CardNoteField;
use crate::content::{cards_help, source};
use crate::i18n::{t, use_i18n};
use crate::model::custom_cards::CustomCard;
use crate::model::deck::{AnyCard, CardFilter, FullDeck, Pager, pager};
use crate::state::{SyncedItem, load_full_deck};
use crate::storage::ItemId;
use crate::web::focus_element;

#[component]
pub fn CardPage() -> impl IntoView {
    let deck = load_full_deck();
    let filter = use_card_filter(deck.areas());
    let deck = StoredValue::new(deck);
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    let selection: Signal<Vec<String>> = use_selected_ids(filter, deck).into();
    // Previous, next or a drawn card opens here without leaving the page: tell screen readers
    // (and keyboards) that the card changed by moving focus to its topic.
    Effect::watch(
        move || id.get(),
        |_, _, _| request_animation_frame(|| focus_element("card-topic")),
        false,
    );
    move || match deck.with_value(|d| d.card(&id.get()).cloned()) {
        Some(card) => view! { <CardView card deck filter selection /> }.into_any(),
        None => view! { <MissingCard /> }.into_any(),
    }
}

#[component]
fn CardView(
    card: AnyCard,
    deck: StoredValue<FullDeck>,
    filter: Memo<CardFilter>,
    selection: Signal<Vec<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let query = filter.with_untracked(CardFilter::link_query);
    let id = card.id().to_string();
    let all: Vec<String> =
        deck.with_value(|d| d.cards.iter().map(|c| c.id().to_string()).collect());
    let Pager {
        previous,
        next,
        position,
        total,
    } = pager(&selection.get_untracked(), &all, &id);
    let link = |to: &str, rel: &'static str, label: &'static str| {
        let topic = deck.with_value(|d| {
            d.card(to)
                .map(|c| c.topic().to_string())
                .unwrap_or_default()
        });
        view! {
            <a class=format!("pager__{rel}") rel=rel href=crate::at(&format!("/cards/{to}{query}"))>
                <span class="pager__label">{label}</span>" "{topic}
            </a>
        }
    };
    let (guide, area) = deck.with_value(|d| (d.guide, d.area_name(card.area_id())));
    let note_id = ItemId::new(&id);
    let actions = match card.own() {
        Some(own) => view! { <OwnCardActions card=own.clone() deck /> }.into_any(),
        None => view! {
            <p class="card-actions">
                <a class="button button--quiet" href=crate::at(&format!("/my-cards/new?from={id}"))>{tr!(cards.adapt)}</a>
            </p>
        }
        .into_any(),
    };

    view! {
        <Title text=card.topic().to_string() />
        <p class="back-link"><a href=crate::at(&format!("/cards{query}"))>{tr!(cards.all_cards)}</a></p>
        <article class="card-view" class:card-view--own=card.own().is_some()>
            // The topic first: on a phone it is what the screen opens on; its theme below it.
            <h1 id="card-topic" tabindex="-1" lang=card.written_in(crate::current_lang())>{card.topic().to_string()}</h1>
            <p class="card-view__area">{area}</p>
            {card.own().map(|_| view! { <p class="badge">{tr!(cards.own_badge)}</p> })}
            <CardFace card=card.clone() guide printed=false />
        </article>
        {actions}
        <nav class="pager" aria-label=tr!(cards.pager_label)>
            {previous.map(|to| link(&to, "prev", tr!(cards.previous)))}
            <span class="pager__position">{t!(i18n, cards.position, n = move || position, total = move || total)}</span>
            {next.map(|to| link(&to, "next", tr!(cards.next)))}
        </nav>
        <DrawCard selection filter />
        <section class="card-note" aria-labelledby="note-heading">
            <h2 id="note-heading">{tr!(cards.note_heading)}</h2>
            <p class="hint">{cards_help(crate::current_lang()).note_hint}</p>
            <div class="toolbar"><HideAnswersToggle /></div>
            <div class="answers" class:answers-hidden=answers_hidden()>
                {note_id.map(|card| view! { <CardNoteField card label=tr!(cards.note_label) /> })}
            </div>
        </section>
        <p class="credit">{tr!(cards.credit)}" "<cite>{source(crate::current_lang()).title}</cite>" ("{source(crate::current_lang()).publisher_short}")."</p>
    }
}

/// For a card the person wrote: where it came from, edit, and delete with undo.
#[component]
fn OwnCardActions(card: CustomCard, deck: StoredValue<FullDeck>) -> impl IntoView {
    let Some(id) = ItemId::new(&card.id) else {
        return ().into_any();
    };
    let deletion = UndoableDelete::new(SyncedItem::<CustomCard>::open(id));
    let based_on = card.based_on.as_deref().and_then(|b| {
        deck.with_value(|d| d.card(b).map(|c| (b.to_string(), c.topic().to_string())))
    });
    let edit = crate::at(&format!("/my-cards/{}", card.id));
    view! {
        {based_on.map(|(b, topic)| view! {
            <p class="hint">{tr!(cards.adapted_from)}" "<a href=crate::at(&format!("/cards/{b}"))>{topic}</a></p>
        })}
        {move || match deletion.deleted.with(Option::is_some) {
            true => undo_offer(tr!(cards.deleted), "undo-card".into(), move || deletion.undo(|card| card, "delete-card")).into_any(),
            false => view! {
                <p class="card-actions">
                    <a class="button button--quiet" href=edit.clone()>{tr!(cards.edit)}</a>
                    <button type="button" class="button button--quiet" id="delete-card" on:click=move |_| deletion.delete("undo-card")>{tr!(cards.delete)}</button>
                </p>
            }.into_any(),
        }}
        {move || deletion.error.get().map(|error| view! { <SaveErrorMessage error /> })}
    }
    .into_any()
}

/// A link to a card that does not exist (mistyped, or a card since removed).
#[component]
fn MissingCard() -> impl IntoView {
    view! {
        <Title text=tr!(cards.missing_title) />
        <h1 id="card-topic" tabindex="-1">{tr!(cards.missing_title)}</h1>
        <p>{cards_help(crate::current_lang()).missing}</p>
        <p><a href=crate::at("/cards")>{tr!(cards.all_cards)}</a></p>
    }
}
