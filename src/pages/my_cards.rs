//! The person's own cards: the list, their own themes, and sharing without a server — files
//! (JSON, CSV for spreadsheets), a share link, and bringing cards in from a file.

use crate::components::title::Title;
use leptos::prelude::*;

use crate::content::cards_help;
use wasm_bindgen::JsCast;

use crate::components::card_import::{ImportErrorMessage, ImportPreview, area_problem_words};
use crate::components::save_error::SaveErrorMessage;
use crate::i18n::{t, use_i18n};
use crate::model::card_exchange::{
    CardFile, ImportError, MAX_IMPORT_BYTES, card_file, read_card_file, to_csv, to_json,
    to_link_fragment,
};
use crate::model::custom_cards::{AreaProblem, CustomAreas, CustomCard, new_area_id};
use crate::model::deck::FullDeck;
use crate::state::{Synced, load_full_deck};
use crate::storage::SaveError;
use crate::web::{
    copy_text, download, location_origin, now_ms, random_u32, read_file_text, today_iso,
};

#[component]
pub fn MyCardsPage() -> impl IntoView {
    let deck = RwSignal::new(load_full_deck());
    let areas = Synced::<CustomAreas>::open();
    // Reloads after an import or a theme change. Those run in event handlers, outside the
    // component, so loading (which reports unreadable cards through context) runs in its owner.
    let owner = Owner::current();
    let reload = Callback::new(move |()| {
        if let Some(fresh) = owner.as_ref().map(|o| o.with(load_full_deck)) {
            deck.set(fresh);
        }
        // An import may have added themes: their list and revision are read again.
        areas.reload();
    });
    let ticked = RwSignal::new(Vec::<String>::new());
    let own = Memo::new(move |_| deck.with(FullDeck::own_cards));

    view! {
        <Title text=tr!(my_cards.title) />
        <h1>{tr!(my_cards.heading)}</h1>
        <p class="lead">{cards_help(crate::current_lang()).own_intro}</p>
        <p><a class="button" href=crate::at("/my-cards/new") id="new-card">{tr!(my_cards.new_card)}</a></p>
        <OwnCardList deck own ticked />
        <ShareCards deck own ticked />
        <ImportCards deck on_imported=reload />
        <OwnAreas deck areas own on_change=reload />
    }
}

