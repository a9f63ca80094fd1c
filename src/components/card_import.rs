//! Bringing cards in from a file or a share link: what could not be read, in words, or a
//! preview (new, changed, identical) and an import that stores everything or nothing.

use leptos::prelude::*;

use crate::components::save_error::SaveErrorMessage;
use crate::i18n::{t, use_i18n};
use crate::model::card_exchange::{CardFile, ImportError, Incoming, preview};
use crate::model::custom_cards::{AreaProblem, CardProblem, CustomAreas, MAX_AREAS};
use crate::state::{Synced, load_full_deck, save_all_or_nothing};
use crate::storage::{ItemId, SaveError};

/// Why a theme's name cannot be added, in one sentence (own cards and the card form alike).
pub fn area_problem_words(problem: &AreaProblem) -> &'static str {
    match problem {
        AreaProblem::Empty => tr!(my_cards.area_empty),
        AreaProblem::TooLong { .. } => tr!(my_cards.area_too_long),
        AreaProblem::Exists => tr!(my_cards.area_exists),
        AreaProblem::TooMany { .. } => tr!(my_cards.area_too_many),
    }
}

/// What is wrong with a card, in one sentence (the editor and the import say it alike).
pub fn card_problem_words(problem: &CardProblem) -> &'static str {
    match problem {
        CardProblem::NoTopic => tr!(editor.no_topic),
        CardProblem::NoQuestion => tr!(editor.no_question),
        CardProblem::TooLong { .. } => tr!(editor.too_long),
        CardProblem::TooManyQuestions { .. } => tr!(editor.too_many_questions),
        CardProblem::UnknownArea => tr!(editor.no_area),
        CardProblem::BadId => tr!(editor.bad_id),
    }
}

/// Why a file or link could not be imported, for the person (always ends: nothing changed).
#[component]
pub fn ImportErrorMessage(error: ImportError) -> impl IntoView {
    let i18n = use_i18n();
    let text = match error {
        ImportError::TooLarge { .. } => tr!(exchange.too_large).into_any(),
        ImportError::Unreadable(_) => tr!(exchange.unreadable).into_any(),
        ImportError::NotCards => tr!(exchange.not_cards).into_any(),
        ImportError::NewerVersion { .. } => tr!(exchange.newer).into_any(),
        ImportError::TooManyCards { count, max } => t!(
            i18n,
            exchange.too_many,
            count = move || count,
            max = move || max
        )
        .into_any(),
        ImportError::NoCards => tr!(exchange.no_cards).into_any(),
        ImportError::BadCard { index, problem } => {
            let reason = card_problem_words(&problem);
            t!(i18n, exchange.bad_card, n = move || index, reason).into_any()
        }
        ImportError::BadArea { index } => t!(i18n, exchange.bad_area, n = move || index).into_any(),
        ImportError::Truncated => tr!(exchange.truncated).into_any(),
    };
    view! {
        <p class="message message--error" role="alert" id="import-message">
            {text}" "{tr!(exchange.nothing_changed)}
        </p>
    }
}

/// The cards of `file` compared with those here, and the button that imports them;
/// `on_imported` runs after a successful import.
#[component]
pub fn ImportPreview(
    file: CardFile,
    #[prop(optional)] on_imported: Option<Callback<()>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let deck = load_full_deck();
    let named = deck.areas();
    let named: Vec<(&str, &str)> = named
        .iter()
        .map(|(i, n)| (i.as_str(), n.as_str()))
        .collect();
    let preview = preview(file, &deck.own_cards(), &deck.own_areas, &named);
    let (new, changed, identical) = (
        preview.count(Incoming::New),
        preview.count(Incoming::Changed),
        preview.count(Incoming::Identical),
    );
    let replace = RwSignal::new(false);
    let done = RwSignal::new(None::<usize>);
    let error = RwSignal::new(None::<SaveError>);
    let too_many_areas = RwSignal::new(false);
    let areas = Synced::<CustomAreas>::open();
    let rows = preview
        .cards
        .iter()
        .map(|(card, kind)| {
            let tag = match kind {
                Incoming::New => tr!(exchange.tag_new),
                Incoming::Changed => tr!(exchange.tag_changed),
                Incoming::Identical => tr!(exchange.tag_identical),
            };
            view! { <li><span class="badge">{tag}</span>" "{card.topic.clone()}</li> }
        })
        .collect_view();
    let preview = StoredValue::new(preview);

    let import = move |_| {
        let (cards, new_areas) =
            preview.with_value(|p| (p.to_store(replace.get_untracked()), p.new_areas.clone()));
        let before = areas.value.get_untracked();
        if before.areas.len() + new_areas.len() > MAX_AREAS {
            too_many_areas.set(true);
            return;
        }
        if !new_areas.is_empty() {
            let mut next = before.clone();
            next.areas.extend(new_areas);
            if let Err(e) = areas.save(next) {
                error.set(Some(e));
                return;
            }
        }
        let items: Vec<_> = cards
            .into_iter()
            .filter_map(|c| ItemId::new(&c.id).map(|id| (id, c)))
            .collect();
        match save_all_or_nothing(&items) {
            Ok(()) => {
                error.set(None);
                done.set(Some(items.len()));
                if let Some(callback) = on_imported {
                    callback.run(());
                }
            }
            Err(e) => {
                // No card was stored: the themes added for them go too.
                let _ = areas.save(before);
                error.set(Some(e));
            }
        }
    };
    let to_import = move || new + if replace.get() { changed } else { 0 };

    view! {
        <section class="import-preview" aria-labelledby="preview-heading">
            <h2 id="preview-heading">{tr!(exchange.preview_heading)}</h2>
            <p id="preview-summary">
                {t!(i18n, exchange.preview_summary, new = move || new, changed = move || changed, identical = move || identical)}
            </p>
            <ul class="import-preview__list">{rows}</ul>
            {move || match done.get() {
                Some(n) => view! {
                    <p class="message message--ok" role="status" id="import-message">
                        {t!(i18n, exchange.imported, n = move || n)}" "
                        <a href=crate::at("/cards")>{tr!(exchange.see_deck)}</a>
                    </p>
                }.into_any(),
                None => view! {
                    {(changed > 0).then(|| view! {
                        <label class="choice">
                            <input type="checkbox" id="replace-changed" on:change=move |e| replace.set(event_target_checked(&e)) />
                            {tr!(exchange.replace_changed)}
                        </label>
                    })}
                    <p>
                        <button type="button" class="button" id="import-confirm" on:click=import
                            disabled=move || to_import() == 0>
                            {move || t!(i18n, exchange.import_n, n = to_import)}
                        </button>
                    </p>
                    {move || (to_import() == 0).then(|| view! { <p class="hint">{tr!(exchange.nothing_new)}</p> })}
                }.into_any(),
            }}
            {move || too_many_areas.get().then(|| view! {
                <p class="message message--error" role="alert">{tr!(exchange.too_many_areas)}</p>
            })}
            {move || error.get().map(|error| view! { <SaveErrorMessage error /> })}
        </section>
    }
}
