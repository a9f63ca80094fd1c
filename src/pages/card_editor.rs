//! Writing a card, adapting one (`/my-cards/new?from=<card>`) or editing one's own
//! (`/my-cards/<id>`). Saved on request, after a check that names what is missing.

use crate::components::title::Title;
use leptos::prelude::*;

use crate::content::cards_help;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};

use crate::components::card_import::{area_problem_words, card_problem_words};
use crate::components::save_error::SaveErrorMessage;
use crate::model::custom_cards::{
    AreaProblem, CardProblem, CustomAreas, CustomCard, MAX_EXAMPLE_CHARS, MAX_NOTE_CHARS,
    MAX_TOPIC_CHARS, is_card_id, new_area_id, new_card_id, questions_from_lines,
};
use crate::model::deck::FullDeck;
use crate::state::{Synced, SyncedItem, load_full_deck};
use crate::storage::{ItemId, SaveError};
use crate::web::{focus_element, now_ms, random_u32};

#[component]
pub fn CardEditorPage() -> impl IntoView {
    let id = use_params_map().with_untracked(|p| p.get("id").unwrap_or_default());
    let from = use_query_map().with_untracked(|q| q.get("from"));
    let deck = load_full_deck();
    let start = if id == "new" {
        Some(draft_from(&deck, from.as_deref()))
    } else {
        deck.card(&id).and_then(|c| c.own().cloned())
    };
    match start {
        Some(card) => {
            let heading = if id != "new" {
                tr!(editor.heading_edit)
            } else if card.based_on.is_some() {
                tr!(editor.heading_adapt)
            } else {
                tr!(editor.heading_new)
            };
            view! {
                <Title text=heading />
                <h1>{heading}</h1>
                <CardForm card deck=StoredValue::new(deck) is_new=id == "new" />
            }
            .into_any()
        }
        None => view! {
            <Title text=tr!(cards.missing_title) />
            <h1>{tr!(cards.missing_title)}</h1>
            <p>{cards_help(crate::current_lang()).missing}</p>
            <p><a href=crate::at("/my-cards")>{tr!(my_cards.heading)}</a></p>
        }
        .into_any(),
    }
}

/// A new card: empty, or a copy of the card `from` to adapt (its id and date are new).
fn draft_from(deck: &FullDeck, from: Option<&str>) -> CustomCard {
    let mut card = CustomCard {
        id: new_card_id(now_ms(), random_u32()),
        area: "family".into(),
        lang: crate::current_lang().code().into(),
        ..Default::default()
    };
    if let Some(source) = from.and_then(|f| deck.card(f)) {
        card.area = source.area_id().to_string();
        card.topic = source.topic().to_string();
        card.example = source.example().to_string();
        card.questions = source.questions().into_iter().map(String::from).collect();
        card.content_note = source.content_note().unwrap_or_default().to_string();
        // An adapted copy of an adapted card still credits the guidance card behind both.
        card.based_on = match source.own() {
            Some(own) => own.based_on.clone(),
            None => Some(source.id().to_string()),
        };
    }
    card
}