#[component]
fn OwnCardList(
    deck: RwSignal<FullDeck>,
    own: Memo<Vec<CustomCard>>,
    ticked: RwSignal<Vec<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let rows = move || {
        own.get()
            .into_iter()
            .map(|card| {
                let id = card.id.clone();
                let box_id = format!("tick-{id}");
                let on_tick = {
                    let id = id.clone();
                    move |e| {
                        let on = event_target_checked(&e);
                        ticked.update(|t| {
                            t.retain(|x| *x != id);
                            if on {
                                t.push(id.clone());
                            }
                        });
                    }
                };
                let area = deck.with(|d| d.area_name(&card.area));
                view! {
                    <li class="own-card">
                        <input type="checkbox" id=box_id.clone() on:change=on_tick
                            prop:checked={let id = id.clone(); move || ticked.with(|t| t.contains(&id))} />
                        <label for=box_id class="visually-hidden">{t!(i18n, my_cards.tick, topic = {let t = card.topic.clone(); move || t.clone()})}</label>
                        <span class="own-card__text">
                            <a href=crate::at(&format!("/cards/{id}"))>{card.topic.clone()}</a>
                            <span class="own-card__area">{area}</span>
                        </span>
                        <a class="button button--quiet" href=crate::at(&format!("/my-cards/{id}"))>{tr!(cards.edit)}</a>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section aria-labelledby="own-list-heading">
            <h2 id="own-list-heading">{move || t!(i18n, my_cards.list_heading, n = move || own.with(Vec::len))}</h2>
            {move || own.with(Vec::is_empty).then(|| view! { <p class="hint">{cards_help(crate::current_lang()).own_empty}</p> })}
            <ul class="own-cards">{rows}</ul>
        </section>
    }
}

/// Files and a link for the ticked cards (or all, when none is ticked).
#[component]
fn ShareCards(
    deck: RwSignal<FullDeck>,
    own: Memo<Vec<CustomCard>>,
    ticked: RwSignal<Vec<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let chosen = move || {
        let all = own.get();
        let t = ticked.get();
        if t.is_empty() {
            all
        } else {
            all.into_iter().filter(|c| t.contains(&c.id)).collect()
        }
    };
    let file = move || deck.with(|d| card_file(&d.own_areas.areas, &chosen()));
    let link = RwSignal::new(None::<Result<String, usize>>);
    let failed = RwSignal::new(false);
    let save_as = move |kind: &'static str| {
        let file: CardFile = file();
        let ok = if kind == "csv" {
            let text = deck.with(|d| to_csv(&file, |id| d.area_name(id)));
            download(
                &text,
                "text/csv;charset=utf-8",
                &format!("think-plan-act-cards-{}.csv", today_iso()),
            )
        } else {
            download(
                &to_json(&file),
                "application/json;charset=utf-8",
                &format!("think-plan-act-cards-{}.json", today_iso()),
            )
        };
        failed.set(!ok);
    };
    let make_link = move |_| {
        link.set(Some(match to_link_fragment(&file()) {
            Ok(fragment) => Ok(format!("{}/shared#{fragment}", location_origin())),
            Err(too_large) => Err(too_large.chars),
        }));
    };
    let none = move || own.with(Vec::is_empty);
    view! {
        // Nothing to share yet: the section waits for the first card.
        <section aria-labelledby="share-heading" hidden=none>
            <h2 id="share-heading">{tr!(my_cards.share_heading)}</h2>
            <p id="share-scope">{move || {
                let n = chosen().len();
                if ticked.with(Vec::is_empty) {
                    t!(i18n, my_cards.share_all, n = move || n).into_any()
                } else {
                    t!(i18n, my_cards.share_ticked, n = move || n).into_any()
                }
            }}</p>
            <p class="draw__buttons">
                <button type="button" class="button" id="export-json" disabled=none on:click=move |_| save_as("json")>{tr!(my_cards.export_json)}</button>
                <button type="button" class="button button--quiet" id="export-csv" disabled=none on:click=move |_| save_as("csv")>{tr!(my_cards.export_csv)}</button>
                <button type="button" class="button button--quiet" id="make-link" disabled=none on:click=make_link>{tr!(my_cards.make_link)}</button>
            </p>
            <p class="hint">{cards_help(crate::current_lang()).share_hint}</p>
            {move || failed.get().then(|| view! { <p class="message message--error" role="alert">{tr!(my_cards.download_failed)}</p> })}
            {move || link.get().map(|result| match result {
                Ok(url) => view! {
                    <p class="share-link">
                        <label for="share-link">{tr!(my_cards.link_label)}</label>
                        <input id="share-link" type="text" readonly value=url.clone() />
                        <button type="button" class="button button--quiet" on:click=move |_| copy_text(&url)>{tr!(my_cards.copy)}</button>
                    </p>
                    <p class="hint">{cards_help(crate::current_lang()).link_private}</p>
                }.into_any(),
                Err(chars) => view! {
                    <p class="message message--error" role="alert" id="link-too-large">
                        {t!(i18n, my_cards.link_too_large, chars = move || chars)}
                    </p>
                }.into_any(),
            })}
        </section>
    }
}

/// A file picked from the device: read, checked, previewed, then imported on request.
#[component]
fn ImportCards(deck: RwSignal<FullDeck>, on_imported: Callback<()>) -> impl IntoView {
    let outcome = RwSignal::new(None::<Result<CardFile, ImportError>>);
    let on_pick = move |e: leptos::ev::Event| {
        let Some(file) = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .and_then(|input| input.files())
            .and_then(|files| files.get(0))
        else {
            return;
        };
        // Refused before reading: a 20 MB photo is never loaded into memory.
        let size = file.size() as usize;
        if size > MAX_IMPORT_BYTES {
            outcome.set(Some(Err(ImportError::TooLarge {
                bytes: size,
                max: MAX_IMPORT_BYTES,
            })));
            return;
        }
        let name = file.name();
        let areas = deck.with_untracked(FullDeck::areas_for_import);
        leptos::task::spawn_local(async move {
            let result = match read_file_text(file).await {
                None => Err(ImportError::Unreadable(String::new())),
                Some(text) => {
                    read_card_file(&name, &text, &areas, now_ms(), crate::current_lang().code())
                }
            };
            outcome.set(Some(result));
        });
    };
    view! {
        <section aria-labelledby="import-heading">
            <h2 id="import-heading">{tr!(my_cards.import_heading)}</h2>
            <p>{cards_help(crate::current_lang()).import_text}</p>
            <p class="card-filter__search">
                <label for="import-file">{tr!(my_cards.import_label)}</label>
                <input id="import-file" type="file" accept=".json,.csv,application/json,text/csv" on:change=on_pick />
            </p>
            {move || outcome.get().map(|result| match result {
                Ok(file) => view! { <ImportPreview file on_imported /> }.into_any(),
                Err(error) => view! { <ImportErrorMessage error /> }.into_any(),
            })}
        </section>
    }
}

/// The person's own themes: add one, remove one no card uses.
#[component]
fn OwnAreas(
    deck: RwSignal<FullDeck>,
    areas: Synced<CustomAreas>,
    own: Memo<Vec<CustomCard>>,
    on_change: Callback<()>,
) -> impl IntoView {
    let name = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<AreaProblem>);
    let in_use = RwSignal::new(false);
    let error = RwSignal::new(None::<SaveError>);
    let add = move |e: leptos::ev::SubmitEvent| {
        e.prevent_default();
        let mut next = areas.value.get_untracked();
        let taken: Vec<String> =
            deck.with_untracked(|d| d.areas().into_iter().take(5).map(|(_, n)| n).collect());
        let taken: Vec<&str> = taken.iter().map(String::as_str).collect();
        match next.add(
            &name.get_untracked(),
            new_area_id(now_ms(), random_u32()),
            &taken,
        ) {
            Ok(_) => match areas.save(next) {
                Ok(()) => {
                    name.set(String::new());
                    problem.set(None);
                    error.set(None);
                    on_change.run(());
                }
                Err(e) => error.set(Some(e)),
            },
            Err(p) => problem.set(Some(p)),
        }
    };
    let remove = move |id: String| {
        let mut next = areas.value.get_untracked();
        if !next.remove(&id, &own.get_untracked()) {
            in_use.set(true);
            return;
        }
        in_use.set(false);
        match areas.save(next) {
            Ok(()) => on_change.run(()),
            Err(e) => error.set(Some(e)),
        }
    };
    let list = move || {
        areas.value.get().areas.into_iter().map(|a| {
            let id = a.id.clone();
            view! {
                <li>
                    {a.name.clone()}" "
                    <button type="button" class="link-button" on:click=move |_| remove(id.clone())>{tr!(my_cards.remove_area)}</button>
                </li>
            }
        }).collect_view()
    };
    let problem_words = move || problem.get().map(|p| area_problem_words(&p));
    view! {
        <section aria-labelledby="areas-heading">
            <h2 id="areas-heading">{tr!(my_cards.areas_heading)}</h2>
            <p>{cards_help(crate::current_lang()).areas_text}</p>
            <ul class="own-areas">{list}</ul>
            {move || in_use.get().then(|| view! { <p class="message message--error" role="alert">{cards_help(crate::current_lang()).area_in_use}</p> })}
            <form class="inline-form" on:submit=add>
                <label for="new-area">{tr!(my_cards.new_area)}</label>
                <input id="new-area" type="text" maxlength="100" prop:value=move || name.get()
                    aria-invalid=move || problem.get().is_some().to_string()
                    on:input=move |e| name.set(event_target_value(&e)) />
                <button type="submit" class="button button--quiet">{tr!(my_cards.add_area)}</button>
            </form>
            {move || problem_words().map(|w| view! { <p class="message message--error" role="alert">{w}</p> })}
            {move || error.get().map(|error| view! { <SaveErrorMessage error /> })}
        </section>
    }
}
