//! A labelled text area that saves itself as the person types: a THINK answer or a card note.

use leptos::prelude::*;

use crate::components::autosaver::Autosaver;
use crate::components::save_error::SaveErrorMessage;
use crate::i18n::{t, use_i18n};
use crate::model::answer::{Answer, CardNote, Written, answer_id};
use crate::model::text::{MAX_TEXT_CHARS, TextError, check_text};
use crate::state::SyncedItem;
use crate::storage::{ItemId, StoredItem};
use crate::web::now_ms;

/// The answer to `question` in `round` (the field's id is `answer-<round>-<question>`).
#[component]
pub fn AnswerField(round: u32, question: &'static str, label: &'static str) -> impl IntoView {
    let field_id = format!("answer-{round}-{question}");
    ItemId::new(&answer_id(round, question))
        .map(|id| written_field::<Answer>(id, field_id, label.to_string(), 5))
}

/// A person's private note on the card `card` (the field's id is `note-<card>`).
#[component]
pub fn CardNoteField(card: ItemId, #[prop(into)] label: String) -> impl IntoView {
    let field_id = format!("note-{}", card.as_str());
    written_field::<CardNote>(card, field_id, label, 4)
}

/// The stored text `id` of type `T` in a text area. An emptied text is deleted rather than
/// stored empty; text over the limit stays on screen with a message and is not saved (never cut).
fn written_field<T>(id: ItemId, field_id: String, label: String, rows: u8) -> impl IntoView
where
    T: StoredItem + Written + Send + Sync + 'static,
{
    let i18n = use_i18n();
    let item = SyncedItem::<T>::open(id);
    let draft = RwSignal::new(item.value.with_untracked(|v| v.text().to_string()));
    let too_long = RwSignal::new(None::<usize>);

    let saver = Autosaver::new(move || {
        let text = draft.get_untracked();
        if check_text(&text).is_err() {
            // Over the limit: stays on screen with its message, the stored answer is unchanged.
            return Ok(());
        }
        if text.is_empty() {
            item.remove().map_err(Into::into)
        } else {
            item.save(T::written(text, now_ms()))
        }
    });

    // Another tab changed this answer: show its text, unless something typed here is unsaved
    // (then the next save here meets the conflict rules in `SyncedItem::save`).
    let key = item.storage_key();
    crate::web::listen_while_alive(leptos::ev::storage, move |event| {
        if event.key().as_deref() == Some(key.as_str()) && !saver.has_unsaved() {
            item.reload();
            draft.set(item.value.with_untracked(|v| v.text().to_string()));
        }
    });

    let on_input = move |event| {
        let text = event_target_value(&event);
        let check = check_text(&text);
        draft.set(text);
        match check {
            Ok(()) => {
                too_long.set(None);
                saver.edited();
            }
            Err(TextError::TooLong { chars, .. }) => too_long.set(Some(chars)),
        }
    };

    let status_id = format!("{field_id}-status");
    // Over the limit, the alert below speaks instead.
    let status = move || match too_long.get() {
        Some(_) => "",
        None => saver.status_words(),
    };
    view! {
        <div class="answer">
            <label class="answer__label" for=field_id.clone()>{label}</label>
            <textarea
                id=field_id
                class="answer-text"
                // Saved by itself: the language switcher need not warn about it.
                data-autosaved=""
                rows=rows
                aria-describedby=status_id.clone()
                prop:value=move || draft.get()
                on:input=on_input
                on:blur=move |_| saver.flush()
            ></textarea>
            <p class="answer__status" id=status_id>{status}</p>
            <Show when=move || too_long.get().is_some()>
                <p class="message message--error" role="alert">
                    {t!(i18n, answer.too_long, chars = move || too_long.get().unwrap_or(0), max = || MAX_TEXT_CHARS)}
                </p>
            </Show>
            {move || saver.error.get().map(|error| view! { <SaveErrorMessage error autosaved=true /> })}
        </div>
    }
}