#[component]
fn CardForm(card: CustomCard, deck: StoredValue<FullDeck>, is_new: bool) -> impl IntoView {
    let navigate = use_navigate();
    let area = RwSignal::new(card.area.clone());
    let topic = RwSignal::new(card.topic.clone());
    let example = RwSignal::new(card.example.clone());
    let questions = RwSignal::new(card.questions.join("\n"));
    let note = RwSignal::new(card.content_note.clone());
    let problem = RwSignal::new(None::<CardProblem>);
    let error = RwSignal::new(None::<SaveError>);
    // Opened here: the save handler runs outside the component, where context is not found.
    let item = ItemId::new(&card.id)
        .filter(|_| is_card_id(&card.id))
        .map(SyncedItem::<CustomCard>::open);
    let base = StoredValue::new(card);
    let areas = RwSignal::new(deck.with_value(FullDeck::areas));
    // A new theme is made here, inside the form, so nothing typed above or below is lost.
    let on_new_area = Callback::new(move |own: CustomAreas| {
        deck.update_value(|d| d.own_areas = own);
        areas.set(deck.with_value(FullDeck::areas));
    });

    let save = move |e: leptos::ev::SubmitEvent| {
        e.prevent_default();
        let mut next = base.get_value();
        next.area = area.get_untracked();
        next.topic = topic.get_untracked().trim().to_string();
        next.example = example.get_untracked().trim().to_string();
        next.questions = questions_from_lines(&questions.get_untracked());
        next.content_note = note.get_untracked().trim().to_string();
        next.updated_at = now_ms();
        let ids: Vec<String> =
            deck.with_value(|d| d.areas().into_iter().map(|(id, _)| id).collect());
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        if let Err(p) = next.check(&ids) {
            let field = match p {
                CardProblem::NoTopic => "card-topic-input",
                CardProblem::TooLong {
                    field: "example", ..
                } => "card-example",
                CardProblem::TooLong {
                    field: "content_note",
                    ..
                } => "card-note",
                CardProblem::TooLong { field: "topic", .. } => "card-topic-input",
                _ => "card-questions",
            };
            problem.set(Some(p));
            request_animation_frame(move || focus_element(field));
            return;
        }
        problem.set(None);
        let Some(item) = item else {
            problem.set(Some(CardProblem::BadId));
            return;
        };
        match item.save(next.clone()) {
            Ok(()) => navigate(&format!("/cards/{}", next.id), Default::default()),
            Err(e) => error.set(Some(e)),
        }
    };
    let problem_words = move || problem.get().map(|p| card_problem_words(&p));
    let invalid = move |which: &'static str| {
        move || {
            let bad = match problem.get() {
                Some(CardProblem::NoTopic) => which == "topic",
                Some(CardProblem::NoQuestion | CardProblem::TooManyQuestions { .. }) => {
                    which == "questions"
                }
                Some(CardProblem::TooLong { field, .. }) => field == which,
                _ => false,
            };
            bad.to_string()
        }
    };
    let cancel = if is_new {
        crate::at("/my-cards")
    } else {
        crate::at(&format!("/cards/{}", base.with_value(|c| c.id.clone())))
    };
    view! {
        <form class="form card-form" on:submit=save novalidate>
            <label for="card-area">{tr!(editor.area)}</label>
            <select id="card-area" on:change=move |e| area.set(event_target_value(&e))>
                {move || areas.get().into_iter().map(|(id, name)| {
                    let selected = {
                        let id = id.clone();
                        move || area.get() == id
                    };
                    view! { <option value=id prop:selected=selected>{name}</option> }
                }).collect_view()}
            </select>
            <NewAreaField deck area on_added=on_new_area />

            <label for="card-topic-input">{tr!(editor.topic)}</label>
            <input id="card-topic-input" type="text" maxlength=MAX_TOPIC_CHARS aria-invalid=invalid("topic")
                prop:value=move || topic.get() on:input=move |e| topic.set(event_target_value(&e)) />

            <label for="card-example">{tr!(editor.example)}</label>
            <p class="hint" id="example-hint">{cards_help(crate::current_lang()).example_hint}</p>
            <textarea id="card-example" rows="4" maxlength=MAX_EXAMPLE_CHARS aria-describedby="example-hint" aria-invalid=invalid("example")
                prop:value=move || example.get() on:input=move |e| example.set(event_target_value(&e))></textarea>

            <label for="card-questions">{tr!(editor.questions)}</label>
            <p class="hint" id="questions-hint">{tr!(editor.questions_hint)}</p>
            <textarea id="card-questions" rows="5" aria-describedby="questions-hint" aria-invalid=invalid("questions")
                prop:value=move || questions.get() on:input=move |e| questions.set(event_target_value(&e))></textarea>

            <label for="card-note">{tr!(editor.note)}</label>
            <p class="hint" id="note-hint">{cards_help(crate::current_lang()).content_note_hint}</p>
            <textarea id="card-note" rows="2" maxlength=MAX_NOTE_CHARS aria-describedby="note-hint" aria-invalid=invalid("content_note")
                prop:value=move || note.get() on:input=move |e| note.set(event_target_value(&e))></textarea>

            {move || problem_words().map(|w| view! { <p class="message message--error" role="alert" id="card-problem">{w}</p> })}
            {move || error.get().map(|error| view! { <SaveErrorMessage error /> })}
            <p class="draw__buttons">
                <button type="submit" class="button" id="save-card">{tr!(editor.save)}</button>
                <a class="button button--quiet" href=cancel>{tr!(editor.cancel)}</a>
            </p>
        </form>
    }
}

/// "Add a theme of your own", unfolded inside the card form: a name, then the theme is stored
/// and chosen for this card. Not a form of its own (forms cannot nest): Enter in the name adds
/// the theme instead of saving the card.
#[component]
fn NewAreaField(
    deck: StoredValue<FullDeck>,
    area: RwSignal<String>,
    on_added: Callback<CustomAreas>,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let name = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<AreaProblem>);
    let error = RwSignal::new(None::<SaveError>);
    let stored = Synced::<CustomAreas>::open();
    let add = move || {
        // Read again: a theme may have been added in another tab meanwhile.
        stored.reload();
        let mut next = stored.value.get_untracked();
        let taken: Vec<String> = deck.with_value(|d| {
            d.areas()
                .into_iter()
                .take(crate::content::Area::ALL.len())
                .map(|(_, n)| n)
                .collect()
        });
        let taken: Vec<&str> = taken.iter().map(String::as_str).collect();
        match next.add(
            &name.get_untracked(),
            new_area_id(now_ms(), random_u32()),
            &taken,
        ) {
            Ok(id) => match stored.save(next.clone()) {
                Ok(()) => {
                    on_added.run(next);
                    area.set(id);
                    name.set(String::new());
                    problem.set(None);
                    error.set(None);
                    open.set(false);
                    request_animation_frame(|| focus_element("card-area"));
                }
                Err(e) => error.set(Some(e)),
            },
            Err(p) => {
                problem.set(Some(p));
                request_animation_frame(|| focus_element("new-area"));
            }
        }
    };
    let problem_words = move || problem.get().map(|p| area_problem_words(&p));
    view! {
        <p class="hint">
            <button type="button" class="link-button" id="new-area-toggle" aria-controls="new-area-box"
                aria-expanded=move || open.get().to_string()
                on:click=move |_| {
                    let now = !open.get_untracked();
                    open.set(now);
                    if now {
                        request_animation_frame(|| focus_element("new-area"));
                    }
                }>
                {tr!(editor.area_hint)}
            </button>
        </p>
        <div id="new-area-box" class="new-area" hidden=move || !open.get()>
            <label for="new-area">{tr!(my_cards.new_area)}</label>
            <input id="new-area" type="text" maxlength="100" prop:value=move || name.get()
                aria-invalid=move || problem.get().is_some().to_string()
                on:input=move |e| name.set(event_target_value(&e))
                on:keydown=move |e| {
                    if e.key() == "Enter" {
                        e.prevent_default();
                        add();
                    }
                } />
            <button type="button" class="button button--quiet" id="add-area" on:click=move |_| add()>
                {tr!(my_cards.add_area)}
            </button>
            {move || problem_words().map(|w| view! { <p class="message message--error" role="alert" id="new-area-problem">{w}</p> })}
            {move || error.get().map(|error| view! { <SaveErrorMessage error id="new-area-error" /> })}
        </div>
    }
}
